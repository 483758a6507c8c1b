"""Every catalogue entry: complete in both languages, and its examples really
make it fire (failing example) and keep it quiet (passing example)."""

import re

import pytest

from asas.engine.judge.catalog import LANGS, PRINCIPLES
from asas.engine.judge.profile import lookup
from asas.engine.judge.terms import SEVERITIES
from asas.engine.run.pipeline import catalog_of
from asas.rules import CATALOG

from helpers import EXEMPLARY, check_data, ids, patched

PREFIX = {"KRH": "kerahasiaan", "KSR": "kesukarelaan", "KTB": "keterbukaan",
          "KKN": "kekinian", "KGT": "kegiatan", "KNM": "kenormatifan", "KAH": "keahlian",
          "KMD": "kemandirian",
          # profile bk12
          "KDN": "kedinamisan", "KPD": "keterpaduan", "ATK": "alih_tangan_kasus",
          "TWH": "tut_wuri_handayani"}
# every entry once, with the profile whose knowledge base it belongs to: the default's,
# then those only profile bk12 has (its examples are checked under bk12)
BK12 = catalog_of("bk12")
DOCS = sorted(CATALOG.values(), key=lambda d: d.id) + \
    sorted((d for d in BK12.values() if d.id not in CATALOG), key=lambda d: d.id)
PROFILE = {d.id: None if d.id in CATALOG else "bk12" for d in DOCS}
ALL_PRINCIPLES = set(PRINCIPLES) | set(lookup("bk12").principles)
TEXTS = ("title", "message", "recommendation", "why", "source")


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: d.id)
def test_entry_is_complete(doc):
    assert re.fullmatch(r"[A-Z]{3}\d{3}", doc.id)
    assert doc.severity in SEVERITIES
    assert 0 < doc.cf <= 1
    assert doc.principle in ALL_PRINCIPLES or doc.principle is None
    if doc.id[:3] in PREFIX:
        assert doc.principle == PREFIX[doc.id[:3]]
    if doc.id.startswith("DOC"):
        assert doc.severity == "advice"
    for name in TEXTS:
        text = getattr(doc, name)
        for lang in LANGS:
            assert text.get(lang).strip(), f"{doc.id}.{name} has no {lang} text"
        assert text.placeholders("en") == text.placeholders("id"), f"{doc.id}.{name}"


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: d.id)
def test_failing_example_fires(doc):
    assert doc.fail, f"{doc.id} has no failing example"
    assert doc.id in ids(check_data(patched(doc.fail), profile=PROFILE[doc.id]))


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: d.id)
def test_passing_example_is_quiet(doc):
    assert doc.id not in ids(check_data(patched(doc.passing), profile=PROFILE[doc.id]))


@pytest.mark.parametrize("doc", [d for d in DOCS if PROFILE[d.id] == "bk12"],
                         ids=lambda d: d.id)
def test_bk12_entry_cites_prayitno_and_amti(doc):
    """The four principles bk12 adds rest on the guidance literature, cited as a
    reference a student can put in a laporan."""
    for lang in LANGS:
        assert "Prayitno & Erman Amti, Dasar-dasar Bimbingan dan Konseling" in \
            doc.source.get(lang)


def test_bk12_reports_the_referral_findings_under_alih_tangan_kasus():
    assert CATALOG["KAH001"].principle == "keahlian"
    assert BK12["KAH001"].principle == BK12["KAH005"].principle == "alih_tangan_kasus"
    assert BK12["KAH001"].title == CATALOG["KAH001"].title
    assert BK12["KAH002"] is CATALOG["KAH002"]
    # the default profile's knowledge is the knowledge base itself, untouched
    assert catalog_of(None) is CATALOG


def test_exemplary_case_has_nothing_above_advice():
    result = check_data(EXEMPLARY)
    assert [f.id for f in result.findings if f.doc.severity != "advice"] == []
    assert {v.status for v in result.principles.values()} == {"upheld"}


def test_committed_rule_reference_is_current():
    from asas.engine.report.rulepage import rules_markdown

    from helpers import ROOT
    committed = ROOT / "docs" / "rules.md"
    assert committed.read_text(encoding="utf-8") == rules_markdown(CATALOG.values()), \
        "docs/rules.md is stale: run `asas rules --format markdown -o docs/rules.md`"


def test_committed_bk12_rule_reference_is_current():
    from asas.engine.report.rulepage import rules_markdown

    from helpers import ROOT
    committed = ROOT / "docs" / "rules-bk12.md"
    assert committed.read_text(encoding="utf-8") == \
        rules_markdown(BK12.values(), lookup("bk12")), \
        "docs/rules-bk12.md is stale: run " \
        "`asas rules --profile bk12 --format markdown -o docs/rules-bk12.md`"


def test_rule_reference_has_every_entry_in_both_languages():
    from asas.engine.report.rulepage import rules_markdown
    page = rules_markdown(CATALOG.values())
    for doc in CATALOG.values():
        section = page.split(f"\n### {doc.id}\n", 1)[1].split("\n### ", 1)[0]
        for name in TEXTS:
            for lang in LANGS:
                assert getattr(doc, name).get(lang).split("{")[0] in section, (doc.id, name)
        assert f"{doc.cf:.2f}" in section and "```yaml" in section
