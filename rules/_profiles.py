"""The knowledge of a profile: the rule sets and catalogue of the rule modules it names
(engine/judge/profile.py reads the profile file; this module finds its rules).

A module named in a profile's ``rules`` is ``asas.rules.<name>``; its catalogue is its
``CATALOG`` and its rule set the class in ``asas.rules.RULESETS`` defined in it, or,
for a module not in the default knowledge base, its ``RULESET``.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from asas.engine.judge.profile import Profile, ProfileError


@dataclass(frozen=True)
class Knowledge:
    rulesets: tuple[type, ...]
    catalog: dict            # rule ID -> RuleDoc, as the profile reports it


_known: dict[tuple, Knowledge] = {}


def _module(name: str):
    if not name.isidentifier() or name.startswith("_"):
        raise ProfileError(f"'{name}' is not a rule module of rules/")
    try:
        return importlib.import_module(f"asas.rules.{name}")
    except ModuleNotFoundError as exc:
        if exc.name == f"asas.rules.{name}":
            raise ProfileError(f"no rule module rules/{name}.py") from None
        raise


def _ruleset(module) -> type:
    from asas.rules import RULESETS
    for ruleset in RULESETS:
        if ruleset.__module__ == module.__name__:
            return ruleset
    ruleset = getattr(module, "RULESET", None)
    if ruleset is None:
        raise ProfileError(f"{module.__name__} has no rule set")
    return ruleset


def knowledge(profile: Profile) -> Knowledge:
    """The rule sets and catalogue of ``profile`` (built once per process)."""
    key = (profile.name, profile.rules, tuple(sorted(profile.reassign.items())))
    if key not in _known:
        from asas.rules import CATALOG, RULESETS
        modules = [_module(name) for name in profile.rules]
        rulesets = tuple(_ruleset(m) for m in modules)
        catalog = {doc.id: doc for m in modules for doc in getattr(m, "CATALOG", ())}
        if rulesets == RULESETS and list(catalog) == list(CATALOG):
            rulesets, catalog = RULESETS, CATALOG     # the default knowledge base itself
        unknown = [rid for rid in profile.reassign if rid not in catalog]
        if unknown:
            raise ProfileError(f"profile {profile.name}: reassigns {', '.join(unknown)}, "
                               "which none of its rule modules documents")
        _known[key] = Knowledge(rulesets, profile.catalog(catalog))
    return _known[key]
