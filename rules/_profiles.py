"""The knowledge of a profile: the rule sets and catalogue of the rule modules it names
(engine/judge/profile.py reads the profile file; this module finds its rules).

``default`` in a profile's ``rules`` is the default knowledge base (``asas.rules``:
its ``RULESETS`` and ``CATALOG``, whatever modules make it up).  Any other name is a
module ``asas.rules.<name>``: its catalogue is its ``CATALOG`` (or what it registered
with ``rules/_registry.py``) and its rule set the class in ``asas.rules.RULESETS``
defined in it, or, for a module outside the default knowledge base, its ``RULESET``.
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


def _docs(module, name: str) -> tuple:
    docs = getattr(module, "CATALOG", None)
    if docs is not None:
        return tuple(docs)
    try:                    # a module that registered its entries (rules/_registry.py)
        from asas.rules._registry import REGISTRY
    except ImportError:
        return ()
    registered = REGISTRY.modules.get(name)
    return tuple(registered.docs.values()) if registered is not None else ()


DEFAULT_KB = "default"


def knowledge(profile: Profile) -> Knowledge:
    """The rule sets and catalogue of ``profile`` (built once per process)."""
    key = (profile.name, profile.rules, tuple(sorted(profile.reassign.items())))
    if key not in _known:
        from asas.rules import CATALOG, RULESETS
        rulesets, catalog = [], {}
        for name in profile.rules:
            if name == DEFAULT_KB:
                rulesets += [r for r in RULESETS if r not in rulesets]
                catalog.update(CATALOG)
                continue
            module = _module(name)
            ruleset = _ruleset(module)
            if ruleset not in rulesets:
                rulesets.append(ruleset)
            catalog.update((doc.id, doc) for doc in _docs(module, name))
        rulesets = tuple(rulesets)
        if rulesets == RULESETS and list(catalog) == list(CATALOG):
            rulesets, catalog = RULESETS, CATALOG     # the default knowledge base itself
        unknown = [rid for rid in profile.reassign if rid not in catalog]
        if unknown:
            raise ProfileError(f"profile {profile.name}: reassigns {', '.join(unknown)}, "
                               "which none of its rule modules documents")
        _known[key] = Knowledge(rulesets, profile.catalog(catalog))
    return _known[key]
