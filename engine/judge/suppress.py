"""Findings set aside, with a reason: in-file suppressions and reasoned overrides.

One mechanism for both.  A case file may carry its own (the top-level ``asas:``)::

    asas:
      ignore:
        - rule: KRH010
          session: 2                  # optional; without it, every session
          reason: izin tertulis orang tua ada di berkas sekolah
          by: Dr. Sari (dosen pembimbing)    # optional

``asas check`` applies them (``--no-suppress`` shows everything again), and ``asas
grade`` honours them; a lecturer's overrides file adds more (engine/report/grade/
waivers.py reads it into the same :class:`Waiver`).

- A waiver matches the findings of its rule (the exact ID, e.g. ``KAH005``) in its
  session, or in every session when it names none.
- A finding derived from other findings is set aside too when every finding it follows
  from was set aside: lifting a root cause lifts the chain that rests on it.
- A waiver that matches no finding is *unused* and is reported, as ruff reports an
  unused ``noqa`` (message code ``suppress.unused``): the write-up changed, or the rule
  ID or the session is wrong.
- A rule ID that no profile of asas knows is an error of the file (``suppress.unknown_rule``,
  with the nearest ID), since it can never match.

Plain data and plain functions: nothing here knows of grading or of reports.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from asas.engine.i18n.messages import Msg
from asas.engine.load.types import CaseError, LoadedCase
from asas.engine.model.case import RULE_ID as _RULE_ID

RULE_ID = re.compile(_RULE_ID)
WHERE = "asas.ignore"        # the path of a case file's suppressions


@dataclass(frozen=True)
class Waiver:
    """One finding (a rule, in one session or all) set aside, why, and who decided."""
    rule: str
    reason: str
    by: str = ""                   # "" when not said (optional in a case file)
    session: int | None = None
    case: str | None = None        # the case ID; None for a waiver written in the case file
    where: str = ""                # file:line:col of the entry, for messages
    line: int = 0                  # ... and its line and column, for the reports
    column: int = 0

    def matches(self, finding) -> bool:
        return finding.id == self.rule and (self.session is None or finding.session == self.session)

    def label(self) -> str:
        return self.rule if self.session is None else f"{self.rule} ({self.session})"


@dataclass
class Applied:
    """What the waivers did to one case's findings."""
    kept: list                                       # findings that still count
    set_aside: list = field(default_factory=list)    # (finding, waiver) pairs
    unused: list = field(default_factory=list)       # waivers that matched nothing


def apply(findings, waivers, already=()) -> Applied:
    """Split ``findings`` (``Found``) into those kept and those set aside.  ``already``:
    (finding, waiver) pairs set aside before (a case file's own, when a grade adds an
    overrides file's), so that a chain resting on both is lifted too."""
    aside: dict[tuple, object] = {(f.id, f.session): w for f, w in already}
    used = set()
    for f in findings:
        for i, w in enumerate(waivers):
            if w.matches(f):
                aside[(f.id, f.session)] = w
                used.add(i)
                break
    changed = True
    while changed:     # chains: a finding whose parents are all set aside goes with them
        changed = False
        for f in findings:
            key = (f.id, f.session)
            if key in aside or not f.parents:
                continue
            waivers_of = [aside.get(tuple(p)) for p in f.parents]
            if all(w is not None for w in waivers_of):
                aside[key] = waivers_of[0]
                changed = True
    kept = [f for f in findings if (f.id, f.session) not in aside]
    return Applied(kept, [(f, aside[(f.id, f.session)]) for f in findings
                          if (f.id, f.session) in aside],
                   [w for i, w in enumerate(waivers) if i not in used])


def of_case(loaded: LoadedCase) -> list[Waiver]:
    """The suppressions written in a loaded, valid case file, located at their entries."""
    case = loaded.case
    if case is None:
        return []
    out = []
    for i, s in enumerate(case.asas.ignore):
        line, column = loaded.where(f"{WHERE}[{i}]")
        out.append(Waiver((s.rule or "").strip(), (s.reason or "").strip(),
                          (s.by or "").strip(), s.session,
                          None, f"{loaded.file}:{line}:{column}", line, column))
    return out


def unknown_rules(loaded: LoadedCase, known) -> list[CaseError]:
    """A located error for each suppression whose rule ID is not in ``known`` (every
    rule ID of asas, whatever the profile), with the nearest ID when there is one."""
    case = loaded.case
    if case is None:
        return []
    known = sorted(known)
    errors = []
    for i, s in enumerate(case.asas.ignore):
        rule = (s.rule or "").strip()     # a valid file has one (required)
        if rule in known or not RULE_ID.match(rule):     # a malformed ID: the loader's
            continue
        path = f"{WHERE}[{i}].rule"
        line, column = loaded.values.get(path, loaded.where(path))
        near = _nearest(rule, known)
        hint: Msg | str = Msg.of("load.enum_hint", name=near[0]) if near else ""
        errors.append(CaseError.of(line, column, path,
                                   Msg.of("suppress.unknown_rule", rule=repr(rule), hint=hint),
                                   quoted=(repr(rule),)))
    return errors


def _nearest(rule: str, known: list) -> list:
    """The ID ``rule`` was most likely meant as: one or two characters mistyped (the
    fewest, then the nearest number), else the closest by difflib."""
    def typos(other: str) -> int:
        return sum(a != b for a, b in zip(rule, other)) + abs(len(rule) - len(other))
    best = min(known, key=lambda k: (typos(k), abs(int(k[3:]) - int(rule[3:]))
                                     if k[3:].isdigit() else 0, k), default=None)
    if best is not None and typos(best) <= 2:
        return [best]
    return difflib.get_close_matches(rule, known, n=1, cutoff=0.6)
