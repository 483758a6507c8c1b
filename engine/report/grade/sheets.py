"""A printable feedback sheet per case, to hand back (``asas grade --sheets DIR``).

One A4 page each, Indonesian by default (``--lang``), in the shape lecturers already
use (lembar observasi, APKK): who (name or NIM from the roster, else the trainee code;
class; guru pamong), the case, the grade and why (a cap, "belum lengkap —
dikembalikan" with what to add, a required meeting), what went well, the three things
to work on first with the rule page for each (``asas rule ID``), the lecturer's and
supervisor's decisions (overrides), a box for the lecturer's comment, and signature
lines for the dosen pembimbing and the guru pamong.  ``index.html`` lists the sheets
and holds them all for printing in one go, a page per sheet.

A sheet quotes nothing the client said: findings appear by their rule title and what
to do next time; the case title is left out under ``--redact``.
"""

from __future__ import annotations

import os
import re

from asas.engine.i18n.words import word
from asas.engine.report.grade.grading import GRADED, INCOMPLETE, INVALID, CaseGrade
from asas.engine.report.grade.render import MARK, cap_notes
from asas.engine.report.grade.roster import EMPTY, Roster
from asas.engine.report.grade.rubric import Rubric
from asas.engine.report.grade.texts import t
from asas.engine.report.grade.waivers import set_aside_text

SHEET_CSS = """
.sheet{max-width:800px;margin:0 auto;background:#fff;padding:26px 30px;border:1px solid var(--line)}
.sheet h1{font-size:1.3rem;border-bottom:3px solid var(--accent);padding-bottom:6px}
.sheet h2{font-size:1.02rem;margin:16px 0 6px;color:var(--ink)}
.who{width:100%;font-size:.95rem}.who th{width:28%;color:var(--muted);font-weight:600}
.result{display:flex;gap:18px;align-items:center;border:2px solid var(--ink);border-radius:8px;
padding:10px 16px;margin:14px 0}
.result .big{font-size:2.6rem;font-weight:800;line-height:1;min-width:2.2em;text-align:center}
.result .big.incomplete{font-size:1.25rem;min-width:0}
.result p{margin:2px 0}
.alert{border-left:5px solid var(--bad);background:var(--bad-bg);padding:6px 10px;margin:8px 0;
font-weight:600}
.asas{display:grid;grid-template-columns:repeat(4,1fr);gap:4px;margin:6px 0;padding:0;list-style:none;
font-size:.85rem}
.asas li{background:var(--bg);color:var(--ink);border-left:4px solid var(--c);padding:2px 6px}
.work li{margin:0 0 8px}.work .rp{font-size:.85rem;color:var(--muted)}
.commentbox{border:1px solid var(--ink);height:7.5em;border-radius:4px}
.signs{display:grid;grid-template-columns:1fr 1fr;gap:40px;margin-top:22px}
.signs div{border-top:1px solid var(--ink);padding-top:4px;margin-top:64px;font-size:.9rem}
.sheet footer{margin-top:14px;font-size:.78rem}
.index li{margin:2px 0}
.toadd{font-size:.88rem}.toadd li{margin:0 0 2px}
.vbm{width:100%;font-size:.85rem;border-collapse:collapse}.vbm th,.vbm td{border-bottom:1px solid var(--line);
padding:2px 6px;text-align:left;vertical-align:top}.vbm th{font-weight:600;color:var(--muted)}
.vbm .ok{color:var(--ok)}.vbm .no{color:var(--bad);font-weight:700}
.vbm td:nth-child(n+5){text-align:center}
@media print{
 @page{size:A4;margin:12mm 14mm}
 body{font-size:9.5pt;line-height:1.35}
 .sheet{border:none;padding:0;max-width:none}
 .sheet h1{font-size:13pt;margin:0 0 4px}
 .sheet h2{font-size:10.5pt;margin:8px 0 3px}
 .who th,.who td{padding:1px 4px}
 .result{margin:6px 0;padding:6px 12px}.result .big{font-size:24pt}
 .alert{margin:4px 0;padding:3px 8px}
 .asas{font-size:8pt;gap:2px}
 .sheet ul,.sheet ol{margin:2px 0}
 .work li{margin:0 0 3px}
 .commentbox{height:5.5em}
 .toadd{font-size:8pt}
 .vbm{font-size:7.5pt;line-height:1.2}.vbm th,.vbm td{padding:0 3px}.vbm td{white-space:nowrap}
 .scroll+.note,.work .rp{font-size:7.5pt;margin:1px 0}
 .sheet:has(.vbm) .commentbox{height:4em}.sheet:has(.vbm) .signs div{margin-top:28px}
 .signs{margin-top:6px}.signs div{margin-top:36px}
 .sheet footer{margin-top:6px;font-size:7.5pt}
 .sheet+.sheet{break-before:page}
 .noprint{display:none}
 .result,.work li,.signs{break-inside:avoid}
}
"""


def _number(x: float, lang: str) -> str:
    text = f"{x:.1f}"
    return text.replace(".", ",") if lang == "id" else text


def file_name(g: CaseGrade, used: set) -> str:
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", g.case_id or os.path.basename(g.file)).strip("-.")
    stem = stem or "kasus"
    name, n = f"{stem}.html", 2
    while name in used:
        name, n = f"{stem}-{n}.html", n + 1
    used.add(name)
    return name


def sheet_body(g: CaseGrade, rubric: Rubric, lang: str, roster: Roster, redacted: bool) -> str:
    from asas.engine.report.formats.html import e, principle_label
    s = roster.student(g.code)
    rows = [(t("student", lang), s.display() if s else "…………………………"),
            (t("code", lang), g.code or "—")]
    if s and s.klass:
        rows.append((t("class", lang).capitalize(), s.klass))
    rows.append((t("pamong", lang), s.guru_pamong if s and s.guru_pamong else "…………………………"))
    case = g.case_id or g.file
    if g.title and not redacted:
        case = f"{case} — {g.title}"
    rows.append((t("case_label", lang), case))
    out = ['<article class="sheet">', f"<h1>{e(t('sheet_title', lang))}</h1>",
           '<table class="who"><tbody>']
    out += [f'<tr><th scope="row">{e(k)}</th><td>{e(v)}</td></tr>' for k, v in rows]
    out.append("</tbody></table>")

    out.append(_result(g, lang))
    if g.meeting:
        out.append(f'<p class="alert">{e(t("meeting", lang))}</p>')

    if g.state == INCOMPLETE:
        out.append(f"<h2>{e(t('to_add', lang).capitalize())}</h2><ol class=\"toadd\">")
        out += [f"<li><b>{e(m.id)}</b> {e(m.text)}</li>" for m in g.missing]
        out.append("</ol>")
    if g.principles:
        out.append(f"<h2>{e(t('why_grade', lang))}</h2><ul class=\"asas\">")
        for p in rubric.principles:
            pg = g.principles[p]
            out.append(f'<li class="{pg.status}">{MARK[pg.status]} {e(principle_label(p, lang) if lang == "id" else p)}'
                       f" · {e(word(pg.status, lang))}</li>")
        out.append("</ul>")
        if g.graded:
            out.append(f'<p class="note">{e(t("deductions", lang).capitalize())}: '
                       f"{_number(g.deductions, lang)} · {e(t('function_deductions', lang))}: "
                       f"{_number(g.function_deductions, lang)}</p>")

    if g.verbatim:
        out.append(_verbatim(g, lang))
    if g.strengths or g.went_well:
        out.append(f"<h2>{e(t('strengths', lang))}</h2><ul>")
        line = word("line", lang)
        out += [f"<li>✓ {e(text)}" + (f' <span class="rp">({e(line)} '
                                         f'{", ".join(str(n) for n in lines)})</span>'
                                         if lines else "") + "</li>"
                for text, lines in g.went_well]
        out += [f"<li>{e(text)}</li>" for text in g.strengths]
        out.append("</ul>")
    if g.state == GRADED:      # an incomplete write-up's work is the list of what to add
        out.append(_work(g, lang))
    if g.set_aside:
        out.append(f"<h2>{e(t('overrides', lang))}</h2><ul>")
        for f, w in g.set_aside:
            if f.id == w.rule:
                out.append(f"<li>{e(set_aside_text(w, lang))}</li>")
        out.append("</ul>")

    out.append(f"<h2>{e(t('comment', lang))}</h2>"
               f'<div class="commentbox" role="textbox" aria-label="{e(t("comment", lang))}"></div>')
    pamong = s.guru_pamong if s and s.guru_pamong else ""
    out.append(f'<div class="signs"><div>{e(t("dosen", lang))}<br>{e(t("date", lang))}:</div>'
               f'<div>{e(t("pamong", lang))}{(" — " + e(pamong)) if pamong else ""}<br>'
               f'{e(t("date", lang))}:</div></div>')
    out.append(f'<footer class="note">{e(t("self_report", lang))} {e(t("graded_with", lang))} '
               f"<code>{e(rubric.source)}</code>.</footer></article>")
    return "\n".join(out)


def _result(g: CaseGrade, lang: str) -> str:
    """The grade (or "returned") in a box, with the points and the cap that decided it."""
    from asas.engine.report.formats.html import e
    if g.state == INVALID:
        big, lines = ("—", "incomplete"), [g.reason or ""]
    elif g.state == INCOMPLETE:
        big = (t("incomplete", lang), "incomplete")
        share = f"{g.not_assessed_share:g}".replace(".", "," if lang == "id" else ".")
        lines = [t("not_assessed_share", lang, share=share)]
    else:
        big = (g.graded_band.grade, "")
        lines = [t("total_line", lang, points=_number(g.graded_total, lang))]
        if g.capped:
            assert g.uncapped is not None   # capped: the band given is not the one reached
            lines.append(t("capped_from", lang, grade=g.uncapped.grade) + "; "
                         + "; ".join(cap_notes(g, lang)))
        elif g.caps:
            lines += cap_notes(g, lang)
    return (f'<section class="result" aria-label="{e(t("result", lang))}">'
            f'<div class="big {big[1]}">{e(big[0])}</div><div>'
            + "".join(f"<p>{e(line)}</p>" for line in lines) + "</div></section>")


def _verbatim(g: CaseGrade, lang: str) -> str:
    """Each session's verbatim measures beside the course's thresholds, as the html
    report's charts show them: figures and marks, never a turn's words."""
    from asas.engine.report.formats.html import e
    from asas.engine.verbatim.report import t as said
    from asas.engine.verbatim.view import OPENING, THRESHOLDS

    def ratio(value: float, digits: str = ".2f") -> str:
        text = format(value, digits)
        return text.replace(".", ",") if lang == "id" else text

    def mark(ok: bool) -> str:
        return (f'<span class="{"ok" if ok else "no"}" aria-label="{e(said("yes" if ok else "no", lang))}">'
                f'{"✓" if ok else "✗"}</span>')

    top = THRESHOLDS["talk_share_max"]
    said_in = [*OPENING, "decision"]             # each its column: a ✗ down it stands out
    heads = [t("vb_session", lang), t("vb_talk", lang), t("vb_questions", lang),
             t("vb_reflections", lang)]
    heads += [(t("vb_said", lang) + " " if i == 0 else "") + t(f"vb_{k}", lang)
              for i, k in enumerate(said_in)]
    # a narrow window scrolls the table, not the page (the gradebook's way)
    out = [f"<h2>{e(t('vb_title', lang))}</h2>",
           f'<div class="scroll" tabindex="0" role="region" aria-label="{e(t("vb_title", lang))}" '
           'style="overflow-x:auto"><table class="vbm"><thead><tr>']
    out += [f'<th scope="col">{e(h)}</th>' for h in heads]
    out.append("</tr></thead><tbody>")
    for s in g.verbatim:
        cells = [e(s["number"] if s["number"] is not None else s["index"] + 1)]
        share = s["talk_share"]
        cells.append("–" if share is None else f"{share:.0%} {mark(share <= top)}")
        open_q = s["counts"].get("open_question", 0)
        closed_q = s["counts"].get("closed_question", 0)
        # no closed question at all: as many open ones as the course asks, and more
        enough = open_q > 0 if not closed_q else open_q / closed_q >= THRESHOLDS["open_closed_min"]
        cells.append(f"{open_q} : {closed_q} {mark(enough)}" if open_q + closed_q else "–")
        rq = s["reflection_question"]
        cells.append("–" if rq is None else
                     f"{ratio(rq)} {mark(rq >= THRESHOLDS['reflection_question_min'])}")
        shown = dict(s["opening"], decision=s["client_decision"])
        cells += [mark(shown[k]) for k in said_in]
        out.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    out.append('</tbody></table></div><p class="note">' + e(t(
        "vb_note", lang, talk=f"{top:.0%}",
        questions=ratio(THRESHOLDS["open_closed_min"], "g"),
        reflections=ratio(THRESHOLDS["reflection_question_min"], "g"))) + "</p>")
    return "".join(out)


def _work(g: CaseGrade, lang: str) -> str:
    """The three things to work on first, each with its rule page."""
    from asas.engine.report.formats.html import e, e_code
    out = [f"<h2>{e(t('work_on', lang))}</h2>"]
    if not g.priorities:
        return out[0] + f"<p>{e(t('no_priorities', lang))}</p>"
    out.append('<ol class="work">')
    for p in g.priorities:
        where = f" ({word('session', lang)} {p.session})" if p.session else ""
        out.append(f"<li><b>{e(p.id)}</b> {e(p.title)}{e(where)} "
                   f"<span class=\"sevword\">· {e(word(p.severity, lang))}</span><br>"
                   f"{e_code(p.advice)}<br><span class=\"rp\">{e(t('rule_page', lang))}: "
                   f"<code>asas rule {e(p.id)} --lang {e(lang)}</code></span></li>")
    out.append("</ol>")
    return "".join(out)


def write_sheets(grades: list[CaseGrade], rubric: Rubric, folder: str, lang: str = "id",
                 roster: Roster = EMPTY, redacted: bool = False, write=None) -> list[str]:
    """One page per case in ``folder`` and an index holding them all; the paths written.
    ``write(path, text)`` writes one file (the CLI passes its atomic writer)."""
    from asas.engine.report.formats.html import e, page
    os.makedirs(folder, exist_ok=True)
    used, written, bodies, links = {"index.html"}, [], [], []
    style = f"<style>{SHEET_CSS}</style>"
    for g in grades:
        name = file_name(g, used)
        body = sheet_body(g, rubric, lang, roster, redacted)
        bodies.append(body)
        s = roster.student(g.code)
        who = s.display() if s else (g.code or "—")
        grade = (g.graded_band.grade if g.graded else t("incomplete_short", lang)
                 if g.state == INCOMPLETE else word("ungraded", lang))
        links.append(f'<li><a href="{e(name)}">{e(g.case_id or g.file)}</a> · {e(who)} · '
                     f"<b>{e(grade)}</b></li>")
        path = os.path.join(folder, name)
        write(path, page(f"{t('sheet_title', lang)} · {g.case_id or ''}", lang,
                         f"{style}<main>{body}</main>"))
        written.append(path)
    index = (f"{style}<main><nav class=\"noprint card\"><h1>{e(t('sheets_index', lang))}</h1>"
             f'<ul class="index">{"".join(links)}</ul></nav>' + "\n".join(bodies) + "</main>")
    path = os.path.join(folder, "index.html")
    write(path, page(t("sheets_index", lang), lang, index))
    written.append(path)
    return written
