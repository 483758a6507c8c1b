"""Whether a file is meant to be a case file, without parsing it (``check
--only-case-files``, for the pre-commit hook: a ``mkdocs.yml`` staged beside the cases
must not fail the commit).

A text search, cheap and erring toward checking: a file is taken for a case file when
it has a ``format:`` key whose value starts with ``asas`` (``format: asas/v1``, quoted or
not, at any indentation or in a flow mapping; a misspelt ``asas/v2`` counts too, so
that the check can say what is wrong), or names the asas schema
(``asas-v1.schema.json``, as the editor modeline of ``asas init`` does).  A file that
cannot be read as a plain file (missing, a folder, a FIFO, too big, UTF-16 or UTF-32)
is taken for one too: the check then says why it cannot be read.  Only a readable file
with neither mark is left out.
"""

from __future__ import annotations

import re

from asas.engine.load.types import Limits

_FORMAT = re.compile(rb"""(?<![\w.-])["']?format["']?[ \t]*:[ \t]*["']?asas""")
_SCHEMA = re.compile(rb"asas-v1\.schema\.json")
_WIDE_BOMS = (b"\xff\xfe", b"\xfe\xff")       # UTF-16 (and so UTF-32 LE) byte order marks


def declares_case(path, limits: Limits | None = None) -> bool:
    """False only for a readable file that shows no sign of being an asas case file."""
    if path == "-" or getattr(path, "problem", None):
        return True
    from asas.engine.load.read import Unreadable, read_case_bytes
    try:
        data = read_case_bytes(path, limits or Limits())
    except (Unreadable, OSError, ValueError):
        return True
    if data.startswith(_WIDE_BOMS) or data.startswith(b"\x00\x00\xfe\xff") \
            or b"\x00" in data[:4096]:
        return True     # not UTF-8: the check explains how to save it
    return bool(_FORMAT.search(data) or _SCHEMA.search(data))
