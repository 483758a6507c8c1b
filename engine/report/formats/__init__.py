"""The report formats: a typed registry, one :class:`Format` per ``--format`` of
``asas check`` (:data:`REGISTRY`), of ``asas grade`` (:data:`GRADE`) and of
``asas trend`` (:data:`TREND`).

Each format names its ``render(results, lang, options) -> str`` and, when it can write
a report while the batch runs (a batch of any size in bounded memory), its
``stream(results, lang, out, options)``.  ``machine`` formats are read by programs (no
progress bar while they are piped).  What a format may be told is one typed
:class:`ReportOptions`; each format takes from it only what it uses.

Modules are imported only when their format is used, so that a plain check does not
pay for the HTML or SARIF code.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar


def _no_note() -> str | None:
    return None


@dataclass(frozen=True)
class ReportOptions:
    """What ``asas check`` tells a format besides the results and the language."""
    color: bool = False                 # ANSI colours (text, on a terminal)
    fail_on: str | None = None       # junit: which findings are failures (None: risk)
    junit_family: str = "gitlab"        # junit: gitlab (file/line on testcases) | jenkins
    docs_url: str | None = None      # sarif: the base of the rules' helpUri (docs/rules.md)
    redact: bool | None = None       # html: None = redact a report of several cases
    by_trainee: bool = False            # html: the lecturer's view, the class by trainee
    interrupted: Callable[[], str | None] = _no_note   # the note of a stopped run
    select: tuple | None = None      # --select, recorded in the report (S21)
    ignore: tuple | None = None      # --ignore, recorded in the report
    profile: str | None = None       # json: the run's profile, written before its results
    # sarif: the catalogue of the run's rules (ID -> RuleDoc), handed over by the caller
    # so that reporting never imports the knowledge (and with it the rule engine)
    catalog: Mapping | None = None
    quiet: bool = False                 # text: no summary line (--quiet)
    # github: where the step summary goes (markdown text in, True if it was written);
    # None: no step summary ($GITHUB_STEP_SUMMARY not set)
    summary: Callable[[str], bool] | None = None


class Sink(Protocol):
    """Where a format streams its text: a file, standard output, a wrapper of either."""
    def write(self, text: str, /) -> object: ...


O = TypeVar("O")    # what a command tells its formats: ReportOptions, GradeOptions ...
T = TypeVar("T")    # what render makes: text (str), or a file's bytes (xlsx)

Render = Callable[[list, str, ReportOptions], str]
Stream = Callable[[Iterable, str, Sink, ReportOptions], None]
# what a streaming format writes for one case, made from the result and its place in
# the report (``fragment``); its ``stream`` writes the same piece handed over in a
# Rendered (engine/report/rendered.py), so a batch's workers can make it
Piece = Callable[[object, int, str, ReportOptions], object]


@dataclass(frozen=True)
class Format(Generic[O, T]):
    """One ``--format``: ``render(items, lang, options)`` (the items are check's
    results, grade's case grades, trend's results), optionally ``stream``, and whether
    programs read it (``machine``: no progress bar while it is piped)."""
    name: str
    render: Callable[[list, str, O], T]
    stream: Callable[[Iterable, str, Sink, O], None] | None = None
    machine: bool = False
    note: str = field(default="", compare=False)
    piece: Callable[[object, int, str, O], object] | None = field(default=None, compare=False)

    @property
    def redaction(self) -> str:
        """When this format is redacted without --redact or --no-redact: see
        :data:`REDACTED_BY_DEFAULT`."""
        return REDACTED_BY_DEFAULT.get(self.name, "never")


def _module(name: str):
    return importlib.import_module(f"{__name__}.{name}")


# -- how each format is called: what it takes from the options ---------------------

def _text_render(results, lang, o: ReportOptions) -> str:
    return _module("text").render(results, lang, color=o.color, selection=_sel(o))


def _text_stream(results, lang, out, o: ReportOptions) -> None:
    _module("text").stream(results, lang, out, color=o.color, interrupted=o.interrupted,
                           selection=_sel(o), quiet=o.quiet)


def _json_render(results, lang, o: ReportOptions) -> str:
    return _module("json_").render(results, lang, selection=_sel(o))


def _json_stream(results, lang, out, o: ReportOptions) -> None:
    _module("json_").stream(results, lang, out, interrupted=o.interrupted, selection=_sel(o),
                            profile=o.profile)


def _simple(module: str) -> Render:
    def render(results, lang, o: ReportOptions) -> str:
        return _module(module).render(results, lang, selection=_sel(o))
    render.__name__ = f"{module}_render"
    return render


def _simple_stream(module: str) -> Stream:
    def stream(results, lang, out, o: ReportOptions) -> None:
        _module(module).stream(results, lang, out, selection=_sel(o))
    stream.__name__ = f"{module}_stream"
    return stream


def _markdown_render(results, lang, o: ReportOptions) -> str:
    return _with_selection(_module("markdown").render(results, lang), "markdown", lang, o)


def _html_render(results, lang, o: ReportOptions) -> str:
    return _module("html").render(results, lang, redact=o.redact, by_trainee=o.by_trainee,
                                  selection=_sel(o))


def _html_stream(results, lang, out, o: ReportOptions) -> None:
    _module("html").stream(results, lang, out, redact=o.redact, by_trainee=o.by_trainee,
                           selection=_sel(o))


def _junit_render(results, lang, o: ReportOptions) -> str:
    return _module("junit").render(results, lang, fail_on=o.fail_on or "risk", selection=_sel(o),
                                   family=o.junit_family)


def _junit_stream(results, lang, out, o: ReportOptions) -> None:
    _module("junit").stream(results, lang, out, fail_on=o.fail_on or "risk",
                            selection=_sel(o), family=o.junit_family)


def _sarif_render(results, lang, o: ReportOptions) -> str:
    return _module("sarif").render(results, lang, selection=_sel(o), catalog=o.catalog,
                                   docs_url=o.docs_url, profile=o.profile)


def _sarif_stream(results, lang, out, o: ReportOptions) -> None:
    _module("sarif").stream(results, lang, out, selection=_sel(o), catalog=o.catalog,
                            docs_url=o.docs_url, profile=o.profile)


def _github_render(results, lang, o: ReportOptions) -> str:
    return _module("github").render(results, lang, selection=_sel(o), summary=o.summary)


def _github_stream(results, lang, out, o: ReportOptions) -> None:
    _module("github").stream(results, lang, out, selection=_sel(o), summary=o.summary)


def _text_piece(r, index, lang, o: ReportOptions):
    return _module("text").fragment(r, lang, index, color=o.color)


def _json_piece(r, index, lang, o: ReportOptions):
    return _module("json_").fragment(r, lang, index)


def _simple_piece(module: str) -> Piece:
    def piece(r, index, lang, o: ReportOptions):
        return _module(module).fragment(r, lang, index)
    piece.__name__ = f"{module}_piece"
    return piece


def _junit_piece(r, index, lang, o: ReportOptions):
    return _module("junit").fragment(r, lang, index, fail_on=o.fail_on or "risk",
                                     selection=_sel(o), family=o.junit_family)


def _sel(o: ReportOptions):
    from asas.engine.report.formats._common import Selection
    return Selection.of(o.select, o.ignore)


def _with_selection(text: str, kind: str, lang: str, o: ReportOptions) -> str:
    from asas.engine.report.formats._common import selection_note
    return selection_note(text, kind, lang, _sel(o))


_ALL = (
    Format("text", _text_render, _text_stream, note="a report a trainee reads",
           piece=_text_piece),
    Format("json", _json_render, _json_stream, machine=True,
           note="the contract of shared/spec/report-format.md", piece=_json_piece),
    Format("concise", _simple("concise"), _simple_stream("concise"),
           note="file:line:col: ID message", piece=_simple_piece("concise")),
    Format("markdown", _markdown_render),
    Format("html", _html_render, _html_stream, note="self-contained page; redacted when it covers "
                                      "several cases"),
    Format("csv", _simple("csv_"), _simple_stream("csv_"), machine=True,
           note="one row per finding (and per error of an invalid file)",
           piece=_simple_piece("csv_")),
    Format("junit", _junit_render, _junit_stream, machine=True,
           note="GitLab, Jenkins (--junit-family)", piece=_junit_piece),
    Format("sarif", _sarif_render, _sarif_stream, machine=True,
           note="SARIF 2.1.0: code scanning"),
    Format("github", _github_render, _github_stream, machine=True,
           note="GitHub Actions annotations (at most 10 of each type) and the step summary"),
    Format("gitlab", _simple("codequality"), _simple_stream("codequality"), machine=True,
           note="GitLab Code Quality (artifacts:reports:codequality)"),
)

# -- privacy: which reports are redacted when neither --redact nor --no-redact is given --
# The one place this is decided (asas check reads it through :func:`redacts`).
#   "always":  the report leaves the machine: it is uploaded to a code host (SARIF to
#              code scanning, annotations and the step summary to GitHub, JUnit and Code
#              Quality to GitLab or Jenkins), where a quote is published;
#   "several": a report of more than one case (a class) is meant to be shared;
#   any other format: as asked (--redact), else not redacted.
REDACTED_BY_DEFAULT: dict[str, str] = {
    "sarif": "always",
    "github": "always",
    "junit": "always",
    "gitlab": "always",
    "html": "several",
}


def redacts(name: str, redact: bool | None, cases: int | None = None) -> bool | None:
    """Whether a report in format ``name`` is redacted: ``redact`` True (--redact) or
    False (--no-redact) as given; None: the format's default, for a report of ``cases``
    cases (None: not known yet, and it matters: None comes back)."""
    if redact is not None:
        return redact
    default = REDACTED_BY_DEFAULT.get(name, "never")
    if default == "several":
        return None if cases is None else cases > 1
    return default == "always"


REGISTRY: dict[str, Format[ReportOptions, str]] = {f.name: f for f in _ALL}
FORMATS = tuple(REGISTRY)           # the names, in --help order


def get(name: str) -> Format[ReportOptions, str]:
    return REGISTRY[name]


# -- asas grade and asas trend: their formats in the same registry shape ---------------

@dataclass(frozen=True)
class GradeOptions:
    """What ``asas grade`` tells a gradebook format besides the grades and the language."""
    rubric: Any                         # engine/report/grade/rubric.Rubric
    roster: Any = None                  # engine/report/grade/roster.Roster; None: none
    csv_locale: str = "intl"            # csv: intl, or id (';', a decimal comma, a BOM)
    redact: bool = False                # html: no pseudonym, no quote


def _grade(name: str) -> Callable[[list, str, GradeOptions], str]:
    def render(grades, lang, o: GradeOptions) -> str:
        module = importlib.import_module("asas.engine.report.grade.render")
        roster = {} if o.roster is None else {"roster": o.roster}
        if name == "csv":
            return module.render_csv(grades, o.rubric, lang, locale=o.csv_locale, **roster)
        if name == "html":
            return module.render_html(grades, o.rubric, lang, redacted=o.redact, **roster)
        return module.render_markdown(grades, o.rubric, lang, **roster)
    render.__name__ = f"grade_{name}_render"
    return render


def _grade_xlsx(grades, lang, o: GradeOptions) -> bytes:
    module = importlib.import_module("asas.engine.report.grade.xlsx")
    return module.render_xlsx(grades, o.rubric, lang,
                              **({} if o.roster is None else {"roster": o.roster}))


GRADE: dict[str, Format[GradeOptions, str] | Format[GradeOptions, bytes]] = {
    f.name: f for f in (
        Format("markdown", _grade("markdown"), note="the gradebook to read"),
        Format("csv", _grade("csv"), machine=True, note="the gradebook for a spreadsheet"),
        Format("html", _grade("html"), note="the gradebook as a page"),
        Format("xlsx", _grade_xlsx, machine=True, note="an Excel workbook (needs --output)"),
    )}


@dataclass(frozen=True)
class TrendOptions:
    """What ``asas trend`` tells a format besides the results and the language."""
    by: str = "status"                  # what a change compares: status, or score
    roster: Any = None                  # engine/report/grade/roster.Roster; None: none


def _trend(name: str) -> Callable[[list, str, TrendOptions], str]:
    def render(results, lang, o: TrendOptions) -> str:
        module = importlib.import_module("asas.engine.report.trend")
        return getattr(module, f"render_{name}")(results, lang, o.by, o.roster)
    render.__name__ = f"trend_{name}_render"
    return render


TREND: dict[str, Format[TrendOptions, str]] = {
    f.name: f for f in (
        Format("text", _trend("text")),
        Format("markdown", _trend("markdown")),
        Format("csv", _trend("csv"), machine=True),
        Format("json", _trend("json"), machine=True),
        Format("html", _trend("html")),
    )}


def renderer(name: str):
    """``render(results, lang, **options)`` of a format, the options as keywords of
    :class:`ReportOptions` (for tests and scripts)."""
    fmt = REGISTRY[name]

    def render(results, lang: str, **options) -> str:
        return fmt.render(list(results), lang, ReportOptions(**options))
    return render
