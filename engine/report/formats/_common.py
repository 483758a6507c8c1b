"""What several formats share: one flat row per finding and per error, drawn from
``report_dict`` (the single source of every format), and the few facts about a case
that the report dict does not carry (title, trainee code, first session date).

Invalid case files have no rule to report, so their errors carry the pseudo-rule
``INVALID_ID`` in every line-oriented format (concise, csv, junit, sarif, github).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from asas.engine.judge.verdict import CaseResult
from asas.engine.report.contract import SEVERITY_ORDER, report_dict
from asas.engine.report.safe import display_name

INVALID_ID = "INVALID"

# XML 1.0 forbids most C0 controls (YAML lets a file smuggle them in through "\x01").
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SPACE = re.compile(r"\s+")


def clean(text) -> str:
    """Text with characters XML 1.0 forbids removed (also right for HTML)."""
    return _NOT_XML.sub("", "" if text is None else str(text))


def one_line(text) -> str:
    """Text on one line: every run of whitespace (newlines too) becomes one space."""
    return _SPACE.sub(" ", clean(text)).strip()


def error_message(error: dict, lang: str = "en") -> str:
    """An error as a person reads it: the path counted as a reader counts ("sesi 3 ›
    number"), the 0-based path itself staying in the JSON report."""
    from asas.engine.i18n.paths import readable
    return f"{readable(error['path'], lang)}: {error['message']}" if error["path"] \
        else error["message"]


@dataclass(frozen=True)
class Row:
    """One finding, or one error of an invalid file, as line-oriented formats see it."""
    file: str
    case_id: str | None
    line: int
    column: int
    id: str
    severity: str            # violation | risk | advice | error (invalid file)
    principle: str | None
    certainty: float | None
    session: int | None
    title: str
    message: str
    recommendation: str
    source: str
    derived_from: tuple[str, ...]
    case_index: int          # position of the case in the report

    @property
    def invalid(self) -> bool:
        return self.id == INVALID_ID


def case_rows(case: dict, index: int, invalid_title: str, lang: str = "en") -> list[Row]:
    """The rows of one case (a ``case_dict``): its errors, or its findings most severe
    first, then by session and line."""
    out: list[Row] = []
    file = display_name(case["file"])
    if not case["valid"]:
        for e in case["errors"]:
            out.append(Row(file, case["case_id"], e["line"] or 1, e["column"] or 1,
                           INVALID_ID, "error", None, None, None, invalid_title,
                           error_message(e, lang), "", "", (), index))
        return out
    ordered = sorted(case["findings"], key=lambda f: (SEVERITY_ORDER[f["severity"]],
                                                      f["session"] or 0, f["line"], f["id"]))
    for f in ordered:
        out.append(Row(file, case["case_id"], f["line"], f["column"], f["id"],
                       f["severity"], f["principle"], f["certainty"], f["session"],
                       f["title"], f["message"], f["recommendation"], f["source"],
                       tuple(f["derived_from"]), index))
    return out


def rows(report: dict, invalid_title: str, lang: str = "en") -> list[Row]:
    """Every finding and every error of ``report`` (a ``report_dict``), case by case;
    a case's findings most severe first, then by session and line."""
    out: list[Row] = []
    for index, case in enumerate(report["cases"]):
        out.extend(case_rows(case, index, invalid_title, lang))
    return out


def report_rows(results: list[CaseResult], lang: str) -> tuple[dict, list[Row]]:
    from asas.engine.i18n.words import word
    report = report_dict(results, lang)
    return report, rows(report, word("invalid", lang), lang)


def streamed_rows(results, lang: str):
    """``(case_dict, rows)`` of each result as it arrives: what a streamed format
    needs of one case, never the whole batch."""
    from asas.engine.i18n.words import word
    from asas.engine.report.contract import case_dict
    invalid_title = word("invalid", lang)
    for index, r in enumerate(results):
        case = case_dict(r, lang)
        yield case, case_rows(case, index, invalid_title, lang)


def rows_of(r, lang: str, index: int = 0) -> tuple[dict, list[Row]]:
    """``(case_dict, rows)`` of one result, the ``index``-th of the report."""
    from asas.engine.i18n.words import word
    from asas.engine.report.contract import case_dict
    case = case_dict(r, lang)
    return case, case_rows(case, index, word("invalid", lang), lang)


def streamed_text(stream, results, lang: str, **options) -> str:
    """What ``stream`` writes, as one string: a format's ``render`` is its ``stream``
    into memory, so the two give the same bytes."""
    import io
    buf = io.StringIO()
    stream(results, lang, buf, **options)
    return buf.getvalue()


# --- the rules selected (--select / --ignore): a filtered report says so -----------

@dataclass(frozen=True)
class Selection:
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None

    @classmethod
    def of(cls, select, ignore) -> Selection | None:
        if not select and not ignore:
            return None
        return cls(tuple(select) if select else None, tuple(ignore) if ignore else None)

    def as_dict(self) -> dict:
        return {"select": list(self.select) if self.select else None,
                "ignore": list(self.ignore) if self.ignore else None}


_SELECTION = {
    "en": ("Filtered report, not a complete check", "only the rules", "rules left out"),
    "id": ("Laporan tersaring, bukan pemeriksaan lengkap", "hanya aturan",
           "aturan yang tidak dipakai"),
}


_PLURAL = {"violation": "violations", "risk": "risks"}     # advice is not counted in English


def finding_counts(findings: dict, lang: str) -> str:
    """``{"violation": 13, "risk": 81, "advice": 26}`` as a summary says it: "13
    violations, 81 risks, 26 advice" ("13 pelanggaran, 81 risiko, 26 saran")."""
    from asas.engine.i18n.words import word
    return ", ".join(f"{n} {word(_PLURAL.get(sev, sev) if n != 1 else sev, lang)}"
                     for sev, n in findings.items())


def report_title(results, lang: str) -> str:
    """The report's heading: the default profile's, or "asas · " and the title the
    run's profile gives itself (bk12: "Dua belas asas bimbingan dan konseling ...")."""
    from asas.engine.i18n.words import word
    from asas.engine.judge.profile import DEFAULT, profile_of
    profile = profile_of(results)
    if profile.name == DEFAULT:
        return word("report_title", lang)
    return f"asas · {profile.title.get(lang)}"


def selection_text(selection: Selection, lang: str) -> str:
    """``Filtered report, not a complete check: only the rules KRH; rules left out
    KRH003``, in ``lang``."""
    head, only, left_out = _SELECTION.get(lang, _SELECTION["en"])
    parts = []
    if selection.select:
        parts.append(f"{only} {', '.join(selection.select)}")
    if selection.ignore:
        parts.append(f"{left_out} {', '.join(selection.ignore)}")
    return f"{head}: {'; '.join(parts)}"


def selection_note(text: str, kind: str, lang: str, selection: Selection | None) -> str:
    """A rendered report with the selection noted near its top (for the formats that do
    not note it themselves: markdown after its title, html after its heading)."""
    if selection is None:
        return text
    note = selection_text(selection, lang)
    if kind == "markdown":
        first, sep, rest = text.partition("\n")
        return f"{first}{sep}\n> **{note}**\n{rest}" if sep else f"{text}\n> **{note}**\n"
    if kind == "html":
        import html as _html
        tag = f'<p class="note" id="selection"><strong>{_html.escape(note)}</strong></p>'
        at = text.find("</h1>")
        if at < 0:
            at = text.find("<body>")
            end = at + len("<body>")
        else:
            end = at + len("</h1>")
        return text[:end] + "\n" + tag + text[end:] if at >= 0 else tag + text
    return text
