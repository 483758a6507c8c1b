"""--format github: GitHub Actions workflow commands, one annotation per finding and
per error of an invalid file::

    ::error file=cases/ki-07.yaml,line=12,col=5,title=KSR001 Voluntariness not reinforced::…

violation and invalid files are ``error``, risk ``warning``, advice ``notice``.

GitHub shows at most 10 annotations of each type per step (and 50 per job); the rest
are dropped without a word.  So of each type at most :data:`PER_TYPE` are written, the
most severe first (a violation before an invalid file's error), then the most certain,
then in file order; when a type has more, its last annotation (the 10th) says how many
more there are and where to read them all: the step summary, when asas writes one
(``summary``, from ``$GITHUB_STEP_SUMMARY``: every finding in a markdown table, with the
class matrix), else the full report.  The ``::notice`` of a filtered report counts
against the notices.

Paths are written from the repository root, as sarif and gitlab write them
(``_ci.report_path``: the nearest folder above the current one with ``.git``, else the
current folder), so never with ``./`` (``asas check .`` names ``./cases/x.yaml``) and the
same from a subfolder: GitHub matches annotations against paths from the repository
root.  A file outside the root keeps its absolute path.  Escaping follows the
runner (actions/runner ``ActionCommand``): ``%``, CR, LF in the message; also ``:`` and
``,`` in properties.
"""

from __future__ import annotations

from asas.engine.i18n.messages import Msg, t
from asas.engine.report.formats._common import (
    case_rows,
    finding_counts,
    one_line,
    report_title,
    streamed_text,
)
from asas.engine.report.safe import safe_name, safe_text

LEVEL = {"violation": "error", "risk": "warning", "advice": "notice", "error": "error"}
TYPES = ("error", "warning", "notice")
PER_TYPE = 10                    # GitHub: annotations shown per type and step
RANK = {"violation": 0, "error": 1, "risk": 2, "advice": 3}
SUMMARY_LIMIT = 512 * 1024       # of GitHub's 1 MiB per step summary, what asas may take


def _data(text: str) -> str:
    """Escaping of a command's message (the runner decodes %25, %0D, %0A)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    """Escaping of a property value: also ``:`` and ``,``, which end it."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def github_path(name: str, root=None) -> str:
    """A file name as GitHub matches it: from the repository root ``root`` (default:
    found from the current folder), ``/``-separated, no ``./``; ``<stdin>`` as it is."""
    if name.startswith("<"):
        return name
    from asas.engine.report.formats._ci import repo_root, report_path
    return report_path(name, repo_root() if root is None else root)


def _line(r, root) -> str:
    title = f"{r.id} {safe_text(one_line(r.title))}"
    message = safe_text(one_line(r.message))
    if r.recommendation:
        message += "\n→ " + safe_text(one_line(r.recommendation))
    return (f"::{LEVEL[r.severity]} file={_prop(safe_name(github_path(r.file, root)))},"
            f"line={r.line},col={r.column},title={_prop(title)}::{_data(message)}\n")


def _key(r):
    """Most severe first, then most certain, then in the order of the report."""
    return (RANK[r.severity], -(1.0 if r.certainty is None else r.certainty), r.case_index,
            r.line, r.column, r.id)


class _Kept:
    """The rows of one annotation type worth showing (at most ``room``), and how many
    there were: memory stays bounded whatever the size of the batch."""

    def __init__(self, room: int):
        self.room = room
        self.rows: list = []
        self.count = 0

    def add(self, row) -> None:
        self.count += 1
        self.rows.append(row)
        if len(self.rows) > 4 * max(self.room, 1):
            self.rows = sorted(self.rows, key=_key)[:self.room]

    def shown(self) -> list:
        """What is written: all rows when they fit, else room - 1 (the last place is
        the note of how many more)."""
        ordered = sorted(self.rows, key=_key)
        return ordered if self.count <= self.room else ordered[:max(self.room - 1, 0)]


def render(results, lang: str, selection=None, summary=None) -> str:
    return streamed_text(stream, results, lang, selection=selection, summary=summary)


def stream(results, lang: str, out, selection=None, summary=None) -> None:
    """A filtered report (``--select``/``--ignore``) starts with a ``::notice::`` that
    says so.  The annotations are written when the batch is done (the most severe of
    all files first); ``summary(markdown) -> bool`` takes the step summary."""
    from asas.engine.i18n.words import word
    from asas.engine.report.contract import case_dict
    head = ""
    if selection is not None:
        from asas.engine.report.formats._common import selection_text
        head = f"::notice title=asas::{_data(selection_text(selection, lang))}\n"
    kept = {kind: _Kept(PER_TYPE - (1 if kind == "notice" and head else 0)) for kind in TYPES}
    invalid_title = word("invalid", lang)
    every: list = []              # for the step summary: (result, case_dict, rows)
    for index, r in enumerate(results):
        case = case_dict(r, lang)
        rows = case_rows(case, index, invalid_title, lang)
        for row in rows:
            kept[LEVEL[row.severity]].add(row)
        if summary is not None:
            every.append((r, case, rows))
    from asas.engine.report.formats._ci import repo_root
    root = repo_root()
    written = False
    if summary is not None:
        shown = sum(len(k.shown()) for k in kept.values())
        written = bool(summary(summary_markdown(every, lang, selection, shown, root)))
    out.write(head)
    for kind in TYPES:
        k = kept[kind]
        out.write("".join(_line(r, root) for r in k.shown()))
        if k.count > k.room:
            more = k.count - len(k.shown())
            where = Msg.of("github.where_summary" if written else "github.where_report")
            note = t("github.more", lang, count=more, kind=Msg.of(f"github.kind_{kind}"),
                     limit=PER_TYPE, where=where)
            out.write(f"::{kind} title=asas::{_data(note)}\n")


# --- the step summary ($GITHUB_STEP_SUMMARY) -----------------------------------------

def summary_markdown(every, lang: str, selection, annotated: int, root=None) -> str:
    """The step summary: the counts, the class matrix (several cases), then every
    finding and error, most severe first, one table row each.  At most
    :data:`SUMMARY_LIMIT` bytes: rows that do not fit are counted, not listed."""
    from asas.engine.i18n.words import word
    from asas.engine.report.contract import summary as summarise
    from asas.engine.report.formats.markdown import SEV_MARK, esc
    results = [r for r, _, _ in every]
    s = summarise(results)
    counts = finding_counts(s["findings"], lang)
    out = [f"## {report_title(results, lang)}", "",
           f"**{word('summary', lang)}:** {s['files']} {word('file' if s['files'] == 1 else 'files', lang)}, {s['valid']} "
           f"{word('valid', lang)}, {s['invalid']} {word('invalid_count', lang)} · "
           f"{word('findings', lang)}: {counts}", ""]
    if selection is not None:
        from asas.engine.report.formats._common import selection_text
        out += [f"> **{esc(selection_text(selection, lang))}**", ""]
    rows = sorted((row for _, _, rs in every for row in rs), key=_key)
    if rows:
        out += [t("github.summary_note", lang, limit=PER_TYPE, shown=annotated,
                  total=len(rows)), ""]
    if len(results) > 1:
        from asas.engine.report.contract import report_dict
        from asas.engine.report.formats.markdown import _matrix
        out += _matrix(report_dict(results, lang), results, lang)
    if not rows:
        return "\n".join(out).rstrip("\n") + "\n\n"
    out += [f"### {word('findings', lang).capitalize()}", "",
            f"| | {word('severity', lang)} | ID | {t('github.where', lang)} | "
            f"{word('findings', lang)} |", "|---|---|---|---|---|"]
    size = sum(len(line.encode("utf-8")) + 1 for line in out)
    for n, row in enumerate(rows):
        mark = SEV_MARK.get(row.severity, "✗")
        what = word("invalid_count", lang) if row.invalid else word(row.severity, lang)
        text = esc(row.message) if row.invalid else f"**{esc(row.title)}**: {esc(row.message)}"
        line = (f"| {mark} | {what} | {row.id} | {esc(github_path(row.file, root))}:{row.line}:"
                f"{row.column} | {text} |")
        size += len(line.encode("utf-8")) + 1
        if size > SUMMARY_LIMIT:
            out += ["", t("github.summary_cut", lang, count=len(rows) - n)]
            break
        out.append(line)
    return "\n".join(out).rstrip("\n") + "\n\n"
