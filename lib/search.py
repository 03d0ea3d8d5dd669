"""Finding a county by its name, or by the name of a city or police agency in it (FBI agency list), forgiving what
people type: case and accents ("dona ana"), punctuation and hyphens ("Miami Dade"), "St."/"Saint"/"Ste.", a state's
name or postal code with or without a comma ("Mesa AZ", "Mesa, Arizona"), agency words ("Harris County Sheriff",
"Mesa PD"), small typos ("Maricoppa"), and the few names that are no county's or agency's (PLACE_ALIASES: "NYC").
Hits are ranked by how exactly they match, then by the population of the county they lead to.

`python -m lib.search "QUERY"` prints the ranked hits as JSON lines (fips, label, kind), for scripts.
"""

import argparse
import json
import re
import sys
from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from lib.countynames import CENSUS_SUFFIXES, ascii_fold
from lib.data import CompiledData, DataFileError, load
from lib.i18n import LANGUAGES, N_, SOURCE_LANGUAGE, _, use_language
from lib.states import ABBR_BY_FIPS, NAME_BY_FIPS

MIN_QUERY_LENGTH = 2
# What a hit leads from: a county's own name, an agency of the FBI's list, or a name of PLACE_ALIASES.
COUNTY_HIT, AGENCY_HIT, PLACE_HIT = "county", "agency", "place"
# The FBI's agency types, as a hit names them (English, N_: translated when a search runs).
FBI_AGENCY_TYPES = {
    "City": N_("city agency"),
    "County": N_("county agency"),
    "Other": N_("other agency"),
    "University or College": N_("university or college agency"),
    "Other State Agency": N_("other state agency"),
    "State Police": N_("state police agency"),
    "Tribal": N_("tribal agency"),
    "Federal": N_("federal agency"),
}


@dataclass(frozen=True)
class PlaceAlias:
    name: str  # as its hit shows it
    fips: str
    searched_as: tuple[str, ...]  # what people type for it (folded like every name)
    reason: str  # why this name leads to this county


_NYC = (
    "New York City is five counties, one per borough (Brooklyn is Kings County, Manhattan New York County, Staten "
    "Island Richmond County); no county bears the city's name, and the FBI lists the NYPD with no county."
)
_NYC_NAMES = ("New York City", "NYC", "NYPD")
# Names people search for that no county or agency of our data bears: the one place they are listed.
PLACE_ALIASES = (
    PlaceAlias("New York City: Bronx", "36005", _NYC_NAMES, _NYC),
    PlaceAlias("New York City: Brooklyn", "36047", (*_NYC_NAMES, "Brooklyn"), _NYC),
    PlaceAlias("New York City: Manhattan", "36061", (*_NYC_NAMES, "Manhattan"), _NYC),
    PlaceAlias("New York City: Queens", "36081", _NYC_NAMES, _NYC),
    PlaceAlias("New York City: Staten Island", "36085", (*_NYC_NAMES, "Staten Island"), _NYC),
    PlaceAlias(
        "Washington, D.C.",
        "11001",
        ("Washington DC", "DC"),
        "The District of Columbia is a county of its own, and people call it Washington, D.C.",
    ),
)

# Words of a name that say what kind of place or agency it is, not which one: a query may leave them out, add them
# ("Harris County Sheriff") or use others ("Mesa PD"); one it gives prefers hits of that kind. Spanish ones too.
WANTS_COUNTY, WANTS_CITY = "county", "city"
KIND_WORDS = {
    **dict.fromkeys(
        (
            "county",
            "parish",
            "borough",
            "municipio",
            "municipality",
            "sheriff",
            "sheriffs",
            "condado",
            "parroquia",
            "alguacil",
        ),
        WANTS_COUNTY,
    ),
    **dict.fromkeys(("city", "town", "township", "village", "police", "pd", "ciudad", "pueblo", "policia"), WANTS_CITY),
    **dict.fromkeys(("office", "department", "dept", "oficina", "departamento"), None),
}
SPANISH_KIND_WORDS = {"condado", "parroquia", "ciudad", "pueblo", "policia", "departamento", "oficina", "alguacil"}
FILLER_WORDS = {"of", "the"}  # "Isle of Wight", "The Bronx"
# Abbreviations and their long forms, written one way on both sides (the names say "St.", people "Saint").
SAME_WORD = {"saint": "st", "sainte": "ste", "mt": "mount", "ft": "fort"}
# A state's name or postal code, folded, as the last words of a query: "mesa az", "mesa arizona".
STATE_WORDS = {
    **{name.lower(): ABBR_BY_FIPS[fips] for fips, name in NAME_BY_FIPS.items()},
    **{abbr.lower(): abbr for abbr in ABBR_BY_FIPS.values()},
    "d c": "DC",
}
LONGEST_STATE_NAME = max(len(words.split()) for words in STATE_WORDS)
# How alike a misspelt name must be to a real one (rapidfuzz's ratio, 0 to 100), and a query's least length for it
# and for a match inside a name (shorter ones, "nyc", are found inside too many).
FUZZY_CUTOFF = 80
FUZZY_MIN_LENGTH = 4
# The tiers of exactness, best first: the name itself (without its kind words), the first words of a name, the
# start of a name, every word starting a word of the name, somewhere inside the name, a name spelt nearly alike.
EXACT, FIRST_WORDS, PREFIX, WORDS, INSIDE, ALIKE, NO_MATCH = range(7)


@dataclass(frozen=True)
class Hit:
    fips: str
    label: str  # what the person sees, e.g. "Mesa, AZ (city agency) → Maricopa County", in the current language
    kind: str  # COUNTY_HIT, AGENCY_HIT or PLACE_HIT


@dataclass(frozen=True)
class SearchIndex:
    """One row per searchable name (language-free: it is cached across sessions), and every word of those names."""

    rows: pd.DataFrame
    vocabulary: frozenset[str]


def words_of(text: str) -> list[str]:
    """'St. Mary's County' -> ['st', 'marys', 'county']: accents, case, apostrophes and other punctuation gone,
    abbreviations written one way (SAME_WORD: 'Saint' as 'st')."""
    text = ascii_fold(str(text)).lower().replace("&", " and ")
    text = re.sub(r"['`]", "", text)
    return [SAME_WORD.get(word, word) for word in re.sub(r"[^a-z0-9]+", " ", text).split()]


def core_words(words: list[str]) -> list[str]:
    """The words that tell one place from another: without kind and filler words ('condado de Harris' -> 'harris');
    all of them when nothing else is left."""
    kept = [
        word
        for position, word in enumerate(words)
        if word not in KIND_WORDS
        and word not in FILLER_WORDS
        and not (word in ("de", "del") and position and words[position - 1] in SPANISH_KIND_WORDS)
    ]
    return kept or words


def clean_name(name: str) -> str:
    """An FBI agency name as shown: the list cuts some off after a colon ('Harris County Constable:')."""
    return re.sub(r"\s+", " ", str(name)).strip().rstrip(":;,").strip()


def _without_suffix(name: str) -> str:
    for suffix in CENSUS_SUFFIXES:
        if name.endswith(" " + suffix):
            return name[: -len(suffix) - 1]
    return name


def _searchable(frame: pd.DataFrame) -> pd.DataFrame:
    """Adds the folded forms every query is compared with to rows that have `name` and `bare` (the name without the
    suffix a county's name ends in)."""
    full = [" ".join(words_of(name)) for name in frame["name"]]
    core = [" ".join(core_words(words_of(bare))) for bare in frame["bare"]]
    return frame.assign(
        full=full,
        bare=[" ".join(words_of(bare)) for bare in frame["bare"]],
        core=core,
        compact=[words.replace(" ", "") for words in core],
    )


def build_index(data: CompiledData) -> SearchIndex:
    """Counties, the FBI's agencies placed on a county (agencies of one name, type and county are one row with
    their count: the list names eight precincts "Harris County Constable:"), and PLACE_ALIASES."""
    counties = data.counties
    county_labels = counties["name"] + ", " + counties["state_abbr"]
    is_city = counties["name"].str.endswith(" city")  # Virginia's independent cities, Baltimore, St. Louis
    county_rows = pd.DataFrame(
        {
            "fips": counties["fips"],
            "kind": COUNTY_HIT,
            "name": counties["name"],
            "bare": counties["name"].map(_without_suffix),
            "label": county_labels,
            "state_abbr": counties["state_abbr"],
            "population": counties["population"],
            "name_kind": np.where(is_city, WANTS_CITY, WANTS_COUNTY),
        }
    )

    # An agency in several counties (the FBI lists Houston in Fort Bend, Harris and Montgomery) leads to each: its
    # main county (the one holding most of its residents, Harris) first, its other counties right after it.
    agencies = data.agencies.dropna(subset=["county_fips"])
    agencies = agencies.assign(
        agency=agencies["agency"].map(clean_name),
        main_county=agencies["county_fips"],
        county_fips=agencies["all_county_fips"].str.split(";"),
    ).explode("county_fips")
    grouped = (
        agencies.assign(elsewhere=agencies["county_fips"] != agencies["main_county"])
        .groupby(["agency", "state_abbr", "fbi_agency_type", "county_fips"], sort=False)
        .agg(count=("elsewhere", "size"), elsewhere=("elsewhere", "all"), main_county=("main_county", "first"))
        .reset_index()
    )
    county_of = data.counties_by_fips
    agency_rows = pd.DataFrame(
        {
            "fips": grouped["county_fips"],
            "kind": AGENCY_HIT,
            "name": grouped["agency"],
            "bare": grouped["agency"],
            "label": grouped["agency"],
            "state_abbr": grouped["state_abbr"],
            "population": grouped["county_fips"].map(county_of["population"]),
            "name_kind": grouped["fbi_agency_type"].map({"County": WANTS_COUNTY, "City": WANTS_CITY}),
            "agency_type": grouped["fbi_agency_type"],
            "count": grouped["count"],
            "county": grouped["county_fips"].map(county_of["name"]),
            "main_county_elsewhere": grouped["elsewhere"],
            "main_county_population": grouped["main_county"].map(county_of["population"]),
        }
    )

    aliases = [(place, searched) for place in PLACE_ALIASES for searched in place.searched_as]
    alias_fips = pd.Series([place.fips for place, _searched in aliases], dtype=object)
    alias_rows = pd.DataFrame(
        {
            "fips": alias_fips,
            "kind": PLACE_HIT,
            "name": [searched for _place, searched in aliases],
            "bare": [searched for _place, searched in aliases],
            "label": [place.name for place, _searched in aliases],
            "state_abbr": alias_fips.map(county_of["state_abbr"]),
            "population": alias_fips.map(county_of["population"]),
            "county": (alias_fips.map(county_of["name"]) + ", " + alias_fips.map(county_of["state_abbr"])),
        }
    )

    rows = _searchable(pd.concat([county_rows, agency_rows, alias_rows], ignore_index=True))
    # The agency named after its county (the FBI calls Harris County's sheriff "Harris") leads where the county's own
    # hit does: it comes after the hits that lead elsewhere.
    county_name = rows[rows["kind"] == COUNTY_HIT].set_index("fips")["bare"]
    rows["repeats_county"] = (rows["kind"] == AGENCY_HIT) & (rows["full"] == rows["fips"].map(county_name))
    rows["count"] = rows["count"].fillna(1).astype(int)
    rows["main_county_elsewhere"] = rows["main_county_elsewhere"].fillna(False).astype(bool)
    rows["main_county_population"] = rows["main_county_population"].fillna(rows["population"])
    rows["population"] = rows["population"].fillna(0)
    vocabulary = frozenset(word for name in rows["full"] for word in name.split())
    return SearchIndex(rows, vocabulary)


@dataclass(frozen=True)
class _Reading:
    """One way to read a query: its words, and the state it names at its end, if it is read as naming one."""

    full: str
    core: str
    wants: str | None
    state: str | None


def _corrected(word: str, vocabulary: frozenset[str]) -> str:
    """A misspelt kind word ('sherif', 'conty') as the kind word, unless some name has that very word ('Paris')."""
    if len(word) < FUZZY_MIN_LENGTH or word in KIND_WORDS or word in vocabulary:
        return word
    found = process.extractOne(word, list(KIND_WORDS), scorer=fuzz.ratio, score_cutoff=85)
    return found[0] if found else word


def _reading(words: list[str], state: str | None) -> _Reading:
    wanted = {KIND_WORDS[word] for word in words if KIND_WORDS.get(word)}
    return _Reading(" ".join(words), " ".join(core_words(words)), wanted.pop() if len(wanted) == 1 else None, state)


def readings(query: str, vocabulary: frozenset[str]) -> list[_Reading]:
    """The query as it stands, and, when its last words (before any kind words) name a state and something is left,
    read as a name in that state ('Mesa AZ', 'Harris County, Texas', 'Mesa AZ police'): that reading first."""
    words = [_corrected(word, vocabulary) for word in words_of(query)]
    as_written = _reading(words, None)
    naming = [position for position, word in enumerate(words) if word not in KIND_WORDS]
    for length in range(min(LONGEST_STATE_NAME, len(naming) - 1), 0, -1):
        state_positions = naming[-length:]
        state = STATE_WORDS.get(" ".join(words[position] for position in state_positions))
        if state:
            rest = [word for position, word in enumerate(words) if position not in state_positions]
            return [_reading(rest, state), as_written]
    return [as_written]


def _ranked(rows: pd.DataFrame, reading: _Reading) -> pd.DataFrame:
    """The rows that match a reading, best first, with their tier of exactness."""
    if reading.state:
        rows = rows[rows["state_abbr"] == reading.state]
    compact = reading.core.replace(" ", "")
    exact = (rows["core"] == reading.core) | (rows["compact"] == compact) | (rows["bare"] == reading.full)
    full_name = (rows["full"] == reading.full) | (rows["bare"] == reading.full)
    first_words = rows["core"].str.startswith(reading.core + " ") | rows["full"].str.startswith(reading.full + " ")
    prefix = rows["core"].str.startswith(reading.core) | rows["full"].str.startswith(reading.full)
    every_word = np.logical_and.reduce(
        [rows["full"].str.contains(r"(?:^| )" + re.escape(word)) for word in reading.core.split()]
        or [np.zeros(len(rows), bool)]
    )
    long_enough = len(compact) >= FUZZY_MIN_LENGTH
    inside = rows["full"].str.contains(reading.core, regex=False) if long_enough else np.zeros(len(rows), bool)
    alike = np.zeros(len(rows))
    if long_enough and len(rows):
        alike = np.maximum(
            process.cdist([reading.core], rows["core"].tolist(), scorer=fuzz.ratio)[0],
            process.cdist([reading.full], rows["full"].tolist(), scorer=fuzz.ratio)[0],
        )
    tier = np.select(
        [exact, first_words, prefix, every_word, inside, alike >= FUZZY_CUTOFF],
        [EXACT, FIRST_WORDS, PREFIX, WORDS, INSIDE, ALIKE],
        NO_MATCH,
    )
    scored = rows.assign(
        tier=tier,
        alike=np.where(tier == ALIKE, alike.round(), 0),
        other_kind=(rows["name_kind"] != reading.wants) if reading.wants else False,
        other_name=~full_name,
        agency=rows["kind"] == AGENCY_HIT,
    )
    matches = scored[scored["tier"] < NO_MATCH]
    return matches.sort_values(
        [
            "tier",
            "alike",
            "other_kind",
            "other_name",
            "repeats_county",
            "main_county_population",
            "main_county_elsewhere",
            "population",
            "agency",
            "label",
        ],
        ascending=[True, False, True, True, True, False, True, False, True, True],
    )


def _agency_type(fbi_type: str) -> str:
    if fbi_type in FBI_AGENCY_TYPES:
        return _(FBI_AGENCY_TYPES[fbi_type])
    return _("{agency_type} agency").format(agency_type=str(fbi_type).lower())


def hit_label(row) -> str:
    """What a person sees for one row of the index, in the current language (names stay as they are)."""
    if row.kind == COUNTY_HIT:
        return row.label
    if row.kind == PLACE_HIT:
        return f"{row.label} → {row.county}"
    if row.count > 1:
        return _("{agency}, {state} ({count} agencies) → {county}").format(
            agency=row.name, state=row.state_abbr, count=row.count, county=row.county
        )
    return _("{agency}, {state} ({agency_type}) → {county}").format(
        agency=row.name, state=row.state_abbr, agency_type=_agency_type(row.agency_type), county=row.county
    )


def search(index: SearchIndex, query: str, limit: int = 12) -> list[Hit]:
    """The hits for a query, best first: by tier of exactness, then (among equals) hits of the kind the query names
    ("sheriff" a county, "police" a city), the whole name, hits that lead elsewhere than a county's own hit, the
    county's population (for an agency, its main county's, so that the other counties it serves come right after
    it), the main county first, and a county before an agency.
    A query read as naming a state wins unless reading it as written matches more exactly ('Port Washington')."""
    if len("".join(words_of(query or ""))) < MIN_QUERY_LENGTH:
        return []
    best = None
    for reading in readings(query, index.vocabulary):
        ranked = _ranked(index.rows, reading)
        if len(ranked) and (best is None or ranked["tier"].iloc[0] < best["tier"].iloc[0]):
            best = ranked
    if best is None:
        return []
    once = best.drop_duplicates(["fips", "kind", "label", "agency_type"])  # a place found by two of its names
    return [Hit(row.fips, hit_label(row), row.kind) for row in once.head(limit).itertuples()]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m lib.search",
        description="The ranked hits of a search, one JSON object (fips, label, kind) per line.",
    )
    parser.add_argument("query", nargs="+", metavar="QUERY", help='what a person would type, e.g. "Mesa AZ"')
    parser.add_argument(
        "--lang",
        choices=sorted(LANGUAGES),
        default=SOURCE_LANGUAGE,
        help="language of the labels (default: %(default)s)",
    )
    parser.add_argument("--limit", type=int, default=12, help="most hits printed (default: %(default)s)")
    arguments = parser.parse_args(argv)
    with use_language(arguments.lang):
        try:
            index = build_index(load())
        except DataFileError as error:
            print(_("error: {error}").format(error=error), file=sys.stderr)
            return 1
        for hit in search(index, " ".join(arguments.query), arguments.limit):
            print(json.dumps(asdict(hit), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
