"""The machine-readable report (shared/spec/report-format.md), from which every
format is drawn.  Additions to the contract are documented in README.md."""

from __future__ import annotations

from collections import Counter

from asas import FORMAT, __version__
from asas.engine.judge.catalog import PRINCIPLES
from asas.engine.judge.profile import lookup, profile_of
from asas.engine.judge.strengths import TEXTS
from asas.engine.judge.terms import SEVERITY_RANK
from asas.engine.judge.verdict import CaseResult, Found
from asas.engine.report.rendered import Rendered
from asas.engine.report.safe import display_name

SEVERITY_ORDER = SEVERITY_RANK


FINDING_KEYS = ("id", "principle", "severity", "certainty", "title", "message",
                "recommendation", "session", "line", "column", "evidence", "derived_from",
                "source")


def finding_values(f: Found, lang: str) -> tuple:
    """The values of ``finding_dict(f, lang)`` in FINDING_KEYS' order, its evidence
    and derived_from as the finding has them: what the JSON writer writes without
    building the dict (engine/report/formats/json_.py)."""
    doc = f.doc
    params = dict(f.params)
    return (doc.id, doc.principle, doc.severity, f.certainty, doc.title.get(lang),
            doc.message.fill(lang, params), doc.recommendation.fill(lang, params),
            f.session, f.line, f.column, f.evidence, f.derived_from, doc.source.get(lang))


def finding_dict(f: Found, lang: str) -> dict:
    out = dict(zip(FINDING_KEYS, finding_values(f, lang)))
    out["evidence"] = evidence_dicts(f.evidence)
    out["derived_from"] = list(f.derived_from)
    return out


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


STRENGTH_KEYS = ("principle", "key", "text", "evidence")


def strength_values(st, lang: str) -> tuple:
    """The values of a strength's dict in STRENGTH_KEYS' order, its evidence as it is
    (see finding_values)."""
    return st.principle, st.key, TEXTS[st.key].fill(lang, st.params), st.evidence


def strength_dict(st, lang: str) -> dict:
    out = dict(zip(STRENGTH_KEYS, strength_values(st, lang)))
    out["evidence"] = evidence_dicts(st.evidence)
    return out


def strength_dicts(r: CaseResult, lang: str, strength=strength_dict) -> list:
    """What went well, per upheld principle (addition to the contract)."""
    return [strength(st, lang) for st in r.strengths]


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


def suppression_groups(r: CaseResult) -> list[tuple]:
    """(waiver, [finding IDs it set aside, its own first]) for each suppression of the
    case file that was used, in the file's order."""
    groups: dict = {}
    for f, w in r.suppressed:
        ids = groups.setdefault(id(w), (w, []))[1]
        if f.id not in ids:
            ids.append(f.id)
    out = sorted(groups.values(), key=lambda g: (g[0].line, g[0].column))
    return [(w, sorted(ids, key=lambda i: i != w.rule)) for w, ids in out]


def suppressed_text(w, ids: list, lang: str) -> str:
    """``suppressed: KRH003 (1) with KSR005, KTB001 — the reason (who decided)``."""
    from asas.engine.i18n.messages import t
    rest = [i for i in ids if i != w.rule]
    return t("suppress.suppressed", lang, rule=w.label(),
             with_=t("suppress.with", lang, ids=", ".join(rest)) if rest else "",
             reason=w.reason, by=t("suppress.by", lang, by=w.by) if w.by else "")


def unused_text(w, lang: str) -> str:
    from asas.engine.i18n.messages import t
    return t("suppress.unused", lang, rule=w.label())


UNUSED_CODE = "suppress.unused"     # the stable code of an unused suppression


def suppression_rows(r: CaseResult, lang: str) -> list[tuple[int, int, str, bool]]:
    """(line, column, text, unused) for each suppression of the case file, in the
    file's order: what the short lines of the text, markdown and html reports say."""
    rows = [(w.line, w.column, suppressed_text(w, ids, lang), False)
            for w, ids in suppression_groups(r)]
    rows += [(w.line, w.column, unused_text(w, lang), True) for w in r.unused_suppressions]
    return sorted(rows, key=lambda row: (row[0], row[1]))


def _waiver_dict(w) -> dict:
    return {"rule": w.rule, "session": w.session, "line": w.line, "column": w.column,
            "reason": w.reason, "by": w.by or None}


def suppression_dicts(r: CaseResult, lang: str) -> dict:
    """What the case file's suppressions did (addition to the contract; present only
    when the file has suppressions): the findings set aside, each with the suppression
    that did it, and the suppressions that matched nothing."""
    return {
        "suppressed": [{"id": f.id, "principle": f.doc.principle, "severity": f.doc.severity,
                        "session": f.session, "title": f.doc.title.get(lang),
                        "line": f.line, "column": f.column, "suppression": _waiver_dict(w)}
                       for f, w in r.suppressed],
        "unused_suppressions": [{**_waiver_dict(w), "code": UNUSED_CODE,
                                 "message": unused_text(w, lang)}
                                for w in r.unused_suppressions],
    }


def case_dict(r: CaseResult, lang: str, finding=finding_dict, strength=strength_dict) -> dict:
    """``finding(f, lang)``, ``strength(st, lang)``: what stands for each finding and
    strength (the JSON writer's own text of it, engine/report/formats/json_.py; else
    its dict)."""
    out: dict[str, object] = {"file": display_name(r.file), "case_id": r.case_id,
                              "valid": r.valid,
           "errors": [{"line": e.line, "column": e.column, "path": e.path, "message": e.text(lang),
                       "code": e.code}
                      for e in r.errors]}
    if r.valid:
        out["principles"] = {p: {"status": v.status, "score": v.score, "findings": v.findings}
                             for p, v in r.verdicts.items()}
        out["functions"] = dict(r.functions_served)
        out["findings"] = [finding(f, lang) for f in r.findings]
        out["strengths"] = strength_dicts(r, lang, strength)
        out["defeated"] = defeated_dicts(r, lang)
        if r.suppressed or r.unused_suppressions:
            out.update(suppression_dicts(r, lang))
    return out


class Tally:
    """The summary's counts, kept one result at a time, so that a report can be
    written while the batch runs (formats' ``stream``) without keeping the results."""

    def __init__(self):
        self.files = self.valid = 0
        self.severities: Counter = Counter()
        self.failing: Counter = Counter()
        self.principles: tuple = PRINCIPLES     # the profile's, from the first result
        self.suppressed = self.unused = 0

    def add(self, r) -> None:
        """Count ``r``, a CaseResult or a case a worker rendered (engine/report/rendered.py)."""
        if not self.files:
            self.principles = lookup(r.profile).principles
        self.files += 1
        if r.__class__ is Rendered:
            self.severities.update(r.severities)
            self.suppressed += r.suppressed
            self.unused += r.unused
            if r.valid:
                self.valid += 1
                self.failing.update(r.failing)
            return
        self.severities.update(f.doc.severity for f in r.findings)
        self.suppressed += len(r.suppressed)
        self.unused += len(r.unused_suppressions)
        if r.valid:
            self.valid += 1
            self.failing.update(p for p, v in r.verdicts.items()
                                if v.status in ("at_risk", "violated"))

    def summary(self) -> dict:
        failing = self.failing
        out = {
            "files": self.files, "valid": self.valid, "invalid": self.files - self.valid,
            "findings": {s: self.severities.get(s, 0) for s in SEVERITY_ORDER},
            # addition: principles at risk or violated, by number of cases, most first
            "principles_failing": {p: failing[p] for p in sorted(self.principles,
                                                                  key=lambda p: -failing[p])
                                   if failing[p]},
        }
        # addition: findings the files' own suppressions set aside, and those unused
        if self.suppressed or self.unused:
            out["suppressed"] = self.suppressed
            out["unused_suppressions"] = self.unused
        return out


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
