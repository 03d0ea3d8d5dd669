"""Writing Graphviz DOT safely: every label goes through quote(), so agency names cannot break the chart."""


def quote(text: object) -> str:
    """A DOT string literal; a newline in the text becomes a line break in the label."""
    escaped = str(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'
