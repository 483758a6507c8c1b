"""Dates as people write them in a laporan PPL, read as one calendar date.

- ``2026-09-07`` (ISO, the canonical form every report shows);
- ``7-9-2026``, ``7/9/2026``, ``07.09.2026``: day first, as dates are written in
  Indonesia (a numeric date with the year last is read day-month-year; an English
  reader of the interview is asked for a month name instead, since 9/7/2026 would be
  July to them);
- ``7 September 2026``, ``7 Sept. 2026``, ``7-Sep-2026``, ``07 Agt 2026``: Indonesian and
  English month names and their usual abbreviations (Jan, Feb, Mar, Apr, Mei/May, Jun,
  Jul, Agu/Agt/Ags/Aug, Sep/Sept, Okt/Oct, Nov/Nop, Des/Dec);
- ``September 7, 2026``: the English order;
- any of these after the day of the week, as the "Hari/tanggal" line of a report has it
  (``Senin, 7 September 2026``); the day named must be the date's.

One table of words (``MONTHS``, ``WEEKDAYS``) serves the interview, the case loader
(``asas check`` without ``--strict``) and the JSON Schema's pattern
(``schema_pattern``), so that the three agree.
"""

from __future__ import annotations

import datetime
import re

# month number -> every way of writing it (lower case; a trailing '.' is ignored)
MONTHS: dict[int, tuple[str, ...]] = {
    1: ("januari", "january", "jan"),
    2: ("februari", "pebruari", "february", "feb", "peb"),
    3: ("maret", "march", "mar", "mrt"),
    4: ("april", "apr"),
    5: ("mei", "may"),
    6: ("juni", "june", "jun"),
    7: ("juli", "july", "jul"),
    8: ("agustus", "august", "agust", "agu", "agt", "ags", "aug"),
    9: ("september", "sept", "sep"),
    10: ("oktober", "october", "okt", "oct"),
    11: ("november", "nopember", "nov", "nop"),
    12: ("desember", "december", "des", "dec"),
}
# Monday = 0, as datetime.date.weekday()
WEEKDAYS: dict[int, tuple[str, ...]] = {
    0: ("senin", "monday", "mon"),
    1: ("selasa", "tuesday", "tue", "tues"),
    2: ("rabu", "wednesday", "wed"),
    3: ("kamis", "thursday", "thu", "thurs"),
    4: ("jumat", "jum'at", "friday", "fri"),
    5: ("sabtu", "saturday", "sat"),
    6: ("minggu", "ahad", "sunday", "sun"),
}
# how a date is said back to the reader (in_words)
MONTH_NAMES = {"id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
                      "Agustus", "September", "Oktober", "November", "Desember"),
               "en": ("January", "February", "March", "April", "May", "June", "July",
                      "August", "September", "October", "November", "December")}
WEEKDAY_NAMES = {"id": ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
                 "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                        "Sunday")}

_MONTH = {w: n for n, words in MONTHS.items() for w in words}
_WEEKDAY = {w: n for n, words in WEEKDAYS.items() for w in words}


class DateProblem(ValueError):
    """Text that reads as a date but is not one: ``why`` is ``impossible`` (31
    February), ``weekday`` (the day named is not the date's: ``named``, ``actual`` are
    weekday numbers), or ``ambiguous`` (a numeric date where the day cannot come first)."""

    def __init__(self, why: str, **params):
        super().__init__(why)
        self.why, self.params = why, params


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


_SUFFIX = r"(?:st|nd|rd|th)?"
_WD = rf"(?:(?P<wd>{_alternation(_WEEKDAY)})\.?\s*,?\s*)?"
_FORMS = [
    ("ymd", r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"),
    ("dmy", r"(?P<d>\d{1,2})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})"),
    ("dMy", rf"(?P<d>\d{{1,2}}){_SUFFIX}[\s./-]*(?P<mn>{_alternation(_MONTH)})\.?"
            rf"[\s.,/-]*(?P<y>\d{{4}})"),
    ("Mdy", rf"(?P<mn>{_alternation(_MONTH)})\.?[\s.-]*(?P<d>\d{{1,2}}){_SUFFIX}\s*,?\s*"
            rf"(?P<y>\d{{4}})"),
]
_COMPILED: list = []     # compiled when first used: a case of ISO dates never asks (2 ms)


def _compiled() -> list:
    if not _COMPILED:
        _COMPILED.extend((kind, re.compile(_WD + body)) for kind, body in _FORMS)
    return _COMPILED


def parse_date(text: str, day_first: bool = True) -> datetime.date | None:
    """The date ``text`` writes, or None when it is not written as a date at all.

    Raises :class:`DateProblem` for text written as a date that is not one.  With
    ``day_first`` False a numeric date with the year last (``7/9/2026``) is ambiguous.
    """
    said = " ".join(str(text).lower().replace("’", "'").split())
    for kind, form in _compiled():
        found = form.fullmatch(said)
        if found is None:
            continue
        if kind == "dmy" and not day_first:
            raise DateProblem("ambiguous")
        month = _MONTH[found["mn"]] if kind in ("dMy", "Mdy") else int(found["m"])
        try:
            date = datetime.date(int(found["y"]), month, int(found["d"]))
        except ValueError:
            raise DateProblem("impossible") from None
        named = found["wd"]
        if named is not None and _WEEKDAY[named] != date.weekday():
            raise DateProblem("weekday", named=_WEEKDAY[named], actual=date.weekday(),
                              date=date)
        return date
    return None


def read_date(text: str, day_first: bool = True) -> datetime.date | None:
    """:func:`parse_date`, None for anything that is not a date (the loader's use)."""
    try:
        return parse_date(text, day_first)
    except DateProblem:
        return None


def in_words(date: datetime.date, lang: str) -> str:
    """``Senin, 7 September 2026`` (id) or ``Monday, 7 September 2026`` (en): a date as
    a person reads it, to say back what an answer was understood as."""
    lang = "id" if lang == "id" else "en"
    return (f"{WEEKDAY_NAMES[lang][date.weekday()]}, {date.day} "
            f"{MONTH_NAMES[lang][date.month - 1]} {date.year}")


# --- the JSON Schema's pattern (ECMA-262: no flags, so any case is spelled out) -------

def _any_case(word: str) -> str:
    out = []
    for ch in word:
        if ch.isalpha():
            out.append(f"[{ch.lower()}{ch.upper()}]")
        else:
            out.append(re.escape(ch) if ch not in "'" else "['’]")
    return "".join(out)


def _words_pattern(words) -> str:
    return "(?:" + "|".join(_any_case(w) for w in sorted(words, key=lambda w: (-len(w), w))) \
        + ")"


def schema_pattern() -> str:
    """The dates the loader reads besides ISO (which the schema checks as ``format:
    date``), as one pattern: day first with '-', '/' or '.', or with a month name, in
    either order, after an optional day of the week."""
    months, days = _words_pattern(_MONTH), _words_pattern(_WEEKDAY)
    suffix = "(?:[sSnNrRtT][tTdDhH])?"
    wd = rf"(?:{days}\.?\s*,?\s*)?"
    forms = [
        r"\d{1,2}-\d{1,2}-\d{4}", r"\d{1,2}/\d{1,2}/\d{4}", r"\d{1,2}\.\d{1,2}\.\d{4}",
        rf"\d{{1,2}}{suffix}[\s./-]*{months}\.?[\s.,/-]*\d{{4}}",
        rf"{months}\.?[\s.-]*\d{{1,2}}{suffix}\s*,?\s*\d{{4}}",
    ]
    return rf"^\s*{wd}(?:" + "|".join(forms) + r")\s*$"
