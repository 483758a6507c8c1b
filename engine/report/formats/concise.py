"""--format concise: ``file:line:col: ID message``, one line per finding and per error
of an invalid file (ID ``INVALID``), for editors' quickfix lists and grep."""

from __future__ import annotations

from asas.engine.report.formats._common import one_line, report_rows


def render(results, lang: str, **_) -> str:
    _, found = report_rows(results, lang)
    return "".join(f"{r.file}:{r.line}:{r.column}: {r.id} {one_line(r.message)}\n"
                   for r in found)
