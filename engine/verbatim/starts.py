"""Turn starts written in ways the reader's own patterns do not take, rewritten as ones
they do, column for column, so that every line and column parse.py reports is still the
file's:

- a bracket between a known code and its colon: the code's abbreviation beside its name
  (``Konselor (Ko):``, ``Siswa A (Ki):``; ``Konseli (K):``, read by the name where the
  abbreviation is the map's code of another role) or a non-verbal note (``Konselor
  (tersenyum):``, kept as the turn's note).  Rewritten before the block is read: without
  it the line would be glued to the turn above as its continuation, or refused when it
  is the first;
- the turn numbered after its code with a space (``Ko 1:``, ``Ki 1:``, as many templates
  number the pairs of turns).  Rewritten only for a second reading of a block the first
  refuses (parse._read_again): where a first reading reads the block, ``Ko 2`` stays a
  code of its own, as spec/verbatim.md has it (in some templates, the second konseli);
- a chat exported as text (WhatsApp): each message's date and time before its sender,
  for the second reading too.  The sender's name is the code (a case maps it with
  ``case.verbatim_speakers``; the reader's message names it when none does).
- a transcript of a recording: each turn after the time it starts (``[00:01:23]
  Konselor: ...``, ``00:05 - Ko: ...``), or the speaker and the time on a line of their
  own with the words below (``00:00:05 Speaker 1``, as Word's Transcribe writes it), for
  the second reading too.  The time is taken off, the words keep their columns.

Only codes of the speaker map in use count (``index``: code in lower case -> role).
"""

from __future__ import annotations

import functools
import re

# what may stand before the code on its line (parse.py's _BULLET and _NUMBER)
_LEAD = r"(?P<lead>[ \t]*(?:[-•*–·][ \t]+)?(?:\d{1,4}[ \t]*[.):]?[ \t]+)?)"
_BRACKETED = re.compile(r"^" + _LEAD + r"(?P<name>[A-Za-z][\w'.\-]*(?: [A-Z][\w'.\-]*)?)"
                        r"(?P<gap>[ \t]*)\((?P<inside>[^()\n]{1,60})\)(?P<gap2>[ \t]*):",
                        re.MULTILINE)
_NUMBERED_AFTER = re.compile(r"^" + _LEAD + r"(?P<code>[A-Za-z][\w'.\-]*) (?P<num>\d{1,4})"
                             r"(?P<gap>[ \t]*):", re.MULTILINE)


def _rewrite(text: str, pattern: re.Pattern, line_for) -> str | None:
    """``text`` with each match of ``pattern`` replaced by ``line_for(match)`` (a start of
    the same length, or None to leave it), or None when nothing was replaced."""
    out, at = [], 0
    for m in pattern.finditer(text):
        new = line_for(m)
        if new is not None:
            out.append(text[at:m.start()])
            out.append(new)
            at = m.end()
    if not out:
        return None
    out.append(text[at:])
    return "".join(out)


def _closed_before_colon(text: str) -> bool:
    """Whether a bracket closes right before a colon anywhere in ``text``: few blocks
    have one, and looking for it costs a tenth of matching every line's start (most
    blocks have a note in brackets, few a bracket before a colon)."""
    at = text.find(")")
    while at != -1:
        after = text[at + 1:at + 9]
        rest = after.lstrip(" \t")
        if rest[:1] == ":" or (not rest and len(after) == 8):
            return True       # (or more blanks than looked at: the pattern decides)
        at = text.find(")", at + 1)
    return False


def bracketed(text: str, index: dict) -> str | None:
    """``Konselor (Ko):`` as ``Konselor      :``, ``Siswa A (Ki):`` as ``Ki           :``,
    ``Konselor (tersenyum):`` as ``Konselor: (tersenyum)``; None when no line is one."""
    if not _closed_before_colon(text):
        return None
    def line_for(m: re.Match) -> str | None:
        named = index.get(m["name"].lower())
        inside = m["inside"].strip()
        role = index.get(inside.lower())
        if role is not None:                                  # an abbreviation
            # the name's role where the two differ: "Konseli (K):" in a template whose
            # K is the konseli, though the default map's K is the counselor; the word
            # written out is the one the trainee cannot have meant otherwise
            code = m["name"] if named is not None else inside
            return m["lead"] + code.ljust(m.end() - m.start() - len(m["lead"]) - 1) + ":"
        if named is not None and role is None:                # a note
            return (m["lead"] + m["name"] + ":" + m["gap"] + "(" + m["inside"] + ")"
                    + m["gap2"])
        return None
    return _rewrite(text, _BRACKETED, line_for)


def numbered_after(text: str, index: dict) -> str | None:
    """``Ko 1:`` as ``Ko1 :`` (the number attached, as parse.py reads ``Ko1:``) for a code
    of the map; None when no line is one."""
    def line_for(m: re.Match) -> str | None:
        if m["code"].lower() not in index:
            return None
        return m["lead"] + m["code"] + m["num"] + " " + m["gap"] + ":"
    return _rewrite(text, _NUMBERED_AFTER, line_for)


# A chat exported as text (WhatsApp, for counseling online): each message after its date
# and time, ``04/03/26 09.01 - Bu Rina: ...`` (Android) or ``[04/03/26 09.01.23] Bu Rina:
# ...`` (iOS), with ``, 9:01 AM`` in English; a message of the app itself (the end-to-end
# notice) has no sender.  The sender's name becomes the code, moved to the line's start
# so that every turn has the same indentation (the time's width varies), the message
# keeping its column; the app's own lines are blanked.
_SP = "[ \u202f\u00a0]"
_STAMPED = re.compile(
    r"^(?P<stamp>\[?\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4},?" + _SP + r"\d{1,2}[.:]\d{2}"
    r"(?:[.:]\d{2})?(?:" + _SP + r"?[AaPp]\.?[Mm]\.?)?\]?(?:" + _SP + r"+-)?" + _SP + r"+)"
    r"(?P<rest>[^\n]*)", re.MULTILINE)
_SENDER = re.compile(r"(?P<name>[^:\n]{1,40}):(?=\s)")


def _sender_first(m: re.Match) -> str | None:
    """A stamped line (``stamp``, then ``rest``) as its sender's ``Name:`` at the line's
    start and the words at their column; None when no sender follows the stamp."""
    sender = _SENDER.match(m["rest"])
    if sender is None:
        return None
    name = sender["name"].strip()
    return (name + ":").ljust(len(m["stamp"]) + sender.end()) + m["rest"][sender.end():]


def chat_stamps(text: str) -> str | None:
    """Each dated line of a chat export as ``Name:`` and its message at its column, the
    app's own lines blank; None when no line is dated."""
    return _rewrite(text, _STAMPED,
                    lambda m: _sender_first(m) or " " * (m.end() - m.start()))


# A transcript of a recording, typed while listening or written by an app: the time a
# turn starts before it, ``[00:01:23] Konselor: ...``, ``00:05 Ko: ...``, ``(1:02) -
# Ki: ...``, a range ``00:00:05 --> 00:00:09`` too.  As for a chat, the code is moved to
# the line's start and the words keep their column; a timed line with no code continues
# the turn above, its time blanked.  Or the speaker and the time on a line of their own,
# the words on the lines below (Word's Transcribe: ``00:00:05 Speaker 1``; others:
# ``Speaker 1  0:05``): that line becomes the code's start, where the code is one of the
# map's or an app's ``Speaker 1`` / ``Pembicara 2``.
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?"
_SPAN = _TIME + r"(?:[ \t]*(?:-->|-|–)[ \t]*" + _TIME + r")?"
_TIMED = (r"^(?P<stamp>[ \t]*(?:\[" + _SPAN + r"\]|\(" + _SPAN + r"\)|" + _SPAN
          + r"(?=[ \t]))(?:[ \t]*[-–|])?[ \t]*)(?P<rest>[^\n]*)")
_NAME = r"[A-Za-z][\w'.\-]*(?: [\w'.\-]+){0,2}"
_TIMED_HEAD = (r"^(?P<lead>[ \t]*)(?:[\[(]?" + _TIME + r"[\])]?[ \t]+(?P<after>" + _NAME
               + r")|(?P<before>" + _NAME + r")[ \t]+[\[(]?" + _TIME + r"[\])]?)[ \t]*$")
_APP_SPEAKER = r"(?:speaker|pembicara|penutur|narasumber) ?\d{1,2}"


@functools.cache
def _timed_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """Compiled when a block first needs them (a second reading), not at every start."""
    return (re.compile(_TIMED, re.MULTILINE), re.compile(_TIMED_HEAD, re.MULTILINE),
            re.compile(_APP_SPEAKER, re.IGNORECASE))


def timed(text: str, index: dict) -> str | None:
    """Each timed line of a recording's transcript as ``Code:`` and its words at their
    column (the time blank where no code follows it), each line of a speaker and a time
    as ``Code:``; None when no line is timed."""
    timed_line, head, app_speaker = _timed_patterns()

    def head_for(m: re.Match) -> str | None:
        name = m["after"] or m["before"]
        if name.lower() not in index and not app_speaker.fullmatch(name):
            return None
        return (m["lead"] + name + ":").ljust(m.end() - m.start())
    headed = _rewrite(text, head, head_for)

    return _rewrite(headed or text, timed_line,
                    lambda m: _sender_first(m) or " " * len(m["stamp"]) + m["rest"]) or headed


def second_reading(text: str, index: dict) -> str | None:
    """What a second reading of a refused block reads: its turns numbered after their
    codes, a chat export's dates and times, a recording's times; None when none is in
    it."""
    stamped = chat_stamps(text) or timed(text, index)
    numbered = numbered_after(stamped or text, index)
    return numbered or stamped
