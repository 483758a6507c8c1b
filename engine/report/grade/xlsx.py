"""The gradebook as an Excel workbook (``asas grade --format xlsx -o nilai.xlsx``).

Written with openpyxl (MIT).  Numbers are numbers (Excel shows them with the reader's
own decimal separator, so an Indonesian Excel shows 72,5; a principle's points exact,
6,25, so that a row's SUM() is its total), the header row is frozen and
filtered, the columns are sized to their content, and the grade cell is coloured by its
band (a capped grade, an incomplete write-up and an invalid file have colours of their
own).  Headers and values are in the report's language.  A second sheet is one row per
trainee; a third lists the rubric.  Text that would start a formula is kept as text.
"""

from __future__ import annotations

import io

from asas.engine.i18n.words import word
from asas.engine.report.grade.grading import INCOMPLETE, INVALID, CaseGrade, by_trainee
from asas.engine.report.grade.render import (
    csv_header,
    notes,
    rubric_lines,
    state_word,
    trainee_notes,
)
from asas.engine.report.grade.roster import EMPTY, Roster
from asas.engine.report.grade.rubric import Rubric
from asas.engine.report.grade.texts import t
from asas.engine.report.safe import safe_text

# fills for the grade cell, best band first (light, so the black text keeps AA contrast)
BAND_FILLS = ("C6EFCE", "DDF2C4", "EAF1C0", "FFF2B3", "FFE0B3", "F8C9C4", "F4B0AA")
INCOMPLETE_FILL, INVALID_FILL, HEADER_FILL = "D9E2F3", "E7E6E6", "1F3864"


def _safe(text) -> str:
    """Text as a cell holds it: a file name that is not UTF-8 (lone surrogates) and the
    control characters XML forbids, which openpyxl refuses, shown escaped as the text
    report shows them (``\\xe9``, ``\\x1b``); a formula's first character kept as text."""
    text = safe_text("" if text is None else str(text))
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def render_xlsx(grades: list[CaseGrade], rubric: Rubric, lang: str = "en",
                roster: Roster = EMPTY) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = t("gradebook", lang)[:31]
    header = csv_header(lang, rubric.principles)
    ws.append(header)
    bold_white = Font(bold=True, color="FFFFFF")
    for cell in ws[1]:
        cell.font = bold_white
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    grade_col = header.index("nilai" if lang == "id" else "grade") + 1
    point_cols = {header.index(p) + 1 for p in rubric.principles}
    number_cols = {grade_col - 3, grade_col - 2, grade_col - 1, grade_col + 1}
    for g in grades:
        student = roster.student(g.code)
        row: list[str | float | None] = [_safe(g.file), _safe(g.case_id), _safe(g.code),
               _safe(student.display()) if student else None]
        if g.state == INVALID:
            row += [None] * len(rubric.principles) + [None, None, None, None, None]
        else:
            # exact points (6.25, not 6.2), so a SUM() of the row gives its total
            row += [round(g.principle_grades[p].points, 2) for p in rubric.principles]
            if g.graded:
                row += [round(g.deductions, 1), round(g.function_deductions, 1), g.graded_total,
                        _safe(g.graded_band.grade), g.graded_band.point]
            else:
                row += [None, None, None, _safe(t("incomplete_short", lang)), None]
        row += [state_word(g, lang), t("yes", lang) if g.meeting else None,
                _safe("; ".join(notes(g, lang))) or None]
        ws.append(row)
        cell = ws.cell(row=ws.max_row, column=grade_col)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center")
        if g.state == INVALID:
            fill = INVALID_FILL
        elif g.state == INCOMPLETE:
            fill = INCOMPLETE_FILL
        else:
            fill = BAND_FILLS[min(rubric.rank(g.graded_band) * len(BAND_FILLS) // max(len(rubric.bands), 1),
                                  len(BAND_FILLS) - 1)]
        cell.fill = PatternFill("solid", fgColor=fill)
    for column in number_cols | point_cols:
        for (cell,) in ws.iter_rows(min_row=2, min_col=column, max_col=column):
            cell.number_format = "0.0#" if column in point_cols else "0.0"
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    _widths(ws, get_column_letter, wide={len(header)})

    # one row per trainee
    ws2 = wb.create_sheet(t("by_trainee", lang)[:31])
    ws2.append([word("trainee", lang), t("name", lang), t("class", lang), t("guru_pamong", lang),
                t("cases", lang), t("average", lang), t("grade", lang), t("reason", lang)])
    for cell in ws2[1]:
        cell.font = bold_white
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
    for r in by_trainee(grades, rubric):
        s = roster.student(r.code)
        extra = trainee_notes(r, lang)
        ws2.append([_safe(r.code or t("no_code", lang)), _safe(s.display()) if s else None,
                    _safe(s.klass) if s else None, _safe(s.guru_pamong) if s else None,
                    r.graded, r.average, r.band.grade if r.band else None,
                    safe_text("; ".join(extra)) or None])
        if r.average is not None:
            ws2.cell(row=ws2.max_row, column=6).number_format = "0.0"
    ws2.freeze_panes = "A2"
    _widths(ws2, get_column_letter)

    ws3 = wb.create_sheet(t("rubric", lang)[:31])
    ws3.append([safe_text(f"{word('rubric', lang)}: {rubric.source}")])
    for line in rubric_lines(rubric, lang):
        ws3.append([safe_text(line[2:])])
    ws3.append([t("self_report", lang)])
    ws3.column_dimensions["A"].width = 110

    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _widths(ws, letter, wide=frozenset()):
    for i, column in enumerate(ws.columns, start=1):
        longest = max((len(str(c.value)) for c in column if c.value is not None), default=4)
        ws.column_dimensions[letter(i)].width = min(max(6, longest + 2), 80 if i in wide else 40)
