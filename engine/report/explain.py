"""`asas explain FILE`: the inference chain of one case, from the facts (with their
lines) through intermediate conclusions to findings and principle statuses."""

from __future__ import annotations

import json
import re

from asas.engine.i18n.paths import readable
from asas.engine.i18n.words import word
from asas.engine.judge.catalog import label
from asas.engine.judge.strengths import DEFEAT, TEXTS
from asas.engine.judge.verdict import CaseResult, Evidence, Found
from asas.engine.report.contract import cf_text
from asas.engine.report.safe import safe_text
from asas.engine.verbatim.report import measured

HEAD = {
    "tree": ("Reasoning (each conclusion above the facts it rests on)",
             "Penalaran (setiap kesimpulan beserta fakta yang mendasarinya)"),
    "status": ("Principles", "Asas"),
    "none": ("No finding: nothing to trace.", "Tidak ada temuan: tidak ada yang perlu ditelusuri."),
}


def _h(key, lang):
    return HEAD[key][1] if lang == "id" else HEAD[key][0]


def _value(v, lang) -> str:
    if v is None:
        return word("not_documented_value", lang)
    return json.dumps(v, ensure_ascii=False) if not isinstance(v, str) else v


_WHOLE_VERBATIM = re.compile(r"sessions\[(\d+)\]\.verbatim")


def _shown(e: Evidence, result: CaseResult, lang: str) -> str:
    """A fact's value as the tree shows it; a whole verbatim as what it measured (its
    turns, the talk share, what the opening shows, the client's decision), not its
    first words: what the VBT findings set against the write-up's claims."""
    whole = _WHOLE_VERBATIM.fullmatch(e.path)
    if whole:
        index = int(whole.group(1))
        for session in result.meta.verbatim if result.meta else ():
            if session["index"] == index:
                return measured(session, lang)
    return _value(e.value, lang)


def explain(result: CaseResult, lang: str) -> str:
    by_key = {(f.id, f.session): f for f in result.findings}
    used_as_parent = {p for f in result.findings for p in f.parents}
    because: dict[tuple[str, int | None], list[str]] = {}
    for what, session, key in result.conclusions:
        because.setdefault(key, []).append(what)
    roots = [f for f in result.findings if (f.id, f.session) not in used_as_parent]
    lines = [f"{result.file}  {result.case_id}", "", _h("tree", lang)]
    if not roots:
        lines.append("  " + _h("none", lang))

    def node(f: Found, prefix: str, last: bool, top: bool):
        where = f"{word('session', lang)} {f.session}" if f.session else word("case", lang)
        branch = "" if top else ("└─ " if last else "├─ ")
        lines.append(f"{prefix}{branch}{f.id} {f.doc.title.get(lang)} "
                     f"[{word(f.doc.severity, lang)}, {cf_text(f.certainty, lang)}, {where}]")
        child_prefix = prefix + ("" if top else ("   " if last else "│  "))
        children: list[tuple[str, Found | Evidence, list[str] | None]] = []
        for key in f.parents:
            if key in by_key:
                conclusions: list[str] | None = [label(w, lang) for w in because.get(key, [])]
                children.append(("finding", by_key[key], conclusions))
        for e in f.evidence:
            children.append(("fact", e, None))
        for i, (_kind, item, conclusions) in enumerate(children):
            is_last = i == len(children) - 1
            if isinstance(item, Evidence):   # a "fact"
                mark = "└─ " if is_last else "├─ "
                lines.append(f"{child_prefix}{mark}{word('line', lang)} {item.line}: "
                             f"{readable(item.path, lang)} = {_shown(item, result, lang)}")
            else:
                if conclusions:
                    mark = "└─ " if is_last else "├─ "
                    lines.append(f"{child_prefix}{mark}⇐ {', '.join(dict.fromkeys(conclusions))}")
                    node(item, child_prefix + ("   " if is_last else "│  "), True, False)
                else:
                    node(item, child_prefix, is_last, False)

    for f in sorted(roots, key=lambda f: (f.session or 0, f.id)):
        node(f, "  ", True, True)
        lines.append("")
    if result.defeated:
        lines.append(word("defeated", lang))
        for d in result.defeated:
            where = f"{word('session', lang)} {d.session}" if d.session else word("case", lang)
            lines.append(f"  ⊘ {d.id} {d.doc.title.get(lang)} [{where}]")
            if d.via is not None:
                via = f"{d.via[0]}" + (f" ({word('session', lang)} {d.via[1]})" if d.via[1] else "")
                lines.append(f"     {word('defeated_via', lang)}: {via}")
            if d.reason in DEFEAT:
                lines.append(f"     {DEFEAT[d.reason].fill(lang, d.params)}")
            for e in d.evidence:
                lines.append(f"     {word('line', lang)} {e.line}: {readable(e.path, lang)} = "
                             f"{_shown(e, result, lang)}")
        lines.append("")
    from asas.engine.report.contract import suppression_rows
    rows = suppression_rows(result, lang)
    if rows:        # what the case file's own suppressions set aside, and those unused
        lines.append(word("suppressions", lang))
        lines += [f"  {word('line', lang)} {line}: {text}" for line, _, text, _ in rows]
        lines.append("")
    if result.strengths:
        lines.append(word("went_well", lang))
        for st in result.strengths:
            lines.append(f"  ✓ {st.principle}: {TEXTS[st.key].fill(lang, st.params)}")
            for e in st.evidence:
                lines.append(f"     {word('line', lang)} {e.line}: {readable(e.path, lang)} = "
                             f"{_shown(e, result, lang)}")
        lines.append("")
    lines.append(_h("status", lang))
    width = max(13, *(len(p) for p in result.verdicts))
    for p in result.verdicts:               # the profile's, in its order
        v = result.verdicts[p]
        lines.append(f"  {p:<{width}} {word(v.status, lang):<20} {' '.join(v.findings)}")
    # a CR, newline, escape sequence or bidi override in a value is shown escaped
    return "\n".join(safe_text(line) for line in lines) + "\n"
