"""--format github: GitHub Actions workflow commands, one annotation per finding and
per error of an invalid file::

    ::error file=cases/ki-07.yaml,line=12,col=5,title=KSR001 Voluntariness not reinforced::…

violation and invalid files are ``error``, risk ``warning``, advice ``notice``.
"""

from __future__ import annotations

from asas.engine.report.formats._common import one_line, report_rows

LEVEL = {"violation": "error", "risk": "warning", "advice": "notice", "error": "error"}


def _data(text: str) -> str:
    """Escaping of a command's message (the runner decodes %25, %0D, %0A)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    """Escaping of a property value: also ``:`` and ``,``, which end it."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(results, lang: str, **_) -> str:
    _, found = report_rows(results, lang)
    lines = []
    for r in found:
        title = f"{r.id} {one_line(r.title)}"
        message = one_line(r.message)
        if r.recommendation:
            message += "\n→ " + one_line(r.recommendation)
        lines.append(f"::{LEVEL[r.severity]} file={_prop(r.file)},line={r.line},col={r.column},"
                     f"title={_prop(title)}::{_data(message)}\n")
    return "".join(lines)
