"""A one-line progress bar on standard error, for batches checked at a terminal.

``asas check`` shows it only when standard error is a terminal, the batch has more
than one file, and the report does not go to a pipe in a machine format; it is
redrawn at most ten times a second and erased when the batch ends, so it never
mixes with the report.
"""

from __future__ import annotations

import sys
import time


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
