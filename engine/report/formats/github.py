"""--format github: GitHub Actions workflow commands, one annotation per finding and
per error of an invalid file::

    ::error file=cases/ki-07.yaml,line=12,col=5,title=KSR001 Voluntariness not reinforced::…

violation and invalid files are ``error``, risk ``warning``, advice ``notice``.
"""

from __future__ import annotations

from asas.engine.report.formats._common import one_line, rows_of, streamed_text
from asas.engine.report.rendered import piece_of
from asas.engine.report.safe import safe_name, safe_text

LEVEL = {"violation": "error", "risk": "warning", "advice": "notice", "error": "error"}


def _data(text: str) -> str:
    """Escaping of a command's message (the runner decodes %25, %0D, %0A)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    """Escaping of a property value: also ``:`` and ``,``, which end it."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _line(r) -> str:
    title = f"{r.id} {safe_text(one_line(r.title))}"
    message = safe_text(one_line(r.message))
    if r.recommendation:
        message += "\n→ " + safe_text(one_line(r.recommendation))
    return (f"::{LEVEL[r.severity]} file={_prop(safe_name(r.file))},line={r.line},col={r.column},"
            f"title={_prop(title)}::{_data(message)}\n")


def render(results, lang: str, selection=None) -> str:
    return streamed_text(stream, results, lang, selection=selection)


def stream(results, lang: str, out, selection=None) -> None:
    """A filtered report (``--select``/``--ignore``) starts with a ``::notice::`` that
    says so."""
    if selection is not None:
        from asas.engine.report.formats._common import selection_text
        out.write(f"::notice title=asas::{_data(selection_text(selection, lang))}\n")
    for index, r in enumerate(results):
        out.write(piece_of(r, fragment, lang, index))


def fragment(r, lang: str, index: int = 0) -> str:
    """What ``stream`` writes for one case (engine/report/rendered.py)."""
    return "".join(_line(row) for row in rows_of(r, lang, index)[1])
