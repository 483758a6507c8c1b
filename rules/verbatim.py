"""What the verbatim shows, against what the write-up claims (family VBT).

A write-up's structured facts are the trainee's own claims; the verbatim is what was
said.  engine/verbatim tags the verbatim in plain Python and declares only the session
measures (``VerbatimFact``) and the flagged turns (``TurnFact``); the rules here

- say where a claim and the verbatim disagree, citing both (VBT001-VBT007): the
  over-claiming a lecturer most needs to see;
- let the verbatim count where the write-up is silent (VBT010-VBT015): judgmental
  remarks and pressure the write-up does not list, advice and directives steering a
  session with no decision of the client's own, long self-disclosure, talk about the
  past, a measured talk share where none is written.  Each declares one finding per
  tagged turn, so its certainty grows with the turns (cf1 + cf2(1 - cf1)); a tagged turn
  is an inference, so every rule's certainty is below 1;
- pass on the intermediate conclusions the existing chains build on (trust,
  voluntariness, openness, activity, present focus), so the verbatim feeds them;
- give a trainee's technique labels that the tagger reads differently as advice, one
  finding per session (VBT020), never more.

Every finding cites the claim's line and the turns (``sessions[0].verbatim[12]``: the
turn's line and a short quote, withheld under ``--redact``).
"""

from asas.engine.judge.catalog import Text
from asas.engine.reason.compat import MATCH, TEST, Rule
from asas.engine.reason.facts import SessionFact, VerbatimFact
from asas.rules._common import (
    ACTIVITY_WEAKENED,
    OPENNESS_AT_RISK,
    PRESENT_FOCUS_LOST,
    TRUST_NOT_SECURED,
    VOLUNTARINESS_NOT_SECURED,
    at,
    conclude,
)
from asas.rules._registry import REGISTRY, RuleSet
from asas.rules.kegiatan import SOURCE_P1 as SOURCE_ACTIVE
from asas.rules.kegiatan import WHY_ACTIVE
from asas.rules.kekinian import SOURCE_P1 as SOURCE_PRESENT
from asas.rules.kekinian import WHY_PRESENT
from asas.rules.kemandirian import SOURCE_DECIDE, WHY_DECIDE
from asas.rules.kerahasiaan import SOURCE_KRH, SOURCE_PRIVATE, WHY_PRIVATE, WHY_PROTECT
from asas.rules.kesukarelaan import SOURCE_P2 as SOURCE_VOLUNTARY
from asas.rules.kesukarelaan import WHY_NURTURE
from asas.rules.keterbukaan import SOURCE_P1 as SOURCE_OPEN
from asas.rules.keterbukaan import WHY_ROOM

# claims about every principle: each entry names its own
KNOWLEDGE = REGISTRY.module("verbatim", principle=None)

# a talk share claimed and one measured differ when they are this far apart
TALK_GAP = 0.1
TALK_HIGH = 0.6      # as KGT002: the counselor dominates above this share
DIRECTIVES = 2       # directive turns that make a pattern of deciding (one may be a safety rule)

WHY_CLAIM = Text(
    "A write-up's structured facts are the trainee's claims; a supervisor grades the "
    "practice from the verbatim. Where the two disagree, the claim cannot be trusted, and "
    "the principle it vouches for is not shown to have been upheld.",
    "Isian terstruktur laporan adalah klaim praktikan; supervisor menilai praktik dari "
    "verbatim. Bila keduanya tidak sejalan, klaim itu tidak dapat dipercaya, dan asas yang "
    "dijaminnya tidak terbukti ditegakkan.")
FIX_CLAIM = Text(
    "Make the write-up say what the verbatim shows: correct the claim, or, if the verbatim "
    "is incomplete, add the turns that are missing.",
    "Samakan laporan dengan apa yang ditunjukkan verbatim: perbaiki klaimnya, atau bila "
    "verbatim belum lengkap, tambahkan giliran bicara yang belum ditulis.")


def turn(idx: int, index: int) -> str:
    return f"sessions[{idx}].verbatim[{index}]"


VBT001 = dict(
    principle="kerahasiaan", severity="risk", cf=0.7,
    title=Text("Confidentiality claimed, not said in the verbatim",
               "Kerahasiaan diklaim, tidak diucapkan dalam verbatim"),
    message=Text(
        "Session {session} records that confidentiality was explained, but no turn of its "
        "verbatim explains it.",
        "Sesi {session} mencatat asas kerahasiaan dijelaskan, tetapi tidak ada giliran bicara "
        "dalam verbatimnya yang menjelaskannya."),
    recommendation=Text(
        "Explain confidentiality in words the client hears (what stays in the room, and "
        "what does not), and write it in the verbatim as it was said.",
        "Jelaskan asas kerahasiaan dengan kata-kata yang didengar konseli (apa yang tetap di "
        "ruangan, dan apa yang tidak), dan tuliskan dalam verbatim sebagaimana diucapkan."),
    why=WHY_PROTECT, source=SOURCE_KRH,
    fail={"sessions[0].verbatim": "Ko: Selamat pagi. Silakan duduk.\nKi: Pagi, Bu.\n"},
    passing={"sessions[0].verbatim": "Ko: Selamat pagi. Apa pun yang kamu ceritakan di sini "
                                     "Ibu jaga rahasianya.\nKi: Iya, Bu.\n"},
)

VBT002 = dict(
    principle="kerahasiaan", severity="risk", cf=0.6,
    title=Text("Limits of confidentiality claimed, not said",
               "Batas kerahasiaan diklaim, tidak diucapkan"),
    message=Text(
        "Session {session} records that the limits of confidentiality were explained, but "
        "no turn of its verbatim names them.",
        "Sesi {session} mencatat batas kerahasiaan dijelaskan, tetapi tidak ada giliran bicara "
        "dalam verbatimnya yang menyebutkannya."),
    recommendation=Text(
        "Say the exception aloud: danger to the client or others is the one case in which "
        "you would involve someone else, and you would tell the client first.",
        "Ucapkan pengecualiannya: bahaya bagi konseli atau orang lain adalah satu-satunya "
        "keadaan Anda melibatkan pihak lain, dan konseli diberi tahu lebih dulu."),
    why=WHY_PROTECT, source=SOURCE_KRH,
    fail={"sessions[0].verbatim": "Ko: Selamat pagi. Apa pun yang kamu ceritakan di sini "
                                  "Ibu jaga rahasianya.\nKi: Iya, Bu.\n"},
    passing={"sessions[0].verbatim": "Ko: Apa pun yang kamu ceritakan Ibu jaga rahasianya, "
                                     "kecuali kalau ada yang membahayakan dirimu.\n"
                                     "Ki: Iya, Bu.\n"},
)

VBT003 = dict(
    principle="kesukarelaan", severity="risk", cf=0.7,
    title=Text("Voluntariness claimed, not said", "Kesukarelaan diklaim, tidak diucapkan"),
    message=Text(
        "Session {session} records that the client was told they take part freely, but no "
        "turn of its verbatim says so.",
        "Sesi {session} mencatat konseli diberi tahu bahwa ia ikut secara sukarela, tetapi "
        "tidak ada giliran bicara dalam verbatimnya yang mengatakannya."),
    recommendation=Text(
        "Tell the client, in the session, that they may choose what to talk about, not "
        "answer, or stop.",
        "Sampaikan kepada konseli dalam sesi bahwa ia boleh memilih apa yang diceritakan, "
        "tidak menjawab, atau berhenti."),
    why=WHY_NURTURE, source=SOURCE_VOLUNTARY,
    fail={"sessions[0].verbatim": "Ko: Selamat pagi. Silakan duduk.\nKi: Pagi, Bu.\n"},
    passing={"sessions[0].verbatim": "Ko: Kamu bebas, mau cerita atau berhenti, boleh.\n"
                                     "Ki: Iya, Bu.\n"},
)

VBT004 = dict(
    principle="kegiatan", severity="risk", cf=0.8,
    title=Text("Talk share claimed low, measured high",
               "Porsi bicara diklaim rendah, terukur tinggi"),
    message=Text(
        "Session {session} records a counselor talk share of {claimed}, but its verbatim "
        "measures {measured}: the counselor did most of the talking.",
        "Sesi {session} mencatat porsi bicara konselor {claimed}, tetapi verbatimnya "
        "mengukur {measured}: konselorlah yang paling banyak berbicara."),
    recommendation=Text(
        "Write the talk share the verbatim gives (asas verbatim tag shows it), and leave "
        "the client room to speak: shorter turns, open questions, reflections.",
        "Tuliskan porsi bicara menurut verbatim (asas verbatim tag menunjukkannya), dan beri "
        "konseli ruang berbicara: giliran lebih pendek, pertanyaan terbuka, refleksi."),
    why=WHY_ACTIVE, source=SOURCE_ACTIVE,
    fail={"sessions[0].verbatim": "Ko: Jadi begini ya, kamu harus belajar setiap malam dua "
                                  "jam, jangan main HP, dan kerjakan tugas sebelum tidur.\n"
                                  "Ki: Iya, Bu.\n"},
    passing={"sessions[0].verbatim": "Ko: Bagaimana minggumu?\nKi: Lumayan, Bu. Saya sudah "
                                     "mencoba membuat jadwal belajar dan ternyata bisa diikuti "
                                     "hampir setiap hari.\n"},
)

VBT005 = dict(
    principle="kemandirian", severity="risk", cf=0.6,
    title=Text("'Not decided for the client' claimed; the verbatim shows directives",
               "Diklaim tidak memutuskan untuk konseli; verbatim menunjukkan perintah"),
    message=Text(
        "Session {session} records that the counselor did not decide for the client, but "
        "its verbatim has {count} counselor turns that tell the client what to do, and no "
        "decision of the client's own.",
        "Sesi {session} mencatat konselor tidak mengambil keputusan untuk konseli, tetapi "
        "verbatimnya memuat {count} giliran konselor yang menyuruh konseli apa yang harus "
        "dilakukan, tanpa keputusan konseli sendiri."),
    recommendation=Text(
        "Ask what the client wants to do and let them weigh the options; put advice as "
        "information the client may take or leave.",
        "Tanyakan apa yang ingin dilakukan konseli dan biarkan ia menimbang pilihan; "
        "sampaikan saran sebagai informasi yang boleh diterima atau tidak."),
    why=WHY_DECIDE, source=SOURCE_DECIDE,
    fail={"sessions[1].verbatim": "Ko: Pokoknya mulai besok kamu harus bangun jam lima.\n"
                                  "Ki: Iya, Bu.\nKo: Jangan main HP lagi.\nKi: Iya, Bu.\n"},
    passing={"sessions[1].verbatim": "Ko: Apa yang mau kamu lakukan minggu ini?\n"
                                     "Ki: Saya mau mencoba bangun jam lima.\n"},
)

VBT006 = dict(
    principle="kemandirian", severity="risk", cf=0.6,
    title=Text("Client's own decision claimed, not voiced in the verbatim",
               "Keputusan konseli diklaim, tidak terucap dalam verbatim"),
    message=Text(
        "Session {session} records that the client made their own decision, but in its "
        "verbatim the client voices no decision or plan of their own.",
        "Sesi {session} mencatat konseli mengambil keputusan sendiri, tetapi dalam "
        "verbatimnya konseli tidak mengucapkan keputusan atau rencananya sendiri."),
    recommendation=Text(
        "Before closing, ask the client what they will do, and let them say it in their "
        "own words.",
        "Sebelum menutup, tanyakan apa yang akan dilakukan konseli, dan biarkan ia "
        "mengatakannya dengan kata-katanya sendiri."),
    why=WHY_DECIDE, source=SOURCE_DECIDE,
    fail={"sessions[0].verbatim": "Ko: Baik, sampai minggu depan.\nKi: Iya, Bu.\n"},
    passing={"sessions[0].verbatim": "Ko: Apa yang mau kamu lakukan minggu ini?\n"
                                     "Ki: Saya mau membuat jadwal belajar sendiri.\n"},
)

VBT007 = dict(
    principle="kerahasiaan", severity="risk", cf=0.7,
    title=Text("Someone else speaks in the verbatim, no one recorded present",
               "Orang lain berbicara dalam verbatim, tidak dicatat hadir"),
    message=Text(
        "In session {session} the verbatim has {count} turn(s) of someone other than the "
        "counselor and the client ({who}; first at turn {turn}), but the write-up records no "
        "one else present.",
        "Pada sesi {session} verbatim memuat {count} giliran bicara orang selain konselor dan "
        "konseli ({who}; pertama pada giliran {turn}), tetapi laporan tidak mencatat ada "
        "orang lain yang hadir."),
    recommendation=Text(
        "See the client alone. If someone else was there, record who in "
        "`place.others_present` and whether the client agreed to it beforehand; if the "
        "speaker code is the counselor's or the client's, set the case's own map "
        "(`case.verbatim_speakers`).",
        "Temui konseli seorang diri. Bila memang ada orang lain, catat siapa dalam "
        "`place.others_present` dan apakah konseli menyetujuinya lebih dahulu; bila kode "
        "pembicara itu sebenarnya kode konselor atau konseli, atur peta kode kasus "
        "(`case.verbatim_speakers`)."),
    why=WHY_PRIVATE, source=SOURCE_PRIVATE,
    fail={"sessions[0].verbatim": "Ko: Selamat pagi. Silakan duduk.\nKi: Pagi, Bu.\n"
                                  "Ayah: Bu, saya tunggu di sini saja, ya.\n"},
    passing={"sessions[0].verbatim": "Ko: Selamat pagi. Silakan duduk.\nKi: Pagi, Bu.\n"},
)

VBT010 = dict(
    principle="keterbukaan", severity="risk", cf=0.5,
    title=Text("Judgmental remark in the verbatim, not listed",
               "Ucapan menghakimi dalam verbatim, tidak dicatat"),
    message=Text(
        "In session {session} the verbatim has a judgmental remark (turn {turn}) that the "
        "write-up does not list.",
        "Pada sesi {session} verbatim memuat ucapan yang menghakimi (giliran {turn}) yang "
        "tidak dicatat dalam laporan."),
    recommendation=Text(
        "Say back what the client feels instead of judging it, and list in "
        "counselor.judgmental_remarks what was said.",
        "Pantulkan apa yang dirasakan konseli alih-alih menghakiminya, dan catat dalam "
        "counselor.judgmental_remarks apa yang terucap."),
    why=WHY_ROOM, source=SOURCE_OPEN,
    fail={"sessions[0].verbatim": "Ko: Kamu sih terlalu malas, salahmu sendiri.\n"
                                  "Ki: Iya, Bu.\n"},
    passing={"sessions[0].verbatim": "Ko: Kamu merasa kecewa pada dirimu sendiri.\n"
                                     "Ki: Iya, Bu.\n"},
)

VBT011 = dict(
    principle="kesukarelaan", severity="risk", cf=0.5,
    title=Text("Pressure in the verbatim, not listed", "Tekanan dalam verbatim, tidak dicatat"),
    message=Text(
        "In session {session} the verbatim has a threat or sanction (turn {turn}) that the "
        "write-up does not list.",
        "Pada sesi {session} verbatim memuat ancaman atau sanksi (giliran {turn}) yang tidak "
        "dicatat dalam laporan."),
    recommendation=Text(
        "Leave threats out of counseling; if a rule of the school applies, say it as "
        "information, and list in counselor.pressure_on_client what was said.",
        "Jauhkan ancaman dari konseling; bila ada aturan sekolah yang berlaku, sampaikan "
        "sebagai informasi, dan catat dalam counselor.pressure_on_client apa yang terucap."),
    why=WHY_NURTURE, source=SOURCE_VOLUNTARY,
    fail={"sessions[0].verbatim": "Ko: Kalau masih telat, Ibu panggil orang tuamu.\n"
                                  "Ki: Iya, Bu.\n"},
    passing={"sessions[0].verbatim": "Ko: Apa yang membuatmu sering terlambat?\n"
                                     "Ki: Saya harus mengantar adik.\n"},
)

VBT012 = dict(
    principle="kemandirian", severity="risk", cf=0.4,
    title=Text("Advice and directives steer the session", "Saran dan perintah mengarahkan sesi"),
    message=Text(
        "In session {session} counselor turns advise or direct the client (turn {turn}) and "
        "the client voices no decision of their own.",
        "Pada sesi {session} giliran konselor menasihati atau memerintah konseli (giliran "
        "{turn}) dan konseli tidak mengucapkan keputusannya sendiri."),
    recommendation=Text(
        "Turn advice into questions the client answers: what could you do, what would "
        "happen, which one do you choose?",
        "Ubah saran menjadi pertanyaan yang dijawab konseli: apa yang bisa kamu lakukan, apa "
        "akibatnya, mana yang kamu pilih?"),
    why=WHY_DECIDE, source=SOURCE_DECIDE,
    fail={"sessions[0].counselor.decided_for_client": None,
          "sessions[0].verbatim": "Ko: Saran Ibu, kamu belajar tiap malam.\nKi: Iya, Bu.\n"},
    passing={"sessions[0].counselor.decided_for_client": None,
             "sessions[0].verbatim": "Ko: Saran Ibu, coba belajar tiap malam. Bagaimana "
                                     "menurutmu?\nKi: Saya mau coba belajar jam tujuh.\n"},
)

VBT013 = dict(
    principle="kekinian", severity="risk", cf=0.5,
    title=Text("Long self-disclosure in the verbatim", "Pengungkapan diri panjang dalam verbatim"),
    message=Text(
        "In session {session} the counselor talks at length about their own experience "
        "(turn {turn}), which the write-up does not record (counselor.self_focus).",
        "Pada sesi {session} konselor panjang lebar menceritakan pengalamannya sendiri "
        "(giliran {turn}), yang tidak dicatat dalam laporan (counselor.self_focus)."),
    recommendation=Text(
        "Keep self-disclosure to a sentence or two that serves the client, then return to "
        "them; record it in counselor.self_focus.",
        "Batasi pengungkapan diri pada satu-dua kalimat yang berguna bagi konseli, lalu "
        "kembali kepadanya; catat dalam counselor.self_focus."),
    why=WHY_PRESENT, source=SOURCE_PRESENT,
    fail={"sessions[0].verbatim": "Ko: " + " ".join(["Ibu dulu waktu SMP juga sering terlambat, "
                                                     "tiap pagi Ibu bantu ibu Ibu di pasar."] * 4)
                                  + "\nKi: Oh.\n"},
    passing={"sessions[0].verbatim": "Ko: Ibu dulu juga pernah begitu. Bagaimana denganmu?\n"
                                     "Ki: Sama, Bu.\n"},
)

VBT014 = dict(
    principle="kekinian", severity="risk", cf=0.3,
    title=Text("The verbatim dwells on the past", "Verbatim berkutat pada masa lalu"),
    message=Text(
        "In session {session} the counselor's questions keep returning to the past (turn "
        "{turn}), while the write-up records a focus on the present.",
        "Pada sesi {session} pertanyaan konselor terus kembali ke masa lalu (giliran "
        "{turn}), padahal laporan mencatat fokus pada masa kini."),
    recommendation=Text(
        "Bring the past in only where it helps with what the client faces now, and ask "
        "about today and the days ahead.",
        "Bawa masa lalu hanya bila membantu apa yang dihadapi konseli sekarang, dan "
        "tanyakan tentang hari ini dan hari-hari ke depan."),
    why=WHY_PRESENT, source=SOURCE_PRESENT,
    fail={"sessions[0].verbatim": "Ko: Dulu waktu kecil kamu sering dimarahi?\nKi: Iya.\n"
                                  "Ko: Waktu SD bagaimana?\nKi: Sama.\n"
                                  "Ko: Masa kecilmu bagaimana dengan ayah?\nKi: Biasa.\n"},
    passing={"sessions[0].verbatim": "Ko: Bagaimana minggu ini?\nKi: Lumayan.\n"},
)

VBT015 = dict(
    principle="kegiatan", severity="risk", cf=0.7,
    title=Text("Counselor dominates the talk (measured)",
               "Konselor mendominasi pembicaraan (terukur)"),
    message=Text(
        "The write-up gives no talk share for session {session}; its verbatim measures "
        "{measured} for the counselor.",
        "Laporan tidak mencantumkan porsi bicara sesi {session}; verbatimnya mengukur "
        "{measured} untuk konselor."),
    recommendation=Text(
        "Let the client do most of the talking: shorter turns, open questions, reflections; "
        "and write the talk share in counselor.talk_share.",
        "Biarkan konseli lebih banyak berbicara: giliran lebih pendek, pertanyaan terbuka, "
        "refleksi; dan tuliskan porsi bicara di counselor.talk_share."),
    why=WHY_ACTIVE, source=SOURCE_ACTIVE,
    fail={"sessions[0].counselor.talk_share": None,
          "sessions[0].verbatim": "Ko: Jadi begini ya, kamu harus belajar setiap malam dua "
                                  "jam, jangan main HP, dan kerjakan tugas sebelum tidur.\n"
                                  "Ki: Iya, Bu.\n"},
    passing={"sessions[0].counselor.talk_share": None,
             "sessions[0].verbatim": "Ko: Bagaimana minggumu?\nKi: Lumayan, Bu. Saya sudah "
                                     "mencoba membuat jadwal belajar dan ternyata bisa diikuti "
                                     "hampir setiap hari.\n"},
)

VBT020 = dict(
    principle="keahlian", severity="advice", cf=0.5,
    title=Text("Technique labels read differently", "Label teknik terbaca berbeda"),
    message=Text(
        "In session {session}, {count} technique label(s) of the trainee read differently "
        "to the tagger (turns {turns}).",
        "Pada sesi {session}, {count} label teknik praktikan terbaca berbeda oleh penanda "
        "(giliran {turns})."),
    recommendation=Text(
        "Compare each of these turns with the technique's marks (asas verbatim tag shows the "
        "cue it read); the label may be right and the tagger wrong.",
        "Bandingkan setiap giliran ini dengan ciri tekniknya (asas verbatim tag menunjukkan "
        "penanda yang terbaca); bisa jadi labelnya benar dan penandanya keliru."),
    why=Text(
        "Naming one's techniques correctly is part of the expertise a practicum trains.",
        "Menamai teknik sendiri dengan tepat adalah bagian dari keahlian yang dilatih dalam "
        "praktikum."),
    source=Text("Asas kenormatifan dan keahlian (normativity and expertise), ¶2",
                "Asas kenormatifan dan keahlian, ¶2"),
    fail={"sessions[0].verbatim": "Ko: Kamu harus belajar. | refleksi perasaan\n"
                                  "Ki: Iya, Bu.\n"},
    passing={"sessions[0].verbatim": "Ko: Kamu merasa sedih. | refleksi perasaan\n"
                                     "Ki: Iya, Bu.\n"},
)



@KNOWLEDGE.rules
class Verbatim(RuleSet):
    # -- claims the verbatim does not bear out -------------------------------------
    @KNOWLEDGE.finding("VBT001", **VBT001)
    @Rule(SessionFact(confidentiality_explained=True, idx=MATCH.idx, number=MATCH.number),
          VerbatimFact(idx=MATCH.idx, confidentiality=False))
    def vbt001_confidentiality_claimed(self, report, idx, number):
        self.declare(report(number, [at(idx, "opening.confidentiality_explained"),
                                             at(idx, "verbatim")], {"session": number}),
                     conclude(TRUST_NOT_SECURED, report, number))

    @KNOWLEDGE.finding("VBT002", **VBT002)
    @Rule(SessionFact(confidentiality_limits_explained=True, idx=MATCH.idx,
                      number=MATCH.number),
          VerbatimFact(idx=MATCH.idx, limits=False))
    def vbt002_limits_claimed(self, report, idx, number):
        self.declare(report(number, [at(idx, "opening.confidentiality_limits_explained"),
                                             at(idx, "verbatim")], {"session": number}))

    @KNOWLEDGE.finding("VBT003", **VBT003)
    @Rule(SessionFact(voluntariness_explained=True, idx=MATCH.idx, number=MATCH.number),
          VerbatimFact(idx=MATCH.idx, voluntariness=False))
    def vbt003_voluntariness_claimed(self, report, idx, number):
        self.declare(report(number, [at(idx, "opening.voluntariness_explained"),
                                             at(idx, "verbatim")], {"session": number}),
                     conclude(VOLUNTARINESS_NOT_SECURED, report, number))

    @KNOWLEDGE.finding("VBT004", **VBT004)
    @Rule(SessionFact(talk_share=MATCH.claimed, idx=MATCH.idx, number=MATCH.number),
          VerbatimFact(idx=MATCH.idx, talk_share=MATCH.measured),
          TEST(lambda claimed, measured: claimed is not None and measured is not None
               and measured > TALK_HIGH and measured - claimed >= TALK_GAP))
    def vbt004_talk_share_claimed_low(self, report, claimed, measured, idx, number):
        self.declare(report(number, [at(idx, "counselor.talk_share"),
                                             at(idx, "verbatim")],
                                    {"session": number, "claimed": claimed,
                                     "measured": measured}),
                     conclude(ACTIVITY_WEAKENED, report, number))

    @KNOWLEDGE.finding("VBT005", **VBT005)
    @Rule(SessionFact(decided_for_client=False, idx=MATCH.idx, number=MATCH.number),
          VerbatimFact(idx=MATCH.idx, client_decision=False, directives=MATCH.turns),
          TEST(lambda turns: len(turns) >= DIRECTIVES))
    def vbt005_not_deciding_claimed(self, report, idx, number, turns):
        self.declare(*(report(number, [at(idx, "counselor.decided_for_client"),
                                       _turn(idx, t)], {"session": number, "count": len(turns)})
                       for t in turns))

    @KNOWLEDGE.finding("VBT006", **VBT006)
    @Rule(SessionFact(made_own_decision=True, idx=MATCH.idx, number=MATCH.number),
          VerbatimFact(idx=MATCH.idx, client_decision=False))
    def vbt006_decision_claimed(self, report, idx, number):
        self.declare(report(number, [at(idx, "client.made_own_decision"),
                                     at(idx, "verbatim")], {"session": number}))

    # third parties' turns are themselves evidence that someone else was present
    # (shared/spec/verbatim.md); one finding a session, citing the first of them
    @KNOWLEDGE.finding("VBT007", **VBT007)
    @Rule(SessionFact(others_present=0, idx=MATCH.idx, number=MATCH.number),
          VerbatimFact(idx=MATCH.idx, others=MATCH.turns, other_codes=MATCH.who),
          TEST(lambda turns: turns))
    def vbt007_others_not_recorded(self, report, idx, number, turns, who):
        self.declare(report(number, [_turn(idx, turns[0]), at(idx, "place.others_present")],
                            {"session": number, "count": len(turns), "who": who,
                             "turn": turns[0]}),
                     conclude(TRUST_NOT_SECURED, report, number))

    # -- what the verbatim shows where the write-up is silent: one finding per turn --
    @KNOWLEDGE.finding("VBT010", **VBT010)
    @Rule(SessionFact(judgmental_remarks=0, idx=MATCH.idx, number=MATCH.number),
          VerbatimFact(idx=MATCH.idx, judgmental=MATCH.turns), TEST(lambda turns: turns))
    def vbt010_judgmental_not_listed(self, report, idx, number, turns):
        self.declare(*(report(number, [_turn(idx, t), at(idx, "counselor.judgmental_remarks")],
                              {"session": number, "turn": t}) for t in turns),
                     conclude(OPENNESS_AT_RISK, report, number))

    @KNOWLEDGE.finding("VBT011", **VBT011)
    @Rule(SessionFact(pressure_on_client=0, idx=MATCH.idx, number=MATCH.number),
          VerbatimFact(idx=MATCH.idx, pressure=MATCH.turns), TEST(lambda turns: turns))
    def vbt011_pressure_not_listed(self, report, idx, number, turns):
        self.declare(*(report(number, [_turn(idx, t), at(idx, "counselor.pressure_on_client")],
                              {"session": number, "turn": t}) for t in turns),
                     conclude(VOLUNTARINESS_NOT_SECURED, report, number))

    @KNOWLEDGE.finding("VBT012", **VBT012)
    @Rule(SessionFact(decided_for_client=None, idx=MATCH.idx, number=MATCH.number),
          VerbatimFact(idx=MATCH.idx, client_decision=False, steering=MATCH.turns),
          TEST(lambda turns: turns))
    def vbt012_steering(self, report, idx, number, turns):
        self.declare(*(report(number, [_turn(idx, t)], {"session": number, "turn": t})
                       for t in turns))

    @KNOWLEDGE.finding("VBT013", **VBT013)
    @Rule(SessionFact(self_focus=MATCH.self_focus, idx=MATCH.idx, number=MATCH.number),
          VerbatimFact(idx=MATCH.idx, long_self_disclosure=MATCH.turns),
          TEST(lambda self_focus, turns: self_focus is not True and turns))
    def vbt013_long_self_disclosure(self, report, self_focus, idx, number, turns):
        self.declare(*(report(number, [_turn(idx, t), at(idx, "counselor.self_focus")],
                              {"session": number, "turn": t}) for t in turns),
                     conclude(PRESENT_FOCUS_LOST, report, number))

    @KNOWLEDGE.finding("VBT014", **VBT014)
    @Rule(SessionFact(time_focus=MATCH.focus, idx=MATCH.idx, number=MATCH.number),
          VerbatimFact(idx=MATCH.idx, past=MATCH.turns),
          TEST(lambda focus, turns: focus in (None, "present") and len(turns) >= 3))
    def vbt014_past(self, report, focus, idx, number, turns):
        self.declare(*(report(number, [_turn(idx, t), at(idx, "counselor.time_focus")],
                              {"session": number, "turn": t}) for t in turns))

    @KNOWLEDGE.finding("VBT015", **VBT015)
    @Rule(SessionFact(talk_share=None, idx=MATCH.idx, number=MATCH.number),
          VerbatimFact(idx=MATCH.idx, talk_share=MATCH.measured),
          TEST(lambda measured: measured is not None and measured > TALK_HIGH))
    def vbt015_talk_share_measured(self, report, measured, idx, number):
        self.declare(report(number, [at(idx, "verbatim")],
                                    {"session": number, "measured": measured}),
                     conclude(ACTIVITY_WEAKENED, report, number))

    # -- the trainee's labels ---------------------------------------------------------
    @KNOWLEDGE.finding("VBT020", **VBT020)
    @Rule(VerbatimFact(idx=MATCH.idx, number=MATCH.number, mismatched=MATCH.turns),
          TEST(lambda turns: len(turns) > 0))
    def vbt020_labels(self, report, idx, number, turns):
        self.declare(report(number, [_turn(idx, t) for t in turns[:5]],
                                    {"session": number, "count": len(turns),
                                     "turns": ", ".join(str(t) for t in turns)}))


def _turn(idx: int, index: int) -> str:
    return turn(idx, index)
