"""What the formats read by CI servers share (sarif, gitlab): where the repository is,
a file's path relative to it, and a fingerprint of a finding that stays the same from
run to run.

- The repository root is the nearest folder above the current one that holds ``.git``
  (a folder, or the file of a worktree or submodule); git itself is never run.  With no
  ``.git`` above, the current folder stands in for it.
- A fingerprint hashes the rule ID, the file's path from the root, the session and the
  finding's *evidence key* (the case-model paths of its evidence, such as
  ``case.referral.source``), never the line: editing another part of the write-up moves
  the lines but not the fingerprint, so the server sees the same finding, not a new one.
  Two findings with the same key in one file are told apart by their order (``#2``).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

STDIN_NAMES = ("-", "<stdin>")


def repo_root(start: str | None = None) -> Path:
    """The nearest folder from ``start`` (default: the current folder) upwards that
    holds ``.git``; else ``start`` itself."""
    here = Path(os.path.abspath(start or os.getcwd()))
    for folder in (here, *here.parents):
        if os.path.exists(os.path.join(folder, ".git")):
            return folder
    return here


def relative_to_root(file: str, root: Path) -> str | None:
    """``file`` as a ``/``-separated path from ``root`` (never ``./``-prefixed), or None
    when it is standard input or lies outside the root."""
    if file in STDIN_NAMES:
        return None
    absolute = os.path.abspath(file)
    try:
        rel = os.path.relpath(absolute, root)
    except ValueError:           # another drive (Windows)
        return None
    if rel == os.pardir or rel.startswith(os.pardir + os.sep) or os.path.isabs(rel):
        return None
    return rel.replace(os.sep, "/")


def report_path(file: str, root: Path) -> str:
    """The path a CI server is given for ``file``: from the repository root when the file
    is inside it, else the absolute path (``stdin`` for standard input)."""
    if file in STDIN_NAMES:
        return "stdin"
    rel = relative_to_root(file, root)
    return rel if rel is not None else Path(os.path.abspath(file)).as_posix()


def evidence_key(finding: dict) -> str:
    """The case-model paths of a finding's evidence (a ``finding_dict``), sorted."""
    return ",".join(sorted({str(e["path"]) for e in finding.get("evidence") or ()}))


class Fingerprints:
    """Fingerprints of the findings of one file: equal keys get ``#2``, ``#3``, ... in the
    order they come, so that each finding has its own."""

    def __init__(self):
        self.seen: dict[str, int] = {}

    def of(self, *parts) -> str:
        key = "\x00".join("" if p is None else str(p) for p in parts)
        n = self.seen.get(key, 0) + 1
        self.seen[key] = n
        if n > 1:
            key += f"\x00#{n}"
        return hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def finding_parts(finding: dict, path: str) -> tuple:
    """What a finding's fingerprint is made of (see the module's note)."""
    return (finding["id"], path, finding.get("session") or "", evidence_key(finding))


def error_parts(error: dict, path: str) -> tuple:
    """What an invalid file's error's fingerprint is made of: the pseudo-rule, the path,
    the error's code and the place in the case model it names (not its line)."""
    from asas.engine.report.formats._common import INVALID_ID
    return (INVALID_ID, path, error.get("code") or "", error.get("path") or "",
            "" if error.get("code") or error.get("path") else error.get("message", ""))
