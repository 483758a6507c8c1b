"""--format html: one self-contained page a trainee, a lecturer or a supervisor can
open, read and print.

Nothing is fetched: the CSS is inline, the charts are inline SVG, the fonts are the
reader's own.  Every text from a case file or the catalogue goes through
``html.escape``; element ids are made here, never taken from a file.

- per case: a bar chart of the eight principles (score, coloured by status), the five
  functions, each risk and violation finding with its explanation, why it matters,
  what to do next time, the chain it follows from (links), its evidence lines and the
  ¶ of the source; advice in a compact table;
- for a batch: a matrix of cases × principles coloured by status, the class's weakest
  principles (a stacked bar chart), and the findings met most often;
- printable: A4, each case on its own page in a batch, colours kept.

Privacy: a report covering more than one case is redacted by default (``redact=None``
means "when more than one case"; ``True``/``False`` force it).  Redaction is
``asas.engine.report.redact.redact(results) -> results``; see ``apply_redaction``, the hook.
"""

from __future__ import annotations

import dataclasses
import html
import io
import itertools
import re
import shutil
import tempfile
from collections import Counter

from asas import FORMAT, __version__
from asas.engine.i18n.paths import readable
from asas.engine.i18n.words import word
from asas.engine.judge.catalog import FUNCTIONS, PRINCIPLES, label
from asas.engine.judge.terms import STATUS_MARK
from asas.engine.judge.verdict import CaseResult, case_meta
from asas.engine.report.contract import SEVERITY_ORDER, Tally, case_dict, cf_text, grouped
from asas.engine.report.formats._common import clean, finding_counts, report_title

MARK = STATUS_MARK
STATUS_ORDER = ("violated", "at_risk", "not_assessed", "upheld")
FUNCTION_MARK = {True: ("✓", "served"), False: ("✗", "not_served"),
                 None: ("–", "not_documented")}


def e(text) -> str:
    """Escaped text (quotes too), without the control characters XML forbids."""
    return html.escape(clean(text), quote=True)


_BACKTICKS = re.compile(r"`([^`<>]+)`")


def e_code(text) -> str:
    """Escaped text whose `field names` (written in backticks in a rule's texts) are shown
    as code, not with their backticks."""
    return _BACKTICKS.sub(r"<code>\1</code>", e(text))


# --- the redaction hook ----------------------------------------------------------------

def apply_redaction(results: list[CaseResult], redact: bool | None,
                    lang: str = "en") -> tuple[list, str]:
    """The privacy hook.  ``redact`` None: redact when the report covers more than one
    case.  Returns the results to render and ``"off"`` or ``"on"``."""
    from asas.engine.report.formats import redacts
    wanted = redacts("html", redact, len(results))
    if not wanted:
        return results, "off"
    from asas.engine.report.redact import redact as redact_results
    return redact_results(results, lang), "on"


# --- the page ------------------------------------------------------------------------

CSS = """
:root{--ok:#1e7b3c;--ok-bg:#e2f3e7;--risk:#8a5a00;--risk-bg:#fff1cf;--bad:#bd2f25;
--bad-bg:#fbe1de;--na:#5e636b;--na-bg:#eceef1;--ink:#1d232b;--muted:#5d6672;--line:#d9dde3;
--accent:#2b5d9b;--paper:#fff}
*{box-sizing:border-box}
html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0;background:#f4f5f7;color:var(--ink);font:15px/1.5 system-ui,-apple-system,
"Segoe UI",Roboto,"Noto Sans","Liberation Sans","DejaVu Sans",Arial,sans-serif}
main{max-width:1060px;margin:0 auto;padding:24px 20px 48px}
h1{font-size:1.55rem;margin:0 0 4px}h2{font-size:1.25rem;margin:0 0 6px}
h3{font-size:1.02rem;margin:20px 0 8px;color:var(--muted);text-transform:uppercase;
letter-spacing:.04em}
h4{display:inline;font-size:1rem;margin:0}
a{color:var(--accent)}
code{font:0.86em/1.4 ui-monospace,"DejaVu Sans Mono","Liberation Mono",Consolas,monospace}
.top{border-bottom:3px solid var(--accent);padding-bottom:10px;margin-bottom:18px}
.sub,.meta,.note{color:var(--muted);margin:2px 0}
.chips{display:flex;flex-wrap:wrap;gap:6px;margin:10px 0 0;padding:0;list-style:none}
.chip{border-radius:999px;padding:2px 10px;font-size:.85rem;background:var(--na-bg)}
.notice{border-left:4px solid var(--risk);background:var(--risk-bg);padding:8px 12px;margin:12px 0}
.card{background:var(--paper);border:1px solid var(--line);border-radius:10px;padding:18px 20px;
margin:0 0 22px}
.toc{columns:3 220px;font-size:.9rem;margin:6px 0 0;padding-left:18px}
.legend{display:flex;flex-wrap:wrap;gap:12px;font-size:.85rem;color:var(--muted);margin:8px 0}
.legend span{display:inline-flex;align-items:center;gap:5px}
.sw{display:inline-block;width:14px;height:14px;border-radius:3px}
.upheld{--c:var(--ok);--bg:var(--ok-bg)}.at_risk{--c:var(--risk);--bg:var(--risk-bg)}
.violated{--c:var(--bad);--bg:var(--bad-bg)}.not_assessed{--c:var(--na);--bg:var(--na-bg)}
.sw{background:var(--c)}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid var(--line);padding:5px 6px;text-align:left;vertical-align:top}
.matrix{font-size:.85rem}
.matrix th.p{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;
vertical-align:bottom;text-align:left;padding:6px 2px;font-weight:600}
.matrix th.p small{font-weight:400;color:var(--muted)}
.matrix td.st{text-align:center;background:var(--bg);color:var(--c);font-weight:700;
border:2px solid var(--paper);white-space:nowrap;min-width:46px}
.matrix tbody th{font-weight:600;white-space:nowrap}
.matrix tbody th small{display:block;font-weight:400;color:var(--muted);font-size:.78rem}
.matrix tbody th,.matrix tbody td{padding-top:3px;padding-bottom:3px}
.tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:10px;margin:12px 0}
.tile{border-radius:8px;padding:10px 12px;background:var(--bg,#eef4fb);border:1px solid var(--line)}
.tile b{display:block;font-size:1.6rem;line-height:1.1;color:var(--c,var(--accent))}
.tile span{font-size:.85rem;color:var(--muted)}
.matrix tfoot td{font-weight:700;text-align:center;color:var(--bad)}
.matrix td.inv{color:var(--bad);font-style:italic}
.num{text-align:right;font-variant-numeric:tabular-nums}
.overview{display:grid;grid-template-columns:minmax(0,1fr) 250px;gap:22px;align-items:start}
.chart{width:100%;height:auto;max-width:680px}
.functions ul{list-style:none;padding:0;margin:0}
.functions li{padding:3px 0 3px 1.6em;text-indent:-1.6em;border-bottom:1px dashed var(--line)}
.functions b{display:inline-block;width:1.6em;text-indent:0;text-align:center}
.fn-true b{color:var(--ok)}.fn-false b{color:var(--bad)}.fn-none b{color:var(--na)}
.finding{border:1px solid var(--line);border-left:6px solid var(--c);border-radius:8px;
padding:10px 14px;margin:10px 0;background:var(--paper)}
.finding.violation{--c:var(--bad)}.finding.risk{--c:var(--risk)}
.sev{display:inline-block;background:var(--c);color:#fff;border-radius:4px;padding:0 7px;
font-size:.8rem;font-weight:700;text-transform:uppercase;letter-spacing:.03em;margin-right:6px}
.rid{font-weight:700;margin-right:6px}
.finding p{margin:6px 0}
.occ.many{border-left:3px solid var(--line);padding-left:10px;margin:8px 0}
.loc,.chain{font-size:.88rem;color:var(--muted)}
.why{color:var(--muted);font-size:.92rem}
.rec{background:#eef4fb;border-radius:6px;padding:6px 10px}
.src{color:var(--muted);font-size:.85rem;font-style:italic}
.evidence{font-size:.85rem;color:var(--muted);margin:4px 0;padding-left:18px}
.advice td{font-size:.88rem}
.errors li{margin:3px 0}
.invalid h2{color:var(--bad)}
footer{color:var(--muted);font-size:.85rem;margin-top:30px}
main.wide{max-width:none}
.scroll{overflow-x:auto}
.gradebook .grade{white-space:nowrap;text-align:center;font-size:1rem}
.gradebook tbody th small{white-space:normal}
.gradebook tr.whyrow td{border-top:none;padding-top:0;font-size:.82rem;color:var(--muted)}
.gradebook tr.whyrow ul{margin:0;padding-left:1.1em}
.gradebook tbody tr:not(.whyrow):has(+ .whyrow) th,.gradebook tbody tr:not(.whyrow):has(+ .whyrow) td{border-bottom:none}
.gradebook td.incomplete,.gradebook td.inv{white-space:normal;min-width:6em}
.capmark{color:var(--bad)}
@media (max-width:760px){.overview{grid-template-columns:1fr}}
@media print{
 @page{size:A4;margin:13mm}
 body{background:#fff;font-size:11pt}
 main{max-width:none;padding:0}
 .card{border:none;padding:0;margin:0 0 14px}
 .toc,.noprint{display:none}
 .batch .case{break-before:page}
 .matrix tr,svg,.overview,.occ,.finding p,.finding header{break-inside:avoid}
 .finding header,h2,h3{break-after:avoid}
 a{color:inherit;text-decoration:none}
 .overview{grid-template-columns:minmax(0,1fr) 190px}
 body{font-size:9.5pt}
 .scroll{overflow:visible!important}
 .matrix{font-size:7.5pt}
 .matrix td.st{min-width:0;padding:1px 2px;border-width:1px}
 .matrix tbody th small{display:none}
 .matrix th,.matrix td{padding:1px 3px}
 .tiles{grid-template-columns:repeat(5,1fr);gap:6px}
 .tile{padding:6px 8px}.tile b{font-size:1.2rem}
 .chart{max-width:560px}
 .finding{padding:6px 10px;margin:6px 0}
 h3{margin:12px 0 6px}
}
"""


def page(title: str, lang: str, body: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="{e(lang)}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta name="generator" content="asas {e(__version__)}">\n'
            f"<title>{e(title)}</title>\n<style>{CSS}</style>\n</head>\n"
            f"<body>\n{body}\n</body>\n</html>\n")


def principle_label(p: str, lang: str) -> str:
    """kerahasiaan, or 'kerahasiaan (confidentiality)' for an English reader."""
    return label(p, "id") if lang == "id" else f"{p} ({label(p, 'en')})"


def legend(lang: str) -> str:
    items = "".join(f'<span class="{s}"><i class="sw"></i>{MARK[s]} {e(word(s, lang))}</span>'
                    for s in ("upheld", "at_risk", "violated", "not_assessed"))
    return f'<div class="legend" aria-label="{e(word("legend", lang))}">{items}</div>'


def status_cell(v: dict | None, lang: str, extra: str = "") -> str:
    if v is None:
        return '<td class="st not_assessed">–</td>'
    score = "" if v["score"] is None else f" {v['score']}"
    tip = f"{word(v['status'], lang)}{score} {extra}".strip()
    return (f'<td class="st {v["status"]}" title="{e(tip)}">'
            f'{MARK[v["status"]]}{e(score)}</td>')


# --- charts ----------------------------------------------------------------------------

def _label_width(lang: str, bold: bool = False, principles=PRINCIPLES) -> int:
    """Room for the longest principle label at 13px (about 7.3px a character, 8 bold)."""
    longest = max(len(principle_label(p, lang)) for p in principles)
    return int(longest * (8.0 if bold else 7.3)) + 14


def principle_chart(principles: dict, lang: str, uid: str) -> str:
    """Horizontal bars, one per principle: length the score (0-100), colour the status;
    a principle not assessed is a hatched grey bar marked '?'."""
    label_w = _label_width(lang, principles=list(principles))
    bar_w, value_w, row_h, top = 330, 160, 30, 22
    width = label_w + bar_w + value_w
    height = top + row_h * len(principles) + 6
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" '
             f'height="{height}" role="img" aria-label="{e(word("chart_principles", lang))}" '
             'xmlns="http://www.w3.org/2000/svg" font-family="inherit" font-size="13">',
             f'<defs><pattern id="hatch-{uid}" width="6" height="6" '
             'patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
             '<rect width="6" height="6" fill="#eceef1"/>'
             '<line x1="0" y1="0" x2="0" y2="6" stroke="#b4b9c1" stroke-width="2"/>'
             '</pattern></defs>']
    for tick in (0, 25, 50, 75, 100):
        x = label_w + bar_w * tick / 100
        parts.append(f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{height - 4}" '
                     'stroke="#d9dde3" stroke-width="1"/>'
                     f'<text x="{x:.1f}" y="{top - 8}" text-anchor="middle" font-size="10" '
                     f'fill="#5d6672">{tick}</text>')
    colour = {"upheld": "#1e7b3c", "at_risk": "#c98500", "violated": "#bd2f25"}
    # text needs 4.5:1 on white (WCAG AA): the amber of the bars is too light for it
    ink = {**colour, "at_risk": "#8a5a00"}
    for i, p in enumerate(principles):      # the result's, in its profile's order
        v = principles[p]
        y = top + i * row_h
        name = principle_label(p, lang)
        parts.append(f'<g><title>{e(name)}: {e(word(v["status"], lang))}'
                     f'{"" if v["score"] is None else " " + str(v["score"])}</title>')
        parts.append(f'<text x="{label_w - 10}" y="{y + 19}" text-anchor="end" '
                     f'fill="#1d232b">{e(name)}</text>')
        if v["score"] is None:
            parts.append(f'<rect x="{label_w}" y="{y + 5}" width="{bar_w}" height="{row_h - 10}" '
                         f'rx="3" fill="url(#hatch-{uid})" class="bar not_assessed"/>')
        else:
            w = max(3.0, bar_w * v["score"] / 100)
            parts.append(f'<rect x="{label_w}" y="{y + 5}" width="{w:.1f}" height="{row_h - 10}" '
                         f'rx="3" fill="{colour[v["status"]]}" class="bar {v["status"]}"/>')
        score = "" if v["score"] is None else f' · {v["score"]}'
        parts.append(f'<text x="{label_w + bar_w + 10}" y="{y + 19}" font-weight="700" '
                     f'fill="{ink.get(v["status"], "#5d6672")}">{MARK[v["status"]]} '
                     f'{e(word(v["status"], lang))}{e(score)}</text></g>')
    parts.append("</svg>")
    return "".join(parts)


def class_chart(counts: dict[str, Counter], total: int, lang: str) -> str:
    """The class's principles, weakest first: one stacked bar each (violated, at risk,
    not assessed, upheld), as a share of the valid cases."""
    listed = list(counts)                   # the profile's principles, in its order
    order = sorted(listed, key=lambda p: (-(counts[p]["violated"] + counts[p]["at_risk"]),
                                          -counts[p]["violated"], -counts[p]["not_assessed"],
                                          listed.index(p)))
    label_w = _label_width(lang, bold=True, principles=listed)
    bar_w, value_w, row_h, top = 360, 110, 28, 8
    width, height = label_w + bar_w + value_w, top + row_h * len(order) + 4
    fills = {"violated": "#bd2f25", "at_risk": "#c98500", "not_assessed": "url(#hatch-class)",
             "upheld": "#1e7b3c"}
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" '
             f'height="{height}" role="img" aria-label="{e(word("weakest_principles", lang))}" '
             'xmlns="http://www.w3.org/2000/svg" font-family="inherit" font-size="13">'
             '<defs><pattern id="hatch-class" width="6" height="6" '
             'patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
             '<rect width="6" height="6" fill="#eceef1"/>'
             '<line x1="0" y1="0" x2="0" y2="6" stroke="#b4b9c1" stroke-width="2"/>'
             '</pattern></defs>']
    for i, p in enumerate(order):
        y = top + i * row_h
        failing = counts[p]["violated"] + counts[p]["at_risk"]
        parts.append(f'<g><title>{e(principle_label(p, lang))}: ' + ", ".join(
            f"{counts[p][s]} {e(word(s, lang))}" for s in STATUS_ORDER) + "</title>")
        bold = ' font-weight="700"' if i < 3 and failing else ""
        parts.append(f'<text x="{label_w - 10}" y="{y + 18}" text-anchor="end" fill="#1d232b"'
                     f"{bold}>{e(principle_label(p, lang))}</text>")
        x = float(label_w)
        for s in STATUS_ORDER:
            n = counts[p][s]
            if not n or not total:
                continue
            w = bar_w * n / total
            parts.append(f'<rect x="{x:.1f}" y="{y + 4}" width="{w:.1f}" height="{row_h - 8}" '
                         f'fill="{fills[s]}" class="seg {s}"/>')
            x += w
        share = f"{failing}/{total}" + (f" ({failing * 100 // total}%)" if total else "")
        parts.append(f'<text x="{label_w + bar_w + 10}" y="{y + 18}" fill="#1d232b">'
                     f"{e(share)}</text></g>")
    parts.append("</svg>")
    return "".join(parts)


# --- the report ------------------------------------------------------------------------

def render(results: list[CaseResult], lang: str, redact: bool | None = None,
           by_trainee: bool = False, selection=None, **_) -> str:
    buf = io.StringIO()
    stream(results, lang, buf, redact=redact, by_trainee=by_trainee, selection=selection)
    return buf.getvalue()


class _Class:
    """What the class overview needs of each case, kept one case at a time while the
    cases' sections go to a temporary file: one matrix row a case (about 0.7 KB,
    against the whole result before), counts for the rest."""

    def __init__(self):
        self.cases: list[tuple] = []      # (file, case_id, code, statuses or None, serious)
        self.frequent: Counter[str] = Counter()
        self.first: dict[str, dict] = {}
        self.slim: list[CaseResult] = []  # the lecturer's view: verdicts and meta only

    def add(self, r: CaseResult, case: dict, meta, principles, by_trainee: bool) -> None:
        statuses = None
        serious = 0
        if case["valid"]:
            statuses = tuple((case["principles"][p]["status"], case["principles"][p]["score"])
                             for p in principles)
            serious = sum(1 for f in case["findings"] if f["severity"] != "advice")
            for fid in dict.fromkeys(f["id"] for f in case["findings"]
                                     if f["severity"] != "advice"):
                self.frequent[fid] += 1
            for f in case["findings"]:
                if f["id"] not in self.first:
                    self.first[f["id"]] = {k: f[k] for k in ("title", "principle", "severity")}
        self.cases.append((case["file"], case["case_id"], meta.code, statuses, serious))
        if by_trainee:
            self.slim.append(CaseResult(
                r.file, r.case_id, list(r.errors[:1]), r.principles,
                meta=dataclasses.replace(case_meta(r), verbatim=()), profile=r.profile))


def stream(results, lang: str, out, redact: bool | None = None, by_trainee: bool = False,
           selection=None) -> None:
    """The page, written once every case has come: each case's section goes to a
    temporary file as it arrives (memory up to a few MB, disk beyond), the class
    overview is kept as counts, then the page is written in order."""
    from asas.engine.judge.profile import profile_of
    from asas.engine.report.formats import redacts
    it = iter(results)
    head = list(itertools.islice(it, 2))
    batch = len(head) > 1
    redaction = "on" if redacts("html", redact, len(head)) else "off"
    if redaction == "on":
        from asas.engine.report.redact import redact as redact_results
    principles = list(profile_of(head).principles)
    tally = Tally()
    overview = _Class()
    with tempfile.SpooledTemporaryFile(max_size=4 << 20, mode="w+", encoding="utf-8",
                                       errors="surrogateescape", newline="") as spool:
        for i, r in enumerate(itertools.chain(head, it), start=1):
            if redaction == "on":
                r = redact_results([r], lang)[0]
            tally.add(r)
            case = case_dict(r, lang)
            meta = case_meta(r)
            if redaction == "on":   # free text is gone: say nothing rather than "[redacted]"
                meta = dataclasses.replace(meta, title=None, pseudonym=None)
            if batch:
                overview.add(r, case, meta, principles, by_trainee)
            spool.write("\n" + _case_section(i, r, case, meta, lang))
        s = tally.summary()
        title = report_title(head, lang)
        body = ['<main class="batch">' if batch else "<main>", '<header class="top">',
                f"<h1>{e(title)}</h1>"]
        if selection is not None:
            from asas.engine.report.formats._common import selection_text
            body.append(f'<p class="note" id="selection"><strong>'
                        f"{html.escape(selection_text(selection, lang))}</strong></p>")
        counts = finding_counts(s["findings"], lang)
        body.append(f'<p class="sub">{s["files"]} '
                    f'{e(word("file" if s["files"] == 1 else "files", lang))} · {s["valid"]} '
                    f'{e(word("valid", lang))} · {s["invalid"]} {e(word("invalid_count", lang))} · '
                    f'{e(word("findings", lang))}: {e(counts)}</p>')
        body.append(legend(lang))
        body.append("</header>")
        if redaction == "on":
            body.append(f'<p class="note" id="redaction">{e(word("redaction_on", lang))}</p>')
        if batch:
            body.append(_class_section(principles, overview, s["principles_failing"], lang))
            if by_trainee:          # the lecturer's view (check --lecturer)
                from asas.engine.report.trend import trainee_matrix
                body.append(trainee_matrix(overview.slim, lang))
        top, bottom = page(title, lang, "\0").split("\0")
        out.write(top + "\n".join(body))
        spool.seek(0)
        shutil.copyfileobj(spool, out)
        out.write("\n" + "\n".join(
            [f'<footer><p>{e(word("score_note", lang))}</p>'
             f'<p>asas {e(__version__)} · {e(FORMAT)}</p></footer>', "</main>"])
            + bottom)


def _case_name(case: dict) -> str:
    return case["case_id"] or case["file"]


def _class_section(PRINCIPLES, overview: _Class, failing: dict, lang) -> str:
    cases = overview.cases
    valid = [c for c in cases if c[3] is not None]
    counts = {p: Counter(c[3][n][0] for c in valid) for n, p in enumerate(PRINCIPLES)}
    statuses = [set(st for st, _ in c[3]) for c in valid]
    tiles = [(len(valid), word("cases", lang) + (f" (+{len(cases) - len(valid)} "
                                                  f"{word('invalid_count', lang)})"
                                                  if len(cases) > len(valid) else ""), ""),
             (sum("violated" in st for st in statuses), word("stat_violation", lang), "violated"),
             (sum("at_risk" in st and "violated" not in st for st in statuses),
              word("stat_risk_only", lang), "at_risk"),
             (sum(st == {"upheld"} for st in statuses), word("stat_all_upheld", lang), "upheld"),
             (sum("not_assessed" in st for st in statuses), word("stat_not_assessed", lang),
              "not_assessed")]
    out = ['<section class="card class" id="class">',
           f"<h2>{e(word('class_overview', lang))}</h2>",
           '<div class="tiles">' + "".join(
               f'<div class="tile {cls}"><b>{n}</b><span>{e(text)}</span></div>'
               for n, text, cls in tiles) + "</div>",
           f'<p class="note">{e(word("matrix_note", lang))}</p>',
           '<div class="scroll" style="overflow-x:auto"><table class="matrix" id="matrix"><thead><tr>',
           f"<th>{e(word('case', lang))}</th><th>{e(word('trainee', lang))}</th>"]
    for p in PRINCIPLES:
        gloss = "" if lang == "id" else f" <small>{e(label(p, 'en'))}</small>"
        out.append(f'<th class="p" scope="col">{e(label(p, "id"))}{gloss}</th>')
    out.append(f'<th class="num">{e(word("findings", lang))}</th></tr></thead><tbody>')
    for i, (file, case_id, code, principle_statuses, serious) in enumerate(cases, start=1):
        base = file.replace("\\", "/").rsplit("/", 1)[-1]
        out.append(f'<tr><th scope="row"><a href="#c{i}">{e(case_id or file)}</a>'
                   f'<small title="{e(file)}">{e(base)}</small></th>'
                   f"<td>{e(code or '—')}</td>")
        if principle_statuses is None:
            out.append(f'<td class="inv" colspan="{len(PRINCIPLES)}">✗ {e(word("invalid", lang))}'
                       f"</td><td></td></tr>")
            continue
        for p, (status, score) in zip(PRINCIPLES, principle_statuses):
            out.append(status_cell({"status": status, "score": score}, lang,
                                   principle_label(p, lang)))
        out.append(f'<td class="num">{serious}</td></tr>')
    out.append(f"</tbody><tfoot><tr><th colspan=\"2\">{e(word('failing_count', lang))}</th>")
    for p in PRINCIPLES:
        n = counts[p]["violated"] + counts[p]["at_risk"]
        out.append(f'<td title="{e(principle_label(p, lang))}">{n}</td>')
    out.append("<td></td></tr></tfoot></table></div>")

    out.append(f"<h3>{e(word('weakest_principles', lang))}</h3>")
    if failing:
        top = ", ".join(f"{principle_label(p, lang)} ({n}/{len(valid)})"
                        for p, n in list(failing.items())[:3])
        out.append(f'<p id="weakest"><b>{e(word("weakest", lang))}:</b> {e(top)}</p>')
    else:
        out.append(f'<p id="weakest">{e(word("none_failing", lang))}</p>')
    out.append(class_chart(counts, len(valid), lang))

    frequent, first = overview.frequent, overview.first
    if frequent:
        out.append(f"<h3>{e(word('frequent_findings', lang))}</h3><table class=\"frequent\">"
                   f"<thead><tr><th>ID</th><th>{e(word('title', lang))}</th>"
                   f"<th>{e(word('principle', lang))}</th><th>{e(word('severity', lang))}</th>"
                   f'<th class="num">{e(word("cases", lang))}</th></tr></thead><tbody>')
        ranked = sorted(frequent.items(), key=lambda kv: (-kv[1], kv[0]))[:12]
        for fid, n in ranked:
            f = first[fid]
            out.append(f"<tr><td><code>{e(fid)}</code></td><td>{e(f['title'])}</td>"
                       f"<td>{e(f['principle'] or '—')}</td><td>{e(word(f['severity'], lang))}</td>"
                       f'<td class="num">{n}</td></tr>')
        out.append("</tbody></table>")
    out.append(f'<h3 class="noprint">{e(word("cases", lang))}</h3><ol class="toc">')
    for i, (file, case_id, *_) in enumerate(cases, start=1):
        out.append(f'<li><a href="#c{i}">{e(case_id or file)}</a></li>')
    out.append("</ol></section>")
    return "\n".join(out)


def _value(value, lang: str) -> str:
    if value is None:
        return word("not_documented_value", lang)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_value(v, lang)}" for k, v in value.items() if v not in (None, []))
    if isinstance(value, (list, tuple)):
        return ", ".join(_value(v, lang) for v in value) or "[]"
    return label(value, lang)


def _anchor(i: int, fid: str, session) -> str:
    return f"c{i}-{fid}-s{session or 0}"


def _occurrence(i: int, found, d: dict, file: str, present: set, lang: str, several: bool) -> str:
    """One firing of a rule: what was found, where, on what evidence, from what chain."""
    where = (f"{word('session', lang)} {d['session']}" if d["session"] else word("case", lang))
    out = [f'<div class="occ{" many" if several else ""}" id="{_anchor(i, d["id"], d["session"])}">',
           f'<p class="msg">{e(d["message"])}</p>',
           f'<p class="loc">{e(where)} · <code>{e(file)}:{d["line"]}:{d["column"]}</code>'
           + (f' · {e(word("certainty", lang))} {cf_text(d["certainty"], lang)}' if several else "") + "</p>"]
    if found.parents:
        links = []
        for pid, psession in found.parents:
            text = e(pid) + (f" ({e(word('session', lang))} {psession})" if psession else "")
            links.append(f'<a href="#{_anchor(i, pid, psession)}">{text}</a>'
                         if (pid, psession) in present else text)
        out.append(f'<p class="chain">{e(word("derived_from", lang))}: {", ".join(links)}</p>')
    if d["evidence"]:
        items = "".join(f"<li>{_path_code(ev['path'], lang)} = {e(_value(ev['value'], lang))} "
                        f"({e(word('line', lang))} {ev['line']})</li>" for ev in d["evidence"])
        out.append(f'<ul class="evidence" aria-label="{e(word("evidence", lang))}">{items}</ul>')
    out.append("</div>")
    return "".join(out)


def _path_code(path: str, lang: str) -> str:
    """A field as a reader counts it ("sesi 2 › counselor.techniques"); the path itself,
    when it differs, on hover."""
    shown = readable(path, lang)
    title = f' title="{e(path)}"' if shown != path else ""
    return f"<code{title}>{e(shown)}</code>"


def _case_section(i: int, r: CaseResult, case: dict, meta, lang: str) -> str:
    if not case["valid"]:
        items = "".join(f"<li><code>{e(case['file'])}:{err['line']}:{err['column']}</code> "
                        f"{e(readable(err['path'], lang) + ': ' if err['path'] else '')}"
                        f"{e(err['message'])}</li>"
                        for err in case["errors"])
        return (f'<section class="card case invalid" id="c{i}"><h2>{e(case["file"])}</h2>'
                f'<p class="meta">{e(word("invalid", lang))}</p><ul class="errors">{items}</ul>'
                "</section>")
    head = e(case["case_id"]) + (f" · {e(meta.title)}" if meta.title else "")
    facts = [f"<code>{e(case['file'])}</code>"]
    if meta.code:
        facts.append(f"{e(word('trainee', lang))}: <b>{e(meta.code)}</b>")
    if meta.pseudonym:
        facts.append(f"{e(word('client', lang))}: {e(meta.pseudonym)}")
    if meta.first_date:
        facts.append(f"{e(word('first_session', lang))}: {e(meta.first_date.isoformat())}")
    facts.append(f"{e(word('sessions', lang))}: {meta.sessions}")
    tally = Counter(v["status"] for v in case["principles"].values())
    chips = "".join(f'<li class="chip {s}" style="background:var(--bg);color:var(--c)">'
                    f"{MARK[s]} {tally[s]} {e(word(s, lang))}</li>"
                    for s in ("upheld", "at_risk", "violated", "not_assessed") if tally[s])
    out = [f'<section class="card case" id="c{i}">', f"<h2>{head}</h2>",
           f'<p class="meta">{" · ".join(facts)}</p>', f'<ul class="chips">{chips}</ul>',
           '<div class="overview">', principle_chart(case["principles"], lang, f"c{i}"),
           f'<div class="functions"><h3>{e(word("functions", lang))}</h3><ul>']
    for name in FUNCTIONS:
        value = case["functions"][name]
        mark, key = FUNCTION_MARK[value]
        out.append(f'<li class="fn-{str(value).lower()}" title="{e(word(key, lang))}">'
                   f"<b>{mark}</b> {e(word(name, lang))}</li>")
    out.append("</ul></div></div>")

    if case.get("strengths"):
        out.append(f'<h3>{e(word("went_well", lang))}</h3><ul class="strengths">')
        for st in case["strengths"]:
            lines_ = ", ".join(dict.fromkeys(str(ev["line"]) for ev in st["evidence"]))
            out.append(f'<li>✓ <b>{e(principle_label(st["principle"], lang))}</b>: '
                       f'{e(st["text"])} <span class="loc">({e(word("line", lang))} '
                       f'{e(lines_)})</span></li>')
        out.append("</ul>")
    # a derived finding resting on one root is shown inside its root's card
    index = {id(f): n for n, f in enumerate(r.findings)}
    children: dict[int, list[int]] = {}
    nested: set[int] = set()
    for root, kids in grouped(r.findings):
        children[root] = kids
        nested.update(kids)
    pairs = [(f, d) for n, (f, d) in enumerate(zip(r.findings, case["findings"]))
             if n not in nested]
    # most severe first; within a severity the facts' findings before the chains built on them
    pairs.sort(key=lambda pf: (SEVERITY_ORDER[pf[1]["severity"]], bool(pf[1]["derived_from"]),
                               pf[1]["session"] or 0, pf[1]["line"]))
    present = {(f.id, f.session) for f in r.findings}
    serious = [(f, d) for f, d in pairs if d["severity"] != "advice"]
    advice = [(f, d) for f, d in pairs if d["severity"] == "advice"]
    out.append(f"<h3>{e(word('findings', lang))} ({len(serious)})</h3>")
    if not serious:
        out.append(f'<p class="note">{e(word("no_serious_findings", lang))}</p>')
    # one card per rule: the same lapse in several sessions is one lesson, told once
    groups: dict[str, list] = {}
    for found, d in serious:
        groups.setdefault(d["id"], []).append((found, d))
    for fid, group in groups.items():
        found, d = group[0]
        sessions = [x["session"] for _, x in group if x["session"]]
        where = (f"{word('session', lang)} {', '.join(map(str, sessions))}" if sessions
                 else word("case", lang))
        certainty = max(x["certainty"] for _, x in group)
        meta_line = " · ".join((
            principle_label(d["principle"], lang) if d["principle"] else word("functions", lang),
            where, f"{word('certainty', lang)} {cf_text(certainty, lang)}"))
        out.append(f'<article class="finding {d["severity"]}" id="c{i}-{e(fid)}">'
                   f'<header><span class="sev">{e(word(d["severity"], lang))}</span>'
                   f'<code class="rid">{e(fid)}</code><h4>{e(d["title"])}</h4></header>'
                   f'<p class="meta">{e(meta_line)}</p>')
        for found, d in group:
            out.append(_occurrence(i, found, d, case["file"], present, lang, len(group) > 1))
        kids = [k for found, _ in group for k in children.get(index[id(found)], [])]
        if kids:
            out.append(f'<div class="consequences"><p><b>{e(word("consequence", lang))}:</b></p>')
            for k in kids:
                kf, kd = r.findings[k], case["findings"][k]
                out.append(f'<p class="meta"><code class="rid">{e(kd["id"])}</code> '
                           f'{e(kd["title"])} · {e(word(kd["severity"], lang))}</p>')
                out.append(_occurrence(i, kf, kd, case["file"], present | {(kf.id, kf.session)},
                                       lang, False))
            out.append("</div>")
        out.append(f'<p class="why"><b>{e(word("why", lang))}:</b> {e(found.doc.why.get(lang))}</p>'
                   f'<p class="rec"><b>{e(word("recommendation", lang))}:</b> '
                   f'{e_code(d["recommendation"])}</p>'
                   f'<p class="src">¶ {e(d["source"])}</p></article>')
    if advice:
        out.append(f"<h3>{e(word('advice', lang))} ({len(advice)})</h3><table class=\"advice\">"
                   "<tbody>")
        for _, d in advice:
            out.append(f'<tr id="{_anchor(i, d["id"], d["session"])}"><td><code>{e(d["id"])}</code>'
                       f'</td><td>{e(word("line", lang))} {d["line"]}</td><td>{e(d["message"])} '
                       f'<br><span class="why">→ {e_code(d["recommendation"])}</span></td></tr>')
        out.append("</tbody></table>")
    from asas.engine.report.contract import suppression_rows
    rows = suppression_rows(r, lang)
    if rows:    # what the case file's own suppressions set aside, and those unused
        out.append(f'<h3>{e(word("suppressions", lang))}</h3><ul class="suppressions">')
        unused_class = ' class="unused"'
        out += [f'<li{unused_class if unused else ""}><span class="loc">'
                f'{e(word("line", lang))} {line}</span> {e(text)}</li>'
                for line, _, text, unused in rows]
        out.append("</ul>")
    if meta.verbatim:   # the verbatim with its codes in the margin (engine/verbatim)
        from asas.engine.report.formats.verbatim_html import section
        out.append(section(i, meta.verbatim, lang))
    out.append("</section>")
    return "\n".join(out)
