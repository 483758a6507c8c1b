"""Validation messages in Indonesian: every message the bad-input fixtures produce has
its translation, with the file's own values carried over."""

from pathlib import Path

import pytest

from asas.engine.load.loader import load_bytes, load_file
from asas.engine.i18n.loader_messages import indonesian

TESTS = Path(__file__).parent
FIXTURES = sorted((TESTS / "invalid").glob("*.yaml")) + sorted((TESTS / "hostile").glob("*.y*ml"))


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_every_fixture_message_reads_in_indonesian(path):
    for error in load_file(str(path)).errors:
        assert error.text("id") != error.message, f"no Indonesian for: {error.message}"
        assert error.text("en") == error.message


@pytest.mark.parametrize("english, indonesian_text", [
    ("'unwilling' is not one of willing, hesitant, reluctant, refused (did you mean 'willing'?)",
     "'unwilling' bukan salah satu dari willing, hesitant, reluctant, refused "
     "(maksud Anda 'willing'?)"),
    ("unknown key 'activty'; did you mean 'activity'?",
     "kunci 'activty' tidak dikenal; maksud Anda 'activity'?"),
    ("expected a list, found 'attending' (write [] for none)",
     "seharusnya daftar, ditemukan 'attending' (tulis [] bila tidak ada)"),
    ("expected true or false, found 'ya'", "seharusnya true atau false, ditemukan 'ya'"),
    ("session number 3 out of order; expected 2 (numbered 1, 2, 3 ... in order, without gaps)",
     "nomor sesi 3 tidak berurutan; seharusnya 2 (bernomor 1, 2, 3 ... berurutan, tanpa "
     "loncatan)"),
])
def test_values_are_carried_over(english, indonesian_text):
    assert indonesian(english) == indonesian_text


def test_an_unknown_message_stays_english_rather_than_being_lost():
    assert indonesian("something new went wrong") == "something new went wrong"


def test_one_line_errors_too():
    for data in (b"", b"- a\n", b"format: asas/v2\n", b"x: \xe9\n"):
        [error] = load_bytes(data, "f.yaml").errors
        assert error.text("id") != error.message, error.message
