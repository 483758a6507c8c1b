"""The typed model built from composed nodes: scalars converted against the model's
field specs, every problem of the file collected with its line and column."""

from __future__ import annotations

import datetime
import difflib

import yaml
from asas.engine.load.compose import _MERGE_TAG, _SAFE_TAGS, _TooBig
from asas.engine.load.types import (
    _CONTROL,
    CaseError,
    Limits,
    _choices,
    _clip,
    _describe,
    _quoted,
    _show,
)
from asas.engine.model.case import Case, FieldSpec, fields_of
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

_constructor = SafeConstructor()

class _Builder:
    def __init__(self, limits: Limits):
        self.limits = limits
        self.errors: list[CaseError] = []
        self.values: dict[str, tuple[int, int]] = {}
        self.keys: dict[str, tuple[int, int]] = {}
        self.nodes = 0

    def error(self, node, path: str, message: str, mark=None, quoted=()):
        mark = mark or node.start_mark
        self.errors.append(CaseError(mark.line + 1, mark.column + 1, path, message,
                                     tuple(quoted)))

    def visit(self, node, path: str, depth: int):
        # _compose has bounded the nodes and the depth already; this is a second guard
        self.nodes += 1
        if self.nodes > self.limits.max_nodes:
            raise _TooBig(f"more than {self.limits.max_nodes:,} YAML nodes; raise the limit "
                          "with --max-nodes", node.start_mark)
        if depth > self.limits.max_depth:
            raise _TooBig(f"nested deeper than {self.limits.max_depth} levels; raise the "
                          "limit with --max-depth", node.start_mark)
        self.values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)

    # -- objects -------------------------------------------------------------
    def refuse_tag(self, node, path: str) -> bool:
        """Only plain YAML: a Python tag or any other explicit tag is an error."""
        if node.tag in _SAFE_TAGS:
            return False
        tag = _show(node.tag)
        self.error(node, path, f"tag {tag} is not allowed: only plain YAML values "
                               "(text, numbers, true/false, dates)", quoted=(tag,))
        return True

    def obj(self, node, cls, path: str, depth: int = 0):
        self.visit(node, path, depth)
        if self.refuse_tag(node, path):
            return None
        if not isinstance(node, MappingNode):
            self.error(node, path, f"expected a mapping of fields, found {_describe(node)}",
                       quoted=_quoted(node))
            return None
        specs = {s.name: s for s in fields_of(cls)}
        found: dict[str, object] = {}
        seen: dict[str, int] = {}
        misspelt: set[str] = set()  # required keys already named by a "did you mean" 
        for key_node, value_node in node.value:
            if isinstance(key_node, ScalarNode) and key_node.tag == _MERGE_TAG:
                self.error(key_node, path, "merge keys ('<<') are not supported; write the "
                                           "fields out in full")
                continue
            if not isinstance(key_node, ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
                if key_node.tag in _SAFE_TAGS:
                    found_here, quoted = _describe(key_node), _quoted(key_node)
                else:
                    tag = _show(key_node.tag)
                    found_here, quoted = f"a key tagged {tag}", (tag,)
                self.error(key_node, path, f"a key must be a plain name, found {found_here}",
                           quoted=quoted)
                continue
            key = key_node.value
            sub = f"{path}.{_clip(key)}" if path else _clip(key)
            if key in seen:
                shown = _show(key)
                self.error(key_node, sub, f"duplicate key {shown} (first at line {seen[key]})",
                           quoted=(shown,))
                continue
            seen[key] = key_node.start_mark.line + 1
            spec = specs.get(key)
            if spec is None:
                hint = difflib.get_close_matches(key, specs, n=1, cutoff=0.6)
                misspelt.update(hint)
                allowed = f"did you mean '{hint[0]}'?" if hint else f"allowed: {_choices(specs)}"
                shown = _show(key)
                self.error(key_node, sub, f"unknown key {shown}; {allowed}", quoted=(shown,))
                continue
            self.keys[sub] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if value_node.tag == "tag:yaml.org,2002:null":
                if spec.required:
                    self.error(value_node, sub, f"'{key}' is required but empty")
                continue
            found[key] = self.value(value_node, spec, sub, depth + 1)
        for name, spec in specs.items():
            if spec.required and name not in seen and name not in misspelt:
                # point at the parent's own key ("client:"), where the field belongs
                line, col = self.keys.get(path, (node.start_mark.line + 1,
                                                 node.start_mark.column + 1))
                self.errors.append(CaseError(line, col, f"{path}.{name}" if path else name,
                                             f"missing required key '{name}'"))
        kwargs = {k: v for k, v in found.items() if v is not None}
        return cls(**kwargs)

    # -- values --------------------------------------------------------------
    def value(self, node, spec: FieldSpec, path: str, depth: int):
        if spec.kind == "object":
            return _short_or_obj(self, node, spec, path, depth)
        self.visit(node, path, depth)
        if self.refuse_tag(node, path):
            return None
        if spec.kind == "list":
            if not isinstance(node, SequenceNode):
                self.error(node, path, f"expected a list, found {_describe(node)}"
                           + (" (write [] for none)" if isinstance(node, ScalarNode) else ""),
                           quoted=_quoted(node))
                return None
            if path == "sessions" and len(node.value) > self.limits.max_sessions:
                raise _TooBig(f"{len(node.value):,} sessions is more than the limit of "
                              f"{self.limits.max_sessions:,}; raise it with --max-sessions",
                              node.start_mark)
            items = []
            for i, item_node in enumerate(node.value):
                item = self.value(item_node, spec.item_spec, f"{path}[{i}]", depth + 1)
                if item is not None:
                    items.append(item)
            if spec.minimum is not None and len(node.value) < spec.minimum:
                self.error(node, path, f"needs at least {spec.minimum:g} item(s)")
            return tuple(items)
        if not isinstance(node, ScalarNode):
            self.error(node, path, f"expected {_EXPECTED[spec.kind]}, found {_describe(node)}")
            return None
        return self.scalar(node, spec, path)

    def scalar(self, node, spec: FieldSpec, path: str):
        if spec.kind == "str":
            bad = _CONTROL.search(node.value)
            if bad:
                self.error(node, path, f"contains the control character U+{ord(bad.group()):04X}; "
                                       "a write-up is plain text: remove it")
                return None
            return node.value
        try:
            raw = _constructor.yaml_constructors[node.tag](_constructor, node)
        except (ValueError, TypeError, OverflowError, yaml.YAMLError):
            raw = node.value
        if spec.kind == "enum":
            if isinstance(raw, str) and raw in spec.choices:
                return raw
            hint = _by_word(str(node.value), spec.choices) or difflib.get_close_matches(
                str(node.value), [str(c) for c in spec.choices], n=1, cutoff=0.6)
            extra = f" (did you mean '{hint[0]}'?)" if hint else ""
            self.error(node, path, f"{_describe(node)} is not one of {_choices(spec.choices)}{extra}",
                       quoted=_quoted(node))
            return None
        if spec.kind == "bool":
            if isinstance(raw, bool):
                return raw
        elif spec.kind == "date":
            if isinstance(raw, datetime.datetime):
                return raw.date()
            if isinstance(raw, datetime.date):
                return raw
        elif spec.kind in ("int", "float"):
            ok = isinstance(raw, int) and not isinstance(raw, bool)
            if spec.kind == "float":
                ok = ok or isinstance(raw, float)
            if ok:
                low, high = spec.minimum, spec.maximum
                if not ((low is None or raw >= low) and (high is None or raw <= high)):
                    shown = _clip(node.value)
                    self.error(node, path, f"{shown} is out of range {_range(low, high)}",
                               quoted=(shown,))
                    return None
                return float(raw) if spec.kind == "float" else raw
        self.error(node, path, f"expected {_EXPECTED[spec.kind]}, found {_describe(node)}",
                   quoted=_quoted(node))
        return None


_EXPECTED = {"str": "text", "int": "a whole number", "float": "a number",
             "bool": "true or false", "date": "a date (YYYY-MM-DD)", "enum": "one word",
             "list": "a list", "object": "a mapping"}


def _by_word(text: str, choices) -> list[str]:
    """The code of a choice written as a reader says it ('enggan', 'role play')."""
    from asas.engine.authoring.template import VALUE_LABELS
    wanted = text.strip().lower()
    return [c for c in choices if wanted in (w.lower() for w in VALUE_LABELS.get(c, ()) if w)
            or wanted == c.replace("_", " ")][:1]


def _short_or_obj(b: _Builder, node, spec: FieldSpec, path: str, depth: int):
    """A mapping, or its short form: a plain value that stands for one of its fields
    (the class's ``__scalar__``: ``- guru pamong`` for ``- {who: guru pamong}``)."""
    cls = spec.object_cls
    short = getattr(cls, "__scalar__", None)
    if short and isinstance(node, ScalarNode) and node.tag in _SAFE_TAGS:
        b.visit(node, path, depth)
        inner = next(s for s in fields_of(cls) if s.name == short)
        value = b.value(node, inner, f"{path}.{short}", depth + 1)
        return None if value is None else cls(**{short: value})
    return b.obj(node, cls, path, depth)


def _range(low, high) -> str:
    if low is not None and high is not None:
        return f"{low:g}..{high:g}"
    return f">= {low:g}" if low is not None else f"<= {high:g}"


def _cross_checks(case: Case, b: _Builder):
    """What single fields cannot say: session order, and references between fields."""
    for i, s in enumerate(case.sessions):
        if s.number is not None and s.number != i + 1:
            line, col = b.values.get(f"sessions[{i}].number", (1, 1))
            b.errors.append(CaseError(line, col, f"sessions[{i}].number",
                                      f"session number {s.number} out of order; expected {i + 1} "
                                      "(numbered 1, 2, 3 ... in order, without gaps)"))
    for i, item in enumerate(case.case.problem.risk):
        if item.session is not None and item.session > len(case.sessions):
            path = f"case.problem.risk[{i}].session"
            line, col = b.values.get(path, (1, 1))
            b.errors.append(CaseError(line, col, path,
                                      f"session {item.session} does not exist; the file has "
                                      f"{len(case.sessions)} session(s)"))
    out = case.case.referred_out
    if out is not None and out.session is not None and out.session > len(case.sessions):
        line, col = b.values.get("case.referred_out.session", (1, 1))
        b.errors.append(CaseError(line, col, "case.referred_out.session",
                                  f"session {out.session} does not exist; the file has "
                                  f"{len(case.sessions)} session(s)"))
