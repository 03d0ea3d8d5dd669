"""`python -m lib.build [--raw DIR] [--out DIR]`: rebuild data/ from the raw public files."""

import argparse
import json
import sys
import time
from pathlib import Path

from lib.build.errors import RawDataError
from lib.build.pipeline import MatchRateDropped, run
from lib.paths import DATA_DIR, default_raw_dir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lib.build", description=__doc__)
    parser.add_argument("--raw", type=Path, default=default_raw_dir(), help="folder of raw public files")
    parser.add_argument("--out", type=Path, default=DATA_DIR, help="folder to write the compiled data to")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        files = run(args.raw, args.out)
    except (RawDataError, MatchRateDropped) as error:
        print(f"build failed: {error}", file=sys.stderr)
        return 1
    report = json.loads(files["build_report.json"])["agreements_287g"]
    print(
        f"wrote {len(files)} files to {args.out} in {time.perf_counter() - started:.1f} s; "
        f"287(g) rows placed on a county: {report['matched_rows']}/{report['placeable_rows']} "
        f"({report['match_rate']:.2%})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
