"""Catalogue entries: what a finding says, in Indonesian and English, and how sure it is.

Plain data: no import of the inference engine.  Each rule module in ``rules/`` puts
its entries on the rules that fire them (``rules/_registry.py``, which also builds the
finding facts); ``asas.rules.CATALOG`` gathers them.
"""

from __future__ import annotations

import _string  # the field-name splitter string.Formatter itself uses
import string
from dataclasses import dataclass, field, replace

from asas.engine.i18n import labels as _labels

PRINCIPLES = ("kerahasiaan", "kesukarelaan", "keterbukaan", "kekinian", "kegiatan",
              "kenormatifan", "keahlian", "kemandirian")
FUNCTIONS = ("pemahaman", "pengentasan", "pengembangan_pemeliharaan", "pencegahan", "advokasi")
LANGS = ("en", "id")


@dataclass(frozen=True)
class Text:
    """One text in both languages; ``{name}`` placeholders are filled from a finding."""
    en: str
    id: str

    def get(self, lang: str) -> str:
        return self.id if lang == "id" else self.en

    def fill(self, lang: str, params: dict) -> str:
        template = self.get(lang)
        sessions = params.get("sessions")
        if lang != "id" and isinstance(sessions, (list, tuple)):
            # "in sessions 1 and 2", "in session 3": never "session(s)" or "session 1, 2"
            template = (template.replace("session {sessions}", "sessions {sessions}")
                        if len(sessions) > 1 else
                        template.replace("sessions {sessions}", "session {sessions}"))
        parts = _parsed(template)
        if parts is None:       # a field with an index, attribute, conversion or format
            return string.Formatter().vformat(template, (), _Lenient(params, lang))
        # as _Lenient would fill them, labelling only the parameters the text names
        # (a label is total: any value has one)
        out = []
        for part, named in parts:
            if named is None:
                out.append(part)
            elif part in params:
                value = params[part]
                out.append(_session_list(value, lang) if part == "sessions"
                           else label(value, lang))
            else:
                out.append("{" + part + "}")
        return "".join(out)

    def placeholders(self, lang: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(self.get(lang)) if name}


_PARSED: dict = {}        # template -> its parts (see _parsed), or None
_PARSED_MAX = 2048        # templates are the catalogue's few hundred, with their variants


def _parsed(template: str) -> tuple | None:
    """``template`` as (text, None) and (name, True) parts, parsed once, when every
    field is a plain ``{name}``: then filling it is joining the parts, as
    string.Formatter would write them (a value's ``format(v, "")`` is the text itself,
    _Lenient's values being text); None for anything else, which Formatter fills."""
    if template in _PARSED:
        return _PARSED[template]
    parts: tuple | None = _parts(template)
    if len(_PARSED) < _PARSED_MAX:
        _PARSED[template] = parts
    return parts


def _parts(template: str) -> tuple | None:
    parts: list = []
    for text, name, spec, conversion in string.Formatter().parse(template):
        if text:
            parts.append((text, None))
        if name is None:
            continue
        first, rest = _string.formatter_field_name_split(name)
        if not isinstance(first, str) or not first or list(rest) or spec or conversion:
            return None
        parts.append((name, True))
    return tuple(parts)


class _Lenient(dict):
    """Fills known placeholders with labels in the report's language; keeps unknown ones."""

    def __init__(self, params: dict, lang: str):
        super().__init__({k: _session_list(v, lang) if k == "sessions" else label(v, lang)
                          for k, v in params.items()})

    def __missing__(self, key):
        return "{" + key + "}"


def _session_list(value, lang: str) -> str:
    """Session numbers as a sentence lists them: "1 dan 2", "1, 2, dan 3" (PUEBI);
    "1 and 2", "1, 2 and 3"."""
    if not isinstance(value, (list, tuple)) or len(value) < 2:
        return label(value, lang)
    items = [str(v) for v in value]
    if lang == "id":
        return (" dan ".join(items) if len(items) == 2
                else ", ".join(items[:-1]) + ", dan " + items[-1])
    return ", ".join(items[:-1]) + " and " + items[-1]


@dataclass(frozen=True)
class RuleDoc:
    id: str
    principle: str | None       # one of PRINCIPLES, or None (functions)
    severity: str               # one of SEVERITIES
    cf: float                   # the rule's certainty factor, 0..1
    title: Text
    message: Text
    recommendation: Text
    why: Text                   # why it matters, from the source
    source: Text                # the paragraph of the source text it rests on
    fail: dict = field(default_factory=dict)     # a failing example: changes to cases/exemplary.yaml
    passing: dict = field(default_factory=dict)  # ... and the passing one beside it
    derived: bool = False       # concluded from other findings (a chain), not from facts
    # DOC entries only: the observation is one the principle needs to be assessed
    # (knowledge-base.md, "What each principle needs"); its finding leaves the
    # principle not_assessed unless a risk or violation was found anyway.
    needed: bool = False
    # False for findings about identifying data (PRV): their evidence names the field
    # and line but never carries the value, in any report, cache entry or caller
    shows_values: bool = True
    # Wordings for a particular cause or situation, chosen by the finding's ``variant``
    # parameter: name -> {"title"|"message"|"recommendation": Text}.  A title follows
    # its cause ("titles follow their cause"); a lapse repaired later says so.
    variants: dict = field(default_factory=dict)

    def worded(self, params: dict | None) -> RuleDoc:
        """This entry as a finding with ``params`` reads it: its variant's wording, if
        the finding names one the entry has, else the entry itself."""
        name = (params or {}).get("variant")
        if isinstance(name, tuple):      # several firings merged: the first one's cause
            name = name[0] if name else None
        texts = self.variants.get(name) if isinstance(name, str) else None
        return replace(self, **texts) if texts else self


# Values written in case files, as a reader of each language says them: one table for
# all of asas, engine/i18n/labels.py.
LABELS = _labels.LABELS
label = _labels.in_text
