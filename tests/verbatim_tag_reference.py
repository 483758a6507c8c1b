"""The verbatim tagger as it was before issue 13's speed work (engine/verbatim/tag.py at
d3ff826), kept unchanged as the reference tests/test_verbatim_tag_same.py tags with:
the new matcher must give the same codes, cues and reasons for every turn.  It reads the
same lexicon (rules/lexicon/cues.yaml), so a change to the lexicon changes both alike.
Do not edit it to make that test pass.

A change of *what* is tagged (not of how fast) is made here and in tag.py alike, and
listed here, so that the test still catches only what the fast matcher does differently:
- 2026-12-03 (three sessions written by others, issue 13): a quote inside a sentence
  ("bilang saja "skip"") is reported speech, cut with its sentence; only a quote that
  starts the turn or follows a sentence's end (or a colon) is a line in a role.  The old
  loop also sliced a second quote from the wrong text.  A statement said with a
  softening "..., ya?" (or "di'?") that is a reflection, paraphrase, summary or
  interpretation is tagged as that statement (spec/verbatim.md), not as a question.
- 2026-12-03, later (four more sessions, one pasted from a chat): the lexicon's chat
  spellings ("yg", "udh", ...) are written out before matching.
- 2026-12-03, last (four more): a sentence of what the client said ("Tadi kamu bilang
  ...") followed by one that sets something against it ("Tapi ...") is a confrontation.
- 2026-12-04 (a sixth round: Padang, Jakarta code-mixing, Kupang, Surabaya): a summary
  is neither information giving nor, over two sentences, a confrontation (no expert's
  code pairs them in 33 summaries).  A turn whose note says the counselor speaks in a
  role ("(sebagai Bapak)") is role play alone; one whose note steps out of the role
  ("(keluar dari peran)") with a role line after it is role play too.  "Sebelum kita
  tutup, <an evaluation question>" is the evaluation alone (8 of 8 expert codes).  A word
  or two quoted where a sentence starts, the sentence going on, is reported speech.  The client's name read as "kamu" is done before a
  turn reaches the tagger (engine/verbatim/names.py), so it is not repeated here."""
# ruff: noqa
# mypy: ignore-errors
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from asas.engine.verbatim.lexicon import lexicon
from asas.engine.verbatim.lexicon import speedy as _speedy
from asas.engine.verbatim.parse import COUNSELOR, Turn
# a word or two quoted where a sentence starts: what is tagged, the same in both
from asas.engine.verbatim.tag import _reported

_LEX = lexicon()

QUESTION_FUNCTIONS = ("clarification", "goal_setting", "evaluation")
# codes a question may carry beside its type
WITH_QUESTION = ("attending", "structuring", "role_play", "homework", "judgmental", "pressure",
                 "information_giving", "confrontation")
STATEMENT = ("attending", "structuring", "paraphrase", "reflection_of_feeling", "summarizing",
             "interpretation", "confrontation", "information_giving", "advice",
             "directive_instruction", "reinforcement", "self_disclosure", "homework",
             "role_play", "judgmental", "pressure", "evaluation")

_SENTENCE = re.compile(r"(?<=[.?!…])\s+(?=\S)")
_QUOTE = re.compile(r"\"[^\"]+\"|“[^”]+”")
# A line spoken in a role starts the turn or follows the end of a sentence (or a colon:
# "Coba bilang ke Ibu: "..."); a quote anywhere else is reported speech
_ROLE_AFTER = re.compile(r"(?:^|[.?!…:])\s*$")
# a statement said with a softening "…, ya?" (or Makassar "di'?"): a reflection, a
# paraphrase, a summary or an interpretation so said stays what it is (spec/verbatim.md)
_SOFTENED = re.compile(r"(?:,\s*|\s)(?:ya|di')\?$")
SOFTENED_CODES = frozenset(("reflection_of_feeling", "paraphrase", "summarizing", "interpretation"))
_TOKEN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_FUNCTION_WORDS = frozenset(["yang", "dan", "itu", "ini", "di", "ke", "dari", "untuk", "sama", "aja", "saja", "ya", "juga", "jadi", "kan", "sih", "dong", "deh", "kok", "lho", "loh", "nah", "oh", "oke", "ok", "iya", "ada", "apa", "kamu", "mbak", "mas", "saya", "aku", "ibu", "bapak", "bu", "pak", "dia", "kita", "kami", "mereka", "lagi", "udah", "sudah", "belum", "mau", "bisa", "akan", "tapi", "tetapi", "atau", "kalau", "kalo", "karena", "biar", "supaya", "dengan", "dalam", "pada", "nggak", "gak", "enggak", "tidak", "tak", "ga", "terus", "lalu", "masih", "cuma", "hanya", "buat", "sampai", "seperti", "kayak", "gitu", "begitu", "banget", "sekali", "lebih", "paling", "the", "nya", "mu", "ku", "pun", "lah", "tadi", "nanti"])


@dataclass(frozen=True)
class Tag:
    code: str
    cue: str          # the words that decided it, as found in the turn
    why: str          # the cue's description, or the rule that decided (English)
    why_id: str = ""  # ... in Indonesian

    def because(self, lang: str) -> str:
        return self.why_id if lang == "id" and self.why_id else self.why


# the tagger's own decisions, in both languages
_RULES = {
    "advice phrased as a question": "saran dalam bentuk pertanyaan",
    "a feeling said back, with a softening question": "perasaan dipantulkan, dengan 'ya?'",
    "asking leave to give information": "meminta izin memberi informasi",
    "checking the client's name or state at the start": "menyapa, memastikan nama atau keadaan konseli",
    "the client's words asked back": "kata-kata konseli ditanyakan kembali",
    "asked to be answered yes or no": "ditanyakan untuk dijawab ya atau tidak",
    "continues the question before it": "melanjutkan pertanyaan sebelumnya",
    "a question answered yes or no, or with one fact": "pertanyaan yang dijawab ya/tidak atau satu fakta",
    "asking the client to tell more": "meminta konseli bercerita lebih banyak",
    "the client's own words said back": "kata-kata konseli sendiri dipantulkan",
    "a line spoken in a role": "kalimat yang diucapkan dalam peran",
    "a short response that lets the client go on": "tanggapan singkat agar konseli melanjutkan",
    "a statement about the client (no other cue)": "pernyataan tentang konseli (tanpa penanda lain)",
    "what the client said, then set against something else": "ucapan konseli, lalu dipertentangkan dengan hal lain",
    "a line spoken in a role, as its note says": "kalimat yang diucapkan dalam peran, seperti kata catatannya",
    "coaching between the lines of a role play": "arahan di sela-sela permainan peran",
}


@dataclass
class TaggedTurn:
    turn: Turn
    tags: list[Tag]

    @property
    def codes(self) -> list[str]:
        return [t.code for t in self.tags]


def normalise(text: str) -> str:
    # str.split() cuts at exactly the characters re's \s matches (str.isspace)
    out = " ".join(text.lower().replace("’", "'").replace("‘", "'").replace("…", "...")
                   .split())
    # the lexicon's chat spellings, each a whole word, never after a number
    if _LEX.spellings:
        spelled = r"(?<![0-9] )\b(?:" + "|".join(map(re.escape, _LEX.spellings)) + r")\b"
        out = re.sub(spelled, lambda m: _LEX.spellings[m.group()], out)
    return out


def sentences(text: str) -> list[str]:
    """A turn cut into sentences; a quoted line (a role) stays whole."""
    out: list[str] = []
    cut = 0         # where the text not yet cut into sentences starts
    for m in _QUOTE.finditer(text):
        before = text[cut:m.start()]
        if before.strip() and not _ROLE_AFTER.search(before):
            # a quote inside a sentence ("bilang saja "skip"", "yang mereka tahu cuma
            # "bentar lagi""): reported speech, cut with the sentence around it
            continue
        if _reported(m):
            # a word or two quoted where a sentence starts, the sentence going on
            # (""Terserah" dari Bli Gede itu maksudnya bagaimana?"): reported speech too
            continue
        out.extend(s for s in _SENTENCE.split(before) if s.strip())
        out.append(m.group())
        cut = m.end()
    out.extend(s for s in _SENTENCE.split(text[cut:]) if s.strip())
    return [s.strip() for s in out if s.strip()]


# The prefilter, built once from the lexicon's requirements (lexicon.requirements): an
# alternative is searched only when the sentence holds one needle of each of its
# requirements.  Each needle is looked up the cheapest sound way (lexicon.key): as a
# whole word of the sentence, as how one of its words begins or ends, or, for the few
# left, as a substring.  One requirement of each alternative (its trigger) indexes it,
# so a sentence's words name its candidates with a few set intersections; the others
# are checked per candidate.  Candidates are searched in the lexicon's order, so the
# first matching cue of each code is the one the plain cue-by-cue search would find.
_PARTS: list[tuple[str, Any, Any, tuple[Any, ...]]] = []   # (code, cue, lazy pattern, checks)
_ALWAYS: list[int] = []
_WORD_IX: dict[str, list[int]] = {}
_START_IX: dict[str, list[int]] = {}
_END_IX: dict[str, list[int]] = {}
_TEXT_IX: dict[str, list[int]] = {}
_START_LENS: set[int] = set()
_END_LENS: set[int] = set()


def _check(keys) -> tuple:
    words, starts, ends, texts = set(), set(), set(), []
    for kind, value in keys:
        if kind == "t":
            words.add(value)
        elif kind == "p":
            starts.add(value)
            _START_LENS.add(len(value))
        elif kind == "s":
            ends.add(value)
            _END_LENS.add(len(value))
        else:
            texts.append(value)
    return frozenset(words), frozenset(starts), frozenset(ends), tuple(sorted(texts))


_IX = {"t": _WORD_IX, "p": _START_IX, "s": _END_IX, "x": _TEXT_IX}
for _cue in _LEX.cues:
    for (_lazy, _), _plan in zip(_cue.parts, _cue.plans):
        _k = len(_PARTS)
        if _plan is None:
            _ALWAYS.append(_k)
            _PARTS.append((_cue.code, _cue, _lazy, ()))
            continue
        for _kind, _value in _plan[1]:
            if _kind == "p":
                _START_LENS.add(len(_value))
            elif _kind == "s":
                _END_LENS.add(len(_value))
            _IX[_kind].setdefault(_value, []).append(_k)
        _PARTS.append((_cue.code, _cue, _lazy, tuple(_check(c) for c in _plan[2])))
_START_LENS_T = tuple(sorted(_START_LENS))
_END_LENS_T = tuple(sorted(_END_LENS))
_TEXTS = tuple(_TEXT_IX.items())
# as sets: a set meets a set from its smaller side (a dict, it would walk whole)
_WORD_KEYS, _START_KEYS, _END_KEYS = frozenset(_WORD_IX), frozenset(_START_IX), frozenset(_END_IX)
_WORDS = re.compile(r"\w+")


def _cues(sentence: str) -> dict:
    """code -> (the words matched, the cue) for every code some cue of which matches:
    the first matching cue of each code in the lexicon's order.  Only the alternatives
    whose requirements the sentence meets are searched."""
    tokens = _WORDS.findall(sentence)
    words = set(tokens)
    # t[:3] of a shorter word is the word itself: still how it begins, so still sound
    starts = {t[:n] for n in _START_LENS_T for t in tokens}
    ends = {t[-n:] for n in _END_LENS_T for t in tokens}
    candidates = set(_ALWAYS)
    for w in words & _WORD_KEYS:
        candidates.update(_WORD_IX[w])
    for w in starts & _START_KEYS:
        candidates.update(_START_IX[w])
    for w in ends & _END_KEYS:
        candidates.update(_END_IX[w])
    for text, ks in _TEXTS:
        if text in sentence:
            candidates.update(ks)
    found: dict = {}
    for k in sorted(candidates):
        code, cue, lazy, checks = _PARTS[k]
        if code in found:
            continue
        for w, st, en, tx in checks:     # each requirement met by one of its needles
            if w and not w.isdisjoint(words):
                continue
            if st and not st.isdisjoint(starts):
                continue
            if en and not en.isdisjoint(ends):
                continue
            if tx and any(t in sentence for t in tx):
                continue
            break
        else:
            rx = lazy.rx
            if rx is None:
                rx = lazy.rx = re.compile(_speedy(lazy.pattern))
            m = rx.search(sentence)
            if m:
                found[code] = (m.group(0).strip(" ,.?!"), cue)
    return found


_STEMS: dict[str, str] = {}    # word -> stem, a pure function remembered (bounded)


def _stem(word: str) -> str:
    stem = _STEMS.get(word)
    if stem is None:
        stem = _stem_of(word)
        if len(_STEMS) < 50_000:
            _STEMS[word] = stem
    return stem


def _stem_of(word: str) -> str:
    for suffix in ("nya", "mu", "ku", "lah", "kah"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[:-len(suffix)]
            break
    for prefix in ("di", "ke", "ter", "ber", "mem", "men", "meng", "me", "nge", "ng"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 4:
            return word[len(prefix):]
    return word


def _content(text: str) -> set[str]:
    return {_stem(w) for w in _TOKEN.findall(normalise(text))
            if w not in _FUNCTION_WORDS and len(w) > 2}


def _overlap(sentence: str, heard: set[str]) -> float:
    words = _content(sentence)
    if len(words) < 2 or not heard:
        return 0.0
    return len(words & heard) / len(words)


_YES_NO = _LEX.patterns["yes_no"]
_OPEN_REQUEST = _LEX.patterns["open_request"]
_SAID = _LEX.patterns["said"]
_BUT_AFTER = _LEX.patterns["but_after"]
_ELLIPTIC = _LEX.patterns["elliptic"]
_EMO_FIRST = re.compile(_LEX.expand(r"^{EMO}\b"))
# "Dini, ya?", and the greeting with it: "Selamat siang, Bima ya?"
_CHECK_IN = re.compile(r"^[a-z']+(?: [a-z']+)?, ya\?$"
                       r"|^(?:(?:selamat )?(?:pagi|siang|sore|malam)|halo|hai),? [a-z']+,? ya\?$")


def _tag(code, hit, why=None) -> Tag:
    words, what = hit if hit else ("", "")
    if why:
        return Tag(code, words, why, _RULES.get(why, why))
    if isinstance(what, str):
        return Tag(code, words, what, _RULES.get(what, what))
    return Tag(code, words, what.en, what.id)


def tag_sentence(sentence: str, heard: set[str], state: dict | None = None) -> list[Tag]:
    s = normalise(sentence)
    is_question = s.rstrip('"”').endswith("?")
    found = _cues(s)
    tags: list[Tag] = []

    def add(code, hit=None, why=None):
        if any(t.code == code for t in tags):
            return
        tags.append(_tag(code, hit, why))

    if s.startswith(('"', "“")) and not _reported(_QUOTE.match(s)):
        add("role_play", (s[:40], "a line spoken in a role"))
        return tags
    if is_question:
        if "minimal_encouragement" in found:
            add("minimal_encouragement", found["minimal_encouragement"])
            return tags
        if _SOFTENED.search(s):
            told = tag_sentence(s[:-1].rstrip() + ".", heard, state)
            if any(t.code in SOFTENED_CODES for t in told):
                return told
        state = state if state is not None else {}
        function = next((c for c in QUESTION_FUNCTIONS if c in found), None)
        words = _TOKEN.findall(s)
        if function:
            add(function, found[function])
        elif "information_giving" in found and re.search(r"\binfo(?:rmasi)?\b", s):
            add("information_giving", found["information_giving"],
                "asking leave to give information")
        elif _CHECK_IN.match(s) and state.get("turn", 99) <= 3:
            add("attending", (s, "checking the client's name or state at the start"))
        elif len(words) <= 3 and heard and not _ELLIPTIC.match(s) and all(_stem(w) in heard or w in _FUNCTION_WORDS
                                               for w in words):
            add("clarification", (s, "the client's words asked back"))
        elif "advice" in found and re.search(r"\b(?:gimana|bagaimana) kalau\b", s):
            add("advice", found["advice"], "advice phrased as a question")
        elif _EMO_FIRST.match(s) and len(s.split()) <= 4:
            add("reflection_of_feeling", (s.split()[0].strip(",.?"), "a feeling said back, "
                                          "with a softening question"))
        elif _YES_NO.search(s):
            add("closed_question", (_YES_NO.search(s).group(0), "asked to be answered yes or no"))
        elif "open_question" in found:
            add("open_question", found["open_question"])
        elif _ELLIPTIC.match(s) and state.get("last_question"):
            kind = state["last_question"]
            add(kind, (s.split()[0], "continues the question before it"))
        else:
            add("closed_question", found.get("closed_question") or (
                " ".join(s.split()[-3:]), "a question answered yes or no, or with one fact"))
        for t in tags:
            if t.code in ("open_question", "closed_question"):
                state["last_question"] = t.code
        for code in WITH_QUESTION:
            if code in found and code not in ("information_giving", "confrontation"):
                add(code, found[code])
        return tags
    for code in STATEMENT:
        if code in found:
            add(code, found[code])
    request = _OPEN_REQUEST.search(s)
    if request:
        add("open_question", (request.group(0), "asking the client to tell more"))
    codes = {t.code for t in tags}
    if "interpretation" in codes:
        tags = [t for t in tags if t.code != "reflection_of_feeling"]
    if "summarizing" in codes:
        tags = [t for t in tags if t.code != "paraphrase"]
    if not tags and "minimal_encouragement" in found:
        add("minimal_encouragement", found["minimal_encouragement"])
    if not tags and len(_content(s)) >= 3 and _overlap(s, heard) >= 0.4:
        add("paraphrase", (s[:40], "the client's own words said back"))
    return tags


_IN_ROLE = lexicon().patterns["in_role"]
_OUT_OF_ROLE = lexicon().patterns["out_of_role"]


def tag_turn(turn: Turn, heard: set[str], state: dict | None = None) -> list[Tag]:
    """The codes of one counselor turn, each with the cue that decided it."""
    if not turn.text:
        return []
    state = state if state is not None else {}
    state["turn"] = turn.index
    tags: list[Tag] = []
    parts = sentences(turn.text)
    for sentence in parts:
        for tag in tag_sentence(sentence, heard, state):
            if all(t.code != tag.code for t in tags):
                tags.append(tag)
    if len(parts) > 1 and not {"confrontation", "summarizing"} & {t.code for t in tags}:
        for this, after in zip(parts, parts[1:]):
            m = _SAID.search(normalise(this))
            if m and _BUT_AFTER.search(normalise(after)):
                tags.append(_tag("confrontation", (m.group(0), ""), "what the client said, then set against something else"))
                break
    codes = [t.code for t in tags]
    if "summarizing" in codes:
        tags = [t for t in tags if t.code not in ("paraphrase", "information_giving")]
    if "minimal_encouragement" in codes and len(codes) > 1:
        tags = [t for t in tags if t.code != "minimal_encouragement"]
    if "evaluation" in codes and "structuring" in codes:
        tags = [t for t in tags if not (t.code == "structuring" and t.cue.startswith(
            ("sebelum kita tutup", "sebelum kita akhiri", "sebelum kita selesai")))]
    for note in turn.notes:
        if _IN_ROLE.search(note.lower()):
            tags = [_tag("role_play", (note[:40], ""), "a line spoken in a role, as its note says")]
            state["in_role"] = True
            break
    if not tags:
        if turn.words <= 3:
            tags.append(_tag("minimal_encouragement", (turn.text[:30], ""), "a short response that lets the client go on"))
        elif _overlap(turn.text, heard) >= 0.3:
            tags.append(_tag("paraphrase", (turn.text[:40], ""), "the client's own words said back"))
        else:
            tags.append(_tag("paraphrase", (turn.text[:40], ""), "a statement about the client (no other cue)"))
    if "self_disclosure" in [t.code for t in tags] and turn.words < 20:
        pass
    return tags


def tag_session(turns: list[Turn]) -> list[TaggedTurn]:
    """Every turn of a session; only the counselor's carry codes."""
    out = []
    heard: set[str] = set()
    state: dict = {}
    for turn in turns:
        if turn.speaker == COUNSELOR:
            out.append(TaggedTurn(turn, tag_turn(turn, heard, state)))
        else:
            out.append(TaggedTurn(turn, []))
            heard = _content(turn.text)
    # coaching out of the role, with a line in the role after it, is role play too
    in_role = [i for i, tt in enumerate(out)
               if any(t.why == "a line spoken in a role, as its note says" for t in tt.tags)]
    for tt in out[:max(in_role, default=-1)]:
        outs = [n for n in tt.turn.notes if _OUT_OF_ROLE.search(n.lower())]
        if outs and "role_play" not in [t.code for t in tt.tags]:
            tt.tags.append(_tag("role_play", (outs[0][:40], ""), "coaching between the lines of a role play"))
    return out
