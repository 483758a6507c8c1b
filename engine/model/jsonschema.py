"""The JSON Schema (draft-07) of the case format, read off the typed model.

Editors' YAML language servers use it for completion and checking as one types; a
copy is committed as schema/asas-v1.schema.json (a test keeps it current).

It accepts what the loader accepts (without ``--strict``): a value of a closed
vocabulary as its code or as people write it (``enggan``, ``ruang BK``, any case,
with spaces, hyphens or underscores: a pattern beside the codes), ``ya``/``tidak``
beside true/false, a decimal comma (``0,6``) beside a number, and a date as a report
writes it (``7-9-2026``, ``7/9/2026``, ``7 September 2026``, ``Senin, 7 Sep 2026``: the
pattern of engine/i18n/dates.py) beside ``2026-09-07``.  Completion offers
the codes, each with its Indonesian name (``markdownEnumDescriptions``), and a
field's description lists the words it understands.
"""

from __future__ import annotations

import json
import re

from asas.engine.i18n import dates, labels
from asas.engine.model.case import FORMAT_V1, Case, FieldSpec, fields_of

SCHEMA_ID = "https://asas.invalid/schema/asas-v1.schema.json"
_TYPES = {"str": "string", "int": "integer", "float": "number", "bool": "boolean",
          "date": "string"}


def _object(cls) -> dict:
    specs = fields_of(cls)
    properties = {s.name: _field(s) for s in specs}
    for s in specs:
        if s.alias:         # the same field under the shared contract's spelling
            properties[s.alias] = _field(s)
    schema = {
        "type": "object",
        "additionalProperties": False,
        "properties": properties,
        "required": [s.name for s in specs if s.required],
    }
    aliased = [[s.name, s.alias] for s in specs if s.alias]
    if aliased:             # one of the two spellings, not both
        schema["not"] = {"anyOf": [{"required": pair} for pair in aliased]}
    return schema


def _spelled(word: str) -> str:
    """A word (in labels.normal form) as a pattern: any case, and a space, hyphen or
    underscore (one or more) wherever the word has a space."""
    out = []
    for ch in word:
        if ch == " ":
            out.append(r"[\s_-]+")
        elif ch.isalpha() and ch.lower() != ch.upper():
            out.append(f"[{ch.lower()}{ch.upper()}]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def _pattern(words) -> str:
    return r"^\s*(?:" + "|".join(_spelled(w) for w in sorted(words, key=lambda w: (-len(w), w))) \
        + r")\s*$"


def _words_note(spec: FieldSpec) -> str:
    """The words a field understands besides its codes, for its description."""
    choices = spec.choices if spec.kind == "enum" else spec.item_spec.choices
    said = []
    for code in choices:
        row = labels.LABELS.get(code)
        if row and row.id and labels.normal(row.id) != labels.normal(code):
            said.append(f"{row.id} = {code}")
    if not said:
        return ""
    return " Ditulis juga dengan kata: " + "; ".join(said) + "."


def _enum(choices, nullable: bool) -> dict:
    codes = list(choices) + ([None] if nullable else [])
    names = [f"{c} — {labels.name(c, 'id')}" if labels.name(c, "id") else str(c)
             for c in choices] + (["(kosong = tidak dicatat)"] if nullable else [])
    words = set().union(*(labels.spellings(c) for c in choices))
    return {"anyOf": [{"enum": codes, "markdownEnumDescriptions": names},
                      {"type": "string", "pattern": _pattern(words)}]}


def _field(spec: FieldSpec, item: bool = False) -> dict:
    nullable = not item and not spec.required   # null: "not documented"
    if spec.kind == "object":
        out = _object(spec.object_cls)
        short = getattr(spec.object_cls, "__scalar__", None)
        if short and item:   # a list item written as one plain value, or in full
            inner = next(s for s in fields_of(spec.object_cls) if s.name == short)
            out = {"anyOf": [_field(inner, item=True), out]}
        if nullable:
            out["type"] = [out["type"], "null"]
    elif spec.kind == "list":
        out = {"type": "array", "items": _field(spec.item_spec, item=True)}
        if spec.minimum:
            out["minItems"] = int(spec.minimum)
        if nullable:
            out["type"] = [out["type"], "null"]
    elif spec.kind == "enum":
        out = _enum(spec.choices, nullable)
    else:
        out = {"type": _TYPES[spec.kind]}
        if spec.kind == "date":
            out["format"] = "date"
        for key, value in (("minimum", spec.minimum), ("maximum", spec.maximum),
                           ("pattern", spec.pattern)):
            if value is not None:
                out[key] = value
        if nullable:
            out["type"] = [out["type"], "null"]
        if spec.kind == "bool":     # ya / tidak, as the loader reads them
            out = {"anyOf": [out, {"type": "string",
                                   "pattern": _pattern(labels.YES | labels.NO)}]}
        elif spec.kind == "float":  # 0,6: a decimal comma
            out = {"anyOf": [out, {"type": "string", "pattern": r"^\s*[+-]?\d+,\d+\s*$"}]}
        elif spec.kind == "date":   # 7-9-2026, 7 September 2026: as a report writes it
            out = {"anyOf": [out, {"type": "string", "pattern": dates.schema_pattern()}]}
    if not item:
        note = _words_note(spec) if "enum" in (spec.kind, getattr(spec.item, "kind", "")) \
            else ""
        out = {"description": f"{spec.en} — {spec.id}{note}", **out}
    return out


def case_schema() -> dict:
    schema = {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": SCHEMA_ID,
        "title": f"asas case file ({FORMAT_V1})",
        "description": "One individual counseling case (konseling individual) and its sessions.",
        **_object(Case),
    }
    schema["properties"]["format"] = {"description": "The format and its version.",
                                      "const": FORMAT_V1}
    return schema


def schema_text() -> str:
    return json.dumps(case_schema(), ensure_ascii=False, indent=2) + "\n"
