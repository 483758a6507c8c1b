"""Rules that register themselves (as pycodestyle's ``@register_check``).

Each rule module states its principle once::

    KNOWLEDGE = REGISTRY.module("kesukarelaan")

and puts each finding's documentation on the experta rule that fires it::

    @KNOWLEDGE.rules
    class Kesukarelaan:
        @KNOWLEDGE.finding("KSR001", severity="risk", cf=0.8, title=Text(...), ...)
        @Rule(CaseFact(...), SessionFact(...))
        def ksr001_sent_and_not_reinforced(self, report, source, mandated, idx, number):
            self.declare(report(number, [...], {"source": who}))

``report`` is bound to that entry: it builds the finding fact of that one ID, so a rule
cannot emit another rule's ID.  A second experta rule for the same entry (two mutually
exclusive conditions) takes ``@KNOWLEDGE.fires("KSR001")``.  ``rules.CATALOG``,
``rules.RULESETS`` and ``rules.MODULES`` are built from the registry, in the order of
``ORDER`` and, within a module, of the rules in its class.

Checked when a module is imported (each raises :class:`RegistryError`): an ID
documented twice, an entry whose decorator sits on no rule of the module's class, a
``fires`` for an ID the module does not document, a decorator on something that is
not an experta ``@Rule``.
"""

from __future__ import annotations

import sys
from functools import update_wrapper

from asas.engine.judge.catalog import FUNCTIONS, PRINCIPLES, RuleDoc, Text
from asas.engine.reason.compat import MATCH, NOT, P, Rule
from asas.engine.reason.facts import Conclusion, Finding, SessionFact

# The knowledge base's order: the report's order of principles, then the functions and
# the privacy of the write-up.
ORDER = (*PRINCIPLES, "fungsi", "catatan", "privasi", "verbatim",
         # modules only some profiles run (rules/profiles/): not imported by
         # rules/__init__, so never part of the default knowledge base
         "kedinamisan", "keterpaduan", "alih_tangan_kasus", "tut_wuri_handayani")


class RegistryError(Exception):
    """The knowledge base is inconsistent (raised at import time)."""


class Report:
    """The finding factory bound to one catalogue entry (the ``report`` argument)."""

    __slots__ = ("doc", "id")

    def __init__(self, doc: RuleDoc):
        self.doc = doc
        self.id = doc.id

    def __call__(self, session, evidence=(), params=None, derived_from=()) -> Finding:
        doc = self.doc
        return Finding(id=doc.id, principle=doc.principle, severity=doc.severity,
                       cf=doc.cf, session=session, evidence=tuple(evidence),
                       derived_from=tuple(derived_from), direct=not derived_from,
                       params=dict(params or {}))


def finding_of(doc: RuleDoc, session, evidence=(), params=None, derived_from=()) -> Finding:
    """The fact a rule declares for ``doc`` (outside a rule: tests, tools)."""
    return Report(doc)(session, evidence, params, derived_from)


def _bind(rule, report: Report):
    """Give the rule's method ``report`` as its first argument after ``self``."""
    if not isinstance(rule, Rule) or rule._wrapped is None:
        raise RegistryError(f"{report.id}: the decorator must sit above an experta @Rule "
                            "on the method that fires the finding")
    method = rule._wrapped

    def fire(engine, *args, **kwargs):
        return method(engine, report, *args, **kwargs)

    update_wrapper(fire, method)
    del fire.__wrapped__          # experta filters the context by the original names
    rule._wrapped = fire
    rule._asas_id = report.id
    return rule


class Module:
    """One rule module's share of the registry: its principle, entries and rule set."""

    def __init__(self, registry: Registry, name: str, principle: str | None, module: str):
        self.registry, self.name, self.principle, self.module = registry, name, principle, module
        self.docs: dict[str, RuleDoc] = {}
        self.ruleset: type | None = None

    def finding(self, id: str, **fields):
        """Document ``id`` and register the @Rule below as the rule that fires it."""
        # a module without a principle of its own (verbatim: claims about every
        # principle) names each entry's; a principle's module states it once
        if "principle" in fields and self.principle is not None:
            raise RegistryError(f"{id}: the principle is stated once, by the module")
        self.registry._claim(id, self)
        doc = RuleDoc(id=id, **{"principle": self.principle, **fields})
        self.docs[id] = doc
        return lambda rule: _bind(rule, Report(doc))

    def fires(self, id: str):
        """Another experta rule for an entry this module documents above it."""
        doc = self.docs.get(id)
        if doc is None:
            raise RegistryError(f"{self.name}: a rule emits {id}, which is not documented "
                                "in this module")
        return lambda rule: _bind(rule, Report(doc))

    def rules(self, cls: type) -> type:
        """Class decorator: the module's rule set; checks every entry has its rule."""
        if self.ruleset is not None:
            raise RegistryError(f"{self.name}: a second rule class {cls.__name__}")
        for name, value in vars(cls).items():
            if getattr(value, "_asas_made", False):   # a rule made by a factory
                value.__name__ = value._wrapped.__name__ = name
                value.__qualname__ = value._wrapped.__qualname__ = f"{cls.__qualname__}.{name}"
        fired = {getattr(v, "_asas_id", None) for v in vars(cls).values()
                 if isinstance(v, Rule)}
        missing = [id for id in self.docs if id not in fired]
        if missing:
            raise RegistryError(f"{self.name}: documented without a rule method in "
                                f"{cls.__name__}: {', '.join(missing)}")
        self.ruleset = cls
        return cls

    # -- the two repeated shapes, as factories ----------------------------------------
    def not_documented(self, id: str, field: str, evidence: str, **fields):
        """A DOC rule: no session documents ``field`` (SessionFact ``field`` is None in
        every session); the finding points at ``evidence`` and has no session."""
        decorate = self.finding(id, **fields)

        def rule(self, report):
            self.declare(report(None, [evidence]))

        return _made(decorate(Rule(NOT(SessionFact(**{field: P(_documented)})))(rule)))

    def derived(self, id: str, premise: str, then: str | None = None, params=None, **fields):
        """A chain rule: the finding is derived from the conclusion ``premise``; with
        ``then``, it establishes the conclusion ``then`` in its turn.  ``params``, a
        function of ``because`` (the key of the finding it rests on), gives the finding's
        parameters (e.g. the ``variant`` whose title follows the cause)."""
        decorate = self.finding(id, **{"derived": True, **fields})

        def rule(self, report, session, because):
            finding = report(session, derived_from=[because],
                             params=params(tuple(because)) if params else None)
            if then is None:
                self.declare(finding)
            else:
                self.declare(finding, Conclusion(what=then, session=session,
                                                 because=(report.id, session)))

        return _made(decorate(Rule(Conclusion(what=premise, session=MATCH.session,
                                              because=MATCH.because))(rule)))


def _made(rule):
    rule._asas_made = True      # named after its attribute by Module.rules
    return rule


def _documented(value) -> bool:
    return value is not None


class Registry:
    def __init__(self, order=ORDER):
        self.order = tuple(order)
        self.modules: dict[str, Module] = {}
        self.owner: dict[str, Module] = {}

    def module(self, name: str, principle: str | None = ...) -> Module:
        """Register the calling rule module; ``principle`` defaults to ``name``."""
        if name not in self.order:
            raise RegistryError(f"{name}: not in the knowledge base's order {self.order}")
        if name in self.modules:
            raise RegistryError(f"{name}: registered twice")
        if principle is ...:
            principle = name if name in PRINCIPLES else None
        caller = sys._getframe(1).f_globals.get("__name__", name)
        self.modules[name] = Module(self, name, principle, caller)
        return self.modules[name]

    def _claim(self, id: str, module: Module):
        if id in self.owner:
            raise RegistryError(f"{id} is documented twice: in {self.owner[id].name} and "
                                f"in {module.name}")
        self.owner[id] = module

    def _modules(self) -> list[Module]:
        unfinished = [m.name for m in self.modules.values() if m.ruleset is None]
        if unfinished:
            raise RegistryError(f"no rule class registered for {', '.join(unfinished)}")
        return sorted(self.modules.values(), key=lambda m: self.order.index(m.name))

    def catalog(self) -> dict[str, RuleDoc]:
        return {id: doc for m in self._modules() for id, doc in m.docs.items()}

    def rulesets(self) -> tuple[type, ...]:
        return tuple(m.ruleset for m in self._modules())

    def module_names(self) -> tuple[str, ...]:
        return tuple(m.module for m in self._modules())


REGISTRY = Registry()

__all__ = ["FUNCTIONS", "ORDER", "REGISTRY", "Registry", "RegistryError", "Report", "Text",
           "finding_of"]
