"""Chain 4: three or more of the other principles failing through direct findings put
expertise in question (KAH004); derived findings and keahlian's own do not count."""

import pytest

from helpers import check_data, ids, patched

FAILING = ("risk", "violation")
PAST_S1 = {"sessions[0].counselor.time_focus": "past"}                 # kekinian direct
PASSIVE_S2 = {"sessions[1].client.activity": "passive"}                # kegiatan direct
RELIGION_S2 = {"sessions[1].counselor.norm_conflicts": [
    {"norm": "religion", "note": "Menyarankan meninggalkan ibadah."}]}  # kenormatifan direct
DECIDED_S2 = {"sessions[1].counselor.decided_for_client": True}        # kemandirian direct
# session 2 neither open nor active: nothing later defeats a chain started in session 1
NOT_LATER = {"sessions[1].client.disclosure": "partial", "sessions[1].client.activity": "moderate"}


def kah004(result):
    hits = [f for f in result.findings if f.id == "KAH004"]
    assert len(hits) <= 1
    return hits[0] if hits else None


def direct_failing_principles(result):
    return {f.doc.principle for f in result.findings
            if not f.parents and f.doc.severity in FAILING and f.doc.principle}


def test_three_principles_failing_directly_put_expertise_in_question():
    result = check_data(patched({**PAST_S1, **PASSIVE_S2, **RELIGION_S2}))
    found = kah004(result)
    assert found is not None
    assert found.session is None and found.doc.principle == "keahlian"
    assert found.doc.severity == "risk" and found.doc.derived
    # one direct finding per failing principle
    assert sorted(found.parents) == [("KGT001", 2), ("KKN001", 1), ("KNM001", 2)]
    assert found.params["count"] == 3
    assert set(found.params["principles"]) == {"kekinian", "kegiatan", "kenormatifan"}
    # certainty: the weakest parent times the rule's CF
    assert found.certainty == pytest.approx(min(0.75, 0.8, 0.9) * found.doc.cf, abs=0.005)
    assert result.principles["keahlian"].status == "at_risk"


def test_four_failing_principles_give_one_kah004_naming_all_four():
    result = check_data(patched({**PAST_S1, **PASSIVE_S2, **RELIGION_S2, **DECIDED_S2}))
    found = kah004(result)
    assert found.params["count"] == 4
    assert {key[0][:3] for key in found.parents} == {"KKN", "KGT", "KNM", "KMD"}
    assert len(found.parents) == 4


def test_only_derived_findings_do_not_count():
    # kekinian fails directly; kegiatan only through chain 6 (KGT006); kenormatifan directly
    result = check_data(patched({**PAST_S1, **RELIGION_S2, **NOT_LATER}))
    failing = {p for p, v in result.principles.items() if v.status in ("at_risk", "violated")}
    assert {"kekinian", "kegiatan", "kenormatifan"} <= failing
    assert direct_failing_principles(result) == {"kekinian", "kenormatifan"}
    assert kah004(result) is None


def test_one_root_cause_spread_by_chains_is_one_lapse():
    # confidentiality not explained: kerahasiaan fails directly, voluntariness and openness
    # only by chains 1 and 2; with kekinian that is still two direct principles
    result = check_data(patched({"sessions[0].opening.confidentiality_explained": False,
                                 **PAST_S1, **NOT_LATER}))
    failing = {p for p, v in result.principles.items() if v.status in ("at_risk", "violated")}
    assert len(failing - {"keahlian"}) >= 3
    assert len(direct_failing_principles(result) - {"keahlian"}) < 3
    assert kah004(result) is None


def test_keahlians_own_findings_do_not_count():
    result = check_data(patched({**PAST_S1, **RELIGION_S2,
                                 "case.counselor.supervised": False}))   # KAH002
    assert direct_failing_principles(result) == {"kekinian", "kenormatifan", "keahlian"}
    assert kah004(result) is None


def test_advice_and_documentation_findings_do_not_count():
    result = check_data(patched({**PAST_S1, **RELIGION_S2,
                                 "sessions[1].counselor.time_focus": "future",     # KKN003
                                 "sessions[0].client.activity": None,
                                 "sessions[1].client.activity": None}))          # DOC041
    assert {"KKN003", "DOC041"} <= ids(result)
    assert kah004(result) is None


def test_findings_without_a_principle_do_not_count():
    result = check_data(patched({**PAST_S1, **RELIGION_S2,
                                 "case.problem.rights_violated": ["bullying"]}))  # FNG001
    assert "FNG001" in ids(result)
    assert kah004(result) is None
