"""From what the rules declared to what the report says: findings with certainty and
evidence lines, one status and score per principle, and the five functions.

Certainty (MYCIN-style, shared/spec/knowledge-base.md):
- a direct finding carries its rule's CF;
- one firing of a derived rule: the weakest of the parents it joins, times the rule's CF
  (a conjunction takes the minimum; one parent is the common case);
- several firings of the same finding (same ID, same session) combine as
  ``cf1 + cf2 * (1 - cf1)``.

Score of a principle, 0-100: ``upheld`` 100, ``not_assessed`` null, otherwise
``100 * Π (1 - w * cf)`` over its risk and violation findings, with w = 0.7 for a
violation and 0.4 for a risk: one certain risk scores 60, one certain violation 30.
A derived finding whose parents all belong to its own principle (KTB004 from KTB001,
KGT005 from KGT001) restates the same lapse: it is reported, but not counted twice.
A lapse the write-up shows repaired in a later session (its finding carries
``repaired_session``) weighs half: ``w * REPAIRED_WEIGHT``.

What happened later counts: a chain's conclusion is a presumption, and when the rules
declare that later sessions defeated it (``Defeated`` facts), that finding is dropped,
with every finding that rests only on dropped ones; ``CaseResult.defeated`` keeps them
and what defeated them, for ``explain``.  Each upheld principle gets what shows it
(``CaseResult.strengths``, engine/judge/strengths.py).
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from dataclasses import dataclass, field

from asas.engine.judge.catalog import FUNCTIONS, PRINCIPLES, RuleDoc
from asas.engine.judge.inference import Inference
from asas.engine.judge.strengths import strengths_of
from asas.engine.judge.suppress import apply, of_case
from asas.engine.load.types import CaseError, LoadedCase

SCORE_WEIGHT = {"violation": 0.7, "risk": 0.4, "advice": 0.0}
REPAIRED_WEIGHT = 0.5


@dataclass(frozen=True)
class Evidence:
    path: str
    line: int
    column: int
    value: object


@dataclass
class Found:
    """One finding of the report: one rule in one session (or in the case)."""
    doc: RuleDoc
    session: int | None
    certainty: float
    evidence: list[Evidence]
    derived_from: list[str]
    params: dict
    parents: list[tuple] = field(default_factory=list)   # keys (id, session) of derived_from
    # where the report points: the first evidence, or for a conclusion drawn from other
    # findings, the fact its chain rests on
    line: int = 1
    column: int = 1

    @property
    def id(self) -> str:
        return self.doc.id


@dataclass
class Shown:
    """One thing that went well (engine/judge/strengths.py), with its evidence lines."""
    principle: str
    key: str
    params: dict
    evidence: list[Evidence]


@dataclass
class Defeat:
    """A derived finding later evidence defeated: ``reason`` (a key of
    strengths.DEFEAT) and its ``params``, the ``evidence`` that defeated it, or ``via``
    the key of the defeated finding it rested on."""
    doc: RuleDoc
    session: int | None
    reason: str | None
    params: dict
    evidence: list[Evidence]
    via: tuple | None = None
    variant: str | None = None      # the wording the finding had (doc is that wording)

    @property
    def id(self) -> str:
        return self.doc.id


@dataclass
class PrincipleVerdict:
    status: str
    score: int | None
    findings: list[str]


@dataclass(frozen=True)
class CaseMeta:
    """What reports show of a case besides its verdicts (title, trainee code, pseudonym,
    first session date, number of sessions), kept so that a result need not hold the
    whole case file (``loaded``) once it has been judged."""
    title: str | None = None
    code: str | None = None
    pseudonym: str | None = None
    first_date: datetime.date | None = None
    sessions: int = 0
    # the case's verbatims as plain data for the reports (engine/verbatim/view.py)
    verbatim: tuple = ()


def case_meta_of(case) -> CaseMeta:
    """The meta of a valid case model (``model.Case``)."""
    info = case.case
    dates = [s.date for s in case.sessions if s.date is not None]
    first = next((s.date for s in case.sessions if s.number == 1 and s.date), None)
    return CaseMeta(info.title, info.counselor.code, info.client.pseudonym,
                    first or (min(dates) if dates else None), len(case.sessions))


def case_meta(r: CaseResult) -> CaseMeta:
    """What reports show of a result's case (all None / 0 for an invalid file), whether
    the result still holds the case as read or only its ``meta`` (batch, cache)."""
    if r.meta is not None:
        return r.meta
    if r.loaded is not None and r.loaded.case is not None:
        return case_meta_of(r.loaded.case)
    return CaseMeta()


@dataclass
class CaseResult:
    file: str
    case_id: str | None
    errors: list[CaseError] = field(default_factory=list)
    principles: dict[str, PrincipleVerdict] | None = None
    functions: dict[str, bool | None] | None = None
    findings: list[Found] = field(default_factory=list)
    conclusions: list[tuple[str, int | None, tuple[str, int | None]]] = field(default_factory=list)
    # the case as read; None in results of a batch (engine/batch.py) and from the cache,
    # which carry ``meta`` instead
    loaded: LoadedCase | None = None
    meta: CaseMeta | None = None
    strengths: list[Shown] = field(default_factory=list)
    defeated: list[Defeat] = field(default_factory=list)
    # the profile it was judged under (engine/judge/profile.py): its name, or for a
    # profile file outside rules/profiles/, the path it was looked up by
    profile: str = "konseling-individual"
    # the case file's own suppressions (``asas: ignore:``, engine/judge/suppress.py):
    # the findings they set aside, as (Found, Waiver), and those that matched nothing
    suppressed: list = field(default_factory=list)
    unused_suppressions: list = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not self.errors

    @property
    def verdicts(self) -> dict[str, PrincipleVerdict]:
        """``principles`` of a valid result (an invalid one has none)."""
        if self.principles is None:
            raise ValueError(f"{self.file}: an invalid case has no principles' verdicts")
        return self.principles

    @property
    def functions_served(self) -> dict[str, bool | None]:
        """``functions`` of a valid result (an invalid one has none)."""
        if self.functions is None:
            raise ValueError(f"{self.file}: an invalid case has no functions' verdicts")
        return self.functions


def combine(cfs) -> float:
    total = 0.0
    for cf in cfs:
        total = total + cf * (1 - total)
    return total


def selected(rule_id: str, select=None, ignore=None) -> bool:
    """ruff-style selection by ID or prefix; the longest matching prefix wins."""
    if select is None and ignore is None:       # every rule: the usual run
        return True
    best_sel = max((len(p) for p in select or () if rule_id.startswith(p)), default=-1)
    if select is None:
        best_sel = 0
    best_ign = max((len(p) for p in ignore or () if rule_id.startswith(p)), default=-1)
    return best_sel >= 0 and best_sel >= best_ign if best_ign >= 0 else best_sel >= 0


_AS_IS = frozenset({str, int, float, bool, type(None)})   # exact types _plain keeps


def _plain(value):
    if value.__class__ in _AS_IS:     # the most of them, without hasattr's miss
        return value
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if hasattr(value, "__dataclass_fields__"):
        return {k: _plain(getattr(value, k)) for k in value.__dataclass_fields__}
    return value


WITHHELD = "[withheld]"


def _shown(doc: RuleDoc, value):
    """An evidence value as reports may show it."""
    if not doc.shows_values and value is not None:
        return WITHHELD
    return _plain(value)


def _mapping(params):
    """A fact's parameters as a dict to read: experta's frozendict (1.2, pinned) is a
    Mapping around a dict, each item of it a Python call; the dict it holds is read
    instead (the same keys, in the same order, the same values)."""
    inner = getattr(params, "_dict", None)
    return inner if inner.__class__ is dict else params


def _merge_params(firings) -> dict:
    if len(firings) == 1:       # one firing (the usual): its parameters as they are
        return dict(_mapping(firings[0]["params"]))
    merged: dict = {}
    for fact in firings:
        for key, value in _mapping(fact["params"]).items():
            merged.setdefault(key, [])
            if value not in merged[key]:
                merged[key].append(value)
    return {k: v[0] if len(v) == 1 else tuple(v) for k, v in merged.items()}


def _locate(found: list[Found]) -> None:
    by_key = {(f.id, f.session): f for f in found}

    def where(f: Found, guard=()) -> tuple[int, int]:
        if f.evidence:
            return f.evidence[0].line, f.evidence[0].column
        for key in f.parents:
            parent = by_key.get(key)
            if parent is not None and key not in guard:
                return where(parent, guard + (key,))
        return 1, 1

    for f in found:
        f.line, f.column = where(f)


def _creditable(principles: dict, aside: list) -> dict:
    """The principles a strength may be claimed for: a suppression sets a finding aside
    for the verdict, but "confidentiality kept" over a breach someone excused would say
    what the write-up does not show."""
    excused = {f.doc.principle for f, _ in aside}
    return {p: v for p, v in principles.items() if p not in excused}


def _restates_own_principle(f: Found, catalog) -> bool:
    return bool(f.parents) and all(catalog[p[0]].principle == f.doc.principle
                                   for p in f.parents)


def _withhold_everywhere(found: list[Found], firings: dict, loaded: LoadedCase,
                         catalog) -> tuple:
    """What a PRV finding withholds (also when PRV itself is not --select-ed) is
    withheld from every other finding (engine/judge/withhold.py)."""
    from asas.engine.judge.withhold import scrub, secrets_of
    flagged = [loaded.value(p) for (rule_id, _), facts in firings.items()
               if not catalog[rule_id].shows_values for f in facts for p in f["evidence"]]
    # a turn of a verbatim that says it: the block is withheld too where a finding cites it
    # (its short quote may hold that turn)
    flagged += [loaded.value(p.rsplit("[", 1)[0]) for p in _withheld_turns(firings, catalog)]
    secrets = secrets_of(flagged)
    if not secrets:
        return secrets
    for f in found:
        if not f.doc.shows_values:
            continue
        f.evidence = [dataclasses.replace(e, value=scrub(e.value, secrets, WITHHELD))
                      for e in f.evidence]
        f.params = {k: scrub(v, secrets, WITHHELD) for k, v in f.params.items()}
    return secrets


_TURN_PATH = re.compile(r"sessions\[\d+\]\.verbatim\[\d+\]")


def _withheld_turns(firings: dict, catalog) -> set[str]:
    """The verbatim turns (``sessions[0].verbatim[14]``) a PRV finding points at."""
    return {p for (rule_id, _), facts in firings.items() if not catalog[rule_id].shows_values
            for f in facts for p in f["evidence"] if _TURN_PATH.fullmatch(p)}


def judge(loaded: LoadedCase, inference: Inference, catalog: dict[str, RuleDoc],
          select=None, ignore=None, profile=None, suppress: bool = True,
          view: bool = True) -> CaseResult:
    """The report's view of one valid case, judged for the principles of ``profile``
    (a Profile; None: the default's eight), with ``catalog`` as it reports them.
    Unless ``suppress`` is False, the case file's suppressions set their findings aside
    (before ``select``/``ignore``: whether one is used is a fact about the write-up).
    ``view`` False: the result carries no verbatim view (``CaseMeta.verbatim``), for a
    report that shows none and a result that goes to no cache."""
    firings: dict[tuple, list] = {}
    for fact in inference.findings:
        firings.setdefault((fact["id"], fact["session"]), []).append(fact)

    certainty: dict[tuple, float] = {}

    def cf_of(key, guard=()):
        known = certainty.get(key)
        if known is not None:
            return known
        cf = catalog[key[0]].cf
        total = 0.0     # combine(), one firing at a time
        for fact in firings.get(key, ()):
            parents = [p for p in fact["derived_from"] if p not in guard]
            premise = min((cf_of(tuple(p), guard + (key,)) for p in parents), default=1.0) \
                if parents else 1.0
            total = total + premise * cf * (1 - total)
        certainty[key] = total
        return total

    defeated = _defeated(loaded, inference, firings, catalog)
    waivers = of_case(loaded) if suppress else []
    found: list[Found] = []
    beaten = {(d.id, d.session) for d in defeated}
    for key, facts in firings.items():
        if key in beaten:
            continue
        doc = catalog[key[0]]
        if not selected(doc.id, select, ignore) and not waivers:
            continue
        paths = list(dict.fromkeys(p for f in facts for p in f["evidence"]))
        evidence = [Evidence(p, *loaded.where(p), _shown(doc, loaded.value(p))) for p in paths]
        parents = list(dict.fromkeys(tuple(p) for f in facts for p in f["derived_from"]))
        params = _merge_params(facts)
        found.append(Found(doc.worded(params), key[1], round(cf_of(key), 2), evidence,
                           list(dict.fromkeys(p[0] for p in parents)), params, parents))
    aside: list = []             # (Found, Waiver): set aside by the file's suppressions
    unused: list = []
    lifted: set = set()          # their keys, selected or not
    if waivers:
        applied = apply(found, waivers)
        unused = applied.unused
        aside = [(f, w) for f, w in applied.set_aside if selected(f.id, select, ignore)]
        found = [f for f in applied.kept if selected(f.id, select, ignore)]
        lifted = {(f.id, f.session) for f, _ in applied.set_aside}
    secrets = _withhold_everywhere(found + [f for f, _ in aside], firings, loaded, catalog)
    _locate(found + [f for f, _ in aside])
    found.sort(key=lambda f: (f.session or 0, f.line, f.id))
    aside.sort(key=lambda fw: (fw[0].session or 0, fw[0].line, fw[0].id))

    principles = {}
    # assessability is a fact about the write-up, so it is judged before --select/--ignore
    undocumented = {catalog[k[0]].principle for k in firings if catalog[k[0]].needed
                    and k not in lifted}
    for p in (PRINCIPLES if profile is None else profile.principles):
        mine = [f for f in found if f.doc.principle == p]
        severities = {f.doc.severity for f in mine}
        if "violation" in severities:
            status = "violated"
        elif "risk" in severities:
            status = "at_risk"
        elif p in undocumented:
            status = "not_assessed"
        else:
            status = "upheld"
        score = None if status == "not_assessed" else 100.0
        for f in mine:
            if score is None or _restates_own_principle(f, catalog):
                continue
            weight = SCORE_WEIGHT[f.doc.severity]
            if f.params.get("repaired_session") is not None:
                weight *= REPAIRED_WEIGHT
            score *= 1 - weight * f.certainty
        principles[p] = PrincipleVerdict(status, None if score is None else round(score),
                                         list(dict.fromkeys(f.id for f in mine)))

    functions: dict[str, bool | None] = {}
    for name in FUNCTIONS:
        values = {s["value"] for s in inference.served if s["function"] == name}
        functions[name] = True if True in values else (False if False in values else None)

    gone = {(d.id, d.session) for d in defeated} | lifted
    conclusions = [(c["what"], c["session"], tuple(c["because"])) for c in inference.conclusions
                   if tuple(c["because"]) not in gone]
    strengths = [Shown(st.principle, st.key, st.params,
                       [Evidence(p, *loaded.where(p), _plain(loaded.value(p))) for p in st.paths])
                 for st in strengths_of(loaded.case, _creditable(principles, aside))]
    meta = case_meta_of(loaded.case)
    if view:
        meta = _with_verbatim(meta, loaded)
    if secrets:     # what PRV withholds, withheld everywhere (engine/judge/withhold.py)
        from asas.engine.judge.withhold import scrub

        def hidden(evidence):
            return [dataclasses.replace(e, value=scrub(e.value, secrets, WITHHELD))
                    for e in evidence]
        strengths = [dataclasses.replace(st, evidence=hidden(st.evidence),
                                         params=scrub(st.params, secrets, WITHHELD))
                     for st in strengths]
        defeated = [dataclasses.replace(d, evidence=hidden(d.evidence),
                                        params=scrub(d.params, secrets, WITHHELD))
                    for d in defeated]
        if meta.pseudonym is not None:      # PRV001: a real name, not a pseudonym
            meta = dataclasses.replace(meta, pseudonym=scrub(meta.pseudonym, secrets, WITHHELD))
        turns = _withheld_turns(firings, catalog)
        if turns and meta.verbatim:         # the turns a PRV finding points at, in the view
            from asas.engine.verbatim.view import withheld
            meta = dataclasses.replace(meta, verbatim=withheld(meta.verbatim, turns, WITHHELD))
    result = CaseResult(loaded.file, loaded.model.case.id, [], principles, functions, found,
                        conclusions, loaded, meta, strengths, defeated)
    result.suppressed, result.unused_suppressions = aside, unused
    if profile is not None:
        result.profile = profile_key(profile)
    return result


def _variant(firings) -> str | None:
    name = _merge_params(firings).get("variant")
    name = name[0] if isinstance(name, tuple) else name
    return name if isinstance(name, str) else None


def _defeated(loaded: LoadedCase, inference: Inference, firings: dict,
              catalog: dict) -> list[Defeat]:
    """The findings later evidence defeated, and those resting only on defeated ones."""
    out: dict[tuple, Defeat] = {}
    order = {key: n for n, key in enumerate(firings)}

    def earliest(d):   # of several later sessions that defeat it, the first one is told
        first = (d.get("params") or {}).get("sessions")
        return first if isinstance(first, int) else 0

    for d in sorted(inference.defeats, key=lambda d: (order.get(tuple(d["finding"]), 0),
                                                      earliest(d))):
        key = tuple(d["finding"])
        if key in firings and key not in out:
            paths = list(dict.fromkeys(d["evidence"]))
            variant = _variant(firings[key])
            doc = catalog[key[0]].worded({"variant": variant})
            out[key] = Defeat(doc, key[1], d["reason"], dict(d.get("params") or {}),
                              [Evidence(p, *loaded.where(p), _plain(loaded.value(p)))
                               for p in paths], variant=variant)
    changed = bool(out)
    while changed:
        changed = False
        for key, facts in firings.items():
            if key in out:
                continue
            parents = [tuple(p) for f in facts for p in f["derived_from"]]
            if parents and all(p in out for p in parents):
                variant = _variant(facts)
                out[key] = Defeat(catalog[key[0]].worded({"variant": variant}), key[1], None,
                                  {}, [], via=parents[0], variant=variant)
                changed = True
    return sorted(out.values(), key=lambda d: order[(d.id, d.session)])


def _with_verbatim(meta: CaseMeta, loaded: LoadedCase) -> CaseMeta:
    if not loaded.verbatim:
        return meta
    from asas.engine.verbatim.view import view
    return dataclasses.replace(meta, verbatim=view(loaded))


def profile_key(profile) -> str:
    """How a result names its profile: by name when bundled, else by its file."""
    from asas.engine.judge.profile import PROFILE_DIR
    path = profile.path
    if path is None or path.parent == PROFILE_DIR:
        return profile.name
    return str(path)


def invalid(loaded: LoadedCase, profile=None) -> CaseResult:
    result = CaseResult(loaded.file, None, list(loaded.errors), loaded=loaded)
    if profile is not None:
        result.profile = profile_key(profile)
    return result
