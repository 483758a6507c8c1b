"""The header row of a verbatim table: which column holds the speaker, the dialog and
the trainee's technique (Indonesian or English names).  A CSV or a .docx table needs
one (engine/verbatim/importer.py); a table pasted as text, into a file or into the case
file's block, often keeps one as its first line, which names columns and is no turn
(engine/verbatim/parse.py)."""

from __future__ import annotations

import re

SPEAKER = ("speaker", "pembicara", "kode", "penutur", "peran", "who", "role", "nama",
           "subjek", "subject", "pelaku")
DIALOG = ("dialog", "dialogue", "ucapan", "percakapan", "isi", "verbatim", "respon", "respons",
          "pernyataan", "kalimat", "utterance", "text", "teks", "tanggapan")
TECHNIQUE = ("technique", "teknik", "label", "keterangan", "ket", "teknik konseling",
             "keterampilan", "skill", "analisis", "jenis teknik", "jenis keterampilan")
NUMBER = ("no", "no.", "nomor", "#", "giliran", "turn")
# the words that name each role in a header: the default codes of both
# (engine/verbatim/parse.py), in English too; a column of its own for each role
# (paired) is headed by one, a speaker column often by both ("Konselor/Konseli", "Ko/Ki",
# "K / S", "GBK-Siswa")
COUNSELOR_ROLES = frozenset({"ko", "k", "kr", "kons", "konselor", "guru", "gbk", "praktikan",
                             "counselor", "counsellor"})
CLIENT_ROLES = frozenset({"ki", "kl", "s", "konseli", "klien", "siswa", "mahasiswa", "client",
                          "student"})
ROLES = COUNSELOR_ROLES | CLIENT_ROLES | {"guru bk"}
_BETWEEN_ROLES = re.compile(r"\s*(?:/|&|-|\batau\b|\bdan\b|\bor\b|\band\b)\s*")


def norm_header(cell: str) -> str:
    return re.sub(r"[\s_]+", " ", cell.strip().lower()).strip(" :.")


def _names_roles(name: str) -> bool:
    parts = _BETWEEN_ROLES.split(name)
    return len(parts) > 1 and all(part in ROLES for part in parts)


def columns(header: list[str]) -> dict[str, int] | None:
    """{"speaker": i, "dialog": j, "technique": k (if named)} of a header row, or None
    when it names no speaker or no dialog column (then it is no header)."""
    names = [norm_header(c) for c in header]
    found: dict[str, int] = {}
    for key, words in (("speaker", SPEAKER), ("dialog", DIALOG), ("technique", TECHNIQUE)):
        for i, name in enumerate(names):
            if i in found.values():
                continue
            if name in words or any(name.startswith(w + " ") for w in words) \
                    or (key == "speaker" and _names_roles(name)):
                found[key] = i
                break
    if "speaker" in found and "dialog" in found:
        return found
    return None


def paired(header: list[str]) -> dict[str, int] | None:
    """{"counselor": i, "client": j, "technique": k (if named)} of a header row that gives
    each role a column of its own, as many templates lay the verbatim out (``No |
    Konselor | Konseli | Teknik``, ``Respon Konselor | Respon Konseli``): each row the
    counselor's words and the client's reply; None for any other row (a table with a
    speaker column is columns()'s)."""
    found: dict[str, int] = {}
    for i, name in enumerate(norm_header(c) for c in header):
        words = set(re.split(r"[\s/()\-]+", name))
        if _names_roles(name):
            return None                 # "Konselor/Konseli": one speaker column
        if "counselor" not in found and words & COUNSELOR_ROLES:
            found["counselor"] = i
        elif "client" not in found and words & CLIENT_ROLES:
            found["client"] = i
        elif "technique" not in found and (name in TECHNIQUE
                                           or any(name.startswith(w + " ") for w in TECHNIQUE)):
            found["technique"] = i
    return found if "counselor" in found and "client" in found else None


def is_header(cells: list[str]) -> bool:
    """A row of a table that names its columns, every other cell a column name too (a
    number column, or empty): no turn has such cells."""
    found = columns(cells)
    if found is None:
        return False
    named = set(found.values())
    return all(i in named or not c.strip() or norm_header(c) in NUMBER
               for i, c in enumerate(cells))
