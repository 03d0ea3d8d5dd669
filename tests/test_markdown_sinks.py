"""No text from a data file or a URL reaches Streamlit's Markdown unescaped: a check over the syntax tree of every
module that calls Streamlit. Every argument that Streamlit renders as Markdown (the text of markdown, title, caption,
alerts…; the label and help of every widget, tab, expander and page link) must be built only from

- a string literal, or a translated literal: `_("…")`, `ngettext("…", "…", n)`;
- the escaping function's output: `plain(…)`, or `fill(<translated literal>, …)` which escapes every value;
- a call to a `…_markdown()` function of ours, which takes no parameters and so can carry no data;
- `+`, f-strings and `x if c else y` of the above.
"""

import ast
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# Calls whose first argument (or `body`) Streamlit renders as Markdown.
TEXT_SINKS = {
    "markdown",
    "title",
    "header",
    "subheader",
    "caption",
    "write",
    "warning",
    "info",
    "error",
    "success",
    "toast",
    "exception",
}
# Calls whose first argument (or `label`) is a Markdown label.
LABEL_SINKS = {
    "button",
    "download_button",
    "link_button",
    "form_submit_button",
    "text_input",
    "text_area",
    "number_input",
    "selectbox",
    "multiselect",
    "select_slider",
    "slider",
    "toggle",
    "checkbox",
    "radio",
    "segmented_control",
    "pills",
    "expander",
    "popover",
    "metric",
    "date_input",
    "time_input",
    "file_uploader",
    "color_picker",
    "feedback",
    "chat_input",
}
TRANSLATORS = {"_", "ngettext"}
ESCAPERS = {"plain"}
TEMPLATE_FILLERS = {"fill"}


def streamlit_modules() -> list[Path]:
    """The app, its pages and every module of lib/ui/, the only part of lib/ that may call Streamlit
    (tests/test_layering.py)."""
    return [
        PROJECT_ROOT / "app.py",
        *sorted((PROJECT_ROOT / "app_pages").glob("*.py")),
        *sorted((PROJECT_ROOT / "lib" / "ui").rglob("*.py")),
    ]


def _name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def is_literal(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def is_translated_literal(node: ast.AST) -> bool:
    if not (isinstance(node, ast.Call) and _name(node.func) in TRANSLATORS):
        return False
    texts = node.args[:2] if _name(node.func) == "ngettext" else node.args
    return bool(texts) and all(is_literal(text) for text in texts)


def is_safe(node: ast.AST) -> bool:
    if is_literal(node) or is_translated_literal(node):
        return True
    if isinstance(node, ast.Call):
        called = _name(node.func)
        if called in ESCAPERS:
            return True
        if called in TEMPLATE_FILLERS:
            return bool(node.args) and is_translated_literal(node.args[0])
        return bool(called) and called.endswith("_markdown") and not node.args and not node.keywords
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return is_safe(node.left) and is_safe(node.right)
    if isinstance(node, ast.JoinedStr):
        return all(is_literal(part) or is_safe(part.value) for part in node.values)
    if isinstance(node, ast.IfExp):
        return is_safe(node.body) and is_safe(node.orelse)
    return False


def rendered_arguments(call: ast.Call) -> list[ast.AST]:
    """The arguments of `call` that Streamlit renders as Markdown."""
    called = _name(call.func)
    keywords = {keyword.arg: keyword.value for keyword in call.keywords}
    shown = [keywords["help"]] if "help" in keywords else []
    if called in TEXT_SINKS:
        shown += call.args[:1] + [keywords[name] for name in ("body",) if name in keywords]
    elif called == "page_link":  # page_link(page, label)
        shown += call.args[1:2] + [keywords[name] for name in ("label",) if name in keywords]
    elif called in LABEL_SINKS:
        shown += call.args[:1] + [keywords[name] for name in ("label",) if name in keywords]
        if called == "metric":  # its delta line is Markdown too
            shown += call.args[2:3] + [keywords[name] for name in ("delta",) if name in keywords]
    elif called == "tabs" and call.args and isinstance(call.args[0], ast.List):
        shown += call.args[0].elts
    elif called == "tabs" and call.args:
        shown += call.args[:1]
    return shown


def unsafe_arguments(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    found = []
    for call in ast.walk(tree):
        if isinstance(call, ast.Call):
            for argument in rendered_arguments(call):
                if not is_safe(argument):
                    found.append(f"{path.relative_to(PROJECT_ROOT)}:{argument.lineno}: {ast.unparse(argument)}")
    return found


def test_every_markdown_argument_is_a_literal_or_escaped():
    problems = [problem for path in streamlit_modules() for problem in unsafe_arguments(path)]
    assert not problems, "Markdown built from unescaped text:\n" + "\n".join(problems)


def test_markdown_functions_take_no_parameters():
    """A `…_markdown()` function is accepted above because it cannot be handed data text."""
    for path in sorted((PROJECT_ROOT / "lib").rglob("*.py")):
        for function in ast.walk(ast.parse(path.read_text())):
            if isinstance(function, ast.FunctionDef) and function.name.endswith("_markdown"):
                assert not function.args.args and not function.args.kwonlyargs, f"{path}: {function.name}"


@pytest.mark.parametrize(
    "code",
    [
        "st.markdown(name)",
        'st.caption(f"{name}")',
        'st.title(_("A {x}").format(x=name))',
        "st.info(_(label))",
        'column.metric(plain(a), "1", name)',
        'st.tabs([_("A"), name])',
        "st.page_link(PAGE, label=hit.label)",
        'st.text_input(_("A"), help=note)',
        "st.expander(name)",
        'st.write(profile["why"])',
        'st.warning("x" + name)',
        "st.markdown(fill(template, x=name))",
        "st.caption(rules_markdown(name))",
    ],
)
def test_the_check_catches(code):
    call = ast.parse(code).body[0].value
    assert not all(is_safe(argument) for argument in rendered_arguments(call))


@pytest.mark.parametrize(
    "code",
    [
        "st.markdown(plain(name))",
        'st.title(fill(_("**{x}**"), x=name))',
        'st.caption("SCAAP")',
        'st.tabs([_("A"), plain(name)])',
        "st.page_link(PAGE, label=plain(hit.label))",
        'st.markdown("- " + plain(x))',
        "st.markdown(rules_markdown())",
        'st.info(_("A") if x else plain(y))',
        'st.metric(_("A"), v, plain(d))',
    ],
)
def test_the_check_accepts(code):
    call = ast.parse(code).body[0].value
    assert all(is_safe(argument) for argument in rendered_arguments(call))
