"""Asas kedinamisan (dynamism; profile bk12): the service moves forward for the same
client, session on session, according to need and development -- goals reviewed and
updated, the results of evaluation used for the next step, a follow-up planned.

Direct findings: goals not reviewed in a later session; the same techniques repeated
with no evaluation in between; no follow-up and no short- or long-term evaluation
(laijapen, laijapang) after the last session.  Chain (Prayitno & Amti: a dynamic
service builds on the results of its evaluation): no evaluation at all (KAH003, keahlian)
leaves the next step nothing to build on (KDN004).

Where a later session has a verbatim, the counselor's turns that the tagger reads as
goal talk (goal_setting: "apa yang ingin kamu capai?") show the goals revisited: the
same techniques are then not repeated blindly (no KDN002), and the review counts as
documented (no DOC081) when the write-up does not say.
"""

from asas.engine.judge.catalog import Text
from asas.engine.reason.compat import MATCH, NOT, TEST, P, Rule
from asas.engine.reason.facts import CaseFact, Finding, SessionFact, VerbatimFact
from asas.rules._bk12 import prayitno
from asas.rules._common import at
from asas.rules._registry import REGISTRY, RuleSet

KNOWLEDGE = REGISTRY.module("kedinamisan", principle="kedinamisan")

SOURCE = prayitno("kedinamisan")
SOURCE_EVAL = prayitno("kedinamisan", "penilaian hasil layanan (laiseg, laijapen, laijapang)",
                       "penilaian hasil layanan (laiseg, laijapen, laijapang)")
WHY = Text(
    "Prayitno & Amti: the service must move forward for the same client, following the "
    "client's need and development; it must not repeat itself monotonously. Progress can "
    "only follow from goals that are reviewed and from evaluations whose results are used.",
    "Prayitno & Amti: layanan harus bergerak maju bagi konseli yang sama, sesuai dengan "
    "kebutuhan dan tahap perkembangannya, dan tidak monoton mengulang hal yang sama. "
    "Kemajuan hanya mungkin bila tujuan ditinjau dan hasil penilaian dimanfaatkan.")

KDN001 = {
    "severity": "risk",
    "cf": 0.7,
    "title": Text("Goals not reviewed in a later session",
                  "Tujuan tidak ditinjau pada sesi lanjutan"),
    "message": Text("In session {session} the goals set before were not reviewed or updated.",
                    "Pada sesi {session} tujuan yang ditetapkan sebelumnya tidak ditinjau atau "
                    "diperbarui."),
    "recommendation": Text(
        "Open each later session by reviewing with the client what was aimed at, what "
        "changed since, and what the goal is now; write the updated goal down.",
        "Awali setiap sesi lanjutan dengan meninjau bersama konseli apa yang hendak dicapai, "
        "apa yang berubah sejak sesi lalu, dan apa tujuannya sekarang; catat tujuan yang "
        "diperbarui."),
    "why": WHY,
    "source": SOURCE,
    "fail": {"sessions[1].goals_reviewed": False},
    "passing": {"sessions[1].goals_reviewed": True},
}

KDN002 = {
    "severity": "risk",
    "cf": 0.65,
    "title": Text("The same techniques again, with no evaluation in between",
                  "Teknik yang sama diulang tanpa penilaian di antaranya"),
    "message": Text(
        "Session {session} used the same techniques as the session before ({techniques}), "
        "although that session was not evaluated and the goals were not reviewed.",
        "Sesi {session} memakai teknik yang sama dengan sesi sebelumnya ({techniques}), "
        "padahal sesi itu tidak dinilai dan tujuan tidak ditinjau."),
    "recommendation": Text(
        "Evaluate each session (laiseg) and choose the next session's approach from what the "
        "evaluation showed: keep what worked, change what did not.",
        "Nilailah setiap sesi (laiseg) dan pilih pendekatan sesi berikutnya berdasarkan hasil "
        "penilaian itu: pertahankan yang berhasil, ubah yang belum."),
    "why": WHY,
    "source": SOURCE_EVAL,
    "fail": {"sessions[0].evaluation.done": False, "sessions[1].goals_reviewed": False,
             "sessions[1].counselor.techniques": ["attending", "open_question", "paraphrase",
                                                  "reflection_of_feeling", "summarizing"]},
    "passing": {"sessions[0].evaluation.done": False, "sessions[1].goals_reviewed": True,
                "sessions[1].counselor.techniques": ["attending", "open_question", "paraphrase",
                                                     "reflection_of_feeling", "summarizing"]},
}

KDN003 = {
    "severity": "risk",
    "cf": 0.7,
    "title": Text("No follow-up and no later evaluation planned",
                  "Tidak ada tindak lanjut dan penilaian lanjutan yang direncanakan"),
    "message": Text(
        "After the last session (session {session}) there is no follow-up, and neither a "
        "short-term (laijapen) nor a long-term evaluation (laijapang) is planned.",
        "Setelah sesi terakhir (sesi {session}) tidak ada tindak lanjut, dan tidak "
        "direncanakan penilaian jangka pendek (laijapen) maupun jangka panjang (laijapang)."),
    "recommendation": Text(
        "Agree the next step with the client at the end of the last session, and plan a "
        "laijapen (one week to one month later) to see whether the change holds.",
        "Sepakati langkah berikutnya bersama konseli di akhir sesi terakhir, dan rencanakan "
        "laijapen (satu minggu sampai satu bulan kemudian) untuk melihat apakah perubahan "
        "bertahan."),
    "why": WHY,
    "source": SOURCE_EVAL,
    "fail": {"sessions[1].follow_up": "none", "sessions[1].evaluation.laijapen_planned": False,
             "sessions[1].evaluation.laijapang_planned": False},
    "passing": {"sessions[1].follow_up": "none", "sessions[1].evaluation.laijapen_planned": True,
                "sessions[1].evaluation.laijapang_planned": False},
}

KDN004 = {
    "severity": "risk",
    "cf": 0.8,
    "derived": True,
    "title": Text("No evaluation to build the next step on",
                  "Tidak ada penilaian sebagai dasar langkah berikutnya"),
    "message": Text(
        "No session was evaluated (KAH003), so the service had no results to move forward "
        "from: kedinamisan is not secured.",
        "Tidak ada sesi yang dinilai (KAH003), sehingga layanan tidak memiliki hasil untuk "
        "melangkah maju: asas kedinamisan tidak terjamin."),
    "recommendation": Text(
        "Evaluate every session and use the results explicitly when planning the next one.",
        "Nilailah setiap sesi dan gunakan hasilnya secara nyata saat merencanakan sesi "
        "berikutnya."),
    "why": Text("Prayitno & Amti: a dynamic service builds on the results of its evaluation; "
                "the follow-up is planned from them.",
                "Prayitno & Amti: layanan yang dinamis dibangun di atas hasil penilaiannya; "
                "tindak lanjut direncanakan berdasarkan hasil itu."),
    "source": SOURCE_EVAL,
    "fail": {"sessions[0].evaluation.done": False, "sessions[1].evaluation.done": False,
             "sessions[0].stages": ["pengantaran", "penjajakan", "penafsiran", "pembinaan"],
             "sessions[1].stages": ["pengantaran", "penafsiran", "pembinaan"]},
    "passing": {"sessions[0].evaluation.done": False,
                "sessions[0].stages": ["pengantaran", "penjajakan", "penafsiran", "pembinaan"]},
}

WHY_DOC = Text(
    "Without this observation the report cannot show whether the service moved forward "
    "(kedinamisan); a practicum report that omits it cannot earn credit for it.",
    "Tanpa pengamatan ini laporan tidak dapat menunjukkan apakah layanan bergerak maju "
    "(asas kedinamisan); laporan praktikum yang tidak memuatnya tidak dapat dinilai untuk "
    "asas itu.")

DOC081 = {
    "severity": "advice",
    "cf": 1.0,
    "needed": True,
    "title": Text("Review of goals not documented", "Peninjauan tujuan tidak dicatat"),
    "message": Text("No later session says whether the goals were reviewed (goals_reviewed).",
                    "Tidak ada sesi lanjutan yang menyebutkan apakah tujuan ditinjau "
                    "(goals_reviewed)."),
    "recommendation": Text("Write `goals_reviewed` (true or false) for each session after the "
                           "first.",
                           "Tuliskan `goals_reviewed` (true atau false) di setiap sesi setelah "
                           "sesi pertama."),
    "why": WHY_DOC,
    "source": SOURCE,
    "fail": {"sessions[1].goals_reviewed": None},
    "passing": {"sessions[1].goals_reviewed": True},
}

DOC082 = {
    "severity": "advice",
    "cf": 1.0,
    "needed": True,
    "title": Text("Later evaluation (laijapen, laijapang) not documented",
                  "Penilaian lanjutan (laijapen, laijapang) tidak dicatat"),
    "message": Text("The last session does not say whether a short-term (laijapen) or a "
                    "long-term evaluation (laijapang) is planned.",
                    "Sesi terakhir tidak menyebutkan apakah penilaian jangka pendek (laijapen) "
                    "atau jangka panjang (laijapang) direncanakan."),
    "recommendation": Text("Write `evaluation.laijapen_planned` and "
                           "`evaluation.laijapang_planned` in the last session.",
                           "Tuliskan `evaluation.laijapen_planned` dan "
                           "`evaluation.laijapang_planned` di sesi terakhir."),
    "why": WHY_DOC,
    "source": SOURCE_EVAL,
    "fail": {"sessions[1].evaluation.laijapen_planned": None},
    "passing": {"sessions[1].evaluation.laijapen_planned": True},
}


def _same(techniques, previous) -> bool:
    return bool(techniques) and bool(previous) and set(techniques) == set(previous)


@KNOWLEDGE.rules
class Kedinamisan(RuleSet):
    @KNOWLEDGE.finding("KDN001", **KDN001)
    @Rule(SessionFact(first=False, goals_reviewed=False, idx=MATCH.idx, number=MATCH.number))
    def kdn001_goals_not_reviewed(self, report, idx, number):
        self.declare(report(number, [at(idx, "goals_reviewed")], {"session": number}))

    @KNOWLEDGE.finding("KDN002", **KDN002)
    @Rule(SessionFact(first=False, techniques=MATCH.techniques, prev_techniques=MATCH.previous,
                      prev_evaluation_done=False, goals_reviewed=P(lambda v: v is not True),
                      idx=MATCH.idx, number=MATCH.number),
          TEST(lambda techniques, previous: _same(techniques, previous)),
          NOT(VerbatimFact(idx=MATCH.idx, goal_setting=P(bool))))
    def kdn002_same_techniques_unevaluated(self, report, techniques, previous, idx, number):
        self.declare(report(number, [at(idx, "counselor.techniques"),
                                     at(idx - 1, "evaluation.done")],
                            {"session": number, "techniques": tuple(techniques)}))

    @KNOWLEDGE.finding("KDN003", **KDN003)
    @Rule(SessionFact(last=True, follow_up="none", laijapen_planned=False,
                      laijapang_planned=False, idx=MATCH.idx, number=MATCH.number))
    def kdn003_no_follow_up(self, report, idx, number):
        self.declare(report(number, [at(idx, "follow_up"), at(idx, "evaluation.laijapen_planned"),
                                     at(idx, "evaluation.laijapang_planned")],
                            {"session": number}))

    # the chain: kedinamisan builds on evaluation (keahlian's KAH003)
    @KNOWLEDGE.finding("KDN004", **KDN004)
    @Rule(Finding(id="KAH003", session=MATCH.session))
    def kdn004_no_evaluation_to_build_on(self, report, session):
        self.declare(report(None, derived_from=[("KAH003", session)]))

    # -- documentation: what kedinamisan needs to be assessed ------------------------
    @KNOWLEDGE.finding("DOC081", **DOC081)
    @Rule(CaseFact(sessions=P(lambda n: n > 1)),
          NOT(SessionFact(first=False, goals_reviewed=P(lambda v: v is not None))),
          NOT(VerbatimFact(idx=P(lambda i: i > 0), goal_setting=P(bool))))
    def doc081_goals_reviewed(self, report):
        self.declare(report(None, [at(1, "goals_reviewed")]))

    @KNOWLEDGE.finding("DOC082", **DOC082)
    @Rule(SessionFact(last=True, laijapen_planned=None, laijapang_planned=None,
                      idx=MATCH.idx))
    def doc082_later_evaluation(self, report, idx):
        self.declare(report(None, [at(idx, "evaluation.laijapen_planned")]))
