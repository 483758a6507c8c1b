"""Reading a verbatim block into turns (spec/verbatim.md, "In the case file").

A turn starts with a speaker code and a colon (``Ko:``, ``Mahasiswa :``), optionally
after a turn number (``12. Ko:``), or is a tab-separated row (``Ko<TAB>dialog<TAB>teknik``;
a table's header row before the first of them names its columns and is skipped).
A line that starts with no speaker code continues the turn above.  Parenthesised text is
a non-verbal note, kept apart and never counted as speech.  After `` | `` at the end of
a turn (or in a third tab column) come the trainee's technique labels.  Starts written
other ways (``Konselor (Ko):``, ``Ko 1:``, a chat export's dates) are rewritten as these,
column for column, by starts.py: the brackets before the block is read, the others for a
second reading of a block the first refuses.

Nothing here raises for bad input: what cannot be read becomes a ``Problem`` with its
line and column in the file the block stands in.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from asas.engine.i18n.messages import English, Msg
from asas.engine.verbatim.columns import is_header
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
# skills the textbooks name that no code of the spec stands for: a label of them is still
# an error, whose message says what to write instead (silence is a note, "(diam)")
UNCODED = {**dict.fromkeys(("diam", "teknik diam", "silence", "hening", "berdiam diri"),
                           "verbatim.hint_silence"),
           **dict.fromkeys(("memfokuskan", "focusing", "memimpin", "leading", "lead",
                            "mengambil inisiatif", "memudahkan", "facilitating", "humor",
                            "asosiasi bebas", "free association"), "verbatim.hint_uncoded")}
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
    text: str                  # what was said: notes, number, code and labels removed;
                               # words one space apart (analyse.py quotes it as it is)
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
# a list's bullet before the code, as a list pasted from a word processor keeps it
_BULLET = r"(?:[-•*–·]\s+)?"
_TURN = re.compile(r"^(?P<lead>\s*)" + _BULLET + _NUMBER + _CODE + r"\s*:(?:\s|$)")
# the words glued to the colon ("Ko:Selamat pagi"): read so for a code of the map only,
# so that "http://..." or a time ("Pukul:10") stays what it was
_GLUED = re.compile(r"^(?P<lead>\s*)" + _BULLET + _NUMBER + _CODE + r":(?=[^\s/:])")
_TAB_NUM = re.compile(r"^\d{1,4}[.)]?$")
_NOTE = re.compile(r"\(([^()]*)\)")
# the trainee's labels written as the turn's last note, as many practicum templates
# have them: "... ya. (Teknik: refleksi perasaan)"; read as after " | "
_LABEL_NOTE = re.compile(r"\(\s*(?:teknik(?:\s+konseling)?|technique|label|keterampilan|skill)"
                         r"\s*[:=]([^()]*)\)\s*$", re.IGNORECASE)
# ... or in square brackets at its end: "Bagaimana kabarmu? [pertanyaan terbuka]"; read
# so only where every part of it names a technique (_bracket_labels): a "[tertawa]"
# stays the words it was
_LABEL_BRACKET = re.compile(r"\[([^\[\]]*)\]\s*$")
_WORD = re.compile(r"[^\W_]", re.UNICODE)
_LABEL_SPLIT = re.compile(r"\s*(?:,|;|/|&|\+|\bdan\b|\band\b)\s*")


# from the start of a whitespace token to its first letter or digit: one match a token
# that has one (``\\S`` is exactly what str.split() keeps)
_WORDY = re.compile(r"(?<!\S)\S*?[^\W_]")


# For ASCII text, the same count without the regex (which costs several times more,
# once per turn): delete every character that is neither a letter, a digit nor
# whitespace, and the tokens left are those that had a letter or a digit.  Deleting
# within a token never joins two.  bytes.split() knows fewer whitespace characters than
# str.split() (not \x1c-\x1f), so those become spaces first.
_SEPARATORS = bytes(range(0x1C, 0x20))
_SPACES = bytes.maketrans(_SEPARATORS, b" " * len(_SEPARATORS))
_NOT_WORDY = bytes(c for c in range(128) if not chr(c).isalnum() and not chr(c).isspace())


def count_words(text: str) -> int:
    """Whitespace tokens with a letter or a digit in them (spec/verbatim.md)."""
    if text.isascii():
        return len(text.encode("ascii").translate(_SPACES, _NOT_WORDY).split())
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


_DEFAULT_INDEX = _speaker_index(None)[0]   # read, never written


def parse(text: str, first_line: int = 1, indent: int = 0, speakers: dict | None = None,
          check_labels: bool = True) -> Parsed:
    """The turns of one verbatim block.

    ``first_line`` is the file line of the block's first line, ``indent`` the number of
    columns YAML stripped from each line; ``speakers`` the case's own map
    ``{counselor: [...], client: [...], other: [...]}`` or None for the default map.
    """
    if speakers is None:
        index, own = _DEFAULT_INDEX, False
    else:
        index, own = _speaker_index(speakers)
    if "(" in text:
        text = bracketed(text, index) or text
    parsed = None
    if "\t" not in text:
        parsed = _parse_plain(text, first_line, indent, index, check_labels)
    if parsed is None:
        parsed = _parse_lines(text, first_line, indent, speakers, index, own, check_labels)
    if parsed.problems:
        return _read_again(parsed, text, first_line, indent, speakers, index, own, check_labels)
    return parsed


def _read_again(parsed: Parsed, text: str, first_line: int, indent: int,
                speakers: dict | None, index: dict, own: bool, check_labels: bool) -> Parsed:
    """A block the first reading finds problems in, read a second time with its turns
    numbered after their codes, or its chat export's dates taken off
    (starts.second_reading), where that reads it with fewer."""
    again = second_reading(text, index)
    if again is not None:
        second = _parse_lines(again, first_line, indent, speakers, index, own, check_labels)
        parsed = second if _worse(parsed) > _worse(second) else parsed
    if parsed.problems and ("\t" in text or "|" in text):
        table = _table_reading(text, first_line, indent, speakers, check_labels)
        if table is not None and _worse(parsed) > _worse(table):
            return table
    return parsed


# a Markdown table's rule under its header row: |---|:---:|
_RULE_ROW = re.compile(r"\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?")


def _cells(line: str) -> list[str]:
    if "\t" in line:
        return [c.strip() for c in line.split("\t")]
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _table_reading(text: str, first_line: int, indent: int, speakers: dict | None,
                   check_labels: bool) -> Parsed | None:
    """A table pasted into the block, its header row among its first lines naming the
    columns: a Word table's rows (tab-separated) or one typed with `` | `` between the
    cells, with a speaker column (``Pembicara | Dialog | Teknik``) or a column for each
    role (``No | Konselor | Konseli | Teknik``).  Read as ``verbatim import`` reads it,
    each turn at its row's line; None when no row names columns."""
    from asas.engine.verbatim.columns import columns, paired
    rows = [(first_line + n, line) for n, line in enumerate(text.split("\n"))
            if line.strip() and not _RULE_ROW.fullmatch(line.strip())]
    table = [_cells(line) for _, line in rows]
    if not any(len(c) > 1 and (columns(c) or paired(c)) for c in table[:5]):
        return None
    # importer.py reads parse.py's Parsed: imported here, where a block needs it
    from asas.engine.verbatim.importer import ImportProblem, at_file_lines, table_block
    try:
        block, lines = table_block(table, [n for n, _ in rows])
    except ImportProblem:
        return None
    parsed = at_file_lines(parse(block, 1, 0, speakers, check_labels), lines)
    for turn in parsed.turns:        # the row's start: the block's own columns are made
        turn.column = indent + 1
    return Parsed(parsed.turns, [Problem(p.line, indent + 1, p.msg, p.quoted)
                                 for p in parsed.problems])


def _worse(parsed: Parsed) -> tuple[int, int]:
    """How far a reading is from reading the block: its lines read as no turn first (a
    chat read without its dates is better off naming its senders for the map), then
    every problem."""
    unread = sum(p.msg.code == "verbatim.no_speaker" for p in parsed.problems)
    return unread, len(parsed.problems)


def _parse_lines(text: str, first_line: int, indent: int, speakers: dict | None,
                 index: dict, own: bool, check_labels: bool) -> Parsed:
    """parse() line by line, for any block (the general loop)."""
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
            continue    # a pasted table's header row (Pembicara, Dialog ...): no turn
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


# The start of a turn as most blocks write it: spaces, perhaps a number, a code and its
# colon, a space or the line's end.  Where it matches a line, _TURN matches it too, each
# of its parts taking the same text (the greedy first choice of each), and ends at the
# same place: the same lead, number, code and rest.  Anything else with a colon in it
# goes the general way.
_PLAIN_TURN = re.compile(r"( *)(?:([0-9]{1,4})[.):]? +)?([A-Za-z][\w'.\-]*):(?: |$)")
# every line of a block at once, as text.split("\n") cuts it: (lead, number, code, rest)
# where _PLAIN_TURN matches the line (rest: the line after its match), else ("", "", "",
# the line); one findall instead of a match and its groups a line
_PLAIN_LINES = re.compile(r"^(?:" + _PLAIN_TURN.pattern + r")?(.*)$", re.M)

_new = object.__new__


def _parse_plain(text: str, first_line: int, indent: int, index: dict,
                 check_labels: bool) -> Parsed | None:
    """parse() of a block with no tab in it whose lines are all blank, the start of a
    turn of a speaker in the map (_PLAIN_TURN) or, after the first turn, lines with no
    colon (which _TURN cannot match: they continue the turn above); None for any other
    block, which the general loop reads.  The same turns and problems, with less work a
    line: the block's own speakers need no guessing, and most turns no problem."""
    starts: list[tuple] = []
    lines: list | None = None
    line_no = first_line - 1
    for lead, num, code, rest in _PLAIN_LINES.findall(text):
        line_no += 1
        if not code:        # not the start of a turn: rest is the whole line
            if not rest.strip():
                continue
            if lines is None or ":" in rest:
                return None
            lines.append((line_no, rest))
            continue
        role = index.get(code.lower())
        if role is None:
            role, attached = _role_of(code, index)
            if role is None:
                return None
            num = num or attached
        lines = [(line_no, rest)]
        starts.append((line_no, indent + 1 + len(lead), role, code,
                       int(num) if num else None, lines))
    if not starts:
        return None

    turns: list[Turn] = []
    problems: list[Problem] = []
    roles = set()
    for number, (line_no, column, role, code, written, lines) in enumerate(starts, 1):
        roles.add(role)
        joined = (lines[0][1].strip() if len(lines) == 1
                  else " ".join(part.strip() for _, part in lines))
        labels: tuple = ()
        cut = joined.rfind(" | ")
        if cut < 0 and joined.startswith("| "):
            body, label_text = "", joined[2:]
        elif cut >= 0:
            body, label_text = joined[:cut], joined[cut + 3:]
        else:
            body, label_text = joined, None
        if joined.endswith(" |"):
            body, label_text = joined[:-2], None
        if label_text is None and body.endswith(")"):
            noted = _LABEL_NOTE.search(body)
            if noted:
                body, label_text = body[:noted.start()], noted.group(1)
        elif label_text is None and body.endswith("]"):
            body, label_text = _bracket_labels(body)
        unknown = False
        if label_text is not None:
            labels, unknown = _codes_of(label_text)
        if "(" in body:
            notes = tuple(n.strip() for n in _NOTE.findall(body) if n.strip())
            spoken = " ".join(_NOTE.sub(" ", body).split())
        else:
            notes = ()
            spoken = " ".join(body.split())
        turn = _new(Turn)
        # what Turn's __init__ would set (a test holds the two to the same fields)
        turn.__dict__ = {
            "index": number, "line": line_no, "column": column, "speaker": role,
            "code": code, "text": spoken, "notes": notes, "labels": labels,
            "number": written,
            "words": (len(spoken.encode("ascii").translate(_SPACES, _NOT_WORDY).split())
                      if spoken.isascii() else len(_WORDY.findall(spoken))),
            "lines": lines}
        turns.append(turn)
        if (unknown and check_labels) or not (spoken or notes):
            problems.extend(_finish(turn, indent, check_labels))   # what it says, as ever
    if COUNSELOR not in roles:
        problems.append(_no_role(turns, COUNSELOR))
    if CLIENT not in roles:
        problems.append(_no_role(turns, CLIENT))
    return Parsed(turns, problems)


def _no_role(turns: list[Turn], role: str) -> Problem:
    """No turn of the counselor (or of the client): the speakers the block does have,
    and the one most likely to be the missing role, for case.verbatim_speakers (names,
    often: quoted, so that --redact withholds them)."""
    codes = list(dict.fromkeys(t.code for t in turns))
    others = [t.code for t in turns if t.speaker == OTHER]
    # of the speakers no map names, the counselor usually speaks first and the client is
    # the one most heard after them; with none, the default code as the example
    if not others:
        guess = DEFAULT_SPEAKERS[role][0]
    elif role == COUNSELOR:
        guess = others[0]
    else:
        heard = list(dict.fromkeys(others))
        if not any(t.speaker == COUNSELOR for t in turns):   # others[0] is the counselor
            heard = heard[1:] or heard
        guess = max(heard, key=others.count)
    shown = ", ".join(repr(c[:20]) for c in codes[:4])
    key = "verbatim.no_counselor" if role == COUNSELOR else "verbatim.no_client"
    return Problem(turns[0].line, turns[0].column,
                   Msg.of(key, codes=shown, example=guess[:20]),
                   (shown, guess[:20]) if others else (shown,))


_CODES_OF: dict[str, tuple] = {}   # label text -> (codes, any unknown): bounded


def _codes_of(text: str) -> tuple[tuple[str, ...], bool]:
    """The codes _finish keeps of a turn's label text, and whether a label of it is
    unknown (which _finish reports)."""
    read = _CODES_OF.get(text)
    if read is None:
        if len(_CODES_OF) >= _REMEMBER:
            _CODES_OF.clear()
        parts = _read_labels(text)
        codes = tuple(dict.fromkeys(code for _, code in parts if code is not None))
        read = _CODES_OF[text] = (codes, any(code is None for _, code in parts))
    return read


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
            # the colons aligned by a tab stop ("Konselor<TAB>: Selamat pagi", or the
            # colon in a cell of its own): the colon is the code's, not said
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
    if m is None:
        m = _GLUED.match(raw)
        if m is None:
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
    lines = turn.lines
    joined = (lines[0][1].strip() if len(lines) == 1      # most turns: one line
              else " ".join(part.strip() for _, part in lines))
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
    needle = " | "
    if label_text is None and body.endswith(")"):
        noted = _LABEL_NOTE.search(body)
        if noted:
            body, label_text, needle = body[:noted.start()], noted.group(1), "("
    elif label_text is None and body.endswith("]"):
        body, label_text = _bracket_labels(body)
    if label_text is not None:
        label_line = turn.line if len(lines) == 1 else _line_of(turn, needle)
        for part, code in _read_labels(label_text):
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
    if "(" in body:
        notes = tuple(n.strip() for n in _NOTE.findall(body) if n.strip())
        spoken = " ".join(_NOTE.sub(" ", body).split())
    else:       # no note to take out (most turns)
        notes = ()
        spoken = " ".join(body.split())
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


_REMEMBER = 5_000
_LABELS: dict[str, tuple] = {}     # label text -> _read_labels(): remembered, bounded


def _read_labels(text: str) -> tuple:
    """((label as written, its code or None), ...) of a turn's label text; a trainee
    writes the same few labels again and again."""
    read = _LABELS.get(text)
    if read is None:
        if len(_LABELS) >= _REMEMBER:
            _LABELS.clear()
        read = _LABELS[text] = tuple((part, normalise_label(part))
                                     for part in _LABEL_SPLIT.split(text.strip()) if part)
    return read


def _bracket_labels(body: str) -> tuple[str, str | None]:
    """(the body, the label text) of a turn ending in labels in square brackets, each
    part of them a technique's name; else (``body``, None)."""
    m = _LABEL_BRACKET.search(body)
    if m is not None:
        parts = _read_labels(m.group(1))
        if parts and all(code is not None for _, code in parts):
            return body[:m.start()].rstrip(), m.group(1)
    return body, None


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
