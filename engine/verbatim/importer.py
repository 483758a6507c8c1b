"""`asas verbatim import`: a verbatim from a text file, a CSV or a .docx table, written
into one session of a case file, every other byte of the file as it was.

Sources (the three layouts trainees use):
- plain text: the turns as they would stand in the block (``Ko: ...``, tab rows ...);
- CSV: a header row naming the speaker, dialog and technique columns (Indonesian or
  English names; ``,`` ``;`` or tab separated, as spreadsheets export them);
- .docx: the first table whose header row names those columns (python-docx); a
  document with no such table, its paragraphs, read as plain text.
- .xlsx: the first sheet whose header row (among its first five) names those columns
  (openpyxl, read-only);
- a .doc, .odt, .pdf, .xls ...: refused, with what to save it as.

The block is read as ``asas check`` reads it before anything is written, and the case
file with it is loaded again: what would not load is reported, and nothing is written.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
import zipfile
from dataclasses import dataclass, field, replace

import yaml

from asas.engine.i18n.messages import MessageError, Msg
from asas.engine.verbatim.columns import columns, is_header, paired
from asas.engine.verbatim.parse import Parsed


class ImportProblem(MessageError):
    """What stops an import: an ``import.`` message (engine/i18n/messages.py) that names
    the file and, where known, the line; ``text(lang)`` in the reader's language."""


@dataclass
class Rows:
    """Turns as (speaker, dialog, technique) and where each came from (for messages)."""
    rows: list[tuple[str, str, str]]
    source: object        # the file (or "FILE (table N)", a message) it came from
    # the line of the file each turn starts on (a .docx table: its row), so that what is
    # wrong with a turn is reported where the trainee edits it
    lines: list[int] = field(default_factory=list)
    # the lines (rows) before the header row that were not blank: a title row, the date,
    # the client's initials, as a template puts them above its table; left out, and said
    skipped: list[int] = field(default_factory=list)


def _from_table(table: list[list[str]], source, lines: list[int] | None = None) -> Rows:
    """``lines``: the file line each row of ``table`` starts on (default: its number)."""
    lines = lines or list(range(1, len(table) + 1))
    for start, header in enumerate(table[:5]):
        cols = columns(header)
        if cols:
            break
        both = paired(header)
        if both:
            break
    else:
        raise ImportProblem(Msg.of("import.no_header", source=source))
    skipped = [line for row, line in zip(table[:start], lines[:start])
               if any(cell.strip() for cell in row)]
    if cols is None:        # then the header gives each role a column
        return _from_paired(table[start:], lines[start:], both or {}, source, skipped)
    rows: list[tuple[str, str, str]] = []
    starts: list[int] = []
    for row, line in zip(table[start + 1:], lines[start + 1:]):
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
        starts.append(line)
    return Rows(rows, source, starts, skipped)


def _from_paired(table: list[list[str]], lines: list[int], cols: dict, source,
                 skipped: list[int]) -> Rows:
    """A table whose header (``table[0]``) gives each role a column (columns.paired): a
    row is the turn of the left column's role, then the other's, each at the row's line;
    the codes are the header's where they are the default map's (``Konselor``), else
    ``Ko`` and ``Ki``.  The technique is the counselor's."""
    from asas.engine.verbatim.parse import DEFAULT_SPEAKERS
    known = {c.lower() for codes in DEFAULT_SPEAKERS.values() for c in codes}
    header = table[0]

    def code(role: str, default: str) -> str:
        written = " ".join(header[cols[role]].split()).strip(" :.")
        return written if written.lower() in known else default
    order = sorted(("counselor", "client"), key=cols.__getitem__)
    codes = {"counselor": code("counselor", "Ko"), "client": code("client", "Ki")}
    def get(row: list[str], key: str) -> str:
        return row[cols[key]].strip() if key in cols and cols[key] < len(row) else ""
    rows: list[tuple[str, str, str]] = []
    starts: list[int] = []
    for row, line in zip(table[1:], lines[1:]):
        for role in order:
            said = get(row, role)
            if said:
                technique = get(row, "technique") if role == "counselor" else ""
                rows.append((codes[role], said, technique))
                starts.append(line)
    return Rows(rows, source, starts, skipped)


def read_csv(data: str, source: str) -> Rows:
    try:
        dialect = csv.Sniffer().sniff(data[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(data), dialect)
    table, lines, before = [], [], 0
    for row in reader:           # a quoted cell may hold line breaks: a row's first line
        table.append(row)
        lines.append(before + 1)
        before = reader.line_num
    return _from_table(table, source, lines)


def read_docx(path: str, raw: bytes | None = None) -> Rows | str:
    """The first table whose header row names the columns; else, when the document has
    no such table, its paragraphs' text, one line each (a line break within a paragraph
    too): a verbatim written as ``Ko: ...`` paragraphs, read as a text file is."""
    try:
        import docx  # python-docx (MIT); optional: pip install 'asas[docx]'
    except ImportError as exc:
        raise ImportProblem(Msg.of("import.needs_docx", source=path)) from exc
    within_unzipped(path, raw)
    try:
        document = docx.Document(path if raw is None else io.BytesIO(raw))
    except Exception as exc:   # python-docx raises several kinds for a file it cannot open
        raise ImportProblem(Msg.of("import.bad_docx", source=path,
                                   why=type(exc).__name__)) from exc
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
            return _from_table(grid, Msg.of("import.table", path=path, n=t_index + 1))
        except ImportProblem as exc:
            problems.append(exc.msg)
    text = "\n".join(p.text for p in document.paragraphs)
    if _SAID.search(text):
        return text
    raise ImportProblem(problems[0] if problems else Msg.of("import.no_table", source=path))


# what a .docx or .xlsx may hold unpacked: a zip of a few KiB can unpack to gigabytes,
# which python-docx and openpyxl's shared strings would read into memory whole
UNZIPPED_MIB = 64
_ZIP_MEMBERS = 5000
SHEET_ROWS = 10_000          # rows of a sheet read at most (a verbatim has a few hundred)
SHEET_COLUMNS = 20


def within_unzipped(path: str, raw: bytes | None, limit_mib: int = UNZIPPED_MIB) -> None:
    """Raise ImportProblem when the zip ``raw`` (or at ``path``) would unpack to more than
    ``limit_mib`` MiB or holds very many members; a file that is no zip is left to the
    reader (which says so)."""
    try:
        with zipfile.ZipFile(path if raw is None else io.BytesIO(raw)) as z:
            members = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return
    size = sum(m.file_size for m in members)
    if size > limit_mib * 1024 * 1024 or len(members) > _ZIP_MEMBERS:
        raise ImportProblem(Msg.of("import.unzipped_too_big", source=path,
                                   size=size // (1024 * 1024), limit=limit_mib))


def _cell(value) -> str:
    """A spreadsheet cell as the text it shows: a whole number without '.0'."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_xlsx(path: str, raw: bytes | None = None) -> Rows:
    """The first sheet whose header row names the columns (as a CSV's), each turn at its
    row as Excel numbers it."""
    within_unzipped(path, raw)
    import openpyxl  # MIT; installed with asas (the .xlsx gradebook)
    try:
        book = openpyxl.load_workbook(path if raw is None else io.BytesIO(raw),
                                      read_only=True, data_only=True)
    except Exception as exc:   # openpyxl raises several kinds for a file it cannot open
        raise ImportProblem(Msg.of("import.bad_xlsx", source=path,
                                   why=type(exc).__name__)) from exc
    problems = []
    try:
        for sheet in book.worksheets:
            grid = [[_cell(v) for v in row[:SHEET_COLUMNS]]
                    for row in sheet.iter_rows(min_row=1, max_row=SHEET_ROWS,
                                               values_only=True)]
            try:
                return _from_table(grid, Msg.of("import.sheet", path=path, name=sheet.title))
            except ImportProblem as exc:
                problems.append(exc.msg)
    finally:
        book.close()
    raise ImportProblem(problems[0] if problems else Msg.of("import.no_header", source=path))


# kinds of file a trainee may have the verbatim in that no reader here reads: named, with
# what to save them as, rather than read as text and refused line by line
UNSUPPORTED = {".doc": "Word 97–2003 (.doc)", ".odt": "OpenDocument (.odt)",
               ".rtf": "RTF", ".pdf": "PDF", ".xls": "Excel 97–2003 (.xls)",
               ".ods": "OpenDocument (.ods)", ".pages": "Pages", ".numbers": "Numbers"}


# a line that may start a turn ("Ko: ...", "Konselor\t: ..."): a document whose paragraphs
# have one is read as text when none of its tables is a verbatim's
_SAID = re.compile(r"^[ \t]*\S[^:\n]{0,40}:", re.MULTILINE)


def source_text(path: str, raw: bytes | None = None) -> tuple[str, list[int], list[int]]:
    """The verbatim block's text from a source file, by its kind (``raw``: its bytes,
    read by the caller within the loader's bounds; None: read here), the line of the
    file each of the block's lines comes from (for a .docx table, the row; for a .docx
    written in paragraphs, the paragraph's line counted from the first), so that a turn's
    line and a problem's are the file's, and the lines of a table left out above its
    header row (a text's heading is source.from_text's to find)."""
    lower = path.lower()
    if lower.endswith(".docx"):
        read = read_docx(path, raw)
        return _block(read) if isinstance(read, Rows) else _text(read, path)
    if lower.endswith((".xlsx", ".xlsm")):
        return _block(read_xlsx(path, raw))
    kind = UNSUPPORTED.get(os.path.splitext(lower)[1])
    if kind is not None:
        raise ImportProblem(Msg.of("import.unsupported", source=path, kind=kind))
    if raw is None:
        with open(path, "rb") as f:
            raw = f.read()
    # Excel's and Notepad's "Unicode text" is UTF-16 with its byte order mark
    encoding = "utf-16" if raw[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) \
        else "utf-8-sig"
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError:
        raise ImportProblem(Msg.of("import.not_utf8", source=path)) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if lower.endswith((".csv", ".tsv")):
        return _block(read_csv(text, path))
    return _text(text, path)


def _text(text: str, path: str) -> tuple[str, list[int], list[int]]:
    lines = text.split("\n")
    if _tab_table(lines):
        # a table copied from a word processor or a spreadsheet into a text file:
        # tab-separated, its header row first; its cells as they stand (no CSV quoting)
        written = [(n, line) for n, line in enumerate(lines, 1) if line.strip()]
        return _block(_from_table([line.split("\t") for _, line in written], path,
                                  [n for n, _ in written]))
    block = "\n".join(line.rstrip() for line in lines)
    dropped = len(block) - len(block.lstrip("\n"))
    block = block.strip("\n") + "\n"
    return block, list(range(dropped + 1, dropped + 1 + block.count("\n"))), []


def _block(rows: Rows) -> tuple[str, list[int], list[int]]:
    """to_block's text, the file line (or row) of each of its lines (a turn's
    continuation lines, a cell of several lines, are its row's), and the rows skipped."""
    block = to_block(rows)
    lines: list[int] = []
    turn = -1
    for text in block.split("\n")[:-1]:
        turn += not text.startswith("    ")
        lines.append(rows.lines[turn] if 0 <= turn < len(rows.lines) else 1)
    return block, lines, rows.skipped


def table_block(table: list[list[str]], lines: list[int]) -> tuple[str, list[int]]:
    """A table's rows (``lines``: the file line of each) as a verbatim block and the
    file line of each of its lines; raises ImportProblem when no row names columns."""
    block, block_lines, _ = _block(_from_table(table, "", lines))
    return block, block_lines


def at_file_lines(parsed: Parsed, lines: list[int]) -> Parsed:
    """``parsed``, read from a block source_text made (its first line 1), with every
    turn's and problem's line the file's (``lines``: source_text's second value)."""
    def line(n: int) -> int:
        return lines[n - 1] if 0 < n <= len(lines) else n
    for turn in parsed.turns:
        turn.line = line(turn.line)
        turn.lines = [(line(n), raw) for n, raw in turn.lines]
    return Parsed(parsed.turns, [replace(p, line=line(p.line)) for p in parsed.problems])


def _tab_table(lines: list[str]) -> bool:
    """Whether a text file is a tab-separated table with a header row (among its first
    five lines that are not blank)."""
    written = [line for line in lines if line.strip()][:5]
    return any("\t" in line and (is_header(line.split("\t")) or paired(line.split("\t")))
               for line in written)


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
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        raise ImportProblem(Msg.of("import.case_not_yaml")) from None
    if not isinstance(root, yaml.MappingNode):   # empty, or not a mapping of keys
        raise ImportProblem(Msg.of("import.no_sessions"))
    sessions = next((v for k, v in root.value if k.value == "sessions"), None)
    if sessions is None or not isinstance(sessions, yaml.SequenceNode):
        raise ImportProblem(Msg.of("import.no_sessions"))
    if not 1 <= session <= len(sessions.value):
        raise ImportProblem(Msg.of("import.no_session", n=session, m=len(sessions.value)))
    node = sessions.value[session - 1]
    if not isinstance(node, yaml.MappingNode) or node.flow_style or not node.value:
        raise ImportProblem(Msg.of("import.not_block", n=session))
    lines = text.split("\n")
    indent = node.value[0][0].start_mark.column
    pad = " " * indent
    body = [f"{pad}verbatim: |"] + [(f"{pad}  {line}" if line.strip() else "")
                                    for line in block.rstrip("\n").split("\n")]
    existing = next(((k, v) for k, v in node.value if k.value == "verbatim"), None)
    if existing is not None:
        key = existing[0].start_mark
        start = key.line
        # what stands before the key on its line: the indentation, and the session's
        # "- " when the verbatim is its first field
        body[0] = lines[start][:key.column] + body[0].lstrip(" ")
    if existing is not None and _empty(existing[1]):
        # ``verbatim:`` left empty (as asas init writes it): filled in place, the
        # comment on its line kept after the block's ``|``
        comment = lines[start][existing[1].end_mark.column:].strip() \
            if existing[1].end_mark.line == start else ""
        if comment.startswith("#"):
            body[0] += "  " + comment
        new_lines = lines[:start] + body + lines[start + 1:]
    elif existing is not None:
        if not replace:
            raise ImportProblem(Msg.of("import.has_verbatim", n=session,
                                       line=start + 1))
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


def _empty(value_node) -> bool:
    """A value that records no verbatim: nothing, ``~``, ``null`` or blank text."""
    return isinstance(value_node, yaml.ScalarNode) and (
        value_node.tag == "tag:yaml.org,2002:null" or not value_node.value.strip())


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
