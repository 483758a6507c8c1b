"""--format junit: JUnit XML as GitLab (``artifacts:reports:junit``) and Jenkins (the
JUnit plugin) read it.

- one ``<testsuite>`` per case file, named by the file;
- one ``<testcase>`` per (file, finding): ``classname`` ``asas.<case>.<principle>`` (so
  Jenkins groups by case, then principle), ``name`` the rule ID, session and title,
  ``file`` and ``line`` attributes for GitLab; a finding that reaches ``fail_on``
  (``--fail-on``; without it risk and violation) is a ``<failure>``, one below it
  passes with its message in ``<system-out>``;
- a valid file without findings has one passing testcase, so it is counted;
- an invalid file is one testcase with an ``<error>`` listing all its errors.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from asas.engine.i18n.words import word
from asas.engine.report.formats._common import INVALID_ID, clean, one_line, report_rows, \
    selection_text
from asas.engine.report.safe import safe_name

RANK = {"violation": 0, "risk": 1, "advice": 2}
THRESHOLD = {"violation": 0, "risk": 1, "advice": 2, "never": -1}


def _name_part(text: str) -> str:
    """A case label without dots, which Jenkins reads as package separators."""
    return re.sub(r"[.\s]+", "_", one_line(text)) or "case"


def render(results, lang: str, fail_on: str = "risk", selection=None) -> str:
    """The whole document (a filtered report, ``--select``/``--ignore``, gets
    ``<properties>`` with ``asas.select`` and ``asas.ignore`` in every suite).  A file
    name is shown through engine/report/safe.py, so any name gives well-formed XML."""
    report, found = report_rows(results, lang)
    threshold = THRESHOLD.get(fail_on, 1)
    by_case: dict[int, list] = {}
    for r in found:
        by_case.setdefault(r.case_index, []).append(r)

    root = ET.Element("testsuites", name="asas")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for index, case in enumerate(report["cases"]):
        file = safe_name(case["file"])
        label = _name_part(case["case_id"] or file.rsplit("/", 1)[-1].rsplit(".", 1)[0])
        suite = ET.SubElement(root, "testsuite", name=file)
        if selection is not None:
            props = ET.SubElement(suite, "properties")
            for key, codes in selection.as_dict().items():
                if codes:
                    ET.SubElement(props, "property", name=f"asas.{key}", value=",".join(codes))
            ET.SubElement(props, "property", name="asas.note",
                          value=selection_text(selection, lang))
        counts = {"tests": 0, "failures": 0, "errors": 0}
        mine = by_case.get(index, [])
        if not case["valid"]:
            first = mine[0]
            tc = ET.SubElement(suite, "testcase", name=f"{INVALID_ID}: {word('invalid', lang)}",
                               classname=f"asas.{label}.{INVALID_ID.lower()}", file=file,
                               line=str(first.line), time="0")
            err = ET.SubElement(tc, "error", message=one_line(first.message), type=INVALID_ID)
            err.text = "\n".join(f"{file}:{r.line}:{r.column}: {clean(r.message)}" for r in mine)
            counts["tests"] += 1
            counts["errors"] += 1
        elif not mine:
            ET.SubElement(suite, "testcase", name=word("no_findings", lang),
                          classname=f"asas.{label}", file=file, line="1", time="0")
            counts["tests"] += 1
        for r in mine if case["valid"] else ():
            where = f"{word('session', lang)} {r.session}" if r.session else word("case", lang)
            tc = ET.SubElement(suite, "testcase",
                               name=f"{r.id} ({where}): {one_line(r.title)}",
                               classname=f"asas.{label}.{r.principle or 'fungsi'}",
                               file=file, line=str(r.line), time="0")
            detail = [f"{file}:{r.line}:{r.column}: {r.id} [{word(r.severity, lang)}, "
                      f"{word('certainty', lang)} {r.certainty:.2f}]",
                      clean(r.message), f"→ {clean(r.recommendation)}", f"¶ {clean(r.source)}"]
            if r.derived_from:
                detail.append(f"{word('derived_from', lang)}: {', '.join(r.derived_from)}")
            if RANK[r.severity] <= threshold:
                failure = ET.SubElement(tc, "failure", message=one_line(r.message),
                                        type=r.severity)
                failure.text = "\n".join(detail)
                counts["failures"] += 1
            else:
                ET.SubElement(tc, "system-out").text = "\n".join(detail)
            counts["tests"] += 1
        for key, n in counts.items():
            suite.set(key, str(n))
            totals[key] += n
        suite.set("skipped", "0")
        suite.set("time", "0")
    for key, n in totals.items():
        root.set(key, str(n))
    root.set("time", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
