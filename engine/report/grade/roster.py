"""The class roster: trainee code → name or NIM, class and guru pamong.

Case files carry only the trainee's code (``case.counselor.code``); the roster, kept by
the lecturer beside the class, puts names on the gradebook, the trend and the feedback
sheets (``--roster FILE``).  Two forms, whichever the lecturer has:

- a spreadsheet saved as CSV, ``,`` or ``;`` separated (Excel in an Indonesian locale
  saves ``;``), a UTF-8 BOM allowed, with a header row naming the columns in English
  or Indonesian: ``code/kode``, ``name/nama``, ``nim``, ``class/kelas``,
  ``guru_pamong`` (also ``guru pamong``, ``supervisor``).  ``code`` is required.
- YAML: ``students:`` a list of mappings with the keys ``code``, ``name``, ``nim``,
  ``class``, ``guru_pamong``.

Read with the case files' reader (sidefile.py): bounded, located messages.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

import yaml

from asas.engine.report.grade import sidefile
from asas.engine.report.grade.sidefile import BAD, SideFileError

FIELDS = ("code", "name", "nim", "class", "guru_pamong")
HEADERS = {"code": "code", "kode": "code", "kode praktikan": "code", "name": "name",
           "nama": "name", "nim": "nim", "class": "class", "kelas": "class",
           "guru_pamong": "guru_pamong", "guru pamong": "guru_pamong",
           "supervisor": "guru_pamong", "pamong": "guru_pamong"}

MESSAGES = {
    "no_code": ("the header row has no 'code' (or 'kode') column",
                "baris judul tidak memuat kolom 'code' (atau 'kode')"),
    "empty": ("the roster is empty", "daftar mahasiswa kosong"),
    "root": ("a roster in YAML is a mapping with the key 'students' (a list)",
             "daftar mahasiswa dalam YAML berupa pemetaan dengan kunci 'students' (daftar)"),
    "entry": ("must be a mapping with the keys {keys}", "harus berupa pemetaan dengan kunci {keys}"),
    "unknown": ("unknown key '{key}'", "kunci tidak dikenal '{key}'"),
    "missing_code": ("'code' is missing", "'code' tidak ada"),
    "text": ("must be text, not {value}", "harus berupa teks, bukan {value}"),
    "twice": ("trainee code '{code}' is given twice (first on line {line})",
              "kode praktikan '{code}' ditulis dua kali (pertama di baris {line})"),
    "csv": ("not a readable CSV table: {problem}", "bukan tabel CSV yang terbaca: {problem}"),
}


def _msg(name: str, lang: str, /, **params) -> str:
    en, id_ = MESSAGES[name]
    return (id_ if lang == "id" else en).format(**params)


@dataclass(frozen=True)
class Student:
    code: str
    name: str | None = None
    nim: str | None = None
    klass: str | None = None
    guru_pamong: str | None = None

    def display(self) -> str:
        """How a gradebook names the student: name (NIM), else NIM, else the code."""
        if self.name and self.nim:
            return f"{self.name} ({self.nim})"
        return self.name or self.nim or self.code


class Roster(dict):
    """code -> Student; ``source`` the file it came from."""

    source: str | None = None

    def student(self, code: str | None) -> Student | None:
        return self.get(code.strip()) if code else None

    def name(self, code: str | None, fallback: str) -> str:
        s = self.student(code)
        return s.display() if s else (code or fallback)


EMPTY = Roster()


def load_roster(path: str, lang: str = "en") -> Roster:
    text = sidefile.read_text(path, lang)
    if path.lower().endswith((".yaml", ".yml")):
        roster = parse_yaml(text, path, lang)
    else:
        roster = parse_csv(text, path, lang)
    roster.source = path
    return roster


def parse_csv(text: str, file: str, lang: str = "en") -> Roster:
    first = text.splitlines()[0] if text.strip() else ""
    if not first:
        raise SideFileError([f"{file}:1:1: {_msg('empty', lang)}"])
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    problems: list[str] = []
    try:
        rows = list(reader)
    except csv.Error as exc:
        raise SideFileError([f"{file}:{reader.line_num}:1: {_msg('csv', lang, problem=exc)}"]) \
            from None
    header = [HEADERS.get(h.strip().lower()) for h in rows[0]]
    if "code" not in header:
        raise SideFileError([f"{file}:1:1: {_msg('no_code', lang)}"])
    roster = Roster()
    lines: dict[str, int] = {}   # code -> the line that gave it
    for number, row in enumerate(rows[1:], start=2):
        cells = {key: (row[i].strip() if i < len(row) else "") for i, key in enumerate(header)
                 if key is not None}
        code = cells.get("code", "")
        if not code:
            if any(cells.values()):
                problems.append(f"{file}:{number}:1: {_msg('missing_code', lang)}")
            continue
        if code in roster:
            problems.append(f"{file}:{number}:1: {_msg('twice', lang, code=code, line=lines[code])}")
            continue
        lines[code] = number
        roster[code] = Student(code, cells.get("name") or None, cells.get("nim") or None,
                               cells.get("class") or None, cells.get("guru_pamong") or None)
    if problems:
        raise SideFileError(problems)
    return roster


def parse_yaml(text: str, file: str, lang: str = "en") -> Roster:
    root = sidefile.compose(text, file, lang)
    problems: list[str] = []

    def add(node, path, message, **params):
        m = node.start_mark
        problems.append(f"{file}:{m.line + 1}:{m.column + 1}: {path}: {_msg(message, lang, **params)}")

    if root is None:
        raise SideFileError([f"{file}:1:1: {_msg('empty', lang)}"])
    if not (isinstance(root, yaml.MappingNode) and len(root.value) == 1
            and isinstance(root.value[0][0], yaml.ScalarNode)
            and root.value[0][0].value == "students"
            and isinstance(root.value[0][1], yaml.SequenceNode)):
        m = root.start_mark
        raise SideFileError([f"{file}:{m.line + 1}:{m.column + 1}: {_msg('root', lang)}"])
    roster = Roster()
    lines: dict[str, int] = {}   # code -> the line that gave it
    for i, item in enumerate(root.value[0][1].value):
        path = f"students[{i}]"
        if not isinstance(item, yaml.MappingNode):
            add(item, path, "entry", keys=", ".join(FIELDS))
            continue
        cells = {}
        for k, v in item.value:
            name = k.value if isinstance(k, yaml.ScalarNode) else None
            if name not in FIELDS:
                add(k, path, "unknown", key=name if name else sidefile.shown(k))
                continue
            value = sidefile.scalar(v)
            if value is BAD or isinstance(value, (bool, list, dict)):
                add(v, f"{path}.{name}", "text", value=sidefile.shown(v))
                continue
            cells[name] = None if value is None else str(value).strip() or None
        code = cells.get("code")
        if not code:
            add(item, path, "missing_code")
            continue
        if code in roster:
            add(item, path, "twice", code=code, line=lines[code])
            continue
        lines[code] = item.start_mark.line + 1
        roster[code] = Student(code, cells.get("name"), cells.get("nim"), cells.get("class"),
                               cells.get("guru_pamong"))
    if problems:
        raise SideFileError(problems)
    return roster
