"""Kerahasiaan: the nuances of disclosures, recordings and privacy, and chain 1."""

import pytest

from asas.rules import CATALOG

from helpers import check_data, find, ids, patched

# session 2 neither willing-and-open nor open: nothing later defeats a chain of session 1
NOT_LATER = {"sessions[1].client.disclosure": "guarded",
             "sessions[1].counselor.techniques": ["attending", "open_question"]}

SAFETY_TO_PARENTS = {"to": "orang tua", "content": "Konseli menyakiti diri.",
                     "client_consent": False, "client_informed": True, "reason": "safety",
                     "identifiable": True}


def disclosure(**changes):
    item = dict(SAFETY_TO_PARENTS, **changes)
    return [{k: v for k, v in item.items() if v is not None}]


def krh_above_advice(result):
    return {f.id for f in result.findings
            if f.doc.principle == "kerahasiaan" and f.doc.severity != "advice"}


def test_safety_disclosure_with_limits_explained_and_client_informed_is_no_breach():
    result = check_data(patched({
        "case.problem.risk": ["self_harm"],
        "sessions[0].opening.confidentiality_limits_explained": True,
        "sessions[0].disclosures": disclosure(),
    }))
    assert krh_above_advice(result) == set()
    assert "KSR005" not in ids(result)
    assert result.principles["kerahasiaan"].status == "upheld"


def test_coordination_disclosure_without_consent_is_a_violation_and_breaks_trust():
    result = check_data(patched({
        "sessions[0].disclosures": disclosure(to="wali kelas", reason="coordination"),
        **NOT_LATER}))
    krh003 = find(result, "KRH003", 1)
    assert krh003.doc.severity == "violation"
    assert krh003.params == {"to": "wali kelas", "reason": "coordination"}
    assert [e.path for e in krh003.evidence] == ["sessions[0].disclosures[0].client_consent",
                                                 "sessions[0].disclosures[0].reason"]
    assert result.principles["kerahasiaan"].status == "violated"
    # chain 1: the breach leaves voluntariness not secured in the same session
    assert find(result, "KSR005", 1).parents == [("KRH003", 1)]


def test_missing_reason_counts_as_no_legitimate_reason():
    result = check_data(patched({"sessions[1].disclosures": disclosure(reason=None)}))
    assert find(result, "KRH003", 2).params["reason"] == "none"


def test_supervision_is_legitimate_only_when_not_identifiable():
    anonymous = check_data(patched({"sessions[0].disclosures": disclosure(
        to="supervisor", reason="supervision", identifiable=False, client_informed=None)}))
    assert krh_above_advice(anonymous) == set()
    # a missing `identifiable` counts as identifiable: risk, not violation
    missing = check_data(patched({"sessions[0].disclosures": disclosure(
        to="supervisor", reason="supervision", identifiable=None)}))
    assert krh_above_advice(missing) == {"KRH004"}
    # and its consent not documented is the counselor's burden
    undocumented = check_data(patched({"sessions[0].disclosures": disclosure(
        to="supervisor", reason="supervision", client_consent=None)}))
    assert krh_above_advice(undocumented) == {"KRH005"}


def test_consent_not_documented_is_quiet_when_the_reason_is_legitimate():
    result = check_data(patched({
        "case.problem.risk": ["self_harm"],
        "sessions[0].disclosures": disclosure(client_consent=None, reason="legal_duty"),
    }))
    assert krh_above_advice(result) == set()


def test_legitimate_disclosure_the_client_was_not_told_of():
    told_not = check_data(patched({"sessions[0].disclosures": disclosure(client_informed=False)}))
    assert krh_above_advice(told_not) == {"KRH006"}
    # not documented whether the client was told: advice only (open world)
    unknown = check_data(patched({"sessions[0].disclosures": disclosure(client_informed=None)}))
    assert krh_above_advice(unknown) == set()
    assert "DOC005" in ids(unknown)
    assert unknown.principles["kerahasiaan"].status == "upheld"   # DOC005 is not needed
    # consented: the client knows
    consented = check_data(patched({"sessions[0].disclosures": disclosure(
        client_consent=True, client_informed=False)}))
    assert krh_above_advice(consented) == set()


@pytest.mark.parametrize("consent, expected", [(False, {"KRH007"}), (None, {"KRH008"}),
                                               (True, set())])
def test_recording(consent, expected):
    change = {"sessions[1].recording.made": True}
    if consent is not None:
        change["sessions[1].recording.consent"] = consent
    result = check_data(patched(change))
    assert krh_above_advice(result) == expected
    for rule_id in expected:
        assert find(result, "KSR005", 2).parents == [(rule_id, 2)]


def test_recording_not_documented_is_not_a_risk():
    result = check_data(patched({"sessions[0].recording": None, "sessions[1].recording": None}))
    assert krh_above_advice(result) == set()
    assert "DOC003" in ids(result)
    assert result.principles["kerahasiaan"].status == "not_assessed"


def test_not_private_and_others_present_is_one_lapse():
    result = check_data(patched({"sessions[0].place.private": False,
                                 "sessions[0].place.others_present": ["teman sekelas"]}))
    assert krh_above_advice(result) == {"KRH009"}
    assert [e.path for e in find(result, "KRH009", 1).evidence] == [
        "sessions[0].place.private", "sessions[0].place.others_present"]


def test_others_present_in_a_place_written_as_private():
    result = check_data(patched({"sessions[1].place.others_present": ["ibu", "adik"]}))
    krh010 = find(result, "KRH010", 2)
    assert krh010.params == {"count": 2, "who": ("ibu", "adik"), "session": 2}
    assert find(result, "KSR005", 2).parents == [("KRH010", 2)]


def test_limits_not_explained_only_matters_with_risk_and_does_not_break_trust():
    change = {"sessions[0].opening.confidentiality_limits_explained": False}
    assert krh_above_advice(check_data(patched(change))) == set()
    result = check_data(patched(dict(change, **{"case.problem.risk": ["suicidal_ideation"]})))
    assert krh_above_advice(result) == {"KRH002"}
    assert find(result, "KRH002", 1).params == {"risk": ("suicidal_ideation",), "session": 1}
    assert "KSR005" not in ids(result)
    # known from the start, explained in a later session: late, repaired (weighs half)
    later = check_data(patched(dict(change, **{
        "case.problem.risk": ["suicidal_ideation"],
        "sessions[1].opening.confidentiality_limits_explained": True})))
    assert find(later, "KRH002", 1).params["repaired_session"] == 2
    # came to light in session 2 and explained then: in time
    in_time = check_data(patched(dict(change, **{
        "case.problem.risk": [{"kind": "suicidal_ideation", "session": 2}],
        "sessions[1].opening.confidentiality_limits_explained": True})))
    assert krh_above_advice(in_time) == set()


def test_chain_1_confidentiality_not_explained_reaches_continuation():
    result = check_data(patched({"sessions[0].opening.confidentiality_explained": False,
                                 **NOT_LATER}))
    krh001 = find(result, "KRH001", 1)
    ksr005 = find(result, "KSR005", 1)
    ktb001 = find(result, "KTB001", 1)
    ktb004 = find(result, "KTB004", 1)
    assert ksr005.parents == [("KRH001", 1)]
    assert ktb001.parents == [("KSR005", 1)]
    assert ktb004.parents == [("KTB001", 1)]
    assert ktb004.derived_from == ["KTB001"]
    cf = [CATALOG[i].cf for i in ("KRH001", "KSR005", "KTB001", "KTB004")]
    assert krh001.certainty == pytest.approx(cf[0])
    assert ksr005.certainty == pytest.approx(round(cf[0] * cf[1], 2))
    assert ktb001.certainty == pytest.approx(round(cf[0] * cf[1] * cf[2], 2))
    assert ktb004.certainty == pytest.approx(round(cf[0] * cf[1] * cf[2] * cf[3], 2))
    statuses = {p: v.status for p, v in result.principles.items()}
    assert statuses["kerahasiaan"] == statuses["kesukarelaan"] == "at_risk"
    assert statuses["keterbukaan"] == "at_risk"


def test_confidentiality_explanation_not_documented_leaves_it_not_assessed():
    result = check_data(patched({"sessions[0].opening.confidentiality_explained": None}))
    assert "DOC001" in ids(result) and "KRH001" not in ids(result)
    assert result.principles["kerahasiaan"].status == "not_assessed"
