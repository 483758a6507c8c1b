"""A checked case as plain data, and back: what worker processes send and the cache
keeps.

``to_data(result)`` gives a dict of JSON values (no file name: the same bytes under
another name have the same result); ``from_data(data, file, catalog)`` rebuilds a
:class:`~asas.engine.judge.verdict.CaseResult` that renders exactly as the original did, in
any language, since it keeps IDs, parameters and evidence, never rendered text.  The
result has no ``loaded`` case; it carries ``meta`` (title, trainee code, ...) for the
formats that show them.

``from_data`` treats its input as untrusted (a cache entry is a file anyone could
have written): anything not exactly of the expected shape raises :class:`BadData`,
never builds a result, and never runs code.
"""

from __future__ import annotations

import datetime
import math
import re

from asas.engine.i18n.messages import Msg, from_plain, to_plain
from asas.engine.judge.catalog import FUNCTIONS
from asas.engine.judge.profile import DEFAULT as DEFAULT_PROFILE
from asas.engine.judge.suppress import Waiver
from asas.engine.judge.terms import STATUSES
from asas.engine.judge.verdict import (
    CaseMeta,
    CaseResult,
    Defeat,
    Evidence,
    Found,
    PrincipleVerdict,
    Shown,
)
from asas.engine.load.types import CaseError
from asas.engine.report.safe import UNSAFE

DATA_VERSION = 4   # 2: strengths and defeated presumptions; 3: an error carries
#                  its message code and parameters; 4: both (i18n + knowledge v2 merged)
MAX_DEPTH = 32      # how deeply a stored parameter or evidence value may nest
# what the loader refuses in a case file's text (C0 controls but tab, newline and CR;
# DEL; C1): a stored string holding one was not written by asas (S2)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")  # + surrogates
_control = _CONTROL.search
_unsafe = UNSAFE.search


class BadData(ValueError):
    """Data that is not a result this version of asas wrote."""


class NotPlain(TypeError):
    """A value with no exact JSON form (the result can be sent, not cached)."""


def _json(value):
    """A JSON form of a finding's parameter or evidence value: text, numbers, booleans,
    null, and lists of them (tuples become lists), dicts with text keys."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise NotPlain(value)
        return value
    if isinstance(value, (list, tuple)):
        return [_json(v) for v in value]
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return {k: _json(v) for k, v in value.items()}
    raise NotPlain(type(value).__name__)


def to_data(r: CaseResult, strict: bool = True) -> dict:
    """``r`` as a dict of plain values.  With ``strict`` (for the cache), a value without
    an exact JSON form raises :class:`NotPlain`; without, it is kept as it is (for
    sending to another process)."""
    plain = _json if strict else (lambda v: v)
    meta = r.meta
    out = {
        "v": DATA_VERSION,
        "case_id": r.case_id,
        "errors": [[e.line, e.column, e.path, e.message, list(e.quoted), to_plain(e.msg)]
                   for e in r.errors],
        "principles": None if r.principles is None else {
            p: [v.status, v.score, list(v.findings)] for p, v in r.principles.items()},
        "functions": None if r.functions is None else dict(r.functions),
        "findings": [_finding(f, plain) for f in r.findings],
        "conclusions": [[what, session, list(because)] for what, session, because in r.conclusions],
        "strengths": [[st.principle, st.key, {k: plain(v) for k, v in st.params.items()},
                       [[e.path, e.line, e.column, plain(e.value)] for e in st.evidence]]
                      for st in r.strengths],
        "defeated": [[d.id, d.session, d.reason, {k: plain(v) for k, v in d.params.items()},
                      [[e.path, e.line, e.column, plain(e.value)] for e in d.evidence],
                      None if d.via is None else list(d.via), d.variant]
                     for d in r.defeated],
        "meta": None if meta is None else [
            meta.title, meta.code, meta.pseudonym,
            meta.first_date.isoformat() if meta.first_date else None, meta.sessions]
        + ([list(meta.verbatim)] if meta.verbatim else []),
    }
    if r.profile != DEFAULT_PROFILE:      # the default's data stay as they were
        out["profile"] = r.profile
    if r.suppressed or r.unused_suppressions:     # so do those of a file without any
        out.update(_suppressions(r, plain))
    return out


def _finding(f: Found, plain) -> list:
    return [f.id, f.session, f.certainty,
            [[e.path, e.line, e.column, plain(e.value)] for e in f.evidence],
            list(f.derived_from), {k: plain(v) for k, v in f.params.items()},
            [list(p) for p in f.parents], f.line, f.column]


def _suppressions(r: CaseResult, plain) -> dict:
    """A file's suppressions: each waiver once, the findings it set aside by index."""
    waivers: list = []
    for w in [w for _, w in r.suppressed] + list(r.unused_suppressions):
        if w not in waivers:
            waivers.append(w)
    return {"waivers": [[w.rule, w.session, w.reason, w.by, w.line, w.column] for w in waivers],
            "suppressed": [[_finding(f, plain), waivers.index(w)] for f, w in r.suppressed],
            "unused": [waivers.index(w) for w in r.unused_suppressions]}


# -- reading back, checking every part ---------------------------------------------

def _need(ok: bool, what: str):
    if not ok:
        raise BadData(what)


def _int(v, what, nullable=False):
    if v.__class__ is int:      # what json.loads gives; the rest checked in full
        return v
    _need((v is None and nullable) or (isinstance(v, int) and not isinstance(v, bool)), what)
    return v


def _str(v, what, nullable=False):
    if v.__class__ is str and not _control(v):
        return v
    _need((v is None and nullable) or (isinstance(v, str) and not _CONTROL.search(v)), what)
    return v


def _word(v, what, nullable=False):
    """A rule ID, a finding's key or a field's path: none of the characters a terminal
    report would have to escape (tab, newline, bidi, zero-width: engine/report/safe.py),
    since reports print it as it is, inside a line of their own."""
    _str(v, what, nullable)
    _need(v is None or not _unsafe(v), what)
    return v


def _list(v, what, length=None):
    if not isinstance(v, list) or (length is not None and len(v) != length):
        raise BadData(what)
    return v


def _key(v, what) -> tuple:
    _list(v, what, 2)
    return (_word(v[0], what), _int(v[1], what, nullable=True))


def _param(v, depth: int = 0):
    """Lists come back as tuples (a merged parameter is a tuple), values as written."""
    if isinstance(v, list):
        return tuple(_param(x, depth + 1) for x in v)
    if isinstance(v, dict):
        return {k: _param(x, depth + 1) for k, x in v.items()}
    return v


def _checked(v, what: str, depth: int = 0):
    """A stored JSON value (a parameter, an evidence value) checked: plain JSON types,
    text without control characters, nested at most ``MAX_DEPTH`` deep; returned as
    it is."""
    if depth > MAX_DEPTH:       # the message is made only then
        _need(False, f"{what} nested too deep")
    cls = v.__class__
    if cls is str:      # the most of them: checked here, without a call
        if _control(v):
            raise BadData(what)
        return v
    if v is None or isinstance(v, (bool, int)):
        return v
    if isinstance(v, float):
        _need(math.isfinite(v), what)
        return v
    if isinstance(v, str):
        return _str(v, what)
    if isinstance(v, list):
        for x in v:
            _checked(x, what, depth + 1)
        return v
    if isinstance(v, dict):
        for k, x in v.items():
            _str(k, what)
            _checked(x, what, depth + 1)
        return v
    raise BadData(what)


def from_data(data, file: str, catalog: dict) -> CaseResult:
    """Rebuild a result written by :func:`to_data`; raises :class:`BadData`."""
    try:
        return _from_data(data, file, catalog)
    except BadData:
        raise
    except Exception as exc:
        raise BadData(f"{type(exc).__name__}: {exc}") from None


def _from_data(data, file, catalog) -> CaseResult:
    _need(isinstance(data, dict) and data.get("v") == DATA_VERSION, "version")
    errors = []
    for e in _list(data["errors"], "errors"):
        _list(e, "error", 6)
        quoted = tuple(_str(q, "quoted") for q in _list(e[4], "quoted"))
        msg = from_plain(e[5])
        _need(msg is None or isinstance(msg, Msg), "error message")
        if msg is not None:     # its parameters fit its templates (else: BadData)
            msg.text("en"), msg.text("id")
        errors.append(CaseError(_int(e[0], "line"), _int(e[1], "column"), _str(e[2], "path"),
                                _str(e[3], "message"), quoted, msg))
    case_id = _str(data["case_id"], "case_id", nullable=True)
    profile = _str(data.get("profile", DEFAULT_PROFILE), "profile")
    principles = functions = None
    if data["principles"] is not None:
        raw = data["principles"]
        from asas.engine.judge.profile import ProfileError, lookup
        try:
            expected = lookup(profile).principles
        except ProfileError:
            raise BadData("profile") from None
        _need(isinstance(raw, dict) and list(raw) == list(expected), "principles")
        principles = {}
        for p, v in raw.items():
            _list(v, "principle", 3)
            _need(v[0] in STATUSES, "status")
            principles[p] = PrincipleVerdict(v[0], _int(v[1], "score", nullable=True),
                                              [_word(x, "finding id") for x in _list(v[2], "ids")])
    if data["functions"] is not None:
        raw = data["functions"]
        _need(isinstance(raw, dict) and list(raw) == list(FUNCTIONS)
              and all(v in (True, False, None) for v in raw.values()), "functions")
        functions = dict(raw)
    findings = [_checked_finding(f, catalog) for f in _list(data["findings"], "findings")]
    conclusions = []
    for c in _list(data["conclusions"], "conclusions"):
        _list(c, "conclusion", 3)
        conclusions.append((_str(c[0], "what"), _int(c[1], "session", nullable=True),
                            _key(c[2], "because")))
    strengths, defeated = [], []
    from asas.engine.judge.strengths import DEFEAT, TEXTS
    for st in _list(data["strengths"], "strengths"):
        _list(st, "strength", 4)
        _need(isinstance(st[2], dict), "strength params")
        _need(st[1] in TEXTS, "strength")
        shown = Shown(_str(st[0], "principle"), _str(st[1], "strength"),
                      {_str(k, "param"): _param(_checked(v, "param"))
                       for k, v in st[2].items()},
                      _evidence(st[3]))
        TEXTS[shown.key].fill("en", shown.params), TEXTS[shown.key].fill("id", shown.params)
        strengths.append(shown)
    for d in _list(data["defeated"], "defeated"):
        _list(d, "defeat", 7)
        _need(isinstance(d[3], dict), "defeat params")
        doc = catalog.get(_str(d[0], "rule id"))
        _need(doc is not None, "unknown rule")
        variant = _str(d[6], "variant", nullable=True)
        doc = doc.worded({"variant": variant})
        defeat = Defeat(doc, _int(d[1], "session", nullable=True),
                        _str(d[2], "reason", nullable=True),
                        {_str(k, "param"): _param(_checked(v, "param"))
                         for k, v in d[3].items()},
                        _evidence(d[4]),
                        None if d[5] is None else _key(d[5], "via"), variant)
        if defeat.reason in DEFEAT:     # its text fits its parameters (else: BadData)
            DEFEAT[defeat.reason].fill("en", defeat.params)
            DEFEAT[defeat.reason].fill("id", defeat.params)
        defeated.append(defeat)
    meta = None
    if data["meta"] is not None:
        m = _list(data["meta"], "meta")
        _need(len(m) in (5, 6), "meta")
        first = _str(m[3], "first_date", nullable=True)
        verbatim = ()
        if len(m) == 6:    # the verbatim view (engine/verbatim/view.py)
            from asas.engine.verbatim.view import valid_view
            _need(valid_view(m[5]) and len(m[5]) > 0, "verbatim")
            verbatim = tuple(m[5])
        meta = CaseMeta(_str(m[0], "title", nullable=True), _str(m[1], "code", nullable=True),
                        _str(m[2], "pseudonym", nullable=True),
                        datetime.date.fromisoformat(first) if first else None,
                        _int(m[4], "sessions"), verbatim)
    _need((principles is None) == bool(errors) and (functions is None) == bool(errors),
          "valid results have principles, invalid ones errors")
    result = CaseResult(file, case_id, errors, principles, functions, findings, conclusions,
                        None, meta, strengths, defeated, profile)
    if "waivers" in data:
        _need(principles is not None, "suppressions of an invalid result")
        waivers = []
        for w in _list(data["waivers"], "waivers"):
            _list(w, "waiver", 6)
            line, column = _int(w[4], "line"), _int(w[5], "column")
            waivers.append(Waiver(_str(w[0], "rule"), _str(w[2], "reason"), _str(w[3], "by"),
                                  _int(w[1], "session", nullable=True), None,
                                  f"{file}:{line}:{column}", line, column))

        def waiver(i):
            _need(isinstance(i, int) and not isinstance(i, bool) and 0 <= i < len(waivers),
                  "waiver index")
            return waivers[i]
        for pair in _list(data["suppressed"], "suppressed"):
            _list(pair, "suppressed", 2)
            result.suppressed.append((_checked_finding(pair[0], catalog), waiver(pair[1])))
        result.unused_suppressions = [waiver(i) for i in _list(data["unused"], "unused")]
    return result


def _checked_finding(f, catalog) -> Found:
    _list(f, "finding", 9)
    doc = catalog.get(_str(f[0], "rule id"))
    _need(doc is not None, "unknown rule")
    certainty = f[2]
    _need(isinstance(certainty, (int, float)) and not isinstance(certainty, bool)
          and 0 <= certainty <= 1, "certainty")
    evidence = []
    for e in _list(f[3], "evidence"):
        _list(e, "evidence item", 4)
        evidence.append(Evidence(_word(e[0], "path"), _int(e[1], "line"),
                                 _int(e[2], "column"), _checked(e[3], "evidence value")))
    params = f[5]
    _need(isinstance(params, dict), "params")
    params = {_str(k, "param"): _param(_checked(v, "param")) for k, v in params.items()}
    return Found(
        doc.worded(params), _int(f[1], "session", nullable=True), certainty, evidence,
        [_word(x, "derived_from") for x in _list(f[4], "derived_from")],
        params,
        [_key(p, "parent") for p in _list(f[6], "parents")],
        _int(f[7], "line"), _int(f[8], "column"))


def _evidence(items) -> list[Evidence]:
    out = []
    for e in _list(items, "evidence"):
        _list(e, "evidence item", 4)
        out.append(Evidence(_word(e[0], "path"), _int(e[1], "line"), _int(e[2], "column"),
                            _checked(e[3], "evidence value")))
    return out


def from_trusted(data: dict, file: str, catalog: dict) -> CaseResult:
    """:func:`from_data` without the checks, for data this run's own processes made
    (worker results); never for anything read from disk."""
    meta = data["meta"]
    if meta is not None:
        title, code, pseudonym, first, sessions = meta[:5]
        meta = CaseMeta(title, code, pseudonym,
                        datetime.date.fromisoformat(first) if first else None, sessions,
                        tuple(meta[5]) if len(meta) > 5 else ())
    principles = data["principles"]
    if principles is not None:
        principles = {p: PrincipleVerdict(status, score, list(ids))
                      for p, (status, score, ids) in principles.items()}
    functions = data["functions"]
    result = CaseResult(
        file, data["case_id"],
        [CaseError(line, column, path, message, tuple(quoted), from_plain(msg))
         for line, column, path, message, quoted, msg in data["errors"]],
        principles, None if functions is None else dict(functions),
        [_found(catalog[rule_id], session, certainty,
                [Evidence(path, line, column, value) for path, line, column, value in evidence],
                list(derived_from), {k: _param(v) for k, v in params.items()},
                [(p[0], p[1]) for p in parents], line, column)
         for rule_id, session, certainty, evidence, derived_from, params, parents, line, column
         in data["findings"]],
        [(what, session, (because[0], because[1])) for what, session, because
         in data["conclusions"]],
        None, meta,
        [Shown(principle, key, {k: _param(v) for k, v in params.items()},
               [Evidence(*e) for e in evidence])
         for principle, key, params, evidence in data["strengths"]],
        [Defeat(catalog[rule_id].worded({"variant": variant}), session, reason,
                {k: _param(v) for k, v in params.items()},
                [Evidence(*e) for e in evidence], None if via is None else (via[0], via[1]),
                variant)
         for rule_id, session, reason, params, evidence, via, variant in data["defeated"]],
        data.get("profile", DEFAULT_PROFILE))
    if "waivers" in data:
        waivers = [Waiver(rule, reason, by, session, None, f"{file}:{line}:{column}", line,
                          column) for rule, session, reason, by, line, column in data["waivers"]]
        result.suppressed = [(_found(catalog[f[0]], f[1], f[2], [Evidence(*e) for e in f[3]],
                                     list(f[4]), {k: _param(v) for k, v in f[5].items()},
                                     [(p[0], p[1]) for p in f[6]], f[7], f[8]), waivers[i])
                             for f, i in data["suppressed"]]
        result.unused_suppressions = [waivers[i] for i in data["unused"]]
    return result


def compact(r: CaseResult, catalog: dict) -> CaseResult:
    """The result as :func:`from_trusted` rebuilds ``to_data(r, strict=False)``, without
    the round trip through plain data: what a worker renders and what one process
    reports (engine/run/batch.py).  The parts both leave as they are (evidence, a
    finding's wording, the meta) are shared; the parts the rebuild changes are changed
    here the same way (parameters' lists become tuples, lists and dicts are new); a
    result with errors or suppressions, rare and of more shapes, takes the round trip
    itself.  ``tests/test_codec_compact.py`` holds the two equal, type for type."""
    if r.errors or r.suppressed or r.unused_suppressions or r.principles is None \
            or r.functions is None:
        return from_trusted(to_data(r, strict=False), r.file, catalog)
    return CaseResult(
        r.file, r.case_id, [],
        {p: PrincipleVerdict(v.status, v.score, list(v.findings))
         for p, v in r.principles.items()},
        dict(r.functions),
        [Found(f.doc, f.session, f.certainty, list(f.evidence), list(f.derived_from),
               {k: _param(v) for k, v in f.params.items()},
               [(p[0], p[1]) for p in f.parents], f.line, f.column)
         for f in r.findings],
        [(what, session, (because[0], because[1])) for what, session, because
         in r.conclusions],
        None, r.meta,
        [Shown(st.principle, st.key, {k: _param(v) for k, v in st.params.items()},
               list(st.evidence)) for st in r.strengths],
        [Defeat(d.doc, d.session, d.reason, {k: _param(v) for k, v in d.params.items()},
                list(d.evidence), None if d.via is None else (d.via[0], d.via[1]), d.variant)
         for d in r.defeated],
        r.profile)


def _found(doc, session, certainty, evidence, derived_from, params, parents, line, column):
    return Found(doc.worded(params), session, certainty, evidence, derived_from, params,
                 parents, line, column)
