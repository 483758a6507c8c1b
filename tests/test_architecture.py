"""The stages' dependencies point one way (docs/architecture.md).

Every import in the package is read from the source, those inside functions too (the
lazy ones are how a back-edge hides), and held against the table below: a stage may
use what comes before it in the pipeline, never what comes after, and only the
reasoning stage touches experta.  A second test imports the judging and reporting
stages in a fresh interpreter and checks that experta was not loaded on the way.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ENGINE = "asas.engine"

# stage -> what it must never import (prefixes of module names)
FORBIDDEN = {
    "asas.engine.i18n": ["asas.engine", "asas.rules", "asas.cli", "experta"],
    "asas.engine.model": ["asas.engine.load", "asas.engine.reason", "asas.engine.judge",
                          "asas.engine.run", "asas.engine.report", "asas.engine.authoring",
                          "asas.rules", "asas.cli", "experta"],
    "asas.engine.load": ["asas.engine.reason", "asas.engine.judge", "asas.engine.run",
                         "asas.engine.report", "asas.engine.authoring", "asas.rules",
                         "asas.cli", "experta"],
    # the verbatim is read while the case is built (load's builder calls its parser), so
    # it comes before load and uses only the words it is reported in
    "asas.engine.verbatim": ["asas.engine.load", "asas.engine.reason", "asas.engine.judge",
                             "asas.engine.run", "asas.engine.report", "asas.engine.authoring",
                             "asas.rules", "asas.cli", "experta"],
    "asas.engine.judge": ["asas.engine.reason", "asas.engine.run", "asas.engine.report",
                          "asas.engine.authoring", "asas.rules", "asas.cli", "experta"],
    "asas.engine.report": ["asas.engine.reason", "asas.engine.run", "asas.engine.authoring",
                           "asas.rules", "asas.cli", "experta"],
    "asas.engine.reason": ["asas.engine.run", "asas.engine.report", "asas.engine.authoring",
                           "asas.cli"],
    "asas.engine.run": ["asas.engine.authoring", "asas.cli", "experta"],
    "asas.engine.authoring": ["asas.cli", "experta"],
    # the knowledge uses the rule language (compat, facts) and the catalogue's types;
    # it never reaches the engine that runs it, nor anything downstream
    "asas.rules": ["asas.engine.reason.runner", "asas.engine.reason.fastrete",
                   "asas.engine.run", "asas.engine.report", "asas.engine.authoring",
                   "asas.cli", "experta"],
}
# experta itself: only the compatibility layer imports it (the fast network reaches
# its internals through it), so one module decides how experta is loaded
EXPERTA_ALLOWED = {"asas.engine.reason.compat", "asas.engine.reason.fastrete"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(["asas", *parts])


def package_modules():
    for folder in ("engine", "rules"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            yield path
    yield ROOT / "cli.py"


def imports_of(path: Path, name: str):
    """(imported module, line) for every import in the file, relative ones resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            # `from asas.engine import load` imports the module asas.engine.load
            yield from ((f"{target}.{alias.name}", node.lineno) for alias in node.names
                        if (ROOT / Path(*f"{target}.{alias.name}".split(".")[1:])).is_dir()
                        or (ROOT / Path(*f"{target}.{alias.name}".split(".")[1:])).with_suffix(".py").is_file())
            yield target, node.lineno


def _under(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def back_edges():
    found = []
    for path in package_modules():
        name = module_name(path)
        rules = [(stage, bad) for stage, bad in FORBIDDEN.items() if _under(name, stage)]
        for target, line in imports_of(path, name):
            where = f"{path.relative_to(ROOT)}:{line}: {name} imports {target}"
            for stage, bad in rules:
                if any(_under(target, b) for b in bad) and not _under(target, stage):
                    found.append(where)
            if _under(target, "experta") and name not in EXPERTA_ALLOWED:
                found.append(where + " (only the reasoning stage's compat layer may)")
    return sorted(set(found))


# Back-edges being removed by work in progress; each one fixed must leave this list
# (the test fails both on a new edge and on a fixed one still listed).
PENDING = [
]


def test_no_stage_imports_a_later_stage():
    edges = back_edges()
    pending = [p for p in PENDING if p in edges]
    assert [e for e in edges if e not in pending] == [], "a stage imports a later one"
    assert pending == PENDING, "a pending back-edge is gone: remove it from PENDING"


def test_every_stage_has_a_row_in_the_table():
    """A new room of engine/ is held to the one-way rule from its first import."""
    stages = {f"{ENGINE}.{p.name}" for p in (ROOT / "engine").iterdir()
              if (p / "__init__.py").is_file()}
    assert stages - set(FORBIDDEN) == set(), "give these stages a row in FORBIDDEN"


def test_the_table_catches_a_back_edge(tmp_path, monkeypatch):
    """The scan itself works: a planted lazy import from judge into reason is found."""
    fake_root = tmp_path
    (fake_root / "engine" / "judge").mkdir(parents=True)
    (fake_root / "rules").mkdir()
    (fake_root / "cli.py").write_text("")
    (fake_root / "engine" / "judge" / "bad.py").write_text(
        "def f():\n    from asas.engine.reason.runner import infer\n    import experta\n")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", fake_root)
    edges = back_edges()
    assert any("bad.py:2: asas.engine.judge.bad imports asas.engine.reason.runner" in e
               for e in edges)
    assert any("bad.py:3" in e and "experta" in e for e in edges)


@pytest.mark.parametrize("stage", ["judge", "report"])
def test_judging_and_reporting_load_no_experta(stage):
    modules = sorted(module_name(p) for p in (ROOT / "engine" / stage).rglob("*.py"))
    code = ("import importlib, sys\n"
            f"for m in {modules!r}: importlib.import_module(m)\n"
            "print('experta' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"


def _setuptools_table():
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10 reads the config through tomli
        import tomli as tomllib
    with open(ROOT / "pyproject.toml", "rb") as handle:
        return tomllib.load(handle)["tool"]["setuptools"]


def test_every_package_directory_is_installed():
    """A subpackage missing from pyproject's explicit list works in an editable install
    and vanishes from a regular one (the interview package did, on CI's 3.10 leg)."""
    listed = set(_setuptools_table()["packages"])
    on_disk = {module_name(init) for folder in ("engine", "rules")
               for init in (ROOT / folder).rglob("__init__.py")}
    assert on_disk - listed == set(), "add these to [tool.setuptools] packages"
    assert {name for name in listed - on_disk if name != "asas"} == set()


def test_every_data_file_is_installed():
    """Each non-Python file the package reads at run time is matched by package-data."""
    from fnmatch import fnmatch
    data = _setuptools_table()["package-data"]
    missing = []
    for folder in ("engine", "rules", "cases", "schema"):
        for path in (ROOT / folder).rglob("*"):
            if not path.is_file() or path.suffix in {".py", ".pyc"} or "__pycache__" in path.parts:
                continue
            rel = path.relative_to(ROOT)
            owners = [(pkg, pats) for pkg, pats in data.items()
                      if pkg == "asas" or rel.as_posix().startswith(
                          "/".join(pkg.split(".")[1:]) + "/")]
            covered = any(
                fnmatch(rel.relative_to(Path(*pkg.split(".")[1:])).as_posix()
                        if pkg != "asas" else rel.as_posix(), pat)
                for pkg, pats in owners for pat in pats)
            if not covered:
                missing.append(rel.as_posix())
    assert missing == [], "add these to [tool.setuptools.package-data]"


# -- the shared vocabularies, written once (engine/judge/terms.py) ----------------------

def _literal_dicts(tree: ast.AST):
    """(line, {key: value}) of every dict literal whose keys and values are constants."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict) and node.keys and all(
                isinstance(k, ast.Constant) and isinstance(v, ast.Constant)
                for k, v in zip(node.keys, node.values)):
            yield node.lineno, {k.value: v.value for k, v in zip(node.keys, node.values)}


def copies_of_the_vocabularies(root: Path = ROOT):
    """Where a severity ranking, the status marks or a CaseMeta class is written again
    outside engine/judge/terms.py and engine/judge/verdict.py."""
    from asas.engine.judge.terms import SEVERITIES, STATUS_MARK
    found = []
    for folder in ("engine", "rules"):
        for path in sorted((root / folder).rglob("*.py")):
            rel = path.relative_to(root).as_posix()
            if rel == "engine/judge/terms.py":
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
            for line, table in _literal_dicts(tree):
                if set(table) == set(SEVERITIES) and all(
                        isinstance(v, int) and not isinstance(v, bool) for v in table.values()):
                    found.append(f"{rel}:{line}: a severity ranking (use terms.SEVERITY_RANK)")
                if table == STATUS_MARK:
                    found.append(f"{rel}:{line}: the status marks (use terms.STATUS_MARK)")
            if rel != "engine/judge/verdict.py":
                found += [f"{rel}:{n.lineno}: a second CaseMeta" for n in ast.walk(tree)
                          if isinstance(n, ast.ClassDef) and n.name == "CaseMeta"]
    return found


def test_severity_ranks_status_marks_and_case_meta_are_written_once():
    assert copies_of_the_vocabularies() == []


def test_a_copied_vocabulary_is_found(tmp_path):
    (tmp_path / "engine" / "report").mkdir(parents=True)
    (tmp_path / "rules").mkdir()
    (tmp_path / "engine" / "report" / "x.py").write_text(
        'RANK = {"violation": 0, "risk": 1, "advice": 2}\n'
        'MARK = {"upheld": "✓", "at_risk": "!", "violated": "✗", "not_assessed": "?"}\n'
        "class CaseMeta:\n    pass\n", encoding="utf-8")
    assert [f.split(": ", 1)[0] for f in copies_of_the_vocabularies(tmp_path)] == [
        "engine/report/x.py:1", "engine/report/x.py:2", "engine/report/x.py:3"]
