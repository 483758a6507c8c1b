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
        except BaseException as exc:    # noqa: BLE001 - sent back to the parent
            outcome = ("error", exc)
        with os.fdopen(write, "wb") as fh:
            try:
                pickle.dump(outcome, fh)
            except Exception as exc:     # noqa: BLE001
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
