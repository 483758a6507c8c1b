"""What the reasoning stage hands the judge: the facts the rules declared for one case.

Plain data from the judge's side: each item is a mapping (experta's facts are dicts),
so judging and reporting never import experta or the reasoning stage.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Inference:
    """What the engine concluded for one case, as declared by the rules, in that order:
    findings (``id``, ``session``, ``cf``, ``paths``, ``params`` …), conclusions of the
    chains, the functions of counseling served, and the presumptions later evidence
    defeated (``finding``: the key ``(id, session)`` of a derived finding, ``evidence``:
    the paths of what defeated it, ``reason``: a key of engine/judge/strengths.py's
    DEFEAT texts)."""
    findings: tuple[Mapping, ...]
    conclusions: tuple[Mapping, ...]
    served: tuple[Mapping, ...]
    defeats: tuple[Mapping, ...] = ()
