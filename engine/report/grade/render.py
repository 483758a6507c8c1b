"""The gradebook as markdown (a terminal, a forum post), csv (a spreadsheet) and html.

Every row says why: a capped grade names the cap and the rule IDs behind it, an
incomplete write-up lists what to add (rule IDs), an override names the rule, who
decided and why.  The reason column quotes no value of a case file (only rule IDs,
rubric texts and the lecturer's own words), so ``--redact`` leaves nothing in it to hide
beyond what redaction takes out of an invalid file's message.
"""

from __future__ import annotations

import csv
import io

from asas.engine.i18n.words import word
from asas.engine.judge.catalog import FUNCTIONS, PRINCIPLES, label
from asas.engine.judge.terms import STATUS_MARK, STATUSES
from asas.engine.report.grade.grading import (
    INCOMPLETE,
    INVALID,
    CaseGrade,
    by_trainee,
    unused_waivers,
)
from asas.engine.report.grade.roster import EMPTY, Roster
from asas.engine.report.grade.rubric import SEVERITIES, Rubric
from asas.engine.report.grade.texts import t
from asas.engine.report.grade.waivers import set_aside_text

MARK = STATUS_MARK
CSV_LOCALES = ("intl", "id")


_NUMBER_LOCALE = {"id": "id"}     # a report's language -> how its numbers are written


def _pts(x: float, lang: str, exact: bool = True) -> str:
    """Points as the gradebook shows them: one decimal, or as many as a principle's
    points have up to three (6.25 of a twelve-asas rubric, not a rounded 6.2, so that a
    row's cells add up to its total; an average, ``exact`` False, keeps one), with a
    decimal comma in Indonesian."""
    return _decimal(x, _NUMBER_LOCALE.get(lang, "intl"), exact=exact)


def _minus(x: float, lang: str) -> str:
    return f"−{_pts(x, lang)}" if x else _pts(0.0, lang)


def cap_notes(g: CaseGrade, lang: str) -> list[str]:
    return [t("at_most", lang, grade=cap.grade, why=cap.why(lang), rules=", ".join(ids))
            for cap, ids in g.caps]


def notes(g: CaseGrade, lang: str) -> list[str]:
    """Why the row is what it is, shortest first; no value of the case file."""
    out = []
    if g.state == INVALID:
        return [g.reason or ""]
    if g.state == INCOMPLETE:
        ids = ", ".join(dict.fromkeys(m.id for m in g.missing))
        out.append(f"{t('incomplete', lang)}: "
                   + t("not_assessed_share", lang, share=f"{g.not_assessed_share:g}")
                   + (f"; {t('to_add', lang)}: {ids}" if ids else ""))
    else:
        out += cap_notes(g, lang)      # whether or not the cap lowered the grade
    if g.meeting:
        out.append(t("meeting", lang))
    for f, w in g.set_aside:
        if f.id == w.rule:
            out.append(set_aside_text(w, lang))
    return out


def trainee_name(code: str | None, roster: Roster, lang: str) -> str:
    return roster.name(code, "—")


def unused_lines(grades: list[CaseGrade], lang: str) -> list[str]:
    out = []
    for w in unused_waivers(grades):
        g = next((g for g in grades if w in g.unused and (w.case is None or g.case_id == w.case)),
                 None)
        if g is None:
            out.append(t("unused_case", lang, where=w.where, case=w.case))
        else:
            out.append(t("unused_line", lang, where=w.where, rule=w.label(), case=g.case_id))
    return out


# --- csv ---------------------------------------------------------------------------------

def _decimal(x: float | None, locale: str, exact: bool = False) -> str:
    """A number of the CSV: one decimal, or (``exact``, a principle's points: 6.25, 9.375)
    as many as it has up to three, so that a spreadsheet's SUM of a row gives its total."""
    if x is None:
        return ""
    text = f"{x:.1f}" if not exact or round(x, 1) == round(x, 3) else f"{round(x, 3):g}"
    return text.replace(".", ",") if locale == "id" else text


def csv_header(lang: str, principles: tuple = PRINCIPLES) -> list[str]:
    """The gradebook's columns; one per principle of the rubric (its profile's order)."""
    if lang == "id":
        return ["berkas", "kode_kasus", "praktikan", "nama", *principles, "pengurangan",
                "pengurangan_fungsi", "total", "nilai", "bobot_nilai", "status",
                "wajib_konsultasi", "keterangan"]
    return ["file", "case_id", "trainee", "name", *principles, "deductions",
            "function_deductions", "total", "grade", "grade_point", "state", "meeting", "reason"]


def state_word(g: CaseGrade, lang: str) -> str:
    return t({"graded": "graded", INCOMPLETE: "incomplete", INVALID: "invalid"}[g.state], lang)


def render_csv(grades: list[CaseGrade], rubric: Rubric, lang: str = "en",
               roster: Roster = EMPTY, locale: str = "intl") -> str:
    """One row per case; a column per principle (points earned), the deductions, the
    total, the grade and its point, the state and why.  ``locale="id"``: ``;`` between
    fields, a decimal comma and a UTF-8 byte-order mark, as Excel in an Indonesian
    locale reads a double-clicked file."""
    from asas.engine.report.formats.csv_ import safe_cell
    body = []
    for g in grades:
        student = roster.student(g.code)
        name = safe_cell(student.display()) if student else ""
        why = safe_cell("; ".join(notes(g, lang)))
        head = [safe_cell(g.file), safe_cell(g.case_id), safe_cell(g.code), name]
        meeting = t("yes", lang) if g.meeting else ""
        if g.graded:
            band = g.graded_band
            point = "" if band.point is None else _decimal(band.point, locale)
            body.append([*head, *(_decimal(g.principle_grades[p].points, locale, exact=True)
                                  for p in rubric.principles),
                         _decimal(g.deductions, locale), _decimal(g.function_deductions, locale),
                         _decimal(g.graded_total, locale), safe_cell(band.grade), point,
                         state_word(g, lang), meeting, why])
        elif g.state == INCOMPLETE:
            body.append([*head, *(_decimal(g.principle_grades[p].points, locale, exact=True)
                                  for p in rubric.principles),
                         "", "", "", safe_cell(t("incomplete_short", lang)), "",
                         state_word(g, lang), meeting, why])
        else:
            body.append([*head, *([""] * len(rubric.principles)), "", "", "", "", "",
                         state_word(g, lang), "", why])
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";" if locale == "id" else ",", lineterminator="\r\n")
    writer.writerow(csv_header(lang, rubric.principles))
    writer.writerows(body)
    return ("\ufeff" if locale == "id" else "") + buf.getvalue()


# --- markdown ----------------------------------------------------------------------------

def rubric_lines(rubric: Rubric, lang: str) -> list[str]:
    weights = ", ".join(f"{p} {_pts(rubric.share(p), lang)}" for p in rubric.principles)
    points = ", ".join(f"{word(s, lang)} {rubric.status_points[s]:g}%" for s in STATUSES)
    deduct = ", ".join(f"{word(s, lang)} {rubric.deductions[s]:g}" for s in SEVERITIES)
    bands = ", ".join(f"{b.grade} ≥ {b.min:g}" for b in rubric.bands)
    out = [f"- {word('weight', lang)}: {weights}", f"- {word('points_per_status', lang)}: {points}",
           f"- {word('deduction_per_finding', lang)}: {deduct}"]
    if not rubric.deduct_derived:
        out.append(f"- {t('derived_once', lang)}")
    costs = [f"{word(f, lang)} {rubric.functions[f]:g}" for f in FUNCTIONS
             if rubric.functions.get(f)]
    if costs:
        out.append(f"- {t('functions_cost', lang)}: {', '.join(costs)}")
    if rubric.incomplete is not None:
        out.append(f"- {t('incomplete_rule', lang, share=f'{rubric.incomplete:g}')}")
    for cap in rubric.caps:
        extra = f" · {t('meeting', lang)}" if cap.meeting else ""
        sev = f" ({word(cap.severity, lang)})" if cap.severity else ""
        at_most = t("at_most", lang, grade=cap.grade, why="", rules="").split(":")[0]
        out.append(f"- {t('caps', lang)}: {', '.join(cap.rules)}{sev} → {at_most}: "
                   f"{cap.why(lang)}{extra}")
    out.append(f"- {word('bands', lang)}: {bands}")
    return out


def render_markdown(grades: list[CaseGrade], rubric: Rubric, lang: str = "en",
                    roster: Roster = EMPTY) -> str:
    from asas.engine.report.formats.markdown import esc
    out = [f"# {word('gradebook_title', lang)}", "", f"_{t('self_report', lang)}_", "",
           f"| {word('case', lang)} | {word('trainee', lang)} | {t('total', lang)} | "
           f"{t('grade', lang)} | " + " | ".join(label(p, "id") for p in rubric.principles) +
           f" | {t('deductions', lang)} | {t('function_deductions', lang)} | {t('reason', lang)} |",
           "|---|---|---:|:---:|" + "---:|" * len(rubric.principles) + "---:|---:|---|"]
    invalid = []
    for g in grades:
        name = esc(g.case_id or g.file)
        who = esc(trainee_name(g.code, roster, lang))
        why = esc("; ".join(notes(g, lang)))
        if g.state == INVALID:
            invalid.append(g)
            out.append(f"| {name} | {who} | | {word('ungraded', lang)} | "
                       + " | ".join([""] * len(rubric.principles)) + " | | | |")
            continue
        grades_of = g.principle_grades
        cells = [f"{MARK[grades_of[p].status]} {_pts(grades_of[p].points, lang)}"
                 for p in rubric.principles]
        if g.state == INCOMPLETE:
            out.append(f"| {name} | {who} | | **{esc(t('incomplete', lang))}** | " + " | ".join(cells)
                       + f" | | | {why} |")
            continue
        grade = esc(g.graded_band.grade) + (" ▼" if g.capped else "")
        out.append(f"| {name} | {who} | **{_pts(g.graded_total, lang)}** | **{grade}** | " + " | ".join(cells) +
                   f" | {_minus(g.deductions, lang)} | {_minus(g.function_deductions, lang)} | {why} |")
    out += ["", " · ".join(f"{m} {word(s, lang)}" for s, m in MARK.items())
            + f" · ▼ {t('capped_legend', lang)}", ""]
    rows = by_trainee(grades, rubric)
    if rows:
        out += [f"## {t('by_trainee', lang)}", "",
                f"| {word('trainee', lang)} | {t('cases', lang)} | {t('average', lang)} | "
                f"{t('grade', lang)} | {t('reason', lang)} |", "|---|---:|---:|:---:|---|"]
        for row in rows:
            who = esc(trainee_name(row.code, roster, lang) if row.code else t("no_code", lang))
            extra = trainee_notes(row, lang)
            avg = "" if row.average is None else _pts(row.average, lang, exact=False)
            band = "" if row.band is None else esc(row.band.grade) + (" ▼" if row.lowered else "")
            out.append(f"| {who} | {row.graded} | {avg} | {band} | {esc('; '.join(extra))} |")
        out.append("")
    unused = unused_lines(grades, lang)
    if unused:
        out += [f"## {t('unused', lang).capitalize()}", ""]
        out += [f"- {esc(line)}" for line in unused]
        out.append("")
    if invalid:
        out += [f"## {word('ungraded', lang).capitalize()}", ""]
        out += [f"- {esc(g.file)}: {esc(g.reason)}" for g in invalid]
        out.append("")
    out += [f"## {word('rubric', lang)} ({esc(rubric.source)})", "", *rubric_lines(rubric, lang)]
    return "\n".join(out) + "\n"


# --- html --------------------------------------------------------------------------------

def render_html(grades: list[CaseGrade], rubric: Rubric, lang: str = "en",
                roster: Roster = EMPTY, redacted: bool = False) -> str:
    from asas.engine.report.formats.html import e, legend, page
    title = word("gradebook_title", lang)
    body = ["<main class=\"wide\">", '<header class="top">', f"<h1>{e(title)}</h1>",
            f'<p class="sub">{e(word("rubric", lang))}: <code>{e(rubric.source)}</code>'
            + (f" · {e(t('trainee', lang))}: <code>{e(roster.source)}</code>" if roster.source
               else "") + "</p>",
            f'<p class="note">{e(t("self_report", lang))}</p>',
            legend(lang), "</header>", '<section class="card">',
            f'<div class="scroll" tabindex="0" role="region" aria-label="{e(title)}"><table class="matrix gradebook" id="gradebook">'
            f"<thead><tr><th scope=\"col\">{e(word('case', lang))}</th>"
            f'<th class="grade" scope="col">{e(t("grade", lang))}</th>'
            f'<th class="num" scope="col">{e(t("total", lang))}</th>'
            f"<th scope=\"col\">{e(word('trainee', lang))}</th>"]
    for p in rubric.principles:
        gloss = "" if lang == "id" else f" <small>{e(label(p, 'en'))}</small>"
        body.append(f'<th class="p" scope="col">{e(p)}{gloss}</th>')
    body.append(f'<th class="num" scope="col">{e(t("deductions", lang))}</th>'
                f'<th class="num" scope="col">{e(t("function_deductions", lang))}</th>'
                "</tr></thead><tbody>")
    width = 4 + len(rubric.principles) + 2
    for g in grades:
        base = g.file.replace("\\", "/").rsplit("/", 1)[-1]
        who = trainee_name(g.code, roster, lang)
        why = "".join(f"<li>{e(n)}</li>" for n in notes(g, lang))
        # the reasons on a row of their own under the case: always whole, never a
        # squeezed last column
        why = (f'<tr class="whyrow"><td></td><td colspan="{width - 1}"><ul>{why}</ul></td></tr>'
               if why else "")
        # the grade and the total right after the case, before the trainee: the file name
        # wraps, so the grade stays whole in view at any window width (a phone's too)
        head = (f"<tr><th scope=\"row\">{e(g.case_id or g.file)}"
                f'<small title="{e(g.file)}">{e(base)}</small></th>')
        who_cell = f"<td>{e(who)}</td>"
        if g.state == INVALID:
            body.append(head + f'<td class="grade inv">{e(word("ungraded", lang))}</td><td></td>'
                        + who_cell
                        + f'<td class="inv" colspan="{len(rubric.principles) + 2}">{e(g.reason)}</td>'
                        "</tr>")
            continue
        if g.state == INCOMPLETE:
            cell = (f'<td class="grade incomplete"><b>{e(t("incomplete_short", lang))}'
                    "</b></td><td></td>")
        else:
            mark = (f' <span class="capmark" title="{e("; ".join(cap_notes(g, lang)))}">▼</span>'
                    if g.capped else "")
            cell = (f'<td class="grade"><b>{e(g.graded_band.grade)}</b>{mark}</td>'
                    f'<td class="num"><b>{_pts(g.graded_total, lang)}</b></td>')
        body.append(head + cell + who_cell)
        for p in rubric.principles:
            pg = g.principle_grades[p]
            body.append(f'<td class="st {pg.status}" title="{e(word(pg.status, lang))}">'
                        f"{MARK[pg.status]} {_pts(pg.points, lang)}</td>")
        if g.state == INCOMPLETE:
            body.append("<td></td><td></td>")
        else:
            body.append(f'<td class="num">{_minus(g.deductions, lang)}</td>'
                        f'<td class="num">{_minus(g.function_deductions, lang)}</td>')
        body.append("</tr>" + why)
    body.append("</tbody></table></div></section>")

    graded = [g for g in grades if g.graded]
    if graded:
        counts = {b.grade: 0 for b in rubric.bands}
        for g in graded:
            counts[g.graded_band.grade] += 1
        average = sum(g.graded_total for g in graded) / len(graded)
        body.append(f'<section class="card"><h2>{e(word("distribution", lang))}</h2>'
                    f'<p class="sub">{e(word("average", lang))}: <b>{_pts(average, lang, exact=False)}</b> '
                    f"({len(graded)} {e(word('cases', lang))})</p><table class=\"frequent\"><tbody>")
        widest = max(counts.values()) or 1
        for grade, n in counts.items():
            bar = int(300 * n / widest)
            body.append(f"<tr><th scope=\"row\">{e(grade)}</th><td class=\"num\">{n}</td><td>"
                        f'<svg width="310" height="16" role="img" aria-label="{n}">'
                        f'<rect width="{bar}" height="14" y="1" rx="2" fill="#2b5d9b"/></svg>'
                        "</td></tr>")
        body.append("</tbody></table></section>")
    body.append(_trainees_html(grades, rubric, lang, roster))
    unused = unused_lines(grades, lang)
    if unused:
        items = "".join(f"<li>{e(line)}</li>" for line in unused)
        body.append(f'<section class="card notice"><h2>{e(t("unused", lang).capitalize())}</h2>'
                    f"<ul>{items}</ul></section>")
    items = "".join(f"<li>{e(line[2:])}</li>" for line in rubric_lines(rubric, lang))
    body.append(f'<section class="card"><h2>{e(word("rubric", lang))}</h2><ul>{items}</ul></section>')
    if redacted:
        body.append(f'<footer>{e(t("redacted", lang))}</footer>')
    body.append("</main>")
    return page(title, lang, "\n".join(body))


def trainee_notes(row, lang: str) -> list[str]:
    extra = [t("capped_n", lang, n=row.capped)] if row.capped else []
    if row.lowered:
        extra.append(t("average_reaches", lang, grade=row.uncapped.grade))
    if row.incomplete:
        extra.append(t("incomplete_n", lang, n=row.incomplete))
    if row.meeting:
        extra.append(t("meeting", lang))
    if row.code is None:
        extra.append(t("not_averaged", lang))
    return extra


def _trainees_html(grades, rubric, lang, roster) -> str:
    from asas.engine.report.formats.html import e
    rows = by_trainee(grades, rubric)
    if not rows:
        return ""
    body = []
    if rows:
        body.append(f'<section class="card"><h2>{e(t("by_trainee", lang))}</h2>'
                    f'<table class="frequent" id="trainees"><thead><tr>'
                    f"<th scope=\"col\">{e(word('trainee', lang))}</th>"
                    f"<th class=\"num\" scope=\"col\">{e(t('cases', lang))}</th>"
                    f"<th class=\"num\" scope=\"col\">{e(t('average', lang))}</th>"
                    f"<th scope=\"col\">{e(t('grade', lang))}</th>"
                    f"<th scope=\"col\">{e(t('reason', lang))}</th></tr></thead><tbody>")
        for row in rows:
            who = trainee_name(row.code, roster, lang) if row.code else t("no_code", lang)
            extra = trainee_notes(row, lang)
            avg = "" if row.average is None else _pts(row.average, lang, exact=False)
            band = "" if row.band is None else row.band.grade
            mark = ' <span class="capmark">▼</span>' if row.lowered else ""
            body.append(f"<tr><td>{e(who)}</td><td class=\"num\">{row.graded}</td>"
                        f"<td class=\"num\">{avg}</td><td><b>{e(band)}</b>{mark}</td>"
                        f"<td>{e('; '.join(extra))}</td></tr>")
        body.append("</tbody></table></section>")
    return "".join(body)


def render(grades: list[CaseGrade], rubric: Rubric, fmt: str, lang: str = "en",
           roster: Roster = EMPTY, csv_locale: str = "intl", redact: bool = False) -> str:
    """The gradebook in text format ``fmt``, through the format registry
    (engine/report/formats: ``GRADE``)."""
    from asas.engine.report.formats import GRADE, GradeOptions
    text = GRADE[fmt].render(grades, lang, GradeOptions(rubric, roster, csv_locale, redact))
    if not isinstance(text, str):
        raise ValueError(f"{fmt} is not a text format")
    return text
