"""The quick paths of checking a case with verbatims give what the plain ones gave
(differential tests, issue 13): the client's words read when first asked for, quotes and
views of a turn's text as read, one pass over the turns for the facts, and the privacy
scan's digit test, each against the plain code it replaced."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
import test_verbatim_tag_same as same
from hypothesis import given, settings
from hypothesis import strategies as st

from asas.engine.load.loader import load_file
from asas.engine.verbatim import tag
from asas.engine.verbatim.analyse import analyse
from asas.engine.verbatim.measure import quote, quote_spaced
from asas.engine.verbatim.parse import COUNSELOR, OTHER, parse
from asas.engine.verbatim.view import _said
from asas.rules.privacy_scan import has_digit

ROOT = Path(__file__).resolve().parent.parent


def _old_quote(text: str, width: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


def _blocks() -> list[str]:
    return same._labelled_blocks() + same._bench_blocks(20) + same._hostile_blocks(120)


def _parsed_turns():
    for block in _blocks():
        yield from parse(block).turns


# -- the client's words, read when a tag first asks -----------------------------------
def _eager_session(turns):
    """tag_session as it was: every client turn's content words worked out at once."""
    out, heard, state = [], frozenset(), {}
    for turn in turns:
        if turn.speaker == COUNSELOR:
            out.append(tag.TaggedTurn(turn, tag.tag_turn(turn, heard, state)))
        else:
            out.append(tag.TaggedTurn(turn, []))
            heard = tag._content(turn.text)
    if state.get("in_role"):
        tag._coaching_in_role(out)
    return out


@pytest.mark.parametrize("source", ["labelled", "bench", "hostile"])
def test_lazy_client_words_tag_as_the_eager_ones(source):
    for turns in same.SOURCES[source]():
        want = same._tags(_eager_session(turns))
        tag._TAGGED.clear()     # the sessional sentences are read again, not remembered
        assert same._tags(tag.tag_session(turns)) == want
        assert same._tags(tag.tag_session(turns)) == want


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60), st.frozensets(st.text(max_size=6), max_size=6))
def test_lazy_client_words_answer_as_the_set(text, other):
    words = tag._content(text)
    heard = tag._Heard(text)
    assert bool(heard) == bool(words)
    assert len(heard) == len(words)
    assert set(heard) == set(words)
    assert (other & heard) == (other & words) == (heard & other)
    for w in list(other) + list(words):
        assert (w in heard) == (w in words)


# -- quotes and views of a turn's text as read ------------------------------------------
def test_a_turn_is_read_spaced():
    """What quote_spaced and the view rely on: parse gives every turn's text spaced."""
    for turn in _parsed_turns():
        assert turn.text == " ".join(turn.text.split()), turn.text
        assert quote_spaced(turn.text) == _old_quote(turn.text)


_SPACES = st.sampled_from([" ", "  ", "\t", "\n", "\u00a0", "\u3000", "\x1c", "\u2028"])
_TEXT = st.lists(st.text(alphabet=st.characters(blacklist_categories=("Zs", "Cc")), max_size=12)
                 | _SPACES, max_size=80).map("".join)


@settings(max_examples=500, deadline=None)
@given(_TEXT, st.integers(1, 120))
def test_a_quote_is_what_it_was(text, width):
    assert quote(text, width) == _old_quote(text, width)
    spaced = " ".join(text.split())
    assert quote_spaced(spaced, width) == _old_quote(spaced, width)


def test_a_block_is_quoted_as_before():
    rng = random.Random(5)
    for block in _blocks():
        assert quote(block) == _old_quote(block)
        # long blocks, and starts of blank space and long words around the cut
        long = block * rng.randint(1, 6) + " " * rng.randint(0, 400) + "x" * rng.randint(0, 400)
        for text in (long, " " * 330 + long, "y" * 319 + " " + long, "\n" * 500 + "z"):
            for width in (10, 79, 80, 81, 200):
                assert quote(text, width) == _old_quote(text, width)


def test_a_turn_is_shown_as_before():
    for turn in _parsed_turns():
        assert _said(turn) == " ".join([turn.text] + [f"({n})" for n in turn.notes]).strip()


# -- the verbatim facts: one pass over the turns ------------------------------------------
def _cases():
    files = (sorted((ROOT / "tests" / "fixtures" / "verbatim").rglob("*.yaml"))
             + sorted((ROOT / "cases").rglob("*.yaml")))
    for path in files:
        loaded = load_file(str(path))
        if loaded.valid and loaded.verbatim:
            yield loaded


def test_the_verbatim_facts_name_the_turns_they_named():
    from asas.engine.reason.facts import verbatim_facts
    seen = 0
    for loaded in _cases():
        for fact, (idx, m) in zip(verbatim_facts(loaded), sorted(analyse(loaded).items())):
            seen += 1
            assert fact["idx"] == idx
            for name in ("reinforcement", "goal_setting"):
                assert fact[name] == tuple(tt.turn.index for tt in m.turns
                                           if tt.turn.speaker == COUNSELOR and name in tt.codes)
            assert fact["others"] == tuple(tt.turn.index for tt in m.turns
                                           if tt.turn.speaker == OTHER)
            assert fact["other_codes"] == ", ".join(dict.fromkeys(
                tt.turn.code for tt in m.turns if tt.turn.speaker == OTHER))
    assert seen >= 10


# -- the privacy scan's digit test ---------------------------------------------------------
_DIGIT = re.compile(r"\d")
_ODD = "abc XYZ \n\t…“”é٣۵߂੬０１𝟘²½Ⅻ\ud800\udfff\x00\x7f\x80" + "0123456789"


@settings(max_examples=1000, deadline=None)
@given(st.text(max_size=40) | st.text(alphabet=_ODD, max_size=20))
def test_a_digit_is_found_where_the_search_finds_one(text):
    assert has_digit(text) == (_DIGIT.search(text) is not None)


def test_a_digit_is_found_in_every_block_as_before():
    for block in _blocks():
        for text in (block, block + "٣", block + "\ud800", block.replace("1", "")):
            assert has_digit(text) == (_DIGIT.search(text) is not None)


_SPELLING_WORDS = sorted(tag._LEX.spellings) + ["yang", "udah", "5", "x", "é", "_"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_SPELLING_WORDS),
                          st.sampled_from([" ", "", ",", ". ", "-", "_", "é", "'", "\t"])),
                max_size=8))
def test_a_chat_spelling_is_seen_where_the_regex_sees_one(parts):
    text = "".join(w + j for w, j in parts)
    assert tag._spelled(text) == (tag._SPELLED.search(text) is not None), text
