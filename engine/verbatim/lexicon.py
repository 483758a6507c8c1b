"""The cue lexicon (rules/lexicon/cues.yaml), read once per process, macros expanded.

The lexicon is knowledge and lives with the rules; it is a data file, so reading it
imports nothing of the knowledge base (nor experta) and the reporting stage may show
what the tagger found."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache

import yaml

_Loader: type[yaml.CSafeLoader] | type[yaml.SafeLoader]
try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader

PATH = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(
    __file__)))), "rules", "lexicon", "cues.yaml")
# what required() reads off every alternative, kept beside the lexicon so a run need not
# parse ~300 patterns before its first sentence; used only while its digest matches the
# lexicon's bytes (python -m asas.engine.verbatim.lexicon rewrites it; a test checks it)
INDEX = PATH[:-len(".yaml")] + ".index.json"


# the regular-expression parser, to find the words a pattern cannot match without
if sys.version_info >= (3, 11):
    from re import _constants as _sre
    from re import _parser as _sre_parse
else:  # pragma: no cover - Python 3.10
    import sre_constants as _sre
    import sre_parse as _sre_parse


def required(pattern: str) -> frozenset | None:
    """Strings one of which every match of ``pattern`` contains, or None when no such
    set can be read off it.  A sentence holding none of them cannot match, so the
    tagger skips the search: most cues name words, and a substring test costs far less
    than a search (bench/verbatim_bench.py)."""
    reqs = requirements(pattern)
    return None if reqs is None else trigger(reqs)[0]


def requirements(pattern: str) -> list[frozenset] | None:
    """Every set of needles one of which each match of ``pattern`` contains: all of the
    sets hold at once.  A needle is ``(text, left, right)``: ``left`` when the text is
    known to stand at the start of a word or after a non-word character (``\\b``, ``^``
    or a non-word literal before it), ``right`` likewise at its end; the tagger turns
    those into whole-word, word-start or word-end look-ups.  None for a pattern this
    reading cannot vouch for (inline flags) or cannot parse."""
    if re.search(r"\(\?[aiLmsux]", pattern):
        return None
    tree = _parsed(pattern)
    if tree is None:
        return None
    try:
        return _reqs(list(tree), False, False) or None
    except Exception:   # an unusual construct: search always
        return None


def _parsed(pattern: str):
    try:
        return _sre_parse.parse(pattern)
    except Exception:   # pragma: no cover - re.compile reports it
        return None


class _Lazy:
    """A pattern compiled when first searched (most alternatives of the lexicon are never
    needed for a given file, and compiling them all costs more than checking one)."""
    __slots__ = ("pattern", "rx", "tree")

    def __init__(self, pattern: str, tree):
        self.pattern, self.tree = pattern, tree
        self.rx: re.Pattern[str] | None = None

    def search(self, text: str):
        if self.rx is None:
            self.rx = re.compile(speedy(self.pattern))
        return self.rx.search(text)


_NONWORD = re.compile(r"\W")
_BOUND_AT = frozenset(getattr(_sre, n) for n in ("AT_BOUNDARY", "AT_BEGINNING",
                                                 "AT_BEGINNING_STRING", "AT_END",
                                                 "AT_END_STRING"))


def _bound(item) -> bool:
    """True when ``item`` asserts, or consumes, a non-word edge."""
    op, av = item
    if op is _sre.AT:
        return av in _BOUND_AT
    if op is _sre.LITERAL:
        return bool(_NONWORD.match(chr(av)))
    return False


def _reqs(items, left: bool, right: bool) -> list[frozenset]:
    out: list[frozenset] = []
    run, run_left = "", False
    before = left       # is the edge before the current item a non-word edge?
    for i, (op, av) in enumerate(items):
        after = _bound(items[i + 1]) if i + 1 < len(items) else right
        if op is _sre.LITERAL:
            if not run:
                run_left = before
            run += chr(av)
            if i + 1 == len(items) or items[i + 1][0] is not _sre.LITERAL:
                out.append(frozenset({(run, run_left, after)}))
                run = ""
            before = _bound((op, av))
            continue
        if op is _sre.SUBPATTERN:
            if av[1] or av[2]:      # flags added or removed inside: no vouching
                raise ValueError("flags")
            out.extend(_reqs(list(av[-1]), before, after))
        elif op is _sre.BRANCH:
            alternatives = [_reqs(list(a), before, after) for a in av[1]]
            if all(alternatives):
                out.append(frozenset().union(*(trigger(a)[1] for a in alternatives)))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] >= 1:
            out.extend(_reqs(list(av[2]), False, False))
        before = _bound((op, av))
    return out


_CHUNK = re.compile(r"\w+")


# Words that carry no content of their own (the tagger reads the client's other words
# when it asks whether a counselor's sentence says them back, tag._overlap)
FUNCTION_WORDS = frozenset((
    "yang", "dan", "itu", "ini", "di", "ke", "dari", "untuk", "sama", "aja", "saja", "ya",
    "juga", "jadi", "kan", "sih", "dong", "deh", "kok", "lho", "loh", "nah", "oh", "oke",
    "ok", "iya", "ada", "apa", "kamu", "mbak", "mas", "saya", "aku", "ibu", "bapak", "bu",
    "pak", "dia", "kita", "kami", "mereka", "lagi", "udah", "sudah", "belum", "mau",
    "bisa", "akan", "tapi", "tetapi", "atau", "kalau", "kalo", "karena", "biar", "supaya",
    "dengan", "dalam", "pada", "nggak", "gak", "enggak", "tidak", "tak", "ga", "terus",
    "lalu", "masih", "cuma", "hanya", "buat", "sampai", "seperti", "kayak", "gitu",
    "begitu", "banget", "sekali", "lebih", "paling", "the", "nya", "mu", "ku", "pun",
    "lah", "tadi", "nanti",
))
# ... and with the forms of address and a few time words, the words of nearly every
# counselor's sentence: as a cue's trigger each would make that cue a candidate almost
# everywhere.  Only the look-up's speed depends on this list, never a tag.
COMMON = FUNCTION_WORDS | frozenset((
    "kau", "anda", "dik", "adik", "adek", "dek", "nak", "kakak", "kak", "waktu", "sebelum",
    "soal",
))


def key(needle) -> tuple:
    """The cheapest sound look-up for one needle: ``("t", word)`` (a whole word of the
    sentence), ``("p", start)`` (how some word begins, at most 3 characters),
    ``("s", end)`` (how some word ends), or ``("x", text)`` (a substring test)."""
    text, left, right = needle
    best = ("x", text)
    score = min(len(text), 9)
    for m in _CHUNK.finditer(text):
        lb = m.start() > 0 or left
        rb = m.end() < len(text) or right
        word = m.group()
        if lb and rb:
            # a word nearly every sentence has ("yang", "kamu", "waktu") makes a poor
            # trigger: a prefix or suffix of a rarer word names fewer candidates
            option, value = ("t", word), (7 if word in COMMON else 10 + len(word))
        elif lb:
            option, value = ("p", word[:3]), 5 + min(len(word), 3)
        elif rb:
            option, value = ("s", word[-3:]), 5 + min(len(word), 3)
        else:
            continue
        if value > score:
            best, score = option, value
    return best, score


def plan(reqs: list[frozenset]) -> tuple:
    """How the tagger looks an alternative up: (the needle texts of its trigger, the
    trigger's keys, the keys of each other requirement), keys as key() gives them."""
    texts, best = trigger(reqs)
    keys = lambda r: tuple(sorted({key(n)[0] for n in r}))   # noqa: E731
    return texts, keys(best), tuple(keys(r) for r in reqs if r is not best)


def trigger(reqs: list[frozenset]):
    """(the needle texts of the most selective requirement, the requirement)."""
    best = max(reqs, key=lambda r: (min(key(n)[1] for n in r), -len(r)))
    return frozenset(n[0] for n in best), best


def _structure(pattern: str):
    """``(index, char, depth)`` for each ``(``, ``)`` and ``|`` of a pattern that is not
    escaped or inside a character class; ``depth`` is the nesting after a ``(`` and
    before a ``)``."""
    depth, i, in_class = 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "]":
                i += 1
        elif ch == "(":
            depth += 1
            yield i, ch, depth
        elif ch == ")":
            yield i, ch, depth
            depth -= 1
        elif ch == "|":
            yield i, ch, depth
        i += 1


def alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern (``a|b(c|d)`` → ``a``, ``b(c|d)``)."""
    parts, start = [], 0
    for i, ch, depth in _structure(pattern):
        if ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    parts.append(pattern[start:])
    return parts


_PLAIN = re.compile(r"[a-z0-9]")
_QUANTIFIERS = ("?", "*", "+", "{")


def speedy(pattern: str) -> str:
    """The same pattern, quicker to search: ``\\bword`` becomes ``w(?<=\\bw)ord``.

    Both match where the other does and nowhere else, with the same text, tried in the
    same order (the boundary is checked just after the first letter instead of just
    before it); but re scans for a pattern's first letters in C, while a pattern that
    starts with ``\\b`` is tried at every position of the sentence.  Applied to each
    top-level alternative and to each alternative of a leading ``\\b(?:...)`` group;
    anything else is left as written."""
    parts = alternatives(pattern)
    if len(parts) > 1:
        return "|".join(speedy(p) for p in parts)
    if not pattern.startswith("\\b"):
        return pattern
    rest = pattern[2:]
    if rest.startswith("(?:"):
        close = _group_end(rest)
        if close is None or rest[close + 1:close + 2] in _QUANTIFIERS:
            return pattern
        moved = [_lead(a) for a in alternatives(rest[3:close])]
        if any(m is None for m in moved):
            return pattern
        return "(?:" + "|".join(m for m in moved if m is not None) + ")" + rest[close + 1:]
    return _lead(rest) or pattern


def _lead(alt: str) -> str | None:
    if alt[:1] and _PLAIN.match(alt[0]) and alt[1:2] not in _QUANTIFIERS:
        return alt[0] + "(?<=\\b" + alt[0] + ")" + alt[1:]
    return None


def _group_end(pattern: str) -> int | None:
    """Where the group that opens ``pattern`` closes."""
    for i, ch, depth in _structure(pattern):
        if ch == ")" and depth == 1:
            return i
    return None


_UNSPLITTABLE = re.compile(r"\(\?[aiLmsux]|\(\?P|\\[1-9]")


class Sieve:
    """A pattern searched only where it can match.  Each top-level alternative is tried
    only on a text that holds a needle of each of its requirements (requirements(),
    looked up as key() says).  That finds what the whole pattern finds, at the same
    place: at every position the whole pattern tries its alternatives in order, and one
    that matches nowhere fails there too.  The alternatives a text holds are searched
    one by one, each compiled once: the whole pattern's match is the one that starts
    first, the earlier alternative where two start at the same place (compiling each
    set of alternatives that some text holds cost more than searching them, on
    sessions the process had not seen).  Searched with the keys of the text
    (Sieves.keys), which name its candidates at once: an alternative is indexed by the
    keys of its first requirement (its trigger), so the texts that hold none of them
    never reach its other checks.  The match's groups other than the whole are
    numbered as in its alternative."""

    __slots__ = ("_alt_rx", "_rx", "alts", "always", "by_key", "pattern", "triggers")

    def __init__(self, pattern: str, rx: re.Pattern | None, checks: list):
        # checks: per alternative, its requirements, each (marked keys, texts), or None;
        # rx: the whole pattern compiled, or None to compile it (speedy()) when needed
        self.pattern = pattern
        self._rx = rx
        # per alternative: the requirements left to check once it is a candidate
        self.alts: list[tuple[str, tuple]] = []
        self._alt_rx: list[re.Pattern | None] = [None] * len(checks)
        # An alternative whose first requirement is made of keys alone is a candidate
        # only for a text that holds one of them: indexed by those keys, so that one
        # intersection names a text's candidates; any other is a candidate everywhere
        by_key: dict[str, list[int]] = {}
        always: list[int] = []
        for i, (alt, c) in enumerate(checks):
            reqs = () if c is None else tuple(c)
            if reqs and not reqs[0][1]:
                for k in reqs[0][0]:
                    by_key.setdefault(k, []).append(i)
                reqs = reqs[1:]
            else:
                always.append(i)
            self.alts.append((alt, reqs))
        self.by_key = by_key
        self.triggers = frozenset(by_key)
        self.always = tuple(always)

    def search(self, text: str, keys: frozenset):
        hit = self.triggers.intersection(keys)
        if hit:
            by_key = self.by_key
            candidates: list[int] | tuple[int, ...] = sorted(set(self.always).union(*[by_key[k] for k in hit]))
        else:
            candidates = self.always
            if not candidates:
                return None
        best = None
        compiled = self._alt_rx
        alts = self.alts
        for i in candidates:
            alt, checks = alts[i]
            for needles, texts in checks:
                if not needles.isdisjoint(keys):
                    continue
                for t in texts:
                    if t in text:
                        break
                else:
                    break
            else:
                rx = compiled[i]
                if rx is None:
                    rx = compiled[i] = (self.rx if len(alts) == 1
                                        else re.compile(speedy(alt)))
                m = rx.search(text)
                if m is not None and (best is None or m.start() < best.start()):
                    best = m
        return best

    @property
    def rx(self) -> re.Pattern:
        """The whole pattern, compiled."""
        if self._rx is None:
            self._rx = re.compile(speedy(self.pattern))
        return self._rx


def sieve_plan(pattern: str) -> list:
    """Per top-level alternative of ``pattern``: (the alternative, its requirements,
    each (marked keys, texts) with the trigger's first), or (the alternative, None) for
    one searched in every text; the whole pattern as its one alternative when it cannot
    be split."""
    if _UNSPLITTABLE.search(pattern):
        return [(pattern, None)]
    alts: list[tuple[str, list | None]] = []
    for alt in alternatives(pattern):
        reqs = requirements(alt)
        if reqs is None:
            alts.append((alt, None))
            continue
        _, best = trigger(reqs)
        checks = []
        for req in [best] + [r for r in reqs if r is not best]:
            keys, texts = set(), set()
            for needle in req:
                kind, value = key(needle)[0]
                if kind == "x" and _CHUNK.fullmatch(value) is None:
                    texts.add(value)
                else:
                    keys.add(kind + " " + value)
            checks.append((frozenset(keys), tuple(sorted(texts))))
        alts.append((alt, checks))
    return alts


class Sieves:
    """Sieves for some patterns, sharing one memory of each word's keys: ``t word``,
    ``p start`` and ``s end`` (key()'s look-ups) and ``x text`` for a needle of word
    characters only that the word holds (such a needle, found in a text, lies inside
    one of its words); only the keys some sieve names are kept."""

    def __init__(self, patterns: dict[str, tuple[str, re.Pattern | None]],
                 stored: Mapping[str, list] | None = None):
        # stored: pattern -> its sieve_plan(), as the lexicon's index keeps them
        built: dict[str, list] = {}
        named: set[str] = set()
        for name, (pattern, _) in patterns.items():
            alts = stored.get(pattern) if stored is not None else None
            built[name] = alts if alts is not None else sieve_plan(pattern)
            for _, checks in built[name]:
                for keys, _ in checks or ():
                    named |= keys
        inside = {k[2:] for k in named if k[:2] == "x "}
        self.named = frozenset(named)
        self._inside = tuple(sorted(inside))
        self._starts = tuple(sorted({len(k) - 2 for k in named if k[0] == "p"}))
        self._ends = tuple(sorted({len(k) - 2 for k in named if k[0] == "s"}))
        self._words = _WordKeys(self)
        self.sieves = {name: Sieve(pattern, rx, built[name])
                       for name, (pattern, rx) in patterns.items()}

    def word(self, word: str) -> frozenset:
        keys = ["t " + word, *("p " + word[:n] for n in self._starts),
                *("s " + word[-n:] for n in self._ends),
                *("x " + t for t in self._inside if t in word)]
        return self.named.intersection(keys)

    def keys(self, text: str) -> frozenset:
        """The keys of ``text``: those of its words (runs of word characters)."""
        words = self._words
        return frozenset().union(*[words[w] for w in word_runs(text)])


class _WordKeys(dict):
    """word -> its keys (Sieves.word), filled on a miss, emptied when full."""

    def __init__(self, sieves: Sieves):
        super().__init__()
        self.sieves = sieves

    def __missing__(self, word: str | bytes) -> frozenset:
        if len(self) >= 50_000:
            self.clear()
        out = self[word] = self.sieves.word(word if isinstance(word, str) else word.decode())
        return out


# every byte that is not a word character, as a space (for an ASCII text, re's \w is
# [A-Za-z0-9_]); bytes.split() then cuts exactly at the runs of the others
_WORDLESS = bytes(c if c < 128 and (chr(c).isalnum() or c == 95) else 32 for c in range(256))


def word_runs(text: str) -> list:
    """The runs of word characters of ``text``, as ``_CHUNK.findall`` gives them; as
    bytes when the text is ASCII (most are), found without the regex: re tests each
    character's Unicode category, a translation and a split cost a tenth of that."""
    if text.isascii():
        return text.encode().translate(_WORDLESS).split()
    return _CHUNK.findall(text)


@dataclass(frozen=True)
class Cue:
    code: str
    pattern: str      # macros expanded
    en: str
    id: str
    needs: frozenset | None = None    # see required()
    # the pattern's top-level alternatives, each with the strings it needs (its trigger,
    # see required()): only those whose strings a sentence holds are searched
    parts: tuple = ()
    # beside parts: how each alternative is looked up (see plan()), or None
    plans: tuple = ()

    @property
    def rx(self) -> re.Pattern:
        return re.compile(self.pattern)


class _Compiled(Mapping):
    """name -> its pattern compiled (speedy()), each compiled when first asked for: a
    process that checks a few sessions asks for few of them, and compiling one of the
    longest (an opening item's) costs more than a session's search."""

    def __init__(self, sources: dict[str, str]):
        self._sources = sources
        self._done: dict[str, re.Pattern] = {}

    def __getitem__(self, name: str) -> re.Pattern:
        rx = self._done.get(name)
        if rx is None:
            rx = self._done[name] = re.compile(speedy(self._sources[name]))
        return rx

    def __iter__(self):
        return iter(self._sources)

    def __len__(self) -> int:
        return len(self._sources)


@dataclass(frozen=True)
class Lexicon:
    cues: tuple[Cue, ...]
    patterns: Mapping       # name -> compiled pattern (compiled when first read)
    opening: Mapping        # item -> compiled pattern (compiled when first read)
    macros: dict
    long_self_disclosure: int
    # beside patterns and opening: each pattern as written, macros expanded (Sieves)
    sources: dict = field(default_factory=dict)
    # chat spellings written out before matching ("yg" -> "yang"): word -> word
    spellings: dict = field(default_factory=dict)
    # each source's sieve_plan(), as the index keeps them (none without an index)
    sieve_plans: dict = field(default_factory=dict)

    def expand(self, pattern: str) -> str:
        for name, value in self.macros.items():
            pattern = pattern.replace("{" + name + "}", value)
        return pattern


def _digest(raw: bytes) -> str:
    """What says the index was made from these bytes: a CRC and the length, enough to
    see an edit (binascii is loaded anyway; hashlib would add ~3 ms to every start)."""
    import binascii
    return f"crc32:{binascii.crc32(raw):08x}:{len(raw)}"


_FORMAT = 6    # of the index: the look-up plan of every alternative (plan()), and of
               # every pattern's sieve (sieve_plan())


def _index(path: str, raw: bytes):
    """(the stored plan of every alternative, in order; the stored sieve plans of the
    patterns, by source), or None when stale."""
    import json
    try:
        with open(path[:-len(".yaml")] + ".index.json", encoding="utf-8") as f:
            index = json.load(f)
    except (OSError, ValueError):
        return None
    if (not isinstance(index, dict) or index.get("digest") != _digest(raw)
            or index.get("format") != _FORMAT):
        return None
    plans = [None if p is None else
             (frozenset(p[0]), tuple(tuple(k) for k in p[1]),
              tuple(tuple(tuple(k) for k in c) for c in p[2])) for p in index["plans"]]
    sieves = {source: [(alt, None if checks is None else
                        [(frozenset(keys), tuple(texts)) for keys, texts in checks])
                       for alt, checks in alts]
              for source, alts in index["sieves"].items()}
    return plans, sieves


def write_index(path: str = PATH) -> str:
    import json
    with open(path, "rb") as f:
        raw = f.read()
    lex = _build(raw, None)
    out = [None if p is None else [sorted(p[0]), p[1], p[2]] for c in lex.cues for p in c.plans]
    sieves = {source: [[alt, None if checks is None else
                        [[sorted(keys), list(texts)] for keys, texts in checks]]
                       for alt, checks in sieve_plan(source)]
              for source in lex.sources.values()}
    target = path[:-len(".yaml")] + ".index.json"
    with open(target, "w", encoding="utf-8") as f:
        json.dump({"digest": _digest(raw), "format": _FORMAT, "plans": out,
                   "sieves": sieves}, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    return target


@cache
def lexicon(path: str = PATH) -> Lexicon:
    with open(path, "rb") as f:
        raw = f.read()
    return _build(raw, _index(path, raw))


def _build(raw: bytes, index) -> Lexicon:
    """The lexicon of ``raw`` (cues.yaml), with the plans ``index`` stores (_index())
    or, None, with every plan worked out."""
    data = yaml.load(raw, Loader=_Loader)
    macros = data["macros"]
    stored, sieve_plans = index if index is not None else (None, {})

    def expand(pattern):
        for name, value in macros.items():
            pattern = pattern.replace("{" + name + "}", value)
        return pattern

    cues = []
    position = 0
    for c in data["cues"]:
        parts, plans = [], []
        for alt in alternatives(c["pattern"]):
            pattern = expand(alt)
            if stored is not None and position < len(stored):
                how = stored[position]
            else:
                req = requirements(pattern)
                how = None if req is None else plan(req)
            position += 1
            plans.append(how)
            parts.append((_Lazy(pattern, None), None if how is None else how[0]))
        all_needs = [n for _, n in parts]
        needs = None if any(n is None for n in all_needs) else \
            frozenset().union(*(n for n in all_needs if n is not None))
        cues.append(Cue(c["code"], expand(c["pattern"]), c["what"]["en"], c["what"]["id"],
                        needs, tuple(parts), tuple(plans)))
    patterns = {k: expand(v) for k, v in data["patterns"].items()}
    opening = {k: expand(v) for k, v in data["opening"].items()}
    return Lexicon(tuple(cues), _Compiled(patterns), _Compiled(opening), macros,
                   int(data["long_self_disclosure"]),
                   {**patterns, **{"opening." + k: v for k, v in opening.items()}},
                   {str(k): str(v) for k, v in (data.get("spellings") or {}).items()},
                   sieve_plans)


if __name__ == "__main__":   # python -m asas.engine.verbatim.lexicon: refresh the index
    print(write_index())
