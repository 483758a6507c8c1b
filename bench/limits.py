"""Time and peak memory of hostile inputs, each checked by a fresh `asas check` process.

    python bench/limits.py [WORK_DIR]

Generates the inputs into WORK_DIR (default: a temporary folder, removed after):
an alias bomb (billion laughs), a 50 MB case file (refused at the default limit, and
read with --max-bytes raised), 5,000 sessions, nesting 100,000 deep, 300,000 nodes,
and, as the floor, the exemplary case.  Prints wall time and the peak resident
memory of each process (psutil-free: from wait4's rusage).  Figures go in
docs/limits.md.
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
    }
    out = []
    for name, data in made.items():
        path = folder / (name.split(" (")[0].replace(" ", "-").replace(",", "") + ".yaml")
        path.write_bytes(data)
        out.append((name, path, []))
    out.append(("50 MB file, --max-bytes 64M", folder / "50-MB-file.yaml",
                ["--max-bytes", str(64 * 1024 * 1024)]))
    out.append(("alias bomb, --max-nodes 10^12", folder / "alias-bomb.yaml",
                ["--max-nodes", str(10 ** 12)]))
    return out


def measure(path: Path, extra: list[str]) -> tuple[float, float, int, str]:
    start = time.perf_counter()
    proc = subprocess.Popen([*ASAS, "check", "--no-cache", "--format", "concise", str(path),
                             *extra], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            cwd=path.parent)
    out = proc.stdout.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    peak = usage.ru_maxrss / 1024 if sys.platform != "darwin" else usage.ru_maxrss / 2 ** 20
    code = os.waitstatus_to_exitcode(status)
    first = next((line for line in out.splitlines() if line.strip()), "")
    return elapsed, peak, code, first


def main():
    given = sys.argv[1] if len(sys.argv) > 1 else None
    folder = Path(given or tempfile.mkdtemp(prefix="asas-limits-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        print(f"{'input':<32} {'size':>10} {'time':>8} {'peak RSS':>9}  exit  first line")
        for name, path, extra in inputs(folder):
            elapsed, peak, code, first = measure(path, extra)
            size = path.stat().st_size
            print(f"{name:<32} {size:>10,} {elapsed:>7.2f}s {peak:>7.0f} MB  {code:>4}  "
                  f"{first.replace(str(path), path.name)[:110]}", flush=True)
    finally:
        if not given:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
