"""What the reasoning stage tells a person, in Indonesian and English.

One message today: the fast Rete network (engine/reason/fastrete.py) refused to run
and experta's own network is used instead.  Each reason is a code with parameters
(``NotSupported("experta_version", found=..., expected=...)``), a ``reason.`` message
of engine/i18n/messages.py.  The warning goes to standard error before any language
is known to the engine, so it is given in both: Indonesian first, then English.
"""

from __future__ import annotations

from asas.engine.i18n.messages import MESSAGES, Msg, text


def reason_msg(code: str, params: dict) -> Msg | str:
    """The reason as a message; an unknown code is shown as it is."""
    if f"reason.{code}" not in MESSAGES:
        return code
    return Msg.of(f"reason.{code}", **{k: str(v) for k, v in params.items()})


def fallback_text(code: str, params: dict) -> str:
    """The warning, Indonesian line first, then English."""
    reason = reason_msg(code, params)
    return "\n".join(text(Msg.of("reason.fallback", reason=reason), lang)
                     for lang in ("id", "en")) + "\n"
