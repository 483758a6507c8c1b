"""Taking what the client said, and who they are, out of a report (``check --redact``).

``redact(results)`` returns copies of the results in which every free-text value of
the case files is replaced by ``[redacted]``: quotes and notes in findings' evidence,
free text carried in a finding's parameters, text of the file quoted in an error
message (anchor and alias names too), and the free-text fields of the case model itself (which some formats read,
e.g. the title).  What stays is what the reader needs to act: rule IDs, statuses,
scores, field paths (a session's own too, as DOC080 lists them), rule IDs named in a
finding's text, lines, and values of the format's closed vocabularies (enums,
true/false, numbers, dates), plus the case ID and the counselor's code.  The file
name stays too: name files by case ID, not by client.

A PRV finding never shows the value of the field it points at, in any report, since
that value is the identifying data it warns about: that is the catalogue entry's
``shows_values=False``, applied where findings are made (engine/verdict.py).
"""

from __future__ import annotations

import ast
import contextvars
import dataclasses
import re

from asas.engine.i18n.labels import LABELS
from asas.engine.model.case import Case, FieldSpec, fields_of

REDACTED = "[redacted]"
# what stands in for the hidden text, in the report's language
MARKS = {"en": REDACTED, "id": "[disamarkan]"}
_MARK: contextvars.ContextVar[str] = contextvars.ContextVar("redaction_mark", default=REDACTED)
# text fields that are identifiers the reports need, not free text
KEEP = frozenset({"format", "case.id", "case.counselor.code", "asas.ignore.rule"})

_INDEX = re.compile(r"\[\d+\]")
_PATH = re.compile(r"(?:case|sessions\[\d+\])(?:\.[a-z_]+(?:\[\d+\])?)*")
# a rule ID a finding names in its text (the roots a derived finding's advice points at)
_RULE_ID = re.compile(r"[A-Z]{3}\d{3}")
# a field path inside one session (the fields DOC080 lists: ``counselor.self_focus``)
_SESSION_FIELD = re.compile(r"[a-z_]+(?:\.[a-z_]+)*")


def _vocabulary() -> frozenset:
    words = set(LABELS)
    stack: list[type] = [Case]
    seen = set()
    while stack:
        cls = stack.pop()
        if cls in seen:
            continue
        seen.add(cls)
        for spec in fields_of(cls):
            target = spec.item_spec if spec.kind == "list" else spec
            words.update(str(c) for c in target.choices)
            if target.kind == "object":
                stack.append(target.object_cls)
    return frozenset(words)


_WORDS = _vocabulary()


def _spec_at(path: str):
    """The FieldSpec a path such as ``sessions[0].counselor.pressure_on_client`` names,
    and whether it names one item of a list; None when the path is not the format's."""
    cls: type | None = Case
    spec: FieldSpec | None = None
    item = False
    for part in path.split("."):
        name = _INDEX.sub("", part)
        if cls is None:
            return None, False
        spec = next((s for s in fields_of(cls) if s.name == name), None)
        if spec is None:
            return None, False
        item = part != name
        target = spec.item_spec if spec.kind == "list" and item else spec
        cls = target.object_cls if target.kind == "object" else (
            spec.item_spec.object_cls
            if spec.kind == "list" and spec.item_spec.kind == "object" else None)
    return spec, item


def _scrub(value, spec=None, item=False, path=""):
    """``value`` with free text replaced; ``spec`` says what it is, when known."""
    if path in KEEP:
        return value
    if spec is not None:
        target = spec.item if spec.kind == "list" and item else spec
        if target.kind == "str":
            return _MARK.get() if value is not None else None
        if target.kind == "list" and isinstance(value, (list, tuple)):
            return [_scrub(v, target.item, False, "") for v in value]
        if target.kind == "object" and isinstance(value, dict):
            specs = {s.name: s for s in fields_of(target.cls)}
            return {k: _scrub(v, specs.get(k)) for k, v in value.items()}
        if target.kind in ("enum", "bool", "int", "float", "date"):
            return value
    return _scrub_unknown(value)


def _scrub_unknown(value):
    """Free text by elimination: keep numbers, booleans, the format's own words and
    field paths; anything else that is text is taken out."""
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, str):
        keep = (value in _WORDS or _PATH.fullmatch(value) or _RULE_ID.fullmatch(value)
                or (_SESSION_FIELD.fullmatch(value)
                    and _spec_at("sessions[0]." + value)[0] is not None))
        return value if keep else _MARK.get()
    if isinstance(value, (list, tuple)):
        return type(value)(_scrub_unknown(v) for v in value)
    if isinstance(value, dict):
        return {k: _scrub_unknown(v) for k, v in value.items()}
    if hasattr(value, "isoformat"):
        return value
    return _MARK.get()


def _case(obj, cls, path=""):
    """A copy of a model object with its free-text fields replaced."""
    changes: dict[str, object] = {}
    for spec in fields_of(cls):
        value = getattr(obj, spec.name)
        sub = f"{path}.{spec.name}" if path else spec.name
        if value is None or sub in KEEP:
            continue
        if spec.kind == "str":
            changes[spec.name] = _MARK.get()
        elif spec.kind == "object":
            changes[spec.name] = _case(value, spec.cls, sub)
        elif spec.kind == "list" and spec.item_spec.kind == "str":
            changes[spec.name] = tuple(_MARK.get() for _ in value)
        elif spec.kind == "list" and spec.item_spec.kind == "object":
            changes[spec.name] = tuple(_case(v, spec.item_spec.object_cls, sub) for v in value)
    return dataclasses.replace(obj, **changes) if changes else obj


def _evidence(e):
    spec, item = _spec_at(e.path)
    return dataclasses.replace(e, value=_scrub(e.value, spec, item, e.path))


_KEY_CODES = ("load.unknown_key", "load.unknown_key_hint", "load.duplicate_key")
# anchor and alias names are text of the file (``&Budi0812345678``): the loader's
# messages about them name them after ``*`` or ``&``
_ANCHOR_MESSAGE = ("alias *", "anchor &")
_ANCHOR_NAME = re.compile(r"(?<=[*&])[^\s*&]+")


_ANCHOR_CODES = ("load.alias_no_anchor", "load.alias_loop", "load.anchor_twice")


def _error(e):
    if e.code in _ANCHOR_CODES:
        from asas.engine.i18n.messages import Msg
        msg = Msg(e.msg.code, tuple((k, _MARK.get() if k == "name" else v)
                                    for k, v in e.msg.params))
        e = dataclasses.replace(e, message=msg.text("en"), msg=msg)
    elif e.message.startswith(_ANCHOR_MESSAGE):
        e = dataclasses.replace(e, message=_ANCHOR_NAME.sub(_MARK.get(), e.message))
    if not e.quoted:
        return e
    path = e.path
    for quote in e.quoted:
        try:
            inner = ast.literal_eval(quote)
        except (ValueError, SyntaxError):
            continue
        # an unknown or duplicate key is the last step of its path
        if e.code in _KEY_CODES and isinstance(inner, str) and (
                path == inner or path.endswith("." + inner)):
            path = path[:len(path) - len(inner)] + _MARK.get()
    return dataclasses.replace(e.redacted(_MARK.get()), path=path)


def _verbatim(view):
    if not view:
        return view
    from asas.engine.verbatim.view import redacted
    return redacted(view, _MARK.get())


def _values(loaded) -> dict:
    """``loaded.values`` with the line of every turn of its analysed verbatim, which
    ``where`` would otherwise look up in the verbatim a redacted case no longer has."""
    if not loaded.analyses:
        return loaded.values
    from asas.engine.verbatim.analyse import turn_lines
    return {**loaded.values, **turn_lines(loaded)}


def redact(results, lang: str = "en"):
    """Copies of ``results`` (CaseResult) with every free-text value of the case files
    replaced by ``[redacted]`` (``[disamarkan]`` in an Indonesian report); the results
    given are not changed."""
    token = _MARK.set(MARKS.get(lang, REDACTED))
    try:
        return _redact(results)
    finally:
        _MARK.reset(token)


def _redact(results):
    out = []
    for r in results:
        findings = [dataclasses.replace(
            f, evidence=[_evidence(e) for e in f.evidence],
            params={k: _scrub_unknown(v) for k, v in f.params.items()}) for f in r.findings]
        changes = {"findings": findings, "errors": [_error(e) for e in r.errors]}
        # what went well, and what defeated a presumption, carry evidence and text too
        changes["strengths"] = [dataclasses.replace(
            st, evidence=[_evidence(e) for e in st.evidence],
            params={k: _scrub_unknown(v) for k, v in st.params.items()}) for st in r.strengths]
        changes["defeated"] = [dataclasses.replace(
            d, evidence=[_evidence(e) for e in d.evidence],
            params={k: _scrub_unknown(v) for k, v in d.params.items()}) for d in r.defeated]
        if r.suppressed or r.unused_suppressions:
            # a suppression's reason and who decided are free text of the file (a reason
            # may tell the client's story); the rule, session and line stay
            hidden = {}

            def waiver(w):
                if id(w) not in hidden:
                    hidden[id(w)] = dataclasses.replace(
                        w, reason=_MARK.get(), by=_MARK.get() if w.by else w.by)
                return hidden[id(w)]
            changes["suppressed"] = [(dataclasses.replace(
                f, evidence=[_evidence(e) for e in f.evidence],
                params={k: _scrub_unknown(v) for k, v in f.params.items()}), waiver(w))
                for f, w in r.suppressed]
            changes["unused_suppressions"] = [waiver(w) for w in r.unused_suppressions]
        if r.meta is not None:    # title and pseudonym are free text; the code stays
            changes["meta"] = dataclasses.replace(
                r.meta, title=_MARK.get() if r.meta.title is not None else None,
                pseudonym=_MARK.get() if r.meta.pseudonym is not None else None,
                verbatim=_verbatim(r.meta.verbatim))
        loaded = r.loaded
        if loaded is not None:
            # the verbatim as read goes too: its turns are what the client said; their
            # lines stay (they were looked up from the verbatim, which goes)
            changes["loaded"] = dataclasses.replace(
                loaded, case=_case(loaded.case, Case) if loaded.case is not None else None,
                errors=[_error(e) for e in loaded.errors], verbatim={}, analyses={},
                quotes={}, values=_values(loaded))
        out.append(dataclasses.replace(r, **changes))
    return out
