"""The quick paths of the batch give what the plain ones give (differential tests):
the JSON fragment writer against json.dumps, the catalogue's pre-parsed templates
against string.Formatter."""

from __future__ import annotations

import enum
import json
import string

import pytest
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


class _Float(float):
    pass


def test_the_fragment_of_a_real_case_is_its_dict_as_json_dumps_writes_it(tmp_path):
    """fragment writes the findings without their dicts (json_._finding): the same text."""
    from asas.engine.load.discover import case_paths
    from asas.engine.report.contract import case_dict
    from asas.engine.report.formats.json_ import fragment
    from asas.engine.run.pipeline import check_file
    from tests.helpers import ROOT, write_batch
    write_batch(tmp_path, 20, 5, seed=31)
    for path in case_paths([str(ROOT / "cases"), str(ROOT / "tests" / "fixtures"),
                            str(tmp_path)]):
        r = check_file(path)
        for lang in ("en", "id"):
            assert fragment(r, lang) == _dumped(case_dict(r, lang), 2)


_ODD_TEXT = st.text() | st.sampled_from(
    [_Str("sub"), "\ud800 lone", "\x00\x1f\x7f\u2028\u202e", "50% %s %%", "ünï çødé 日本",
     "", "\"quoted\" \\back"])
_ODD_NUMBER = (st.integers() | st.booleans() | st.none() | st.floats()
               | st.sampled_from([_Level.LOW, -0.0, float("nan"), float("-inf"), _Float(0.5),
                                  _Str("7"), 2 ** 70]))
_ODD = _ODD_TEXT | _ODD_NUMBER | _VALUE


@st.composite
def _findings(draw):
    from asas.engine.judge.catalog import RuleDoc
    from asas.engine.judge.verdict import Evidence, Found

    def text():
        return Text(draw(_ODD_TEXT), draw(_ODD_TEXT))
    # filled texts are templates that fill (a random one may not, in either writer)
    template = draw(st.sampled_from(["{x} and {sessions}", "plain", "{x!r:>3}", "%s {x}"]))
    doc = RuleDoc(id=draw(_ODD_TEXT | _ODD_NUMBER), principle=draw(st.none() | _ODD_TEXT),
                  severity=draw(_ODD_TEXT | _ODD_NUMBER), cf=0.5, title=text(),
                  message=Text(template, template), recommendation=Text(template, "in session {sessions}"),
                  why=text(),
                  source=text())
    evidence = draw(st.lists(st.builds(Evidence, _ODD_TEXT | _ODD_NUMBER, _ODD_NUMBER,
                                       _ODD_NUMBER, _ODD), max_size=3))
    derived = draw(st.lists(_ODD_TEXT, max_size=3) | st.lists(_ODD_TEXT, max_size=3).map(tuple))
    params = draw(st.fixed_dictionaries({}, optional={"x": _ODD, "sessions": _ODD}))
    return Found(doc=doc, session=draw(_ODD_NUMBER), certainty=draw(_ODD_NUMBER),
                 evidence=evidence, derived_from=derived, params=params,
                 line=draw(_ODD_NUMBER), column=draw(_ODD_NUMBER))


@settings(max_examples=400, deadline=None)
@given(_findings(), st.sampled_from(["en", "id"]))
def test_a_finding_is_written_as_json_dumps_writes_its_dict(found, lang):
    from asas.engine.report.contract import finding_dict
    from asas.engine.report.formats.json_ import _ITEM_LEVEL, _finding
    assert _finding(found, lang) == _dumped(finding_dict(found, lang), _ITEM_LEVEL)


@st.composite
def _strengths(draw):
    from asas.engine.judge.strengths import TEXTS
    from asas.engine.judge.verdict import Evidence, Shown
    key = draw(st.sampled_from(sorted(TEXTS)))
    return Shown(principle=draw(_ODD_TEXT | _ODD_NUMBER),
                 key=_Str(key) if draw(st.booleans()) else key,
                 params=draw(st.dictionaries(st.sampled_from(["sessions", "n", "value", "x"]),
                                             _ODD, max_size=3)),
                 evidence=draw(st.lists(st.builds(Evidence, _ODD_TEXT | _ODD_NUMBER,
                                                  _ODD_NUMBER, _ODD_NUMBER, _ODD), max_size=3)))


@settings(max_examples=300, deadline=None)
@given(_strengths(), st.sampled_from(["en", "id"]))
def test_a_strength_is_written_as_json_dumps_writes_its_dict(shown, lang):
    from asas.engine.report.contract import strength_dict
    from asas.engine.report.formats.json_ import _ITEM_LEVEL, _strength
    assert _outcome(lambda: _strength(shown, lang)) == \
        _outcome(lambda: _dumped(strength_dict(shown, lang), _ITEM_LEVEL))


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
# "self" is no field name a rule can write (``Fact(self=...)`` is a TypeError in
# experta's own Fact too): drawn once in a while, it failed this test by chance
@given(st.dictionaries((st.text(max_size=6) | st.sampled_from(["__bind__", "idx", "a__b"]))
                       .filter(lambda k: k != "self"), _FACT_VALUE, max_size=8))
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


# -- the verdict's quick paths (engine/judge/verdict.py) against the forms they replace

def _merge_params_before(firings) -> dict:
    merged: dict = {}
    for fact in firings:
        for key, value in fact["params"].items():
            merged.setdefault(key, [])
            if value not in merged[key]:
                merged[key].append(value)
    return {k: v[0] if len(v) == 1 else tuple(v) for k, v in merged.items()}


def _plain_before(value):
    import datetime
    if isinstance(value, tuple):
        return [_plain_before(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if hasattr(value, "__dataclass_fields__"):
        return {k: _plain_before(getattr(value, k)) for k in value.__dataclass_fields__}
    return value


def _selected_before(rule_id, select=None, ignore=None) -> bool:
    best_sel = max((len(p) for p in select or () if rule_id.startswith(p)), default=-1)
    if select is None:
        best_sel = 0
    best_ign = max((len(p) for p in ignore or () if rule_id.startswith(p)), default=-1)
    return best_sel >= 0 and best_sel >= best_ign if best_ign >= 0 else best_sel >= 0


_PARAM_VALUE = st.recursive(_LEAF, lambda inner: st.lists(inner, max_size=3)
                            | st.lists(inner, max_size=3).map(tuple), max_leaves=8)
_FIRING = st.fixed_dictionaries({"params": st.dictionaries(
    st.sampled_from(["variant", "sessions", "value", "n"]), _PARAM_VALUE, max_size=4)})


@settings(max_examples=300, deadline=None)
@given(st.lists(_FIRING, min_size=1, max_size=3))
def test_merged_parameters_are_what_they_were(firings):
    from asas.engine.judge.verdict import _merge_params
    from asas.engine.reason.compat import frozendict
    frozen = [{"params": frozendict(f["params"])} for f in firings]     # as the rules give
    assert repr(_merge_params(frozen)) == repr(_merge_params_before(frozen))
    got, want = _merge_params(firings), _merge_params_before(firings)
    assert repr(got) == repr(want)      # repr: NaN and -0.0 compared as written
    assert list(got) == list(want)
    if len(firings) == 1:       # a copy, never the fact's own dict
        assert got is not firings[0]["params"]


@settings(max_examples=300, deadline=None)
@given(_PARAM_VALUE | st.dates() | st.datetimes() | st.just(_Level.LOW) | st.just(True))
def test_plain_values_are_what_they_were(value):
    from asas.engine.judge.verdict import Evidence, _plain
    for v in (value, (value, value), Evidence("p", 1, 2, value)):
        got, want = _plain(v), _plain_before(v)
        assert repr(got) == repr(want) and type(got) is type(want)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["KRH001", "KSR005", "PRV001", "DOC003", "K"]),
       st.none() | st.lists(st.sampled_from(["K", "KRH", "KRH001", "PRV", "", "X"]), max_size=3),
       st.none() | st.lists(st.sampled_from(["K", "KRH", "KRH001", "PRV", "", "X"]), max_size=3))
def test_selection_is_what_it_was(rule_id, select, ignore):
    from asas.engine.judge.verdict import selected
    assert selected(rule_id, select, ignore) == _selected_before(rule_id, select, ignore)


def test_certainties_are_what_the_combination_gave(tmp_path):
    """cf_of, now combining as it goes, against combine() over the contributions, on
    the verdicts of real and generated cases (every finding's certainty)."""
    from asas.engine.judge import verdict
    from asas.engine.load.discover import case_paths
    from asas.engine.run.pipeline import check_file
    from tests.helpers import ROOT, generator
    generator().write_cases(tmp_path, 40, seed=7, sessions=3)
    paths = case_paths([str(ROOT / "cases"), str(tmp_path)])
    now = [check_file(p) for p in paths]

    def combined(cfs):      # as judge() combined them, a list at a time
        return verdict.combine(list(cfs))
    for r in now:
        for f in r.findings:
            assert 0 <= f.certainty <= 1
    # the same verdicts with the old per-key certainty: every certainty is that of a
    # plain recursive combine() of its firings
    import asas.rules as rules
    for r, p in zip(now, paths):
        if not r.valid:
            continue
        from asas.engine.load.loader import load_file
        from asas.engine.reason.runner import infer
        loaded = load_file(p)
        inference = infer(loaded)
        firings: dict = {}
        for fact in inference.findings:
            firings.setdefault((fact["id"], fact["session"]), []).append(fact)
        memo: dict = {}

        def cf_before(key, guard=()):
            if key not in memo:
                doc = rules.CATALOG[key[0]]
                contributions = []
                for fact in firings.get(key, ()):
                    parents = [q for q in fact["derived_from"] if q not in guard]
                    premise = min((cf_before(tuple(q), guard + (key,)) for q in parents),
                                  default=1.0)
                    contributions.append(premise * doc.cf)
                memo[key] = combined(contributions)
            return memo[key]
        for f in r.findings + [f for f, _ in r.suppressed]:
            assert f.certainty == round(cf_before((f.id, f.session)), 2)


# -- a cache entry written as bytes (engine/run/atomic.py replace_with_bytes) against
# the text file it was written as

@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.text(max_size=6), _PARAM_VALUE.filter(
    lambda v: "nan" not in repr(v) and "inf" not in repr(v)), max_size=5)
       | st.just({"s": "\udcff\u202e—é"}))
def test_an_entry_is_the_bytes_the_text_file_held(tmp_path_factory, result):
    import os
    import stat

    from asas.engine.run.atomic import replaced_file
    from asas.engine.run.cache import Cache
    folder = tmp_path_factory.mktemp("cache")
    cache = Cache(folder, "c" * 64)
    key = "ab" * 32
    cache.put(key, result)
    path = cache._path(key)
    if not cache.writable:      # a value the old writer could not write either
        with pytest.raises(UnicodeEncodeError), \
                replaced_file(str(folder / "old"), durable=False) as fh:
            fh.write(json.dumps(result, ensure_ascii=False))
        return
    before = folder / "before.json"
    with replaced_file(str(before), durable=False) as fh:
        fh.write(json.dumps({"config": cache.config, "entries": {key: result}},
                            ensure_ascii=False, allow_nan=False, separators=(",", ":")))
    assert path.read_bytes() == before.read_bytes()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(path.parent).st_mode) & 0o077 == 0
    assert [n for n in os.listdir(path.parent) if n.startswith(".asas-")] == []
    try:
        want = json.loads(before.read_bytes())["entries"][key]
    except ValueError:      # a lone surrogate written as its byte: no entry when read
        want = None
    assert cache.get(key) == want


def test_an_entry_that_cannot_be_written_leaves_nothing(tmp_path, monkeypatch):
    import os

    from asas.engine.run import atomic
    from asas.engine.run.cache import Cache
    cache = Cache(tmp_path, "c" * 64)
    cache.put("cd" * 32, {"a": 1})
    assert cache.writable and (tmp_path / "CACHEDIR.TAG").is_file()

    def full(fd, data):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(atomic.os, "write", full)
    cache.put("ab" * 32, {"a": 1})
    assert not cache.writable
    assert not cache._path("ab" * 32).exists()
    assert [n for n in os.listdir(cache._path("ab" * 32).parent)
            if n.startswith(".asas-")] == []


def test_an_entry_is_not_written_through_a_planted_link(tmp_path, monkeypatch):
    import os

    from asas.engine.run import atomic
    target = tmp_path / "elsewhere"
    target.write_text("mine")
    names = iter(["0000000000", "1111111111"])
    monkeypatch.setattr(atomic.os, "urandom", lambda n: bytes.fromhex(next(names)))
    os.symlink(target, tmp_path / ".asas-0000000000.tmp")
    atomic.replace_with_bytes(str(tmp_path / "entry.json"), b"x")
    monkeypatch.undo()
    # the link is passed by (O_EXCL), never written through; the entry is written
    assert target.read_text() == "mine" and (tmp_path / "entry.json").read_bytes() == b"x"
    assert os.path.islink(tmp_path / ".asas-0000000000.tmp")
    assert not (tmp_path / ".asas-1111111111.tmp").exists()
