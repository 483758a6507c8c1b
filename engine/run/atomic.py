"""Writing files: whole or not at all, never touching anything but the named file.

Every command that writes a file (``check``, ``grade``, ``trend``, ``schema``, ``init``,
``interview``, ``verbatim import``) goes through this module:

- :func:`refuse_inputs` — the one check that a file about to be written is none of the
  files the command reads (the same path, a link, a hard link, ``../``, a file inside a
  folder given, or the file redirected to standard input, ``-``);
- :func:`refuse_planted_link` — a link in a shared, sticky folder (``/tmp``) that
  another user made is not written through (what the kernel's ``protected_symlinks``
  does for ``open``, which a rename onto the resolved path would bypass);
- :func:`write_atomic` / :func:`atomic_writer` — a temporary file beside the target,
  renamed into place, removed if anything (also SIGTERM or SIGHUP, see
  :func:`terminate_as_interrupt`) stops the write.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat

from asas.engine.i18n.messages import MessageError, Msg

STDIN = "-"


class OutputRefused(MessageError, ValueError):
    """The named output would overwrite something that must not be touched: a ``run.``
    message (engine/i18n/messages.py), ``text(lang)`` in the reader's language."""


# the words callers pass for ``what``, ``role`` and ``option``, as messages
_WORDS = {"the report": "run.the_report", "the case file": "run.the_case_file",
          "one of the case files being checked": "run.a_case_file",
          "one of the files this command reads": "run.an_input",
          "file name": "run.file_name"}


def _word(text: str):
    code = _WORDS.get(text)
    return Msg.of(code) if code else text


def _identity(st: os.stat_result) -> tuple[int, int]:
    return (st.st_dev, st.st_ino)


def _stdin_identity():
    """The file standard input is redirected from (``< FILE``), or None (a pipe, a
    terminal, closed)."""
    try:
        st = os.fstat(0)
    except (OSError, ValueError):
        return None
    return _identity(st) if stat.S_ISREG(st.st_mode) else None


def _shown(name) -> str:
    from asas.engine.report.safe import safe_name
    return safe_name(name)


def refuse_inputs(path: str, inputs, what: str = "the report",
                  role: str = "one of the case files being checked",
                  option: str = "--output") -> None:
    """Raise :class:`OutputRefused` if writing ``path`` would replace one of ``inputs``:
    a report must never replace a case file.

    ``inputs`` are paths (links followed, so a link, a hard link or ``../`` to an
    input is caught) or ``-``, standard input: then the file it is redirected from
    (``check - -o FILE < FILE``) is an input too.  Names with a ``problem`` (folders
    that could not be searched) are skipped.  A ``path`` that does not exist cannot be
    an input; a dangling link to an input's name is caught by name.  A link another
    user planted in a shared folder is refused too (:func:`refuse_planted_link`), so
    that the command stops before any work.
    """
    refuse_planted_link(path, option)
    try:
        target = _identity(os.stat(path))
    except OSError:
        target = None
    real = os.path.realpath(path)
    for name in inputs:
        if getattr(name, "problem", None):
            continue
        if name == STDIN:
            if target is not None and _stdin_identity() == target:
                raise OutputRefused(Msg.of("run.refuse_stdin", what=_word(what),
                                           file=_shown(path), option=_word(option)))
            continue
        try:
            same = target is not None and _identity(os.stat(name)) == target
        except OSError:
            same = False
        if same or (target is None and os.path.realpath(name) == real):
            raise OutputRefused(Msg.of("run.refuse_input", what=_word(what),
                                       file=_shown(name), role=_word(role),
                                       option=_word(option)))


def refuse_planted_link(path: str, option: str = "--output") -> None:
    """Raise :class:`OutputRefused` if ``path`` is a link that another user planted in
    a world-writable sticky folder (``/tmp``, a shared class folder): the kernel will
    not follow such a link for ``open`` (``fs.protected_symlinks``), and neither does
    asas.  The rule is the kernel's: such a link is followed only when its owner is
    the user, or the folder's owner."""
    try:
        link = os.lstat(path)
    except OSError:
        return
    if not stat.S_ISLNK(link.st_mode):
        return
    try:
        folder = os.stat(os.path.dirname(os.path.abspath(path)))
    except OSError:
        return
    shared = folder.st_mode & stat.S_ISVTX and folder.st_mode & stat.S_IWOTH
    if shared and link.st_uid not in (os.geteuid(), folder.st_uid):
        raise OutputRefused(Msg.of("run.refuse_link", file=_shown(path), uid=link.st_uid,
                                   option=_word(option)))


def write_atomic(path: str, text: str) -> None:
    """Write ``text`` to ``path`` so that an interrupted run leaves either the old file or
    the complete new one, and nothing else behind.

    The text goes to a temporary file beside the target, is flushed to disk, then
    renamed into place.  A link is written through (the file it points to is replaced,
    the link stays), except a link another user planted in a shared folder
    (:func:`refuse_planted_link`).  A new report is readable by its owner only (reports
    quote case files); an existing one keeps its permissions.  A target that is not a
    regular file (``/dev/stdout``, a FIFO) is written to directly, as renaming over it
    would replace the device or pipe itself.
    """
    with atomic_writer(path) as fh:
        fh.write(text)


@contextlib.contextmanager
def atomic_writer(path: str):
    """``write_atomic`` for a report written piece by piece: yields a text file; the
    target is replaced only when the ``with`` block ends without an exception."""
    refuse_planted_link(path)
    target = os.path.realpath(path)
    try:
        st = os.stat(target)
    except FileNotFoundError:
        st = None
    if st is not None and not stat.S_ISREG(st.st_mode):
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(21, "Is a directory", path)
        with open(target, "w", encoding="utf-8", newline="", errors="surrogateescape") as fh:
            yield fh
        return
    with replaced_file(target, durable=True,
                       mode=None if st is None else stat.S_IMODE(st.st_mode)) as fh:
        yield fh


_TEMP_FLAGS = (os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
               | getattr(os, "O_BINARY", 0))


def _mkstemp(folder: str) -> tuple[int, str]:
    """``tempfile.mkstemp(prefix=".asas-", suffix=".tmp", dir=folder)``: a new file
    (exclusive, 0600, no link followed) of a random name; without tempfile, which
    brings shutil, bz2, lzma and random, 4 ms of a one-file check's start."""
    fd, name = _new_temp(folder)
    return fd, os.path.abspath(name)


def _new_temp(folder: str) -> tuple[int, str]:
    """:func:`_mkstemp`, the name as it was joined to ``folder`` (not made absolute)."""
    return _at_spare_name(folder, lambda name: os.open(name, _TEMP_FLAGS, 0o600))


def _at_spare_name(folder: str, claim):
    """``(claim(name), name)`` for the first unused temporary name in ``folder`` (a
    claim fails with FileExistsError on a name that is taken)."""
    for _ in range(10000):
        name = _spare_name(folder)
        try:
            return claim(name), name
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), folder)


def _discard(tmp: str) -> None:
    """A temporary file removed after a failed write (already gone: nothing to do)."""
    try:
        os.unlink(tmp)
    except OSError:
        pass


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _spare_name(folder: str) -> str:
    return os.path.join(folder, f".asas-{os.urandom(5).hex()}.tmp")


def write_linked(folder: str, data: bytes, targets) -> bool:
    """``data`` written once to a new file in ``folder`` (exclusive, 0600, no link
    followed, as :func:`replace_with_bytes` writes) and given each of ``targets``
    (paths in ``folder``) as a name of its own: a hard link, made only once the file is
    whole, so a reader sees all of it or nothing; a target that exists is replaced
    atomically (a spare link renamed over it).  The temporary name is removed in every
    case.  Several cache entries then cost one new file (inode) instead of one each: on
    ext4, right after files were deleted, a new inode can cost the kernel about as much
    time as a third of checking a case.  False, with nothing written, where the file system has no hard
    links (FAT, some network shares): the caller writes a copy per target instead."""
    fd, tmp = _new_temp(folder)
    try:
        try:
            _write_all(fd, data)
        finally:
            os.close(fd)
        for n, target in enumerate(targets):
            try:
                os.link(tmp, target)
            except FileExistsError:
                _link_over(tmp, target, folder)
            except OSError:
                if n == 0:
                    return False    # no hard links here
                raise
        return True
    finally:
        _discard(tmp)


def _link_over(source: str, target: str, folder: str) -> None:
    _, spare = _at_spare_name(folder, lambda name: os.link(source, name))
    try:
        os.replace(spare, target)
    except BaseException:
        _discard(spare)
        raise


def replace_with_bytes(target: str, data: bytes) -> None:
    """``data`` written to a new file beside ``target`` (exclusive, 0600, no link
    followed: :func:`_mkstemp`) and renamed over it; on any failure the temporary file
    is removed and ``target`` untouched.  :func:`replaced_file` for a cache entry,
    written whole at once and by the thousand: no text layer, no context manager, not
    flushed to disk (cheap to lose), relative names as they are (the rename happens at
    once)."""
    fd, tmp = _new_temp(os.path.dirname(target))
    try:
        try:
            _write_all(fd, data)
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except BaseException:
        _discard(tmp)
        raise


@contextlib.contextmanager
def replaced_file(target: str, durable: bool, mode: int | None = None):
    """A new file written beside ``target`` and renamed over it when the ``with`` block
    ends without an exception; on an exception it is removed and ``target`` is
    untouched.  New files are the owner's only (mkstemp: 0600) unless ``mode`` says
    otherwise.  ``durable`` flushes to disk before the rename: reports want it; cache
    entries, cheap to lose and written by the thousand, do not.  A name that is not
    UTF-8 (a Latin-1 file name in the report) is written back as the bytes it was."""
    fd, tmp = _mkstemp(os.path.dirname(target))
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="", errors="surrogateescape") as fh:
            yield fh
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        _discard(tmp)
        raise


class Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP, raised where the program is, so that ``finally`` blocks run
    (a temporary report is removed, worker processes are stopped)."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _raise_terminated(signum, frame):
    # once is enough: a second signal while cleaning up is ignored
    for s in _TERMINATING:
        signal.signal(s, signal.SIG_IGN)
    raise Terminated(signum)


_TERMINATING = tuple(getattr(signal, n) for n in ("SIGTERM", "SIGHUP") if hasattr(signal, n))


def terminate_as_interrupt() -> None:
    """Turn SIGTERM and SIGHUP into :class:`Terminated` in this (main) process.  The
    exit status stays the shell's for that signal (128 + its number)."""
    for s in _TERMINATING:
        try:
            if signal.getsignal(s) is signal.SIG_IGN:
                continue    # nohup: the user asked for it to be ignored
            signal.signal(s, _raise_terminated)
        except (ValueError, OSError):   # not the main thread
            return


def exit_status(exc: Terminated) -> int:
    return 128 + exc.signum


def signal_within(exc: BaseException) -> KeyboardInterrupt | None:
    """The Ctrl-C or :class:`Terminated` an exception stands for, if any.  A signal that
    lands while Python runs a class body's ``__set_name__`` (a lazy import of a module
    with dataclasses) reaches us wrapped in a RuntimeError up to Python 3.11 (3.12 passes
    it on as it is); it is still the signal."""
    seen = set()
    link: BaseException | None = exc
    while link is not None and id(link) not in seen:
        if isinstance(link, KeyboardInterrupt):
            return link
        seen.add(id(link))
        link = link.__cause__ or link.__context__
    return None


__all__ = [
    "STDIN",
    "OutputRefused",
    "Terminated",
    "atomic_writer",
    "exit_status",
    "refuse_inputs",
    "refuse_planted_link",
    "replace_with_bytes",
    "replaced_file",
    "signal_within",
    "terminate_as_interrupt",
    "write_atomic",
]
