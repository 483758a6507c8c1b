"""--format text: a report a trainee reads top to bottom, grouped by file.

Everything that comes from a case file or its name is shown through
``engine/report/safe.py``: a control character, a carriage return, a newline or a bidi
override in a file name or a value is shown escaped, so no line of the report can be
forged or hidden."""

from __future__ import annotations

import click

from asas.engine.i18n.words import word
from asas.engine.judge.catalog import FUNCTIONS
from asas.engine.judge.profile import lookup
from asas.engine.judge.terms import STATUS_MARK
from asas.engine.judge.verdict import CaseResult
from asas.engine.load.types import UNREADABLE
from asas.engine.report.contract import (
    SEVERITY_ORDER,
    Tally,
    cf_text,
    grouped,
    strength_dicts,
    summary,
)
from asas.engine.report.formats._common import finding_counts
from asas.engine.report.rendered import piece_of
from asas.engine.report.safe import safe_name, safe_text

STATUS_COLOUR = {"upheld": "green", "at_risk": "yellow", "violated": "red",
                 "not_assessed": "bright_black"}
SEVERITY_COLOUR = {"violation": "red", "risk": "yellow", "advice": "cyan"}


def render(results: list[CaseResult], lang: str, color: bool = False,
           selection=None) -> str:
    def paint(text, fg=None, bold=False, dim=False):
        return click.style(text, fg=fg, bold=bold, dim=dim) if color else text

    out: list[str] = _selection_lines(selection, lang, paint)
    for r in results:
        out.extend(_case(r, lang, paint))
        out.append("")
    out.extend(_summary(results, lang, paint))
    return "\n".join(out) + "\n"


def stream(results, lang: str, out, color: bool = False, interrupted=lambda: None,
           selection=None, quiet: bool = False) -> None:
    """Write what ``render`` returns to the text stream ``out``, case by case as
    ``results`` (any iterable) arrive; ``interrupted()`` gives the note that ends the
    report of an interrupted run (None: it was not).  ``quiet`` (--quiet): the cases
    only, no summary line and no note (the caller has left out the files that pass,
    and says on standard error that a run was interrupted)."""
    def paint(text, fg=None, bold=False, dim=False):
        return click.style(text, fg=fg, bold=bold, dim=dim) if color else text

    tally = Tally()
    head = _selection_lines(selection, lang, paint)
    if head:
        out.write("\n".join(head) + "\n")
    for r in results:
        tally.add(r)
        out.write(piece_of(r, fragment, lang, color=color))
    if quiet:
        return
    lines = _summary_lines(tally.summary(), tally.files, lang, paint)
    note = interrupted()
    if note:
        lines.append(paint(note, fg="yellow"))
    out.write("\n".join(lines) + "\n")


def fragment(r: CaseResult, lang: str, index: int = 0, color: bool = False) -> str:
    """What ``stream`` writes for one case (engine/report/rendered.py)."""
    def paint(text, fg=None, bold=False, dim=False):
        return click.style(text, fg=fg, bold=bold, dim=dim) if color else text
    return "\n".join(_case(r, lang, paint)) + "\n\n"


def _selection_lines(selection, lang: str, paint) -> list[str]:
    """A filtered report says so first (``--select``/``--ignore``)."""
    if selection is None:
        return []
    from asas.engine.report.formats._common import selection_text
    return [paint(selection_text(selection, lang), fg="yellow", bold=True), ""]
def turn_quotes(f, lang: str) -> list[str]:
    """The verbatim turns a finding cites, quoted with their lines (engine/verbatim)."""
    out = []
    for ev in f.evidence:
        if ".verbatim[" in ev.path and isinstance(ev.value, str):
            turn = ev.path.rsplit("[", 1)[1].rstrip("]")
            out.append(f"      » {'giliran' if lang == 'id' else 'turn'} {turn}, "
                       f"{'baris' if lang == 'id' else 'line'} {ev.line}: “{safe_text(ev.value)}”")
    return out


def _case(r: CaseResult, lang: str, paint) -> list[str]:
    file = safe_name(r.file)
    if not r.valid:
        what = "unreadable" if all(e.code in UNREADABLE for e in r.errors) else "invalid"
        lines = [paint(f"{file}", bold=True) + "  " + paint(word(what, lang), fg="red")]
        lines += [f"  {safe_text(e.format(file, lang))}" for e in r.errors]
        return lines
    if r.meta is not None:
        title = r.meta.title
    else:
        title = r.loaded.case.case.title if r.loaded and r.loaded.case else None
    head = (paint(file, bold=True) + f"  {safe_text(r.case_id)}"
            + (f" · {safe_text(title)}" if title else ""))
    lines = [head]
    profile = lookup(r.profile)       # the principles the result holds, as it names them
    glossed = {p: profile.label(p, "id") if lang == "id" else f"{p} ({profile.label(p, 'en')})"
               for p in r.verdicts}
    width = max(len(g) for g in glossed.values())
    for p in r.verdicts:
        v = r.verdicts[p]
        status = f"{STATUS_MARK[v.status]} {word(v.status, lang)}"
        score = "  –" if v.score is None else f"{v.score:3d}"
        lines.append(f"  {glossed[p]:<{width}}  {paint(f'{status:<22}', fg=STATUS_COLOUR[v.status])}"
                     f"{score}  {' '.join(v.findings)}".rstrip())
    marks = {True: "✓", False: "✗", None: "–"}
    served = "  ".join(f"{word(name, lang)} {marks[r.functions_served[name]]}"
                       for name in FUNCTIONS)
    lines.append(f"  {word('functions', lang)}: {served}")
    lines.extend(_strengths(r, lang, paint))
    groups = grouped(r.findings)
    # a missing observation (DOC, advice) is listed per session, apart from the rest
    undocumented = [(i, kids) for i, kids in groups if _is_doc(r.findings[i])]
    groups = [(i, kids) for i, kids in groups if not _is_doc(r.findings[i])]
    groups.sort(key=lambda g: (SEVERITY_ORDER[r.findings[g[0]].doc.severity],
                               r.findings[g[0]].session or 0, r.findings[g[0]].line))
    if not r.findings:
        lines.append("  " + paint(word("no_findings", lang), fg="green"))
    for i, kids in groups:
        lines.extend(_finding(r, r.findings[i], lang, paint, "  "))
        for k in kids:
            lines.extend(_finding(r, r.findings[k], lang, paint, "      ↳ ", child=True))
    if undocumented:
        lines.append("")
        lines.append("  " + paint(word("undocumented_block", lang), fg="cyan", bold=True))
        by_session: dict = {}
        for i, _ in undocumented:
            by_session.setdefault(r.findings[i].session, []).append(r.findings[i])
        for session in sorted(by_session, key=lambda s: s or 0):
            where = f"{word('session', lang)} {session}" if session else word("case", lang)
            lines.append(f"    {where}:")
            for f in sorted(by_session[session], key=lambda f: (f.line, f.id)):
                lines.append(f"      {safe_name(r.file)}:{f.line}:{f.column}  {f.id}  "
                             f"{safe_text(f.doc.recommendation.fill(lang, f.params))}")
    lines.extend(_suppressions(r, lang, paint))
    return lines


def _suppressions(r: CaseResult, lang: str, paint) -> list[str]:
    """What the case file's own suppressions set aside, and those that matched nothing."""
    from asas.engine.report.contract import suppression_rows
    rows = suppression_rows(r, lang)
    if not rows:
        return []
    out = ["", "  " + paint(word("suppressions", lang), bold=True)]
    for line, column, text, unused in rows:
        out.append(f"    {safe_name(r.file)}:{line}:{column}  "
                   + paint(safe_text(text), fg="yellow" if unused else None))
    return out


def _is_doc(f) -> bool:
    return f.id.startswith("DOC") and f.doc.severity == "advice"


def _finding(r, f, lang, paint, lead: str, child: bool = False) -> list[str]:
    where = f"{word('session', lang)} {f.session}" if f.session else word("case", lang)
    sev = paint(f"{word(f.doc.severity, lang):<12}", fg=SEVERITY_COLOUR[f.doc.severity])
    pad = " " * (len(lead) + 4)
    out = [] if child else [""]
    out.append(f"{lead}{safe_name(r.file)}:{f.line}:{f.column}  {paint(f.id, bold=True)}  {sev}"
               f"{cf_text(f.certainty, lang)}  {where}  {paint(f.doc.title.get(lang), bold=True)}")
    out.append(f"{pad}{safe_text(f.doc.message.fill(lang, f.params))}")
    out.extend(paint(pad + line.lstrip(), dim=True) for line in turn_quotes(f, lang))
    if f.derived_from:
        out.append(paint(f"{pad}{word('derived_from', lang)}: {', '.join(f.derived_from)}",
                         dim=True))
    if not child:
        out.append(f"{pad}→ {safe_text(f.doc.recommendation.fill(lang, f.params))}")
        out.append(paint(f"{pad}¶ {f.doc.source.get(lang)}", dim=True))
    return out


def _strengths(r: CaseResult, lang: str, paint) -> list[str]:
    items = strength_dicts(r, lang)
    if not items:
        return []
    out = ["", "  " + paint(word("went_well", lang), fg="green", bold=True)]
    for p in r.verdicts:           # the result's, in its profile's order
        mine = [st for st in items if st["principle"] == p]
        for st in mine:
            lines_ = ", ".join(dict.fromkeys(str(e["line"]) for e in st["evidence"]))
            out.append(f"    ✓ {p}: {safe_text(st['text'])}"
                       + paint(f"  ({word('lines' if ', ' in lines_ else 'line', lang)} {lines_})",
                             dim=True))
    return out


def _summary(results: list[CaseResult], lang: str, paint) -> list[str]:
    return _summary_lines(summary(results), len(results), lang, paint)


def _summary_lines(s: dict, files: int, lang: str, paint) -> list[str]:
    counts = finding_counts(s["findings"], lang)
    line = (f"{paint(word('summary', lang), bold=True)}: {s['files']} {word('file' if s['files'] == 1 else 'files', lang)}, "
            f"{s['valid']} {word('valid', lang)}, {s['invalid']} {word('invalid_count', lang)} · "
            f"{word('findings', lang)}: {counts}")
    lines = [line]
    if s["principles_failing"] and files > 1:
        top = ", ".join(f"{p} ({n})" for p, n in list(s["principles_failing"].items())[:3])
        lines.append(f"{word('weakest', lang)}: {top}")
    return lines
