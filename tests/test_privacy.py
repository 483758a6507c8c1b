"""The privacy of the write-up: PRV findings name the kind of identifying data and
where it is, never the data; --redact keeps every free-text quote and the pseudonym
out of every report format."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from asas.cli import cli
from asas.engine.judge.catalog import PRINCIPLES
from asas.engine.load.loader import load_bytes
from asas.engine.reason.facts import PrivacyFact, case_facts
from asas.engine.report.formats import FORMATS
from asas.engine.report.redact import REDACTED, redact
from asas.rules import CATALOG
from asas.rules.privacy_scan import looks_like_full_name, scan_text

from helpers import EXEMPLARY, check_data, dump, patched


@pytest.mark.parametrize("pseudonym, flagged", [
    ("Siswa A", False), ("Konseli B", False), ("Klien 3", False), ("A.B.", False),
    ("AB", False), ("R", False), ("Mawar", False), ("Siswa Budi", False),
    ("Mawar (bukan nama sebenarnya)", False), ("Dewi S.", False), ("Mahasiswa X", False),
    ("Budi Santoso", True), ("BUDI SANTOSO", True), ("Ni Luh Putu Ayu", True),
    ("Muhammad Rizki Pratama", True), ("siti aminah", False),
])
def test_a_pseudonym_that_looks_like_a_full_name(pseudonym, flagged):
    assert looks_like_full_name(pseudonym) is flagged


@pytest.mark.parametrize("text, kinds", [
    ("Nomor HP konseli 0812-3456-7890.", ["phone"]),
    ("hubungi +62 812 3456 7890", ["phone"]),
    ("WA 6281234567890", ["phone"]),
    ("telp (021) 555-1234", ["phone"]),
    ("kantor 021-5551234", ["phone"]),
    ("email budi.s@gmail.com", ["email"]),
    ("NISN 0061234567", ["id_number"]),
    ("nisn: 0061234567", ["id_number"]),
    ("NIK 3174012345670001", ["id_number"]),
    ("3174 0123 4567 0001", ["id_number"]),
    ("NIM: 1901234", ["id_number"]),
    ("tinggal di Jl. Merdeka No. 12", ["address"]),
    ("Jalan Sudirman 45", ["address"]),
    ("Gang Mawar No. 3", ["address"]),
    ("RT 03/RW 05", ["address"]),
    ("RT 03 RW 05", ["address"]),
    ("RT/RW: 03/05", ["address"]),
    ("lahir 12 Maret 2010", ["birth_date"]),
    ("tanggal lahir: 12-03-2010", ["birth_date"]),
    ("TTL: Bandung, 12 Maret 2010", ["birth_date"]),
    ("born on March 12, 2010", ["birth_date"]),
    ("Dihubungi di 0812-3456-7890 atau budi@x.id, lahir 1/2/2009", ["phone", "email",
                                                                     "birth_date"]),
    # none of these identify anyone
    ("sesi pada 2026-10-02 selama 45 menit", []),
    ("Konseli berjalan ke kelas 12 kali", []),
    ("jalan-jalan ke mall 3 kali", []),
    ("skor 85, nilai 2010", []),
    ("kelahiran adiknya tahun 2015", []),
    ("Siswa kelas XI IPA 2 berumur 16", []),
    ("nilai 1234567890123 rupiah", []),
    ("pada 12/03/2026 jam 10.30", []),
    ("uang Rp 1.500.000", []),
    ("skala 1-10: 7", []),
    ("@guru_bk di grup kelas", []),
])
def test_identifying_data_in_free_text(text, kinds):
    assert scan_text(text) == kinds


def _scan_text_reference(text):
    """scan_text as it was before its digit check became one search in C: every
    pattern tried whenever some character is a digit by ``str.isdigit``."""
    from asas.rules.privacy_scan import _BIRTH, _PATTERNS, BIRTH_DATE, EMAIL, KINDS
    kinds = []
    if "@" in text and _PATTERNS[0][1].search(text):
        kinds.append(EMAIL)
    if any(ch.isdigit() for ch in text):
        kinds += [kind for kind, pattern in _PATTERNS[1:] if pattern.search(text)]
        if _BIRTH.search(text):
            kinds.append(BIRTH_DATE)
    return sorted(set(kinds), key=KINDS.index)


@pytest.mark.parametrize("text", [
    "", "tanpa angka sama sekali", "lahir ²³ Maret",       # superscripts: isdigit, not \d
    "NIK ①②③④⑤⑥⑦⑧⑨⑩", "lahir ١٢ مارس ٢٠١٠",            # circled; Arabic-Indic (\d)
    "NISN ０１２３４５６７８９", "HP ٠٨١٢٣٤٥٦٧٨٩٠", "budi@x.id ²", "Jl. Mawar ³",
    "RT ٠٣/RW ٠٥", "TTL: Bandung, 12 Maret 2010 dan 0812-3456-7890",
])
def test_the_digit_check_changes_no_result(text):
    # the fast check says "no digit" only where no pattern could match anyway
    assert scan_text(text) == _scan_text_reference(text)


def test_the_digit_check_changes_no_result_on_the_bundled_cases():
    from asas.engine.load.loader import load_file
    from asas.rules.privacy_scan import free_text

    from helpers import ROOT
    seen = 0
    for path in sorted((ROOT / "cases").rglob("*.yaml")):
        loaded = load_file(str(path))
        if loaded.model is None:
            continue
        for _, text, _ in free_text(loaded.model):
            assert scan_text(text) == _scan_text_reference(text), path.name
            seen += 1
    assert seen > 100


def test_a_clean_case_declares_no_privacy_fact():
    loaded = load_bytes(dump(EXEMPLARY), "<test>")
    assert not [f for f in case_facts(loaded) if isinstance(f, PrivacyFact)]


IDENTIFYING = {
    "case.client.pseudonym": "Budi Santoso",
    "case.problem.summary": "Konseli (NISN 0061234567) tinggal di Jl. Melati No. 12.",
    "sessions[1].notes": "Ibu konseli: 0812-3456-7890, ibu.budi@example.com; lahir 12 Maret 2010.",
}
VALUES = ["Budi Santoso", "0061234567", "Jl. Melati", "0812-3456-7890",
          "ibu.budi@example.com", "12 Maret 2010"]


def leaky():
    return patched(IDENTIFYING)


def test_each_kind_is_found_with_its_field_line_and_session():
    result = check_data(leaky())
    prv = {f.id: f for f in result.findings if f.id.startswith("PRV")}
    assert set(prv) == {"PRV001", "PRV002", "PRV003", "PRV004", "PRV005", "PRV006"}
    lines = dump(leaky()).decode().splitlines()
    for f in prv.values():
        [evidence] = f.evidence
        assert evidence.path in IDENTIFYING
        key = evidence.path.rsplit(".", 1)[1]
        assert lines[evidence.line - 1].strip().startswith(f"{key}:")
        assert f.session == (2 if evidence.path.startswith("sessions[1]") else None)
    # about the write-up, not the practice: no principle's status moves
    assert result.principles == check_data(EXEMPLARY).principles


def test_prv_evidence_never_carries_the_identifying_value_even_for_library_callers():
    from asas.engine.report.contract import report_dict
    result = check_data(leaky())
    for f in result.findings:
        if f.id.startswith("PRV"):
            assert [e.value for e in f.evidence] == ["[withheld]"]
    text = json.dumps(report_dict([result], "en"), ensure_ascii=False)
    for value in VALUES:
        assert value not in text


def test_prv_findings_are_risks_of_no_principle_in_both_languages():
    docs = [d for d in CATALOG.values() if d.id.startswith("PRV")]
    assert len(docs) == 6
    for doc in docs:
        assert doc.principle is None and doc.severity == "risk"
        assert doc.message.placeholders("en") == doc.message.placeholders("id") == {"fields"}


def run(*args):
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_no_report_echoes_the_identifying_value(tmp_path, fmt, lang):
    path = tmp_path / "leaky.yaml"
    path.write_bytes(dump(leaky()))
    out = run("check", str(path), "--format", fmt, "--lang", lang, "--select", "PRV").output
    assert out.count("PRV0") >= 6
    for value in VALUES:
        assert value not in out, value


# -- --redact ----------------------------------------------------------------------
FREE = {
    "case.title": "Budi dipukul ayahnya",
    "case.client.pseudonym": "Siswa Rahasia",
    "case.problem.summary": "Ringkasan yang sangat pribadi",
    "case.referred_out": {"to": "Psikolog Dr. Wulan", "session": 2, "reason": "Alasan pribadi"},
    "case.advocacy": ["Lapor ke Bu Sari"],
    "case.problem.rights_violated": ["abuse"],
    "sessions[0].place.others_present": ["Pak Joko wali kelas"],
    "sessions[0].counselor.pressure_on_client": ["Kalau tidak cerita, kamu saya laporkan"],
    "sessions[0].counselor.judgmental_remarks": ["Kamu memang anak nakal"],
    "sessions[0].counselor.norm_conflicts": [{"norm": "religion", "note": "Catatan norma"}],
    "sessions[0].disclosures": [{"to": "Tetangga konseli", "content": "Isi rahasia",
                                 "reason": "other"}],
    "sessions[0].client.decision": "Keputusan pribadi",
    "sessions[0].tasks_agreed": ["Tugas pribadi"],
    "sessions[0].recording": {"made": True, "consent": False},
    "sessions[1].notes": "Catatan pribadi",
    "case.referral.source": "teacher",
    "sessions[0].opening.voluntariness_explained": False,
}
SECRETS = ["Budi dipukul", "Siswa Rahasia", "sangat pribadi", "Wulan", "Alasan pribadi",
           "Bu Sari", "Pak Joko", "saya laporkan", "anak nakal", "Catatan norma",
           "Tetangga konseli", "Isi rahasia", "Keputusan pribadi", "Tugas pribadi",
           "Catatan pribadi"]


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_redact_keeps_free_text_out_of_every_format(tmp_path, fmt):
    path = tmp_path / "KI-2026-01.yaml"
    path.write_bytes(dump(patched(FREE)))
    plain = run("check", str(path), "--format", fmt).output
    assert "Budi dipukul" in plain or fmt not in ("text",)  # the title shows when not redacted
    out = run("check", str(path), "--format", fmt, "--redact").output
    for secret in SECRETS:
        assert secret not in out, (fmt, secret)
    assert "KI-2026-01" in out


def test_redact_keeps_what_the_reader_needs():
    result = check_data(patched(FREE))
    [clean] = redact([result])
    assert [f.id for f in clean.findings] == [f.id for f in result.findings]
    assert clean.principles == result.principles
    evidence = {e.path: e.value for f in clean.findings for e in f.evidence}
    assert evidence["case.referral.source"] == "teacher"          # an enum stays
    assert evidence["sessions[0].recording.made"] is True          # so does a boolean
    assert evidence["sessions[0].counselor.pressure_on_client"] == [REDACTED]
    assert clean.loaded.case.case.title == REDACTED
    assert clean.loaded.case.case.id == result.case_id
    assert len(clean.loaded.case.sessions[0].counselor.pressure_on_client) == 1
    # the original is untouched
    assert result.loaded.case.case.title == "Budi dipukul ayahnya"


def test_redact_takes_quoted_text_out_of_error_messages(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_bytes(b"format: asas/v1\ncase:\n  id: KI-X\n  client: Budi Santoso\n"
                     b"  Rahasia Konseli: 1\nsessions:\n  - number: 1\n"
                     b"    client: {willingness: Budi mau}\n")
    plain = run("check", str(path), "--format", "json").output
    assert "Budi Santoso" in plain
    report = json.loads(run("check", str(path), "--format", "json", "--redact").output)
    text = json.dumps(report)
    for secret in ("Budi Santoso", "Rahasia Konseli", "Budi mau"):
        assert secret not in text
    messages = [e["message"] for e in report["cases"][0]["errors"]]
    assert any("unknown key '[redacted]'" in m for m in messages)


def test_every_principle_key_survives_redaction(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_bytes(dump(patched(FREE)))
    report = json.loads(run("check", str(path), "--format", "json", "--redact").output)
    assert list(report["cases"][0]["principles"]) == list(PRINCIPLES)


# -- no network, no telemetry, nothing written but the report ----------------------
NETWORK_MODULES = ("socket", "ssl", "urllib", "http", "requests", "httpx", "aiohttp",
                   "ftplib", "smtplib", "xmlrpc", "telnetlib", "websocket")


def test_no_module_of_asas_imports_a_network_library():
    import ast as pyast
    from pathlib import Path
    root = Path(__file__).resolve().parent.parent
    offenders = []
    for path in [root / "cli.py", *sorted((root / "engine").rglob("*.py")),
                 *sorted((root / "rules").rglob("*.py"))]:
        for node in pyast.walk(pyast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, pyast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, pyast.ImportFrom) and node.module and not node.level:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names
                          if n.split(".")[0] in NETWORK_MODULES
                          and n != "urllib.parse"]   # string handling only
    assert offenders == []


def _no_network(monkeypatch):
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("asas tried to use the network")

    class NoSocket(socket.socket):
        def __init__(self, *args, **kwargs):
            refuse()

    for name in ("create_connection", "getaddrinfo", "gethostbyname", "socketpair",
                 "create_server"):
        monkeypatch.setattr(socket, name, refuse)
    monkeypatch.setattr(socket, "socket", NoSocket)


def test_the_check_runs_without_network_and_writes_only_the_report(tmp_path, monkeypatch):
    _no_network(monkeypatch)
    home = tmp_path / "home"
    work = tmp_path / "work"
    home.mkdir()
    work.mkdir()
    (work / "a.yaml").write_bytes(dump(EXEMPLARY))
    (work / "leaky.yaml").write_bytes(dump(leaky()))
    for var in ("HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "TMPDIR"):
        monkeypatch.setenv(var, str(home))
    monkeypatch.delenv("ASAS_CACHE_DIR", raising=False)
    monkeypatch.chdir(work)

    def snapshot():
        return {str(p.relative_to(tmp_path)): p.read_bytes()
                for p in sorted(tmp_path.rglob("*")) if p.is_file()}

    before = snapshot()
    result = run("check", "--examples", ".", "--format", "json", "--output", "report.json",
                 "--no-cache")
    assert result.exit_code in (0, 1), result.output
    report = json.loads((work / "report.json").read_text(encoding="utf-8"))
    assert report["summary"]["invalid"] == 0 and report["summary"]["files"] >= 3
    after = snapshot()
    assert set(after) - set(before) == {"work/report.json"}
    assert all(after[name] == before[name] for name in before)


def test_with_the_cache_only_the_report_and_the_named_cache_folder_are_written(
        tmp_path, monkeypatch):
    _no_network(monkeypatch)
    work = tmp_path / "work"
    work.mkdir()
    (work / "a.yaml").write_bytes(dump(EXEMPLARY))
    monkeypatch.setenv("ASAS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(work)
    for _ in range(2):   # the second run reads the cache
        result = run("check", "a.yaml", "--format", "json", "--output", "report.json")
        assert result.exit_code == 0, result.output
    written = {str(p.relative_to(tmp_path)).split("/")[0]
               for p in tmp_path.rglob("*") if p.is_file()}
    assert written == {"work", "cache"}
    assert sorted(p.name for p in work.iterdir()) == ["a.yaml", "report.json"]


def test_explain_does_not_echo_the_identifying_value(tmp_path):
    path = tmp_path / "leaky.yaml"
    path.write_bytes(dump(leaky()))
    out = run("explain", str(path)).output
    assert "PRV002" in out
    for value in VALUES:
        assert value not in out, value


def test_redact_keeps_the_field_names_and_rule_ids_a_finding_names():
    # DOC080 lists the fields a session leaves out; a derived finding's advice names its
    # roots ("lihat KTB003"): neither is the client's text, and without them the
    # finding says nothing
    result = check_data(patched({
        "sessions[1].counselor.self_focus": None,
        "sessions[0].counselor.judgmental_remarks": ["Kamu memang anak nakal."],
        "sessions[0].client.disclosure": "guarded",
        "sessions[1].client.disclosure": "guarded"}))
    [clean] = redact([result])
    doc = next(f for f in clean.findings if f.id == "DOC080")
    assert doc.params["fields"] == ("counselor.self_focus",)
    texts = [f.doc.recommendation.fill("id", f.params) for f in clean.findings
             if f.derived_from]
    assert any("KTB" in t for t in texts) and not any(REDACTED in t for t in texts)
    everything = json.dumps([repr(f.params) + repr(f.evidence) for f in clean.findings])
    assert "anak nakal" not in everything


@pytest.mark.parametrize("fmt", ["text", "markdown", "json", "html"])
def test_an_indonesian_report_says_disamarkan(tmp_path, fmt):
    path = tmp_path / "KI-2026-01.yaml"
    path.write_bytes(dump(patched(FREE)))
    out = run("check", str(path), "--format", fmt, "--redact", "--lang", "id").output
    assert "disamarkan" in out and "redacted" not in out
    for secret in SECRETS:
        assert secret not in out, (fmt, secret)
    english = run("check", str(path), "--format", fmt, "--redact", "--lang", "en").output
    assert "redacted" in english and "disamarkan" not in english


def test_a_speaker_code_that_is_the_clients_full_name():
    # a chat export's senders are names, and the map written for them carries them
    data = patched({"case.verbatim_speakers": {"counselor": ["Ko"],
                                               "client": ["Ki", "Dini Anggraini"],
                                               "other": ["Budi Santoso"]}})
    paths = sorted(e.path for f in check_data(data).findings if f.id == "PRV001"
                   for e in f.evidence)
    assert paths == ["case.verbatim_speakers.client[1]", "case.verbatim_speakers.other[0]"]
    # the counselor's code and short codes are no client's name
    quiet = patched({"case.verbatim_speakers": {"counselor": ["Bu Rina"],
                                                "client": ["Dini", "Siswa A"]}})
    assert "PRV001" not in {f.id for f in check_data(quiet).findings}
