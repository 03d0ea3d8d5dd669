"""Uploaded documents: a PDF by its first and last bytes, at most 10 MB; anything else refused before it is stored;
stored by its hash, whole or not at all."""

import hashlib
import io
import zipfile

import pytest

from lib.contrib.documents import (
    EMPTY,
    MAX_BYTES,
    NOT_A_PDF,
    TOO_LARGE,
    DocumentRejected,
    check_pdf,
    document_path,
    store,
)

PDF = b"%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.pdf", b"\0" * 5_000_000)
    return buffer.getvalue()


def test_a_pdf_is_accepted_and_named_by_its_hash():
    assert check_pdf(PDF) == hashlib.sha256(PDF).hexdigest()


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", EMPTY),
        (b"MZ\x90\x00" + b"\0" * 100 + b"%%EOF", NOT_A_PDF),  # an executable renamed .pdf
        (zip_bomb(), NOT_A_PDF),  # a zip bomb named .pdf: never opened, refused by its first bytes
        (b"%PDF-1.7\n<html><script>alert(1)</script>", NOT_A_PDF),  # no end marker
        (PDF + b"x" * 2000, NOT_A_PDF),  # the end marker must be near the end
        (b"%PDF-" + b"0" * (50 * 1024 * 1024) + b"%%EOF", TOO_LARGE),  # 50 MB
    ],
)
def test_anything_else_is_refused(content, reason):
    with pytest.raises(DocumentRejected) as refused:
        check_pdf(content)
    assert refused.value.reason == reason


def test_just_under_the_limit_is_accepted():
    check_pdf(b"%PDF-" + b"0" * (MAX_BYTES - 20) + b"\n%%EOF")


def test_stored_whole_once(tmp_path):
    sha = check_pdf(PDF)
    assert store(tmp_path, sha, PDF) is True
    assert document_path(tmp_path, sha).read_bytes() == PDF
    assert store(tmp_path, sha, PDF) is False
    assert not list(tmp_path.rglob("*.part"))
