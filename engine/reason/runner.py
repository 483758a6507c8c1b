"""Running the knowledge base over one case.

The knowledge engine is built once per process (building costs about 20 ms, more than
checking a case) and ``reset()`` before each case; all of a case's facts are declared
in one call, which experta handles faster than one by one.  Its network is experta's
own with faster nodes (engine/fastrete.py): the same matches, about half the time,
and rules fired in the same order in every process.
"""

from __future__ import annotations

from asas.engine.i18n.messages import Msg, number
from asas.engine.judge.inference import Inference
from asas.engine.load.types import LoadedCase
from asas.engine.reason.compat import KnowledgeEngine, SafeDepthStrategy
from asas.engine.reason.facts import Conclusion, Defeated, Finding, Served, case_facts

_engines: dict[tuple, KnowledgeEngine] = {}


def _rulesets(profile) -> tuple:
    if profile is None:
        from asas.rules import RULESETS
        return RULESETS
    from asas.rules._profiles import knowledge
    return knowledge(profile).rulesets


def knowledge_engine(profile=None) -> KnowledgeEngine:
    """The process's knowledge engine for ``profile`` (engine/judge/profile.py; None:
    the default): the profile's rule sets of ``asas.rules`` in one class, built once."""
    rulesets = _rulesets(profile)
    engine = _engines.get(rulesets)
    if engine is None:
        engine = _engines[rulesets] = build_engine(profile)
    return engine


def build_engine(profile=None) -> KnowledgeEngine:
    """A new knowledge engine of ``profile``'s rule sets on the fast network; on
    experta's own network when the fast one refuses this experta
    (engine/reason/fastrete.py ``NotSupported``), with a warning on stderr the first
    time in the process."""
    from asas.engine.reason.fastrete import FastEngineMixin, NotSupported
    rulesets = _rulesets(profile)
    engine_class = type("AsasKnowledgeEngine", (FastEngineMixin, *rulesets, KnowledgeEngine),
                        {"__strategy__": SafeDepthStrategy})
    try:
        return engine_class()
    except NotSupported as why:
        _warn_fallback(why)
        return plain_engine(profile)


_warned = False


def _warn_fallback(why) -> None:
    global _warned
    if not _warned:
        import sys

        from asas.engine.i18n.engine_messages import fallback_text
        sys.stderr.write(fallback_text(why.code, why.params))
        sys.stderr.flush()
        _warned = True


def plain_engine(profile=None) -> KnowledgeEngine:
    """A new engine of the same rule sets on experta's own, unmodified network (for
    tests that hold engine/fastrete.py to experta's behaviour)."""
    engine_class = type("AsasPlainKnowledgeEngine", (*_rulesets(profile), KnowledgeEngine),
                        {"__strategy__": SafeDepthStrategy})
    return engine_class()


#: What one case may ask of the rule engine (docs/limits.md).  Within the loader's
#: limits a file can still hold 60,000 disclosures, each a fact and a finding: the
#: engine's cost is about linear in the facts, but that is half a minute.  A case over
#: either budget is reported as invalid, at the item where the count ran over.
FACT_BUDGET = 10_000            # input facts: the case, sessions, disclosures, norm conflicts
FIRING_BUDGET = 50_000          # rule firings


class OverBudget(Exception):
    """A case asks more of the engine than one case may; ``error`` says where."""

    def __init__(self, error):
        super().__init__(error.message)
        self.error = error


def infer(loaded: LoadedCase, engine: KnowledgeEngine | None = None,
          profile=None) -> Inference:
    engine = engine or knowledge_engine(profile)
    _check_budget(loaded)
    facts = case_facts(loaded)
    engine.reset()
    declare = getattr(engine, "declare_input", engine.declare)
    declare(*facts)
    engine.run(FIRING_BUDGET)
    # what run() would do next: anything left to fire is over the budget
    added, removed = engine.get_activations()
    engine.strategy.update_agenda(engine.agenda, added, removed)
    if engine.agenda.activations:
        raise OverBudget(_error(loaded, "sessions",
                                Msg.of("budget.firings", m=number(FIRING_BUDGET))))
    return collect(engine)


def _check_budget(loaded: LoadedCase) -> None:
    """Raise OverBudget at the first item past FACT_BUDGET input facts (counted as
    case_facts makes them: the case, then each session, its disclosures and its norm
    conflicts), before any is made."""
    sessions = loaded.model.sessions
    count = 1 + len(sessions) + sum(len(s.disclosures) + len(s.counselor.norm_conflicts)
                                    for s in sessions)
    if count <= FACT_BUDGET:
        return
    seen, path = 1, "sessions"
    for idx, s in enumerate(sessions):
        items = ([f"sessions[{idx}]"]
                 + [f"sessions[{idx}].disclosures[{i}]" for i in range(len(s.disclosures))]
                 + [f"sessions[{idx}].counselor.norm_conflicts[{i}]"
                    for i in range(len(s.counselor.norm_conflicts))])
        if seen + len(items) > FACT_BUDGET:
            path = items[FACT_BUDGET - seen]
            break
        seen += len(items)
    raise OverBudget(_error(loaded, path, Msg.of("budget.facts", n=number(count),
                                                 m=number(FACT_BUDGET))))


def _error(loaded: LoadedCase, path: str, msg: Msg):
    """The located error of a case over budget (a ``budget.`` message, both languages)."""
    from asas.engine.load.types import CaseError
    line, column = loaded.where(path)
    return CaseError.of(line, column, path, msg)


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
