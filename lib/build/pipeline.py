"""Runs every build step and writes data/ atomically: the new files are written to a temporary folder
beside data/ and swapped in only when all of them are complete, so a failed build leaves data/ as it was.
MANIFEST.json, written last, holds the SHA-256 of every other file: the app checks what it reads against it,
so it never mixes files of two builds (lib/data.py)."""

import ctypes
import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd

from lib import datasets
from lib.build import docs
from lib.build.agencies import build_agencies, fbi_population
from lib.build.agreements import build_agreements
from lib.build.detention import build_detention
from lib.build.errors import RawDataError
from lib.build.federal_lists import build_county_statements, build_federal_list_coverage, build_federal_lists
from lib.build.geography import build_counties, county_topology
from lib.build.governance import build_county_governance, build_state_governance
from lib.build.history import build_history
from lib.build.main_county import MAIN_COUNTY_FILE, main_county_report
from lib.build.policy import build_local_policies, build_state_laws
from lib.build.public_records import build_public_records_laws, build_state_law_penalties
from lib.build.readers import require_file
from lib.countynames import CountyIndex
from lib.data import load, swap_lock
from lib.mapview import refresh_generated
from lib.paths import SOURCES_FILE, STATIC_DIR
from lib.sources import Registry, load_registry

US_ATLAS_LICENCE = Path("geo/us-atlas-3.0.1_LICENSE.txt")


class MatchRateDropped(Exception):
    pass


def match_report(agreements: pd.DataFrame) -> dict:
    """Share of 287(g) rows placed on a county, among those that belong on one (not statewide, not territories)."""
    placeable = agreements[~agreements["placed_by"].isin(["statewide", "territory_not_mapped"])]
    matched = placeable["placed_by"] != "unmatched"
    by_type = {
        kind: {"rows": int(len(group)), "matched": int((group["placed_by"] != "unmatched").sum())}
        for kind, group in agreements.groupby("agency_type")
    }
    unmatched = agreements[agreements["placed_by"] == "unmatched"]
    return {
        "agreements_287g": {
            "rows": int(len(agreements)),
            "placeable_rows": int(len(placeable)),
            "matched_rows": int(matched.sum()),
            "match_rate": round(float(matched.mean()), 4),
            "by_agency_type": by_type,
            "by_method": {k: int(v) for k, v in agreements["placed_by"].value_counts().sort_index().items()},
            "unmatched": unmatched[
                ["agency", "state_abbr", "agency_type", "model", "source_file", "source_row"]
            ].to_dict("records"),
        }
    }


def _csv(frame: pd.DataFrame) -> str:
    return frame.to_csv(index=False, lineterminator="\n")


def manifest(contents: dict[str, bytes]) -> str:
    """MANIFEST.json for files with these contents: the SHA-256 of each by name, sorted and without a date, so the
    same files always give the same bytes."""
    digests = {name: hashlib.sha256(content).hexdigest() for name, content in sorted(contents.items())}
    return datasets.Manifest(sha256=digests).model_dump_json(indent=1) + "\n"


def build_all(raw_dir: Path, registry: Registry) -> dict[str, str]:
    """Every file of data/, as text, keyed by file name, in the order they are written: MANIFEST.json last."""
    counties, county_shapes, state_labels = build_counties(raw_dir)
    county_index = CountyIndex(counties[["fips", "state_fips", "name"]].itertuples(index=False))
    agencies = build_agencies(raw_dir, county_index, MAIN_COUNTY_FILE)
    agreements = build_agreements(raw_dir, county_index, agencies, registry)
    agreement_history, snapshot_counts, history_report = build_history(
        raw_dir, county_index, agencies, agreements, registry
    )
    state_laws = build_state_laws()
    local_policies = build_local_policies(counties)
    state_governance = build_state_governance(counties)
    county_governance = build_county_governance(counties)
    detention_facilities, detention_population, detention_report = build_detention(raw_dir, county_index)
    federal_lists = build_federal_lists(raw_dir, county_index, agencies)
    federal_list_coverage = build_federal_list_coverage()
    county_statements = build_county_statements(raw_dir, county_index)
    public_records_laws = build_public_records_laws()
    state_law_penalties = build_state_law_penalties()

    for dataset, frame in (
        (datasets.COUNTIES, counties),
        (datasets.STATES, state_labels),
        (datasets.AGENCIES, agencies),
        (datasets.AGREEMENTS_287G, agreements),
        (datasets.STATE_LAWS, state_laws),
        (datasets.LOCAL_POLICIES, local_policies),
        (datasets.DETENTION_FACILITIES, detention_facilities),
        (datasets.DETENTION_POPULATION, detention_population),
        (datasets.STATE_GOVERNANCE, state_governance),
        (datasets.COUNTY_GOVERNANCE, county_governance),
        (datasets.AGREEMENT_HISTORY, agreement_history),
        (datasets.SNAPSHOT_COUNTS, snapshot_counts),
        (datasets.FEDERAL_LISTS, federal_lists),
        (datasets.FEDERAL_LIST_COVERAGE, federal_list_coverage),
        (datasets.COUNTY_STATEMENTS, county_statements),
        (datasets.PUBLIC_RECORDS_LAWS, public_records_laws),
        (datasets.STATE_LAW_PENALTIES, state_law_penalties),
    ):
        dataset.schema.validate(frame)

    licence = require_file(raw_dir / US_ATLAS_LICENCE).read_text(encoding="utf-8")
    files = {
        datasets.COUNTIES.file: _csv(counties),
        datasets.AGENCIES.file: _csv(agencies),
        datasets.AGREEMENTS_287G.file: _csv(agreements),
        datasets.STATES.file: _csv(state_labels),
        datasets.STATE_LAWS.file: _csv(state_laws),
        datasets.LOCAL_POLICIES.file: _csv(local_policies),
        datasets.DETENTION_FACILITIES.file: _csv(detention_facilities),
        datasets.DETENTION_POPULATION.file: _csv(detention_population),
        datasets.STATE_GOVERNANCE.file: _csv(state_governance),
        datasets.COUNTY_GOVERNANCE.file: _csv(county_governance),
        datasets.AGREEMENT_HISTORY.file: _csv(agreement_history),
        datasets.SNAPSHOT_COUNTS.file: _csv(snapshot_counts),
        datasets.FEDERAL_LISTS.file: _csv(federal_lists),
        datasets.FEDERAL_LIST_COVERAGE.file: _csv(federal_list_coverage),
        datasets.COUNTY_STATEMENTS.file: _csv(county_statements),
        datasets.PUBLIC_RECORDS_LAWS.file: _csv(public_records_laws),
        datasets.STATE_LAW_PENALTIES.file: _csv(state_law_penalties),
        datasets.HISTORY_REPORT.file: json.dumps(history_report, indent=1, sort_keys=True) + "\n",
        datasets.DETENTION_REPORT.file: json.dumps(detention_report, indent=1, sort_keys=True) + "\n",
        datasets.COUNTY_SHAPES.file: json.dumps(county_topology(county_shapes), separators=(",", ":"), sort_keys=True),
        datasets.BUILD_REPORT.file: json.dumps(
            {**match_report(agreements), **main_county_report(agencies, fbi_population(raw_dir), agreements)},
            indent=1,
            sort_keys=True,
        )
        + "\n",
        datasets.SOURCES.file: json.dumps(registry.published, indent=1, sort_keys=True) + "\n",
        "README.md": docs.data_readme(registry),
        "LICENSES.md": docs.licences(licence),
    }
    return {**files, datasets.MANIFEST_FILE: manifest({name: text.encode("utf-8") for name, text in files.items()})}


def check_match_rate(files: dict[str, str], out_dir: Path) -> None:
    committed_report = out_dir / datasets.BUILD_REPORT.file
    if not committed_report.is_file():
        return
    committed = json.loads(committed_report.read_text())["agreements_287g"]["match_rate"]
    new = json.loads(files[datasets.BUILD_REPORT.file])["agreements_287g"]["match_rate"]
    if new < committed:
        raise MatchRateDropped(
            f"287(g) match rate fell from {committed:.2%} to {new:.2%}: see 'unmatched' in the new report; "
            f"fix the matching (or the county-name fixes), or delete {committed_report} to accept the lower rate"
        )


def write_atomically(files: dict[str, str], out_dir: Path) -> None:
    """Writes `files` in their order into a new folder, then exchanges it with `out_dir` in one step (Linux's
    renameat2 with RENAME_EXCHANGE), so there is always a whole `out_dir`, of the old build or of the new one. The
    swap waits for loads under way to finish reading (swap_lock), and lib/data.py checks that one load reads one
    build. The old build, now in the new folder's place, is removed."""
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f"{out_dir.name}.tmp-", dir=out_dir.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; data/ is meant to be readable
    try:
        for name, text in files.items():
            (staging / name).write_bytes(text.encode("utf-8"))  # the bytes MANIFEST.json hashes: no newline changes
        with swap_lock(out_dir, exclusive=True):
            if out_dir.exists():
                exchange_folders(staging, out_dir)
            else:
                staging.rename(out_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


_RENAME_EXCHANGE = 2  # linux/fs.h
_AT_FDCWD = -100


def exchange_folders(first: Path, second: Path) -> None:
    """Swaps two folders' names atomically. The standard library has no renameat2, hence glibc through ctypes."""
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) != 0:
        error = ctypes.get_errno()
        raise OSError(error, os.strerror(error), str(second))


def run(raw_dir: Path, out_dir: Path, sources_file: Path = SOURCES_FILE) -> dict[str, str]:
    if not raw_dir.is_dir():
        raise RawDataError(raw_dir, "raw folder not found (pass --raw or set ICE_MAP_RAW_DIR)")
    files = build_all(raw_dir, load_registry(sources_file))
    check_match_rate(files, out_dir)
    write_atomically(files, out_dir)
    # The app serves static/ from beside data/ (lib/paths.py); a data folder elsewhere gets its own.
    refresh_generated(load(out_dir), out_dir.parent / STATIC_DIR.name)
    return files
