"""Small helpers shared by the rule modules (no knowledge lives here)."""

from asas.engine.reason.facts import Conclusion, Defeated


def at(idx: int, field: str) -> str:
    """The evidence path of a session field: ``at(0, "client.activity")``."""
    return f"sessions[{idx}].{field}"


def conclude(what: str, doc, session) -> Conclusion:
    """An intermediate conclusion established by the finding of ``doc`` (a catalogue entry
    or a rule's bound ``report``) in ``session``."""
    return Conclusion(what=what, session=session, because=(doc.id, session))


# Intermediate conclusions the source's chains pass along (knowledge-base.md, chains 1-6).
TRUST_NOT_SECURED = "trust_not_secured"                  # chain 1
VOLUNTARINESS_NOT_SECURED = "voluntariness_not_secured"  # chains 1, 2
OPENNESS_AT_RISK = "openness_at_risk"                    # chain 2
ACTIVITY_WEAKENED = "activity_weakened"                  # chains 3, 6
PRESENT_FOCUS_LOST = "present_focus_lost"                # chain 6
NO_PLAN = "no_plan_beyond_sessions"                      # chains 3, 5


def defeat(finding_id: str, session, evidence, reason: str, params=None) -> Defeated:
    """Later evidence shows that the consequence a chain presumed did not happen: the
    derived finding ``(finding_id, session)`` is defeated (the judge drops it, keeps it
    for ``explain``).  ``reason`` is a key of engine/judge/strengths.py DEFEAT."""
    return Defeated(finding=(finding_id, session), evidence=tuple(evidence), reason=reason,
                    params=dict(params or {}))


def later(session, number) -> bool:
    """Is session ``number`` after ``session`` (a finding's session, None: the case)?"""
    return session is not None and number > session
