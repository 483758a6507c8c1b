"""--format markdown: a report to paste into a merge request, a wiki or an LMS.

Per case: the eight principles (status, score, findings), the five functions, then
each risk and violation finding with its message, what to do next time and the ¶ of
the source; advice in a short list.  A batch starts with a matrix of cases ×
principles and the principles most often failing.  Text from case files is escaped,
so a quote cannot turn into markup.
"""

from __future__ import annotations

import re

from asas.engine.i18n.paths import readable
from asas.engine.i18n.words import word
from asas.engine.judge.catalog import FUNCTIONS, label
from asas.engine.judge.terms import STATUS_MARK
from asas.engine.judge.verdict import CaseResult, case_meta
from asas.engine.report.contract import SEVERITY_ORDER, cf_text, grouped, report_dict
from asas.engine.report.formats._common import finding_counts, one_line, report_title

MARK = STATUS_MARK
SEV_MARK = {"violation": "✗", "risk": "!", "advice": "·"}
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~])")
_LEADING = re.compile(r"^(?:([#>+-])|(\d+)([.)]))")


def esc(text) -> str:
    """Text shown as written, on one line: markdown's inline specials escaped, and a
    start that would make a heading, quote or list item."""
    text = _SPECIAL.sub(r"\\\1", one_line(text))
    return _LEADING.sub(lambda m: "\\" + m[1] if m[1] else m[2] + "\\" + m[3], text)


def principle_name(p: str, lang: str) -> str:
    return label(p, "id") if lang == "id" else f"{p} ({label(p, 'en')})"


def _mark_score(v: dict) -> str:
    return MARK[v["status"]] + ("" if v["score"] is None else f" {v['score']}")


def render(results: list[CaseResult], lang: str, **_) -> str:
    report = report_dict(results, lang)
    out = [f"# {report_title(results, lang)}", ""]
    s = report["summary"]
    counts = finding_counts(s["findings"], lang)
    out += [f"**{word('summary', lang)}:** {s['files']} {word('file' if s['files'] == 1 else 'files', lang)}, {s['valid']} "
            f"{word('valid', lang)}, {s['invalid']} {word('invalid_count', lang)} · "
            f"{word('findings', lang)}: {counts}", ""]
    if len(results) > 1:
        out += _matrix(report, results, lang)
    for r, case in zip(results, report["cases"]):
        out += _case(r, case, lang)
    return "\n".join(out).rstrip("\n") + "\n"


def _matrix(report: dict, results, lang: str) -> list[str]:
    PRINCIPLES = report["principles"]      # the profile's, in its order
    lines = [f"## {word('class_overview', lang)}", "",
             f"| {word('case', lang)} | {word('trainee', lang)} | "
             + " | ".join(label(p, "id") for p in PRINCIPLES) + " |",     # as the HTML's
             "|---|---|" + "---|" * len(PRINCIPLES)]
    for r, case in zip(results, report["cases"]):
        meta = case_meta(r)
        name = esc(case["case_id"] or case["file"])
        if not case["valid"]:
            cells = [f"✗ {word('invalid', lang)}"] + [""] * (len(PRINCIPLES) - 1)
        else:
            cells = [_mark_score(case["principles"][p]) for p in PRINCIPLES]
        lines.append(f"| {name} | {esc(meta.code or '—')} | " + " | ".join(cells) + " |")
    failing = report["summary"]["principles_failing"]
    lines += ["", " · ".join(f"{MARK[s]} {word(s, lang)}" for s in MARK), ""]
    if failing:
        top = ", ".join(f"{principle_name(p, lang)}: {n}" for p, n in failing.items())
        lines.append(f"**{word('weakest', lang)}** ({word('cases_at_risk_or_violated', lang)}): "
                     f"{top}")
        lines.append("")
    return lines


def _case(r: CaseResult, case: dict, lang: str) -> list[str]:
    meta = case_meta(r)
    head = f"## {esc(case['file'])}"
    if not case["valid"]:
        lines = [head + f" — {word('invalid', lang)}", ""]
        for e in case["errors"]:
            where = f"{esc(readable(e['path'], lang))}: " if e["path"] else ""
            lines.append(f"- `{e['line']}:{e['column']}` {where}{esc(e['message'])}")
        return lines + [""]
    title = f" · {esc(meta.title)}" if meta.title else ""
    lines = [f"{head} — {esc(case['case_id'])}{title}", ""]
    facts = []
    if meta.code:
        facts.append(f"{word('trainee', lang)}: {esc(meta.code)}")
    if meta.first_date:
        facts.append(f"{word('first_session', lang)}: {meta.first_date.isoformat()}")
    facts.append(f"{word('sessions', lang)}: {meta.sessions}")
    lines += [" · ".join(facts), ""]
    lines += [f"| {word('principle', lang)} | {word('status', lang)} | {word('score', lang)} | "
              f"{word('findings', lang)} |", "|---|---|---:|---|"]
    for p in case["principles"]:
        v = case["principles"][p]
        score = "–" if v["score"] is None else str(v["score"])
        lines.append(f"| {principle_name(p, lang)} | {MARK[v['status']]} "
                     f"{word(v['status'], lang)} | {score} | {' '.join(v['findings'])} |")
    marks = {True: "✓", False: "✗", None: "–"}
    served = " · ".join(f"{word(n, lang)} {marks[case['functions'][n]]}" for n in FUNCTIONS)
    lines += ["", f"**{word('functions', lang)}:** {served}", ""]

    if case.get("strengths"):
        lines += [f"**{word('went_well', lang)}:**", ""]
        for st in case["strengths"]:
            lines_ = ", ".join(dict.fromkeys(str(ev["line"]) for ev in st["evidence"]))
            lines.append(f"- ✓ {principle_name(st['principle'], lang)}: {esc(st['text'])} "
                         f"({word('lines' if ', ' in lines_ else 'line', lang)} {lines_})")
        lines.append("")
    # a derived finding resting on one root is told under its root
    children: dict[int, list[int]] = {}
    for root, numbers in grouped(r.findings):
        children[root] = numbers
    nested = {k for kids in children.values() for k in kids}
    numbered = [(n, f) for n, f in enumerate(case["findings"]) if n not in nested]
    numbered.sort(key=lambda nf: (SEVERITY_ORDER[nf[1]["severity"]], bool(nf[1]["derived_from"]),
                                  nf[1]["session"] or 0, nf[1]["line"]))
    ordered = [f for _, f in numbered]
    serious = [f for f in ordered if f["severity"] != "advice"]
    advice = [f for f in ordered if f["severity"] == "advice"]
    kids_of = {id(f): children.get(n, []) for n, f in numbered}
    if not ordered:
        lines += [f"_{word('no_findings', lang)}_", ""]
    for f in serious:
        where = f"{word('session', lang)} {f['session']}" if f["session"] else word("case", lang)
        lines += [f"### {SEV_MARK[f['severity']]} {f['id']} · {esc(f['title'])}", "",
                  f"{word(f['severity'], lang)} · {where} · {word('certainty', lang)} "
                  f"{cf_text(f['certainty'], lang)} · `{one_line(case['file']).replace('`', '')}:"
                  f"{f['line']}:{f['column']}`", "",
                  esc(f["message"]), "",
                  f"**{word('recommendation', lang)}:** {esc(f['recommendation'])}", ""]
        tail = [f"¶ {esc(f['source'])}"]
        if f["derived_from"]:
            tail.append(f"{word('derived_from', lang)}: {', '.join(f['derived_from'])}")
        lines += [" · ".join(tail), ""]
        kids = [case["findings"][k] for k in kids_of.get(id(f), [])]
        if kids:
            lines += [f"**{word('consequence', lang).capitalize()}:**", ""]
            for k in kids:
                where_k = (f"{word('session', lang)} {k['session']}" if k["session"]
                           else word("case", lang))
                lines.append(f"- {SEV_MARK[k['severity']]} {k['id']} · {esc(k['title'])} "
                             f"({word(k['severity'], lang)}, {where_k}, {word('certainty', lang)} "
                             f"{cf_text(k['certainty'], lang)}): {esc(k['message'])}")
            lines.append("")
    if advice:
        lines += [f"**{word('advice', lang).capitalize()}:**", ""]
        for f in advice:
            lines.append(f"- {f['id']} ({word('line', lang)} {f['line']}): {esc(f['message'])} "
                         f"→ {esc(f['recommendation'])}")
        lines.append("")
    from asas.engine.report.contract import suppression_rows
    rows = suppression_rows(r, lang)
    if rows:
        lines += [f"**{esc(word('suppressions', lang))}:**", ""]
        lines += [f"- {'⚠ ' if unused else ''}{word('line', lang)} {line}: {esc(text)}"
                  for line, _, text, unused in rows]
        lines.append("")
    return lines
