"""The result cache: re-checking an unchanged file reuses its stored result.

A stored result is reused only when all of these are as they were when it was stored:
the file's bytes (SHA-256), the version of asas, the knowledge base (a hash of the
source of ``asas/rules`` and its YAML data, the verbatim's cue lexicon among them, and
of the engine modules a verdict depends on), the rules
selected and ignored, and the input limits.  Results are stored language-independent
(engine/results.py), so ``--lang`` and ``--format`` do not matter.

Where: ``--cache-dir DIR``, else ``$ASAS_CACHE_DIR``, else ``asas`` in the user's
cache folder (``$XDG_CACHE_HOME``, else ``~/.cache``), never inside the folder being
checked: a cache of private derived data must not travel with a folder that is zipped
for a lecturer or committed.  The folder is the user's alone (mode 0700).  ``--no-cache`` neither reads nor writes it; ``asas cache clear``
empties it.

Safety and privacy:
- the folder must be the user's own: one that another user owns, or that others can
  write (group or world), or whose parent anyone can write without the sticky bit, is
  not used at all, with a one-line warning (as ssh and git refuse such folders):
  whoever can write it could plant verdicts.  Entries are opened without following
  links and must be the user's own files too;
- entries are JSON, never pickle: an entry is untrusted input, checked field by
  field when read (engine/results.py); one that is corrupt, foreign or of another
  version is ignored, and replaced by a fresh result;
- writes are atomic (a temporary file written whole, then given its names), so a
  crash or two runs at once never leave a half-written entry that is trusted.  The
  entries of files checked together (up to ``PACK``) share one file, a pack, under the
  name of each entry (hard links; a copy each where the file system has none): one new
  file instead of eight, which is most of the cost of writing them;
- nothing is stored for a file that could not be read (I/O errors, FIFOs, files
  over the size limit): their error is found again on every run;
- entries hold data derived from case files (case IDs, titles, pseudonyms, quoted
  evidence): the folder is for this machine only.  It gets a README saying so, a
  ``CACHEDIR.TAG`` (backup tools skip it) and a ``.gitignore`` of ``*`` (git does not
  offer it for committing); they are created exclusively, never through a link;
- an entry expires ``MAX_AGE_DAYS`` after it was written (a file checked again then is
  checked afresh), so the results of a case file from before it was anonymised do not
  stay for good; ``asas cache prune`` removes expired entries (and the oldest, down to
  a size) and ``asas cache clear`` everything.  Folders are 0700, entries 0600: no
  one else can list the entry names (the SHA-256 of each file's bytes).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import stat
import time
from pathlib import Path
from typing import Literal

from asas import __version__
from asas.engine.i18n.messages import Pair, number

CACHE_VERSION = "v1"
ENV_VAR = "ASAS_CACHE_DIR"

CACHEDIR_TAG = ("Signature: 8a477f597d28d172789f06886806bc55\n"
                "# This file is a cache directory tag created by asas.\n"
                "# For information about cache directory tags, see https://bford.info/cachedir/\n")
README = """\
asas result cache — local to this machine, do not share or commit it.
Cache hasil asas — hanya untuk komputer ini; jangan dibagikan atau di-commit.

`asas check` keeps here the result of each case file it checked, so that checking an
unchanged file again is immediate.  Each entry (v1/<settings>/<sha256>.json, named by
the SHA-256 of the file's bytes; files checked together share one, under each of their
names) holds what the report of that file shows: the
case ID, title, trainee code and client pseudonym, the first session's date, every
finding with the values and quotes it cites (withheld for PRV findings), and the
statuses of the principles.  Treat this folder like the case files themselves.
Entries expire 30 days after they were written; `asas cache prune` removes expired
ones, `asas cache clear` (or deleting the folder) removes all, always safely.
`asas check --no-cache` neither reads nor writes it.

Setiap entri berisi apa yang ditampilkan laporan berkas itu: ID kasus, judul, kode
praktikan, nama samaran konseli, tanggal sesi pertama, setiap temuan beserta nilai dan
kutipan yang dirujuknya, dan status tiap asas.  Perlakukan folder ini seperti berkas
kasusnya sendiri.  Entri kedaluwarsa 30 hari setelah ditulis; `asas cache prune`
menghapus yang kedaluwarsa, `asas cache clear` menghapus semuanya.
"""
MAX_AGE_DAYS = 30
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
    root = os.fspath(_ROOT)
    # the rules' data files count as their code: the verbatim tagger's cue lexicon
    # (rules/lexicon/cues.yaml) decides the VBT findings, and a cached verdict must not
    # outlive a change to it
    for parts in (_sources("rules", suffixes=(".py", ".yaml"))
                  + _sources("engine", skip=("report", "authoring"))):
        try:
            with open(os.path.join(root, *parts), "rb") as fh:
                data = fh.read()
        except OSError:
            continue
        h.update("/".join(parts).encode() + b"\0")
        h.update(hashlib.sha256(data).digest())
    return h.hexdigest()


def _sources(top: str, skip=(), suffixes=(".py",)) -> list[tuple[str, ...]]:
    """The ``*.py`` files (or those ending in ``suffixes``) under ``_ROOT/top`` as path
    parts, in the order of sorted
    paths (``sorted(Path.rglob)``, a quarter of the time); ``skip``: folders of ``top``
    left out (every stage up to the verdict counts; report/ and authoring/ only render
    a stored result)."""
    found: list[tuple[str, ...]] = []
    base = os.path.join(os.fspath(_ROOT), top)
    for folder, dirs, files in os.walk(base):
        rel = os.path.relpath(folder, base)
        inner = () if rel == os.curdir else tuple(rel.split(os.sep))
        if not inner:
            dirs[:] = [d for d in dirs if d not in skip]
        found.extend((top, *inner, name) for name in files if name.endswith(suffixes))
    return sorted(found)


def config_key(select, ignore, limits, profile=None, suppress: bool = True) -> str:
    """What besides the file's bytes a result depends on, as one hash (``profile``: the
    profile's name or path; None, the default, keeps the keys it always had; so does
    ``suppress``, unless False: ``--no-suppress``)."""
    config: dict = {"cache": CACHE_VERSION, "tool": __version__, "kb": knowledge_hash(),
              "select": sorted(select) if select is not None else None,
              "ignore": sorted(ignore) if ignore is not None else None,
              "limits": dataclasses.asdict(limits)}
    if not suppress:
        config["suppress"] = False
    if profile is not None:
        from asas.engine.judge.profile import lookup
        chosen = lookup(profile)
        if not chosen.is_default:
            config["profile"] = chosen.name
            if chosen.path is not None:     # the profile file itself, when edited
                config["profile_file"] = hashlib.sha256(chosen.path.read_bytes()).hexdigest()
    return hashlib.sha256(json.dumps(config, sort_keys=True).encode()).hexdigest()


def _writable_by_others(st: os.stat_result) -> bool:
    return bool(st.st_mode & (stat.S_IWGRP | stat.S_IWOTH))


_REASONS = {
    "unreadable": ("cannot be read ({error})", "tidak dapat dibaca ({error})"),
    "not_folder": ("is not a folder", "bukan folder"),
    "inner_not_folder": ("holds {name}, which is not a folder",
                         "berisi {name}, yang bukan folder"),
    "owner": ("belongs to another user (uid {uid})", "milik pengguna lain (uid {uid})"),
    "mode": ("can be written by other users (mode {mode})",
             "dapat ditulis pengguna lain (mode {mode})"),
    "parent": ("is in {parent}, which anyone can write (not sticky)",
               "berada di {parent}, yang dapat ditulis siapa saja (tanpa sticky bit)"),
}


def _reason(key: str, lang: str, **params) -> str:
    en, id_ = _REASONS[key]
    return (id_ if lang == "id" else en).format(**params)


def untrusted(folder, lang: str = "en") -> str | None:
    """Why the cache folder must not be used, or None.  As ssh does with ``~/.ssh``: the
    folder (if it exists) and the asas folders in it must be directories of this user,
    writable by no one else; the folder it sits in must not be writable by others
    unless it is sticky (``/tmp``), or they could swap the whole folder."""
    folder = Path(folder)
    me = os.geteuid() if hasattr(os, "geteuid") else None
    if me is None:      # pragma: no cover - not POSIX: no owners to compare
        return None
    try:
        st = os.stat(folder)
    except (FileNotFoundError, NotADirectoryError):    # made when first written (or
        st = None                                       # not at all: it is only a cache)
    except OSError as exc:
        return _reason("unreadable", lang, error=exc.strerror or exc)
    if st is not None:
        if not stat.S_ISDIR(st.st_mode):
            return _reason("not_folder", lang)
        for path in (folder, folder / CACHE_VERSION):
            try:
                inner = os.lstat(path) if path != folder else st
            except FileNotFoundError:
                continue
            except OSError as exc:
                return _reason("unreadable", lang, error=exc.strerror or exc)
            if path != folder and not stat.S_ISDIR(inner.st_mode):
                return _reason("inner_not_folder", lang, name=path.name)
            if inner.st_uid != me:
                return _reason("owner", lang, uid=inner.st_uid)
            if _writable_by_others(inner):
                return _reason("mode", lang, mode=f"{stat.S_IMODE(inner.st_mode):04o}")
    parent = Path(os.path.realpath(folder)).parent
    while True:     # the nearest folder that exists above it
        try:
            up = os.stat(parent)
            break
        except (FileNotFoundError, NotADirectoryError):
            if parent.parent == parent:
                return None
            parent = parent.parent
        except OSError:
            return None
    if up.st_mode & stat.S_IWOTH and not up.st_mode & stat.S_ISVTX and up.st_uid != me:
        return _reason("parent", lang, parent=parent)
    return None


def untrusted_message(folder, lang: str = "en") -> str | None:
    """The one-line warning for a cache folder that is not used, or None (it is fine)."""
    reason = untrusted(folder, lang)
    if reason is None:
        return None
    if lang == "id":
        return (f"asas: cache di {folder} tidak dipakai: folder itu {reason}; hapus, atau "
                "pilih --cache-dir milik Anda sendiri (pemeriksaan berjalan tanpa cache)")
    return (f"asas: not using the cache at {folder}: it {reason}; remove it or choose a "
            "--cache-dir of your own (checking without the cache)")


def _makedirs(path) -> None:
    """``mkdir -p`` with every new folder 0700 (``path`` a str or a Path)."""
    try:
        os.mkdir(path, 0o700)
    except FileExistsError:
        return
    except FileNotFoundError:
        parent = os.path.dirname(os.fspath(path))
        if not parent or parent == os.fspath(path):
            raise
        _makedirs(parent)
        try:
            os.mkdir(path, 0o700)
        except FileExistsError:
            pass


# an entry as compact JSON, made once: json.dumps would build this encoder for every entry.
# No check for cycles: an entry is codec.to_data's fresh lists and dicts (to_data itself
# would recurse for ever on a cycle first), and the check's table of every container
# made is a fifth of encoding one (0.63 -> 0.50 M instructions a plain case); a cycle
# would end in RecursionError, which put counts as "not cached" all the same
_ENTRY = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":"),
                          check_circular=False).encode
PACK = 8    # entries a batch puts into one file at most (a chunk of a worker's files)


class Cache:
    """Result entries under ``folder/v1/<config>/<sha256 of the file>.json``.

    An entry file is a pack, ``{"config": ..., "entries": {sha256: result, ...}}``,
    that may hold the entries of other files too (it is each one's name).  ``put``
    writes at once unless ``pack_size`` (1) is raised; a batch raises it and calls
    ``flush`` after each chunk and at its end."""

    def __init__(self, folder, config: str, max_age_days: float = MAX_AGE_DAYS):
        self.folder = Path(folder)
        self.config = config
        self.base = self.folder / CACHE_VERSION / config[:24]
        self.hits = 0
        self.writable = True
        self.max_age = max_age_days * 86400
        self._made: set = set()     # folders known to exist (str)
        self._base = os.fspath(self.base)
        self._problem: str | Literal[False] | None = False     # False: not looked at yet
        self.pack_size = 1
        self._pending: dict[str, str] = {}      # key -> its result as JSON, not written yet
        self._links = True                      # the file system has hard links
        # the pack read last, while its other entries are asked for (a warm run reads
        # them one after the other): its file's identity, and the entries not handed out
        self._pack_id: tuple | None = None
        self._pack: dict = {}

    # -- trust --------------------------------------------------------------------
    @property
    def problem(self) -> str | None:
        """Why this cache folder is not used (see :func:`untrusted`), or None."""
        if self._problem is False:
            self._problem = untrusted(self.folder)
        return self._problem

    # -- keys ---------------------------------------------------------------------
    @staticmethod
    def content_key(data: bytes) -> str:
        return hashlib.sha256(data).hexdigest()

    def _path(self, key: str) -> Path:
        return self.base / f"{key}.json"

    def has(self, key: str) -> bool:
        """Whether an entry for ``key`` is there (it is read, and checked, by get)."""
        return self.problem is None and self._path(key).is_file()

    # -- reading ------------------------------------------------------------------
    def get(self, key: str):
        """The stored result data for a content key, or None (missing, unreadable,
        corrupt, foreign, expired, not the user's own file: all the same, a miss).
        The data is checked by the caller (``codec.from_data``) before it is trusted."""
        if self.problem is not None:
            return None
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) \
            | getattr(os, "O_CLOEXEC", 0)
        path = self._path(key)
        try:
            opened = os.open(path, flags)
        except OSError:
            return None
        fd: int | None = opened     # None once the file object owns it
        try:
            st = os.fstat(opened)
            if not stat.S_ISREG(st.st_mode) or _writable_by_others(st) or (
                    hasattr(os, "geteuid") and st.st_uid != os.geteuid()):
                return None
            if time.time() - st.st_mtime > self.max_age:
                try:
                    os.unlink(path)       # expired: it goes, and is checked afresh
                except OSError:
                    pass
                return None
            identity = (st.st_dev, st.st_ino, st.st_mtime_ns, st.st_size)
            if identity != self._pack_id or key not in self._pack:
                with os.fdopen(opened, "rb") as fh:
                    fd = None
                    raw = fh.read(8 * 1024 * 1024 * PACK)
                self._pack_id, self._pack = None, {}
                pack = json.loads(raw)
                if not (isinstance(pack, dict) and pack.get("config") == self.config
                        and isinstance(pack.get("entries"), dict)):
                    return None
                self._pack_id, self._pack = identity, pack["entries"]
        except (OSError, ValueError, RecursionError):
            return None
        finally:
            if fd is not None:
                os.close(fd)
        # handed out once: the caller checks the data, and may keep it
        result = self._pack.pop(key, None)
        return result if isinstance(result, dict) else None

    # -- writing ------------------------------------------------------------------
    def put(self, key: str, result: dict) -> None:
        """Store one entry atomically, now or (``pack_size`` > 1) with the next ones at
        ``flush``; a cache that cannot be written is given up for the rest of the run,
        silently (it is only a cache)."""
        if not self.writable or self.problem is not None:
            return
        try:
            self._pending[key] = _ENTRY(result)
        except (TypeError, ValueError, RecursionError):
            return          # no exact JSON form: not cached
        if len(self._pending) >= self.pack_size:
            self.flush()

    def flush(self) -> None:
        """Write the entries put since the last flush, as one pack."""
        pending, self._pending = self._pending, {}
        if not pending or not self.writable or self.problem is not None:
            return
        from asas.engine.run.atomic import replace_with_bytes, write_linked
        folder = self._base
        head = '{"config":' + _ENTRY(self.config) + ',"entries":{'
        try:
            if folder not in self._made:
                # private: it holds what the case files hold
                _makedirs(folder)
                self._made.add(folder)
                self._mark()
            names = [folder + os.sep + key + ".json" for key in pending]
            if self._links:
                body = ",".join(_ENTRY(key) + ":" + text for key, text in pending.items())
                if write_linked(folder, (head + body + "}}").encode("utf-8", "surrogateescape"),
                                names):
                    return
                self._links = False
            for name, (key, text) in zip(names, pending.items()):
                replace_with_bytes(name, (head + _ENTRY(key) + ":" + text + "}}").encode(
                    "utf-8", "surrogateescape"))
        except (OSError, UnicodeEncodeError):
            self.writable = False

    def _mark(self):
        """README, CACHEDIR.TAG and .gitignore in the cache folder, once; each created
        exclusively and never through a link (O_EXCL | O_NOFOLLOW)."""
        if getattr(self, "_marked", False):
            return
        self._marked = True
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) \
            | getattr(os, "O_CLOEXEC", 0)
        for name, text in zip(_MARKERS, (CACHEDIR_TAG, README, "# created by asas\n*\n")):
            try:
                fd = os.open(self.folder / name, flags, 0o600)
            except OSError:
                continue        # there already (or a link planted there): left alone
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)


def _is_ours(folder: Path) -> bool:
    tag = folder / "CACHEDIR.TAG"
    try:
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        fd = os.open(tag, flags)
        with os.fdopen(fd, "rb") as fh:
            text = fh.read(4096).decode("utf-8", "replace")
    except OSError:
        return False
    return text.startswith(CACHEDIR_TAG.splitlines()[0]) and "asas" in text


def prune(folder, max_age_days: float = MAX_AGE_DAYS, max_bytes: int | None = None,
          now: float | None = None) -> tuple[bool, str, dict]:
    """Remove expired entries (older than ``max_age_days``), leftover temporaries, and,
    while the entries left are over ``max_bytes``, the oldest.  Only a folder asas made
    and the user owns is touched.  Returns (done, message, counts)."""
    folder = Path(folder)
    counts = {"removed": 0, "kept": 0, "bytes": 0}
    if not folder.exists():
        return True, _said("cache.none", folder=str(folder)), counts
    problem = untrusted(folder)
    if problem is not None:
        return False, _said("cache.untrusted", folder=str(folder),
                            problem=Pair(problem, untrusted(folder, "id") or problem)), counts
    if not _is_ours(folder):
        return False, _said("cache.not_ours", folder=str(folder)), counts
    now = time.time() if now is None else now
    limit = max_age_days * 86400
    entries = []
    for root, dirs, files in os.walk(folder / CACHE_VERSION, followlinks=False):
        for name in files:
            path = os.path.join(root, name)
            try:
                st = os.lstat(path)
            except OSError:
                continue
            stale_tmp = name.startswith(".asas-") and now - st.st_mtime > 3600
            if stale_tmp or (name.endswith(".json") and now - st.st_mtime > limit) \
                    or not stat.S_ISREG(st.st_mode):
                _remove(path, counts)
            elif name.endswith(".json"):
                entries.append((st.st_mtime, (st.st_dev, st.st_ino), st.st_size, path))
    # the names of one pack share its file (and its time): its bytes count once, and
    # are freed when its last name goes
    entries.sort()
    names: dict = {}
    for _, inode, _, _ in entries:
        names[inode] = names.get(inode, 0) + 1
    total = sum({inode: size for _, inode, size, _ in entries}.values())
    if max_bytes is not None:
        while entries and total > max_bytes:
            _, inode, size, path = entries.pop(0)
            if _remove(path, counts):
                names[inode] -= 1
                if not names[inode]:
                    total -= size
    for root, dirs, files in os.walk(folder / CACHE_VERSION, topdown=False):
        for name in dirs:
            try:
                os.rmdir(os.path.join(root, name))      # only empty ones go
            except OSError:
                pass
    counts["kept"], counts["bytes"] = len(entries), total
    return True, _said("cache.pruned", folder=str(folder), removed=counts["removed"],
                       kept=counts["kept"], size=number(total)), counts


def _remove(path: str, counts: dict) -> bool:
    try:
        os.unlink(path)
    except OSError:
        return False
    counts["removed"] += 1
    return True


def clear(folder) -> tuple[bool, str]:
    """Empty a cache folder.  Only a folder asas made (it has asas's CACHEDIR.TAG) is
    touched, and in it only what asas writes: a mistyped ``--cache-dir ~`` deletes
    nothing.  Returns (done, message)."""
    import shutil
    folder = Path(folder)
    if not folder.exists():
        return True, _said("cache.none", folder=str(folder))
    if not _is_ours(folder):
        return False, _said("cache.not_ours", folder=str(folder))
    shutil.rmtree(folder / CACHE_VERSION, ignore_errors=True)
    for name in _MARKERS:
        try:
            (folder / name).unlink()
        except OSError:
            pass
    try:
        folder.rmdir()
    except OSError:
        return True, _said("cache.cleared_partly", folder=str(folder))
    return True, _said("cache.removed", folder=str(folder))


def _said(code: str, **params) -> str:
    """A message as its English text that knows its code (cli.py shows it in the
    reader's language: engine/i18n/loader_messages.py ``error_text``)."""
    from asas.engine.i18n.messages import English, Msg
    return English(Msg.of(code, **params))
