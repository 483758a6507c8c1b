"""What makes a start of ``asas`` quicker without changing what it does.

PyYAML compiles, when it is imported, one pattern that costs more than the rest of its
import: ``yaml.reader.Reader.NON_PRINTABLE``, a negated class whose ranges run to the
last code point, 15 ms of the re module's optimiser on every start.  The same set of
characters written as the few it leaves out compiles in 0.6 ms.  :func:`seed_yaml`
puts that pattern into the re module's cache under PyYAML's pattern text before yaml
is imported, so ``re.compile`` hands it back at once.  If the cache is not a dict
(another Python) or yaml is already imported, nothing is done and PyYAML compiles its
own; tests/test_cli.py checks that the two patterns find the same characters among
every code point.
"""

from __future__ import annotations

import re
import sys

# yaml/reader.py's pattern, character for character
YAML_NON_PRINTABLE = "[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010ffff]"
# the code points that class leaves out: the same set
SAME_CHARACTERS = "[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uD800-\uDFFF\uFFFE\uFFFF]"


def seed_yaml() -> None:
    cache = getattr(re, "_cache", None)
    if "yaml.reader" in sys.modules or not isinstance(cache, dict):
        return
    cache.setdefault((str, YAML_NON_PRINTABLE, 0), re.compile(SAME_CHARACTERS))


# -- the collector while the program starts, and during a batch ---------------------
# The imports and the build of the rule engine make a few hundred thousand objects that
# all stay; the collector examines the young ones every 700 allocations, some 70 times
# for nothing (2% of a one-file check).  ``hold_gc`` makes that every 100,000 until
# ``settle`` (the first case checked in the process, a pool about to start, the end of
# the check).  From there on the young generation is examined every 10,000 allocations
# (BATCH_YOUNG) instead of 700: checking a case allocates a few thousand containers
# (facts, tokens, activations, the report's pieces), nearly all of them freed by their
# reference counts when the case is done, so at 700 the collector walks each case's
# live objects several times and finds no garbage; at 10,000 that costs some 2% fewer
# instructions a case.  What it can leave uncollected at a time is at most those
# 10,000 young objects (a few MB), however long the batch: the peak memory of 10,000
# cases stays that of 1,000 (bench/run.py's memory rows).  Collections still happen,
# and memory stays bounded even where ``settle`` is not reached.  Only the ``asas``
# command holds (cli.py): a program that imports asas keeps its own thresholds.
_HELD: list = []
BATCH_YOUNG = 10_000


def hold_gc(young: int = 100_000) -> None:
    import gc
    if not _HELD:
        _HELD.append(gc.get_threshold())
        first, *older = _HELD[0]
        gc.set_threshold(max(first, young), *older)


def settle() -> None:
    if _HELD:
        import gc
        gc.freeze()
        first, *older = _HELD.pop()
        gc.set_threshold(max(first, BATCH_YOUNG), *older)
