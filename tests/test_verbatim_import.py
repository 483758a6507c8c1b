"""`asas verbatim import`: text, CSV and .docx sources; the block goes into one session
and every other byte of the case file stays as it was; an existing verbatim is kept
unless --replace; nothing is written when the result would not load."""

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from asas.cli import cli
from asas.engine.load.loader import load_file

EXEMPLARY = Path("cases/exemplary.yaml")
TEXT = ("Ko: Selamat pagi. Silakan duduk. | attending\n"
        "Ki: Pagi, Bu.\n"
        "Ko: Bagaimana kabarmu hari ini?\n"
        "    Ceritakan saja. | pertanyaan terbuka\n"
        "Ki: Baik, Bu.\n")


def run(*args):
    return CliRunner().invoke(cli, ["verbatim", "import", *map(str, args)])


@pytest.fixture
def case(tmp_path):
    target = tmp_path / "kasus.yaml"
    shutil.copy(EXEMPLARY, target)
    return target


def only_added(before: str, after: str) -> list[str]:
    """The lines ``after`` adds to ``before``, checking that nothing else changed."""
    a, b = before.split("\n"), after.split("\n")
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    j = 0
    while j < len(a) - i and a[len(a) - 1 - j] == b[len(b) - 1 - j]:
        j += 1
    assert i + j == len(a), "a line of the case file was changed or removed"
    return b[i:len(b) - j]


def test_text_goes_into_the_session_and_nothing_else_changes(case, tmp_path):
    source = tmp_path / "v.txt"
    source.write_text(TEXT, encoding="utf-8")
    before = case.read_text(encoding="utf-8")
    result = run(source, "--into", case, "--session", 1)
    assert result.exit_code == 0, result.output
    added = only_added(before, case.read_text(encoding="utf-8"))
    assert added[0] == "    verbatim: |"
    assert added[1] == "      Ko: Selamat pagi. Silakan duduk. | attending"
    loaded = load_file(str(case))
    assert loaded.valid and len(loaded.verbatim[0].turns) == 4
    assert loaded.case.sessions[1].verbatim is None


def test_an_existing_verbatim_is_kept_unless_replace(case, tmp_path):
    source = tmp_path / "v.txt"
    source.write_text(TEXT, encoding="utf-8")
    assert run(source, "--into", case, "--session", 2).exit_code == 0
    once = case.read_bytes()
    result = run(source, "--into", case, "--session", 2)
    assert result.exit_code == 2 and "--replace" in result.output
    assert case.read_bytes() == once
    source.write_text("Ko: Halo.\nKi: Halo, Bu.\n", encoding="utf-8")
    assert run(source, "--into", case, "--session", 2, "--replace").exit_code == 0
    loaded = load_file(str(case))
    assert [t.text for t in loaded.verbatim[1].turns] == ["Halo.", "Halo, Bu."]
    assert only_added(EXEMPLARY.read_text(encoding="utf-8"),
                      case.read_text(encoding="utf-8"))[0] == "    verbatim: |"


def test_csv_with_indonesian_headers_and_a_continuation_row(case, tmp_path):
    source = tmp_path / "v.csv"
    source.write_text("No;Pembicara;Dialog;Teknik\n"
                      "1;Ko;Selamat pagi, silakan duduk.;attending\n"
                      "2;Ki;Pagi, Bu.;\n"
                      "3;Ko;Kamu merasa lelah;refleksi perasaan\n"
                      ";;karena harus mengurus adik.;\n"
                      "4;Ki;Iya, Bu.;\n", encoding="utf-8")
    assert run(source, "--into", case, "--session", 1).exit_code == 0
    turns = load_file(str(case)).verbatim[0].turns
    assert [t.speaker for t in turns] == ["counselor", "client", "counselor", "client"]
    assert turns[2].text == "Kamu merasa lelah karena harus mengurus adik."
    assert turns[2].labels == ("reflection_of_feeling",)


def test_a_problem_in_a_csv_is_reported_at_its_line_of_the_csv(case, tmp_path):
    # the header is line 1 and a quoted cell runs over two lines: the bad label's row
    # is line 5 of the file, as an editor (and Excel's row number) shows it
    source = tmp_path / "v.csv"
    source.write_text('No;Pembicara;Dialog;Teknik\n'
                      '1;Ko;"Selamat pagi,\nsilakan duduk.";attending\n'
                      '2;Ki;Pagi, Bu.;\n'
                      '3;Ko;Bagaimana minggumu?;pertanyaan salah\n', encoding="utf-8")
    before = case.read_bytes()
    result = run(source, "--into", case, "--session", 1, "--lang", "id")
    assert result.exit_code == 2 and case.read_bytes() == before
    assert result.stderr.startswith(f"{source}:5:1: label 'pertanyaan salah'")


def test_a_problem_in_a_pasted_tab_table_is_at_its_line_of_the_text_file(case, tmp_path):
    source = tmp_path / "v.txt"
    source.write_text("Verbatim sesi 1\n\nPembicara\tDialog\tTeknik\n"
                      "Ko\tSelamat pagi.\tattending\nKi\tPagi, Bu.\t\n"
                      "Ko\tBagaimana minggumu?\tteknik aneh\n", encoding="utf-8")
    result = run(source, "--into", case, "--session", 1)
    assert result.exit_code == 2
    # the title above the header row left out, and said; the error at its line
    note, error = result.stderr.splitlines()
    assert note.startswith(f"{source}: line 1 left out")
    assert error.startswith(f"{source}:6:1: label 'teknik aneh'")


def test_docx_table(case, tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("Verbatim sesi 1")
    table = document.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ["Pembicara", "Dialog", "Teknik Konseling"]):
        cell.text = text
    for row in [("Konselor", "Selamat siang, silakan duduk.", "attending"),
                ("Konseli", "Siang, Bu.", ""),
                ("Konselor", "Bagaimana perasaanmu hari ini?", "pertanyaan terbuka"),
                ("Konseli", "Agak cemas, Bu.", "")]:
        cells = table.add_row().cells
        for cell, text in zip(cells, row):
            cell.text = text
    source = tmp_path / "verbatim.docx"
    document.save(source)
    result = run(source, "--into", case, "--session", 1)
    assert result.exit_code == 0, result.output
    turns = load_file(str(case)).verbatim[0].turns
    assert [(t.speaker, t.labels) for t in turns] == [
        ("counselor", ("attending",)), ("client", ()),
        ("counselor", ("open_question",)), ("client", ())]


def test_a_source_that_cannot_be_read_writes_nothing(case, tmp_path):
    source = tmp_path / "v.txt"
    source.write_text("selamat pagi\nKo: Halo. | refleksi prasaan\nKi: Halo.\n",
                      encoding="utf-8")
    before = case.read_bytes()
    result = run(source, "--into", case, "--session", 1)
    assert result.exit_code == 2
    assert "v.txt:1:1" in result.output and "v.txt:2:1" in result.output
    assert case.read_bytes() == before


def test_a_missing_session_is_a_clear_message(case, tmp_path):
    source = tmp_path / "v.txt"
    source.write_text(TEXT, encoding="utf-8")
    result = run(source, "--into", case, "--session", 9)
    assert result.exit_code == 2 and "session 9 does not exist" in result.output


@pytest.mark.parametrize("text", ["", "# only a comment\n", "just words\n", "- a\n- b\n"])
def test_a_case_file_that_is_not_a_mapping_is_a_clear_message(tmp_path, text):
    source, case = tmp_path / "v.txt", tmp_path / "kasus.yaml"
    source.write_text(TEXT, encoding="utf-8")
    case.write_text(text, encoding="utf-8")
    result = run(source, "--into", case, "--session", 1)
    assert result.exit_code == 2 and "has no list of sessions" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert case.read_text(encoding="utf-8") == text


def test_crlf_comments_and_layout_are_kept(tmp_path):
    text = ("# a comment at the top\r\nformat: asas/v1\r\ncase:\r\n  id: X   # the id\r\n"
            "  client: {pseudonym: A}\r\nsessions:\r\n  - number: 1\r\n"
            "    notes: |\r\n      # not a comment: part of the notes\r\n\r\n"
            "  # a comment before session 2\r\n  - number: 2\r\n")
    case = tmp_path / "k.yaml"
    case.write_bytes(text.encode("utf-8"))
    source = tmp_path / "v.txt"
    source.write_text(TEXT, encoding="utf-8")
    assert run(source, "--into", case, "--session", 1).exit_code == 0
    after = case.read_bytes().decode("utf-8")
    assert "\n" not in after.replace("\r\n", "")
    added = only_added(text.replace("\r\n", "\n"), after.replace("\r\n", "\n"))
    assert added[0] == "    verbatim: |" and len(added) == 6
    loaded = load_file(str(case))
    assert loaded.valid and loaded.case.sessions[0].notes.startswith("# not a comment")


def test_messages_in_indonesian(case, tmp_path):
    source = tmp_path / "v.txt"
    source.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(cli, ["verbatim", "import", str(source), "--into", str(case),
                                      "--session", "9", "--lang", "id"])
    assert "sesi 9 tidak ada" in result.output


TABLE = ("No\tPembicara\tDialog\tTeknik\n"
         "1\tKo\tSelamat pagi, Dek. Silakan duduk.\tAttending\n"
         "2\tKi\tPagi, Bu.\t\n"
         "3\tKo\tApa yang mau kamu ceritakan hari ini?\tPertanyaan terbuka\n"
         "4\tKi\t\"Capek,\" kata saya ke Ibu, Bu.\t\n")


def test_a_table_pasted_as_text_fills_the_empty_verbatim_of_a_template(tmp_path):
    """What a trainee does first: ``asas init``, then a Word table pasted into a text file
    (tabs, its header row) imported into the template's empty ``verbatim:``."""
    case = tmp_path / "kasus.yaml"
    assert CliRunner().invoke(cli, ["init", str(case), "--lang", "id"]).exit_code == 0
    before = case.read_text(encoding="utf-8").split("\n")
    source = tmp_path / "sesi1.txt"
    source.write_text(TABLE, encoding="utf-8")
    result = run(source, "--into", case, "--session", 1)
    assert result.exit_code == 0, result.output
    after = case.read_text(encoding="utf-8").split("\n")
    at = before.index("    verbatim:")
    block = after[at:at + 5]
    assert block == ["    verbatim: |",
                     "      Ko: Selamat pagi, Dek. Silakan duduk. | Attending",
                     "      Ki: Pagi, Bu.",
                     "      Ko: Apa yang mau kamu ceritakan hari ini? | Pertanyaan terbuka",
                     "      Ki: \"Capek,\" kata saya ke Ibu, Bu."]
    assert after[:at] + after[at + 5:] == before[:at] + before[at + 1:]
    turns = load_file(str(case)).verbatim[0].turns
    assert [(t.speaker, t.labels) for t in turns] == [
        ("counselor", ("attending",)), ("client", ()),
        ("counselor", ("open_question",)), ("client", ())]


@pytest.mark.parametrize("empty", ["", " ~", " null", " ''", "   # paste it here"])
def test_an_empty_verbatim_is_filled_without_replace(tmp_path, empty):
    case = tmp_path / "k.yaml"
    case.write_text("format: asas/v1\ncase:\n  id: X\n  client: {pseudonym: A}\nsessions:\n"
                    f"  - number: 1\n    verbatim:{empty}\n    notes: kept\n", encoding="utf-8")
    source = tmp_path / "v.txt"
    source.write_text(TEXT, encoding="utf-8")
    result = run(source, "--into", case, "--session", 1)
    assert result.exit_code == 0, result.output
    lines = case.read_text(encoding="utf-8").split("\n")
    comment = "  # paste it here" if "#" in empty else ""
    assert lines[6] == "    verbatim: |" + comment
    assert lines[-2:] == ["    notes: kept", ""]
    loaded = load_file(str(case))
    assert loaded.valid and len(loaded.verbatim[0].turns) == 4
    assert loaded.case.sessions[0].notes == "kept"


def test_a_document_written_in_paragraphs_is_read_as_text(case, tmp_path):
    # no table: the paragraphs are the lines (a title first, left out as a heading)
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_heading("Verbatim Konseling Individual", 1)
    document.add_paragraph("Konselor\t: Selamat pagi, Dek.")
    document.add_paragraph("Konseli\t: Pagi, Bu.")
    document.add_paragraph("Konselor\t: Bagaimana kabarmu? | pertanyaan terbuka")
    source = tmp_path / "verbatim.docx"
    document.save(source)
    result = run(source, "--into", case, "--session", 1)
    assert result.exit_code == 0, result.output
    assert "line 1 left out" in result.stderr
    turns = load_file(str(case)).verbatim[0].turns
    assert [t.text for t in turns] == ["Selamat pagi, Dek.", "Pagi, Bu.", "Bagaimana kabarmu?"]
    assert turns[2].labels == ("open_question",)
    # a problem is at its paragraph, counted from the document's first
    document.add_paragraph("Konseli\t: Baik. | perasan")
    document.save(source)
    result = CliRunner().invoke(cli, ["verbatim", "tag", str(source)])
    assert result.exit_code == 2 and f"{source}:5:1: " in result.stderr


def test_a_document_with_neither_a_verbatim_table_nor_turns_says_so(case, tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("Laporan konseling individual")
    source = tmp_path / "verbatim.docx"
    document.save(source)
    before = case.read_bytes()
    for lang, words in (("en", "neither a verbatim table nor paragraphs of turns"),
                        ("id", "tidak memuat tabel verbatim maupun paragraf giliran")):
        result = CliRunner().invoke(cli, ["verbatim", "import", str(source), "--into",
                                          str(case), "--session", "1", "--lang", lang])
        assert result.exit_code == 2 and words in result.output, result.output
    assert case.read_bytes() == before


def test_unicode_text_from_excel_is_read(case, tmp_path):
    """Excel's "Unicode Text (*.txt)": UTF-16 with a byte order mark, tab-separated."""
    source = tmp_path / "sesi1.txt"
    source.write_bytes(TABLE.replace("\n", "\r\n").encode("utf-16"))
    result = run(source, "--into", case, "--session", 1)
    assert result.exit_code == 0, result.output
    turns = load_file(str(case)).verbatim[0].turns
    assert [t.text for t in turns][:2] == ["Selamat pagi, Dek. Silakan duduk.", "Pagi, Bu."]
    # text in another encoding is still refused, and says how to save it
    source.write_bytes("Ko: Halo, Bu Désirée.\n".encode("latin-1"))
    result = run(source, "--into", case, "--session", 2)
    assert result.exit_code == 2 and "UTF-8" in result.output


@pytest.mark.parametrize("written, args", [
    ("verbatim:", ()),                                            # empty, filled
    ("verbatim: |\n      Ko: Lama.\n      Ki: Lama.", ("--replace",)),  # replaced
])
def test_a_verbatim_that_is_the_sessions_first_field_keeps_its_dash(tmp_path, written, args):
    case = tmp_path / "k.yaml"
    case.write_text("format: asas/v1\ncase:\n  id: X\n  client: {pseudonym: A}\nsessions:\n"
                    f"  - {written}\n    number: 1\n  - number: 2\n", encoding="utf-8")
    source = tmp_path / "v.txt"
    source.write_text(TEXT, encoding="utf-8")
    result = run(source, "--into", case, "--session", 1, *args)
    assert result.exit_code == 0, result.output
    assert case.read_text(encoding="utf-8").split("\n")[5] == "  - verbatim: |"
    loaded = load_file(str(case))
    assert loaded.valid and [s.number for s in loaded.case.sessions] == [1, 2]
    assert len(loaded.verbatim[0].turns) == 4


def test_a_pasted_table_after_blank_lines_and_a_title(case, tmp_path):
    source = tmp_path / "sesi1.txt"
    source.write_text("\n\nVerbatim sesi 1\n\n\n" + TABLE, encoding="utf-8")
    result = run(source, "--into", case, "--session", 1)
    assert result.exit_code == 0, result.output
    assert len(load_file(str(case)).verbatim[0].turns) == 4
