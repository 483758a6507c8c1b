"""bench/generate.py: seeded, varied, valid case files."""

from __future__ import annotations

import random

import pytest

from asas.engine.load.loader import load_bytes, load_file
from asas.engine.model.case import Case, fields_of

from helpers import generator

gen = generator()


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    folder = tmp_path_factory.mktemp("generated")
    return gen.write_cases(folder, 300, seed=7)


def _enum_paths(cls=Case, prefix=""):
    """(path, choices) of every enum field of the format, lists as ``[]``; not the fields
    only some profiles judge (bk12's: cases/bk12/ exercises them, tests/test_cases.py),
    which the generator leaves out so that its cases stay what they were."""
    for spec in fields_of(cls):
        if spec.profile_only:
            continue
        path = f"{prefix}.{spec.name}" if prefix else spec.name
        target = spec.item if spec.kind == "list" else spec
        sub = path + ("[]" if spec.kind == "list" else "")
        if target.kind == "enum":
            yield sub, target.choices
        elif target.kind == "object":
            yield from _enum_paths(target.cls, sub)


def _values(obj, path: str):
    """Every value at ``path`` (``[]`` steps into each list item) of a loaded model."""
    objs = [obj]
    for part in path.split("."):
        step_in = part.endswith("[]")
        name = part[:-2] if step_in else part
        nxt = []
        for o in objs:
            value = getattr(o, name, None)
            if value is None:
                continue
            nxt.extend(value if step_in else [value])
        objs = nxt
    return objs


def test_every_generated_file_is_valid(batch):
    for path in batch:
        loaded = load_file(str(path))
        assert loaded.valid, [e.format(str(path)) for e in loaded.errors]


def test_files_look_like_case_files(batch):
    ids = set()
    for path in batch:
        data = path.read_bytes()
        assert data.startswith(b"# yaml-language-server: $schema=")
        assert 1000 <= len(data) <= 5 * 1024, (path, len(data))
        case = load_bytes(data, str(path)).case
        assert 1 <= len(case.sessions) <= 4
        ids.add(case.case.id)
    assert len(ids) == len(batch), "case IDs are unique within a batch"


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path):
    a = gen.write_cases(tmp_path / "a", 20, seed=3)
    b = gen.write_cases(tmp_path / "b", 20, seed=3)
    c = gen.write_cases(tmp_path / "c", 20, seed=4)
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]
    assert [p.read_bytes() for p in a] != [p.read_bytes() for p in c]


def test_sessions_can_be_fixed():
    rng = random.Random(1)
    assert all(len(gen.generate_case(rng, sessions=3)["sessions"]) == 3 for _ in range(50))


def test_every_enum_value_is_exercised(batch):
    cases = [load_file(str(p)).case for p in batch]
    missing = []
    for path, choices in _enum_paths():
        seen = {v for c in cases for v in _values(c, path)}
        missing += [f"{path}={c}" for c in choices if c not in seen]
    assert not missing, missing


def test_variety(batch):
    cases = [load_file(str(p)).case for p in batch]
    infos = [c.case for c in cases]
    codes = {i.counselor.code for i in infos if i.counselor.role == "trainee"}
    assert codes <= {f"PR-{n:02d}" for n in range(1, 13)} and len(codes) >= 10
    assert any(i.referral.mandated for i in infos)
    assert any(i.referral.source not in (None, "self") for i in infos)
    assert any(i.referred_out for i in infos)
    assert any(i.advocacy for i in infos)
    sessions = [s for c in cases for s in c.sessions]
    assert any(s.disclosures for s in sessions)
    assert any(s.counselor.norm_conflicts for s in sessions)
    assert any(s.counselor.pressure_on_client for s in sessions)
    assert any(s.date for s in sessions)
    assert any(s.client.willingness is None for s in sessions), "some fields left undocumented"
    assert {len(c.sessions) for c in cases} == {1, 2, 3, 4}
