"""Kenormatifan: one violation per norm kind named, with its own evidence."""

import pytest

from helpers import check_data, ids, patched

NORMS = {"religion": "KNM001", "custom": "KNM002", "law": "KNM003", "science": "KNM004",
         "social_habit": "KNM005"}


@pytest.mark.parametrize("norm", sorted(NORMS))
def test_each_norm_kind_has_its_own_violation(norm):
    result = check_data(patched({"sessions[1].counselor.norm_conflicts": [
        {"norm": norm, "note": "Catatan."}]}))
    knm = {f.id for f in result.findings if f.id.startswith("KNM")}
    assert knm == {NORMS[norm]}
    found = [f for f in result.findings if f.id == NORMS[norm]][0]
    assert found.session == 2 and found.doc.severity == "violation"
    assert found.params == {"session": 2, "norm": norm, "note": "Catatan."}
    assert [e.path for e in found.evidence] == [
        "sessions[1].counselor.norm_conflicts[0].norm",
        "sessions[1].counselor.norm_conflicts[0].note"]
    assert result.principles["kenormatifan"].status == "violated"


def test_several_conflicts_give_one_finding_per_norm_kind_and_session():
    result = check_data(patched({"sessions[0].counselor.norm_conflicts": [
        {"norm": "law"}, {"norm": "religion"}, {"norm": "law", "note": "Lagi."}]}))
    knm = [(f.id, f.session) for f in result.findings if f.id.startswith("KNM")]
    assert sorted(knm) == [("KNM001", 1), ("KNM003", 1)]
    law = [f for f in result.findings if f.id == "KNM003"][0]
    assert {e.path for e in law.evidence} == {
        "sessions[0].counselor.norm_conflicts[0].norm",
        "sessions[0].counselor.norm_conflicts[2].norm",
        "sessions[0].counselor.norm_conflicts[2].note"}
    # two firings of one finding combine their certainty
    assert law.certainty == pytest.approx(1 - (1 - law.doc.cf) ** 2, abs=0.005)


def test_no_conflict_with_techniques_documented_is_upheld():
    result = check_data(patched({}))
    assert result.principles["kenormatifan"].status == "upheld"


def test_techniques_documented_nowhere_leaves_kenormatifan_not_assessed():
    result = check_data(patched({"sessions[0].counselor.techniques": None,
                                 "sessions[1].counselor.techniques": None}))
    assert "DOC051" in ids(result)
    assert result.principles["kenormatifan"].status == "not_assessed"
    # a conflict is a violation whatever the documentation
    result = check_data(patched({"sessions[0].counselor.techniques": None,
                                 "sessions[1].counselor.techniques": None,
                                 "sessions[0].counselor.norm_conflicts": [{"norm": "custom"}]}))
    assert result.principles["kenormatifan"].status == "violated"
