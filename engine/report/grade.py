"""Grading practicum reports with a rubric a lecturer can edit (``asas grade``).

The rubric (``engine/rubric.yaml`` is the default; ``asas grade --print-rubric`` prints
it) gives each principle a weight, the share of that weight each status earns, the
points a finding of each severity costs, and the grade bands.  For one case:

    total = Σ_p  share_p × status_points[status_p] / 100  −  Σ_findings deductions[severity]

with ``share_p = 100 × weight_p / Σ weights``, never below 0, rounded to one decimal
before the band is looked up (so the total shown and the grade always agree).
Findings derived from other findings are not deducted unless ``deduct_derived``: one
root cause is one lapse.  An invalid case file is not graded; its row says why.

A rubric is checked as a whole: every problem is reported as ``file:line:col: path:
message``, in the reader's language, never as a traceback.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from importlib import resources

import yaml
from asas.engine.i18n.words import word
from asas.engine.judge.catalog import PRINCIPLES, label
from asas.engine.judge.terms import SEVERITIES, STATUS_MARK, STATUSES
from asas.engine.judge.verdict import CaseResult

SECTIONS = ("weights", "status_points", "deductions", "deduct_derived", "bands")
REQUIRED = ("weights", "status_points", "deductions", "bands")
BAND_KEYS = ("grade", "min", "point")
DEFAULT_NAME = "rubric.yaml"

MESSAGES = {
    "yaml": ("not valid YAML: {problem}", "bukan YAML yang valid: {problem}"),
    "empty": ("the rubric is empty", "rubrik kosong"),
    "root": ("the rubric must be a mapping with the keys {keys}",
             "rubrik harus berupa pemetaan dengan kunci {keys}"),
    "unknown": ("unknown key '{key}'{hint}", "kunci tidak dikenal '{key}'{hint}"),
    "hint": (" (did you mean '{name}'?)", " (maksud Anda '{name}'?)"),
    "twice": ("'{key}' is given twice", "'{key}' ditulis dua kali"),
    "missing": ("'{key}' is missing", "'{key}' tidak ada"),
    "missing_weight": ("'{key}' is missing (give 0 to leave the principle out of the grade)",
                       "'{key}' tidak ada (beri 0 bila asas itu tidak dinilai)"),
    "mapping": ("must be a mapping", "harus berupa pemetaan"),
    "list": ("must be a list of bands", "harus berupa daftar rentang nilai"),
    "number": ("must be a number from {lo} to {hi}, not {value}",
               "harus berupa angka dari {lo} sampai {hi}, bukan {value}"),
    "number_min": ("must be a number ≥ {lo}, not {value}",
                   "harus berupa angka ≥ {lo}, bukan {value}"),
    "bool": ("must be true or false, not {value}", "harus true atau false, bukan {value}"),
    "text": ("must be text such as A or BC, not {value}",
             "harus berupa teks seperti A atau BC, bukan {value}"),
    "weights_zero": ("the weights add up to 0: give at least one principle a weight",
                     "jumlah bobot 0: beri bobot pada sedikitnya satu asas"),
    "no_bands": ("give at least one band", "isi sedikitnya satu rentang nilai"),
    "order": ("bands must go from the highest min down: {min} is not below {previous}",
              "rentang harus berurutan dari min tertinggi: {min} tidak di bawah {previous}"),
    "last_zero": ("the last band must have min: 0, so that every total gets a grade",
                  "rentang terakhir harus min: 0, agar setiap total mendapat nilai"),
    "grade_twice": ("grade '{grade}' is given twice", "nilai '{grade}' ditulis dua kali"),
    "read": ("cannot read the rubric: {problem}", "rubrik tidak dapat dibaca: {problem}"),
}


def _msg(message: str, lang: str, **params) -> str:
    en, id_ = MESSAGES[message]
    return (id_ if lang == "id" else en).format(**params)


class RubricError(Exception):
    """A rubric that cannot be used; ``problems`` are ready-to-print lines."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Band:
    grade: str
    min: float
    point: float | None = None


@dataclass(frozen=True)
class Rubric:
    weights: dict
    status_points: dict
    deductions: dict
    deduct_derived: bool
    bands: tuple
    source: str = DEFAULT_NAME

    def share(self, principle: str) -> float:
        """Points a principle is worth out of 100."""
        return 100 * self.weights[principle] / sum(self.weights.values())

    def band(self, total: float) -> Band:
        for band in self.bands:
            if total >= band.min:
                return band
        return self.bands[-1]


# --- reading and checking a rubric ------------------------------------------------------

def default_rubric_text() -> str:
    return resources.files(__package__).joinpath(DEFAULT_NAME).read_text(encoding="utf-8")


def rubric_text(path: str | None = None) -> str:
    """The rubric as written, comments and all: what a lecturer copies and edits."""
    if path is None:
        return default_rubric_text()
    with open(path, encoding="utf-8") as fh:
        return fh.read()


def load_rubric(path: str | None = None, lang: str = "en") -> Rubric:
    """The rubric in ``path`` (the shipped default when None); RubricError if unusable."""
    if path is None:
        return parse_rubric(default_rubric_text(), DEFAULT_NAME, lang)
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except (OSError, UnicodeDecodeError) as exc:
        problem = getattr(exc, "strerror", None) or str(exc)
        raise RubricError([f"{path}: {_msg('read', lang, problem=problem)}"]) from None
    return parse_rubric(text, path, lang)


class _Checker:
    def __init__(self, file: str, lang: str):
        self.file, self.lang = file, lang
        self.problems: list[str] = []
        self._loader = yaml.SafeLoader("")

    def add(self, node, path: str, message: str, **params):
        mark = node.start_mark if node is not None else None
        where = f"{mark.line + 1}:{mark.column + 1}" if mark else "1:1"
        prefix = f"{path}: " if path else ""
        self.problems.append(f"{self.file}:{where}: {prefix}{_msg(message, self.lang, **params)}")

    def value(self, node):
        return self._loader.construct_object(node, deep=True)

    def mapping(self, node, path: str, allowed) -> dict:
        """key -> (key node, value node), with unknown and repeated keys reported."""
        if not isinstance(node, yaml.MappingNode):
            self.add(node, path, "mapping")
            return {}
        out = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
            where = f"{path}.{key}" if path else key
            if key in out:
                self.add(key_node, where, "twice", key=key)
            elif key not in allowed:
                close = difflib.get_close_matches(str(key), allowed, n=1)
                hint = _msg("hint", self.lang, name=close[0]) if close else ""
                self.add(key_node, path, "unknown", key=key, hint=hint)
            else:
                out[key] = (key_node, value_node)
        return out

    def number(self, node, path: str, lo: float, hi: float | None) -> float | None:
        value = self.value(node) if isinstance(node, yaml.ScalarNode) else None
        if (isinstance(value, (int, float)) and not isinstance(value, bool)
                and value == value and lo <= value and (hi is None or value <= hi)):
            return float(value)
        shown = node.value if isinstance(node, yaml.ScalarNode) else "a list or mapping"
        if hi is None:
            self.add(node, path, "number_min", lo=_num(lo), value=repr(shown))
        else:
            self.add(node, path, "number", lo=_num(lo), hi=_num(hi), value=repr(shown))
        return None

    def table(self, node, path: str, keys, lo, hi, missing="missing") -> dict:
        entries = self.mapping(node, path, keys)
        out = {}
        for key in keys:
            if key not in entries:
                if isinstance(node, yaml.MappingNode):
                    self.add(node, path, missing, key=key)
                continue
            number = self.number(entries[key][1], f"{path}.{key}", lo, hi)
            if number is not None:
                out[key] = number
        return out


def _num(x: float) -> str:
    return f"{x:g}"


def parse_rubric(text: str, file: str = "rubric.yaml", lang: str = "en") -> Rubric:
    c = _Checker(file, lang)
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{mark.line + 1}:{mark.column + 1}" if mark else "1:1"
        problem = exc.problem or exc.context or "syntax error"
        raise RubricError([f"{file}:{where}: {_msg('yaml', lang, problem=problem)}"]) from None
    except yaml.YAMLError as exc:
        raise RubricError([f"{file}:1:1: {_msg('yaml', lang, problem=exc)}"]) from None
    if root is None:
        raise RubricError([f"{file}:1:1: {_msg('empty', lang)}"])
    if not isinstance(root, yaml.MappingNode):
        c.add(root, "", "root", keys=", ".join(SECTIONS))
        raise RubricError(c.problems)
    sections = c.mapping(root, "", SECTIONS)
    for key in REQUIRED:
        if key not in sections:
            c.add(root, "", "missing", key=key)

    weights = status_points = deductions = {}
    if "weights" in sections:
        node = sections["weights"][1]
        weights = c.table(node, "weights", PRINCIPLES, 0, None, missing="missing_weight")
        if len(weights) == len(PRINCIPLES) and sum(weights.values()) <= 0:
            c.add(node, "weights", "weights_zero")
    if "status_points" in sections:
        status_points = c.table(sections["status_points"][1], "status_points", STATUSES, 0, 100)
    if "deductions" in sections:
        deductions = c.table(sections["deductions"][1], "deductions", SEVERITIES, 0, 100)
    deduct_derived = False
    if "deduct_derived" in sections:
        node = sections["deduct_derived"][1]
        value = c.value(node) if isinstance(node, yaml.ScalarNode) else None
        if isinstance(value, bool):
            deduct_derived = value
        else:
            c.add(node, "deduct_derived", "bool",
                  value=repr(node.value if isinstance(node, yaml.ScalarNode) else "…"))
    bands = _bands(c, sections["bands"][1]) if "bands" in sections else ()
    if c.problems:
        raise RubricError(c.problems)
    return Rubric(weights, status_points, deductions, deduct_derived, bands, file)


def _bands(c: _Checker, node) -> tuple:
    if not isinstance(node, yaml.SequenceNode):
        c.add(node, "bands", "list")
        return ()
    if not node.value:
        c.add(node, "bands", "no_bands")
        return ()
    bands, seen = [], set()
    previous = None
    for i, item in enumerate(node.value):
        path = f"bands[{i}]"
        entries = c.mapping(item, path, BAND_KEYS)
        if not isinstance(item, yaml.MappingNode):
            continue
        for key in ("grade", "min"):
            if key not in entries:
                c.add(item, path, "missing", key=key)
        grade = minimum = point = None
        if "grade" in entries:
            g_node = entries["grade"][1]
            value = c.value(g_node) if isinstance(g_node, yaml.ScalarNode) else None
            if isinstance(value, str) and value.strip():
                grade = value.strip()
                if grade in seen:
                    c.add(g_node, f"{path}.grade", "grade_twice", grade=grade)
                seen.add(grade)
            else:
                c.add(g_node, f"{path}.grade", "text",
                      value=repr(g_node.value if isinstance(g_node, yaml.ScalarNode) else "…"))
        if "min" in entries:
            m_node = entries["min"][1]
            minimum = c.number(m_node, f"{path}.min", 0, 100)
            if minimum is not None and previous is not None and minimum >= previous:
                c.add(m_node, f"{path}.min", "order", min=_num(minimum), previous=_num(previous))
            if minimum is not None:
                previous = minimum
        if "point" in entries:
            point = c.number(entries["point"][1], f"{path}.point", 0, None)
        if grade is not None and minimum is not None:
            bands.append(Band(grade, minimum, point))
    last = node.value[-1]
    if bands and previous is not None and previous != 0:
        c.add(last, f"bands[{len(node.value) - 1}].min", "last_zero")
    return tuple(bands)


# --- grading ----------------------------------------------------------------------------

@dataclass(frozen=True)
class PrincipleGrade:
    status: str
    points: float
    out_of: float


@dataclass(frozen=True)
class CaseGrade:
    file: str
    case_id: str | None
    code: str | None
    principles: dict | None        # principle -> PrincipleGrade; None when not graded
    deductions: float
    total: float | None
    band: Band | None
    reason: str | None             # why the case was not graded

    @property
    def graded(self) -> bool:
        return self.total is not None

    # what a graded case has (``graded``); the others have a ``reason`` instead
    @property
    def graded_principles(self) -> dict[str, PrincipleGrade]:
        if self.principles is None:
            raise ValueError(f"{self.file}: not graded ({self.reason})")
        return self.principles

    @property
    def graded_total(self) -> float:
        if self.total is None:
            raise ValueError(f"{self.file}: not graded ({self.reason})")
        return self.total

    @property
    def graded_band(self) -> Band:
        if self.band is None:
            raise ValueError(f"{self.file}: not graded ({self.reason})")
        return self.band


def grade_case(r: CaseResult, rubric: Rubric, lang: str = "en") -> CaseGrade:
    from asas.engine.judge.verdict import case_meta
    meta = case_meta(r)
    if not r.valid:
        first = r.errors[0].format(r.file, lang)
        more = len(r.errors) - 1
        reason = f"{word('invalid', lang)}: {first}" + (f" (+{more})" if more else "")
        return CaseGrade(r.file, r.case_id, meta.code, None, 0.0, None, None, reason)
    principles = {}
    for p in PRINCIPLES:
        status = r.verdicts[p].status
        share = rubric.share(p)
        principles[p] = PrincipleGrade(status, share * rubric.status_points[status] / 100, share)
    deductions = sum(rubric.deductions[f.doc.severity] for f in r.findings
                     if rubric.deduct_derived or not f.derived_from)
    total = round(max(0.0, sum(g.points for g in principles.values()) - deductions), 1)
    return CaseGrade(r.file, r.case_id, meta.code, principles, deductions, total,
                     rubric.band(total), None)


def grade_results(results: list[CaseResult], rubric: Rubric, lang: str = "en") -> list[CaseGrade]:
    return [grade_case(r, rubric, lang) for r in results]


def by_trainee(grades: list[CaseGrade], rubric: Rubric) -> list[tuple[str | None, int, float, Band]]:
    """(trainee code, graded cases, average total, band of the average), by code."""
    groups: dict[str | None, list[float]] = {}
    for g in grades:
        if g.graded:
            groups.setdefault(g.code, []).append(g.graded_total)
    out = []
    for code in sorted(groups, key=lambda c: (c is None, c or "")):
        totals = groups[code]
        average = round(sum(totals) / len(totals), 1)
        out.append((code, len(totals), average, rubric.band(average)))
    return out


# --- output -----------------------------------------------------------------------------

MARK = STATUS_MARK


def _pts(x: float) -> str:
    return f"{x:.1f}"


def _minus(x: float) -> str:
    return f"−{x:.1f}" if x else "0.0"


def render_csv(grades: list[CaseGrade], rubric: Rubric, lang: str = "en") -> str:
    """The gradebook: one row per case; a column per principle (points earned), the
    deductions, the total, the grade and its point; an ungraded row says why."""
    from asas.engine.report.formats.csv_ import safe_cell, table
    header = ["file", "case_id", "trainee", *PRINCIPLES, "deductions", "total", "grade",
              "grade_point", "reason"]
    body = []
    for g in grades:
        if g.graded:
            band = g.graded_band
            point = "" if band.point is None else f"{band.point:.1f}"
            body.append([safe_cell(g.file), safe_cell(g.case_id), safe_cell(g.code),
                         *(_pts(g.graded_principles[p].points) for p in PRINCIPLES),
                         _pts(g.deductions), _pts(g.graded_total), safe_cell(band.grade), point,
                         ""])
        else:
            body.append([safe_cell(g.file), safe_cell(g.case_id), safe_cell(g.code),
                         *([""] * len(PRINCIPLES)), "", "", "", "", safe_cell(g.reason)])
    return table(header, body)


def _rubric_lines(rubric: Rubric, lang: str) -> list[str]:
    weights = ", ".join(f"{p} {_pts(rubric.share(p))}" for p in PRINCIPLES)
    points = ", ".join(f"{word(s, lang)} {rubric.status_points[s]:g}%" for s in STATUSES)
    deduct = ", ".join(f"{word(s, lang)} {rubric.deductions[s]:g}" for s in SEVERITIES)
    bands = ", ".join(f"{b.grade} ≥ {b.min:g}" for b in rubric.bands)
    return [f"- {word('weight', lang)}: {weights}", f"- {word('points_per_status', lang)}: {points}",
            f"- {word('deduction_per_finding', lang)}: {deduct}", f"- {word('bands', lang)}: {bands}"]


def render_markdown(grades: list[CaseGrade], rubric: Rubric, lang: str = "en") -> str:
    from asas.engine.report.formats.markdown import esc
    out = [f"# {word('gradebook_title', lang)}", "",
           f"| {word('case', lang)} | {word('trainee', lang)} | " + " | ".join(PRINCIPLES) +
           f" | {word('deductions', lang)} | {word('total', lang)} | {word('grade', lang)} |",
           "|---|---|" + "---:|" * len(PRINCIPLES) + "---:|---:|:---:|"]
    ungraded = []
    for g in grades:
        name = esc(g.case_id or g.file)
        if not g.graded:
            ungraded.append(g)
            out.append(f"| {name} | {esc(g.code or '—')} | " + " | ".join([""] * len(PRINCIPLES))
                       + f" | | | {word('ungraded', lang)} |")
            continue
        grades_of = g.graded_principles
        cells = [f"{MARK[grades_of[p].status]} {_pts(grades_of[p].points)}" for p in PRINCIPLES]
        out.append(f"| {name} | {esc(g.code or '—')} | " + " | ".join(cells) +
                   f" | {_minus(g.deductions)} | **{_pts(g.graded_total)}** | "
                   f"**{esc(g.graded_band.grade)}** |")
    out += ["", " · ".join(f"{m} {word(s, lang)}" for s, m in MARK.items()), ""]
    trainees = by_trainee(grades, rubric)
    if trainees:
        out += [f"## {word('trainee', lang).capitalize()}", "",
                f"| {word('trainee', lang)} | {word('cases', lang)} | {word('average', lang)} | "
                f"{word('grade', lang)} |", "|---|---:|---:|:---:|"]
        for code, n, average, band in trainees:
            out.append(f"| {esc(code or word('no_code', lang))} | {n} | {_pts(average)} | "
                       f"{esc(band.grade)} |")
        out.append("")
    if ungraded:
        out += [f"## {word('ungraded', lang).capitalize()}", ""]
        out += [f"- {esc(g.file)}: {esc(g.reason)}" for g in ungraded]
        out.append("")
    out += [f"## {word('rubric', lang)} ({esc(rubric.source)})", "", *_rubric_lines(rubric, lang)]
    return "\n".join(out) + "\n"


def render_html(grades: list[CaseGrade], rubric: Rubric, lang: str = "en") -> str:
    from asas.engine.report.formats.html import e, legend, page
    title = word("gradebook_title", lang)
    body = ["<main>", '<header class="top">', f"<h1>{e(title)}</h1>",
            f'<p class="sub">{e(word("rubric", lang))}: <code>{e(rubric.source)}</code></p>',
            legend(lang), "</header>", '<section class="card">',
            '<div class="scroll" style="overflow-x:auto"><table class="matrix gradebook" id="gradebook">'
            f"<thead><tr><th>{e(word('case', lang))}</th><th>{e(word('trainee', lang))}</th>"]
    for p in PRINCIPLES:
        gloss = "" if lang == "id" else f" <small>{e(label(p, 'en'))}</small>"
        body.append(f'<th class="p" scope="col">{e(p)}{gloss}</th>')
    body.append(f'<th class="num">{e(word("deductions", lang))}</th>'
                f'<th class="num">{e(word("total", lang))}</th><th>{e(word("grade", lang))}</th>'
                "</tr></thead><tbody>")
    for g in grades:
        base = g.file.replace("\\", "/").rsplit("/", 1)[-1]
        body.append(f"<tr><th scope=\"row\">{e(g.case_id or g.file)}"
                    f'<small title="{e(g.file)}">{e(base)}</small></th>'
                    f"<td>{e(g.code or '—')}</td>")
        if not g.graded:
            body.append(f'<td class="inv" colspan="{len(PRINCIPLES) + 3}">'
                        f"{e(word('ungraded', lang))}: {e(g.reason)}</td></tr>")
            continue
        for p in PRINCIPLES:
            pg = g.graded_principles[p]
            body.append(f'<td class="st {pg.status}" title="{e(word(pg.status, lang))}">'
                        f"{MARK[pg.status]} {_pts(pg.points)}</td>")
        body.append(f'<td class="num">{_minus(g.deductions)}</td><td class="num"><b>'
                    f'{_pts(g.graded_total)}</b></td><td class="grade"><b>'
                    f'{e(g.graded_band.grade)}</b></td></tr>')
    body.append("</tbody></table></div></section>")

    graded = [g for g in grades if g.graded]
    if graded:
        counts = {b.grade: 0 for b in rubric.bands}
        for g in graded:
            counts[g.graded_band.grade] += 1
        average = sum(g.graded_total for g in graded) / len(graded)
        body.append(f'<section class="card"><h2>{e(word("distribution", lang))}</h2>'
                    f'<p class="sub">{e(word("average", lang))}: <b>{average:.1f}</b> '
                    f"({len(graded)} {e(word('cases', lang))})</p><table class=\"frequent\"><tbody>")
        widest = max(counts.values()) or 1
        for grade, n in counts.items():
            bar = int(300 * n / widest)
            body.append(f"<tr><th>{e(grade)}</th><td class=\"num\">{n}</td><td>"
                        f'<svg width="310" height="16" role="img" aria-label="{n}">'
                        f'<rect width="{bar}" height="14" y="1" rx="2" fill="#2b5d9b"/></svg>'
                        "</td></tr>")
        body.append("</tbody></table>")
        trainees = by_trainee(grades, rubric)
        body.append(f"<h3>{e(word('trainee', lang))}</h3><table class=\"frequent\"><thead><tr>"
                    f"<th>{e(word('trainee', lang))}</th><th class=\"num\">{e(word('cases', lang))}"
                    f"</th><th class=\"num\">{e(word('average', lang))}</th>"
                    f"<th>{e(word('grade', lang))}</th></tr></thead><tbody>")
        for code, n, avg, band in trainees:
            body.append(f"<tr><td>{e(code or word('no_code', lang))}</td><td class=\"num\">{n}</td>"
                        f"<td class=\"num\">{avg:.1f}</td><td><b>{e(band.grade)}</b></td></tr>")
        body.append("</tbody></table></section>")
    items = "".join(f"<li>{e(line[2:])}</li>" for line in _rubric_lines(rubric, lang))
    body.append(f'<section class="card"><h2>{e(word("rubric", lang))}</h2><ul>{items}</ul></section>')
    body.append("</main>")
    return page(title, lang, "\n".join(body))


RENDERERS = {"csv": render_csv, "markdown": render_markdown, "html": render_html}


def render(grades: list[CaseGrade], rubric: Rubric, fmt: str, lang: str = "en") -> str:
    return RENDERERS[fmt](grades, rubric, lang)

