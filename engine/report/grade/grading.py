"""Grading one case with a rubric: points, deductions, caps, "incomplete", waivers.

The order, for one valid case:

1. waivers (reasoned overrides) set findings aside; the statuses of the principles are
   judged again from the findings that remain, exactly as the judge does;
2. if more than ``incomplete.not_assessed`` % of the weight is *not assessed*, the
   write-up is **incomplete**: returned to the trainee (*belum lengkap — dikembalikan*)
   with the list of what to add, and no number;
3. otherwise the total (rubric.py) gives a band, and a cap lowers it to the cap's grade
   when a critical finding is present ("at most D, because ..."); a cap may also ask
   for a meeting with the lecturer (which an incomplete write-up gets too).

Strengths (what went well) and the three things to work on first come with each grade,
for the feedback sheet.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from asas.engine.i18n.words import word
from asas.engine.judge.catalog import FUNCTIONS
from asas.engine.judge.terms import SEVERITY_RANK
from asas.engine.judge.verdict import REPAIRED_WEIGHT, CaseResult
from asas.engine.report.grade import waivers as waiving
from asas.engine.report.grade.rubric import Band, Rubric

GRADED, INCOMPLETE, INVALID = "graded", "incomplete", "invalid"


@dataclass(frozen=True)
class PrincipleGrade:
    status: str
    points: float
    out_of: float


@dataclass(frozen=True)
class Priority:
    """One thing to work on: a finding's rule, in the reader's language."""
    id: str
    session: int | None
    severity: str
    title: str
    advice: str            # what to do next time (the recommendation)


@dataclass(frozen=True)
class Missing:
    """One thing an incomplete write-up must add."""
    id: str
    text: str


@dataclass
class CaseGrade:
    file: str
    case_id: str | None
    code: str | None
    principles: dict | None        # principle -> PrincipleGrade; None when invalid
    deductions: float              # for findings
    total: float | None            # None: not graded (invalid or incomplete)
    band: Band | None              # the grade given (after any cap)
    reason: str | None             # why an invalid file was not graded
    state: str = GRADED
    function_deductions: float = 0.0
    functions: dict = field(default_factory=dict)         # function -> True/False/None
    uncapped: Band | None = None                          # the band the total reached
    caps: list = field(default_factory=list)              # (Cap, [finding ids]) that applied
    meeting: bool = False
    missing: list = field(default_factory=list)           # Missing, for an incomplete write-up
    not_assessed_share: float = 0.0
    set_aside: list = field(default_factory=list)         # (Found, Waiver)
    unused: list = field(default_factory=list)            # Waiver
    strengths: list = field(default_factory=list)         # texts: principles and functions
    went_well: list = field(default_factory=list)         # (text, lines): what the write-up shows
    priorities: list = field(default_factory=list)        # Priority, at most three
    title: str | None = None
    # what each session's verbatim measured (engine/verbatim/view.py without its turns):
    # the feedback sheet shows it beside the course's thresholds
    verbatim: tuple = ()

    @property
    def graded(self) -> bool:
        return self.total is not None

    # what a graded case has (``graded``), and a case that is not invalid
    @property
    def graded_total(self) -> float:
        if self.total is None:
            raise ValueError(f"{self.file}: not graded ({self.state})")
        return self.total

    @property
    def graded_band(self) -> Band:
        if self.band is None:
            raise ValueError(f"{self.file}: not graded ({self.state})")
        return self.band

    @property
    def principle_grades(self) -> dict[str, PrincipleGrade]:
        if self.principles is None:
            raise ValueError(f"{self.file}: an invalid case has no principles' grades")
        return self.principles

    @property
    def capped(self) -> bool:
        return self.band is not None and self.uncapped is not None and self.band != self.uncapped


def _status(p: str, findings, undocumented: set) -> str:
    severities = {f.doc.severity for f in findings if f.doc.principle == p}
    if "violation" in severities:
        return "violated"
    if "risk" in severities:
        return "at_risk"
    return "not_assessed" if p in undocumented else "upheld"


def _counted_statuses(statuses: dict[str, str], kept, rubric: Rubric) -> dict[str, str]:
    """The status whose points a principle earns when one root cause costs once
    (``deduct_derived: false``): a principle at risk only through findings derived from
    another (the source's chains, KAH004's tally) earns what its own findings give, and
    one that lacks an observation it needs earns what "not assessed" earns, whatever else
    was found. Without this an honest answer that starts a chain costs the points of every
    principle the chain reaches, and a principle at risk scores better with the
    observation that would show a violation left out than with it written."""
    # a derived violation is a judgement of its own principle (bk12's TWH002: a threat
    # violates tut wuri handayani), not a presumed consequence: it still counts
    counted = [f for f in kept if not f.derived_from or f.doc.severity == "violation"]
    undocumented = {f.doc.principle for f in kept if f.doc.needed}
    points = rubric.status_points
    out = {}
    for p, status in statuses.items():
        if p in undocumented:           # an observation it needs is left out: no credit
            out[p] = "not_assessed"
        elif status in ("violated", "at_risk"):
            own = _status(p, counted, undocumented)
            out[p] = max(status, own, key=lambda s: points[s])
        else:
            out[p] = status
    return out


def _repaired_only(kept) -> set[str]:
    """The principles failing, by their own findings, only through lapses the write-up
    shows repaired in a later session (``repaired_session``: confidentiality explained
    in session 2, ...)."""
    failing: dict[str, bool] = {}
    for f in kept:
        if f.derived_from or f.doc.principle is None or f.doc.severity == "advice":
            continue
        repaired = f.params.get("repaired_session") is not None
        failing[f.doc.principle] = failing.get(f.doc.principle, True) and repaired
    return {p for p, only in failing.items() if only}


def _deductions(kept, rubric: Rubric, principles: dict[str, PrincipleGrade]) -> float:
    """The points the findings take off: per finding by its severity, derived ones only
    with ``deduct_derived``; what one principle's findings take never exceeds the points
    that principle earned, as a criterion of a scoring sheet never goes below zero. So a
    principle written up honestly, however badly, never scores below one left out
    (which earns nothing)."""
    own: dict[str, float] = {}
    other = 0.0
    for f in kept:
        if not (rubric.deduct_derived or not f.derived_from):
            continue
        cost = rubric.deductions[f.doc.severity]
        if f.params.get("repaired_session") is not None:
            cost *= REPAIRED_WEIGHT
        if f.doc.principle in principles:
            own[f.doc.principle] = own.get(f.doc.principle, 0.0) + cost
        else:
            other += cost
    return other + sum(min(cost, principles[p].points) for p, cost in own.items())


def grade_case(r: CaseResult, rubric: Rubric, lang: str = "en", waivers=()) -> CaseGrade:
    from asas.engine.judge.verdict import case_meta
    meta = case_meta(r)
    if not r.valid:
        first = r.errors[0].format(r.file, lang)
        more = len(r.errors) - 1
        reason = f"{word('invalid', lang)}: {first}" + (f" (+{more})" if more else "")
        return CaseGrade(r.file, r.case_id, meta.code, None, 0.0, None, None, reason,
                         state=INVALID, unused=list(waivers))
    # the case file's own suppressions were applied when it was checked (r.verdicts
    # already count without them); an overrides file's waivers are applied on top
    applied = waiving.apply(r.findings, list(waivers), already=r.suppressed)
    kept = applied.kept
    if applied.set_aside:
        # what the write-up leaves undocumented is judged again from the DOC findings kept
        undocumented = {f.doc.principle for f in kept if f.doc.needed}
        statuses = {p: _status(p, kept, undocumented) for p in rubric.principles}
    else:
        statuses = {p: r.verdicts[p].status for p in rubric.principles}
    counted = statuses if rubric.deduct_derived else _counted_statuses(statuses, kept, rubric)
    repaired = _repaired_only(kept)
    principles = {}
    for p in rubric.principles:
        share = rubric.share(p)
        earned = rubric.status_points[counted[p]]
        if p in repaired and counted[p] in ("at_risk", "violated"):
            # a lapse repaired later weighs half, as in the verdict's score
            earned += (rubric.status_points["upheld"] - earned) * (1 - REPAIRED_WEIGHT)
        principles[p] = PrincipleGrade(statuses[p], share * earned / 100, share)
    functions = dict(r.functions or {})
    set_aside = list(r.suppressed) + applied.set_aside
    unused = list(r.unused_suppressions) + applied.unused
    waived_fn = {f.id for f, _ in set_aside if f.doc.principle is None}
    if "FNG001" in waived_fn and functions.get("advokasi") is False:
        functions["advokasi"] = None        # the lecturer accepted it: not counted
    g = CaseGrade(r.file, r.case_id, meta.code, principles, 0.0, None, None, None,
                  functions=functions, set_aside=set_aside, unused=unused,
                  title=meta.title,
                  verbatim=tuple({k: v for k, v in session.items() if k != "turns"}
                                 for session in meta.verbatim))
    g.strengths = strengths(principles, functions, lang)
    g.went_well = went_well(r, principles, lang)
    g.priorities = priorities(kept, lang)
    caps = [(cap, sorted({f.id for f in kept if cap.matches(f)})) for cap in rubric.caps]
    g.caps = [(cap, ids) for cap, ids in caps if ids]
    g.meeting = any(cap.meeting for cap, _ in g.caps)

    not_assessed = sum(pg.out_of for pg in principles.values() if pg.status == "not_assessed")
    g.not_assessed_share = round(not_assessed, 1)
    if rubric.incomplete is not None and not_assessed > rubric.incomplete:
        g.state = INCOMPLETE
        g.missing = [Missing(f.id, f.doc.message.fill(lang, f.params))
                     for f in kept if f.doc.needed]
        return g

    g.deductions = _deductions(kept, rubric, principles)
    g.function_deductions = sum(rubric.functions.get(name, 0) for name in FUNCTIONS
                                if functions.get(name) is False)
    points = sum(pg.points for pg in principles.values())
    g.total = round(max(0.0, points - g.deductions - g.function_deductions), 1)
    g.uncapped = g.band = rubric.band(g.total)
    for cap, _ in g.caps:
        ceiling = rubric.named(cap.grade)
        if rubric.rank(ceiling) > rubric.rank(g.band):
            g.band = ceiling
    return g


def grade_results(results: list[CaseResult], rubric: Rubric, lang: str = "en",
                  waivers=()) -> list[CaseGrade]:
    """Every case graded; ``waivers`` from an overrides file (by case ID) on top of the
    suppressions each case file carries (applied when it was checked: ``asas grade
    --no-suppress`` checks without them)."""
    waivers = list(waivers)
    grades = [grade_case(r, rubric, lang, waiving.for_case(waivers, r.case_id))
              for r in results]
    stray = waiving.unmatched_cases(waivers, [r.case_id for r in results])
    if stray and grades:
        grades[0].unused.extend(w for w in stray if w not in grades[0].unused)
    return grades


def unused_waivers(grades: list[CaseGrade]) -> list:
    seen, out = set(), []
    for g in grades:
        for w in g.unused:
            if id(w) not in seen:
                seen.add(id(w))
                out.append(w)
    return out


def strengths(principles: dict, functions: dict, lang: str) -> list[str]:
    """What went well: the principles upheld and the functions served."""
    from asas.engine.report.formats.html import principle_label
    out = []
    upheld = [principle_label(p, lang) for p in principles if principles[p].status == "upheld"]
    if upheld:
        out.append(("Asas yang ditegakkan: " if lang == "id" else "Principles upheld: ")
                   + ", ".join(upheld))
    served = [word(name, lang) for name in FUNCTIONS if functions.get(name) is True]
    if served:
        out.append(("Fungsi yang terlayani: " if lang == "id" else "Functions served: ")
                   + ", ".join(served))
    return out


def went_well(r: CaseResult, principles: dict, lang: str, n: int = 5) -> list[tuple]:
    """What went well, concretely (engine/judge/strengths.py: "kesukarelaan explained in
    session 1", with the lines of the write-up): the first strength of each principle the
    grade counts as upheld, in the rubric's order, at most ``n`` so a sheet stays one page.
    Under --redact the results' strengths were scrubbed before grading."""
    from asas.engine.judge.strengths import TEXTS
    out = []
    for p in principles:
        if principles[p].status != "upheld":
            continue
        st = next((st for st in r.strengths if st.principle == p and st.key in TEXTS), None)
        if st is None:
            continue
        lines = tuple(dict.fromkeys(e.line for e in st.evidence if e.line))
        out.append((TEXTS[st.key].fill(lang, st.params), lines))
        if len(out) == n:
            break
    return out


def priorities(findings, lang: str, n: int = 3) -> list[Priority]:
    """The first things to work on: root causes before the chains they start,
    violations before risks before advice, the surest first; one entry per rule."""
    ordered = sorted(findings, key=lambda f: (bool(f.derived_from), SEVERITY_RANK[f.doc.severity],
                                              -f.certainty, f.session or 0, f.id))
    out, seen = [], set()
    for f in ordered:
        if f.id in seen:
            continue
        seen.add(f.id)
        out.append(Priority(f.id, f.session, f.doc.severity, f.doc.title.get(lang),
                            f.doc.recommendation.fill(lang, f.params)))
        if len(out) == n:
            break
    return out


@dataclass(frozen=True)
class TraineeRow:
    code: str | None           # None: the cases without a code (not one trainee: no average)
    graded: int
    average: float | None
    band: Band | None          # the band the average reaches
    incomplete: int            # cases returned as incomplete
    capped: int                # cases whose grade a cap lowered
    meeting: bool              # some case asks for a meeting
    uncapped: Band | None = None   # the band the average reaches, before the caps

    @property
    def lowered(self) -> bool:
        return self.band is not None and self.uncapped is not None and self.band != self.uncapped


def by_trainee(grades: list[CaseGrade], rubric: Rubric) -> list[TraineeRow]:
    """One row per trainee code across their cases; the cases without a code are listed
    together but not averaged, since they need not be one trainee's.

    A trainee's grade is the band of the average total, at most the lowest grade a cap
    allowed in any of their graded cases: a critical finding is not averaged away."""
    groups: dict[str | None, list[CaseGrade]] = {}
    for g in grades:
        if g.state != INVALID:
            code = g.code.strip() if g.code and g.code.strip() else None
            groups.setdefault(code, []).append(g)
    out = []
    for code in sorted(groups, key=lambda c: (c is None, c or "")):
        mine = groups[code]
        totals = [g.graded_total for g in mine if g.graded]
        average = round(sum(totals) / len(totals), 1) if totals and code is not None else None
        reached = band = None if average is None else rubric.band(average)
        if band is not None:
            for g in mine:
                for cap, _ in (g.caps if g.graded else ()):
                    ceiling = rubric.named(cap.grade)
                    if rubric.rank(ceiling) > rubric.rank(band):
                        band = ceiling
        out.append(TraineeRow(code, len(totals), average, band,
                              sum(1 for g in mine if g.state == INCOMPLETE),
                              sum(1 for g in mine if g.capped), any(g.meeting for g in mine),
                              reached))
    return out
