"""`asas verbatim tag`: each turn with its codes and the cue that decided each code, as
text or as the JSON contract of spec/verbatim.md."""

from __future__ import annotations

import json

from asas.engine.i18n.labels import technique_name
from asas.engine.verbatim.analyse import analyse
from asas.engine.verbatim.measure import QUESTIONS, REFLECTIONS

REDACTED = "[redacted]"

_T = {
    "session": ("Session", "Sesi"),
    "talk": ("talk share (counselor)", "porsi bicara konselor"),
    "open_closed": ("open:closed questions", "pertanyaan terbuka:tertutup"),
    "refl_q": ("reflections:questions", "refleksi:pertanyaan"),
    "opening": ("the session shows", "sesi ini menunjukkan"),
    "decision": ("client's own decision", "keputusan konseli sendiri"),
    "yes": ("yes", "ya"), "no": ("no", "tidak"),
    "confidentiality": ("confidentiality", "kerahasiaan"),
    "limits": ("its limits", "batasnya"),
    "voluntariness": ("voluntariness", "kesukarelaan"),
    "purpose": ("purpose", "tujuan"),
    "labels": ("trainee's labels", "label praktikan"),
    "counselor": ("Co", "Ko"), "client": ("Cl", "Ki"), "other": ("3rd", "P3"),
    "none": ("no verbatim in this file", "berkas ini tidak memuat verbatim"),
    "turns": ("turns", "giliran"),
    "said": ("said", "terucap"), "not_said": ("not said", "tidak terucap"),
}


def t(key: str, lang: str) -> str:
    en, id_ = _T[key]
    return id_ if lang == "id" else en


def _number(value):
    return None if value is None else round(value, 2)


def as_json(loaded, redact: bool = False) -> dict:
    sessions = []
    for idx, m in sorted(analyse(loaded).items()):
        turns = []
        for tt in m.turns:
            turn = tt.turn
            entry = {"index": turn.index, "line": turn.line, "speaker": turn.speaker,
                     "codes": tt.codes, "labels": list(turn.labels),
                     "cues": [REDACTED if redact else tag.cue for tag in tt.tags]}
            entry["words"] = turn.words
            if not redact:
                entry["text"] = turn.text
            turns.append(entry)
        sessions.append({
            "number": m.number, "talk_share": _number(m.talk_share),
            "opening": dict(m.opening), "client_decision": m.client_decision,
            "counts": m.counts, "open_closed": m.open_closed,
            "reflection_question": m.reflection_question,
            "words": m.words, "turns": turns})
    return {"file": loaded.file, "sessions": sessions}


def _opening(opening: dict, decision: bool, lang: str) -> str:
    yn = lambda v: t("yes" if v else "no", lang)   # noqa: E731
    shown = ", ".join(f"{t(k, lang)} {yn(v)}" for k, v in opening.items())
    return f"{t('opening', lang)}: {shown}; {t('decision', lang)} {yn(decision)}"


def measured(session: dict, lang: str) -> str:
    """One session of a result's verbatim view (engine/verbatim/view.py) as what it
    measured, in a short line (``explain``): no turn's words."""
    share = "-" if session["talk_share"] is None else f"{session['talk_share']:.0%}"
    shows = dict(session["opening"], decision=session["client_decision"])
    parts = [f"{len(session['turns'])} {t('turns', lang)}", f"{t('talk', lang)} {share}"]
    for said, key in ((True, "said"), (False, "not_said")):
        named = [t(k, lang) for k, v in shows.items() if v is said]
        if named:
            parts.append(f"{t(key, lang)}: {', '.join(named)}")
    return "; ".join(parts)


def as_text(loaded, lang: str = "en", redact: bool = False) -> str:
    out = []
    analyses = analyse(loaded)
    if not analyses:
        return f"{loaded.file}: {t('none', lang)}\n"
    for idx, m in sorted(analyses.items()):
        share = "-" if m.talk_share is None else f"{m.talk_share:.0%}"
        counted = m.counts.get
        open_closed = _pair(counted("open_question", 0), counted("closed_question", 0))
        refl_q = _pair(sum(counted(c, 0) for c in REFLECTIONS),
                       sum(counted(c, 0) for c in QUESTIONS))
        out.append(f"{loaded.file}  {t('session', lang)} {m.number}  ·  {t('talk', lang)} "
                   f"{share}  ·  {t('open_closed', lang)} {open_closed}  ·  "
                   f"{t('refl_q', lang)} {refl_q}")
        out.append("  " + _opening(m.opening, m.client_decision, lang))
        for tt in m.turns:
            turn = tt.turn
            who = t(turn.speaker, lang)
            hidden = "[disamarkan]" if lang == "id" else REDACTED
            text = hidden if redact else turn.text or "(" + ", ".join(turn.notes) + ")"
            out.append(f"  {turn.line:>5}  {turn.index:>3} {who:<3} {text}")
            for tag in tt.tags:      # named in the reader's language; the JSON has codes
                cue = hidden if redact else tag.cue
                out.append(f"{'':16}→ {technique_name(tag.code, lang):<26} «{cue}»  "
                           f"{tag.because(lang)}")
            if turn.labels:
                named = ", ".join(technique_name(code, lang) for code in turn.labels)
                out.append(f"{'':16}  {t('labels', lang)}: {named}")
        out.append("")
    return "\n".join(out)


def _pair(first: int, second: int) -> str:
    """The two counts a ratio is made of, "2:3", "1:0": a ratio of nothing would say "-",
    and a trainee could not tell why (the JSON has the ratio)."""
    return f"{first}:{second}"


def dump(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
