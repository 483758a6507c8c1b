"""`asas verbatim import`: a verbatim from a text file, a CSV or a .docx table, written
into one session of a case file, every other byte of the file as it was.

Sources (the three layouts trainees use):
- plain text: the turns as they would stand in the block (``Ko: ...``, tab rows ...);
- CSV: a header row naming the speaker, dialog and technique columns (Indonesian or
  English names; ``,`` ``;`` or tab separated, as spreadsheets export them);
- .docx: the first table whose header row names those columns (python-docx).

The block is read as ``asas check`` reads it before anything is written, and the case
file with it is loaded again: what would not load is reported, and nothing is written.
"""

from __future__ import annotations

import csv
import io
import os
import re
from dataclasses import dataclass

import yaml

SPEAKER = ("speaker", "pembicara", "kode", "penutur", "peran", "who", "role", "nama")
DIALOG = ("dialog", "dialogue", "ucapan", "percakapan", "isi", "verbatim", "respon", "respons",
          "pernyataan", "kalimat", "utterance", "text", "teks", "tanggapan")
TECHNIQUE = ("technique", "teknik", "label", "keterangan", "ket", "teknik konseling",
             "keterampilan", "skill", "analisis")
NUMBER = ("no", "no.", "nomor", "#", "giliran", "turn")


class ImportProblem(Exception):
    """What stops an import; the message names the file and, where known, the line.
    ``text(lang)`` gives it in Indonesian too (the English message is its ID)."""

    def text(self, lang: str = "en") -> str:
        message = str(self)
        if lang != "id":
            return message
        for pattern, template in _ID:
            m = re.fullmatch(pattern, message, re.S)
            if m:
                return template.format(**m.groupdict())
        return message


_ID = [
    (r"(?P<src>.+): no header row naming the speaker and dialog columns .*",
     "{src}: tidak ada baris judul yang menamai kolom pembicara dan dialog (misalnya "
     "'Pembicara', 'Dialog', 'Teknik')"),
    (r"(?P<src>.+): reading \.docx needs python-docx .*",
     "{src}: membaca .docx memerlukan python-docx (pip install 'asas[docx]')"),
    (r"(?P<src>.+): not a \.docx file that can be read \((?P<why>.+)\)",
     "{src}: bukan berkas .docx yang dapat dibaca ({why})"),
    (r"(?P<src>.+): the document has no table", "{src}: dokumen tidak memuat tabel"),
    (r"(?P<src>.+): not UTF-8 text; save it as UTF-8",
     "{src}: bukan teks UTF-8; simpan sebagai UTF-8"),
    (r"the case file has no list of sessions", "berkas kasus tidak memuat daftar sesi"),
    (r"session (?P<n>\d+) does not exist; the file has (?P<m>\d+) session\(s\)",
     "sesi {n} tidak ada; berkas ini memuat {m} sesi"),
    (r"session (?P<n>\d+) is not written as a block mapping .*",
     "sesi {n} tidak ditulis sebagai pemetaan blok (satu isian per baris); tambahkan "
     "'verbatim: |' secara manual"),
    (r"session (?P<n>\d+) already has a verbatim \(line (?P<line>\d+)\); give --replace "
     r"to replace it",
     "sesi {n} sudah memuat verbatim (baris {line}); gunakan --replace untuk menggantinya"),
]


@dataclass
class Rows:
    """Turns as (speaker, dialog, technique) and where each came from (for messages)."""
    rows: list[tuple[str, str, str]]
    source: str


def _norm_header(cell: str) -> str:
    return re.sub(r"[\s_]+", " ", cell.strip().lower()).strip(" :.")


def _columns(header: list[str]) -> dict[str, int] | None:
    names = [_norm_header(c) for c in header]
    found: dict[str, int] = {}
    for key, words in (("speaker", SPEAKER), ("dialog", DIALOG), ("technique", TECHNIQUE)):
        for i, name in enumerate(names):
            if i in found.values():
                continue
            if name in words or any(name.startswith(w + " ") for w in words):
                found[key] = i
                break
    if "speaker" in found and "dialog" in found:
        return found
    return None


def _from_table(table: list[list[str]], source: str) -> Rows:
    for start, header in enumerate(table[:5]):
        cols = _columns(header)
        if cols:
            break
    else:
        raise ImportProblem(f"{source}: no header row naming the speaker and dialog columns "
                            "(e.g. 'Pembicara', 'Dialog', 'Teknik')")
    rows: list[tuple[str, str, str]] = []
    for row in table[start + 1:]:
        get = lambda key: (row[cols[key]].strip() if key in cols and cols[key] < len(row)  # noqa: E731
                           else "")
        speaker, dialog, technique = get("speaker"), get("dialog"), get("technique")
        if not (speaker or dialog):
            continue
        if not speaker and rows:         # a row that continues the one above
            s, d, t = rows[-1]
            rows[-1] = (s, f"{d}\n{dialog}".strip(), t or technique)
            continue
        rows.append((speaker, dialog, technique))
    return Rows(rows, source)


def read_csv(data: str, source: str) -> Rows:
    try:
        dialect = csv.Sniffer().sniff(data[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    table = [row for row in csv.reader(io.StringIO(data), dialect)]
    return _from_table(table, source)


def read_docx(path: str) -> Rows:
    try:
        import docx  # python-docx (MIT); optional: pip install 'asas[docx]'
    except ImportError as exc:
        raise ImportProblem(f"{path}: reading .docx needs python-docx "
                            "(pip install 'asas[docx]')") from exc
    try:
        document = docx.Document(path)
    except Exception as exc:   # python-docx raises several kinds for a file it cannot open
        raise ImportProblem(f"{path}: not a .docx file that can be read "
                            f"({type(exc).__name__})") from exc
    problems = []
    for t_index, table in enumerate(document.tables):
        grid = []
        for row in table.rows:
            cells, seen = [], set()
            for cell in row.cells:
                # a merged cell is repeated once per grid column it spans: keep it once
                if id(cell._tc) in seen:
                    continue
                seen.add(id(cell._tc))
                cells.append(cell.text)
            grid.append(cells)
        try:
            return _from_table(grid, f"{path} (table {t_index + 1})")
        except ImportProblem as exc:
            problems.append(str(exc))
    raise ImportProblem(problems[0] if problems else f"{path}: the document has no table")


def read_source(path: str) -> str:
    """The verbatim block's text from a source file, by its kind."""
    lower = path.lower()
    if lower.endswith(".docx"):
        return to_block(read_docx(path))
    with open(path, "rb") as f:
        raw = f.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportProblem(f"{path}: not UTF-8 text; save it as UTF-8") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if lower.endswith((".csv", ".tsv")):
        return to_block(read_csv(text, path))
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n") + "\n"


def to_block(rows: Rows) -> str:
    """Rows as the lines of a verbatim block: ``Code: dialog | technique``."""
    lines = []
    for speaker, dialog, technique in rows.rows:
        code = speaker.rstrip(":").strip()
        parts = [p.strip() for p in dialog.split("\n") if p.strip()] or [""]
        parts[-1] = parts[-1] + (f" | {technique.strip()}" if technique.strip() else "")
        lines.append(f"{code}: {parts[0]}".rstrip())
        lines.extend(f"    {p}" for p in parts[1:])
    return "\n".join(lines) + "\n"


# --- writing into the case file -----------------------------------------------------

def insert(case_text: str, session: int, block: str, replace: bool = False) -> str:
    """``case_text`` with ``block`` as ``sessions[session-1].verbatim``; every other line
    as it was.  Raises ImportProblem when the session is missing, or already has a
    verbatim and ``replace`` is not given."""
    newline = "\r\n" if "\r\n" in case_text else "\n"
    text = case_text.replace("\r\n", "\n")
    bom = text.startswith("\ufeff")
    if bom:
        text = text[1:]
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if not isinstance(root, yaml.MappingNode):   # empty, or not a mapping of keys
        raise ImportProblem("the case file has no list of sessions")
    sessions = next((v for k, v in root.value if k.value == "sessions"), None)
    if sessions is None or not isinstance(sessions, yaml.SequenceNode):
        raise ImportProblem("the case file has no list of sessions")
    if not 1 <= session <= len(sessions.value):
        raise ImportProblem(f"session {session} does not exist; the file has "
                            f"{len(sessions.value)} session(s)")
    node = sessions.value[session - 1]
    if not isinstance(node, yaml.MappingNode) or node.flow_style or not node.value:
        raise ImportProblem(f"session {session} is not written as a block mapping "
                            "(one field per line); add 'verbatim: |' by hand")
    lines = text.split("\n")
    indent = node.value[0][0].start_mark.column
    pad = " " * indent
    body = [f"{pad}verbatim: |"] + [(f"{pad}  {line}" if line.strip() else "")
                                    for line in block.rstrip("\n").split("\n")]
    existing = next(((k, v) for k, v in node.value if k.value == "verbatim"), None)
    if existing is not None:
        if not replace:
            raise ImportProblem(f"session {session} already has a verbatim (line "
                                f"{existing[0].start_mark.line + 1}); give --replace to "
                                "replace it")
        start = existing[0].start_mark.line
        end = _end_line(existing[1], lines)
        new_lines = lines[:start] + body + lines[end:]
    else:
        last_value = node.value[-1][1]
        end = _end_line(last_value, lines)
        new_lines = lines[:end] + body + lines[end:]
    out = "\n".join(new_lines)
    if bom:
        out = "\ufeff" + out
    return out.replace("\n", newline) if newline != "\n" else out


def _end_line(value_node, lines: list[str]) -> int:
    """The 0-based line after the last non-blank, non-comment line of a value."""
    mark = value_node.end_mark
    end = mark.line + (1 if mark.column > 0 else 0)
    block = isinstance(value_node, yaml.ScalarNode) and value_node.style in ("|", ">")
    while end > value_node.start_mark.line + 1 and (
            not lines[end - 1].strip() or (not block and not _content(lines[end - 1]))):
        end -= 1
    return max(end, value_node.start_mark.line + 1)


def _content(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def case_speakers(case_text: str):
    """The case's own speaker map, if it sets one (for reading the block first)."""
    try:
        data = yaml.safe_load(case_text)
        own = data["case"].get("verbatim_speakers")
    except Exception:   # the file is loaded properly later; this is only a first read
        return None
    if not isinstance(own, dict):
        return None
    return {k: tuple(v or ()) for k, v in own.items()}


def exists(path: str) -> bool:
    return os.path.isfile(path)
