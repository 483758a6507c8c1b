"""The defects of the December 2026 security probe (shared/review/security-2026-12.md),
each pinned by a test built from its reproduction.

Situations with two users (S2, S6, S20) run the victim and the attacker as two other
uids in forked children (root drops its privileges with os.setuid); they are skipped
only when the tests do not run as root.
"""

from __future__ import annotations

import os
import pickle
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from asas.cli import cli
from asas.engine.run.atomic import OutputRefused, refuse_inputs, write_atomic

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "cases"
SECURITY = Path(__file__).parent / "security"
MANY = CASES / "many-failures.yaml"
EXEMPLARY_FILE = CASES / "exemplary.yaml"
VICTIM, ATTACKER = 4242, 5555


def run(*args, input=None):
    return CliRunner().invoke(cli, [str(a) for a in args], input=input,
                              catch_exceptions=False)


def asas(*args, stdin=None, env=None, **kw):
    """``python -m asas`` in a child process (real file descriptors, real signals)."""
    full_env = dict(os.environ, NO_COLOR="1", **(env or {}))
    return subprocess.run([sys.executable, "-m", "asas", *map(str, args)], stdin=stdin,
                          capture_output=True, env=full_env, timeout=120, **kw)


def no_traceback(proc) -> None:
    assert b"Traceback" not in proc.stderr, proc.stderr.decode(errors="replace")


# --- two users ----------------------------------------------------------------------

two_users = pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0,
                               reason="needs root, to run parts as two other users")


def as_user(uid: int, fn, *args):
    """Run ``fn(*args)`` in a forked child as ``uid`` (and gid ``uid``, no other
    groups); return what it returned, or raise what it raised."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:    # the child
        os.close(read)
        try:
            os.setgroups([])
            os.setgid(uid)
            os.setuid(uid)
            outcome = ("ok", fn(*args))
        except BaseException as exc:
            outcome = ("error", exc)
        with os.fdopen(write, "wb") as fh:
            try:
                pickle.dump(outcome, fh)
            except Exception as exc:
                pickle.dump(("error", RuntimeError(repr(exc))), fh)
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as fh:
        data = fh.read()
    os.waitpid(pid, 0)
    kind, value = pickle.loads(data)
    if kind == "error":
        raise value
    return value


@pytest.fixture
def shared(tmp_path):
    """A folder both users can reach (tmp_path's parents are root's alone)."""
    folder = Path(tempfile.mkdtemp(prefix="asas-shared-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def _mkdir(path, mode):
    os.mkdir(path)
    os.chmod(path, mode)
    return str(path)


# --- S1, S12: a written file never replaces an input ---------------------------------

@pytest.mark.parametrize("command", [["grade"], ["grade", "--format", "csv"],
                                     ["trend"], ["trend", "--format", "json"], ["check"]])
def test_s1_no_command_writes_over_the_case_it_reads(tmp_path, command):
    case = tmp_path / "k.yaml"
    shutil.copy(MANY, case)
    before = case.read_bytes()
    (tmp_path / "link.yaml").symlink_to(case)
    os.link(case, tmp_path / "hard.yaml")
    (tmp_path / "sub").mkdir()
    for target in (case, tmp_path / "link.yaml", tmp_path / "hard.yaml",
                   tmp_path / "sub" / ".." / "k.yaml"):
        result = run(*command, case, "-o", target)
        assert result.exit_code == 2, result.output
        assert "refusing to write" in result.output
        assert case.read_bytes() == before
    # an input found in a folder given
    result = run(*command, tmp_path, "-o", tmp_path / "k.yaml")
    assert result.exit_code == 2 and case.read_bytes() == before


def test_s1_grade_never_writes_over_its_rubric(tmp_path):
    rubric = tmp_path / "rubric.yaml"
    rubric.write_text(run("grade", "--print-rubric").output, encoding="utf-8")
    before = rubric.read_bytes()
    for args in (["--print-rubric"], [str(EXEMPLARY_FILE)]):
        result = run("grade", "--rubric", rubric, *args, "-o", rubric)
        assert result.exit_code == 2 and "refusing to write" in result.output
        assert rubric.read_bytes() == before


PROFILES = Path(__file__).parent / "fixtures" / "profiles"


@pytest.mark.parametrize("command", [["check", str(EXEMPLARY_FILE)],
                                     ["grade", str(EXEMPLARY_FILE)],
                                     ["trend", str(EXEMPLARY_FILE)],
                                     ["schema"], ["rules"], ["rules", "--format", "markdown"]])
@pytest.mark.parametrize("which", ["kampus-x.yaml", "kampus-x.rubric.yaml"])
def test_s1_no_command_writes_over_the_profile_it_reads(tmp_path, command, which):
    """A profile file (and the rubric beside it) is read by the command too."""
    for name in ("kampus-x.yaml", "kampus-x.rubric.yaml"):
        shutil.copy(PROFILES / name, tmp_path / name)
    target = tmp_path / which
    before = target.read_bytes()
    result = run(*command, "--profile", tmp_path / "kampus-x.yaml", "-o", target)
    assert result.exit_code == 2, result.output
    assert "refusing to write the report over" in result.output, result.output
    assert target.read_bytes() == before


@pytest.mark.parametrize("command", [["check"], ["grade"], ["trend"], ["rules"]])
def test_s1_no_command_writes_over_the_config_file_it_reads(tmp_path, command, monkeypatch):
    monkeypatch.chdir(tmp_path)     # rules finds the config from the current folder
    case = tmp_path / "k.yaml"
    shutil.copy(EXEMPLARY_FILE, case)
    config = tmp_path / "asas.toml"
    config.write_text('lang = "id"\n', encoding="utf-8")
    for given in ([], ["--config", str(config)] if command == ["check"] else []):
        result = run(*command, *([] if command == ["rules"] else [case]), *given, "-o", config)
        assert result.exit_code == 2, result.output
        assert "tidak ditulis menimpa" in result.output, result.output
        assert config.read_text(encoding="utf-8") == 'lang = "id"\n'


def test_s1_a_different_output_is_still_written(tmp_path):
    case = tmp_path / "k.yaml"
    shutil.copy(MANY, case)
    for command in ("grade", "trend"):
        out = tmp_path / f"{command}.out"
        result = run(command, case, "-o", out)
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 0


@pytest.mark.parametrize("command", ["check", "grade", "trend"])
def test_s12_the_file_on_stdin_is_an_input_too(tmp_path, command):
    case = tmp_path / "s.yaml"
    shutil.copy(MANY, case)
    before = case.read_bytes()
    with open(case, "rb") as fh:
        proc = asas(command, "-", "-o", case, stdin=fh)
    no_traceback(proc)
    assert proc.returncode == 2
    assert b"standard input" in proc.stderr
    assert case.read_bytes() == before


def test_s12_stdin_from_a_pipe_is_not_confused_with_the_output(tmp_path):
    out = tmp_path / "r.json"
    proc = asas("check", "-", "--format", "json", "-o", out, input=MANY.read_bytes())
    assert proc.returncode in (0, 1), proc.stderr
    assert out.read_text(encoding="utf-8").startswith("{")


def test_s12_refuse_inputs_compares_stdin_by_device_and_inode(tmp_path):
    case = tmp_path / "c.yaml"
    case.write_text("x")
    saved = os.dup(0)
    try:
        with open(case, "rb") as fh:
            os.dup2(fh.fileno(), 0)
        with pytest.raises(OutputRefused):
            refuse_inputs(str(case), ["-"])
        refuse_inputs(str(tmp_path / "other.txt"), ["-"])    # another file: fine
    finally:
        os.dup2(saved, 0)
        os.close(saved)


def test_s1_interview_does_not_write_over_its_answers_file(tmp_path):
    # the answers are piped from a file, and that file is then given as the name
    answers = tmp_path / "answers.txt"
    answers.write_text("", encoding="utf-8")
    refuse = pytest.raises(OutputRefused)
    saved = os.dup(0)
    try:
        with open(answers, "rb") as fh:
            os.dup2(fh.fileno(), 0)
        with refuse:
            refuse_inputs(str(answers), ["-"], what="the case file", option="file name")
    finally:
        os.dup2(saved, 0)
        os.close(saved)


# --- S19: a failure to write exits 2 -------------------------------------------------

@pytest.mark.parametrize("args", [["check", EXEMPLARY_FILE, "--no-cache"],
                                  ["check", EXEMPLARY_FILE, "--no-cache", "--format", "json"],
                                  ["check", EXEMPLARY_FILE, "--no-cache", "--format", "html"],
                                  ["grade", EXEMPLARY_FILE], ["trend", EXEMPLARY_FILE],
                                  ["schema"]])
def test_s19_a_failure_to_write_the_output_exits_2(tmp_path, args):
    result = run(*args, "-o", tmp_path / "no" / "dir" / "r.txt")
    assert result.exit_code == 2, result.output
    assert "cannot write" in result.output
    assert not (tmp_path / "no").exists()


def test_s19_init_that_cannot_write_exits_2(tmp_path):
    result = run("init", tmp_path / "no" / "k.yaml")
    assert result.exit_code == 2 and "cannot write" in result.output


# --- S20: --output does not follow another user's link in a shared folder ------------

def _plant(link, target):
    os.symlink(target, link)


def _report(path):
    try:
        write_atomic(path, "the report\n")
    except OutputRefused as exc:
        return f"refused: {exc}"
    return "written"


@two_users
def test_s20_output_does_not_follow_a_link_planted_in_a_sticky_folder(shared):
    victim = Path(_mkdir(shared / "victim", 0o755))
    os.chown(victim, VICTIM, VICTIM)
    precious = victim / "precious.txt"
    precious.write_text("precious\n")
    os.chown(precious, VICTIM, VICTIM)
    sticky = _mkdir(shared / "sticky", 0o1777)
    as_user(ATTACKER, _plant, os.path.join(sticky, "report.txt"), str(precious))
    outcome = as_user(VICTIM, _report, os.path.join(sticky, "report.txt"))
    assert outcome.startswith("refused") and "another user" in outcome
    assert precious.read_text() == "precious\n"
    # the user's own link in the same folder is written through, as documented
    as_user(VICTIM, _plant, os.path.join(sticky, "mine.txt"), str(precious))
    assert as_user(VICTIM, _report, os.path.join(sticky, "mine.txt")) == "written"
    assert precious.read_text() == "the report\n"
    assert os.path.islink(os.path.join(sticky, "mine.txt"))


@two_users
def test_s20_through_the_command_line(shared):
    sticky = _mkdir(shared / "sticky", 0o1777)
    precious = shared / "precious.txt"
    precious.write_text("precious\n")
    case = shared / "ex.yaml"
    shutil.copy(EXEMPLARY_FILE, case)
    case.chmod(0o644)
    as_user(ATTACKER, _plant, os.path.join(sticky, "report.txt"), str(precious))

    def victim_runs():
        result = CliRunner().invoke(cli, ["check", str(case), "--no-cache", "-o",
                                          os.path.join(sticky, "report.txt")])
        return result.exit_code, result.output + repr(result.exception)

    code, output = as_user(VICTIM, victim_runs)
    assert code == 2 and "another user" in output, output
    assert precious.read_text() == "precious\n"


@pytest.mark.parametrize("names", ["latin1", "hostile"])
def test_s4_s8_the_xlsx_gradebook_survives_any_file_name(latin1_folder, hostile_names,
                                                         tmp_path, names):
    """openpyxl refuses a lone surrogate (a name that is not UTF-8) and the control
    characters XML forbids: the workbook shows them escaped, as the text report does."""
    from openpyxl import load_workbook
    folder = latin1_folder if names == "latin1" else hostile_names
    out = tmp_path / "nilai.xlsx"
    proc = asas("grade", folder, "--format", "xlsx", "-o", out)
    no_traceback(proc)
    assert proc.returncode == 0, proc.stderr
    files = [row[0] for row in load_workbook(out).active.iter_rows(min_row=2, values_only=True)]
    if names == "latin1":
        assert [f.rsplit("/", 1)[-1] for f in files] == ["caf\\xe9.yaml"]
    else:
        assert len(files) == len(HOSTILE_NAMES)
        assert any(f.endswith("x\\x1b[2J\\x1b[H\\x1b[32mall principles upheld, no findings"
                              "\\x1b[0m\\x1b[8m.yaml") for f in files), files
        assert not any(_unsafe(f) for f in files), files


@two_users
@pytest.mark.parametrize("slash", ["", "/"])
def test_s20_grade_sheets_do_not_follow_a_folder_link_planted_in_a_sticky_folder(shared,
                                                                                 slash):
    victim = Path(_mkdir(shared / "victim", 0o755))
    os.chown(victim, VICTIM, VICTIM)
    sticky = _mkdir(shared / "sticky", 0o1777)
    case = shared / "ex.yaml"
    shutil.copy(EXEMPLARY_FILE, case)
    case.chmod(0o644)
    as_user(ATTACKER, _plant, os.path.join(sticky, "sheets"), str(victim))
    # every module the sheets need imported here (the child cannot read root's stdlib)
    assert run("grade", case, "--sheets", shared / "warm").exit_code == 0
    shutil.rmtree(shared / "warm")

    def victim_runs(where):
        result = CliRunner().invoke(cli, ["grade", str(case), "--sheets", where])
        return result.exit_code, result.output + repr(result.exception)

    code, output = as_user(VICTIM, victim_runs, os.path.join(sticky, "sheets") + slash)
    assert code == 2 and "another user" in output, output
    assert os.listdir(victim) == []
    # the user's own link is followed, as for --output
    as_user(VICTIM, _plant, os.path.join(sticky, "mine"), str(victim))
    code, output = as_user(VICTIM, victim_runs, os.path.join(sticky, "mine") + slash)
    assert code == 0, output
    assert "index.html" in os.listdir(victim)


# --- S3, S7: nothing from a file name or a value can forge a terminal line -----------

def _unsafe(text: str) -> list[str]:
    """Characters that move the cursor, change the terminal or reorder a line."""
    from asas.engine.report.safe import UNSAFE_KEEP_NEWLINE
    return UNSAFE_KEEP_NEWLINE.findall(text)


HOSTILE_NAMES = [
    "x\x1b[2J\x1b[H\x1b[32mall principles upheld, no findings\x1b[0m\x1b[8m.yaml",
    "a\x1b]8;;http:\u2044\u2044evil.example\x1b\\link\x1b]8;;\x1b\\.yaml",
    "new\nline:1:1: FAKE000 forged finding.yaml",
    "cr\rOVERWRITTEN.yaml",
    "\u00fcn\u00ef\u202elmth.yaml",
    "zero\u200bwidth\u2028sep.yaml",
]


@pytest.fixture
def hostile_names(tmp_path):
    folder = tmp_path / "names"
    folder.mkdir()
    for name in HOSTILE_NAMES:
        shutil.copy(MANY, folder / name)
    return folder


@pytest.mark.parametrize("fmt", ["text", "concise", "github", "csv"])
def test_s3_file_names_cannot_forge_report_lines(hostile_names, fmt):
    result = run("check", hostile_names, "--no-cache", "--format", fmt, "--fail-on", "never")
    assert result.exit_code == 0, result.output
    out = result.output
    assert _unsafe(out) == [] if fmt != "csv" else True
    assert "\x1b" not in out and "\r" not in out.replace("\r\n", "\n")
    assert "FAKE000" not in out or all(not line.startswith("line:1:1: FAKE000")
                                       for line in out.splitlines())
    if fmt == "concise":
        for line in out.splitlines():   # every record is one of ours
            assert line.startswith(str(hostile_names)), line
    if fmt in ("text", "concise"):
        assert "\\x1b[2J" in out and "\\u202e" in out and "\\n" in out


def test_s3_explain_shows_a_hostile_name_and_value_escaped(tmp_path):
    case = tmp_path / "cr\rOVER\x1b[2J.yaml"
    shutil.copy(SECURITY / "cr-title.yaml", case)
    result = run("explain", case, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert _unsafe(result.output) == []
    assert result.output.splitlines()[0].endswith("cr\\rOVER\\x1b[2J.yaml  KI-2026-04")


def test_s7_cr_lf_and_bidi_in_values_are_shown_escaped():
    fixture = SECURITY / "cr-title.yaml"
    for fmt in ("text", "concise", "github"):
        out = run("check", fixture, "--no-cache", "--format", fmt).output
        assert _unsafe(out) == [], fmt
        assert "\r" not in out
    text = run("check", fixture, "--no-cache").output.splitlines()
    # the title stays on the header line: no forged "upheld" line after it
    assert text[0].startswith(str(fixture)) and "Forged\\r\\n" in text[0]
    assert text[1].lstrip().startswith("kerahasiaan") and "violated" in text[1]
    assert "\\u202eredisnoc" in text[0] and "\\u200bhidden" in text[0]


def test_s3_the_escaping_is_exact():
    from asas.engine.report.safe import display_name, safe_name, safe_text
    assert safe_name("a\x1b[1mb\r\n\t\x7f\x9b.yaml") == "a\\x1b[1mb\\r\\n\\t\\x7f\\x9b.yaml"
    assert safe_text("\u202e\u2066\u200b\u2028\ufeff\u061c") == \
        "\\u202e\\u2066\\u200b\\u2028\\ufeff\\u061c"
    assert safe_text("Budi Santoso, ünï, 日本, مرحبا") == "Budi Santoso, ünï, 日本, مرحبا"
    assert safe_text("two\nlines", keep_newline=True) == "two\nlines"
    assert display_name("caf\udce9.yaml") == "caf\\xe9.yaml"
    assert display_name("café.yaml") == "café.yaml"


# --- S8: JUnit well-formed whatever the file name -----------------------------------

def test_s8_junit_is_well_formed_with_control_characters_in_names(hostile_names, tmp_path):
    import xml.etree.ElementTree as ET
    (hostile_names / "ctl\x01\x02\x0b.yaml").write_bytes(MANY.read_bytes())
    (hostile_names / "bad.yaml").write_text("format: asas/v1\ncase: [\n")
    os.rename(hostile_names / "bad.yaml", hostile_names / "bad\x1b]8;;x\x1b\\b.yaml")
    for target in (None, tmp_path / "j.xml"):
        args = ["check", hostile_names, "--no-cache", "--format", "junit"]
        result = run(*args, *(["-o", target] if target else []))
        assert result.exit_code == 2, result.output
        text = target.read_text(encoding="utf-8") if target else result.output
        root = ET.fromstring(text)
        assert len(root.findall("testsuite")) == len(HOSTILE_NAMES) + 2


# --- S4: a file name that is not UTF-8 ---------------------------------------------

CHECK_FORMATS = ["text", "json", "concise", "markdown", "html", "csv", "junit", "sarif",
                 "github"]


@pytest.fixture
def latin1_folder(tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    name = os.path.join(os.fsencode(folder), b"caf\xe9.yaml")
    with open(name, "wb") as fh:
        fh.write(MANY.read_bytes())
    return folder


@pytest.mark.parametrize("fmt", CHECK_FORMATS)
def test_s4_a_non_utf8_name_is_reported_in_every_format(latin1_folder, tmp_path, fmt):
    out = tmp_path / f"r.{fmt}"
    for extra in ([], ["-o", out]):
        proc = asas("check", latin1_folder, "--no-cache", "--fail-on", "never",
                    "--format", fmt, *extra)
        no_traceback(proc)
        assert proc.returncode == 0, proc.stderr
        data = out.read_bytes() if extra else proc.stdout
        text = data.decode("utf-8")              # valid UTF-8 whatever the name
        assert "caf\\xe9" in text.replace("\\\\", "\\") or "caf%E9" in text, text[:400]
    if fmt == "json":
        import json
        assert json.loads(text)["cases"][0]["file"].endswith("caf\\xe9.yaml")


@pytest.mark.parametrize("command", [["grade", "--format", "csv"], ["grade", "--format", "html"],
                                     ["trend", "--format", "json"], ["trend"], ["explain"]])
def test_s4_grade_trend_and_explain_survive_a_non_utf8_name(latin1_folder, tmp_path, command):
    target = os.fsdecode(os.path.join(os.fsencode(latin1_folder), b"caf\xe9.yaml"))
    paths = [target] if command == ["explain"] else [latin1_folder]
    extra = [] if command == ["explain"] else ["-o", tmp_path / "r.out"]
    proc = asas(*command, *paths, *extra)
    no_traceback(proc)
    assert proc.returncode in (0, 1), proc.stderr


# --- S13: closed and full standard streams, a huge --max-bytes ------------------------

def _one_line_exit_2(proc):
    no_traceback(proc)
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    assert len(proc.stderr.decode().strip().splitlines()) == 1, proc.stderr


def test_s13_stdin_closed():
    proc = asas("check", "-", stdin=None, preexec_fn=lambda: os.close(0))
    _one_line_exit_2(proc)
    assert b"standard input" in proc.stderr


def test_s13_stdout_closed():
    proc = subprocess.run([sys.executable, "-m", "asas", "check", str(EXEMPLARY_FILE),
                           "--no-cache"], stderr=subprocess.PIPE, stdout=None,
                          preexec_fn=lambda: os.close(1), timeout=60)
    _one_line_exit_2(proc)
    assert b"standard output" in proc.stderr


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
@pytest.mark.parametrize("fmt", ["text", "html", "json", "sarif"])
def test_s13_stdout_full(fmt):
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "asas", "check", str(MANY), "--no-cache",
                               "--format", fmt], stdout=full, stderr=subprocess.PIPE,
                              timeout=60)
    _one_line_exit_2(proc)
    assert b"No space left" in proc.stderr


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
@pytest.mark.parametrize("args", [["explain", str(EXEMPLARY_FILE)], ["rules"],
                                  ["rules", "--format", "json"], ["rule", "KRH001"],
                                  ["cache", "dir"], ["init"]])
def test_s13_every_command_on_a_full_or_closed_stdout(args, tmp_path):
    """Not only check, grade and trend: every command that prints to standard output."""
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "asas", *args], stdout=full,
                              stderr=subprocess.PIPE, timeout=60, cwd=tmp_path,
                              env=dict(os.environ, HOME=str(tmp_path)))
    _one_line_exit_2(proc)
    assert b"No space left" in proc.stderr
    proc = subprocess.run([sys.executable, "-m", "asas", *args], stderr=subprocess.PIPE,
                          stdout=None, preexec_fn=lambda: os.close(1), timeout=60,
                          cwd=tmp_path, env=dict(os.environ, HOME=str(tmp_path)))
    _one_line_exit_2(proc)
    assert b"standard output" in proc.stderr


def test_s13_output_to_dev_full_is_one_line_too():
    proc = asas("check", EXEMPLARY_FILE, "--no-cache", "-o", "/dev/full")
    _one_line_exit_2(proc)


@pytest.mark.parametrize("limit", ["99999999999999999999", str(2 ** 62)])
def test_s13_huge_max_bytes_with_stdin(limit):
    proc = asas("check", "-", "--no-cache", "--max-bytes", limit,
                input=EXEMPLARY_FILE.read_bytes())
    no_traceback(proc)
    assert proc.returncode == 0, proc.stderr


def test_s13_interview_with_stdin_closed():
    proc = asas("interview", "--lang", "en", stdin=None, preexec_fn=lambda: os.close(0))
    no_traceback(proc)
    assert proc.returncode in (1, 2)


# --- S9, S10: SIGTERM or SIGHUP mid-batch --------------------------------------------

@pytest.fixture(scope="module")
def batch_folder(tmp_path_factory):
    from helpers import generator
    folder = tmp_path_factory.mktemp("batch")
    generator().write_cases(folder, 300, seed=3)
    return folder


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="needs /proc")
@pytest.mark.parametrize("signum", [15, 1])
@pytest.mark.parametrize("fmt,jobs", [("json", "2"), ("html", "2"), ("json", "1")])
def test_s9_s10_a_signal_stops_the_workers_and_leaves_no_temporary(batch_folder, tmp_path,
                                                                   signum, fmt, jobs):
    import time
    out = tmp_path / f"r.{fmt}"
    import signal

    def as_at_a_terminal():     # under nohup the suite's children inherit SIGHUP ignored
        signal.signal(signum, signal.SIG_DFL)
    proc = subprocess.Popen([sys.executable, "-m", "asas", "check", str(batch_folder),
                             "--no-cache", "--jobs", jobs, "--format", fmt, "-o", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            preexec_fn=as_at_a_terminal)
    workers: list[int] = []
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:    # wait until the batch is under way
        workers = _children(proc.pid)
        started = len(workers) >= int(jobs) if jobs != "1" else True
        # a streamed report's temporary is open at once; html waits for every result
        if started and (fmt == "html" or list(tmp_path.glob(".asas-*.tmp"))):
            break
        time.sleep(0.05)
    assert proc.poll() is None, proc.communicate()
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=30)
    assert b"Traceback" not in err, err.decode()
    assert proc.returncode == -signum
    assert list(tmp_path.iterdir()) == []          # no report, no temporary
    time.sleep(0.5)
    assert [w for w in workers if _alive(w)] == []


def test_s9_a_signal_during_a_lazy_import_is_still_the_signal(tmp_path, monkeypatch):
    """A SIGHUP that lands while a class body runs ``__set_name__`` (a lazily imported
    module with dataclasses) reaches the program wrapped in a RuntimeError; it must stop
    the run as the signal does (its exit status, no traceback, no temporary left)."""
    from asas.engine.report import formats
    from asas.engine.run.atomic import Terminated, signal_within
    from asas.engine.run.check import CheckOptions, run_check

    class Signalled:
        def __set_name__(self, owner, name):
            raise Terminated(1)

    def stream_while_importing(*args, **kwargs):
        type("Imported", (), {"field": Signalled()})

    caught: BaseException | None = None
    try:
        stream_while_importing()
    except BaseException as exc:     # a RuntimeError up to Python 3.11; 3.12 passes it on
        caught = exc
    assert isinstance(signal_within(caught), Terminated)
    assert signal_within(RuntimeError("no signal here")) is None

    import dataclasses
    json_format = formats.get("json")
    monkeypatch.setattr(formats, "get", lambda name: dataclasses.replace(
        json_format, stream=stream_while_importing) if name == "json" else json_format)
    out = tmp_path / "r.json"
    code = run_check(CheckOptions(paths=("cases/exemplary.yaml",), fmt="json",
                                  output=str(out), no_cache=True))
    assert code == 128 + 1
    assert list(tmp_path.iterdir()) == []


# --- S21: a filtered report says so, in every format ----------------------------------

@pytest.mark.parametrize("fmt", CHECK_FORMATS)
@pytest.mark.parametrize("lang,words", [("en", "Filtered report"), ("id", "Laporan tersaring")])
def test_s21_the_selection_is_recorded_in_every_format(fmt, lang, words):
    import json
    import xml.etree.ElementTree as ET
    result = run("check", MANY, "--no-cache", "--ignore", "K,F,D,P", "--format", fmt,
                 "--lang", lang, "--fail-on", "never")
    out = result.output
    assert result.exit_code == 0, out
    if fmt == "json":
        assert json.loads(out)["tool"]["selection"] == {"select": None,
                                                        "ignore": ["K", "F", "D", "P"]}
    elif fmt == "sarif":
        inv = json.loads(out)["runs"][0]["invocations"][0]
        assert inv["properties"]["selection"]["ignore"] == ["K", "F", "D", "P"]
    elif fmt == "junit":
        props = ET.fromstring(out).find("testsuite/properties")
        assert {p.get("name"): p.get("value") for p in props}["asas.ignore"] == "K,F,D,P"
    else:
        assert words in out and "K, F, D, P" in out
    complete = run("check", MANY, "--no-cache", "--format", fmt, "--lang", lang,
                   "--fail-on", "never").output
    assert words not in complete and "selection" not in complete


def test_s21_a_streamed_report_equals_its_render():
    import io

    from asas.engine.report.formats import REGISTRY, ReportOptions
    from asas.engine.run.batch import check_paths
    results = check_paths([CASES])
    opts = ReportOptions(select=("KRH",), ignore=("KRH003",))
    for fmt in REGISTRY.values():
        if fmt.stream is None:
            continue
        buf = io.StringIO()
        fmt.stream(iter(results), "id", buf, opts)
        assert buf.getvalue() == fmt.render(results, "id", opts), fmt.name


# --- S17: a batch report in bounded memory ---------------------------------------------

@pytest.fixture(scope="module")
def bundled_results():
    from asas.engine.run.batch import check_paths
    return check_paths([str(CASES)])


@pytest.mark.parametrize("fmt, options", [("html", {}), ("html", {"redact": False,
                                                                  "by_trainee": True}),
                                          ("sarif", {}), ("junit", {}), ("csv", {})])
def test_s17_a_streamed_format_lets_each_result_go(fmt, options, bundled_results):
    """The formats S17 named keep no result once it is written out (bench/memory.py
    measures the memory): while the batch runs, every result but the latest few can be
    collected.  html keeps each case's section in a temporary file and the class
    overview as counts."""
    import copy
    import gc
    import io
    import weakref

    from asas.engine.report.formats import REGISTRY, ReportOptions
    base = bundled_results
    alive: list = []

    def results():
        for n in range(24):
            r = copy.deepcopy(base[n % len(base)])
            alive.append(weakref.ref(r))
            yield r
            del r
            gc.collect()
            kept = [i for i, ref in enumerate(alive[:-3]) if ref() is not None and i >= 2]
            assert not kept, f"{fmt} keeps results {kept}"

    fmt_ = REGISTRY[fmt]
    assert fmt_.stream is not None
    opts = ReportOptions(fail_on="risk", **options)
    buf = io.StringIO()
    fmt_.stream(results(), "id", buf, opts)
    assert len(alive) == 24
    expected = [copy.deepcopy(base[n % len(base)]) for n in range(24)]
    assert buf.getvalue() == fmt_.render(expected, "id", opts)


# --- S2, S6, S11, S22: the result cache ------------------------------------------------

def _entry_path(folder: Path, case: Path) -> Path:
    import hashlib

    from asas.engine.load.types import Limits
    from asas.engine.run.cache import Cache, config_key
    cache = Cache(folder, config_key(None, None, Limits()))
    return cache._path(hashlib.sha256(case.read_bytes()).hexdigest())


def _forged_entry(case: Path, looks_like: Path) -> str:
    """An entry for ``case`` whose result is that of ``looks_like`` (a clean case)."""
    import hashlib
    import json

    from asas.engine.load.types import Limits
    from asas.engine.run.batch import check_paths
    from asas.engine.run.cache import config_key
    from asas.engine.run.codec import to_data
    result = to_data(check_paths([str(looks_like)])[0])
    result["meta"][0] = "\x1b[32mall fine\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\"
    return json.dumps({"config": config_key(None, None, Limits()),
                       "entries": {hashlib.sha256(case.read_bytes()).hexdigest(): result}})


def _write_as_owner(path: str, text: str, mode: int = 0o644):
    os.makedirs(os.path.dirname(path), mode=0o777, exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.chmod(path, mode)


def _check_as_victim(case: str, cache_home: str, home: str):
    os.environ["XDG_CACHE_HOME"] = cache_home
    os.environ.pop("ASAS_CACHE_DIR", None)
    os.environ["HOME"] = home
    result = CliRunner().invoke(cli, ["check", case, "--lang", "en"])
    return result.exit_code, result.output


@pytest.fixture
def two_homes(shared):
    victim = Path(_mkdir(shared / "victim", 0o755))
    os.chown(victim, VICTIM, VICTIM)
    case = shared / "v.yaml"
    shutil.copy(MANY, case)
    case.chmod(0o644)
    sticky = Path(_mkdir(shared / "shared2", 0o1777))
    return victim, case, sticky


@two_users
def test_s2_a_cache_folder_another_user_made_is_not_used(two_homes):
    victim, case, sticky = two_homes
    root = str(sticky / "asas")
    as_user(ATTACKER, _mkdir, root, 0o777)
    entry = str(_entry_path(Path(root), case))
    as_user(ATTACKER, _write_as_owner, entry, _forged_entry(case, EXEMPLARY_FILE))
    code, output = as_user(VICTIM, _check_as_victim, str(case), str(sticky), str(victim))
    assert code == 0, output                        # the findings are found, not forged
    assert "KRH009" in output and "all fine" not in output and "\x1b" not in output
    assert "not using the cache" in output and "another user" in output
    assert sorted(os.listdir(root)) == ["v1"]        # nothing written there (no markers)


@two_users
def test_s2_a_cache_folder_others_can_write_is_not_used_even_if_mine(two_homes):
    victim, case, sticky = two_homes
    root = str(sticky / "asas")
    as_user(VICTIM, _mkdir, root, 0o777)
    code, output = as_user(VICTIM, _check_as_victim, str(case), str(sticky), str(victim))
    assert code == 0 and "not using the cache" in output and "0777" in output
    assert os.listdir(root) == []


@two_users
def test_s2_the_users_own_cache_is_private_and_used(two_homes):
    victim, case, _ = two_homes
    cache_home = str(victim / ".cache")
    first = as_user(VICTIM, _check_as_victim, str(case), cache_home, str(victim))
    again = as_user(VICTIM, _check_as_victim, str(case), cache_home, str(victim))
    assert first == again and first[0] == 0 and "not using" not in first[1]
    assert "KRH009" in first[1]
    root = victim / ".cache" / "asas"
    for path in [root, *root.rglob("*")]:
        st = path.lstat()
        assert st.st_uid == VICTIM
        assert stat.S_IMODE(st.st_mode) in (0o700, 0o600), (path, oct(st.st_mode))


@two_users
def test_s2_an_entry_of_another_user_in_my_cache_is_ignored(two_homes):
    victim, case, _ = two_homes
    cache_home = victim / ".cache"
    as_user(VICTIM, _check_as_victim, str(case), str(cache_home), str(victim))
    entry = _entry_path(cache_home / "asas", case)
    entry.write_text(_forged_entry(case, EXEMPLARY_FILE), encoding="utf-8")   # root's now
    os.chown(entry, ATTACKER, ATTACKER)
    code, output = as_user(VICTIM, _check_as_victim, str(case), str(cache_home), str(victim))
    assert code == 0 and "all fine" not in output and "KRH009" in output


@two_users
def test_s6_markers_are_not_written_through_a_planted_link(two_homes):
    victim, case, sticky = two_homes
    root = str(sticky / "asas")
    as_user(ATTACKER, _mkdir, root, 0o777)
    target = victim / "CREATED-BY-ASAS-VIA-SYMLINK"
    as_user(ATTACKER, _plant, os.path.join(root, ".gitignore"), str(target))
    as_user(VICTIM, _check_as_victim, str(case), str(sticky), str(victim))
    assert not target.exists()


def test_s6_a_marker_link_in_my_own_cache_is_not_followed(tmp_path):
    from asas.engine.load.types import Limits
    from asas.engine.run.cache import Cache, config_key
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    target = tmp_path / "elsewhere.txt"
    (folder / "README.txt").symlink_to(target)
    cache = Cache(folder, config_key(None, None, Limits()))
    cache.put("ab" * 32, {"v": 1})
    assert not target.exists()
    assert (folder / "CACHEDIR.TAG").is_file() and (folder / "README.txt").is_symlink()


def _nested(depth: int):
    value: object = "x"
    for _ in range(depth):
        value = [value]
    return value


@pytest.mark.parametrize("depth", [33, 500, 960, 5000])
def test_s11_a_deeply_nested_entry_is_a_miss_not_a_traceback(tmp_path, depth):
    import json
    cache_dir = tmp_path / "pc"
    case = tmp_path / "ex.yaml"
    shutil.copy(MANY, case)
    first = run("check", case, "--cache-dir", cache_dir, "--format", "json")
    entry = _entry_path(cache_dir, case)
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["entries"][entry.stem]["findings"][0][5]["deep"] = "@@"
    text = json.dumps(data).replace('"@@"', "[" * depth + '"x"' + "]" * depth)
    entry.write_text(text, encoding="utf-8")
    again = CliRunner().invoke(cli, ["check", str(case), "--cache-dir", str(cache_dir),
                                     "--format", "json"])
    assert again.exception is None or isinstance(again.exception, SystemExit), again.output
    assert again.exit_code == first.exit_code and again.output == first.output


def test_s11_a_deep_strength_param_in_the_cache_is_a_miss_not_a_traceback(tmp_path):
    """Found by bench/fuzz.py --security: a strength's parameter nested 400 deep passed
    from_data (only findings' parameters were checked) and raised RecursionError in
    the report."""
    import json
    cache_dir = tmp_path / "pc"
    case = tmp_path / "late.yaml"
    shutil.copy(CASES / "late-repair-later-openness.yaml", case)
    first = run("check", case, "--cache-dir", cache_dir, "--format", "text")
    entry = _entry_path(cache_dir, case)
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["entries"][entry.stem]["strengths"][0][2]["extra"] = "@@"
    entry.write_text(json.dumps(data).replace('"@@"', "[" * 400 + '"x"' + "]" * 400),
                     encoding="utf-8")
    again = CliRunner().invoke(cli, ["check", str(case), "--cache-dir", str(cache_dir),
                                     "--format", "text"])
    assert again.exception is None or isinstance(again.exception, SystemExit), \
        repr(again.exception)
    assert again.exit_code == first.exit_code and again.output == first.output


@pytest.mark.parametrize("part, at", [("strengths", 2), ("defeated", 3)])
@pytest.mark.parametrize("value", [_nested(40), "\x1b[2J", {"k": "\x07"}])
def test_s11_s2_strength_and_defeat_params_are_checked_as_findings_are(part, at, value):
    import json

    from asas.engine.run.batch import check_paths
    from asas.engine.run.codec import BadData, from_data, to_data
    from asas.rules import CATALOG
    r = check_paths([str(CASES / "late-repair-later-openness.yaml")])[0]
    data = json.loads(json.dumps(to_data(r, strict=False), default=str))
    from_data(json.loads(json.dumps(data)), "f.yaml", CATALOG)      # as written: fine
    data[part][0][at]["extra"] = value
    with pytest.raises(BadData):
        from_data(data, "f.yaml", CATALOG)


def _entry_of(name: str):
    import json

    from asas.engine.run.batch import check_paths
    from asas.engine.run.codec import to_data
    r = check_paths([str(CASES / name)])[0]
    return json.loads(json.dumps(to_data(r, strict=False), default=str))


@pytest.mark.parametrize("where", ["principle ids", "principle ids, zero-width",
                                   "derived_from", "parent", "evidence path",
                                   "strength evidence", "strength key"])
def test_s11_s2_every_part_of_an_entry_a_report_prints_is_checked(where):
    """Found by bench/fuzz.py --security: a newline or tab in a principle's finding IDs
    or a finding's derived_from printed as it is in the text report (a forged line);
    an unknown strength key raised KeyError in every report; a strength's evidence
    value was not checked at all."""
    from asas.engine.run.codec import BadData, from_data
    from asas.rules import CATALOG
    name = ("many-failures.yaml"
            if where.startswith(("principle ids", "derived_from", "parent"))
            else "late-repair-later-openness.yaml")
    data = _entry_of(name)
    from_data(_entry_of(name), "f.yaml", CATALOG)       # as written: fine
    if where == "principle ids":
        ids = next(v[2] for v in data["principles"].values() if v[2])
        ids[0] += "\nkerahasiaan  ✓ upheld 100"
    elif where == "principle ids, zero-width":
        next(v[2] for v in data["principles"].values() if v[2])[0] += "\u200d\u202e"
    elif where == "derived_from":
        next(f for f in data["findings"] if f[4])[4][0] += "\t"
    elif where == "parent":
        next(f for f in data["findings"] if f[6])[6][0][0] += "\n"
    elif where == "evidence path":
        data["findings"][0][3][0][0] += "\r"
    elif where == "strength evidence":
        data["strengths"][0][3][0][3] = _nested(40)
    else:
        data["strengths"][0][1] += "_unknown"
    with pytest.raises(BadData):
        from_data(data, "f.yaml", CATALOG)


def test_s11_from_data_turns_any_error_into_bad_data():
    from asas.engine.run.codec import BadData, from_data
    from asas.rules import CATALOG

    class Odd(dict):
        def get(self, *a):
            raise RuntimeError("boom")
    with pytest.raises(BadData):
        from_data(Odd(), "f", CATALOG)


def test_s2_text_with_control_characters_from_the_cache_is_refused(tmp_path):
    import json
    cache_dir = tmp_path / "pc"
    case = tmp_path / "k.yaml"
    shutil.copy(MANY, case)
    first = run("check", case, "--cache-dir", cache_dir)
    entry = _entry_path(cache_dir, case)
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["entries"][entry.stem]["meta"][0] = "\x1b[2Jforged"
    entry.write_text(json.dumps(data), encoding="utf-8")
    again = run("check", case, "--cache-dir", cache_dir)
    assert again.output == first.output and "forged" not in again.output


def test_s22_entries_expire_and_are_pruned(tmp_path):
    import time
    cache_dir = tmp_path / "pc"
    case = tmp_path / "k.yaml"
    shutil.copy(MANY, case)
    run("check", case, "--cache-dir", cache_dir)
    entry = _entry_path(cache_dir, case)
    assert entry.is_file()
    old = time.time() - 31 * 86400
    os.utime(entry, (old, old))
    import hashlib

    from asas.engine.load.types import Limits
    from asas.engine.run.cache import Cache, config_key
    cache = Cache(cache_dir, config_key(None, None, Limits()))
    assert cache.get(hashlib.sha256(case.read_bytes()).hexdigest()) is None
    assert not entry.exists()                        # an expired entry goes when seen
    # prune: by age, then by size (oldest first)
    for i in range(5):
        other = tmp_path / f"c{i}.yaml"
        other.write_bytes(MANY.read_bytes() + f"# {i}\n".encode())
        run("check", other, "--cache-dir", cache_dir)
        stamp = time.time() - (40 - i) * 86400 if i < 2 else time.time() - (10 - i)
        os.utime(_entry_path(cache_dir, other), (stamp, stamp))
    result = run("cache", "prune", "--cache-dir", cache_dir)
    assert result.exit_code == 0 and "2 removed, 3 kept" in result.output, result.output
    size = _entry_path(cache_dir, tmp_path / "c4.yaml").stat().st_size
    result = run("cache", "prune", "--cache-dir", cache_dir, "--max-size", size / 2 ** 20)
    assert "2 removed, 1 kept" in result.output, result.output
    assert _entry_path(cache_dir, tmp_path / "c4.yaml").is_file()     # the newest stays


def test_s22_prune_touches_only_an_asas_cache(tmp_path):
    precious = tmp_path / "thesis"
    precious.mkdir()
    (precious / "v1").mkdir()
    (precious / "v1" / "chapter.json").write_text("{}")
    result = run("cache", "prune", "--cache-dir", precious, "--max-age", "0")
    assert result.exit_code == 2 and (precious / "v1" / "chapter.json").exists()


# --- S15, S16: privacy -----------------------------------------------------------------

@pytest.mark.parametrize("fmt", CHECK_FORMATS)
def test_s15_redact_hides_anchor_and_alias_names(fmt, tmp_path):
    (tmp_path / "al.yaml").write_text("format: asas/v1\ncase: *Budi0812345678\n")
    (tmp_path / "twice.yaml").write_text(
        "format: asas/v1\ncase: &SECRETANCHOR1 {id: x}\nsessions: &SECRETANCHOR1 []\n")
    for lang in ("en", "id"):
        result = run("check", tmp_path, "--no-cache", "--redact", "--format", fmt,
                     "--lang", lang)
        assert result.exit_code == 2
        assert "Budi0812345678" not in result.output and "SECRETANCHOR1" not in result.output
    plain = run("check", tmp_path, "--no-cache", "--format", "concise").output
    assert "Budi0812345678" in plain      # without --redact the message still names it


@pytest.mark.parametrize("fmt", CHECK_FORMATS)
def test_s16_a_withheld_value_is_not_repeated_by_another_finding(fmt):
    fixture = SECURITY / "prv-repeat.yaml"
    result = run("check", fixture, "--no-cache", "--format", fmt, "--fail-on", "never")
    assert result.exit_code == 0, result.output
    for secret in ("0813-9999-8888", "0857-1111-2222", "SECRET_DISCTO", "SECRET_REMARK",
                   "Budi Santoso"):
        assert secret not in result.output, (fmt, secret)
    if fmt == "json":
        import json
        found = json.loads(result.output)["cases"][0]["findings"]
        ids = {f["id"] for f in found}
        assert {"PRV001", "PRV002", "KRH003"} <= ids      # still found, only withheld
        krh003 = next(f for f in found if f["id"] == "KRH003")
        assert "[withheld]" in krh003["message"]


@pytest.mark.parametrize("fmt", CHECK_FORMATS)
def test_s16_a_withheld_value_is_marked_in_the_report_s_language(fmt, tmp_path):
    """``[withheld]`` in English, ``[dirahasiakan]`` in Indonesian, in every format, the
    same whether a worker rendered the case or this process did (a batch of six goes to
    the workers, one file does not), redacted or not."""
    for i in range(6):
        shutil.copy(SECURITY / "prv-repeat.yaml", tmp_path / f"p{i}.yaml")
    base = ["check", "--no-cache", "--format", fmt, "--fail-on", "never", "--no-redact"]
    one = run(*base, SECURITY / "prv-repeat.yaml", "--lang", "id").output
    english = run(*base, SECURITY / "prv-repeat.yaml", "--lang", "en").output
    assert "[withheld]" not in one and "[dirahasiakan]" not in english
    # markdown quotes no evidence value: it shows neither mark
    assert ("[withheld]" in english) == ("[dirahasiakan]" in one) == (fmt != "markdown")
    by_jobs = {jobs: run(*base, tmp_path, "--lang", "id", "--jobs", jobs).output
               for jobs in ("1", "2")}
    assert by_jobs["1"] == by_jobs["2"] and "[withheld]" not in by_jobs["2"]
    redacted = run(*base[:-1], "--redact", tmp_path, "--lang", "id", "--jobs", "2").output
    assert "[withheld]" not in redacted


def test_s16_explain_marks_a_withheld_value_in_the_report_s_language():
    indonesian = run("explain", SECURITY / "prv-repeat.yaml", "--lang", "id").output
    english = run("explain", SECURITY / "prv-repeat.yaml", "--lang", "en").output
    assert "[dirahasiakan]" in indonesian and "[withheld]" not in indonesian
    assert "[withheld]" in english


def test_s16_the_cache_does_not_keep_a_withheld_value(tmp_path):
    fixture = tmp_path / "p.yaml"
    shutil.copy(SECURITY / "prv-repeat.yaml", fixture)
    run("check", fixture, "--cache-dir", tmp_path / "pc")
    entry = _entry_path(tmp_path / "pc", fixture).read_text(encoding="utf-8")
    for secret in ("0813-9999-8888", "0857-1111-2222", "Budi Santoso"):
        assert secret not in entry


def test_s16_scrub_withholds_exact_and_contained_values_only():
    from asas.engine.judge.withhold import scrub, secrets_of
    secrets = secrets_of(["0813-9999-8888", ["ab"], {"x": "Budi Santoso"}])
    assert scrub(("wali kelas", "orang tua 0813-9999-8888"), secrets, "W") == ("wali kelas", "W")
    assert scrub("ab", secrets, "W") == "W" and scrub("abc", secrets, "W") == "abc"
    assert scrub({"a": ["Budi Santoso"]}, secrets, "W") == {"a": ["W"]}


# --- S18: the interview refuses a control character where it is typed -----------------

def test_s18_interview_asks_again_for_an_answer_with_a_control_character(tmp_path):
    from test_interview import BASE_ID, answers_for
    answers = dict(BASE_ID)
    answers["case.title"] = ["\x1b[31mred\x1b[D", "Siswa enggan masuk sekolah"]
    typed = answers_for(answers, "id")
    assert typed.count("\x1b[31mred\x1b[D") == 1
    target = tmp_path / "kasus.yaml"
    result = CliRunner().invoke(cli, ["interview", str(target), "--lang", "id"],
                                input="\n".join(typed) + "\n")
    assert result.exit_code == 0, result.output
    assert "karakter kendali (U+001B" in result.output
    text = target.read_text(encoding="utf-8")
    assert "title: Siswa enggan masuk sekolah" in text and "\x1b" not in text
