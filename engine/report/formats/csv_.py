"""--format csv: one row per finding, plus one row per error of an invalid file
(``id`` INVALID, ``severity`` error).  The header is stable English keys, as in the
JSON report, so scripts can rely on it; titles and messages are in ``--lang``.

Spreadsheets run a cell that starts with ``= + - @`` as a formula, and a case file's
free text reaches some cells, so such text cells get a leading ``'`` (the usual
neutralisation); numbers are left alone.
"""

from __future__ import annotations

import csv
import io

from asas.engine.report.formats._common import one_line, rows_of, streamed_text
from asas.engine.report.rendered import piece_of

COLUMNS = ("file", "case_id", "line", "column", "id", "severity", "principle", "certainty",
           "session", "title", "message", "recommendation", "source", "derived_from")


def safe_cell(value) -> str:
    """A text cell a spreadsheet will show, not evaluate."""
    text = one_line(value) if value is not None else ""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def table(header, body) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(body)
    return buf.getvalue()


def _row(r) -> list:
    return [safe_cell(r.file), safe_cell(r.case_id), r.line, r.column, r.id, r.severity,
            r.principle or "", "" if r.certainty is None else f"{r.certainty:.2f}",
            "" if r.session is None else r.session, safe_cell(r.title), safe_cell(r.message),
            safe_cell(r.recommendation), safe_cell(r.source), " ".join(r.derived_from)]


SELECTION_ID = "SELECTION"


def render(results, lang: str, selection=None) -> str:
    return streamed_text(stream, results, lang, selection=selection)


def stream(results, lang: str, out, selection=None) -> None:
    """Rows written as each case arrives (a batch of any size in bounded memory).  A
    filtered report (``--select``/``--ignore``) starts with one row of ``id``
    SELECTION and ``severity`` note, whose message says which rules ran."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    if selection is not None:
        from asas.engine.report.formats._common import selection_text
        writer.writerow(["", "", "", "", SELECTION_ID, "note", "", "", "",
                         safe_cell(selection_text(selection, lang)), "", "", "", ""])
    for index, r in enumerate(results):
        out.write(piece_of(r, fragment, lang, index))


def fragment(r, lang: str, index: int = 0) -> str:
    """What ``stream`` writes for one case (engine/report/rendered.py): its rows."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(_row(row) for row in rows_of(r, lang, index)[1])
    return buf.getvalue()
