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

from asas.engine.report.formats._common import one_line, report_rows

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


def render(results, lang: str, **_) -> str:
    _, found = report_rows(results, lang)
    body = [[safe_cell(r.file), safe_cell(r.case_id), r.line, r.column, r.id, r.severity,
             r.principle or "", "" if r.certainty is None else f"{r.certainty:.2f}",
             "" if r.session is None else r.session, safe_cell(r.title), safe_cell(r.message),
             safe_cell(r.recommendation), safe_cell(r.source), " ".join(r.derived_from)]
            for r in found]
    return table(COLUMNS, body)
