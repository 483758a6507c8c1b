"""Running the knowledge base over one case.

The knowledge engine is built once per process (building costs about 20 ms, more than
checking a case) and ``reset()`` before each case; all of a case's facts are declared
in one call, which experta handles faster than one by one.  Its network is experta's
own with faster nodes (engine/fastrete.py): the same matches, about half the time,
and rules fired in the same order in every process.
"""

from __future__ import annotations

from asas.engine.judge.inference import Inference
from asas.engine.load.types import LoadedCase
from asas.engine.reason.compat import KnowledgeEngine, SafeDepthStrategy
from asas.engine.reason.facts import Conclusion, Defeated, Finding, Served, case_facts

_engine: KnowledgeEngine | None = None


def knowledge_engine() -> KnowledgeEngine:
    """The process's knowledge engine: every rule set of ``asas.rules`` in one class."""
    global _engine
    if _engine is None:
        from asas.engine.reason.fastrete import FastEngineMixin
        from asas.rules import RULESETS
        engine_class = type("AsasKnowledgeEngine", (FastEngineMixin, *RULESETS, KnowledgeEngine),
                            {"__strategy__": SafeDepthStrategy})
        _engine = engine_class()
    return _engine


def plain_engine() -> KnowledgeEngine:
    """A new engine of the same rule sets on experta's own, unmodified network (for
    tests that hold engine/fastrete.py to experta's behaviour)."""
    from asas.rules import RULESETS
    engine_class = type("AsasPlainKnowledgeEngine", (*RULESETS, KnowledgeEngine),
                        {"__strategy__": SafeDepthStrategy})
    return engine_class()


def infer(loaded: LoadedCase, engine: KnowledgeEngine | None = None) -> Inference:
    engine = engine or knowledge_engine()
    engine.reset()
    facts = case_facts(loaded)
    declare = getattr(engine, "declare_input", engine.declare)
    declare(*facts)
    engine.run()
    return collect(engine)


def collect(engine: KnowledgeEngine) -> Inference:
    """What the rules declared, in the order they declared it."""
    findings, conclusions, served, defeats = [], [], [], []
    for fact in engine.facts.values():
        if isinstance(fact, Finding):
            findings.append(fact)
        elif isinstance(fact, Conclusion):
            conclusions.append(fact)
        elif isinstance(fact, Served):
            served.append(fact)
        elif isinstance(fact, Defeated):
            defeats.append(fact)
    return Inference(tuple(findings), tuple(conclusions), tuple(served), tuple(defeats))
