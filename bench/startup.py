"""Where the start of ``asas check one.yaml`` goes: the same imports and calls as the
command, each step timed in a fresh interpreter (CPU time, which a busy machine
disturbs less than wall time), the median and minimum of several runs.

    python bench/startup.py [--runs 9] [--case cases/exemplary.yaml]

Bytecode is cached (in a temporary ``PYTHONPYCACHEPREFIX``, written by one warm-up
run), as in a regular install.  Steps: the imports of the command line (click, the CLI
module, which prepares PyYAML's import and the collector: engine/run/startup.py), of
PyYAML, of the engine modules a check uses, of the knowledge (``asas.rules``), the build
of the rule engine, the first case (load, facts, inference, verdict), the text report
of it; the child then ends as ``asas`` does (``os._exit``).  Below the steps: the CPU
of the whole child process (the operating system's count, interpreter start and exit
included) against ``python -c pass``, run in turn with it.  The whole command is timed
by ``bench/run.py`` (``start`` rows) against ``python -c pass``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import json, sys, time
clock = time.process_time
marks = [("start", clock())]
def mark(name):
    marks.append((name, clock()))
import click; mark("import click")
import asas.cli; mark("import asas.cli")
import yaml; mark("import yaml")
from asas.engine.run.check import run_check, CheckOptions; mark("import engine.run.check")
from asas.engine.run import batch, pipeline; mark("import engine.run.batch")
from asas.engine.report.formats import get; get("text"); mark("import formats")
from asas.engine.reason import runner; mark("import engine.reason")
import asas.rules; mark("import asas.rules")
runner.knowledge_engine(); mark("build the rule engine")
from asas.engine.load.loader import load_file
loaded = load_file(sys.argv[1]); mark("load the case")
result = pipeline.check_loaded(loaded); mark("check it (facts, engine, verdict)")
from asas.engine.report.formats import text
text.render([result], "en"); mark("render text")
print(json.dumps(marks), flush=True)
import os; os._exit(0)      # as asas ends (cli.leave)
"""


def _child_cpu(args, env) -> tuple[str, float]:
    """The child's standard output and its CPU ms (user + system, all of it)."""
    import resource
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run(args, capture_output=True, text=True, check=True, env=env).stdout
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return out, ((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)) * 1000


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--case", default=str(ROOT / "cases" / "exemplary.yaml"))
    args = ap.parse_args(argv)
    steps: dict[str, list[float]] = {}
    totals = []
    import tempfile
    # bytecode cached, as a regular install has it (compiled once, by the warm-up run)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="asas-startup-")
    subprocess.run([sys.executable, "-c", CHILD, args.case], capture_output=True, check=True,
                   env=env)
    whole, bare, outside = [], [], []
    for _ in range(args.runs):
        out, cpu = _child_cpu([sys.executable, "-c", CHILD, args.case], env)
        marks = json.loads(out)
        for (_, t0), (name, t1) in itertools.pairwise(marks):
            steps.setdefault(name, []).append((t1 - t0) * 1000)
        totals.append((marks[-1][1] - marks[0][1]) * 1000)
        whole.append(cpu)
        outside.append(cpu - totals[-1])
        bare.append(_child_cpu([sys.executable, "-c", "pass"], env)[1])
    with open("/proc/loadavg") if os.path.exists("/proc/loadavg") else open(os.devnull) as f:
        load = " ".join(f.read().split()[:3]) or "n/a"
    print(f"start-up split, CPU ms, {args.runs} runs, load average {load}")
    print("| step | median | min |")
    print("|---|---|---|")
    for name, values in steps.items():
        values.sort()
        print(f"| {name} | {values[len(values) // 2]:.1f} | {values[0]:.1f} |")
    for name, values in (("**total**", totals),
                         ("outside the steps: interpreter start and exit", outside),
                         ("the whole process (the system's CPU count)", whole),
                         ("python -c pass, run in turn", bare),
                         ("the whole process above python -c pass",
                          [w - b for w, b in zip(whole, bare)])):
        values.sort()
        print(f"| {name} | {values[len(values) // 2]:.1f} | {values[0]:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
