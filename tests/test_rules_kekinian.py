"""Kekinian: past and self focus, future outside career, a present risk left waiting."""

from asas.rules._common import PRESENT_FOCUS_LOST

from helpers import check_data, find, ids, patched


def test_past_focus_is_a_risk_in_its_session_and_loses_the_present():
    result = check_data(patched({"sessions[1].counselor.time_focus": "past"}))
    kkn001 = find(result, "KKN001", 2)
    assert kkn001.doc.severity == "risk"
    assert [e.path for e in kkn001.evidence] == ["sessions[1].counselor.time_focus"]
    assert (PRESENT_FOCUS_LOST, 2, ("KKN001", 2)) in result.conclusions
    assert result.principles["kekinian"].status == "at_risk"
    # no risk in the case: the first session's focus is not the question
    assert "KKN004" not in ids(result)


def test_counselor_self_focus_is_a_risk_and_loses_the_present():
    result = check_data(patched({"sessions[0].counselor.self_focus": True}))
    assert find(result, "KKN002", 1).doc.severity == "risk"
    assert (PRESENT_FOCUS_LOST, 1, ("KKN002", 1)) in result.conclusions


def test_undocumented_self_focus_and_mixed_focus_fire_nothing():
    result = check_data(patched({"sessions[0].counselor.self_focus": None,
                                 "sessions[1].counselor.time_focus": "mixed"}))
    assert not {"KKN001", "KKN002", "KKN003", "KKN004"} & ids(result)
    assert result.principles["kekinian"].status == "upheld"


def test_future_focus_is_advice_outside_career():
    result = check_data(patched({"sessions[1].counselor.time_focus": "future"}))
    kkn003 = find(result, "KKN003", 2)
    assert kkn003.doc.severity == "advice"
    assert kkn003.params["areas"] == ("academic", "personal")
    # advice only: the principle stays upheld, nothing chains from it
    assert result.principles["kekinian"].status == "upheld"
    assert "KGT006" not in ids(result)


def test_future_focus_is_present_work_for_a_career_problem():
    result = check_data(patched({"sessions[1].counselor.time_focus": "future",
                                 "case.problem.areas": ["career"]}))
    assert "KKN003" not in ids(result)


def test_future_focus_with_areas_undocumented_says_nothing():
    result = check_data(patched({"sessions[1].counselor.time_focus": "future",
                                 "case.problem.areas": None}))
    assert "KKN003" not in ids(result)


def test_present_risk_with_a_first_session_in_the_past_is_a_violation():
    result = check_data(patched({"case.problem.risk": ["suicidal_ideation"],
                                 "sessions[0].counselor.time_focus": "past"}))
    kkn004 = find(result, "KKN004", 1)
    assert kkn004.doc.severity == "violation"
    assert kkn004.params == {"risk": ("suicidal_ideation",), "session": 1}
    assert [e.path for e in kkn004.evidence] == ["case.problem.risk",
                                                 "sessions[0].counselor.time_focus"]
    assert result.principles["kekinian"].status == "violated"
    # KKN004 adds no second present-focus conclusion for the same session
    lost = [c for c in result.conclusions if c[0] == PRESENT_FOCUS_LOST]
    assert lost == [(PRESENT_FOCUS_LOST, 1, ("KKN001", 1))]


def test_present_risk_with_a_later_session_in_the_past_is_not_kkn004():
    result = check_data(patched({"case.problem.risk": ["self_harm"],
                                 "sessions[1].counselor.time_focus": "past"}))
    assert "KKN004" not in ids(result)
    assert "KKN001" in ids(result)


def test_time_focus_documented_nowhere_leaves_kekinian_not_assessed():
    result = check_data(patched({"sessions[0].counselor.time_focus": None,
                                 "sessions[1].counselor.time_focus": None}))
    assert find(result, "DOC031", None).doc.needed
    assert result.principles["kekinian"].status == "not_assessed"
    one = check_data(patched({"sessions[0].counselor.time_focus": None}))
    assert "DOC031" not in ids(one)
    assert one.principles["kekinian"].status == "upheld"
