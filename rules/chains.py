"""Cross-principle chains: the mechanics of conclusions drawn over several principles.

Chain 4 (knowledge-base.md): expertise is all the principles applied together, so three
or more of the other seven principles at risk or violated by findings drawn directly
from the facts put expertise in question (KAH004).  Derived findings do not count: one
root cause is one lapse.

How it is counted: a tally fact starts empty (DefFacts); at a low salience, after the
principle rules have drawn their findings, one rule adds each failing principle to it,
keeping its strongest direct finding (highest rule CF, then lowest ID, so the result
does not depend on the order rules fire in); at a lower salience still, KAH004 fires
once on the final tally.  The agenda runs the highest salience first, so every tally
update has happened before KAH004 is considered.  KAH004's texts live in keahlian.py.
"""

from asas.engine.judge.catalog import PRINCIPLES
from asas.engine.reason.compat import AS, MATCH, TEST, DefFacts, Fact, P, Rule
from asas.engine.reason.facts import Finding
from asas.rules.keahlian import KAH004

CATALOG = ()   # KAH004 is catalogued with its principle, in keahlian.py

OTHER_PRINCIPLES = tuple(p for p in PRINCIPLES if p != KAH004.principle)
FAILING = ("risk", "violation")
TALLY_SALIENCE = -10
KAH004_SALIENCE = -20      # below the tally: fires once, on the final count
CHAIN4_MINIMUM = 3


class FailingPrinciples(Fact):
    """Chain 4's tally: ``strongest``, one ``(principle, cf, id, session)`` for each
    principle failing through direct findings, in the order of PRINCIPLES."""


def _stronger(principle, cf, id, strongest) -> bool:
    """Is this finding stronger than the one the tally keeps for its principle?"""
    if principle not in OTHER_PRINCIPLES:
        return False
    for kept_principle, kept_cf, kept_id, _ in strongest:
        if kept_principle == principle:
            return (cf, kept_id) > (kept_cf, id)
    return True


class Chains:
    @DefFacts()
    def _chain4_tally(self):
        yield FailingPrinciples(strongest=())

    @Rule(Finding(principle=MATCH.principle, direct=True, id=MATCH.id, session=MATCH.session,
                  cf=MATCH.cf, severity=P(lambda severity: severity in FAILING)),
          AS.tally << FailingPrinciples(strongest=MATCH.strongest),
          TEST(_stronger),
          salience=TALLY_SALIENCE)
    def kah004_tally_failing_principle(self, principle, cf, id, session, tally, strongest):
        kept = [entry for entry in strongest if entry[0] != principle]
        kept.append((principle, cf, id, session))
        kept.sort(key=lambda entry: PRINCIPLES.index(entry[0]))
        self.modify(tally, strongest=tuple(kept))

    @Rule(FailingPrinciples(strongest=MATCH.strongest),
          TEST(lambda strongest: len(strongest) >= CHAIN4_MINIMUM),
          salience=KAH004_SALIENCE)
    def kah004_expertise_in_question(self, strongest):
        principles = tuple(entry[0] for entry in strongest)
        self.declare(KAH004.finding(None, derived_from=[(e[2], e[3]) for e in strongest],
                                    params={"count": len(principles),
                                            "principles": principles}))
