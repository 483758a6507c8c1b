"""The rule engine alone: CPU time per case and per rule firing, on the bench's cases.

    python bench/engine.py                     # 1,000 cases (bench/run.py's, seed 2026), 5 rounds
    python bench/engine.py --cases 300 --rounds 3
    python bench/engine.py --profile           # one round under cProfile, the top functions
    python bench/engine.py --plain             # experta's own network, for comparison

The cases are bench/run.py's (bench/generate.py, three sessions each, the same seed),
loaded once.  Each round takes every case through what ``bench/run.py``'s split counts as
"engine" (``reset``, ``declare_input`` of the case's facts, ``run``, ``collect``), timed
with this process's CPU clock, and the case's facts (``case_facts``, the privacy scan
included) timed apart.  Firings are counted in a pass of their own, not timed, as
bench/run.py does.  The figure per firing is the engine's CPU time per case divided by
the firings per case: bench/run.py's "engine per rule firing" row.

Rounds follow each other in one process, so a burst of load elsewhere on the machine
falls on some rounds only: the minimum and the median of the rounds are printed, with
the load average before and after.  Nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True     # no bench/__pycache__ in the checkout

from generate import write_cases  # noqa: E402


def _load() -> str:
    return "/".join(f"{v:.2f}" for v in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"


def _firings(engine, facts_of, cases) -> float:
    from experta.rule import Rule
    fired = [0]
    call = Rule.__call__

    def counted(self, *args, **kwargs):
        fired[0] += 1
        return call(self, *args, **kwargs)
    Rule.__call__ = counted     # type: ignore[method-assign]
    try:
        for case in cases:
            engine.reset()
            getattr(engine, "declare_input", engine.declare)(*facts_of(case))
            engine.run()
    finally:
        Rule.__call__ = call    # type: ignore[method-assign]
    return fired[0] / len(cases)


def _round(engine, cases, facts_of, collect, clock=time.process_time):
    """(facts ms, engine ms, reset ms, declare ms, run ms) per case, one pass."""
    t_facts = t_reset = t_declare = t_run = t_collect = 0.0
    declare = getattr(engine, "declare_input", engine.declare)
    for case in cases:
        t0 = clock()
        facts = facts_of(case)
        t1 = clock()
        engine.reset()
        t2 = clock()
        declare(*facts)
        t3 = clock()
        engine.run()
        t4 = clock()
        collect(engine)
        t5 = clock()
        t_facts += t1 - t0
        t_reset += t2 - t1
        t_declare += t3 - t2
        t_run += t4 - t3
        t_collect += t5 - t4
    n = len(cases) / 1000
    return {"facts": t_facts / n, "engine": (t_reset + t_declare + t_run + t_collect) / n,
            "reset": t_reset / n, "declare": t_declare / n, "run": t_run / n,
            "collect": t_collect / n}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description="the rule engine's cost per case and per firing")
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--sessions", type=int, default=3)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--folder", help="check these case files instead of generated ones")
    parser.add_argument("--plain", action="store_true", help="experta's own network")
    parser.add_argument("--profile", action="store_true",
                        help="one round under cProfile; print the top functions")
    args = parser.parse_args(argv)

    from asas.engine.load.discover import case_paths
    from asas.engine.load.loader import load_file
    from asas.engine.reason import runner
    from asas.engine.reason.facts import case_facts

    with tempfile.TemporaryDirectory(prefix="asas-engine-bench-") as tmp:
        if args.folder:
            paths = case_paths([args.folder])
        else:
            paths = write_cases(Path(tmp) / "cases", args.cases, seed=args.seed,
                                sessions=args.sessions)
        cases = [load_file(p) for p in paths]
    cases = [c for c in cases if getattr(c, "model", None) is not None]
    engine = runner.plain_engine() if args.plain else runner.knowledge_engine()
    network = "experta's own network" if args.plain else type(engine.matcher).__name__
    firings = _firings(engine, case_facts, cases)
    print(f"{len(cases)} cases, {len(engine.get_rules())} rules, {network}; "
          f"{firings:.2f} firings a case", flush=True)

    if args.profile:
        import cProfile
        import pstats
        profiler = cProfile.Profile()
        profiler.enable()
        _round(engine, cases, case_facts, runner.collect, clock=lambda: 0.0)
        profiler.disable()
        stats = pstats.Stats(profiler, stream=sys.stdout)
        stats.sort_stats("tottime").print_stats(30)
        stats.sort_stats("cumulative").print_stats(30)
        return

    _round(engine, cases[:100], case_facts, runner.collect)     # warm-up
    print(f"load average before: {_load()}")
    rounds = []
    for i in range(args.rounds):
        r = _round(engine, cases, case_facts, runner.collect)
        rounds.append(r)
        print(f"round {i + 1}: engine {r['engine']:.3f} ms/case ({1000 * r['engine'] / firings:.1f} "
              f"µs/firing; reset {r['reset']:.3f}, declare {r['declare']:.3f}, run {r['run']:.3f}, "
              f"collect {r['collect']:.3f}), facts {r['facts']:.3f} ms/case; load {_load()}",
              flush=True)
    print(f"load average after: {_load()}")
    for key in ("engine", "reset", "declare", "run", "collect", "facts"):
        values = [r[key] for r in rounds]
        print(f"{key:8} ms/case  min {min(values):.3f}  median {statistics.median(values):.3f}")
    engine_ms = [r["engine"] for r in rounds]
    print(f"engine per firing  min {1000 * min(engine_ms) / firings:.1f} µs  "
          f"median {1000 * statistics.median(engine_ms) / firings:.1f} µs  (target ≤ 50 µs)")


if __name__ == "__main__":
    main()
