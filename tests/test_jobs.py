"""Speed without changed results: the fast Rete network against experta's own, and one
job against several (issue 6)."""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path

import pytest

from asas.engine.facts import Conclusion, Finding, PrivacyFact, Served, case_facts
from asas.engine.load import load_bytes
from asas.engine.runner import knowledge_engine, plain_engine

ROOT = Path(__file__).resolve().parent.parent


def _generate_module():
    spec = importlib.util.spec_from_file_location("asas_bench_generate",
                                                  ROOT / "bench" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


gen = _generate_module()


def _declared(engine) -> list[str]:
    """What the rules declared, as a sorted list of comparable texts (experta's own
    network fires rules of equal key in an order that depends on the process)."""
    out = []
    for fact in engine.facts.values():
        if isinstance(fact, (Finding, Conclusion, Served, PrivacyFact)) or \
                type(fact).__module__.startswith("asas.rules"):
            items = sorted((k, repr(v)) for k, v in fact.items() if k != "__factid__")
            out.append(f"{type(fact).__name__}{items}")
    return sorted(out)


def _run(engine, loaded):
    engine.reset()
    getattr(engine, "declare_input", engine.declare)(*case_facts(loaded))
    engine.run()
    return _declared(engine)


def test_fast_network_declares_what_experta_declares():
    rng = random.Random(20)
    fast, plain = knowledge_engine(), plain_engine()
    cases = [gen.generate_case(rng) for _ in range(150)]
    for i, data in enumerate(cases):
        loaded = load_bytes(gen.case_yaml(data).encode("utf-8"), f"<generated {i}>")
        assert loaded.valid
        assert _run(fast, loaded) == _run(plain, loaded), f"case {i}"


def test_fast_network_with_the_bundled_cases():
    fast, plain = knowledge_engine(), plain_engine()
    for path in sorted((ROOT / "cases").glob("*.yaml")):
        loaded = load_bytes(path.read_bytes(), str(path))
        if loaded.valid:
            assert _run(fast, loaded) == _run(plain, loaded), path.name


def test_fast_engine_fires_in_the_same_order_every_time():
    rng = random.Random(5)
    engine = knowledge_engine()
    data = gen.generate_case(rng, sessions=4)
    loaded = load_bytes(gen.case_yaml(data).encode("utf-8"), "<generated>")

    def order():
        engine.reset()
        engine.declare_input(*case_facts(loaded))
        engine.run()
        return [repr(sorted((k, repr(v)) for k, v in f.items())) for f in engine.facts.values()]

    assert order() == order()


def test_watchers_still_log_fired_rules(caplog):
    import logging

    from experta import watchers
    rng = random.Random(3)
    loaded = load_bytes(gen.case_yaml(gen.generate_case(rng)).encode("utf-8"), "<g>")
    engine = knowledge_engine()
    watchers.watch("RULES", level=logging.INFO)
    try:
        with caplog.at_level(logging.INFO, logger="experta.watchers.RULES"):
            _run(engine, loaded)
    finally:
        watchers.unwatch("RULES")
        watchers.RULES.setLevel(logging.NOTSET)
    assert any("FIRE" in r.getMessage() for r in caplog.records)
