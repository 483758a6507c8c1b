"""Checking one case file end to end: load, validate, infer, judge."""

from __future__ import annotations

from asas.engine.judge.verdict import CaseResult, invalid, judge
from asas.engine.load.loader import load_file
from asas.engine.load.types import Limits, LoadedCase


def catalog_of(profile=None) -> dict:
    """The rule catalogue as ``profile`` (a name, a path or a Profile; None: the
    default) reports it."""
    from asas.engine.judge.profile import Profile, lookup
    if not isinstance(profile, Profile):
        profile = lookup(profile)
    if profile.is_default:
        from asas.rules import CATALOG
        return CATALOG
    from asas.rules._profiles import knowledge
    return knowledge(profile).catalog


def known_rules(profile=None) -> set:
    """Every rule ID of asas: the profile's, and those of every bundled profile (a case
    file may name a rule that only another profile judges)."""
    from asas.engine.judge.profile import available
    known = set(catalog_of(profile))
    for name in available():
        known |= set(catalog_of(name))
    return known


def check_loaded(loaded: LoadedCase, select=None, ignore=None, profile=None,
                 suppress: bool = True, view: bool = True) -> CaseResult:
    """``profile``: a name, a path or a Profile (engine/judge/profile.py); None: the
    default.  ``suppress`` False: the case file's suppressions (``asas: ignore:``) are
    not applied (``asas check --no-suppress``).  ``view`` False: no verbatim view in
    the result (judge())."""
    from asas.engine.judge.profile import Profile, lookup
    if not isinstance(profile, Profile):
        profile = lookup(profile)
    if not loaded.valid:
        return invalid(loaded, profile)
    if loaded.model.asas.ignore:
        from asas.engine.judge.suppress import unknown_rules
        catalog = catalog_of(profile)
        if any(s.rule not in catalog for s in loaded.model.asas.ignore):
            errors = unknown_rules(loaded, known_rules(profile))
            if errors:
                import dataclasses
                return invalid(dataclasses.replace(loaded, errors=errors), profile)
    from asas.engine.reason.runner import OverBudget, infer
    try:
        inference = infer(loaded, profile=None if profile.is_default else profile)
    except OverBudget as over:      # a located error, as the loader's are
        import dataclasses
        return invalid(dataclasses.replace(loaded, errors=[over.error]), profile)
    if profile.is_default:
        from asas.rules import CATALOG
        return judge(loaded, inference, CATALOG, select, ignore, suppress=suppress, view=view)
    return judge(loaded, inference, catalog_of(profile), select, ignore, profile,
                 suppress=suppress, view=view)


def check_file(path: str, select=None, ignore=None, limits: Limits = Limits(),
               profile=None, suppress: bool = True) -> CaseResult:
    return check_loaded(load_file(path, limits), select, ignore, profile, suppress)
