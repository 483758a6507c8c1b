"""The bundled example cases are fixtures: each header says what the case must yield.

    # expect: KSR001 KTB001 KTB004        the exact set of finding IDs ("none" for none)
    # status: kesukarelaan=at_risk, ...   statuses that must hold (others unchecked)
"""

import pytest

from asas.engine.run.pipeline import check_file
from helpers import CASES

BUNDLED = sorted(CASES.glob("*.yaml"))


def header(path, key):
    values = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        if line.startswith(f"# {key}:"):
            values += line.split(":", 1)[1].replace(",", " ").split()
    return values


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_case_yields_exactly_the_findings_in_its_header(path):
    expected = header(path, "expect")
    assert expected, f"{path.name} has no '# expect:' header"
    result = check_file(str(path))
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
