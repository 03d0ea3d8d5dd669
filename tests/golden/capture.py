"""Captures the golden outputs (tests/golden/outputs.py) of the code as it is into tests/golden/expected/, which
tests/test_golden.py compares the code against.

    python -m tests.golden.capture

Only for a deliberate behaviour change, named in the commit message (see tests/test_golden.py).

Texts (profiles, briefs, map payloads, legends, the data dictionary) are stored whole, in one gzip-compressed JSON
lines file. The large downloads (CSV and GeoJSON) are stored as their SHA-256, their length in bytes and their first
characters, enough to show where a changed one starts to differ. Capturing twice writes the same bytes.
"""

import gzip
import hashlib
import json
import sys
from pathlib import Path

from tests.golden.outputs import OUTPUT_GROUPS, GoldenInputs, Output

EXPECTED_DIR = Path(__file__).resolve().parent / "expected"
WHOLE_FILE = EXPECTED_DIR / "outputs.jsonl.gz"
DIGEST_FILE = EXPECTED_DIR / "digests.jsonl"
HEAD_CHARACTERS = 2000


def stored_record(group: str, output: Output) -> dict:
    """What is kept of an output: its text, or for a large one its digest."""
    content = output.content.encode("utf-8") if isinstance(output.content, str) else output.content
    record = {"group": group, "item": output.name}
    if output.in_full:
        return record | {"text": content.decode("utf-8")}
    return record | {
        "sha256": hashlib.sha256(content).hexdigest(),
        "bytes": len(content),
        "head": content.decode("utf-8")[:HEAD_CHARACTERS],
    }


def _json_lines(records: list[dict]) -> bytes:
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records).encode("utf-8")


def write_expected(records: list[dict]) -> None:
    EXPECTED_DIR.mkdir(exist_ok=True)
    # No file name and no time in the gzip header: the same outputs make the same bytes.
    with (
        WHOLE_FILE.open("wb") as file,
        gzip.GzipFile(filename="", mode="wb", fileobj=file, compresslevel=9, mtime=0) as compressed,
    ):
        compressed.write(_json_lines([record for record in records if "text" in record]))
    DIGEST_FILE.write_bytes(_json_lines([record for record in records if "text" not in record]))


def read_expected() -> dict[str, dict[str, dict]]:
    """The stored records by group, then by item."""
    lines = gzip.decompress(WHOLE_FILE.read_bytes()).splitlines() + DIGEST_FILE.read_bytes().splitlines()
    by_group: dict[str, dict[str, dict]] = {}
    for line in lines:
        record = json.loads(line)
        by_group.setdefault(record["group"], {})[record["item"]] = record
    return by_group


def main() -> int:
    inputs = GoldenInputs.load()
    records = [stored_record(group, output) for group, outputs in OUTPUT_GROUPS.items() for output in outputs(inputs)]
    write_expected(records)
    for path in (WHOLE_FILE, DIGEST_FILE):
        print(f"{path}: {path.stat().st_size:,} bytes")
    print(f"{len(records)} outputs captured")
    return 0


if __name__ == "__main__":
    sys.exit(main())
