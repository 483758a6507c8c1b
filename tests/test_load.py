"""Loading and validation: every problem of a file, each with its exact line and column."""

from pathlib import Path

import pytest

from asas.engine.load.loader import load_bytes, load_file
from helpers import CASES

INVALID = sorted((Path(__file__).parent / "invalid").glob("*.yaml"))


def expected(path: Path) -> list[str]:
    return [line[len("# expect: "):].rstrip("\n") for line in
            path.read_text(encoding="utf-8").splitlines() if line.startswith("# expect: ")]


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_fixture_reports_exactly_its_expected_errors(path):
    loaded = load_file(str(path))
    assert not loaded.valid
    got = [f"{e.line}:{e.column}: {e.path}: {e.message}" for e in loaded.errors]
    assert sorted(got) == sorted(expected(path))


@pytest.mark.parametrize("data, message, where", [
    (b"", "the file is empty", (1, 1)),
    (b"   \n# only a comment\n", "the file holds no YAML document", (1, 1)),
    (b"- a\n- b\n", "a case file is a mapping of fields, found a list", (1, 1)),
    (b"format: asas/v1\ncase: [\n", "not valid YAML", (3, 1)),
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
