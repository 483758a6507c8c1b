"""A field's path as a reader counts: ``sessions[2].client.willingness`` is "sesi 3 ›
client.willingness" (session 3), and the second item of a list is "butir ke-2".  A
verbatim's turns are counted from 1 already (spec/verbatim.md): ``sessions[0].verbatim[12]``
is "sesi 1 › verbatim (giliran 12)".

The path itself, 0-based as a program counts, stays in the JSON report and the
cache; only the words a person reads use these."""

from __future__ import annotations

import re

_PART = re.compile(r"([^.\[\]]+)((?:\[\d+\])*)")

_WORDS = {"en": ("session {n}", "item {n}"), "id": ("sesi {n}", "butir ke-{n}")}
_TURN = {"en": "turn {n}", "id": "giliran {n}"}


def readable(path: str, lang: str = "en") -> str:
    """``sessions[0].counselor.techniques[1]`` → ``sesi 1 › counselor.techniques
    (butir ke-2)``; a path without positions is returned as it is."""
    if "[" not in path:
        return path
    session, item = _WORDS["id" if lang == "id" else "en"]
    groups: list[str] = []
    current: list[str] = []
    for name, indexes in _PART.findall(path):
        numbers = [int(i) + 1 for i in re.findall(r"\d+", indexes)]
        if name == "sessions" and not groups and not current and numbers:
            groups.append(session.format(n=numbers[0]))
            numbers = numbers[1:]
            if not numbers:
                continue
        current.append(name)
        if name == "verbatim" and len(numbers) == 1:    # a turn's index, 1-based
            turn = _TURN["id" if lang == "id" else "en"].format(n=numbers[0] - 1)
            groups.append(f"{name} ({turn})")
            current = []
        elif numbers:
            where = ", ".join(item.format(n=n) for n in numbers)
            groups.append(".".join(current) + f" ({where})")
            current = []
    if current:
        groups.append(".".join(current))
    return " › ".join(groups)
