"""The plain reader of a verbatim block (parse._parse_plain, the common block read with
less work a line) gives exactly the turns and problems of the general loop
(parse._parse_lines) on every block it takes, and declines the others."""

from __future__ import annotations

import dataclasses

import test_verbatim_tag_same as same
from hypothesis import given, settings
from hypothesis import strategies as st

from asas.engine.verbatim import parse as P

OWN = {"counselor": ["Kons", "Guru BK"], "client": ["Ko", "Siswa"], "other": ["Ayah"]}


def _general(text, first=1, indent=0, speakers=None, check=True):
    # the general loop, with what parse() does before and after either reader (the
    # brackets rewritten; a block with problems read again): the readers are compared
    index, own = P._speaker_index(speakers)
    if "(" in text:
        text = P.bracketed(text, index) or text
    parsed = P._parse_lines(text, first, indent, speakers, index, own, check)
    if parsed.problems:
        return P._read_again(parsed, text, first, indent, speakers, index, own, check)
    return parsed


def _same(text, first=1, indent=0, speakers=None, check=True):
    got = P.parse(text, first, indent, speakers, check)
    want = _general(text, first, indent, speakers, check)
    assert [list(vars(t).items()) for t in got.turns] == \
        [list(vars(t).items()) for t in want.turns]
    assert got.turns == want.turns and got.problems == want.problems
    return got


def test_a_turn_made_without_init_has_the_fields_of_one():
    turn = P.parse("Ko: Halo. | attending\nKi: Iya.\n").turns[0]
    assert list(vars(turn)) == [f.name for f in dataclasses.fields(P.Turn)]


def test_the_plain_reader_takes_the_common_block_and_reads_it_as_the_loop():
    blocks = same._labelled_blocks() + same._bench_blocks(20) + same._hostile_blocks(120)
    taken = 0
    for block in blocks:
        _same(block, 5, 4)
        taken += P._parse_plain(block, 5, 4, P._DEFAULT_INDEX, True) is not None
    assert taken >= len(same._bench_blocks(20))


_CODE = st.sampled_from(["Ko", "Ki", "K", "S", "ko", "KI", "Ko1", "Ki-12", "Ayah", "Ibu",
                         "Kons", "Siswa", "Guru BK", "Ko 2", "Terus", "x", "Konselor",
                         "Mahasiswa ", "Nah", "Bu Sri", "Ki 1", "Konselor (Ko)",
                         "Siswa A (Ki)", "Ko (diam)", "Ayah (Ki)",
                         "04/03/26 09.01 - Ki", "[4/3/26, 9:01:02 AM] Bu Rina"])
_WORDS = st.sampled_from(["Halo", "Bu,", "saya", "-", "...", "(diam)", "(", ")", "12",
                          "nggak", "é", "—", "tahu.", "Jadi:", "a:b", "\u00a0", " ", "",
                          "\t", "\x1c", "_", "|", "-x-", "x--", "?!", "  "])
_LABEL = st.sampled_from(["", " | attending", " | refleksi perasaan, pertanyaan terbuka",
                          " | refleksi prasaan", " |", "| klarifikasi", " | penguatan / saran",
                          " | x", " (Teknik: attending)", " (teknik : refleksi prasaan)",
                          "(Label=x) ", " (Keterampilan: klarifikasi) (diam)",
                          " [attending]", " [refleksi perasaan, klarifikasi] ", " [tertawa]",
                          "[]", " [parafrase] | attending"])
_LEAD = st.sampled_from(["", " ", "  ", "    ", "\u00a0"])
_NUM = st.sampled_from(["", "1. ", "12) ", "3 ", "4: ", "12345 ", "٣. ", "7.\u00a0"])
_SEP = st.sampled_from([": ", ":", " : ", ":\t", ":\r "])


@st.composite
def _line(draw):
    kind = draw(st.integers(0, 9))
    text = " ".join(draw(st.lists(_WORDS, max_size=8)))
    if kind == 0:
        return draw(_LEAD) + text                       # a continuation, maybe blank
    if kind == 1:
        return draw(_CODE) + "\t" + text + "\t" + draw(_LABEL).lstrip(" |")
    if kind == 2:
        return ""
    return (draw(_LEAD) + draw(_NUM) + draw(_CODE) + draw(_SEP) + text + draw(_LABEL)
            + draw(st.sampled_from(["", " ", "\r"])))


@settings(max_examples=1500, deadline=None)
@given(st.lists(_line(), max_size=12), st.sampled_from([None, OWN]), st.booleans(),
       st.integers(1, 40), st.integers(0, 8))
def test_any_block_reads_as_the_general_loop_reads_it(lines, speakers, check, first, indent):
    _same("\n".join(lines), first, indent, speakers, check)
    _same("\n".join(lines) + "\n", first, indent, speakers, check)
