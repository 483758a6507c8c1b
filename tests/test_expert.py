"""The two experta fixes in engine/expert.py, each with a test that fails without it."""

import subprocess
import sys

import pytest

from asas.engine.reason.compat import (
    NOT,
    DepthStrategy,
    Fact,
    KnowledgeEngine,
    L,
    Rule,
    SafeDepthStrategy,
)
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


# -- the fast network fails closed -----------------------------------------------------

from asas.engine.reason import fastrete, runner  # noqa: E402
from asas.engine.reason.fastrete import FastEngineMixin, NotSupported  # noqa: E402


def _fallback(monkeypatch, capsys):
    """Build an engine as the process would; return it and what it printed on stderr."""
    monkeypatch.setattr(runner, "_warned", False)
    engine = runner.build_engine()
    return engine, capsys.readouterr().err


def _verdict(engine):
    from asas.engine.load.loader import load_file

    from helpers import ROOT
    out = []
    for name in ("exemplary.yaml", "coordination-breach.yaml"):
        inference = runner.infer(load_file(str(ROOT / "cases" / name)), engine)
        out.append(sorted((f["id"], f["session"]) for f in inference.findings))
    return out


def test_another_experta_version_falls_back_to_experta_and_says_so(monkeypatch, capsys):
    expected = _verdict(knowledge_engine())     # the fast network, built before the patch
    monkeypatch.setattr(fastrete.experta, "__version__", "1.9.5")
    engine, err = _fallback(monkeypatch, capsys)
    assert not isinstance(engine, FastEngineMixin)
    assert isinstance(engine.strategy, SafeDepthStrategy)
    lines = err.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("asas: peringatan:") and "experta 1.9.5" in lines[0]
    assert lines[1].startswith("asas: warning:") and "1.9.4" in lines[1]
    # the same verdicts as the fast network
    assert _verdict(engine) == expected
    # said once per process
    assert isinstance(runner.build_engine(), KnowledgeEngine)
    assert capsys.readouterr().err == ""


def test_an_unknown_node_type_falls_back_to_experta(monkeypatch, capsys):
    from experta.matchers.rete.nodes import NotNode
    expected = _verdict(knowledge_engine())
    known = dict(fastrete._FAST)
    del known[NotNode]      # as if experta's network held a node this module never saw
    monkeypatch.setattr(fastrete, "_FAST", known)
    # every rule on experta's nodes (engine/reason/beta.py takes them all otherwise)
    monkeypatch.setattr(fastrete, "_net_shape", lambda rule: None)
    engine, err = _fallback(monkeypatch, capsys)
    assert not isinstance(engine, FastEngineMixin)
    assert "NotNode" in err and err.count("\n") == 2
    assert _verdict(engine) == expected


def test_an_unknown_field_constraint_is_refused():
    # ``~`` (a NOT field constraint) makes negated bindings the fast feature tester does
    # not handle: such a network is refused, never run
    class Tilde(KnowledgeEngine):
        @Rule(Fact(a=~L(1)))
        def r(self):
            pass

    engine_class = type("T", (FastEngineMixin, Tilde), {})
    with pytest.raises(NotSupported) as refused:
        engine_class()
    assert refused.value.code == "check_type"


def test_a_missing_internal_is_refused(monkeypatch):
    from experta.agenda import Agenda
    monkeypatch.delattr(Agenda, "get_next")
    with pytest.raises(NotSupported) as refused:
        fastrete.check_supported()
    assert refused.value.params["name"] == "Agenda.get_next"


# -- a budget per case (issue 11, S5) ----------------------------------------------------

CASE = """format: asas/v1
case: {id: K, client: {pseudonym: S}}
sessions:
  - number: 1
    disclosures:
      - {to: guru}
      - {to: wali}
  - number: 2
    disclosures:
      - {to: guru}
      - {to: orang tua}
"""


def _check(text):
    from asas.engine.load.loader import load_bytes
    from asas.engine.run.pipeline import check_loaded
    return check_loaded(load_bytes(text.encode(), "budget.yaml"))


def test_a_case_over_the_fact_budget_is_invalid_where_it_ran_over(monkeypatch):
    # 1 case + 2 sessions + 4 disclosures = 7 facts; a budget of 5 runs over at the
    # second session's first disclosure (the case, session 1, its two, session 2 = 5)
    monkeypatch.setattr(runner, "FACT_BUDGET", 5)
    result = _check(CASE)
    assert not result.valid
    (error,) = result.errors
    assert (error.line, error.column, error.path) == (10, 9, "sessions[1].disclosures[0]")
    assert error.message.startswith("7 sessions, disclosures and norm conflicts is more than the 5 ")
    assert error.text("id").startswith("7 sesi, penyampaian informasi, dan konflik norma melebihi "
                                       "batas 5 ")
    monkeypatch.setattr(runner, "FACT_BUDGET", 7)
    assert _check(CASE).valid


def test_a_case_over_the_firing_budget_is_invalid(monkeypatch):
    fired = len(_check(CASE).findings)
    assert fired > 3
    monkeypatch.setattr(runner, "FIRING_BUDGET", 3)
    result = _check(CASE)
    assert not result.valid
    (error,) = result.errors
    assert (error.line, error.path) == (3, "sessions")
    assert "more than 3 times" in error.message
    assert error.text("id").startswith("aturan akan dijalankan lebih dari 3 kali")
