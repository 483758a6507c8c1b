"""Everything a person reads comes in Indonesian and English (issue 15).

Two kinds of test: a walk over the source that finds user-facing errors and output
written as English literals outside the i18n layer (engine/i18n/messages.py), so that
none comes back; and the messages themselves, of each kind, in both languages, read
from fixtures (tests/fixtures/i18n/: each file ends with what asas says of it).
"""

from __future__ import annotations

import ast
import re
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from asas.cli import cli
from asas.engine.i18n.messages import English, MessageError, Msg, number, text

from helpers import patched

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "i18n"
CASES = ROOT / "cases"

# --- the walk over the source -----------------------------------------------------------

# Code that reaches a person: click's output and errors, and our own user-facing errors
# (each a MessageError, whose message is a code) and located problems.
SINKS = {"echo", "secho", "UsageError", "BadParameter", "ClickException", "AsasError",
         "CheckError", "ProfileError", "ImportProblem", "OutputRefused", "WorkerDied",
         "Problem", "CaseError", "RubricError", "SideFileError", "ConfigError"}

# Errors only a developer sees (a bug, a broken rule module, an API misused): their
# English is for the programmer, and is not translated.
DEVELOPER_ONLY = {
    "TypeError", "ValueError", "KeyError", "RuntimeError", "ImportError",
    "AssertionError", "NotImplementedError",
    "RegistryError",   # rules/_registry.py: a rule module written wrongly, at import
    "NotSupported",    # engine/reason/fastrete.py: a reason code, worded by engine_messages
}

# (file, sink) pairs still written as English, each with the reason it is allowed; a
# test below keeps the list from going stale.
ALLOWED = {
    ("engine/authoring/interview/session.py", "ClickException"):
        "the interview's own (another helper's): 'invalid case file' after the checked "
        "file is printed; to become a message code there",
}

# English text: two words of letters (a code such as 'experta_version' is not)
_ENGLISH = re.compile(r"[A-Za-z]{2,}[\s,;:'()\-]+[A-Za-z]{2,}")


def _sources(root: Path = ROOT):
    for path in sorted([root / "cli.py", *(root / "engine").rglob("*.py"),
                        *(root / "rules").rglob("*.py")]):
        rel = path.relative_to(root).as_posix()
        if rel.startswith("engine/i18n/"):      # the layer itself
            continue
        yield rel, ast.parse(path.read_text(encoding="utf-8"), filename=rel)


def _literal(node) -> str:
    """The literal text of an expression: a string, the fixed parts of an f-string,
    both sides of a concatenation or a conditional."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values
                       if isinstance(v, ast.Constant) and isinstance(v.value, str))
    if isinstance(node, ast.BinOp):
        return _literal(node.left) + " " + _literal(node.right)
    if isinstance(node, ast.IfExp):
        return _literal(node.body) + " | " + _literal(node.orelse)
    return ""


def _name(func) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def english_literals(root: Path = ROOT):
    """(file, line, sink, text) of every raise or user-facing call whose message is an
    English literal."""
    found = []
    for rel, tree in _sources(root):
        for node in ast.walk(tree):
            calls = []
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
                calls.append(node.exc)
            elif isinstance(node, ast.Call) and _name(node.func) in SINKS:
                calls.append(node)
            for call in calls:
                sink = _name(call.func)
                if sink in DEVELOPER_ONLY:
                    continue
                for arg in [*call.args[:3], *(k.value for k in call.keywords)]:
                    said = _literal(arg)
                    if _ENGLISH.search(said):
                        found.append((rel, call.lineno, sink, said))
                        break
    return sorted(set(found))


def test_no_user_facing_message_is_an_english_literal_outside_the_i18n_layer():
    offenders = [f"{rel}:{line}: {sink}({said[:70]!r})"
                 for rel, line, sink, said in english_literals()
                 if (rel, sink) not in ALLOWED]
    assert not offenders, (
        "user-facing English outside engine/i18n/messages.py; make it a message code "
        "(Msg.of) with its Indonesian, or, for an error only a developer sees, add its "
        "class to DEVELOPER_ONLY:\n  " + "\n  ".join(offenders))


def test_the_allow_list_is_not_stale():
    still = {(rel, sink) for rel, _, sink, _ in english_literals()}
    assert set(ALLOWED) <= still, set(ALLOWED) - still


def test_the_walk_finds_what_it_looks_for(tmp_path):
    """The walk is not vacuous: an English raise, echo or problem is found, a message
    code and a developer's error are not."""
    sample = (
        "import click\n"
        "def f(x):\n"
        "    click.echo(f'cannot write {x}: no space left')\n"
        "    raise click.UsageError('give at least one file')\n"
        "def g():\n"
        "    raise CheckError(Msg.of('run.stdout_closed'))\n"
        "def h():\n"
        "    raise TypeError('field has no spec')\n"
        "def k(line):\n"
        "    return Problem(line, 1, 'the verbatim is empty')\n")
    (tmp_path / "engine").mkdir()
    (tmp_path / "rules").mkdir()
    (tmp_path / "cli.py").write_text(sample, encoding="utf-8")
    assert [(line, sink) for _, line, sink, _ in english_literals(tmp_path)] == [
        (3, "echo"), (4, "UsageError"), (10, "Problem")]


# inline translations (``"..." if lang == "id" else "..."``) outside the layer: the
# ones left, in files other helpers own; the list may only shrink
INLINE_LEFT = {
    "engine/report/grade/grading.py", "engine/report/grade/sidefile.py",
    "engine/report/grade/xlsx.py", "engine/report/formats/text.py",
}


def _inline_translations():
    found = set()
    for rel, tree in _sources():
        for node in ast.walk(tree):
            if isinstance(node, ast.IfExp) and isinstance(node.test, ast.Compare) \
                    and "lang" in ast.unparse(node.test.left) \
                    and any(isinstance(c, ast.Constant) and c.value in ("id", "en")
                            for c in node.test.comparators) \
                    and _ENGLISH.search(_literal(node.body) + " " + _literal(node.orelse)):
                found.add(rel)
    return found


def test_inline_translations_do_not_spread():
    assert _inline_translations() <= INLINE_LEFT, _inline_translations() - INLINE_LEFT


# --- the messages, in both languages -------------------------------------------------------

def expected(path: Path, lang: str) -> list[str]:
    return [line.split(": ", 1)[1].rstrip("\n") for line in path.open(encoding="utf-8")
            if line.startswith(f"# expect-{lang}:")]


def invoke(*args, env=None):
    return CliRunner().invoke(cli, [str(a) for a in args], env=env or {})


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("name", ["verbatim-bad.yaml", "verbatim-one-sided.yaml"])
def test_a_trainees_verbatim_mistakes_in_each_language(name, lang, monkeypatch):
    monkeypatch.chdir(FIXTURES)
    want = expected(FIXTURES / name, lang)
    assert want
    result = invoke("check", name, "--lang", lang, "--no-cache")
    assert result.exit_code == 2
    got = [line.strip() for line in result.output.splitlines()]
    assert [g for g in got if g.startswith(f"{name}:")] == want, result.output


def test_the_interview_and_the_importer_get_the_verbatims_messages_in_indonesian():
    """A Problem's ``message`` is English text that still knows its code, so code that
    passes it along as text (the interview) shows it in the reader's language."""
    from asas.engine.i18n.loader_messages import error_text
    from asas.engine.verbatim.parse import parse
    [problem] = parse("Ko: Halo.\n").problems
    assert problem.message == ("the verbatim has no client turn (the speakers read: 'Ko'); "
                               "name the client's code in case.verbatim_speakers, e.g. "
                               "client: [Ki]")
    assert error_text(problem.message, "id") == (
        "verbatim tidak memuat satu pun giliran bicara konseli (pembicara yang terbaca: "
        "'Ko'); tuliskan kode konseli di case.verbatim_speakers, misalnya client: [Ki]")
    assert error_text("No such file or directory", "id") == "No such file or directory"


@pytest.fixture
def case(tmp_path):
    path = tmp_path / "kasus.yaml"
    shutil.copy(CASES / "exemplary.yaml", path)
    return path


@pytest.mark.parametrize(("args", "en", "id"), [
    (["--session", "9"], "session 9 does not exist; the file's last session is",
     "sesi 9 tidak ada; berkas ini memuat"),
    (["--session", "1"], "session 1 already has a verbatim",
     "sesi 1 sudah memuat verbatim (baris"),
])
def test_verbatim_import_in_each_language(case, tmp_path, args, en, id):
    source = tmp_path / "v.txt"
    source.write_text("Ko: Selamat pagi.\nKi: Pagi, Bu.\n", encoding="utf-8")
    first = invoke("verbatim", "import", source, "--into", case, "--session", 1)
    assert first.exit_code == 0 and "1: 2 turns written" in first.output, first.output
    for lang, want in (("en", en), ("id", id)):
        result = invoke("verbatim", "import", source, "--into", case, *args, "--lang", lang)
        assert result.exit_code == 2 and want in result.output, result.output


def test_verbatim_import_of_a_bad_block_and_a_broken_case_file_in_indonesian(case, tmp_path):
    source = tmp_path / "v.txt"
    source.write_text("halo semua\nKo: Selamat pagi.\nKi:\n", encoding="utf-8")
    result = invoke("verbatim", "import", source, "--into", case, "--session", 1,
                    "--lang", "id")
    assert result.exit_code == 2
    assert f"{source}:1:1: baris ini tidak diawali kode pembicara" in result.output
    assert f"{source}:3:1: giliran 2 ('Ki:') kosong" in result.output
    broken = tmp_path / "rusak.yaml"
    broken.write_text("format: asas/v1\nsessions: [\n", encoding="utf-8")
    good = tmp_path / "ok.txt"
    good.write_text("Ko: Pagi.\nKi: Pagi, Bu.\n", encoding="utf-8")
    result = invoke("verbatim", "import", good, "--into", broken, "--session", 1,
                    "--lang", "id")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "bukan YAML yang valid; jalankan dahulu `asas check`" in result.output
    written = invoke("verbatim", "import", good, "--into", case, "--session", 1,
                     "--replace", "--lang", "id")
    assert written.exit_code == 0 and "sesi 1: 2 giliran ditulis" in written.output


def test_the_engines_budget_in_each_language_with_its_numbers(monkeypatch):
    from asas.engine.load.loader import load_file
    from asas.engine.reason import runner
    from asas.engine.run.pipeline import check_loaded
    monkeypatch.setattr(runner, "FACT_BUDGET", 2)
    result = check_loaded(load_file(str(CASES / "exemplary.yaml")))
    [error] = result.errors
    assert error.code == "budget.facts"
    assert error.text("en").endswith("one case may ask of the rule engine; split the case "
                                     "into several files")
    assert "melebihi batas 2 untuk satu kasus pada mesin aturan; pecah kasus ini" in \
        error.text("id")
    # a count as each language writes it
    assert text(Msg.of("budget.facts", n=number(65501), m=number(10000)), "en").startswith(
        "65,501 sessions, disclosures and norm conflicts is more than the 10,000 ")
    assert text(Msg.of("budget.facts", n=number(65501), m=number(10000)), "id").startswith(
        "65.501 sesi, penyampaian informasi, dan konflik norma melebihi batas 10.000 ")


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("name", ["unknown-key.yaml", "colon.yaml", "reassign.yaml"])
def test_a_profile_files_mistakes_in_each_language(name, lang, monkeypatch):
    monkeypatch.chdir(FIXTURES / "profiles")
    [want] = expected(FIXTURES / "profiles" / name, lang)
    result = invoke("check", CASES / "exemplary.yaml", "--profile", name, "--lang", lang)
    assert result.exit_code == 2
    assert want in " ".join(result.output.split()), result.output
    assert result.output.startswith("Cara pakai:" if lang == "id" else "Usage:")


def test_an_unknown_profile_in_indonesian():
    result = invoke("rules", "--profile", "bk13", "--lang", "id")
    assert result.exit_code == 2
    assert "tidak ada profil 'bk13' (yang tersedia: bk12, konseling-individual" in \
        result.output


_NO_LOCALE = {"ASAS_LANG": None, "LC_ALL": None, "LC_MESSAGES": None, "LANGUAGE": None,
              "LANG": "C.UTF-8"}


@pytest.mark.parametrize(("args", "env", "want", "prefix"), [
    (["check", "--lang", "id"], {}, "sebutkan sedikitnya satu berkas atau folder (atau "
                                    "--examples)", "Galat:"),
    (["check"], {"ASAS_LANG": "id"}, "sebutkan sedikitnya satu berkas atau folder", "Galat:"),
    (["check"], {}, "give at least one file or directory (or --examples)", "Error:"),
    (["check", "x.yaml", "--redact", "--lecturer", "--lang", "id"], {},
     "--redact dan --no-redact (atau --lecturer) saling bertentangan; pakai salah satu saja",
     "Galat:"),
    (["check", "x.yaml", "--redact", "--no-redact"], {"LANG": "id_ID.UTF-8"},
     "--redact dan --no-redact (atau --lecturer) saling bertentangan", "Galat:"),
    (["check", "x.yaml", "--redact", "--no-redact", "--lang", "en"], {"ASAS_LANG": "id"},
     "--redact and --no-redact (or --lecturer) contradict each other", "Error:"),
    (["grade", "--lang", "id"], {}, "sebutkan sedikitnya satu berkas atau folder (atau "
                                    "--print-rubric)", "Galat:"),
    (["grade", str(CASES), "--format", "xlsx", "--lang", "id"], {},
     "--format xlsx menulis buku kerja (workbook): sebutkan --output BERKAS.xlsx", "Galat:"),
    (["trend", "--lang", "id"], {}, "sebutkan sedikitnya satu berkas atau folder", "Galat:"),
])
def test_our_own_usage_errors_follow_the_language_choice(args, env, want, prefix, tmp_path,
                                                         monkeypatch):
    monkeypatch.chdir(tmp_path)         # no config file found upwards
    result = invoke(*args, env={**_NO_LOCALE, **env})
    assert result.exit_code == 2
    assert want in result.output, result.output
    assert f"{prefix} " in result.output, result.output


def test_a_report_over_its_own_input_is_refused_in_indonesian(case):
    result = invoke("check", case, "-o", case, "--lang", "id")
    assert result.exit_code == 2
    assert "laporan tidak ditulis menimpa" in result.output
    assert "salah satu berkas kasus yang diperiksa; pilih --output yang lain" in result.output
    english = invoke("check", case, "-o", case, "--lang", "en")
    assert "refusing to write the report over" in english.output


def test_an_output_that_cannot_be_written_in_each_language(case, tmp_path):
    target = tmp_path / "tidak-ada" / "laporan.html"
    result = invoke("check", case, "-o", target, "--format", "html", "--lang", "id")
    assert result.exit_code == 2
    assert "tidak dapat menulis" in result.output
    assert "folder tujuannya tidak ada (periksa nama foldernya)" in result.output
    english = invoke("check", case, "-o", target, "--format", "html", "--lang", "en")
    assert f"cannot write {target}: No such file or directory" in english.output


def test_check_errors_carry_their_message_code():
    from asas.engine.run.check import CheckError, CheckOptions, run_check
    with pytest.raises(CheckError) as caught:
        run_check(CheckOptions(paths=()))
    assert isinstance(caught.value, MessageError) and caught.value.usage
    assert str(caught.value) == "give at least one file or directory (or --examples)"
    assert caught.value.text("id") == ("sebutkan sedikitnya satu berkas atau folder (atau "
                                       "--examples)")


def test_cache_messages_in_indonesian(tmp_path):
    missing = tmp_path / "tidak-ada"
    result = invoke("--lang", "id", "cache", "clear", "--cache-dir", missing)
    assert result.exit_code == 0 and f"tidak ada cache di {missing}" in result.output
    other = tmp_path / "bukan-cache"
    other.mkdir()
    result = invoke("cache", "prune", "--cache-dir", other, env={"ASAS_LANG": "id"})
    assert result.exit_code == 2
    assert "bukan cache asas (tidak ada CACHEDIR.TAG yang ditulis asas)" in result.output
    english = invoke("cache", "prune", "--cache-dir", other, env={"ASAS_LANG": "en"})
    assert "is not an asas cache (no CACHEDIR.TAG written by asas); nothing removed" in \
        english.output


def test_the_fast_networks_fallback_warning_in_both_languages():
    from asas.engine.i18n.engine_messages import fallback_text
    lines = fallback_text("experta_version", {"found": "1.9.5", "expected": "1.9.4"})
    id_line, en_line = lines.splitlines()
    assert id_line == ("asas: peringatan: jaringan Rete cepat tidak dipakai (experta 1.9.5 "
                       "terpasang, padahal jaringan cepat ditulis untuk 1.9.4); asas memakai "
                       "jaringan experta sendiri: temuannya sama, hanya lebih lambat.")
    assert en_line.startswith("asas: warning: the fast Rete network is not used (experta "
                              "1.9.5 is installed, and the fast network was written for 1.9.4)")


def test_english_text_keeps_its_code():
    said = English(Msg.of("cache.none", folder="/tmp/x"))
    assert said == "no cache at /tmp/x" and said.msg.text("id") == "tidak ada cache di /tmp/x"


# --- positions as a person counts them -------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "id"])
def test_rule_pages_and_explain_count_sessions_from_one(lang):
    session = "sesi" if lang == "id" else "session"
    page = invoke("rule", "KRH009", "--lang", lang)
    assert page.exit_code == 0 and "sessions[" not in page.output
    assert f"    {session} 2 › place.private: false" in page.output
    explained = invoke("explain", CASES / "mandated-cascade.yaml", "--lang", lang)
    assert explained.exit_code == 0 and "sessions[" not in explained.output
    assert f": {session} 1 › opening.voluntariness_explained = " in explained.output


def test_html_evidence_counts_sessions_from_one_and_keeps_the_path_on_hover():
    result = invoke("check", CASES / "mandated-cascade.yaml", "--format", "html",
                    "--lang", "id", "--fail-on", "never")
    assert result.exit_code == 0
    assert '<code title="sessions[0].opening.voluntariness_explained">sesi 1 › ' \
           'opening.voluntariness_explained</code>' in result.output
    assert ">sessions[" not in result.output


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_invalid_cases_in_markdown_and_html_count_sessions_from_one(fmt):
    result = invoke("check", FIXTURES / "verbatim-bad.yaml", "--format", fmt, "--lang", "id")
    assert result.exit_code == 2
    assert "sesi 1 › verbatim: " in result.output and "sessions[0]" not in result.output


# --- what a file says reaches a terminal escaped -------------------------------------

def test_trend_text_escapes_what_the_files_say(tmp_path):
    import datetime
    for n, (case_id, code) in enumerate([("KI-1\u202e", "PR\u202e-01"),
                                         ("KI-2", "PR\u202e-01")]):
        data = patched({"case.id": case_id, "case.counselor.code": code,
                        "sessions[0].date": datetime.date(2026, 10, n + 1)})
        (tmp_path / f"k{n}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True,
                                                            sort_keys=False),
                                             encoding="utf-8")
    (tmp_path / "rusak\u202e.yaml").write_text("format: asas/v1\n", encoding="utf-8")
    result = invoke("trend", tmp_path, "--lang", "id")
    assert "\u202e" not in result.output
    assert "PR\\u202e-01 · 2 kasus" in result.output
    assert "KI-1\\u202e" in result.output and "rusak\\u202e.yaml:" in result.output


def test_the_config_files_language_reaches_our_own_errors(case, monkeypatch):
    (case.parent / "asas.toml").write_text('lang = "id"\n', encoding="utf-8")
    monkeypatch.chdir(case.parent)
    result = invoke("check", case.name, "--redact", "--no-redact", env=_NO_LOCALE)
    assert result.exit_code == 2
    assert "Galat: --redact dan --no-redact (atau --lecturer) saling bertentangan" in \
        result.output
    refused = invoke("check", case.name, "-o", case.name, env=_NO_LOCALE)
    assert "Galat: laporan tidak ditulis menimpa kasus.yaml" in refused.output


def test_the_progress_bar_counts_files_in_the_readers_language():
    import io

    from asas.engine.run.progress import Progress
    for lang, unit in (("en", "files"), ("id", "berkas")):
        out = io.StringIO()
        Progress(4, stream=out, lang=lang)(4)
        assert f" 4/4 {unit}  " in out.getvalue()
