"""The five functions, and FNG001: rights violated and nothing done for the client."""

from helpers import check_data, ids, patched

ALL_SERVED = {"pemahaman": True, "pengentasan": True, "pengembangan_pemeliharaan": True,
              "pencegahan": True, "advokasi": None}
BULLIED = {"case.problem.rights_violated": ["bullying"]}


def disclosure(reason):
    return {"sessions[0].disclosures": [{"to": "wali kelas", "content": "Perundungan.",
                                         "client_consent": True, "client_informed": True,
                                         "reason": reason, "identifiable": True}]}


def test_exemplary_case_serves_four_functions_and_advocacy_is_not_applicable():
    assert check_data(patched({})).functions == ALL_SERVED


def test_rights_violated_and_nothing_done():
    result = check_data(patched(BULLIED))
    assert result.functions == dict(ALL_SERVED, advokasi=False)
    fng = [f for f in result.findings if f.id == "FNG001"]
    assert len(fng) == 1
    assert fng[0].doc.principle is None and fng[0].doc.severity == "risk"
    assert fng[0].session is None and fng[0].params == {"rights": ("bullying",)}
    # it changes no principle's status
    assert {v.status for v in result.principles.values()} == {"upheld"}


def test_advocacy_action_serves_advocacy():
    result = check_data(patched({**BULLIED, "case.advocacy": ["Mendampingi ke wali kelas."]}))
    assert result.functions["advokasi"] is True
    assert "FNG001" not in ids(result)


def test_protective_disclosure_or_referral_serves_advocacy():
    for changes in (disclosure("safety"), disclosure("legal_duty"),
                    {"case.referred_out": {"to": "psikolog", "session": 2}}):
        result = check_data(patched({**BULLIED, **changes}))
        assert result.functions["advokasi"] is True, changes
        assert "FNG001" not in ids(result), changes


def test_a_disclosure_for_coordination_is_not_advocacy():
    result = check_data(patched({**BULLIED, **disclosure("coordination")}))
    assert result.functions["advokasi"] is False
    assert "FNG001" in ids(result)


def test_advocacy_without_rights_violated_is_not_applicable():
    result = check_data(patched({"case.advocacy": ["Sesuatu."]}))
    assert result.functions["advokasi"] is None


def test_understanding_and_relief_follow_the_evaluation():
    result = check_data(patched({"sessions[0].evaluation.understanding": False,
                                 "sessions[1].evaluation.understanding": False,
                                 "sessions[0].evaluation.feeling_better": None,
                                 "sessions[1].evaluation.feeling_better": None}))
    assert result.functions["pemahaman"] is False
    assert result.functions["pengentasan"] is None
    # one session that served it is enough
    result = check_data(patched({"sessions[0].evaluation.understanding": False}))
    assert result.functions["pemahaman"] is True


def test_development_needs_tasks_or_an_action_plan():
    base = {"sessions[0].tasks_agreed": [], "sessions[1].tasks_agreed": [],
            "sessions[0].evaluation.action_plan": False,
            "sessions[1].evaluation.action_plan": False}
    assert check_data(patched(base)).functions["pengembangan_pemeliharaan"] is False
    with_plan = dict(base, **{"sessions[1].evaluation.action_plan": True})
    assert check_data(patched(with_plan)).functions["pengembangan_pemeliharaan"] is True
    with_task = dict(base, **{"sessions[0].tasks_agreed": ["Menulis jurnal."]})
    assert check_data(patched(with_task)).functions["pengembangan_pemeliharaan"] is True


def test_prevention_from_follow_up_or_a_referral_where_risk_exists():
    no_follow_up = {"sessions[0].follow_up": "none", "sessions[1].follow_up": "none"}
    assert check_data(patched(no_follow_up)).functions["pencegahan"] is False
    referred = {**no_follow_up, "case.problem.risk": ["self_harm"],
                "case.referred_out": {"to": "psikolog", "session": 1}}
    assert check_data(patched(referred)).functions["pencegahan"] is True
    # a referral without a risk is not prevention by itself
    referred_no_risk = {**no_follow_up, "case.referred_out": {"to": "psikolog", "session": 1}}
    assert check_data(patched(referred_no_risk)).functions["pencegahan"] is False
    undocumented = {"sessions[0].follow_up": None, "sessions[1].follow_up": None}
    assert check_data(patched(undocumented)).functions["pencegahan"] is None


def test_no_follow_up_needed_is_a_gap_only_where_risk_exists():
    not_needed = {"sessions[0].follow_up": "not_needed", "sessions[1].follow_up": "not_needed"}
    assert check_data(patched(not_needed)).functions["pencegahan"] is None
    risky = dict(not_needed, **{"case.problem.risk": ["substance_use"]})
    assert check_data(patched(risky)).functions["pencegahan"] is False
