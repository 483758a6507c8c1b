"""The verbatim is read and tagged as before its speed work (issue 13): every turn the
same codes, the same deciding cue and the same reason as the reference copy of the old
tagger (tests/verbatim_tag_reference.py), and every block the same turns and problems as
the old reader (tests/verbatim_parse_reference.py), on the labelled sessions, the
fixtures and the example cases, the benchmark's generated turns, and a few hundred
seeded hostile ones (odd unicode, particles, informal spellings, stray punctuation,
labels, notes, numbers and tab rows).  Each session is tagged and each block read twice
by the new code, so what it remembers from one call to the next is tested too."""

from __future__ import annotations

import ast
import glob
import random
from pathlib import Path

import pytest
import verbatim_parse_reference as old_parse
import verbatim_tag_reference as old

from asas.engine.load.loader import load_file
from asas.engine.verbatim import tag as new
from asas.engine.verbatim.parse import CLIENT, COUNSELOR, Turn, count_words, parse

ROOT = Path(__file__).resolve().parent.parent


def _labelled_blocks() -> list[str]:
    files = (sorted(glob.glob("/work/shared/verbatim/dev*.yaml"))
             + sorted(glob.glob(str(ROOT / "tests" / "fixtures" / "verbatim" / "**" / "*.yaml"),
                                recursive=True))
             + sorted(glob.glob(str(ROOT / "cases" / "**" / "*.yaml"), recursive=True)))
    out = []
    for path in files:
        case = load_file(path).case
        out += [s.verbatim for s in (case.sessions if case else ()) if s.verbatim]
    return out


def _labelled() -> list[list[Turn]]:
    return [parse(block).turns for block in _labelled_blocks()]


def _bench_lines() -> tuple[list[str], list[str]]:
    """COUNSELOR and CLIENT of bench/verbatim_bench.py, read without importing it."""
    tree = ast.parse((ROOT / "bench" / "verbatim_bench.py").read_text(encoding="utf-8"))
    found = {}
    for node in tree.body:
        if (isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)
                and node.targets[0].id in ("COUNSELOR", "CLIENT")):
            found[node.targets[0].id] = ast.literal_eval(node.value)
    return found["COUNSELOR"], found["CLIENT"]


def _bench_blocks(n: int = 40) -> list[str]:
    counselor, client = _bench_lines()
    rng = random.Random(13)
    out = []
    for _ in range(n):
        lines = []
        for i in range(40):
            if i % 2 == 0:
                lines.append("Ko: " + (counselor[0] if i == 0 else rng.choice(counselor[1:]))
                             .format(n="Dini"))
            else:
                lines.append("Ki: " + rng.choice(client))
        out.append("\n".join(lines) + "\n")
    return out


def _bench_sessions() -> list[list[Turn]]:
    return [parse(block).turns for block in _bench_blocks()]


ODD = ["\u00a0", "\u200b", "\u2009", "\u3000", "\t", "  ", "İ", "ß", "ﬁ", "Ｋａｍｕ", "e\u0301",
       "🙂", "٣", "\u200f", "’", "‘", "“", "”", '"', "…", "...", "?!", "??", "!", ",", ";",
       "-", "—", "(", ")", ":", "'", "\u2028", "Σ", "ǅ", "K\u0338"]
PARTICLES = ["ya", "sih", "dong", "deh", "kok", "lho", "loh", "kan", "nih", "tuh", "lah", "kah",
             "nah", "toh", "mah", "yah"]
INFORMAL = ["gmn", "gimana", "kmu", "km", "nggak", "ngga", "gk", "ga", "udh", "udah", "bgt",
            "banget", "hmmmm", "iyaaa", "okeee", "trus", "terus", "kyk", "kayak", "gitu", "emg",
            "emang", "aja", "doang", "kak", "mas", "mbak", "dek", "nak", "bu", "pak", "KAMU",
            "HARUS", "Kenapa", "GIMANA", "Rahasia", "boleh", "berhenti", "kapan-kapan",
            "pelan-pelan", "deg-degan", "was-was", "sedihnya", "ngerasa", "merasa",
            "kedengarannya", "sepertinya", "jadi", "maksudnya", "tadi", "bilang", "tapi",
            "sebaiknya", "coba", "jangan", "pokoknya", "bagus", "hebat", "dulu", "waktu",
            "seusiamu", "apa", "yang", "ingin", "capai", "akan", "lakukan", "perasaanmu",
            "sekarang", "tugas", "minggu", "depan", "rumah", "informasi", "info", "kecuali",
            "membahayakan", "selamat", "pagi", "silakan", "duduk", "terima", "kasih", "kalau",
            "nanti", "ibu", "panggil", "orang", "tuamu", "dasar", "malas", "salahmu", "sendiri"]


def _hostile_sessions(n: int = 100, seed: int = 2026) -> list[list[Turn]]:
    """Sessions of made-up turns: the words the lexicon looks for, in any order, with
    particles, odd characters and punctuation between them; some given to the tagger
    through the parser, some as they are (spacing and case untouched)."""
    rng = random.Random(seed)
    vocabulary = INFORMAL + PARTICLES
    heard_words = ["capek", "adik", "sekolah", "telat", "takut", "pusing", "uang", "tidur",
                   "sedih", "lega", "ngomong", "malam"]
    out = []
    for s in range(n):
        turns = []
        for i in range(rng.randint(4, 14)):
            words = []
            for _ in range(rng.randint(1, 16)):
                r = rng.random()
                if r < 0.6:
                    w = rng.choice(vocabulary)
                elif r < 0.75:
                    w = rng.choice(heard_words)
                elif r < 0.9:
                    w = rng.choice(ODD)
                else:
                    w = rng.choice(vocabulary) + rng.choice(ODD) + rng.choice(vocabulary)
                if rng.random() < 0.2:
                    w = w.capitalize()
                words.append(w)
            text = rng.choice([" ", "", "  "]).join(words) + rng.choice(
                ["", ".", "?", "!", "…", " ya?", ", kan?", "?\"", "”", " (diam)"])
            if rng.random() < 0.15:
                text = '"' + text + '" ' + rng.choice(vocabulary)
            speaker = COUNSELOR if i % 2 == 0 else CLIENT
            turns.append((speaker, text))
        if s % 2:
            block = "\n".join(("Ko: " if sp == COUNSELOR else "Ki: ")
                              + t.replace("\n", " ").replace("\u2028", " ").replace(":", " ")
                              for sp, t in turns) + "\n"
            out.append(parse(block).turns)
        else:
            out.append([Turn(index=k + 1, line=k + 1, column=1, speaker=sp,
                             code="Ko" if sp == COUNSELOR else "Ki", text=t,
                             words=count_words(t)) for k, (sp, t) in enumerate(turns)])
    return out


def _tags(tagged) -> list:
    return [[(t.code, t.cue, t.why, t.why_id) for t in tt.tags] for tt in tagged]


SOURCES = {"labelled": _labelled, "bench": _bench_sessions, "hostile": _hostile_sessions}


@pytest.mark.parametrize("source", list(SOURCES))
def test_every_turn_is_tagged_as_before(source):
    sessions = SOURCES[source]()
    counted = sum(t.speaker == COUNSELOR for ts in sessions for t in ts)
    assert counted >= 200, counted
    for turns in sessions:
        want = _tags(old.tag_session(turns))
        assert _tags(new.tag_session(turns)) == want, [t.text for t in turns]
        assert _tags(new.tag_session(turns)) == want     # the second time, remembered


def test_memories_emptied_when_full_change_nothing(monkeypatch):
    import asas.engine.verbatim.parse as reader
    monkeypatch.setattr(new, "_REMEMBER", 7)
    monkeypatch.setattr(reader, "_REMEMBER", 3)
    for memory in ("_FOUND_KIND", "_NORMAL", "_CONTENT", "_TAGGED"):
        monkeypatch.setattr(new, memory, {})
    monkeypatch.setattr(reader, "_LABELS", {})
    for block in _bench_blocks(6) + _hostile_blocks(30):
        turns = parse(block).turns
        assert _read(parse(block)) == _read(old_parse.parse(block))
        assert _tags(new.tag_session(turns)) == _tags(old.tag_session(turns))
        assert len(new._TAGGED) <= 7 and len(reader._LABELS) <= 3


LABELS = ["attending", "penstrukturan", "pertanyaan terbuka", "Pertanyaan Tertutup",
          "dorongan minimal", "refleksi perasaan", "parafrase", "klarifikasi", "nasihat",
          "refleksi prasaan", "open_question", "closed-question", "penguatan dan pujian",
          "konfrontasi / penafsiran", "evaluasi; laiseg", "teknik aneh", "Summary.", ""]
SPEAKERS = ["Ko", "Ki", "K", "Kl", "Kons", "Konseli", "Guru", "Siswa", "Mahasiswa ",
            "Praktikan", "Ayah", "Teman 2", "Ko 2", "Ko1", "Ki-12", "K.3", "ko", "jadi",
            "Bu Sri bilang", "Ki 3", "Konselor (Ko)", "Siswa A (Ki)", "Ko (tersenyum)",
            "Ayah (Bapak)", "04/03/26 09.01 - Ko", "[04/03/26 09.01.23] Dini"]


def _hostile_blocks(n: int = 120, seed: int = 13) -> list[str]:
    """Blocks of made-up lines: known and unknown speaker codes, turn numbers, tab rows,
    continuation lines, notes, labels good and bad, empty turns."""
    rng = random.Random(seed)
    words = INFORMAL + PARTICLES + ODD
    out = []
    for _ in range(n):
        lines = []
        for _ in range(rng.randint(1, 12)):
            text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 10)))
            if rng.random() < 0.3:
                text += " (" + rng.choice(["mengangguk", "diam", "", "  ", "tersenyum)"]) + ")"
            labels = ", ".join(rng.choice(LABELS) for _ in range(rng.randint(0, 2)))
            code = rng.choice(SPEAKERS)
            r = rng.random()
            if r < 0.1:
                line = f"{code}\t{text}\t{labels}"
            elif r < 0.2:
                line = f"{rng.randint(1, 40)}. {code}: {text}"
            elif r < 0.3:
                line = "    " + text          # continues the turn above
            elif r < 0.35:
                line = f"{code}:"
            elif r < 0.42:                    # the labels as the turn's last note
                line = f"{code}: {text} (Teknik: {labels})"
            elif r < 0.46:                    # ... or in square brackets at its end
                line = f"{code}: {text} [{labels}]"
            else:
                line = f"{code}: {text}" + (f" | {labels}" if labels or rng.random() < 0.1
                                            else "")
            lines.append(line)
        out.append("\n".join(lines) + rng.choice(["\n", "", "\n\n"]))
    return out


BLOCKS = {"labelled": _labelled_blocks, "bench": _bench_blocks, "hostile": _hostile_blocks}


def _read(parsed) -> tuple:
    turns = [(t.index, t.line, t.column, t.speaker, t.code, t.text, t.notes, t.labels,
              t.number, t.words, [tuple(x) for x in t.lines], t.said) for t in parsed.turns]
    problems = [(p.line, p.column, p.text("en"), p.text("id"), p.quoted)
                for p in parsed.problems]
    return turns, problems


@pytest.mark.parametrize("source", list(BLOCKS))
def test_every_block_is_read_as_before(source):
    blocks = BLOCKS[source]()
    assert len(blocks) >= 15
    own = {"counselor": ["Ko", "Kons"], "client": ["Ki", "Ko 2"], "other": ["Ayah"]}
    for block in blocks:
        for args in ((1, 0, None), (7, 6, None), (3, 4, own)):
            want = _read(old_parse.parse(block, *args))
            assert _read(parse(block, *args)) == want, block
            assert _read(parse(block, *args)) == want


@pytest.mark.parametrize("source", list(SOURCES))
def test_the_cues_of_a_kind_are_the_cues_it_reads(source):
    """The tagger reads a question's cues and a statement's through _cues_of_kind, which
    searches only the alternatives of the codes each reads, with its look-ups made per
    word: the same as the whole search restricted to those codes, asked twice (the
    second remembered), each word's look-ups remembered too."""
    for turns in SOURCES[source]():
        for turn in turns:
            for sentence in old.sentences(turn.text):
                s = old.normalise(sentence)
                full = old._cues(s)
                for question, reads in ((False, new._STATEMENT_READS),
                                        (True, new._QUESTION_READS)):
                    want = {c: v for c, v in full.items() if c in reads}
                    assert new._cues_of_kind(s, question) == want, (question, s)
                    assert new._search_kind(s, question) == want, (question, s)


def test_what_a_sentence_reads_is_all_it_is_tagged_by():
    """_tag_sentence reads no code of found outside its kind's set (so restricting the
    search cannot change a tag): every found[...] / "..." in found it makes names one."""
    import inspect
    import re
    src = inspect.getsource(new._tag_sentence)
    named = set(re.findall(r'"([a-z_]+)" in found|found\["([a-z_]+)"\]', src))
    named = {a or b for a, b in named}
    assert named <= new._QUESTION_READS | new._STATEMENT_READS
    assert "for code in STATEMENT" in src and "for code in WITH_QUESTION" in src


def test_words_are_counted_as_before():
    """count_words' ASCII path (bytes deleted and split) against the old regex: every
    ASCII character, the whitespace bytes.split() does not know (\\x1c-\\x1f), and
    non-ASCII letters, digits, spaces and punctuation (which take the regex)."""
    rng = random.Random(2026)
    alphabet = ([chr(c) for c in range(128)] + list("…—“”’éΩ٣²\u00a0\u2003\u3000") * 2
                + list(" \t\n\x1c\x1f-.,?!()_") * 4 + list("abZ09") * 8)
    for _ in range(30_000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
        assert count_words(s) == old_parse.count_words(s), repr(s)
    for block in _labelled_blocks() + _bench_blocks(10) + _hostile_blocks(60):
        for line in block.split("\n"):
            assert count_words(line) == old_parse.count_words(line), repr(line)


def test_turns_are_cut_into_sentences_as_before():
    """sentences()' quick answer for a turn with no end mark before its last character
    (and no quote), against the old cutting: end marks, quotes and odd whitespace."""
    rng = random.Random(2027)
    alphabet = list('ab .?!…"“”, \t\n') + ["\u00a0", "\u2003", "x", "\x1c"]
    for _ in range(60_000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert new.sentences(s) == old.sentences(s), repr(s)
    for turns in SOURCES["labelled"]() + SOURCES["bench"]() + SOURCES["hostile"]():
        for turn in turns:
            assert new.sentences(turn.text) == old.sentences(turn.text), turn.text
