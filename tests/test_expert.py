"""The two experta fixes in engine/expert.py, each with a test that fails without it."""

import subprocess
import sys

import pytest

from asas.engine.reason.compat import (DepthStrategy, Fact, KnowledgeEngine, NOT, Rule,
                                SafeDepthStrategy)
from asas.engine.reason.runner import knowledge_engine


def _run(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)


@pytest.mark.skipif(sys.version_info < (3, 10), reason="collections.Mapping exists before 3.10")
def test_bare_experta_import_is_broken_on_this_python():
    # what the alias in engine/expert.py is for: frozendict 1.2 subclasses collections.Mapping
    out = _run("import experta; assert hasattr(experta, 'KnowledgeEngine')")
    assert out.returncode != 0
    assert "Mapping" in out.stderr


def test_engine_imports_and_leaves_no_trace():
    out = _run(
        "import collections, logging\n"
        "before = list(logging.getLogger().handlers)\n"
        "from asas.engine.reason.compat import KnowledgeEngine\n"
        "assert not hasattr(collections, 'Mapping'), 'alias left behind'\n"
        "assert logging.getLogger().handlers == before, 'basicConfig handler left behind'\n"
        "print(KnowledgeEngine.__name__)")
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "KnowledgeEngine"


def _not_only_engine(strategy, rules=8):
    """Several rules whose only condition is NOT(...): the upstream agenda bug's shape."""
    attrs = {"__strategy__": strategy}
    for i in range(rules):
        def fire(self, i=i):
            self.fired.append(i)
        attrs[f"r{i}"] = Rule(NOT(Fact(block=i)))(fire)
    engine = type("NotOnly", (KnowledgeEngine,), attrs)()
    engine.fired = []
    return engine


def _blocked_rules_that_fired(strategy) -> set:
    """Rules that fired although their NOT was blocked, over several engine shapes
    (which activations collide depends on hashing, so one shape is not enough)."""
    wrong = set()
    for rules in range(4, 13):
        engine = _not_only_engine(strategy, rules)
        for blocked in ({1, 3}, {0, 2, 3}, set(range(1, rules, 2)), set(range(rules - 1))):
            engine.fired = []
            engine.reset()
            engine.declare(*[Fact(block=i) for i in blocked])
            engine.run()
            wrong |= {(rules, i) for i in set(engine.fired) & blocked}
    return wrong


def test_upstream_strategy_fires_blocked_rules():
    # documents the bug the subclass exists for; if upstream ever fixes it, this
    # test says so and the subclass can go
    assert _blocked_rules_that_fired(DepthStrategy)


def test_safe_strategy_fires_exactly_the_unblocked_rules():
    assert _blocked_rules_that_fired(SafeDepthStrategy) == set()
    engine = _not_only_engine(SafeDepthStrategy)
    engine.reset()
    engine.declare(*[Fact(block=i) for i in (1, 3, 5)])
    engine.run()
    assert sorted(engine.fired) == [0, 2, 4, 6, 7]


def test_knowledge_engine_uses_the_safe_strategy_and_is_built_once():
    engine = knowledge_engine()
    assert isinstance(engine.strategy, SafeDepthStrategy)
    assert knowledge_engine() is engine
