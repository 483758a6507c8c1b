"""The documented Python API (docs/api.md): plain data, no printing, never raising."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

import asas

from helpers import CASES

TRAINEE = Path(__file__).parent / "fixtures" / "kasus-R-with-mistakes.yaml"


def test_check_file_gives_the_case_as_plain_data(capsys):
    case = asas.check_file(CASES / "mandated-cascade.yaml", lang="id")
    assert json.loads(json.dumps(case)) == case            # plain data, as it is
    assert case["valid"] and case["case_id"] == "KI-2026-02"
    assert case["principles"]["kesukarelaan"]["status"] == "at_risk"
    assert any(f["id"] == "KSR001" and "kesukarelaan" in f["message"].lower()
               for f in case["findings"])
    assert capsys.readouterr() == ("", "")                  # nothing printed


def test_check_paths_is_the_json_report_of_asas_check():
    report = asas.check_paths([str(CASES)], select=["KRH"])
    cli = subprocess.run([sys.executable, "-m", "asas", "check", "--no-cache", "--format",
                          "json", "--select", "KRH", "--fail-on", "never", str(CASES)],
                         capture_output=True, text=True, check=True)
    assert report == json.loads(cli.stdout)
    assert all(f["id"].startswith("KRH") for c in report["cases"] for f in c["findings"])


def test_a_bad_file_is_reported_not_raised_with_codes_and_positions():
    case = asas.check_file(TRAINEE, lang="id")
    assert not case["valid"]
    assert [(e["code"], e["path"]) for e in case["errors"]] == [
        ("load.unknown_key_hint", "sessions[0].opening.confidentiality_explaned"),
        ("load.missing_key", "sessions[2].number")]
    assert "belum ditulis" in case["errors"][1]["message"]
    missing = asas.check_file("/no/such/kasus.yaml")
    assert missing["errors"][0]["code"] == "load.cannot_read"


def test_check_text_strict_and_redact():
    text = TRAINEE.read_text(encoding="utf-8").replace(
        "confidentiality_explaned", "confidentiality_explained").replace(
        "  - date: 2026-09-21", "  - number: 3\n    date: 2026-09-21")
    case = asas.check_text(text, name="kasus-R.yaml")
    assert case["valid"] and case["file"] == "kasus-R.yaml"
    strict = asas.check_text(text, strict=True)
    assert not strict["valid"] and len(strict["errors"]) == 5
    judged = CASES / "judgmental-guarded.yaml"
    shown = json.dumps(asas.check_file(judged), ensure_ascii=False)
    hidden = json.dumps(asas.check_file(judged, redact=True), ensure_ascii=False)
    assert "Anak baik-baik tidak akan merokok." in shown
    assert "Anak baik-baik" not in hidden and "[redacted]" in hidden


def test_importing_asas_loads_no_engine():
    code = "import sys, asas; print(any(m.startswith('asas.engine') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "False"


@pytest.mark.parametrize("name", asas.__all__)
def test_every_public_name_is_documented(name):
    assert name in (Path(__file__).resolve().parent.parent / "docs" / "api.md").read_text(encoding="utf-8") \
        or name in ("FORMAT", "__version__")
