"""The batch's cost per case outside the rule engine, stage by stage (issue 17).

    python bench/stages.py                    # 300 generated cases, 3 rounds, CPU time
    python bench/stages.py --cases 1000 --rounds 5
    python bench/stages.py --folder DIR       # case files of your own

In one process, the engine built once, each case goes through what a worker of
``asas check --format json`` does with it (load and validate, facts, engine, the
verdict, the result as plain data and back, the case's JSON piece: its dict, then its
text), and what a warm re-run does with a cache entry (read the file, its key, read the
entry, check it field by field, the piece).  Each stage is timed with the process's
CPU clock; a row is the minimum over the rounds of its milliseconds per case (on a
shared machine the minimum is the figure least touched by other work), shown with the
load average.  ``bench/run.py``'s split counts "report" as verdict + dict.

For figures that other work on the machine cannot move, count instructions instead:
``valgrind --tool=cachegrind --cache-sim=no python bench/stages.py --cases 100
--rounds 1`` with and without a change.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True     # no bench/__pycache__ in the checkout

from generate import write_cases  # noqa: E402

COLD = ("load+validate", "facts", "engine", "verdict", "to data", "from data (trusted)",
        "report dict", "json text")
WARM = ("read file", "content key", "read entry", "check entry", "json piece")


def rounds(paths, count: int) -> dict:
    from asas.engine.judge.verdict import judge
    from asas.engine.load.loader import load_bytes
    from asas.engine.load.read import read_case_bytes
    from asas.engine.load.types import Limits
    from asas.engine.reason import runner
    from asas.engine.reason.facts import case_facts
    from asas.engine.report.contract import case_dict
    from asas.engine.report.formats import json_
    from asas.engine.run.cache import Cache
    from asas.engine.run.codec import from_data, from_trusted, to_data
    from asas.rules import CATALOG

    limits = Limits()
    engine = runner.knowledge_engine()
    datas = [read_case_bytes(p, limits) for p in paths]
    clock = time.process_time
    best: dict[str, float] = {}
    for _ in range(count):
        took = dict.fromkeys(COLD + WARM, 0.0)
        plains = []
        for path, data in zip(paths, datas):
            marks = [clock()]
            loaded = load_bytes(data, path, limits)
            marks.append(clock())
            facts = case_facts(loaded)
            marks.append(clock())
            engine.reset()
            engine.declare_input(*facts)
            engine.run()
            inference = runner.collect(engine)
            marks.append(clock())
            result = judge(loaded, inference, CATALOG)
            marks.append(clock())
            plain = to_data(result)
            marks.append(clock())
            rebuilt = from_trusted(plain, path, CATALOG)
            marks.append(clock())
            piece = case_dict(rebuilt, "en")
            marks.append(clock())
            json_._nested(piece, 2)
            marks.append(clock())
            plains.append(plain)
            for name, a, b in zip(COLD, marks, marks[1:]):
                took[name] += b - a
        with tempfile.TemporaryDirectory() as folder:
            cache = Cache(folder, "0" * 64)
            for data, plain in zip(datas, plains):
                cache.put(cache.content_key(data), plain)
            for path in paths:
                marks = [clock()]
                data = read_case_bytes(path, limits)
                marks.append(clock())
                key = cache.content_key(data)
                marks.append(clock())
                entry = cache.get(key)
                marks.append(clock())
                result = from_data(entry, path, CATALOG)
                marks.append(clock())
                json_.fragment(result, "en")
                marks.append(clock())
                for name, a, b in zip(WARM, marks, marks[1:]):
                    took[name] += b - a
        for name, seconds in took.items():
            best[name] = min(best.get(name, seconds), seconds)
    return {name: 1000 * seconds / len(paths) for name, seconds in best.items()}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--folder", help="case files to use instead of generated ones")
    args = parser.parse_args(argv)
    from asas.engine.load.discover import case_paths
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.folder
        if folder is None:
            folder = str(Path(tmp) / "cases")
            write_cases(Path(folder), args.cases, seed=2026, sessions=3)
        paths = case_paths([folder])
        load = os.getloadavg()[0]
        ms = rounds(paths, args.rounds)
    print(f"per case, CPU ms, minimum of {args.rounds} rounds, {len(paths)} cases, "
          f"load average {load:.1f} -> {os.getloadavg()[0]:.1f}")
    print("\n| cold: a worker's stages | ms |\n|---|---|")
    for name in COLD:
        print(f"| {name} | {ms[name]:.3f} |")
    print(f"| outside the engine | {sum(ms[n] for n in COLD if n != 'engine'):.3f} |")
    print("\n| warm: a cache hit's stages | ms |\n|---|---|")
    for name in WARM:
        print(f"| {name} | {ms[name]:.3f} |")
    print(f"| total | {sum(ms[n] for n in WARM):.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
