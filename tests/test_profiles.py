"""Profiles (engine/judge/profile.py, rules/profiles/): which principles a report judges,
by which rules, under which names, graded with which rubric.  The default's reports
stay what they were; bk12 gives twelve statuses in every format; an institution's own
profile is a file, with no change to the engine (tests/fixtures/profiles/kampus-x.yaml)."""

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from asas.cli import cli
from asas.engine.judge import profile as profiles
from asas.engine.judge.catalog import PRINCIPLES
from asas.engine.judge.profile import ProfileError, lookup
from asas.engine.run.pipeline import check_file

from helpers import CASES, EXEMPLARY, check_data, ids, patched

HERE = Path(__file__).resolve().parent
KAMPUS = str(HERE / "fixtures" / "profiles" / "kampus-x.yaml")
BK12_CASES = CASES / "bk12"
TWELVE = ["kerahasiaan", "kesukarelaan", "keterbukaan", "kegiatan", "kemandirian", "kekinian",
          "kedinamisan", "keterpaduan", "kenormatifan", "keahlian", "alih_tangan_kasus",
          "tut_wuri_handayani"]


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def report(*args) -> dict:
    result = run("check", "--no-cache", "--format", "json", "--fail-on", "never", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


# --- the two bundled profiles --------------------------------------------------------

def test_bundled_profiles_and_their_principles():
    assert profiles.available() == ["bk12", "konseling-individual"]
    assert lookup(None) is lookup("konseling-individual")
    assert lookup(None).principles == PRINCIPLES
    bk12 = lookup("bk12")
    assert list(bk12.principles) == TWELVE            # Prayitno & Amti's order
    assert bk12.label("alih_tangan_kasus", "id") == "alih tangan kasus"
    assert bk12.label("tut_wuri_handayani", "en") == "leading from behind"
    assert bk12.rubric is not None and bk12.rubric.name == "bk12.rubric.yaml"


def test_default_report_has_no_profile_key_and_eight_principles():
    data = report(str(CASES / "exemplary.yaml"))
    assert "profile" not in data["tool"]
    assert data["principles"] == list(PRINCIPLES)
    assert list(data["cases"][0]["principles"]) == list(PRINCIPLES)


def test_bk12_report_names_its_profile_and_has_twelve_statuses_per_case():
    data = report("--profile", "bk12", str(BK12_CASES))
    assert data["tool"]["profile"] == "bk12"
    assert data["principles"] == TWELVE
    assert len(data["cases"]) >= 6
    assert all(list(c["principles"]) == TWELVE for c in data["cases"])
    # the referral finding keahlian files in the default is reported under alih tangan kasus
    crisis = next(c for c in data["cases"] if c["case_id"] == "KI-2026-36")
    kah001 = next(f for f in crisis["findings"] if f["id"] == "KAH001")
    assert kah001["principle"] == "alih_tangan_kasus"
    assert "KAH001" in crisis["principles"]["alih_tangan_kasus"]["findings"]
    assert "KAH001" not in crisis["principles"]["keahlian"]["findings"]


def test_the_same_case_under_both_profiles():
    path = str(BK12_CASES / "bk12-unsupervised-crisis.yaml")
    eight, twelve = check_file(path), check_file(path, profile="bk12")
    assert list(eight.principles) == list(PRINCIPLES)
    assert eight.principles["keahlian"].status == "violated"      # KAH001 is keahlian's
    assert twelve.principles["keahlian"].status == "at_risk"
    assert twelve.principles["alih_tangan_kasus"].status == "violated"
    # the eight keep their rules: what both profiles judge is judged alike
    for p in ("kerahasiaan", "kesukarelaan", "keterbukaan", "kekinian", "kegiatan",
              "kenormatifan", "kemandirian"):
        assert eight.principles[p] == twelve.principles[p], p
    assert not {"ATK005", "KDN004"} & ids(eight)
    assert {"ATK005", "KDN004"} <= ids(twelve)


@pytest.mark.parametrize("fmt,needle", [
    ("markdown", "| alih tangan kasus | tut wuri handayani |"),     # as a lecturer names them
    ("html", ">tut wuri handayani<"),
    ("text", "tut_wuri_handayani (leading from behind)"),
])
def test_class_reports_have_a_column_for_each_of_the_twelve(fmt, needle):
    result = run("check", "--no-cache", "--fail-on", "never", "--format", fmt, "--lang",
                 "en" if fmt == "text" else "id", "--profile", "bk12", str(BK12_CASES))
    assert result.exit_code == 0
    assert needle in result.output
    if fmt == "html":
        matrix = result.output.split('id="matrix"')[1].split("</thead>")[0]
        assert matrix.count('class="p"') == 12


@pytest.mark.parametrize("fmt", ["markdown", "csv", "html"])
def test_gradebook_has_twelve_columns_and_uses_the_bk12_rubric(fmt):
    result = run("grade", "--profile", "bk12", "--format", fmt, str(BK12_CASES))
    assert result.exit_code == 0, result.output
    if fmt == "csv":
        header = result.output.splitlines()[0].split(",")
        assert header[4:16] == TWELVE           # file, case_id, trainee, name, the twelve
        exemplary = next(line for line in result.output.splitlines() if "KI-2026-31" in line)
        assert exemplary.split(",")[16:20] == ["0.0", "0.0", "100.0", "A"]
    elif fmt == "markdown":
        assert "bk12.rubric.yaml" in result.output
        assert "| " + " | ".join(p.replace("_", " ") for p in TWELVE) + " |" in result.output
    else:
        assert result.output.split('id="gradebook"')[1].split("</thead>")[0] \
            .count('class="p"') == 12


def test_bk12_gradebook_in_csv_and_xlsx_has_twelve_columns_and_the_default_caps(tmp_path):
    """The grade package's newer outputs follow the profile too, and bk12's rubric caps
    as the default's does: a kerahasiaan violation (KRH003, the home visit the client
    did not agree to) limits the grade to D, whatever the points, with a meeting."""
    import openpyxl
    graded = run("grade", "--profile", "bk12", "--format", "csv", str(BK12_CASES))
    assert graded.exit_code == 0, graded.output
    rows = list(csv.DictReader(io.StringIO(graded.output)))
    header = graded.output.splitlines()[0].split(",")
    assert header[4:16] == TWELVE and header[16] == "deductions"
    visit = next(r for r in rows if r["file"].endswith("bk12-home-visit-unagreed.yaml"))
    assert float(visit["total"]) >= 75                      # the points reach AB ...
    assert visit["grade"] == "D" and visit["meeting"] == "yes"      # ... the cap gives D
    assert "KRH003" in visit["reason"]
    crisis = next(r for r in rows if r["file"].endswith("bk12-unsupervised-crisis.yaml"))
    # at most D by the cap; the points give E: kedinamisan and keterpaduan are at risk
    # with an observation they need left out, which earns no credit
    assert crisis["grade"] == "E" and "KAH001" in crisis["reason"]
    assert crisis["kedinamisan"] == crisis["keterpaduan"] == "0.0"
    assert crisis["alih_tangan_kasus"] == "1.667"  # KAH001 counted under its bk12 principle

    out = tmp_path / "nilai.xlsx"
    book = run("grade", "--profile", "bk12", "--format", "xlsx", "--lang", "id", "-o", str(out),
               str(BK12_CASES))
    assert book.exit_code == 0, book.output
    ws = openpyxl.load_workbook(out)["Daftar nilai"]
    cols = [c.value for c in ws[1]]
    assert cols[4:16] == TWELVE and cols[16] == "pengurangan"
    by_file = {r[0]: dict(zip(cols, r, strict=True))
               for r in ws.iter_rows(min_row=2, values_only=True)}
    visit = next(v for k, v in by_file.items() if k.endswith("bk12-home-visit-unagreed.yaml"))
    assert visit["nilai"] == "D" and visit["wajib_konsultasi"] == "ya"
    assert isinstance(visit["tut_wuri_handayani"], float)


def test_bk12_feedback_sheet_lists_twelve_principles(tmp_path):
    folder = tmp_path / "lembar"
    result = run("grade", "--profile", "bk12", "--sheets", str(folder), "-o",
                 str(tmp_path / "nilai.md"), str(BK12_CASES / "bk12-exemplary.yaml"))
    assert result.exit_code == 0, result.output
    sheet = next(p for p in folder.iterdir() if p.name != "index.html")
    items = sheet.read_text(encoding="utf-8").split('<ul class="asas">')[1].split("</ul>")[0]
    assert items.count("<li") == 12 and "tut wuri handayani" in items


def test_bk12_trend_by_score_has_twelve_columns():
    data = json.loads(run("trend", "--profile", "bk12", "--by", "score", "--format", "json",
                          str(BK12_CASES)).output)
    assert data["principles"] == TWELVE
    assert all(list(c["principles"]) == TWELVE for t in data["trainees"] for c in t["cases"])
    assert all(t["change_by"] == "score" for t in data["trainees"])


def test_print_rubric_of_bk12_and_an_eight_principle_rubric_refused_for_it(tmp_path):
    printed = run("grade", "--profile", "bk12", "--print-rubric").output
    assert "tut_wuri_handayani: 1" in printed
    eight = tmp_path / "eight.yaml"
    eight.write_text(run("grade", "--print-rubric").output, encoding="utf-8")
    result = CliRunner().invoke(cli, ["grade", "--profile", "bk12", "--rubric", str(eight),
                                      str(BK12_CASES)])
    assert result.exit_code == 2
    assert "weights.kedinamisan" in result.output or "kedinamisan" in result.output


def test_rules_and_rule_pages_by_profile():
    default = run("rules", "--format", "json").output
    bk12 = run("rules", "--format", "json", "--profile", "bk12").output
    d_ids = {r["id"]: r for r in json.loads(default)}
    b_ids = {r["id"]: r for r in json.loads(bk12)}
    assert not any(i.startswith(("KDN", "KPD", "ATK", "TWH")) for i in d_ids)
    assert {"KDN001", "KPD001", "ATK001", "TWH002", "DOC081"} <= set(b_ids)
    assert set(d_ids) < set(b_ids)
    assert b_ids["KAH001"]["principle"] == "alih_tangan_kasus"
    assert d_ids["KAH001"]["principle"] == "keahlian"
    page = run("rule", "TWH002", "--profile", "bk12", "--lang", "id").output
    assert "Prayitno & Erman Amti" in page and "tut_wuri_handayani" in page
    missing = CliRunner().invoke(cli, ["rule", "TWH002"])
    assert missing.exit_code != 0 and "no rule TWH002" in missing.output
    # ... and says which profile has it, in the reader's language
    assert "asas rule TWH002 --profile bk12" in missing.output
    assert "milik profil bk12" in CliRunner().invoke(cli, ["rule", "TWH002", "--lang",
                                                           "id"]).output


def test_the_bk12_rule_list_keeps_its_columns_aligned():
    lines = run("rules", "--profile", "bk12", "--lang", "id").output.splitlines()
    starts = {len(re.match(r"\S+ +\S+ +", line).group(0)) for line in lines}
    assert len(starts) == 1, starts         # the severity column starts at one place


@pytest.mark.parametrize("lang,source", [("en", "Source (the ¶ above): Prayitno"),
                                         ("id", "Sumber (¶ di atas): Prayitno")])
def test_a_bk12_rule_page_names_the_book_its_paragraph_cites(lang, source):
    """The four principles rest on Prayitno & Amti, not on the source text: the page's
    references say so; a rule of the eight (KAH001, reported under alih tangan kasus in
    bk12) still cites the source text as its ¶."""
    page = run("rule", "KDN001", "--profile", "bk12", "--lang", lang).output
    refs = page.split("\n\n")[-1]
    assert source in refs and "Sukardi" in refs and "Damanik" not in refs
    kah = run("rule", "KAH001", "--profile", "bk12", "--lang", lang).output.split("\n\n")[-1]
    assert "Damanik" in kah


def test_trend_by_profile():
    result = run("trend", "--profile", "bk12", "--format", "json", str(BK12_CASES))
    data = json.loads(result.output)
    assert data["principles"] == TWELVE and data["tool"]["profile"] == "bk12"
    text = run("trend", "--profile", "bk12", str(BK12_CASES)).output
    assert "KDN  KPD  KNM  KAH  ATK  TWH" in text


def test_explain_by_profile():
    out = run("explain", "--profile", "bk12",
              str(BK12_CASES / "bk12-labelling-threats.yaml")).output
    assert "tut_wuri_handayani" in out and "TWH002" in out


def test_init_asks_for_the_bk12_fields_only_with_bk12():
    default = run("init", "-").output
    bk12 = run("init", "-", "--profile", "bk12").output
    for name in ("goals_reviewed:", "laijapen_planned:", "data_sources:",
                 "supporting_activities:", "feedback_given:"):
        assert name not in default and name in bk12, name


def test_the_config_files_profile_reaches_every_command(tmp_path, monkeypatch):
    """A course's asas.toml says profile = "bk12": trend, explain, rules, rule and init
    follow it as check and grade do; --profile still wins."""
    course = tmp_path / "kelas"
    course.mkdir()
    (course / "asas.toml").write_text('profile = "bk12"\n', encoding="utf-8")
    case = course / "kasus.yaml"
    shutil.copy(BK12_CASES / "bk12-labelling-threats.yaml", case)
    monkeypatch.chdir(tmp_path)        # not where the config is: it is found from the files
    trend = json.loads(run("trend", "--format", "json", str(course)).output)
    assert trend["principles"] == TWELVE
    assert "TWH002" in run("explain", str(case)).output
    assert "TWH002" not in run("explain", "--profile", "konseling-individual", str(case)).output
    run("init", str(course / "baru.yaml"))
    assert "goals_reviewed:" in (course / "baru.yaml").read_text(encoding="utf-8")
    monkeypatch.chdir(course)          # rules and rule: the config of the current folder
    assert "KDN001" in run("rules").output
    assert "Goals not reviewed" in run("rule", "KDN001", "--lang", "en").output
    assert "KDN001" not in run("rules", "--profile", "konseling-individual").output
    assert "goals_reviewed:" in run("init", "-").output


# --- cache and worker processes --------------------------------------------------------

def test_cache_keeps_each_profile_apart(tmp_path):
    cache = str(tmp_path / "cache")
    path = str(BK12_CASES / "bk12-labelling-threats.yaml")

    def check(*extra):
        result = run("check", "--cache-dir", cache, "--format", "json", "--fail-on", "never",
                     *extra, path)
        return json.loads(result.output)

    first = check("--profile", "bk12")
    eight = check()
    again = check("--profile", "bk12")            # from the cache
    assert first == again
    assert list(eight["cases"][0]["principles"]) == list(PRINCIPLES)
    assert list(again["cases"][0]["principles"]) == TWELVE


def test_jobs_give_the_same_bk12_report():
    one = report("--profile", "bk12", "--jobs", "1", str(BK12_CASES))
    two = report("--profile", "bk12", "--jobs", "2", str(BK12_CASES))
    assert one == two


# --- an institution's own profile: a file, no engine change ------------------------------

def test_an_institutions_profile_file_works_without_engine_change():
    data = check_data(patched({"sessions[0].counselor.norm_conflicts": [
        {"norm": "religion", "note": "Konselor menyarankan meninggalkan ibadah."}]}),
        profile=KAMPUS)
    assert list(data.principles) == ["kerahasiaan", "kesukarelaan", "keharmonisan", "keahlian",
                                     "alih_tangan_kasus"]
    assert data.principles["keharmonisan"].status == "violated"
    assert "KNM001" in data.principles["keharmonisan"].findings
    assert data.profile == KAMPUS
    # the rules the profile does not name do not run
    assert not any(f.id.startswith(("KKN", "KGT", "KMD", "KDN", "KPD", "TWH"))
                   for f in data.findings)


def test_an_institutions_profile_through_the_cli_with_its_own_rubric():
    data = report("--profile", KAMPUS, str(CASES / "exemplary.yaml"))
    assert data["tool"]["profile"] == "kampus-x"
    assert data["principles"] == ["kerahasiaan", "kesukarelaan", "keharmonisan", "keahlian",
                                  "alih_tangan_kasus"]
    graded = run("grade", "--profile", KAMPUS, "--format", "csv", str(CASES / "exemplary.yaml"))
    assert graded.exit_code == 0, graded.output
    header, row = graded.output.splitlines()[:2]
    assert header.split(",")[4:9] == data["principles"]
    assert row.split(",")[4:9] == ["28.571", "14.286", "14.286", "14.286", "28.571"]   # 2:1:1:1:2


def test_a_profile_dropped_into_rules_profiles_is_found_by_name(tmp_path, monkeypatch):
    folder = tmp_path / "profiles"
    shutil.copytree(profiles.PROFILE_DIR, folder)
    for name in ("kampus-x.yaml", "kampus-x.rubric.yaml"):
        shutil.copy(Path(KAMPUS).parent / name, folder / name)
    monkeypatch.setattr(profiles, "PROFILE_DIR", folder)
    monkeypatch.setattr(profiles, "_cache", {})
    assert "kampus-x" in profiles.available()
    assert lookup("kampus-x").principles[2] == "keharmonisan"


def test_bad_profiles_are_clear_usage_errors():
    result = CliRunner().invoke(cli, ["check", "--profile", "bk13", str(CASES / "exemplary.yaml")])
    assert result.exit_code == 2
    assert "no profile 'bk13'" in result.output and "bk12" in result.output
    broken = str(HERE / "fixtures" / "profiles" / "broken.yaml")
    result = CliRunner().invoke(cli, ["rules", "--profile", broken])
    assert result.exit_code == 2
    assert "broken.yaml:7:3:" in result.output and "kegembiraan" in result.output
    assert "Traceback" not in result.output
    with pytest.raises(ProfileError, match="no such profile file"):
        lookup(str(HERE / "fixtures" / "profiles" / "missing.yaml"))


def test_a_profile_naming_a_missing_rule_module(tmp_path):
    bad = tmp_path / "p.yaml"
    bad.write_text("name: p\ntitle: {en: P, id: P}\nprinciples: [kerahasiaan]\n"
                   "rules: [kerahasiaan, nosuchmodule]\n", encoding="utf-8")
    with pytest.raises(ProfileError, match=r"no rule module rules/nosuchmodule\.py"):
        check_data(EXEMPLARY, profile=str(bad))
    result = CliRunner().invoke(cli, ["check", "--profile", str(bad), str(CASES / "exemplary.yaml")])
    assert result.exit_code == 2 and "no rule module rules/nosuchmodule.py" in result.output


def test_examples_are_the_profiles_own():
    default = report("--examples")
    bk12 = report("--examples", "--profile", "bk12")
    assert not any("/cases/bk12/" in c["file"].replace("\\", "/") for c in default["cases"])
    assert len(default["cases"]) == len(list(CASES.glob("*.yaml")))
    assert {c["file"].replace("\\", "/").rsplit("/", 2)[-2] for c in bk12["cases"]} == {"bk12"}


def test_redacted_bk12_class_page_keeps_its_twelve_columns():
    result = run("check", "--no-cache", "--fail-on", "never", "--format", "html", "--redact",
                 "--profile", "bk12", str(BK12_CASES))
    matrix = result.output.split('id="matrix"')[1].split("</thead>")[0]
    assert matrix.count('class="p"') == 12


@pytest.mark.parametrize("name", ["konseling-individual", "bk12"])
def test_every_bundled_profile_runs_on_the_fast_network_as_on_expertas(name, capsys):
    """A profile's rules compile on engine/reason/fastrete.py (no fallback, no warning)
    and it matches what experta's own network finds on the profile's cases."""
    from asas.engine.load.discover import case_paths
    from asas.engine.load.loader import load_file
    from asas.engine.reason import runner
    from asas.engine.reason.fastrete import FastEngineMixin
    from asas.engine.run.bundled import bundled_cases
    chosen = lookup(name)
    arg = None if chosen.is_default else chosen
    fast = runner.build_engine(arg)
    assert isinstance(fast, FastEngineMixin)
    assert capsys.readouterr().err == ""
    plain = runner.plain_engine(arg)
    for path in case_paths(bundled_cases(name)):
        loaded = load_file(path)
        got = [sorted((f["id"], f["session"] or 0) for f in runner.infer(loaded, e).findings)
               for e in (fast, plain)]
        assert got[0] == got[1], path


def test_bk12_rubric_caps_a_threat_or_a_label_at_d_with_a_meeting():
    """Labelling and threatening the client violate tut wuri handayani (TWH002, derived
    from the pressure KSR003 records): a judgement of its own principle, which the bk12
    rubric caps at D, whatever the points."""
    graded = run("grade", "--profile", "bk12", "--format", "csv",
                 str(BK12_CASES / "bk12-labelling-threats.yaml"))
    [row] = list(csv.DictReader(io.StringIO(graded.output)))
    assert row["tut_wuri_handayani"] == "1.667"        # violated: 20 % of its share
    assert row["grade"] == "D" and row["meeting"] == "yes" and "TWH002" in row["reason"]


@pytest.mark.parametrize("fmt, heading", [("markdown", "# "), ("html", "<h1>")])
def test_the_report_is_titled_by_its_profile(fmt, heading):
    bk12 = run("check", "--profile", "bk12", "--format", fmt, "--lang", "id",
               str(BK12_CASES / "bk12-exemplary.yaml"))
    assert f"{heading}asas · Dua belas asas bimbingan dan konseling" in bk12.output
    default = run("check", "--format", fmt, "--lang", "id", "cases/exemplary.yaml")
    assert f"{heading}asas · Laporan asas konseling individual" in default.output


def test_bk12_rubric_keeps_every_cap_of_the_default_one():
    """bk12's rubric is a copy a lecturer edits: a cap added to the default (the
    verbatim's over-claims at B) must not be missing from it."""
    from asas.engine.report.grade import load_rubric

    def caps(rubric):
        return {(c.rules, c.severity, c.grade, c.meeting) for c in rubric.caps}
    assert caps(load_rubric()) <= caps(load_rubric(profile="bk12"))
    assert len(load_rubric(profile="bk12").caps) == len(load_rubric().caps) + 1   # TWH
