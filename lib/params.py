"""Validating what arrives in the URL (?fips=…&layer=…&state=…&lang=…&mode=…).

Links are shared in articles and chats and may be mangled or hostile: every value is checked, a bad one is
dropped with a message a person can act on, and nothing from the URL reaches a page unchecked.
"""

import re
from dataclasses import dataclass, field

from lib.i18n import _
from lib.states import FIPS_BY_ABBR

LANGUAGES = ("en", "es")
MODES = ("explore", "present")
MAX_LENGTH = 40
_FIPS = re.compile(r"^\d{5}$")


@dataclass(frozen=True)
class ViewParams:
    fips: str | None = None
    layer: str | None = None
    state: str | None = None
    lang: str = "en"
    mode: str = "explore"
    problems: tuple[str, ...] = field(default=())


def _shown(value: str) -> str:
    """The bad value as it may be echoed back: short, printable, no markup."""
    clipped = value[:MAX_LENGTH]
    return re.sub(r"[^\w .,-]", "?", clipped) + ("…" if len(value) > MAX_LENGTH else "")


def parse_view(query: dict[str, str | list[str]], known_fips, known_layers) -> ViewParams:
    """Clean view parameters from a query mapping; unknown keys are ignored. Problems are in the current language."""
    problems = []

    def single(name: str) -> str | None:
        value = query.get(name)
        if isinstance(value, list):
            value = value[-1] if value else None
        return None if value is None else str(value).strip()

    fips = single("fips")
    if fips is not None and not (_FIPS.match(fips) and fips in known_fips):
        problems.append(_("'{value}' is not a county code we know (5 digits, e.g. 06085); showing no county.")
                        .format(value=_shown(fips)))
        fips = None
    layer = single("layer")
    if layer is not None and layer not in known_layers:
        problems.append(_("'{value}' is not a map layer; showing the default layer.").format(value=_shown(layer)))
        layer = None
    state = single("state")
    if state is not None:
        state = state.upper()
        if state not in FIPS_BY_ABBR:
            problems.append(_("'{value}' is not a state postal code (e.g. TX); showing the whole country.")
                            .format(value=_shown(state)))
            state = None
    lang = single("lang") or "en"
    if lang not in LANGUAGES:
        problems.append(_("'{value}' is not a language we offer (en, es); showing English.")
                        .format(value=_shown(lang)))
        lang = "en"
    mode = single("mode") or "explore"
    if mode not in MODES:
        problems.append(_("'{value}' is not a mode (present); showing the normal view.").format(value=_shown(mode)))
        mode = "explore"
    return ViewParams(fips, layer, state, lang, mode, tuple(problems))
