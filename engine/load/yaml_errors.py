"""The commonest YAML mistakes of people who write case files by hand, explained with
their fix, in the reader's language.

PyYAML says where the parser stopped and, in its own English, what it met
(``problem``, ``context``).  This module looks at the file's own lines around that
place to tell which mistake it is (a ``: `` inside a text, a tab, an indent, a list
written after ``[]`` ...) and gives a ``yaml.`` message (engine/i18n/messages.py)
with the line, its text and what to write instead.  A mistake it does not know keeps
PyYAML's words, with the line and its text.  tests/invalid/yaml-*.yaml hold one
example of each, with the lines expected in both languages.
"""

from __future__ import annotations

import re

from asas.engine.i18n.messages import Msg
from asas.engine.load.types import _CONTROL, _clip


def _plain(text: str) -> str:
    """A line of the file, for a message: clipped, control characters escaped."""
    text = _clip(text, 100)
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)

_KEY = re.compile(r"^(\s*(?:- )?)([A-Za-z_][A-Za-z0-9_]*):(?:\s|$)")
_NO_SPACE = re.compile(r"^\s*(?:- )?([A-Za-z_][A-Za-z0-9_]*):(\S.*)$")


class Explained:
    """What the parser's error is, where, and the text of the file it quotes."""

    def __init__(self, why: Msg, line: int, column: int, text: str, quoted=()):
        self.why, self.line, self.column = why, line, column
        self.text = text
        self.quoted = tuple(quoted)

    def msg(self) -> Msg:
        return Msg.of("load.yaml", why=self.why, n=self.line, text=self.text)


def _line(lines: list[str], n: int) -> str:
    return lines[n - 1] if 0 < n <= len(lines) else ""


def _previous(lines: list[str], n: int) -> tuple[int, str]:
    """The nearest line above ``n`` that is neither blank nor a comment."""
    for i in range(n - 1, 0, -1):
        text = lines[i - 1]
        if text.strip() and not text.lstrip().startswith("#"):
            return i, text
    return 0, ""


def _quote(text: str) -> str:
    """``text`` as a YAML quoted scalar: double quotes, or single when it has some."""
    if '"' not in text:
        return f'"{text}"'
    return "'" + text.replace("'", "''") + "'"


_BLOCK_HEADER = re.compile(r":\s*[|>][-+0-9]*\s*(?:#.*)?$")
_FIELD = re.compile(r"^\s*(?:- )?[a-z_][a-z0-9_]*:(?:\s|$)")


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _block_cut(lines: list[str], line: int) -> tuple[int, int] | None:
    """(the line, the spaces the block's lines have) when the line above ``line`` ends
    a text block early: ``line`` is indented like the block's lines, the line above it
    less, and above that come lines of the block (indented as ``line``) back to the
    block's ``key: |``.  A line written as a field of the case format (``follow_up:``,
    lower case) is taken for one, not for a line of the block."""
    here = _line(lines, line)
    spaces = _indent(here)
    n, before = _previous(lines, line)
    if not here.strip() or not n or _indent(before) >= spaces or _FIELD.match(before):
        return None
    inside = 0
    for k in range(n - 1, 0, -1):
        text = lines[k - 1]
        if not text.strip():
            continue
        if _indent(text) >= spaces:
            inside += 1
            continue
        if inside and _BLOCK_HEADER.search(text) and _indent(text) < spaces:
            return n, spaces
        return None
    return None


def _first_deeper(lines: list[str], line: int) -> int | None:
    """The first line of a text block when it is indented more than ``line``, the next
    line of the block (right after the block's ``key: |``)."""
    here = _line(lines, line)
    n, before = _previous(lines, line)
    m, header = _previous(lines, n) if n else (0, "")
    if not (here.strip() and n and m) or _FIELD.match(here):
        return None
    spaces = _indent(here)
    if _indent(before) > spaces > _indent(header) and _BLOCK_HEADER.search(header):
        return n
    return None


def explain(problem: str, context: str | None, line: int, column: int,
            context_line: int | None, lines: list[str]) -> Explained | None:
    """The mistake behind a PyYAML error at ``line``:``column`` (1-based), or None."""
    problem, context = problem or "", context or ""
    here = _line(lines, line)

    def shown(n: int, fix: str | None = None, **params) -> tuple:
        text = _plain(_line(lines, n).strip())
        quoted = [text]
        if fix is not None:
            fix = _plain(fix)
            quoted.append(fix)
            params["fix"] = fix
        return text, quoted, params

    def out(code: str, n: int, col: int, fix: str | None = None, **params):
        text, quoted, params = shown(n, fix, **params)
        return Explained(Msg.of(code, **params), n, col, text, quoted)

    # 1. a tab in the indentation
    for n in (line, context_line or line, line - 1):
        text = _line(lines, n)
        lead = text[:len(text) - len(text.lstrip(" \t"))]
        if "\t" in lead:
            return out("yaml.tab", n, lead.index("\t") + 1)
    # 2. a line of a text block ('|', a pasted verbatim) indented less than the lines
    # around it: the block ends there, and the parser stops at the block's next line
    cut = _block_cut(lines, line)
    if cut is not None:
        n, spaces = cut
        return out("yaml.block_dedent", n, 1, spaces=spaces)
    # ... or its first line indented more than the next: YAML takes the first line's
    # indentation for the whole block, which then ends at the next line
    first = _first_deeper(lines, line)
    if first is not None:
        return out("yaml.block_first_deeper", first, 1, spaces=_indent(here))
    # 3. a text holding ': ' (a quote: "Konseli berkata: ...")
    if "mapping values are not allowed" in problem:
        key = _KEY.match(here)
        if key and ": " in here[key.end():] + " ":
            value = here[key.end():].strip()
            fix = f"{key.group(2)}: {_quote(value)}"
            return out("yaml.colon", line, column, fix)
        n, before = _previous(lines, line)
        glued = _NO_SPACE.match(before)
        if glued and not glued.group(2).startswith(("/", "\\")):
            return out("yaml.no_space", n, before.index(":") + 2,
                       f"{glued.group(1)}: {glued.group(2).strip()}")
        # a field indented deeper than the field above it, which holds a value of its own
        # ("  id: KI-1" then "   title: ..."): it can belong to no group
        above = _KEY.match(before)
        if key and above and before[above.end():].strip() and \
                len(key.group(1)) > len(above.group(1)):
            return out("yaml.indent", line, column)
    # 4. a list written after '[]'
    if "did not find expected key" in problem or "expected <block end>" in problem:
        n, before = _previous(lines, line)
        if before.rstrip().endswith("[]") and here.lstrip().startswith("- "):
            return out("yaml.list_after_empty", n, before.rstrip().rindex("[]") + 1,
                       before.strip()[:-2].rstrip())
        if re.search(r""":\s*(["']).*?\1\s*\S""", here):
            key = _KEY.match(here)
            value = here[key.end():].strip() if key else here.strip()
            quoted = f"{key.group(2)}: {_quote(value)}" if key else None
            return out("yaml.text_after_quote", line, column, quoted) if quoted else \
                out("yaml.text_after_quote_plain", line, column)
        return out("yaml.indent", line, column)
    # 5. a value that starts with '- '
    if "block sequence entries are not allowed" in problem:
        key = _KEY.match(here)
        if key:
            return out("yaml.dash_value", line, column,
                       f"{key.group(2)}: {_quote(here[key.end():].strip())}")
        return out("yaml.indent", line, column)
    # 6. a quote opened and never closed
    if "while scanning a quoted scalar" in context and context_line:
        return out("yaml.unclosed_quote", context_line, 1)
    # 7. a text starting with a sign YAML keeps for itself
    if "cannot start any token" in problem:
        char = here[column - 1] if 0 < column <= len(here) else "?"
        return out("yaml.special_start", line, column, char=char)
    if "while scanning an alias" in context or "while scanning an anchor" in context:
        char = "*" if "alias" in context else "&"
        return out("yaml.special_start", context_line or line, column, char=char)
    # 8. a list or a mapping opened with '[' or '{' and never closed
    if "flow sequence" in context or "flow mapping" in context:
        n = context_line or line
        if "sequence" in context:
            return out("yaml.unclosed_bracket", n, 1, bracket="[", close="]")
        return out("yaml.unclosed_brace", n, 1)
    # ... or opened at the end of the file ("supervised: [" and nothing after it)
    if "flow node" in context and "expected node content" in problem:
        for n in range(min(line, len(lines)), 0, -1):
            text = _line(lines, n).rstrip()
            if text:
                if text.endswith("["):
                    return out("yaml.unclosed_bracket", n, len(text), bracket="[",
                               close="]")
                if text.endswith("{"):
                    return out("yaml.unclosed_brace", n, len(text))
                break
    # 9. a line without 'key:' (a text that went on to the next line)
    if "could not find expected ':'" in problem:
        return out("yaml.no_colon", context_line or line, 1)
    # 10. a list item out of line with the others
    if "expected '-' indicator" in problem:
        return out("yaml.list_indent", line, column)
    return None
