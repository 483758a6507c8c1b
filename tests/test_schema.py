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


def _validates(data) -> bool:
    data = json.loads(json.dumps(data, default=str))     # as an editor sees it
    return not list(jsonschema.Draft7Validator(case_schema()).iter_errors(data))


def _exemplary():
    return yaml.safe_load((CASES / "exemplary.yaml").read_text(encoding="utf-8"))


def _loads(data) -> bool:
    from asas.engine.load.loader import load_bytes
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return load_bytes(text.encode("utf-8"), "f.yaml").valid


def _enum_fields():
    """(path in a case dict, choices) of every enum the format has, lists' items too."""
    from asas.engine.model.case import Case as Model
    from asas.engine.model.case import fields_of
    out = []

    def walk(cls, path):
        for spec in fields_of(cls):
            target = spec.item if spec.kind == "list" else spec
            if target.kind == "object" and spec.kind != "list":
                walk(target.cls, path + [spec.name])
            elif target.kind == "enum" and spec.name != "format":
                out.append((path + [spec.name], spec.kind == "list", target.choices))
    walk(Model, [])
    return out


def _with(path, is_list, value):
    data = _exemplary()
    where = data
    for step in path[:-1]:
        where = where.setdefault(step, {})
    where[path[-1]] = [value] if is_list else value
    return data


@pytest.mark.slow
def test_schema_and_loader_agree_on_every_word_for_every_value():
    from asas.engine.i18n.labels import spellings
    for path, is_list, choices in _enum_fields():
        for code in choices:
            for word in sorted(spellings(code)):
                for written in {word, word.replace(" ", "_"), word.upper(), word.title()}:
                    data = _with(path, is_list, written)
                    assert _validates(data), (path, written)
                    assert _loads(data), (path, written)
        data = _with(path, is_list, "kata-yang-tidak-ada")
        assert not _validates(data) and not _loads(data), path


@pytest.mark.parametrize("field, value, ok", [
    ("made_own_decision", "ya", True), ("made_own_decision", "Tidak", True),
    ("made_own_decision", "mungkin", False), ("made_own_decision", True, True),
])
def test_schema_and_loader_agree_on_yes_and_no(field, value, ok):
    data = _exemplary()
    data["sessions"][0]["client"][field] = value
    assert _validates(data) is ok and _loads(data) is ok


@pytest.mark.parametrize("value, ok", [("0,6", True), ("0.6", False), (0.6, True),
                                       ("0,6,1", False), ("enam", False)])
def test_schema_and_loader_agree_on_a_decimal_comma(value, ok):
    data = _exemplary()
    data["sessions"][0]["counselor"]["talk_share"] = value
    assert _validates(data) is ok and _loads(data) is ok


def test_completion_offers_each_code_with_its_indonesian_name():
    willingness = (case_schema()["properties"]["sessions"]["items"]["properties"]["client"]
                   ["properties"]["willingness"])
    codes = willingness["anyOf"][0]
    assert codes["enum"][:4] == ["willing", "hesitant", "reluctant", "refused"]
    assert "reluctant — enggan" in codes["markdownEnumDescriptions"]
    assert "enggan = reluctant" in willingness["description"]
