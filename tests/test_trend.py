"""``asas trend``: each trainee's statuses across their cases in date order, in text,
markdown, csv and json; cases without a code grouped as "(no code)"."""

from __future__ import annotations

import csv
import datetime
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from asas.cli import cli
from asas.engine.judge.catalog import PRINCIPLES

from helpers import dump, patched

REFERRED = {"case.referral.source": "teacher",
            "sessions[0].opening.voluntariness_explained": False}          # KSR001: at risk
PRESSED = {"sessions[0].counselor.pressure_on_client": ["Cepat cerita!"]}  # KSR003: violated


def D(text):
    return datetime.date.fromisoformat(text)


@pytest.fixture
def folder(tmp_path):
    """PR-07's cases written out of date order, another trainee's, one without a code,
    and an invalid file."""
    def write(name, changes):
        (tmp_path / name).write_bytes(dump(patched(changes)))

    write("a-late.yaml", {"case.id": "T-LATE", "case.counselor.code": "PR-07",
                          "sessions[0].date": D("2026-11-20"), "sessions[1].date": D("2026-11-27")})
    write("b-early.yaml", {"case.id": "T-EARLY", "case.counselor.code": "PR-07",
                           "sessions[0].date": D("2026-09-01"), "sessions[1].date": D("2026-09-08"),
                           **PRESSED})
    write("c-middle.yaml", {"case.id": "T-MIDDLE", "case.counselor.code": "PR-07",
                            "sessions[0].date": D("2026-10-01"), "sessions[1].date": D("2026-10-08"),
                            **REFERRED})
    write("d-other.yaml", {"case.id": "T-OTHER", "case.counselor.code": "PR-03"})
    write("e-nocode.yaml", {"case.id": "T-NOCODE", "case.counselor.code": None})
    (tmp_path / "f-bad.yaml").write_text("format: asas/v1\ncase: [\n", encoding="utf-8")
    return tmp_path


def run(*args):
    return CliRunner().invoke(cli, ["trend", *map(str, args)])


def test_json_orders_each_trainee_by_first_session(folder):
    result = run(folder, "--format", "json")
    assert result.exit_code == 2                       # the invalid file
    data = json.loads(result.output)
    assert [t["code"] for t in data["trainees"]] == ["PR-03", "PR-07", None]
    pr07 = data["trainees"][1]
    assert [c["case_id"] for c in pr07["cases"]] == ["T-EARLY", "T-MIDDLE", "T-LATE"]
    assert [c["date"] for c in pr07["cases"]] == ["2026-09-01", "2026-10-01", "2026-11-20"]
    assert [c["principles"]["kesukarelaan"]["status"] for c in pr07["cases"]] == \
        ["violated", "at_risk", "upheld"]
    assert pr07["change"]["kesukarelaan"] == "improved"
    assert pr07["change"]["kekinian"] == "unchanged"
    assert set(pr07["change"]) == set(PRINCIPLES)
    nocode = data["trainees"][2]
    assert nocode["label"] == "(no code)" and [c["case_id"] for c in nocode["cases"]] == ["T-NOCODE"]
    assert nocode["change"]["kesukarelaan"] is None
    assert [i["file"].rsplit("/", 1)[-1] for i in data["invalid"]] == ["f-bad.yaml"]
    assert data["invalid"][0]["errors"][0]["line"] >= 1


def test_text_shows_the_progress(folder):
    result = run(folder, "--lang", "id")
    lines = result.output.splitlines()
    assert "PR-07 · 3 kasus" in lines
    assert "(tanpa kode) · 1 kasus" in lines
    start = lines.index("PR-07 · 3 kasus")
    rows = lines[start + 2:start + 5]
    assert [r.split()[1] for r in rows] == ["T-EARLY", "T-MIDDLE", "T-LATE"]
    assert "✗" in rows[0] and "!" in rows[1] and "✗" not in rows[2]
    assert "membaik: kesukarelaan" in result.output
    assert "tidak disertakan (tidak valid)" in result.output


def test_csv_one_row_per_case(folder):
    rows = list(csv.DictReader(io.StringIO(run(folder, "--format", "csv").output)))
    assert list(rows[0]) == ["trainee", "date", "file", "case_id", "valid", *PRINCIPLES,
                             "reason"]
    pr07 = [r for r in rows if r["trainee"] == "PR-07"]
    assert [r["case_id"] for r in pr07] == ["T-EARLY", "T-MIDDLE", "T-LATE"]
    assert [r["kesukarelaan"] for r in pr07] == ["violated", "at_risk", "upheld"]
    bad = [r for r in rows if r["valid"] == "false"]
    assert len(bad) == 1 and bad[0]["reason"] and bad[0]["kesukarelaan"] == ""
    assert [r["case_id"] for r in rows if r["trainee"] == ""] == ["T-NOCODE", ""]


def test_markdown(folder, tmp_path):
    out = tmp_path / "trend.md"
    result = run(folder, "--format", "markdown", "--output", out)
    assert result.exit_code == 2 and result.output == ""
    text = out.read_text(encoding="utf-8")
    assert "## PR-07 · 3 cases" in text and "## \\(no code\\)" not in text
    assert "## (no code) · 1 case" in text
    row = next(x for x in text.splitlines() if x.startswith("| 2026-09-01 | T-EARLY |"))
    assert row.split("|")[4].strip().startswith("✗")          # kesukarelaan
    assert "| **change** |" in text


def test_undated_cases_come_last(tmp_path):
    (tmp_path / "1.yaml").write_bytes(dump(patched({"case.id": "U-NODATE",
                                                    "sessions[0].date": None,
                                                    "sessions[1].date": None})))
    (tmp_path / "2.yaml").write_bytes(dump(patched({"case.id": "U-DATED"})))
    data = json.loads(run(tmp_path, "--format", "json").output)
    cases = data["trainees"][0]["cases"]
    assert [c["case_id"] for c in cases] == ["U-DATED", "U-NODATE"]
    assert cases[1]["date"] is None


def test_no_paths_is_a_usage_error():
    assert run().exit_code == 2


# --- by score, html, roster ------------------------------------------------------------------

CASES = Path(__file__).resolve().parent.parent / "cases"


def test_by_score_sees_a_change_within_one_status():
    # PR-04's kegiatan goes "! 9 -> ! 49": the same status, 40 points better
    by_status = json.loads(run(CASES, "--format", "json").output)
    by_score = json.loads(run(CASES, "--format", "json", "--by", "score").output)
    pr04 = next(t for t in by_status["trainees"] if t["code"] == "PR-04")
    scores = [c["principles"]["kegiatan"] for c in pr04["cases"]]
    assert [s["status"] for s in scores] == ["at_risk", "at_risk"]
    assert [s["score"] for s in scores] == [9, 49]
    assert pr04["change"]["kegiatan"] == "unchanged" and pr04["change_by"] == "status"
    pr04 = next(t for t in by_score["trainees"] if t["code"] == "PR-04")
    assert pr04["change"]["kegiatan"] == "improved" and pr04["change_by"] == "score"
    assert pr04["change"]["keahlian"] == "unchanged"           # 78 -> 78
    text = run(CASES, "--by", "score", "--lang", "id").output
    assert "perubahan: skor kasus pertama → terakhir, ±10 poin atau lebih" in text


def test_score_step_bounds(folder):
    from asas.engine.report.trend import SCORE_STEP, Trainee, TrendCase
    def case(score):
        return TrendCase("f", "c", None, dict.fromkeys(PRINCIPLES, ("at_risk", score)))
    assert Trainee("X", (case(50), case(50 + SCORE_STEP))).change("kegiatan", "score") == "improved"
    assert Trainee("X", (case(50), case(50 + SCORE_STEP - 1))).change("kegiatan", "score") \
        == "unchanged"
    assert Trainee("X", (case(50), case(50 - SCORE_STEP))).change("kegiatan", "score") == "declined"
    na = TrendCase("f", "c", None, dict.fromkeys(PRINCIPLES, ("not_assessed", None)))
    assert Trainee("X", (na, case(10))).change("kegiatan", "score") == "improved"   # by status


def test_html_page(folder, tmp_path):
    out = tmp_path / "tren.html"
    result = run(folder, "--format", "html", "-o", out, "--lang", "id")
    assert result.exit_code == 2
    page = out.read_text(encoding="utf-8")
    from test_formats import parse_html
    parse_html(page)
    assert '<html lang="id">' in page and "<script" not in page
    assert "PR-07 · 3 kasus" in page and "(tanpa kode) · 1 kasus" in page
    assert page.index("T-EARLY") < page.index("T-MIDDLE") < page.index("T-LATE")
    assert 'class="st violated"' in page and 'title="membaik">↑</td>' in page
    assert "f-bad.yaml" in page


def test_roster_names_the_trainees(folder, tmp_path):
    roster = tmp_path / "kelas.csv"
    roster.write_text("code,name,nim\nPR-07,Gita Permata,2210107\n", encoding="utf-8")
    result = run(folder, "--roster", roster, "--lang", "id")
    assert "Gita Permata (2210107) · 3 kasus" in result.output
    assert "PR-03 · 1 kasus" in result.output      # not on the roster: its code
    bad = tmp_path / "bad.csv"
    bad.write_text("nama\nX\n", encoding="utf-8")
    result = run(folder, "--roster", bad)
    assert result.exit_code == 2 and "no 'code'" in result.output
