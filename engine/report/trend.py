"""Progress over time (``asas trend``): each trainee's principle statuses across their
cases, in the order the cases began.

A trainee is ``case.counselor.code``; cases without one are grouped under "(no
code)".  A case's date is its first session's date (session 1, else the earliest
date written); undated cases come last, in the order given.  The change of a
principle compares the trainee's first case with the last, ranking the statuses as
the default rubric pays them: upheld > at risk > violated > not assessed (a
write-up that does not show a principle earns nothing for it).
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass

from asas import FORMAT, __version__
from asas.engine.i18n.words import word
from asas.engine.judge.catalog import PRINCIPLES
from asas.engine.judge.terms import STATUS_MARK
from asas.engine.judge.verdict import CaseResult

ABBR = {"kerahasiaan": "KRH", "kesukarelaan": "KSR", "keterbukaan": "KTB", "kekinian": "KKN",
        "kegiatan": "KGT", "kenormatifan": "KNM", "keahlian": "KAH", "kemandirian": "KMD"}
MARK = STATUS_MARK
RANK = {"upheld": 3, "at_risk": 2, "violated": 1, "not_assessed": 0}
ARROW = {"improved": "↑", "declined": "↓", "unchanged": "="}
FORMATS = ("text", "markdown", "csv", "json")


@dataclass(frozen=True)
class TrendCase:
    file: str
    case_id: str | None
    date: datetime.date | None
    principles: dict            # principle -> (status, score)


@dataclass(frozen=True)
class Trainee:
    code: str | None            # None: the cases without a code
    cases: tuple

    def change(self, p: str) -> str | None:
        """improved, declined or unchanged from the first case to the last; None for one
        case, and for the cases without a code (they need not be one trainee's)."""
        if len(self.cases) < 2 or self.code is None:
            return None
        first = RANK[self.cases[0].principles[p][0]]
        last = RANK[self.cases[-1].principles[p][0]]
        return "improved" if last > first else "declined" if last < first else "unchanged"

    def arrow(self, p: str) -> str:
        """The arrow of ``change(p)``, for a trainee whose first and last cases compare."""
        change = self.change(p)
        if change is None:
            raise ValueError(f"{self.code}: one case, or cases without a code: no change")
        return ARROW[change]


def collect(results: list[CaseResult]) -> tuple[list[Trainee], list[CaseResult]]:
    """Trainees (by code, "(no code)" last) with their valid cases in date order, and the
    invalid files, which cannot be placed."""
    from asas.engine.judge.verdict import case_meta
    groups: dict[str | None, list[tuple]] = {}
    invalid = []
    for order, r in enumerate(results):
        if not r.valid:
            invalid.append(r)
            continue
        meta = case_meta(r)
        code = meta.code.strip() if meta.code and meta.code.strip() else None
        case = TrendCase(r.file, r.case_id, meta.first_date,
                         {p: (v.status, v.score) for p, v in r.verdicts.items()})
        groups.setdefault(code, []).append((meta.first_date is None, meta.first_date, order, case))
    trainees = []
    for code in sorted(groups, key=lambda c: (c is None, c or "")):
        ordered = sorted(groups[code], key=lambda t: (t[0], t[1] or datetime.date.min, t[2]))
        trainees.append(Trainee(code, tuple(t[3] for t in ordered)))
    return trainees, invalid


def _name(t: Trainee, lang: str) -> str:
    return t.code if t.code is not None else word("no_code", lang)


def _count(n: int, lang: str) -> str:
    return f"{n} {word('case' if n == 1 else 'cases', lang)}"


def _date(case: TrendCase, lang: str) -> str:
    return case.date.isoformat() if case.date else word("undated", lang)


def _cell(status: str, score) -> str:
    return f"{MARK[status]}{'  –' if score is None else f'{score:>3}'}"


def _changes(t: Trainee, lang: str) -> list[str]:
    parts = []
    for direction in ("improved", "declined"):
        names = [p for p in PRINCIPLES if t.change(p) == direction]
        if names:
            parts.append(f"{word(direction, lang)}: {', '.join(names)}")
    return parts


def render_text(results, lang: str) -> str:
    trainees, invalid = collect(results)
    out = [word("trend_title", lang), ""]
    id_w = max([len(c.case_id or c.file) for t in trainees for c in t.cases] + [len(word("case", lang))])
    date_w = max(10, len(word("undated", lang)), len(word("change", lang)))
    for t in trainees:
        out.append(f"{_name(t, lang)} · {_count(len(t.cases), lang)}")
        out.append(f"  {word('date', lang):<{date_w}}  {word('case', lang):<{id_w}}  "
                   + " ".join(f"{ABBR[p]:>4}" for p in PRINCIPLES))
        for c in t.cases:
            out.append(f"  {_date(c, lang):<{date_w}}  {(c.case_id or c.file):<{id_w}}  "
                       + " ".join(f"{_cell(*c.principles[p]):>4}" for p in PRINCIPLES))
        if t.change(PRINCIPLES[0]) is not None:
            out.append(f"  {word('change', lang):<{date_w}}  {'':<{id_w}}  "
                       + " ".join(f"{t.arrow(p):>4}" for p in PRINCIPLES))
            summary = _changes(t, lang)
            if summary:
                out.append("  " + " · ".join(summary))
        out.append("")
    if invalid:
        out.append(f"{word('not_included', lang)}:")
        out += [f"  {r.errors[0].format(r.file, lang)}" for r in invalid]
        out.append("")
    out.append(" ".join(f"{ABBR[p]} {p}" for p in PRINCIPLES))
    out.append(" · ".join(f"{MARK[s]} {word(s, lang)}" for s in MARK) + " · "
               + " · ".join(f"{ARROW[d]} {word(d, lang)}" for d in ARROW))
    return "\n".join(out) + "\n"


def render_markdown(results, lang: str) -> str:
    from asas.engine.report.formats.markdown import esc
    trainees, invalid = collect(results)
    out = [f"# {word('trend_title', lang)}", ""]
    for t in trainees:
        out += [f"## {esc(_name(t, lang))} · {_count(len(t.cases), lang)}", "",
                f"| {word('date', lang)} | {word('case', lang)} | " + " | ".join(PRINCIPLES) + " |",
                "|---|---|" + ":---:|" * len(PRINCIPLES)]
        for c in t.cases:
            cells = [f"{MARK[c.principles[p][0]]}" + ("" if c.principles[p][1] is None
                                                      else f" {c.principles[p][1]}")
                     for p in PRINCIPLES]
            out.append(f"| {_date(c, lang)} | {esc(c.case_id or c.file)} | " + " | ".join(cells)
                       + " |")
        if t.change(PRINCIPLES[0]) is not None:
            out.append(f"| **{word('change', lang)}** | | "
                       + " | ".join(t.arrow(p) for p in PRINCIPLES) + " |")
            summary = _changes(t, lang)
            if summary:
                out += ["", " · ".join(summary)]
        out.append("")
    if invalid:
        out += [f"**{word('not_included', lang)}:**", ""]
        out += [f"- {esc(r.errors[0].format(r.file, lang))}" for r in invalid]
        out.append("")
    out.append(" · ".join(f"{MARK[s]} {word(s, lang)}" for s in MARK) + " · "
               + " · ".join(f"{ARROW[d]} {word(d, lang)}" for d in ARROW))
    return "\n".join(out) + "\n"


def render_csv(results, lang: str) -> str:
    """One row per case: trainee, date, file, case, one status column per principle;
    invalid files as rows with ``valid`` false and the reason."""
    from asas.engine.report.formats.csv_ import safe_cell, table
    trainees, invalid = collect(results)
    header = ["trainee", "date", "file", "case_id", "valid", *PRINCIPLES, "reason"]
    body = []
    for t in trainees:
        for c in t.cases:
            body.append([safe_cell(t.code or ""), c.date.isoformat() if c.date else "",
                         safe_cell(c.file), safe_cell(c.case_id), "true",
                         *(c.principles[p][0] for p in PRINCIPLES), ""])
    for r in invalid:
        body.append(["", "", safe_cell(r.file), "", "false", *([""] * len(PRINCIPLES)),
                     safe_cell(r.errors[0].format(r.file, lang))])
    return table(header, body)


def trend_dict(results, lang: str) -> dict:
    trainees, invalid = collect(results)
    return {
        "tool": {"name": "asas", "version": __version__, "format": FORMAT, "lang": lang},
        "principles": list(PRINCIPLES),
        "trainees": [{
            "code": t.code,
            "label": _name(t, lang),
            "cases": [{"file": c.file, "case_id": c.case_id,
                       "date": c.date.isoformat() if c.date else None,
                       "principles": {p: {"status": s, "score": score}
                                      for p, (s, score) in c.principles.items()}}
                      for c in t.cases],
            "change": {p: t.change(p) for p in PRINCIPLES},
        } for t in trainees],
        "invalid": [{"file": r.file,
                     "errors": [{"line": e.line, "column": e.column, "path": e.path,
                                 "message": e.text(lang)} for e in r.errors]}
                    for r in invalid],
    }


def render_json(results, lang: str) -> str:
    return json.dumps(trend_dict(results, lang), ensure_ascii=False, indent=2) + "\n"


def render(results, fmt: str, lang: str) -> str:
    return {"text": render_text, "markdown": render_markdown, "csv": render_csv,
            "json": render_json}[fmt](results, lang)
