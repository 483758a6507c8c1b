"""--format json: the contract of shared/spec/report-format.md.

A filtered report (``--select``/``--ignore``) records the selection in
``tool.selection`` (``{"select": [...] | null, "ignore": [...] | null}``), an addition
to the contract, absent from a complete report.

``stream`` writes the same text as ``render``, byte for byte, one case at a time as
results arrive, so a batch of any size is reported without being held in memory.
"""

import json
from json.encoder import encode_basestring as _string  # C (c_encode_basestring), else Python

from asas.engine.judge.profile import lookup
from asas.engine.report.contract import (
    FINDING_KEYS,
    STRENGTH_KEYS,
    Tally,
    case_dict,
    finding_values,
    report_dict,
    strength_values,
    tool_dict,
)
from asas.engine.report.rendered import piece_of


def _tool(lang: str, selection, profile=None) -> dict:
    tool = tool_dict(lang, profile)
    if selection is not None:
        tool["selection"] = selection.as_dict()
    return tool


def render(results, lang: str, selection=None) -> str:
    report = report_dict(results, lang)
    if selection is not None:
        report["tool"]["selection"] = selection.as_dict()
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


def _nested(value, level: int) -> str:
    """``value`` exactly as ``json.dumps(value, ensure_ascii=False, indent=2)`` writes it,
    ``level`` levels down.  json's own encoder is pure Python once ``indent`` is given;
    this one writes each leaf with one C call (a string by json's own C encoder) and
    each separator, key and indentation as one string made once, and hands anything it
    does not know to json.dumps."""
    out: list[str] = []
    _write(value, level, out)
    return "".join(out)


def _null(value) -> str:
    return "null"


def _bool(value) -> str:
    return "true" if value else "false"


def _float(value) -> str:
    if value == value and value not in (_INF, -_INF):
        return float.__repr__(value)
    return json.dumps(value)        # NaN, Infinity, as json writes them


_INF = float("inf")
# how each exact type of leaf is written; subclasses (an IntEnum, a str subclass) are not
# here, and go to json.dumps as they always did
_LEAVES = {str: _string, int: int.__repr__, bool: _bool, type(None): _null, float: _float}
_KEYS: dict[str, str] = {}      # a key, encoded with its ': '
_KEYS_MAX = 4096
_SEPS: list[tuple[str, ...]] = []    # per level, see _seps


def _seps(level: int) -> tuple[str, ...]:
    """The strings of a container ``level`` levels down: its opening ``{`` or ``[`` with
    the first item's indentation, the comma before every other item, its closing ``}``
    or ``]`` on a line of its own, and the line break with its own indentation."""
    while len(_SEPS) <= level:
        here = "\n" + "  " * len(_SEPS)
        inner = here + "  "
        _SEPS.append(("{" + inner, "[" + inner, "," + inner, here + "}", here + "]", here))
    return _SEPS[level]


_DEEP = 16
_seps(_DEEP)      # made once for the levels a report reaches


def _other(value, level: int) -> str:
    """What json does with anything else (subclasses, odd keys), as json does it."""
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", _seps(level)[5])


def _write(value, level: int, out: list) -> None:
    cls = value.__class__
    leaf = _LEAVES.get(cls)
    if leaf is not None:
        out.append(leaf(value))
    elif cls is dict:
        if not value:
            out.append("{}")
            return
        start = len(out)
        sep, _, comma, close, _, _ = _SEPS[level] if level < _DEEP else _seps(level)
        keys, leaves = _KEYS, _LEAVES
        for k, v in value.items():
            key = keys.get(k)
            if key is None:
                if k.__class__ is not str:      # json.dumps turns them into text
                    del out[start:]
                    out.append(_other(value, level))
                    return
                key = _string(k) + ": "
                if len(keys) < _KEYS_MAX:
                    keys[k] = key
            leaf = leaves.get(v.__class__)
            if leaf is not None:
                out.append(sep + key + leaf(v))
            else:
                out.append(sep + key)
                _write(v, level + 1, out)
            sep = comma
        out.append(close)
    elif cls is list or cls is tuple:
        if not value:
            out.append("[]")
            return
        _, sep, comma, _, close, _ = _SEPS[level] if level < _DEEP else _seps(level)
        leaves = _LEAVES
        for v in value:
            leaf = leaves.get(v.__class__)
            if leaf is not None:
                out.append(sep + leaf(v))
            else:
                out.append(sep)
                _write(v, level + 1, out)
            sep = comma
        out.append(close)
    else:
        out.append(_other(value, level))


class _Written(str):
    """A finding's or strength's text as _finding or _strength made it for its place in
    a case (level 4): the writer writes it as it is.  Only fragment puts one in a case's
    dict, where no json.dumps (_other) sees it: the keys around it are the contract's."""


_LEAVES[_Written] = str.__str__


def _value(value, level: int) -> str:
    """``_nested(value, level)``, a leaf without its list."""
    leaf = _LEAVES.get(value.__class__)
    return leaf(value) if leaf is not None else _nested(value, level)


def _parts(keys: tuple, level: int) -> tuple:
    """The text around the values of a dict with ``keys`` ``level`` levels down, as
    _write writes it: before each value its key (after the ``{`` or the comma, and the
    indentation), and after the last the closing ``}``."""
    seps = _seps(level)
    return tuple((seps[2] if i else seps[0]) + _string(k) + ": "
                 for i, k in enumerate(keys)) + (seps[3],)


# A case is two levels down (fragment), its findings and strengths four, their
# evidence items six.  The writers below write these dicts of fixed keys straight from
# the objects, as one f-string (joined in one C call; cheaper than a %-template), each
# value of its usual exact type by one C call (an int or a finite float is its own
# text), anything else by _value, as _write would.
_ITEM_LEVEL = 4
_FINDING = _parts(FINDING_KEYS, _ITEM_LEVEL)
_STRENGTH = _parts(STRENGTH_KEYS, _ITEM_LEVEL)
_EVIDENCE = _parts(("path", "line", "column", "value"), _ITEM_LEVEL + 2)


def _evidence(evidence) -> str:
    """``_nested(evidence_dicts(evidence), 5)``: an item's evidence."""
    if not evidence:
        return "[]"
    text, inner = _string, _ITEM_LEVEL + 3
    k0, k1, k2, k3, end = _EVIDENCE
    out = []
    for e in evidence:
        path, line, column, value = e.path, e.line, e.column, e.value
        path = text(path) if path.__class__ is str else _value(path, inner)
        line = line if line.__class__ is int else _value(line, inner)
        column = column if column.__class__ is int else _value(column, inner)
        value = text(value) if value.__class__ is str else _value(value, inner)
        out.append(f"{k0}{path}{k1}{line}{k2}{column}{k3}{value}{end}")
    seps = _SEPS[_ITEM_LEVEL + 1]
    return seps[1] + seps[2].join(out) + seps[4]


def _finding(f, lang: str) -> _Written:
    """``_nested(finding_dict(f, lang), 4)`` without the dict."""
    (id_, principle, severity, certainty, title, message, recommendation, session, line,
     column, evidence, derived, source) = finding_values(f, lang)
    text, down = _string, _ITEM_LEVEL + 1
    id_ = text(id_) if id_.__class__ is str else _value(id_, down)
    principle = text(principle) if principle.__class__ is str else _value(principle, down)
    severity = text(severity) if severity.__class__ is str else _value(severity, down)
    # NaN and the infinities are not their own text (c - c is NaN for them)
    if certainty.__class__ is not float or certainty - certainty != 0.0:
        certainty = _value(certainty, down)
    title = text(title) if title.__class__ is str else _value(title, down)
    message = text(message) if message.__class__ is str else _value(message, down)
    recommendation = (text(recommendation) if recommendation.__class__ is str
                      else _value(recommendation, down))
    session = session if session.__class__ is int else _value(session, down)
    line = line if line.__class__ is int else _value(line, down)
    column = column if column.__class__ is int else _value(column, down)
    evidence = _evidence(evidence)
    derived = _nested(list(derived), down) if derived else "[]"
    source = text(source) if source.__class__ is str else _value(source, down)
    k0, k1, k2, k3, k4, k5, k6, k7, k8, k9, k10, k11, k12, end = _FINDING
    return _Written(f"{k0}{id_}{k1}{principle}{k2}{severity}{k3}{certainty}{k4}{title}"
                    f"{k5}{message}{k6}{recommendation}{k7}{session}{k8}{line}{k9}{column}"
                    f"{k10}{evidence}{k11}{derived}{k12}{source}{end}")


def _strength(st, lang: str) -> _Written:
    """``_nested(strength_dict(st, lang), 4)`` without the dict."""
    principle, key, said, evidence = strength_values(st, lang)
    text, down = _string, _ITEM_LEVEL + 1
    principle = text(principle) if principle.__class__ is str else _value(principle, down)
    key = text(key) if key.__class__ is str else _value(key, down)
    said = text(said) if said.__class__ is str else _value(said, down)
    k0, k1, k2, k3, end = _STRENGTH
    return _Written(f"{k0}{principle}{k1}{key}{k2}{said}{k3}{_evidence(evidence)}{end}")


def fragment(r, lang: str, index: int = 0) -> str:
    """What ``stream`` writes for one case (engine/report/rendered.py)."""
    return _nested(case_dict(r, lang, _finding, _strength), 2)


def stream(results, lang: str, out, interrupted=lambda: None, selection=None,
           profile=None) -> None:
    """Write the report of ``results`` (any iterable) to the text stream ``out``.
    If the run was interrupted (``interrupted()`` gives a note), the summary says so:
    ``"interrupted": true``, an addition to the contract."""
    tally = Tally()
    chosen = lookup(profile)        # written before the results: the run's profile
    out.write(f'{{\n  "tool": {_nested(_tool(lang, selection, chosen), 1)},\n'
              f'  "principles": {_nested(list(chosen.principles), 1)},\n  "cases": [')
    first = True
    for r in results:
        tally.add(r)
        out.write("\n    " if first else ",\n    ")
        out.write(piece_of(r, fragment, lang))     # a piece alone: it may be bytes
        first = False
    summary = tally.summary()
    if interrupted():
        summary["interrupted"] = True
    out.write(("]" if first else "\n  ]") + f',\n  "summary": {_nested(summary, 1)}\n}}\n')
