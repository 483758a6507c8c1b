"""Reading a case file: safe YAML with every node's mark, then the typed model.

YAML is only *composed* (nodes with marks, nothing constructed), so no tag can run
code; the builder walks the nodes against the model in ``model.py``, converting
scalars itself and collecting every problem of the file with its line and column.
"""

from __future__ import annotations

import datetime
import difflib
import os
from dataclasses import dataclass, field

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from .model import FORMAT_V1, Case, FieldSpec, fields_of

try:  # libyaml keeps marks too, and is about 7x faster
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader


@dataclass(frozen=True)
class Limits:
    """Bounds that keep a hostile or runaway file from costing unbounded time or memory."""
    max_bytes: int = 2 * 1024 * 1024
    max_nodes: int = 200_000
    max_depth: int = 64
    max_sessions: int = 500


@dataclass(frozen=True, order=True)
class CaseError:
    line: int
    column: int
    path: str
    message: str

    def format(self, file: str) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{file}:{self.line}:{self.column}: {where}{self.message}"


@dataclass
class LoadedCase:
    """A case file as read: the model (or None when invalid) and where each value stands."""
    file: str
    case: Case | None
    errors: list[CaseError] = field(default_factory=list)
    # path -> (line, column) of the value, and of its key, both 1-based
    values: dict[str, tuple[int, int]] = field(default_factory=dict)
    keys: dict[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def valid(self) -> bool:
        return self.case is not None and not self.errors

    def where(self, path: str) -> tuple[int, int]:
        """Line and column of a path's key, or of its nearest written ancestor."""
        while path:
            if path in self.keys:
                return self.keys[path]
            if path in self.values:
                return self.values[path]
            cut = max(path.rfind("."), path.rfind("["))
            path = path[:cut] if cut > 0 else ""
        return (1, 1)

    def value(self, path: str):
        """The model's value at a path such as ``sessions[0].client.willingness``."""
        obj = self.case
        for part in path.replace("[", ".[").split("."):
            if obj is None:
                return None
            if part.startswith("["):
                idx = int(part[1:-1])
                obj = obj[idx] if idx < len(obj) else None
            else:
                obj = getattr(obj, part, None)
        return obj


class _TooBig(Exception):
    pass


_SAFE_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq",
}
_constructor = SafeConstructor()


def _describe(node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    if node.tag == "tag:yaml.org,2002:null":
        return "nothing (null)"
    text = node.value if len(node.value) <= 60 else node.value[:57] + "..."
    return repr(text)


def _choices(values) -> str:
    return ", ".join(str(v) for v in values)


class _Builder:
    def __init__(self, limits: Limits):
        self.limits = limits
        self.errors: list[CaseError] = []
        self.values: dict[str, tuple[int, int]] = {}
        self.keys: dict[str, tuple[int, int]] = {}
        self.nodes = 0

    def error(self, node, path: str, message: str, mark=None):
        mark = mark or node.start_mark
        self.errors.append(CaseError(mark.line + 1, mark.column + 1, path, message))

    def visit(self, node, path: str, depth: int):
        self.nodes += 1
        if self.nodes > self.limits.max_nodes:
            raise _TooBig(f"more than {self.limits.max_nodes} YAML nodes "
                          "(repeated aliases?); raise the limit with --max-nodes")
        if depth > self.limits.max_depth:
            raise _TooBig(f"nested deeper than {self.limits.max_depth} levels")
        self.values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)

    # -- objects -------------------------------------------------------------
    def refuse_tag(self, node, path: str) -> bool:
        """Only plain YAML: a Python tag or any other explicit tag is an error."""
        if node.tag in _SAFE_TAGS:
            return False
        self.error(node, path, f"tag '{node.tag}' is not allowed: only plain YAML values "
                               "(text, numbers, true/false, dates)")
        return True

    def obj(self, node, cls, path: str, depth: int = 0):
        self.visit(node, path, depth)
        if self.refuse_tag(node, path):
            return None
        if not isinstance(node, MappingNode):
            self.error(node, path, f"expected a mapping of fields, found {_describe(node)}")
            return None
        specs = {s.name: s for s in fields_of(cls)}
        found: dict[str, object] = {}
        seen: dict[str, int] = {}
        misspelt: set[str] = set()  # required keys already named by a "did you mean" 
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
                self.error(key_node, path, f"a key must be a plain name, found {_describe(key_node)}")
                continue
            key = key_node.value
            sub = f"{path}.{key}" if path else key
            if key in seen:
                self.error(key_node, sub, f"duplicate key '{key}' (first at line {seen[key]})")
                continue
            seen[key] = key_node.start_mark.line + 1
            spec = specs.get(key)
            if spec is None:
                hint = difflib.get_close_matches(key, specs, n=1, cutoff=0.6)
                misspelt.update(hint)
                allowed = f"did you mean '{hint[0]}'?" if hint else f"allowed: {_choices(specs)}"
                self.error(key_node, sub, f"unknown key '{key}'; {allowed}")
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
            return self.obj(node, spec.cls, path, depth)
        self.visit(node, path, depth)
        if self.refuse_tag(node, path):
            return None
        if spec.kind == "list":
            if not isinstance(node, SequenceNode):
                self.error(node, path, f"expected a list, found {_describe(node)}"
                           + (" (write [] for none)" if isinstance(node, ScalarNode) else ""))
                return None
            items = []
            for i, item_node in enumerate(node.value):
                item = self.value(item_node, spec.item, f"{path}[{i}]", depth + 1)
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
            return node.value
        try:
            raw = _constructor.yaml_constructors[node.tag](_constructor, node)
        except (ValueError, TypeError, OverflowError, yaml.YAMLError):
            raw = node.value
        if spec.kind == "enum":
            if isinstance(raw, str) and raw in spec.choices:
                return raw
            hint = difflib.get_close_matches(str(node.value), [str(c) for c in spec.choices],
                                             n=1, cutoff=0.6)
            extra = f" (did you mean '{hint[0]}'?)" if hint else ""
            self.error(node, path, f"{_describe(node)} is not one of {_choices(spec.choices)}{extra}")
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
                    self.error(node, path, f"{node.value} is out of range "
                                           f"{_range(low, high)}")
                    return None
                return float(raw) if spec.kind == "float" else raw
        self.error(node, path, f"expected {_EXPECTED[spec.kind]}, found {_describe(node)}")
        return None


_EXPECTED = {"str": "text", "int": "a whole number", "float": "a number",
             "bool": "true or false", "date": "a date (YYYY-MM-DD)", "enum": "one word",
             "list": "a list", "object": "a mapping"}


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
    out = case.case.referred_out
    if out is not None and out.session is not None and out.session > len(case.sessions):
        line, col = b.values.get("case.referred_out.session", (1, 1))
        b.errors.append(CaseError(line, col, "case.referred_out.session",
                                  f"session {out.session} does not exist; the file has "
                                  f"{len(case.sessions)} session(s)"))
    if len(case.sessions) > b.limits.max_sessions:
        line, col = b.values.get("sessions", (1, 1))
        b.errors.append(CaseError(line, col, "sessions",
                                  f"{len(case.sessions)} sessions is more than the limit of "
                                  f"{b.limits.max_sessions}; raise it with --max-sessions"))


def _decode(data: bytes) -> tuple[str | None, str | None]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, "the file is UTF-16 text; save it as UTF-8"
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        return None, f"not UTF-8 text (byte 0x{data[exc.start]:02x} on line {line}); save it as UTF-8"


def load_bytes(data: bytes, file: str, limits: Limits = Limits()) -> LoadedCase:
    """Parse and validate one case file's content.  Never raises for bad input."""
    def fail(message, line=1, column=1, path=""):
        return LoadedCase(file, None, [CaseError(line, column, path, message)])

    if len(data) > limits.max_bytes:
        return fail(f"file is {len(data):,} bytes, over the limit of {limits.max_bytes:,}; "
                    "raise it with --max-bytes")
    text, problem = _decode(data)
    if problem:
        return fail(problem)
    if not text.strip():
        return fail("the file is empty; a case file starts with 'format: asas/v1'")
    try:
        nodes = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        return fail(f"not valid YAML: {what}", mark.line + 1 if mark else 1,
                    mark.column + 1 if mark else 1)
    except (yaml.YAMLError, RecursionError, MemoryError) as exc:
        return fail(f"not valid YAML: {type(exc).__name__}")
    nodes = [n for n in nodes if n is not None]
    if not nodes:
        return fail("the file holds no YAML document; a case file starts with 'format: asas/v1'")
    if len(nodes) > 1:
        m = nodes[1].start_mark
        return fail("more than one YAML document ('---'); put one case in each file",
                    m.line + 1, m.column + 1)
    root = nodes[0]
    if not isinstance(root, MappingNode):
        m = root.start_mark
        return fail(f"a case file is a mapping of fields, found {_describe(root)}",
                    m.line + 1, m.column + 1)
    fmt = next((v for k, v in root.value if isinstance(k, ScalarNode) and k.value == "format"), None)
    if fmt is None:
        return fail("missing 'format: asas/v1' (the first line of a case file)", path="format")
    if not isinstance(fmt, ScalarNode) or fmt.value != FORMAT_V1:
        m = fmt.start_mark
        return fail(f"format {_describe(fmt)} is not supported; this tool reads {FORMAT_V1}",
                    m.line + 1, m.column + 1, "format")
    b = _Builder(limits)
    try:
        case = b.obj(root, Case, "")
    except _TooBig as exc:
        return fail(str(exc))
    if case is not None:
        _cross_checks(case, b)
    errors = sorted(set(b.errors))
    return LoadedCase(file, case if not errors else None, errors, b.values, b.keys)


def load_file(path: str, limits: Limits = Limits()) -> LoadedCase:
    """Read a file (or '-' for standard input) and load it; problems become errors."""
    import sys
    try:
        if path == "-":
            data = sys.stdin.buffer.read(limits.max_bytes + 1)
            return load_bytes(data, "<stdin>", limits)
        if os.path.isdir(path):
            return LoadedCase(path, None, [CaseError(1, 1, "", "is a directory")])
        size = os.path.getsize(path)
        if size > limits.max_bytes:
            return LoadedCase(path, None, [CaseError(
                1, 1, "", f"file is {size:,} bytes, over the limit of {limits.max_bytes:,}; "
                          "raise it with --max-bytes")])
        with open(path, "rb") as fh:
            data = fh.read(limits.max_bytes + 1)
    except OSError as exc:
        return LoadedCase(path, None, [CaseError(1, 1, "", f"cannot read: {exc.strerror or exc}")])
    return load_bytes(data, path, limits)


