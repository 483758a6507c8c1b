"""Answers as people type them: yes and no, "don't know", "none" (one list with the
case file's: engine/i18n/labels.py), and what an answer that cannot be used raises."""

from __future__ import annotations

from asas.engine.i18n import labels
from asas.engine.i18n.messages import t

MISSING = object()   # the answer leaves the field out: not documented (or none, closed-world)


def _t(key: str, lang: str, **params) -> str:
    return t("interview." + key, lang, **params)


message = _t   # for cli.py


def _norm(raw: str) -> str:
    return " ".join(raw.replace("’", "'").replace("`", "'").lower().split())


YES, NO = labels.YES, labels.NO     # one list for the interview and the case file
DONT_KNOW = {"", "tidak tahu", "tidak tau", "tdk tahu", "tdk tau", "gak tahu", "gak tau",
             "ga tahu", "ga tau", "nggak tahu", "nggak tau", "tt", "don't know", "dont know",
             "do not know", "unknown", "not documented", "tidak dicatat", "dk", "n/a"}
NONE = {"tidak ada", "tak ada", "gak ada", "ga ada", "nggak ada", "none", "nothing",
        "no one", "nobody", "-", "kosong"}


class Invalid(ValueError):
    pass
