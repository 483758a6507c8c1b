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


@dataclass(frozen=True)
class Cue:
    code: str
    rx: re.Pattern
    en: str
    id: str


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

    def compile_(pattern):
        for name, value in macros.items():
            pattern = pattern.replace("{" + name + "}", value)
        return re.compile(pattern)

    cues = tuple(Cue(c["code"], compile_(c["pattern"]), c["what"]["en"], c["what"]["id"])
                 for c in data["cues"])
    return Lexicon(cues, {k: compile_(v) for k, v in data["patterns"].items()},
                   {k: compile_(v) for k, v in data["opening"].items()}, macros,
                   int(data["long_self_disclosure"]))
