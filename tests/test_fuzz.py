"""Property-based: any input yields a verdict or located errors, never a traceback;
through the CLI, exit 0, 1 or 2.  Few examples here so the suite stays fast;
bench/fuzz.py runs the same properties with many."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from asas.cli import cli
from asas.engine.judge.catalog import PRINCIPLES
from asas.engine.judge.terms import STATUSES
from asas.engine.load.loader import load_bytes
from asas.engine.run.pipeline import check_loaded

from fuzz_strategies import dump, mutated_cases, valid_cases

FAST = settings(max_examples=40, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.large_base_example])


def assert_sound(data: bytes):
    """The invariant every input must meet; returns the result."""
    loaded = load_bytes(data, "fuzz.yaml")
    if not loaded.valid:
        assert loaded.errors
        for e in loaded.errors:
            assert e.line >= 1 and e.column >= 1, e
            assert isinstance(e.message, str) and e.message.strip(), e
            assert len(e.format("fuzz.yaml")) < 2000, "a message must not echo a whole value"
        return check_loaded(loaded)
    result = check_loaded(loaded)
    assert list(result.principles) == list(PRINCIPLES)
    assert all(v.status in STATUSES for v in result.principles.values())
    for f in result.findings:
        assert 0 < f.certainty <= 1 and f.line >= 1
    return result


@FAST
@given(valid_cases())
def test_every_generated_valid_case_is_valid_and_judged(case):
    loaded = load_bytes(dump(case), "fuzz.yaml")
    assert loaded.valid, [e.format("fuzz.yaml") for e in loaded.errors]
    assert_sound(dump(case))


@pytest.mark.slow
@FAST
@given(mutated_cases())
def test_a_mutated_case_gets_a_verdict_or_located_errors(data):
    assert_sound(data)


@FAST
@given(st.binary(max_size=300))
def test_any_bytes_get_a_verdict_or_located_errors(data):
    assert_sound(b"format: asas/v1\n" + data)
    assert_sound(data)


@settings(FAST, max_examples=15)
@given(mutated_cases(), st.sampled_from(["text", "json"]), st.booleans())
def test_the_cli_never_shows_a_traceback(data, fmt, redact):
    args = ["check", "-", "--format", fmt] + (["--redact"] if redact else [])
    result = CliRunner().invoke(cli, args, input=data)
    assert result.exit_code in (0, 1, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        repr(result.exception)
    assert "Traceback" not in result.output
    if fmt == "json":
        report = json.loads(result.output)
        assert report["summary"]["files"] == 1
