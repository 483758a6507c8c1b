"""A case file's bytes, read once and safely, and decoded as UTF-8 text."""

from __future__ import annotations

import os
import stat

from asas.engine.i18n.messages import Msg, number
from asas.engine.load.types import Limits


def _decode(data: bytes) -> tuple[str | None, Msg | None]:
    """UTF-8 text (a BOM allowed), or a message saying what the bytes look like."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return None, Msg.of("load.utf_wide", enc="UTF-32")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, Msg.of("load.utf_wide", enc="UTF-16")
    head = data[:4096]
    if b"\x00" in head:
        even, odd = head[0::2].count(0), head[1::2].count(0)
        if max(even, odd) > len(head) // 4 and min(even, odd) < len(head) // 40 + 1:
            return None, Msg.of("load.utf16_no_bom")
        line = data[:data.index(b"\x00")].count(b"\n") + 1
        return None, Msg.of("load.nul", line=line)
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        return None, Msg.of("load.not_utf8", byte=f"0x{data[exc.start]:02x}", line=line)



class Unreadable(Exception):
    """A file that is not read at all (a folder, a FIFO, too big, changing): its message
    (``msg``) is the whole report for it."""

    def __init__(self, msg: Msg):
        super().__init__(str(msg))
        self.msg = msg


def _read_all(fd: int, limit: int) -> bytes:
    """Up to ``limit`` bytes from ``fd``."""
    chunks, size = [], 0
    while size < limit:
        chunk = os.read(fd, min(1 << 20, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def read_case_bytes(path: str, limits: Limits) -> bytes:
    """A regular file's bytes, read once, refusing what could hang or mislead.

    Opened without blocking, so a FIFO or a device cannot stall the batch; checked by
    its open descriptor (no race between checking and reading); compared before and
    after reading, so a file being rewritten is reported rather than half-read.
    """
    flags = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
             | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0))
    fd = os.open(path, flags)
    try:
        before = os.fstat(fd)
        if stat.S_ISDIR(before.st_mode):
            raise Unreadable(Msg.of("load.is_dir"))
        if not stat.S_ISREG(before.st_mode):
            raise Unreadable(Msg.of("load.not_regular"))
        if before.st_size > limits.max_bytes:
            raise Unreadable(Msg.of("load.too_many_bytes", n=number(before.st_size),
                                    m=number(limits.max_bytes)))
        data = _read_all(fd, limits.max_bytes + 1)
        after = os.fstat(fd)
    finally:
        os.close(fd)
    if len(data) <= limits.max_bytes and (
            len(data) != before.st_size or after.st_size != before.st_size
            or after.st_mtime_ns != before.st_mtime_ns):
        raise Unreadable(Msg.of("load.changed"))
    return data


def read_stdin_bytes(limits: Limits) -> bytes:
    """Standard input's bytes, up to one over ``limits.max_bytes``, read in chunks (a huge
    ``--max-bytes`` asks for no huge buffer); a closed standard input is
    :class:`Unreadable`."""
    import sys
    stream = sys.stdin
    if stream is None:
        raise Unreadable(Msg.of("load.stdin_closed"))
    try:
        buffer = stream.buffer
        fd = buffer.fileno()
    except (AttributeError, ValueError, OSError):
        fd = None
    if fd is not None:
        try:
            return _read_all(fd, limits.max_bytes + 1)
        except OSError as exc:
            if exc.errno != 9:     # EBADF: closed; else a real read error
                raise
            raise Unreadable(Msg.of("load.stdin_closed")) from None
    chunks, size, limit = [], 0, limits.max_bytes + 1    # a stream without a descriptor
    while size < limit:
        chunk = buffer.read(min(1 << 20, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)
