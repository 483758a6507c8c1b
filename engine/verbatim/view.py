"""A case's verbatims as plain data for the reports (html, text, explain): per session
its measures and every turn with its line, speaker, codes, the trainee's labels and
text.  It travels with a result (``CaseMeta.verbatim``) through worker processes and the
cache, so a report shows the same verbatim however the result was made; ``--redact``
replaces every turn's text (engine/report/redact.py)."""

from __future__ import annotations

from asas.engine.verbatim.analyse import analyse

# the course's thresholds the charts show beside each session's figures
THRESHOLDS = {"talk_share_max": 0.6, "open_closed_min": 1.0, "reflection_question_min": 1.0}


def view(loaded) -> tuple:
    """(session, ...) with session a dict of JSON values; () without a verbatim."""
    if not loaded.verbatim:
        return ()
    out = []
    for idx, m in sorted(analyse(loaded).items()):
        out.append({
            "index": idx, "number": m.number,
            "talk_share": None if m.talk_share is None else round(m.talk_share, 4),
            "words": [m.words["counselor"], m.words["client"], m.words["other"]],
            "counts": dict(m.counts),
            "open_closed": m.open_closed, "reflection_question": m.reflection_question,
            "opening": dict(m.opening), "client_decision": m.client_decision,
            "turns": [[tt.turn.index, tt.turn.line, tt.turn.speaker, list(tt.codes),
                       list(tt.turn.labels), _said(tt.turn)] for tt in m.turns]})
    return tuple(out)


def _said(turn) -> str:
    """The turn's text with its notes; a text without notes is shown as read (its words
    one space apart already, engine/verbatim/parse.py)."""
    if not turn.notes:
        return turn.text
    return " ".join([turn.text] + [f"({n})" for n in turn.notes]).strip()


SPEAKERS = ("counselor", "client", "other")
OPENING = ("confidentiality", "limits", "voluntariness", "purpose")


def valid_view(value) -> bool:
    """Whether ``value`` has exactly the shape :func:`view` writes (for the cache)."""
    from asas.engine.verbatim.parse import CODES
    if not isinstance(value, (list, tuple)):
        return False
    num = (int, float)
    for s in value:
        if not (isinstance(s, dict) and set(s) == {
                "index", "number", "talk_share", "words", "counts", "open_closed",
                "reflection_question", "opening", "client_decision", "turns"}):
            return False
        if not (isinstance(s["index"], int) and (s["number"] is None or isinstance(s["number"], int))
                and (s["talk_share"] is None or isinstance(s["talk_share"], num))
                and isinstance(s["words"], list) and len(s["words"]) == 3
                and all(isinstance(w, int) for w in s["words"])
                and isinstance(s["counts"], dict)
                and all(k in CODES and isinstance(v, int) for k, v in s["counts"].items())
                and all(s[k] is None or isinstance(s[k], num)
                        for k in ("open_closed", "reflection_question"))
                and isinstance(s["opening"], dict) and set(s["opening"]) == set(OPENING)
                and all(isinstance(v, bool) for v in s["opening"].values())
                and isinstance(s["client_decision"], bool)
                and isinstance(s["turns"], list)):
            return False
        for t in s["turns"]:
            if not (isinstance(t, list) and len(t) == 6 and isinstance(t[0], int)
                    and isinstance(t[1], int) and t[2] in SPEAKERS
                    and isinstance(t[3], list) and all(c in CODES for c in t[3])
                    and isinstance(t[4], list) and all(c in CODES for c in t[4])
                    and isinstance(t[5], str)):
                return False
    return True


def redacted(value, mark: str) -> tuple:
    """The view with every turn's text replaced by ``mark``."""
    return tuple(dict(s, turns=[t[:5] + [mark] for t in s["turns"]]) for s in value)


def withheld(value, paths, mark: str) -> tuple:
    """The view with the text of the turns at ``paths`` (``sessions[0].verbatim[14]``,
    those a PRV finding points at) replaced by ``mark``."""
    return tuple(dict(s, turns=[t[:5] + [mark] if f"sessions[{s['index']}].verbatim[{t[0]}]"
                                in paths else t for t in s["turns"]]) for s in value)
