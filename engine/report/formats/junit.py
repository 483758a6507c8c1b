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
from asas.engine.judge.terms import SEVERITY_RANK
from asas.engine.report.formats._common import (
    INVALID_ID,
    clean,
    one_line,
    rows_of,
    selection_text,
    streamed_text,
)
from asas.engine.report.rendered import piece_of
from asas.engine.report.safe import safe_name

RANK = SEVERITY_RANK
THRESHOLD = {**SEVERITY_RANK, "never": -1}


def _name_part(text: str) -> str:
    """A case label without dots, which Jenkins reads as package separators."""
    return re.sub(r"[.\s]+", "_", one_line(text)) or "case"


def render(results, lang: str, fail_on: str = "risk", selection=None) -> str:
    """The whole document (a filtered report, ``--select``/``--ignore``, gets
    ``<properties>`` with ``asas.select`` and ``asas.ignore`` in every suite).  A file
    name is shown through engine/report/safe.py, so any name gives well-formed XML."""
    return streamed_text(stream, results, lang, fail_on=fail_on, selection=selection)


def stream(results, lang: str, out, fail_on: str = "risk", selection=None) -> None:
    """The document as ``ET.indent`` + ``ET.tostring`` of the whole tree would write it,
    one suite at a time: suites go to a temporary file (memory up to a few MB, disk
    beyond) while the totals are counted, then the root element and the suites are
    written.  Memory stays bounded for a batch of any size."""
    import tempfile
    totals = {"tests": 0, "failures": 0, "errors": 0}
    count = 0
    with tempfile.SpooledTemporaryFile(max_size=4 << 20, mode="w+", encoding="utf-8",
                                       errors="surrogateescape", newline="") as spool:
        for index, r in enumerate(results):
            text, counts = piece_of(r, fragment, lang, index, fail_on=fail_on,
                                    selection=selection)
            for key, n in zip(totals, counts):
                totals[key] += n
            spool.write(text)
            count += 1
        root = ET.Element("testsuites", name="asas")
        for key, n in totals.items():
            root.set(key, str(n))
        root.set("time", "0")
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        if not count:
            out.write(ET.tostring(root, encoding="unicode") + "\n")
            return
        head = ET.tostring(root, encoding="unicode")
        out.write(head[:-3] + ">")           # <testsuites ... /> opened
        spool.seek(0)
        while True:
            chunk = spool.read(1 << 16)
            if not chunk:
                break
            out.write(chunk)
        out.write("\n</testsuites>\n")


def fragment(r, lang: str, index: int = 0, fail_on: str = "risk",
             selection=None) -> tuple[str, tuple[int, int, int]]:
    """What ``stream`` writes for one case (engine/report/rendered.py): its suite, and
    its tests, failures and errors for the totals."""
    case, mine = rows_of(r, lang, index)
    counts = {"tests": 0, "failures": 0, "errors": 0}
    suite = _suite(case, mine, lang, THRESHOLD.get(fail_on, 1), selection, counts)
    ET.indent(suite, level=1)
    return ("\n  " + ET.tostring(suite, encoding="unicode"),
            (counts["tests"], counts["failures"], counts["errors"]))


def _suite(case: dict, mine: list, lang: str, threshold: int, selection, totals: dict):
    file = safe_name(case["file"])
    label = _name_part(case["case_id"] or file.rsplit("/", 1)[-1].rsplit(".", 1)[0])
    suite = ET.Element("testsuite", name=file)
    if selection is not None:
        props = ET.SubElement(suite, "properties")
        for key, codes in selection.as_dict().items():
            if codes:
                ET.SubElement(props, "property", name=f"asas.{key}", value=",".join(codes))
        ET.SubElement(props, "property", name="asas.note",
                      value=selection_text(selection, lang))
    counts = {"tests": 0, "failures": 0, "errors": 0}
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
    return suite
