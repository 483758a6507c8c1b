"""The quick paths of the batch give what the plain ones give (differential tests):
the JSON fragment writer against json.dumps, the catalogue's pre-parsed templates
against string.Formatter."""

from __future__ import annotations

import enum
import json
import string

from hypothesis import given, settings
from hypothesis import strategies as st

from asas.engine.judge.catalog import Text, _Lenient
from asas.engine.report.formats.json_ import _nested


class _Str(str):
    pass


class _Level(enum.IntEnum):
    LOW = 1


def _dumped(value, level: int) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * level)


_LEAF = (st.none() | st.booleans() | st.integers() | st.floats() | st.text()
         | st.sampled_from([_Str("sub"), _Level.LOW, float("nan"), -0.0, "\u202e\x00\n\"\\"]))
_KEY = st.text(max_size=8) | st.integers() | st.booleans() | st.none() | st.just(_Str("k"))
_VALUE = st.recursive(_LEAF, lambda inner: st.lists(inner, max_size=4)
                      | st.lists(inner, max_size=3).map(tuple)
                      | st.dictionaries(_KEY, inner, max_size=4), max_leaves=30)


@settings(max_examples=400, deadline=None)
@given(_VALUE, st.integers(0, 4))
def test_the_fragment_writer_writes_what_json_dumps_writes(value, level):
    assert _nested(value, level) == _dumped(value, level)


def test_the_fragment_writer_on_real_cases(tmp_path):
    from asas.engine.load.discover import case_paths
    from asas.engine.report.contract import case_dict
    from asas.engine.run.pipeline import check_file
    from tests.helpers import ROOT
    for path in case_paths([str(ROOT / "cases")]):
        for lang in ("en", "id"):
            data = case_dict(check_file(path), lang)
            assert _nested(data, 2) == _dumped(data, 2)


_TEMPLATES = ["{who} said {what} in session {sessions}", "no fields, {{braces}} kept",
              "{missing} stays", "{a.b} and {c[0]}", "{n!r} {n:>5}", "{} {0}", "{ x }",
              "sessions {sessions} and {flag}", "{n}{n}{{n}}", "{unclosed", "a } b", ""]
_PARAMS = st.fixed_dictionaries({}, optional={
    "who": st.text(max_size=5), "what": st.sampled_from(["reluctant", "tidak", 3, 0.25]),
    "sessions": st.one_of(st.integers(1, 9), st.lists(st.integers(1, 9), max_size=3)),
    "flag": st.booleans(), "n": st.integers(), "a": st.text(max_size=3)})


def _formatter(text: Text, lang: str, params: dict):
    """Text.fill as it was: string.Formatter over the same template."""
    template = text.get(lang)
    sessions = params.get("sessions")
    if lang != "id" and isinstance(sessions, (list, tuple)):
        template = (template.replace("session {sessions}", "sessions {sessions}")
                    if len(sessions) > 1 else
                    template.replace("sessions {sessions}", "session {sessions}"))
    return string.Formatter().vformat(template, (), _Lenient(params, lang))


def _outcome(call):
    try:
        return call()
    except Exception as exc:    # the same error for a template that does not fit
        return type(exc)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_TEMPLATES), st.sampled_from(["en", "id"]), _PARAMS)
def test_a_preparsed_template_fills_as_string_formatter_does(template, lang, params):
    text = Text(template, template)
    assert _outcome(lambda: text.fill(lang, params)) == \
        _outcome(lambda: _formatter(text, lang, params))


def test_the_catalogue_fills_as_string_formatter_does():
    from asas.rules import CATALOG
    params = {"sessions": (1, 2), "value": "reluctant", "n": 3, "field": "x", "variant": "a"}
    for doc in CATALOG.values():
        for text in (doc.message, doc.recommendation, doc.title):
            for lang in ("en", "id"):
                assert text.fill(lang, params) == _formatter(text, lang, params)


def _walked(obj, cls, path, session):
    """The privacy scan's walk over the model as it was: a generator per object."""
    from asas.engine.model.case import fields_of
    for spec in fields_of(cls):
        value = getattr(obj, spec.name)
        if value is None:
            continue
        sub = f"{path}.{spec.name}" if path else spec.name
        if spec.kind == "str":
            if spec.name != "format":
                yield sub, value, session
        elif spec.kind == "object":
            yield from _walked(value, spec.cls, sub, session)
        elif spec.kind == "list" and spec.item_spec.kind in ("str", "object"):
            for i, item in enumerate(value):
                if spec.item_spec.kind == "str":
                    yield f"{sub}[{i}]", item, session
                else:
                    number = getattr(item, "number", None) if sub == "sessions" else session
                    yield from _walked(item, spec.item_spec.object_cls, f"{sub}[{i}]", number)


def test_the_privacy_scan_walks_the_free_text_as_it_did(tmp_path):
    from asas.engine.load.discover import case_paths
    from asas.engine.load.loader import load_file
    from asas.engine.model.case import Case
    from asas.rules.privacy_scan import free_text
    from tests.helpers import ROOT, write_batch
    folders = [str(ROOT / "cases"), str(ROOT / "tests" / "fixtures")]
    write_batch(tmp_path, 30, 10, seed=17)
    for path in case_paths(folders + [str(tmp_path)]):
        loaded = load_file(path)
        if loaded.case is not None:
            assert list(free_text(loaded.case)) == list(_walked(loaded.case, Case, "", None))


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=50) | st.sampled_from(["", "~", "yes", "No", "0x1F", "1_000", "-.inf",
                                                "2026-09-07", "<<", "=", "!", "Tidak", "ya"]),
       st.sampled_from([(True, False), (False, True), (False, False), (True, True)]))
def test_the_loaders_resolve_gives_pyyamls_tag(value, implicit):
    from yaml.nodes import ScalarNode
    from yaml.resolver import Resolver

    from asas.engine.load.compose import _Loader
    loader = _Loader("")
    try:
        assert loader.resolve(ScalarNode, value, implicit) == \
            Resolver.resolve(loader, ScalarNode, value, implicit)
    finally:
        loader.dispose()


def _fact_as_it_was(cls, kwargs):
    """engine/reason/facts.py Fact.__init__ before its one-update path: field by field,
    each value not of a frozen type through _freeze."""
    from asas.engine.reason.facts import _FROZEN, _freeze
    fact = cls.__new__(cls)
    for key, value in kwargs.items():
        if value.__class__ not in _FROZEN:
            value = _freeze(value)
        dict.__setitem__(fact, key, value)
    fact._Fact__defaults = {}
    return fact


_FACT_VALUE = st.recursive(
    _LEAF | st.frozensets(st.integers(), max_size=3),
    lambda inner: st.lists(inner, max_size=3) | st.lists(inner, max_size=3).map(tuple)
    | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    | st.sets(st.integers(), max_size=3), max_leaves=12)


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(st.text(max_size=6) | st.sampled_from(["__bind__", "idx", "a__b"]),
                       _FACT_VALUE, max_size=8))
def test_a_fact_is_made_as_field_by_field(kwargs):
    from asas.engine.reason.facts import Finding, SessionFact
    for cls in (Finding, SessionFact):
        made, before = cls(**kwargs), _fact_as_it_was(cls, kwargs)
        assert list(made.items()) == list(before.items())
        assert [type(v) for v in made.values()] == [type(v) for v in before.values()]
        assert made._Fact__defaults == {} and type(made) is type(before)


def test_the_undocumented_observations_are_read_as_path_by_path(tmp_path):
    """engine/reason/facts.py reads a session's observations with one attrgetter: the
    same paths left out as following each path with _get."""
    from asas.engine.load.discover import case_paths
    from asas.engine.load.loader import load_file
    from asas.engine.reason import facts
    from tests.helpers import ROOT, write_batch
    folders = [str(ROOT / "cases"), str(ROOT / "tests" / "fixtures")]
    write_batch(tmp_path, 40, 10, seed=23)
    seen = 0
    for path in case_paths(folders + [str(tmp_path)]):
        loaded = load_file(path)
        if loaded.case is None:
            continue
        case = loaded.model
        for idx in range(len(case.sessions)):
            paths = facts.OBSERVED + (facts.OBSERVED_FIRST if idx == 0 else ())
            if idx > 0 and case.sessions[idx - 1].tasks_agreed:
                paths += facts.OBSERVED_AFTER_TASKS
            assert facts.undocumented(case, idx) == tuple(
                p for p in paths if facts._get(case.sessions[idx], p) is None)
            seen += 1
        info = case.case
        paths = facts.CASE_OBSERVED + (("referral.client_agreed",)
                                       if info.referral.source not in (None, "self") else ())
        assert facts.undocumented_case(case) == tuple(
            "case." + p for p in paths if facts._get(info, p) is None)
    assert seen > 100
