"""A loaded case's verbatims, analysed once: tagged and measured per session, each turn
reachable as evidence (``sessions[0].verbatim[12]``: its line, and a short quote).

A turn's line and quote are made when its path is asked for (``LoadedCase.where`` and
``.value`` call ``turn_at`` and ``quote_at``), not for every turn when analysed: a case
has some 120 turns and its findings cite a few.  What a path gives is what it gave when
every turn was filled in at once: the paths exist once the verbatim is analysed."""

from __future__ import annotations

import re

from asas.engine.verbatim.measure import SessionMeasures, measure_all, quote, quote_spaced


def turn_path(idx: int, index: int) -> str:
    return f"sessions[{idx}].verbatim[{index}]"


def analyse(loaded) -> dict[int, SessionMeasures]:
    """{session index: measures}; cached on ``loaded`` (its ``analyses``)."""
    if loaded.analyses or not loaded.verbatim or loaded.case is None:
        return loaded.analyses
    loaded.analyses.update(measure_all(loaded.verbatim, loaded.case))
    return loaded.analyses


# a turn's path (its session, its 1-based turn index), or the block's (no turn index)
_PATH = re.compile(r"sessions\[(\d+)\]\.verbatim(?:\[(\d+)\])?", re.ASCII)


def _where(loaded, path: str) -> tuple[int, int | None] | None:
    """(session index, turn index or None) of a path an analysed verbatim answers."""
    m = _PATH.fullmatch(path)
    if m is None:
        return None
    idx, index = int(m[1]), (int(m[2]) if m[2] is not None else None)
    if idx not in loaded.analyses:
        return None
    # as written by turn_path only: "sessions[00].verbatim[1]" is no turn's path
    if path != (turn_path(idx, index) if index is not None else f"sessions[{idx}].verbatim"):
        return None
    return idx, index


def turn_at(loaded, path: str):
    """The turn at ``sessions[i].verbatim[k]`` of an analysed verbatim, else None."""
    found = _where(loaded, path)
    if found is None or found[1] is None:
        return None
    parsed = loaded.verbatim.get(found[0])
    if parsed is None:
        return None
    index, turns = found[1], parsed.turns
    # parse.py numbers a session's turns 1, 2, ...: turn k is turns[k - 1]
    if 0 < index <= len(turns) and turns[index - 1].index == index:
        return turns[index - 1]
    return next((t for t in reversed(turns) if t.index == index), None)


def quote_at(loaded, path: str) -> str | None:
    """The short quote of a turn (or, for ``sessions[i].verbatim``, of the block's start)
    of an analysed verbatim, else None; kept in ``loaded.quotes`` once made."""
    found = _where(loaded, path)
    if found is None:
        return None
    if found[1] is None:
        # a finding about the whole session (confidentiality never said) cites the block:
        # a short quote of its start, as of a turn, not every turn of it
        said = quote(loaded.case.sessions[found[0]].verbatim or "")
    else:
        turn = turn_at(loaded, path)
        if turn is None:
            return None
        # a turn's text is read spaced (parse.py), so its quote needs no respacing
        said = (quote_spaced(turn.text) if turn.text
                else quote(" ".join(f"({n})" for n in turn.notes)))
    loaded.quotes[path] = said
    return said


def turn_lines(loaded) -> dict[str, tuple[int, int]]:
    """Every turn's path -> (line, column), for what needs them all at once."""
    out: dict[str, tuple[int, int]] = {}
    for idx in loaded.analyses:
        parsed = loaded.verbatim.get(idx)
        for turn in parsed.turns if parsed is not None else ():
            out[turn_path(idx, turn.index)] = (turn.line, turn.column)
    return out
