"""Identifying data in the write-up itself: what a trainee must take out before handing
a case file in (rules/privasi.py turns each hit into a PRV finding).

The free-text fields of the model are scanned here in plain Python, and only hits
become facts (usually none), because the rule engine's cost grows with every fact
declared (shared/spec/experta-notes.md).  Every pattern is linear in the length of
the text: each is anchored by a look-behind or a literal and bounded in length, so
a hostile field of megabytes costs milliseconds, not hours.

A hit says what kind of data and in which field; it never carries the value, so no
report can echo it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from asas.engine.model.case import Case, fields_of

FULL_NAME = "full_name"
PHONE = "phone"
EMAIL = "email"
ID_NUMBER = "id_number"
ADDRESS = "address"
BIRTH_DATE = "birth_date"
KINDS = (FULL_NAME, PHONE, EMAIL, ID_NUMBER, ADDRESS, BIRTH_DATE)


@dataclass(frozen=True)
class Hit:
    kind: str            # one of KINDS
    path: str            # the field, e.g. ``sessions[1].notes``
    session: int | None  # the session number the field belongs to, or None


# -- the pseudonym ----------------------------------------------------------------
# Words a pseudonym is made of that are not names: roles, honorifics, "initials".
GENERIC = frozenset(["siswa", "siswi", "murid", "pelajar", "santri", "santriwati", "mahasiswa", "mahasiswi", "peserta", "didik", "konseli", "klien", "client", "counselee", "student", "pupil", "learner", "anak", "remaja", "pemuda", "pemudi", "pegawai", "karyawan", "karyawati", "guru", "responden", "subjek", "subject", "kasus", "case", "inisial", "initial", "nama", "samaran", "pseudonym", "bukan", "sebenarnya", "sdr", "sdri", "saudara", "saudari", "nn", "ny", "tn", "bapak", "ibu", "pak", "bu", "mas", "mbak", "adik", "dik", "kak", "kakak", "teman", "kawan", "mr", "mrs", "ms", "miss", "kelas", "class", "laki", "perempuan", "putra", "putri"])
_WORD = re.compile(r"[^\W\d_][^\W\d_'’.-]*", re.UNICODE)


def looks_like_full_name(pseudonym: str) -> bool:
    """Two or more words that look like names: capitalised ("Budi Santoso") or in
    capitals ("BUDI SANTOSO"), each of two letters or more, not a role word ("Siswa A",
    "Konseli B") or an initial ("A.B.", "R")."""
    text = re.sub(r"\([^)]*\)", " ", pseudonym[:200])   # "(bukan nama sebenarnya)"
    if any(map(str.isdigit, text)):
        return False                                  # "Klien 3", "Siswa 12A"
    names = 0
    for word in _WORD.findall(text):
        if len(word) < 2 or word.lower() in GENERIC:
            continue
        if word[0].isupper() and (word[1:].islower() or (word.isupper() and len(word) >= 3)):
            names += 1
    return names >= 2


# -- free text --------------------------------------------------------------------
_SEP = r"[ .\-]?"
_PATTERNS: tuple[tuple[str, re.Pattern], ...] = (
    # e-mail: a bounded local part anchored at the start of its run, a dotted domain
    (EMAIL, re.compile(r"(?<![\w.+\-])[\w.+\-]{1,64}@[A-Za-z0-9\-]{1,63}"
                       r"(?:\.[A-Za-z0-9\-]{1,63}){1,6}\b")),
    # phone: Indonesian mobile 08xx / +62 8xx / 62 8xx, 10-14 digits with separators;
    # +62 landlines, and (021) 555 1234 or 021-5551234 style landlines
    (PHONE, re.compile(r"(?<![\w+])(?:\+62|62|0)" + _SEP + r"8\d(?:" + _SEP + r"\d){7,11}(?!\d)"
                       r"|(?<![\w+])\+62" + _SEP + r"\(?[2-9]\d{1,2}\)?" + _SEP
                       + r"\d{3,4}" + _SEP + r"\d{3,5}(?!\d)"
                       r"|(?<!\w)\(0[2-9]\d{1,2}\)" + _SEP + r"\d{3,4}" + _SEP + r"\d{3,5}(?!\d)"
                       r"|(?<![\w/.-])0[2-9]\d{1,2}-\d{6,8}(?![\d/.-])")),
    # identity numbers: labelled (NISN, NIS, NIK, NIM, NIP, KTP, KK), or bare runs of
    # exactly 10 (NISN) or 16 (NIK) digits, spaces allowed inside a NIK as printed
    (ID_NUMBER, re.compile(r"\b(?:NISN|NIS|NIK|NIM|NIP|NPSN|KTP|KK|no\.? ?induk)\b[\s:.#=-]{0,4}"
                           r"\d[\d .\-/]{2,24}\d"
                           r"|(?<![\d.,/:\-])\d{10}(?![\d.,/:\-]?\d)"
                           r"|(?<![\d.,/:\-])\d{4} ?\d{4} ?\d{4} ?\d{4}(?![\d.,/:\-]?\d)",
                           re.IGNORECASE)),
    # street address: Jl./Jln./Jalan/Gang + a name + a house number, or RT/RW numbers
    (ADDRESS, re.compile(r"\b(?:[Jj]l|[Jj]ln|JL|JLN)\.?\s+\S[^\n;]{0,60}?\d{1,4}"
                         r"|\bJalan\s+[A-Z][^\n;]{0,60}?\b(?:[Nn]o\.?\s*)?\d{1,4}\b"
                         r"|\b(?:Gg|Gang|Perum|Perumahan|Komplek|Kompleks|Blok)\.?\s+[A-Z]"
                         r"[^\n;]{0,40}?\b(?:[Nn]o\.?\s*)\d{1,4}\b"
                         r"|\bRT\.?\s*\d{1,3}\s*/?\s*RW\.?\s*\d{1,3}\b"
                         r"|\bRT\s*/\s*RW\s*:?\s*\d{1,3}\s*/\s*\d{1,3}\b")),
)
_MONTHS = (r"(?:januari|februari|pebruari|maret|april|mei|juni|juli|agustus|september|oktober"
           r"|nopember|november|desember|january|february|march|may|june|july|august|october"
           r"|december|jan|feb|mar|apr|jun|jul|agu|agt|aug|sep|sept|okt|oct|nov|des|dec)\.?")
_DATE = (r"(?:\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*(?:19|20)\d{2}"
         r"|(?:19|20)\d{2}-\d{1,2}-\d{1,2}"
         r"|\d{1,2}\s+" + _MONTHS + r"(?:\s+(?:19|20)?\d{2})?"
         r"|" + _MONTHS + r"\s+\d{1,2},?\s+(?:19|20)\d{2})")
# birth date: a day and a month near a word for birth ("lahir", "TTL", "born", "DOB")
_BIRTH = re.compile(r"\b(?:lahir|kelahiran|ttl|born|birth|dob|birthday|ulang tahun)\b"
                    r"[^\n]{0,40}?(?<!\d)" + _DATE + r"(?!\d)", re.IGNORECASE)


# Every alternative of the phone, identity-number, address and birth-date patterns needs a
# decimal digit (``\d``: Unicode category Nd, which includes 0-9), so a text without one
# cannot match any of them.  A search for ``\d`` tries every position (about 20 ns a
# character: a quarter of a 40-turn verbatim's cost in the engine stage); ten substring
# tests for 0-9 run at memchr's speed, and only the text's non-ASCII characters, if any,
# are left for the search (every Nd digit outside 0-9 is non-ASCII).
_DIGIT = re.compile(r"\d")
_ASCII = bytes(range(128))


def has_digit(text: str) -> bool:
    """Whether ``text`` holds a decimal digit (what ``\\d`` matches)."""
    if "0" in text or "1" in text or "2" in text or "3" in text or "4" in text \
            or "5" in text or "6" in text or "7" in text or "8" in text or "9" in text:
        return True
    if text.isascii():
        return False
    # deleting the ASCII bytes of UTF-8 leaves exactly the non-ASCII characters' bytes
    rest = text.encode("utf-8", "surrogatepass").translate(None, _ASCII)
    return _DIGIT.search(rest.decode("utf-8", "surrogatepass")) is not None


def scan_text(text: str) -> list[str]:
    """The kinds of identifying data in one piece of free text, in KINDS order."""
    kinds = []
    if "@" in text and _PATTERNS[0][1].search(text):
        kinds.append(EMAIL)
    if has_digit(text):
        for kind, pattern in _PATTERNS[1:]:
            if pattern.search(text):
                kinds.append(kind)
        if _BIRTH.search(text):
            kinds.append(BIRTH_DATE)
    if not kinds:
        return kinds
    return sorted(set(kinds), key=KINDS.index)


# -- the case ---------------------------------------------------------------------
def free_text(case: Case):
    """Every free-text value of the case as ``(path, text, session number)``."""
    out: list = []
    _collect(case, Case, "", None, out)
    yield from out


def _plan(cls) -> tuple:
    """The fields of ``cls`` that hold free text, or objects that may: (name, how, class),
    ``how`` one of str, object, strs, objects; worked out once per class."""
    plan = _PLANS.get(cls)
    if plan is None:
        steps: list[tuple[str, str, type | None]] = []
        for spec in fields_of(cls):
            if spec.kind == "str" and spec.name != "format":
                steps.append((spec.name, "str", None))
            elif spec.kind == "object":
                steps.append((spec.name, "object", spec.cls))
            elif spec.kind == "list" and spec.item_spec.kind == "str":
                steps.append((spec.name, "strs", None))
            elif spec.kind == "list" and spec.item_spec.kind == "object":
                steps.append((spec.name, "objects", spec.item_spec.object_cls))
        plan = _PLANS[cls] = tuple(steps)
    return plan


_PLANS: dict = {}


def _collect(obj, cls, path, session, out: list) -> None:
    for name, how, inner in _plan(cls):
        value = getattr(obj, name)
        if value is None:
            continue
        sub = f"{path}.{name}" if path else name
        if how == "str":
            out.append((sub, value, session))
        elif how == "object":
            _collect(value, inner, sub, session, out)
        elif how == "strs":
            out.extend((f"{sub}[{i}]", item, session) for i, item in enumerate(value))
        else:
            for i, item in enumerate(value):
                number = getattr(item, "number", None) if sub == "sessions" else session
                _collect(item, inner, f"{sub}[{i}]", number, out)


# the codes a verbatim names the client and others by: a chat export's senders are
# their names, and the map written for them (case.verbatim_speakers) carries them
_NAMES_OF_OTHERS = ("case.verbatim_speakers.client[", "case.verbatim_speakers.other[")


def scan(case: Case) -> list[Hit]:
    """Every kind of identifying data in every free-text field of ``case``."""
    hits = []
    for path, text, session in free_text(case):
        if (path == "case.client.pseudonym" or path.startswith(_NAMES_OF_OTHERS)) \
                and looks_like_full_name(text):
            hits.append(Hit(FULL_NAME, path, session))
        for kind in scan_text(text):
            hits.append(Hit(kind, path, session))
    return hits
