"""How to cite a view of the app: its title, its canonical link (lib.links.canonical_url), the date of the data, the
build it comes from and the day the reader saw it, in four forms: plain text, APA-like, BibTeX and CSL-JSON.

The forms are plain text for a read-only text box, never Markdown; BibTeX's special characters in data (a county
name) are escaped so that the entry still parses."""

import json
import re
import unicodedata
from dataclasses import dataclass

from lib.data import CompiledData
from lib.dataversion import build_date, data_as_of
from lib.i18n import N_, _

# The project is both the author and the publisher of what it compiles (the sources' own publishers are named on
# the Sources & method page).
PROJECT = N_("County explorer of local collaboration with ICE")
FORMS = {
    "plain": N_("Plain text"),
    "apa": N_("APA-like"),
    "bibtex": N_("BibTeX"),
    "csl_json": N_("CSL-JSON"),
}
BIBTEX_SPECIAL = re.compile(r"[\\{}&%$#_^~]")
BIBTEX_COMMANDS = {"\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}"}


@dataclass(frozen=True)
class CitedView:
    """What every form of a citation says, in the current language."""

    title: str
    project: str
    url: str
    data_as_of: str  # YYYY-MM-DD
    built: str  # YYYY-MM-DD
    build_id: str
    accessed: str  # YYYY-MM-DD, the reader's today


def cited_view(data: CompiledData, county_name: str | None, url: str, build_id: str, accessed: str) -> CitedView:
    project = _(PROJECT)
    title = _("{county}: local collaboration with ICE").format(county=county_name) if county_name else project
    return CitedView(title, project, url, data_as_of(data), build_date(data), build_id, accessed)


def _version(view: CitedView) -> str:
    return _("data as of {as_of}, build {build_id} of {built}").format(
        as_of=view.data_as_of, build_id=view.build_id, built=view.built
    )


def plain(view: CitedView) -> str:
    return _("{title}. {project}; {version}. {url} (accessed {accessed}).").format(
        title=view.title, project=view.project, version=_version(view), url=view.url, accessed=view.accessed
    )


def apa(view: CitedView) -> str:
    return _(
        "{project}. ({built}). {title} (build {build_id}; data as of {as_of}) [Data set]. Retrieved {accessed}, "
        "from {url}"
    ).format(
        project=view.project,
        built=view.built,
        title=view.title,
        build_id=view.build_id,
        as_of=view.data_as_of,
        accessed=view.accessed,
        url=view.url,
    )


def _bibtex_text(text: str) -> str:
    """Text that BibTeX prints as written: its special characters escaped (a backslash, ^ and ~ as commands)."""
    return BIBTEX_SPECIAL.sub(lambda match: BIBTEX_COMMANDS.get(match.group(), "\\" + match.group()), text)


def bibtex(view: CitedView) -> str:
    """A biblatex-style @misc entry; the project in double braces, as a corporate author is kept whole."""
    ascii_title = unicodedata.normalize("NFKD", view.title).encode("ascii", "ignore").decode("ascii")
    key = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")[:40] + f"-{view.built}"
    fields = {
        "title": _bibtex_text(view.title),
        "author": "{" + _bibtex_text(view.project) + "}",
        "publisher": "{" + _bibtex_text(view.project) + "}",
        "year": view.built[:4],
        "version": view.build_id,
        "note": _bibtex_text(_version(view)),
        "url": view.url,  # a URL stays as it is: the url field is read verbatim
        "urldate": view.accessed,
    }
    return f"@misc{{{key},\n" + ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items()) + "\n}"


def _date_parts(iso_date: str) -> dict:
    return {"date-parts": [[int(part) for part in iso_date.split("-")]]}


def csl_json(view: CitedView) -> str:
    item = {
        "id": f"ice-collaboration-{view.build_id}",
        "type": "dataset",
        "title": view.title,
        "author": [{"literal": view.project}],
        "publisher": view.project,
        "version": view.build_id,
        "issued": _date_parts(view.built),
        "accessed": _date_parts(view.accessed),
        "note": _version(view),
        "URL": view.url,
    }
    return json.dumps([item], indent=2, ensure_ascii=False)


def citations(view: CitedView) -> dict[str, str]:
    """Every form, by its key in FORMS."""
    return {"plain": plain(view), "apa": apa(view), "bibtex": bibtex(view), "csl_json": csl_json(view)}
