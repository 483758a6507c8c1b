"""Workers of a batch render the cases of a streaming format (engine/report/rendered.py):
the report, the exit status and the summary are the same as when this process renders
every case, with any options, with the cache answering some files, in both languages."""

from __future__ import annotations

import pytest

from asas.engine.load.discover import case_paths
from asas.engine.report.formats import FORMATS, ReportOptions, get
from asas.engine.report.rendered import Rendered
from asas.engine.run.batch import Batch

from helpers import generator, invoke, write_batch

gen = generator()

STREAMING = [name for name in FORMATS if get(name).piece is not None]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return write_batch(tmp_path_factory.mktemp("rendered"), 14, 6, seed=21)


def test_every_streaming_format_has_a_piece():
    assert set(STREAMING) == {"text", "json", "concise", "csv", "junit"}


@pytest.mark.parametrize("fmt", STREAMING)
def test_workers_render_what_this_process_renders(folder, fmt):
    options = ["--format", fmt, "--lang", "id", "--redact", "--select", "KRH,KSR,DOC",
               "--ignore", "KSR002", "--fail-on", "advice", "--isolated", "--no-cache"]
    one = invoke("check", *options, "--jobs", "1", str(folder))
    two = invoke("check", *options, "--jobs", "2", str(folder))
    assert one.output == two.output
    assert one.exit_code == two.exit_code == 2


@pytest.mark.parametrize("fmt", STREAMING)
def test_quiet_with_workers(folder, fmt):
    """--quiet leaves out the files that pass; a worker's rendered case says whether it
    passes and how many suppressions went unused (the run used to stop at the first
    one with a traceback)."""
    options = ["--format", fmt, "--quiet", "--fail-on", "violation", "--isolated",
               "--no-cache"]
    one = invoke("check", *options, "--jobs", "1", str(folder))
    two = invoke("check", *options, "--jobs", "2", str(folder))
    assert one.stdout_bytes == two.stdout_bytes
    assert one.exit_code == two.exit_code


@pytest.mark.parametrize("fmt", ["junit", "text", "sarif"])
def test_cached_and_rendered_cases_mix(folder, tmp_path, fmt):
    """Half the files from the cache (rendered here), half checked by the workers (rendered
    there): the places, totals and summary come out as in a run of one process."""
    store = str(tmp_path / "store")
    reference = invoke("check", "--format", fmt, "--isolated", "--no-cache", "--jobs", "1",
                       "--fail-on", "risk", str(folder))
    invoke("check", "--format", fmt, "--isolated", "--cache-dir", store, "--jobs", "1",
           str(folder / "b"))
    mixed = invoke("check", "--format", fmt, "--isolated", "--cache-dir", store, "--jobs", "2",
                   "--fail-on", "risk", str(folder))
    assert mixed.output == reference.output
    assert mixed.exit_code == reference.exit_code


def test_the_workers_send_rendered_cases(folder):
    batch = Batch(case_paths([str(folder)]), jobs=2)
    batch.render_as("json", "en", ReportOptions(), redact=False)
    items = list(batch)
    assert batch.jobs_used == 2
    assert all(item.__class__ is Rendered for item in items)
    assert [item.valid for item in items].count(False) == 1
    plain = list(Batch(case_paths([str(folder)]), jobs=2))
    assert [r.file for r in plain] == [item.file for item in items]
    assert [tuple(f.doc.severity for f in r.findings) for r in plain] == \
        [item.severities for item in items]


# -- pieces sent as bytes (RenderAs.encoded): the parent writes them as they come ------

def test_the_workers_send_bytes_when_the_sink_takes_them(folder):
    batch = Batch(case_paths([str(folder)]), jobs=2)
    batch.render_as("json", "en", ReportOptions(), redact=False, encoded=True)
    encoded = list(batch)
    plain = Batch(case_paths([str(folder)]), jobs=2)
    plain.render_as("json", "en", ReportOptions(), redact=False)
    texts = list(plain)
    assert all(item.piece.__class__ is bytes for item in encoded)
    assert all(item.piece.__class__ is str for item in texts)
    assert [item.piece for item in encoded] == [item.piece.encode() for item in texts]


@pytest.mark.parametrize("fmt", STREAMING)
def test_a_file_name_that_is_not_utf8(tmp_path, fmt):
    """A name that is not UTF-8 (a surrogate in its str) is shown escaped, so its piece
    still encodes; one that did not would stay text (batch.py).  Either way the report
    is this process's, byte for byte."""
    import os
    folder = write_batch(tmp_path / "odd", 10, 0, seed=4)
    first = sorted(folder.rglob("*.yaml"))[0]
    os.rename(first, os.fsencode(first.parent) + b"/kasus-\xff.yaml")
    one = invoke("check", "--format", fmt, "--isolated", "--no-cache", "--jobs", "1",
                 str(folder))
    two = invoke("check", "--format", fmt, "--isolated", "--no-cache", "--jobs", "2",
                 str(folder))
    assert one.stdout_bytes == two.stdout_bytes
    assert "kasus-" in one.output


@pytest.mark.parametrize("fmt", STREAMING)
def test_every_stream_writes_a_bytes_piece_as_its_text(folder, fmt):
    """Each streaming format writes a piece with a write of its own (a bytes piece is
    never joined to text): its report from encoded pieces is its report from text."""
    import io

    from asas.engine.run.check import _FileBytes
    rendered = Batch(case_paths([str(folder)]), jobs=2)
    rendered.render_as(fmt, "id", ReportOptions(), redact=True)
    items = list(rendered)
    fmt_ = get(fmt)

    def report(pieces):
        raw = io.BytesIO()
        text = io.TextIOWrapper(raw, encoding="utf-8", newline="", errors="surrogateescape")
        sink = _FileBytes(text)
        fmt_.stream(pieces, "id", sink, ReportOptions(redact=True))
        text.flush()
        return raw.getvalue()

    as_bytes = [item._replace(piece=item.piece.encode()) if isinstance(item.piece, str)
                else item for item in items]
    assert report(as_bytes) == report(items)
    assert report(items)


@pytest.mark.parametrize("fmt", STREAMING)
@pytest.mark.parametrize("quiet", [False, True])
def test_a_report_file_from_the_workers_is_this_process_s(folder, tmp_path, fmt, quiet):
    """``-o``: the workers' encoded pieces and this process's text give the same file."""
    options = ["--format", fmt, "--isolated", "--no-cache", *(["--quiet"] if quiet else [])]
    one, two = tmp_path / "one", tmp_path / "two"
    a = invoke("check", *options, "--jobs", "1", "-o", str(one), str(folder))
    b = invoke("check", *options, "--jobs", "2", "-o", str(two), str(folder))
    assert one.read_bytes() == two.read_bytes()
    assert a.exit_code == b.exit_code


def test_which_streams_take_bytes(tmp_path):
    import io

    from asas.engine.run.check import takes_bytes
    utf8 = io.TextIOWrapper(io.BytesIO(), encoding="UTF8")
    latin = io.TextIOWrapper(io.BytesIO(), encoding="latin-1")
    sig = io.TextIOWrapper(io.BytesIO(), encoding="utf-8-sig")
    assert takes_bytes(utf8)
    assert not takes_bytes(latin)
    assert not takes_bytes(sig)             # its mark would be left out
    assert not takes_bytes(io.StringIO())   # no buffer to write to
