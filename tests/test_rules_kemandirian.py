"""Kemandirian: deciding for the client, the last session's decision, chain 5."""

from asas.engine.load.loader import load_bytes
from asas.engine.reason.facts import Conclusion, Finding, case_facts
from asas.engine.reason.runner import knowledge_engine
from asas.rules._common import NO_PLAN

from helpers import EXEMPLARY, check_data, dump, ids, patched


def test_counselor_deciding_is_a_violation_in_any_session():
    # the counselor decided, and the client made no decision of their own
    result = check_data(patched({"sessions[0].counselor.decided_for_client": True,
                                 "sessions[0].client.made_own_decision": False}))
    hits = [f for f in result.findings if f.id == "KMD001"]
    assert [(f.session, f.doc.severity) for f in hits] == [(1, "violation")]
    assert result.principles["kemandirian"].status == "violated"


def test_only_the_last_session_must_end_with_the_clients_decision():
    assert "KMD002" not in ids(check_data(patched({"sessions[0].client.made_own_decision": False})))
    third = check_data(patched({"sessions[1].client.made_own_decision": False,
                                "sessions[2].client.made_own_decision": True}))
    assert "KMD002" not in ids(third)
    last = check_data(patched({"sessions[2].client.made_own_decision": False}))
    assert [f.session for f in last.findings if f.id == "KMD002"] == [3]
    assert last.principles["kemandirian"].status == "at_risk"


def test_decision_not_documented():
    nowhere = check_data(patched({"sessions[0].client.made_own_decision": None,
                                  "sessions[1].client.made_own_decision": None}))
    assert {"DOC071"} <= ids(nowhere) and "DOC072" not in ids(nowhere)
    assert nowhere.principles["kemandirian"].status == "not_assessed"
    only_last = check_data(patched({"sessions[1].client.made_own_decision": None}))
    assert "DOC072" in ids(only_last) and "DOC071" not in ids(only_last)
    assert only_last.principles["kemandirian"].status == "upheld"


def test_no_plan_conclusion_puts_self_reliance_at_risk():
    # whoever concludes "no plan" (kegiatan), kemandirian builds on it
    engine = knowledge_engine()
    engine.reset()
    engine.declare(*case_facts(load_bytes(dump(EXEMPLARY), "<test>")),
                   Conclusion(what=NO_PLAN, session=None, because=("KGT002", None)))
    engine.run()
    kmd003 = [f for f in engine.facts.values() if isinstance(f, Finding) and f["id"] == "KMD003"]
    assert len(kmd003) == 1
    assert kmd003[0]["session"] is None
    assert tuple(kmd003[0]["derived_from"]) == (("KGT002", None),)
    assert kmd003[0]["direct"] is False
