"""Progress over time (``asas trend``): each trainee's principle statuses across their
cases, in the order the cases began.

A trainee is ``case.counselor.code``; cases without one are grouped under "(no
code)".  A case's date is its first session's date (session 1, else the earliest
date written); undated cases come last, in the order given.  The change of a
principle compares the trainee's first case with the last:

- ``by="status"`` (the default) ranks the statuses as the default rubric pays them:
  upheld > at risk > violated > not assessed (a write-up that does not show a
  principle earns nothing for it);
- ``by="score"`` compares the scores (0-100): a rise or fall of ``SCORE_STEP`` points
  or more is a change, so "! 9 → ! 49" shows as improved; where a score is missing
  (not assessed) the statuses decide.

A roster (engine/report/grade/roster.py) names the trainees; ``html`` is a page of
its own, with the same colours as the class report.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass

from asas.engine.i18n.messages import t as say
from asas.engine.i18n.words import word
from asas.engine.judge.terms import STATUS_MARK
from asas.engine.judge.verdict import CaseResult
from asas.engine.report.contract import principles_of
from asas.engine.report.safe import safe_text

ABBR = {"kerahasiaan": "KRH", "kesukarelaan": "KSR", "keterbukaan": "KTB", "kekinian": "KKN",
        "kegiatan": "KGT", "kenormatifan": "KNM", "keahlian": "KAH", "kemandirian": "KMD",
        "kedinamisan": "KDN", "keterpaduan": "KPD", "alih_tangan_kasus": "ATK",
        "tut_wuri_handayani": "TWH"}


def _abbr(p: str) -> str:
    return ABBR.get(p, p[:3].upper())


MARK = STATUS_MARK
RANK = {"upheld": 3, "at_risk": 2, "violated": 1, "not_assessed": 0}
ARROW = {"improved": "↑", "declined": "↓", "unchanged": "="}
SCORE_STEP = 10


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

    def change(self, p: str, by: str = "status") -> str | None:
        """improved, declined or unchanged from the first case to the last; None for one
        case, and for the cases without a code (they need not be one trainee's)."""
        if len(self.cases) < 2 or self.code is None:
            return None
        (s0, score0), (s1, score1) = self.cases[0].principles[p], self.cases[-1].principles[p]
        if by == "score" and score0 is not None and score1 is not None:
            delta = score1 - score0
            return ("improved" if delta >= SCORE_STEP else "declined" if delta <= -SCORE_STEP
                    else "unchanged")
        first, last = RANK[s0], RANK[s1]
        return "improved" if last > first else "declined" if last < first else "unchanged"

    def known_change(self, p: str, by: str = "status") -> str:
        """``change``, of a trainee whose first and last cases are compared."""
        change = self.change(p, by)
        if change is None:
            raise ValueError(f"{self.code}: one case, or cases without a code: no change")
        return change


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


def _name(t: Trainee, lang: str, roster=None) -> str:
    if t.code is None:
        return word("no_code", lang)
    return roster.name(t.code, t.code) if roster else t.code


def _count(n: int, lang: str) -> str:
    return f"{n} {word('case' if n == 1 else 'cases', lang)}"


def _date(case: TrendCase, lang: str) -> str:
    return case.date.isoformat() if case.date else word("undated", lang)


def _cell(status: str, score) -> str:
    return f"{MARK[status]}{'  –' if score is None else f'{score:>3}'}"


def _by_note(by: str, lang: str) -> str:
    if by == "score":
        return say("trend.by_score", lang, step=SCORE_STEP)
    return say("trend.by_status", lang)


def _changes(t: Trainee, lang: str, by: str = "status") -> list[str]:
    parts = []
    for direction in ("improved", "declined"):
        names = [p for p in t.cases[0].principles if t.change(p, by) == direction]
        if names:
            parts.append(f"{word(direction, lang)}: {', '.join(names)}")
    return parts


def render_text(results, lang: str, by: str = "status", roster=None) -> str:
    PRINCIPLES = principles_of(results)
    trainees, invalid = collect(results)
    out = [word("trend_title", lang), ""]
    # what a file says (a trainee's code, a case ID, a file name, a roster's name) is
    # shown escaped: it cannot move the cursor or forge a line on a terminal
    id_w = max([len(safe_text(c.case_id or c.file)) for t in trainees for c in t.cases]
               + [len(word("case", lang))])
    date_w = max(10, len(word("undated", lang)), len(word("change", lang)))
    for t in trainees:
        out.append(f"{safe_text(_name(t, lang, roster))} · {_count(len(t.cases), lang)}")
        out.append(f"  {word('date', lang):<{date_w}}  {word('case', lang):<{id_w}}  "
                   + " ".join(f"{_abbr(p):>4}" for p in PRINCIPLES))
        for c in t.cases:
            out.append(f"  {_date(c, lang):<{date_w}}  {safe_text(c.case_id or c.file):<{id_w}}  "
                       + " ".join(f"{_cell(*c.principles[p]):>4}" for p in PRINCIPLES))
        if t.change(PRINCIPLES[0]) is not None:
            out.append(f"  {word('change', lang):<{date_w}}  {'':<{id_w}}  "
                       + " ".join(f"{ARROW[t.known_change(p, by)]:>4}" for p in PRINCIPLES))
            summary = _changes(t, lang, by)
            if summary:
                out.append("  " + " · ".join(summary))
        out.append("")
    if invalid:
        out.append(f"{word('not_included', lang)}:")
        out += [f"  {safe_text(r.errors[0].format(r.file, lang))}" for r in invalid]
        out.append("")
    out.append(" ".join(f"{_abbr(p)} {p}" for p in PRINCIPLES))
    out.append(" · ".join(f"{MARK[s]} {word(s, lang)}" for s in MARK) + " · "
               + " · ".join(f"{ARROW[d]} {word(d, lang)}" for d in ARROW))
    if by != "status":
        out.append(_by_note(by, lang))
    return "\n".join(out) + "\n"


def render_markdown(results, lang: str, by: str = "status", roster=None) -> str:
    from asas.engine.report.formats.markdown import esc
    PRINCIPLES = principles_of(results)
    trainees, invalid = collect(results)
    out = [f"# {word('trend_title', lang)}", ""]
    for t in trainees:
        out += [f"## {esc(_name(t, lang, roster))} · {_count(len(t.cases), lang)}", "",
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
                       + " | ".join(ARROW[t.known_change(p, by)] for p in PRINCIPLES) + " |")
            summary = _changes(t, lang, by)
            if summary:
                out += ["", " · ".join(summary)]
        out.append("")
    if invalid:
        out += [f"**{word('not_included', lang)}:**", ""]
        out += [f"- {esc(r.errors[0].format(r.file, lang))}" for r in invalid]
        out.append("")
    out.append(" · ".join(f"{MARK[s]} {word(s, lang)}" for s in MARK) + " · "
               + " · ".join(f"{ARROW[d]} {word(d, lang)}" for d in ARROW))
    if by != "status":
        out += ["", _by_note(by, lang)]
    return "\n".join(out) + "\n"


def render_csv(results, lang: str, by: str = "status", roster=None) -> str:
    """One row per case: trainee, date, file, case, one status column per principle;
    invalid files as rows with ``valid`` false and the reason."""
    from asas.engine.report.formats.csv_ import safe_cell, table
    PRINCIPLES = principles_of(results)
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


def trend_dict(results, lang: str, by: str = "status", roster=None) -> dict:
    from asas.engine.judge.profile import profile_of
    from asas.engine.report.contract import tool_dict
    PRINCIPLES = principles_of(results)
    trainees, invalid = collect(results)
    return {
        "tool": tool_dict(lang, profile_of(results)),
        "principles": list(PRINCIPLES),
        "trainees": [{
            "code": t.code,
            "label": _name(t, lang, roster),
            "cases": [{"file": c.file, "case_id": c.case_id,
                       "date": c.date.isoformat() if c.date else None,
                       "principles": {p: {"status": s, "score": score}
                                      for p, (s, score) in c.principles.items()}}
                      for c in t.cases],
            "change": {p: t.change(p, by) for p in PRINCIPLES},
            "change_by": by,
        } for t in trainees],
        "invalid": [{"file": r.file,
                     "errors": [{"line": e.line, "column": e.column, "path": e.path,
                                 "message": e.text(lang)} for e in r.errors]}
                    for r in invalid],
    }


def render_json(results, lang: str, by: str = "status", roster=None) -> str:
    return json.dumps(trend_dict(results, lang, by, roster), ensure_ascii=False, indent=2) + "\n"


def render_html(results, lang: str, by: str = "status", roster=None) -> str:
    """A page per class: one table per trainee (cases in date order, each principle's
    status and score in the class report's colours), the change row, the legend."""
    from asas.engine.report.formats.html import e, legend, page
    PRINCIPLES = principles_of(results)
    trainees, invalid = collect(results)
    title = word("trend_title", lang)
    body = ['<main class="wide">', '<header class="top">', f"<h1>{e(title)}</h1>",
            f'<p class="sub">{e(_by_note(by, lang))}</p>', legend(lang), "</header>"]
    for n, t in enumerate(trainees):
        body.append(f'<section class="card"><h2 id="t{n}">{e(_name(t, lang, roster))} · '
                    f"{e(_count(len(t.cases), lang))}</h2>"
                    f'<div class="scroll" tabindex="0" role="region" aria-label="{e(_name(t, lang, roster))}"><table class="matrix trend"><thead><tr>'
                    f'<th scope="col">{e(word("date", lang))}</th>'
                    f'<th scope="col">{e(word("case", lang))}</th>'
                    + "".join(f'<th class="p" scope="col">{e(p)}</th>' for p in PRINCIPLES)
                    + "</tr></thead><tbody>")
        for c in t.cases:
            cells = []
            for p in PRINCIPLES:
                status, score = c.principles[p]
                shown = "" if score is None else f" {score}"
                cells.append(f'<td class="st {status}" title="{e(word(status, lang))}">'
                             f"{MARK[status]}{shown}</td>")
            body.append(f'<tr><td>{e(_date(c, lang))}</td><th scope="row">'
                        f"{e(c.case_id or c.file)}</th>" + "".join(cells) + "</tr>")
        if t.change(PRINCIPLES[0]) is not None:
            body.append(f'<tr class="change"><th scope="row" colspan="2">{e(word("change", lang))}'
                        "</th>" + "".join(
                            f'<td class="num" title="{e(word(t.known_change(p, by), lang))}">'
                            f"{ARROW[t.known_change(p, by)]}</td>" for p in PRINCIPLES) + "</tr>")
        body.append("</tbody></table></div>")
        summary = _changes(t, lang, by) if t.change(PRINCIPLES[0]) is not None else []
        if summary:
            body.append(f'<p>{e(" · ".join(summary))}</p>')
        body.append("</section>")
    if invalid:
        items = "".join(f"<li>{e(r.errors[0].format(r.file, lang))}</li>" for r in invalid)
        body.append(f'<section class="card"><h2>{e(word("not_included", lang))}</h2>'
                    f"<ul>{items}</ul></section>")
    body.append(f'<p class="note">{e(" · ".join(f"{ARROW[d]} {word(d, lang)}" for d in ARROW))}'
                "</p></main>")
    return page(title, lang, "\n".join(body))


WORST = ("violated", "at_risk", "not_assessed", "upheld")


def trainee_matrix(results, lang: str, roster=None) -> str:
    """The class grouped by trainee, for the lecturer's view of the class report
    (``check --format html --lecturer``): one row per trainee across their cases, each
    principle's cell coloured by its worst status and counting the cases that reached
    it (``✗1 !2`` = violated in one case, at risk in two)."""
    from asas.engine.report.formats.html import e
    PRINCIPLES = principles_of(results)
    trainees, _ = collect(results)
    if not trainees:
        return ""
    head = "".join(f'<th class="p" scope="col">{e(p)}</th>' for p in PRINCIPLES)
    rows = []
    for t in trainees:
        cells = []
        for p in PRINCIPLES:
            counts = {s: sum(1 for c in t.cases if c.principles[p][0] == s) for s in WORST}
            worst = next(s for s in WORST if counts[s])
            shown = " ".join(f"{MARK[s]}{counts[s]}" for s in WORST[:3] if counts[s]) or MARK[worst]
            tip = ", ".join(f"{word(s, lang)} {counts[s]}" for s in WORST if counts[s])
            cells.append(f'<td class="st {worst}" title="{e(tip)}">{e(shown)}</td>')
        cases = ", ".join(c.case_id or c.file for c in t.cases)
        rows.append(f'<tr><th scope="row">{e(_name(t, lang, roster))}<small>{e(cases)}</small>'
                    f'</th><td class="num">{len(t.cases)}</td>' + "".join(cells) + "</tr>")
    title = word("by_trainee", lang)
    return (f'<section class="card" id="trainees"><h2>{e(title)}</h2>'
            f'<div class="scroll" tabindex="0" role="region" aria-label="{e(title)}">'
            f'<table class="matrix"><thead><tr><th scope="col">{e(word("trainee", lang))}</th>'
            f'<th class="num" scope="col">{e(word("cases", lang))}</th>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div></section>")


def render(results, fmt: str, lang: str, by: str = "status", roster=None) -> str:
    """The trend in format ``fmt``, through the format registry (engine/report/formats:
    ``TREND``)."""
    from asas.engine.report.formats import TREND, TrendOptions
    return TREND[fmt].render(list(results), lang, TrendOptions(by, roster))
