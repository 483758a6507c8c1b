"""A value a PRV finding withholds is withheld in every finding of the case.

A PRV finding (``shows_values=False``) flags a field whose value looks like identifying
data (a real name, a phone number, an address) and never shows it.  Other findings may
point at the same field, or carry its text in a parameter (KRH003's "shared with
{to}"), so the report, and the cache, would repeat it word for word.  Here every
evidence value and parameter that is, or contains, such a value becomes
``[withheld]``, as does the pseudonym a PRV finding flags as a real name.
"""

from __future__ import annotations

MIN_CONTAINED = 4   # a shorter withheld value is withheld only where it is the whole text


def secrets_of(flagged_values) -> tuple[str, ...]:
    """The withheld values as text (the strings PRV findings pointed at)."""
    out: dict[str, None] = {}
    for value in flagged_values:
        for text in _strings(value):
            if text.strip():
                out[text] = None
    return tuple(out)


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _strings(v)
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)


def reveals(text: str, secrets) -> bool:
    return any(text == s or (len(s) >= MIN_CONTAINED and s in text) for s in secrets)


def scrub(value, secrets, withheld: str):
    """``value`` with every string that is or holds a secret replaced by ``withheld``;
    the same object when nothing changes."""
    if not secrets:
        return value
    if isinstance(value, str):
        return withheld if reveals(value, secrets) else value
    if isinstance(value, tuple):
        new = tuple(scrub(v, secrets, withheld) for v in value)
        return value if new == value else new
    if isinstance(value, list):
        new = [scrub(v, secrets, withheld) for v in value]
        return value if new == value else new
    if isinstance(value, dict):
        new = {k: scrub(v, secrets, withheld) for k, v in value.items()}
        return value if new == value else new
    return value
