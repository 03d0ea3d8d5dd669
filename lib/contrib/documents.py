"""An uploaded document: checked to be a PDF by its first and last bytes only (never parsed, rendered or
thumbnailed, since a hostile PDF targets exactly that), stored by its SHA-256 outside git, written whole or not at
all. An accepted one is served only as a download, never inline."""

import hashlib
import os
import tempfile
from pathlib import Path

from lib.i18n import N_

MAX_BYTES = 10 * 1024 * 1024  # 10 MB, as server.maxUploadSize in .streamlit/config.toml
PDF_START = b"%PDF-"
PDF_END = b"%%EOF"
END_WINDOW = 1024  # bytes at the end of the file where %%EOF must be (trailing whitespace and junk allowed)

TOO_LARGE = N_("The file is larger than 10 MB.")
NOT_A_PDF = N_("The file is not a PDF: it does not start with %PDF- and end with %%EOF.")
EMPTY = N_("The file is empty.")


class Refused(ValueError):
    """A contribution refused before anything was stored; `reason` is a stored text (N_), shown with _()."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class DocumentRejected(Refused):
    """The uploaded file may not be stored."""


def check_pdf(content: bytes) -> str:
    """The document's SHA-256 if it may be stored; DocumentRejected otherwise."""
    if not content:
        raise DocumentRejected(EMPTY)
    if len(content) > MAX_BYTES:
        raise DocumentRejected(TOO_LARGE)
    if not content.startswith(PDF_START) or PDF_END not in content[-END_WINDOW:]:
        raise DocumentRejected(NOT_A_PDF)
    return hashlib.sha256(content).hexdigest()


def document_path(uploads: Path, sha256: str) -> Path:
    return uploads / sha256[:2] / f"{sha256}.pdf"


def store(uploads: Path, sha256: str, content: bytes) -> bool:
    """Writes the document under its hash (to a temporary file first, renamed into place, so a crash leaves no
    half file); True if it was new, False if the same document was already stored."""
    path = document_path(uploads, sha256)
    if path.exists():
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(content)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return True
