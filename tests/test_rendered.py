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
