"""Checking many files: each file on its own, a bad one reported and the rest checked.

``check_paths`` is the simple form (one process, no cache, full results with the case
as read).  :class:`Batch` is what ``asas check`` runs: results in input order, from
the result cache (engine/cache.py) where a file is unchanged, the others checked by a
pool of worker processes (each builds the knowledge engine once), and stopped cleanly
by Ctrl-C.  Its results are compact — no ``loaded`` case, ``meta`` instead — and are
rebuilt from the same plain data whether they come from a worker, the cache or this
process (engine/results.py), so the report is the same byte for byte in every case.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from typing import TYPE_CHECKING, NamedTuple

from asas.engine.i18n.messages import MessageError, Msg
from asas.engine.judge.catalog import RuleDoc
from asas.engine.judge.terms import SEVERITY_RANK
from asas.engine.judge.verdict import CaseResult
from asas.engine.load.discover import case_paths
from asas.engine.load.types import Limits
from asas.engine.report.rendered import Rendered
from asas.engine.run.pipeline import check_file, check_loaded
from asas.engine.run.startup import settle

if TYPE_CHECKING:
    from asas.engine.report.formats import ReportOptions

FAIL_RANK = SEVERITY_RANK
FEW = 4     # up to this many files to check, one process is quicker than a pool


def check_paths(paths, select=None, ignore=None, limits: Limits = Limits(),
                profile=None, suppress: bool = True) -> list[CaseResult]:
    return [check_file(p, select, ignore, limits, profile, suppress) for p in case_paths(paths)]


def exit_code(results: list[CaseResult], fail_on: str) -> int:
    """2 if a file is invalid; else 1 if a finding reaches ``fail_on``; else 0."""
    outcome = Outcome(fail_on)
    for r in results:
        outcome.add(r)
    return outcome.code


class Outcome:
    """The exit status of a run, kept up to date one result at a time."""

    def __init__(self, fail_on: str):
        self.threshold = None if fail_on == "never" else FAIL_RANK[fail_on]
        self.invalid = False
        self.hit = False

    def add(self, r) -> None:
        """Count ``r``: a CaseResult, or a case a worker rendered (Rendered)."""
        if not r.valid:
            self.invalid = True
        elif self.threshold is not None and not self.hit:
            severities = r.severities if r.__class__ is Rendered else \
                (f.doc.severity for f in r.findings)
            self.hit = any(FAIL_RANK[s] <= self.threshold for s in severities)

    @property
    def code(self) -> int:
        return 2 if self.invalid else (1 if self.hit else 0)


def cores() -> int:
    """Cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


# -- one file ------------------------------------------------------------------------

def _cacheable(path) -> bool:
    return path != "-" and not getattr(path, "problem", None)


def _read(path, limits):
    """The file's bytes read as load.py reads them (regular files only, no blocking,
    not while being rewritten); None when it cannot be read — then load_file reports
    why, and nothing is cached."""
    from asas.engine.load.read import Unreadable, read_case_bytes
    try:
        return read_case_bytes(path, limits)
    except (Unreadable, OSError):
        return None


def _check_file(path, select, ignore, limits, cache, profile=None,
                suppress: bool = True, view: bool = True) -> tuple[CaseResult, dict | None]:
    """Check one file: its result, and the result as plain data (engine/run/codec.py)
    when it was stored in the cache (a cache, a file that could be read, every value
    of an exact JSON form), else None.  ``view`` False: the result carries no verbatim
    view (for a report piece that shows none), unless it goes to the cache, whose
    entries keep it for the reports that do."""
    from asas.engine.load.loader import load_bytes, load_file
    from asas.engine.run.codec import NotPlain, to_data
    data = _read(path, limits) if cache is not None and _cacheable(path) else None
    if data is None:
        return check_loaded(load_file(path, limits), select, ignore, profile, suppress,
                            view), None
    result = check_loaded(load_bytes(data, path, limits), select, ignore, profile, suppress)
    try:
        plain = to_data(result)
    except NotPlain:
        return result, None
    cache.put(cache.content_key(data), plain)
    return result, plain


def _check_data(path, select, ignore, limits, cache, profile=None,
                suppress: bool = True) -> tuple[str, dict]:
    """Check one file; its name as the report shows it (``<stdin>`` for -) and its result
    as plain data, for the parent to rebuild (the one stored in the cache when there
    is one)."""
    from asas.engine.run.codec import to_data
    result, plain = _check_file(path, select, ignore, limits, cache, profile, suppress)
    return result.file, plain if plain is not None else to_data(result, strict=False)


# -- worker processes -----------------------------------------------------------------

_worker: dict = {}


def _die_with_parent() -> None:
    """A worker whose parent dies (killed, even with SIGKILL) is stopped by the kernel
    (Linux ``PR_SET_PDEATHSIG``), so no orphan stays blocked on the task queue."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM, 0, 0, 0)     # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


_HELD = tuple(getattr(signal, n) for n in ("SIGTERM", "SIGHUP") if hasattr(signal, n))


class _signals_held:
    """SIGTERM and SIGHUP held (delivered when the block ends), where that is possible."""

    def __enter__(self):
        if hasattr(signal, "pthread_sigmask"):
            signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)

    def __exit__(self, *exc):
        if hasattr(signal, "pthread_sigmask"):
            signal.pthread_sigmask(signal.SIG_UNBLOCK, _HELD)
        return False


class RenderAs(NamedTuple):
    """How the workers render the cases they check, for a streaming format: the
    format's name, the report's language and options (without the callables), and
    whether the results are redacted first (``--redact``)."""
    fmt: str
    lang: str
    options: ReportOptions  # its ``interrupted`` and ``catalog`` left out
    redact: bool
    catalog: bool           # the format is given the run's catalogue (sarif)
    # a text piece is sent as its UTF-8 bytes, for a report that writes UTF-8 bytes
    # (check.py's sinks): the parent then neither decodes it from the pipe nor encodes
    # it again to write it, 40% of its work a case
    encoded: bool = False


def _renderer(render: RenderAs, profile):
    """``(result, index) -> Rendered`` in a worker: the result as the parent would rebuild
    it (codec.compact), redacted as the parent would, and its piece of the report."""
    import dataclasses

    from asas.engine.report.formats import get
    from asas.engine.run.codec import compact
    from asas.engine.run.pipeline import catalog_of
    catalog = catalog_of(profile)
    options = dataclasses.replace(render.options, catalog=catalog if render.catalog else None)
    piece = get(render.fmt).piece
    assert piece is not None
    from asas.engine.report.withheld import for_report
    lang = render.lang
    hide = for_report(lang, render.redact)

    encoded = render.encoded

    def rendered(result, index) -> Rendered:
        r = hide(compact(result, catalog))
        made = piece(r, index, lang, options)
        if encoded and made.__class__ is str:
            try:
                made = made.encode("utf-8")
            except UnicodeEncodeError:
                pass    # a lone surrogate: written as text, by the stream's own rules
        return Rendered.of(r, made)
    return rendered


def _worker_init(select, ignore, limits, cache_folder, cache_config, profile=None,
                 parent=None, suppress: bool = True, render=None):
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # Ctrl-C is the parent's to handle
    for name in ("SIGTERM", "SIGHUP"):             # the parent's handlers are not ours:
        if hasattr(signal, name):                   # terminate() stops a worker at once
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):          # forked while the parent held them
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _HELD)
    _die_with_parent()
    if parent is not None and os.getppid() != parent:
        os._exit(1)    # the parent died before the line above took effect
    _engine_ready(profile)      # a forked worker has it already (the parent built it)
    cache = None
    if cache_folder is not None:    # (not imported for --no-cache: hashlib with it)
        from asas.engine.run.cache import PACK, Cache
        cache = Cache(cache_folder, cache_config)
        cache.pack_size = PACK      # a chunk's entries, one file (flushed after each chunk)
    _worker.update(select=select, ignore=ignore, limits=limits, cache=cache, profile=profile,
                   suppress=suppress,
                   render=None if render is None else _renderer(render, profile))


def _worker_check(items) -> list:
    """``items``: (place in the report, path); for each, ``(file, data)``, or the case
    rendered when the batch renders in the workers."""
    w = _worker
    render = w["render"]
    out: list = []
    try:
        for index, path in items:
            if render is None:
                out.append(_check_data(path, w["select"], w["ignore"], w["limits"],
                                       w["cache"], w["profile"], w["suppress"]))
            else:
                # a piece shows no verbatim view: none is made (a cache keeps one)
                result, _ = _check_file(path, w["select"], w["ignore"], w["limits"],
                                        w["cache"], w["profile"], w["suppress"], view=False)
                out.append(render(result, index))
    finally:
        if w["cache"] is not None:
            w["cache"].flush()
    return out


def _context():
    import multiprocessing
    # fork starts a worker in milliseconds with the parent's imports; elsewhere (macOS,
    # Windows) the platform's default, spawn
    if "fork" in multiprocessing.get_all_start_methods() and os.name == "posix" \
            and not _is_macos():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _chunked(places: list, size: int, jobs: int) -> list:
    """``places`` in chunks of ``size``, the last ``2 * jobs`` chunks' worth in chunks a
    quarter as big: a worker that is done waits at the end for the others' last chunk,
    at most a quarter as long (two cases, not eight)."""
    small = max(1, size // 4)
    tail = min(len(places), 2 * jobs * size) if small < size else 0
    cut = len(places) - tail
    return ([places[i:min(i + size, cut)] for i in range(0, cut, size)]
            + [places[i:i + small] for i in range(cut, len(places), small)])


def _engine_ready(profile) -> None:
    """The knowledge imported and the process's engine for ``profile`` built.  The
    parent calls it before it forks the workers, so that they start with it: built
    once, not once per worker, and frozen (settle) with the rest of the start, so that
    the workers' collector leaves its pages shared; a spawned worker builds its own."""
    from asas.engine.judge.profile import lookup
    from asas.engine.reason.runner import knowledge_engine
    chosen = lookup(profile)
    knowledge_engine(None if chosen.is_default else chosen)


def _ended_threads_gone(wait: float = 0.05) -> None:
    """Before the workers are forked, where this is Python's only thread: a thread that
    has ended (the executor's of a batch before, joined) can be a moment longer in the
    kernel's list of this process's threads, since Python's join returns before its OS
    thread is gone.  Forked then, Python 3.12+ warns that the process is multi-threaded
    (DeprecationWarning).  Waits for the list to hold this thread alone, at most ``wait``
    seconds (a C library's own thread stays: that one the warning is right about)."""
    tasks = "/proc/self/task"     # Linux: one entry per OS thread
    if threading.active_count() > 1 or not os.path.isdir(tasks):
        return
    import time
    end = time.monotonic() + wait
    while len(os.listdir(tasks)) > 1 and time.monotonic() < end:
        time.sleep(0.0002)


def _is_macos() -> bool:
    return sys.platform == "darwin"


# -- the batch -----------------------------------------------------------------------

class Batch:
    """One run of ``asas check`` over ``files`` (already discovered, in order).

    Iterating gives one :class:`CaseResult` per file, in input order.  ``jobs`` None
    means the machine's cores when more than a few files need checking, else one
    process.  ``progress(done, total)`` is called after each result.  On Ctrl-C the
    iteration ends after the results already in hand; ``interrupted`` tells.
    """

    def __init__(self, files, select=None, ignore=None, limits: Limits = Limits(),
                 jobs: int | None = None, cache=None, progress=None, profile: str | None = None,
                 suppress: bool = True):
        self.files = list(files)
        self.suppress = suppress        # False: the files' suppressions not applied
        self.profile = profile          # a profile's name or path; None: the default
        self.select, self.ignore, self.limits = select, ignore, limits
        self.jobs = jobs
        self.cache = cache
        self.progress = progress
        self.interrupted = False
        self.done = 0
        self.jobs_used = 1
        self._catalog: dict[str, RuleDoc] | None = None   # rules.CATALOG, imported when needed
        self.render: RenderAs | None = None     # the workers render their cases (render_as)

    def render_as(self, fmt: str, lang: str, options, redact: bool,
                  encoded: bool = False) -> None:
        """Let the worker processes render the cases they check as ``fmt`` (a streaming
        format with a ``piece``, engine/report/formats) in ``lang`` with ``options``
        (ReportOptions), redacted first when ``redact``: they then send a
        :class:`~asas.engine.report.rendered.Rendered`, which the format's ``stream``
        writes as it is, instead of the result.  Results checked or read from the
        cache in this process stay results.  ``encoded``: the report's sink takes
        bytes (:data:`RenderAs.encoded`, engine/report/rendered.py)."""
        import dataclasses

        from asas.engine.report.formats import ReportOptions
        plain = dataclasses.replace(options, interrupted=ReportOptions.interrupted,
                                    catalog=None, summary=None)
        self.render = RenderAs(fmt, lang, plain, redact, options.catalog is not None,
                               encoded)

    # -- Ctrl-C ---------------------------------------------------------------------
    def _on_sigint(self, signum, frame):
        self.interrupted = True
        # a second Ctrl-C stops at once
        signal.signal(signal.SIGINT, signal.default_int_handler)

    def __iter__(self):
        main = threading.current_thread() is threading.main_thread()
        previous = signal.signal(signal.SIGINT, self._on_sigint) if main else None
        try:
            yield from self._results()
        finally:
            if main:
                signal.signal(signal.SIGINT, previous)

    # -- results --------------------------------------------------------------------
    def _catalog_of(self) -> dict:
        if self._catalog is None:
            from asas.engine.run.pipeline import catalog_of
            self._catalog = catalog_of(self.profile)
        return self._catalog

    def _rebuild(self, data, file, trusted=True) -> CaseResult:
        """A result from plain data (engine/results.py): made by this run's processes
        (``trusted``), or read from the cache and checked field by field."""
        from asas.engine.run.codec import from_data, from_trusted
        return (from_trusted if trusted else from_data)(data, file, self._catalog_of())

    def _here(self, path) -> CaseResult:
        """Check one file in this process: its result as a worker's would be rebuilt."""
        from asas.engine.run.codec import compact
        # the workers' pieces show no verbatim view; nor do this process's results then
        result, _ = _check_file(path, self.select, self.ignore, self.limits, self.cache,
                                self.profile, self.suppress, view=self.render is None)
        settle()    # the start is over: the engine is built
        return compact(result, self._catalog_of())

    def _cached(self, path):
        """The cached result of a file, or None."""
        from asas.engine.run.codec import BadData
        data = _read(path, self.limits)
        if data is None:
            return None
        stored = self.cache.get(self.cache.content_key(data))
        if stored is None:
            return None
        try:
            result = self._rebuild(stored, path, trusted=False)
        except BadData:
            return None     # corrupt or foreign: checked again, and the entry rewritten
        self.cache.hits += 1
        return result

    def _emit(self, result):
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, len(self.files))
        return result

    def _results(self):
        cache = self.cache
        if cache is None:
            yield from self._checked()
            return
        # the entries of this process's files go to disk a pack at a time, the last
        # ones when the batch ends, however it ends
        from asas.engine.run.cache import PACK
        cache.pack_size = PACK
        try:
            yield from self._checked()
        finally:
            cache.flush()
            cache.pack_size = 1

    def _checked(self):
        files = self.files
        # which files have a cache entry: looked up first, so that the others can go to
        # the workers at once (entries are read again, and checked, when their turn comes)
        if self.cache is not None and self.cache.problem is None and self.cache.base.is_dir():
            marks = []
            for path in files:
                data = _read(path, self.limits) if _cacheable(path) else None
                marks.append(data is not None and
                             self.cache.has(self.cache.content_key(data)))
        else:
            marks = [False] * len(files)
        misses = [p for p, hit in zip(files, marks) if not hit and _cacheable(p)]
        jobs = self.jobs if self.jobs is not None else (cores() if len(misses) > FEW else 1)
        jobs = max(1, min(jobs, len(misses)))
        self.jobs_used = jobs
        if jobs == 1:
            for path, hit in zip(files, marks):
                if self.interrupted:
                    return
                result = (self._cached(path) if hit else None) or self._here(path)
                yield self._emit(result)
            return
        yield from self._pooled(files, marks, misses, jobs)

    def _pooled(self, files, marks, misses, jobs):
        from collections import deque
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures import TimeoutError as Pending
        from concurrent.futures.process import BrokenProcessPool
        context = _context()
        if context.get_start_method() == "fork":
            _engine_ready(self.profile)
            _ended_threads_gone()
        settle()    # the workers check many files: the collector as usual
        cache = self.cache
        init = (self.select, self.ignore, self.limits,
                str(cache.folder) if cache is not None else None,
                cache.config if cache is not None else None, self.profile, os.getpid(),
                self.suppress, self.render)
        # files go to the workers a few at a time (fewer messages), in order, and only
        # a few chunks ahead of the report (results waiting to be written stay few)
        size = max(1, min(8, len(misses) // (jobs * 16)))
        places = [(i, p) for i, (p, hit) in enumerate(zip(files, marks))
                  if not hit and _cacheable(p)]
        chunks = iter(_chunked(places, size, jobs))
        ahead = jobs * 4
        executor = ProcessPoolExecutor(jobs, mp_context=context, initializer=_worker_init,
                                       initargs=init)
        pending: deque = deque()
        ready: list = []

        def submit():
            # SIGTERM/SIGHUP wait while workers are forked: raised inside an at-fork
            # callback, the stop would be swallowed (workers unblock them at start)
            with _signals_held():
                while len(pending) < ahead:
                    chunk = next(chunks, None)
                    if chunk is None:
                        return
                    pending.append(executor.submit(_worker_check, chunk))

        try:
            submit()
            for path, hit in zip(files, marks):
                if self.interrupted:
                    return
                if hit:
                    result = self._cached(path)
                    if result is None:
                        result = self._here(path)
                elif not _cacheable(path):
                    result = self._here(path)
                else:
                    while not ready:
                        try:
                            ready = pending[0].result(timeout=0.2)[::-1]
                        except Pending:
                            if self.interrupted:
                                return
                        else:
                            pending.popleft()
                            submit()
                    item = ready.pop()
                    result = item if item.__class__ is Rendered else self._rebuild(item[1],
                                                                                   item[0])
                yield self._emit(result)
        except BrokenProcessPool:
            raise WorkerDied(Msg.of("run.worker_died")) from None
        finally:
            for future in pending:
                future.cancel()
            # interrupted, or the report's reader went away: the workers finish the
            # chunk in hand (at most 8 files) and stop.  They are not terminated: one
            # killed while writing its result to the shared queue leaves half a message
            # that the executor's reader then waits on for ever (the rare hang after a
            # Ctrl-C, tests/test_jobs.py::test_ctrl_c_in_a_real_process)
            executor.shutdown(wait=True, cancel_futures=True)


class WorkerDied(MessageError, RuntimeError):
    """A worker process of a batch ended without returning its results (``text(lang)``:
    the message in the reader's language)."""
