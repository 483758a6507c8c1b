"""Why the operating system would not let a file be written, as a message: the
system's own English words (what the messages said before, and what a search finds),
and an Indonesian that says the same to a trainee (``oswrite.`` messages)."""

from __future__ import annotations

import errno

from asas.engine.i18n.messages import MESSAGES, Msg


def write_error(exc: OSError) -> Msg:
    """``exc`` (from opening, writing or renaming a file) as an ``oswrite.`` message."""
    name = errno.errorcode.get(exc.errno or -1)
    if name and f"oswrite.{name}" in MESSAGES:
        return Msg.of(f"oswrite.{name}")
    return Msg.of("oswrite.other", why=str(exc.strerror or exc))
