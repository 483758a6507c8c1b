"""A case already rendered for a streaming format: what a worker process of a batch
sends back instead of the result itself (engine/run/batch.py).

A format that can stream (engine/report/formats) writes each case as one *piece*: the
text of the case, or for the formats that write something elsewhere too (the totals
of junit, the artifact list of sarif) a tuple of its parts.  Its ``fragment`` function
makes the piece from a :class:`~asas.engine.judge.verdict.CaseResult`; its ``stream``
takes either a result or a :class:`Rendered` and writes the piece in both cases
(:func:`piece_of`), so the report is the same byte for byte wherever the piece was
made.  What the run needs besides the piece — the exit status, the summary — is the
few fields below.

A worker sends a text piece as its UTF-8 bytes when the report's sink takes bytes
(engine/run/check.py, ``takes_bytes``), so the parent neither decodes it from the pipe
nor encodes it again.  A format's ``stream`` therefore writes a piece with a write of
its own, never joined to other text (tests/test_rendered.py holds every format to it).
"""

from __future__ import annotations

from typing import NamedTuple

FAILING = ("at_risk", "violated")


class Rendered(NamedTuple):
    file: str
    valid: bool
    profile: str
    severities: tuple       # of its findings, in their order
    failing: tuple          # the principles at risk or violated (a valid case's)
    piece: object           # what the format writes for this case
    suppressed: int = 0     # its findings suppressed, and its suppressions unused
    unused: int = 0

    @classmethod
    def of(cls, r, piece) -> Rendered:
        """``piece`` of the result ``r``, with what the summary needs of ``r``."""
        failing = tuple(p for p, v in r.principles.items() if v.status in FAILING) \
            if r.principles is not None else ()
        return cls(r.file, r.valid, r.profile, tuple(f.doc.severity for f in r.findings),
                   failing, piece, len(r.suppressed), len(r.unused_suppressions))


def piece_of(r, fragment, *args, **options):
    """The piece of ``r``: the one a worker made, or ``fragment(r, *args, **options)``."""
    if r.__class__ is Rendered:
        return r.piece
    return fragment(r, *args, **options)
