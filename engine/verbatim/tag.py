"""Tagging a session's counselor turns with techniques and marks, and saying why.

Rule-based and explainable: each sentence of a turn is matched against the cue lexicon
(rules/lexicon), and a few precedence rules from spec/verbatim.md decide between the
codes it shows:

- a question is coded by its function: one that clarifies, sets a goal or evaluates
  the session gets ``clarification``, ``goal_setting`` or ``evaluation`` alone; advice
  phrased as a question is ``advice``; a feeling said back with a softening "ya?" stays
  a reflection; any other question is ``open_question`` when it asks how, what or why,
  else ``closed_question`` (yes/no, either/or, a single fact);
- a statement takes every code whose cue it shows; an interpretation is not also a
  reflection; a summary is not also a paraphrase;
- a statement that says back the client's own words (most of its content words come
  from the client's last turn) is a ``paraphrase`` even without a marker.

``judgmental`` and ``pressure`` are tagged the same way.  No stopword list runs first
(the common Indonesian ones hold *apa, bagaimana, mengapa, merasa, kamu*).
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from asas.engine.verbatim.lexicon import FUNCTION_WORDS as _FUNCTION_WORDS
from asas.engine.verbatim.lexicon import lexicon, word_runs
from asas.engine.verbatim.lexicon import speedy as _speedy
from asas.engine.verbatim.names import as_you
from asas.engine.verbatim.parse import COUNSELOR, Turn

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
# a quote of at most three words with no end mark of its own, and what goes on after it
_WORD_QUOTED = re.compile(r"[\"“]\s*\w[\w'-]*(?:\s+\w[\w'-]*){0,2}\s*[\"”]$")
_GOES_ON = re.compile(r"\s+\w")


def _reported(quote: re.Match | None) -> bool:
    """Whether a quote where a sentence starts only reports a word or two, the sentence
    going on (""Terserah" dari Bli Gede itu maksudnya bagaimana?"): no line in a role."""
    return quote is not None and bool(_WORD_QUOTED.match(quote.group())) and \
        _GOES_ON.match(quote.string, quote.end()) is not None


# A line spoken in a role starts the turn or follows the end of a sentence (or a colon:
# "Coba bilang ke Ibu: "..."); a quote anywhere else is reported speech
_ROLE_AFTER = re.compile(r"(?:^|[.?!…:])\s*$")
# a statement said with a softening "…, ya?" (or Makassar "di'?"): a reflection, a
# paraphrase, a summary or an interpretation so said stays what it is (spec/verbatim.md)
_SOFTENED = re.compile(r"(?:,\s*|\s)(?:ya|di')\?$")
SOFTENED_CODES = frozenset(("reflection_of_feeling", "paraphrase", "summarizing", "interpretation"))
_TOKEN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


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
    "what the client said, then set against something else":
        "ucapan konseli, lalu dipertentangkan dengan hal lain",
    "a line spoken in a role, as its note says": "kalimat yang diucapkan dalam peran, "
                                                 "seperti kata catatannya",
    "coaching between the lines of a role play": "arahan di sela-sela permainan peran",
}


@dataclass
class TaggedTurn:
    turn: Turn
    tags: list[Tag]
    _codes: list[str] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def codes(self) -> list[str]:
        """The tags' codes (worked out once: measures and facts read them again and again;
        read only, as the tags are)."""
        if self._codes is None:
            self._codes = [t.code for t in self.tags]
        return self._codes


# Pure functions of a text, remembered: a batch's sessions repeat their greetings,
# encouragements, questions and closings.  Each memory is emptied when it is full, so it
# stays small however many files one process checks; what it gives back is shared, and
# never changed by its callers.
_REMEMBER = 5_000
_NORMAL: dict[str, str] = {}


def normalise(text: str) -> str:
    out = _NORMAL.get(text)
    if out is None:
        if len(_NORMAL) >= _REMEMBER:
            _NORMAL.clear()
        # str.split() cuts at exactly the characters re's \s matches (str.isspace)
        out = " ".join(text.lower().replace("’", "'").replace("‘", "'")
                       .replace("…", "...").split())
        if _spelled(out):
            out = _SPELLED.sub(_spelled_out, out)
        _NORMAL[text] = out
    return out


# the lexicon's chat spellings ("yg", "udh"), each a whole word, never after a number
# ("5 km"); no look-behind in front of the words, so that re scans for their first letters
_SPELLED = re.compile(r"\b(?:" + "|".join(map(re.escape, _LEX.spellings)) + r")\b"
                      if _LEX.spellings else r"(?!)")
_AFTER_NUMBER = re.compile(r"[0-9] $")
# ASCII text: its runs of word characters (re's \w, lexicon.word_runs) are exactly the
# words \b...\b can match, found without the regex (as bytes)
_SPELLINGS = frozenset(w.encode() for w in _LEX.spellings)


def _spelled(text: str) -> bool:
    """Whether _SPELLED finds a word in ``text`` (a tenth of its cost on ASCII text)."""
    if text.isascii():
        return not _SPELLINGS.isdisjoint(word_runs(text))
    return _SPELLED.search(text) is not None


def _spelled_out(m) -> str:
    if _AFTER_NUMBER.search(m.string, 0, m.start()):
        return m.group()
    return _LEX.spellings[m.group()]


def sentences(text: str) -> list[str]:
    """A turn cut into sentences; a quoted line (a role) stays whole."""
    if '"' not in text and "“" not in text:
        # most turns are one sentence: with no end mark before the last character there
        # is nowhere to cut, and the regex (tried at every position) need not run
        body = text[:-1]
        if "." not in body and "?" not in body and "!" not in body and "…" not in body:
            text = text.strip()
            return [text] if text else []
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
_WORDS = re.compile(r"\w+")
# a text of word characters only, found in a sentence, lies inside one of its words (the
# runs _WORDS finds): it is looked for once per word (_PerWord, remembered), the other
# texts once per sentence
_WORD_TEXTS = tuple((t, ks) for t, ks in _TEXTS if _WORDS.fullmatch(t))
_SENTENCE_TEXTS = tuple((t, ks) for t, ks in _TEXTS if not _WORDS.fullmatch(t))
_WORD_TEXT_MIN = min((len(t) for t, _ in _WORD_TEXTS), default=0)   # no shorter word holds one


# What _tag_sentence reads of a sentence's cues depends on its kind: a question reads
# its type, its function and the few codes a question may carry (WITH_QUESTION), a
# statement the codes of STATEMENT.  Each code's first matching cue does not depend on
# the other codes, so the cues of a kind are the whole lexicon's search (the reference
# tagger's _cues, tests/verbatim_tag_reference.py) restricted to the codes it reads,
# searched without the alternatives of the others (open and closed questions are the
# two costliest searches, and no statement reads them).
_QUESTION_READS = frozenset(("minimal_encouragement", "information_giving", "advice",
                             "open_question", "closed_question") + QUESTION_FUNCTIONS
                            + WITH_QUESTION)
_STATEMENT_READS = frozenset(STATEMENT + ("minimal_encouragement",))

# The look-ups of the whole search, made per word rather than per sentence: a word's keys
# (itself, how it begins, how it ends, each marked by kind, as the checks name them)
# and the alternatives it makes candidates of, remembered; a sentence's are the union
# of its words'.  Only the keys some check names are kept.


def _marked(w, st, en) -> frozenset:
    return frozenset(["t " + x for x in w] + ["p " + x for x in st] + ["s " + x for x in en])


_CHECKED = frozenset().union(*(_marked(w, st, en) for _, _, _, checks in _PARTS
                               for w, st, en, _ in checks))


def _kind_index(reads: frozenset) -> tuple:
    """(the alternatives' look-ups, their text triggers, those searched always) of the
    alternatives of the codes in ``reads``."""
    parts = tuple((code, cue, lazy, tuple((_marked(w, st, en), tx) for w, st, en, tx in checks))
                  if code in reads else None for code, cue, lazy, checks in _PARTS)
    texts = tuple((text, frozenset(k for k in ks if parts[k] is not None))
                  for text, ks in _SENTENCE_TEXTS)
    return (parts, tuple((t, ks) for t, ks in texts if ks),
            frozenset(k for k in _ALWAYS if parts[k] is not None))


class _PerWord(dict):
    """word -> (keys, {kind: candidates}); filled on a miss, emptied when full."""

    def __missing__(self, word: str) -> tuple:
        if len(self) >= 50_000:
            self.clear()
        keys = {"t " + word, *("p " + word[:n] for n in _START_LENS_T),
                *("s " + word[-n:] for n in _END_LENS_T)}
        cands = set(_WORD_IX.get(word, ()))
        for n in _START_LENS_T:
            cands.update(_START_IX.get(word[:n], ()))
        for n in _END_LENS_T:
            cands.update(_END_IX.get(word[-n:], ()))
        if len(word) >= _WORD_TEXT_MIN:
            for text, ks in _WORD_TEXTS:
                if text in word:
                    cands.update(ks)
        out = self[word] = (frozenset(keys & _CHECKED),
                            tuple(frozenset(k for k in cands if kind[0][k] is not None)
                                  for kind in _KINDS))
        return out


_KINDS = (_kind_index(_STATEMENT_READS), _kind_index(_QUESTION_READS))
_PER_WORD = _PerWord()
_FOUND_KIND: dict[tuple[str, bool], dict] = {}


def _cues_of_kind(sentence: str, question: bool) -> dict:
    """The whole search's cues of ``sentence`` restricted to what a question (or a
    statement) reads (remembered)."""
    found = _FOUND_KIND.get((sentence, question))
    if found is None:
        if len(_FOUND_KIND) >= _REMEMBER:
            _FOUND_KIND.clear()
        found = _FOUND_KIND[(sentence, question)] = _search_kind(sentence, question)
    return found


def _search_kind(sentence: str, question: bool) -> dict:
    parts, texts, always = _KINDS[question]
    per_word = [_PER_WORD[t] for t in _WORDS.findall(sentence)]
    keys = frozenset().union(*[w[0] for w in per_word])
    candidates = set(always).union(*[w[1][question] for w in per_word])
    for text, ks in texts:
        if text in sentence:
            candidates.update(ks)
    found: dict = {}
    for k in sorted(candidates):
        code, cue, lazy, checks = parts[k]
        if code in found:
            continue
        for needles, tx in checks:     # each requirement met by one of its needles
            if needles and not needles.isdisjoint(keys):
                continue
            for t in tx:
                if t in sentence:
                    break
            else:
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


_CONTENT: dict[str, frozenset[str]] = {}


def _content(text: str) -> frozenset[str]:
    words = _CONTENT.get(text)
    if words is None:
        if len(_CONTENT) >= _REMEMBER:
            _CONTENT.clear()
        words = _CONTENT[text] = frozenset(_stem(w) for w in _TOKEN.findall(normalise(text))
                                           if w not in _FUNCTION_WORDS and len(w) > 2)
    return words


def _overlap(sentence: str, heard: AbstractSet[str]) -> float:
    words = _content(sentence)
    if len(words) < 2 or not heard:
        return 0.0
    return len(words & heard) / len(words)


_YES_NO = _LEX.patterns["yes_no"]
_OPEN_REQUEST = _LEX.patterns["open_request"]
_SAID = _LEX.patterns["said"]
_SET_AGAINST = "what the client said, then set against something else"
_BUT_AFTER = _LEX.patterns["but_after"]
_ELLIPTIC = _LEX.patterns["elliptic"]
_IN_ROLE = _LEX.patterns["in_role"]
_OUT_OF_ROLE = _LEX.patterns["out_of_role"]
_EMO_FIRST = re.compile(_LEX.expand(r"^{EMO}\b"))
# "Dini, ya?", and the greeting with it: "Selamat siang, Bima ya?"
_CHECK_IN = re.compile(r"^[a-z']+(?: [a-z']+)?, ya\?$"
                       r"|^(?:(?:selamat )?(?:pagi|siang|sore|malam)|halo|hai),? [a-z']+,? ya\?$")
# the client spoken to, or something of theirs ("nilaimu"): a second person in the sentence
_ADDRESSED = re.compile(r"\b(?:kamu|kau|engkau|anda|mbak|mas|dik|adik|nak)\b|\w{3,}mu\b")


def _tag(code, hit, why=None) -> Tag:
    words, what = hit if hit else ("", "")
    if why:
        return Tag(code, words, why, _RULES.get(why, why))
    if isinstance(what, str):
        return Tag(code, words, what, _RULES.get(what, what))
    return Tag(code, words, what.en, what.id)


class _Consulted(Exception):
    pass


class _Unread:
    """The client's words and the session's state, for reading a sentence on its own:
    consulting either says the sentence's tags depend on its session.  What is written
    to the state (the last question's type) is kept, to be written again."""

    wrote: str | None = None

    def _consulted(self, *_):
        raise _Consulted

    __bool__ = __len__ = __contains__ = __iter__ = __and__ = __rand__ = get = _consulted

    def __setitem__(self, key: str, value: str) -> None:
        self.wrote = value


_SESSIONAL = object()
_TAGGED: dict[str, Any] = {}   # sentence -> (tags, last question written) or _SESSIONAL


def tag_sentence(sentence: str, heard: AbstractSet[str], state: dict | None = None) -> list[Tag]:
    """The tags of one sentence.  Most sentences are tagged by what they say alone; those
    are remembered (the rest, read against the client's words or the session's state,
    are tagged each time)."""
    hit: Any = _TAGGED.get(sentence)
    if hit is None:
        unread: Any = _Unread()
        try:
            hit = (tuple(_tag_sentence(sentence, unread, unread)), unread.wrote)
        except _Consulted:
            hit = _SESSIONAL
        if len(_TAGGED) >= _REMEMBER:
            _TAGGED.clear()
        _TAGGED[sentence] = hit
    if hit is _SESSIONAL:
        return _tag_sentence(sentence, heard, state)
    tags, wrote = hit
    if wrote is not None and state is not None:
        state["last_question"] = wrote
    return list(tags)


def _tag_sentence(sentence: str, heard: AbstractSet[str], state: dict | None) -> list[Tag]:
    s = normalise(sentence)
    if s.startswith(('"', "“")) and not _reported(_QUOTE.match(s)):
        return [_tag("role_play", (s[:40], "a line spoken in a role"))]
    is_question = s.rstrip('"”').endswith("?")
    found = _cues_of_kind(s, is_question)
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
            told = _tag_sentence(s[:-1].rstrip() + ".", heard, state)
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
        elif yes_no := _YES_NO.search(s):
            add("closed_question", (yes_no.group(0), "asked to be answered yes or no"))
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
    if "self_disclosure" in codes and "reinforcement" in codes and not _ADDRESSED.search(s):
        # the praise word is about the counselor's own story ("waktu kuliah Ibu pernah
        # dapat nilai bagus"), however far it stands from "Ibu": a sentence that says
        # nothing to the client praises nothing of theirs
        tags = [t for t in tags if t.code != "reinforcement"]
    if "summarizing" in codes:
        tags = [t for t in tags if t.code != "paraphrase"]
    if not tags and "minimal_encouragement" in found:
        add("minimal_encouragement", found["minimal_encouragement"])
    if not tags and len(_content(s)) >= 3 and _overlap(s, heard) >= 0.4:
        add("paraphrase", (s[:40], "the client's own words said back"))
    return tags


def _said_then_but(parts: list[str]) -> str | None:
    """The words "tadi kamu bilang" of a sentence that the next one sets something
    against ("Tapi ..."): a confrontation over two sentences (spec: tadi kamu bilang...,
    tetapi...)."""
    for this, after in pairwise(parts):
        if _BUT_AFTER.search(normalise(after)):
            m = _SAID.search(normalise(this))
            if m:
                return m.group(0)
    return None


def tag_turn(turn: Turn, heard: AbstractSet[str], state: dict | None = None,
             names: tuple[str, ...] = ()) -> list[Tag]:
    """The codes of one counselor turn, each with the cue that decided it; ``names``:
    the client's name, read as *kamu* (engine/verbatim/names.py)."""
    if not turn.text:
        return []
    state = state if state is not None else {}
    state["turn"] = turn.index
    parts = sentences(as_you(turn.text, names) if names else turn.text)
    if len(parts) == 1:     # most turns; one sentence's tags have a code each
        tags = tag_sentence(parts[0], heard, state)
    else:
        tags = []
        for sentence in parts:
            for tag in tag_sentence(sentence, heard, state):
                if all(t.code != tag.code for t in tags):
                    tags.append(tag)
        # a summary sets what the client said side by side ("Jadi dari tadi kamu
        # cerita: … Tapi …"); it confronts nothing
        if all(t.code not in ("confrontation", "summarizing") for t in tags):
            said = _said_then_but(parts)
            if said is not None:
                tags.append(_tag("confrontation", (said, ""), _SET_AGAINST))
    codes = [t.code for t in tags]
    if "summarizing" in codes:
        # a summary says the client's story and the facts found again: it neither
        # paraphrases one sentence nor tells the client anything new
        tags = [t for t in tags if t.code not in ("paraphrase", "information_giving")]
    if "minimal_encouragement" in codes and len(codes) > 1:
        tags = [t for t in tags if t.code != "minimal_encouragement"]
    if "evaluation" in codes and "structuring" in codes:
        # "Sebelum kita tutup, apa yang kamu dapat hari ini?": the closing words lead
        # into the evaluation, they do not structure the session (every expert's code)
        tags = [t for t in tags if not (t.code == "structuring"
                                        and t.cue.startswith(_BEFORE_CLOSING))]
    if turn.notes:
        tags = _in_role(turn.notes, tags)
        if tags and tags[0].why == _AS_NOTED:
            state["in_role"] = True
    if not tags:
        if turn.words <= 3:
            tags.append(_tag("minimal_encouragement", (turn.text[:30], ""), "a short response that lets the client go on"))
        elif _overlap(turn.text, heard) >= 0.3:
            tags.append(_tag("paraphrase", (turn.text[:40], ""), "the client's own words said back"))
        else:
            tags.append(_tag("paraphrase", (turn.text[:40], ""), "a statement about the client (no other cue)"))
    return tags


_AS_NOTED = "a line spoken in a role, as its note says"
_COACHING = "coaching between the lines of a role play"
_BEFORE_CLOSING = ("sebelum kita tutup", "sebelum kita akhiri", "sebelum kita selesai")


def _in_role(notes: tuple[str, ...], tags: list[Tag]) -> list[Tag]:
    """``tags`` as a turn's notes make them: a line the note says is spoken in a role
    ("(sebagai Bapak) Onok opo, Nduk?") is role play alone, whatever its words ask."""
    for note in notes:
        if _IN_ROLE.search(note.lower()):
            return [_tag("role_play", (note[:40], ""), _AS_NOTED)]
    return tags


def _coaching_in_role(out: list[TaggedTurn]) -> None:
    """A counselor turn whose note steps out of the role ("(keluar dari peran) Bagus,
    ...") coaches inside the role play when a later turn of the counselor's is in the
    role again: role play too, beside what it does (README of the labelled sessions);
    the talk after the last role line is the role play's debrief, not role play."""
    last_in_role = max((i for i, tt in enumerate(out) if tt.turn.notes and any(
        t.code == "role_play" and t.why == _AS_NOTED for t in tt.tags)), default=-1)
    for tt in out[:last_in_role]:
        if tt.turn.notes and any(_OUT_OF_ROLE.search(n.lower()) for n in tt.turn.notes) \
                and all(t.code != "role_play" for t in tt.tags):
            note = next(n for n in tt.turn.notes if _OUT_OF_ROLE.search(n.lower()))
            tt.tags.append(_tag("role_play", (note[:40], ""), _COACHING))
            tt._codes = None        # its codes, remembered, are worked out again


class _Heard(AbstractSet):
    """The content words of the client's last turn (``_content``), worked out when a
    tag first reads them: most counselor sentences are tagged by what they say alone
    (remembered, tag_sentence), so most client turns are never read.  It answers the
    few questions the tagger asks of the set (truth, size, membership, ``&``) as the
    frozenset would."""

    __slots__ = ("text", "words")

    def __init__(self, text: str):
        self.text = text
        self.words: frozenset[str] | None = None

    def _words(self) -> frozenset[str]:
        words = self.words
        if words is None:
            words = self.words = _content(self.text)
        return words

    def __bool__(self) -> bool:
        return bool(self._words())

    def __len__(self) -> int:
        return len(self._words())

    def __contains__(self, word) -> bool:
        return word in self._words()

    def __iter__(self):
        return iter(self._words())

    def __and__(self, other):
        return self._words() & other

    def __rand__(self, other):
        return other & self._words()


def tag_session(turns: list[Turn], names: tuple[str, ...] = ()) -> list[TaggedTurn]:
    """Every turn of a session; only the counselor's carry codes.  ``names``: the
    client's name as the counselor says it (names.client_names), read as *kamu*."""
    out = []
    heard: AbstractSet[str] = frozenset()
    state: dict = {}
    for turn in turns:
        if turn.speaker == COUNSELOR:
            out.append(TaggedTurn(turn, tag_turn(turn, heard, state, names)))
        else:
            out.append(TaggedTurn(turn, []))
            heard = _Heard(turn.text)
    if state.get("in_role"):
        _coaching_in_role(out)
    return out
