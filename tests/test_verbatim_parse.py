"""Reading a verbatim block (spec/verbatim.md, "In the case file"): turns, speakers, the
case's own map, turn numbers, tab rows, continuation lines, notes, third parties, labels,
and located errors for what cannot be read."""

import glob
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from asas.engine.load.loader import load_file
from asas.engine.verbatim.parse import parse

DEV = sorted(glob.glob("/work/shared/verbatim/dev*.yaml"))
FIXTURES = "tests/fixtures/verbatim"


def test_turns_speakers_notes_labels_and_continuations():
    text = ("Ko: Selamat pagi, Dini. Silakan duduk. | attending\n"
            "Ki: Pagi, Bu.\n"
            "Ko: Sebelum mulai, Ibu jelaskan dulu: apa pun yang kamu ceritakan di sini\n"
            "    Ibu jaga kerahasiaannya. | penstrukturan\n"
            "Ki: (diam)\n"
            "Ko: (mengangguk) Hmm... lalu? | dorongan minimal, pertanyaan terbuka\n"
            "Ayah: Saya ikut dengar, Bu.\n")
    p = parse(text, first_line=10, indent=6)
    assert p.problems == []
    assert [t.speaker for t in p.turns] == ["counselor", "client", "counselor", "client",
                                           "counselor", "other"]
    assert [t.line for t in p.turns] == [10, 11, 12, 14, 15, 16]
    assert p.turns[0].column == 7
    assert p.turns[2].labels == ("structuring",)
    assert p.turns[2].text.endswith("Ibu jaga kerahasiaannya.")
    assert p.turns[3].text == "" and p.turns[3].notes == ("diam",) and p.turns[3].words == 0
    assert p.turns[4].labels == ("minimal_encouragement", "open_question")
    assert p.turns[4].notes == ("mengangguk",) and p.turns[4].words == 2


def test_numbers_tabs_spaces_before_colon_and_lower_case_codes():
    text = ("1. Ko: Selamat siang. | attending\n"
            "2 Ki: Siang.\n"
            "Mahasiswa : Saya bingung, Bu.\n"
            "Konselor\tBingungnya seperti apa?\tpertanyaan terbuka\n"
            "ki: ya gitu.\n")
    p = parse(text)
    assert p.problems == []
    assert [(t.number, t.speaker) for t in p.turns] == [
        (1, "counselor"), (2, "client"), (None, "client"), (None, "counselor"),
        (None, "client")]
    assert p.turns[3].labels == ("open_question",) and p.turns[3].text == "Bingungnya seperti apa?"


def test_a_case_map_replaces_the_default_one():
    text = "Kons: Silakan, Fikri.\nKo: Iya, Bu.\nAyah: Saya setuju.\n"
    p = parse(text, speakers={"counselor": ["Kons"], "client": ["Ko"], "other": ["Ayah"]})
    assert [t.speaker for t in p.turns] == ["counselor", "client", "other"]
    bad = parse("Kons: Silakan.\nKo: Iya.\nIbu: Boleh.\n",
                speakers={"counselor": ["Kons"], "client": ["Ko"]})
    assert [pr.message for pr in bad.problems] == [
        "speaker 'Ibu' is not in the case's verbatim_speakers map"]


def test_a_colon_inside_a_continuation_line_does_not_start_a_turn():
    text = ("Ko: Ibu kasih saran.\n"
            "    Pertama: HP dikumpulkan. Bu Sri bilang: jangan telat.\n"
            "Ki: Iya.\n")
    p = parse(text)
    assert len(p.turns) == 2 and "Pertama: HP" in p.turns[0].text


def test_no_counselor_or_no_client_is_an_error():
    p = parse("Ki: Halo.\nKi: Halo lagi.\n")
    assert any("no counselor turn" in pr.message for pr in p.problems)


@pytest.mark.parametrize("path", DEV, ids=lambda p: p.rsplit("/", 1)[1][:5])
def test_labelled_sessions_load_and_their_talk_share_is_the_expected_one(path):
    loaded = load_file(path)
    assert loaded.valid, [e.format(path) for e in loaded.errors]
    expected = dict(re.findall(r"# expect-session (\d+): talk_share=([\d.]+)",
                               open(path, encoding="utf-8").read()))
    for idx, parsed in loaded.verbatim.items():
        counselor = sum(t.words for t in parsed.turns if t.speaker == "counselor")
        total = sum(t.words for t in parsed.turns)
        share = int(counselor / total * 100 + 0.5) / 100     # rounded half up
        assert share == float(expected[str(idx + 1)])


def test_turn_lines_are_the_lines_of_the_case_file():
    path = DEV[0]
    lines = open(path, encoding="utf-8").read().split("\n")
    loaded = load_file(path)
    for parsed in loaded.verbatim.values():
        for turn in parsed.turns:
            raw = lines[turn.line - 1]
            assert raw[turn.column - 1:].lower().startswith(turn.code.lower() + ":")


@pytest.mark.parametrize("name", ["bad-folded", "bad-turns", "bad-speakers"])
def test_what_cannot_be_read_is_a_located_error(name):
    path = f"{FIXTURES}/{name}.yaml"
    expected = [line.split(": ", 1)[1].strip() for line in open(path, encoding="utf-8")
                if line.startswith("# expect-error:")]
    loaded = load_file(path)
    assert not loaded.valid
    got = [f"{e.line}:{e.column} {e.message}" for e in loaded.errors]
    assert len(got) == len(expected)
    for want in expected:
        assert any(g.startswith(want) for g in got), (want, got)


def test_errors_are_in_indonesian_too():
    loaded = load_file(f"{FIXTURES}/bad-turns.yaml")
    texts = [e.text("id") for e in loaded.errors]
    assert all(t != e.message for t, e in zip(texts, loaded.errors)), texts


def test_the_case_model_accepts_every_technique_the_verbatim_knows():
    """A write-up may name any technique the tagger codes (spec/verbatim.md adds five)."""
    from typing import get_args

    from asas.engine.model.case import Technique
    from asas.engine.verbatim.parse import TECHNIQUES
    assert set(TECHNIQUES) == set(get_args(Technique))


def test_a_turn_number_attached_to_a_known_code():
    """Ko1:, Ki-2:, K.3: (transcripts that number each speaker's turns) are the counselor
    and the client; 'Ko 2', with a space, stays a code of its own, and an unknown code
    with a number stays a third party."""
    p = parse("Ko1: Halo, silakan duduk.\nKi-1: Iya Bu.\nK.3: Bagaimana kabarmu?\n"
              "Ki12\tBaik, Bu.\nTeman2: Aku ikut ya.\nKo 2: Saya juga, Bu.\n")
    assert not p.problems, [pr.message for pr in p.problems]
    assert [(t.speaker, t.number) for t in p.turns] == [
        ("counselor", 1), ("client", 1), ("counselor", 3), ("client", 12), ("other", None),
        ("other", None)]


def test_a_turn_numbered_after_its_code_with_a_space():
    """'Ko 1: / Ki 1: / Ko 2:' (the pairs of turns numbered, as many templates do) fails
    a first reading (no counselor, no client) and is read a second time as numbered
    turns, at the lines and columns of the file."""
    p = parse("Ko 1: Selamat pagi, silakan duduk. | salam\nKi 1: Pagi, Bu.\n"
              "Ko 2: Apa yang ingin kamu ceritakan?\n"
              "    Pelan-pelan saja. | pertanyaan terbuka\nKi 2: Soal teman, Bu.\n",
              first_line=20, indent=6)
    assert not p.problems, [pr.message for pr in p.problems]
    assert [(t.speaker, t.number, t.line, t.column) for t in p.turns] == [
        ("counselor", 1, 20, 7), ("client", 1, 21, 7), ("counselor", 2, 22, 7),
        ("client", 2, 24, 7)]
    assert p.turns[2].text == "Apa yang ingin kamu ceritakan? Pelan-pelan saja."
    assert p.turns[2].labels == ("open_question",)
    # where a first reading reads the block, 'Ko 2' stays what the spec says it is
    assert parse("Ko: Halo.\nKi: Iya.\nKo 2: Saya juga.\n").turns[2].speaker == "other"
    # a number after an unknown code is no second reading's: still no counselor
    assert parse("Bu Rina 1: Halo.\nKi 1: Iya.\n").problems


@pytest.mark.parametrize("first, second, code, notes", [
    ("Konselor (Ko): Selamat pagi.", "Konseli (Ki): Pagi, Bu.", "Konselor", ()),
    ("Praktikan Dewi (Ko): Selamat pagi.", "Siswa A (Ki): Pagi, Bu.", "Ko", ()),
    ("1. Konselor (K) : Selamat pagi.", "2. Konseli (Ki) : Pagi, Bu.", "Konselor", ()),
    ("Konselor (sambil tersenyum): Selamat pagi.", "Konseli (menunduk): Pagi, Bu.",
     "Konselor", ("sambil tersenyum",)),
])
def test_a_bracket_between_the_code_and_its_colon(first, second, code, notes):
    """The code's abbreviation beside its name, or a non-verbal note, between the code
    and the colon: read a second time, the note kept as a note."""
    p = parse(first + "\n" + second + "\n", first_line=5)
    assert not p.problems, [pr.message for pr in p.problems]
    assert [(t.speaker, t.line, t.column) for t in p.turns] == [("counselor", 5, 1),
                                                              ("client", 6, 1)]
    assert p.turns[0].code == code and p.turns[0].notes == notes
    assert p.turns[0].text == "Selamat pagi." and p.turns[1].text == "Pagi, Bu."


def test_a_bracketed_start_after_other_turns_is_a_turn_not_a_continuation():
    # read line by line, "Konselor (tersenyum):" had been glued to the client's turn
    p = parse("Konselor: Selamat pagi.\nKonseli: Pagi, Bu.\n"
              "Konselor (tersenyum): Silakan duduk.\nKi: Iya.\n")
    assert not p.problems
    assert [(t.speaker, t.text, t.notes) for t in p.turns] == [
        ("counselor", "Selamat pagi.", ()), ("client", "Pagi, Bu.", ()),
        ("counselor", "Silakan duduk.", ("tersenyum",)), ("client", "Iya.", ())]


def test_a_bracketed_abbreviation_of_another_roles_code_is_read_by_the_name():
    # a template whose K is the konseli (the default map's K is the counselor): read by
    # the name written out, mid-block too, not glued to the counselor's turn above
    p = parse("Konselor (Kr): Selamat pagi.\nKonseli (K): Pagi, Bu.\n"
              "Konselor (Kr): Apa kabar?\nKonseli (K): Baik.\n")
    assert not p.problems
    assert [(t.speaker, t.code, t.text) for t in p.turns] == [
        ("counselor", "Konselor", "Selamat pagi."), ("client", "Konseli", "Pagi, Bu."),
        ("counselor", "Konselor", "Apa kabar?"), ("client", "Konseli", "Baik.")]


def test_a_second_reading_that_reads_no_better_is_not_kept():
    # 'Ayah (Bapak):' names no code of the map either way: the first reading's problems
    p = parse("Ayah (Bapak): Selamat pagi.\nKi: Pagi.\n")
    assert [pr.msg.code for pr in p.problems] == [pr.msg.code for pr in parse(
        "Ayah (Bapak): Selamat pagi.\nKi: Pagi.\n").problems]
    assert any(pr.msg.code == "verbatim.no_counselor" for pr in p.problems)


def test_a_pasted_tables_header_row_is_no_turn():
    rows = ("1\tKo\tSelamat pagi, Dek.\tattending\n"
            "2\tKi\tPagi, Bu.\t\n"
            "3\tKo\tIsi hatimu gimana hari ini?\tpertanyaan terbuka\n")
    with_header = parse("No\tPembicara\tDialog\tTeknik\n" + rows, first_line=10)
    without = parse(rows, first_line=11)
    assert not with_header.problems and not without.problems
    seen = lambda p: [(t.line, t.speaker, t.text, t.labels) for t in p.turns]  # noqa: E731
    assert seen(with_header) == seen(without) and with_header.turns[0].line == 11
    # a first row whose cells are a turn's, though one of them starts like a column name
    assert len(parse(rows.split("\n", 2)[2] + rows).turns) == 4


@pytest.mark.parametrize("text", [
    "Konselor\t: Selamat pagi, Dek. | attending\nKonseli\t: Pagi, Bu.\n",
    "Konselor\t:\tSelamat pagi, Dek.\tattending\nKonseli\t:\tPagi, Bu.\n",
    "1\tKonselor\t: Selamat pagi, Dek.\tattending\n2\tKonseli\t:\tPagi, Bu.\n",
])
def test_colons_aligned_by_a_tab_stop_belong_to_the_code(text):
    """Indonesian documents align the colons after the speakers with a tab; the colon is
    not part of what was said, and a colon in a cell of its own is no dialog."""
    parsed = parse(text)
    assert not parsed.problems
    assert [(t.code, t.text, t.labels) for t in parsed.turns] == [
        ("Konselor", "Selamat pagi, Dek.", ("attending",)), ("Konseli", "Pagi, Bu.", ())]


def test_a_block_without_the_counselors_code_names_the_speakers_it_read(tmp_path):
    """What a trainee who wrote names as speaker codes needs: the codes read, and one as
    the example for case.verbatim_speakers; names, so --redact withholds them."""
    from click.testing import CliRunner

    from asas.cli import cli
    case = tmp_path / "k.yaml"
    case.write_text("format: asas/v1\ncase:\n  id: KI-N\n  client: {pseudonym: Konseli D}\n"
                    "sessions:\n  - number: 1\n    verbatim: |\n"
                    "      Bu Sari: Selamat pagi, Dina.\n      Dina: Pagi, Bu.\n"
                    "      Bu Sari: Bagaimana kabarmu?\n", encoding="utf-8")
    shown = CliRunner().invoke(cli, ["check", "--format", "concise", "--lang", "id", str(case)])
    assert "(pembicara yang terbaca: 'Bu Sari', 'Dina')" in shown.output
    assert "misalnya counselor: [Bu Sari]" in shown.output
    assert "misalnya client: [Dina]" in shown.output
    for fmt in ("concise", "json", "text", "sarif"):
        hidden = CliRunner().invoke(cli, ["check", "--format", fmt, "--redact", str(case)])
        assert "no counselor turn" in hidden.output, fmt
        assert "Sari" not in hidden.output and "Dina" not in hidden.output, fmt


@pytest.mark.parametrize("text", [
    "- Ko: Selamat pagi, Dek.\n- Ki: Pagi, Bu.\n",          # a list pasted with its bullets
    "• Ko: Selamat pagi, Dek.\n• Ki: Pagi, Bu.\n",
    "KO:Selamat pagi, Dek.\nKI:Pagi, Bu.\n",                # no space after the colon
    "- Ko:Selamat pagi, Dek.\nKi : Pagi, Bu.\n",
    "Guru BK: Selamat pagi, Dek.\nSiswa: Pagi, Bu.\n",          # the school counselor
])
def test_bullets_and_words_glued_to_a_known_codes_colon(text):
    parsed = parse(text)
    assert not parsed.problems
    assert [(t.speaker, t.text) for t in parsed.turns] == [
        ("counselor", "Selamat pagi, Dek."), ("client", "Pagi, Bu.")]


def test_what_only_looks_like_a_glued_or_bulleted_code_continues_the_turn():
    parsed = parse("Ko: Buka tautan ini, ya\nhttp://kampus.ac.id/bk\nCatatan:tidak hadir\n"
                   "- kedua: jadwal belajar\nKi: Oke, Bu.\n")
    assert [(t.speaker, t.text) for t in parsed.turns] == [
        ("counselor", "Buka tautan ini, ya http://kampus.ac.id/bk Catatan:tidak hadir "
                      "- kedua: jadwal belajar"), ("client", "Oke, Bu.")]


@pytest.mark.parametrize("label, code", [
    # the basic skills as Indonesian textbooks of konseling individual name them
    ("menangkap pesan utama", "paraphrase"), ("refleksi pengalaman", "paraphrase"),
    ("bertanya untuk membuka percakapan", "open_question"),
    ("eksplorasi perasaan", "open_question"), ("menjernihkan", "clarification"),
    ("mengarahkan", "directive_instruction"), ("menyimpulkan sementara", "summarizing"),
    ("memberi nasihat", "advice"), ("Memberikan Informasi", "information_giving"),
    ("dorongan", "minimal_encouragement"), ("perilaku attending", "attending"),
    ("Open-ended", "open_question"), ("mengakhiri", "structuring"),
])
def test_the_textbooks_names_of_the_skills_are_labels(label, code):
    parsed = parse(f"Ko: Jadi kamu merasa lelah. | {label}\nKi: Iya, Bu.\n")
    assert not parsed.problems and parsed.turns[0].labels == (code,)


@pytest.mark.parametrize("label, en, id_", [
    ("diam", "write the silence as a note instead, '(diam)'",
     "tuliskan diamnya sebagai catatan saja, '(diam)'"),
    ("Teknik Diam", "write the silence as a note instead", "tuliskan diamnya sebagai catatan"),
    ("memfokuskan", "asas codes no such skill: leave the label out",
     "asas tidak mengodekan keterampilan ini: hapus labelnya"),
])
def test_a_skill_no_code_stands_for_is_an_error_that_says_what_to_write(label, en, id_):
    [problem] = parse(f"Ko: (diam sejenak) Hmm. | {label}\nKi: Iya, Bu.\n").problems
    assert problem.msg.code == "verbatim.bad_label"
    assert en in problem.text("en") and id_ in problem.text("id")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["Ko", "Konselor", " ", "\t", "(", ")", ":", "x", "(diam)",
                                 "\n", "1.", "- ", "Siswa A", "(Ki)", "        "]),
                max_size=16))
def test_the_bracket_prefilter_misses_no_line_the_pattern_takes(parts):
    from asas.engine.verbatim import starts
    text = "".join(parts)
    assert starts._closed_before_colon(text) or starts._BRACKETED.search(text) is None


def test_a_chat_export_in_a_case_with_its_map():
    text = ("04/03/26 09.00 - Pesan dan panggilan terenkripsi secara end-to-end.\n"
            "04/03/26 09.01 - Bu Rina: Selamat pagi, Dini.\n"
            "04/03/26 09.02 - Dini: Pagi, Bu.\n"
            "Saya mau cerita.\n"
            "04/03/26 10.15 - Bu Rina: Apa yang terjadi? | pertanyaan terbuka\n")
    p = parse(text, first_line=10, indent=6,
              speakers={"counselor": ["Bu Rina"], "client": ["Dini"]})
    assert not p.problems, [pr.message for pr in p.problems]
    assert [(t.line, t.speaker, t.text) for t in p.turns] == [
        (11, "counselor", "Selamat pagi, Dini."), (12, "client", "Pagi, Bu. Saya mau cerita."),
        (14, "counselor", "Apa yang terjadi?")]
    assert p.turns[2].labels == ("open_question",)
    # a date in a turn's words is no chat's: a block the first reading reads stays so
    plain = parse("Ko: Kita ketemu lagi 11/03/26 09.00 - Bu Rina: bisa?\nKi: Bisa, Bu.\n")
    assert not plain.problems and len(plain.turns) == 2


def test_words_in_square_brackets_that_name_no_technique_stay_words():
    [turn] = parse("Ko: Halo [tertawa]\nKi: Iya.\n").turns[:1]
    assert turn.labels == () and turn.text == "Halo [tertawa]"
    # nor is a bracket of techniques and other words read, nor refused
    parsed = parse("Ko: Halo [attending, sambil senyum]\nKi: Iya.\n")
    assert not parsed.problems and parsed.turns[0].labels == ()


@pytest.mark.parametrize("turn, labels", [
    ("Ko: Kamu merasa lelah. (Teknik: refleksi perasaan)", ("reflection_of_feeling",)),
    ("Ko: Kamu merasa lelah. (teknik konseling = refleksi perasaan, klarifikasi)",
     ("reflection_of_feeling", "clarification")),
    ("Ko: (tersenyum) Halo. (Technique: attending)  ", ("attending",)),
    ("Ko: Halo.\n    (Keterampilan: attending)", ("attending",)),
    # after ' | ' the note is a note; a note that is no label stays one
    ("Ko: Halo. (Teknik: attending) | pertanyaan terbuka", ("open_question",)),
    ("Ko: Halo. (tersenyum)", ()),
    ("Ko: Teknik: kita pakai kursi kosong (role play)", ()),
    # in square brackets at the turn's end, where every part names a technique
    ("Ko: Bagaimana kabarmu? [pertanyaan terbuka]", ("open_question",)),
    ("Ko: Kamu merasa lega. [Refleksi Perasaan, klarifikasi] ",
     ("reflection_of_feeling", "clarification")),
])
def test_labels_written_as_the_turns_last_note(turn, labels):
    parsed = parse(turn + "\nKi: Iya, Bu.\n")
    assert not parsed.problems and parsed.turns[0].labels == labels
    assert not any(n.lower().startswith(("teknik", "technique", "keterampilan"))
                   for n in parsed.turns[0].notes) or "|" in turn


def test_a_bad_label_in_a_note_is_located_on_the_notes_line():
    [problem] = parse("Ko: Halo,\n    apa kabar? (Teknik: refleksi prasaan)\nKi: Baik.\n",
                      5).problems
    assert (problem.line, problem.msg.code) == (6, "verbatim.bad_label")
    assert "refleksi perasaan" in problem.text("en")


@pytest.mark.parametrize("text", [
    "[00:00:05] Ko: Selamat pagi, Dini.\n[00:00:09] Ki: Pagi, Bu.\n",
    "00:05 Ko: Selamat pagi, Dini.\n00:09 Ki: Pagi, Bu.\n",
    "(0:05) - Ko: Selamat pagi, Dini.\n(0:09) - Ki: Pagi, Bu.\n",
    "00:00:05,120 --> 00:00:08,900 Ko: Selamat pagi, Dini.\n"
    "00:00:09,000 --> 00:00:10,400 Ki: Pagi, Bu.\n",
    # the speaker and the time on a line of their own, the words below (Word's Transcribe)
    "00:00:05 Ko\nSelamat pagi, Dini.\n\n00:00:09 Ki\nPagi, Bu.\n",
    "Ko  0:05\nSelamat pagi, Dini.\nKi  0:09\nPagi, Bu.\n",
])
def test_a_recordings_transcript_is_read_without_its_times(text):
    p = parse(text, first_line=3)
    assert not p.problems, [pr.message for pr in p.problems]
    assert [(t.speaker, t.text) for t in p.turns] == [
        ("counselor", "Selamat pagi, Dini."), ("client", "Pagi, Bu.")]
    assert p.turns[0].line == 3
    # rewritten line for line, each as long as it was, its words where they were: every
    # line and column the reader reports is the file's
    from asas.engine.verbatim.parse import _DEFAULT_INDEX
    from asas.engine.verbatim.starts import timed
    rewritten = timed(text, _DEFAULT_INDEX)
    for before, after in zip(text.split("\n"), rewritten.split("\n"), strict=True):
        assert len(before) == len(after)
        for word in ("Selamat", "Pagi,"):
            if word in before:
                assert after.index(word) == before.index(word)


def test_a_timed_line_with_no_speaker_continues_the_turn_above():
    p = parse("[00:00:05] Ko: Selamat pagi.\n[00:00:07] Silakan duduk.\n[00:00:09] Ki: Pagi.\n")
    assert not p.problems and [t.text for t in p.turns] == [
        "Selamat pagi. Silakan duduk.", "Pagi."]


def test_an_apps_speakers_are_read_for_the_map():
    text = "00:00:05 Speaker 1\nSelamat pagi.\n\n00:00:09 Speaker 2\nPagi, Bu.\n"
    unmapped = parse(text)
    assert {pr.msg.code for pr in unmapped.problems} == {"verbatim.no_counselor",
                                                         "verbatim.no_client"}
    assert "counselor: [Speaker 1]" in unmapped.problems[0].message
    mapped = parse(text, speakers={"counselor": ["Speaker 1"], "client": ["Speaker 2"]})
    assert not mapped.problems and [t.speaker for t in mapped.turns] == ["counselor", "client"]


def test_a_time_said_in_a_turn_is_no_recordings():
    # a block the first reading reads stays so, times in its words and all
    plain = parse("Ko: Kita ketemu lagi jam 10:30 ya.\nKi: 10:30 bisa, Bu.\n")
    assert not plain.problems
    assert [t.text for t in plain.turns] == ["Kita ketemu lagi jam 10:30 ya.", "10:30 bisa, Bu."]
    # a line of a word and a time continues the turn above, as it did
    said = parse("Ko: Jam berapa?\nJam 10:30\nKi: Pagi.\n")
    assert not said.problems and said.turns[0].text == "Jam berapa? Jam 10:30"
    # and on a second reading, it is no speaker's start: only the map's codes and an
    # app's "Speaker N" are
    from asas.engine.verbatim.starts import timed
    assert timed("Jam 10:30\n", {"ko": "counselor"}) is None


# -- a table pasted into the block ------------------------------------------------------
PAIRED_PIPES = """\
No | Konselor | Konseli | Teknik
1 | Selamat pagi, Dini. Silakan duduk. | Pagi, Bu. | attending
2 | Apa yang ingin kamu ceritakan hari ini? | Soal nilai saya, Bu. | pertanyaan terbuka
"""


def test_a_table_with_a_column_for_each_role_is_read_row_by_row():
    """What a template's table pasted into `verbatim: |` gives: each row the counselor's
    turn and the client's reply, at the row's line (the block's line 1 is file line 40,
    indented six columns), the technique column the counselor's label."""
    parsed = parse(PAIRED_PIPES, first_line=40, indent=6)
    assert parsed.problems == []
    assert [(t.speaker, t.line, t.column, t.text) for t in parsed.turns] == [
        ("counselor", 41, 7, "Selamat pagi, Dini. Silakan duduk."),
        ("client", 41, 7, "Pagi, Bu."),
        ("counselor", 42, 7, "Apa yang ingin kamu ceritakan hari ini?"),
        ("client", 42, 7, "Soal nilai saya, Bu.")]
    assert [t.labels for t in parsed.turns if t.speaker == "counselor"] == [
        ("attending",), ("open_question",)]


def test_a_word_table_pasted_keeps_its_tabs_and_a_bad_label_is_at_its_row():
    block = ("No\tKonselor\tKonseli\tTeknik\n"
             "1\tSelamat pagi, Dini.\tPagi, Bu.\tattending\n"
             "2\tApa kabarmu hari ini?\tBaik, Bu.\tpertanyaan terbukaa\n")
    parsed = parse(block, first_line=10, indent=6)
    assert [(p.line, p.column, p.msg.code) for p in parsed.problems] == [
        (12, 7, "verbatim.bad_label")]
    assert "pertanyaan terbuka" in parsed.problems[0].msg.text("id")


def test_a_markdown_table_with_a_speaker_column():
    block = ("| Pembicara | Dialog | Teknik |\n"
             "|---|---|---|\n"
             "| Ko | Selamat pagi. | attending |\n"
             "| Ki | Pagi, Bu. | |\n")
    parsed = parse(block, first_line=1)
    assert parsed.problems == []
    assert [(t.code, t.line, t.text) for t in parsed.turns] == [
        ("Ko", 3, "Selamat pagi."), ("Ki", 4, "Pagi, Bu.")]


def test_a_turn_with_labels_is_never_taken_for_a_table_row():
    """A block of turns that the first reading refuses keeps its problem: ` | ` before
    labels names no columns, so no table is read."""
    from asas.engine.verbatim.parse import _table_reading
    block = "selamat pagi | attending\nKo: Selamat pagi | attending\nKi: Pagi.\n"
    assert _table_reading(block, 1, 0, None, True) is None
    assert [p.msg.code for p in parse(block).problems] == ["verbatim.no_speaker"]
