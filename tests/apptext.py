"""What a reader sees of an element's Markdown source in AppTest: the app escapes every text from the data (lib/
safetext.plain), so tests compare the text with its escapes and invisible word joiners taken out."""

import re

from lib.safetext import WORD_JOINER


def shown(markdown: str) -> str:
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown).replace(WORD_JOINER, "")
