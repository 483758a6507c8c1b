"""Keahlian: risk beyond competence (with the professional exceptions and abuse always
needing a referral or a report), supervision, evaluation, and areas of competence."""

import pytest

from helpers import check_data, ids, patched

PROFESSIONAL = {"case.counselor.role": "professional",
                "case.counselor.competencies": ["personal", "social", "academic", "crisis",
                                                "clinical"]}
REFERRED = {"case.referred_out": {"to": "psikolog", "session": 2, "reason": "Risiko tinggi."}}


def report(reason):
    return {"sessions[0].disclosures": [{"to": "kepala sekolah", "content": "Kekerasan.",
                                         "client_consent": True, "client_informed": True,
                                         "reason": reason, "identifiable": True}]}


def kah001(changes):
    result = check_data(patched(changes))
    hits = [f for f in result.findings if f.id == "KAH001"]
    assert len(hits) <= 1
    return (hits[0] if hits else None), result


@pytest.mark.parametrize("risk", ["self_harm", "suicidal_ideation", "harm_to_others", "abuse",
                                  "psychiatric_symptoms"])
def test_serious_risk_not_referred_is_a_violation_for_a_trainee(risk):
    found, result = kah001({"case.problem.risk": [risk]})
    assert found is not None and found.doc.severity == "violation"
    assert found.session is None
    assert found.params["risks"] == (risk,)
    assert result.principles["keahlian"].status == "violated"


def test_substance_use_alone_is_not_kah001():
    found, _ = kah001({"case.problem.risk": ["substance_use"]})
    assert found is None


def test_referral_out_covers_every_risk():
    found, _ = kah001({"case.problem.risk": ["suicidal_ideation", "abuse",
                                             "psychiatric_symptoms"], **REFERRED})
    assert found is None


def test_professional_with_crisis_competence_covers_self_harm_suicide_and_harm_to_others():
    found, _ = kah001({"case.problem.risk": ["self_harm", "suicidal_ideation",
                                             "harm_to_others"],
                       "case.counselor.role": "professional",
                       "case.counselor.competencies": ["personal", "crisis"]})
    assert found is None


def test_crisis_competence_does_not_cover_psychiatric_symptoms():
    found, _ = kah001({"case.problem.risk": ["suicidal_ideation", "psychiatric_symptoms"],
                       "case.counselor.role": "professional",
                       "case.counselor.competencies": ["personal", "crisis"]})
    assert found.params == {"risks": ("psychiatric_symptoms",)}
    found, _ = kah001({"case.problem.risk": ["psychiatric_symptoms"], **PROFESSIONAL})
    assert found is None


def test_competence_counts_only_for_a_professional():
    found, _ = kah001({"case.problem.risk": ["self_harm"],
                       "case.counselor.competencies": ["crisis"]})   # still a trainee
    assert found.params == {"risks": ("self_harm",)}


def test_abuse_always_needs_a_referral_or_a_report():
    found, _ = kah001({"case.problem.risk": ["abuse", "self_harm"], **PROFESSIONAL})
    assert found.params["risks"] == ("abuse",)
    assert found.params["variant"] == "abuse"       # a duty to report, whatever competence
    for reason in ("legal_duty", "safety"):
        found, _ = kah001({"case.problem.risk": ["abuse"], **PROFESSIONAL, **report(reason)})
        assert found is None, reason
    # a disclosure for another reason is not a report
    found, _ = kah001({"case.problem.risk": ["abuse"], **PROFESSIONAL,
                       **report("supervision")})
    assert found.params["risks"] == ("abuse",)
    assert found.params["variant"] == "abuse"       # a duty to report, whatever competence


def test_a_report_covers_abuse_but_not_the_trainees_other_risks():
    found, _ = kah001({"case.problem.risk": ["abuse", "suicidal_ideation"],
                       **report("legal_duty")})
    assert found.params == {"risks": ("suicidal_ideation",)}
    assert found.certainty == 0.9


def test_trainee_without_supervision_is_a_risk():
    result = check_data(patched({"case.counselor.supervised": False}))
    assert "KAH002" in ids(result)
    assert result.principles["keahlian"].status == "at_risk"
    assert "KAH002" not in ids(check_data(patched({"case.counselor.supervised": True})))


def test_trainee_supervision_undocumented_is_documentation_not_a_risk():
    result = check_data(patched({"case.counselor.supervised": None}))
    assert "KAH002" not in ids(result)
    assert "DOC062" in ids(result)
    assert result.principles["keahlian"].status == "not_assessed"


NO_PENILAIAN = ["pengantaran", "penjajakan", "penafsiran", "pembinaan"]


def test_no_evaluation_anywhere_is_one_case_wide_risk():
    result = check_data(patched({"sessions[0].evaluation.done": False,
                                 "sessions[1].evaluation.done": False,
                                 "sessions[0].stages": NO_PENILAIAN,
                                 "sessions[1].stages": NO_PENILAIAN}))
    kah003 = [f for f in result.findings if f.id == "KAH003"]
    assert len(kah003) == 1 and kah003[0].session is None and kah003[0].certainty == 0.7


def test_no_evaluation_shown_by_stages_alone():
    result = check_data(patched({"sessions[0].evaluation.done": None,
                                 "sessions[1].evaluation.done": None,
                                 "sessions[0].stages": NO_PENILAIAN,
                                 "sessions[1].stages": None}))
    assert "KAH003" in ids(result)


def test_penilaian_stage_or_evaluation_done_in_one_session_is_enough():
    assert "KAH003" not in ids(check_data(patched({
        "sessions[0].evaluation.done": False, "sessions[1].evaluation.done": False,
        "sessions[0].stages": NO_PENILAIAN})))
    assert "KAH003" not in ids(check_data(patched({
        "sessions[0].evaluation.done": False,
        "sessions[0].stages": NO_PENILAIAN, "sessions[1].stages": NO_PENILAIAN})))


def test_evaluation_documented_nowhere_is_documentation_only():
    result = check_data(patched({"sessions[0].evaluation.done": None,
                                 "sessions[1].evaluation.done": None,
                                 "sessions[0].stages": None, "sessions[1].stages": None}))
    assert "KAH003" not in ids(result)
    assert "DOC063" in ids(result)
    assert result.principles["keahlian"].status == "not_assessed"


def test_role_undocumented():
    result = check_data(patched({"case.counselor.role": None}))
    assert "DOC061" in ids(result)
    assert "DOC062" not in ids(result)
    assert result.principles["keahlian"].status == "not_assessed"


def test_area_outside_competencies_is_advice():
    # outside school: a family side is a competence of its own
    result = check_data(patched({"case.problem.areas": ["academic", "family"],
                                 "case.setting": "community"}))
    kah005 = [f for f in result.findings if f.id == "KAH005"][0]
    assert kah005.doc.severity == "advice"
    assert kah005.params["areas"] == ("family",)
    assert result.principles["keahlian"].status == "upheld"
    assert "KAH005" not in ids(check_data(patched({"case.problem.areas": ["family"],
                                                   "case.counselor.competencies": None})))
