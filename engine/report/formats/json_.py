"""--format json: the contract of shared/spec/report-format.md.

A filtered report (``--select``/``--ignore``) records the selection in
``tool.selection`` (``{"select": [...] | null, "ignore": [...] | null}``), an addition
to the contract, absent from a complete report.

``stream`` writes the same text as ``render``, byte for byte, one case at a time as
results arrive, so a batch of any size is reported without being held in memory.
"""

import json
from json.encoder import encode_basestring as _string  # C (c_encode_basestring), else Python

from asas.engine.judge.profile import lookup
from asas.engine.report.contract import Tally, case_dict, report_dict, tool_dict
from asas.engine.report.rendered import piece_of


def _tool(lang: str, selection, profile=None) -> dict:
    tool = tool_dict(lang, profile)
    if selection is not None:
        tool["selection"] = selection.as_dict()
    return tool


def render(results, lang: str, selection=None) -> str:
    report = report_dict(results, lang)
    if selection is not None:
        report["tool"]["selection"] = selection.as_dict()
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


def _nested(value, level: int) -> str:
    """``value`` exactly as ``json.dumps(value, ensure_ascii=False, indent=2)`` writes it,
    ``level`` levels down.  json's own encoder is pure Python once ``indent`` is given;
    this one does the same in a quarter of the time, and hands anything it does not
    know to json.dumps."""
    out: list[str] = []
    _write(value, "\n" + "  " * level, out)
    return "".join(out)


def _write(value, newline: str, out: list) -> None:
    cls = value.__class__
    if cls is str:
        out.append(_string(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif cls is int:
        out.append(int.__repr__(value))
    elif cls is float and value == value and value not in (float("inf"), float("-inf")):
        out.append(float.__repr__(value))
    elif cls is dict and all(k.__class__ is str for k in value):
        if not value:
            out.append("{}")
            return
        inner = newline + "  "
        out.append("{")
        first = True
        for k, v in value.items():
            out.append(inner if first else "," + inner)
            first = False
            out.append(_string(k))
            out.append(": ")
            _write(v, inner, out)
        out.append(newline + "}")
    elif cls is list or cls is tuple:
        if not value:
            out.append("[]")
            return
        inner = newline + "  "
        out.append("[")
        first = True
        for v in value:
            out.append(inner if first else "," + inner)
            first = False
            _write(v, inner, out)
        out.append(newline + "]")
    else:   # what json does with anything else (subclasses, NaN, odd keys), as json does it
        out.append(json.dumps(value, ensure_ascii=False, indent=2).replace(
            "\n", newline))


def fragment(r, lang: str, index: int = 0) -> str:
    """What ``stream`` writes for one case (engine/report/rendered.py)."""
    return _nested(case_dict(r, lang), 2)


def stream(results, lang: str, out, interrupted=lambda: None, selection=None,
           profile=None) -> None:
    """Write the report of ``results`` (any iterable) to the text stream ``out``.
    If the run was interrupted (``interrupted()`` gives a note), the summary says so:
    ``"interrupted": true``, an addition to the contract."""
    tally = Tally()
    chosen = lookup(profile)        # written before the results: the run's profile
    out.write(f'{{\n  "tool": {_nested(_tool(lang, selection, chosen), 1)},\n'
              f'  "principles": {_nested(list(chosen.principles), 1)},\n  "cases": [')
    first = True
    for r in results:
        tally.add(r)
        out.write(("\n    " if first else ",\n    ") + piece_of(r, fragment, lang))
        first = False
    summary = tally.summary()
    if interrupted():
        summary["interrupted"] = True
    out.write(("]" if first else "\n  ]") + f',\n  "summary": {_nested(summary, 1)}\n}}\n')
