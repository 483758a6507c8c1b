"""Hostile and broken input: every one gets a clear, located message, quickly, with
bounded memory, and the rest of the batch is still checked.  Reports are written
whole or not at all, and never over an input.

tests/hostile/ holds small hostile files, each with the message it must produce: a
``# expect: <substring>`` line at its top, or a sidecar ``<name>.expect`` for files
that cannot carry a comment (UTF-16, binary, empty).  The substring is matched
against ``file:line:column: path: message``.  Big inputs are generated here, into
tmp_path, never committed.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from asas.cli import cli
from asas.engine.load import read as load_module
from asas.engine.load.discover import case_paths
from asas.engine.load.loader import load_bytes, load_file
from asas.engine.load.types import Limits
from asas.engine.run.atomic import OutputRefused, refuse_inputs, write_atomic
from asas.engine.run.batch import check_paths

from helpers import EXEMPLARY, dump

HOSTILE = Path(__file__).parent / "hostile"
FIXTURES = sorted(p for p in HOSTILE.iterdir() if not p.name.endswith(".expect"))


def expectations(path: Path) -> list[str]:
    sidecar = path.with_name(path.name + ".expect")
    if sidecar.exists():
        return [line for line in sidecar.read_text(encoding="utf-8").splitlines() if line]
    text = path.read_bytes().decode("utf-8", "replace")
    return [line[len("# expect: "):] for line in text.splitlines()
            if line.startswith("# expect: ")]


DENIED = "permission denied (the file's owner can allow reading it)"


def located(loaded) -> list[str]:
    """Each error as ``file:line:col: path: message``, the path as the JSON report has it."""
    return [f"{loaded.file}:{e.line}:{e.column}: " + (f"{e.path}: " if e.path else "")
            + e.message for e in loaded.errors]


def run(*args, input=None):
    result = CliRunner().invoke(cli, list(args), input=input)
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        result.exception
    assert "Traceback" not in result.output
    return result


HANG = 60  # seconds: far beyond any slow machine, short of an unbounded expansion


class Hung(Exception):
    pass


def no_hang(fn, *args, **kwargs):
    """Fails only on a hang, never on a slow machine: speed is the benchmark's business
    (bench/limits.py, docs/limits.md), not a test's."""
    def alarm(signum, frame):
        raise Hung(f"{fn.__name__} still running after {HANG} s")
    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(HANG)
    try:
        return fn(*args, **kwargs)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# -- the fixture folder -----------------------------------------------------------
@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_hostile_fixture_gets_its_message(path):
    wanted = expectations(path)
    assert wanted, f"{path.name} says nothing about the message it must produce"
    loaded = no_hang(load_file, str(path))
    assert not loaded.valid
    got = located(loaded)
    for substring in wanted:
        assert any(substring in line for line in got), (substring, got)
    for line in got:  # file:line:col: ...
        assert line.startswith(f"{path}:"), line
        line_no, col, _ = line[len(str(path)) + 1:].split(":", 2)
        assert line_no.isdigit() and col.isdigit(), line


def test_the_whole_folder_through_the_cli():
    result = run("check", "--format", "json", str(HOSTILE))
    assert result.exit_code == 2
    report = json.loads(result.output)
    assert report["summary"]["invalid"] == len(FIXTURES)
    assert all(not c["valid"] and c["errors"] for c in report["cases"])


@pytest.mark.parametrize("tag", [
    "!!python/object/apply:os.system [{cmd!r}]",
    "!!python/object/apply:subprocess.call [[sh, -c, {cmd!r}]]",
    "!!python/object/new:os.system [{cmd!r}]",
])
def test_nothing_in_the_python_tags_runs(tmp_path, tag):
    """A tag that would run a command under an unsafe loader leaves no trace: the
    payload is loaded here, and the file it would create does not appear."""
    marker = tmp_path / "pwned"
    payload = tag.format(cmd=f"touch {marker}")
    data = (f"format: asas/v1\ncase:\n  id: KI-H\n  title: {payload}\n"
            "  client: {pseudonym: Siswa A}\nsessions: [{number: 1}]\n").encode()
    loaded = load_bytes(data, "tagged.yaml")
    assert not loaded.valid
    assert any("is not allowed" in e.message for e in loaded.errors)
    assert not marker.exists()


# -- generated: big, deep, many ----------------------------------------------------
HEAD = b"format: asas/v1\ncase: {id: KI-G, client: {pseudonym: Siswa A}}\n"


def test_a_50_mb_file_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "big.yaml"
    with open(big, "wb") as fh:
        fh.write(HEAD + b"notes: |\n")
        chunk = b"  " + b"x" * 1022 + b"\n"
        for _ in range(50 * 1024):
            fh.write(chunk)
    loaded = no_hang(load_file, str(big))
    assert "over the limit of 2,097,152; raise it with --max-bytes" in located(loaded)[0]


def test_a_big_stdin_is_read_only_up_to_the_limit():
    data = HEAD + b"x: '" + b"y" * (3 * 1024 * 1024) + b"'\n"
    result = run("check", "-", input=data)
    assert result.exit_code == 2
    assert "<stdin>:1:1: file is 2,097,153 bytes, over the limit" in result.output


@pytest.mark.parametrize("text, where", [
    ("[" * 100_000, "nested deeper than 64 levels"),
    ("- " * 5_000 + "x\n", "nested deeper than 64 levels"),
    ("".join("  " * i + "a:\n" for i in range(100)), "nested deeper than 64 levels"),
    ("{a: " * 50_000, "nested deeper than 64 levels"),
    ("[" + "1," * 300_000 + "1]\n", "more than 200,000 YAML nodes; raise the limit"),
])
def test_deep_and_wide_yaml_is_refused_quickly(text, where):
    loaded = no_hang(load_bytes, text.encode(), "g.yaml")
    assert any(where in line for line in located(loaded)), located(loaded)


def test_deep_nesting_within_a_raised_limit_never_recurses():
    text = "format: asas/v1\nx: " + "[" * 900 + "]" * 900 + "\n"
    loaded = load_bytes(text.encode(), "g.yaml", Limits(max_depth=5000))
    assert any("unknown key 'x'" in line for line in located(loaded))


def test_thousands_of_sessions_are_refused_quickly():
    data = HEAD + b"sessions:\n" + b"".join(b"  - {number: %d}\n" % (i + 1) for i in range(5000))
    loaded = no_hang(load_bytes, data, "g.yaml")
    assert located(loaded) == [
        "g.yaml:4:3: 5,000 sessions is more than the limit of 500; raise it with --max-sessions"]


def test_limits_are_raised_by_flags(tmp_path):
    path = tmp_path / "many.yaml"
    path.write_bytes(HEAD + b"sessions:\n" + b"".join(b"  - {number: %d}\n" % (i + 1)
                                                     for i in range(30)))
    assert "--max-sessions" in run("check", str(path), "--max-sessions", "20").output
    assert run("check", str(path), "--max-sessions", "30").exit_code in (0, 1)
    assert "--max-bytes" in run("check", str(path), "--max-bytes", "100").output
    assert "--max-nodes" in run("check", str(path), "--max-nodes", "50").output
    assert "--max-depth" in run("check", str(path), "--max-depth", "2").output
    assert run("check", str(path), "--max-depth", "0").exit_code == 2  # usage error


def test_a_long_key_is_clipped_in_its_message():
    # YAML allows plain keys of 1024 characters; an explicit key ("? ") has no bound
    data = HEAD + b"sessions: [{number: 1}]\n? " + b"k" * 100_000 + b"\n: 1\n"
    loaded = no_hang(load_bytes, data, "g.yaml")
    [line] = located(loaded)
    assert len(line) < 300 and "unknown key 'kkkkkkkk" in line and "...'" in line


def test_a_very_long_free_text_is_checked_in_bounded_time():
    data = dump(dict(EXEMPLARY, sessions=[dict(EXEMPLARY["sessions"][0],
                                               notes="Konseli bercerita. " * 90_000)]))
    assert len(data) > 1_500_000
    loaded = no_hang(load_bytes, data, "g.yaml")
    assert loaded.valid


# -- files and folders -------------------------------------------------------------
def good(tmp_path, name="good.yaml"):
    path = tmp_path / name
    path.write_bytes(dump(EXEMPLARY))
    return path


def one_error(path) -> str:
    loaded = load_file(str(path))
    assert not loaded.valid and len(loaded.errors) == 1, located(loaded)
    return located(loaded)[0]


def test_an_unreadable_file_is_reported_and_the_batch_goes_on(tmp_path, monkeypatch):
    secret = good(tmp_path, "secret.yaml")
    real_open = os.open

    def refuse(path, *args, **kwargs):
        if os.fspath(path) == str(secret):
            raise PermissionError(13, "Permission denied", str(secret))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    results = check_paths([str(tmp_path)])
    by_name = {Path(r.file).name: r for r in results}
    assert by_name["good.yaml"].valid if (tmp_path / "good.yaml").exists() else True
    assert [e.format(by_name["secret.yaml"].file) for e in by_name["secret.yaml"].errors] == [
        f"{secret}:1:1: cannot read: {DENIED}"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_a_file_without_read_permission(tmp_path):
    secret = good(tmp_path, "secret.yaml")
    secret.chmod(0)
    assert one_error(secret).endswith(f"cannot read: {DENIED}")


def test_a_symlink_loop_is_reported(tmp_path):
    loop = tmp_path / "loop.yaml"
    loop.symlink_to(loop)
    good(tmp_path)
    assert one_error(loop).endswith("cannot read: too many symbolic links (a link that points to itself?)")
    results = check_paths([str(tmp_path)])
    assert sorted(Path(r.file).name for r in results) == ["good.yaml", "loop.yaml"]
    assert [r.valid for r in sorted(results, key=lambda r: r.file)] == [True, False]


def test_a_folder_link_loop_ends_and_each_file_is_checked_once(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    good(tmp_path / "a" / "b")
    (tmp_path / "a" / "b" / "up").symlink_to(tmp_path / "a")
    (tmp_path / "again").symlink_to(tmp_path / "a")
    paths = no_hang(case_paths, [str(tmp_path)])
    assert len(paths) == 1 and paths[0].endswith("good.yaml")


def test_other_files_in_a_folder_are_left_alone(tmp_path):
    good(tmp_path)
    (tmp_path / "notes.txt").write_text("catatan supervisi")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / ".hidden.yaml").write_text("not: a case")
    assert [Path(p).name for p in case_paths([str(tmp_path)])] == ["good.yaml"]


def test_a_folder_without_case_files_is_reported(tmp_path):
    (tmp_path / "notes.txt").write_text("catatan")
    results = check_paths([str(tmp_path)])
    assert [e.format(r.file) for r in results for e in r.errors] == [
        f"{tmp_path}:1:1: no case files (*.yaml, *.yml) in this directory"]


def test_a_folder_that_cannot_be_listed_is_reported(tmp_path, monkeypatch):
    good(tmp_path)
    locked = tmp_path / "locked"
    locked.mkdir()
    good(locked, "inside.yaml")
    real_scandir = os.scandir

    def refuse(path="."):
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(locked))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)
    results = check_paths([str(tmp_path)])
    lines = [e.format(r.file) for r in results for e in r.errors]
    assert lines == [f"{locked}:1:1: cannot list the directory: {DENIED}"]
    assert sum(r.valid for r in results) == 1


def test_a_directory_given_as_a_file(tmp_path):
    assert one_error(tmp_path).endswith("is a directory, not a case file")
    result = run("explain", str(tmp_path))
    assert result.exit_code == 2


def _never_hangs(fn, seconds=5.0):
    box = {}
    thread = threading.Thread(target=lambda: box.setdefault("value", fn()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "hung"
    return box["value"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    good(tmp_path)
    loaded = _never_hangs(lambda: load_file(str(fifo)))
    assert "is not a regular file" in located(loaded)[0]
    results = _never_hangs(lambda: check_paths([str(tmp_path)]))
    assert sorted(r.valid for r in results) == [False, True]


def test_the_same_file_given_twice_is_checked_once(tmp_path, monkeypatch):
    path = good(tmp_path)
    (tmp_path / "link.yaml").symlink_to(path)
    os.link(path, tmp_path / "hard.yml")
    monkeypatch.chdir(tmp_path)
    paths = case_paths([str(path), "good.yaml", "./good.yaml", "link.yaml", "hard.yml",
                        str(tmp_path), "-", "-"])
    assert paths == [str(path), "-"]


def test_a_file_that_changes_while_it_is_read(tmp_path, monkeypatch):
    path = good(tmp_path)
    real = load_module._read_all

    def read_then_append(fd, limit):
        data = real(fd, limit)
        with open(path, "ab") as fh:
            fh.write(b"# saved again by the editor\n")
        return data

    monkeypatch.setattr(load_module, "_read_all", read_then_append)
    assert one_error(path).endswith("the file changed while it was being read; check it "
                                    "again once it is saved")


def test_utf8_with_a_byte_order_mark_is_fine(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + dump(EXEMPLARY))
    assert load_file(str(path)).valid


# -- writing reports ---------------------------------------------------------------
def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".asas-"))


@pytest.mark.parametrize("where", ["os.replace", "os.fsync"])
@pytest.mark.parametrize("existing", [True, False])
def test_an_interrupted_write_leaves_the_old_report_or_none(tmp_path, monkeypatch, where,
                                                            existing):
    target = tmp_path / "report.json"
    if existing:
        target.write_text("old report")

    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, where.split(".")[1], interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(str(target), "new report " * 10_000)
    monkeypatch.undo()
    assert (target.read_text() == "old report") if existing else not target.exists()
    assert leftovers(tmp_path) == []


def test_a_report_is_written_whole_and_private(tmp_path):
    target = tmp_path / "report.txt"
    write_atomic(str(target), "laporan\n")
    assert target.read_text() == "laporan\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    target.chmod(0o640)
    write_atomic(str(target), "lagi\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert leftovers(tmp_path) == []


def test_the_temporary_file_is_new_private_and_never_an_existing_one(tmp_path, monkeypatch):
    """atomic._mkstemp, made instead of tempfile.mkstemp: 0600, created exclusively (a
    name that is taken, a file or a planted link, is passed over), in the folder."""
    import itertools

    from asas.engine.run import atomic
    (tmp_path / ".asas-0000000000.tmp").write_text("someone else's")
    (tmp_path / ".asas-0101010101.tmp").symlink_to(tmp_path / "elsewhere")
    names = itertools.chain([b"\0" * 5, b"\1" * 5], itertools.repeat(b"\2" * 5))
    monkeypatch.setattr(atomic.os, "urandom", lambda n: next(names))
    fd, name = atomic._mkstemp(str(tmp_path))
    os.close(fd)
    assert name == str(tmp_path / ".asas-0202020202.tmp")
    assert stat.S_IMODE(os.stat(name).st_mode) == 0o600
    assert (tmp_path / ".asas-0000000000.tmp").read_text() == "someone else's"
    assert not (tmp_path / "elsewhere").exists()


def test_a_report_through_a_link_replaces_the_file_not_the_link(tmp_path):
    real = tmp_path / "real.txt"
    real.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    write_atomic(str(link), "new")
    assert link.is_symlink() and real.read_text() == "new"


def test_the_report_never_replaces_an_input(tmp_path):
    case = good(tmp_path, "case.yaml")
    before = case.read_bytes()
    result = run("check", str(case), "--output", str(case))
    assert result.exit_code == 2
    assert "refusing to write the report over" in result.output
    assert case.read_bytes() == before
    (tmp_path / "alias.yaml").symlink_to(case)
    with pytest.raises(OutputRefused):
        refuse_inputs(str(tmp_path / "alias.yaml"), [str(case)])


def test_inputs_are_untouched_and_only_the_output_is_written(tmp_path, monkeypatch):
    cases = tmp_path / "cases"
    cases.mkdir()
    good(cases, "a.yaml")
    (cases / "bad.yaml").write_bytes(b"format: asas/v1\ncase: [\n")

    def snapshot():
        return {str(p.relative_to(tmp_path)): (p.stat().st_mtime_ns, p.read_bytes())
                for p in sorted(tmp_path.rglob("*")) if p.is_file()}

    before = snapshot()
    monkeypatch.chdir(tmp_path)
    no_cache = ["--no-cache"] if "--no-cache" in run("check", "--help").output else []
    result = run("check", "cases", "--output", "out/../report.json", "--format", "json",
                 *no_cache)
    assert result.exit_code == 2
    after = snapshot()
    assert set(after) - set(before) == {"report.json"}
    assert all(after[name] == before[name] for name in before)


def test_a_discovery_problem_travels_to_worker_processes(tmp_path):
    import pickle
    [problem] = case_paths([str(tmp_path)])
    again = pickle.loads(pickle.dumps(problem))
    assert again == problem and again.problem == problem.problem
    assert located(load_file(again)) == [
        f"{tmp_path}:1:1: no case files (*.yaml, *.yml) in this directory"]
