"""The verbatim in the reports: the html shows every turn with its codes as marks in
the margin and a chart per session; results from the cache and from worker processes
show the same; --redact withholds every turn's text; a case without a verbatim renders
as before."""

import re
from html.parser import HTMLParser

from click.testing import CliRunner

from asas.cli import cli
from asas.engine.judge.verdict import case_meta
from asas.engine.report.formats import html as html_format
from asas.engine.report.redact import redact
from asas.engine.run.codec import from_data, to_data
from asas.engine.run.pipeline import check_file
from asas.rules import CATALOG

CASE = "tests/fixtures/verbatim/vbt-judgmental-not-listed.yaml"


class Rows(HTMLParser):
    def __init__(self):
        super().__init__()
        self.rows, self.marks, self._row = [], [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "tr" and attrs.get("id", "").startswith("c1-v0-t"):
            self._row = attrs["id"]
            self.rows.append(self._row)
        if tag == "span" and "mk" in (attrs.get("class") or "").split() and self._row:
            self.marks.append((self._row, attrs.get("title")))


def test_html_shows_every_turn_with_its_marks():
    result = check_file(CASE)
    page = html_format.render([result], "en", redact=False)
    parser = Rows()
    parser.feed(page)
    turns = case_meta(result).verbatim[0]["turns"]
    assert len(parser.rows) == len(turns)
    judged = [title for row, title in parser.marks if row == "c1-v0-t11"]
    assert "judgmental remark" in judged
    assert "Ya itu kamu sih yang malas" in page
    assert page.count("<svg") >= 2 and "Counselor&#x27;s talk share" in page


def test_the_html_and_the_tagger_name_each_code_alike_in_both_languages():
    # one table of names (engine/i18n/labels.py) for the margin's marks, the legend and
    # `verbatim tag`: a lecturer reads the same name in both
    from asas.engine.load.loader import load_file
    from asas.engine.verbatim.report import as_text
    result = check_file(CASE)
    for lang, judged, question in (("en", "judgmental remark", "open question"),
                                   ("id", "menghakimi", "pertanyaan terbuka")):
        parser = Rows()
        parser.feed(html_format.render([result], lang, redact=False))
        assert judged in [title for row, title in parser.marks if row == "c1-v0-t11"]
        assert question in {title for _, title in parser.marks}
        tagged = as_text(load_file(CASE), lang)
        assert f"→ {judged}" in tagged and f"→ {question}" in tagged


def test_the_cache_round_trip_keeps_the_verbatim():
    result = check_file(CASE)
    again = from_data(to_data(result), CASE, CATALOG)
    assert again.meta.verbatim == case_meta(result).verbatim
    assert (html_format.render([again], "id", redact=False)
            == html_format.render([result], "id", redact=False))


def test_bad_verbatim_data_in_a_cache_entry_is_refused():
    import pytest

    from asas.engine.run.codec import BadData
    data = to_data(check_file(CASE))
    data["meta"][5][0]["turns"][0][2] = "<script>"
    with pytest.raises(BadData):
        from_data(data, CASE, CATALOG)


def test_redacted_html_has_the_marks_but_no_turn_text():
    result = check_file(CASE)
    page = html_format.render(redact([result]), "en", redact=False)
    assert "malas" not in page and "perpustakaan" not in page
    assert 'title="judgmental remark"' in page and "[redacted]" in page


def test_a_case_without_a_verbatim_has_no_verbatim_section():
    page = html_format.render([check_file("cases/exemplary.yaml")], "en", redact=False)
    assert 'class="vb"' not in page and ".vb-turns" not in page


def test_a_batch_through_worker_processes_shows_the_verbatim(tmp_path):
    out = tmp_path / "r.html"
    result = CliRunner().invoke(cli, ["check", CASE, "tests/fixtures/verbatim/vbt-decided-for-client.yaml",
                                      "--format", "html", "--jobs", "2", "--no-cache",
                                      "--fail-on", "never", "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    # a batch report redacts by default: marks, no text
    assert len(re.findall(r'<tr class="counselor"', page)) > 10 and "malas" not in page


def test_a_turn_is_named_by_its_own_number_in_explain_and_html():
    """The turn VBT010 cites is turn 11 (turns count from 1): explain and the html
    evidence say 'giliran 11' / 'turn 11', as the finding's message does, not 'item 12'."""
    out = CliRunner().invoke(cli, ["explain", CASE, "--lang", "id"]).output
    assert "sesi 1 › verbatim (giliran 11) = Ya itu kamu sih yang malas" in out
    assert "butir ke-12" not in out
    page = html_format.render([check_file(CASE)], "en", redact=False)
    assert "session 1 › verbatim (turn 11)" in page and "verbatim (item 12)" not in page


def test_the_chart_writes_the_ratio_as_its_reader_writes_a_decimal():
    """Reflections per question: 1,00 in an Indonesian page, 1.00 in an English one
    (the figure is the tagger's, the separator the language's)."""
    result = check_file("cases/verbatim-upheld.yaml")
    ratios = {lang: re.findall(r"(?:Reflections per question|Refleksi per pertanyaan) "
                               r"(\d+[.,]\d\d)</title>",
                               html_format.render([result], lang, redact=False))
              for lang in ("en", "id")}
    assert ratios["en"] and len(ratios["en"]) == len(ratios["id"])
    assert all("." in r for r in ratios["en"]) and all("," in r for r in ratios["id"])
    assert [r.replace(".", ",") for r in ratios["en"]] == ratios["id"]


def test_a_cache_filled_by_a_json_run_keeps_the_verbatim_for_html(tmp_path):
    """A report piece (json, text, ...) shows no verbatim view, so a batch that writes
    one makes none; an entry it puts in the cache still has it, and the html report
    read from that cache shows every turn."""
    import shutil

    from asas.engine.load.types import Limits
    from asas.engine.run.batch import _check_file
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(3):
        shutil.copy(CASE, folder / f"c{n}.yaml")
    no_view, _ = _check_file(CASE, None, None, Limits(), None, view=False)
    assert no_view.meta.verbatim == () and no_view.findings == check_file(CASE).findings
    cache = ["--cache-dir", str(tmp_path / "cache")]
    for jobs in ("1", "2"):
        shutil.rmtree(tmp_path / "cache", ignore_errors=True)
        json_run = CliRunner().invoke(cli, ["check", "--format", "json", "--jobs", jobs,
                                            *cache, str(folder)])
        assert json_run.exit_code in (0, 1), json_run.output
        page = CliRunner().invoke(cli, ["check", "--format", "html", "--no-redact",
                                        *cache, str(folder)]).output
        turns = len(case_meta(check_file(CASE)).verbatim[0]["turns"])
        for n in (1, 2, 3):     # every turn of each case's verbatim, as a row of its own
            assert len(re.findall(rf'<tr [^>]*id="c{n}-v0-t\d+"', page)) == turns, (jobs, n)
