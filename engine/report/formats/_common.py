"""What several formats share: one flat row per finding and per error, drawn from
``report_dict`` (the single source of every format), and the few facts about a case
that the report dict does not carry (title, trainee code, first session date).

Invalid case files have no rule to report, so their errors carry the pseudo-rule
``INVALID_ID`` in every line-oriented format (concise, csv, junit, sarif, github).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from asas.engine.judge.verdict import CaseResult
from asas.engine.report.contract import SEVERITY_ORDER, report_dict

INVALID_ID = "INVALID"

# XML 1.0 forbids most C0 controls (YAML lets a file smuggle them in through "\x01").
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SPACE = re.compile(r"\s+")


def clean(text) -> str:
    """Text with characters XML 1.0 forbids removed (also right for HTML)."""
    return _NOT_XML.sub("", "" if text is None else str(text))


def one_line(text) -> str:
    """Text on one line: every run of whitespace (newlines too) becomes one space."""
    return _SPACE.sub(" ", clean(text)).strip()


def error_message(error: dict) -> str:
    return f"{error['path']}: {error['message']}" if error["path"] else error["message"]


@dataclass(frozen=True)
class Row:
    """One finding, or one error of an invalid file, as line-oriented formats see it."""
    file: str
    case_id: str | None
    line: int
    column: int
    id: str
    severity: str            # violation | risk | advice | error (invalid file)
    principle: str | None
    certainty: float | None
    session: int | None
    title: str
    message: str
    recommendation: str
    source: str
    derived_from: tuple[str, ...]
    case_index: int          # position of the case in the report

    @property
    def invalid(self) -> bool:
        return self.id == INVALID_ID


def rows(report: dict, invalid_title: str) -> list[Row]:
    """Every finding and every error of ``report`` (a ``report_dict``), case by case;
    a case's findings most severe first, then by session and line."""
    out: list[Row] = []
    for index, case in enumerate(report["cases"]):
        if not case["valid"]:
            for e in case["errors"]:
                out.append(Row(case["file"], case["case_id"], e["line"] or 1, e["column"] or 1,
                               INVALID_ID, "error", None, None, None, invalid_title,
                               error_message(e), "", "", (), index))
            continue
        ordered = sorted(case["findings"], key=lambda f: (SEVERITY_ORDER[f["severity"]],
                                                          f["session"] or 0, f["line"], f["id"]))
        for f in ordered:
            out.append(Row(case["file"], case["case_id"], f["line"], f["column"], f["id"],
                           f["severity"], f["principle"], f["certainty"], f["session"],
                           f["title"], f["message"], f["recommendation"], f["source"],
                           tuple(f["derived_from"]), index))
    return out


def report_rows(results: list[CaseResult], lang: str) -> tuple[dict, list[Row]]:
    from asas.engine.i18n.words import word
    report = report_dict(results, lang)
    return report, rows(report, word("invalid", lang))
