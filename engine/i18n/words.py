"""The words of the reports, and the reader's language (the words themselves are in
engine/i18n/messages.py, the ``word.`` messages)."""

from __future__ import annotations

import os

from asas.engine.i18n.messages import MESSAGES


def word(key: str, lang: str) -> str:
    """One word of the reports (a ``word.`` message of engine/i18n/messages.py); an
    unknown key is shown as it is."""
    pair = MESSAGES.get("word." + key)
    if pair is None:
        return key
    return pair[1] if lang == "id" else pair[0]


def env_lang(environ=os.environ) -> str | None:
    """ASAS_LANG, when it is en or id."""
    chosen = environ.get("ASAS_LANG", "").strip().lower()
    return chosen if chosen in ("en", "id") else None


def default_lang(environ=os.environ) -> str:
    """ASAS_LANG (en or id) when set; else Indonesian when the locale says so
    (id_ID.UTF-8, in), else English."""
    chosen = env_lang(environ)
    if chosen:
        return chosen
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = environ.get(var, "")
        if value:
            return "id" if value.split(":")[0].lower().startswith(("id", "in_")) else "en"
    return "en"
