"""A verbatim read from its own file (``verbatim tag``, ``verbatim import``, the
interview): the block, its turns and problems at the file's lines, and the title lines
that stood before the first turn.

A trainee's verbatim file rarely starts with its first turn: "VERBATIM KONSELING
INDIVIDUAL", "Hari/tanggal : Senin, 2 November 2026", "Konseli : A (XI IPS 2)" come
first, as the practicum's template has them. Inside a case file's block such lines are
errors (the block is the session's turns); in a file of its own they are the file's
heading, and are left out of the block, said, and never imported. Only where it is
plain (:func:`heading`): the heading starts at the first line, each of its lines that
no turn starts reads as a heading (in capitals, a field and its value, or a heading's
word: "verbatim", "sesi", "tanggal", "nama" ...) and none starts with a counselor's or
client's code; a first turn with its code forgotten (``selamat pagi``) or mistyped
(``Ko; Selamat pagi``) stays the error it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from asas.engine.i18n.messages import Msg
from asas.engine.verbatim.importer import at_file_lines, source_text
from asas.engine.verbatim.parse import CLIENT, COUNSELOR, DEFAULT_SPEAKERS, Parsed, parse


@dataclass
class Source:
    block: str             # the turns, as they go into the case file
    parsed: Parsed         # read with the case's speakers; lines the file's
    lines: list[int]       # the file line of each line of the block
    skipped: list[int] = field(default_factory=list)   # file lines of the heading left out

    def notes(self) -> list[Msg]:
        """What the reader is told of the reading (the heading left out), if anything."""
        if not self.skipped:
            return []
        one = len(self.skipped) == 1
        return [Msg.of("verbatim.heading_skipped_one" if one else "verbatim.heading_skipped",
                       lines=line_ranges(self.skipped))]


def read(path: str, raw: bytes | None = None, speakers: dict | None = None) -> Source:
    """The verbatim in ``path`` (``raw``: its bytes, read within the loader's bounds),
    read with ``speakers`` (a case's map; None: the default codes). Raises what
    importer.source_text raises."""
    block, lines, above_header = source_text(path, raw)
    read = from_text(block, lines, speakers)
    read.skipped = sorted(above_header + read.skipped)
    return read


def from_text(block: str, lines: list[int] | None = None,
              speakers: dict | None = None) -> Source:
    """A verbatim's text (``lines``: the file line of each of its lines; None: its own
    numbers, as for a verbatim pasted into the interview), its heading left out."""
    lines = lines if lines is not None else list(range(1, block.count("\n") + 2))
    parsed = parse(block, 1, 0, speakers)
    if parsed.problems:
        cut = heading(block, parsed, speakers)
        if cut:
            written = block.split("\n")
            skipped = [n for n, text in zip(lines, written[:cut]) if text.strip()]
            while cut < len(written) - 1 and not written[cut].strip():
                cut += 1                  # nor the blank lines between it and the turns
            block, lines = "\n".join(written[cut:]), lines[cut:]
            return Source(block, at_file_lines(parse(block, 1, 0, speakers), lines), lines,
                          skipped)
    return Source(block, at_file_lines(parsed, lines), lines)


_FIRST_WORD = re.compile(r"\s*(?:[-•*]\s*)?(?:\d+\s*[.)]?\s*)?([^\W\d_]+)")
_REFUSED = ("verbatim.no_speaker", "verbatim.unknown_speaker")


def heading(block: str, parsed: Parsed, speakers: dict | None) -> int:
    """How many of the block's first lines are a heading to leave out (0: none).

    The heading starts at the block's first line, which no turn can start; it goes on
    through more such lines, blank lines, and short lines that read as a turn but fill
    in a field of the heading ("Konseli : A (XI IPS 2)", "Konselor : Rina"), as long as
    a blank line ends those and their codes are not the dialog's. It stops at the first
    line of dialog."""
    text = block.split("\n")
    refused = {p.line for p in parsed.problems if p.msg.code in _REFUSED}
    starts = {t.line: t for t in parsed.turns}
    table = speakers if speakers is not None else DEFAULT_SPEAKERS
    roles = {code.split()[0].lower() for role in (COUNSELOR, CLIENT)
             for code in table.get(role, ()) or () if code.split()}
    end = 0                        # the heading's last line
    fields: list[int] = []         # the field lines after it, a blank line not yet seen
    for n, line in enumerate(text, 1):
        if not line.strip():
            if fields:
                dialog = {t.code.lower() for t in parsed.turns if t.line > n}
                if any(starts[f].code.lower() in dialog for f in fields):
                    break
                end, fields = n - 1, []
        elif n in starts:
            if not (end and _a_field(starts[n])):
                break
            fields.append(n)
        elif fields:               # a field's second line: dialog after all
            break
        else:
            # a line no turn starts (refused, or read with the refused line above it)
            word = _FIRST_WORD.match(line)
            if (word and word.group(1).lower() in roles) or not _a_heading(line):
                return 0           # a turn mistyped, or dialog with its code forgotten
            end = n
    if not (end and refused and min(refused) <= end):
        return 0
    if not any(t.speaker in (COUNSELOR, CLIENT) for t in parsed.turns if t.line > end):
        return 0
    return end


def _a_field(turn) -> bool:
    """A turn that may be a field of the heading: one short line, no sentence."""
    return (len(turn.lines) == 1 and turn.words <= 6
            and not turn.text.rstrip().endswith((".", "?", "!")))


# what a verbatim's heading says: its title, the session, the date, the place, who
_HEADING_WORDS = re.compile(
    r"\b(?:verbatim|transkrip\w*|sesi|pertemuan|konseling|tanggal|hari|waktu|tempat|"
    r"nama|kelas|topik|masalah|inisial|umur|usia|pukul|jam|judul|lampiran|laporan|"
    r"session|transcript|counsel+ing|date|time|place|name)\b", re.IGNORECASE)
_FIELD = re.compile(r"[^:.!?]{1,40}:")      # "Hari/tanggal : Senin", "Konseli: A"


def _a_heading(text: str) -> bool:
    """Whether a line no turn starts reads as a heading's (``selamat pagi`` with its
    code forgotten does not)."""
    text = text.strip()
    return ((any(c.isalpha() for c in text) and text == text.upper())
            or bool(_HEADING_WORDS.search(text)) or bool(_FIELD.match(text)))


def line_ranges(numbers: list[int]) -> str:
    """``[1, 2, 3, 5]`` -> ``"1–3, 5"``."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in runs)
