"""In-file suppressions (``asas: {ignore: [{rule, reason, session, by}]}``) and the one
mechanism they share with a lecturer's overrides (engine/judge/suppress.py).

The fixtures in tests/fixtures/suppress/ say in their headers what they must give:

    # error: LINE:COL CODE          a located error of the file (message code)
    #   en: ... / #   id: ...       its text in English and Indonesian (after file:line:col:)
    # expect: IDS                   the findings left (after suppression)
    # suppressed: IDS               the findings set aside (a chain with its root)
    # unused: RULE@LINE             a suppression that matched nothing, and its line
    # status: p=status ...          statuses that must hold
    # exit: N                       the exit status of ``asas check``
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from asas.cli import cli
from asas.engine.judge.suppress import Waiver, apply
from asas.engine.run.batch import check_paths
from asas.engine.run.pipeline import check_file

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures" / "suppress"
CHAIN = "tests/fixtures/suppress/chain-lifted.yaml"
REASON = "wali kelas anggota tim kasus sekolah"        # part of the chain fixture's reason
BY = "Dr. Sari"


@pytest.fixture(autouse=True)
def at_root(monkeypatch):
    monkeypatch.chdir(HERE.parent)


def headers(path: Path) -> list[tuple[str, str]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"#\s+(error|en|id|expect|suppressed|unused|status|exit):\s?(.*)$", line)
        if m:
            out.append((m.group(1), m.group(2).rstrip()))
    return out


def header(path: Path, key: str) -> list[str]:
    return [v for k, v in headers(path) if k == key]


ERROR_FIXTURES = sorted(p.name for p in FIXTURES.glob("*.yaml") if header(p, "error"))


def run(*args):
    return CliRunner().invoke(cli, ["check", "--no-cache", "--isolated", *args])


# --- the file's own mistakes: located errors, in both languages ------------------------

def test_every_error_fixture_is_here():
    assert set(ERROR_FIXTURES) >= {"missing-reason.yaml", "blank-reason.yaml",
                                   "unknown-key.yaml", "rule-id-form.yaml",
                                   "unknown-rule.yaml", "waivers-and-session.yaml"}


@pytest.mark.parametrize("name", ERROR_FIXTURES)
def test_a_bad_suppression_is_a_located_error_in_both_languages(name):
    path = FIXTURES / name
    expected = []          # (line, column, code, en, id) from the header
    for key, value in headers(path):
        if key == "error":
            where, code = value.split()
            line, column = map(int, where.split(":"))
            expected.append([line, column, code, None, None])
        elif key in ("en", "id") and expected:
            expected[-1][3 if key == "en" else 4] = value
    r = check_file(str(path))
    assert not r.valid
    got = [[e.line, e.column, e.code, e.format("", "en").split(": ", 1)[1],
            e.format("", "id").split(": ", 1)[1]] for e in r.errors]
    assert got == expected
    # the same through the command line: exit 2, no traceback, file:line:col
    result = run("--lang", "id", str(path))
    assert result.exit_code == 2 and "Traceback" not in result.output
    for line, column, _, _, text in expected:
        assert f"{path}:{line}:{column}: {text}" in result.output


def test_the_reasons_of_the_errors_read_as_meant():
    """What the fixtures pin, said in words: the reason is required, a misspelt key
    gets its 'did you mean', a rule ID its nearest form or rule."""
    texts = {name: " ".join(header(FIXTURES / name, "en") + header(FIXTURES / name, "id"))
             for name in ERROR_FIXTURES}
    assert "missing required key 'reason'" in texts["missing-reason.yaml"]
    assert "isian wajib 'reason'" in texts["missing-reason.yaml"]
    assert "did you mean 'reason'" in texts["unknown-key.yaml"]
    assert "maksud Anda 'ignore'" in texts["unknown-key.yaml"]
    assert "did you mean 'DOC080'" in texts["rule-id-form.yaml"]
    assert "is not a rule of asas (did you mean 'DOC08" in texts["unknown-rule.yaml"]
    assert "belongs under 'asas:' as 'ignore:'" in texts["waivers-and-session.yaml"]


# --- applied ----------------------------------------------------------------------------

def test_the_chain_fixture_gives_what_its_header_says():
    path = Path(CHAIN)
    r = check_file(CHAIN)
    assert r.valid
    assert sorted({f.id for f in r.findings}) == sorted(header(path, "expect")[0].split())
    assert sorted({f.id for f, _ in r.suppressed}) == sorted(header(path, "suppressed")[0].split())
    assert [f"{w.rule}@{w.line}" for w in r.unused_suppressions] == header(path, "unused")
    for item in header(path, "status")[0].split():
        principle, status = item.split("=")
        assert r.principles[principle].status == status, principle
    # the whole chain goes with its root, each pointing at the suppression that did it
    assert {w.rule for _, w in r.suppressed} == {"KRH003"}
    assert all(f.id != "KRH003" or f.session == 1 for f, _ in r.suppressed)


def test_a_suppression_changes_the_exit_status_and_no_suppress_shows_everything():
    expected = int(header(Path(CHAIN), "exit")[0])
    applied = run(CHAIN)
    assert applied.exit_code == expected == 0, applied.output
    everything = run("--no-suppress", CHAIN)
    assert everything.exit_code == 1
    assert "KRH003" in everything.output and "suppressed:" not in everything.output
    assert "unused suppression" not in everything.output      # not applied: not judged
    without = check_file(CHAIN, suppress=False)
    assert {"KRH003", "KSR005", "KTB001", "KTB004"} <= {f.id for f in without.findings}
    assert without.principles["kerahasiaan"].status == "violated"
    assert not without.suppressed and not without.unused_suppressions


def test_the_report_says_what_was_suppressed_and_why_in_every_reading_format():
    text = run(CHAIN).output
    assert (f"{CHAIN}:103:7  suppressed: KRH003 (1) with KSR005, KTB001, KTB004 — {REASON}"
            in text)
    assert f"; by {BY}" in text
    assert f"{CHAIN}:107:7  unused suppression: KGT001 matches no finding" in text
    indonesian = run("--lang", "id", CHAIN).output
    assert "dikecualikan: KRH003 (1) beserta KSR005, KTB001, KTB004 — " in indonesian
    assert "pengecualian tak terpakai: KGT001" in indonesian
    md = run("--format", "markdown", CHAIN).output
    assert "- line 103: suppressed: KRH003 (1)" in md and "- ⚠ line 107: unused suppression" in md
    html = run("--format", "html", CHAIN).output
    assert '<ul class="suppressions">' in html and f"— {REASON}" in html
    assert '<li class="unused"><span class="loc">line 107</span> unused suppression' in html


def test_json_carries_the_suppressions_and_nothing_new_for_files_without():
    report = json.loads(run("--format", "json", CHAIN, "cases/exemplary.yaml").output)
    chain, plain = report["cases"]
    assert [s["id"] for s in chain["suppressed"]] == ["KRH003", "KSR005", "KTB001", "KTB004"]
    first = chain["suppressed"][0]
    assert first["suppression"]["line"] == 103 and first["suppression"]["session"] == 1
    assert first["suppression"]["reason"].startswith(REASON)
    assert first["suppression"]["by"].startswith(BY)
    assert chain["unused_suppressions"] == [{
        "rule": "KGT001", "session": None, "line": 107, "column": 7,
        "reason": "konseli sakit pada sesi kedua", "by": None, "code": "suppress.unused",
        "message": "unused suppression: KGT001 matches no finding of this case; remove it, "
                   "or correct its rule ID or session"}]
    assert not {f["id"] for f in chain["findings"]} & {"KRH003", "KSR005"}
    assert "suppressed" not in plain and "unused_suppressions" not in plain
    assert report["summary"]["suppressed"] == 4
    assert report["summary"]["unused_suppressions"] == 1
    alone = json.loads(run("--format", "json", "cases/exemplary.yaml").output)
    assert "suppressed" not in alone["summary"] and "unused_suppressions" not in alone["summary"]


def test_suppressions_are_judged_before_the_selection():
    """Whether a suppression is used is a fact about the write-up: --select DOC does not
    make the KRH003 one unused, and the report does not list what it did not select."""
    r = check_file(CHAIN, select=["DOC"])
    assert {f.id for f in r.findings} == {"DOC080"}
    assert r.suppressed == []
    assert [w.rule for w in r.unused_suppressions] == ["KGT001"]


def test_a_suppression_of_another_session_is_unused(tmp_path):
    text = Path(CHAIN).read_text(encoding="utf-8").replace("      session: 1\n",
                                                           "      session: 2\n")
    path = tmp_path / "other-session.yaml"
    path.write_text(text, encoding="utf-8")
    r = check_file(str(path))
    assert "KRH003" in {f.id for f in r.findings} and not r.suppressed
    assert sorted(w.rule for w in r.unused_suppressions) == ["KGT001", "KRH003"]
    result = run(str(path))
    assert result.exit_code == 1
    assert f"{path}:103:7  unused suppression: KRH003 (2) matches no finding" in result.output


def test_no_session_means_every_session(tmp_path):
    text = Path(CHAIN).read_text(encoding="utf-8").replace("      session: 1\n", "")
    path = tmp_path / "every-session.yaml"
    path.write_text(text, encoding="utf-8")
    r = check_file(str(path))
    assert "KRH003" in {f.id for f, _ in r.suppressed}


def test_a_chain_resting_on_two_suppressions_is_lifted_only_with_both():
    """apply() on its own: a derived finding goes when every parent went, including
    parents set aside before (a case file's own, when a grade adds an overrides file's)."""
    class F:
        def __init__(self, rule, session, parents=()):
            self.id, self.session, self.parents = rule, session, list(parents)

    a, b = F("KRH003", 1), F("KRH005", 1)
    child = F("KTB001", 1, [("KRH003", 1), ("KRH005", 1)])
    first = Waiver("KRH003", "because")
    one = apply([a, b, child], [first])
    assert [f.id for f in one.kept] == ["KRH005", "KTB001"]
    second = Waiver("KRH005", "because too", "Dr. Sari")
    both = apply([b, child], [second], already=one.set_aside)
    assert both.kept == [] and [f.id for f, _ in both.set_aside] == ["KRH005", "KTB001"]


# --- the result through the cache and the workers ------------------------------------------

def test_the_cache_and_the_workers_give_the_same_report(tmp_path):
    copy = tmp_path / "copy.yaml"
    shutil.copy(CHAIN, copy)
    cache = str(tmp_path / "cache")
    args = ["check", "--isolated", "--format", "json", "--cache-dir", cache, CHAIN, str(copy)]
    here = CliRunner().invoke(cli, [*args, "--jobs", "1"])            # checked, then cached
    cached = CliRunner().invoke(cli, [*args, "--jobs", "1"])          # from the cache
    pooled = CliRunner().invoke(cli, [*args, "--jobs", "2", "--no-cache"])   # two workers
    assert here.output == cached.output == pooled.output
    assert json.loads(here.output)["summary"]["suppressed"] == 8
    # --no-suppress is not answered from the entry the suppressed run left
    everything = CliRunner().invoke(cli, [*args, "--no-suppress"])
    assert everything.exit_code == 1 and "suppressed" not in json.loads(everything.output)["summary"]
    workers = CliRunner().invoke(cli, [*args, "--no-suppress", "--jobs", "2", "--no-cache"])
    assert workers.output == everything.output


def test_a_cache_entry_with_suppressions_is_checked_when_read(tmp_path):
    from asas.engine.run.codec import BadData, from_data, to_data
    from asas.engine.run.pipeline import catalog_of
    data = json.loads(json.dumps(to_data(check_file(CHAIN))))
    back = from_data(data, CHAIN, catalog_of())
    assert to_data(back) == data and back.unused_suppressions[0].where == f"{CHAIN}:107:7"
    data["unused"] = [7]
    with pytest.raises(BadData):
        from_data(data, CHAIN, catalog_of())


# --- redaction ------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "html", "concise", "csv",
                                 "sarif", "junit", "github"])
def test_redact_hides_the_reason_and_who_decided(fmt):
    """A reason is free text of the case file and may tell the client's story ("dirujuk
    karena ..."): --redact takes it out, and the name of who decided, as every other
    free text; the rule, the session and the line stay."""
    result = run("--redact", "--format", fmt, CHAIN)
    assert REASON not in result.output and BY not in result.output
    assert "konseli sakit" not in result.output
    if fmt in ("text", "markdown", "html"):
        assert "KRH003 (1)" in result.output and "redacted" in result.output
    if fmt == "json":
        case = json.loads(result.output)["cases"][0]
        assert case["suppressed"][0]["suppression"]["reason"] == "[redacted]"
        assert case["unused_suppressions"][0]["line"] == 107


# --- grading --------------------------------------------------------------------------------

def test_grade_honours_the_case_files_suppressions(tmp_path):
    result = CliRunner().invoke(cli, ["grade", "--format", "csv", CHAIN])
    assert result.exit_code == 0, result.output
    assert ",A," in result.output and "KRH003 (1) set aside by Dr. Sari" in result.output
    unused = f"{CHAIN}:107:7: unused override: KGT001 matches no finding of KI-2026-04"
    assert unused in result.stderr
    plain = CliRunner().invoke(cli, ["grade", "--format", "csv", "--no-suppress", CHAIN])
    assert ",D," in plain.output and "set aside" not in plain.output
    # an overrides file adds to the file's own
    overrides = tmp_path / "overrides.yaml"
    overrides.write_text("waivers:\n  - case: KI-2026-04\n    rule: DOC080\n"
                         "    reason: catatan pengamatan ada di jurnal praktikan\n"
                         "    by: Bu Rina (guru pamong)\n", encoding="utf-8")
    both = CliRunner().invoke(cli, ["grade", "--format", "csv", "--overrides", str(overrides),
                                    CHAIN])
    assert "KRH003 (1) set aside by Dr. Sari" in both.output
    assert "DOC080 set aside by Bu Rina" in both.output


def test_grade_sheet_shows_a_suppression_without_by(tmp_path):
    text = Path(CHAIN).read_text(encoding="utf-8").replace(
        "      by: Dr. Sari (dosen pembimbing)\n", "")
    path = tmp_path / "no-by.yaml"
    path.write_text(text, encoding="utf-8")
    from asas.engine.report.grade import grade_results, load_rubric
    g = grade_results(check_paths([str(path)]), load_rubric(), "id")[0]
    from asas.engine.report.grade.render import notes
    assert any(line.startswith("KRH003 (1) dikecualikan: wali kelas") for line in notes(g, "id"))


# --- the format's description -----------------------------------------------------------

def test_the_schema_accepts_a_suppression_and_refuses_what_the_loader_refuses():
    jsonschema = pytest.importorskip("jsonschema")
    import yaml
    schema = json.loads((HERE.parent / "schema" / "asas-v1.schema.json").read_text("utf-8"))
    validator = jsonschema.Draft7Validator(schema)

    def read(path):      # as an editor's language server sees it: dates are text
        return json.loads(json.dumps(yaml.safe_load(Path(path).read_text(encoding="utf-8")),
                                     default=str))
    assert list(validator.iter_errors(read(CHAIN))) == []
    for name in ("missing-reason.yaml", "blank-reason.yaml", "unknown-key.yaml",
                 "rule-id-form.yaml", "waivers-and-session.yaml"):
        if name == "waivers-and-session.yaml":      # session 4 of 1: the loader's cross-check
            bad = read(FIXTURES / name)
            assert [e.validator for e in validator.iter_errors(bad)] == ["additionalProperties"]
            continue
        assert list(validator.iter_errors(read(FIXTURES / name))), name


def test_the_docs_describe_it():
    reference = (HERE.parent / "docs" / "case-format.md").read_text(encoding="utf-8")
    assert "## `asas.ignore[]`" in reference and "suppress.unused" in reference
    readme = (HERE.parent / "README.md").read_text(encoding="utf-8")
    assert "asas:\n  ignore:" in readme and "--no-suppress" in readme
    grading = (HERE.parent / "docs" / "grading.md").read_text(encoding="utf-8")
    assert "asas: ignore:" in grading


def test_append_session_keeps_the_suppressions():
    """``asas interview FILE --append-session`` writes the file again: what the user wrote
    under ``asas:`` stays."""
    import yaml

    from asas.engine.authoring.interview import Interview
    from asas.engine.authoring.template import render_case
    from asas.engine.load.loader import load_bytes
    existing = yaml.safe_load(Path(CHAIN).read_text(encoding="utf-8"))
    iv = Interview("en", echo=lambda *a, **k: None)
    iv.prompt = lambda text: ""              # every question left blank, no further session
    data = iv.run(existing)
    loaded = load_bytes(render_case("en", data).encode("utf-8"), "again.yaml")
    assert loaded.valid, [e.format("again.yaml") for e in loaded.errors]
    assert [(s.rule, s.session, s.by) for s in loaded.case.asas.ignore] == [
        ("KRH003", 1, "Dr. Sari (dosen pembimbing)"), ("KGT001", None, None)]


def test_the_python_api_applies_them_unless_told():
    import asas
    case = asas.check_file(CHAIN)
    assert [s["id"] for s in case["suppressed"]][:1] == ["KRH003"]
    assert case["unused_suppressions"][0]["code"] == "suppress.unused"
    text = Path(CHAIN).read_text(encoding="utf-8")
    everything = asas.check_text(text, suppress=False)
    assert "suppressed" not in everything
    assert "KRH003" in {f["id"] for f in everything["findings"]}
    report = asas.check_paths([CHAIN], suppress=False, lang="id")
    assert report["cases"][0]["principles"]["kerahasiaan"]["status"] == "violated"


def test_trend_counts_as_check_does():
    result = CliRunner().invoke(cli, ["trend", "--format", "json", CHAIN])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output


def test_explain_says_what_was_suppressed():
    result = CliRunner().invoke(cli, ["explain", "--lang", "id", CHAIN])
    assert result.exit_code == 0, result.output
    assert "Dikecualikan dalam berkas kasus" in result.output
    assert "baris 103: dikecualikan: KRH003 (1) beserta KSR005" in result.output
    assert "baris 107: pengecualian tak terpakai: KGT001" in result.output


def test_quiet_still_shows_an_unused_suppression(tmp_path):
    """--quiet leaves out the files that pass, but not one whose suppression matched
    nothing: the notice is for the person who wrote it."""
    result = run("--quiet", CHAIN)
    assert result.exit_code == 0
    assert f"{CHAIN}:107:7  unused suppression: KGT001" in result.output
    used_only = tmp_path / "used.yaml"
    used_only.write_text(Path(CHAIN).read_text(encoding="utf-8").split(
        "    - rule: KGT001\n")[0], encoding="utf-8")
    assert run("--quiet", str(used_only)).output == ""


def test_no_strength_is_claimed_for_a_principle_whose_finding_was_set_aside():
    """The breach is excused, not undone: "confidentiality kept" must not be said of it,
    nor of the principles its chain reached; the others keep their strengths."""
    r = check_file(CHAIN)
    excused = {f.doc.principle for f, _ in r.suppressed}
    assert "kerahasiaan" in excused
    credited = {s.principle for s in r.strengths}
    assert credited and not credited & excused
    everything = check_file(CHAIN, suppress=False)
    assert credited == {s.principle for s in everything.strengths} - excused
