"""The machine-readable report (shared/spec/report-format.md), from which every
format is drawn.  Additions to the contract are documented in README.md."""

from __future__ import annotations

from collections import Counter

from asas import FORMAT, __version__
from asas.engine.judge.catalog import PRINCIPLES
from asas.engine.judge.terms import SEVERITY_RANK
from asas.engine.judge.verdict import CaseResult, Found

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


def case_dict(r: CaseResult, lang: str) -> dict:
    out: dict[str, object] = {"file": r.file, "case_id": r.case_id, "valid": r.valid,
           "errors": [{"line": e.line, "column": e.column, "path": e.path, "message": e.text(lang)}
                      for e in r.errors]}
    if r.valid:
        out["principles"] = {p: {"status": v.status, "score": v.score, "findings": v.findings}
                             for p, v in r.verdicts.items()}
        out["functions"] = dict(r.functions_served)
        out["findings"] = [finding_dict(f, lang) for f in r.findings]
    return out


class Tally:
    """The summary's counts, kept one result at a time, so that a report can be
    written while the batch runs (formats' ``stream``) without keeping the results."""

    def __init__(self):
        self.files = self.valid = 0
        self.severities: Counter = Counter()
        self.failing: Counter = Counter()

    def add(self, r: CaseResult) -> None:
        self.files += 1
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
            "principles_failing": {p: failing[p] for p in sorted(PRINCIPLES,
                                                                  key=lambda p: -failing[p])
                                   if failing[p]},
        }


def summary(results: list[CaseResult]) -> dict:
    tally = Tally()
    for r in results:
        tally.add(r)
    return tally.summary()


def tool_dict(lang: str) -> dict:
    return {"name": "asas", "version": __version__, "format": FORMAT, "lang": lang}


def report_dict(results: list[CaseResult], lang: str) -> dict:
    return {
        "tool": tool_dict(lang),
        "principles": list(PRINCIPLES),
        "cases": [case_dict(r, lang) for r in results],
        "summary": summary(results),
    }
