"""What writing the result cache costs the kernel: one file per entry, or packs.

    python bench/cache_files.py [--entries 1000] [--runs 3] [--dir DIR]

Writes ``--entries`` cache entries of about 5 KB (the size of a generated case's
entry) into a fresh cache folder, in ``DIR`` (default: the system's temporary folder,
which should be on the disk a user's cache is on), two ways:

- one file per entry, as asas wrote them up to 1.0 (``v1/<settings>/<xx>/<key>.json``,
  each a temporary file renamed into place: engine/run/atomic.py
  ``replace_with_bytes``);
- packs, as it writes them now (engine/run/cache.py: ``Cache`` with the batch's
  ``pack_size``, ``PACK`` entries a file under one name each).

Each run deletes the folder the previous one wrote first, as ``bench/run.py`` does
between its cold runs: on ext4 a new inode right after many were deleted costs far more
than on a quiet file system, and the figures show both the wall time and the system
(kernel) CPU time of the writing, medians over ``--runs``.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.dont_write_bytecode = True


def _entry(i: int) -> dict:
    # the shape of a stored result does not matter here, only its size
    return {"v": 4, "case_id": f"KI-{i:05d}", "pad": "x" * 5000}


def one_file_each(folder: str, keys) -> None:
    from asas.engine.run.atomic import replace_with_bytes
    from asas.engine.run.cache import _ENTRY, _makedirs
    made = set()
    for i, key in enumerate(keys):
        sub = os.path.join(folder, key[:2])
        if sub not in made:
            _makedirs(sub)
            made.add(sub)
        text = _ENTRY({"key": key, "config": "c" * 64, "result": _entry(i)})
        replace_with_bytes(os.path.join(sub, key + ".json"), text.encode())


def packs(folder: str, keys) -> None:
    from asas.engine.run.cache import PACK, Cache
    cache = Cache(folder, "c" * 64)
    cache.pack_size = PACK
    for i, key in enumerate(keys):
        cache.put(key, _entry(i))
    cache.flush()
    assert cache.writable


def measure(write, root: Path, keys, runs: int) -> tuple[float, float]:
    walls, kernel = [], []
    previous = None
    for n in range(runs + 1):
        folder = root / f"{write.__name__}-{n}"
        if previous is not None:
            shutil.rmtree(previous)
        start, before = time.perf_counter(), os.times()
        write(str(folder), keys)
        after = os.times()
        if n:       # the first run only makes the deleted inodes the others find
            walls.append(time.perf_counter() - start)
            kernel.append(after.system - before.system)
        previous = folder
    shutil.rmtree(previous)
    return statistics.median(walls), statistics.median(kernel)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--entries", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--dir", default=None)
    args = ap.parse_args(argv)
    keys = [hashlib.sha256(str(i).encode()).hexdigest() for i in range(args.entries)]
    with tempfile.TemporaryDirectory(prefix="asas-cache-bench-", dir=args.dir) as tmp:
        root = Path(tmp)
        print(f"{args.entries} entries of ~5 KB in {tmp}, medians of {args.runs} runs, "
              f"each right after the previous run's folder was deleted")
        for write in (one_file_each, packs):
            wall, kernel = measure(write, root, keys, args.runs)
            print(f"  {write.__name__:<14} wall {wall:6.3f} s   kernel CPU {kernel:6.3f} s")


if __name__ == "__main__":
    main()
