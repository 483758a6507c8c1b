"""Reading the lecturer's own files (rubric, roster, overrides) as carefully as case files.

The bytes come through the same reader as case files (``read_case_bytes``: regular
files only, so a FIFO or ``/dev/zero`` is refused at once, a size bound, a file changing
while read is reported), the text through the same decoder, and the YAML through the
same bounded composer (node count, aliases expanded, nesting depth).  Every problem is a
located line ``file:line:col: message`` in the reader's language, never a traceback.

Values are constructed one scalar at a time by :func:`scalar`, which turns what
PyYAML cannot or should not build (an int of 10,000 digits, ``.inf``, ``.nan``, a bad
timestamp) into :data:`BAD` for the caller to report.
"""

from __future__ import annotations

import math
import re

import yaml
from yaml.nodes import ScalarNode

from asas.engine.i18n.messages import text as _in_words
from asas.engine.load import loader as _loader
from asas.engine.load.loader import Limits, Unreadable, read_case_bytes

# a rubric is ~80 lines, an overrides file a few dozen entries, a roster a few hundred
# students: far inside these bounds, which still stop a hostile or mistaken file
LIMITS = Limits(max_bytes=1024 * 1024, max_nodes=100_000, max_depth=16, max_sessions=1)

BAD = object()          # a scalar that cannot be used as a value

_RAISE_HINT = re.compile(r";? ?((raise (it|the limit) with|naikkan (batasnya )?dengan) --max-[a-z]+)$")

MESSAGES = {
    "read": ("cannot read it: {problem}", "tidak dapat dibaca: {problem}"),
    "yaml": ("not valid YAML: {problem}", "bukan YAML yang valid: {problem}"),
}


class SideFileError(Exception):
    """A side file that cannot be used; ``problems`` are ready-to-print lines."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


def _msg(key: str, lang: str, **params) -> str:
    en, id_ = MESSAGES[key]
    return (id_ if lang == "id" else en).format(**params)


def read_text(path: str, lang: str = "en", limits: Limits = LIMITS) -> str:
    """The text of ``path``, read with the case files' reader; SideFileError if not."""
    try:
        data = read_case_bytes(path, limits)
    except Unreadable as exc:
        raise SideFileError([f"{path}:1:1: {_msg('read', lang, problem=_plain(exc.msg, lang))}"]) \
            from None
    except OSError as exc:
        problem = exc.strerror or type(exc).__name__
        raise SideFileError([f"{path}:1:1: {_msg('read', lang, problem=problem)}"]) from None
    if len(data) > limits.max_bytes:
        problem = (f"the file is over {limits.max_bytes:,} bytes" if lang != "id" else
                   f"berkas lebih dari {limits.max_bytes:,} bita")
        raise SideFileError([f"{path}:1:1: {_msg('read', lang, problem=problem)}"])
    text, why = _loader._decode(data)
    if why:
        raise SideFileError([f"{path}:1:1: {_msg('read', lang, problem=_plain(why, lang))}"])
    assert text is not None   # _decode gives the text, or why there is none
    return text


def _plain(message, lang: str) -> str:
    """A loader message (a code with parameters, engine/i18n/messages.py) without its
    hint to raise a ``check`` option (not ours here)."""
    return _RAISE_HINT.sub("", _in_words(message, lang)).rstrip(" ;")


def compose(text: str, file: str, lang: str = "en", limits: Limits = LIMITS):
    """The one YAML document of ``text`` as a node tree (None when empty)."""
    try:
        roots = _loader._compose(text, limits)
    except _loader._TooBig as exc:
        mark = exc.mark
        where = f"{mark.line + 1}:{mark.column + 1}" if mark else "1:1"
        raise SideFileError([f"{file}:{where}: {_plain(exc.msg, lang)}"]) from None
    except yaml.YAMLError as exc:
        problem, line, column, _quoted = _loader._yaml_problem(exc, text)
        said = problem if "maximum nesting depth" not in str(problem) else \
            f"nested deeper than {limits.max_depth} levels"
        raise SideFileError([f"{file}:{line}:{column}: {_plain(said, lang)}"]) from None
    except (RecursionError, MemoryError) as exc:  # pragma: no cover - composing is iterative
        raise SideFileError([f"{file}:1:1: {_msg('yaml', lang, problem=type(exc).__name__)}"]) \
            from None
    return roots[0] if roots else None


_constructor = yaml.SafeLoader("")


def scalar(node):
    """The value of a scalar node, or BAD (not a scalar, unbuildable, or not finite)."""
    if not isinstance(node, ScalarNode):
        return BAD
    try:
        value = _constructor.construct_object(node, deep=True)
    except (ValueError, OverflowError, TypeError, yaml.YAMLError):
        return BAD      # e.g. an integer of more digits than Python converts
    if isinstance(value, float) and not math.isfinite(value):
        return BAD
    return value


def shown(node, limit: int = 40) -> str:
    """A node as a message quotes it: clipped, control characters escaped."""
    if isinstance(node, ScalarNode):
        text = node.value
        return repr(text if len(text) <= limit else text[:limit - 3] + "...")
    return "a list" if isinstance(node, yaml.SequenceNode) else "a mapping"
