"""The loader's hot paths as they were before the speed work of 2026-12-02 (engine/load at
ab16454): the tag resolver, the C composer's count-and-depth walk, and the builder's
obj/value/scalar, kept unchanged as the reference tests/test_load_fast_paths.py loads
with: the new ones must give the same case, errors, and positions.  Do not edit it to
make that test pass."""
# ruff: noqa
# mypy: ignore-errors
from __future__ import annotations

import datetime
import difflib
import re

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from asas.engine.i18n.labels import as_bool, as_decimal, code_for
from asas.engine.i18n.messages import Msg, number
from asas.engine.load import build, compose
from asas.engine.load.build import (_about, _by_word, _constructor, _date_in, _enum_choices,
                                    _expected, _form, _NULL, _range, _shape, _STR)
from asas.engine.load.compose import _FIRST, _MERGE_TAG, _PLAIN_TEXT, _SAFE_TAGS, _STR_TAG, _TooBig
from asas.engine.load.types import _CONTROL, CaseError, _choices, _clip, _describe, _quoted, _show

_RESOLVED: dict = {}
_RESOLVED_MAX = 4096


class OldLoader(compose._Base):
    def resolve(self, kind, value, implicit):
        if kind is not ScalarNode:
            return super().resolve(kind, value, implicit)
        if _PLAIN_TEXT and (not implicit[0] or (value and value[0] not in _FIRST)):
            return _STR_TAG
        if len(value) > 40:
            return super().resolve(kind, value, implicit)
        key = (value, implicit)
        tag = _RESOLVED.get(key)
        if tag is None:
            tag = super().resolve(kind, value, implicit)
            if len(_RESOLVED) < _RESOLVED_MAX:
                _RESOLVED[key] = tag
        return tag

    if not compose._Base.yaml_path_resolvers:
        descend_resolver = staticmethod(slice)
        ascend_resolver = staticmethod(tuple)


def old_compose_in_c(text: str, limits: Limits) -> list | None:
    """The one document of ``text`` composed by libyaml; None when the event loop must
    decide (a second document, a limit crossed, anything libyaml refuses)."""
    from yaml import YAMLError
    loader = OldLoader(text)
    try:
        roots = []
        while loader.check_node():
            root = loader.get_node()
            assert root is not None   # check_node(): a document follows
            roots.append(root)
            if len(roots) > 1:
                return None
    except YAMLError:
        return None
    finally:
        loader.dispose()
    # the event loop's count (every node) and depth (collections open at once)
    count, stack = 0, [(root, 0) for root in roots]
    max_nodes, max_depth = limits.max_nodes, limits.max_depth
    while stack:
        node, depth = stack.pop()
        count += 1
        if count > max_nodes:
            return None
        kind = type(node)
        if kind is ScalarNode:
            continue
        depth += 1
        if depth > max_depth:
            return None
        if kind is MappingNode:
            for key, value in node.value:
                stack.append((key, depth))
                stack.append((value, depth))
        else:
            stack.extend((item, depth) for item in node.value)
    return roots



class OldBuilder(build._Builder):
    def visit(self, node, path: str, depth: int):
        self.nodes += 1
        if self.nodes > self.limits.max_nodes:
            raise _TooBig(Msg.of("load.too_many_nodes", n=number(self.limits.max_nodes),
                                 alias=""), node.start_mark)
        if depth > self.limits.max_depth:
            raise _TooBig(Msg.of("load.too_deep", n=self.limits.max_depth), node.start_mark)
        self.values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)

    def obj(self, node, cls, path: str, depth: int = 0):
        self.visit(node, path, depth)
        if self.refuse_tag(node, path):
            return None
        if not isinstance(node, MappingNode):
            self.error(node, path, Msg.of("load.expected", what=Msg.of("kind.fields"),
                                          found=_describe(node), none=""),
                       quoted=_quoted(node))
            return None
        shape = _shape(cls)
        specs = shape.specs
        found: dict[str, object] = {}
        seen: dict[str, int] = {}
        misspelt: set[str] = set()  # required keys already named by a "did you mean"
        for key_node, value_node in node.value:
            if isinstance(key_node, ScalarNode) and key_node.tag == _MERGE_TAG:
                self.error(key_node, path, Msg.of("load.merge_key"))
                continue
            if key_node.tag != _STR or not isinstance(key_node, ScalarNode):
                if key_node.tag in _SAFE_TAGS:
                    found_here, quoted = _describe(key_node), _quoted(key_node)
                else:
                    tag = _show(key_node.tag)
                    found_here, quoted = Msg.of("kind.tagged_key", tag=tag), (tag,)
                self.error(key_node, path, Msg.of("load.key_not_plain", found=found_here),
                           quoted=quoted)
                continue
            key = key_node.value
            shown_key = key if len(key) <= 60 else _clip(key)
            sub = f"{path}.{shown_key}" if path else shown_key
            if key in seen:
                shown = _show(key)
                self.error(key_node, sub, Msg.of("load.duplicate_key", key=shown,
                                                 line=seen[key]), quoted=(shown,))
                continue
            seen[key] = key_node.start_mark.line + 1
            spec = specs.get(key)
            if spec is None:
                spec = shape.aliases.get(key)
                if spec is not None:        # the contract's spelling: one field, one value
                    if spec.name in seen:
                        shown = _show(key)
                        self.error(key_node, sub, Msg.of("load.duplicate_key", key=shown,
                                                         line=seen[spec.name]), quoted=(shown,))
                        continue
                    key = spec.name
                    sub = f"{path}.{key}" if path else key
                    seen[key] = key_node.start_mark.line + 1
            if spec is None and not path and key == "waivers":
                # the gradebook's first spelling: one mechanism, written under asas:
                shown = _show(key)
                self.error(key_node, sub, Msg.of("load.waivers_key", key=shown),
                           quoted=(shown,))
                continue
            if spec is None:
                hint = difflib.get_close_matches(key, specs, n=1, cutoff=0.6)
                misspelt.update(hint)
                shown = _show(key)
                msg = (Msg.of("load.unknown_key_hint", key=shown, name=hint[0],
                              about=_about(specs[hint[0]])) if hint else
                       Msg.of("load.unknown_key", key=shown, names=_choices(specs)))
                self.error(key_node, sub, msg, quoted=(shown,))
                continue
            self.keys[sub] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if value_node.tag == _NULL:
                if spec.required:
                    self.error(value_node, sub, Msg.of("load.required_empty", key=key))
                continue
            found[key] = self.value(value_node, spec, sub, depth + 1)
        for spec in shape.required:
            name = spec.name
            if name not in seen and name not in misspelt:
                # point at the parent's own key ("client:"), where the field belongs
                line, col = self.keys.get(path, (node.start_mark.line + 1,
                                                 node.start_mark.column + 1))
                fix: Msg | str = ""
                if name == "number" and path.startswith("sessions["):
                    fix = Msg.of("load.fix_number", n=int(path[9:-1]) + 1)
                elif name == "reason" and path.startswith("asas.ignore["):
                    fix = Msg.of("load.fix_reason")
                self.errors.append(CaseError.of(line, col, f"{path}.{name}" if path else name,
                                                Msg.of("load.missing_key", key=name,
                                                       about=_about(spec), fix=fix)))
        return cls(**{k: v for k, v in found.items() if v is not None})

    # -- values --------------------------------------------------------------
    def value(self, node, spec: FieldSpec, path: str, depth: int):
        if spec.kind == "object":
            return old_short_or_obj(self, node, spec, path, depth)
        self.visit(node, path, depth)
        if self.refuse_tag(node, path):
            return None
        if spec.kind == "list":
            if not isinstance(node, SequenceNode):
                none = Msg.of("load.write_none") if isinstance(node, ScalarNode) else ""
                self.error(node, path, Msg.of("load.expected", what=Msg.of("kind.list"),
                                              found=_describe(node), none=none),
                           quoted=_quoted(node))
                return None
            if path == "sessions" and len(node.value) > self.limits.max_sessions:
                raise _TooBig(Msg.of("load.too_many_sessions", n=number(len(node.value)),
                                     m=number(self.limits.max_sessions)), node.start_mark)
            items = []
            for i, item_node in enumerate(node.value):
                item = self.value(item_node, spec.item_spec, f"{path}[{i}]", depth + 1)
                if item is not None:
                    items.append(item)
            if spec.minimum is not None and len(node.value) < spec.minimum:
                self.error(node, path, Msg.of("load.min_items", n=f"{spec.minimum:g}"))
            return tuple(items)
        if not isinstance(node, ScalarNode):
            self.error(node, path, _expected(spec, node))
            return None
        return self.scalar(node, spec, path)

    def scalar(self, node, spec: FieldSpec, path: str):
        if spec.kind == "str":
            bad = _CONTROL.search(node.value)
            if bad:
                self.error(node, path, Msg.of("load.control_char",
                                              char=f"U+{ord(bad.group()):04X}"))
                return None
            if spec.pattern is not None and not re.search(spec.pattern, node.value):
                self.error(node, path, _form(spec, node), quoted=_quoted(node))
                return None
            return node.value
        try:
            raw = _constructor.yaml_constructors[node.tag](_constructor, node)
        except (ValueError, TypeError, OverflowError, yaml.YAMLError):
            raw = node.value
        lenient = not self.limits.strict
        if spec.kind == "enum":
            if isinstance(raw, str) and raw in spec.choices:
                return raw
            if lenient and isinstance(node.value, str):
                code = code_for(node.value, spec.choices)
                if code is not None:      # 'enggan', 'ruang BK': the model holds its code
                    return code
            hint = _by_word(str(node.value), spec.choices) or difflib.get_close_matches(
                str(node.value), [str(c) for c in spec.choices], n=1, cutoff=0.6)
            extra = Msg.of("load.enum_hint", name=hint[0]) if hint else ""
            self.error(node, path, Msg.of("load.enum", value=_describe(node),
                                          choices=_enum_choices(spec.choices) if lenient
                                          else _choices(spec.choices), hint=extra),
                       quoted=_quoted(node))
            return None
        if spec.kind == "bool":
            if isinstance(raw, bool):
                return raw
            said = as_bool(raw) if isinstance(raw, str) else None
            if said is not None and lenient:
                return said
            if said is not None:      # --strict: say how to write it
                self.error(node, path, _expected(spec, node, Msg.of(
                    "load.bool_hint_yes" if said else "load.bool_hint_no")), quoted=_quoted(node))
                return None
        elif spec.kind == "date":
            if isinstance(raw, datetime.datetime):
                return raw.date()
            if isinstance(raw, datetime.date):
                return raw
            said_date, problem = _date_in(raw)
            if problem is not None and lenient:   # written as a date, and not one
                self.error(node, path, problem, quoted=_quoted(node))
                return None
            if said_date is not None and lenient:
                return said_date              # '7 September 2026', '7/9/2026'
            if not lenient:                   # --strict: 2026-09-07 only, and how to write it
                how: Msg | str = "" if said_date is None else Msg.of(
                    "load.date_hint", value=said_date.isoformat())
                self.error(node, path, Msg.of("load.expected", what=Msg.of("kind.date_iso"),
                                              found=_describe(node), none=how),
                           quoted=_quoted(node))
                return None
        elif spec.kind in ("int", "float"):
            decimal = as_decimal(raw) if isinstance(raw, str) and spec.kind == "float" else None
            if decimal is not None and lenient:
                raw = decimal                 # '0,6': a decimal comma
            elif decimal is not None:
                self.error(node, path, _expected(spec, node, Msg.of(
                    "load.decimal_hint", value=str(decimal))), quoted=_quoted(node))
                return None
            ok = isinstance(raw, int) and not isinstance(raw, bool)
            if spec.kind == "float":
                ok = ok or isinstance(raw, float)
            if ok:
                low, high = spec.minimum, spec.maximum
                if not ((low is None or raw >= low) and (high is None or raw <= high)):
                    shown = _clip(node.value)
                    self.error(node, path, Msg.of("load.out_of_range", value=shown,
                                                  range=_range(low, high)), quoted=(shown,))
                    return None
                return float(raw) if spec.kind == "float" else raw
        self.error(node, path, _expected(spec, node), quoted=_quoted(node))
        return None


def old_short_or_obj(b: _Builder, node, spec: FieldSpec, path: str, depth: int):
    """A mapping, or its short form: a plain value that stands for one of its fields
    (the class's ``__scalar__``: ``- guru pamong`` for ``- {who: guru pamong}``)."""
    cls = spec.object_cls
    inner = _shape(cls).short
    if inner is not None and isinstance(node, ScalarNode) and node.tag in _SAFE_TAGS:
        b.visit(node, path, depth)
        short = inner.name
        value = b.value(node, inner, f"{path}.{short}", depth + 1)
        return None if value is None else cls(**{short: value})
    return b.obj(node, cls, path, depth)


