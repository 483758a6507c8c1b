"""Asas kekinian (present focus): from the very first meeting the work is about the
client's present situation, and on the basis of present focus the client's activity
is carried out.

Chain 6 starts here: a session dwelling on the past (KKN001) or on the counselor's
own stories (KKN002) concludes ``present_focus_lost``, which kegiatan builds on.
"""

from asas.engine.judge.catalog import Text
from asas.engine.reason.compat import MATCH, TEST, Rule
from asas.engine.reason.facts import CaseFact, SessionFact
from asas.rules._common import PRESENT_FOCUS_LOST, at, conclude
from asas.rules._registry import REGISTRY, RuleSet

KNOWLEDGE = REGISTRY.module("kekinian")

SOURCE_P1 = Text("Asas kekinian dan kegiatan (present focus and activity), ¶1",
                 "Asas kekinian dan kegiatan, ¶1")
WHY_PRESENT = Text(
    "According to the source text: present focus is applied from the very first meeting; the whole "
    "process is developed in a present-focused way, and on that basis the client's "
    "activity in the service is carried out.",
    "Menurut teks sumber: asas kekinian diterapkan sejak paling awal konselor bertemu konseli; "
    "dengan nuansa kekinian segenap proses layanan dikembangkan, dan atas dasar kekinian "
    "pula kegiatan konseli dalam layanan dijalankan.")


def _focus_lost(doc, session):
    return conclude(PRESENT_FOCUS_LOST, doc, session)


@KNOWLEDGE.rules
class Kekinian(RuleSet):
    @KNOWLEDGE.finding(
        "KKN001", severity="risk", cf=0.75,
        title=Text("Session dwelt on the past", "Sesi berkutat pada masa lalu"),
        message=Text(
            "In session {session} the conversation dwelt on {focus} rather than on the "
            "client's present situation.",
            "Pada sesi {session} pembicaraan berkutat pada {focus}, bukan pada keadaan konseli "
            "saat ini."),
        recommendation=Text(
            "Let past events in only as far as they explain what the client feels, thinks and "
            "does now; bring the talk back with questions such as \"How does this affect you "
            "today?\"",
            "Bahas masa lalu sebatas yang menjelaskan apa yang dirasakan, dipikirkan, dan "
            "dilakukan konseli sekarang; kembalikan pembicaraan dengan pertanyaan seperti "
            "\"Bagaimana hal itu memengaruhimu saat ini?\""),
        why=WHY_PRESENT, source=SOURCE_P1,
        fail={"sessions[1].counselor.time_focus": "past"},
        passing={"sessions[1].counselor.time_focus": "mixed"},
    )
    @Rule(SessionFact(time_focus="past", idx=MATCH.idx, number=MATCH.number))
    def kkn001_dwelt_on_past(self, report, idx, number):
        self.declare(
            report(number, [at(idx, "counselor.time_focus")],
                   {"session": number, "focus": "past"}),
            _focus_lost(report, number))

    @KNOWLEDGE.finding(
        "KKN002", severity="risk", cf=0.7,
        title=Text("Counselor talked about their own experiences",
                   "Konselor bercerita tentang pengalamannya sendiri"),
        message=Text(
            "In session {session} the counselor spoke at length about their own experiences, "
            "taking the session away from the client's present situation.",
            "Pada sesi {session} konselor panjang lebar menceritakan pengalamannya sendiri, "
            "sehingga sesi menjauh dari keadaan konseli saat ini."),
        recommendation=Text(
            "Keep self-disclosure brief and only when it serves the client; return at once to "
            "what the client is experiencing now.",
            "Batasi pengungkapan diri (self-disclosure) agar singkat dan hanya bila bermanfaat "
            "bagi konseli; segera kembali pada apa yang dialami konseli sekarang."),
        why=WHY_PRESENT, source=SOURCE_P1,
        fail={"sessions[0].counselor.self_focus": True},
        passing={"sessions[0].counselor.self_focus": False},
    )
    @Rule(SessionFact(self_focus=True, idx=MATCH.idx, number=MATCH.number))
    def kkn002_counselor_self_focus(self, report, idx, number):
        self.declare(
            report(number, [at(idx, "counselor.self_focus")], {"session": number}),
            _focus_lost(report, number))

    @KNOWLEDGE.finding(
        "KKN003", severity="advice", cf=0.6,
        title=Text("Session focused on the future", "Sesi berfokus pada masa depan"),
        message=Text(
            "In session {session} the conversation dwelt on the future although the problem "
            "({areas}) is not a career problem.",
            "Pada sesi {session} pembicaraan berfokus pada masa depan, padahal masalahnya "
            "({areas}) bukan masalah karier."),
        recommendation=Text(
            "Anchor talk about the future in what the client can do now; for problems outside "
            "career planning, start from the present situation.",
            "Kaitkan pembicaraan tentang masa depan dengan apa yang dapat dilakukan konseli "
            "sekarang; untuk masalah di luar perencanaan karier, mulailah dari keadaan saat ini."),
        why=Text(
            "According to the source text, the whole process has a present focus; planning "
            "ahead is present work for "
            "a career problem, but elsewhere it can take the place of the client's present "
            "situation.",
            "Menurut teks sumber, seluruh proses konseling bernuansa kekinian; merencanakan "
            "masa depan adalah "
            "pekerjaan masa kini bagi masalah karier, tetapi pada masalah lain dapat menggeser "
            "perhatian dari keadaan konseli saat ini."),
        source=SOURCE_P1,
        fail={"sessions[1].counselor.time_focus": "future"},
        passing={"sessions[1].counselor.time_focus": "future",
                 "case.problem.areas": ["academic", "career"]},
    )
    @Rule(CaseFact(areas=MATCH.areas),
          SessionFact(time_focus="future", idx=MATCH.idx, number=MATCH.number),
          # areas not documented: we cannot say the problem is not a career problem
          TEST(lambda areas: areas is not None and "career" not in areas))
    def kkn003_future_outside_career(self, report, areas, idx, number):
        self.declare(report(number, [at(idx, "counselor.time_focus"),
                                     "case.problem.areas"],
                            {"session": number, "areas": areas}))

    @KNOWLEDGE.finding(
        "KKN004", severity="violation", cf=0.85,
        title=Text("Help for a present risk delayed", "Penanganan risiko saat ini tertunda"),
        message=Text(
            "The client shows a present risk ({risk}), known from session {session}, yet that "
            "session dwelt on the past; help for the present danger was delayed.",
            "Konseli menunjukkan risiko saat ini ({risk}) yang sudah diketahui pada sesi "
            "{session}, tetapi sesi itu justru berkutat pada masa lalu; bantuan atas bahaya "
            "yang sedang dihadapi tertunda."),
        recommendation=Text(
            "When a risk comes to light, address it in that session: assess the danger now, "
            "agree on safety steps, and leave the history for later.",
            "Bila risiko diketahui, tangani pada sesi itu juga: nilai bahayanya saat ini, "
            "sepakati langkah pengamanan, dan tunda penelusuran riwayat."),
        why=Text(
            "According to the source text: present focus applies from the very first meeting; a "
            "danger the client "
            "faces now cannot wait while the session explores the past.",
            "Menurut teks sumber: asas kekinian berlaku sejak paling awal konselor bertemu "
            "konseli; bahaya "
            "yang dihadapi konseli sekarang tidak boleh menunggu sementara sesi menelusuri masa "
            "lalu."),
        source=SOURCE_P1,
        fail={"case.problem.risk": ["self_harm"], "sessions[0].counselor.time_focus": "past"},
        passing={"case.problem.risk": ["self_harm"], "sessions[1].counselor.time_focus": "past"},
    )
    # from the session in which the risk came to light (the first, unless the case file
    # says a later one): sessions before it could not have addressed a danger not known
    @Rule(CaseFact(risk=MATCH.risk, risk_first_session=MATCH.number),
          SessionFact(time_focus="past", idx=MATCH.idx, number=MATCH.number),
          TEST(lambda risk: len(risk) > 0))
    def kkn004_risk_delayed(self, report, risk, idx, number):
        self.declare(report(number, ["case.problem.risk",
                                     at(idx, "counselor.time_focus")],
                            {"risk": risk, "session": number}))

    # -- documentation: what kekinian needs to be assessed --------------------------
    doc031_time_focus = KNOWLEDGE.not_documented(
        "DOC031", "time_focus", at(0, "counselor.time_focus"),
        severity="advice", cf=1.0, needed=True,
        title=Text("Time focus not documented", "Fokus waktu tidak dicatat"),
        message=Text("No session records the time the conversation dwelt on "
                     "(counselor.time_focus).",
                     "Tidak ada sesi yang mencatat fokus waktu pembicaraan "
                     "(counselor.time_focus)."),
        recommendation=Text("Write `counselor.time_focus` for each session: present, past, future "
                            "or mixed.",
                            "Tuliskan `counselor.time_focus` di setiap sesi: present, past, future "
                            "atau mixed."),
        why=Text("Without this observation the report cannot show whether present focus was "
                 "upheld; a practicum report that omits it cannot earn credit for it.",
                 "Tanpa pengamatan ini laporan tidak dapat menunjukkan apakah asas kekinian "
                 "ditegakkan; laporan praktikum yang tidak memuatnya tidak dapat dinilai untuk "
                 "asas itu."),
        source=SOURCE_P1,
        fail={"sessions[0].counselor.time_focus": None, "sessions[1].counselor.time_focus": None},
        passing={"sessions[0].counselor.time_focus": "present",
                 "sessions[1].counselor.time_focus": "present"},
    )
