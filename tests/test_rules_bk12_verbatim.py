"""Profile bk12: what a session's verbatim shows feeds tut wuri handayani (labelling,
threats, encouragement) and kedinamisan (goals revisited), as the write-up's own fields
do (issue 16: 'its evidence feeds tut wuri handayani and kedinamisan too')."""

import yaml

from helpers import CASES, check_data, find, ids, patched

STATIC = yaml.safe_load((CASES / "bk12" / "bk12-static-sessions.yaml").read_text("utf-8"))
EXEMPLARY_BK12 = yaml.safe_load((CASES / "bk12" / "bk12-exemplary.yaml").read_text("utf-8"))

JUDGED = "Ko: Kamu sih terlalu malas, salahmu sendiri.\nKi: Iya, Bu.\n"
THREAT = "Ko: Kalau masih telat, Ibu panggil orang tuamu.\nKi: Iya, Bu.\n"
PRAISED = "Ko: Bagus, kamu sudah mencoba berbicara di kelompok.\nKi: Iya, Bu.\n"
GOALS = "Ko: Apa yang ingin kamu capai minggu ini?\nKi: Bisa bicara dua kali.\n"
NEUTRAL = "Ko: Silakan duduk.\nKi: Iya, Bu.\n"


def bk12(data):
    return check_data(data, profile="bk12")


def test_a_judgmental_remark_only_in_the_verbatim_puts_tut_wuri_handayani_at_risk():
    result = bk12(patched({"sessions[0].verbatim": JUDGED}, EXEMPLARY_BK12))
    assert "VBT010" in ids(result)
    twh = find(result, "TWH001", 1)
    assert twh.derived_from == ["VBT010"]
    assert result.principles["tut_wuri_handayani"].status == "at_risk"
    # a neutral verbatim: nothing
    quiet = bk12(patched({"sessions[0].verbatim": NEUTRAL}, EXEMPLARY_BK12))
    assert "TWH001" not in ids(quiet)
    assert quiet.principles["tut_wuri_handayani"].status == "upheld"


def test_a_threat_only_in_the_verbatim_violates_tut_wuri_handayani():
    result = bk12(patched({"sessions[0].verbatim": THREAT}, EXEMPLARY_BK12))
    assert "VBT011" in ids(result)
    assert find(result, "TWH002", 1).derived_from == ["VBT011"]
    assert result.principles["tut_wuri_handayani"].status == "violated"


def _unreinforced(base):
    changes = {}
    for i, s in enumerate(base["sessions"]):
        changes[f"sessions[{i}].counselor.techniques"] = [
            t for t in s["counselor"]["techniques"] if t != "reinforcement"]
    return patched(changes, base)


def test_reinforcement_heard_in_the_verbatim_is_encouragement():
    plain = _unreinforced(EXEMPLARY_BK12)
    assert "TWH003" in ids(bk12(plain))
    assert "TWH003" not in ids(bk12(patched({"sessions[1].verbatim": PRAISED}, plain)))
    assert "TWH003" in ids(bk12(patched({"sessions[1].verbatim": NEUTRAL}, plain)))


def test_goal_talk_in_a_later_sessions_verbatim_is_a_review_of_the_goals():
    # session 2 repeats session 1's techniques after an unevaluated session 1
    assert "KDN002" in ids(bk12(STATIC))
    heard = bk12(patched({"sessions[1].verbatim": GOALS}, STATIC))
    assert "KDN002" not in ids(heard)
    assert "KDN002" in ids(bk12(patched({"sessions[1].verbatim": NEUTRAL}, STATIC)))
    # goals_reviewed not written in any later session: DOC081, unless a verbatim shows it
    silent = patched({"sessions[1].goals_reviewed": None, "sessions[2].goals_reviewed": None},
                     STATIC)
    assert "DOC081" in ids(bk12(silent))
    assert "DOC081" not in ids(bk12(patched({"sessions[2].verbatim": GOALS}, silent)))
    # goal talk in the first session reviews nothing set before
    assert "DOC081" in ids(bk12(patched({"sessions[0].verbatim": GOALS}, silent)))
