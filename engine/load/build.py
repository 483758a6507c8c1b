"""The typed model built from composed nodes: scalars converted against the model's
field specs, every problem of the file collected with its line and column."""

from __future__ import annotations

import dataclasses
import datetime
import difflib
import re

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from asas.engine.i18n.dates import WEEKDAY_NAMES, DateProblem, parse_date
from asas.engine.i18n.labels import as_bool, as_decimal, code_for
from asas.engine.i18n.labels import name as label_name
from asas.engine.i18n.messages import Msg, Pair, number
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

_constructor = SafeConstructor()
_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"

# (tag, text) -> what SafeConstructor makes of a short scalar, or _REFUSED where it
# refuses: the answer depends on nothing else, the values are immutable, and the
# same few texts (true, 3, 2026-09-07) recur in every file
_MADE: dict = {}
_MADE_MAX = 4096
_MADE_TAGS = frozenset({"tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
                        "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null",
                        "tag:yaml.org,2002:timestamp"})
_UNMADE = object()     # not in _MADE yet
_REFUSED = object()    # in _MADE: SafeConstructor refuses the text

# (id of a field's spec, tag, text) -> (the spec, the value ``_Builder.scalar`` gives
# it), one table for the default reading and one for --strict: a field of a scalar kind
# but text (a closed list's code, a flag, a number, a date) takes its value from these
# alone, and a case file says the same few of them again and again.  Only values are
# kept, never a refusal (its error names the place).  The spec is kept beside its id,
# so it lives as long as its entry and no other spec can be given that id.  The values
# are immutable.
_LEAVES: tuple[dict, dict] = ({}, {})
_LEAVES_MAX = 8192
_LEAF_KINDS = frozenset({"str", "enum", "bool", "int", "float", "date"})


def _construct(node):
    """SafeConstructor's value of a scalar node, or its text where it has none."""
    tag, text = node.tag, node.value
    cached = tag in _MADE_TAGS and len(text) <= 40
    if cached:
        raw = _MADE.get((tag, text), _UNMADE)
        if raw is not _UNMADE:
            return text if raw is _REFUSED else raw
    try:
        raw = _constructor.yaml_constructors[tag](_constructor, node)
    # PyYAML trusts the tag to fit the text: "!!bool maybe" is a KeyError, "!!float ''"
    # an IndexError, "!!timestamp abc" an AttributeError; text, like any other refusal
    except (ValueError, TypeError, OverflowError, LookupError, AttributeError,
            yaml.YAMLError):
        if cached and len(_MADE) < _MADE_MAX:
            _MADE[(tag, text)] = _REFUSED
        return text
    if cached and len(_MADE) < _MADE_MAX:
        _MADE[(tag, text)] = raw
    return raw


class _Shape:
    """What ``_Builder.obj`` needs of a dataclass of the model, worked out once: its
    fields by name and by alias, the required ones, its short form's field, and how
    to make one."""

    def __init__(self, cls):
        self.cls = cls
        fields = fields_of(cls)
        self.specs = {s.name: s for s in fields}
        self.aliases = {s.alias: s for s in reversed(fields) if s.alias is not None}
        self.required = tuple(s for s in fields if s.required)
        # the fields obj() reads a key as at once, by their own names; an alias (to be
        # checked against its field's name) and a name long enough for its path to be
        # clipped go the general way, _Builder.key
        self.names = {name: s for name, s in self.specs.items() if len(name) <= 60}
        short = getattr(cls, "__scalar__", None)
        self.short = next((s for s in fields if s.name == short), None) if short else None
        # what the generated __init__ does, done without it (a fifth of the
        # instructions of building a case went to the frozen dataclasses' __init__,
        # a call of object.__setattr__ for every field): every field's default in the
        # fields' order, a fresh default of each nested mapping left out, then the
        # file's values.  Only for a class whose __init__ does no more than that.
        own = dataclasses.fields(cls)
        missing = dataclasses.MISSING
        self.defaults = {f.name: None if f.default is missing else f.default for f in own}
        self.factories = tuple((f.name, f.default_factory) for f in own
                               if f.default_factory is not missing)
        self.direct = (not hasattr(cls, "__post_init__") and not hasattr(cls, "__slots__")
                       and all(f.init and (f.default is not missing
                                           or f.default_factory is not missing)
                               for f in own))

    def make(self, found: dict):
        """``cls(**found)``, for ``found`` keyed by field names."""
        if not self.direct:
            return self.cls(**found)
        made = _new(self.cls)
        fields = made.__dict__
        fields.update(self.defaults)
        for name, factory in self.factories:
            if name not in found:
                fields[name] = factory()
        fields.update(found)
        return made


_SHAPES: dict[type, _Shape] = {}
_new = object.__new__


def _shape(cls) -> _Shape:
    shape = _SHAPES.get(cls)
    if shape is None:
        shape = _SHAPES[cls] = _Shape(cls)
    return shape


class _Builder:
    def __init__(self, limits: Limits):
        self.limits = limits
        self.errors: list[CaseError] = []
        self.values: dict[str, tuple[int, int]] = {}
        self.keys: dict[str, tuple[int, int]] = {}
        self.nodes = 0
        self.max_nodes, self.max_depth = limits.max_nodes, limits.max_depth
        self.leaves = _LEAVES[bool(limits.strict)]

    def error(self, node, path: str, msg: Msg, mark=None, quoted=()):
        mark = mark or node.start_mark
        self.errors.append(CaseError.of(mark.line + 1, mark.column + 1, path, msg, quoted))

    def visit(self, node, path: str, depth: int):
        # _compose has bounded the nodes and the depth already; this is a second guard
        # (reached all the same: a short form is visited twice, one level deeper)
        self.nodes += 1
        if self.nodes > self.max_nodes or depth > self.max_depth:
            self.over(node)
        mark = node.start_mark
        self.values[path] = (mark.line + 1, mark.column + 1)

    def over(self, node):
        """The limit the node just counted crosses (the count first)."""
        if self.nodes > self.max_nodes:
            raise _TooBig(Msg.of("load.too_many_nodes", n=number(self.max_nodes),
                                 alias=""), node.start_mark)
        raise _TooBig(Msg.of("load.too_deep", n=self.max_depth), node.start_mark)

    # -- objects -------------------------------------------------------------
    def refuse_tag(self, node, path: str) -> bool:
        """Only plain YAML: a Python tag or any other explicit tag is an error."""
        if node.tag in _SAFE_TAGS:
            return False
        tag = _show(node.tag)
        self.error(node, path, Msg.of("load.tag", tag=tag), quoted=(tag,))
        return True

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
        specs = shape.names
        found: dict[str, object] = {}
        seen: dict[str, int] = {}
        misspelt: set[str] = set()  # required keys already named by a "did you mean"
        keys = self.keys
        below = depth + 1
        for key_node, value_node in node.value:
            # the key nearly every one is: plain text, a field's own name, said once
            spec = None
            if type(key_node) is ScalarNode and key_node.tag == _STR:
                key = key_node.value
                spec = specs.get(key)
                if spec is not None and key not in seen:
                    key_mark = key_node.start_mark
                    line = seen[key] = key_mark.line + 1
                    sub = f"{path}.{key}" if path else key
                    keys[sub] = (line, key_mark.column + 1)
                else:
                    spec = None
            if spec is None:
                field = self.key(key_node, shape, path, seen, misspelt)
                if field is None:
                    continue
                key, spec, sub = field
            if value_node.tag == _NULL:
                if spec.required:
                    self.error(value_node, sub, Msg.of("load.required_empty", key=key))
                continue
            if spec.kind in _LEAF_KINDS:
                value = self.leaf(value_node, spec, sub, below)
            else:
                value = self.value(value_node, spec, sub, below)
            if value is not None:   # a field left out: the model's default
                found[spec.name] = value    # its own name, as __init__ spells it
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
        return shape.make(found)

    def key(self, key_node, shape: _Shape, path: str, seen: dict, misspelt: set):
        """Any key but a field's own name said once in plain text: the field it names
        as (key, spec, path), with its place recorded, or None, with the error."""
        specs = shape.specs
        key_tag = key_node.tag
        if key_tag != _STR or not isinstance(key_node, ScalarNode):
            if isinstance(key_node, ScalarNode) and key_tag == _MERGE_TAG:
                self.error(key_node, path, Msg.of("load.merge_key"))
                return None
            if key_tag in _SAFE_TAGS:
                found_here, quoted = _describe(key_node), _quoted(key_node)
            else:
                tag = _show(key_tag)
                found_here, quoted = Msg.of("kind.tagged_key", tag=tag), (tag,)
            self.error(key_node, path, Msg.of("load.key_not_plain", found=found_here),
                       quoted=quoted)
            return None
        key = key_node.value
        shown_key = key if len(key) <= 60 else _clip(key)
        sub = f"{path}.{shown_key}" if path else shown_key
        if key in seen:
            shown = _show(key)
            self.error(key_node, sub, Msg.of("load.duplicate_key", key=shown,
                                             line=seen[key]), quoted=(shown,))
            return None
        key_mark = key_node.start_mark
        seen[key] = key_mark.line + 1
        spec = specs.get(key)
        if spec is None:
            spec = shape.aliases.get(key)
            if spec is not None:        # the contract's spelling: one field, one value
                if spec.name in seen:
                    shown = _show(key)
                    self.error(key_node, sub, Msg.of("load.duplicate_key", key=shown,
                                                     line=seen[spec.name]), quoted=(shown,))
                    return None
                key = spec.name
                sub = f"{path}.{key}" if path else key
                seen[key] = key_node.start_mark.line + 1
        if spec is None and not path and key == "waivers":
            # the gradebook's first spelling: one mechanism, written under asas:
            shown = _show(key)
            self.error(key_node, sub, Msg.of("load.waivers_key", key=shown),
                       quoted=(shown,))
            return None
        if spec is None:
            hint = difflib.get_close_matches(key, specs, n=1, cutoff=0.6)
            misspelt.update(hint)
            shown = _show(key)
            msg = (Msg.of("load.unknown_key_hint", key=shown, name=hint[0],
                          about=_about(specs[hint[0]])) if hint else
                   Msg.of("load.unknown_key", key=shown, names=_choices(specs)))
            self.error(key_node, sub, msg, quoted=(shown,))
            return None
        self.keys[sub] = (key_mark.line + 1, key_mark.column + 1)
        return key, spec, sub

    # -- values --------------------------------------------------------------
    def leaf(self, node, spec: FieldSpec, path: str, depth: int):
        """``value`` for a field of a scalar kind, its common case first: a plain
        scalar, of a tag the file may use, whose value is already known."""
        tag = node.tag
        if tag not in _SAFE_TAGS or type(node) is not ScalarNode:
            return self.value(node, spec, path, depth)
        self.nodes += 1
        if self.nodes > self.max_nodes or depth > self.max_depth:
            self.over(node)
        mark = node.start_mark
        self.values[path] = (mark.line + 1, mark.column + 1)
        text = node.value
        if spec.kind == "str":
            if spec.pattern is None and not _CONTROL.search(text):
                return text
            return self.text(node, spec, path)
        key = (id(spec), tag, text)
        known = self.leaves.get(key)
        if known is not None:
            return known[1]
        value = self.scalar(node, spec, path)
        if value is not None and len(self.leaves) < _LEAVES_MAX:
            self.leaves[key] = (spec, value)
        return value

    def value(self, node, spec: FieldSpec, path: str, depth: int):
        kind = spec.kind
        if kind == "object":
            return _short_or_obj(self, node, spec, path, depth)
        # visit() and refuse_tag(), written out: this runs for every value of the file
        self.nodes += 1
        if self.nodes > self.max_nodes or depth > self.max_depth:
            self.over(node)
        mark = node.start_mark
        self.values[path] = (mark.line + 1, mark.column + 1)
        if node.tag not in _SAFE_TAGS:
            self.refuse_tag(node, path)
            return None
        if kind == "list":
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
            item_spec = spec.item_spec
            each = self.leaf if item_spec.kind in _LEAF_KINDS else self.value
            for i, item_node in enumerate(node.value):
                item = each(item_node, item_spec, f"{path}[{i}]", depth + 1)
                if item is not None:
                    items.append(item)
            if spec.minimum is not None and len(node.value) < spec.minimum:
                self.error(node, path, Msg.of("load.min_items", n=f"{spec.minimum:g}"))
            return tuple(items)
        if not isinstance(node, ScalarNode):
            self.error(node, path, _expected(spec, node))
            return None
        if kind == "str":
            return self.text(node, spec, path)
        return self.scalar(node, spec, path)

    def text(self, node, spec: FieldSpec, path: str):
        """A value of a text field, or None with the error."""
        text = node.value
        bad = _CONTROL.search(text)
        if bad:
            self.error(node, path, Msg.of("load.control_char",
                                          char=f"U+{ord(bad.group()):04X}"))
            return None
        if spec.pattern is not None and not re.search(spec.pattern, text):
            self.error(node, path, _form(spec, node), quoted=_quoted(node))
            return None
        return text

    def scalar(self, node, spec: FieldSpec, path: str):
        """A value of a field of any scalar kind but text (``value`` checks those)."""
        # text is what construct_yaml_str gives a scalar node
        raw = node.value if node.tag == _STR else _construct(node)
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


def _date_in(raw):
    """(the date ``raw`` writes, or None; the problem of text that reads as a date and is
    not one: a 31 February, or the wrong day of the week, or None)."""
    if not isinstance(raw, str):
        return None, None
    try:
        return parse_date(raw), None
    except DateProblem as problem:
        if problem.why == "weekday":
            date = problem.params["date"]
            return None, Msg.of("load.date_weekday", date=date.isoformat(),
                                actual=Pair(WEEKDAY_NAMES["en"][date.weekday()],
                                            WEEKDAY_NAMES["id"][date.weekday()]),
                                named=Pair(WEEKDAY_NAMES["en"][problem.params["named"]],
                                           WEEKDAY_NAMES["id"][problem.params["named"]]))
        return None, Msg.of("load.date_impossible", value=_clip(raw))


def _about(spec: FieldSpec) -> Msg:
    """What a field is, in a few words of its own description ("nomor sesi")."""
    def short(doc: str) -> str:
        cut = min((i for i in (doc.find(c) for c in ":,.") if i > 0), default=len(doc))
        words = doc[:cut].strip()
        if words.count("(") > words.count(")"):     # cut inside a parenthesis: drop it
            words = words[:words.rfind("(")].strip()
        if len(words) > 1 and not words[1].isupper():
            words = words[0].lower() + words[1:]
        return words
    return Msg.of("load.about", what=Pair(short(spec.en), short(spec.id)))


def _expected(spec: FieldSpec, node, hint: Msg | str = "") -> Msg:
    return Msg.of("load.expected", what=Msg.of(f"kind.{spec.kind}"), found=_describe(node),
                  none=hint)


def _form(spec: FieldSpec, node) -> Msg:
    """A text not of its field's form (a rule ID written 'krh10'), with the form it
    asks for, and the value as it was surely meant when that is plain ('krh010')."""
    meant = re.sub(r"[\s_-]", "", node.value).upper()
    hint: Msg | str = ""
    if meant != node.value and re.search(spec.pattern or "", meant):
        hint = Msg.of("load.enum_hint", name=meant)
    form = spec.form or (spec.en, spec.id)
    return Msg.of("load.pattern", form=Pair(form[0], form[1]), found=_describe(node),
                  hint=hint)


def _enum_choices(choices) -> Pair:
    """A closed list's values: the codes, and in Indonesian each with the name the
    loader also reads ('reluctant (enggan)'), so a trainee learns the words to write
    (--strict, which takes the codes only, lists the codes)."""
    def named(code) -> str:
        said = label_name(code, "id")
        return f"{code} ({said})" if said and said != str(code) else str(code)
    return Pair(_choices(choices), ", ".join(named(c) for c in choices))


def _by_word(text: str, choices) -> list[str]:
    """The code of a choice written as a reader says it ('enggan', 'role play')."""
    code = code_for(text, choices)
    return [code] if code is not None else []


def _short_or_obj(b: _Builder, node, spec: FieldSpec, path: str, depth: int):
    """A mapping, or its short form: a plain value that stands for one of its fields
    (the class's ``__scalar__``: ``- guru pamong`` for ``- {who: guru pamong}``)."""
    cls = spec.object_cls
    inner = _shape(cls).short
    if inner is not None and isinstance(node, ScalarNode) and node.tag in _SAFE_TAGS:
        b.visit(node, path, depth)
        short = inner.name
        value = b.value(node, inner, f"{path}.{short}", depth + 1)
        return None if value is None else _shape(cls).make({short: value})
    return b.obj(node, cls, path, depth)


def _range(low, high) -> Pair:
    if low is not None and high is not None:
        return Pair(f"{low:g}..{high:g}", f"{low:g}–{high:g}")
    if low is not None:
        return Pair(f">= {low:g}", f"≥ {low:g}")
    return Pair(f"<= {high:g}", f"≤ {high:g}")


def _cross_checks(case: Case, b: _Builder):
    """What single fields cannot say: session order, and references between fields."""
    for i, s in enumerate(case.sessions):
        if s.number is not None and s.number != i + 1:
            line, col = b.values.get(f"sessions[{i}].number", (1, 1))
            b.errors.append(CaseError.of(line, col, f"sessions[{i}].number",
                                         Msg.of("load.session_order", n=s.number, m=i + 1)))
    count = len(case.sessions)
    named = [(f"case.problem.risk[{i}].session", item.session)
             for i, item in enumerate(case.case.problem.risk)]
    named += [(f"asas.ignore[{i}].session", entry.session)
              for i, entry in enumerate(case.asas.ignore)]
    if case.case.referred_out is not None:
        named.append(("case.referred_out.session", case.case.referred_out.session))
    for path, session in named:     # a session the file does not have
        if session is not None and session > count:
            line, col = b.values.get(path, (1, 1))
            b.errors.append(CaseError.of(line, col, path,
                                         Msg.of("load.session_missing", n=session, m=count)))
