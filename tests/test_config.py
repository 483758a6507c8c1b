"""The project config file: found upwards from the case files, the command line wins
over it, --config and --isolated, an unknown key a located error."""

import json
import shutil

import pytest
from click.testing import CliRunner

from asas.cli import cli
from asas.engine.run.config import ConfigError, find, load

from helpers import CASES

CASE = CASES / "mandated-cascade.yaml"     # risks, no violation


def run(*args, env=None):
    return CliRunner().invoke(cli, ["check", "--no-cache", *args], env=env,
                              prog_name="asas")


@pytest.fixture
def course(tmp_path):
    """A course folder with its config, a class folder below it, one case."""
    folder = tmp_path / "kelas-A" / "kasus"
    folder.mkdir(parents=True)
    shutil.copy(CASE, folder / "kasus.yaml")
    return tmp_path


@pytest.mark.parametrize("name, text", [
    ("asas.toml", 'lang = "id"\nfail-on = "risk"\nignore = ["DOC"]\n'),
    (".asas.yaml", "lang: id\nfail-on: risk\nignore: DOC\n"),
    ("pyproject.toml", '[project]\nname = "x"\n\n[tool.asas]\nlang = "id"\n'
                       'fail-on = "risk"\nignore = "DOC"\n'),
])
def test_found_upwards_from_the_case_files_and_applied(course, name, text):
    (course / name).write_text(text, encoding="utf-8")
    case = course / "kelas-A" / "kasus" / "kasus.yaml"
    assert find([str(case)]) == str(course / name)
    result = run(str(case), env={"ASAS_LANG": ""})
    assert result.exit_code == 1, result.output          # fail-on = risk
    assert "berisiko" in result.output                   # lang = id
    assert "DOC0" not in result.output                   # ignore = DOC


def test_the_nearest_file_wins_and_a_pyproject_without_tool_asas_is_passed_over(course):
    (course / "asas.toml").write_text('lang = "id"\n', encoding="utf-8")
    (course / "kelas-A" / "pyproject.toml").write_text('[project]\nname = "x"\n',
                                                        encoding="utf-8")
    (course / "kelas-A" / "kasus" / ".asas.yaml").write_text("lang: en\n", encoding="utf-8")
    case = course / "kelas-A" / "kasus" / "kasus.yaml"
    assert find([str(case)]) == str(course / "kelas-A" / "kasus" / ".asas.yaml")
    (course / "kelas-A" / "kasus" / ".asas.yaml").unlink()
    assert find([str(case)]) == str(course / "asas.toml")


def test_the_command_line_wins_over_the_file(course):
    (course / "asas.toml").write_text('lang = "id"\nfail-on = "risk"\nformat = "json"\n',
                                      encoding="utf-8")
    case = str(course / "kelas-A" / "kasus" / "kasus.yaml")
    result = run(case, "--lang", "en", "--fail-on", "never", "--format", "concise",
                 env={"ASAS_LANG": ""})
    assert result.exit_code == 0 and "berisiko" not in result.output
    assert "KSR001" in result.output and not result.output.lstrip().startswith("{")
    from_file = run(case, env={"ASAS_LANG": ""})
    assert json.loads(from_file.output)["tool"]["lang"] == "id"


def test_config_option_and_isolated(course, tmp_path):
    other = tmp_path / "lain.toml"
    other.write_text('select = ["KRH"]\n', encoding="utf-8")
    (course / "asas.toml").write_text('fail-on = "risk"\n', encoding="utf-8")
    case = str(course / "kelas-A" / "kasus" / "kasus.yaml")
    named = run(case, "--config", str(other), "--format", "json")
    ids = {f["id"] for c in json.loads(named.output)["cases"] for f in c["findings"]}
    assert all(i.startswith("KRH") for i in ids) and "KSR001" not in ids
    assert named.exit_code == 0                          # not the nearest file's fail-on
    assert run(case, "--isolated").exit_code == 0
    assert run(case).exit_code == 1


@pytest.mark.parametrize("name, text, where, en, id_", [
    ("asas.toml", 'lang = "id"\nignor = ["DOC"]\n', "2:1",
     "unknown key 'ignor'; did you mean 'ignore'?",
     "pengaturan 'ignor' tidak dikenal; maksud Anda 'ignore'?"),
    (".asas.yaml", "lang: id\n\nfail-on: sering\n", "3:1",
     "fail-on = 'sering' is not one of violation, risk, advice, never",
     "fail-on = 'sering' bukan salah satu pilihan: violation, risk, advice, never"),
    ("asas.toml", '[limits]\nmax-sesi = 3\n', "2:1",
     "unknown key 'max-sesi'; did you mean 'max-sessions'?",
     "pengaturan 'max-sesi' tidak dikenal; maksud Anda 'max-sessions'?"),
])
def test_an_unknown_key_or_a_bad_value_is_a_located_error(course, name, text, where, en, id_):
    path = course / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load(str(path))
    assert caught.value.text("en") == f"{path}:{where}: {en}"
    assert caught.value.text("id") == f"{path}:{where}: {id_}"
    result = run(str(course / "kelas-A" / "kasus" / "kasus.yaml"), "--lang", "id")
    assert result.exit_code == 2 and f"{path}:{where}: {id_}" in result.output


def test_the_config_language_applies_to_help(course, monkeypatch):
    (course / "asas.toml").write_text('lang = "id"\n', encoding="utf-8")
    monkeypatch.chdir(course / "kelas-A")
    result = CliRunner().invoke(cli, ["check", "--help"], env={"ASAS_LANG": ""},
                                prog_name="asas")
    assert result.output.startswith("Cara pakai:")
    english = CliRunner().invoke(cli, ["check", "--help"], env={"ASAS_LANG": "en"},
                                 prog_name="asas")
    assert english.output.startswith("Usage:")           # ASAS_LANG wins over the file


def test_limits_and_strict_from_the_file(course):
    from pathlib import Path
    words = course / "kelas-A" / "kasus" / "kata.yaml"
    shutil.copy(Path(__file__).parent / "invalid" / "indonesian-words.yaml", words)
    assert run(str(words), "--lang", "en").exit_code == 0
    (course / "asas.toml").write_text("strict = true\n", encoding="utf-8")
    strict = run(str(words), "--lang", "en")
    assert strict.exit_code == 2 and "did you mean 'reluctant'?" in strict.output
    (course / "asas.toml").write_text("[limits]\nmax-bytes = 100\n", encoding="utf-8")
    small = run(str(words), "--lang", "en")
    assert small.exit_code == 2 and "over the limit of 100" in small.output
    assert run(str(words), "--lang", "en", "--max-bytes", "100000").exit_code == 0


def test_the_profile_from_the_file_and_the_command_line_wins(course):
    case = course / "kelas-A" / "kasus" / "kasus.yaml"
    (course / "asas.toml").write_text('profile = "bk12"\n', encoding="utf-8")
    chosen = run(str(case), "--format", "json", "--fail-on", "never")
    assert chosen.exit_code == 0, chosen.output
    report = json.loads(chosen.output)
    assert report["tool"]["profile"] == "bk12" and "kedinamisan" in report["principles"]
    given = run(str(case), "--format", "json", "--fail-on", "never",
                "--profile", "konseling-individual")
    assert "kedinamisan" not in json.loads(given.output)["principles"]
    (course / "asas.toml").write_text('profile = "bk13"\n', encoding="utf-8")
    bad = run(str(case), "--lang", "en")
    assert bad.exit_code == 2 and "asas.toml:1:" in bad.output and "bk12" in bad.output
