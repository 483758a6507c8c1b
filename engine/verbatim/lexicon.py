"""The cue lexicon (rules/lexicon/cues.yaml), read once per process, macros expanded.

The lexicon is knowledge and lives with the rules; it is a data file, so reading it
imports nothing of the knowledge base (nor experta) and the reporting stage may show
what the tagger found."""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from functools import lru_cache

import yaml

_Loader: type[yaml.CSafeLoader] | type[yaml.SafeLoader]
try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader

PATH = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(
    __file__)))), "rules", "lexicon", "cues.yaml")
# what required() reads off every alternative, kept beside the lexicon so a run need not
# parse ~300 patterns before its first sentence; used only while its digest matches the
# lexicon's bytes (python -m asas.engine.verbatim.lexicon rewrites it; a test checks it)
INDEX = PATH[:-len(".yaml")] + ".index.json"


# the regular-expression parser, to find the words a pattern cannot match without
if sys.version_info >= (3, 11):
    from re import _compiler as _sre_compile, _constants as _sre, _parser as _sre_parse
else:  # pragma: no cover - Python 3.10
    import sre_compile as _sre_compile
    import sre_constants as _sre
    import sre_parse as _sre_parse


def required(pattern: str) -> frozenset | None:
    """Strings one of which every match of ``pattern`` contains, or None when no such
    set can be read off it.  A sentence holding none of them cannot match, so the
    tagger skips the search: most cues name words, and a substring test costs far less
    than a search (bench/verbatim_bench.py)."""
    return _parsed(pattern)[1]


def _parsed(pattern: str):
    """(the parsed pattern or None, the strings it needs or None)."""
    try:
        tree = _sre_parse.parse(pattern)
    except Exception:   # pragma: no cover - re.compile reports it
        return None, None
    try:
        return tree, _required(list(tree.data))   # (the items tree[i] iterates over)
    except Exception:   # an unusual construct: search always
        return tree, None


class _Lazy:
    """A pattern compiled when first searched (most alternatives of the lexicon are never
    needed for a given file, and compiling them all costs more than checking one)."""
    __slots__ = ("pattern", "tree", "rx")

    def __init__(self, pattern: str, tree):
        self.pattern, self.tree = pattern, tree
        self.rx: re.Pattern[str] | None = None

    def search(self, text: str):
        if self.rx is None:
            self.rx = re.compile(self.pattern)
        return self.rx.search(text)


def _required(items) -> frozenset | None:
    run = ""
    for op, av in items:
        if op is _sre.LITERAL:
            run += chr(av)
            continue
        if run:
            return frozenset({run})
        found = None
        if op is _sre.SUBPATTERN:
            found = _required(list(av[-1]))
        elif op is _sre.BRANCH:
            alternatives = [_required(list(a)) for a in av[1]]
            known = [a for a in alternatives if a]
            if len(known) == len(alternatives):
                found = frozenset().union(*known)
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] >= 1:
            found = _required(list(av[2]))
        if found:
            return found
    return frozenset({run}) if run else None


def alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern (``a|b(c|d)`` → ``a``, ``b(c|d)``)."""
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "]":
                i += 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


@dataclass(frozen=True)
class Cue:
    code: str
    pattern: str      # macros expanded
    en: str
    id: str
    needs: frozenset | None = None    # see required()
    # the pattern's top-level alternatives, each with the strings it needs: only those
    # whose strings a sentence holds are searched
    parts: tuple = ()

    @property
    def rx(self) -> re.Pattern:
        return re.compile(self.pattern)

    def search(self, sentence: str, present: frozenset | None = None):
        if present is None:
            return self.rx.search(sentence)
        for rx, needs in self.parts:
            if needs is None or not needs.isdisjoint(present):
                m = rx.search(sentence)
                if m:
                    return m
        return None


@dataclass(frozen=True)
class Lexicon:
    cues: tuple[Cue, ...]
    patterns: dict          # name -> compiled pattern
    opening: dict           # item -> compiled pattern
    macros: dict
    long_self_disclosure: int

    def expand(self, pattern: str) -> str:
        for name, value in self.macros.items():
            pattern = pattern.replace("{" + name + "}", value)
        return pattern


def _digest(raw: bytes) -> str:
    import hashlib
    return hashlib.sha256(raw).hexdigest()


def _index(path: str, raw: bytes):
    """The stored needles of every alternative, in order, or None when stale."""
    import json
    try:
        with open(path[:-len(".yaml")] + ".index.json", encoding="utf-8") as f:
            index = json.load(f)
    except (OSError, ValueError):
        return None
    if not isinstance(index, dict) or index.get("sha256") != _digest(raw):
        return None
    return [None if n is None else frozenset(n) for n in index["needs"]]


def write_index(path: str = PATH) -> str:
    import json
    with open(path, "rb") as f:
        raw = f.read()
    lex = _build(raw, None)
    needs = [None if n is None else sorted(n) for c in lex.cues for _, n in c.parts]
    target = path[:-len(".yaml")] + ".index.json"
    with open(target, "w", encoding="utf-8") as f:
        json.dump({"sha256": _digest(raw), "needs": needs}, f, ensure_ascii=False, indent=0)
        f.write("\n")
    return target


@lru_cache(maxsize=None)
def lexicon(path: str = PATH) -> Lexicon:
    with open(path, "rb") as f:
        raw = f.read()
    return _build(raw, _index(path, raw))


def _build(raw: bytes, stored) -> Lexicon:
    data = yaml.load(raw, Loader=_Loader)
    macros = data["macros"]

    def expand(pattern):
        for name, value in macros.items():
            pattern = pattern.replace("{" + name + "}", value)
        return pattern

    def compile_(pattern):
        return re.compile(expand(pattern))

    cues = []
    position = 0
    for c in data["cues"]:
        parts = []
        for alt in alternatives(c["pattern"]):
            pattern = expand(alt)
            if stored is not None and position < len(stored):
                needs = stored[position]
            else:
                needs = _parsed(pattern)[1]
            position += 1
            parts.append((_Lazy(pattern, None), needs))
        all_needs = [n for _, n in parts]
        needs = None if any(n is None for n in all_needs) else frozenset().union(*all_needs)
        cues.append(Cue(c["code"], expand(c["pattern"]), c["what"]["en"], c["what"]["id"],
                        needs, tuple(parts)))
    return Lexicon(tuple(cues), {k: compile_(v) for k, v in data["patterns"].items()},
                   {k: compile_(v) for k, v in data["opening"].items()}, macros,
                   int(data["long_self_disclosure"]))


if __name__ == "__main__":   # python -m asas.engine.verbatim.lexicon: refresh the index
    print(write_index())
