"""What a session's verbatim shows (spec/verbatim.md, "What the tool derives").

Per session: the measured talk share (counselor's words over all spoken words, third
parties included), counts per code, the open-to-closed and reflection-to-question
ratios, what the turns show of the opening (confidentiality, its limits,
voluntariness, purpose), whether the client voices a decision of their own near the
end, and the turns the knowledge base needs (advice, directives, judgmental remarks,
pressure, long self-disclosure, talk about the past).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from asas.engine.verbatim.lexicon import Sieves, lexicon
from asas.engine.verbatim.names import as_you, client_names
from asas.engine.verbatim.parse import CLIENT, CODES, COUNSELOR, MARKS, OTHER, Turn
from asas.engine.verbatim.tag import TaggedTurn, normalise, tag_session

_LEX = lexicon()
# each pattern searched only in a text that holds the words it needs (lexicon.Sieve):
# most turns hold none of them, and a whole turn costs a search dear
# (each whole pattern compiled only if a sieve needs it: most are searched by part)
_SIEVE_SET = Sieves({**{name: (_LEX.sources[name], None) for name in
                     ("decision", "not_own", "past", "asks_plan", "no_plan")},
                  **{"opening." + item: (_LEX.sources["opening." + item], None)
                     for item in _LEX.opening}}, _LEX.sieve_plans)
_SIEVES = _SIEVE_SET.sieves
_OPENING = {item: _SIEVES["opening." + item] for item in _LEX.opening}
_DECISION = _SIEVES["decision"]
_NOT_OWN = _SIEVES["not_own"]
_PAST = _SIEVES["past"]
_ASKS_PLAN = _SIEVES["asks_plan"]
_NO_PLAN = _SIEVES["no_plan"]
_KEYS: dict[str, frozenset] = {}    # a text's keys (Sieves.keys), remembered (bounded)


def _keys(text: str) -> frozenset:
    keys = _KEYS.get(text)
    if keys is None:
        if len(_KEYS) >= 5_000:
            _KEYS.clear()
        keys = _KEYS[text] = _SIEVE_SET.keys(text)
    return keys
REFLECTIONS = ("paraphrase", "reflection_of_feeling", "summarizing")
QUESTIONS = ("open_question", "closed_question")
FLAGS = ("advice", "directive_instruction", "judgmental", "pressure")
STEERING = ("advice", "directive_instruction")
_PAST_CODES = QUESTIONS + ("interpretation", "homework")   # turns whose talk of the past counts
_MARKS = frozenset(MARKS)
_PAST_CODES_SET = frozenset(_PAST_CODES)


@dataclass
class Flagged:
    """A turn the knowledge base hears about: what it is, where, and a short quote."""
    kind: str            # advice | directive_instruction | judgmental | pressure |
                         # long_self_disclosure | past | decision
    index: int
    line: int
    quote: str
    cue: str = ""


@dataclass
class SessionMeasures:
    number: int | None
    turns: list[TaggedTurn]
    talk_share: float | None
    words: dict[str, int]
    counts: dict[str, int]
    open_closed: float | None
    reflection_question: float | None
    opening: dict[str, bool]
    opening_turns: dict[str, int]        # item -> index of the first turn that shows it
    client_decision: bool
    decision_turn: int | None
    flagged: list[Flagged] = field(default_factory=list)
    # counselor turns whose trainee's label the tagger reads differently:
    # (turn index, line, labels, codes)
    mismatched: list[tuple] = field(default_factory=list)

    def flags(self, kind: str) -> list[Flagged]:
        return [f for f in self.flagged if f.kind == kind]


def quote(text: str, width: int = 80) -> str:
    """A short quote of a turn (what a finding shows)."""
    if len(text) > 4 * width:
        # a long text (a whole block): the spaced-out start of a text is the start of the
        # spaced-out text, so when the start alone runs past the width it is all we need
        head = " ".join(text[:4 * width].split())
        if len(head) > width:
            return head[:width - 1].rstrip() + "…"
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


def quote_spaced(text: str, width: int = 80) -> str:
    """``quote(text)`` of a text already spaced as ``quote`` spaces it (words one space
    apart, none at either end: a turn's text as engine/verbatim/parse.py reads it)."""
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 2) if b else None


def _as_read(turn: Turn, names: tuple[str, ...]) -> str:
    """A counselor turn's words as the cues read them, the client's name as *kamu*."""
    return normalise(as_you(turn.text, names) if names else turn.text)


def measure(turns: list[Turn], number: int | None = None,
            names: tuple[str, ...] = ()) -> SessionMeasures:
    """The session's measures; ``names``: the client's name as the counselor says it
    (names.client_names), read as *kamu*."""
    tagged = tag_session(turns, names)
    words = {COUNSELOR: 0, CLIENT: 0, OTHER: 0}
    counts: dict[str, int] = {}
    opening = dict.fromkeys(_OPENING, False)
    opening_turns: dict[str, int] = {}
    flagged: list[Flagged] = []
    mismatched = []
    # one pass over the turns: only the counselor's carry codes (tag_session), so only
    # theirs are counted, flagged and compared with the trainee's labels
    for tt in tagged:
        turn = tt.turn
        words[turn.speaker] += turn.words
        if turn.speaker != COUNSELOR:
            continue
        codes = tt.codes
        for code in codes:
            counts[code] = counts.get(code, 0) + 1
        # the turn's words as the cues read them: only for a turn the opening or the
        # past is searched in (a few of a session's)
        text = keys = None
        if "structuring" in codes and "pressure" not in codes and "judgmental" not in codes:
            text = _as_read(turn, names)
            keys = _keys(text)
            for item, rx in _OPENING.items():
                # an item once shown is not searched again (the searches are costly)
                if not opening[item] and rx.search(text, keys):
                    opening[item] = True
                    opening_turns[item] = turn.index
        for tag in tt.tags:
            if tag.code in FLAGS:
                flagged.append(Flagged(tag.code, turn.index, turn.line, quote_spaced(turn.text),
                                       tag.cue))
            if tag.code == "self_disclosure" and turn.words >= _LEX.long_self_disclosure:
                flagged.append(Flagged("long_self_disclosure", turn.index, turn.line,
                                       quote_spaced(turn.text), tag.cue))
        past = None
        if not _PAST_CODES_SET.isdisjoint(codes):
            if text is None:
                text = _as_read(turn, names)
            past = _PAST.search(text, _keys(text) if keys is None else keys)
        if past:
            flagged.append(Flagged("past", turn.index, turn.line, quote_spaced(turn.text),
                                   past.group(0)))
        if turn.labels:     # most turns: nothing to compare
            labels = set(turn.labels) - _MARKS
            if labels and not labels.issubset(codes):
                mismatched.append((turn.index, turn.line, tuple(turn.labels),
                                   tuple(c for c in codes if c not in MARKS)))
    total = sum(words.values())
    share = words[COUNSELOR] / total if total else None
    decision_turn = _client_decision(tagged)
    if decision_turn is not None:
        t = tagged[decision_turn].turn
        flagged.append(Flagged("decision", t.index, t.line, quote_spaced(t.text)))
    count = counts.get
    reflections = sum(count(c, 0) for c in REFLECTIONS)
    questions = sum(count(c, 0) for c in QUESTIONS)
    return SessionMeasures(
        number=number, turns=tagged, talk_share=share, words=words,
        counts={c: counts[c] for c in CODES if c in counts},
        open_closed=_ratio(count("open_question", 0), count("closed_question", 0)),
        reflection_question=_ratio(reflections, questions),
        opening=opening, opening_turns=opening_turns,
        client_decision=decision_turn is not None,
        decision_turn=None if decision_turn is None else tagged[decision_turn].turn.index,
        flagged=flagged, mismatched=mismatched)


def _client_decision(tagged: list[TaggedTurn]) -> int | None:
    """The position of the client's own decision or plan in the closing turns, if any:
    theirs, not an order repeated or a task agreed to."""
    start = len(tagged) * 2 // 3
    before: TaggedTurn | None = None
    for pos, tt in enumerate(tagged):
        if tt.turn.speaker == COUNSELOR:
            before = tt
            continue
        if pos < start or tt.turn.speaker != CLIENT:
            continue
        text = normalise(tt.turn.text)
        keys = _keys(text)
        answers_plan = (before is not None and "evaluation" in before.codes
                        and _ASKS_PLAN.search(asked := normalise(before.turn.text),
                                              _keys(asked))
                        and tt.turn.words >= 4 and not _NO_PLAN.search(text, keys))
        if not (_DECISION.search(text, keys) or answers_plan) or _NOT_OWN.search(text, keys):
            continue
        # what follows an order or a threat is not the client's own; what answers
        # "apa yang ingin kamu capai?" is a goal, a wish, not yet a decision
        if before is not None and any(c in before.codes for c in
                                      ("directive_instruction", "pressure", "goal_setting")):
            continue
        return pos
    return None


def measure_all(parsed_by_session: dict, case) -> dict[int, SessionMeasures]:
    """{session index: measures} for every session with a verbatim; the client's name
    read as *kamu* in every session (engine/verbatim/names.py)."""
    names = client_names(case.case.client.pseudonym,
                         [p.turns for p in parsed_by_session.values()])
    return {idx: measure(p.turns, case.sessions[idx].number, names)
            for idx, p in parsed_by_session.items()}
