"""The vocabulary rules match on, and turning a case into it.

Cost in experta grows with the number of facts declared (about 0.2 ms a fact, see
shared/spec/experta-notes.md), so a case becomes a few coarse facts: one for the
case, one per session, one per disclosure and per norm conflict.  Lists become
tuples (or counts where only "any?" matters); ``None`` keeps meaning "not
documented".  Every fact field is named after the case-file field it comes from.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any

from asas.engine.load.types import LoadedCase
from asas.engine.reason.compat import Fact as _ExpertaFact
from asas.engine.reason.compat import freeze, frozendict

# values experta's freeze() returns unchanged (it only converts lists, dicts and sets)
_FROZEN = frozenset({str, int, bool, float, tuple, frozenset, type(None)})


def _freeze(value):
    """experta's ``freeze()``: a dict whose values are all of the types above (a
    finding's ``params``) becomes the frozendict freeze() makes of it, without its
    dispatch per value (freeze returns such values as they are)."""
    if value.__class__ is dict and all(v.__class__ in _FROZEN for v in value.values()):
        return frozendict(value)
    return freeze(value)


class Fact(_ExpertaFact):
    """experta's Fact, set up faster: a value of a type experta would leave as it is
    is stored without going through ``freeze()``'s dispatch.  Same content, same
    errors (a fact cannot be changed once declared)."""

    def __init__(self, *args, **kwargs):
        if args:                    # positional fields: experta's own path
            super().__init__(*args, **kwargs)
            return
        # experta's __init__ (``update`` through ``__setitem__``): a new fact has no id
        # yet, so it can always be set.  One C-level update puts the fields in their
        # order; the few values that need freezing (a finding's ``params``) are then
        # replaced in place, which keeps that order
        dict.update(self, kwargs)
        if not _FROZEN.issuperset(map(type, kwargs.values())):
            for key, value in kwargs.items():
                if value.__class__ not in _FROZEN:
                    dict.__setitem__(self, key, _freeze(value))
        self._Fact__defaults = {}

    def __setitem__(self, key, value):
        if self.get("__factid__") is not None:
            raise RuntimeError("A fact can't be modified after declaration.")
        if value.__class__ not in _FROZEN:
            value = _freeze(value)
        dict.__setitem__(self, key, value)


class CaseFact(Fact):
    """Case-wide facts: referral, counselor, problem (one per case)."""


class SessionFact(Fact):
    """One session, flattened; ``idx`` is its 0-based position for evidence paths."""


class DisclosureFact(Fact):
    """One piece of client information shared outside a session."""


class NormFact(Fact):
    """One advice or action in conflict with a norm."""


class ActivityFact(Fact):
    """One supporting activity of the case (kegiatan pendukung, profile bk12)."""


class Finding(Fact):
    """A conclusion the report shows: ``id`` of a catalogue entry (with its
    ``principle``, ``severity`` and rule ``cf``), ``session`` or None,
    ``evidence`` (paths into the case file), ``derived_from`` (keys ``(id, session)``
    of the findings it rests on), ``params`` (values for the message)."""


class Conclusion(Fact):
    """An intermediate conclusion other rules build on (e.g. ``trust_not_secured``);
    ``because`` is the key ``(id, session)`` of the finding that established it."""


class Defeated(Fact):
    """A presumption that later evidence defeated: ``finding`` is the key ``(id,
    session)`` of a derived finding whose consequence the later sessions show did not
    happen, ``evidence`` the paths that show it, ``reason`` what they show (a key of
    engine/judge/strengths.py DEFEAT).  The judge drops the finding, and every finding
    that rests only on it, and keeps them for ``explain``."""


class Served(Fact):
    """A function of counseling (fungsi) the sessions served (``value`` True) or
    visibly failed to serve (False)."""


class PrivacyFact(Fact):
    """Identifying data written in the case file: ``kind`` (engine/privacy.py KINDS),
    ``path`` of the free-text field, ``session`` number or None.  One per hit, so a
    clean write-up (the usual case) declares none."""


def _key(text) -> str | None:
    """A name as compared between fields: case and spacing ignored."""
    return " ".join(str(text).lower().split()) if text is not None else None


class VerbatimFact(Fact):
    """What one session's verbatim shows (engine/verbatim): ``talk_share`` measured, the
    opening items shown, ``client_decision``, and its flagged turns as tuples of turn
    indices (``judgmental``, ``pressure``, ``steering`` (advice and directives),
    ``directives``, ``long_self_disclosure``, ``past``, ``mismatched`` labels), and the
    counselor's turns that show ``reinforcement`` and ``goal_setting`` (what profile
    bk12's tut wuri handayani and kedinamisan read), and the turns of third parties
    (``others``, their speaker codes as written in ``other_codes``).  One fact a session: a rule that
    finds something declares one finding per turn."""


def verbatim_facts(loaded: LoadedCase) -> list[Fact]:
    """The session measures and flagged turns of the case's verbatims (none without)."""
    from asas.engine.verbatim.analyse import analyse
    from asas.engine.verbatim.parse import COUNSELOR, OTHER
    facts: list[Fact] = []
    for idx, m in sorted(analyse(loaded).items()):
        kinds: dict[str, list[int]] = {}    # kind -> the flagged turns' indices
        for f in m.flagged:
            kinds.setdefault(f.kind, []).append(f.index)
        turns = lambda *names: tuple(sorted({t for n in names for t in kinds.get(n, ())}))  # noqa: E731
        # the counselor's turns that show reinforcement, goal setting; the third parties'
        # turns and their codes (in order, each once): one pass over the turns
        reinforcement: list[int] = []
        goal_setting: list[int] = []
        others: list[int] = []
        other_codes: dict[str, None] = {}
        for tt in m.turns:
            turn = tt.turn
            if turn.speaker == COUNSELOR:
                codes = tt.codes
                if "reinforcement" in codes:
                    reinforcement.append(turn.index)
                if "goal_setting" in codes:
                    goal_setting.append(turn.index)
            elif turn.speaker == OTHER:
                others.append(turn.index)
                other_codes[turn.code] = None
        facts.append(VerbatimFact(
            idx=idx, number=m.number,
            talk_share=None if m.talk_share is None else round(m.talk_share, 2),
            confidentiality=m.opening["confidentiality"], limits=m.opening["limits"],
            voluntariness=m.opening["voluntariness"], purpose=m.opening["purpose"],
            client_decision=m.client_decision, judgmental=turns("judgmental"),
            pressure=turns("pressure"), steering=turns("advice", "directive_instruction"),
            directives=turns("directive_instruction"),
            long_self_disclosure=turns("long_self_disclosure"), past=turns("past"),
            mismatched=tuple(t[0] for t in m.mismatched),
            reinforcement=tuple(reinforcement), goal_setting=tuple(goal_setting),
            others=tuple(others), other_codes=", ".join(other_codes)))
    return facts


# The single observations a session's write-up records (paths inside a session): in
# every session; in the first only; after a session that agreed tasks.
OBSERVED = ("date", "duration_minutes", "place.kind", "place.private", "stages",
            "client.willingness", "client.disclosure", "client.activity",
            "client.made_own_decision", "counselor.time_focus", "counselor.techniques",
            "counselor.talk_share", "counselor.decided_for_client", "counselor.self_focus",
            "recording.made", "tasks_agreed", "evaluation.done", "evaluation.understanding",
            "evaluation.feeling_better", "evaluation.action_plan", "follow_up")
OBSERVED_FIRST = ("opening.rapport_built", "opening.purpose_explained",
                  "opening.confidentiality_explained", "opening.voluntariness_explained")
OBSERVED_AFTER_TASKS = ("client.completed_previous_tasks",)


def _get(obj, path: str):
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj


def _reader(paths: tuple[str, ...]):
    """``read(obj)``: the value at each of ``paths`` (dotted, as :func:`_get` follows
    them), all read in one call of attrgetter (which follows dotted names the same way)."""
    get = attrgetter(*paths)
    return get if len(paths) > 1 else lambda obj: (get(obj),)


_Readers = dict[tuple[str, ...], tuple[tuple[str, ...], Callable[[Any], tuple]]]
_SESSION_READERS: _Readers = {paths: (paths, _reader(paths)) for paths in (
    OBSERVED + OBSERVED_FIRST, OBSERVED, OBSERVED + OBSERVED_AFTER_TASKS)}


def undocumented(case, idx: int) -> tuple[str, ...]:
    """The observations session ``idx`` leaves out (None), as paths inside the session."""
    s = case.sessions[idx]
    paths = OBSERVED + (OBSERVED_FIRST if idx == 0 else ())
    if idx > 0 and case.sessions[idx - 1].tasks_agreed:
        paths += OBSERVED_AFTER_TASKS
    paths, read = _SESSION_READERS[paths]
    return tuple([p for p, value in zip(paths, read(s)) if value is None])


# The case's own single observations (paths inside ``case``) with no DOC entry of their
# own (role, supervised and referral.source have theirs): DOC079 names those left out.
CASE_OBSERVED = ("setting", "counselor.competencies", "client.age", "problem.summary",
                 "problem.areas", "referral.mandated")


def undocumented_case(case) -> tuple[str, ...]:
    """The case-wide observations the write-up leaves out, as ``case.`` paths; whether
    the client agreed is asked only of a client someone else referred."""
    info = case.case
    paths: tuple[str, ...] = CASE_OBSERVED
    if info.referral.source not in (None, "self"):
        paths += ("referral.client_agreed",)
    paths, read = _CASE_READERS[paths]
    return tuple(["case." + p for p, value in zip(paths, read(info)) if value is None])


_CASE_READERS: _Readers = {paths: (paths, _reader(paths))
                 for paths in (CASE_OBSERVED, CASE_OBSERVED + ("referral.client_agreed",))}


def _first(case, test) -> int | None:
    """The number of the first session for which ``test`` holds, or None."""
    return next((s.number for s in case.sessions if test(s)), None)


def case_facts(loaded: LoadedCase) -> list[Fact]:
    """All input facts of one valid case, ready to be declared in a single call."""
    case = loaded.model
    info = case.case
    counselor, problem, referral = info.counselor, info.problem, info.referral
    out = info.referred_out
    facts: list[Fact] = [CaseFact(
        setting=info.setting,
        role=counselor.role,
        supervised=counselor.supervised,
        competencies=counselor.competencies,
        areas=problem.areas,
        risk=tuple(item.kind for item in problem.risk),
        # when each risk came to light: (kind, session), session None = from the start
        risk_identified=tuple((item.kind, item.session) for item in problem.risk),
        # the first session in which some risk was known (None: no risk)
        risk_first_session=min((item.session or 1 for item in problem.risk), default=None),
        rights_violated=problem.rights_violated,
        referral_source=referral.source,
        mandated=referral.mandated,
        client_agreed=referral.client_agreed,
        referred_out=out is not None,
        referred_out_session=out.session if out is not None else None,
        advocacy=len(info.advocacy),
        sessions=len(case.sessions),
        # profile bk12 (shared/spec/profile-bk12.md)
        data_sources=info.data_sources,
        feedback_given=referral.feedback_given,
        feedback_activity=any(a.kind == "referral_feedback" for a in info.supporting_activities),
        referred_out_to=_key(out.to) if out is not None else None,
        alternatives_offered=out.alternatives_offered if out is not None else None,
        referral_agreed=out.client_agreed if out is not None else None,
        # what happened later: the first session that explained confidentiality, and its
        # limits (None: none did), the first disclosure made for safety or a legal duty,
        # and the session in which the client's decision was made (else the last one)
        confidentiality_first_explained=_first(
            case, lambda s: s.opening.confidentiality_explained is True),
        limits_first_explained=_first(
            case, lambda s: s.opening.confidentiality_limits_explained is True),
        limits_first_false=_first(
            case, lambda s: s.opening.confidentiality_limits_explained is False),
        first_duty_disclosure=_first(
            case, lambda s: any(d.reason in ("safety", "legal_duty") for d in s.disclosures)),
        decision_session=_first(case, lambda s: s.client.made_own_decision is True)
        or len(case.sessions),
    )]
    facts.extend(ActivityFact(item=a_idx, kind=a.kind, session=a.session,
                              client_agreed=a.client_agreed)
                 for a_idx, a in enumerate(info.supporting_activities))
    previous = None
    last = len(case.sessions) - 1
    missing = [undocumented(case, idx) for idx in range(len(case.sessions))]
    # left out in every session (their own DOC findings say so, case-wide)
    facts[0]["undocumented_everywhere"] = tuple(
        p for p in OBSERVED if all(p in m for m in missing))
    facts[0]["undocumented_case"] = undocumented_case(case)
    for idx, s in enumerate(case.sessions):
        facts.append(SessionFact(
            idx=idx,
            number=s.number,
            first=idx == 0,
            last=idx == last,
            place_kind=s.place.kind,
            private=s.place.private,
            others_present=len(s.place.others_present),
            # of them, those the client agreed to beforehand, and who the others were
            others_agreed=sum(1 for o in s.place.others_present if o.client_agreed is True),
            others_unagreed=tuple(o.who for o in s.place.others_present
                                  if o.client_agreed is not True),
            others_who=tuple(o.who for o in s.place.others_present),
            stages=s.stages,
            rapport_built=s.opening.rapport_built,
            purpose_explained=s.opening.purpose_explained,
            confidentiality_explained=s.opening.confidentiality_explained,
            confidentiality_limits_explained=s.opening.confidentiality_limits_explained,
            voluntariness_explained=s.opening.voluntariness_explained,
            willingness=s.client.willingness,
            disclosure=s.client.disclosure,
            activity=s.client.activity,
            completed_previous_tasks=s.client.completed_previous_tasks,
            missed_tasks_explored=s.client.missed_tasks_explored,
            made_own_decision=s.client.made_own_decision,
            time_focus=s.counselor.time_focus,
            techniques=s.counselor.techniques,
            talk_share=s.counselor.talk_share,
            decided_for_client=s.counselor.decided_for_client,
            self_focus=s.counselor.self_focus,
            judgmental_remarks=len(s.counselor.judgmental_remarks),
            pressure_on_client=len(s.counselor.pressure_on_client),
            recording_made=s.recording.made,
            recording_consent=s.recording.consent,
            tasks_agreed=None if s.tasks_agreed is None else len(s.tasks_agreed),
            evaluation_done=s.evaluation.done,
            understanding=s.evaluation.understanding,
            feeling_better=s.evaluation.feeling_better,
            action_plan=s.evaluation.action_plan,
            follow_up=s.follow_up,
            undocumented=missing[idx],
            # the previous session's values, for rules about change between sessions
            prev_willingness=previous.client.willingness if previous else None,
            prev_completed_previous_tasks=(
                previous.client.completed_previous_tasks if previous else None),
            # profile bk12
            goals_reviewed=s.goals_reviewed,
            laijapen_planned=s.evaluation.laijapen_planned,
            laijapang_planned=s.evaluation.laijapang_planned,
            prev_techniques=previous.counselor.techniques if previous else None,
            prev_evaluation_done=previous.evaluation.done if previous else None,
        ))
        for d_idx, d in enumerate(s.disclosures):
            facts.append(DisclosureFact(
                idx=idx, number=s.number, item=d_idx, to=d.to,
                client_consent=d.client_consent, client_informed=d.client_informed,
                reason=d.reason,
                # the format: a missing `identifiable` counts as identifiable
                identifiable=d.identifiable is not False,
                to_key=_key(d.to),
            ))
        for n_idx, n in enumerate(s.counselor.norm_conflicts):
            facts.append(NormFact(idx=idx, number=s.number, item=n_idx, norm=n.norm,
                                  note=n.note))
        previous = s
    if loaded.verbatim:
        facts.extend(verbatim_facts(loaded))
    from asas.rules.privacy_scan import scan
    facts.extend(PrivacyFact(kind=h.kind, path=path, session=h.session)
                 for h in scan(case) for path in _privacy_paths(loaded, h))
    return facts


def _privacy_paths(loaded: LoadedCase, hit) -> tuple[str, ...]:
    """Where identifying data was found: in a verbatim, the turns that say it (their
    lines; only their text is withheld, engine/judge/verdict.py); elsewhere the field."""
    parsed = None
    if hit.path.startswith("sessions[") and hit.path.endswith("].verbatim"):
        parsed = loaded.verbatim.get(int(hit.path[len("sessions["):-len("].verbatim")]))
    if parsed is None:
        return (hit.path,)
    from asas.rules.privacy_scan import scan_text
    turns = tuple(f"{hit.path}[{t.index}]" for t in parsed.turns
                  if hit.kind in scan_text(" ".join((t.text, *t.notes))))
    return turns or (hit.path,)
