"""Text that reaches a terminal, shown so that it cannot forge a report line.

A file name comes from a folder anyone could have filled (a class zip), and some text
values may hold a carriage return or a bidi override: printed raw, an escape sequence
clears the screen or plants a link (OSC 8), a CR overwrites the start of a line, a
newline forges a ``file:line:col:`` record, a bidi override shows a name backwards.
Here every such character is shown escaped, as Python writes it: ``\\x1b``, ``\\r``,
``\\n``, ``\\u202e``; a byte of a file name that is not UTF-8 (kept by Python as a lone
surrogate) is shown as the byte, ``\\xe9``.  Ordinary text, accents and scripts of
every language included, is left as it is.
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL; soft hyphen; Arabic letter mark; zero-width and bidi marks
# and overrides; line and paragraph separators; word joiner and invisible operators;
# the BOM / zero-width no-break space; interlinear annotation marks; surrogates (bytes
# of a non-UTF-8 file name).
UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e"
                    "\u2060-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff]")
# the same, but a newline is kept (multi-line text shown on several lines)
UNSAFE_KEEP_NEWLINE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e"
                                 "\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff"
                                 "\ufff9-\ufffb\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match) -> str:
    ch = match.group()
    if ch in _NAMED:
        return _NAMED[ch]
    n = ord(ch)
    if 0xDC80 <= n <= 0xDCFF:     # a byte os.fsdecode could not decode
        return f"\\x{n - 0xDC00:02x}"
    if n <= 0xFF:
        return f"\\x{n:02x}"
    return f"\\u{n:04x}"


def safe_text(text, keep_newline: bool = False) -> str:
    """``text`` with every character that could move the cursor, change the terminal,
    reorder the line or hide itself shown escaped."""
    if text is None:
        return ""
    text = str(text)
    pattern = UNSAFE_KEEP_NEWLINE if keep_newline else UNSAFE
    return pattern.sub(_escape, text) if pattern.search(text) else text


def safe_name(name) -> str:
    """A file name as a report shows it: on one line, escaped as :func:`safe_text`."""
    return safe_text(name)


def display_name(name) -> str:
    """A file name as text any encoder accepts: the bytes of a name that is not UTF-8
    (lone surrogates in Python) become ``\\xNN``; nothing else changes.  For machine
    formats (JSON, SARIF, CSV), which escape the rest themselves."""
    if name is None:
        return name
    text = str(name)
    if not _SURROGATE.search(text):
        return text
    return _SURROGATE.sub(_escape, text)


_SURROGATE = re.compile("[\ud800-\udfff]")
