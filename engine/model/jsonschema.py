"""The JSON Schema (draft-07) of the case format, read off the typed model.

Editors' YAML language servers use it for completion and checking as one types; a
copy is committed as schema/asas-v1.schema.json (a test keeps it current).
"""

from __future__ import annotations

import json

from asas.engine.model.case import FORMAT_V1, Case, FieldSpec, fields_of

SCHEMA_ID = "https://asas.invalid/schema/asas-v1.schema.json"
_TYPES = {"str": "string", "int": "integer", "float": "number", "bool": "boolean",
          "date": "string"}


def _object(cls) -> dict:
    specs = fields_of(cls)
    return {
        "type": "object",
        "additionalProperties": False,
        "properties": {s.name: _field(s) for s in specs},
        "required": [s.name for s in specs if s.required],
    }


def _field(spec: FieldSpec, item: bool = False) -> dict:
    if spec.kind == "object":
        out = _object(spec.object_cls)
        short = getattr(spec.object_cls, "__scalar__", None)
        if short and item:   # a list item written as one plain value, or in full
            inner = next(s for s in fields_of(spec.object_cls) if s.name == short)
            out = {"anyOf": [_field(inner, item=True), out]}
    elif spec.kind == "list":
        out = {"type": "array", "items": _field(spec.item_spec, item=True)}
        if spec.minimum:
            out["minItems"] = int(spec.minimum)
    elif spec.kind == "enum":
        out = {"enum": list(spec.choices)}
    else:
        out = {"type": _TYPES[spec.kind]}
        if spec.kind == "date":
            out["format"] = "date"
        for key, value in (("minimum", spec.minimum), ("maximum", spec.maximum)):
            if value is not None:
                out[key] = value
    if not item:
        out = {"description": f"{spec.en} — {spec.id}", **out}
        if not spec.required:   # null on an optional field means "not documented"
            if "enum" in out:
                out["enum"] = out["enum"] + [None]
            else:
                out["type"] = [out["type"], "null"]
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
