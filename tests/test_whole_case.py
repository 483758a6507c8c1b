"""Judging the whole case as a supervisor would (issue 12): the format's new fields,
what went well, derived findings under their root, presumptions later evidence
defeats, and rule pages that teach."""

import pytest
from click.testing import CliRunner

from asas.cli import cli
from asas.engine.load.loader import load_bytes
from asas.engine.report.contract import grouped
from asas.engine.report.formats import text as text_format
from asas.engine.report.rulepage import rule_page
from asas.engine.run.pipeline import check_file
from asas.rules import CATALOG

from helpers import CASES, dump, patched

# -- the format -------------------------------------------------------------------

def test_others_present_items_are_text_or_who_and_agreement():
    data = patched({"sessions[1].place.others_present": [
        "wali kelas", {"who": "guru pamong", "client_agreed": True}]})
    loaded = load_bytes(dump(data), "<t>")
    assert loaded.valid, [e.format("<t>") for e in loaded.errors]
    first, second = loaded.case.sessions[1].place.others_present
    assert (first.who, first.client_agreed) == ("wali kelas", None)
    assert (second.who, second.client_agreed) == ("guru pamong", True)


def test_risk_items_are_codes_or_kind_and_session():
    data = patched({"case.problem.risk": ["abuse", {"kind": "self_harm", "session": 2}]})
    loaded = load_bytes(dump(data), "<t>")
    assert loaded.valid, [e.format("<t>") for e in loaded.errors]
    assert [(r.kind, r.session) for r in loaded.case.case.problem.risk] == [
        ("abuse", None), ("self_harm", 2)]


@pytest.mark.parametrize("item, message", [
    ({"kind": "self_harm", "session": 5}, "session 5 does not exist"),
    ({"kind": "selfharm"}, "is not one of"),
    ({"session": 1}, "missing required key 'kind'"),
])
def test_a_bad_risk_item_is_reported_at_its_line(item, message):
    loaded = load_bytes(dump(patched({"case.problem.risk": [item]})), "<t>")
    assert not loaded.valid
    error = next(e for e in loaded.errors if message in e.message)
    assert error.path.startswith("case.problem.risk[0]") and error.line > 1


# -- what went well -------------------------------------------------------------

def test_every_upheld_principle_of_the_exemplary_case_says_what_shows_it():
    result = check_file(str(CASES / "exemplary.yaml"))
    shown = {st.principle for st in result.strengths}
    upheld = {p for p, v in result.principles.items() if v.status == "upheld"}
    assert shown == upheld and len(upheld) == 8
    for st in result.strengths:
        assert st.evidence and all(e.line > 1 for e in st.evidence)


def test_strengths_only_for_upheld_principles():
    result = check_file(str(CASES / "coordination-breach.yaml"))
    assert result.principles["kerahasiaan"].status == "violated"
    assert "kerahasiaan" not in {st.principle for st in result.strengths}


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
def test_every_format_shows_what_went_well(fmt):
    out = CliRunner().invoke(cli, ["check", str(CASES / "exemplary.yaml"), "--format", fmt,
                                   "--lang", "id", "--no-cache"])
    assert out.exit_code == 0, out.output
    assert "Asas kerahasiaan dijelaskan pada sesi 1" in out.output


def test_explain_shows_what_went_well():
    out = CliRunner().invoke(cli, ["explain", str(CASES / "exemplary.yaml"), "--lang", "en"])
    assert "What went well" in out.output
    assert "session 1 › opening.confidentiality_explained = true" in out.output


def test_redaction_hides_the_text_a_strength_quotes():
    data = patched({"sessions[1].place.others_present": [
        {"who": "Bu Sari guru pamong", "client_agreed": True}]})
    args = ["check", "-", "--format", "json", "--no-cache", "--fail-on", "never"]
    shown = CliRunner().invoke(cli, args, input=dump(data)).output
    assert "Bu Sari" in shown                 # the strength names who was present ...
    hidden = CliRunner().invoke(cli, args + ["--redact"], input=dump(data)).output
    assert "Bu Sari" not in hidden            # ... and --redact hides it


# -- one slip, one mistake --------------------------------------------------------

def test_derived_findings_are_grouped_under_their_root():
    result = check_file(str(CASES / "coordination-breach.yaml"))
    groups = {result.findings[root].id: [result.findings[k].id for k in kids]
              for root, kids in grouped(result.findings)}
    assert groups["KRH003"] == ["KSR005", "KTB001", "KTB004"]
    text = text_format.render([result], "en")
    assert text.index("KRH003  violation") < text.index("↳ ")
    assert text.count("↳ ") == 3


def test_a_finding_resting_on_several_roots_stays_on_its_own():
    result = check_file(str(CASES / "many-failures.yaml"))
    tops = {result.findings[root].id for root, _ in grouped(result.findings)}
    assert "KAH004" in tops


# -- rule pages -----------------------------------------------------------------

@pytest.mark.parametrize("rule_id", sorted(CATALOG))
def test_rule_pages_show_no_raw_placeholder(rule_id):
    doc = CATALOG[rule_id]
    page = rule_page(doc, "id")
    checks = page.split("Apa yang diperiksa\n", 1)[1].split("\n\n", 1)[0]
    assert "‹" not in checks, checks


def test_rule_page_titles_and_references():
    page = rule_page(CATALOG["KTB004"], "id")
    assert "Contoh yang tidak memicu aturan ini" in page and "lolos" not in page
    assert "lebih meyakinkan daripada" in page          # the certainty note on a chain
    assert "Prayitno & Amti" in page and "Rineka Cipta" in page
    assert "../" not in page


def _with_cause():
    return sorted(rid for rid, doc in CATALOG.items()
                  if "{cause}" in doc.recommendation.en + doc.message.en
                  or any("{cause}" in t.en for v in doc.variants.values() for t in v.values()))


@pytest.mark.parametrize("rule_id", _with_cause())
def test_a_derived_rule_page_points_at_the_root_its_own_example_gives(rule_id):
    # the page's "lihat KGT001" and its wording are those of the finding the failing
    # example produces, not a stock value that belongs to another chain
    from asas.engine.report.rulepage import example_values

    from helpers import check_data
    doc = CATALOG[rule_id]
    finding = next(f for f in check_data(patched(doc.fail)).findings if f.id == rule_id)
    values = example_values(doc)
    assert values["cause"] == finding.params["cause"]
    assert values.get("variant") == finding.params.get("variant")
    page = rule_page(doc, "id")
    assert f"(lihat {finding.params['cause']})" in page
    assert finding.doc.recommendation.fill("id", finding.params) in page


def _every_entry():
    from asas.engine.run.pipeline import catalog_of
    bk12 = catalog_of("bk12")
    return [(rid, None) for rid in sorted(CATALOG)] + \
        [(rid, "bk12") for rid in sorted(bk12) if rid not in CATALOG]


@pytest.mark.parametrize("rule_id, profile", _every_entry())
def test_a_rule_page_shows_the_values_its_failing_example_produces(rule_id, profile):
    # "giliran 12" on a page whose example has two turns taught the wrong reading: every
    # value a page fills in is the one the failing example's own finding carries
    from asas.engine.report.rulepage import example_values
    from asas.engine.run.pipeline import catalog_of

    from helpers import check_data
    doc = catalog_of(profile)[rule_id] if profile else CATALOG[rule_id]
    finding = next(f for f in check_data(patched(doc.fail), profile=profile).findings
                   if f.id == rule_id)
    values = example_values(doc)
    page, found = doc.worded(values), finding.doc.worded(finding.params)
    for lang in ("id", "en"):
        for field in ("message", "recommendation"):
            assert getattr(page, field).fill(lang, values) == \
                getattr(found, field).fill(lang, finding.params)


def test_the_catalogue_in_markdown_has_no_raw_placeholder():
    from asas.engine.report.rulepage import rules_markdown
    text = rules_markdown(CATALOG.values())
    assert "‹" not in text and "{cause}" not in text
    assert "Faktor kepastian" not in text and "lebih meyakinkan daripada" in text


@pytest.mark.parametrize("lang, line", [("en", "can be more certain than"),
                                        ("id", "lebih meyakinkan daripada")])
def test_check_help_says_why_a_derived_finding_can_be_more_certain(lang, line):
    out = CliRunner().invoke(cli, ["check", "--help", "--lang", lang]).output
    assert line in " ".join(out.split())
