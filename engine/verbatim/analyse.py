"""A loaded case's verbatims, analysed once: tagged and measured per session, each turn
reachable as evidence (``sessions[0].verbatim[12]``: its line, and a short quote)."""

from __future__ import annotations

from asas.engine.verbatim.measure import SessionMeasures, measure, quote, quote_spaced


def turn_path(idx: int, index: int) -> str:
    return f"sessions[{idx}].verbatim[{index}]"


def analyse(loaded) -> dict[int, SessionMeasures]:
    """{session index: measures}; cached on ``loaded`` (its ``analyses``)."""
    if loaded.analyses or not loaded.verbatim or loaded.case is None:
        return loaded.analyses
    for idx, parsed in loaded.verbatim.items():
        m = measure(parsed.turns, loaded.case.sessions[idx].number)
        loaded.analyses[idx] = m
        for turn in parsed.turns:
            path = turn_path(idx, turn.index)
            loaded.values[path] = (turn.line, turn.column)
            # a turn's text is read spaced (parse.py), so its quote needs no respacing
            loaded.quotes[path] = (quote_spaced(turn.text) if turn.text
                                   else quote(" ".join(f"({n})" for n in turn.notes)))
        # a finding about the whole session (confidentiality never said) cites the block:
        # a short quote of its start, as of a turn, not every turn of it
        block = f"sessions[{idx}].verbatim"
        loaded.quotes[block] = quote(loaded.case.sessions[idx].verbatim or "")
    return loaded.analyses
