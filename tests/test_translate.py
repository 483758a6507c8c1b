"""One translation layer: every message is a code with an English and an Indonesian
template, the same parameters in both; the loader's messages are codes too."""

import string
from pathlib import Path

import pytest

from asas.engine.i18n.messages import MESSAGES, Msg, from_plain, placeholders, text, to_plain
from asas.engine.load.loader import Limits, load_bytes, load_file

TESTS = Path(__file__).parent
FIXTURES = sorted((TESTS / "invalid").glob("*.yaml")) + sorted((TESTS / "hostile").glob("*.y*ml"))


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_every_message_has_both_languages_with_the_same_parameters(code):
    en, id_ = MESSAGES[code]
    assert placeholders(en) == placeholders(id_), code
    if en:      # a few are deliberately empty in both (the interview's blank hints)
        assert id_, f"{code} has no Indonesian"
    for template in (en, id_):
        list(string.Formatter().parse(template))     # well-formed


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_every_fixture_error_is_a_coded_message_in_both_languages(path):
    for error in load_file(str(path)).errors:
        assert error.code in MESSAGES, error.message
        assert error.text("en") == error.message
        assert error.text("id") != error.message, f"no Indonesian for: {error.message}"


def test_values_are_carried_over_into_indonesian():
    loaded = load_file(str(TESTS / "invalid" / "wrong-values.yaml"))
    texts = {e.path: e.text("id") for e in loaded.errors}
    assert texts["sessions[0].client.willingness"] == (
        "'unwilling' bukan salah satu pilihan: willing (bersedia), hesitant (ragu-ragu), "
        "reluctant (enggan), refused (menolak) (maksud Anda 'willing'?)")
    # --strict takes the codes only, and lists only them
    strict = load_file(str(TESTS / "invalid" / "wrong-values.yaml"), Limits(strict=True))
    texts = {e.path: e.text("id") for e in strict.errors}
    assert texts["sessions[0].client.willingness"] == (
        "'unwilling' bukan salah satu pilihan: willing, hesitant, reluctant, refused "
        "(maksud Anda 'willing'?)")
    assert texts["sessions[0].counselor.techniques"] == (
        "harus daftar, tetapi tertulis 'attending' (tulis [] bila tidak ada)")


def test_a_word_inside_a_message_follows_the_language():
    msg = Msg.of("load.expected", what=Msg.of("kind.list"), found=Msg.of("kind.mapping"),
                 none="")
    assert text(msg, "en") == "expected a list, found a mapping"
    assert text(msg, "id") == "harus daftar, tetapi tertulis kelompok isian"


def test_messages_travel_as_plain_data():
    msg = Msg.of("load.enum", value="'x'", choices="a, b",
                 hint=Msg.of("load.enum_hint", name="a"))
    assert from_plain(to_plain(msg)) == msg


def test_an_unknown_code_is_refused_where_it_is_written():
    with pytest.raises(KeyError):
        Msg.of("load.no_such_message")


def test_the_loaders_own_messages_are_codes_not_translated_english():
    for data in (b"", b"- a\n", b"format: asas/v2\n", b"format: asas/v1\ncase: [\n"):
        for error in load_bytes(data, "f.yaml").errors:
            assert error.msg is not None and error.code in MESSAGES


def test_one_line_errors_too():
    for data in (b"", b"- a\n", b"format: asas/v2\n", b"x: \xe9\n"):
        [error] = load_bytes(data, "f.yaml").errors
        assert error.code and error.text("id") != error.message, error.message


# --- help and click's own words in Indonesian ---------------------------------------

def _commands():
    import click

    from asas.cli import cli

    def walk(cmd, key):
        yield key, cmd
        if isinstance(cmd, click.Group):
            for name, sub in cmd.commands.items():
                yield from walk(sub, name if key == "asas" else f"{key} {name}")
    return list(walk(cli, "asas"))


@pytest.mark.parametrize("key, cmd", _commands(), ids=lambda v: v if isinstance(v, str) else "")
def test_every_command_and_option_has_its_indonesian_help(key, cmd):
    import click

    from asas.engine.i18n.clicktext import help_id
    assert help_id(key), f"no Indonesian help for `{key}` (HELP_ID in messages.py)"
    for param in cmd.params:
        if isinstance(param, click.Option) and param.help:
            assert help_id(key, param.name), f"no Indonesian help for {key} {param.opts[0]}"


def _run(args, env=None):
    from click.testing import CliRunner

    from asas.cli import cli
    return CliRunner().invoke(cli, args, env=env, prog_name="asas")


@pytest.mark.parametrize("args, env", [
    (["--lang", "id", "--help"], None),
    (["check", "--help", "--lang", "id"], None),
    (["--lang", "id", "check", "-h"], None),
    (["check", "--help"], {"ASAS_LANG": "id"}),
    (["grade", "--help"], {"ASAS_LANG": "id", "LANG": "en_US.UTF-8"}),
])
def test_help_is_in_indonesian_when_asked(args, env):
    result = _run(args, env)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Cara pakai: asas")
    assert "Tampilkan bantuan ini lalu keluar." in result.output
    assert "Show this message" not in result.output


def test_help_stays_english_by_default():
    result = _run(["check", "--help"], {"ASAS_LANG": "", "LC_ALL": "C", "LANG": "C"})
    assert result.output.startswith("Usage: asas check") and "Cara pakai" not in result.output


@pytest.mark.parametrize("first, then, said, not_said", [
    (["--lang", "id", "check", "missing.yaml"], ["--help"],
     "Show this message and exit.", "Tampilkan bantuan"),
    (["check", "missing.yaml"], ["--lang", "id", "--help"],
     "Tampilkan bantuan ini lalu keluar.", "Show this message"),
])
def test_the_help_option_speaks_the_language_of_each_run(first, then, said, not_said):
    """click keeps a command's --help option once made; its text was that of the first
    run in the process (an English --help said "Tampilkan bantuan ..." after a run in
    Indonesian: a test suite, a program calling main twice)."""
    env = {"ASAS_LANG": "", "LC_ALL": "C", "LANG": "C"}
    _run(first, env)
    result = _run(then, env)
    assert result.exit_code == 0, result.output
    assert said in result.output and not_said not in result.output


def test_usage_errors_and_did_you_mean_in_indonesian():
    wrong = _run(["--lang", "id", "chek", "x.yaml"])
    assert wrong.exit_code == 2
    assert "Galat: Tidak ada perintah 'chek'." in wrong.output and "'check'" in wrong.output
    assert "Coba 'asas --help' untuk bantuan." in wrong.output
    rule = _run(["rule", "KRH01", "--lang", "id"])
    assert "Galat: tidak ada aturan KRH01; maksud Anda KRH01" in rule.output
    choice = _run(["check", "--format", "xx", "x.yaml"], {"ASAS_LANG": "id"})
    assert "Nilai tidak sah untuk '--format'" in choice.output
    assert "Invalid value" not in choice.output
    english = _run(["chek"], {"ASAS_LANG": "en"})
    assert "No such command 'chek'" in english.output
