"""The rubric a lecturer can edit (``asas grade --rubric FILE``; ``--print-rubric``).

``rubric.yaml`` beside this module is the default.  It gives each principle a weight,
the share of that weight each status earns, the points a finding of each severity
costs, the points a function of counseling not served costs, when a write-up is too
incomplete to grade, the caps (a critical finding limits the grade, and may require a
meeting), and the grade bands.  For one case:

    total = Σ_p  share_p × status_points[status_p] / 100
            − Σ_findings deductions[severity] − Σ_functions not served functions[f]

with ``share_p = 100 × weight_p / Σ weights``, never below 0, rounded to one decimal
before the band is looked up.  Findings derived from other findings are not deducted
unless ``deduct_derived``: one root cause is one lapse.

A rubric is read like a case file (bounded, located, engine/report/grade/sidefile.py)
and checked as a whole: every problem is reported as ``file:line:col: path: message``,
in the reader's language, never as a traceback.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from importlib import resources

import yaml

from asas.engine.judge.catalog import FUNCTIONS, PRINCIPLES
from asas.engine.judge.terms import SEVERITIES, STATUSES
from asas.engine.report.grade import sidefile
from asas.engine.report.grade.sidefile import BAD, SideFileError

SECTIONS = ("weights", "status_points", "deductions", "deduct_derived", "functions",
            "incomplete", "caps", "bands")
CAP_KEYS = ("rules", "severity", "grade", "meeting", "why")
INCOMPLETE_KEYS = ("not_assessed",)
RULE_CODE = re.compile(r"^[A-Z]{3}[0-9]{0,3}$")
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
    "key_text": ("a key must be plain text, not {value}",
                 "kunci harus berupa teks biasa, bukan {value}"),
    "caps_list": ("must be a list of caps", "harus berupa daftar batas nilai"),
    "rule_codes": ("must be a list of rule IDs or prefixes such as KAH001 or KRH, not {value}",
                   "harus berupa daftar kode aturan atau awalannya seperti KAH001 atau KRH, "
                   "bukan {value}"),
    "severity": ("must be one of violation, risk, advice, not {value}",
                 "harus salah satu dari violation, risk, advice, bukan {value}"),
    "cap_grade": ("'{grade}' is not one of the bands' grades ({grades})",
                  "'{grade}' bukan nilai huruf pada rentang nilai ({grades})"),
    "why": ("must be a mapping with the texts en: and id:", "harus berupa pemetaan dengan teks en: dan id:"),
}


def _msg(message: str, lang: str, **params) -> str:
    en, id_ = MESSAGES[message]
    return (id_ if lang == "id" else en).format(**params)


class RubricError(SideFileError):
    """A rubric that cannot be used; ``problems`` are ready-to-print lines."""


@dataclass(frozen=True)
class Band:
    grade: str
    min: float
    point: float | None = None


@dataclass(frozen=True)
class Cap:
    """A critical finding limits the grade: any finding whose ID starts with one of
    ``rules`` (and has ``severity``, when given) makes ``grade`` the best grade the case
    can get; ``meeting`` asks for a meeting with the lecturer as well."""
    rules: tuple
    grade: str
    severity: str | None = None
    meeting: bool = False
    why_en: str = ""
    why_id: str = ""

    def matches(self, finding) -> bool:
        return (any(finding.id.startswith(r) for r in self.rules)
                and (self.severity is None or finding.doc.severity == self.severity))

    def why(self, lang: str) -> str:
        return (self.why_id if lang == "id" else self.why_en) or ", ".join(self.rules)


@dataclass(frozen=True)
class Rubric:
    weights: dict
    status_points: dict
    deductions: dict
    deduct_derived: bool
    bands: tuple
    source: str = DEFAULT_NAME
    functions: dict = field(default_factory=dict)   # function -> points when not served
    caps: tuple = ()
    incomplete: float | None = None    # % of the weight not assessed above which: returned

    @property
    def principles(self) -> tuple:
        """The principles it grades, in its profile's order (the keys of ``weights``)."""
        return tuple(self.weights)

    def share(self, principle: str) -> float:
        """Points a principle is worth out of 100."""
        return 100 * self.weights[principle] / sum(self.weights.values())

    def band(self, total: float) -> Band:
        for band in self.bands:
            if total >= band.min:
                return band
        return self.bands[-1]

    def named(self, grade: str) -> Band:
        return next(b for b in self.bands if b.grade == grade)

    def rank(self, band: Band) -> int:
        """0 for the best band; larger is worse."""
        return self.bands.index(band)


# --- reading and checking a rubric ------------------------------------------------------

def default_rubric_text() -> str:
    return resources.files(__package__).joinpath(DEFAULT_NAME).read_text(encoding="utf-8")


def _profile(profile):
    from asas.engine.judge.profile import Profile, lookup
    return profile if isinstance(profile, Profile) else lookup(profile)


def _profile_rubric(profile):
    """The rubric file a profile names (engine/judge/profile.py), or None."""
    if profile is None:
        return None
    return _profile(profile).rubric


def _principles(profile) -> tuple:
    """The principles a profile's rubric grades, in its order (None: the default)."""
    return PRINCIPLES if profile is None else _profile(profile).principles


def rubric_text(path: str | None = None, profile=None) -> str:
    """The rubric as written, comments and all: what a lecturer copies and edits
    (without ``path``: the profile's default rubric)."""
    if path is None and _profile_rubric(profile) is not None:
        return _profile_rubric(profile).read_text(encoding="utf-8")
    if path is None:
        return default_rubric_text()
    with open(path, encoding="utf-8") as fh:
        return fh.read()


def load_rubric(path: str | None = None, lang: str = "en", profile=None) -> Rubric:
    """The rubric in ``path`` (the profile's default when None: its own rubric file, else
    the shipped default) for the principles of ``profile`` (a name, path or Profile;
    None: the default); RubricError if unusable."""
    principles = _principles(profile)
    own = _profile_rubric(profile) if path is None else None
    if path is None and own is None:
        return parse_rubric(default_rubric_text(), DEFAULT_NAME, lang, principles)
    name = path
    if own is not None:
        path, name = str(own), own.name
    try:
        text = sidefile.read_text(path, lang)
    except SideFileError as exc:
        # "file:1:1: cannot read it: why" -> "file:1:1: cannot read the rubric: why"
        problem = exc.problems[0].split(": ", 2)[-1]
        problem = problem.split(": ", 1)[-1] if ": " in problem else problem
        raise RubricError([f"{path}:1:1: {_msg('read', lang, problem=problem)}"]) from None
    return parse_rubric(text, name, lang, principles)


class _Checker:
    def __init__(self, file: str, lang: str):
        self.file, self.lang, self.problems = file, lang, []

    def add(self, node, path: str, message: str, **params):
        mark = node.start_mark if node is not None else None
        where = f"{mark.line + 1}:{mark.column + 1}" if mark else "1:1"
        prefix = f"{path}: " if path else ""
        self.problems.append(f"{self.file}:{where}: {prefix}{_msg(message, self.lang, **params)}")

    def value(self, node):
        return sidefile.scalar(node)

    def mapping(self, node, path: str, allowed) -> dict:
        """key -> (key node, value node), with unknown and repeated keys reported."""
        if not isinstance(node, yaml.MappingNode):
            self.add(node, path, "mapping")
            return {}
        out = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.add(key_node, path, "key_text", value=sidefile.shown(key_node))
                continue
            key = key_node.value
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
        value = self.value(node)
        ok = value is not BAD and isinstance(value, (int, float)) and not isinstance(value, bool)
        # ints are compared before float(): 10**400 is out of range, not an OverflowError
        if ok and lo <= value and (hi is None or value <= hi) and value < 1e9:
            return float(value)
        shown = sidefile.shown(node)
        if hi is None:
            self.add(node, path, "number_min", lo=_num(lo), value=shown)
        else:
            self.add(node, path, "number", lo=_num(lo), hi=_num(hi), value=shown)
        return None

    def flag(self, node, path: str) -> bool | None:
        value = self.value(node)
        if isinstance(value, bool):
            return value
        self.add(node, path, "bool", value=sidefile.shown(node))
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


def parse_rubric(text: str, file: str = "rubric.yaml", lang: str = "en",
                 principles: tuple = PRINCIPLES) -> Rubric:
    c = _Checker(file, lang)
    try:
        root = sidefile.compose(text, file, lang)
    except SideFileError as exc:
        raise RubricError(exc.problems) from None
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
        weights = c.table(node, "weights", principles, 0, None, missing="missing_weight")
        if len(weights) == len(principles) and sum(weights.values()) <= 0:
            c.add(node, "weights", "weights_zero")
    if "status_points" in sections:
        status_points = c.table(sections["status_points"][1], "status_points", STATUSES, 0, 100)
    if "deductions" in sections:
        deductions = c.table(sections["deductions"][1], "deductions", SEVERITIES, 0, 100)
    deduct_derived = False
    if "deduct_derived" in sections:
        deduct_derived = bool(c.flag(sections["deduct_derived"][1], "deduct_derived"))
    functions, incomplete = _optional(c, sections)
    bands = _bands(c, sections["bands"][1]) if "bands" in sections else ()
    caps = _caps(c, sections["caps"][1], bands) if "caps" in sections else ()
    if c.problems:
        raise RubricError(c.problems)
    return Rubric(weights, status_points, deductions, deduct_derived, bands, file,
                  functions, caps, incomplete)


def _optional(c: _Checker, sections: dict) -> tuple[dict, float | None]:
    """``functions`` (a function left out costs nothing) and ``incomplete``."""
    functions = {}
    if "functions" in sections:
        entries = c.mapping(sections["functions"][1], "functions", FUNCTIONS)
        for key, (_, value_node) in entries.items():
            number = c.number(value_node, f"functions.{key}", 0, 100)
            if number is not None:
                functions[key] = number
    incomplete = None
    if "incomplete" in sections:
        entries = c.mapping(sections["incomplete"][1], "incomplete", INCOMPLETE_KEYS)
        if "not_assessed" in entries:
            incomplete = c.number(entries["not_assessed"][1], "incomplete.not_assessed", 0, 100)
    return functions, incomplete


def _caps(c: _Checker, node, bands) -> tuple:
    if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null"):
        return ()
    if not isinstance(node, yaml.SequenceNode):
        c.add(node, "caps", "caps_list")
        return ()
    grades = [b.grade for b in bands]
    caps = (_cap(c, item, f"caps[{i}]", grades) for i, item in enumerate(node.value))
    return tuple(cap for cap in caps if cap is not None)


def _cap(c: _Checker, item, path: str, grades: list) -> Cap | None:
    entries = c.mapping(item, path, CAP_KEYS)
    if not isinstance(item, yaml.MappingNode):
        return None
    for key in ("rules", "grade"):
        if key not in entries:
            c.add(item, path, "missing", key=key)
    before = len(c.problems)
    rules = _cap_rules(c, entries["rules"][1], path) if "rules" in entries else ()
    severity = None
    if "severity" in entries:
        s_node = entries["severity"][1]
        severity = sidefile.scalar(s_node)
        if severity not in SEVERITIES:
            c.add(s_node, f"{path}.severity", "severity", value=sidefile.shown(s_node))
    grade = None
    if "grade" in entries:
        g_node = entries["grade"][1]
        value = sidefile.scalar(g_node)
        grade = str(value).strip() if value is not BAD and value is not None else None
        if grade not in grades and grades:
            c.add(g_node, f"{path}.grade", "cap_grade", grades=", ".join(grades),
                  grade=grade or sidefile.shown(g_node))
    meeting = c.flag(entries["meeting"][1], f"{path}.meeting") if "meeting" in entries else False
    why = _why(c, entries["why"][1], f"{path}.why") if "why" in entries else {}
    if len(c.problems) > before or not rules or grade not in grades:
        return None
    return Cap(rules, grade, severity, bool(meeting), why.get("en", ""), why.get("id", ""))


def _cap_rules(c: _Checker, node, path: str) -> tuple:
    values = [sidefile.scalar(n) for n in node.value] \
        if isinstance(node, yaml.SequenceNode) else [BAD]
    if values and all(isinstance(v, str) and RULE_CODE.match(v) for v in values):
        return tuple(values)
    c.add(node, f"{path}.rules", "rule_codes", value=sidefile.shown(node))
    return ()


def _why(c: _Checker, node, path: str) -> dict:
    out = {}
    for lang_key, (_, t_node) in c.mapping(node, path, ("en", "id")).items():
        value = sidefile.scalar(t_node)
        if isinstance(value, str) and value.strip():
            out[lang_key] = value.strip()
        else:
            c.add(t_node, f"{path}.{lang_key}", "text", value=sidefile.shown(t_node))
    return out


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
            grade = _band_grade(c, entries["grade"][1], path, seen)
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




def _band_grade(c: _Checker, node, path: str, seen: set) -> str | None:
    value = c.value(node)
    if not (isinstance(value, str) and value.strip()):
        c.add(node, f"{path}.grade", "text", value=sidefile.shown(node))
        return None
    grade = value.strip()
    if grade in seen:
        c.add(node, f"{path}.grade", "grade_twice", grade=grade)
    seen.add(grade)
    return grade
