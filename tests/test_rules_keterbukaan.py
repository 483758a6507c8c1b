"""Keterbukaan: chain 2 (voluntariness ⇒ openness ⇒ continuation) and the room-making
techniques, open world."""

import pytest

from asas.rules import CATALOG

from helpers import check_data, find, ids, patched

# session 2 only partly open: nothing later defeats a chain of session 1
NOT_LATER = {"sessions[1].client.disclosure": "partial"}


def test_pressure_puts_openness_and_continuation_at_risk():
    result = check_data(patched({"sessions[1].counselor.pressure_on_client": ["Harus cerita!"]}))
    ktb001 = find(result, "KTB001", 2)
    assert ktb001.parents == [("KSR003", 2)]
    assert ktb001.certainty == pytest.approx(round(CATALOG["KSR003"].cf * CATALOG["KTB001"].cf, 2))
    assert find(result, "KTB004", 2).parents == [("KTB001", 2)]
    assert result.principles["keterbukaan"].status == "at_risk"


def test_two_voluntariness_lapses_in_one_session_combine():
    result = check_data(patched({"sessions[0].opening.rapport_built": False,
                                 "sessions[0].opening.voluntariness_explained": False,
                                 "sessions[0].counselor.pressure_on_client": ["Kamu wajib."],
                                 **NOT_LATER}))
    ktb001 = find(result, "KTB001", 1)
    assert set(ktb001.parents) == {("KSR002", 1), ("KSR003", 1)}
    # KSR002 (.70) and KSR003 (.95), each through KTB001 (.80): .56 and .76, combined
    # as .56 + .76 × (1 − .56) = .8944, shown to two places
    assert ktb001.certainty == 0.89


def test_judgmental_remarks_lead_to_continuation_at_risk_directly():
    result = check_data(patched({"sessions[0].counselor.judgmental_remarks": ["a", "b"],
                                 **NOT_LATER}))
    assert find(result, "KTB002", 1).params == {"count": 2, "session": 1}
    assert find(result, "KTB004", 1).parents == [("KTB002", 1)]
    assert "KTB001" not in ids(result)


@pytest.mark.parametrize("disclosure", ["guarded", "none"])
def test_closed_client_and_no_room_making_technique(disclosure):
    change = {"sessions[1].client.disclosure": disclosure,
              "sessions[1].counselor.techniques": []}
    assert "KTB003" in ids(check_data(patched(change)))
    change["sessions[1].counselor.techniques"] = ["advice", "summarizing"]
    assert "KTB003" not in ids(check_data(patched(change)))


def test_partial_disclosure_is_not_closed():
    result = check_data(patched({"sessions[1].client.disclosure": "partial",
                                 "sessions[1].counselor.techniques": ["advice"]}))
    assert "KTB003" not in ids(result)


def test_techniques_not_documented_do_not_fire():
    result = check_data(patched({"sessions[1].client.disclosure": "guarded",
                                 "sessions[1].counselor.techniques": None}))
    assert "KTB003" not in ids(result) and "DOC022" in ids(result)
    assert result.principles["keterbukaan"].status == "upheld"


def test_disclosure_documented_nowhere_leaves_openness_not_assessed():
    result = check_data(patched({"sessions[0].client.disclosure": None,
                                 "sessions[1].client.disclosure": None}))
    assert "DOC021" in ids(result)
    assert result.principles["keterbukaan"].status == "not_assessed"
