"""CI formats that show the right thing: GitHub annotations within GitHub's limits, the
step summary, the format chosen under GitHub Actions and by ASAS_FORMAT, the terminal
conventions (--quiet, --color, FORCE_COLOR, NO_COLOR, TERM=dumb), the outgoing formats
redacted by default, and --only-case-files for the pre-commit hook."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from asas.cli import cli

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "cases"
BUNDLED = sorted(str(p) for p in CASES.glob("*.yaml"))
EXEMPLARY = str(CASES / "exemplary.yaml")
VIOLATION = str(CASES / "recording-staff-room.yaml")
INVALID = str(ROOT / "tests" / "invalid" / "wrong-values.yaml")
ANSI = "\x1b["
CI_VARS = ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "ASAS_FORMAT", "FORCE_COLOR",
           "CLICOLOR_FORCE", "NO_COLOR", "TERM")


@pytest.fixture(autouse=True)
def _no_ci_environment(monkeypatch):
    """These tests set the CI variables themselves: none leaks in from the machine (or
    from a CI that runs them)."""
    for var in CI_VARS:
        monkeypatch.delenv(var, raising=False)


def run(*args, env=None):
    return CliRunner().invoke(cli, ["check", "--no-cache", *map(str, args)], env=env or {})


# --- a parser of workflow commands, as actions/runner has it ---------------------------
# src/Runner.Common/ActionCommand.cs, TryParseV2: the line, leading space trimmed, starts
# with "::"; the command info runs to the next "::"; its name to the first space; the
# properties are split on "," (empty entries dropped), each on the first "=", and
# unescaped; the data is everything after the second "::", unescaped.  The mappings are
# undone in the runner's own order, %25 last.

COMMANDS = {"error", "warning", "notice", "debug", "group", "endgroup", "add-mask",
            "add-matcher", "remove-matcher", "echo", "stop-commands", "save-state",
            "set-output", "set-env", "add-path"}
DATA_UNESCAPE = (("%0D", "\r"), ("%0A", "\n"), ("%25", "%"))
PROPERTY_UNESCAPE = (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%"))


def _unescape(text: str, mappings) -> str:
    for replacement, token in mappings:
        text = text.replace(replacement, token)
    return text


def parse_command(line: str):
    """``(command, properties, data)`` as the runner reads ``line``, or None when the
    runner would take it for plain output."""
    message = line.lstrip()
    if not message.startswith("::"):
        return None
    end = message.find("::", 2)
    if end < 0:
        return None
    info = message[2:end]
    space = info.find(" ")
    name = info if space < 0 else info[:space]
    if name not in COMMANDS:
        return None
    props: dict[str, str] = {}
    if space > 0:
        for item in (p for p in info[space + 1:].strip().split(",") if p):
            pair = [p for p in item.split("=", 1) if p]
            if len(pair) == 2:
                props[pair[0].lower()] = _unescape(pair[1], PROPERTY_UNESCAPE)
    return name, props, _unescape(message[end + 2:], DATA_UNESCAPE)


def annotations(text: str) -> list:
    out = []
    for line in text.splitlines():
        parsed = parse_command(line)
        assert parsed is not None, f"not a workflow command: {line!r}"
        out.append(parsed)
    return out


def test_the_parser_is_the_runners():
    assert parse_command("::warning file=a%2Cb.yaml,line=3::x%250A%0Ay") == (
        "warning", {"file": "a,b.yaml", "line": "3"}, "x%0A\ny")
    assert parse_command("  ::error::m") == ("error", {}, "m")
    assert parse_command("::nonsense::m") is None
    assert parse_command("plain ::error::m") is None


# --- annotations within GitHub's limits ----------------------------------------------

def _counts(text):
    kinds = [a[0] for a in annotations(text)]
    return {k: kinds.count(k) for k in ("error", "warning", "notice")}


def test_at_most_ten_annotations_of_each_type_the_rest_counted():
    result = run("--format", "github", "--fail-on", "never", *BUNDLED)
    assert result.exit_code == 0, result.output
    found = annotations(result.output)
    counts = _counts(result.output)
    assert all(n <= 10 for n in counts.values()), counts
    report = json.loads(run("--format", "json", "--fail-on", "never", *BUNDLED).output)
    total = {"error": 0, "warning": 0, "notice": 0}
    for case in report["cases"]:
        for f in case.get("findings", []):
            total[{"violation": "error", "risk": "warning", "advice": "notice"}[f["severity"]]] += 1
    assert total["warning"] > 10 and total["notice"] > 10    # the example cases overflow
    for kind in ("warning", "notice"):
        mine = [a for a in found if a[0] == kind]
        assert len(mine) == 10
        note = mine[-1]
        assert note[1] == {"title": "asas"} and "file" not in note[1]
        more = int(re.match(r"(\d+) more", note[2])[1])
        assert more + 9 == total[kind]              # 9 shown + the note = GitHub's 10
        assert "full report" in note[2]             # no step summary was written
    # fewer than ten errors: all shown, no note
    assert counts["error"] == total["error"] <= 10
    assert all("file" in a[1] for a in found if a[0] == "error")


def test_most_severe_first_then_most_certain():
    out = run("--format", "github", "--fail-on", "never", *BUNDLED, INVALID).output
    found = annotations(out)
    kinds = [a[0] for a in found]
    assert kinds == sorted(kinds, key=["error", "warning", "notice"].index)
    errors = [a for a in found if a[0] == "error" and "file" in a[1]]
    assert len(errors) == 9 and found[len(errors)][1] == {"title": "asas"}   # overflow
    ids = [a[1]["title"].split(" ")[0] for a in errors]
    # the violations of the batch come before the invalid file's errors
    first_invalid = ids.index("INVALID")
    assert all(i != "INVALID" for i in ids[:first_invalid])
    assert all(i == "INVALID" for i in ids[first_invalid:])
    report = json.loads(run("--format", "json", "--fail-on", "never", *BUNDLED).output)
    from asas.engine.report.formats.github import github_path
    cf = {(github_path(c["file"]), f["line"], f["id"]): f["certainty"]
          for c in report["cases"] for f in c.get("findings", [])}
    for kind in ("error", "warning"):
        shown = [cf[(a[1]["file"], int(a[1]["line"]), a[1]["title"].split(" ")[0])]
                 for a in found if a[0] == kind and "file" in a[1]
                 and not a[1]["title"].startswith("INVALID")]
        assert shown == sorted(shown, reverse=True), (kind, shown)


def test_the_filter_notice_counts_against_the_notices():
    out = run("--format", "github", "--fail-on", "never", "--ignore", "KSR", *BUNDLED).output
    found = annotations(out)
    assert found[0][0] == "notice" and "Filtered report" in found[0][2]
    assert _counts(out)["notice"] == 10


def test_overflow_note_in_indonesian():
    out = run("--format", "github", "--fail-on", "never", "--lang", "id", *BUNDLED).output
    notes = [a for a in annotations(out) if a[1] == {"title": "asas"}]
    assert notes and all("lainnya tidak ditampilkan sebagai anotasi" in n[2] for n in notes)
    assert any("temuan risiko" in n[2] for n in notes)


def test_every_line_round_trips_through_the_runner(tmp_path):
    """File names with , : % and spaces; messages with % (KGT002: "70%") and the
    recommendation on a second line."""
    folder = tmp_path / "kelas A, 2026:sem 1"
    folder.mkdir()
    names = []
    for i, case in enumerate(("advice-in-decision-session", "coordination-breach")):
        target = folder / f"kasus {i} 100%,final.yaml"
        target.write_bytes((CASES / f"{case}.yaml").read_bytes())
        names.append(target)
    result = CliRunner().invoke(cli, ["check", "--no-cache", "--format", "github",
                                      "--no-redact", *map(str, names)])
    report = json.loads(run("--format", "json", "--no-redact", *names).output)
    findings = {(c["file"], f["line"], f["id"]): f
                for c in report["cases"] for f in c["findings"]}
    found = annotations(result.output)
    assert found
    assert any("%" in a[2] for a in found)              # "70%" came back as written
    for kind, props, data in found:
        if props == {"title": "asas"}:
            continue
        assert props["file"] in {str(n) for n in names}
        rule = props["title"].split(" ", 1)[0]
        f = findings[(props["file"], int(props["line"]), rule)]
        assert props["title"] == f"{rule} {f['title']}"
        assert data == f"{f['message']}\n→ {f['recommendation']}"
        assert int(props["col"]) == f["column"]


def test_paths_have_no_dot_slash_prefix(tmp_path, monkeypatch):
    (tmp_path / "cases").mkdir()
    (tmp_path / "cases" / "x.yaml").write_bytes(Path(VIOLATION).read_bytes())
    monkeypatch.chdir(tmp_path)
    for given in (".", "./cases", "./cases/x.yaml", "cases/./x.yaml"):
        found = annotations(run("--format", "github", given).output)
        assert {a[1]["file"] for a in found if "file" in a[1]} == {"cases/x.yaml"}, given
    # from a subfolder of a repository: still from the repository's root, as sarif
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path / "cases")
    for given in (".", "x.yaml", "./x.yaml"):
        found = annotations(run("--format", "github", given).output)
        assert {a[1]["file"] for a in found if "file" in a[1]} == {"cases/x.yaml"}, given


# --- the step summary ----------------------------------------------------------------

def test_step_summary_appended_and_redacted(tmp_path):
    summary = tmp_path / "step_summary.md"
    summary.write_text("# Earlier step\n\nkept as it was\n", encoding="utf-8")
    secret = _secret_case(tmp_path)
    env = {"GITHUB_STEP_SUMMARY": str(summary)}
    result = run("--format", "github", "--fail-on", "never", secret, *BUNDLED, env=env)
    assert result.exit_code == 0, result.output
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# Earlier step\n\nkept as it was\n\n## ")
    assert "| case | trainee |" in text                          # the class matrix
    assert "Rahasiawan" not in text and "\\[redacted\\]" in text   # redacted by default
    assert "Rahasiawan" not in result.output
    # every finding is listed, the annotations point there
    rows = [line for line in text.splitlines() if re.match(r"\| [✗!·] \|", line)]
    report = json.loads(run("--format", "json", "--fail-on", "never", secret,
                            *BUNDLED).output)
    assert len(rows) == sum(len(c.get("findings", [])) for c in report["cases"])
    notes = [a for a in annotations(result.output) if a[1] == {"title": "asas"}]
    assert notes and all("job summary" in n[2] for n in notes)
    # a second step appends again
    run("--format", "github", VIOLATION, env=env)
    again = summary.read_text(encoding="utf-8")
    assert again.startswith(text) and again.count("## asas") == 2


def test_step_summary_not_redacted_with_no_redact(tmp_path):
    summary = tmp_path / "s.md"
    result = run("--format", "github", "--no-redact", _secret_case(tmp_path),
                 env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.exit_code == 1
    assert "Rahasiawan" in summary.read_text(encoding="utf-8")
    assert "Rahasiawan" in result.output


def test_step_summary_only_for_github_and_never_over_a_case_file(tmp_path):
    summary = tmp_path / "s.md"
    run("--format", "text", VIOLATION, env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert not summary.exists()
    case = tmp_path / "case.yaml"
    case.write_bytes(Path(VIOLATION).read_bytes())
    before = case.read_bytes()
    result = run("--format", "github", case, env={"GITHUB_STEP_SUMMARY": str(case)})
    assert case.read_bytes() == before
    assert "left as it is" in result.output          # said on standard error
    assert result.exit_code == 1                     # the status is the check's


# --- the format under GitHub Actions, ASAS_FORMAT ------------------------------------

def test_github_format_under_github_actions(tmp_path):
    out = run(VIOLATION, env={"GITHUB_ACTIONS": "true"}).output
    assert annotations(out)
    assert run(VIOLATION, env={"GITHUB_ACTIONS": "false"}).output.startswith(
        str(VIOLATION))                               # text
    target = tmp_path / "r.txt"                       # a report to a file: text
    run(VIOLATION, "-o", target, env={"GITHUB_ACTIONS": "true"})
    assert not target.read_text(encoding="utf-8").startswith("::")
    # --format, ASAS_FORMAT and the config file win over the detection
    assert not run(VIOLATION, "--format", "concise",
                   env={"GITHUB_ACTIONS": "true"}).output.startswith("::")
    assert run(VIOLATION, env={"GITHUB_ACTIONS": "true", "ASAS_FORMAT": "concise"}
               ).output.startswith(f"{VIOLATION}:")
    config = tmp_path / "asas.toml"
    config.write_text('format = "concise"\n', encoding="utf-8")
    assert run(VIOLATION, "--config", config, env={"GITHUB_ACTIONS": "true"}
               ).output.startswith(f"{VIOLATION}:")


def test_asas_format_precedence(tmp_path):
    config = tmp_path / "asas.toml"
    config.write_text('format = "json"\n', encoding="utf-8")
    env = {"ASAS_FORMAT": "concise"}
    assert run(VIOLATION, "--config", config, env=env).output.startswith(f"{VIOLATION}:")
    assert run(VIOLATION, "--config", config, "--format", "csv", env=env
               ).output.startswith("file,")
    assert json.loads(run(VIOLATION, "--config", config).output)


@pytest.mark.parametrize("lang,words", [("en", "is not a report format"),
                                        ("id", "bukan format laporan")])
def test_a_wrong_asas_format_is_a_usage_error(lang, words):
    result = run(VIOLATION, "--lang", lang, env={"ASAS_FORMAT": "githb"})
    assert result.exit_code == 2
    assert f"ASAS_FORMAT=githb {words}" in result.output and "github" in result.output


# --- colour and the terminal ---------------------------------------------------------

class _Tty:
    def isatty(self):
        return True


@pytest.mark.parametrize("env,colour", [
    ({}, True),
    ({"NO_COLOR": ""}, True),                 # no-color.org: only a non-empty value
    ({"NO_COLOR": "1"}, False),
    ({"TERM": "dumb"}, False),
    ({"FORCE_COLOR": "1", "TERM": "dumb"}, True),
    ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),
])
def test_colour_at_a_terminal(env, colour):
    from asas.engine.run.progress import use_color
    assert use_color(None, False, _Tty(), env) is colour


@pytest.mark.parametrize("env,colour", [
    ({}, False), ({"FORCE_COLOR": "1"}, True), ({"CLICOLOR_FORCE": "1"}, True),
    ({"FORCE_COLOR": ""}, False), ({"FORCE_COLOR": "1", "NO_COLOR": "x"}, False),
])
def test_colour_into_a_pipe(env, colour):
    out = run(VIOLATION, env=env).output
    assert (ANSI in out) is colour


def test_color_option(tmp_path):
    assert ANSI in run(VIOLATION, "--color", "always").output
    assert ANSI in run(VIOLATION, "--color", "always", env={"NO_COLOR": "1"}).output
    assert ANSI not in run(VIOLATION, "--color", "never", env={"FORCE_COLOR": "1"}).output
    target = tmp_path / "r.txt"
    run(VIOLATION, "-o", target, env={"FORCE_COLOR": "1"})
    assert ANSI not in target.read_text(encoding="utf-8")    # a file: only when asked
    run(VIOLATION, "-o", target, "--color", "always")
    assert ANSI in target.read_text(encoding="utf-8")
    assert run(VIOLATION, "--color", "sometimes").exit_code == 2


def test_no_progress_bar_on_a_dumb_terminal(monkeypatch):
    from asas.engine.run.check import show_progress
    monkeypatch.setenv("TERM", "xterm")
    assert show_progress(False, None, 5, _Tty(), _Tty())
    monkeypatch.setenv("TERM", "dumb")
    assert not show_progress(False, None, 5, _Tty(), _Tty())


# --- --quiet -------------------------------------------------------------------------

def test_quiet_shows_only_the_files_that_fail():
    result = run("-q", EXEMPLARY, VIOLATION, INVALID)
    assert result.exit_code == 2
    out = result.output
    assert VIOLATION in out and INVALID in out
    assert EXEMPLARY not in out
    assert "Summary" not in out
    loud = run(EXEMPLARY, VIOLATION, INVALID).output
    assert EXEMPLARY in loud and "Summary" in loud


def test_quiet_prints_nothing_when_everything_passes():
    result = run("--quiet", EXEMPLARY, str(CASES / "mandated-cascade.yaml"))  # risks only
    assert result.exit_code == 0 and result.output == ""
    result = run("--quiet", "--format", "concise", "--ignore", "DOC", EXEMPLARY)
    assert result.exit_code == 0 and result.output == ""   # not even the filter's line


def test_quiet_follows_fail_on():
    risky = str(CASES / "mandated-cascade.yaml")
    assert risky in run("-q", "--fail-on", "risk", risky).output
    out = run("-q", "--fail-on", "never", "--format", "concise", VIOLATION, INVALID).output
    assert out and all(line.startswith(f"{INVALID}:") for line in out.splitlines())


def test_quiet_concise_keeps_whole_failing_files():
    out = run("-q", "--format", "concise", EXEMPLARY, VIOLATION).output
    full = run("--format", "concise", VIOLATION).output
    assert out == full


def test_quiet_leaves_machine_formats_alone():
    assert run("-q", "--format", "json", EXEMPLARY, VIOLATION).output == \
        run("--format", "json", EXEMPLARY, VIOLATION).output


# --- outgoing formats are redacted by default ----------------------------------------

def _secret_case(tmp_path) -> Path:
    """coordination-breach, its disclosure made to a name that must not leave the
    machine (the message quotes it)."""
    text = (CASES / "coordination-breach.yaml").read_text(encoding="utf-8")
    assert "to: wali kelas" in text
    target = tmp_path / "secret.yaml"
    target.write_text(text.replace("to: wali kelas", "to: Pak Rahasiawan"), encoding="utf-8")
    return target


@pytest.mark.parametrize("fmt", ["sarif", "github", "junit", "gitlab"])
def test_outgoing_formats_are_redacted_unless_no_redact(fmt, tmp_path):
    secret = _secret_case(tmp_path)
    quiet = run("--format", fmt, secret).output
    # sarif's markdown text escapes the brackets (\\[redacted\\], JSON-escaped too)
    assert "Rahasiawan" not in quiet and "redacted" in quiet
    assert "Rahasiawan" in run("--format", fmt, "--no-redact", secret).output


@pytest.mark.parametrize("fmt", ["text", "json", "concise", "csv", "markdown"])
def test_formats_that_stay_on_the_machine_are_as_before(fmt, tmp_path):
    assert "Rahasiawan" in run("--format", fmt, _secret_case(tmp_path)).output


def test_the_redaction_table_is_the_one_place():
    from asas.engine.report.formats import REDACTED_BY_DEFAULT, REGISTRY, redacts
    assert {n for n, v in REDACTED_BY_DEFAULT.items() if v == "always"} >= {
        "sarif", "github", "junit", "gitlab"}
    for name, fmt in REGISTRY.items():
        assert fmt.redaction == REDACTED_BY_DEFAULT.get(name, "never")
        assert redacts(name, True) is True and redacts(name, False) is False
    assert redacts("html", None, 1) is False and redacts("html", None, 2) is True
    assert redacts("html", None) is None and redacts("text", None) is False


def test_html_batch_default_comes_from_the_table(tmp_path, monkeypatch):
    from asas.engine.report import formats
    secret = _secret_case(tmp_path)
    two = [secret, EXEMPLARY]
    assert "Rahasiawan" not in run("--format", "html", *two).output
    assert "Rahasiawan" in run("--format", "html", secret).output
    monkeypatch.setitem(formats.REDACTED_BY_DEFAULT, "html", "always")
    assert "Rahasiawan" not in run("--format", "html", secret).output
    monkeypatch.setitem(formats.REDACTED_BY_DEFAULT, "html", "never")
    assert "Rahasiawan" in run("--format", "html", *two).output


@pytest.mark.parametrize("lang,words", [("en", "uploaded to a code host"),
                                        ("id", "diunggah ke layanan kode")])
def test_help_says_which_formats_are_redacted(lang, words):
    out = CliRunner().invoke(cli, ["check", "--help", "--lang", lang]).output
    assert words in re.sub(r"\s+", " ", out)


# --- --only-case-files and the pre-commit hook ---------------------------------------

def _project(tmp_path) -> Path:
    (tmp_path / "mkdocs.yml").write_text("site_name: Kelas BK\nnav:\n  - index.md\n",
                                         encoding="utf-8")
    (tmp_path / "docker-compose.yml").write_text(
        "services:\n  web:\n    image: nginx\n    logging:\n      options:\n"
        "        format: json\n", encoding="utf-8")
    (tmp_path / "passing.yaml").write_bytes(Path(EXEMPLARY).read_bytes())
    return tmp_path


def test_only_case_files_skips_other_yaml(tmp_path):
    project = _project(tmp_path)
    files = [project / "mkdocs.yml", project / "docker-compose.yml", project / "passing.yaml"]
    assert run(*files).exit_code == 2                     # without it: invalid files
    result = run("--only-case-files", *files)
    assert result.exit_code == 0, result.output
    assert "mkdocs.yml: skipped, not a case file" in result.output    # standard error
    assert "1 file," in result.output
    quiet = run("--only-case-files", "-q", *files)
    assert quiet.exit_code == 0 and quiet.output == ""
    indo = run("--only-case-files", "--lang", "id", project / "mkdocs.yml").output
    assert "dilewati, bukan berkas kasus" in indo


@pytest.mark.parametrize("text", [
    "format: asas/v2\ncase: {}\n",                        # misspelt: still checked
    "{format: asas/v1, case: {id: X}}\n",                 # a flow mapping
    "# yaml-language-server: $schema=asas-v1.schema.json\ncase: {}\n",
    "\ufeff'format': \"asas/v1\"\n",
])
def test_only_case_files_errs_toward_checking(tmp_path, text):
    path = tmp_path / "draft.yaml"
    path.write_text(text, encoding="utf-8")
    result = run("--only-case-files", "--format", "concise", path)
    assert result.exit_code == 2 and f"{path}:" in result.output


def test_only_case_files_checks_what_it_cannot_read(tmp_path):
    wide = tmp_path / "notepad.yaml"
    wide.write_bytes(Path(EXEMPLARY).read_text(encoding="utf-8").encode("utf-16"))
    missing = tmp_path / "gone.yaml"
    result = run("--only-case-files", "--format", "concise", wide, missing)
    assert result.exit_code == 2
    assert f"{wide}:" in result.output and f"{missing}:" in result.output


def test_pre_commit_hooks_are_quiet_and_only_case_files(tmp_path, monkeypatch):
    hooks = {h["id"]: h for h in yaml.safe_load(
        (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    project = _project(tmp_path)
    monkeypatch.chdir(project)
    staged = ["mkdocs.yml", "docker-compose.yml", "passing.yaml"]
    for hook in hooks.values():
        entry = shlex.split(hook["entry"])
        assert entry[:2] == ["asas", "check"]
        assert "--only-case-files" in entry and "--quiet" in entry
        assert all(re.search(hook["files"], name) for name in staged)
        # as pre-commit calls it: the entry, then the staged files
        result = CliRunner().invoke(cli, [*entry[1:], "--no-cache", *staged])
        assert result.exit_code == 0, (hook["id"], result.output)
        assert result.output == "", hook["id"]       # a passing commit prints nothing
    (project / "broken.yaml").write_bytes(Path(VIOLATION).read_bytes())
    entry = shlex.split(hooks["asas-check"]["entry"])
    result = CliRunner().invoke(cli, [*entry[1:], "--no-cache", *staged, "broken.yaml"])
    assert result.exit_code == 1 and "broken.yaml" in result.output
    assert "passing.yaml" not in result.output
