"""The knowledge of a profile: the rule sets and catalogue of the rule modules it names
(engine/judge/profile.py reads the profile file; this module finds its rules).

``default`` in a profile's ``rules`` is the default knowledge base (``asas.rules``:
its ``RULESETS`` and ``CATALOG``, whatever modules make it up).  Any other name is a
module ``asas.rules.<name>``, imported when a profile first needs it: what it
registered with ``rules/_registry.py`` (its entries and its rule set), or, for a module
outside the registry, its ``CATALOG`` and ``RULESET``.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from asas.engine.i18n.messages import Msg
from asas.engine.judge.profile import Profile, ProfileError


@dataclass(frozen=True)
class Knowledge:
    rulesets: tuple[type, ...]
    catalog: dict            # rule ID -> RuleDoc, as the profile reports it


_known: dict[tuple, Knowledge] = {}


def _module(name: str):
    if not name.isidentifier() or name.startswith("_"):
        raise ProfileError(Msg.of("profile.not_module", name=name))
    try:
        return importlib.import_module(f"asas.rules.{name}")
    except ModuleNotFoundError as exc:
        if exc.name == f"asas.rules.{name}":
            raise ProfileError(Msg.of("profile.no_module", name=name)) from None
        raise


def _registered(name: str):
    from asas.rules._registry import REGISTRY
    return REGISTRY.modules.get(name)


def _ruleset(module, name: str) -> type:
    registered = _registered(name)
    if registered is not None and registered.ruleset is not None:
        return registered.ruleset
    ruleset = getattr(module, "RULESET", None)      # a module outside the registry
    if ruleset is None:
        raise ProfileError(Msg.of("profile.no_ruleset", module=module.__name__))
    return ruleset


def _docs(module, name: str) -> tuple:
    registered = _registered(name)
    if registered is not None:
        return tuple(registered.docs.values())
    return tuple(getattr(module, "CATALOG", ()))


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
            ruleset = _ruleset(module, name)
            if ruleset not in rulesets:
                rulesets.append(ruleset)
            catalog.update((doc.id, doc) for doc in _docs(module, name))
        sets = tuple(rulesets)
        if sets == RULESETS and list(catalog) == list(CATALOG):
            sets, catalog = RULESETS, CATALOG     # the default knowledge base itself
        unknown = [rid for rid in profile.reassign if rid not in catalog]
        if unknown:
            raise ProfileError(Msg.of("profile.reassign_missing", name=profile.name,
                                      rules=", ".join(unknown)))
        # the catalogue in the profile's order of principles (then the functions, privacy)
        reported = profile.catalog(catalog)
        rank: dict[str | None, int] = {p: i for i, p in enumerate(profile.principles)}
        order = sorted(reported.values(), key=lambda d: rank.get(d.principle, len(rank)))
        _known[key] = Knowledge(sets, {d.id: d for d in order})
    return _known[key]
