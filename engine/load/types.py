"""What loading a case file gives: its limits, its problems (each located), the loaded case."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from asas.engine.i18n.messages import Msg, Pair
from asas.engine.model.case import Case


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
    # not a bound, but a choice of the same kind (it changes what a file loads to):
    # exact codes only, as ``asas check --strict``; by default a value may be written
    # as people say it ('enggan', 'ya', '0,6'), and the model holds its code
    strict: bool = False


@dataclass(frozen=True, order=True)
class CaseError:
    """One problem of a case file: where it is, and what it is as a message code with
    parameters (engine/i18n/messages.py), put into words in the reader's language."""
    line: int
    column: int
    path: str
    message: str            # the English text: the sort order, and what tests compare
    # text of the case file quoted in the message (as written there), so a redacted
    # report can take it out again (engine/report/redact.py); not part of equality
    quoted: tuple[str, ...] = field(default=(), compare=False)
    msg: Msg | None = field(default=None, compare=False)

    @classmethod
    def of(cls, line: int, column: int, path: str, msg: Msg | str,
           quoted=()) -> CaseError:
        if isinstance(msg, str):    # an OS's own words, or a message from elsewhere
            return cls(line, column, path, msg, tuple(quoted), None)
        return cls(line, column, path, msg.text("en"), tuple(quoted), msg)

    @property
    def code(self) -> str:
        return self.msg.code if self.msg is not None else ""

    def text(self, lang: str = "en") -> str:
        """The message in the reader's language.  A message still given as English text
        (the verbatim's, the rule engine's budget: not yet codes) is translated by the
        legacy table in engine/i18n/loader_messages.py."""
        if self.msg is not None:
            return self.msg.text(lang)
        from asas.engine.i18n.loader_messages import error_text
        return error_text(self.message, lang)

    def format(self, file: str, lang: str = "en") -> str:
        """``file:line:column: where: message``, ``where`` as a reader counts
        ("sesi 3 › number"; engine/i18n/paths.py)."""
        from asas.engine.i18n.paths import readable
        where = f"{readable(self.path, lang)}: " if self.path else ""
        return f"{file}:{self.line}:{self.column}: {where}{self.text(lang)}"

    def redacted(self, mask: str) -> CaseError:
        """A copy with every quoted text of the file replaced by ``mask`` (quoted)."""
        import dataclasses
        if not self.quoted:
            return self
        shown = repr(mask)

        def hide(value):
            if isinstance(value, Msg):
                return Msg(value.code, tuple((k, hide(v)) for k, v in value.params))
            if isinstance(value, Pair):
                return value
            if isinstance(value, str) and value in self.quoted:
                return shown
            return value

        message = self.message
        for quote in self.quoted:
            message = message.replace(quote, shown)
        msg = hide(self.msg) if self.msg is not None else None
        return dataclasses.replace(self, message=msg.text("en") if msg else message,
                                   msg=msg, quoted=())


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
    # analysis (tagging, measures) once made, and the quotes of their turns by path,
    # each made when first asked for (a turn's line too: engine/verbatim/analyse.py)
    verbatim: dict = field(default_factory=dict)
    analyses: dict = field(default_factory=dict)
    quotes: dict[str, str] = field(default_factory=dict)
    # what the reader is told of how the file was read, beside its findings (a verbatim
    # file's heading left out: engine/verbatim/source.py), as messages
    notes: list = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return self.case is not None and not self.errors

    @property
    def model(self) -> Case:
        """The case model, for code that runs on a loaded model only (the rules, the
        verdicts); a file that did not load has none."""
        if self.case is None:
            raise ValueError(f"{self.file}: the case did not load, so it has no model")
        return self.case

    def where(self, path: str) -> tuple[int, int]:
        """Line and column of a path's key, or of its nearest written ancestor."""
        while path:
            if path in self.keys:
                return self.keys[path]
            if self.analyses and path[-1] == "]":   # a turn of an analysed verbatim?
                from asas.engine.verbatim.analyse import turn_at
                turn = turn_at(self, path)
                if turn is not None:
                    return (turn.line, turn.column)
            if path in self.values:
                return self.values[path]
            cut = max(path.rfind("."), path.rfind("["))
            path = path[:cut] if cut > 0 else ""
        return (1, 1)

    def value(self, path: str):
        """The model's value at a path such as ``sessions[0].client.willingness``."""
        if path in self.quotes:   # a turn of a verbatim: sessions[0].verbatim[12]
            return self.quotes[path]
        if self.analyses and ".verbatim" in path:   # one not yet asked for
            from asas.engine.verbatim.analyse import quote_at
            said = quote_at(self, path)
            if said is not None:
                return said
        steps = _steps(path)
        if steps is None:         # an index that is no number: as far as the walk gets
            return self._value_by_parts(path)
        obj: Any = self.case     # then each value along the path, of any type
        for step in steps:
            if obj is None:
                return None
            if type(step) is int:
                obj = obj[step] if step < len(obj) else None
            else:
                obj = getattr(obj, step, None)
        return obj

    def _value_by_parts(self, path: str):
        obj: Any = self.case
        for part in path.replace("[", ".[").split("."):
            if obj is None:
                return None
            if part.startswith("["):
                idx = int(part[1:-1])
                obj = obj[idx] if idx < len(obj) else None
            else:
                obj = getattr(obj, part, None)
        return obj


# path -> the steps ``LoadedCase.value`` takes along it (an attribute's name, or an
# index): the report asks for the same few paths of every case, often several times
# (its evidence), so each is split once
_STEPS: dict[str, tuple] = {}
_STEPS_MAX = 4096


def _steps(path: str) -> tuple | None:
    steps = _STEPS.get(path)
    if steps is None:
        try:
            steps = tuple(int(part[1:-1]) if part.startswith("[") else part
                          for part in path.replace("[", ".[").split("."))
        except ValueError:
            return None
        if len(_STEPS) < _STEPS_MAX:
            _STEPS[path] = steps
    return steps


# C0 and C1 control characters other than tab and line breaks: never part of a
# write-up, and in a terminal an escape sequence can rewrite what the reader sees.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _clip(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[:width - 3] + "..."


def _show(text: str) -> str:
    """Text of the file, quoted for a message: clipped, control characters escaped."""
    return repr(_clip(text))


def _describe(node) -> Msg | str:
    """What a node is, for "found ...": a kind of value, or its text quoted."""
    if isinstance(node, MappingNode):
        return Msg.of("kind.mapping")
    if isinstance(node, SequenceNode):
        return Msg.of("kind.list")
    if node.tag == "tag:yaml.org,2002:null":
        return Msg.of("kind.null")
    return _show(node.value)


def _quoted(node) -> tuple[str, ...]:
    """What ``_describe`` quotes of the file, for redaction."""
    if isinstance(node, ScalarNode) and node.tag != "tag:yaml.org,2002:null":
        return (_show(node.value),)
    return ()


def os_error(exc: OSError) -> Msg:
    """The operating system's error in the reader's language (its own words when the
    error is not one people meet reading a file)."""
    import errno
    name = errno.errorcode.get(exc.errno or 0, "")
    code = f"os.{name}"
    from asas.engine.i18n.messages import MESSAGES
    if code in MESSAGES:
        return Msg.of(code)
    return Msg.of("os.other", why=exc.strerror or str(exc))


# the messages that say a file could not be read at all (not that it is not valid)
UNREADABLE = frozenset({"load.cannot_read", "load.cannot_list", "load.is_dir",
                        "load.not_regular", "load.changed"})


def _choices(values) -> str:
    return ", ".join(str(v) for v in values)
