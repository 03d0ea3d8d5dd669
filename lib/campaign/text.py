"""A campaign part as plain text, for a download an organizer edits in any program before sending: no markup, so
texts from data stay as they are and nothing in them can format or link."""

from lib.campaign.document import FillIn, Heading, Items, Paragraph, Part

BLANK = "_" * 40


def _block_lines(block) -> list[str]:
    match block:
        case Heading(text):
            return [text, "=" * min(len(text), 72)]
        case Paragraph(text):
            return [text]
        case Items(texts, checkboxes):
            return [("[ ] " if checkboxes else "- ") + text for text in texts]
        case FillIn(label):
            return [f"{label}: {BLANK}"]
    raise TypeError(f"not a block: {block!r}")


def part_text(part: Part) -> str:
    """The part's title, label, blocks and sources, a blank line between blocks."""
    lines = [part.title, part.label, ""]
    for block in part.blocks:
        lines += [*_block_lines(block), ""]
    lines += [f"* {source}" for source in part.sources]
    return "\n".join(lines).rstrip() + "\n"
