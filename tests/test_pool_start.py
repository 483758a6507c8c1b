"""A batch's workers are forked with the knowledge engine already built: the parent
builds it once (engine/run/batch.py ``_engine_ready``), no worker builds its own."""

from __future__ import annotations

import os

import pytest

from asas.engine.reason import runner
from asas.engine.run import batch
from asas.engine.run.batch import Batch

from helpers import generator


@pytest.mark.skipif(batch._context().get_start_method() != "fork",
                    reason="workers are forked only where fork is the start method")
def test_the_engine_is_built_once_in_the_parent_not_in_each_worker(tmp_path, monkeypatch):
    files = generator().write_cases(tmp_path / "cases", 12, seed=3)
    log = tmp_path / "built"
    build = runner.build_engine

    def logged(profile=None):
        with open(log, "a", encoding="utf-8") as out:   # a forked worker writes here too
            out.write(f"{os.getpid()}\n")
        return build(profile)

    monkeypatch.setattr(runner, "build_engine", logged)
    monkeypatch.setattr(runner, "_engines", {})     # as in a new process
    one = [r.case_id for r in Batch([str(f) for f in files], jobs=1)]
    log.unlink()
    monkeypatch.setattr(runner, "_engines", {})
    run = Batch([str(f) for f in files], jobs=2)
    two = [r.case_id for r in run]
    assert run.jobs_used == 2
    assert two == one
    assert log.read_text(encoding="utf-8").split() == [str(os.getpid())]


@pytest.mark.parametrize("n, size, jobs", [(1000, 8, 2), (97, 3, 2), (40, 1, 4), (5, 8, 2),
                                           (0, 8, 2), (33, 8, 8)])
def test_files_go_in_order_in_chunks_that_shrink_at_the_end(n, size, jobs):
    places = [(i, f"f{i}") for i in range(n)]
    chunks = batch._chunked(places, size, jobs)
    assert [p for c in chunks for p in c] == places          # each once, in order
    assert all(c for c in chunks)
    sizes = [len(c) for c in chunks]
    small = max(1, size // 4)
    assert all(s <= size for s in sizes)
    if n >= 2 * jobs * size and small < size:
        assert sizes[-2 * jobs * size // small:] == [small] * (2 * jobs * size // small)
        assert sizes[0] == size


@pytest.mark.skipif(batch._context().get_start_method() != "fork"
                    or not os.path.isdir("/proc/self/task"),
                    reason="workers forked, and the process's threads listed (Linux)")
def test_batches_one_after_another_fork_their_workers_from_a_single_thread(tmp_path,
                                                                           monkeypatch):
    """The threads a batch's executor started are joined when it ends, but the kernel can
    list one a moment longer; a batch that forked its workers then would make Python
    3.12+ warn that the process is multi-threaded (as counted here, at each fork)."""
    files = [str(f) for f in generator().write_cases(tmp_path / "cases", 6, seed=4)]
    threads_at_fork = []
    fork = os.fork

    def counted():
        threads_at_fork.append(len(os.listdir("/proc/self/task")))
        return fork()

    monkeypatch.setattr(os, "fork", counted)
    ids = [[r.case_id for r in Batch(files, jobs=2)] for _ in range(8)]
    assert ids == [ids[0]] * 8 and len(ids[0]) == 6
    assert threads_at_fork == [1] * 16
