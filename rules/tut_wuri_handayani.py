"""Asas tut wuri handayani (leading from behind; profile bk12): the counselor gives
protection, encouragement and an example, and leaves the client room to go forward --
reinforcing the client's own steps, never labelling, judging or threatening.

It is judged on the same evidence as keterbukaan and kesukarelaan, for the atmosphere
of the relationship (Prayitno & Amti: the whole service is to create a relationship
that protects and encourages); so its findings are chains from theirs: judgmental
remarks (KTB002) make the atmosphere at risk (TWH001); pressure or threats (KSR003)
violate it (TWH002).  Direct: no session reinforces the client's own steps (advice).

Where a session has a verbatim, what it shows counts too: a judgmental remark or a
threat the write-up does not list (VBT010, VBT011, keterbukaan's and kesukarelaan's
evidence from the verbatim) is judged here as the listed ones are, and a counselor turn
the tagger reads as reinforcement is encouragement, whatever the technique list says.
"""

from asas.engine.judge.catalog import Text
from asas.engine.reason.compat import MATCH, NOT, P, Rule
from asas.engine.reason.facts import Finding, SessionFact, VerbatimFact
from asas.rules._bk12 import prayitno
from asas.rules._common import at
from asas.rules._registry import REGISTRY, RuleSet

KNOWLEDGE = REGISTRY.module("tut_wuri_handayani", principle="tut_wuri_handayani")

SOURCE = prayitno("tut wuri handayani")
WHY = Text(
    "Prayitno & Amti: guidance and counseling as a whole should create a relationship in "
    "which the counselor protects, encourages and sets an example, and gives the client "
    "the widest room to go forward (tut wuri handayani, after Ki Hajar Dewantara).",
    "Prayitno & Amti: keseluruhan layanan bimbingan dan konseling hendaknya menciptakan "
    "suasana yang mengayomi (memberikan rasa aman), mengembangkan keteladanan, memberikan "
    "rangsangan dan dorongan, serta kesempatan seluas-luasnya kepada konseli untuk maju "
    "(tut wuri handayani, menurut Ki Hajar Dewantara).")
JUDGED = ["Kamu memang malas, pantas nilaimu jelek."]

TWH001 = {
    "severity": "risk",
    "cf": 0.85,
    "derived": True,
    "title": Text("Judging and labelling instead of encouraging",
                  "Menghakimi dan memberi label, bukan mendorong"),
    "message": Text("The judgmental remarks of session {session} (KTB002; in the verbatim, "
                    "VBT010) label the client instead of encouraging them: the relationship "
                    "does not lead from behind.",
                    "Ucapan menghakimi pada sesi {session} (KTB002; dalam verbatim, VBT010) "
                    "memberi label kepada konseli, bukan mendorongnya: hubungan konseling tidak "
                    "tut wuri handayani."),
    "recommendation": Text(
        "Describe behaviour, not the person; name what the client already does well and "
        "encourage the next step they choose.",
        "Gambarkan perilakunya, bukan pribadinya; sebutkan apa yang sudah baik dilakukan "
        "konseli dan dorong langkah berikut yang ia pilih."),
    "why": WHY,
    "source": SOURCE,
    "fail": {"sessions[0].counselor.judgmental_remarks": JUDGED},
    "passing": {"sessions[0].counselor.judgmental_remarks": []},
}

TWH002 = {
    "severity": "violation",
    "cf": 0.9,
    "derived": True,
    "title": Text("Threats instead of protection", "Ancaman, bukan pengayoman"),
    "message": Text("The pressure or threats of session {session} (KSR003; in the verbatim, "
                    "VBT011) take away the protection and room to grow the relationship must "
                    "give.",
                    "Tekanan atau ancaman pada sesi {session} (KSR003; dalam verbatim, VBT011) "
                    "menghilangkan rasa aman dan ruang untuk berkembang yang harus diberikan "
                    "hubungan konseling."),
    "recommendation": Text(
        "Never threaten or sanction a client in counseling; if rules were broken, leave "
        "sanctions to those responsible and keep the counseling a safe place.",
        "Jangan pernah mengancam atau memberi sanksi kepada konseli dalam konseling; bila "
        "ada aturan yang dilanggar, serahkan sanksi kepada pihak yang berwenang dan jagalah "
        "konseling tetap menjadi tempat yang aman."),
    "why": WHY,
    "source": SOURCE,
    "fail": {"sessions[0].counselor.pressure_on_client": ["Kalau tidak cerita, saya laporkan ke "
                                                          "kepala sekolah."]},
    "passing": {"sessions[0].counselor.pressure_on_client": []},
}

TWH003 = {
    "severity": "advice",
    "cf": 0.5,
    "title": Text("The client's own steps not reinforced",
                  "Langkah konseli sendiri tidak dikuatkan"),
    "message": Text("No session records reinforcement of the client's own steps "
                    "(counselor.techniques: reinforcement), nor does a verbatim show it.",
                    "Tidak ada sesi yang mencatat penguatan atas langkah konseli sendiri "
                    "(counselor.techniques: reinforcement), dan verbatim pun tidak "
                    "menunjukkannya."),
    "recommendation": Text("Acknowledge and reinforce what the client decides and does, so that "
                           "they go on by themselves.",
                           "Akui dan kuatkan apa yang diputuskan dan dilakukan konseli, agar ia "
                           "melangkah maju sendiri."),
    "why": WHY,
    "source": SOURCE,
    "fail": {"sessions[1].counselor.techniques": ["attending", "open_question", "summarizing"]},
    "passing": {},
}

WHY_DOC = Text(
    "Without this observation the report cannot show whether the counselor led from "
    "behind (tut wuri handayani); a practicum report that omits it cannot earn credit "
    "for it.",
    "Tanpa pengamatan ini laporan tidak dapat menunjukkan apakah konselor tut wuri "
    "handayani; laporan praktikum yang tidak memuatnya tidak dapat dinilai untuk asas itu.")

DOC111 = {
    "severity": "advice",
    "cf": 1.0,
    "needed": True,
    "title": Text("Techniques not documented", "Teknik tidak dicatat"),
    "message": Text("No session says which techniques the counselor used (counselor.techniques), "
                    "so encouragement of the client cannot be seen.",
                    "Tidak ada sesi yang menyebutkan teknik yang digunakan konselor "
                    "(counselor.techniques), sehingga dorongan kepada konseli tidak tampak."),
    "recommendation": Text("Write `counselor.techniques` for each session.",
                           "Tuliskan `counselor.techniques` di setiap sesi."),
    "why": WHY_DOC,
    "source": SOURCE,
    "fail": {"sessions[0].counselor.techniques": None, "sessions[1].counselor.techniques": None},
    "passing": {"sessions[0].counselor.techniques": None},
}


@KNOWLEDGE.rules
class TutWuriHandayani(RuleSet):
    # chains: the evidence keterbukaan (KTB002) and kesukarelaan (KSR003) judge, judged
    # here for the atmosphere of the relationship
    @KNOWLEDGE.finding("TWH001", **TWH001)
    @Rule(Finding(id="KTB002", session=MATCH.session))
    def twh001_judgmental_atmosphere(self, report, session):
        self.declare(report(session, derived_from=[("KTB002", session)],
                            params={"session": session}))

    @KNOWLEDGE.finding("TWH002", **TWH002)
    @Rule(Finding(id="KSR003", session=MATCH.session))
    def twh002_threatening_atmosphere(self, report, session):
        self.declare(report(session, derived_from=[("KSR003", session)],
                            params={"session": session}))

    # the same evidence from the verbatim: remarks and threats the write-up does not list
    @KNOWLEDGE.fires("TWH001")
    @Rule(Finding(id="VBT010", session=MATCH.session))
    def twh001_judgmental_in_verbatim(self, report, session):
        self.declare(report(session, derived_from=[("VBT010", session)],
                            params={"session": session}))

    @KNOWLEDGE.fires("TWH002")
    @Rule(Finding(id="VBT011", session=MATCH.session))
    def twh002_threat_in_verbatim(self, report, session):
        self.declare(report(session, derived_from=[("VBT011", session)],
                            params={"session": session}))

    @KNOWLEDGE.finding("TWH003", **TWH003)
    @Rule(SessionFact(idx=0),
          NOT(SessionFact(techniques=None)),
          NOT(SessionFact(techniques=P(lambda t: t is not None and "reinforcement" in t))),
          NOT(VerbatimFact(reinforcement=P(bool))))
    def twh003_no_reinforcement(self, report):
        self.declare(report(None, [at(0, "counselor.techniques")]))

    @KNOWLEDGE.finding("DOC111", **DOC111)
    @Rule(NOT(SessionFact(techniques=P(lambda t: t is not None))))
    def doc111_techniques(self, report):
        self.declare(report(None, [at(0, "counselor.techniques")]))
