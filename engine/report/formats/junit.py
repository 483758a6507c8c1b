"""--format junit: JUnit XML as GitLab (``artifacts:reports:junit``) and Jenkins read it.

Every finding is visible in GitLab's test tab, whatever ``--fail-on`` says: GitLab shows
the text of a ``<failure>``, ``<error>`` or ``<skipped>`` element and drops everything
of a test that passed (``lib/gitlab/ci/parsers/test/junit.rb``).  So:

- one ``<testsuite>`` per case file, named by the file;
- one ``<testcase>`` per finding: ``classname`` ``asas.<case>.<principle>`` (Jenkins
  groups by case, then principle), ``name`` the rule ID, session and title.  A finding
  that reaches ``fail_on`` (``--fail-on``; without it risk and violation) is a
  ``<failure type="violation|risk|advice">``; one below it is ``<skipped>``: not a
  failure, yet listed with its text.  Both carry, as their text, the place
  (``file:line:column``), the severity and certainty, the message, the recommendation,
  the source (¶) and the findings it rests on; the ``message`` attribute is the message
  on one line;
- one passing ``<testcase>`` per upheld principle (``kesukarelaan (voluntariness):
  upheld``), so that a passed test always means an upheld principle and never a finding;
  a principle that cannot be assessed is ``<skipped>``, naming the findings that say
  what is missing;
- an invalid file is one testcase with an ``<error>`` listing all its errors.

Two flavours (``--junit-family``, as pytest's ``junit_family``):

- ``gitlab`` (the default): ``file`` and ``line`` on each ``<testcase>``, which GitLab
  links to the file (``skipped`` is counted on ``<testsuites>`` too);
- ``jenkins``: what the Jenkins xUnit plugin's strict schema (``junit-10.xsd``) accepts:
  no ``file``/``line`` on ``<testcase>`` (the file is the suite's ``file``), no
  ``skipped`` on ``<testsuites>``.
"""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET

from asas.engine.i18n.words import word
from asas.engine.judge.catalog import label
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
FAMILIES = ("gitlab", "jenkins")


def _name_part(text: str) -> str:
    """A case label without dots, which Jenkins reads as package separators."""
    return re.sub(r"[.\s]+", "_", one_line(text)) or "case"


def render(results, lang: str, fail_on: str = "risk", selection=None,
           family: str = "gitlab") -> str:
    """The whole document (a filtered report, ``--select``/``--ignore``, gets
    ``<properties>`` with ``asas.select`` and ``asas.ignore`` in every suite).  A file
    name is shown through engine/report/safe.py, so any name gives well-formed XML."""
    return streamed_text(stream, results, lang, fail_on=fail_on, selection=selection,
                         family=family)


def stream(results, lang: str, out, fail_on: str = "risk", selection=None,
           family: str = "gitlab") -> None:
    """The document as ``ET.indent`` + ``ET.tostring`` of the whole tree would write it,
    one suite at a time: suites go to a temporary file (memory up to a few MB, disk
    beyond) while the totals are counted, then the root element and the suites are
    written.  Memory stays bounded for a batch of any size."""
    import tempfile
    if family not in FAMILIES:
        raise ValueError(f"unknown JUnit family {family!r}: one of {', '.join(FAMILIES)}")
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    count = 0
    with tempfile.SpooledTemporaryFile(max_size=4 << 20, mode="w+", encoding="utf-8",
                                       errors="surrogateescape", newline="") as spool:
        for index, r in enumerate(results):
            text, counts = piece_of(r, fragment, lang, index, fail_on=fail_on,
                                    selection=selection, family=family)
            for key, n in zip(totals, counts):
                totals[key] += n
            spool.write(text)
            count += 1
        root = ET.Element("testsuites", name="asas")
        for key, n in totals.items():
            if key != "skipped" or family == "gitlab":
                root.set(key, str(n))
        root.set("time", "0")
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        if not count:
            out.write(ET.tostring(root, encoding="unicode") + "\n")
            return
        head = ET.tostring(root, encoding="unicode")
        out.write(head[:-3] + ">")           # <testsuites ... /> opened
        spool.seek(0)
        shutil.copyfileobj(spool, out)
        out.write("\n</testsuites>\n")


def fragment(r, lang: str, index: int = 0, fail_on: str = "risk", selection=None,
             family: str = "gitlab") -> tuple[str, tuple[int, ...]]:
    """What ``stream`` writes for one case (engine/report/rendered.py): its suite, and
    its tests, failures, errors and skipped for the totals."""
    case, mine = rows_of(r, lang, index)
    counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    suite = _suite(case, mine, lang, THRESHOLD.get(fail_on, 1), selection, counts, family)
    ET.indent(suite, level=1)
    return "\n  " + ET.tostring(suite, encoding="unicode"), tuple(counts.values())


class _Cases:
    """The testcases of one suite, each (classname, name) once: GitLab keys a test by
    suite, classname and name, and keeps only the last of equal keys."""

    def __init__(self, suite, file: str, family: str):
        self.suite, self.file, self.family = suite, file, family
        self.seen: dict[tuple[str, str], int] = {}
        self.counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}

    def add(self, name: str, classname: str, line: int, outcome: str | None = None,
            message: str = "", kind: str = "", text: str = ""):
        n = self.seen.get((classname, name), 0) + 1
        self.seen[(classname, name)] = n
        if n > 1:
            name = f"{name} #{n}"
        attrs = {"name": name, "classname": classname}
        if self.family == "gitlab":
            attrs.update(file=self.file, line=str(max(1, line or 1)))
        attrs["time"] = "0"
        tc = ET.SubElement(self.suite, "testcase", attrs)
        self.counts["tests"] += 1
        if outcome is not None:
            el = ET.SubElement(tc, outcome, message=message, type=kind)
            el.text = text
            self.counts[{"failure": "failures", "error": "errors",
                         "skipped": "skipped"}[outcome]] += 1
        return tc


def _principle_name(p: str, lang: str) -> str:
    gloss = label(p, "en") if lang != "id" else ""
    return f"{p} ({gloss})" if gloss and gloss != p else p


def _suite(case: dict, mine: list, lang: str, threshold: int, selection, totals: dict,
           family: str):
    file = safe_name(case["file"])
    label_ = _name_part(case["case_id"] or file.rsplit("/", 1)[-1].rsplit(".", 1)[0])
    suite = ET.Element("testsuite", name=file)
    if family == "jenkins":
        suite.set("file", file)
    if selection is not None:
        props = ET.SubElement(suite, "properties")
        for key, codes in selection.as_dict().items():
            if codes:
                ET.SubElement(props, "property", name=f"asas.{key}", value=",".join(codes))
        ET.SubElement(props, "property", name="asas.note",
                      value=selection_text(selection, lang))
    cases = _Cases(suite, file, family)
    if not case["valid"]:
        first = mine[0]
        cases.add(f"{INVALID_ID}: {word('invalid', lang)}", f"asas.{label_}.{INVALID_ID.lower()}",
                  first.line, "error", one_line(first.message), INVALID_ID,
                  "\n".join(f"{file}:{r.line}:{r.column}: {clean(r.message)}" for r in mine))
    else:
        for r in mine:
            where = f"{word('session', lang)} {r.session}" if r.session else word("case", lang)
            detail = [f"{file}:{r.line}:{r.column}: {r.id} [{word(r.severity, lang)}, "
                      f"{word('certainty', lang)} {r.certainty:.2f}]",
                      clean(r.message), f"→ {clean(r.recommendation)}", f"¶ {clean(r.source)}"]
            if r.derived_from:
                detail.append(f"{word('derived_from', lang)}: {', '.join(r.derived_from)}")
            outcome = "failure" if RANK[r.severity] <= threshold else "skipped"
            cases.add(f"{r.id} ({where}): {one_line(r.title)}",
                      f"asas.{label_}.{r.principle or 'fungsi'}", r.line, outcome,
                      one_line(r.message), r.severity, "\n".join(detail))
        for p, verdict in (case.get("principles") or {}).items():
            name = f"{_principle_name(p, lang)}: {word(verdict['status'], lang)}"
            if verdict["status"] == "upheld":
                cases.add(name, f"asas.{label_}.{p}", 1)
            elif verdict["status"] == "not_assessed":
                ids = ", ".join(verdict.get("findings") or ())
                note = f"{name}{f' ({ids})' if ids else ''}"
                cases.add(name, f"asas.{label_}.{p}", 1, "skipped", note, "not_assessed",
                          note)
        if not cases.counts["tests"]:
            cases.add(word("no_findings", lang), f"asas.{label_}", 1)
    for key, n in cases.counts.items():
        suite.set(key, str(n))
        totals[key] += n
    suite.set("time", "0")
    return suite
