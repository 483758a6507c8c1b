"""The published JSON Schema: current, valid draft-07, and true to the loader."""

import json

import jsonschema
import pytest
import yaml

from asas.engine.model.jsonschema import case_schema, schema_text
from helpers import CASES

COMMITTED = CASES.parent / "schema" / "asas-v1.schema.json"
BUNDLED = sorted(CASES.glob("*.yaml"))


def as_json(path):
    # YAML dates become strings, as an editor's language server sees them
    return json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))


def test_committed_schema_is_current():
    assert COMMITTED.read_text(encoding="utf-8") == schema_text(), \
        "schema/asas-v1.schema.json is stale: run `asas schema -o schema/asas-v1.schema.json`"


def test_schema_is_valid_draft_07():
    jsonschema.Draft7Validator.check_schema(case_schema())


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_bundled_cases_validate_against_the_schema(path):
    errors = list(jsonschema.Draft7Validator(case_schema()).iter_errors(as_json(path)))
    assert errors == []


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_bundled_cases_carry_the_schema_modeline(path):
    assert "# yaml-language-server: $schema=" in path.read_text(encoding="utf-8").splitlines()[0]


def test_schema_rejects_what_the_loader_rejects():
    data = as_json(CASES / "exemplary.yaml")
    data["sessions"][0]["client"]["willingness"] = "unwilling"
    data["sessions"][0]["client"]["willingnes"] = "willing"
    messages = [e.message for e in jsonschema.Draft7Validator(case_schema()).iter_errors(data)]
    assert any("unwilling" in m for m in messages)
    assert any("willingnes" in m for m in messages)
