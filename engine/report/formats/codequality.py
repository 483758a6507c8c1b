"""--format gitlab: a GitLab Code Quality report (``artifacts:reports:codequality``), the
JSON array GitLab documents and shows in the merge request's Code Quality widget and on
the changed lines of its diff (as ``ruff --output-format gitlab`` writes it).

One object per finding and per error of an invalid file::

    {"description": "KSR001: ...", "check_name": "KSR001", "fingerprint": "…",
     "severity": "major", "location": {"path": "cases/ki-07.yaml", "lines": {"begin": 12}}}

- ``severity``: violation ``critical``, risk ``major``, advice ``info``, an invalid file
  ``blocker`` (GitLab's scale: info, minor, major, critical, blocker);
- ``location.path``: relative to the repository root (the folder above holding
  ``.git``; else the current folder), as GitLab links it to the file; a file outside
  the repository keeps its absolute path, standard input is ``stdin``;
- ``fingerprint``: stable from run to run (rule ID, path, session, the finding's
  evidence paths; never the line: engine/report/formats/_ci.py), different for each
  object, since GitLab keeps one issue per fingerprint;
- ``content.body``: the recommendation and the source (Code Climate's field; GitLab
  itself shows the description).
"""

from __future__ import annotations

import json

from asas.engine.report.formats._ci import (
    Fingerprints,
    error_parts,
    finding_parts,
    repo_root,
    report_path,
)
from asas.engine.report.formats._common import INVALID_ID, clean, error_message, one_line
from asas.engine.report.safe import display_name

SEVERITY = {"violation": "critical", "risk": "major", "advice": "info"}
INVALID_SEVERITY = "blocker"


def _issues(case: dict, path: str, lang: str = "en") -> list[dict]:
    prints = Fingerprints()
    out = []
    if not case["valid"]:
        for e in case["errors"]:
            out.append({
                "description": f"{INVALID_ID}: {one_line(error_message(e, lang))}",
                "check_name": INVALID_ID,
                "fingerprint": prints.of(*error_parts(e, path)),
                "severity": INVALID_SEVERITY,
                "location": {"path": path, "lines": {"begin": max(1, e["line"] or 1)}},
            })
        return out
    for f in case["findings"]:
        out.append({
            "description": f"{f['id']}: {one_line(f['message'])}",
            "check_name": f["id"],
            "fingerprint": prints.of(*finding_parts(f, path)),
            "severity": SEVERITY[f["severity"]],
            "location": {"path": path, "lines": {"begin": max(1, f["line"] or 1)}},
            "content": {"body": f"{clean(f['recommendation'])}\n\n¶ {clean(f['source'])}"},
        })
    return out


def render(results, lang: str, selection=None) -> str:
    from asas.engine.report.formats._common import streamed_text
    return streamed_text(stream, results, lang, selection=selection)


def stream(results, lang: str, out, selection=None) -> None:
    """The array as ``json.dumps(issues, indent=2)`` would write it, one case at a time.
    (A filtered report is not marked: the format has no place for it.)"""
    from asas.engine.report.contract import case_dict
    root = repo_root()
    first = True
    for r in results:
        case = case_dict(r, lang)
        for issue in _issues(case, display_name(report_path(r.file, root)), lang):
            text = json.dumps(issue, ensure_ascii=False, indent=2).replace("\n", "\n  ")
            out.write(("[\n  " if first else ",\n  ") + text)
            first = False
    out.write("[]\n" if first else "\n]\n")
