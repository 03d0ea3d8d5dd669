"""Short texts of a county page, built from its profile: the facts under its name, the detail of an indicator and the
date of a piece of evidence."""

from lib.i18n import N_, _
from lib.vocab import DRAFT, code_word


def capitalized(text: str) -> str:
    """The first letter in upper case and the rest as it is: str.capitalize() would write "Ice" for "ICE"."""
    return text[:1].upper() + text[1:]


def county_facts_line(fips: str, profile: dict) -> str:
    """Under a county's name: its code, population with its date, and its ICE field office (FACTS_EXPLAINED says
    what the code and the field office are)."""
    facts = dict(fips=fips, population=f"{profile['population']['value']:,}", as_of=profile["population"]["as_of"])
    if profile["ice_field_office"]:
        return _("FIPS code {fips} · population {population}, as of {as_of} · ICE field office: {office}").format(
            office=profile["ice_field_office"], **facts
        )
    return _("FIPS code {fips} · population {population}, as of {as_of} · ICE field office: unknown").format(**facts)


FACTS_EXPLAINED = N_(
    "FIPS code: the county's five-digit federal code, which data sources use to name it (first two digits: the "
    "state). ICE field office: the ICE enforcement office whose area of responsibility includes the county, by "
    "ICE's own three-letter code."
)


def indicator_detail(record: dict) -> str:
    """Under an indicator's value: the kind of evidence and its date, or that there is none."""
    draft = record["review_status"] == DRAFT
    if not record["basis"]:
        return _("no evidence found · draft") if draft else _("no evidence found")
    detail = _("{basis}, as of {date} · draft") if draft else _("{basis}, as of {date}")
    return detail.format(basis=code_word(record["basis"]), date=evidence_date(str(record["as_of"])))


def evidence_date(as_of):
    """The date of a piece of evidence without the words "as of" that some sources put before it: the line or the
    column header that shows it says them, in the reader's language. Anything but a text is kept as it is."""
    return as_of.removeprefix("as of").strip() if isinstance(as_of, str) else as_of
