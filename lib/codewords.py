"""Words for the codes that the app's tables show: review status, agreement status, basis, effect of a law."""

import pandas as pd

from lib.i18n import N_, _

# Words for the codes that tables show (kept English here, translated where shown).
CODE_WORDS = {
    "draft": N_("draft"), "reviewed": N_("reviewed"),
    "participating": N_("participating"), "pending": N_("pending"),
    "agreement": N_("agreement"), "contract": N_("contract"), "statute": N_("statute"), "case_law": N_("case law"),
    "local policy": N_("local policy"),
    "forbids": N_("forbids"), "requires": N_("requires"), "limits": N_("limits"), "silent": N_("silent"),
    "preempts_local_limits": N_("preempts local limits"), "in_force": N_("in force"),
}


def code_word(code) -> str | None:
    """A code shown in a table (review status, agreement status, basis, effect of a law), in the reader's words."""
    if code is None or (isinstance(code, float) and pd.isna(code)):
        return None
    return _(CODE_WORDS.get(code, code))
