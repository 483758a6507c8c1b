"""Kegiatan: passivity, talk share, plans beyond the sessions, tasks not done, and
chains 3 (activity weakened ⇒ gains limited) and 6 (present focus lost ⇒ activity)."""

import pytest

from helpers import check_data, find, ids, patched

NO_PLAN = "no_plan_beyond_sessions"
ACTIVITY_WEAKENED = "activity_weakened"

# session 2 moderate, not active: nothing later defeats a presumption of session 1
NOT_LATER = {"sessions[1].client.activity": "moderate"}


def test_chain3_passive_client_limits_gains():
    # session 2 only moderate: nothing later defeats the presumption
    result = check_data(patched({"sessions[0].client.activity": "passive", **NOT_LATER}))
    kgt001 = find(result, "KGT001", 1)
    assert kgt001.certainty == 0.8
    assert (ACTIVITY_WEAKENED, 1, ("KGT001", 1)) in result.conclusions
    kgt005 = find(result, "KGT005", 1)
    assert kgt005.doc.derived
    assert kgt005.parents == [("KGT001", 1)]
    assert kgt005.certainty == pytest.approx(0.8 * 0.8, abs=0.005)
    assert result.principles["kegiatan"].status == "at_risk"


def test_moderate_or_undocumented_activity_is_not_passive():
    for value in ("moderate", None):
        result = check_data(patched({"sessions[0].client.activity": value}))
        assert not {"KGT001", "KGT005"} & ids(result)


def test_two_weakenings_in_one_session_combine_into_one_gains_finding():
    result = check_data(patched({"sessions[0].client.activity": "passive", **NOT_LATER,
                                 "sessions[0].counselor.talk_share": 0.8}))
    kgt005 = find(result, "KGT005", 1)
    assert sorted(kgt005.parents) == [("KGT001", 1), ("KGT002", 1)]
    one, two = 0.8 * 0.8, 0.7 * 0.8
    assert kgt005.certainty == pytest.approx(one + two * (1 - one), abs=0.005)


def test_talk_share_threshold_is_strictly_above_sixty_percent():
    assert "KGT002" not in ids(check_data(patched({"sessions[0].counselor.talk_share": 0.6})))
    kgt002 = find(check_data(patched({"sessions[0].counselor.talk_share": 0.61})), "KGT002", 1)
    assert kgt002.params["share"] == 0.61


def test_no_plan_anywhere_is_case_wide_and_concludes_no_plan():
    result = check_data(patched({"sessions[0].tasks_agreed": [], "sessions[1].tasks_agreed": [],
                                 "sessions[0].evaluation.action_plan": False,
                                 "sessions[1].evaluation.action_plan": False}))
    kgt003 = find(result, "KGT003", None)
    assert kgt003.certainty == 0.75     # drawn once, not combined
    assert (NO_PLAN, None, ("KGT003", None)) in result.conclusions
    assert find(result, "KGT005", None).parents == [("KGT003", None)]
    assert result.functions["pengembangan_pemeliharaan"] is False


def test_no_plan_with_only_the_action_plan_documented():
    result = check_data(patched({"sessions[0].tasks_agreed": None,
                                 "sessions[1].tasks_agreed": None,
                                 "sessions[1].evaluation.action_plan": False,
                                 "sessions[0].evaluation.action_plan": None}))
    assert find(result, "KGT003", None).certainty == 0.75
    assert "DOC042" in ids(result)


def test_one_plan_in_any_session_is_enough():
    result = check_data(patched({"sessions[0].tasks_agreed": [], "sessions[1].tasks_agreed": [],
                                 "sessions[0].evaluation.action_plan": False}))
    assert "KGT003" not in ids(result)
    assert not [c for c in result.conclusions if c[0] == NO_PLAN]


def test_plans_documented_nowhere_is_not_a_finding_but_leaves_kegiatan_not_assessed():
    result = check_data(patched({"sessions[0].tasks_agreed": None,
                                 "sessions[1].tasks_agreed": None,
                                 "sessions[0].evaluation.action_plan": None,
                                 "sessions[1].evaluation.action_plan": None}))
    assert "KGT003" not in ids(result)
    assert "DOC042" in ids(result)
    assert result.principles["kegiatan"].status == "not_assessed"
    assert result.functions["pengembangan_pemeliharaan"] is None


def test_tasks_not_done_in_two_consecutive_sessions():
    result = check_data(patched({"sessions[1].client.completed_previous_tasks": False,
                                 "sessions[2].client.completed_previous_tasks": False}))
    kgt004 = find(result, "KGT004", 3)
    assert kgt004.params == {"sessions": (2, 3)}
    assert [e.path for e in kgt004.evidence] == [
        "sessions[1].client.completed_previous_tasks",
        "sessions[2].client.completed_previous_tasks"]
    assert find(result, "KGT005", 3).parents == [("KGT004", 3)]


def test_tasks_not_done_twice_and_no_follow_up_is_one_firing():
    result = check_data(patched({"sessions[1].client.completed_previous_tasks": False,
                                 "sessions[2].client.completed_previous_tasks": False,
                                 "sessions[2].follow_up": "none"}))
    assert find(result, "KGT004", 3).certainty == 0.75


def test_tasks_not_done_once_depends_on_follow_up_in_the_last_session():
    planned = check_data(patched({"sessions[1].client.completed_previous_tasks": False}))
    assert "KGT004" not in ids(planned)
    none = check_data(patched({"sessions[1].client.completed_previous_tasks": False,
                               "sessions[1].follow_up": "none"}))
    assert find(none, "KGT004", 2).params["sessions"] == 2
    # not the last session: the next one can still pick it up
    earlier = check_data(patched({"sessions[1].client.completed_previous_tasks": False,
                                  "sessions[1].follow_up": "none",
                                  "sessions[2].client.completed_previous_tasks": True}))
    assert "KGT004" not in ids(earlier)


def test_chain6_past_focus_weakens_activity():
    result = check_data(patched({"sessions[1].counselor.time_focus": "past"}))
    kgt006 = find(result, "KGT006", 2)
    assert kgt006.parents == [("KKN001", 2)]
    assert kgt006.certainty == pytest.approx(0.75 * 0.7, abs=0.006)
    assert result.principles["kegiatan"].status == "at_risk"
    assert "KGT005" not in ids(result)


def test_chain6_counselor_stories_weaken_activity():
    result = check_data(patched({"sessions[0].counselor.self_focus": True, **NOT_LATER}))
    assert find(result, "KGT006", 1).parents == [("KKN002", 1)]


def test_activity_documented_nowhere_leaves_kegiatan_not_assessed():
    result = check_data(patched({"sessions[0].client.activity": None,
                                 "sessions[1].client.activity": None}))
    assert "DOC041" in ids(result)
    assert result.principles["kegiatan"].status == "not_assessed"
