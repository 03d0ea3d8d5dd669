"""'Suggest a correction': a text a reader sends themselves, by e-mail or a form of the maintainers' choosing.
The app stores nothing and asks for no name; the address comes from ICE_MAP_CORRECTIONS_TO (an e-mail address
or an https URL) and, when it is not set, the reader copies the text."""

import os
import urllib.parse

FIELDS = ("overall level", "ICE holds", "release notifications", "ICE access to the jail", "287(g) agreements",
          "ICE detention / money", "who decides", "recommended asks", "something else")
MAX_NOTE = 2000


def correction_text(county: str, fips: str, field: str, note: str, page_url: str, data_as_of: str) -> str:
    return (f"Correction suggested for {county} (FIPS {fips})\n"
            f"Field: {field}\n"
            f"Page: {page_url}\n"
            f"Data as of: {data_as_of}\n\n"
            f"{note.strip()[:MAX_NOTE]}\n")


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
