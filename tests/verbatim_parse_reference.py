"""The verbatim reader as it was before issue 13's speed work (engine/verbatim/parse.py at
d3ff826), kept unchanged as the reference tests/test_verbatim_tag_same.py reads with:
the new reader must give the same turns and problems.  Do not edit it to make that test
pass.

A change of *what* is read or reported (not of how fast) is made here and in parse.py
alike, and listed here, so that the test still catches only what the fast reader does
differently:
- 2026-12-03, evening (trying the tool as a trainee, issue 13), what trainees paste:
  - a table's header row before the first turn (``No<TAB>Pembicara<TAB>Dialog``) is no
    turn (columns.is_header);
  - a colon after the code aligned by a tab stop (``Konselor<TAB>: ...``, or in a cell
    of its own) is the code's;
  - a list's bullet before the code (``- Ko: ...``, ``• Ki: ...``) is no part of it, and
    a known code's words glued to its colon (``KO:Selamat pagi``) start a turn;
  - ``Guru BK`` is one of the default counselor codes, and the basic skills' names in
    the Indonesian textbooks (``menangkap pesan utama``, ``menjernihkan`` ...) are labels,
    and a label of a skill no code stands for (``diam``, ``memfokuskan``) says what to
    write instead (UNCODED);
  - a block with no counselor (or no client) turn says which speakers it read and names
    one as the example for case.verbatim_speakers (_no_role).
- 2026-12-04 (trying the tool as a trainee, issue 13), engine/verbatim/starts.py,
  shared (no fast path is in it): a bracket between a known code and its colon
  (``Konselor (Ko):``, ``Konselor (tersenyum):``) is rewritten before reading; a block
  a first reading finds problems in is read a second time with ``Ko 1:`` (the turn
  numbered after its code) and a chat export's dates and times rewritten, kept when it
  leaves fewer lines unread, or as many and fewer problems (parse._worse).
- 2026-12-04, later (trying the tool as a trainee, issue 13): the labels written as the
  turn's last note, ``(Teknik: refleksi perasaan)`` (or ``Technique:``, ``Label:``,
  ``Keterampilan:``, ``Skill:``, ``Teknik konseling:``), where the turn has no `` | ``,
  are its labels, read (and refused) as after `` | ``.
- 2026-12-04, evening (issue 13), starts.py, shared: the second reading takes a
  recording's times off too (``[00:00:05] Ko: ...``; ``00:00:05 Speaker 1`` on a line
  of its own, the words below), where no chat's dates are in the block; ``Konseli
  (K):`` (an abbreviation that is the map's code of another role) is read by the name;
  the labels in square brackets at the turn's end (``[pertanyaan terbuka]``), where
  every part of them names a technique."""
# ruff: noqa
# mypy: ignore-errors
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from asas.engine.i18n.messages import English, Msg
from asas.engine.verbatim.columns import is_header
# what the reader reports of a block with no counselor (or client) turn and of a
# label no code stands for: shared with parse.py, as no fast path is in either
from asas.engine.verbatim.parse import UNCODED, _no_role, _worse
from asas.engine.verbatim.starts import bracketed, second_reading

COUNSELOR, CLIENT, OTHER = "counselor", "client", "other"

DEFAULT_SPEAKERS = {
    COUNSELOR: ("Ko", "K", "Kr", "Kons", "Konselor", "Guru", "GBK", "Guru BK", "Praktikan"),
    CLIENT: ("Ki", "Kl", "S", "Konseli", "Klien", "Siswa", "Mahasiswa"),
}

# the technique codes (spec/verbatim.md) and the marks tagged like them
TECHNIQUES = (
    "attending", "structuring", "open_question", "closed_question", "minimal_encouragement",
    "paraphrase", "reflection_of_feeling", "clarification", "summarizing", "interpretation",
    "confrontation", "information_giving", "advice", "directive_instruction", "reinforcement",
    "self_disclosure", "goal_setting", "homework", "evaluation", "role_play")
MARKS = ("judgmental", "pressure")
CODES = TECHNIQUES + MARKS

# label aliases a trainee writes, Indonesian and English (lower case, spaces)
_ALIASES = {
    "attending": ["perhatian", "attending behavior", "attending behaviour", "sikap menghampiri",
                  "salam", "penerimaan", "acceptance", "greeting", "rapport", "raport",
                  "pembinaan raport", "membangun raport", "perilaku attending",
                  "sikap attending"],
    "structuring": ["penstrukturan", "strukturing", "struktur", "structure", "pembukaan",
                    "opening", "penutupan", "penutup", "closing", "kontrak", "kontrak waktu",
                    "strukturisasi", "mengakhiri", "mengakhiri konseling", "menutup sesi"],
    "open_question": ["pertanyaan terbuka", "bertanya terbuka", "open question",
                      "open-ended question", "eksplorasi", "exploration", "probing",
                      "bertanya untuk membuka percakapan", "open ended", "eksplorasi perasaan",
                      "eksplorasi pengalaman", "eksplorasi pikiran", "eksplorasi ide"],
    "closed_question": ["pertanyaan tertutup", "bertanya tertutup", "closed question",
                        "close question"],
    "minimal_encouragement": ["dorongan minimal", "dorongan minimum", "minimal encouragement",
                              "minimal encourager", "minimal encouragers", "encouragement",
                              "dorongan"],
    "paraphrase": ["parafrase", "parafrasa", "paraphrasing", "refleksi isi",
                   "reflection of content", "pemantulan isi", "restatement", "pengulangan",
                   "menangkap pesan utama", "pesan utama", "refleksi pengalaman"],
    "reflection_of_feeling": ["refleksi perasaan", "reflection of feelings", "reflection",
                              "refleksi", "pemantulan perasaan", "empati", "empathy",
                              "memantulkan perasaan"],
    "clarification": ["klarifikasi", "clarifying", "penjelasan", "menjernihkan", "clarify"],
    "summarizing": ["penyimpulan", "ringkasan", "merangkum", "rangkuman", "summary",
                    "summarization", "summarising", "menyimpulkan", "kesimpulan",
                    "menyimpulkan sementara", "penyimpulan sementara", "kesimpulan sementara"],
    "interpretation": ["penafsiran", "interpretasi", "interpreting", "menafsirkan"],
    "confrontation": ["konfrontasi", "confronting"],
    "information_giving": ["pemberian informasi", "informasi", "information",
                           "memberi informasi", "giving information", "informing",
                           "memberikan informasi"],
    "advice": ["nasihat", "nasehat", "saran", "pemberian nasihat", "pemberian saran",
               "advising", "memberi saran", "memberi nasihat", "memberikan nasihat",
               "menasihati", "memberikan saran"],
    "directive_instruction": ["pengarahan", "perintah", "directive", "instruction", "instruksi",
                              "direktif", "directing", "mengarahkan"],
    "reinforcement": ["penguatan", "pujian", "praise", "reward", "dukungan", "support",
                      "penguatan positif", "positive reinforcement", "memberi penguatan",
                      "memberikan penguatan"],
    "self_disclosure": ["pengungkapan diri", "pengungkapan diri konselor", "self disclosure",
                        "keterbukaan diri"],
    "goal_setting": ["perumusan tujuan", "penetapan tujuan", "goal setting", "goals",
                     "merumuskan tujuan"],
    "homework": ["pemberian tugas", "tugas rumah", "tugas", "pekerjaan rumah", "assignment"],
    "evaluation": ["penilaian", "evaluasi", "laiseg", "penilaian segera"],
    "role_play": ["permainan peran", "bermain peran", "role playing", "roleplay", "sosiodrama"],
    "judgmental": ["menghakimi", "penghakiman", "judging"],
    "pressure": ["tekanan", "menekan", "ancaman", "paksaan", "threat"],
}
LABEL_ALIASES: dict[str, str] = {}
for _code in CODES:
    LABEL_ALIASES[_code] = _code
    LABEL_ALIASES[_code.replace("_", " ")] = _code
    for _alias in _ALIASES.get(_code, ()):
        LABEL_ALIASES[_alias] = _code


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a verbatim block: where, and what as a message code
    (``verbatim.`` in engine/i18n/messages.py)."""
    line: int
    column: int
    msg: Msg
    quoted: tuple[str, ...] = ()   # text of the file the message quotes (for redaction)

    @property
    def message(self) -> English:
        """The English text (which still knows its code: ``error_text(p.message, 'id')``)."""
        return English(self.msg)

    def text(self, lang: str = "en") -> str:
        return self.msg.text(lang)


@dataclass
class Turn:
    index: int                 # 1-based, every turn of the session
    line: int                  # where the turn starts in the file
    column: int
    speaker: str               # counselor | client | other
    code: str                  # the speaker code as written
    text: str                  # what was said: notes, number, code and labels removed
    notes: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()       # the trainee's labels, as codes
    number: int | None = None          # the turn number written, if any
    words: int = 0
    lines: list = field(default_factory=list)   # (line, raw text) of every line of the turn

    @property
    def said(self) -> str:
        """The turn as written (notes included), one line, for quoting."""
        return " ".join(raw.strip() for _, raw in self.lines)


@dataclass
class Parsed:
    turns: list[Turn]
    problems: list[Problem]


_NUMBER = r"(?:(?P<num>\d{1,4})\s*[.):]?\s+)?"
_CODE = r"(?P<code>[A-Za-z][\w'.\-]*(?:\s(?:[A-Z0-9][\w'.\-]*))?)"
_BULLET = r"(?:[-•*–·]\s+)?"
_TURN = re.compile(r"^(?P<lead>\s*)" + _BULLET + _NUMBER + _CODE + r"\s*:(?:\s|$)")
_GLUED = re.compile(r"^(?P<lead>\s*)" + _BULLET + _NUMBER + _CODE + r":(?=[^\s/:])")
_TAB_NUM = re.compile(r"^\d{1,4}[.)]?$")
_NOTE = re.compile(r"\(([^()]*)\)")
_WORD = re.compile(r"[^\W_]", re.UNICODE)
_LABEL_SPLIT = re.compile(r"\s*(?:,|;|/|&|\+|\bdan\b|\band\b)\s*")


# from the start of a whitespace token to its first letter or digit: one match a token
# that has one (``\\S`` is exactly what str.split() keeps)
_WORDY = re.compile(r"(?<!\S)\S*?[^\W_]")


def count_words(text: str) -> int:
    """Whitespace tokens with a letter or a digit in them (spec/verbatim.md)."""
    return len(_WORDY.findall(text))


def normalise_label(label: str) -> str | None:
    key = re.sub(r"[\s_\-]+", " ", label.strip().lower()).strip(" .")
    return LABEL_ALIASES.get(key)


def _speaker_index(speakers: dict | None) -> tuple[dict[str, str], bool]:
    """Code (lower case) -> role, and whether the map is the case's own."""
    own = speakers is not None
    table = speakers if speakers is not None else DEFAULT_SPEAKERS   # own
    index = {}
    for role in (COUNSELOR, CLIENT, OTHER):
        for code in table.get(role, ()) or ():
            index[code.strip().lower()] = role
    return index, own


def parse(text: str, first_line: int = 1, indent: int = 0, speakers: dict | None = None,
          check_labels: bool = True) -> Parsed:
    """The block read as parse.py reads it: a bracket after a known code rewritten
    first (``Konselor (Ko):``, ``Konselor (tersenyum):``), and a block with problems read
    a second time with its turns numbered after their codes (``Ko 1:``)."""
    index = _speaker_index(speakers)[0]
    if "(" in text:
        text = bracketed(text, index) or text
    parsed = _parse_once(text, first_line, indent, speakers, check_labels)
    if parsed.problems:
        again = second_reading(text, index)
        if again is not None:
            second = _parse_once(again, first_line, indent, speakers, check_labels)
            if _worse(parsed) > _worse(second):
                return second
    return parsed


def _parse_once(text: str, first_line: int = 1, indent: int = 0,
                speakers: dict | None = None, check_labels: bool = True) -> Parsed:
    """The turns of one verbatim block.

    ``first_line`` is the file line of the block's first line, ``indent`` the number of
    columns YAML stripped from each line; ``speakers`` the case's own map
    ``{counselor: [...], client: [...], other: [...]}`` or None for the default map.
    """
    index, own = _speaker_index(speakers)
    turns: list[Turn] = []
    problems: list[Problem] = []
    base_lead: int | None = None
    current: Turn | None = None
    pending: list[tuple[int, int, str]] = []   # (line, col, raw) before any turn

    for offset, raw in enumerate(text.split("\n")):
        line_no = first_line + offset
        if not raw.strip():
            continue
        if not turns and not pending and "\t" in raw and is_header(raw.split("\t")):
            continue
        start = _start_of_turn(raw, index, own, base_lead)
        if start is None:
            if current is None:
                pending.append((line_no, indent + 1 + len(raw) - len(raw.lstrip()), raw))
            else:
                current.lines.append((line_no, raw))
            continue
        kind, lead, num, code, role, rest, tab_label = start
        if role is None:
            col = indent + 1 + lead
            choices = sorted({c for c in index}, key=str.lower)
            hint = difflib.get_close_matches(code.lower(), choices, n=1, cutoff=0.5)
            shown = repr(code[:20])
            extra = Msg.of("verbatim.hint", name=_orig(hint[0], speakers)) if hint else ""
            problems.append(Problem(line_no, col,
                                    Msg.of("verbatim.unknown_speaker", speaker=shown, hint=extra),
                                    (shown,)))
            current = None
            continue
        if base_lead is None:
            base_lead = lead
        current = Turn(index=len(turns) + 1, line=line_no, column=indent + 1 + lead,
                       speaker=role, code=code, text="",
                       number=int(num) if num else None)
        current.lines.append((line_no, rest))
        if tab_label is not None:
            current.lines[-1] = (line_no, rest + " | " + tab_label)
        turns.append(current)

    for line_no, col, raw in pending[:1]:
        problems.append(Problem(line_no, col, Msg.of("verbatim.no_speaker")))
    for turn in turns:
        problems.extend(_finish(turn, indent, check_labels))
    if turns and not any(t.speaker == COUNSELOR for t in turns):
        problems.append(_no_role(turns, COUNSELOR))
    if turns and not any(t.speaker == CLIENT for t in turns):
        problems.append(_no_role(turns, CLIENT))
    if not turns and not pending:
        problems.append(Problem(first_line, indent + 1, Msg.of("verbatim.empty")))
    return Parsed(turns, problems)


def _orig(code_lower: str, speakers: dict | None) -> str:
    table = speakers if speakers is not None else DEFAULT_SPEAKERS
    for codes in table.values():
        for c in codes or ():
            if c.strip().lower() == code_lower:
                return c.strip()
    return code_lower


def _start_of_turn(raw: str, index: dict, own: bool, base_lead: int | None):
    """(kind, lead, number, code, role, rest, tab label) when the line starts a turn."""
    if "\t" in raw:
        cells = [c.strip() for c in raw.split("\t")]
        lead = len(raw) - len(raw.lstrip())
        if cells and cells[0] == "":
            cells = cells[1:]
        num = None
        if len(cells) >= 3 and _TAB_NUM.match(cells[0]):
            num, cells = cells[0].rstrip(".)"), cells[1:]
        if len(cells) >= 2 and cells[1][:1] == ":":
            said = cells[1][1:].strip()
            cells = [cells[0], said, *cells[2:]] if said else [cells[0], *cells[2:]]
        if len(cells) >= 2:
            code = cells[0].rstrip(":").strip()
            role, attached = _role_of(code, index)
            if role is not None or (code and not own and _looks_like_code(code)):
                label = cells[2] if len(cells) >= 3 and cells[2] else None
                rest = cells[1] if len(cells) < 4 else " ".join(cells[1:2])
                return ("tab", lead, num or attached, code, role or OTHER, rest, label)
    m = _TURN.match(raw)
    glued = m is None
    if glued:
        m = _GLUED.match(raw)
        if not m:
            return None
    code = m.group("code")
    lead = len(m.group("lead"))
    role, attached = _role_of(code, index)
    if role is None:
        if glued:
            return None
        # a line indented deeper than the turns continues one ("Terus: ...", "Bu Sri bilang:")
        if base_lead is not None and lead > base_lead:
            return None
        if not _looks_like_code(code):
            return None
        if not own:
            role = OTHER
    return ("colon", lead, m.group("num") or attached, code, role, raw[m.end():], None)


# a turn number attached to a speaker code, as many transcripts number turns: Ko1, Ki-12, K.3
_ATTACHED = re.compile(r"^(?P<code>.*?[^\W\d_])[.\-]?(?P<num>\d{1,4})$")


def _role_of(code: str, index: dict) -> tuple[str | None, str | None]:
    """The role of a speaker code, and the turn number attached to it (``Ki12``: the
    client, 12) when only the code without it is in the map; ``Ko 2``, with a space, is a
    code of its own (in some templates the second konseli)."""
    role = index.get(code.lower())
    if role is not None:
        return role, None
    m = _ATTACHED.match(code)
    if m is not None:
        role = index.get(m.group("code").lower())
        if role is not None:
            return role, m.group("num")
    return None, None


def _looks_like_code(code: str) -> bool:
    """A speaker code: a capitalised word (``Ayah``, ``Teman 2``), not a sentence's start."""
    first = code.split()[0]
    return first[:1].isupper() and len(code) <= 20 and first.lower() not in _NOT_CODES


# words a continuation line may start with before a colon, never speaker codes
_NOT_CODES = {"jadi", "terus", "lalu", "misalnya", "contoh", "catatan", "yaitu", "yakni",
              "pertama", "kedua", "ketiga", "intinya", "kesimpulan", "note", "kata", "tanya",
              "jawab", "pesan", "judul", "tujuan",
              "nah", "ya", "oke", "ok", "gini", "begini", "pokoknya"}


def _finish(turn: Turn, indent: int, check_labels: bool) -> list[Problem]:
    problems = []
    joined = " ".join(part.strip() for _, part in turn.lines)
    labels: list[str] = []
    cut = joined.rfind(" | ")
    if cut < 0 and joined.startswith("| "):
        cut = -1
        body, label_text = "", joined[2:]
    elif cut >= 0:
        body, label_text = joined[:cut], joined[cut + 3:]
    else:
        body, label_text = joined, None
    if joined.endswith(" |"):
        body, label_text = joined[:-2], None
    label_at = " | "
    if label_text is None:
        # the labels as the turn's last note: "(Teknik: refleksi perasaan)"
        noted = re.search(r"\((?i:\s*(?:teknik\s+konseling|teknik|technique|label|keterampilan"
                          r"|skill)\s*[:=])([^()]*)\)\s*$", body)
        if noted:
            body, label_text, label_at = body[:noted.start()], noted.group(1), "("
        # or in square brackets at its end, where every part names a technique
        squared = re.search(r"\[([^\[\]]*)\]\s*$", body)
        if not noted and squared:
            parts = [p for p in _LABEL_SPLIT.split(squared.group(1).strip()) if p]
            if parts and all(normalise_label(p) is not None for p in parts):
                body, label_text = body[:squared.start()], squared.group(1)
    if label_text is not None:
        label_line = _line_of(turn, label_at)
        for part in _LABEL_SPLIT.split(label_text.strip()):
            if not part:
                continue
            code = normalise_label(part)
            if code is None:
                if check_labels:
                    hint = difflib.get_close_matches(part.strip().lower(), list(LABEL_ALIASES),
                                                     n=1, cutoff=0.6)
                    shown = repr(part.strip()[:30])
                    # the name closest to what was written, in its language ('refleksi
                    # perasaan' for 'refleksi prasaan'), not the code behind it
                    extra = Msg.of("verbatim.hint", name=hint[0]) if hint else ""
                    uncoded = UNCODED.get(" ".join(part.strip().lower().split()))
                    if uncoded is not None:      # a skill the textbooks name, with no code
                        extra = Msg.of(uncoded)
                    problems.append(Problem(label_line, turn.column,
                                            Msg.of("verbatim.bad_label", label=shown,
                                                   hint=extra),
                                            (shown,)))
                continue
            if code not in labels:
                labels.append(code)
    notes = tuple(n.strip() for n in _NOTE.findall(body) if n.strip())
    spoken = _NOTE.sub(" ", body)
    spoken = " ".join(spoken.split())
    turn.text = spoken
    turn.notes = notes
    turn.labels = tuple(labels)
    turn.words = count_words(spoken)
    if not spoken and not notes:
        shown = repr(turn.code[:20] + ":")
        problems.append(Problem(turn.line, turn.column,
                                Msg.of("verbatim.empty_turn", n=turn.index, speaker=shown),
                                (shown,)))
    return problems


def _line_of(turn: Turn, needle: str) -> int:
    for line_no, raw in reversed(turn.lines):
        if needle.strip() in raw:
            return line_no
    return turn.line


def block_start(values: dict, path: str, lines: list[str]) -> tuple[int, int]:
    """The file line of a literal block's first line and the indentation YAML strips,
    from the line of its ``|`` (``values[path]``) and the file's lines."""
    mark_line = values.get(path, (1, 1))[0]
    for number in range(mark_line + 1, len(lines) + 1):
        raw = lines[number - 1]
        if raw.strip():
            return mark_line + 1, len(raw) - len(raw.lstrip(" "))
    return mark_line + 1, 0


def speakers_of(case) -> dict | None:
    own = case.case.verbatim_speakers
    if own is None:
        return None
    return {COUNSELOR: own.counselor or (), CLIENT: own.client or (), OTHER: own.other or ()}


def read_blocks(case, values: dict, text: str):
    """Every session's verbatim read: ({session index: Parsed}, [(path, Problem)])."""
    lines = text.split("\n")
    speakers = speakers_of(case)
    blocks, problems = {}, []
    for idx, session in enumerate(case.sessions):
        if session.verbatim is None:
            continue
        path = f"sessions[{idx}].verbatim"
        line, col = values.get(path, (1, 1))
        mark = lines[line - 1][col - 1:col] if line <= len(lines) else ""
        if mark != "|":
            problems.append((path, Problem(line, col, Msg.of("verbatim.not_block"))))
            continue
        first, indent = block_start(values, path, lines)
        parsed = parse(session.verbatim, first, indent, speakers)
        blocks[idx] = parsed
        problems.extend((path, p) for p in parsed.problems)
    return blocks, problems
