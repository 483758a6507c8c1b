"""The client's name read as *kamu* (engine/verbatim/names.py): a goal or an evaluation
asked of the client by name is read as the one asked with *kamu*."""

from __future__ import annotations

from asas.engine.verbatim.measure import measure
from asas.engine.verbatim.names import as_you, client_names
from asas.engine.verbatim.parse import parse

SESSION = """\
GBK: Selamat pagi, Fadli. Silakan duduk.
Sis: Pagi, Pak.
GBK: Dari pertemuan-pertemuan kita ini, apa yang ingin Fadli capai?
Sis: Ambo nio tetap sekolah, Pak.
GBK: Maksudnya gimana, Fadli?
Sis: Sambil bantu amak di lapau.
GBK: Dari obrolan kita hari ini, apa yang Fadli dapat?
Sis: Ambo jadi tahu ado jalan lain.
"""


def _turns(text=SESSION):
    return parse(text, speakers={"counselor": ["GBK"], "client": ["Sis"]}).turns


def _codes(pseudonym, text=SESSION):
    turns = _turns(text)
    m = measure(turns, 1, client_names(pseudonym, [turns]))
    return [tt.codes for tt in m.turns if tt.turn.speaker == "counselor"]


def test_a_goal_and_an_evaluation_asked_by_name():
    codes = _codes("Fadli")
    assert codes[1] == ["goal_setting"]
    assert codes[3] == ["evaluation"]


def test_without_the_name_they_are_plain_questions():
    """What the tagger read before: the name is what makes the difference."""
    plain = [c for c in _codes(None, SESSION.replace("Fadli", "Bu Yenni"))]
    assert plain[1] == ["open_question"] and plain[3] == ["open_question"]


def test_the_name_is_found_in_the_verbatim_when_the_case_gives_none():
    """"Siswa A" names no one; the counselor calling the client Fadli twice does."""
    assert _codes("Siswa A") == _codes("Fadli")
    names = client_names(None, [_turns()])
    assert names == ("Fadli",) and as_you("apa yang Fadli capai", names) == "apa yang kamu capai"


def test_a_word_called_once_is_not_taken_for_a_name():
    turns = _turns("GBK: Itu saja, Fadli?\nSis: Iya.\n")
    assert client_names(None, [turns]) == ()


def test_a_short_form_of_the_name_counts_and_only_as_written():
    turns = parse("Ko: Lapo kok Batam, Nov?\nKi: Kerja, Bu.\n").turns
    names = client_names("Novi Rahmawati", [turns])
    assert names == ("Rahmawati", "Novi", "Nov")
    assert as_you("Wes, yo opo ceritanya, Nov?", names) == "Wes, yo opo ceritanya, kamu?"
    assert as_you("Novi sendiri pengen apa?", names) == "kamu sendiri pengen apa?"
    # a name is matched capitalised, as a whole word: "sejak dini" is no one
    dini = client_names("Dini", [])
    assert as_you("Sejak dini, Dini sudah suka menggambar.", dini) == \
        "Sejak dini, kamu sudah suka menggambar."
    assert as_you("Dinihari tadi", dini) == "Dinihari tadi"


def test_honorifics_and_placeholders_are_not_names():
    assert client_names("Mas Adi", []) == ("Adi",)
    assert client_names("Siswa A", []) == ()
    assert client_names("Remaja G", []) == ()
    assert client_names("Bu", []) == ()
