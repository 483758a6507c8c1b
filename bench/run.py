"""The speed benchmark of issue 6: one command, one table.

    python bench/run.py --cases 1000            # the table; about two minutes on 2 cores
    python bench/run.py --cases 1000 --big 0    # without the 10,000-case memory run
    python bench/run.py --cases 200 --runs 1    # a quick look

Run it with the interpreter of the environment asas is installed in (the console
script ``asas`` beside it is what is timed, as a user runs it).  It generates the
case files itself (bench/generate.py, three sessions each, seeded) into a temporary
folder and measures, in one run:

- the floor: PyYAML's CSafeLoader reading the same files in one process (no
  interpreter start, no validation, no rules): nothing that reads YAML can do less;
- ``asas check --format json DIR`` end to end, in a subprocess, with one job and with
  all cores, each run with a fresh, empty cache (cold);
- the same again over unchanged files with the cache the cold run left (warm);
- the cost per case split into load+validate, facts, engine (reset, declare, run) and
  report (verdict + the report's dict), in one process with the engine built once;
- the cold start of ``asas check one.yaml`` against ``python -c pass``, and ``asas --help``;
- peak memory of the asas process tree (the ``asas`` process and its workers) for
  1,000 and for ``--big`` cases, sampled from ``/proc`` every 20 ms (see ``TreeMemory``:
  the peak of the tree's summed PSS, and the peak RSS of its largest process).  Not
  ``ru_maxrss`` of the child: on Linux a child started by this (much larger) benchmark
  process inherits its parent's RSS as its own ``ru_maxrss`` at fork, so that figure
  measures the harness.

Times are medians over ``--runs`` runs; ratios are to the floor (the median of its
passes before and after the runs of asas), and for the cold run on all cores also to a
pass of the floor made right before each run, pair by pair.  The targets are
shown, never asserted: timings depend on the machine and on the knowledge base, which
grows.  ``--save FILE`` writes the table (and the raw numbers as JSON beside it).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True     # no bench/__pycache__ in the checkout

from generate import write_cases  # noqa: E402


def _asas_command() -> list[str]:
    script = Path(sys.executable).with_name("asas")
    return [str(script)] if script.exists() else [sys.executable, "-m", "asas"]


ASAS = _asas_command()
# the environment of every child: bytecode cached (an installed asas has its .pyc; the
# cache goes to the benchmark's temporary folder, not beside the source), and the
# result cache in the temporary folder too, never in the current directory
CHILD_ENV = dict(os.environ)
CHILD_ENV.pop("PYTHONDONTWRITEBYTECODE", None)


def _run(args, memory=False, **kw):
    """Run a child; return (seconds, exit code, its tree's peak memory or None).

    With ``memory``, the tree is sampled while it runs (:class:`TreeMemory`); the
    child is reaped only after the last sample, so that it is still there to be read."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, env=CHILD_ENV, **kw)
    sampler = TreeMemory(proc.pid) if memory else None
    if sampler is not None:
        # wait for the exit without reaping it (the process stays readable in /proc)
        os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOWAIT)
        peak = sampler.stop()
    else:
        peak = None
    _, status, _ = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, proc.returncode, peak


class TreeMemory:
    """Peak memory of a process and all its descendants, sampled from ``/proc`` (Linux).

    Every ``interval`` seconds, a thread lists the tree (``/proc/PID/task/*/children``)
    and reads each process's ``/proc/PID/smaps_rollup``: ``pss`` is the peak of the
    tree's summed PSS (proportional set size: memory shared between the parent and its
    forked workers counted once, split between them), ``rss`` the peak of the summed RSS
    (shared pages counted in each process), ``largest`` the peak ``VmHWM`` (the kernel's
    own high-water mark of RSS) of the largest single process.  A peak shorter than the
    interval can be missed; the figures are lower bounds.  Elsewhere than Linux: None.
    """

    def __init__(self, pid: int, interval: float = 0.02):
        import threading
        self.pid, self.interval = pid, interval
        self.pss = self.rss = self.largest = 0
        self.samples = 0
        self.available = os.path.exists(f"/proc/{pid}/smaps_rollup")
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)
        if self.available:
            self._thread.start()

    def _tree(self):
        out, stack = [], [self.pid]
        while stack:
            pid = stack.pop()
            out.append(pid)
            try:
                for task in os.listdir(f"/proc/{pid}/task"):
                    with open(f"/proc/{pid}/task/{task}/children") as fh:
                        stack.extend(int(c) for c in fh.read().split())
            except OSError:
                pass
        return out

    @staticmethod
    def _read_kib(path, keys):
        found = {}
        try:
            with open(path) as fh:
                for line in fh:
                    name, _, rest = line.partition(":")
                    if name in keys:
                        found[name] = int(rest.split()[0])
        except (OSError, ValueError, IndexError):
            pass
        return found

    def _sample(self):
        pss = rss = 0
        for pid in self._tree():
            rollup = self._read_kib(f"/proc/{pid}/smaps_rollup", ("Pss", "Rss"))
            pss += rollup.get("Pss", 0)
            rss += rollup.get("Rss", 0)
            hwm = self._read_kib(f"/proc/{pid}/status", ("VmHWM",)).get("VmHWM", 0)
            self.largest = max(self.largest, hwm)
        self.pss, self.rss = max(self.pss, pss), max(self.rss, rss)
        self.samples += 1

    def _loop(self):
        while not self._stop.is_set():
            self._sample()
            self._stop.wait(self.interval)

    def stop(self) -> dict | None:
        """Stop sampling (call before reaping the process); the peaks in KiB."""
        if not self.available:
            return None
        self._stop.set()
        self._thread.join()
        return {"pss": self.pss, "rss": self.rss, "largest": self.largest,
                "samples": self.samples}


def _median(values):
    return statistics.median(values) if values else float("nan")


# -- the floor ----------------------------------------------------------------------

def floor(paths, runs: int) -> list[float]:
    """Seconds of each of ``runs`` passes of CSafeLoader over the files."""
    import yaml
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        for p in paths:
            with open(p, "rb") as fh:
                yaml.load(fh.read(), Loader=loader)
        times.append(time.perf_counter() - start)
    return times


# -- the CLI end to end -------------------------------------------------------------

def features() -> set[str]:
    out = subprocess.run([*ASAS, "check", "--help"], capture_output=True, text=True,
                         env=CHILD_ENV).stdout
    return {opt for opt in ("--jobs", "--cache-dir", "--no-cache") if opt in out}


def check_run(folder, jobs, cache_dir, feats, out_file, memory=False):
    """One ``asas check`` over ``folder``: (seconds, exit code, peak memory or None)."""
    args = [*ASAS, "check", "--format", "json", str(folder)]
    if "--jobs" in feats:
        args += ["--jobs", str(jobs)]
    if cache_dir is None:
        if "--no-cache" in feats:
            args.append("--no-cache")
    elif "--cache-dir" in feats:
        args += ["--cache-dir", str(cache_dir)]
    with open(out_file, "wb") as out, tempfile.TemporaryFile() as err:
        t, rc, peak = _run(args, memory=memory, stdout=out, stderr=err)
        if rc not in (0, 1):
            err.seek(0)
            sys.exit(f"asas failed ({rc}): {' '.join(args)}\n"
                     + err.read().decode("utf-8", "replace")[-2000:])
    return t, rc, peak


def _cases_of(report_file):
    with open(report_file, encoding="utf-8") as fh:
        return json.load(fh)["cases"]


# -- the per-case split, in a child process ------------------------------------------

def split_child(folder: str):
    """Runs in a child: per-case milliseconds of each stage, engine built before."""
    from asas.engine.judge.verdict import judge
    from asas.engine.load.discover import case_paths
    from asas.engine.load.loader import load_file
    from asas.engine.reason import runner
    from asas.engine.reason.facts import case_facts
    from asas.engine.report.contract import case_dict
    from asas.rules import CATALOG

    paths = case_paths([folder])
    engine = runner.knowledge_engine()
    stages = {"load+validate": 0.0, "facts": 0.0, "engine": 0.0, "report": 0.0}
    # CPU time of this process: on a shared machine wall time also counts the time
    # other processes held the core
    clock = time.process_time
    for p in paths:
        t0 = clock()
        loaded = load_file(p)
        t1 = clock()
        facts = case_facts(loaded)
        t2 = clock()
        engine.reset()
        getattr(engine, "declare_input", engine.declare)(*facts)
        engine.run()
        inference = runner.collect(engine) if hasattr(runner, "collect") else _collect(engine)
        t3 = clock()
        case_dict(judge(loaded, inference, CATALOG), "en")
        t4 = clock()
        stages["load+validate"] += t1 - t0
        stages["facts"] += t2 - t1
        stages["engine"] += t3 - t2
        stages["report"] += t4 - t3
    rules = len(engine.get_rules())
    out = {"per_case_ms": {k: 1000 * v / len(paths) for k, v in stages.items()},
           "rules": rules, "catalogue": len(CATALOG),
           "firings_per_case": _firings(engine, paths[:300], load_file, case_facts)}
    if hasattr(runner, "plain_engine"):
        # the same knowledge base on experta's own network, for comparison (a sample)
        plain = runner.plain_engine()
        sample = paths[:300]
        loaded = [load_file(p) for p in sample]
        t0 = clock()
        for case in loaded:
            plain.reset()
            plain.declare(*case_facts(case))
            plain.run()
        out["plain_engine_ms"] = 1000 * (clock() - t0) / len(sample)
    print(json.dumps(out))


def _firings(engine, paths, load_file, case_facts) -> float:
    """Rules fired per case, counted in a pass of its own (not timed): every firing
    calls the rule (experta's ``Rule.__call__``) once."""
    from experta.rule import Rule
    fired = [0]
    call = Rule.__call__

    def counted(self, *args, **kwargs):
        fired[0] += 1
        return call(self, *args, **kwargs)
    Rule.__call__ = counted
    try:
        for p in paths:
            engine.reset()
            getattr(engine, "declare_input", engine.declare)(*case_facts(load_file(p)))
            engine.run()
    finally:
        Rule.__call__ = call
    return fired[0] / len(paths)


def _collect(engine):
    from asas.engine.judge.inference import Inference
    from asas.engine.reason.facts import Conclusion, Finding, Served
    facts = list(engine.facts.values())
    return Inference(tuple(f for f in facts if isinstance(f, Finding)),
                     tuple(f for f in facts if isinstance(f, Conclusion)),
                     tuple(f for f in facts if isinstance(f, Served)))


def split(folder, runs: int) -> dict:
    per_run = []
    info = {}
    for _ in range(runs):
        out = subprocess.run([sys.executable, __file__, "--_split", str(folder)], env=CHILD_ENV,
                             capture_output=True, text=True, check=True).stdout
        info = json.loads(out)
        per_run.append(info["per_case_ms"])
    return {"per_case_ms": {k: _median([r[k] for r in per_run]) for k in per_run[0]},
            "rules": info["rules"], "catalogue": info["catalogue"],
            "firings_per_case": info.get("firings_per_case"),
            "plain_engine_ms": info.get("plain_engine_ms")}


# -- cold start ----------------------------------------------------------------------

def cold_start(one_file, runs: int) -> dict:
    """Wall seconds (median) of each start command, the commands interleaved run after
    run (A B C A B C …) so that a change in the machine's load falls on all of them;
    ``above`` is the median of each run's difference to ``python -c pass``."""
    check = ([*ASAS, "check", "--no-cache", str(one_file)] if "--no-cache" in features()
             else [*ASAS, "check", str(one_file)])
    commands = {"python -c pass": [sys.executable, "-c", "pass"],
                "asas --help": [*ASAS, "--help"], "asas check one.yaml": check}
    for _ in range(2):  # warm the page cache and the .pyc files
        _run(check, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    got = {k: [] for k in commands}
    for _ in range(runs):
        for k, args in commands.items():
            got[k].append(_run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)[0])
    base = got["python -c pass"]
    return {k: {"median": _median(v), "above": _median([a - b for a, b in zip(v, base)])}
            for k, v in got.items()}


# -- the table -----------------------------------------------------------------------

def main(argv=None):
    parser = argparse.ArgumentParser(description="asas speed benchmark (issue 6)")
    parser.add_argument("--cases", type=int, default=1000, help="cases in the main batch")
    parser.add_argument("--sessions", type=int, default=3, help="sessions per case")
    parser.add_argument("--runs", type=int, default=3, help="runs per timing (median)")
    parser.add_argument("--big", type=int, default=10000,
                        help="cases in the memory run (0: skip it)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--save", help="also write the table to FILE (and FILE.json)")
    parser.add_argument("--no-pyc", action="store_true",
                        help="children compile asas's source on every start, as with "
                             "PYTHONDONTWRITEBYTECODE=1 (default: bytecode cached, as in "
                             "an installed asas)")
    parser.add_argument("--_split", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args._split:
        return split_child(args._split)

    cores = os.cpu_count() or 1
    tmp = Path(tempfile.mkdtemp(prefix="asas-bench-"))
    if args.no_pyc:
        CHILD_ENV["PYTHONDONTWRITEBYTECODE"] = "1"
    else:
        CHILD_ENV["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
    CHILD_ENV["ASAS_CACHE_DIR"] = str(tmp / "asas-cache")
    try:
        return _bench(args, cores, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _bench(args, cores, tmp):
    feats = features()
    folder = tmp / "cases"
    paths = write_cases(folder, args.cases, seed=args.seed, sessions=args.sessions)
    size = sum(p.stat().st_size for p in paths) / len(paths)
    raw_load = os.getloadavg() if hasattr(os, "getloadavg") else None
    print(f"# {args.cases} cases x {args.sessions} sessions (mean {size / 1024:.1f} KB), "
          f"{cores} cores, Python {platform.python_version()}, {args.runs} run(s) each; "
          f"options: {', '.join(sorted(feats)) or 'none'}", file=sys.stderr)

    raw: dict = {"load_average_at_start": raw_load, "cases": args.cases, "sessions": args.sessions, "cores": cores,
                 "python": platform.python_version(), "features": sorted(feats),
                 "bytecode": "compiled on every start" if args.no_pyc else "cached"}
    # the floor is measured before and after the runs of asas (the machine may be
    # busier at one time than another), and its median taken
    floor_runs = floor(paths, args.runs)

    # one job and all cores alternate, run after run, so that a burst of load from
    # elsewhere on the machine does not fall on one of them only
    times = {(j, kind): [] for j in (1, cores) for kind in ("cold", "warm")}
    loads = {(j, kind): [] for j in (1, cores) for kind in ("cold", "warm")}
    reports = []
    # and a pass of the floor right before each cold run on all cores: its ratio to that
    # pass, pair by pair, holds when the machine's speed drifts between the floor's
    # passes at the start and at the end (0.88 to 1.40 s in one run on 2026-12-03)
    paired_floor: list = []
    for i in range(args.runs):
        for jobs in (1, cores):
            cache = tmp / f"cache-{jobs}-{i}"
            out = tmp / f"report-{jobs}-{i}.json"
            if jobs == cores:
                paired_floor += floor(paths, 1)
            loads[jobs, "cold"].append(_load1())
            times[jobs, "cold"].append(check_run(folder, jobs, cache, feats, out)[0])
            reports.append(out)
            if "--cache-dir" in feats:
                out_w = tmp / f"report-{jobs}-{i}-warm.json"
                loads[jobs, "warm"].append(_load1())
                times[jobs, "warm"].append(check_run(folder, jobs, cache, feats, out_w)[0])
                reports.append(out_w)
    same = all(_cases_of(r) == _cases_of(reports[0]) for r in reports[1:])
    # --jobs 1 ÷ all cores, pair by pair (the two ran one after the other)
    speedup = [a / b for a, b in zip(times[1, "cold"], times[cores, "cold"])]
    raw.update(cold_1=_median(times[1, "cold"]), cold_all=_median(times[cores, "cold"]),
               warm_1=_median(times[1, "warm"]) if times[1, "warm"] else None,
               warm_all=_median(times[cores, "warm"]) if times[cores, "warm"] else None,
               runs={f"{kind} --jobs {j}": t for (j, kind), t in times.items()},
               run_loads={f"{kind} --jobs {j}": v for (j, kind), v in loads.items()},
               speedup=_median(speedup), speedups=speedup,
               paired_floor=paired_floor,
               paired_ratios=[t / f for t, f in zip(times[cores, "cold"], paired_floor)],
               identical_reports=same)

    floor_runs += floor(paths, args.runs)
    raw["floor"] = _median(floor_runs)
    raw["floor_runs"] = floor_runs

    s = split(folder, max(1, min(args.runs, 3)))
    raw["split"] = s
    start = cold_start(paths[0], max(5, args.runs * 3))
    raw["start"] = start

    mem, mem_loads = {}, {}
    one_k = tmp / "mem-1000"
    write_cases(one_k, 1000, seed=args.seed + 1, sessions=args.sessions)
    mem_loads[1000] = _load1()
    mem[1000] = check_run(one_k, cores, None, feats, tmp / "mem-1000.json", memory=True)[2]
    shutil.rmtree(one_k)
    if args.big:
        big = tmp / "mem-big"
        write_cases(big, args.big, seed=args.seed + 2, sessions=args.sessions)
        mem_loads[args.big] = _load1()
        mem[args.big] = check_run(big, cores, None, feats, tmp / "mem-big.json", memory=True)[2]
        shutil.rmtree(big)
    raw["memory_kib"] = mem
    raw["memory_loads"] = mem_loads

    raw["load_average"] = os.getloadavg() if hasattr(os, "getloadavg") else None
    table = render(raw, args, cores)
    print(table)
    if args.save:
        Path(args.save).write_text(table, encoding="utf-8")
        Path(args.save + ".json").write_text(json.dumps(raw, indent=2), encoding="utf-8")


def _load1():
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else None


def _load(values) -> str:
    return "n/a" if not values else "/".join(f"{v:.2f}" for v in values)


def render(raw, args, cores) -> str:
    f = raw["floor"]
    n = raw["cases"]
    rows = []
    loads = raw.get("run_loads", {})

    def row(what, seconds, key=None, target=None, ok=None):
        ratio = f"{seconds / f:6.2f}×" if seconds is not None else "     –"
        value = f"{seconds:8.3f} s" if seconds is not None else "       n/a"
        per = f"{1000 * seconds / n:7.2f}" if seconds is not None else "      –"
        mark = "" if ok is None else (" ✓" if ok else " ✗")
        load = _load(loads.get(key)) if key else ""
        rows.append(f"| {what:<44} | {value} | {per} | {ratio} | {(target or '') + mark:<14} "
                    f"| {load:<16} |")

    row("floor: CSafeLoader over the same files", f)
    spread = raw.get("floor_runs") or [f]
    all_label = (f"--jobs {cores}" if "--jobs" in raw["features"]
                 else "default jobs (no --jobs)")
    row("asas check --format json, --jobs 1, cold", raw["cold_1"], "cold --jobs 1")
    row(f"asas check --format json, {all_label}, cold", raw["cold_all"],
        f"cold --jobs {cores}", "≤ 2.5× floor", raw["cold_all"] <= 2.5 * f)
    row("  warm re-run (cache), --jobs 1", raw["warm_1"], "warm --jobs 1")
    row(f"  warm re-run (cache), {all_label}", raw["warm_all"], f"warm --jobs {cores}",
        "≤ 1.5× floor", raw["warm_all"] is not None and raw["warm_all"] <= 1.5 * f)
    speedup = raw.get("speedup")
    lines = [
        f"asas benchmark — {n} cases × {raw['sessions']} sessions, {cores} cores, "
        f"Python {raw['python']}, median of {args.runs}; "
        f"{raw['split']['rules']} rules, {raw['split']['catalogue']} catalogue entries; "
        f"bytecode {raw.get('bytecode', 'as the environment had it')}",
        "",
        f"| {'batch':<44} | {'median':>10} | {'ms/case':>7} | {'÷ floor':>7} | {'target':<14} "
        f"| {'load avg (1 min)':<16} |",
        f"|{'-' * 46}|{'-' * 12}|{'-' * 9}|{'-' * 9}|{'-' * 16}|{'-' * 18}|",
        *rows,
        "",
        f"floor: median of {len(spread)} passes (before and after the runs of asas), "
        f"{min(spread):.3f}–{max(spread):.3f} s",
    ]
    paired = raw.get("paired_ratios")
    if paired:
        median = _median(paired)
        lines.append(f"cold {all_label} ÷ a pass of the floor right before it, pair by pair: "
                     f"median {median:.2f}× ({min(paired):.2f}–{max(paired):.2f}); "
                     "target ≤ 2.5×" + (" ✓" if median <= 2.5 else " ✗"))
    if speedup:
        pairs = raw.get("speedups") or []
        lines.append(f"--jobs 1 ÷ --jobs {cores}, cold, pair by pair: median {speedup:.2f}× "
                     f"({min(pairs):.2f}–{max(pairs):.2f}); target ≥ 1.85×"
                     + (" ✓" if speedup >= 1.85 else " ✗"))
    lines += [
        f"reports identical across jobs, runs and cache: {raw['identical_reports']}",
        "runs (s): " + "; ".join(f"{k} " + ", ".join(f"{t:.2f}" for t in v)
                                 for k, v in raw.get("runs", {}).items() if v),
        f"load average (1, 5, 15 min) at start {_load(raw.get('load_average_at_start'))}, "
        f"at end {_load(raw.get('load_average'))}: other work on the machine slows runs "
        "unevenly; compare ratios taken in one run, and re-run when they disagree",
        "",
        "| per case, one process, engine built once | CPU ms |",
        "|---|---|",
    ]
    per = raw["split"]["per_case_ms"]
    for k, v in per.items():
        lines.append(f"| {k} | {v:.2f} |")
    lines.append(f"| total | {sum(per.values()):.2f} |")
    firings = raw["split"].get("firings_per_case")
    if firings:
        us = 1000 * per["engine"] / firings
        lines.append(f"| engine per rule firing ({firings:.1f} firings a case; target ≤ 50 µs) "
                     f"| {us / 1000:.3f} ({us:.0f} µs{' ✓' if us <= 50 else ' ✗'}) |")
    if raw["split"].get("plain_engine_ms"):
        lines.append(f"| (engine + facts on experta's own network, same rules) | "
                     f"{raw['split']['plain_engine_ms']:.2f} |")
    st = raw["start"]
    lines += ["", "| start (interleaved runs) | ms | above python -c pass | target |",
              "|---|---|---|---|"]
    for k, v in st.items():
        above = v["above"] * 1000
        target = ""
        if k == "asas check one.yaml":
            target = "≤ 180 ms above" + (" ✓" if above <= 180 else " ✗")
        lines.append(f"| {k} | {v['median'] * 1000:.0f} | {above:.0f} | {target} |")
    mem = raw.get("memory_kib") or {}
    mem_loads = raw.get("memory_loads") or {}
    if mem and all(v is not None for v in mem.values()):
        base = mem[1000]["pss"]
        lines += ["", "| peak memory of the asas process tree, json, all cores | tree PSS MiB "
                  "| ÷ 1,000 | target | tree RSS MiB | largest process MiB | samples "
                  "| load avg |",
                  "|---|---|---|---|---|---|---|---|"]
        for k, v in mem.items():
            ratio = v["pss"] / base
            target = "" if k == 1000 else "≤ 1.5×" + (" ✓" if ratio <= 1.5 else " ✗")
            lines.append(f"| {k:,} cases | {v['pss'] / 1024:.1f} | {ratio:.2f}× | {target} "
                         f"| {v['rss'] / 1024:.1f} | {v['largest'] / 1024:.1f} "
                         f"| {v['samples']} | {_load([mem_loads.get(k)]) if mem_loads.get(k) is not None else ''} |")
        lines.append("memory: the asas process and its workers sampled from /proc every 20 ms "
                     "(summed PSS: shared pages counted once; RSS summed: counted in each "
                     "process; largest: the kernel's VmHWM)")
    else:
        lines += ["", "peak memory: not measured (needs Linux's /proc)"]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
