"""Cross-principle chains: the mechanics of conclusions drawn over several principles.

Chain 4 (knowledge-base.md): expertise is all the principles applied together, so three
or more of the other seven principles at risk or violated by findings drawn directly
from the facts put expertise in question (KAH004).  Derived findings do not count: one
root cause is one lapse.

How it is counted: a tally fact starts empty (DefFacts); at a low salience, after the
principle rules have drawn their findings, one rule adds each failing principle to it,
keeping the first direct finding seen for it; at a lower salience still, KAH004 fires
once on the final tally.  The agenda runs the highest salience first, so every tally
update has happened before KAH004 is considered.  KAH004's texts live in keahlian.py.
"""

from ..engine.catalog import PRINCIPLES
from ..engine.expert import AS, MATCH, TEST, DefFacts, Fact, P, Rule
from ..engine.facts import Finding
from .keahlian import KAH004

CATALOG = ()   # KAH004 is catalogued with its principle, in keahlian.py

OTHER_PRINCIPLES = tuple(p for p in PRINCIPLES if p != KAH004.principle)
FAILING = ("risk", "violation")
TALLY_SALIENCE = -10
KAH004_SALIENCE = -20      # below the tally: fires once, on the final count
CHAIN4_MINIMUM = 3


class FailingPrinciples(Fact):
    """Chain 4's tally: ``principles`` failing through direct findings, in the order
    seen, and ``because``, one finding key ``(id, session)`` for each of them."""


class Chains:
    @DefFacts()
    def _chain4_tally(self):
        yield FailingPrinciples(principles=(), because=())

    @Rule(Finding(principle=MATCH.principle, direct=True, id=MATCH.id, session=MATCH.session,
                  severity=P(lambda severity: severity in FAILING)),
          AS.tally << FailingPrinciples(principles=MATCH.principles, because=MATCH.because),
          TEST(lambda principle, principles:
               principle in OTHER_PRINCIPLES and principle not in principles),
          salience=TALLY_SALIENCE)
    def kah004_tally_failing_principle(self, principle, id, session, tally, principles,
                                       because):
        self.modify(tally, principles=principles + (principle,),
                    because=because + ((id, session),))

    @Rule(FailingPrinciples(principles=MATCH.principles, because=MATCH.because),
          TEST(lambda principles: len(principles) >= CHAIN4_MINIMUM),
          salience=KAH004_SALIENCE)
    def kah004_expertise_in_question(self, principles, because):
        self.declare(KAH004.finding(None, derived_from=list(because),
                                    params={"count": len(principles),
                                            "principles": principles}))
