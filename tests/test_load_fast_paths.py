"""The loader's quick paths give what its plain ones gave (differential tests): the tag
resolver as a plain function, the C composer's count and depth a level at a time, the
builder's remembered scalar values and written-out checks, against the code of
ab16454 kept in tests/load_reference.py, over real, generated, fuzzed and hostile files
and with the limits set low enough to be crossed."""

from __future__ import annotations

import datetime
import math
from typing import Optional

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from asas.engine.load import build, compose, loader
from asas.engine.load.types import Limits
from tests import load_reference as old
from tests.fuzz_strategies import ODD_TEXT, mutated_cases
from tests.helpers import ROOT, write_batch

_LIMITS = [Limits(), Limits(strict=True), Limits(max_depth=3), Limits(max_depth=4),
           Limits(max_depth=5),
           Limits(max_nodes=40), Limits(max_nodes=150), Limits(max_sessions=1)]


def _outcome(data: bytes, limits: Limits, monkeypatch, reference: bool):
    """What load_bytes makes of ``data``: the case, every error in full (message,
    place, quoted text, code and parameters), the positions; or the exception."""
    with monkeypatch.context() as m:
        if reference:
            m.setattr(compose, "_Loader", old.OldLoader)
            m.setattr(compose, "_compose_in_c", old.old_compose_in_c)
            m.setattr(loader, "_Builder", old.OldBuilder)
        try:
            got = loader.load_bytes(data, "f.yaml", limits)
        except Exception as exc:   # the same failure, where the old code failed
            return type(exc).__name__
    errors = [(e.line, e.column, e.path, e.message, e.quoted, e.msg) for e in got.errors]
    return repr(got.case), errors, got.values, got.keys


def _same(data: bytes, monkeypatch, limits=_LIMITS):
    for lim in limits:
        new, was = _outcome(data, lim, monkeypatch, False), _outcome(data, lim, monkeypatch, True)
        if was in ("KeyError", "IndexError", "AttributeError"):
            # the one difference on purpose: an explicit !!bool or !!timestamp tag on text
            # PyYAML cannot read crashed the old builder; now the value is refused, located
            assert isinstance(new, tuple) and new[1], (lim, data[:300])
            continue
        assert new == was, (lim, data[:300])


_EXEMPLARY = (ROOT / "cases" / "exemplary.yaml").read_bytes()

# hostile and odd shapes, each appended to a real case (a later key wins nothing: a
# duplicate is an error) or replacing one of its lines
_EXTRA = [
    b"x: " + b"[" * 70 + b"]" * 70,
    b"notes: [" + b"a, " * 300 + b"a]",
    b"case: {id: 1, id: 2}",
    b"sessions: [{number: yes, notes: 'a\\tb'}, {number: 3}]",
    b"x: !!python/object/apply:os.system ['true']",
    b"<<: {a: 1}",
    b"? [a, b]\n: c",
    b"? {a: 1}\n: c",
    b"1: one\n2.5: two\nnull: three\n~: four\ntrue: five\n2026-09-07: six",
    b"!!str format: asas/v1",
    b"!!binary aGVsbG8=: x",
    b"!t key: x",
    b"\"\\x07bell\": x",
    b"asas: {ignore: [{rule: KRH010, reason: \"a\\x1bb\"}]}",
    b"waivers: [1]",
    b"- a\n- b",
    b"---\nformat: asas/v1",
]

_REPLACED = [
    (b"supervised: true", [b"supervised: !!bool maybe", b"supervised: !!int 0x1f",
                           b"supervised: ya", b"supervised: !!str true", b"supervised: ~",
                           b"supervised: [true]", b"supervised: {a: 1}",
                           b"supervised: !!timestamp 2026-02-30", b"supervised: !!map x",
                           b"supervised: !!float .nan", b"supervised: !custom x"]),
    (b"age: 16", [b"age: 1_5", b"age: 0o17", b"age: 15.0", b"age: -1", b"age: 1e400",
                  b"age: '15'", b"age: 0x0F", b"age: 1:30", b"age: .inf", b"age: 121",
                  b"age: !!float 15", b"age: !!null 15", b"age: !!float ''", b"age: !!int ''",
                  b"age: \"\\x0015\""]),
]


def _variants():
    for extra in _EXTRA:
        yield _EXEMPLARY + b"\n" + extra + b"\n"
    for line, replacements in _REPLACED:
        assert line in _EXEMPLARY
        for new in replacements:
            yield _EXEMPLARY.replace(line, new)
    # the same, with an anchor and an alias: the event loop's path
    yield b"a: &x [1, 2]\n" + _EXEMPLARY + b"\nb: *x\n"
    yield _EXEMPLARY.replace(b"supervised: true", b"supervised: &s true\nx: *s")


@pytest.mark.parametrize("data", list(_variants()))
def test_hostile_variants_load_as_they_did(monkeypatch, data):
    _same(data, monkeypatch)


def test_every_file_of_the_repository_loads_as_it_did(monkeypatch, tmp_path):
    write_batch(tmp_path, 12, 4, seed=9)
    files = [p for d in ("cases", "tests/invalid", "tests/hostile", "tests/fixtures")
             for p in sorted((ROOT / d).glob("*.yaml"))]
    files += sorted(tmp_path.rglob("*.yaml"))
    assert len(files) > 30
    for path in files:
        _same(path.read_bytes(), monkeypatch)


def test_big_and_deep_files_load_as_they_did(monkeypatch):
    many = b"format: asas/v1\nnotes: [" + b"a, " * 70_000 + b"a]\n"
    deep = b"format: asas/v1\nx: " + b"- " * 80 + b"a\n"
    observers = (b"format: asas/v1\nsessions:\n- number: 1\n  observers: ["
                 + b"guru, " * 3000 + b"guru]\n")
    for data in (many, deep, observers):
        _same(data, monkeypatch, [Limits(), Limits(max_nodes=100_000), Limits(max_depth=2),
                                  Limits(max_nodes=4000), Limits(max_nodes=6000)])


def test_the_builders_own_limits_say_what_they_said(monkeypatch):
    # a short form is visited twice, one level deeper: the builder's count and depth
    # can cross a limit the composer's did not, and each count meets each depth here
    data = (b"format: asas/v1\nsessions:\n- number: 1\n  observers: [guru, {who: wali}, ayah]\n"
            b"  risk: [self_harm]\ncase: {problem: {risk: [self_harm, {kind: bullying}]}}\n")
    _same(data, monkeypatch, [Limits(max_nodes=n, max_depth=d)
                              for n in range(4, 45) for d in (2, 3, 4, 5, 6)])


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(mutated_cases(), st.sampled_from(_LIMITS))
def test_fuzzed_cases_load_as_they_did(monkeypatch, data, limits):
    _same(data, monkeypatch, [limits])


# -- the pieces one by one ------------------------------------------------------------

def _tree(node):
    if isinstance(node, ScalarNode):
        return (node.tag, node.value, node.style, node.start_mark.index, node.end_mark.index)
    kids = ([(_tree(k), _tree(v)) for k, v in node.value] if isinstance(node, MappingNode)
            else [_tree(item) for item in node.value])
    assert isinstance(node, (MappingNode, SequenceNode))
    return (type(node).__name__, node.tag, node.start_mark.index, kids)


_YAML = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | ODD_TEXT | st.dates(),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(
        st.text(max_size=5) | st.integers() | st.booleans(), inner, max_size=5),
    max_leaves=60)


@settings(max_examples=300, deadline=None)
@given(_YAML, st.sampled_from(["block", "flow"]), st.integers(1, 12), st.integers(1, 400))
def test_the_c_composers_count_and_depth_decide_as_they_did(value, style, depth, nodes):
    import yaml
    text = yaml.safe_dump(value, default_flow_style=style == "flow", allow_unicode=True)
    limits = Limits(max_depth=depth, max_nodes=nodes)
    new, was = compose._compose_in_c(text, limits), old.old_compose_in_c(text, limits)
    assert (new is None) == (was is None)
    if new is not None:
        assert [_tree(r) for r in new] == [_tree(r) for r in was]


@settings(max_examples=500, deadline=None)
@given(st.sampled_from(sorted(compose._SAFE_TAGS)),
       st.text(max_size=45) | st.sampled_from(
           ["", "~", "null", "yes", "No", "on", "0x1F", "0o17", "0b101", "1_000", "1:30",
            "-.inf", ".nan", "1e400", "190:20:30.15", "2026-09-07", "2026-02-30",
            "2026-09-07T10:00:00+07:00", "2026-09-07 10:00", "maybe", "<<", "="]))
def test_a_remembered_scalar_is_what_safeconstructor_makes(tag, text):
    node = ScalarNode(tag, text)

    def made():
        try:
            return build._constructor.yaml_constructors[tag](build._constructor, node)
        except (ValueError, TypeError, OverflowError, __import__("yaml").YAMLError):
            return text
        except (LookupError, AttributeError):  # the old code's crash, now a refusal
            return text

    def remembered():
        try:
            return build._construct(node)
        except Exception as exc:
            return type(exc)

    if tag in ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"):
        return      # a generator, made afresh each time, never remembered
    want = made()
    for _ in range(2):      # the first time made, the second remembered
        got = remembered()
        assert type(got) is type(want)
        if isinstance(want, float) and math.isnan(want):
            assert math.isnan(got)
        elif isinstance(want, (datetime.date, datetime.datetime)):
            assert got == want and got.__class__ is want.__class__ \
                and getattr(got, "tzinfo", None) == getattr(want, "tzinfo", None)
        else:
            assert got == want


@settings(max_examples=300, deadline=None)
@given(st.sampled_from([ScalarNode, MappingNode, SequenceNode]),
       st.text(max_size=50) | st.sampled_from(["", "~", "yes", "0x1F", "2026-09-07", "<<"]),
       st.sampled_from([(True, False), (False, True), (False, False), (True, True)]))
def test_the_plain_resolver_gives_pyyamls_tag_for_every_kind(kind, value, implicit):
    from yaml.resolver import Resolver
    loader_ = compose._Loader("")
    try:
        if kind is not ScalarNode:
            value = None
        assert compose._Loader.resolve(kind, value, implicit) == \
            Resolver.resolve(loader_, kind, value, implicit)
    finally:
        loader_.dispose()


# -- a model object made without its __init__ -----------------------------------------

def _model_classes():
    from asas.engine.model.case import Case, fields_of
    classes, todo = [], [Case]
    while todo:
        cls = todo.pop()
        if cls in classes:
            continue
        classes.append(cls)
        for spec in fields_of(cls):
            target = spec.item_spec if spec.kind == "list" else spec
            if target.kind == "object":
                todo.append(target.object_cls)
    return classes


_MODEL = _model_classes()


def test_every_model_class_is_made_without_its_init():
    assert len(_MODEL) > 15
    assert all(build._shape(cls).direct for cls in _MODEL)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_MODEL), st.data())
def test_a_model_object_made_directly_is_what_its_init_makes(cls, data):
    import dataclasses
    fields = dataclasses.fields(cls)
    chosen = data.draw(st.lists(st.sampled_from(fields), unique=True))
    found = {f.name: data.draw(st.none() | st.integers() | ODD_TEXT | st.tuples(st.integers()))
             for f in chosen}
    made, init = build._shape(cls).make(dict(found)), cls(**found)
    assert type(made) is cls and made == init and repr(made) == repr(init)
    assert vars(made) == vars(init) and list(vars(made)) == list(vars(init))
    assert hash(made) == hash(init)
    for f in fields:     # a fresh default of each nested mapping, never a shared one
        assert getattr(made, f.name) == getattr(init, f.name)
        if f.name not in found and f.default_factory is not dataclasses.MISSING:
            assert getattr(made, f.name) is not getattr(build._shape(cls).make({}), f.name)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.__setattr__(fields[0].name, 1)


def test_a_class_with_more_to_its_init_is_made_by_it():
    import dataclasses

    from asas.engine.model.case import fld

    @dataclasses.dataclass(frozen=True)
    class Checked:
        a: Optional[int] = fld("A number.", "Angka.")  # noqa: UP045 - as the model writes it

        def __post_init__(self):
            if self.a == 0:
                raise ValueError("a")

    shape = build._Shape(Checked)
    assert not shape.direct
    with pytest.raises(ValueError):
        shape.make({"a": 0})


# -- a value by its path, the path split once -----------------------------------------

_ODD_PATHS = ["", ".", "[0]", "sessions", "sessions[0]", "sessions[-1].number", "sessions[99]",
              "sessions[x].number", "sessions[].number", "sessions[1_0]", "sessions[ 1 ]",
              "case..id", "case.id.", "nothing.at.all", "case.client[0]", "sessions[0]x",
              "sessions[0].verbatim[3]", "case.problem.risk[0].kind", "__class__.__name__"]


def _walked(loaded, path, split_once):
    try:
        return ("value", loaded.value(path) if split_once else loaded._value_by_parts(path))
    except Exception as exc:
        return ("raised", type(exc).__name__)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(_ODD_PATHS) | st.text(alphabet="sesion[]0123.-_x ", max_size=24))
def test_a_value_found_by_its_split_path_is_the_one_found_by_parts(path):
    loaded = loader.load_bytes(_EXEMPLARY, "f.yaml")
    assert loaded.case is not None
    for _ in range(2):      # the first time split, the second remembered
        assert _walked(loaded, path, True) == _walked(loaded, path, False)


def test_every_path_of_a_case_gives_its_value_as_before():
    loaded = loader.load_bytes(_EXEMPLARY, "f.yaml")
    paths = list(loaded.values) + list(loaded.keys) + _ODD_PATHS
    assert len(paths) > 50
    for path in paths:
        assert _walked(loaded, path, True) == _walked(loaded, path, False), path
