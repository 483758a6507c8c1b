"""The sieves of measure.py (lexicon.Sieve) find what their whole patterns find, at the
same place, on sentences made of the patterns' own words and near misses (a letter off,
glued to a neighbour, odd punctuation and non-ASCII), and the words a text is cut into
are the regex's."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from asas.engine.verbatim import measure
from asas.engine.verbatim.lexicon import _CHUNK, word_runs

_WORDS = sorted({w for name, sieve in measure._SIEVES.items()
                 for alt, _ in sieve.alts for w in re.findall(r"[a-z]+(?:-[a-z]+)?", alt)
                 if len(w) > 1})
_JOIN = [" ", " ", " ", ", ", ". ", "? ", "", "-", "  ", "\t", "’", "é", "_", " ya "]


@st.composite
def _text(draw):
    out = []
    for _ in range(draw(st.integers(1, 14))):
        w = draw(st.sampled_from(_WORDS))
        cut = draw(st.integers(0, 6))
        if cut == 1:
            w = w[1:]
        elif cut == 2:
            w = w[:-1]
        elif cut == 3:
            w = w + draw(st.sampled_from(["nya", "mu", "an", "kah", "x"]))
        out.append(w + draw(st.sampled_from(_JOIN)))
    return "".join(out).strip()


def _same(text: str) -> None:
    keys = measure._SIEVE_SET.keys(text)
    for name, sieve in measure._SIEVES.items():
        want, got = sieve.rx.search(text), sieve.search(text, keys)
        assert (want and (want.span(), want.group(0))) == (got and (got.span(), got.group(0))), (
            name, text)


@settings(max_examples=3000, deadline=None)
@given(_text())
def test_a_sieve_never_hides_a_match(text):
    _same(text)


def test_a_sieve_finds_the_lexicon_examples():
    found = 0
    for text in ["kalau ada yang berbahaya, ibu harus bilang", "saya akan coba bicara",
                 "yang kamu ceritakan rahasia", "ibu mau membantu kamu", "dulu waktu kecil",
                 "kamu juga bebas berhenti kapan saja", "nggak tahu", "disuruh ibu",
                 "pertama, saya mau lihat dulu", "itu hakmu", "keselamatanmu penting"]:
        _same(text)
        keys = measure._SIEVE_SET.keys(text)
        found += sum(bool(s.search(text, keys)) for s in measure._SIEVES.values())
    assert found >= 11


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab_Z09 -.,?!\t\n\x1c\x1féΩ٣’")), max_size=30))
def test_words_are_the_runs_the_regex_finds(text):
    assert [w if isinstance(w, str) else w.decode() for w in word_runs(text)] == \
        _CHUNK.findall(text)


def test_the_stored_index_plans_what_the_lexicon_says():
    """rules/lexicon/cues.index.json is fresh (``python -m asas.engine.verbatim.lexicon``
    after an edit of cues.yaml), and what it stores is what the lexicon works out
    without it: each alternative's look-up and each pattern's sieve."""
    from asas.engine.verbatim import lexicon as lx
    with open(lx.PATH, "rb") as f:
        raw = f.read()
    stored = lx._index(lx.PATH, raw)
    assert stored is not None, "stale index: run python -m asas.engine.verbatim.lexicon"
    fresh = lx._build(raw, None)
    assert [p for c in fresh.cues for p in c.plans] == stored[0]
    assert {source: lx.sieve_plan(source) for source in fresh.sources.values()} == stored[1]
    indexed = lx.lexicon()
    assert [c.plans for c in indexed.cues] == [c.plans for c in fresh.cues]
    built = {name: s.alts for name, s in measure._SIEVES.items()}
    plain = lx.Sieves({name: (s.pattern, None) for name, s in measure._SIEVES.items()})
    assert built == {name: s.alts for name, s in plain.sieves.items()}
    assert measure._SIEVE_SET.named == plain.named


# a pattern of each kind of alternative a sieve holds: indexed by a key of its first
# requirement (whole word, word start), searched everywhere (no requirement; a first
# requirement of text only), and one pattern that cannot be split at all
_MADE = [r"\bdulu\b|\bwaktu (?:kecil|sd)\b|ter\w+ lagi|\w+lah\b|\bpernah\b",
         r"\bnanti\b|(?:a|b)\d|\bkalau\b.{0,20}\bbahaya",
         r"(\w+) \1|\bkapan\b"]
_MADE_WORDS = ["dulu", "waktu", "kecil", "sd", "terus", "lagi", "coba", "lah", "pernah",
               "nanti", "a1", "b", "kalau", "ada", "bahaya", "kapan", "kapanlah"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_MADE_WORDS), min_size=1, max_size=10),
       st.lists(st.sampled_from(_JOIN), min_size=10, max_size=10))
def test_a_sieve_of_every_kind_of_alternative_finds_what_its_pattern_finds(words, joins):
    from asas.engine.verbatim.lexicon import Sieves
    text = "".join(w + j for w, j in zip(words, joins)).strip()
    made = Sieves({str(i): (p, None) for i, p in enumerate(_MADE)})
    assert {bool(s.always) for s in made.sieves.values()} == {True, False}
    keys = made.keys(text)
    for sieve in made.sieves.values():
        want, got = re.search(sieve.pattern, text), sieve.search(text, keys)
        assert (want and (want.span(), want.group(0))) == (got and (got.span(), got.group(0)))
