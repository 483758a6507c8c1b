"""Peak memory of ``asas check`` by format, for a batch of many files (S17).

    python bench/memory.py [--files 20000] [--distinct 200] [--formats text,json,...]

Writes ``--distinct`` generated cases (bench/generate.py, seed 11) and copies them
until the folder holds ``--files`` files, fills a fresh result cache with the distinct
ones, then runs ``asas check FOLDER --format F -o REPORT`` once per format, every file a
cache hit, and prints each run's peak resident memory (the child's ``ru_maxrss``),
wall time and report size.  A format whose memory grows with the batch holds every
result; a streamed one stays flat.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
FORMATS = ["text", "json", "concise", "csv", "github", "sarif", "junit", "markdown", "html"]


def peak_run(cmd: list[str], env: dict) -> tuple[int, float, int]:
    """(exit status, seconds, peak RSS in MiB) of one child process."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read()
    proc.stderr.close()
    if b"Traceback" in err:
        sys.stderr.write(err.decode(errors="replace"))
    return proc.returncode, time.monotonic() - start, usage.ru_maxrss // 1024


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=20000)
    parser.add_argument("--distinct", type=int, default=200)
    parser.add_argument("--formats", default=",".join(FORMATS))
    opts = parser.parse_args(argv)
    sys.path.insert(0, str(HERE))
    from generate import write_cases

    asas = [sys.executable, "-m", "asas"]
    with tempfile.TemporaryDirectory(prefix="asas-mem-") as tmp:
        tmp = Path(tmp)
        distinct = write_cases(tmp / "distinct", opts.distinct, seed=11)
        batch = tmp / "batch"
        batch.mkdir()
        for i in range(opts.files):
            src = distinct[i % len(distinct)]
            shutil.copyfile(src, batch / f"k{i:06d}.yaml")
        env = dict(os.environ, NO_COLOR="1")
        cache = str(tmp / "cache")
        code, seconds, _ = peak_run(asas + ["check", str(tmp / "distinct"), "--cache-dir",
                                            cache, "--fail-on", "never", "--format", "json"],
                                    env)
        print(f"cache filled with {opts.distinct} distinct cases in {seconds:.1f} s "
              f"(exit {code})")
        print(f"{opts.files:,} files, every one a cache hit")
        print(f"{'format':<10} {'peak MiB':>9} {'seconds':>8} {'report MiB':>11}  exit")
        for fmt in opts.formats.split(","):
            out = tmp / f"report.{fmt}"
            code, seconds, peak = peak_run(
                asas + ["check", str(batch), "--cache-dir", cache, "--fail-on", "never",
                        "--format", fmt, "-o", str(out)], env)
            size = out.stat().st_size / 2 ** 20 if out.exists() else 0
            print(f"{fmt:<10} {peak:>9} {seconds:>8.1f} {size:>11.1f}  {code}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
