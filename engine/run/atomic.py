"""Writing reports: whole or not at all, never touching anything but the named file."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile


class OutputRefused(ValueError):
    """The named output would overwrite something that must not be touched."""


def refuse_inputs(path: str, inputs) -> None:
    """Raise :class:`OutputRefused` if ``path`` is one of the files being checked:
    a report must never replace a case file."""
    try:
        target = os.stat(path)
    except OSError:
        return  # does not exist (yet): it cannot be an input
    for name in inputs:
        if name == "-" or getattr(name, "problem", None):
            continue
        try:
            st = os.stat(name)
        except OSError:
            continue
        if (st.st_dev, st.st_ino) == (target.st_dev, target.st_ino):
            raise OutputRefused(f"refusing to write the report over {name}, one of the case "
                                "files being checked; choose another --output")


def write_atomic(path: str, text: str) -> None:
    """Write ``text`` to ``path`` so that an interrupted run leaves either the old file or
    the complete new one, and nothing else behind.

    The text goes to a temporary file beside the target, is flushed to disk, then
    renamed into place.  A link is written through (the file it points to is replaced,
    the link stays).  A new report is readable by its owner only (reports quote case
    files); an existing one keeps its permissions.  A target that is not a regular
    file (``/dev/stdout``, a FIFO) is written to directly, as renaming over it would
    replace the device or pipe itself.
    """
    with atomic_writer(path) as fh:
        fh.write(text)


@contextlib.contextmanager
def atomic_writer(path: str):
    """``write_atomic`` for a report written piece by piece: yields a text file; the
    target is replaced only when the ``with`` block ends without an exception."""
    target = os.path.realpath(path)
    try:
        st = os.stat(target)
    except FileNotFoundError:
        st = None
    if st is not None and not stat.S_ISREG(st.st_mode):
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(21, "Is a directory", path)
        with open(target, "w", encoding="utf-8", newline="") as fh:
            yield fh
        return
    with replaced_file(target, durable=True,
                       mode=None if st is None else stat.S_IMODE(st.st_mode)) as fh:
        yield fh


@contextlib.contextmanager
def replaced_file(target: str, durable: bool, mode: int | None = None):
    """A new file written beside ``target`` and renamed over it when the ``with`` block
    ends without an exception; on an exception it is removed and ``target`` is
    untouched.  New files are the owner's only (mkstemp: 0600) unless ``mode`` says
    otherwise.  ``durable`` flushes to disk before the rename: reports want it; cache
    entries, cheap to lose and written by the thousand, do not."""
    fd, tmp = tempfile.mkstemp(prefix=".asas-", suffix=".tmp", dir=os.path.dirname(target))
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            yield fh
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
