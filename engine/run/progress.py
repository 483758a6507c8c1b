"""The terminal: whether to colour, and a one-line progress bar on standard error for
batches checked at a terminal.

``asas check`` shows the bar only when standard error is a terminal that can redraw a
line (not ``TERM=dumb``), the batch has more than one file, and the report does not go
to a pipe in a machine format; it is redrawn at most ten times a second and erased
when the batch ends, so it never mixes with the report.

Colour (:func:`use_color`), as ruff and most command-line tools decide it:
``--color always`` / ``never`` decide alone; ``auto`` (the default) colours the report
on standard output when ``NO_COLOR`` is not set to a non-empty value (no-color.org),
and either ``FORCE_COLOR`` or ``CLICOLOR_FORCE`` is non-empty (force-color.org: colour
even into a pipe, as CI logs render it), or standard output is a terminal that is not
``TERM=dumb``.  A report written to a file (``--output``) is coloured only with
``--color always``.
"""

from __future__ import annotations

import os
import sys
import time

COLOR_CHOICES = ("auto", "always", "never")


def _isatty(stream) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (ValueError, OSError, AttributeError):
        return False


def dumb_terminal(environ=None) -> bool:
    """``TERM=dumb``: a terminal that shows text but cannot redraw or colour it (Emacs
    shell, some CI consoles)."""
    environ = os.environ if environ is None else environ
    return environ.get("TERM", "") == "dumb"


def use_color(choice: str | None, to_file: bool, stdout=None, environ=None) -> bool:
    """Whether the report is coloured: ``choice`` is --color (None: auto)."""
    environ = os.environ if environ is None else environ
    if choice == "always":
        return True
    if choice == "never" or to_file:
        return False
    if environ.get("NO_COLOR", ""):
        return False
    if environ.get("FORCE_COLOR", "") or environ.get("CLICOLOR_FORCE", ""):
        return True
    if dumb_terminal(environ):
        return False
    return _isatty(sys.stdout if stdout is None else stdout)


class Progress:
    def __init__(self, total: int, stream=None, width: int = 28, lang: str = "en"):
        from asas.engine.i18n.words import word
        self.files = word("files", lang)       # "files" / "berkas"
        self.total = total
        self.stream = stream or sys.stderr
        self.width = width
        self.start = time.monotonic()
        self.last = 0.0
        self.shown = False

    def __call__(self, done: int, total: int | None = None) -> None:
        now = time.monotonic()
        total = total or self.total
        if done < total and now - self.last < 0.1:
            return
        self.last = now
        filled = int(self.width * done / total) if total else self.width
        bar = "█" * filled + "·" * (self.width - filled)
        elapsed = now - self.start
        self.stream.write(f"\r\x1b[K{bar} {done}/{total} {self.files}  {elapsed:.1f} s")
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False
