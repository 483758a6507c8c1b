"""The cue lexicon (rules/lexicon/cues.yaml), read once per process, macros expanded.

The lexicon is knowledge and lives with the rules; it is a data file, so reading it
imports nothing of the knowledge base (nor experta) and the reporting stage may show
what the tagger found."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache

import yaml

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader

PATH = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(
    __file__)))), "rules", "lexicon", "cues.yaml")


try:   # the regular-expression parser, to find the words a pattern cannot match without
    from re import _parser as _sre_parse, _constants as _sre
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre
    import sre_parse as _sre_parse


def required(pattern: str) -> frozenset | None:
    """Strings one of which every match of ``pattern`` contains, or None when no such
    set can be read off it.  A sentence holding none of them cannot match, so the
    tagger skips the search: most cues name words, and a substring test costs far less
    than a search (bench/verbatim_bench.py)."""
    try:
        return _required(list(_sre_parse.parse(pattern)))
    except Exception:   # an unusual construct: search always
        return None


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
            if all(a for a in alternatives):
                found = frozenset().union(*alternatives)
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
    rx: re.Pattern
    en: str
    id: str
    needs: frozenset | None = None    # see required()
    # the pattern's top-level alternatives, each with the strings it needs: only those
    # whose strings a sentence holds are searched
    parts: tuple = ()

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


@lru_cache(maxsize=None)
def lexicon(path: str = PATH) -> Lexicon:
    with open(path, encoding="utf-8") as f:
        data = yaml.load(f, Loader=_Loader)
    macros = data["macros"]

    def expand(pattern):
        for name, value in macros.items():
            pattern = pattern.replace("{" + name + "}", value)
        return pattern

    def compile_(pattern):
        return re.compile(expand(pattern))

    def parts_of(pattern):
        return tuple((re.compile(expand(alt)), required(expand(alt)))
                     for alt in alternatives(pattern))

    cues = tuple(Cue(c["code"], compile_(c["pattern"]), c["what"]["en"], c["what"]["id"],
                     required(expand(c["pattern"])), parts_of(c["pattern"]))
                 for c in data["cues"])
    return Lexicon(cues, {k: compile_(v) for k, v in data["patterns"].items()},
                   {k: compile_(v) for k, v in data["opening"].items()}, macros,
                   int(data["long_self_disclosure"]))
