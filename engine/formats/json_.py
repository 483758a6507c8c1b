"""--format json: the contract of shared/spec/report-format.md.

``stream`` writes the same text as ``render``, byte for byte, one case at a time as
results arrive, so a batch of any size is reported without being held in memory.
"""

import json

from ..catalog import PRINCIPLES
from ..report import Tally, case_dict, report_dict, tool_dict


def render(results, lang: str, **_) -> str:
    return json.dumps(report_dict(results, lang), ensure_ascii=False, indent=2) + "\n"


def _nested(value, level: int) -> str:
    """``value`` as json.dumps(indent=2) writes it ``level`` levels down."""
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * level)


def stream(results, lang: str, out, interrupted=lambda: None, **_) -> None:
    """Write the report of ``results`` (any iterable) to the text stream ``out``.
    If the run was interrupted (``interrupted()`` gives a note), the summary says so:
    ``"interrupted": true``, an addition to the contract."""
    tally = Tally()
    out.write(f'{{\n  "tool": {_nested(tool_dict(lang), 1)},\n'
              f'  "principles": {_nested(list(PRINCIPLES), 1)},\n  "cases": [')
    first = True
    for r in results:
        tally.add(r)
        out.write(("\n    " if first else ",\n    ") + _nested(case_dict(r, lang), 2))
        first = False
    summary = tally.summary()
    if interrupted():
        summary["interrupted"] = True
    out.write(("]" if first else "\n  ]") + f',\n  "summary": {_nested(summary, 1)}\n}}\n')
