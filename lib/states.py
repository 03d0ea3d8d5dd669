"""The states the map covers: the 50 states, DC and Puerto Rico (the other territories have no county data)."""

import us

_COVERED = [s for s in us.states.STATES_AND_TERRITORIES if not s.is_territory or s.abbr == "PR"] + [us.states.DC]
_COVERED = sorted({s.fips: s for s in _COVERED}.values(), key=lambda s: s.fips)

STATE_FIPS: tuple[str, ...] = tuple(s.fips for s in _COVERED)
ABBR_BY_FIPS: dict[str, str] = {s.fips: s.abbr for s in _COVERED}
NAME_BY_FIPS: dict[str, str] = {s.fips: s.name for s in _COVERED}
FIPS_BY_ABBR: dict[str, str] = {s.abbr: s.fips for s in _COVERED}
FIPS_BY_NAME: dict[str, str] = {s.name.upper(): s.fips for s in _COVERED}

# The FBI agency list uses a few codes of its own.
FBI_STATE_CODES = {"NB": "NE"}


def abbr_for_any_jurisdiction(name_or_abbr: str) -> str | None:
    """Postal code of any US state or territory, mapped or not (ICE also lists Guam and the Northern Marianas)."""
    text = name_or_abbr.strip()
    found = us.states.lookup(FBI_STATE_CODES.get(text.upper(), text))
    return found.abbr if found else None


def fips_for_state(name_or_abbr: str) -> str | None:
    text = name_or_abbr.strip().upper()
    text = FBI_STATE_CODES.get(text, text)
    return FIPS_BY_ABBR.get(text) or FIPS_BY_NAME.get(text)
