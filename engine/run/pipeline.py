"""Checking one case file end to end: load, validate, infer, judge."""

from __future__ import annotations

from asas.engine.load.types import Limits, LoadedCase
from asas.engine.load.loader import load_file
from asas.engine.judge.verdict import CaseResult, invalid, judge


def check_loaded(loaded: LoadedCase, select=None, ignore=None) -> CaseResult:
    if not loaded.valid:
        return invalid(loaded)
    from asas.rules import CATALOG
    from asas.engine.reason.runner import OverBudget, infer
    try:
        inference = infer(loaded)
    except OverBudget as over:      # a located error, as the loader's are
        import dataclasses
        return invalid(dataclasses.replace(loaded, errors=[over.error]))
    return judge(loaded, inference, CATALOG, select, ignore)


def check_file(path: str, select=None, ignore=None, limits: Limits = Limits()) -> CaseResult:
    return check_loaded(load_file(path, limits), select, ignore)
