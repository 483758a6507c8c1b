"""--format concise: ``file:line:col: ID message``, one line per finding and per error
of an invalid file (ID ``INVALID``), for editors' quickfix lists and grep.

A file name or message is shown through engine/report/safe.py: a newline, carriage
return or escape sequence in it is shown escaped, so it cannot forge a record.  A
filtered report (``--select``/``--ignore``) starts with a line saying so, which is not
of the ``file:line:col:`` form and so is skipped by quickfix parsers.
"""

from __future__ import annotations

from asas.engine.report.formats._common import one_line, rows_of, streamed_text
from asas.engine.report.rendered import piece_of
from asas.engine.report.safe import safe_name, safe_text


def render(results, lang: str, selection=None) -> str:
    return streamed_text(stream, results, lang, selection=selection)


def stream(results, lang: str, out, selection=None) -> None:
    if selection is not None:
        from asas.engine.report.formats._common import selection_text
        out.write(f"asas: {selection_text(selection, lang)}\n")
    for index, r in enumerate(results):
        out.write(piece_of(r, fragment, lang, index))


def fragment(r, lang: str, index: int = 0) -> str:
    """What ``stream`` writes for one case (engine/report/rendered.py)."""
    _, found = rows_of(r, lang, index)
    return "".join(f"{safe_name(row.file)}:{row.line}:{row.column}: {row.id} "
                   f"{safe_text(one_line(row.message))}\n" for row in found)
