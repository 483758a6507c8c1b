"""Asas kemandirian (self-reliance): the client reaches their own decisions and grows
able to solve problems themselves.

Chain 5 ends here: everything the counselor provides is meant to let the client make
their own decision.  The counselor deciding for the client violates the principle
(KMD001); a client who leaves the last session without their own decision (KMD002) or
without any plan beyond the sessions (KMD003, from ``no_plan_beyond_sessions``, which
kegiatan concludes) puts it at risk.
"""

from asas.engine.judge.catalog import Text
from asas.engine.reason.compat import EXISTS, MATCH, P, Rule
from asas.engine.reason.facts import SessionFact
from asas.rules._common import NO_PLAN, at
from asas.rules._registry import REGISTRY, RuleSet

KNOWLEDGE = REGISTRY.module("kemandirian")

SOURCE_DECIDE = Text(
    "Asas kenormatifan dan keahlian (normativity and expertise), ¶2; Pengertian konseling "
    "individual (definition), ¶3",
    "Asas kenormatifan dan keahlian, ¶2; Pengertian konseling individual, ¶3")
SOURCE_SOLVE = Text(
    "Pengertian konseling individual (definition), ¶1; Asas kenormatifan dan keahlian "
    "(normativity and expertise), ¶2",
    "Pengertian konseling individual, ¶1; Asas kenormatifan dan keahlian, ¶2")
WHY_DECIDE = Text(
    "The source: the counselor applies all their expertise to a voluntary, open, active "
    "client so that the client is able to make their own decisions; counseling hopes the "
    "client changes their own attitudes and decisions.",
    "Sumber: keahlian konselor diterapkan terhadap konseli yang sukarela, terbuka, dan aktif "
    "agar konseli mampu mengambil keputusan sendiri; dalam konseling diharapkan konseli dapat "
    "mengubah sikap dan keputusan dirinya sendiri.")
WHY_SOLVE = Text(
    "The source: it must always be remembered that the individual should in the end be "
    "able to solve every problem they may face in life themselves.",
    "Sumber: harus selalu diingat agar individu pada akhirnya dapat memecahkan sendiri "
    "setiap masalah yang mungkin akan dihadapi dalam kehidupannya.")

WHY_DOC = Text(
    "Without this observation the report cannot show whether self-reliance was upheld; a "
    "practicum report that omits it cannot earn credit for it.",
    "Tanpa pengamatan ini laporan tidak dapat menunjukkan apakah asas kemandirian "
    "ditegakkan; laporan praktikum yang tidak memuatnya tidak dapat dinilai untuk asas itu.")


@KNOWLEDGE.rules
class Kemandirian(RuleSet):
    @KNOWLEDGE.finding(
        "KMD001", severity="violation", cf=0.9,
        title=Text("Counselor decided for the client", "Konselor mengambil keputusan untuk konseli"),
        message=Text(
            "In session {session} the counselor made the decision for the client.",
            "Pada sesi {session} konselor mengambil keputusan untuk konseli."),
        recommendation=Text(
            "Lay out the options with the client, explore the consequences of each, and let "
            "the client choose; offer information, not the decision.",
            "Uraikan pilihan-pilihan bersama konseli, jelajahi akibat masing-masing, dan biarkan "
            "konseli yang memilih; berikan informasi, bukan keputusan."),
        why=WHY_DECIDE, source=SOURCE_DECIDE,
        fail={"sessions[1].counselor.decided_for_client": True},
        passing={"sessions[1].counselor.decided_for_client": False},
    )
    @Rule(SessionFact(decided_for_client=True, idx=MATCH.idx, number=MATCH.number))
    def kmd001_decided_for_client(self, report, idx, number):
        self.declare(report(number, [at(idx, "counselor.decided_for_client")],
                            {"session": number}))

    @KNOWLEDGE.finding(
        "KMD002", severity="risk", cf=0.75,
        title=Text("Counseling ended without the client's own decision",
                   "Konseling berakhir tanpa keputusan konseli sendiri"),
        message=Text(
            "The last session (session {session}) ended without the client making their own "
            "decision.",
            "Sesi terakhir (sesi {session}) berakhir tanpa konseli mengambil keputusannya "
            "sendiri."),
        recommendation=Text(
            "Before closing, help the client put into their own words what they have decided to "
            "do, however small; if they are not ready, plan a further session rather than end.",
            "Sebelum mengakhiri, bantu konseli merumuskan dengan kata-katanya sendiri apa yang ia "
            "putuskan untuk dilakukan, sekecil apa pun; bila belum siap, rencanakan sesi lanjutan "
            "daripada mengakhiri konseling."),
        why=WHY_DECIDE, source=SOURCE_DECIDE,
        fail={"sessions[1].client.made_own_decision": False},
        passing={"sessions[0].client.made_own_decision": False},
    )
    @Rule(SessionFact(last=True, made_own_decision=False, idx=MATCH.idx, number=MATCH.number))
    def kmd002_ends_without_own_decision(self, report, idx, number):
        self.declare(report(number, [at(idx, "client.made_own_decision")],
                            {"session": number}))

    kmd003_leaves_without_plan = KNOWLEDGE.derived(
        "KMD003", NO_PLAN,
        severity="risk", cf=0.7,
        title=Text("Client leaves without a plan", "Konseli pulang tanpa rencana"),
        message=Text(
            "No task or plan of action was agreed for after the sessions, so the client is left "
            "without a way to carry on solving the problem on their own.",
            "Tidak ada tugas atau rencana tindakan yang disepakati untuk setelah sesi, sehingga "
            "konseli tidak memiliki pegangan untuk melanjutkan pemecahan masalahnya secara "
            "mandiri."),
        recommendation=Text(
            "End each series of sessions with a plan the client formulates: what they will do, "
            "when, and how they will know it worked.",
            "Akhiri rangkaian sesi dengan rencana yang dirumuskan konseli sendiri: apa yang akan "
            "ia lakukan, kapan, dan bagaimana ia tahu rencananya berhasil."),
        why=WHY_SOLVE, source=SOURCE_SOLVE,
        fail={"sessions[0].tasks_agreed": [], "sessions[1].tasks_agreed": [],
              "sessions[0].evaluation.action_plan": False,
              "sessions[1].evaluation.action_plan": False},
        passing={"sessions[0].tasks_agreed": [], "sessions[1].tasks_agreed": [],
                 "sessions[0].evaluation.action_plan": False,
                 "sessions[1].evaluation.action_plan": True},
    )

    # -- documentation: what kemandirian needs to be assessed ----------------------
    doc071_made_own_decision = KNOWLEDGE.not_documented(
        "DOC071", "made_own_decision", at(0, "client.made_own_decision"),
        severity="advice", cf=1.0, needed=True,
        title=Text("Client's own decision not documented",
                   "Keputusan konseli sendiri tidak dicatat"),
        message=Text("No session records whether the client made their own decision "
                     "(client.made_own_decision).",
                     "Tidak ada sesi yang mencatat apakah konseli mengambil keputusan sendiri "
                     "(client.made_own_decision)."),
        recommendation=Text("Write `client.made_own_decision` for each session, and "
                            "`client.decision` for what the client decided.",
                            "Tuliskan `client.made_own_decision` di setiap sesi, dan "
                            "`client.decision` untuk apa yang diputuskan konseli."),
        why=WHY_DOC, source=SOURCE_DECIDE,
        fail={"sessions[0].client.made_own_decision": None,
              "sessions[1].client.made_own_decision": None},
        passing={"sessions[0].client.made_own_decision": None},
    )

    # -- documentation that only matters in some cases (not needed to assess) ------
    @KNOWLEDGE.finding(
        "DOC072", severity="advice", cf=1.0,
        title=Text("Decision at the end not documented", "Keputusan di akhir konseling tidak dicatat"),
        message=Text("The last session (session {session}) does not record whether the client "
                     "made their own decision (client.made_own_decision).",
                     "Sesi terakhir (sesi {session}) tidak mencatat apakah konseli mengambil "
                     "keputusan sendiri (client.made_own_decision)."),
        recommendation=Text("Write `client.made_own_decision` for the last session: it shows "
                            "where the client stands when counseling ends.",
                            "Tuliskan `client.made_own_decision` pada sesi terakhir: itulah yang "
                            "menunjukkan posisi konseli ketika konseling berakhir."),
        why=WHY_DOC, source=SOURCE_DECIDE,
        fail={"sessions[1].client.made_own_decision": None},
        passing={"sessions[0].client.made_own_decision": None},
    )
    @Rule(SessionFact(last=True, made_own_decision=None, idx=MATCH.idx, number=MATCH.number),
          EXISTS(SessionFact(made_own_decision=P(lambda value: value is not None))))
    def doc072_last_decision(self, report, idx, number):
        self.declare(report(number, [at(idx, "client.made_own_decision")],
                            {"session": number}))
