"""The result cache: re-checking an unchanged file reuses its stored result.

A stored result is reused only when all of these are as they were when it was stored:
the file's bytes (SHA-256), the version of asas, the knowledge base (a hash of the
source of ``asas/rules`` and of the engine modules a verdict depends on), the rules
selected and ignored, and the input limits.  Results are stored language-independent
(engine/results.py), so ``--lang`` and ``--format`` do not matter.

Where: ``--cache-dir DIR``, else ``$ASAS_CACHE_DIR``, else ``asas`` in the user's
cache folder (``$XDG_CACHE_HOME``, else ``~/.cache``), never inside the folder being
checked: a cache of private derived data must not travel with a folder that is zipped
for a lecturer or committed.  The folder is the user's alone (mode 0700).  ``--no-cache`` neither reads nor writes it; ``asas cache clear``
empties it.

Safety and privacy:
- entries are JSON, never pickle: an entry is untrusted input, checked field by
  field when read (engine/results.py); one that is corrupt, foreign or of another
  version is ignored, and replaced by a fresh result;
- writes are atomic (a temporary file renamed into place), so a crash or two runs at
  once never leave a half-written entry that is trusted;
- nothing is stored for a file that could not be read (I/O errors, FIFOs, files
  over the size limit): their error is found again on every run;
- entries hold data derived from case files (case IDs, titles, pseudonyms, quoted
  evidence): the folder is for this machine only.  It gets a README saying so, a
  ``CACHEDIR.TAG`` (backup tools skip it) and a ``.gitignore`` of ``*`` (git does not
  offer it for committing).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from pathlib import Path

from asas import __version__

CACHE_VERSION = "v1"
ENV_VAR = "ASAS_CACHE_DIR"

CACHEDIR_TAG = ("Signature: 8a477f597d28d172789f06886806bc55\n"
                "# This file is a cache directory tag created by asas.\n"
                "# For information about cache directory tags, see https://bford.info/cachedir/\n")
README = """\
asas result cache — local to this machine, do not share or commit it.

`asas check` keeps here the result of each case file it checked, so that checking an
unchanged file again is immediate.  The entries are derived from the case files
(case IDs, titles, pseudonyms, quoted evidence): treat this folder like the case
files themselves.  Deleting it is always safe: `asas cache clear`, or remove the
folder.  `asas check --no-cache` neither reads nor writes it.
"""
_MARKERS = ("CACHEDIR.TAG", "README.txt", ".gitignore")

_ROOT = Path(__file__).resolve().parents[2]   # the asas package


def default_dir() -> Path:
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR])
    user_cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(user_cache) / "asas"


def knowledge_hash() -> str:
    """A hash of everything a verdict depends on besides the case file: the rules'
    source and the engine modules (not the report formats, which render from the
    stored result), and the version."""
    h = hashlib.sha256(__version__.encode())
    # every stage up to the verdict; report/ and authoring/ only render a stored result
    files = sorted((_ROOT / "rules").rglob("*.py")) + sorted(
        path for path in (_ROOT / "engine").rglob("*.py")
        if path.relative_to(_ROOT / "engine").parts[0] not in ("report", "authoring"))
    for path in files:
        try:
            data = path.read_bytes()
        except OSError:
            continue
        h.update(path.relative_to(_ROOT).as_posix().encode() + b"\0")
        h.update(hashlib.sha256(data).digest())
    return h.hexdigest()


def config_key(select, ignore, limits, profile=None) -> str:
    """What besides the file's bytes a result depends on, as one hash (``profile``: the
    profile's name or path; None, the default, keeps the keys it always had)."""
    config = {"cache": CACHE_VERSION, "tool": __version__, "kb": knowledge_hash(),
              "select": sorted(select) if select is not None else None,
              "ignore": sorted(ignore) if ignore is not None else None,
              "limits": dataclasses.asdict(limits)}
    if profile is not None:
        from asas.engine.judge.profile import lookup
        chosen = lookup(profile)
        if not chosen.is_default:
            config["profile"] = chosen.name
            if chosen.path is not None:     # the profile file itself, when edited
                config["profile_file"] = hashlib.sha256(chosen.path.read_bytes()).hexdigest()
    return hashlib.sha256(json.dumps(config, sort_keys=True).encode()).hexdigest()


class Cache:
    """Result entries under ``folder/v1/<config>/<xx>/<sha256 of the file>.json``."""

    def __init__(self, folder, config: str):
        self.folder = Path(folder)
        self.config = config
        self.base = self.folder / CACHE_VERSION / config[:24]
        self.hits = 0
        self.writable = True
        self._made: set = set()     # folders known to exist

    # -- keys ---------------------------------------------------------------------
    @staticmethod
    def content_key(data: bytes) -> str:
        return hashlib.sha256(data).hexdigest()

    def _path(self, key: str) -> Path:
        return self.base / key[:2] / f"{key}.json"

    # -- reading ------------------------------------------------------------------
    def get(self, key: str):
        """The stored result data for a content key, or None (missing, unreadable,
        corrupt, foreign: all the same, a miss).  The data is checked by the caller
        (``results.from_data``) before it is trusted."""
        try:
            with open(self._path(key), "rb") as fh:
                raw = fh.read(8 * 1024 * 1024)
            entry = json.loads(raw)
        except (OSError, ValueError, RecursionError):
            return None
        if not (isinstance(entry, dict) and entry.get("key") == key
                and entry.get("config") == self.config and isinstance(entry.get("result"), dict)):
            return None
        return entry["result"]

    # -- writing ------------------------------------------------------------------
    def put(self, key: str, result: dict) -> None:
        """Store one entry atomically; a cache that cannot be written is given up for
        the rest of the run, silently (it is only a cache)."""
        if not self.writable:
            return
        try:
            text = json.dumps({"key": key, "config": self.config, "result": result},
                              ensure_ascii=False, allow_nan=False, separators=(",", ":"))
        except (TypeError, ValueError):
            return          # no exact JSON form: not cached
        from asas.engine.run.atomic import replaced_file
        path = self._path(key)
        try:
            if path.parent not in self._made:
                if not self.folder.exists():
                    # private: it holds what the case files hold
                    self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
                path.parent.mkdir(parents=True, exist_ok=True)
                self._made.add(path.parent)
            self._mark()
            with replaced_file(str(path), durable=False) as fh:
                fh.write(text)
        except OSError:
            self.writable = False

    def _mark(self):
        """README, CACHEDIR.TAG and .gitignore in the cache folder, once."""
        if getattr(self, "_marked", False):
            return
        self._marked = True
        for name, text in zip(_MARKERS, (CACHEDIR_TAG, README, "# created by asas\n*\n")):
            target = self.folder / name
            if not target.exists():
                try:
                    target.write_text(text, encoding="utf-8")
                except OSError:
                    pass


def clear(folder) -> tuple[bool, str]:
    """Empty a cache folder.  Only a folder asas made (it has asas's CACHEDIR.TAG) is
    touched, and in it only what asas writes: a mistyped ``--cache-dir ~`` deletes
    nothing.  Returns (done, message)."""
    import shutil
    folder = Path(folder)
    if not folder.exists():
        return True, f"no cache at {folder}"
    tag = folder / "CACHEDIR.TAG"
    try:
        is_ours = tag.read_text(encoding="utf-8").startswith(CACHEDIR_TAG.splitlines()[0]) \
            and "asas" in tag.read_text(encoding="utf-8")
    except OSError:
        is_ours = False
    if not is_ours:
        return False, (f"{folder} is not an asas cache (no CACHEDIR.TAG written by asas); "
                       "nothing removed")
    shutil.rmtree(folder / CACHE_VERSION, ignore_errors=True)
    for name in _MARKERS:
        try:
            (folder / name).unlink()
        except OSError:
            pass
    try:
        folder.rmdir()
    except OSError:
        return True, f"cleared {folder} (other files in it were left alone)"
    return True, f"removed {folder}"
