"""`asas verbatim tag` of a verbatim on its own (the .txt, .csv or .docx a trainee has
before any case file), and both verbatim commands refusing what the loader refuses
(a FIFO is refused, never waited on)."""

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from asas.cli import cli
from asas.engine.load.verbatim_file import is_verbatim_file, load_verbatim_file

HERE = Path(__file__).resolve().parent
STANDALONE = HERE / "fixtures" / "verbatim" / "standalone"
TXT, CSV = STANDALONE / "sesi-1.txt", STANDALONE / "sesi-1.csv"


def tag(*args):
    return CliRunner().invoke(cli, ["verbatim", "tag", *map(str, args)])


def import_into(tmp_path, source, *args):
    """``verbatim import SOURCE`` into session 1 of a copy of cases/exemplary.yaml: the
    result, and the copy."""
    case = tmp_path / "kasus.yaml"
    shutil.copy(HERE.parent / "cases" / "exemplary.yaml", case)
    result = CliRunner().invoke(cli, ["verbatim", "import", str(source), "--into", str(case),
                                      "--session", "1", *args])
    return result, case


def test_a_text_verbatim_is_tagged_with_the_lines_of_its_file():
    result = tag(TXT, "--format", "json")
    assert result.exit_code == 0, result.output
    [session] = json.loads(result.output)["sessions"]
    lines = TXT.read_text(encoding="utf-8").split("\n")
    for turn in session["turns"]:
        # two blank lines stand before the first turn: each turn's line is its own
        first = turn["text"].split()[0] if turn["text"] else "(diam)"
        assert lines[turn["line"] - 1].startswith(("Ko: " + first, "Ki: " + first))
    assert session["turns"][0]["line"] == 3
    codes = {turn["index"]: turn["codes"] for turn in session["turns"]}
    assert "judgmental" in codes[7] and "open_question" in codes[5]
    assert session["opening"]["confidentiality"] is True
    assert session["opening"]["voluntariness"] is False


def test_a_csv_verbatim_is_read_as_import_reads_it():
    result = tag(CSV, "--lang", "id")
    assert result.exit_code == 0, result.output
    assert "Sesi 1" in result.output and "label praktikan: pertanyaan terbuka" in result.output
    assert "→ pertanyaan terbuka" in result.output
    # each turn at its line of the CSV (the header is line 1)
    [session] = json.loads(tag(CSV, "--format", "json").output)["sessions"]
    assert [t["line"] for t in session["turns"]] == [2, 3, 4, 5]


def test_a_docx_verbatim(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    rows = [("Pembicara", "Dialog", "Teknik"),
            ("Ko", "Selamat pagi. Apa yang membawamu ke sini?", "pertanyaan terbuka"),
            ("Ki", "Soal teman, Bu.", "")]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    path = tmp_path / "verbatim.docx"
    document.save(str(path))
    result = tag(path, "--format", "json")
    assert result.exit_code == 0, result.output
    [session] = json.loads(result.output)["sessions"]
    assert [t["speaker"] for t in session["turns"]] == ["counselor", "client"]
    assert "open_question" in session["turns"][0]["codes"]


def test_redact_withholds_every_turn_of_a_verbatim_on_its_own():
    result = tag(TXT, "--format", "json", "--redact")
    assert result.exit_code == 0
    assert "malas" not in result.output and "Dini" not in result.output
    assert "kamu sih" not in result.output


def test_what_cannot_be_read_is_located_and_redacted(tmp_path):
    path = tmp_path / "v.txt"
    path.write_text("Ko: Selamat pagi.\nKonseli Dini: Pagi, Bu.\n", encoding="utf-8")
    plain = tag(path, "--lang", "id")
    assert plain.exit_code == 2
    assert plain.stderr.startswith(f"{path}:1:1: ") and "Konseli Dini" in plain.stderr
    redacted = tag(path, "--redact")
    assert redacted.exit_code == 2 and "Dini" not in redacted.stderr
    assert "Traceback" not in plain.output + redacted.output


def test_a_text_file_that_declares_itself_a_case_is_read_as_one(tmp_path):
    path = tmp_path / "kasus.txt"
    shutil.copy(HERE.parent / "cases" / "verbatim-upheld.yaml", path)
    assert not is_verbatim_file(str(path))
    assert is_verbatim_file(str(TXT)) and is_verbatim_file(str(CSV))
    assert not is_verbatim_file(str(HERE.parent / "cases" / "exemplary.yaml"))
    result = tag(path, "--format", "json")
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.output)["sessions"]) >= 1


def test_the_loaded_verbatim_is_one_session_of_an_otherwise_empty_case():
    loaded = load_verbatim_file(str(TXT))
    assert loaded.valid and [s.number for s in loaded.case.sessions] == [1]
    assert loaded.case.case.id is None and loaded.verbatim[0].turns[0].line == 3


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.parametrize("command", ["tag", "import"])
def test_a_fifo_is_refused_not_waited_on(tmp_path, command):
    fifo = tmp_path / "verbatim.txt"
    os.mkfifo(fifo)
    case = tmp_path / "kasus.yaml"
    shutil.copy(HERE.parent / "cases" / "exemplary.yaml", case)
    args = [str(fifo)] + (["--into", str(case), "--session", "1"] if command == "import" else [])
    result = CliRunner().invoke(cli, ["verbatim", command, *args, "--lang", "id"])
    assert result.exit_code == 2 and "bukan berkas biasa" in result.stderr
    assert "Traceback" not in result.output


# -- `asas check` given a verbatim or a Word file instead of a case -------------------

def check(*args):
    return CliRunner().invoke(cli, ["check", *map(str, args), "--lang", "id"])


@pytest.mark.parametrize("path", [TXT, CSV], ids=lambda p: p.suffix)
def test_check_of_a_verbatim_names_the_commands_that_read_it(path):
    result = check(path)
    assert result.exit_code == 2
    assert "tampaknya verbatim, bukan berkas kasus" in result.output
    assert "asas verbatim tag BERKAS" in result.output


def test_check_of_a_word_file_names_the_commands_that_read_it(tmp_path):
    docx = pytest.importorskip("docx")
    path = tmp_path / "laporan.docx"
    docx.Document().save(str(path))
    result = check(path)
    assert result.exit_code == 2 and "dokumen Word, bukan berkas kasus" in result.output


def test_a_long_verbatim_gets_the_hint_from_its_first_lines(tmp_path):
    # a verbatim of 1 MiB, its last line not even UTF-8: only the first 16 KiB, cut at a
    # line's end (never inside a character: "é" stands across the cut), are read
    from asas.engine.load.verbatim_file import not_a_case
    turns = ("Ko: Bagaimana kabarmu?\nKi: Baik, Bu.\n" * 400).encode("utf-8")
    pad = b"Ko: " + b"a" * (16383 - len(turns) - 4)          # the cut falls in the "é"
    data = turns + pad + "é\n".encode() + turns * 80 + b"Ki: \xff\n"
    assert data[16383:16385] == "é".encode() and len(data) > 2 ** 20
    assert [e.msg.code for e in not_a_case(data, "load.no_format")] == ["load.is_verbatim"]
    assert not_a_case(data[:16384].replace(b"Ko:", b"Xx:"), "load.no_format") == []


def test_no_case_file_gets_the_hint():
    # a case file with errors is a case file: the hint is for files that are none
    files = sorted((HERE / "invalid").glob("*.yaml")) + sorted((HERE / "hostile").glob("*"))
    for path in files:
        if path.is_file():
            assert "verbatim tag" not in check(path).output, path


# -- a chat exported as text (counseling online) ---------------------------------------

CHAT = STANDALONE / "chat-whatsapp.txt"


def test_a_chat_export_names_its_senders_for_the_map():
    # the senders are names: without a map, the message names them as the example
    result = tag(CHAT, "--lang", "id")
    assert result.exit_code == 2
    assert "counselor: [Bu Rina]" in result.stderr and "client: [Dini]" in result.stderr
    assert "tidak diawali kode pembicara" not in result.stderr   # every line was read


def test_a_chat_export_is_read_with_its_senders_mapped():
    result = tag(CHAT, "--format", "json", "--counselor", "Bu Rina", "--client", "Dini")
    assert result.exit_code == 0, result.output
    [session] = json.loads(result.output)["sessions"]
    turns = [(t["line"], t["speaker"], t["text"]) for t in session["turns"]]
    assert turns == [
        (2, "counselor", "Selamat pagi, Dini. Apa pun yang kamu ceritakan di sini Ibu jaga "
                         "rahasianya."),
        (3, "client", "Pagi, Bu. Saya mau cerita soal teman."),     # its second line
        (5, "counselor", "Apa yang terjadi dengan temanmu?"),
        (6, "client", "Dia menjauh, Bu."),                           # iOS, with seconds
        (7, "counselor", "Kedengarannya kamu sedih karena dia menjauh.")]   # English, AM
    assert "reflection_of_feeling" in session["turns"][4]["codes"]
    assert session["opening"]["confidentiality"] is True


def test_speakers_named_for_a_case_file_are_refused():
    result = tag(HERE.parent / "cases" / "verbatim-upheld.yaml", "--client", "Dini",
                 "--lang", "id")
    assert result.exit_code == 2 and "case.verbatim_speakers" in result.stderr


def test_naming_one_role_keeps_the_default_codes_of_the_other(tmp_path):
    path = tmp_path / "v.txt"
    path.write_text("Bu Rina: Selamat pagi.\nKi: Pagi, Bu.\n", encoding="utf-8")
    result = tag(path, "--format", "json", "--counselor", "Bu Rina")
    assert result.exit_code == 0, result.output
    [session] = json.loads(result.output)["sessions"]
    assert [t["speaker"] for t in session["turns"]] == ["counselor", "client"]


def test_a_verbatim_that_cannot_be_imported_names_its_file_once(tmp_path):
    path = tmp_path / "tanpa-judul.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    for lang, words in (("id", "tidak ada baris judul"), ("en", "no header row")):
        result = tag(path, "--lang", lang)
        assert result.exit_code == 2 and words in result.stderr
        assert result.stderr.count(str(path)) == 1, result.stderr


def test_unsourced_keeps_a_source_that_says_more_than_the_file():
    from asas.engine.i18n.messages import Msg, unsourced
    plain = unsourced(Msg.of("import.no_header", source="v.csv"))
    assert "v.csv" not in plain.text("en") and "v.csv" not in plain.text("id")
    table = Msg.of("import.no_header", source=Msg.of("import.table", path="v.docx", n=2))
    assert unsourced(table) == table and "(tabel 2)" in table.text("id")


# -- a verbatim file's heading, a speaker column headed by both roles -----------------

HEADED = STANDALONE / "dengan-judul.txt"


def test_a_verbatim_files_heading_is_left_out_and_said():
    # lines 1-3: a title, the session's date, the client's initials (read alone, a
    # client's turn); the dialog starts on line 5
    result = tag(HEADED, "--format", "json", "--lang", "id")
    assert result.exit_code == 0, result.output
    assert result.stderr == (f"{HEADED}: baris 1–3 dilewati: letaknya sebelum giliran "
                             "pertama dan bukan giliran bicara (judul, tanggal, nama)\n")
    [session] = json.loads(result.stdout)["sessions"]
    turns = session["turns"]
    assert turns[0]["line"] == 5 and turns[0]["speaker"] == "counselor"
    assert [t["speaker"] for t in turns[:2]] == ["counselor", "client"]
    assert "XI IPS" not in result.stdout
    # the labels written as the turn's last note, "(Teknik: ...)", on its second line too
    labels = {t["line"]: t["labels"] for t in turns if t["labels"]}
    assert labels == {5: ["attending"], 7: ["structuring"],
                      9: ["structuring", "open_question"], 12: ["reflection_of_feeling"]}
    assert session["opening"]["voluntariness"] is True     # "tidak wajib bercerita"
    english = tag(HEADED, "--lang", "en")
    assert english.stderr.startswith(f"{HEADED}: lines 1–3 left out: they come before")


@pytest.mark.parametrize("name, lang, said, first", [
    # a text file's heading; a table's title rows above its header row
    ("dengan-judul.txt", "id", "baris 1–3 dilewati", "KO : Assalamualaikum, silakan duduk."),
    ("judul-di-atas-tabel.csv", "en", "lines 1–2 left out", "Ko: Selamat pagi, silakan duduk."),
])
def test_an_import_leaves_the_heading_out_of_the_case(tmp_path, name, lang, said, first):
    result, case = import_into(tmp_path, STANDALONE / name, "--lang", lang)
    assert result.exit_code == 0, result.output
    assert said in result.stderr
    written = case.read_text(encoding="utf-8")
    assert "VERBATIM KONSELING" not in written and "XI IPS 2" not in written
    assert f"    verbatim: |\n      {first}" in written


@pytest.mark.parametrize("text, error_line", [
    # the first turn's code forgotten, or mistyped: the error it always was
    ("selamat pagi, silakan duduk\nKi: Pagi, Bu.\nKo: Apa kabar?\n", 1),
    ("Ko; Selamat pagi.\nKi: Pagi, Bu.\nKo: Apa kabar?\n", 1),
    # a title, then a line of dialog with its code forgotten
    ("VERBATIM\nselamat pagi bu\nKo: Halo.\nKi: Pagi, Bu.\n", 1),
])
def test_what_only_sits_where_a_heading_would_is_still_an_error(tmp_path, text, error_line):
    path = tmp_path / "v.txt"
    path.write_text(text, encoding="utf-8")
    result = tag(path)
    assert result.exit_code == 2 and "left out" not in result.stderr
    assert result.stderr.startswith(f"{path}:{error_line}:1: ")


def test_short_first_turns_in_the_dialogs_codes_are_turns_not_the_heading(tmp_path):
    path = tmp_path / "v.txt"
    path.write_text("Verbatim sesi 2\nKo: Halo\nKi: Pagi bu\n\nKo: Apa kabar?\nKi: Baik.\n",
                    encoding="utf-8")
    result = tag(path, "--format", "json")
    assert result.exit_code == 0, result.output
    assert "line 1 left out" in result.stderr
    [session] = json.loads(result.stdout)["sessions"]
    assert [t["line"] for t in session["turns"]] == [2, 3, 5, 6]


def test_a_speaker_column_headed_by_both_roles():
    path = STANDALONE / "tabel-konselor-konseli.csv"     # "No;Konselor/Konseli;Verbatim;..."
    result = tag(path, "--format", "json")
    assert result.exit_code == 0, result.output
    [session] = json.loads(result.output)["sessions"]
    assert [t["speaker"] for t in session["turns"]] == ["counselor", "client"] * 2
    assert session["turns"][2]["labels"] == ["open_question"]


@pytest.mark.parametrize("header", ["Konselor/Konseli", "Ko/Ki", "K / S", "GBK-Siswa",
                                    "Konselor atau Konseli", "Counselor/Client"])
def test_the_roles_named_together_head_the_speaker_column(header):
    from asas.engine.verbatim.columns import columns
    assert columns(["No", header, "Verbatim", "Teknik"]) == {
        "speaker": 1, "dialog": 2, "technique": 3}


@pytest.mark.parametrize("header, expected", [
    # the names other practicum templates give their columns (found by a trial)
    (["No", "Subjek", "Dialog", "Keterampilan Konseling"],
     {"speaker": 1, "dialog": 2, "technique": 3}),
    (["No", "Pelaku", "Ucapan", "Jenis Teknik"], {"speaker": 1, "dialog": 2, "technique": 3}),
    (["No", "Pembicara", "Verbatim", "Teknik yang digunakan"],
     {"speaker": 1, "dialog": 2, "technique": 3}),
    (["No", "Respon", "Teknik"], None),        # no speaker column: no verbatim's header
])
def test_more_templates_column_names(header, expected):
    from asas.engine.verbatim.columns import columns
    assert columns(header) == expected


def test_every_default_code_heads_a_speaker_column_with_another():
    from asas.engine.verbatim.columns import ROLES
    from asas.engine.verbatim.parse import DEFAULT_SPEAKERS
    assert {c.lower() for codes in DEFAULT_SPEAKERS.values() for c in codes} <= ROLES


ABOVE_HEADER = STANDALONE / "judul-di-atas-tabel.csv"   # a title and the client above the header


def test_the_rows_above_a_tables_header_are_named_when_left_out():
    result = CliRunner().invoke(cli, ["verbatim", "tag", str(ABOVE_HEADER), "--format", "json",
                                      "--lang", "id"])
    assert result.exit_code == 0, result.output
    # lines 1 and 2 are written, line 3 is blank (";;;"), the header is line 4
    assert result.stderr.startswith(f"{ABOVE_HEADER}: baris 1–2 dilewati")
    [session] = json.loads(result.stdout)["sessions"]
    assert [t["line"] for t in session["turns"]] == [5, 6, 7, 8]
    assert "XI IPS" not in result.stdout




def test_a_docx_tables_merged_title_row_is_left_out_and_named(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    title = table.cell(0, 0).merge(table.cell(0, 2))
    title.text = "Verbatim Sesi 1"
    for r, row in enumerate([("Pembicara", "Dialog", "Teknik"),
                             ("Ko", "Selamat pagi. Apa kabarmu?", "pertanyaan terbuka")], 1):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.add_row()
    for c, value in enumerate(("Ki", "Baik, Bu.", "")):
        table.cell(3, c).text = value
    path = tmp_path / "verbatim.docx"
    document.save(str(path))
    result = tag(path, "--format", "json", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(f"{path}: line 1 left out")
    [session] = json.loads(result.stdout)["sessions"]
    assert [t["speaker"] for t in session["turns"]] == ["counselor", "client"]


# -- a recording's transcript (Word's Transcribe: the speaker and the time, the words below)

RECORDED = STANDALONE / "transkrip-rekaman.txt"


def test_a_recordings_transcript_says_how_to_name_its_speakers():
    result = tag(RECORDED, "--lang", "id")
    assert result.exit_code == 2
    hint = result.stderr.splitlines()[-1]
    assert hint == (f"{RECORDED}: untuk verbatim yang berdiri sendiri, sebutkan pembicaranya saat "
                    f"menandainya: asas verbatim tag {RECORDED} --counselor 'Speaker 1' "
                    f"--client 'Speaker 2'")
    # redacted, no name the reader guessed is shown, nor the hint that would show them
    redacted = tag(RECORDED, "--redact")
    assert "Speaker" not in redacted.stderr


def test_a_recordings_transcript_is_read_with_its_speakers_named():
    result = tag(RECORDED, "--format", "json", "--counselor", "Speaker 1", "--client",
                 "Speaker 2")
    assert result.exit_code == 0, result.output
    [session] = json.loads(result.output)["sessions"]
    assert [(t["line"], t["speaker"]) for t in session["turns"]] == [
        (1, "counselor"), (4, "client"), (7, "counselor"), (10, "client"), (13, "counselor")]
    assert session["turns"][2]["text"] == "Bagaimana minggumu?"
    assert "reflection_of_feeling" in session["turns"][4]["codes"]
    assert session["opening"]["confidentiality"] is True


# -- a table giving each role a column (No | Konselor | Konseli | Teknik) -------------

PAIRED = STANDALONE / "kolom-konselor-konseli.csv"


def test_a_table_with_a_column_for_each_role_is_read_row_by_row():
    result = tag(PAIRED, "--format", "json")
    assert result.exit_code == 0, result.output
    [session] = json.loads(result.output)["sessions"]
    turns = [(t["line"], t["speaker"], t["text"], t["labels"]) for t in session["turns"]]
    assert turns[:2] == [(2, "counselor", "Selamat pagi, Rani. Silakan duduk.", ["attending"]),
                         (2, "client", "Pagi, Bu.", [])]
    assert [t[1] for t in turns] == ["counselor", "client"] * 3
    assert turns[4][3] == ["reflection_of_feeling"]


def test_check_given_a_paired_table_names_the_verbatim_commands():
    result = CliRunner().invoke(cli, ["check", str(PAIRED), "--lang", "en"])
    assert result.exit_code == 2 and "this looks like a verbatim" in result.output


def test_a_paired_table_is_imported_with_the_headers_codes(tmp_path):
    result, case = import_into(tmp_path, PAIRED, "--lang", "id")
    assert result.exit_code == 0, result.output
    written = case.read_text(encoding="utf-8")
    assert ("      Konselor: Selamat pagi, Rani. Silakan duduk. | attending\n"
            "      Konseli: Pagi, Bu.\n") in written


@pytest.mark.parametrize("header, turns", [
    # the client's column first: its words first; an empty cell is no turn
    ("No\tRespon Konseli\tRespon Konselor\n", [("client", "Pagi, Bu."),
                                                          ("counselor", "Halo.")]),
    ("No\tGuru BK\tSiswa\n", [("counselor", "Halo."), ("client", "Pagi, Bu.")]),
])
def test_paired_columns_pasted_into_a_text_file(tmp_path, header, turns):
    path = tmp_path / "v.txt"
    first, second = ("Pagi, Bu.", "Halo.") if "Respon Konseli" in header \
        else ("Halo.", "Pagi, Bu.")
    path.write_text(header + f"1\t{first}\t{second}\n2\t\tIya.\n", encoding="utf-8")
    result = tag(path, "--format", "json")
    assert result.exit_code == 0, result.output
    [session] = json.loads(result.output)["sessions"]
    got = [(t["speaker"], t["text"]) for t in session["turns"]]
    assert got[:2] == turns and len(got) == 3


@pytest.mark.parametrize("header, expected", [
    (["No", "Konselor", "Konseli", "Teknik"], {"counselor": 1, "client": 2, "technique": 3}),
    (["Respon Konselor", "Respon Konseli"], {"counselor": 0, "client": 1}),
    (["No", "Konselor/Konseli", "Dialog"], None),     # a speaker column: columns()'s
    (["No", "Konselor", "Teknik"], None),             # one role only
])
def test_the_paired_header(header, expected):
    from asas.engine.verbatim.columns import paired
    assert paired(header) == expected


# -- an Excel workbook; kinds no reader here reads -------------------------------------

def _workbook(path, rows, title="Verbatim"):
    import openpyxl
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(str(path))
    return path


XLSX_ROWS = [["VERBATIM KONSELING INDIVIDUAL"], [],
             ["No", "Pembicara", "Dialog", "Teknik"],
             [1, "Ko", "Selamat pagi, Rani. Silakan duduk.", "attending"],
             [2, "Ki", "Pagi, Bu.", None],
             [3, "Ko", "Bagaimana minggumu?", "pertanyaan terbuka"],
             [4, "Ki", "Capek, Bu.", None]]


def test_an_excel_verbatim_is_tagged_at_its_rows(tmp_path):
    path = _workbook(tmp_path / "verbatim.xlsx", XLSX_ROWS)
    result = tag(path, "--format", "json", "--lang", "id")
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(f"{path}: baris 1 dilewati")     # the title row
    [session] = json.loads(result.stdout)["sessions"]
    assert [(t["line"], t["speaker"]) for t in session["turns"]] == [
        (4, "counselor"), (5, "client"), (6, "counselor"), (7, "client")]
    assert session["turns"][2]["labels"] == ["open_question"]


def test_an_excel_verbatim_is_imported(tmp_path):
    path = _workbook(tmp_path / "verbatim.xlsx", XLSX_ROWS)
    result, case = import_into(tmp_path, path)
    assert result.exit_code == 0, result.output
    assert ("      Ko: Bagaimana minggumu? | pertanyaan terbuka\n"
            in case.read_text(encoding="utf-8"))


def test_a_workbook_with_no_verbatim_sheet_names_its_sheet(tmp_path):
    path = _workbook(tmp_path / "nilai.xlsx", [["Nama", "Nilai"], ["A", 80]], title="Nilai")
    result = tag(path, "--lang", "id")
    assert result.exit_code == 2
    assert "(lembar 'Nilai'): tidak ada baris judul" in result.stderr


@pytest.mark.parametrize("name, kind", [("sesi1.pdf", "PDF"), ("sesi1.doc", "Word 97–2003"),
                                        ("sesi1.odt", "OpenDocument")])
def test_a_kind_no_reader_reads_says_what_to_save_it_as(tmp_path, name, kind):
    path = tmp_path / name
    path.write_bytes(b"%PDF-1.4\x00\x01binary")
    result = tag(path, "--lang", "en")
    assert result.exit_code == 2 and f"a {kind}" in result.stderr
    assert "save it as .docx, .xlsx, .csv or .txt" in result.stderr
    imported, case = import_into(tmp_path, path, "--lang", "id")
    exemplary = (HERE.parent / "cases" / "exemplary.yaml").read_bytes()
    assert imported.exit_code == 2 and case.read_bytes() == exemplary
    # named once, by the file it is about
    assert imported.stderr.startswith(f"{path}: berkas {kind}")


@pytest.mark.parametrize("suffix", [".xlsx", ".docx"])
def test_a_file_that_is_no_workbook_or_document_is_said_to_be_so(tmp_path, suffix):
    path = tmp_path / f"rusak{suffix}"
    path.write_bytes(b"not a zip at all")
    result = tag(path, "--lang", "en")
    assert result.exit_code == 2 and "that can be read" in result.stderr


def test_a_zip_that_would_unpack_too_far_is_not_read(tmp_path):
    import io
    import zipfile

    from asas.engine.verbatim.importer import ImportProblem, within_unzipped
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/sharedStrings.xml", b"\0" * (2 * 1024 * 1024))
    raw = data.getvalue()
    assert len(raw) < 10_000
    within_unzipped("v.xlsx", raw, limit_mib=4)          # within: nothing said
    with pytest.raises(ImportProblem) as refused:
        within_unzipped("v.xlsx", raw, limit_mib=1)
    assert refused.value.text("id").startswith("v.xlsx: bila dibuka, berkas ini berisi 2 MiB")


def test_check_given_a_workbook_names_the_verbatim_commands(tmp_path):
    path = _workbook(tmp_path / "verbatim.xlsx", XLSX_ROWS)
    result = CliRunner().invoke(cli, ["check", str(path), "--lang", "en"])
    assert result.exit_code == 2 and "this is an Excel workbook" in result.output
