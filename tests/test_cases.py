"""The bundled example cases are fixtures: each header says what the case must yield.

    # profile: bk12                      the profile it is judged under (default:
                                          konseling-individual); cases/bk12/ holds bk12's
    # expect: KSR001 KTB001 KTB004        the exact set of finding IDs ("none" for none)
    # status: kesukarelaan=at_risk, ...   statuses that must hold (others unchecked)
"""

import pytest

from asas.engine.run.pipeline import check_file

from helpers import CASES

BUNDLED = sorted(CASES.glob("*.yaml"))
BK12 = sorted((CASES / "bk12").glob("*.yaml"))


def header(path, key):
    values = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        if line.startswith(f"# {key}:"):
            values += line.split(":", 1)[1].replace(",", " ").split()
    return values


def profile_of(path):
    named = header(path, "profile")
    assert len(named) <= 1, f"{path.name}: more than one profile"
    return named[0] if named else None


@pytest.mark.parametrize("path", BUNDLED + BK12, ids=lambda p: p.stem)
def test_case_yields_exactly_the_findings_in_its_header(path):
    expected = header(path, "expect")
    assert expected, f"{path.name} has no '# expect:' header"
    result = check_file(str(path), profile=profile_of(path))
    assert result.valid, [e.format(path.name) for e in result.errors]
    assert sorted({f.id for f in result.findings}) == sorted(set(expected) - {"none"})
    for item in header(path, "status"):
        principle, status = item.split("=")
        assert result.principles[principle].status == status, principle


def test_at_least_twelve_cases_and_every_principle_failed_somewhere():
    assert len(BUNDLED) >= 12
    failed = {p for path in BUNDLED for p, v in check_file(str(path)).principles.items()
              if v.status in ("at_risk", "violated")}
    assert len(failed) == 8


def test_bk12_cases_give_twelve_statuses_and_fail_each_new_principle():
    """At least six bk12 cases, from exemplary (all twelve upheld) to poor, and each of
    the four principles bk12 adds failed somewhere."""
    assert len(BK12) >= 6
    assert all(profile_of(path) == "bk12" for path in BK12)
    results = [check_file(str(path), profile="bk12") for path in BK12]
    assert all(len(r.principles) == 12 for r in results)
    assert any({v.status for v in r.principles.values()} == {"upheld"} for r in results)
    failed = {p for r in results for p, v in r.principles.items()
              if v.status in ("at_risk", "violated")}
    assert {"kedinamisan", "keterpaduan", "alih_tangan_kasus", "tut_wuri_handayani"} <= failed


def _profile_only_enums(cls=None, prefix="", inside=False):
    """(path, choices) of the enum fields only some profiles judge (and those inside them)."""
    from asas.engine.model.case import Case, fields_of
    for spec in fields_of(cls or Case):
        path = f"{prefix}.{spec.name}" if prefix else spec.name
        target = spec.item if spec.kind == "list" else spec
        mine = inside or spec.profile_only
        if target.kind == "enum" and mine:
            yield path, target.choices
        elif target.kind == "object":
            yield from _profile_only_enums(target.cls, path, mine)


def test_bk12_cases_use_every_value_of_the_bk12_fields():
    import yaml

    def values(node, parts):
        if not parts:
            return node if isinstance(node, list) else [node]
        if isinstance(node, list):
            return [v for item in node for v in values(item, parts)]
        if not isinstance(node, dict) or parts[0] not in node:
            return []
        return values(node[parts[0]], parts[1:])

    data = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in BK12]
    missing = []
    for path, choices in _profile_only_enums():
        seen = {v for d in data for v in values(d, path.split("."))}
        missing += [f"{path}={c}" for c in choices if c not in seen]
    assert not missing, missing
