"""The machine-readable report (shared/spec/report-format.md), from which every
format is drawn.  Additions to the contract are documented in README.md."""

from __future__ import annotations

from collections import Counter

from asas import FORMAT, __version__
from asas.engine.judge.catalog import PRINCIPLES
from asas.engine.judge.profile import lookup, profile_of
from asas.engine.judge.terms import SEVERITY_RANK
from asas.engine.judge.verdict import CaseResult, Found
from asas.engine.report.rendered import Rendered
from asas.engine.report.safe import display_name

SEVERITY_ORDER = SEVERITY_RANK


def finding_dict(f: Found, lang: str) -> dict:
    params = dict(f.params)
    return {
        "id": f.id,
        "principle": f.doc.principle,
        "severity": f.doc.severity,
        "certainty": f.certainty,
        "title": f.doc.title.get(lang),
        "message": f.doc.message.fill(lang, params),
        "recommendation": f.doc.recommendation.fill(lang, params),
        "session": f.session,
        "line": f.line,
        "column": f.column,
        "evidence": [{"path": e.path, "line": e.line, "column": e.column, "value": e.value}
                     for e in f.evidence],
        "derived_from": list(f.derived_from),
        "source": f.doc.source.get(lang),
    }


def cf_text(value: float, lang: str) -> str:
    """A certainty as a reader of the language writes it: 0.80, or 0,80 in Indonesian."""
    text = f"{value:.2f}"
    return text.replace(".", ",") if lang == "id" else text


def grouped(findings: list[Found]) -> list[tuple[int, list[int]]]:
    """The findings as a reader should meet them: each root (a finding drawn from facts,
    or one combining several roots, such as KAH004) with the derived findings that rest
    on it alone, as indexes into ``findings`` in their order.  One slip then reads as
    one mistake with its consequences, not as several mistakes."""
    index = {(f.id, f.session): i for i, f in enumerate(findings)}

    def roots(i, guard=()):
        parents = [index[p] for p in findings[i].parents if p in index and p not in guard]
        if not parents:
            return {i}
        out = set()
        for p in parents:
            out |= roots(p, guard + ((findings[i].id, findings[i].session),))
        return out

    under: dict[int, list[int]] = {}
    top: list[int] = []
    for i in range(len(findings)):
        r = roots(i)
        if r == {i} or len(r) > 1:
            top.append(i)
        else:
            under.setdefault(next(iter(r)), []).append(i)
    return [(i, under.get(i, [])) for i in top]


def evidence_dicts(evidence) -> list[dict]:
    return [{"path": e.path, "line": e.line, "column": e.column, "value": e.value}
            for e in evidence]


def strength_dicts(r: CaseResult, lang: str) -> list[dict]:
    """What went well, per upheld principle (addition to the contract)."""
    from asas.engine.judge.strengths import TEXTS
    return [{"principle": st.principle, "key": st.key,
             "text": TEXTS[st.key].fill(lang, st.params),
             "evidence": evidence_dicts(st.evidence)} for st in r.strengths]


def defeated_dicts(r: CaseResult, lang: str) -> list[dict]:
    """Presumptions later evidence defeated (addition to the contract)."""
    from asas.engine.judge.strengths import DEFEAT
    out = []
    for d in r.defeated:
        out.append({"id": d.id, "session": d.session, "title": d.doc.title.get(lang),
                    "reason": DEFEAT[d.reason].fill(lang, d.params) if d.reason in DEFEAT
                    else None,
                    "evidence": evidence_dicts(d.evidence),
                    "via": None if d.via is None else {"id": d.via[0], "session": d.via[1]}})
    return out


def case_dict(r: CaseResult, lang: str) -> dict:
    out: dict[str, object] = {"file": display_name(r.file), "case_id": r.case_id,
                              "valid": r.valid,
           "errors": [{"line": e.line, "column": e.column, "path": e.path, "message": e.text(lang),
                       "code": e.code}
                      for e in r.errors]}
    if r.valid:
        out["principles"] = {p: {"status": v.status, "score": v.score, "findings": v.findings}
                             for p, v in r.verdicts.items()}
        out["functions"] = dict(r.functions_served)
        out["findings"] = [finding_dict(f, lang) for f in r.findings]
        out["strengths"] = strength_dicts(r, lang)
        out["defeated"] = defeated_dicts(r, lang)
    return out


class Tally:
    """The summary's counts, kept one result at a time, so that a report can be
    written while the batch runs (formats' ``stream``) without keeping the results."""

    def __init__(self):
        self.files = self.valid = 0
        self.severities: Counter = Counter()
        self.failing: Counter = Counter()
        self.principles: tuple = PRINCIPLES     # the profile's, from the first result

    def add(self, r) -> None:
        """Count ``r``, a CaseResult or a case a worker rendered (engine/report/rendered.py)."""
        if not self.files:
            self.principles = lookup(r.profile).principles
        self.files += 1
        if r.__class__ is Rendered:
            self.severities.update(r.severities)
            if r.valid:
                self.valid += 1
                self.failing.update(r.failing)
            return
        self.severities.update(f.doc.severity for f in r.findings)
        if r.valid:
            self.valid += 1
            self.failing.update(p for p, v in r.verdicts.items()
                                if v.status in ("at_risk", "violated"))

    def summary(self) -> dict:
        failing = self.failing
        return {
            "files": self.files, "valid": self.valid, "invalid": self.files - self.valid,
            "findings": {s: self.severities.get(s, 0) for s in SEVERITY_ORDER},
            # addition: principles at risk or violated, by number of cases, most first
            "principles_failing": {p: failing[p] for p in sorted(self.principles,
                                                                  key=lambda p: -failing[p])
                                   if failing[p]},
        }


def summary(results: list[CaseResult]) -> dict:
    tally = Tally()
    for r in results:
        tally.add(r)
    return tally.summary()


def tool_dict(lang: str, profile=None) -> dict:
    """``profile``: the report's Profile; a profile other than the default is named
    (``tool.profile``), the default's report stays as it always was."""
    out = {"name": "asas", "version": __version__, "format": FORMAT, "lang": lang}
    if profile is not None and not profile.is_default:
        out["profile"] = profile.name
    return out


def principles_of(results) -> tuple:
    """The principles a run's results were judged for, in the profile's order."""
    return profile_of(results).principles


def report_dict(results: list[CaseResult], lang: str) -> dict:
    profile = profile_of(results)
    return {
        "tool": tool_dict(lang, profile),
        "principles": list(profile.principles),
        "cases": [case_dict(r, lang) for r in results],
        "summary": summary(results),
    }
