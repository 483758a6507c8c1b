"""`asas init`: a template with every field of the format, valid untouched, nothing
documented; commented in the chosen language; never overwriting without --force."""

import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from asas.cli import cli
from asas.engine.authoring.template import render_case, template_text
from asas.engine.i18n.labels import LABELS
from asas.engine.judge.catalog import PRINCIPLES
from asas.engine.load.loader import load_bytes, load_file
from asas.engine.model.case import Case, all_paths, fields_of
from asas.engine.run.pipeline import check_loaded


def _generic(path: str) -> str:
    return re.sub(r"\[\d+\]", "[]", path)


def _enum_specs(cls=Case):
    for spec in fields_of(cls):
        target = spec.item if spec.kind == "list" else spec
        if target.kind == "enum":
            yield spec.name, target.choices
        elif target.kind == "object":
            yield from _enum_specs(target.cls)


def _init(*args, input=None):
    return CliRunner().invoke(cli, ["init", *args], input=input)


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("sessions", [1, 3])
def test_untouched_template_is_valid_and_assesses_nothing(lang, sessions):
    result = _init("--lang", lang, "--sessions", str(sessions))
    assert result.exit_code == 0, result.output
    loaded = load_bytes(result.stdout.encode("utf-8"), "template.yaml")
    assert loaded.valid, [e.format("template.yaml") for e in loaded.errors]
    assert [s.number for s in loaded.case.sessions] == list(range(1, sessions + 1))
    checked = check_loaded(loaded)
    assert {p: v.status for p, v in checked.principles.items()} == \
        dict.fromkeys(PRINCIPLES, "not_assessed")
    assert [f.id for f in checked.findings if f.doc.severity != "advice"] == []


def test_template_leaves_observations_undocumented_and_events_none():
    loaded = load_bytes(template_text("id").encode("utf-8"), "t.yaml")
    case = loaded.case
    assert case.case.id == "KI-0000-00"
    assert case.case.client.pseudonym == "Konseli A"
    assert case.case.referral.source is None                  # open world: not documented
    assert case.sessions[0].opening.confidentiality_explained is None
    assert case.sessions[0].counselor.techniques is None
    assert case.sessions[0].tasks_agreed is None
    assert case.case.problem.risk == ()                       # closed world: none
    assert case.sessions[0].disclosures == ()
    assert case.case.referred_out is None
    text = template_text("en")
    assert re.search(r"^    risk: \[\]$", text, re.M)
    assert re.search(r"^      confidentiality_explained:$", text, re.M)


def _asked_by(profile, path: str) -> bool:
    """Is ``path`` one of the profile's optional fields, or inside one?"""
    return any(path == f or path.startswith(f + ".") or path.startswith(f + "[]")
               for f in profile.fields)


@pytest.mark.parametrize("profile", [None, "bk12"])
def test_template_covers_every_field_of_the_format(profile):
    """Every path of model.py is a key of the template: the lists of mappings and
    referred_out as commented examples, which the 'live' rendering writes as real
    entries so that they can be loaded and counted here.  The fields only some
    profiles judge are there exactly when the profile asks for them."""
    from asas.engine.judge.profile import lookup
    chosen = lookup(profile)
    live = render_case("en", sessions=2, examples="live", profile=profile)
    loaded = load_bytes(live.encode("utf-8"), "live.yaml")
    assert loaded.valid, [e.format("live.yaml") for e in loaded.errors]
    written = {_generic(p) for p in loaded.keys}
    bk12 = lookup("bk12")
    left_out = {p for p in all_paths() if _asked_by(bk12, p) and not _asked_by(chosen, p)}
    assert set(all_paths()) - written == left_out
    assert not left_out & written
    # the commented examples are the same lines, behind '# '
    text = template_text("en", profile=profile)
    for path in all_paths():
        if path in left_out:
            continue
        name = re.split(r"[.\]]", path)[-1]
        assert re.search(rf"^\s*(#\s+)?(- )?{name}:", text, re.M), path


@pytest.mark.parametrize("lang", ["en", "id"])
def test_commented_examples_work_when_uncommented(lang):
    """What the template tells a trainee to do (remove '# ', replace []) gives a valid file."""
    text = template_text(lang)
    lines = []
    for line in text.splitlines():
        # the example entries' lines (not the prose): '# - key:' / '#   key:' / '#   # note'
        m = re.match(r"^(\s*)# ((- |  )(\w+:.*|\s*#.*))$", line)
        lines.append(m.group(1) + m.group(2) if m else line)
    text = "\n".join(lines).replace("disclosures: []", "disclosures:") \
            .replace("others_present: []", "others_present:").replace("risk: []", "risk:") \
        .replace("norm_conflicts: []", "norm_conflicts:").replace("ignore: []", "ignore:")
    loaded = load_bytes(text.encode("utf-8"), "filled.yaml")
    assert loaded.valid, [e.format("filled.yaml") for e in loaded.errors]
    session = loaded.case.sessions[0]
    assert len(session.disclosures) == 1 and len(session.counselor.norm_conflicts) == 1
    assert loaded.case.case.referred_out is not None


def test_every_allowed_value_has_words_for_readers():
    for name, choices in _enum_specs():
        if name == "format":
            continue
        for value in choices:
            assert value in LABELS, f"{name}: {value} has no row in engine/i18n/labels.py"
            row = LABELS[value]
            assert row.id or row.en, value


def test_comments_are_in_the_chosen_language():
    id_text, en_text = template_text("id"), template_text("en")
    assert "Kode kasus, unik dalam satu kumpulan. Wajib diisi." in id_text
    assert "Kosong = tidak dicatat." in id_text
    assert "willing (bersedia) | hesitant (ragu-ragu)" in id_text
    assert "Required." not in id_text and "not documented" not in id_text
    assert "Case identifier, unique within a batch. Required." in en_text
    assert "Empty = not documented." in en_text
    assert "Wajib" not in en_text and "Kosong" not in en_text


def test_modeline_points_at_the_schema_and_says_how_to_make_it():
    text = template_text("en")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=asas-v1.schema.json"
    assert "asas schema -o asas-v1.schema.json" in text
    other = _init("--schema", "../schema/asas-v1.schema.json")
    assert other.stdout.splitlines()[0] == \
        "# yaml-language-server: $schema=../schema/asas-v1.schema.json"


def test_template_is_valid_against_the_json_schema():
    jsonschema = pytest.importorskip("jsonschema")
    from asas.engine.model.jsonschema import case_schema
    for lang in ("en", "id"):
        jsonschema.validate(yaml.safe_load(template_text(lang, sessions=2)), case_schema())


def test_init_writes_a_file_and_never_overwrites_without_force(tmp_path):
    target = tmp_path / "kasus.yaml"
    first = _init(str(target), "--lang", "id")
    assert first.exit_code == 0, first.output
    assert "Tersimpan" in first.stderr and "asas check" in first.stderr
    assert load_file(str(target)).valid

    target.write_text("# my own work\n", encoding="utf-8")
    again = _init(str(target), "--lang", "id")
    assert again.exit_code != 0
    assert "sudah ada" in again.output and "--force" in again.output
    assert target.read_text(encoding="utf-8") == "# my own work\n"

    forced = _init(str(target), "--lang", "en", "--sessions", "2", "--force")
    assert forced.exit_code == 0, forced.output
    loaded = load_file(str(target))
    assert loaded.valid and len(loaded.case.sessions) == 2
    # no temporary left; the schema its first line points at, beside it
    assert sorted(p.name for p in tmp_path.iterdir()) == ["asas-v1.schema.json", "kasus.yaml"]


def test_init_to_stdout_with_dash_and_bad_arguments(tmp_path):
    assert _init("-", "--lang", "en").stdout == template_text("en")
    assert _init("--sessions", "0").exit_code == 2
    missing_dir = tmp_path / "no" / "such" / "dir" / "k.yaml"
    result = _init(str(missing_dir))
    assert result.exit_code == 2 and "cannot write" in result.output   # a failure to write


def test_the_case_format_reference_is_current():
    from asas.engine.model.reference import reference_text
    committed = Path(__file__).parent.parent / "docs" / "case-format.md"
    assert committed.read_text(encoding="utf-8") == reference_text(), \
        "docs/case-format.md is stale: python -m asas.engine.model.reference > docs/case-format.md"


def test_the_reference_names_every_field_and_the_words_of_every_value():
    from asas.engine.i18n.labels import LABELS
    from asas.engine.model.case import all_paths
    from asas.engine.model.reference import reference_text
    text = reference_text()
    for path in all_paths():
        assert f"`{path.rsplit('.', 1)[-1]}`" in text, path
    for code, row in LABELS.items():
        if row.id and row.text is not None and f"`{code}`" in text:
            assert f"`{code}` ({row.id}" in text, code
    assert "`reluctant` (enggan)" in text and "ruang bk" in text


def test_init_writes_the_schema_its_first_line_points_at(tmp_path):
    import json

    import jsonschema
    target = tmp_path / "kasus.yaml"
    result = _init(str(target), "--lang", "id", "--sessions", "2")
    assert result.exit_code == 0, result.output
    first = target.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=asas-v1.schema.json"
    schema = tmp_path / "asas-v1.schema.json"
    assert schema.exists() and "Ditulis juga" in result.stderr
    jsonschema.validate(yaml.safe_load(target.read_text(encoding="utf-8")),
                        json.loads(schema.read_text(encoding="utf-8")))
    schema.write_text("{}", encoding="utf-8")          # the user's own copy: never replaced
    again = _init(str(tmp_path / "kedua.yaml"), "--lang", "id")
    assert again.exit_code == 0 and schema.read_text(encoding="utf-8") == "{}"
