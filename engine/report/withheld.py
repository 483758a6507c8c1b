"""The mark of a withheld value, in the report's language.

A value a PRV finding flags (a phone number, a real name as pseudonym, a turn that says
an address) is replaced by ``[withheld]`` when the case is judged
(engine/judge/verdict.py).  Results are language-free (the cache keeps them for any
``--lang``), so the mark is put into the report's language here, at render time, where
``--redact``'s ``[redacted]`` becomes ``[disamarkan]``: an Indonesian report says
``[dirahasiakan]``.  Only results with a PRV finding can hold the mark.
"""

from __future__ import annotations

import dataclasses

from asas.engine.judge.verdict import WITHHELD

MARKS = {"en": WITHHELD, "id": "[dirahasiakan]"}


def localised(r, lang: str):
    """``r`` (a CaseResult) with every withheld value's mark in ``lang``; ``r`` itself
    when there is nothing to change (English, or no PRV finding)."""
    mark = MARKS.get(lang, WITHHELD)
    if mark == WITHHELD or not any(f.id.startswith("PRV") for f in _found(r)):
        return r

    def swap(value):
        if value.__class__ is str:
            return mark if value == WITHHELD else value
        if isinstance(value, (list, tuple)):
            return type(value)(swap(v) for v in value)
        if isinstance(value, dict):
            return {k: swap(v) for k, v in value.items()}
        return value

    def shown(item):        # a finding, a strength or a defeat: evidence and params
        return dataclasses.replace(
            item, evidence=[dataclasses.replace(e, value=swap(e.value)) for e in item.evidence],
            params=swap(item.params))

    changes: dict = {"findings": [shown(f) for f in r.findings],
                     "strengths": [shown(s) for s in r.strengths],
                     "defeated": [shown(d) for d in r.defeated],
                     "suppressed": [(shown(f), w) for f, w in r.suppressed]}
    if r.meta is not None:
        verbatim = r.meta.verbatim and tuple(
            dict(s, turns=[t[:5] + [swap(t[5])] for t in s["turns"]]) for s in r.meta.verbatim)
        changes["meta"] = dataclasses.replace(r.meta, pseudonym=swap(r.meta.pseudonym),
                                              verbatim=verbatim)
    return dataclasses.replace(r, **changes)


def for_report(lang: str, redacting: bool):
    """``r -> r`` as a report in ``lang`` shows it: redacted first when ``redacting``
    (``--redact``, or a format that leaves the machine), then with the withheld mark in
    ``lang``. The one recipe of the parent (engine/run/check.py) and of the workers
    (engine/run/batch.py), so both render a case alike."""
    if not redacting:
        return lambda r: localised(r, lang)
    from asas.engine.report.redact import redact
    return lambda r: localised(redact([r], lang)[0], lang)


def _found(r):
    yield from r.findings
    for f, _ in r.suppressed:
        yield f
