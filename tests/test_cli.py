"""The command line as scripts use it: exit codes, the JSON contract, stdin, --output."""

import json

import pytest
from click.testing import CliRunner

from asas.cli import cli
from asas.engine.judge.catalog import PRINCIPLES

from helpers import CASES, EXEMPLARY, dump, patched

INVALID = str(CASES.parent / "tests" / "invalid" / "wrong-values.yaml")


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(dump(data))
    return str(path)


def test_every_command_has_help():
    for name, command in cli.commands.items():
        result = run(name, "--help")
        assert result.exit_code == 0, name
        assert command.get_short_help_str().strip(), f"{name} has no help text"


def test_exit_0_when_nothing_reaches_fail_on(tmp_path):
    assert run("check", write(tmp_path, "ok.yaml", EXEMPLARY)).exit_code == 0


def test_exit_1_on_a_violation_and_fail_on_moves_the_threshold(tmp_path):
    risky = write(tmp_path, "risk.yaml", patched({"case.referral.source": "teacher",
                  "sessions[0].opening.voluntariness_explained": False}))
    violating = write(tmp_path, "v.yaml", patched(
        {"sessions[0].counselor.pressure_on_client": ["Harus cerita sekarang."]}))
    assert run("check", risky).exit_code == 0                    # default: violation
    assert run("check", risky, "--fail-on", "risk").exit_code == 1
    assert run("check", violating).exit_code == 1
    assert run("check", violating, "--fail-on", "never").exit_code == 0


def test_exit_2_on_an_invalid_file_and_the_valid_ones_are_still_checked(tmp_path):
    good = write(tmp_path, "good.yaml", EXEMPLARY)
    result = run("check", "--format", "json", good, INVALID)
    assert result.exit_code == 2
    report = json.loads(result.output)
    by_file = {c["file"]: c for c in report["cases"]}
    assert by_file[good]["valid"] is True
    assert by_file[INVALID]["valid"] is False
    assert "principles" not in by_file[INVALID]
    error = by_file[INVALID]["errors"][0]
    assert set(error) == {"line", "column", "path", "message", "code"} and error["code"]
    assert report["summary"]["files"] == 2 and report["summary"]["invalid"] == 1


def test_usage_errors_exit_2():
    assert run("check").exit_code == 2
    assert run("check", "--format", "nope", "x.yaml").exit_code == 2
    # an unknown rule is a usage error too: 1 would read as "a finding reached --fail-on"
    result = run("rule", "XYZ999")
    assert result.exit_code == 2 and "XYZ999" in result.output


def test_json_follows_the_contract(tmp_path):
    path = write(tmp_path, "c.yaml", patched({"case.referral.source": "teacher",
                 "sessions[0].opening.voluntariness_explained": False}))
    report = json.loads(run("check", "--format", "json", path).output)
    assert report["tool"]["name"] == "asas" and report["tool"]["format"] == "asas/v1"
    assert report["principles"] == list(PRINCIPLES)
    case = report["cases"][0]
    assert case["case_id"] == "KI-2026-01" and case["valid"] is True
    assert list(case["principles"]) == list(PRINCIPLES)
    assert case["principles"]["kesukarelaan"]["status"] == "at_risk"
    assert "KSR001" in case["principles"]["kesukarelaan"]["findings"]
    assert set(case["functions"]) == {"pemahaman", "pengentasan", "pengembangan_pemeliharaan",
                                      "pencegahan", "advokasi"}
    ksr = next(f for f in case["findings"] if f["id"] == "KSR001")
    assert ksr["severity"] == "risk" and ksr["session"] == 1 and ksr["derived_from"] == []
    assert {"path": "case.referral.source", "value": "teacher"}.items() <= ksr["evidence"][0].items()
    text = open(path, encoding="utf-8").read().splitlines()
    assert "source: teacher" in text[ksr["evidence"][0]["line"] - 1]
    assert report["summary"]["findings"]["risk"] >= 1


def test_stdin_lang_and_output_file(tmp_path):
    out = tmp_path / "report.json"
    data = dump(patched({"case.referral.source": "teacher",
                         "sessions[0].opening.voluntariness_explained": False}))
    result = run("check", "-", "--format", "json", "--lang", "id", "--output", str(out),
                 input=data)
    assert result.output == ""
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["cases"][0]["file"] == "<stdin>"
    ksr = next(f for f in report["cases"][0]["findings"] if f["id"] == "KSR001")
    assert ksr["title"] == "Kesukarelaan tidak dikuatkan"
    assert "guru" in ksr["message"]           # the case's own value, in Indonesian


def test_select_and_ignore_by_prefix(tmp_path):
    path = write(tmp_path, "c.yaml", patched({"case.referral.source": "teacher",
                 "sessions[0].opening.voluntariness_explained": False}))

    def found(*args):
        report = json.loads(run("check", "--format", "json", path, *args).output)
        return {f["id"] for f in report["cases"][0]["findings"]}

    assert "KSR001" in found()
    assert found("--select", "KSR") and all(i.startswith("KSR") for i in found("--select", "KSR"))
    assert "KSR001" not in found("--ignore", "KSR001")
    assert found("--select", "KSR", "--ignore", "KSR001") == found("--select", "KSR") - {"KSR001"}


def test_rule_page_and_catalogue():
    page = run("rule", "ksr001").output
    assert "KSR001" in page and "case.referral.source: teacher" in page
    listing = json.loads(run("rules", "--format", "json").output)
    assert any(r["id"] == "KSR001" and r["severity"] == "risk" for r in listing)


def test_a_rule_page_shows_a_verbatim_example_as_it_is_written():
    """A text of several lines (a verbatim) as a literal block under its key, in the
    page a trainee reads and in docs/rules.md, whose YAML gives the example back."""
    import re

    import yaml

    from asas.engine.report.rulepage import rules_markdown
    from asas.rules import CATALOG
    page = run("rule", "VBT010", "--lang", "id").output
    example = CATALOG["VBT010"].fail["sessions[0].verbatim"]
    assert "\n".join(["    sesi 1 › verbatim: |"] + [f"      {line}" for line in
                                                      example.strip().split("\n")]) in page
    markdown = rules_markdown([CATALOG["VBT010"]])
    first = re.search(r"```yaml\n(.*?)```", markdown, re.S).group(1)
    assert yaml.safe_load(first) == {"sessions[0].verbatim": example}


def test_explain_shows_the_facts_with_lines(tmp_path):
    path = write(tmp_path, "c.yaml", patched({"case.referral.source": "teacher",
                 "sessions[0].opening.voluntariness_explained": False}))
    out = run("explain", path).output
    assert "KSR001" in out and "case.referral.source = teacher" in out


@pytest.mark.parametrize("command", ["check", "explain"])
def test_missing_file_is_a_clear_message_not_a_traceback(command):
    result = run(command, "no/such/file.yaml")
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "no/such/file.yaml:1:1:" in result.output


def test_explain_traces_the_cascade_from_the_referral_to_continuation_at_risk():
    out = run("explain", str(CASES / "mandated-cascade.yaml")).output.splitlines()

    def at(text):
        return next(i for i, line in enumerate(out) if text in line)

    # the tree reads from the conclusion down to the fact it rests on
    assert at("KTB004") < at("KTB001") < at("KSR001") < at("case.referral.source = homeroom_teacher")
    # and names the intermediate conclusion each step passes along
    assert out[at("KTB001") - 1].strip() == "└─ ⇐ openness at risk"
    assert out[at("KSR001") - 1].strip() == "└─ ⇐ voluntariness not secured"


# -- the quick exit (cli.leave): the same output and status as the interpreter's exit --

def test_a_real_process_writes_the_whole_report_and_its_status(tmp_path):
    """``python -m asas`` ends with os._exit after flushing: a report going to a file
    (block-buffered, flushed only at the end) is whole, and the status is the same, as
    the in-process run gives them; also with a case that fails (status 1)."""
    import subprocess
    import sys
    risky = write(tmp_path, "risk.yaml", patched({"case.referral.source": "teacher",
                  "sessions[0].opening.voluntariness_explained": False}))
    for args in (["check", "--no-cache", "--format", "json", risky, "--fail-on", "risk"],
                 ["check", "--no-cache", write(tmp_path, "ok.yaml", EXEMPLARY)],
                 ["check", "--no-cache", str(tmp_path / "missing.yaml")], ["--help"]):
        inside = CliRunner().invoke(cli, args, prog_name="asas", catch_exceptions=False)
        with open(tmp_path / "out", "wb") as out:
            proc = subprocess.run([sys.executable, "-m", "asas", *args], stdout=out,
                                  stderr=subprocess.PIPE)
        assert (tmp_path / "out").read_text(encoding="utf-8") == inside.stdout, args
        assert proc.returncode == inside.exit_code, args


class _Exits:
    def __init__(self):
        self.calls = []

    def __call__(self, status):
        self.calls.append(status)


@pytest.fixture
def alone(monkeypatch):
    """This process as asas's own: no thread or executor of earlier tests counted."""
    monkeypatch.setattr("asas.cli._threads_left", lambda: False)


def test_leave_runs_the_exit_functions_flushes_then_exits(alone):
    from asas.cli import leave
    exits, order = _Exits(), []
    leave(None, exit=exits, exit_funcs=lambda: order.append("atexit"))
    leave(2, exit=exits, exit_funcs=lambda: order.append("atexit"))
    assert exits.calls == [0, 2] and order == ["atexit", "atexit"]


@pytest.mark.parametrize("code", ["a message", 256, -1, 1.5])
def test_leave_returns_for_a_code_the_interpreter_must_handle(code, alone):
    from asas.cli import leave
    exits = _Exits()
    leave(code, exit=exits, exit_funcs=lambda: None)
    assert exits.calls == []


def test_leave_returns_while_another_thread_runs():
    import threading

    from asas.cli import leave
    exits, stop = _Exits(), threading.Event()
    worker = threading.Thread(target=stop.wait)
    worker.start()
    try:
        leave(0, exit=exits, exit_funcs=lambda: None)
    finally:
        stop.set()
        worker.join()
    assert exits.calls == []


def test_leave_returns_when_standard_output_cannot_be_flushed(monkeypatch, alone):
    from asas.cli import leave

    class Full:
        def flush(self):
            raise OSError(28, "No space left on device")
    monkeypatch.setattr("sys.stdout", Full())
    exits = _Exits()
    leave(0, exit=exits, exit_funcs=lambda: None)
    assert exits.calls == []


@pytest.mark.parametrize("code", [
    # a script that calls main and goes on
    "import sys\nfrom asas.cli import main\nsys.argv = ['asas', '--version']\n"
    "try:\n    main()\nexcept SystemExit:\n    print('after')\n",
    # main under a profiler
    "import cProfile, sys\nfrom asas.cli import main\nsys.argv = ['asas', '--version']\n"
    "cProfile.run('main()', sort='calls')\nprint('after')\n",
])
def test_main_called_by_another_program_returns_to_it(code):
    import subprocess
    import sys
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.stdout.rstrip().endswith("after"), proc.stdout + proc.stderr


def test_the_seeded_yaml_pattern_finds_the_same_characters_as_pyyaml_s():
    """engine/run/startup.py: among every code point, the pattern put in re's cache
    matches exactly those PyYAML's NON_PRINTABLE matches."""
    import re

    from asas.engine.run.startup import SAME_CHARACTERS, YAML_NON_PRINTABLE
    every = "".join(map(chr, range(0x110000)))
    # not from the cache: re's own compiler (sre_compile before Python 3.11)
    compiler = getattr(re, "_compiler", None) or __import__("sre_compile")
    theirs = compiler.compile(YAML_NON_PRINTABLE, 0)
    ours = re.compile(SAME_CHARACTERS)
    assert [m.start() for m in ours.finditer(every)] == \
        [m.start() for m in theirs.finditer(every)]


def test_yaml_gets_the_seeded_pattern_when_the_cli_is_imported_first():
    """The seed is used: PyYAML's pattern text is still the one it looks up (a new
    PyYAML that changed it would compile its own again, slowly, and fail this)."""
    import subprocess
    import sys

    from asas.engine.run.startup import SAME_CHARACTERS
    code = "import asas.cli, yaml.reader; print(ascii(yaml.reader.Reader.NON_PRINTABLE.pattern))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == ascii(SAME_CHARACTERS)


def test_the_collector_is_at_the_batch_threshold_once_the_first_case_is_checked(tmp_path):
    """engine/run/startup.py: the collector runs less often while asas starts, and at
    the batch's young threshold from the first case checked on (the workers of a pool
    too), the older generations' thresholds as they were."""
    import gc

    from asas.engine.run import startup
    startup.settle()            # the hold of importing asas.cli, if still there
    before = gc.get_threshold()
    startup.hold_gc()
    assert gc.get_threshold()[0] >= 100_000
    assert run("check", "--no-cache", write(tmp_path, "ok.yaml", EXEMPLARY)).exit_code == 0
    # the young generation at the batch's threshold, the older ones as they were
    assert gc.get_threshold() == (max(before[0], startup.BATCH_YOUNG), *before[1:])
    gc.set_threshold(*before)
