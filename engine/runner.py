"""Running the knowledge base over one case.

The knowledge engine is built once per process (building costs about 20 ms, more than
checking a case) and ``reset()`` before each case; all of a case's facts are declared
in one call, which experta handles faster than one by one.
"""

from __future__ import annotations

from dataclasses import dataclass

from .expert import KnowledgeEngine, SafeDepthStrategy
from .facts import Conclusion, Finding, Served, case_facts
from .load import LoadedCase

_engine: KnowledgeEngine | None = None


def knowledge_engine() -> KnowledgeEngine:
    """The process's knowledge engine: every rule set of ``asas.rules`` in one class."""
    global _engine
    if _engine is None:
        from ..rules import RULESETS
        engine_class = type("AsasKnowledgeEngine", (*RULESETS, KnowledgeEngine),
                            {"__strategy__": SafeDepthStrategy})
        _engine = engine_class()
    return _engine


@dataclass(frozen=True)
class Inference:
    """What the engine concluded for one case, as declared by the rules."""
    findings: tuple[Finding, ...]
    conclusions: tuple[Conclusion, ...]
    served: tuple[Served, ...]


def infer(loaded: LoadedCase) -> Inference:
    engine = knowledge_engine()
    engine.reset()
    engine.declare(*case_facts(loaded))
    engine.run()
    findings, conclusions, served = [], [], []
    for fact in engine.facts.values():
        if isinstance(fact, Finding):
            findings.append(fact)
        elif isinstance(fact, Conclusion):
            conclusions.append(fact)
        elif isinstance(fact, Served):
            served.append(fact)
    return Inference(tuple(findings), tuple(conclusions), tuple(served))
