"""--format concise: ``file:line:col: ID message``, one line per finding and per error
of an invalid file (ID ``INVALID``), for editors' quickfix lists and grep.

A file name or message is shown through engine/report/safe.py: a newline, carriage
return or escape sequence in it is shown escaped, so it cannot forge a record.  A
filtered report (``--select``/``--ignore``) starts with a line saying so, which is not
of the ``file:line:col:`` form and so is skipped by quickfix parsers.
"""

from __future__ import annotations

from asas.engine.report.formats._common import one_line, streamed_rows, streamed_text
from asas.engine.report.safe import safe_name, safe_text


def render(results, lang: str, selection=None) -> str:
    return streamed_text(stream, results, lang, selection=selection)


def stream(results, lang: str, out, selection=None) -> None:
    if selection is not None:
        from asas.engine.report.formats._common import selection_text
        out.write(f"asas: {selection_text(selection, lang)}\n")
    for _, found in streamed_rows(results, lang):
        out.write("".join(f"{safe_name(r.file)}:{r.line}:{r.column}: {r.id} "
                          f"{safe_text(one_line(r.message))}\n" for r in found))
