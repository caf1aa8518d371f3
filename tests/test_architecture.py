"""The packages show the architecture, and imports go one way (README, "How it is built"):
`dagster_defs` -> everything else; `runtime` and `ingest` -> `rules`; `rules` -> nothing
but itself, `pipeline.types` and the standard and NLP libraries. Checked on every import
statement, including those inside functions."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PIPELINE = Path(__file__).resolve().parent.parent / "pipeline"
INFRASTRUCTURE = ("pipeline.runtime", "pipeline.ingest", "pipeline.dagster_defs",
                  "pipeline.config", "pipeline.tables", "pipeline.publish", "pipeline.build")


def imports(path: Path) -> set[str]:
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module)
            out |= {f"{node.module}.{a.name}" for a in node.names}
    return out


def modules(package: str) -> list[Path]:
    return sorted((PIPELINE / package).rglob("*.py"))


def _starts(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


@pytest.mark.parametrize("path", modules("rules"), ids=lambda p: p.name)
def test_rules_import_no_infrastructure(path: Path) -> None:
    bad = sorted(n for n in imports(path) if _starts(n, (*INFRASTRUCTURE, "dagster")))
    assert not bad, f"{path.name} imports {bad}"


@pytest.mark.parametrize("path", [*modules("runtime"), *modules("ingest")],
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_runtime_and_ingest_never_import_the_dagster_layer(path: Path) -> None:
    bad = sorted(n for n in imports(path)
                 if _starts(n, ("pipeline.dagster_defs", "dagster", "pipeline.tables",
                                "pipeline.publish")))
    assert not bad, f"{path.name} imports {bad}"


def test_only_the_dagster_layer_imports_dagster() -> None:
    # pipeline/__init__.py loads `defs` lazily, for `dagster -m pipeline`
    allowed = {PIPELINE / "cluster.py", PIPELINE / "__init__.py"} | set(modules("dagster_defs"))
    offenders = sorted(str(p.relative_to(PIPELINE)) for p in PIPELINE.rglob("*.py")
                       if p not in allowed
                       and any(_starts(n, ("dagster", "dagster_pandera", "pipeline.dagster_defs"))
                               for n in imports(p)))
    assert not offenders


def test_the_old_grab_bag_is_gone() -> None:
    assert not (PIPELINE / "extract").exists()
    assert {p.name for p in PIPELINE.iterdir() if p.is_dir() and p.name != "__pycache__"} >= {
        "ingest", "rules", "runtime", "dagster_defs", "data"}


RULES = modules("rules")


@pytest.mark.parametrize("path", RULES, ids=lambda p: p.name)
def test_rules_are_small_pieces(path: Path) -> None:
    """No function of the rules is over 60 lines: one kind of phrase per function."""
    long = [(n.name, n.end_lineno - n.lineno + 1)
            for n in ast.walk(ast.parse(path.read_text("utf-8")))
            if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)
            and n.end_lineno - n.lineno + 1 > 60]
    assert not long, long


def _cyrillic(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and any(
        "а" <= ch.lower() <= "я" or ch in "ёЁ" for ch in node.value)


@pytest.mark.parametrize("path", RULES, ids=lambda p: p.name)
def test_no_word_list_in_the_rules(path: Path) -> None:
    """Word lists live in pipeline/data/lexicon/*.csv: no set, list, tuple or dict of three
    or more Russian words is written in a rules module."""
    tree = ast.parse(path.read_text("utf-8"))
    # suffixes matched with str.endswith/startswith are morphology, not a lexicon
    affixes = {id(a) for n in ast.walk(tree) if isinstance(n, ast.Call)
               and isinstance(n.func, ast.Attribute) and n.func.attr in ("endswith", "startswith")
               for a in n.args}
    found = []
    for node in ast.walk(tree):
        items = getattr(node, "elts", None) if isinstance(
            node, ast.Set | ast.List | ast.Tuple) else (
            node.keys if isinstance(node, ast.Dict) else None)
        words = [i.value for i in items or [] if i is not None and _cyrillic(i)]
        # prepositions and conjunctions of one to three letters are grammar
        if id(node) not in affixes and len(words) >= 3 and max(map(len, words)) > 3:
            found.append(node.lineno)
    assert not found, f"{path.name}: word lists at lines {found}"
