"""Loading and validation: every problem of a file, each with its exact line and column."""

from pathlib import Path

import pytest

from asas.engine.load.loader import load_bytes, load_file
from asas.engine.load.types import Limits

from helpers import CASES

INVALID = sorted((Path(__file__).parent / "invalid").glob("*.yaml"))

# The header of a fixture in tests/invalid/ (comment lines at the top):
#   # expect: LINE:COL: PATH: English message     - each error, as the JSON report has it
#   # en: LINE:COL: WHERE: message               - each error as `asas check` prints it,
#   # id: LINE:COL: WHERE: pesan                 -   in English and in Indonesian
#   # options: strict                            - loaded as `asas check --strict`
# A fixture lists every error it has: nothing more is reported, nothing less.


def header(path: Path, tag: str) -> list[str]:
    prefix = f"# {tag}: "
    return [line[len(prefix):].rstrip("\n") for line in
            path.read_text(encoding="utf-8").splitlines() if line.startswith(prefix)]


def expected(path: Path) -> list[str]:
    return header(path, "expect")


def load_fixture(path: Path):
    strict = "strict" in " ".join(header(path, "options"))
    return load_file(str(path), Limits(strict=strict))


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_fixture_reports_exactly_its_expected_errors(path):
    loaded = load_fixture(path)
    assert not loaded.valid
    got = [f"{e.line}:{e.column}: {e.path}: {e.message}" for e in loaded.errors]
    assert sorted(got) == sorted(expected(path))


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("path", [p for p in INVALID if header(p, "id")], ids=lambda p: p.stem)
def test_invalid_fixture_reads_as_written_in_each_language(path, lang):
    loaded = load_fixture(path)
    got = [e.format("F", lang)[2:] for e in loaded.errors]
    assert sorted(got) == sorted(header(path, lang))


@pytest.mark.parametrize("data, message, where", [
    (b"", "the file is empty", (1, 1)),
    (b"   \n# only a comment\n", "the file holds no YAML document", (1, 1)),
    (b"- a\n- b\n", "a case file is a mapping of fields, found a list", (1, 1)),
    (b"format: asas/v1\ncase: [\n", "the list opened with '[' on this line", (2, 7)),
    (b"format: asas/v1\ncase: {\n", "the group of fields opened with '{' on this line", (2, 7)),
    (b"format: asas/v1\ncase:\n  client: {pseudonym: A\n",
     "group of fields opened with '{' on this line is not closed. End it with '}'", (3, 1)),
    (b"format: asas/v2\n", "format 'asas/v2' is not supported; this tool reads asas/v1", (1, 9)),
    (b"case: {id: x}\n", "missing 'format: asas/v1'", (1, 1)),
    (b"format: asas/v1\ntitle: caf\xe9\n", "not UTF-8 text (byte 0xe9 on line 2)", (1, 1)),
    (b"\xff\xfef\x00", "the file is UTF-16 text; save it as UTF-8", (1, 1)),
    (b"format: asas/v1\n---\nformat: asas/v1\n", "more than one YAML document", (3, 1)),
])
def test_unreadable_files_get_one_clear_line(data, message, where):
    loaded = load_bytes(data, "f.yaml")
    assert len(loaded.errors) == 1
    error = loaded.errors[0]
    assert message in error.message
    assert (error.line, error.column) == where


def test_model_values_and_their_lines():
    loaded = load_file(str(CASES / "exemplary.yaml"))
    assert loaded.valid
    case = loaded.case
    assert case.case.referral.source == "self"
    assert case.sessions[0].counselor.talk_share == 0.35
    assert case.sessions[1].client.completed_previous_tasks is True
    text = (CASES / "exemplary.yaml").read_text(encoding="utf-8").splitlines()
    line, column = loaded.values["sessions[0].counselor.talk_share"]
    assert text[line - 1][column - 1:].startswith("0.35")
    # a field left out is "not documented": None, located at its nearest written parent
    assert case.sessions[1].opening.confidentiality_explained is None
    assert loaded.where("sessions[1].opening.confidentiality_explained") == \
        loaded.keys["sessions[1].opening"]


def test_open_and_closed_world_defaults():
    loaded = load_bytes(b"format: asas/v1\ncase: {id: A, client: {pseudonym: X}}\n"
                        b"sessions: [{number: 1}]\n", "f.yaml")
    session = loaded.case.sessions[0]
    assert session.counselor.techniques is None        # open world: not documented
    assert session.tasks_agreed is None
    assert session.counselor.pressure_on_client == ()  # closed world: none happened
    assert loaded.case.case.problem.risk == ()
    explicit = load_bytes(b"format: asas/v1\ncase: {id: A, client: {pseudonym: X}}\n"
                          b"sessions: [{number: 1, tasks_agreed: [], client: {willingness: null}}]\n",
                          "f.yaml")
    assert explicit.case.sessions[0].tasks_agreed == ()  # [] says "none"
    assert explicit.case.sessions[0].client.willingness is None  # null: not documented


# --- values as people write them, and messages as a trainee reads them -------------

TRAINEE = Path(__file__).parent / "fixtures" / "kasus-R-with-mistakes.yaml"


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_trainee_case_has_only_its_real_mistakes(lang):
    loaded = load_fixture(TRAINEE)
    assert sorted(e.format("F", lang)[2:] for e in loaded.errors) == sorted(header(TRAINEE, lang))
    assert [e.message for e in loaded.errors] == [
        line.split(": ", 2)[2] for line in header(TRAINEE, "expect")]


def _trainee_fixed() -> bytes:
    text = TRAINEE.read_text(encoding="utf-8")
    text = text.replace("confidentiality_explaned", "confidentiality_explained")
    text = text.replace("  - date: 2026-09-21", "  - number: 3\n    date: 2026-09-21")
    return text.encode("utf-8")


def test_indonesian_words_booleans_and_a_decimal_comma_load_as_their_codes():
    loaded = load_bytes(_trainee_fixed(), "kasus-R.yaml")
    assert loaded.valid, loaded.errors
    case = loaded.case
    assert case.case.counselor.supervised is True                       # ya
    assert case.sessions[0].client.willingness == "reluctant"           # enggan
    assert case.sessions[0].counselor.techniques[1] == "open_question"  # pertanyaan_terbuka
    assert case.sessions[0].counselor.talk_share == 0.6                 # 0,6
    assert case.sessions[2].client.completed_previous_tasks is False    # tidak


def test_strict_keeps_exact_codes_and_says_how_to_write_them():
    loaded = load_bytes(_trainee_fixed(), "kasus-R.yaml", Limits(strict=True))
    got = {e.path: e.text("id") for e in loaded.errors}
    assert got == {
        "case.counselor.supervised": "harus true atau false, tetapi tertulis 'ya' (tulis true untuk ya)",
        "sessions[0].client.willingness":
            "'enggan' bukan salah satu pilihan: willing, hesitant, reluctant, refused "
            "(maksud Anda 'reluctant'?)",
        "sessions[0].counselor.techniques[1]": got["sessions[0].counselor.techniques[1]"],
        "sessions[0].counselor.talk_share":
            "harus angka, tetapi tertulis '0,6' (pakai titik desimal: 0.6)",
        "sessions[2].client.completed_previous_tasks":
            "harus true atau false, tetapi tertulis 'tidak' (tulis false untuk tidak)",
    }
    assert got["sessions[0].counselor.techniques[1]"].endswith("(maksud Anda 'open_question'?)")


@pytest.mark.parametrize("written, code", [
    ("ruang BK", "counseling_room"), ("Ruang_Bimbingan", "counseling_room"),
    ("wali kelas", "homeroom_teacher"), ("wali_kelas", "homeroom_teacher"),
    ("tertutup", "guarded"), ("ragu-ragu", "hesitant"), ("ragu_ragu", "hesitant"),
    ("refleksi perasaan", "reflection_of_feeling"), ("nasihat", "advice"),
    ("pertanyaan_terbuka", "open_question"), ("Role Play", "role_play"),
])
def test_a_value_is_accepted_as_people_write_it(written, code):
    from asas.engine.i18n.labels import code_for
    from asas.engine.model.case import fields_of  # noqa: F401 - the choices come from the model
    body = (b"format: asas/v1\ncase:\n  id: X\n  client:\n    pseudonym: A\n  referral:\n"
            b"    source: SOURCE\nsessions:\n  - number: 1\n    place:\n      kind: PLACE\n"
            b"    client:\n      disclosure: OPEN\n      willingness: WILL\n    counselor:\n"
            b"      techniques: [TECH]\n")
    slots = {"SOURCE": "self", "PLACE": "other", "OPEN": "open", "WILL": "willing",
             "TECH": "attending"}
    where = {"homeroom_teacher": "SOURCE", "counseling_room": "PLACE", "guarded": "OPEN",
             "hesitant": "WILL"}.get(code, "TECH")
    slots[where] = written
    for k, v in slots.items():
        body = body.replace(k.encode(), v.encode())
    loaded = load_bytes(body, "f.yaml")
    assert loaded.valid, [e.message for e in loaded.errors]
    assert code in {loaded.case.case.referral.source, loaded.case.sessions[0].place.kind,
                    loaded.case.sessions[0].client.disclosure,
                    loaded.case.sessions[0].client.willingness,
                    *loaded.case.sessions[0].counselor.techniques}
    assert code_for(written, [code]) == code


def test_no_word_means_two_values_of_one_field():
    from asas.engine.i18n.labels import spellings
    from asas.engine.model.case import Case, fields_of
    stack, seen = [Case], set()
    while stack:
        cls = stack.pop()
        for spec in fields_of(cls):
            target = spec.item if spec.kind == "list" else spec
            if target.kind == "object" and target.cls not in seen:
                seen.add(target.cls)
                stack.append(target.cls)
            if target.kind == "enum":
                owner: dict[str, str] = {}
                for code in target.choices:
                    for word in spellings(code):
                        assert owner.setdefault(word, code) == code, \
                            f"{spec.name}: '{word}' means both {owner[word]} and {code}"


def test_indonesian_words_fixture_is_valid_without_strict():
    loaded = load_file(str(Path(__file__).parent / "invalid" / "indonesian-words.yaml"))
    assert loaded.valid
    s = loaded.case.sessions[0]
    assert (s.client.willingness, s.client.disclosure, s.counselor.techniques) == \
        ("reluctant", "open", ("role_play",))


@pytest.mark.parametrize("lang, text", [
    ("en", "cannot read: no such file (check the name and the folder)"),
    ("id", "tidak dapat dibaca: berkas tidak ditemukan (periksa nama dan foldernya)"),
])
def test_an_os_error_is_in_the_readers_language(tmp_path, lang, text):
    [error] = load_file(str(tmp_path / "nonexistent.yaml")).errors
    assert error.code == "load.cannot_read" and error.text(lang) == text


@pytest.mark.parametrize("path, en, id_", [
    ("sessions[2].number", "session 3 › number", "sesi 3 › number"),
    ("sessions[0].counselor.techniques[1]", "session 1 › counselor.techniques (item 2)",
     "sesi 1 › counselor.techniques (butir ke-2)"),
    ("sessions[1].disclosures[0].to", "session 2 › disclosures (item 1) › to",
     "sesi 2 › disclosures (butir ke-1) › to"),
    ("case.counselor.supervised", "case.counselor.supervised", "case.counselor.supervised"),
])
def test_positions_are_counted_from_one_where_people_read_them(path, en, id_):
    from asas.engine.i18n.paths import readable
    assert (readable(path, "en"), readable(path, "id")) == (en, id_)


def test_check_strict_and_a_missing_file_on_the_command_line(tmp_path):
    from click.testing import CliRunner

    from asas.cli import cli
    words = str(Path(__file__).parent / "invalid" / "indonesian-words.yaml")
    runner = CliRunner()
    lenient = runner.invoke(cli, ["check", "--no-cache", "--lang", "id", "--format", "json",
                                  words])
    strict = runner.invoke(cli, ["check", "--no-cache", "--lang", "id", "--strict", words])
    assert lenient.exit_code == 0, lenient.output
    import json
    [case] = json.loads(lenient.output)["cases"]
    assert case["errors"] == [] and case["principles"]
    assert strict.exit_code == 2 and "maksud Anda 'reluctant'?" in strict.output
    missing = runner.invoke(cli, ["check", "--no-cache", "--lang", "id",
                                  str(tmp_path / "tidak-ada.yaml")])
    assert missing.exit_code == 2
    assert "berkas tidak ditemukan atau tidak dapat dibaca" in missing.output
    assert "berkas kasus tidak valid" not in missing.output


def test_a_did_you_mean_never_cuts_a_parenthesis_in_half():
    """'maksud Anda 'with_whom' (dengan siapa)?', not '(dengan siapa (peran)?'."""
    from asas.engine.load.loader import load_bytes
    data = (b"format: asas/v1\ncase:\n  id: X\n  client: {pseudonym: A}\n"
            b"  supporting_activities:\n    - {kind: home_visit, wth_whom: wali kelas}\n"
            b"sessions:\n  - number: 1\n")
    [error] = load_bytes(data, "s.yaml").errors
    shown = error.format("s.yaml", "id")
    assert "'with_whom' (dengan siapa)?" in shown, shown
    assert shown.count("(") == shown.count(")")


def test_a_field_after_a_text_block_is_not_taken_for_a_line_of_it():
    """yaml_errors: a line of a pasted block indented less than the others is named as
    such (tests/invalid/yaml-verbatim-line-dedented.yaml), but a field of the format
    written after a block is a field: the mistake is the line below it."""
    data = (b"format: asas/v1\ncase:\n  id: KI-1\n  client:\n    pseudonym: A\nsessions:\n"
            b"  - number: 1\n    notes: |\n      catatan\n    follow_up: none\n"
            b"      bad: x\n")
    errors = load_bytes(data, "f.yaml").errors
    assert len(errors) == 1 and "text block" not in errors[0].message
    assert errors[0].line == 11
