"""codec.compact gives the result the round trip through plain data gives
(``from_trusted(to_data(r, strict=False))``), type for type: a worker renders, and one
process reports, from it instead (engine/run/batch.py)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from asas.engine.load.loader import load_bytes, load_file
from asas.engine.report.formats import ReportOptions, get
from asas.engine.run.codec import compact, from_trusted, to_data
from asas.engine.run.pipeline import catalog_of, check_loaded

from helpers import CASES, ROOT, bench_module, generator

FIXTURES = ROOT / "tests" / "fixtures"
FILES = sorted(CASES.glob("**/*.yaml")) + sorted(FIXTURES.glob("**/*.yaml"))


def same(a, b, where="result") -> None:
    """``a`` and ``b`` equal and of the same types all the way down (== alone takes a
    tuple for a list's equal in a dataclass field, and 1 for 1.0)."""
    assert type(a) is type(b), f"{where}: {type(a).__name__} != {type(b).__name__}"
    if dataclasses.is_dataclass(a) and not isinstance(a, type):
        if type(a).__name__ == "RuleDoc":   # the catalogue's entry, worded: compared whole
            assert a == b, where
            return
        for f in dataclasses.fields(a):
            same(getattr(a, f.name), getattr(b, f.name), f"{where}.{f.name}")
    elif isinstance(a, dict):
        assert list(a) == list(b), f"{where}: keys {list(a)} != {list(b)}"
        for k in a:
            same(a[k], b[k], f"{where}[{k!r}]")
    elif isinstance(a, (list, tuple)):
        assert len(a) == len(b), f"{where}: {len(a)} != {len(b)} items"
        for i, (x, y) in enumerate(zip(a, b)):
            same(x, y, f"{where}[{i}]")
    else:
        assert a == b, f"{where}: {a!r} != {b!r}"


def _profile_of(path: Path):
    head = path.read_text(encoding="utf-8")[:400]
    return "bk12" if "# profile: bk12" in head else None


def _both(result, profile=None):
    catalog = catalog_of(profile)
    return compact(result, catalog), from_trusted(to_data(result, strict=False),
                                                  result.file, catalog)


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_a_file_of_the_project_compacts_as_the_round_trip_rebuilds_it(path):
    profile = _profile_of(path)
    result = check_loaded(load_file(str(path)), profile=profile)
    fast, slow = _both(result, profile)
    same(fast, slow)
    assert fast.loaded is None


def test_generated_cases_with_verbatims_compact_alike(tmp_path):
    paths = bench_module("verbatim_bench").write(tmp_path / "v", 12, True, seed=5)
    paths += generator().write_cases(tmp_path / "p", 12, seed=8) or []
    checked = 0
    for path in sorted(tmp_path.glob("**/*.yaml")):
        result = check_loaded(load_file(str(path)))
        fast, slow = _both(result)
        same(fast, slow, path.name)
        checked += 1
    assert checked == 24


def test_the_pieces_of_every_streaming_format_are_the_same_bytes():
    options = ReportOptions()
    path = CASES / "verbatim-overclaimed.yaml"
    fast, slow = _both(check_loaded(load_file(str(path))))
    for fmt in ("text", "json", "concise", "csv", "junit"):
        piece = get(fmt).piece
        for lang in ("id", "en"):
            assert piece(fast, 3, lang, options) == piece(slow, 3, lang, options), fmt


def test_a_result_with_suppressions_takes_the_round_trip():
    path = FIXTURES / "suppress" / "chain-lifted.yaml"
    result = check_loaded(load_file(str(path)))
    assert result.suppressed or result.unused_suppressions     # the fixture's point
    fast, slow = _both(result)
    same(fast, slow)


def test_parameters_lists_become_tuples_as_in_the_round_trip():
    text = (CASES / "many-failures.yaml").read_bytes()
    result = check_loaded(load_bytes(text, "x.yaml"))
    assert result.findings
    result.findings[0].params["listed"] = [1, [2, 3], {"a": [4]}]
    fast, slow = _both(result)
    same(fast, slow)
    assert fast.findings[0].params["listed"] == (1, (2, 3), {"a": (4,)})
