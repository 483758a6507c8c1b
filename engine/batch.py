"""Checking many files: each file on its own, a bad one reported and the rest checked."""

from __future__ import annotations

from .check import check_file
from .discover import case_paths
from .load import Limits
from .verdict import CaseResult

FAIL_RANK = {"violation": 0, "risk": 1, "advice": 2}


def check_paths(paths, select=None, ignore=None, limits: Limits = Limits()) -> list[CaseResult]:
    return [check_file(p, select, ignore, limits) for p in case_paths(paths)]


def exit_code(results: list[CaseResult], fail_on: str) -> int:
    """2 if a file is invalid; else 1 if a finding reaches ``fail_on``; else 0."""
    if any(not r.valid for r in results):
        return 2
    if fail_on == "never":
        return 0
    threshold = FAIL_RANK[fail_on]
    hit = any(FAIL_RANK[f.doc.severity] <= threshold for r in results for f in r.findings)
    return 1 if hit else 0
