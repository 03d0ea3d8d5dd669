"""'Suggest a correction': a text a reader sends themselves, by e-mail or a form of the maintainers' choosing.
The app stores nothing and asks for no name; the address comes from ICE_MAP_CORRECTIONS_TO (an e-mail address
or an https URL) and, when it is not set, the reader copies the text.

FIELDS are stored texts (English, N_): show them with `_()` (e.g. `format_func=_`); the text is written in the
current language."""

import os
import urllib.parse

from lib.i18n import N_, _

FIELDS = (
    N_("overall level"),
    N_("ICE holds"),
    N_("release notifications"),
    N_("ICE access to the jail"),
    N_("287(g) agreements"),
    N_("ICE detention / money"),
    N_("who decides"),
    N_("recommended asks"),
    N_("something else"),
)
MAX_NOTE = 2000


def correction_text(county: str, fips: str, field: str, note: str, page_url: str, data_as_of: str) -> str:
    """The text to send. `field` is one of FIELDS (English or already translated: it is shown translated)."""
    return "".join(
        (
            _("Correction suggested for {county} (FIPS {fips})").format(county=county, fips=fips),
            "\n",
            _("Field: {field}").format(field=_(field)),
            "\n",
            _("Page: {url}").format(url=page_url),
            "\n",
            _("Data as of: {date}").format(date=data_as_of),
            "\n\n",
            note.strip()[:MAX_NOTE],
            "\n",
        )
    )


def send_link(text: str, subject: str, destination: str | None = None) -> str | None:
    """A mailto: or https link carrying the text, or None when no destination is configured."""
    target = (destination if destination is not None else os.environ.get("ICE_MAP_CORRECTIONS_TO", "")).strip()
    if "@" in target and not target.startswith("http"):
        query = urllib.parse.urlencode({"subject": subject, "body": text}, quote_via=urllib.parse.quote)
        return f"mailto:{urllib.parse.quote(target, safe='@')}?{query}"
    if target.startswith("https://"):
        separator = "&" if "?" in target else "?"
        return f"{target}{separator}{urllib.parse.urlencode({'text': text})}"
    return None
