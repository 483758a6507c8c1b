"""The whole case judged as a supervisor would (issue 12): what happened later, advice
versus deciding, undone tasks, observers by agreement, when a risk came to light,
school practice, refusals, and titles that follow their cause."""

import pytest
from click.testing import CliRunner

from asas.cli import cli
from asas.engine.report.grade import grade_case, load_rubric
from asas.engine.run.pipeline import check_file

from helpers import CASES, check_data, ids, patched

RUBRIC = load_rubric()
LATE = CASES / "late-repair-later-openness.yaml"


def grade(result) -> float:
    return grade_case(result, RUBRIC).total


def find(result, rule_id):
    return next(f for f in result.findings if f.id == rule_id)


# -- what happened later ----------------------------------------------------------

def test_a_late_repair_says_when_and_weighs_less_than_never_explaining():
    import yaml
    data = yaml.safe_load(LATE.read_text(encoding="utf-8"))
    late = check_data(data)
    never = check_data(patched({"sessions[1].opening.confidentiality_explained": False},
                               data))
    repaired = find(late, "KRH001")
    assert repaired.params["repaired_session"] == 2
    assert "sesi 2" in repaired.doc.message.fill("id", repaired.params)
    assert repaired.doc.title.en == "Confidentiality explained late"
    assert "repaired_session" not in find(never, "KRH001").params
    assert (late.principles["kerahasiaan"].score
            > never.principles["kerahasiaan"].score)
    # and in the gradebook: both at risk, the repaired lapse costs half (75 % of the share
    # and half a deduction against 50 % and a whole one)
    late_g, never_g = grade_case(late, RUBRIC), grade_case(never, RUBRIC)
    assert late_g.principles["kerahasiaan"].status == never_g.principles["kerahasiaan"].status \
        == "at_risk"
    assert late_g.principles["kerahasiaan"].points == pytest.approx(12.5 * 0.75)
    assert never_g.principles["kerahasiaan"].points == pytest.approx(12.5 * 0.5)
    assert late_g.total > never_g.total
    # a repair earns nothing where an observation the principle needs is left out
    unrecorded = check_data(patched({f"sessions[{i}].recording.made": None for i in range(3)},
                                    data))
    assert "DOC003" in ids(unrecorded) and "KRH001" in ids(unrecorded)
    assert grade_case(unrecorded, RUBRIC).principles["kerahasiaan"].points == 0


def test_later_willingness_and_openness_defeat_the_chain_and_explain_says_so():
    result = check_file(str(LATE))
    assert {"KSR005", "KTB001", "KTB004"} <= {d.id for d in result.defeated}
    assert not {"KSR005", "KTB001", "KTB004"} & ids(result)
    assert result.principles["kesukarelaan"].status == "upheld"
    out = CliRunner().invoke(cli, ["explain", str(LATE), "--lang", "id"]).output
    assert "Dugaan yang gugur oleh kejadian berikutnya" in out
    assert "sesi 2 › client.willingness = willing" in out


def test_without_later_openness_the_chain_stands():
    result = check_data(patched({"sessions[0].opening.confidentiality_explained": False,
                                 "sessions[1].client.disclosure": "guarded"}))
    assert {"KRH001", "KSR005", "KTB001", "KTB004"} <= ids(result)
    assert not result.defeated


def test_later_activity_defeats_gains_limited():
    passive_then_active = check_data(patched({"sessions[0].client.activity": "passive"}))
    assert "KGT001" in ids(passive_then_active) and "KGT005" not in ids(passive_then_active)
    passive_then_moderate = check_data(patched({"sessions[0].client.activity": "passive",
                                                "sessions[1].client.activity": "moderate"}))
    assert "KGT005" in ids(passive_then_moderate)


# -- advice is not deciding ---------------------------------------------------------

def test_advice_in_the_decision_session_puts_kemandirian_at_risk_with_the_evidence():
    result = check_data(patched({"sessions[1].counselor.techniques": ["attending", "advice"]}))
    steered = find(result, "KMD004")
    assert steered.session == 2 and "advice" in steered.params["how"]
    assert any(e.path == "sessions[1].counselor.techniques" for e in steered.evidence)
    assert result.principles["kemandirian"].status == "at_risk"


def test_a_suggestion_elsewhere_is_advice_level():
    result = check_data(patched({"sessions[0].counselor.techniques": ["attending", "advice"],
                                 "sessions[0].client.made_own_decision": False}))
    assert "KMD005" in ids(result) and "KMD004" not in ids(result)
    assert result.principles["kemandirian"].status == "upheld"


def test_the_honest_write_up_never_scores_worse_than_the_evasive_one():
    # the same practice: a suggestion in the session where the client decided
    practice = {"sessions[1].counselor.techniques": ["attending", "open_question", "advice"]}
    honest_yes = check_data(patched({**practice,
                                     "sessions[1].counselor.decided_for_client": True}))
    honest_no = check_data(patched(practice))
    evasive = check_data(patched({**practice,
                                  "sessions[0].counselor.decided_for_client": None,
                                  "sessions[1].counselor.decided_for_client": None}))
    assert "KMD001" not in ids(honest_yes)       # the client also decided: steered, a risk
    assert grade(honest_yes) >= grade(evasive)
    assert grade(honest_no) >= grade(evasive)
    # leaving out who decided, with nothing else to go on, leaves kemandirian unassessed
    silent = check_data(patched({"sessions[0].counselor.decided_for_client": None,
                                 "sessions[1].counselor.decided_for_client": None}))
    assert silent.principles["kemandirian"].status == "not_assessed"
    assert grade(honest_yes) >= grade(check_data(patched({
        **practice, "sessions[1].counselor.techniques": ["attending"],
        "sessions[0].counselor.decided_for_client": None,
        "sessions[1].counselor.decided_for_client": None})))


def test_deciding_for_a_client_who_made_no_decision_is_still_a_violation():
    result = check_data(patched({"sessions[1].counselor.decided_for_client": True,
                                 "sessions[1].client.made_own_decision": False}))
    assert "KMD001" in ids(result)
    assert result.principles["kemandirian"].status == "violated"


# -- homework --------------------------------------------------------------------

@pytest.mark.parametrize("explored, expected", [(True, set()), (False, {"KGT007"}),
                                                 (None, {"KGT007"})])
def test_an_undone_task_must_be_explored(explored, expected):
    result = check_data(patched({"sessions[1].client.completed_previous_tasks": False,
                                 "sessions[1].client.missed_tasks_explored": explored}))
    assert ids(result) & {"KGT007"} == expected


# -- observers, privacy ----------------------------------------------------------

def test_an_observer_by_agreement_is_advice_and_starts_no_chain():
    result = check_file(str(CASES / "observer-by-agreement.yaml"))
    assert ids(result) == {"KRH011"}
    assert result.principles["kerahasiaan"].status == "upheld"
    assert "guru pamong" in find(result, "KRH011").params["who"]


def test_an_unagreed_third_person_is_named():
    result = check_data(patched({"sessions[1].place.others_present": ["wali kelas"]}))
    assert "wali kelas" in find(result, "KRH010").doc.message.fill("id", find(result,
                                                                              "KRH010").params)


def test_an_online_session_with_a_parent_in_the_room_gets_advice_that_fits():
    result = check_data(patched({"sessions[1].place.kind": "online",
                                 "sessions[1].place.private": False,
                                 "sessions[1].place.others_present": ["ibu konseli"]}))
    krh009 = find(result, "KRH009")
    advice = krh009.doc.recommendation.get("id")
    assert "earphone" in advice and "jadwalkan ulang" in advice
    assert "ibu konseli" in krh009.doc.message.fill("id", krh009.params)


# -- when a risk came to light ---------------------------------------------------

def test_present_risk_applies_from_the_session_it_came_to_light():
    past_first = {"sessions[0].counselor.time_focus": "past"}
    from_start = check_data(patched({**past_first, "case.problem.risk": ["self_harm"],
                                     "case.referred_out": {"to": "psikolog", "session": 1}}))
    later = check_data(patched({**past_first,
                                "case.problem.risk": [{"kind": "self_harm", "session": 2}],
                                "case.referred_out": {"to": "psikolog", "session": 2}}))
    assert "KKN004" in ids(from_start) and "KKN004" not in ids(later)


def test_limits_explained_after_telling_the_parents_is_not_a_repair():
    result = check_file(str(CASES / "limits-after-disclosure.yaml"))
    krh002 = find(result, "KRH002")
    assert krh002.params["variant"] == "after_disclosure"
    assert "repaired_session" not in krh002.params


def test_limits_explained_in_the_session_the_risk_came_to_light_are_in_time():
    result = check_file(str(CASES / "risk-identified-session-3.yaml"))
    assert "KRH002" not in ids(result) and "KKN004" not in ids(result)


# -- school practice, refusals, causes ------------------------------------------

def test_a_family_side_in_school_is_not_outside_competence_elsewhere_it_may_be():
    school = check_data(patched({"case.problem.areas": ["family"]}))
    community = check_data(patched({"case.problem.areas": ["family"],
                                    "case.setting": "community"}))
    assert "KAH005" not in ids(school) and "KAH005" in ids(community)
    # a write-up that leaves the setting out is not presumed to come from a clinic
    unknown = check_data(patched({"case.problem.areas": ["family"], "case.setting": None}))
    assert "KAH005" not in ids(unknown)
    # with no personal or social competence recorded, the family side stays outside
    narrow = check_data(patched({"case.problem.areas": ["family"], "case.setting": None,
                                 "case.counselor.competencies": ["career"]}))
    assert "KAH005" in ids(narrow)


def test_abuse_is_a_duty_to_report_whatever_the_competence():
    result = check_data(patched({"case.problem.risk": ["abuse"],
                                 "case.counselor.role": "professional",
                                 "case.counselor.competencies": ["personal", "crisis",
                                                                 "clinical"]}))
    kah001 = find(result, "KAH001")
    assert "wajib dilaporkan" in kah001.doc.message.fill("id", kah001.params)


def test_a_refusal_respected_is_not_passivity():
    respected = check_file(str(CASES / "refusal-respected.yaml"))
    assert not {"KGT001", "KGT002"} & ids(respected)
    pressed = check_data(patched({
        "sessions[0].client.willingness": "refused", "sessions[0].client.activity": "passive",
        "sessions[0].counselor.pressure_on_client": ["Kamu harus cerita sekarang."]}))
    assert {"KGT001", "KSR003"} <= ids(pressed)


def test_a_threat_to_enforce_a_goal_gets_advice_about_sanctions():
    result = check_data(patched({"sessions[0].counselor.pressure_on_client": [
        "Kalau masih terlambat, Ibu laporkan ke orang tuamu."]}))
    advice = find(result, "KSR003").doc.recommendation.get("id")
    assert "sanksi atau pihak ketiga" in advice
    # the client was willing: no reluctance to name (issue 12: "not about reluctance")
    assert "kenali keengganan" not in advice
    reluctant = check_data(patched({
        "sessions[0].client.willingness": "reluctant",
        "sessions[0].counselor.pressure_on_client": ["Kamu harus cerita sekarang."]}))
    assert "kenali keengganan" in find(reluctant, "KSR003").doc.recommendation.get("id")


@pytest.mark.parametrize("changes, title", [
    ({"sessions[0].opening.confidentiality_explained": False,
      "sessions[1].client.disclosure": "guarded"}, "Kepercayaan konseli belum terjamin"),
    ({"sessions[0].counselor.pressure_on_client": ["Kamu harus cerita."],
      "sessions[1].client.disclosure": "guarded"}, "Konseli ditekan"),
    ({"case.referral.source": "homeroom_teacher",
      "sessions[0].opening.voluntariness_explained": False,
      "sessions[1].client.disclosure": "guarded"}, "Kesukarelaan tidak dikuatkan"),
])
def test_the_openness_title_follows_its_cause(changes, title):
    result = check_data(patched(changes))
    assert find(result, "KTB001").doc.title.id.startswith(title)


def test_every_missing_observation_gets_its_doc_finding_per_session():
    result = check_data(patched({"sessions[1].evaluation.understanding": None,
                                 "sessions[1].follow_up": None}))
    doc = find(result, "DOC080")
    assert doc.session == 2
    assert doc.params["fields"] == ("evaluation.understanding", "follow_up")
    assert all(v.status == "upheld" for v in result.principles.values())


def test_the_cache_keeps_defeats_and_their_wording(tmp_path):
    args = ["check", str(LATE), "--format", "json", "--cache-dir", str(tmp_path),
            "--fail-on", "never"]
    first = CliRunner().invoke(cli, args).output
    again = CliRunner().invoke(cli, args).output
    assert first == again and '"defeated"' in first and "Trust not secured" in first


def test_every_missing_detail_of_the_case_gets_its_doc_finding():
    # the case's own observations too, field by field (DOC079): the setting, the
    # competencies and the problem's areas are what keahlian is judged by
    result = check_data(patched({"case.setting": None, "case.problem.areas": None,
                                 "case.referral.mandated": None}))
    doc = find(result, "DOC079")
    assert doc.session is None
    assert doc.params["fields"] == ("case.setting", "case.problem.areas",
                                    "case.referral.mandated")
    assert all(v.status == "upheld" for v in result.principles.values())
    assert "DOC079" not in ids(check_data(patched({})))
    # whether the client agreed is asked of a referred client only
    referred = check_data(patched({"case.referral.source": "homeroom_teacher",
                                   "case.referral.client_agreed": None}))
    assert find(referred, "DOC079").params["fields"] == ("case.referral.client_agreed",)
    assert "DOC079" not in ids(check_data(patched({"case.referral.client_agreed": None})))


@pytest.mark.parametrize("honest_answer", [
    # the counselor steered, the client also decided: kemandirian at risk, the third
    # failing principle of the case, so KAH004 (derived) puts keahlian at risk too
    {"sessions[2].counselor.decided_for_client": True},
    # the counselor decided for a client who made no decision: a violation (KMD001)
    {"sessions[2].counselor.decided_for_client": True,
     "sessions[2].client.made_own_decision": False},
])
def test_the_honest_write_up_never_scores_worse_on_the_trial_case_either(honest_answer):
    import yaml
    data = yaml.safe_load(LATE.read_text(encoding="utf-8"))
    honest = check_data(patched(honest_answer, data))
    evasive = check_data(patched({**{k: v for k, v in honest_answer.items()
                                     if "decided_for_client" not in k},
                                  **{f"sessions[{i}].counselor.decided_for_client": None
                                     for i in range(3)}}, data))
    assert honest.principles["kemandirian"].status in ("at_risk", "violated")
    assert any(f.doc.needed and f.doc.principle == "kemandirian" for f in evasive.findings)
    assert grade(honest) >= grade(evasive)
