"""How old each source is, against how often its publisher updates it. `today` is always a parameter, so
tests and builds do not depend on the day they run."""

import re
from dataclasses import dataclass
from datetime import date

from lib.i18n import _

_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})\b")  # "2026-04-02 (FY26 year to date)" counts too


@dataclass(frozen=True)
class Staleness:
    source_id: str
    title: str
    as_of: date
    age_days: int
    cadence_days: int

    @property
    def message(self) -> str:
        """In the current language (the source's title is data and stays as it is)."""
        return _(
            "{title}: last updated {date} ({age} days before today) — the publisher updates about every "
            "{cadence} days, so newer data is likely out."
        ).format(title=self.title, date=self.as_of.isoformat(), age=self.age_days, cadence=self.cadence_days)


def source_date(source: dict) -> date | None:
    match = _DATE.match(str(source.get("as_of", "")))
    return date(*map(int, match.groups())) if match else None


def stale_sources(sources: list[dict], today: date) -> list[Staleness]:
    """Sources with a known publishing cadence whose date is older than that cadence."""
    stale = []
    for source in sources:
        as_of, cadence = source_date(source), source.get("cadence_days")
        if as_of is None or not cadence:
            continue
        age = (today - as_of).days
        if age > cadence:
            stale.append(Staleness(source["id"], source["title"], as_of, age, int(cadence)))
    return stale
