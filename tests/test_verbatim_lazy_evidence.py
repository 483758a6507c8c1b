"""A verbatim turn's evidence (its line, its short quote) is made when its path is asked
for, no longer for every turn when the verbatim is analysed (engine/verbatim/analyse.py).
Every path gives what the eager filling gave: here that filling is rebuilt from the
parsed turns into plain dicts, and ``where``/``value`` over them are the reference."""

import dataclasses
import glob
from pathlib import Path

import pytest

from asas.engine.load.loader import load_file
from asas.engine.report.redact import redact
from asas.engine.run.pipeline import check_file
from asas.engine.verbatim.analyse import analyse

ROOT = Path(__file__).resolve().parent.parent
FILES = (sorted((ROOT / "tests" / "fixtures" / "verbatim").rglob("*.yaml"))
         + sorted((ROOT / "cases").rglob("*.yaml"))
         + sorted(Path(p) for p in glob.glob("/work/shared/verbatim/dev*.yaml")))


def _quote(text: str, width: int = 80) -> str:
    """A short quote as findings have always shown it, written out again here."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


def _eager(loaded):
    """The loaded case as the eager filling left it: every turn's line in ``values``,
    its quote (and each block's) in ``quotes``; no analyses, so no lazy lookup."""
    values, quotes = dict(loaded.values), {}
    for idx, parsed in loaded.verbatim.items():
        for turn in parsed.turns:
            path = f"sessions[{idx}].verbatim[{turn.index}]"
            values[path] = (turn.line, turn.column)
            quotes[path] = _quote(turn.text or " ".join(f"({n})" for n in turn.notes))
        quotes[f"sessions[{idx}].verbatim"] = _quote(loaded.case.sessions[idx].verbatim or "")
    return dataclasses.replace(loaded, values=values, quotes=quotes, analyses={})


def _paths(loaded):
    """Every turn's path, the blocks', their neighbours that are no turn, odd spellings."""
    out = []
    for idx, parsed in loaded.verbatim.items():
        n = len(parsed.turns)
        out += [f"sessions[{idx}].verbatim[{t.index}]" for t in parsed.turns]
        out += [f"sessions[{idx}].verbatim", f"sessions[{idx}].verbatim[0]",
                f"sessions[{idx}].verbatim[{n + 1}]", f"sessions[{idx}].verbatim[-1]",
                f"sessions[0{idx}].verbatim[1]", f"sessions[{idx}].verbatim[01]",
                f"sessions[{idx}].verbatim[1].text", f"sessions[{idx}].verbatim[x]",
                f"sessions[{idx}].verbatim[{n}]", f"sessions[{idx}].number"]
    out += ["sessions[99].verbatim[1]", "sessions[99].verbatim", "sessions[0]", "verbatim[1]"]
    return out


def _looked_up(loaded, path):
    """Where and what a path is, or what it raises (an index that is no number does)."""
    try:
        return loaded.where(path), loaded.value(path)
    except Exception as exc:
        return "raised", type(exc).__name__


def _cases():
    for path in FILES:
        loaded = load_file(str(path))
        if loaded.valid and loaded.verbatim:
            yield path, loaded


def test_there_are_cases_with_many_turns():
    turns = [len(p.turns) for _, loaded in _cases() for p in loaded.verbatim.values()]
    assert len(turns) >= 10 and max(turns) >= 20


@pytest.mark.parametrize("path,loaded", list(_cases()), ids=lambda v: getattr(v, "stem", ""))
def test_every_turn_path_gives_its_line_and_quote_as_when_filled_eagerly(path, loaded):
    # not analysed yet: no turn is evidence, as before (a turn's path is the block's
    # line, the block's path its text)
    first = f"sessions[0].verbatim[{loaded.verbatim[0].turns[0].index}]"
    assert loaded.where(first) == loaded.where("sessions[0].verbatim")
    assert loaded.value("sessions[0].verbatim") == loaded.case.sessions[0].verbatim
    assert not loaded.quotes
    reference = _eager(loaded)
    analyse(loaded)
    for _ in range(2):      # made when first asked for, then kept
        for p in _paths(loaded):
            assert _looked_up(loaded, p) == _looked_up(reference, p), p
    turn = loaded.verbatim[0].turns[-1]
    tp = f"sessions[0].verbatim[{turn.index}]"
    assert loaded.where(tp) == (turn.line, turn.column) != loaded.where("sessions[0].verbatim")


def test_a_redacted_case_keeps_its_turns_lines_and_loses_their_quotes():
    path = "tests/fixtures/verbatim/vbt-judgmental-not-listed.yaml"
    result = check_file(path)
    reference = _eager(result.loaded)
    hidden = redact([result])[0].loaded
    for p in _paths(result.loaded):
        assert hidden.where(p) == reference.where(p), p
    assert hidden.quotes == {} and not hidden.verbatim


def test_a_finding_citing_a_turn_carries_its_line_and_quote():
    path = "tests/fixtures/verbatim/vbt-judgmental-not-listed.yaml"
    result = check_file(path)
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    found = next(f for f in result.findings if f.id == "VBT010")
    cited = found.evidence[0]
    index = int(cited.path.rsplit("[", 1)[1][:-1])
    turn = next(t for t in result.loaded.verbatim[0].turns if t.index == index)
    assert (cited.line, cited.column) == (turn.line, turn.column) != (1, 1)
    assert cited.value == _quote(turn.text) and cited.value.startswith("Ya itu kamu")
    assert "kamu sih yang malas" in lines[cited.line - 1]
    # only what was cited was made (the point of making them lazily)
    assert cited.path in result.loaded.quotes
    assert len(result.loaded.quotes) < len(result.loaded.verbatim[0].turns)
