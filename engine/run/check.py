"""``asas check`` as a function: :func:`run_check` takes :class:`CheckOptions` and
returns the exit status; ``cli.py`` only turns options into it and it into an exit.
Tests call it directly, with their own streams.

Exit status: 0 no finding reached ``fail_on``; 1 some finding did; 2 a file could not
be read or is invalid, or the report could not be written (:class:`CheckError`); 130
interrupted (Ctrl-C); 128 + N stopped by signal N (SIGTERM, SIGHUP): the workers are
stopped and no temporary report is left; 141 the report's reader went away.
"""

from __future__ import annotations

import io
import os
import sys
from dataclasses import dataclass, field
from typing import TextIO

from asas.engine.i18n.messages import MessageError, Msg
from asas.engine.load.types import Limits


class CheckError(MessageError):
    """A failure to read or write that ends the run with exit status 2 and this one-line
    message, a code of engine/i18n/messages.py (``text(lang)``; ``str()`` is English);
    ``usage`` True: the command line itself is wrong."""

    def __init__(self, message: Msg | str, usage: bool = False):
        super().__init__(message)
        self.usage = usage


@dataclass
class CheckOptions:
    paths: tuple = ()
    fmt: str = "text"
    lang: str = "en"
    output: str | None = None
    fail_on: str = "violation"
    select: list | None = None
    ignore: list | None = None
    examples: bool = False
    redact: bool = False
    no_redact: bool = False         # html: not even a batch is redacted (--no-redact)
    by_trainee: bool = False        # html: the lecturer's view (--lecturer)
    limits: Limits = field(default_factory=Limits)
    jobs: int | None = None
    cache_dir: str | None = None
    no_cache: bool = False
    color: bool | None = None    # --color always/never; None: auto (progress.use_color)
    progress: bool | None = None  # None: decided by :func:`show_progress`
    profile: str | None = None   # a profile's name or file; None: the default
    quiet: bool = False          # text, concise: only the files that fail (--quiet)
    only_case_files: bool = False   # skip files that do not declare format: asas/v1
    step_summary: str | None = None  # github: append a markdown summary to this file
    junit_family: str = "gitlab"  # junit: gitlab | jenkins (--junit-family)
    docs_url: str | None = None   # sarif: the base of each rule's helpUri (config docs-url)
    suppress: bool = True        # False: the files' own suppressions not applied (--no-suppress)


def _isatty(stream) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (ValueError, OSError, AttributeError):
        return False


def show_progress(machine: bool, output: str | None, files: int, stdout=None,
                  stderr=None) -> bool:
    """A progress bar on standard error: only at a terminal, for more than one file,
    and never while a machine format is piped to another program."""
    stdout = sys.stdout if stdout is None else stdout
    stderr = sys.stderr if stderr is None else stderr
    from asas.engine.run.progress import dumb_terminal
    if files < 2 or not _isatty(stderr) or dumb_terminal():
        return False
    return not (machine and output is None and not _isatty(stdout))


def interrupted_note(done: int, total: int, lang: str) -> str:
    from asas.engine.i18n.messages import t
    return t("cli.interrupted", lang, done=done, total=total)


def _shown(name) -> str:
    from asas.engine.report.safe import safe_name
    return safe_name(name)


class _Out:
    """Standard output for a report: the progress bar (on the same terminal) is taken
    away before each piece is written; a failure to write (full disk, closed stream)
    becomes :class:`_StdoutFailed`."""

    def __init__(self, stream: TextIO, progress):
        self.stream = stream
        self.progress = progress

    def write(self, text: str | bytes) -> None:
        if self.progress is not None:
            self.progress.close()
        try:
            if isinstance(text, bytes):     # a worker's piece, encoded (takes_bytes):
                self.stream.buffer.write(text)      # the text before it is flushed
                self.stream.buffer.flush()
                return
            self.stream.write(text)
            self.stream.flush()
        except BrokenPipeError:
            raise
        except UnicodeEncodeError:     # a name that is not UTF-8, on a strict stream
            assert isinstance(text, str)   # (bytes are written as they are)
            self.stream.write(text.encode("utf-8", "surrogateescape").decode(
                "utf-8", "backslashreplace"))
        except OSError as exc:
            raise _StdoutFailed(exc) from None


def takes_bytes(stream) -> bool:
    """Whether a piece's UTF-8 bytes written to ``stream``'s buffer are exactly what
    writing the piece to ``stream`` writes: a text stream in UTF-8 on a buffer, whose
    "\\n" stays "\\n" (not opened with another ``newline``).  :class:`_Out` flushes
    each text it writes, so its buffer never has text waiting behind the bytes."""
    import codecs
    encoding = getattr(stream, "encoding", None)
    if os.linesep != "\n" or getattr(stream, "buffer", None) is None or not encoding:
        return False
    try:
        return codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return False


class _FileBytes:
    """The report file of ``atomic_writer`` (UTF-8, ``newline=""``) taking a worker's
    encoded pieces as well: everything goes to its buffer, text encoded as the file
    would encode it, so nothing waits in the text layer behind the bytes."""

    def __init__(self, fh):
        self.buffer = fh.buffer
        self.encoding, self.errors = fh.encoding, fh.errors

    def write(self, text: str | bytes) -> None:
        self.buffer.write(text if isinstance(text, bytes)
                          else text.encode(self.encoding, self.errors))


class _StdoutFailed(Exception):
    def __init__(self, exc: OSError):
        super().__init__(exc)
        self.exc = exc


def _stdout_gone(stream) -> None:
    """Point a failed standard output at /dev/null, so that Python's flush at exit does
    not fail again with a traceback."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _whole_writes(stream):
    """``stream`` itself, or, when it writes straight to an unbuffered file (``python
    -u``, ``PYTHONUNBUFFERED``), a buffered text stream on the same file. TextIOWrapper
    hands each write to a raw file once and does not retry a partial one: a write to a
    full pipe that a Ctrl-C cuts short lost the rest of a case's piece, and the JSON
    report no longer parsed (tests/test_jobs.py::test_ctrl_c_in_a_real_process)."""
    raw = getattr(stream, "buffer", None)
    if not isinstance(raw, io.RawIOBase):
        return None
    return io.TextIOWrapper(io.BufferedWriter(raw), encoding=stream.encoding,
                            errors=stream.errors, newline=None)


def _let_go(stream) -> None:
    """Flush the stream ``_whole_writes`` made and give the file back untouched (closing
    the wrapper would close standard output)."""
    try:
        stream.detach().detach()
    except (OSError, ValueError):
        _KEPT.append(stream)    # unflushable: kept, so that it never closes the file


_KEPT: list = []


def unflushed() -> bool:
    """Whether a stream of ``_whole_writes`` could not be given back (the process must
    then exit as usual, which reports it)."""
    return bool(_KEPT)


def run_check(o: CheckOptions, stdout: TextIO | None = None,
              stderr: TextIO | None = None) -> int:
    """Check ``o.paths`` and write the report; return the exit status.  Raises
    :class:`CheckError` for a failure to read or write (exit 2)."""
    stdout = sys.stdout if stdout is None else stdout
    whole = _whole_writes(stdout) if stdout is not None else None
    try:
        return _run_check(o, stdout if whole is None else whole, stderr)
    finally:
        from asas.engine.run.startup import settle
        settle()
        if whole is not None:
            _let_go(whole)


def _run_check(o: CheckOptions, stdout: TextIO, stderr: TextIO | None) -> int:
    from asas.engine.i18n.oserr import write_error
    from asas.engine.load.discover import case_paths
    from asas.engine.report.formats import ReportOptions, get, redacts
    from asas.engine.run.atomic import (
        OutputRefused,
        Terminated,
        atomic_writer,
        exit_status,
        refuse_inputs,
        signal_within,
        terminate_as_interrupt,
    )
    from asas.engine.run.batch import Batch, Outcome, WorkerDied
    stderr = sys.stderr if stderr is None else stderr

    paths = tuple(o.paths)
    if o.examples:
        from asas.engine.run.bundled import bundled_cases
        paths = (*paths, *bundled_cases(o.profile))
    if not paths:
        raise CheckError(Msg.of("cli.need_paths"), usage=True)
    if "-" in paths and sys.stdin is None:
        raise CheckError(Msg.of("run.stdin_closed"))
    if o.output is None and stdout is None:
        raise CheckError(Msg.of("run.stdout_closed"))
    fmt = get(o.fmt)
    files = case_paths(paths)
    if o.only_case_files:
        files = _case_files_only(files, o, stderr)
    if o.output:
        try:
            refuse_inputs(o.output, files)
        except OutputRefused as exc:
            raise CheckError(exc.msg) from None
    cache = None
    if not o.no_cache:
        cache = open_cache(o.cache_dir, o.select, o.ignore, o.limits, o.profile, o.suppress)
        if cache.problem is not None:     # another user's, or writable by others (S2)
            from asas.engine.run.cache import untrusted_message
            _say(stderr, untrusted_message(cache.folder, o.lang) or cache.problem)
            cache = None
    wants_progress = (show_progress(fmt.machine, o.output, len(files), stdout, stderr)
                      if o.progress is None else o.progress)
    progress = None
    if wants_progress:
        from asas.engine.run.progress import Progress
        progress = Progress(len(files), stream=stderr, lang=o.lang)
    batch = Batch(files, o.select, o.ignore, o.limits, jobs=o.jobs, cache=cache,
                  progress=progress, profile=o.profile, suppress=o.suppress)
    outcome = Outcome(o.fail_on)
    asked = True if o.redact else (False if o.no_redact else None)
    from asas.engine.report.withheld import for_report
    # redacted for --redact, or for a format that leaves the machine
    hide = for_report(o.lang, bool(redacts(o.fmt, asked)))
    quiet = o.quiet and o.fmt in QUIET_FORMATS
    deferred: list = []           # --quiet: what a format writes before the first case

    from asas.engine.report.rendered import Rendered

    def results():
        for r in batch:
            outcome.add(r)
            # an unused suppression is a notice to act on (as ruff's unused noqa): shown
            if quiet and not fails(r, o.fail_on) and not unused(r):
                continue
            for sink in deferred:
                sink.release()
            yield r if r.__class__ is Rendered else hide(r)   # a worker's: redacted there

    def interrupted():
        if batch.interrupted:
            return interrupted_note(batch.done, len(batch.files), o.lang)
        return None

    color = o.color
    if color is None:
        from asas.engine.run.progress import use_color
        color = use_color(None, o.output is not None, stdout)
    summary = None
    if o.step_summary and o.fmt == "github":
        summary = _summary_sink(o.step_summary, files, o.lang, stderr)
    options = ReportOptions(color=color, fail_on=o.fail_on, redact=asked,
                            by_trainee=o.by_trainee, interrupted=interrupted,
                            select=tuple(o.select) if o.select else None,
                            ignore=tuple(o.ignore) if o.ignore else None,
                            profile=o.profile, catalog=_catalog(o.fmt, o.profile),
                            junit_family=o.junit_family, docs_url=o.docs_url,
                            quiet=quiet, summary=summary)
    if fmt.stream is not None and fmt.piece is not None:   # the workers write the cases
        batch.render_as(o.fmt, o.lang, options, bool(redacts(o.fmt, asked)),
                        encoded=bool(o.output) or takes_bytes(stdout))
    out: _Out | _Deferred = _Out(stdout, progress)
    if quiet:
        out = _Deferred(out)
        deferred.append(out)
    terminate_as_interrupt()
    try:
        if fmt.stream is None:      # formats that need every result first
            shown = list(results())
            if progress is not None:
                progress.close()
            text = fmt.render(shown, o.lang, options)
            if o.output:
                with atomic_writer(o.output) as fh:
                    fh.write(text)
            else:
                out.write(text)
        elif o.output:
            with atomic_writer(o.output) as fh:
                sink: _FileBytes | _Deferred = _FileBytes(fh)
                if quiet:
                    sink = _Deferred(sink)
                    deferred[:] = [sink]
                fmt.stream(results(), o.lang, sink, options)
        else:
            fmt.stream(results(), o.lang, out, options)
    except OutputRefused as exc:
        raise CheckError(exc.msg) from None
    except _StdoutFailed as exc:
        _stdout_gone(stdout)
        raise CheckError(Msg.of("run.stdout_failed", why=write_error(exc.exc))) from None
    except OSError as exc:
        if isinstance(exc, BrokenPipeError) and not o.output:
            return _broken_pipe(stdout)
        where = _shown(o.output) if o.output else Msg.of("run.standard_output")
        raise CheckError(Msg.of("cli.cannot_write", file=where, why=write_error(exc))) \
            from None
    except WorkerDied as exc:
        _say(stderr, "\nasas: " + exc.text(o.lang))
        return 2
    except Terminated as exc:   # SIGTERM, SIGHUP: the workers and the temporary are gone
        return exit_status(exc)
    except KeyboardInterrupt:   # a second Ctrl-C: stop at once, the report unfinished
        _say(stderr, "")
        return 130
    except RuntimeError as exc:
        stop = signal_within(exc)
        if stop is None:
            raise
        if isinstance(stop, Terminated):
            return exit_status(stop)
        _say(stderr, "")
        return 130
    finally:
        if progress is not None:
            progress.close()
    if batch.interrupted:
        if quiet or not (fmt.stream is not None and o.fmt == "text" and o.output is None
                         and _isatty(stdout)):   # else the report on screen just said it
            _say(stderr, interrupted())
        return 130
    return outcome.code


# --quiet applies to the reports a person reads line by line; the others are unchanged
QUIET_FORMATS = ("text", "concise")


def fails(r, fail_on: str) -> bool:
    """Whether one result makes the run fail: an invalid file, or a finding of
    ``fail_on``'s severity or worse."""
    from asas.engine.run.batch import FAIL_RANK
    if not r.valid:
        return True
    if fail_on == "never":
        return False
    severities = r.severities if hasattr(r, "piece") else (f.doc.severity for f in r.findings)
    return any(FAIL_RANK[s] <= FAIL_RANK[fail_on] for s in severities)


def unused(r) -> int:
    """How many of one result's suppressions went unused (a worker's Rendered counts
    them; it has no list)."""
    return r.unused if hasattr(r, "piece") else len(r.unused_suppressions)


class _Deferred:
    """A sink that holds what is written until :meth:`release` (the first case shown):
    under --quiet a run whose files all pass prints nothing at all."""

    def __init__(self, sink):
        self.sink = sink
        self.held: list[str] | None = []

    def write(self, text: str) -> None:
        if self.held is None:
            self.sink.write(text)
        else:
            self.held.append(text)

    def release(self) -> None:
        if self.held is not None:
            held, self.held = self.held, None
            if held:
                self.sink.write("".join(held))


def _case_files_only(files, o: CheckOptions, stderr) -> list:
    """--only-case-files: leave out the files that do not declare the case format (a
    mkdocs.yml staged beside the cases); each is named on standard error unless
    --quiet."""
    from asas.engine.i18n.messages import t
    from asas.engine.load.sniff import declares_case
    kept = []
    for f in files:
        if declares_case(f, o.limits):
            kept.append(f)
        elif not o.quiet:
            _say(stderr, t("ci.not_case_file", o.lang, file=_shown(f)))
    return kept


def _summary_sink(path: str, files, lang: str, stderr):
    """Where --format github appends its step summary: ``$GITHUB_STEP_SUMMARY``, opened
    for appending (what earlier steps wrote stays), never a file being checked.  A
    failure is said on standard error and does not change the exit status."""
    def write(text: str) -> bool:
        from asas.engine.i18n.messages import t
        from asas.engine.run.atomic import OutputRefused, refuse_inputs
        try:
            refuse_inputs(path, files)
        except OutputRefused:
            _say(stderr, t("ci.summary_is_input", lang, file=_shown(path)))
            return False
        try:
            with open(path, "a", encoding="utf-8", newline="\n") as fh:
                fh.write(("\n" if fh.tell() else "") + text)   # apart from what is there
        except OSError as exc:
            from asas.engine.load.types import os_error
            _say(stderr, t("ci.summary_unwritable", lang, file=_shown(path),
                           why=os_error(exc).text(lang)))
            return False
        return True
    return write


def _catalog(fmt: str, profile):
    """The run's catalogue, for the formats that list every rule (sarif)."""
    if fmt != "sarif":
        return None
    from asas.engine.run.pipeline import catalog_of
    return catalog_of(profile)


def _say(stderr, text: str) -> None:
    try:
        stderr.write(text + "\n")
        stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass


def _broken_pipe(stdout) -> int:
    """The reader went away (``| head``): stop quietly, with the status a shell gives a
    program killed by SIGPIPE."""
    _stdout_gone(stdout)
    return 141


def cache_dir(folder: str | None):
    from asas.engine.run.cache import default_dir
    return folder if folder else default_dir()


def open_cache(folder, select, ignore, limits, profile=None, suppress: bool = True):
    from asas.engine.run.cache import Cache, config_key
    return Cache(cache_dir(folder), config_key(select, ignore, limits, profile, suppress))
