"""Hypothesis strategies for case files, read off the model: valid cases, and
mutations of them (wrong types, keys dropped, added and duplicated, odd Unicode,
long strings, deep nesting, broken bytes).  Shared by tests/test_fuzz.py (a few
examples in every run) and bench/fuzz.py (many, once)."""

from __future__ import annotations

import datetime
import re

import yaml
from hypothesis import strategies as st

from asas.engine.model.case import RULE_ID, Case, fields_of

# text a person could write: no surrogates, no control characters (refused on purpose)
TEXT = st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=30)
ODD_TEXT = st.one_of(
    st.text(max_size=30),                              # anything, controls included
    st.sampled_from(["", " ", "~", "null", "yes", "no", "on", "0x1f", "1e400", ".nan",
                     "2026-02-30", "12:30:00", "!!python/object:os.system", "&a", "*a",
                     "<<", "- x", "{a: 1}", "[1, 2", "'", '"', "#", "%YAML 1.1",
                     "\u202eRTL", "\ufeffBOM", "\u0000", "\x1b[2J", "e\u0301", "👩‍👩‍👧",
                     "Budi Santoso", "0812-3456-7890", "a@b.id"]),
    st.text(min_size=1, max_size=3).map(lambda s: s * 5000),   # long strings
)


def _value(spec, item=False):
    target = spec.item if spec.kind == "list" and item else spec
    kind = target.kind
    if kind == "str" and target.pattern == RULE_ID:   # a suppression names a real rule
        from asas.rules import CATALOG
        return st.sampled_from(sorted(CATALOG))
    if kind == "str" and target.pattern is not None:
        return TEXT.filter(lambda text: re.search(target.pattern, text) is not None)
    if kind == "str":
        return TEXT
    if kind == "int":
        low = int(target.minimum) if target.minimum is not None else -5
        high = int(target.maximum) if target.maximum is not None else low + 50
        return st.integers(low, high)
    if kind == "float":
        return st.floats(target.minimum or 0.0, target.maximum or 1.0)
    if kind == "bool":
        return st.booleans()
    if kind == "date":
        return st.dates(datetime.date(2000, 1, 1), datetime.date(2035, 12, 31))
    if kind == "enum":
        return st.sampled_from(target.choices)
    if kind == "list":
        return st.lists(_value(target, item=True), max_size=3)
    if kind == "object":
        return mapping(target.cls)
    raise AssertionError(kind)


def mapping(cls):
    required, optional = {}, {}
    for spec in fields_of(cls):
        if spec.name == "sessions":
            continue
        (required if spec.required else optional)[spec.name] = _value(spec)
    return st.fixed_dictionaries(required, optional=optional)


# a verbatim has a grammar of its own (engine/verbatim/parse.py): drawn as turns
_WORDS = st.sampled_from(["Selamat", "pagi", "Bu", "iya", "kamu", "merasa", "sedih",
                          "bagaimana", "nggak", "sih", "dong", "Ibu", "rahasia", "boleh",
                          "berhenti", "saya", "mau", "coba", "12", "0812-3456-7890", "?", ".",
                          "(diam)", "Jalan", "Melati", "No.", "5", "apa", "ya?", "lalu?"])
_SPEECH = st.lists(_WORDS, min_size=1, max_size=12).map(" ".join)
_LABELS = st.sampled_from(["", " | attending", " | refleksi perasaan", " | pertanyaan terbuka",
                           " | nasihat, pengarahan"])
_TURN = st.tuples(st.sampled_from(["Ko", "Ki", "Konselor", "Siswa", "K", "S", "Ayah"]),
                  _SPEECH, _LABELS).map(lambda t: f"{t[0]}: {t[1]}{t[2] if t[0] in ('Ko', 'Konselor', 'K') else ''}")
VERBATIMS = st.lists(_TURN, max_size=8).flatmap(
    lambda turns: _SPEECH.map(lambda a: ["Ko: " + a] + turns + ["Ki: " + a])).map(
    lambda turns: "\n".join(turns) + "\n")


@st.composite
def valid_cases(draw, max_sessions=4):
    """A plain dict that is a valid asas/v1 case file."""
    data = draw(mapping(Case))
    data["format"] = "asas/v1"
    session_spec = next(s for s in fields_of(Case) if s.name == "sessions")
    sessions = draw(st.lists(_value(session_spec, item=True), min_size=1,
                             max_size=max_sessions))
    data["case"].pop("verbatim_speakers", None)
    for i, session in enumerate(sessions):
        session["number"] = i + 1
        session.pop("verbatim", None)
        if draw(st.booleans()):
            session["verbatim"] = draw(VERBATIMS)
    data["sessions"] = sessions
    out = data["case"].get("referred_out")
    if out and out.get("session") is not None:
        out["session"] = min(out["session"], len(sessions))
    for item in data["case"].get("problem", {}).get("risk", []):
        if isinstance(item, dict) and item.get("session") is not None:
            item["session"] = min(item["session"], len(sessions))
    for item in (data.get("asas") or {}).get("ignore", []):
        if item.get("session") is not None:
            item["session"] = min(item["session"], len(sessions))
    return data


class _Dumper(yaml.SafeDumper):
    """Text of several lines (a verbatim) as a literal block, as a case file writes it."""


_Dumper.add_representer(str, lambda d, s: d.represent_scalar(
    "tag:yaml.org,2002:str", s, style="|" if "\n" in s else None))


def dump(data) -> bytes:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False).encode("utf-8")


# -- mutations -----------------------------------------------------------------
def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, prefix + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _paths(value, prefix + (i,))


def _nested(depth, leaf):
    for _ in range(depth):
        leaf = [leaf] if depth % 2 else {"a": leaf}
    return leaf


ANY_VALUE = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), ODD_TEXT,
              st.dates()),
    lambda inner: st.one_of(st.lists(inner, max_size=3),
                            st.dictionaries(ODD_TEXT, inner, max_size=3)),
    max_leaves=8)


@st.composite
def mutated_cases(draw):
    """The bytes of a valid case file with one to three things broken."""
    data = draw(valid_cases(max_sessions=3))
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in _paths(data) if p]
        path = draw(st.sampled_from(paths))
        parent = data
        for step in path[:-1]:
            parent = parent[step]
        last = path[-1]
        how = draw(st.sampled_from(["wrong", "drop", "unknown", "deep", "odd_key"]))
        if how == "wrong":
            parent[last] = draw(ANY_VALUE)
        elif how == "drop":
            del parent[last]
        elif how == "unknown" and isinstance(parent, dict):
            parent[draw(ODD_TEXT)] = draw(ANY_VALUE)
        elif how == "deep":
            parent[last] = _nested(draw(st.integers(10, 300)), draw(ANY_VALUE))
        elif how == "odd_key" and isinstance(parent, dict):
            parent[draw(ODD_TEXT)] = parent.pop(last)
    try:
        text = dump(data)
    except (yaml.YAMLError, RecursionError):
        text = dump({"format": "asas/v1"})
    edit = draw(st.sampled_from(["none", "duplicate_line", "bytes", "truncate", "anchor"]))
    lines = text.split(b"\n")
    if edit == "duplicate_line" and len(lines) > 2:
        i = draw(st.integers(1, len(lines) - 2))
        lines.insert(i, lines[i])
        text = b"\n".join(lines)
    elif edit == "bytes":
        for _ in range(draw(st.integers(1, 4))):
            i = draw(st.integers(0, len(text)))
            text = text[:i] + draw(st.binary(max_size=4)) + text[i + draw(st.integers(0, 3)):]
    elif edit == "truncate":
        text = text[:draw(st.integers(0, len(text)))]
    elif edit == "anchor" and len(lines) > 3:
        i = draw(st.integers(1, len(lines) - 2))
        lines[i] = lines[i] + draw(st.sampled_from([b" &x", b" *x", b" !!binary", b" !t",
                                                    b" <<: *x"]))
        text = b"\n".join(lines)
    return text
