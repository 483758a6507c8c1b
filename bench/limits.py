"""Time and peak memory of hostile inputs, each checked by a fresh `asas check` process.

    python bench/limits.py [WORK_DIR]

Generates the inputs into WORK_DIR (default: a temporary folder, removed after):
an alias bomb (billion laughs), a 50 MB case file (refused at the default limit, and
read with --max-bytes raised), 5,000 sessions, nesting 100,000 deep, 300,000 nodes,
the valid files that ask most of the rule engine within the loader's limits (issue 11,
S5: 500 sessions × 130 disclosures, 1 session × 60,000 disclosures, 500 × 120 norm
conflicts, and 77 × 128 disclosures, just under the engine's budget per case), and, as
the floor, the exemplary case.  Prints wall and CPU time (user + system, from wait4's
rusage) and the peak resident memory of each process, sampled from /proc (the
kernel's VmHWM, bench/run.py ``TreeMemory``), since ``ru_maxrss`` of a child also
counts what it inherited from this process.  Figures go in docs/limits.md.

Run it with the interpreter of the asas to measure (``python -m asas.cli`` of that
environment is what runs), e.g. once with the old version's and once with the new.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.dont_write_bytecode = True
from run import TreeMemory  # noqa: E402

ASAS = [sys.executable, "-m", "asas.cli"]
HEAD = b"format: asas/v1\ncase: {id: KI-B, client: {pseudonym: Siswa A}}\n"


def bomb() -> bytes:
    lines = [b"format: asas/v1", b'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi"):
        refs = ", ".join([f"*{prev}"] * 9).encode()
        lines.append(f"{name}: &{name} [".encode() + refs + b"]")
    return b"\n".join(lines) + b"\n"


def fifty_mb() -> bytes:
    notes = b"".join(b"      Konseli bercerita tentang jadwal belajarnya. " * 20 + b"\n"
                     for _ in range(49_000))
    return HEAD + b"sessions:\n  - number: 1\n    notes: |\n" + notes


def inputs(folder: Path) -> list[tuple[str, Path, list[str]]]:
    made = {
        "exemplary case (floor)": (ROOT / "cases" / "exemplary.yaml").read_bytes(),
        "alias bomb (10^9 nodes)": bomb(),
        "5,000 sessions": HEAD + b"sessions:\n" + b"".join(
            b"  - {number: %d}\n" % (i + 1) for i in range(5000)),
        "nesting 100,000 deep": HEAD + b"x: " + b"[" * 100_000 + b"\n",
        "300,000 nodes": HEAD + b"x: [" + b"1," * 300_000 + b"1]\n",
        "50 MB file": fifty_mb(),
        "S5: 500 sessions x 130 disclosures": HEAD + b"sessions:\n" + b"".join(
            b"  - number: %d\n    disclosures:\n" % s + b"      - {to: t}\n" * 130
            for s in range(1, 501)),
        "S5: 1 session x 60,000 disclosures": HEAD + b"sessions:\n  - number: 1\n"
            b"    disclosures:\n" + b"      - {to: t}\n" * 60_000,
        "S5: 500 sessions x 120 norm conflicts": HEAD + b"sessions:\n" + b"".join(
            b"  - number: %d\n    counselor:\n      norm_conflicts:\n" % s
            + b"        - {norm: religion}\n" * 120 for s in range(1, 501)),
        "77 x 128 disclosures (in budget)": HEAD + b"sessions:\n" + b"".join(
            b"  - number: %d\n    disclosures:\n" % s + b"      - {to: t}\n" * 128
            for s in range(1, 78)),
    }
    out = []
    for name, data in made.items():
        stem = name.split(" (")[0].replace("S5: ", "s5-")
        path = folder / ("".join(c if c.isalnum() or c == "-" else "-" for c in stem) + ".yaml")
        path.write_bytes(data)
        out.append((name, path, []))
    out.append(("50 MB file, --max-bytes 64M", folder / "50-MB-file.yaml",
                ["--max-bytes", str(64 * 1024 * 1024)]))
    out.append(("alias bomb, --max-nodes 10^12", folder / "alias-bomb.yaml",
                ["--max-nodes", str(10 ** 12)]))
    return out


def measure(path: Path, extra: list[str]) -> tuple[float, float, float, int, str]:
    """(wall s, CPU s, peak MiB, exit code, first line of the output)."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen([*ASAS, "check", "--no-cache", "--format", "concise",
                                 str(path), *extra], stdout=out, stderr=subprocess.STDOUT,
                                cwd=path.parent)
        sampler = TreeMemory(proc.pid)
        if sampler.available:
            os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOWAIT)
        peak = sampler.stop()
        _, status, usage = os.wait4(proc.pid, 0)
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    elapsed = time.perf_counter() - start
    cpu = usage.ru_utime + usage.ru_stime
    mib = peak["largest"] / 1024 if peak else float("nan")
    code = os.waitstatus_to_exitcode(status)
    first = next((line for line in text.splitlines() if line.strip()), "")
    return elapsed, cpu, mib, code, first


def main():
    given = sys.argv[1] if len(sys.argv) > 1 else None
    folder = Path(given or tempfile.mkdtemp(prefix="asas-limits-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        only = sys.argv[2:]      # names to run (a part of the name), default all
        print(f"load average {os.getloadavg()[0]:.2f}")
        print(f"{'input':<38} {'size':>10} {'wall':>8} {'CPU':>8} {'peak':>9}  exit  first line")
        for name, path, extra in inputs(folder):
            if only and not any(o in name for o in only):
                continue
            elapsed, cpu, peak, code, first = measure(path, extra)
            size = path.stat().st_size
            print(f"{name:<38} {size:>10,} {elapsed:>7.2f}s {cpu:>7.2f}s {peak:>6.0f} MiB  "
                  f"{code:>4}  {first.replace(str(path), path.name)[:100]}", flush=True)
    finally:
        if not given:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
