"""A verbatim on its own: the .txt, .csv or .docx a trainee has before any case file,
read as the one session of a case that holds nothing else, so that ``asas verbatim tag
verbatim.txt`` shows its codes before ``asas verbatim import`` puts it into a case.

It is read as the import reads it (engine/verbatim/importer.py), within the loader's
bounds (a FIFO, a folder or a file too big is refused, never waited on), and parsed with
the default speaker codes; what cannot be read is a located error as in a case file.
Every turn and problem is at its line in the file (a .docx table: its row); the file's
heading (a title, a date) is left out and said (engine/verbatim/source.py).
"""

from __future__ import annotations

import os

from asas.engine.i18n.messages import Msg, unsourced
from asas.engine.load.read import Unreadable, _decode, read_case_bytes
from asas.engine.load.sniff import _FORMAT, declares_case
from asas.engine.load.types import CaseError, Limits, LoadedCase, os_error
from asas.engine.model.case import Case, Session
from asas.engine.verbatim import source
from asas.engine.verbatim.columns import is_header, paired
from asas.engine.verbatim.importer import UNSUPPORTED, ImportProblem
from asas.engine.verbatim.parse import CLIENT, COUNSELOR, parse

# the kinds verbatim tag reads as a verbatim on its own; the unsupported ones too, so
# that their message says what to save them as (importer.UNSUPPORTED)
SUFFIXES = (".txt", ".csv", ".tsv", ".docx", ".xlsx", ".xlsm", *UNSUPPORTED)
_BINARY = (".docx", ".xlsx", ".xlsm", *UNSUPPORTED)
PATH = "sessions[0].verbatim"


def is_verbatim_file(path: str, limits: Limits = Limits()) -> bool:
    """Whether ``path`` names a verbatim on its own rather than a case file: a text,
    CSV or Word file that does not declare itself a case (``format: asas/v1``)."""
    lower = os.fspath(path).lower()
    if not lower.endswith(SUFFIXES):
        return False
    return lower.endswith(_BINARY) or not declares_case(path, limits)


def load_verbatim_file(path: str, limits: Limits = Limits(),
                       speakers: dict | None = None) -> LoadedCase:
    """The verbatim in ``path`` as session 1 of an otherwise empty case; never raises.
    ``speakers``: a map in place of the default one, as a case's verbatim_speakers."""
    def fail(msg):
        return LoadedCase(path, None, [CaseError.of(1, 1, PATH, msg)])
    try:
        raw = read_case_bytes(path, limits)
        read = source.read(path, raw, speakers)
    except Unreadable as exc:
        return fail(exc.msg)
    except ImportProblem as exc:       # located in this file already: named once
        return fail(unsourced(exc.msg) if isinstance(exc.msg, Msg) else exc.msg)
    except OSError as exc:
        return fail(Msg.of("load.cannot_read", why=os_error(exc)))
    parsed = read.parsed
    if parsed.problems:
        return LoadedCase(path, None, [CaseError.of(p.line, p.column, PATH, p.msg, p.quoted)
                                       for p in parsed.problems], notes=read.notes())
    case = Case(sessions=(Session(number=1, verbatim=read.block),))
    return LoadedCase(path, case, verbatim={0: parsed}, notes=read.notes())


# what the loader says of a file that is no case at all: a verbatim's turns read as YAML
# are a mapping with no format, or not YAML; a .docx is a zip, not UTF-8
_NOT_A_CASE = ("load.no_format", "load.not_mapping", "load.not_yaml", "load.many_documents")


def not_a_case(data: bytes, code: str) -> list[CaseError]:
    """For a file that did not load as a case (its first error's ``code``): a hint
    naming `verbatim tag` and `verbatim import` when it is a verbatim or a Word file.
    From the content alone, as the cache keys results by content."""
    if data[:4] == b"PK\x03\x04" and b"word/" in data[:65536]:
        return [CaseError.of(1, 1, "", Msg.of("load.is_word"))]
    if data[:4] == b"PK\x03\x04" and b"xl/" in data[:65536]:
        return [CaseError.of(1, 1, "", Msg.of("load.is_excel"))]
    if not (code in _NOT_A_CASE or code.startswith("yaml.")) or _FORMAT.search(data):
        return []
    # its first lines are enough to tell, and a hostile file's 2 MiB are not decoded nor
    # read through (cut at a line's end: never inside a character's bytes)
    head, _ = _decode(data[:16384].rsplit(b"\n", 1)[0] if len(data) > 16384 else data)
    if head is None:
        return []
    first = next((line for line in head.split("\n", 5)[:5] if line.strip()), "")
    if any(is_header(first.split(sep)) or paired(first.split(sep))    # a CSV, a table
           for sep in ",;\t"):
        return [CaseError.of(1, 1, "", Msg.of("load.is_verbatim"))]
    speakers = {t.speaker for t in parse(head).turns}
    if {COUNSELOR, CLIENT} <= speakers:
        return [CaseError.of(1, 1, "", Msg.of("load.is_verbatim"))]
    return []
