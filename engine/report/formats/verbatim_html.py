"""The verbatim in the html report: per session a small chart (talk share, question
types, reflections) beside the course's thresholds, and every turn with its codes as
coloured marks in the margin.  Reads the plain view a result carries
(``CaseMeta.verbatim``, engine/verbatim/view.py); under --redact its texts are already
``[redacted]``."""

from __future__ import annotations

import html

from asas.engine.i18n.labels import technique_name

# colour groups of the codes (legend order)
GROUPS = (
    ("q", "#2b5d9b", ("open_question", "closed_question", "clarification")),
    ("r", "#1e7b3c", ("paraphrase", "reflection_of_feeling", "summarizing",
                      "minimal_encouragement")),
    ("s", "#6b7280", ("attending", "structuring", "goal_setting", "evaluation", "homework")),
    ("i", "#7a4fb3", ("information_giving", "interpretation", "confrontation", "reinforcement",
                      "self_disclosure", "role_play")),
    ("d", "#8a5a00", ("advice", "directive_instruction")),
    ("j", "#bd2f25", ("judgmental", "pressure")),
)
COLOUR = {code: colour for _, colour, codes in GROUPS for code in codes}
ABBR = {"attending": "AT", "structuring": "ST", "open_question": "OQ", "closed_question": "CQ",
        "minimal_encouragement": "ME", "paraphrase": "PA", "reflection_of_feeling": "RF",
        "clarification": "CL", "summarizing": "SU", "interpretation": "IN",
        "confrontation": "CO", "information_giving": "IG", "advice": "AD",
        "directive_instruction": "DI", "reinforcement": "RE", "self_disclosure": "SD",
        "goal_setting": "GS", "homework": "HW", "evaluation": "EV", "role_play": "RP",
        "judgmental": "JU", "pressure": "PR"}
WORDS = {
    "verbatim": ("Verbatim", "Verbatim"), "session": ("session", "sesi"),
    "talk": ("Counselor's talk share", "Porsi bicara konselor"),
    "questions": ("Questions: open / closed", "Pertanyaan: terbuka / tertutup"),
    "reflections": ("Reflections per question", "Refleksi per pertanyaan"),
    "threshold": ("course threshold", "batas perkuliahan"),
    "shows": ("The session shows", "Sesi ini menunjukkan"),
    "confidentiality": ("confidentiality", "kerahasiaan"), "limits": ("its limits", "batasnya"),
    "voluntariness": ("voluntariness", "kesukarelaan"), "purpose": ("purpose", "tujuan"),
    "decision": ("client's own decision", "keputusan konseli sendiri"),
    "counselor": ("Co", "Ko"), "client": ("Cl", "Ki"), "other": ("3rd", "P3"),
    "label": ("trainee's label", "label praktikan"), "line": ("line", "baris"),
    "yes": ("✓", "✓"), "no": ("✗", "✗"), "turns": ("turns", "giliran"),
}

CSS = """
.vb{margin-top:18px}.vb h3{margin-top:22px}
.vb-head{display:grid;grid-template-columns:minmax(0,1fr) 260px;gap:18px;align-items:start}
.vb-chart{width:100%;max-width:520px;height:auto}
.vb-shows{font-size:.88rem;color:var(--muted)}.vb-shows b{color:var(--ink)}
.vb-shows .yes{color:var(--ok)}.vb-shows .no{color:var(--bad)}
.vb-legend{display:flex;flex-wrap:wrap;gap:4px 10px;font-size:.78rem;color:var(--muted);margin:6px 0}
.vb-turns{font-size:.88rem;margin-top:6px}
.vb-turns td{padding:3px 6px}
.vb-turns td.m{width:118px;text-align:right;white-space:nowrap;border-right:3px solid var(--line)}
.vb-turns td.n{width:44px;color:var(--muted);font-variant-numeric:tabular-nums;text-align:right}
.vb-turns td.w{width:34px;font-weight:700;color:var(--muted)}
.vb-turns tr.counselor td.w{color:var(--accent)}
.vb-turns tr.other td.t{font-style:italic}
.mk{display:inline-block;min-width:24px;padding:0 3px;margin:1px 0 1px 2px;border-radius:4px;
color:#fff;font:700 .7rem/1.45 ui-monospace,"DejaVu Sans Mono",monospace;text-align:center;
background:var(--mk)}
.vb-lab{display:block;font-size:.78rem;color:var(--muted)}
.vb-lab.diff{color:#8a5a00}
@media (max-width:760px){.vb-head{grid-template-columns:1fr}}
@media print{.vb-turns{font-size:8pt}.vb-turns tr{break-inside:avoid}.vb-head{break-inside:avoid}}
"""


def _e(text) -> str:
    return html.escape(str(text), quote=True)


def _w(key: str, lang: str) -> str:
    en, id_ = WORDS[key]
    return id_ if lang == "id" else en


def _name(code: str, lang: str) -> str:
    return technique_name(code, lang)


def mark(code: str, lang: str) -> str:
    return (f'<span class="mk" style="--mk:{COLOUR[code]}" title="{_e(_name(code, lang))}">'
            f"{ABBR[code]}</span>")


def chart(s: dict, thresholds: dict, lang: str, uid: str) -> str:
    """Three bars on one scale each: talk share (0-100 %), open vs closed questions
    (stacked, with the ratio), reflections per question (0-2); a dashed line marks the
    course's threshold on each."""
    width, row, left, bar_w = 560, 46, 190, 280
    share = s["talk_share"] or 0.0
    counts = s["counts"]
    open_q, closed_q = counts.get("open_question", 0), counts.get("closed_question", 0)
    refl = sum(counts.get(c, 0) for c in ("paraphrase", "reflection_of_feeling", "summarizing"))
    ratio = refl / (open_q + closed_q) if open_q + closed_q else 0.0
    # a reader of Indonesian writes a decimal comma: 1,25 reflections per question
    ratio_text = f"{ratio:.2f}".replace(".", ",") if lang == "id" else f"{ratio:.2f}"
    parts = [f'<svg class="vb-chart" viewBox="0 0 {width} {row * 3 + 14}" role="img" '
             f'aria-labelledby="{uid}-t"><title id="{uid}-t">{_e(_w("talk", lang))} '
             f"{share:.0%}; {_e(_w('questions', lang))} {open_q}/{closed_q}; "
             f"{_e(_w('reflections', lang))} {ratio_text}</title>"]

    def label(y, text, value):
        parts.append(f'<text x="0" y="{y + 15}" font-size="12" fill="#1d232b">{_e(text)}</text>'
                     f'<text x="{left + bar_w + 8}" y="{y + 15}" font-size="12" '
                     f'font-weight="700" fill="#1d232b">{_e(value)}</text>')

    def frame(y):
        parts.append(f'<rect x="{left}" y="{y + 3}" width="{bar_w}" height="16" rx="3" '
                     'fill="#eceef1"/>')

    def threshold(y, x):
        parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{y}" y2="{y + 22}" stroke="#1d232b" '
                     'stroke-width="1.5" stroke-dasharray="3 2"><title>'
                     f'{_e(_w("threshold", lang))}</title></line>')

    y = 4
    label(y, _w("talk", lang), f"{share:.0%}")
    frame(y)
    over = share > thresholds["talk_share_max"]
    parts.append(f'<rect x="{left}" y="{y + 3}" width="{bar_w * min(share, 1):.1f}" height="16" '
                 f'rx="3" fill="{"#bd2f25" if over else "#1e7b3c"}"/>')
    threshold(y, left + bar_w * thresholds["talk_share_max"])
    y += row
    total = max(open_q + closed_q, 1)
    label(y, _w("questions", lang), f"{open_q} / {closed_q}")
    frame(y)
    w_open = bar_w * open_q / total
    parts.append(f'<rect x="{left}" y="{y + 3}" width="{w_open:.1f}" height="16" fill="#2b5d9b"/>'
                 f'<rect x="{left + w_open:.1f}" y="{y + 3}" width="{bar_w - w_open:.1f}" '
                 f'height="16" fill="#9db6d6"/>' if open_q + closed_q else "")
    threshold(y, left + bar_w * thresholds["open_closed_min"] / (1 + thresholds["open_closed_min"]))
    y += row
    label(y, _w("reflections", lang), ratio_text)
    frame(y)
    parts.append(f'<rect x="{left}" y="{y + 3}" width="{bar_w * min(ratio, 2) / 2:.1f}" '
                 f'height="16" rx="3" fill="#1e7b3c"/>')
    threshold(y, left + bar_w * thresholds["reflection_question_min"] / 2)
    parts.append("</svg>")
    return "".join(parts)


def legend(lang: str) -> str:
    items = "".join(f"<span>{mark(code, lang)} {_e(_name(code, lang))}</span>"
                    for _, _, codes in GROUPS for code in codes)
    return f'<div class="vb-legend">{items}</div>'


def section(i: int, sessions, lang: str) -> str:
    """The verbatim part of case ``i``'s section; '' without a verbatim."""
    if not sessions:
        return ""
    from asas.engine.verbatim.view import THRESHOLDS
    # the styles travel with the section, so a report without a verbatim is unchanged
    out = [f"<style>{CSS}</style>", f'<div class="vb" id="c{i}-verbatim">', legend(lang)]
    for s in sessions:
        uid = f"c{i}-v{s['index']}"
        shows = " · ".join(
            f'{_e(_w(k, lang))} <span class="{"yes" if s["opening"][k] else "no"}">'
            f'{_w("yes" if s["opening"][k] else "no", lang)}</span>'
            for k in ("confidentiality", "limits", "voluntariness", "purpose"))
        decision = s["client_decision"]
        shows += (f' · {_e(_w("decision", lang))} <span class="{"yes" if decision else "no"}">'
                  f'{_w("yes" if decision else "no", lang)}</span>')
        out.append(f'<h3 id="{uid}">{_e(_w("verbatim", lang))} · {_e(_w("session", lang))} '
                   f'{s["number"]} <small>({len(s["turns"])} {_e(_w("turns", lang))})</small></h3>'
                   f'<div class="vb-head">{chart(s, THRESHOLDS, lang, uid)}'
                   f'<p class="vb-shows"><b>{_e(_w("shows", lang))}:</b> {shows}</p></div>')
        rows = []
        for index, line, speaker, codes, labels, text in s["turns"]:
            marks = "".join(mark(c, lang) for c in codes)
            lab = ""
            if labels:
                differs = not set(labels) <= set(codes)
                lab = (f'<span class="vb-lab{" diff" if differs else ""}">'
                       f'{_e(_w("label", lang))}: {_e(", ".join(_name(x, lang) for x in labels))}'
                       "</span>")
            rows.append(f'<tr class="{speaker}" id="{uid}-t{index}"><td class="m">{marks}</td>'
                        f'<td class="n" title="{_e(_w("line", lang))} {line}">{line}</td>'
                        f'<td class="w">{_e(_w(speaker, lang))}</td>'
                        f'<td class="t">{_e(text)}{lab}</td></tr>')
        out.append(f'<table class="vb-turns"><tbody>{"".join(rows)}</tbody></table>')
    out.append("</div>")
    return "".join(out)
