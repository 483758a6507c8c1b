"""The verbatim in the knowledge base: fixture cases whose write-up the verbatim
contradicts (each with its expected findings in its header), evidence that cites the
turn, its line and a short quote, certainty below 1 that grows with the turns, the
labelled development sessions checked without a VBT finding but the labels', privacy."""

import glob
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from asas.cli import cli
from asas.engine.load.loader import load_file
from asas.engine.run.pipeline import check_file

from helpers import EXEMPLARY, check_data, find, ids, patched

FIXTURES = sorted(Path("tests/fixtures/verbatim").glob("vbt-*.yaml"))
DEV = sorted(glob.glob("/work/shared/verbatim/dev*.yaml"))


def expected(path):
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# expect:"):
            return set(line.split(":", 1)[1].split()) - {"none"}
    raise AssertionError(f"{path} has no '# expect:' header")


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_fixture_yields_exactly_its_expected_findings(path):
    result = check_file(str(path))
    assert result.valid, [e.format(str(path)) for e in result.errors]
    assert {f.id for f in result.findings} == expected(path)


def test_a_finding_from_the_verbatim_cites_the_turn_its_line_and_a_quote():
    path = "tests/fixtures/verbatim/vbt-judgmental-not-listed.yaml"
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    found = next(f for f in check_file(path).findings if f.id == "VBT010")
    turn = found.evidence[0]
    assert turn.path.startswith("sessions[0].verbatim[")
    assert "kamu sih yang malas" in lines[turn.line - 1]
    assert turn.value.startswith("Ya itu kamu sih yang malas") and len(turn.value) <= 80
    assert found.line == turn.line and found.certainty < 1


def test_a_claim_and_the_verbatim_are_both_cited():
    path = "tests/fixtures/verbatim/vbt-talk-share-claimed.yaml"
    found = next(f for f in check_file(path).findings if f.id == "VBT004")
    assert [e.path for e in found.evidence] == ["sessions[0].counselor.talk_share",
                                                "sessions[0].verbatim"]
    assert found.params["claimed"] == 0.3 and found.params["measured"] > 0.7


def test_certainty_grows_with_the_tagged_turns():
    one = "Ko: Kalau masih telat, Ibu panggil orang tuamu.\nKi: Iya, Bu.\n"
    two = one + "Ko: Ingat, nanti Ibu laporkan ke wali kelas kalau kamu bolos lagi.\nKi: Iya.\n"
    cf = {}
    for name, text in (("one", one), ("two", two)):
        result = check_data(patched({"sessions[0].verbatim": text}))
        cf[name] = next(f.certainty for f in result.findings if f.id == "VBT011")
    assert 0 < cf["one"] < cf["two"] < 1


def test_a_third_party_speaking_is_someone_present():
    """A third party's turn is evidence that someone else was there (shared/spec/
    verbatim.md): VBT007 when the write-up lists no one, citing the turn first; nothing
    from the verbatim when the write-up records who was there."""
    text = ("Ko: Selamat pagi. Silakan duduk.\nKi: Pagi, Bu.\n"
            "Mama: Bu, saya tunggu di luar, ya.\nKo: Baik, Bu.\n"
            "Mama: Nanti saya jemput jam sepuluh.\n")
    found = find(check_data(patched({"sessions[0].verbatim": text})), "VBT007")
    assert found.params["count"] == 2 and found.params["who"] == "Mama"
    assert [e.path for e in found.evidence] == ["sessions[0].verbatim[3]",
                                                "sessions[0].place.others_present"]
    recorded = patched({"sessions[0].verbatim": text,
                        "sessions[0].place.others_present": [{"who": "ibu konseli",
                                                              "client_agreed": True}]})
    assert "VBT007" not in ids(check_data(recorded))
    alone = check_data(patched({"sessions[0].verbatim": "Ko: Pagi.\nKi: Pagi, Bu.\n"}))
    assert "VBT007" not in ids(alone)


def test_a_case_without_a_verbatim_is_judged_as_before():
    result = check_data(EXEMPLARY)
    assert ids(result) == set()


@pytest.mark.parametrize("path", DEV, ids=lambda p: Path(p).name[:5])
def test_honest_labelled_sessions_show_no_contradiction(path):
    """The development files' write-ups agree with their verbatims: no VBT finding but
    the grouped label advice (their labels are an expert's, the tagger differs on some)."""
    result = check_file(path)
    assert result.valid
    assert {f.id for f in result.findings if f.id.startswith("VBT")} <= {"VBT020"}
    per_session = [f.session for f in result.findings if f.id == "VBT020"]
    assert len(per_session) == len(set(per_session))      # one per session at most


def test_privacy_checks_scan_the_verbatim():
    text = "Ko: Nomormu berapa?\nKi: 0812-3456-7890, Bu. Rumah saya di Jl. Melati No. 12.\n"
    result = check_data(patched({"sessions[0].verbatim": text}))
    prv = [f for f in result.findings if f.id.startswith("PRV")]
    assert prv and all(e.value in (None, "[withheld]") for f in prv for e in f.evidence)


@pytest.mark.parametrize("fmt", ["json", "text", "markdown", "html", "sarif", "csv", "junit"])
def test_redact_withholds_every_turn_in_every_format(fmt):
    path = "tests/fixtures/verbatim/vbt-judgmental-not-listed.yaml"
    out = CliRunner().invoke(cli, ["check", path, "--format", fmt, "--redact", "--no-cache",
                                   "--fail-on", "never"]).output
    assert "malas" not in out and "perpustakaan" not in out and "Bagas" not in out


def test_verbatim_tag_json_follows_the_contract():
    path = "tests/fixtures/verbatim/vbt-decided-for-client.yaml"
    out = CliRunner().invoke(cli, ["verbatim", "tag", path, "--format", "json"]).output
    data = json.loads(out)
    session = data["sessions"][0]
    assert set(session) >= {"number", "talk_share", "opening", "client_decision", "turns"}
    assert set(session["opening"]) == {"confidentiality", "limits", "voluntariness", "purpose"}
    assert session["client_decision"] is False
    turn = session["turns"][0]
    assert set(turn) >= {"index", "line", "speaker", "codes", "labels", "cues"}
    assert turn["index"] == 1 and turn["speaker"] == "counselor" and "attending" in turn["codes"]
    directives = [t for t in session["turns"] if "directive_instruction" in t["codes"]]
    assert len(directives) == 3 and all(t["labels"] == ["directive_instruction"]
                                        for t in directives)


def test_verbatim_tag_redacted_carries_no_quote():
    path = "tests/fixtures/verbatim/vbt-decided-for-client.yaml"
    for fmt in ("json", "text"):
        out = CliRunner().invoke(cli, ["verbatim", "tag", path, "--format", fmt,
                                       "--redact"]).output
        assert "perpustakaan" not in out and "futsal" not in out and "Bagas" not in out


def test_an_unreadable_verbatim_error_quotes_nothing_under_redact():
    path = "tests/fixtures/verbatim/bad-turns.yaml"
    out = CliRunner().invoke(cli, ["check", path, "--format", "json", "--redact",
                                   "--no-cache"]).output
    assert "prasaan" not in out
    out = CliRunner().invoke(cli, ["verbatim", "tag", path, "--redact"])
    assert "prasaan" not in out.stderr and out.exit_code == 2


def test_loaded_turn_paths_resolve():
    loaded = load_file("tests/fixtures/verbatim/vbt-decided-for-client.yaml")
    from asas.engine.verbatim.analyse import analyse
    analyse(loaded)
    assert loaded.where("sessions[0].verbatim[1]")[0] == loaded.verbatim[0].turns[0].line
    assert loaded.value("sessions[0].verbatim[1]").startswith("Selamat siang")


SAID_ALOUD = ("Ko: Selamat pagi, silakan duduk.\nKi: Pagi, Bu.\n"
              "Ko: Kalau perlu, Ibu hubungi ke mana?\n"
              "Ki: WA saya 0812-3456-7890, Bu. Rumah di Jl. Melati No. 12.\n"
              "Ko: Ya itu kamu sih yang malas.\nKi: (diam)\n")


def test_identifying_data_said_aloud_is_found_at_its_turn_and_withheld_everywhere(tmp_path):
    """PRV points at the turn that says it (its line); that turn's text is withheld in the
    html view, in the JSON, in the text report and in the cache entry, the other turns
    are still shown."""
    from helpers import dump
    path = tmp_path / "k.yaml"
    path.write_bytes(dump(patched({"sessions[0].verbatim": SAID_ALOUD})))
    lines = path.read_text(encoding="utf-8").splitlines()
    result = check_file(str(path))
    prv = [f for f in result.findings if f.id in ("PRV002", "PRV005")]
    assert {f.id for f in prv} == {"PRV002", "PRV005"}
    for f in prv:
        assert [e.path for e in f.evidence] == ["sessions[0].verbatim[4]"]
        assert "0812-3456-7890" in lines[f.line - 1]
    cache = tmp_path / "cache"
    for fmt in ("html", "json", "text", "markdown"):
        out = CliRunner().invoke(cli, ["check", str(path), "--format", fmt, "--fail-on", "never",
                                       "--cache-dir", str(cache)]).output
        assert "3456" not in out and "Melati" not in out, fmt
        if fmt != "markdown":                             # it quotes no evidence
            assert "kamu sih yang malas" in out, fmt      # the other turns are still there
    entries = [p for p in cache.rglob("*.json")]
    assert entries and all("3456" not in p.read_text(encoding="utf-8") for p in entries)


def test_a_finding_about_the_whole_session_quotes_the_block_shortly():
    """VBT001 (confidentiality never said) cites the verbatim block: a short quote of its
    start in every format, not all its turns (explain printed 1,200 characters)."""
    path = "tests/fixtures/verbatim/vbt-confidentiality-claimed.yaml"
    found = next(f for f in check_file(path).findings if f.id == "VBT001")
    block = found.evidence[1]
    assert block.path == "sessions[0].verbatim"
    assert block.value.startswith("Ko: Selamat siang, Bagas.") and len(block.value) <= 80
    out = CliRunner().invoke(cli, ["explain", path]).output
    assert max(len(line) for line in out.splitlines()) < 200


@pytest.mark.parametrize("lang, shown", [
    ("en", "verbatim = {n} turns; talk share (counselor) {share}; said: confidentiality, "
           "its limits, voluntariness"),
    ("id", "verbatim = {n} giliran; porsi bicara konselor {share}; terucap: kerahasiaan, "
           "batasnya, kesukarelaan")])
def test_explain_shows_what_the_verbatim_measured_where_a_claim_meets_it(lang, shown):
    # VBT004 sets the claimed talk share against the measured one: the tree shows the
    # measure beside the claim, not the block's first words
    path = "tests/fixtures/verbatim/vbt-talk-share-claimed.yaml"
    result = check_file(path)
    [session] = [s for s in result.meta.verbatim if s["index"] == 0]
    out = CliRunner().invoke(cli, ["explain", path, "--lang", lang]).output
    expected = shown.format(n=len(session["turns"]), share=f"{session['talk_share']:.0%}")
    vbt004 = out[out.index("VBT004"):]
    assert "talk_share = 0.3" in vbt004.split("\n")[1] and expected in vbt004
