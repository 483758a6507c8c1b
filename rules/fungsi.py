"""The five functions (fungsi) of individual counseling, a second dimension of the report.

Each rule declares ``Served(function, value, session)``: ``True`` where the write-up shows
the function served, ``False`` where it shows it visibly not served; nothing where it
says nothing.  The report reads them as: any True → true, else any False → false, else
null (engine/verdict.py).  Advocacy is judged only when the client's rights were
violated; FNG001 is raised when they were and nothing was done for the client.
"""

from asas.engine.judge.catalog import Text
from asas.engine.reason.compat import MATCH, NOT, TEST, P, Rule
from asas.engine.reason.facts import CaseFact, DisclosureFact, Served, SessionFact
from asas.rules._registry import REGISTRY, RuleSet

KNOWLEDGE = REGISTRY.module("fungsi")

PROTECTIVE_REASONS = ("safety", "legal_duty")   # a disclosure made to protect the client

_PROTECTIVE = P(lambda reason: reason in PROTECTIVE_REASONS)
_HAS_ITEMS = P(lambda items: len(items) > 0)


def _served(function, value, session):
    return Served(function=function, value=value, session=session)


@KNOWLEDGE.rules
class Fungsi(RuleSet):
    # -- pemahaman, pengentasan: the immediate evaluation says so -----------------------
    @Rule(SessionFact(understanding=MATCH.value, number=MATCH.number),
          TEST(lambda value: value is not None))
    def fng_pemahaman(self, value, number):
        self.declare(_served("pemahaman", value, number))

    @Rule(SessionFact(feeling_better=MATCH.value, number=MATCH.number),
          TEST(lambda value: value is not None))
    def fng_pengentasan(self, value, number):
        self.declare(_served("pengentasan", value, number))

    # -- pengembangan dan pemeliharaan: tasks agreed or an action plan -------------------
    @Rule(SessionFact(tasks_agreed=MATCH.tasks, action_plan=MATCH.plan, number=MATCH.number),
          TEST(lambda tasks, plan: bool(tasks) or plan is True))
    def fng_pengembangan_served(self, number):
        self.declare(_served("pengembangan_pemeliharaan", True, number))

    @Rule(SessionFact(tasks_agreed=MATCH.tasks, action_plan=MATCH.plan, number=MATCH.number),
          # documented "none" for one, and the other not positive either
          TEST(lambda tasks, plan: (tasks == 0 and plan is not True)
               or (plan is False and not tasks)))
    def fng_pengembangan_not_served(self, number):
        self.declare(_served("pengembangan_pemeliharaan", False, number))

    # -- pencegahan: follow-up planned, or a referral out where risk exists --------------
    @Rule(SessionFact(follow_up="planned", number=MATCH.number))
    def fng_pencegahan_follow_up(self, number):
        self.declare(_served("pencegahan", True, number))

    @Rule(CaseFact(referred_out=True, risk=_HAS_ITEMS, referred_out_session=MATCH.session))
    def fng_pencegahan_referral(self, session):
        self.declare(_served("pencegahan", True, session))

    @Rule(SessionFact(follow_up="none", number=MATCH.number))
    def fng_pencegahan_no_follow_up(self, number):
        self.declare(_served("pencegahan", False, number))

    @Rule(CaseFact(risk=_HAS_ITEMS, referred_out=False),
          SessionFact(follow_up="not_needed", number=MATCH.number))
    def fng_pencegahan_risk_left(self, number):
        # a risk is present, and the counselor judged no follow-up was needed
        self.declare(_served("pencegahan", False, number))

    # -- advokasi: judged only when the client's rights were violated --------------------
    @Rule(CaseFact(rights_violated=_HAS_ITEMS, advocacy=P(lambda n: n > 0)))
    def fng_advokasi_action(self):
        self.declare(_served("advokasi", True, None))

    @Rule(CaseFact(rights_violated=_HAS_ITEMS),
          DisclosureFact(reason=_PROTECTIVE, number=MATCH.number))
    def fng_advokasi_protective_disclosure(self, number):
        self.declare(_served("advokasi", True, number))

    @Rule(CaseFact(rights_violated=_HAS_ITEMS, referred_out=True,
                   referred_out_session=MATCH.session))
    def fng_advokasi_referral(self, session):
        self.declare(_served("advokasi", True, session))

    @KNOWLEDGE.finding(
        "FNG001", severity="risk", cf=0.8,
        title=Text("Rights violated, no advocacy", "Hak dilanggar, tanpa advokasi"),
        message=Text(
            "The client's rights were violated ({rights}), and nothing was done for them: no "
            "advocacy action, no disclosure or report to protect them, no referral.",
            "Hak konseli dilanggar ({rights}), tetapi tidak ada tindakan untuk membela atau "
            "melindunginya: tidak ada "
            "advokasi, tidak ada penyampaian atau laporan untuk melindunginya, dan tidak ada "
            "alih tangan kasus."),
        recommendation=Text(
            "Take up the client's case: with their agreement, bring the violation to those who "
            "can stop it (homeroom teacher, principal, parents, or the authorities), refer where "
            "needed, help the client learn to stand up for themselves, and record what was "
            "done under `advocacy`.",
            "Perjuangkan hak konseli: dengan persetujuannya, sampaikan pelanggaran itu kepada "
            "pihak yang dapat menghentikannya (wali kelas, kepala sekolah, orang tua, atau pihak "
            "berwenang), alihtangankan bila perlu, bantu konseli mampu membela dirinya sendiri, "
            "dan catat tindakan itu di `advocacy`."),
        why=Text(
            "According to the source text: when the client's problem involves the violation of "
            "their rights, so "
            "that they are wronged to some degree, individual counseling takes on the aim of "
            "advocacy, and through it the client gains the ability to defend themselves.",
            "Menurut teks sumber: masalah yang menyangkut dilanggarnya hak-hak konseli sehingga "
            "konseli "
            "teraniaya dalam kadar tertentu dapat ditangani layanan konseling individual "
            "dengan sasaran advokasi, dan melaluinya konseli memiliki kemampuan untuk membela "
            "diri sendiri."),
        source=Text("Fungsi Konseling individual (functions), ¶6–7",
                    "Fungsi Konseling individual, ¶6–7"),
        fail={"case.problem.rights_violated": ["bullying"]},
        passing={"case.problem.rights_violated": ["bullying"],
                 "case.advocacy": ["Melaporkan perundungan kepada wali kelas atas persetujuan "
                                   "konseli."]},
    )
    @Rule(CaseFact(rights_violated=MATCH.rights, advocacy=0, referred_out=False),
          TEST(lambda rights: len(rights) > 0),
          NOT(DisclosureFact(reason=_PROTECTIVE)))
    def fng001_rights_violated_no_advocacy(self, report, rights):
        self.declare(
            _served("advokasi", False, None),
            report(None, ["case.problem.rights_violated", "case.advocacy"],
                   {"rights": rights}))
