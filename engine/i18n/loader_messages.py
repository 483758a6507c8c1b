"""A message passed along as text, in the reader's language.

Every message of the loader, the verbatim and the rule engine's budget is a code with
parameters (engine/i18n/messages.py); code that still carries a message as text gets
an :class:`~asas.engine.i18n.messages.English` string, which knows its code, and
:func:`error_text` puts it into the reader's language.  (This module once held a table
of English patterns and their Indonesian; it is no longer needed.)
"""

from __future__ import annotations

from asas.engine.i18n.messages import Msg, Pair, text


def error_text(message, lang: str) -> str:
    """``message`` (a Msg, an English string that knows its Msg, or plain text) in
    ``lang``; plain text (an operating system's own words) is returned as it is."""
    if isinstance(message, (Msg, Pair)):
        return text(message, lang)
    msg = getattr(message, "msg", None)
    if isinstance(msg, Msg):
        return text(msg, lang)
    return str(message)
