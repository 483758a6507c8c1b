"""The client's name, read as *kamu* when the counselor says it.

Indonesian counselors often speak to the client by name, in the third person: "apa
yang ingin Fadli capai?", "Lapo kok Batam, Nov?".  The lexicon's cues say *kamu* (and
its regional forms), so such a question was read as a plain question, and a goal or an
evaluation asked that way was missed.  Before a counselor turn is tagged, the client's
name in it is read as *kamu*.

Which words are the name: the words of ``case.client.pseudonym`` (not its honorifics,
nor a placeholder such as "Siswa A"), and the short forms of them the counselor calls
the client by (``Nov`` for Novi, ``Rak`` for Raka).  Where the case gives no name (a
verbatim file on its own, a pseudonym that is only "Siswa A"), the name is the word the
counselor calls someone by at the end of a sentence, after a comma (``…, Fadli?``),
at least twice.  A name is matched only as written, capitalised: "Dini" is a name where
"sejak dini" is not.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from asas.engine.verbatim.parse import COUNSELOR

# words that stand before or for a name but are not one: honorifics, kin terms, the
# placeholder words of a pseudonym ("Siswa A"), and the words said after a comma at a
# sentence's end that are not vocatives ("…, ya?", "…, kan?", "…, oke?")
_NOT_NAME_WORDS = """
    bu ibu pak bapak mas mbak kak kakak dek adek adik nak nduk le ning neng cak akang
    kang teteh teh abang bang uda uni ustadzah ustazah ustadz ustaz om tante saudara saudari
    anda kamu kau lu lo koen sis bro
    siswa siswi murid klien konseli mahasiswa mahasiswi peserta anak santri remaja pelajar
    subjek responden pasien korban client student
    ya iya yah oke okay ok nah jadi sip baik bagus hmm wah oh terus lalu betul benar begitu
    gitu sekarang dulu tadi kan deh dong sih lho loh kok yuk ayo silakan maaf makasih terima
    selamat pagi siang sore malam rek semua kalian kita kami sayang yang
"""
_NOT_NAMES = frozenset(_NOT_NAME_WORDS.split())
# the honorifics a counselor puts before a young client's name (", Mas Adi?")
_BEFORE = r"(?:(?:Mas|Mbak|Dek|Adek|Nak|Kak|Nduk|Uda|Uni|Bang|Teh|Cak|Ning)\s+)?"
# a word called at the end of a sentence, after a comma
_CALLED = re.compile(r",\s+" + _BEFORE + r"([A-Z][a-z]{2,})(?=[ \t]*[?.!]|[ \t]*$)", re.M)
_WORD = re.compile(r"[A-Za-z][a-z]+")


def client_names(pseudonym: str | None, sessions) -> tuple[str, ...]:
    """The client's name as the counselor says it in ``sessions`` (each a list of
    turns): its forms, longest first (none when neither the case nor the verbatim gives
    one)."""
    words = {w for w in _WORD.findall(pseudonym or "")
             if len(w) >= 3 and w[0].isupper() and w.lower() not in _NOT_NAMES}
    # what the counselor said, one turn a line: a pattern runs once over the case
    said = "\n".join([t.text for turns in sessions for t in turns if t.speaker == COUNSELOR])
    if words:
        # and the short forms of those names the counselor calls the client by ("…,
        # Nov?" for Novi), looked for only where the counselor calls someone so
        calls = tuple(", " + w[:3] for w in words)
        found = _CALLED.findall(said) if any(c in said for c in calls) else ()
        names = words | {c for c in found if any(w.startswith(c) for w in words)}
    else:
        called = Counter(_CALLED.findall(said))
        names = {c for c, n in called.items() if n >= 2 and c.lower() not in _NOT_NAMES}
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


@lru_cache(maxsize=1024)
def _as_written(name: str) -> re.Pattern:
    return re.compile(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])")


def as_you(text: str, names: tuple[str, ...]) -> str:
    """``text`` with the client's name read as *kamu*."""
    for name in names:
        if name in text:        # most turns do not say it: no pattern is run
            text = _as_written(name).sub("kamu", text)
    return text
