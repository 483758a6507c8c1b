"""Reading a case file: safe YAML with every node's mark, then the typed model.

YAML is only *composed* (nodes with marks, nothing constructed), so no tag can run
code; the builder walks the nodes against the model in ``model.py``, converting
scalars itself and collecting every problem of the file with its line and column.

Hostile input costs bounded time and memory (docs/limits.md): the file's size is
checked before it is read; the nodes are composed here from libyaml's event stream,
iteratively (PyYAML's composers recurse once per nesting level), counting depth and
nodes, aliases expanded, as they come, and stopping at the first limit crossed, so
an alias bomb or a file nested thousands deep is refused before anything big exists.
"""

from __future__ import annotations

import datetime
import difflib
import os
import re
import stat
from dataclasses import dataclass, field

import yaml
from yaml.constructor import SafeConstructor
from yaml.events import (AliasEvent, MappingEndEvent, MappingStartEvent, NodeEvent,
                         ScalarEvent, SequenceEndEvent, StreamEndEvent)
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from asas.engine.model.case import FORMAT_V1, Case, FieldSpec, fields_of

try:  # libyaml keeps marks too, and is about 7x faster
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader


@dataclass(frozen=True)
class Limits:
    """Bounds that keep a hostile or runaway file from costing unbounded time or memory.

    Defaults and their reasons are in docs/limits.md; ``asas check`` raises them with
    ``--max-bytes``, ``--max-nodes``, ``--max-depth`` and ``--max-sessions``.
    """
    max_bytes: int = 2 * 1024 * 1024   # a long case with verbatim notes is ~100 KB
    max_nodes: int = 200_000           # YAML nodes, aliases counted as expanded
    max_depth: int = 64                # the format itself nests 7 deep
    max_sessions: int = 500


@dataclass(frozen=True, order=True)
class CaseError:
    line: int
    column: int
    path: str
    message: str
    # text of the case file quoted in ``message`` (as written there), so a redacted
    # report can take it out again (engine/redact.py); not part of equality
    quoted: tuple[str, ...] = field(default=(), compare=False)

    def text(self, lang: str = "en") -> str:
        """The message in the reader's language (engine/translate.py)."""
        from asas.engine.i18n.loader_messages import error_text
        return error_text(self.message, lang)

    def format(self, file: str, lang: str = "en") -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{file}:{self.line}:{self.column}: {where}{self.text(lang)}"


@dataclass
class LoadedCase:
    """A case file as read: the model (or None when invalid) and where each value stands."""
    file: str
    case: Case | None
    errors: list[CaseError] = field(default_factory=list)
    # path -> (line, column) of the value, and of its key, both 1-based
    values: dict[str, tuple[int, int]] = field(default_factory=dict)
    keys: dict[str, tuple[int, int]] = field(default_factory=dict)
    # the verbatim blocks as read (engine/verbatim): session index -> Parsed; their
    # analysis (tagging, measures) once made, and the quotes of their turns by path
    verbatim: dict = field(default_factory=dict)
    analyses: dict = field(default_factory=dict)
    quotes: dict[str, str] = field(default_factory=dict)

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
        if path in self.quotes:   # a turn of a verbatim: sessions[0].verbatim[12]
            return self.quotes[path]
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
    """A limit crossed or a structure refused: the file gets this one located message."""

    def __init__(self, message: str, mark=None):
        super().__init__(message)
        self.mark = mark


_SAFE_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq",
}
_MERGE_TAG = "tag:yaml.org,2002:merge"
_constructor = SafeConstructor()

# C0 and C1 control characters other than tab and line breaks: never part of a
# write-up, and in a terminal an escape sequence can rewrite what the reader sees.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _clip(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[:width - 3] + "..."


def _show(text: str) -> str:
    """Text of the file, quoted for a message: clipped, control characters escaped."""
    return repr(_clip(text))


def _describe(node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    if node.tag == "tag:yaml.org,2002:null":
        return "nothing (null)"
    return _show(node.value)


def _quoted(node) -> tuple[str, ...]:
    """What ``_describe`` quotes of the file, for redaction."""
    if isinstance(node, ScalarNode) and node.tag != "tag:yaml.org,2002:null":
        return (_show(node.value),)
    return ()


def _choices(values) -> str:
    return ", ".join(str(v) for v in values)


def _compose(text: str, limits: Limits) -> list:
    """The document roots of ``text`` composed from libyaml's event stream, iteratively.

    Counts every node (an alias as the whole subtree it repeats) and the nesting depth
    as the events come, and raises ``_TooBig`` at the first limit crossed, at a
    recursive or undefined alias, or at the start of a second document.  Nothing is
    constructed: the nodes are the ones PyYAML's composer would build, sharing the
    anchored node for each alias.
    """
    loader = _Loader(text)
    try:
        return _compose_events(loader, limits)
    finally:
        loader.dispose()


def _compose_events(loader, limits: Limits) -> list:
    max_nodes, max_depth = limits.max_nodes, limits.max_depth
    roots: list = []
    # anchor -> (node, nodes it stands for once expanded, height); None while still open
    anchors: dict = {}
    # one frame per open collection: [node, is_mapping, pending_key, anchor, count_before, height]
    stack: list = []
    count = 0
    aliased = False
    no_key = stack  # a sentinel no node can be

    def attach(node, height):
        if not stack:
            roots.append(node)
            return
        frame = stack[-1]
        if height + 1 > frame[5]:
            frame[5] = height + 1
        if frame[1]:
            if frame[2] is no_key:
                frame[2] = node
            else:
                frame[0].value.append((frame[2], node))
                frame[2] = no_key
        else:
            frame[0].value.append(node)

    def too_many(mark):
        why = " once aliases are expanded (an alias bomb?)" if aliased else ""
        return _TooBig(f"more than {max_nodes:,} YAML nodes{why}; raise the limit with "
                       "--max-nodes", mark)

    def too_deep(mark):
        return _TooBig(f"nested deeper than {max_depth} levels; raise the limit with "
                       "--max-depth", mark)

    while True:
        event = loader.get_event()
        kind = type(event)
        if kind is MappingEndEvent or kind is SequenceEndEvent:
            node, _, _, anchor, before, height = stack.pop()
            node.end_mark = event.end_mark
            if anchor is not None:
                anchors[anchor] = (node, count - before, height)
            attach(node, height)
            continue
        if kind is StreamEndEvent:
            return roots
        if not isinstance(event, NodeEvent):
            continue  # the start of the stream, and of and end of a document
        mark = event.start_mark
        if not stack and roots:
            raise _TooBig("more than one YAML document ('---'); put one case in each file",
                          mark)
        if kind is AliasEvent:
            name = event.anchor
            if name not in anchors:
                raise _TooBig(f"alias *{_clip(name, 40)} has no anchor &{_clip(name, 40)} "
                              "before it", mark)
            entry = anchors[name]
            if entry is None:
                raise _TooBig(f"alias *{_clip(name, 40)} repeats a node that contains it "
                              "(a structure without end)", mark)
            node, size, height = entry
            aliased = True
            count += size
            if count > max_nodes:
                raise too_many(mark)
            if len(stack) + height > max_depth:
                raise too_deep(mark)
            attach(node, height)
            continue
        anchor = event.anchor
        if anchor is not None and anchor in anchors:
            raise _TooBig(f"anchor &{_clip(anchor, 40)} is defined twice", mark)
        count += 1
        if count > max_nodes:
            raise too_many(mark)
        tag = event.tag
        if kind is ScalarEvent:
            if tag is None or tag == "!":
                tag = loader.resolve(ScalarNode, event.value, event.implicit)
            node = ScalarNode(tag, event.value, mark, event.end_mark, event.style)
            if anchor is not None:
                anchors[anchor] = (node, 1, 0)
            attach(node, 0)
        else:  # the start of a mapping or a sequence
            if len(stack) + 1 > max_depth:
                raise too_deep(mark)
            is_map = kind is MappingStartEvent
            if tag is None or tag == "!":
                tag = loader.resolve(MappingNode if is_map else SequenceNode, None,
                                     event.implicit)
            node = (MappingNode if is_map else SequenceNode)(
                tag, [], mark, None, flow_style=event.flow_style)
            if anchor is not None:
                anchors[anchor] = None
            stack.append([node, is_map, no_key, anchor, count - 1, 0])


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
            return self.obj(node, spec.cls, path, depth)
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
            bad = _CONTROL.search(node.value)
            if bad:
                self.error(node, path, f"contains the control character U+{ord(bad.group()):04X}; "
                                       "a write-up is plain text: remove it")
                return None
            if path.endswith(".verbatim") and node.style != "|":
                self.error(node, path, "a verbatim must be a literal block: write 'verbatim: |' "
                                       "and the turns on the lines below it, indented")
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


def _decode(data: bytes) -> tuple[str | None, str | None]:
    """UTF-8 text (a BOM allowed), or a message saying what the bytes look like."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return None, "the file is UTF-32 text; save it as UTF-8"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, "the file is UTF-16 text; save it as UTF-8"
    head = data[:4096]
    if b"\x00" in head:
        even, odd = head[0::2].count(0), head[1::2].count(0)
        if max(even, odd) > len(head) // 4 and min(even, odd) < len(head) // 40 + 1:
            return None, "the file looks like UTF-16 text (no byte-order mark); save it as UTF-8"
        line = data[:data.index(b"\x00")].count(b"\n") + 1
        return None, (f"the file holds NUL bytes (line {line}): a binary file, not a case "
                      "file written as text")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        return None, (f"not UTF-8 text (byte 0x{data[exc.start]:02x} on line {line}); the file "
                      "may be Latin-1 or Windows-1252: save it as UTF-8")


def _yaml_problem(exc: yaml.YAMLError, text: str) -> tuple[str, int, int]:
    """A parser's error as one message and its line and column."""
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        what = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        return f"not valid YAML: {what}", (mark.line + 1 if mark else 1), \
            (mark.column + 1 if mark else 1)
    if isinstance(exc, yaml.reader.ReaderError):
        # libyaml counts the position in bytes of the UTF-8 text
        before = text.encode("utf-8")[:max(exc.position, 0)].decode("utf-8", "replace")
        line = before.count("\n") + 1
        column = len(before) - (before.rfind("\n") + 1) + 1
        char = f" (U+{exc.character:04X})" if isinstance(exc.character, int) else ""
        return f"not valid YAML: {exc.reason}{char}", line, column
    return f"not valid YAML: {type(exc).__name__}", 1, 1


def load_bytes(data: bytes, file: str, limits: Limits = Limits()) -> LoadedCase:
    """Parse and validate one case file's content.  Never raises for bad input."""
    def fail(message, line=1, column=1, path=""):
        return LoadedCase(file, None, [CaseError(line, column, path, message)])

    def fail_at(message, mark, path=""):
        return fail(message, mark.line + 1, mark.column + 1, path) if mark else fail(message)

    if len(data) > limits.max_bytes:
        return fail(f"file is {len(data):,} bytes, over the limit of {limits.max_bytes:,}; "
                    "raise it with --max-bytes")
    text, problem = _decode(data)
    if problem:
        return fail(problem)
    if not text.strip():
        return fail("the file is empty; a case file starts with 'format: asas/v1'")
    try:
        roots = _compose(text, limits)
    except _TooBig as exc:
        return fail_at(str(exc), exc.mark)
    except yaml.YAMLError as exc:
        message, line, column = _yaml_problem(exc, text)
        if "maximum nesting depth" in message:  # libyaml's own bound, about 1000 levels
            message = (f"nested deeper than {limits.max_depth} levels; raise the limit with "
                       "--max-depth" if limits.max_depth < 1000 else
                       "nested deeper than the YAML parser allows (about 1000 levels)")
        return fail(message, line, column)
    except (RecursionError, MemoryError) as exc:  # pragma: no cover - composing is iterative
        return fail(f"not valid YAML: {type(exc).__name__}")
    if not roots:
        return fail("the file holds no YAML document; a case file starts with 'format: asas/v1'")
    root = roots[0]
    if not isinstance(root, MappingNode):
        return fail_at(f"a case file is a mapping of fields, found {_describe(root)}",
                       root.start_mark)
    fmt = next((v for k, v in root.value if isinstance(k, ScalarNode) and k.value == "format"), None)
    if fmt is None:
        return fail("missing 'format: asas/v1' (the first line of a case file)", path="format")
    if not isinstance(fmt, ScalarNode) or fmt.value != FORMAT_V1:
        shown = _describe(fmt)
        m = fmt.start_mark
        return LoadedCase(file, None, [CaseError(
            m.line + 1, m.column + 1, "format",
            f"format {shown} is not supported; this tool reads {FORMAT_V1}", _quoted(fmt))])
    b = _Builder(limits)
    try:
        case = b.obj(root, Case, "")
    except _TooBig as exc:
        return fail_at(str(exc), exc.mark)
    if case is not None:
        _cross_checks(case, b)
    verbatim = {}
    if case is not None and any(s.verbatim is not None for s in case.sessions):
        from asas.engine.verbatim.parse import read_blocks
        verbatim, problems = read_blocks(case, b.values, text)
        b.errors.extend(CaseError(p.line, p.column, path, p.message, p.quoted)
                        for path, p in problems)
    errors = sorted(set(b.errors))
    return LoadedCase(file, case if not errors else None, errors, b.values, b.keys, verbatim)


class Unreadable(Exception):
    """A file that is not read at all (a folder, a FIFO, too big, changing): its message
    is the whole report for it."""


def _read_all(fd: int, limit: int) -> bytes:
    """Up to ``limit`` bytes from ``fd``."""
    chunks, size = [], 0
    while size < limit:
        chunk = os.read(fd, min(1 << 20, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def read_case_bytes(path: str, limits: Limits) -> bytes:
    """A regular file's bytes, read once, refusing what could hang or mislead.

    Opened without blocking, so a FIFO or a device cannot stall the batch; checked by
    its open descriptor (no race between checking and reading); compared before and
    after reading, so a file being rewritten is reported rather than half-read.
    """
    flags = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
             | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0))
    fd = os.open(path, flags)
    try:
        before = os.fstat(fd)
        if stat.S_ISDIR(before.st_mode):
            raise Unreadable("is a directory, not a case file")
        if not stat.S_ISREG(before.st_mode):
            raise Unreadable("is not a regular file (a FIFO, socket or device?); give a case "
                              "file saved on disk")
        if before.st_size > limits.max_bytes:
            raise Unreadable(f"file is {before.st_size:,} bytes, over the limit of "
                              f"{limits.max_bytes:,}; raise it with --max-bytes")
        data = _read_all(fd, limits.max_bytes + 1)
        after = os.fstat(fd)
    finally:
        os.close(fd)
    if len(data) <= limits.max_bytes and (
            len(data) != before.st_size or after.st_size != before.st_size
            or after.st_mtime_ns != before.st_mtime_ns):
        raise Unreadable("the file changed while it was being read; check it again once "
                          "it is saved")
    return data


def load_file(path: str, limits: Limits = Limits()) -> LoadedCase:
    """Read a file (or '-' for standard input) and load it; problems become errors.

    ``path`` may carry a problem found while searching a directory (engine/discover.py),
    reported as the file's one error.
    """
    import sys
    problem = getattr(path, "problem", None)
    if problem:
        return LoadedCase(path, None, [CaseError(1, 1, "", problem)])
    try:
        if path == "-":
            data = sys.stdin.buffer.read(limits.max_bytes + 1)
            return load_bytes(data, "<stdin>", limits)
        data = read_case_bytes(path, limits)
    except Unreadable as exc:
        return LoadedCase(path, None, [CaseError(1, 1, "", str(exc))])
    except OSError as exc:
        return LoadedCase(path, None, [CaseError(1, 1, "", f"cannot read: {exc.strerror or exc}")])
    return load_bytes(data, path, limits)
