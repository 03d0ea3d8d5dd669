"""One vocabulary: the codes of the domain are typed once, in lib/registry.py, lib/vocab.py and (languages)
lib/i18n.py, and everywhere else named by their constants.

A code typed again elsewhere is how the county page once crashed (the evidence knew an indicator the page did
not): this test reads the syntax tree of every module of lib/ and app_pages/ and fails on a string literal that
is an indicator id, an indicator value, a level id, a review, agreement or law status, a law's effect, a basis,
a 287(g) model, an agency type, a language code, or the FIPS pattern. Not counted: texts marked for translation
(`_("holds")` is a word, not a code), docstrings, and a literal that is also the name of a field (a column of the
compiled data, a field of a record, a URL parameter: "state", "contract", "draft") except where it is compared,
returned or assigned as a value, which is what a code is used for (`kind == "state"`, `return "state"`).
"""

import ast
from dataclasses import fields
from pathlib import Path

import pytest

from lib import datasets, i18n, money, params, registry, vocab
from lib.authority import Office
from lib.classify import Evidence
from lib.paths import PROJECT_ROOT

DEFINING_MODULES = {PROJECT_ROOT / "lib" / "registry.py", PROJECT_ROOT / "lib" / "vocab.py",
                    PROJECT_ROOT / "lib" / "i18n.py"}
TRANSLATING_CALLS = {"_", "N_", "ngettext"}

CODES = {
    "indicator id": set(registry.INDICATORS_BY_ID),
    "indicator value": set(registry.VALUES),
    "level id": set(registry.LEVELS),
    "review status": set(vocab.REVIEW_WORDS),
    "agreement status": set(vocab.AGREEMENT_STATUSES),
    "law status": set(vocab.LAW_STATUSES),
    "law effect": set(vocab.STATE_LAW_EFFECTS),
    "basis": {*vocab.BASIS_WORDS, vocab.CONSTITUTION, vocab.REPORT},
    "287(g) model": set(vocab.MODELS),
    "agency type": set(vocab.AGENCY_TYPES),
    "language code": set(i18n.LANGUAGES),
    "FIPS pattern": {vocab.FIPS_REGEX},
}
FIELD_NAMES = ({column for dataset in vars(datasets).values() if isinstance(dataset, datasets.Dataset)
                and dataset.schema is not None for column in dataset.schema.columns}
               | {field.name for record in (Evidence, Office) for field in fields(record)}
               | set(money.DETENTION_COLUMNS) | set(params.PARAMETERS))
# Where a code's word is a field's name, these are the places it is used as a code; a keyword argument only when
# it does not name a column or a widget (`drop(columns="state")`, `key="state"`).
VALUE_USES = (ast.Compare, ast.Return, ast.Assign, ast.AnnAssign, ast.IfExp, ast.keyword)
FIELD_ARGUMENTS = {"columns", "key", "on", "by", "subset", "index", "values", "x", "y", "color"}
# Literals that are the code's word in another sense, each with its reason.
NOT_CODES = {
    ("lib/build/history.py", "sheriff"): "spelling of agency names: \"Sheriff's Office\" = \"Sheriff Office\"",
    ("lib/build/history.py", "287g"): "the raw folder of ICE's sheets (../shared/data/raw/287g/)",
    ("lib/search.py", "sheriff"): "a word people type when they search: \"Harris County Sheriff\"",
}


def scanned_modules() -> list[Path]:
    modules = sorted((PROJECT_ROOT / "lib").rglob("*.py")) + sorted((PROJECT_ROOT / "app_pages").glob("*.py"))
    return [path for path in modules if path not in DEFINING_MODULES]


def _is_field_use(node: ast.Constant, parents: dict[ast.AST, ast.AST]) -> bool:
    """`frame["state"]`, `{"draft": True}`, `checked("state", …)`: a field's name, not a code."""
    if node.value not in FIELD_NAMES:
        return False
    parent = parents.get(node)
    if isinstance(parent, (ast.List, ast.Tuple, ast.Set)):  # a list of names, unless it lists codes to test for
        return not isinstance(parents.get(parent), ast.Compare)
    if isinstance(parent, ast.keyword):
        return parent.arg in FIELD_ARGUMENTS
    return not isinstance(parent, VALUE_USES)


def code_literals(path: Path, root: Path = PROJECT_ROOT) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    translated = {id(argument) for node in ast.walk(tree) if isinstance(node, ast.Call)
                  and isinstance(node.func, ast.Name) and node.func.id in TRANSLATING_CALLS for argument in node.args}
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            continue
        if id(node) in translated or id(node) in docstrings or _is_field_use(node, parents):
            continue
        relative = path.relative_to(root).as_posix()
        kinds = [kind for kind, codes in CODES.items() if node.value in codes]
        if kinds and (relative, node.value) not in NOT_CODES:
            found.append(f"{relative}:{node.lineno}: {node.value!r} ({' / '.join(kinds)})")
    return found


def test_no_domain_code_is_typed_outside_the_registry_and_the_vocabulary():
    found = [literal for path in scanned_modules() for literal in code_literals(path)]
    assert not found, ("use the constant from lib/registry.py, lib/vocab.py or lib/i18n.py instead of typing the "
                       "code:\n" + "\n".join(found))


@pytest.mark.parametrize("source, expected", [
    ('if row.model == "task_force": pass', ["'task_force' (287(g) model)"]),
    ('LEVEL = "partnership"', ["'partnership' (level id)"]),
    ('names = {"holds": 1}', ["'holds' (indicator id)"]),
    ('lang = "es"', ["'es' (language code)"]),
    ('frame = table["state"]', []),
    ('kind = "state"', ["'state' (agency type)"]),
    ('if kind == "state": pass', ["'state' (agency type)"]),
    ('record = {"draft": True}', []),
    ('columns = ["fips", "state"]', []),
    ('table.drop(columns="state")', []),
    ('Evidence(scope="state")', ["'state' (agency type)"]),
    ('if kind in ("state", "other"): pass', ["'state' (agency type)", "'other' (agency type)"]),
    ('label = N_("holds")', []),
])
def test_the_check_sees_a_typed_code_and_only_that(tmp_path, source, expected):
    module = tmp_path / "module.py"
    module.write_text(source, encoding="utf-8")
    found = [line.split(": ", 1)[1] for line in code_literals(module, tmp_path)]
    assert found == expected
