"""``asas grade``: the default rubric, the arithmetic, the bands, rubric checking with
file:line messages (never a traceback), and the gradebook in csv, markdown and html."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from asas.cli import cli
from asas.engine.run.batch import check_paths
from asas.engine.judge.catalog import PRINCIPLES
from asas.engine.report.grade import (Band, RubricError, default_rubric_text, grade_case, load_rubric,
                               parse_rubric)
from test_formats import EXAMPLE, INVALID, REFERRED, parse_html

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def rubric_text(**changes) -> str:
    """The default rubric with some sections replaced (as YAML)."""
    data = yaml.safe_load(default_rubric_text())
    data.update(changes)
    return yaml.safe_dump(data, sort_keys=False)


def only(principle: str, **changes):
    weights = {p: (1 if p == principle else 0) for p in PRINCIPLES}
    return parse_rubric(rubric_text(weights=weights, **changes))


# --- the default rubric ------------------------------------------------------------------

def test_default_rubric():
    rubric = load_rubric()
    assert set(rubric.weights) == set(PRINCIPLES)
    assert sum(rubric.share(p) for p in PRINCIPLES) == pytest.approx(100)
    assert rubric.status_points == {"upheld": 100, "at_risk": 60, "violated": 20,
                                    "not_assessed": 0}
    assert [b.grade for b in rubric.bands] == ["A", "AB", "B", "BC", "C", "D", "E"]
    assert rubric.bands[0].min == 80 and rubric.bands[-1].min == 0
    assert rubric.band(80).grade == "A" and rubric.band(79.9).grade == "AB"
    assert rubric.band(0).grade == "E"


def test_print_rubric_is_the_shipped_file_and_loads():
    result = CliRunner().invoke(cli, ["grade", "--print-rubric"])
    assert result.exit_code == 0
    assert result.output == default_rubric_text()
    assert "weights:" in result.output and "bobot" in result.output.lower()
    parse_rubric(result.output)


# --- the arithmetic ----------------------------------------------------------------------

def test_exemplary_earns_full_marks():
    g = grade_case(check_paths([EXAMPLE])[0], load_rubric())
    assert g.graded and g.total == 100.0 and g.band.grade == "A" and g.band.point == 4.0
    assert all(pg.status == "upheld" and pg.points == pytest.approx(12.5)
               for pg in g.principles.values())


def test_status_points_of_one_principle():
    result = check_paths([REFERRED])[0]
    assert result.principles["kesukarelaan"].status == "violated"
    assert result.principles["keterbukaan"].status == "at_risk"
    no_deductions = {"violation": 0, "risk": 0, "advice": 0}
    g = grade_case(result, only("kesukarelaan", deductions=no_deductions))
    assert g.principles["kesukarelaan"].points == 20 and g.total == 20.0
    assert g.band.grade == "E"
    g = grade_case(result, only("keterbukaan", deductions=no_deductions))
    assert g.total == 60.0 and g.band.grade == "C"


def test_deductions_count_direct_findings_unless_asked():
    result = check_paths([REFERRED])[0]
    direct = [f for f in result.findings if not f.derived_from]
    derived = [f for f in result.findings if f.derived_from]
    assert {"KSR001", "KSR003"} <= {f.id for f in direct} and derived
    costs = {"violation": 10, "risk": 2, "advice": 0.5}
    expected = sum(costs[f.doc.severity] for f in direct)
    g = grade_case(result, only("keterbukaan", deductions=costs))
    assert g.deductions == pytest.approx(expected)
    assert g.total == round(max(0, 60 - expected), 1)
    g = grade_case(result, only("keterbukaan", deductions=costs, deduct_derived=True))
    assert g.deductions == pytest.approx(expected + sum(costs[f.doc.severity] for f in derived))


def test_total_never_below_zero():
    result = check_paths([REFERRED])[0]
    g = grade_case(result, only("kesukarelaan",
                                deductions={"violation": 100, "risk": 100, "advice": 0}))
    assert g.total == 0.0 and g.band.grade == "E"


def test_invalid_file_is_ungraded_with_reason():
    g = grade_case(check_paths([INVALID])[0], load_rubric())
    assert not g.graded and g.band is None
    assert "unwilling" in g.reason and INVALID in g.reason


def test_band_uses_the_rounded_total():
    rubric = parse_rubric(rubric_text())
    assert rubric.band(round(79.96, 1)).grade == "A"
    assert rubric.band(74.9).grade == "B"


# --- checking a rubric -------------------------------------------------------------------

def problems(text: str, lang="en") -> list[str]:
    with pytest.raises(RubricError) as info:
        parse_rubric(text, "my.yaml", lang)
    return info.value.problems


def test_rubric_problems_are_located_and_all_reported():
    text = default_rubric_text()
    bad = (text.replace("kemandirian: 12.5", "kemandirin: 12.5")
               .replace("kekinian: 12.5", "kekinian: high")
               .replace("at_risk: 60", "at_risk: 160"))
    found = problems(bad)
    lines = text.splitlines()

    def at(needle):
        return next(i for i, l in enumerate(lines, 1) if needle in l)
    assert f"my.yaml:{at('kemandirian: 12.5')}:3: weights: unknown key 'kemandirin' " \
           "(did you mean 'kemandirian'?)" in found
    assert any(p.startswith("my.yaml:") and "weights: 'kemandirian' is missing (give 0" in p
               for p in found)
    assert f"my.yaml:{at('kekinian: 12.5')}:13: weights.kekinian: must be a number ≥ 0, " \
           "not 'high'" in found
    assert any(p.startswith(f"my.yaml:{at('at_risk: 60')}:") and "status_points.at_risk" in p
               and "from 0 to 100" in p for p in found)
    assert len(found) == 4


@pytest.mark.parametrize("text, expected", [
    ("", "my.yaml:1:1: the rubric is empty"),
    ("weights: [", "my.yaml:1:11: not valid YAML"),
    ("- a\n- b\n", "my.yaml:1:1: the rubric must be a mapping"),
    ("weigths: {}\n", "my.yaml:1:1: unknown key 'weigths' (did you mean 'weights'?)"),
])
def test_rubric_shape_problems(text, expected):
    assert any(p.startswith(expected) for p in problems(text))


def test_rubric_bands_checked():
    text = rubric_text(bands=[{"grade": "A", "min": 80}, {"grade": "B", "min": 85},
                              {"grade": "A", "min": 10}])
    found = problems(text)
    assert any("bands[1].min: bands must go from the highest min down: 85" in p for p in found)
    assert any("bands[2].grade: grade 'A' is given twice" in p for p in found)
    assert any("bands[2].min: the last band must have min: 0" in p for p in found)


def test_rubric_duplicate_key_and_bool():
    text = default_rubric_text().replace("deduct_derived: false", "deduct_derived: maybe")
    text = text.replace("  upheld: 100", "  upheld: 100\n  upheld: 90")
    found = problems(text)
    assert any("status_points.upheld: 'upheld' is given twice" in p for p in found)
    assert any("deduct_derived: must be true or false, not 'maybe'" in p for p in found)


def test_rubric_messages_in_indonesian():
    found = problems(rubric_text(weights={p: 0 for p in PRINCIPLES}), "id")
    assert any("jumlah bobot 0" in p for p in found)


def test_cli_bad_rubric_exits_2_without_traceback(tmp_path):
    path = tmp_path / "rubrik.yaml"
    path.write_text(default_rubric_text().replace("risk: 1 ", "risk: -1 "), encoding="utf-8")
    result = CliRunner().invoke(cli, ["grade", REFERRED, "--rubric", str(path)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert f"{path}:" in result.output and "deductions.risk: must be a number from 0 to 100" \
        in result.output
    result = CliRunner().invoke(cli, ["grade", REFERRED, "--rubric", str(tmp_path / "none.yaml")])
    assert result.exit_code == 2 and "cannot read the rubric" in result.output


# --- the gradebook -----------------------------------------------------------------------

def test_cli_gradebook_csv(tmp_path):
    out = tmp_path / "nilai.csv"
    result = CliRunner().invoke(cli, ["grade", REFERRED, INVALID, EXAMPLE, "--format", "csv",
                                      "--output", str(out)])
    assert result.exit_code == 2                  # one file could not be graded
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert list(rows[0]) == ["file", "case_id", "trainee", *PRINCIPLES, "deductions", "total",
                             "grade", "grade_point", "reason"]
    by_file = {r["file"]: r for r in rows}
    assert len(rows) == 3
    referred, bad, good = by_file[REFERRED], by_file[INVALID], by_file[EXAMPLE]
    assert referred["trainee"] == "PR-09" and referred["kesukarelaan"] == "2.5"
    assert referred["keterbukaan"] == "7.5"
    assert float(referred["total"]) < 100 and referred["grade"] and not referred["reason"]
    assert good["total"] == "100.0" and good["grade"] == "A" and good["grade_point"] == "4.0"
    assert bad["total"] == "" and bad["grade"] == "" and "unwilling" in bad["reason"]


def test_cli_gradebook_markdown_and_html(tmp_path):
    result = CliRunner().invoke(cli, ["grade", REFERRED, EXAMPLE, "--lang", "id"])
    assert result.exit_code == 0
    assert "# asas · Daftar nilai" in result.output
    assert "| KI-2026-01 | PR-01 | ✓ 12.5 |" in result.output
    row = next(l for l in result.output.splitlines() if l.startswith("| FX-REFERRED |"))
    assert "✗ 2.5" in row
    assert "A ≥ 80, AB ≥ 75, B ≥ 70, BC ≥ 65, C ≥ 60, D ≥ 50, E ≥ 0" in result.output
    out = tmp_path / "nilai.html"
    result = CliRunner().invoke(cli, ["grade", REFERRED, INVALID, EXAMPLE, "--format", "html",
                                      "-o", str(out)])
    page = out.read_text(encoding="utf-8")
    parse_html(page)
    assert 'id="gradebook"' in page and "not graded" in page and "<script" not in page
    assert '<td class="st violated" title="violated">✗ 2.5</td>' in page


def test_band_dataclass_point_optional():
    rubric = parse_rubric(rubric_text(bands=[{"grade": "LULUS", "min": 60},
                                             {"grade": "TIDAK", "min": 0}]))
    assert rubric.bands == (Band("LULUS", 60.0, None), Band("TIDAK", 0.0, None))
    result = CliRunner().invoke(cli, ["grade", EXAMPLE, "--format", "csv"])
    assert result.exit_code == 0
