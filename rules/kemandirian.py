"""Asas kemandirian (self-reliance): the client reaches their own decisions and grows
able to solve problems themselves.

Chain 5 ends here: everything the counselor provides is meant to let the client make
their own decision.  The counselor deciding for the client violates the principle
(KMD001); a client who leaves the last session without their own decision (KMD002) or
without any plan beyond the sessions (KMD003, from ``no_plan_beyond_sessions``, which
kegiatan concludes) puts it at risk.
"""

from asas.engine.judge.catalog import Text
from asas.engine.reason.compat import EXISTS, MATCH, TEST, P, Rule
from asas.engine.reason.facts import CaseFact, SessionFact
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
    "According to the source text: the counselor applies all their expertise to a voluntary, open, "
    "active "
    "client so that the client is able to make their own decisions; counseling hopes the "
    "client changes their own attitudes and decisions.",
    "Menurut teks sumber: keahlian konselor diterapkan terhadap konseli yang sukarela, terbuka, "
    "dan aktif "
    "agar konseli mampu mengambil keputusan sendiri; dalam konseling diharapkan konseli dapat "
    "mengubah sikap dan keputusan dirinya sendiri.")
WHY_SOLVE = Text(
    "According to the source text: it must always be remembered that the individual should in the "
    "end be "
    "able to solve every problem they may face in life themselves.",
    "Menurut teks sumber: harus selalu diingat agar individu pada akhirnya dapat memecahkan "
    "sendiri "
    "setiap masalah yang mungkin akan dihadapi dalam kehidupannya.")

WHY_DOC = Text(
    "Without this observation the report cannot show whether self-reliance was upheld; a "
    "practicum report that omits it cannot earn credit for it.",
    "Tanpa pengamatan ini laporan tidak dapat menunjukkan apakah asas kemandirian "
    "ditegakkan; laporan praktikum yang tidak memuatnya tidak dapat dinilai untuk asas itu.")


STEERING = ("advice", "directive_instruction")
TALK_SHARE = 0.6     # as kegiatan's KGT002: more than this, the counselor holds the talk
RECOMMEND_OPTIONS = Text(
    "Lay out the options with the client, weigh the consequences of each together, and let "
    "the client decide; offer information, not the decision.",
    "Bahas alternatif bersama konseli, timbang konsekuensi masing-masing, dan biarkan "
    "konseli yang memutuskan; berikan informasi, bukan keputusan.")


def _advice(techniques) -> tuple:
    return tuple(t for t in techniques or () if t in STEERING)


def _steering(techniques, share, story) -> tuple:
    """What steered a decision: advice or directives, most of the talk, own stories."""
    how = _advice(techniques)
    if share is not None and share > TALK_SHARE:
        how += ("talk_share",)
    if story is True:
        how += ("self_focus",)
    return how


@KNOWLEDGE.rules
class Kemandirian(RuleSet):
    @KNOWLEDGE.finding(
        "KMD001", severity="violation", cf=0.9,
        title=Text("Counselor decided for the client", "Konselor mengambil keputusan untuk konseli"),
        message=Text(
            "In session {session} the counselor made the decision for the client.",
            "Pada sesi {session} konselor mengambil keputusan untuk konseli."),
        recommendation=RECOMMEND_OPTIONS,
        why=WHY_DECIDE, source=SOURCE_DECIDE,
        fail={"sessions[1].counselor.decided_for_client": True,
              "sessions[1].client.made_own_decision": False},
        passing={"sessions[1].counselor.decided_for_client": False},
    )
    # the counselor decided, and the client made no decision of their own; a session
    # that records both (the client took the decision the counselor pressed) is a
    # steered decision: KMD004, a risk, so that an honest "yes" is not a violation
    @Rule(SessionFact(decided_for_client=True, made_own_decision=P(lambda v: v is not True),
                      idx=MATCH.idx, number=MATCH.number))
    def kmd001_decided_for_client(self, report, idx, number):
        self.declare(report(number, [at(idx, "counselor.decided_for_client")],
                            {"session": number}))

    @KNOWLEDGE.finding(
        "KMD002", severity="risk", cf=0.75,
        title=Text("Counseling ended without the client's own decision",
                   "Konseling berakhir tanpa keputusan konseli sendiri"),
        message=Text(
            "Counseling ended in session {session} without a decision the client made "
            "themselves.",
            "Konseling diakhiri pada sesi {session} tanpa keputusan yang diambil konseli "
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

    # advice-giving is not deciding, but in the session where the client's decision is
    # made, advice or directives, a counselor holding most of the talk, or a long story
    # of the counselor's own steer it (konseling bukan nasihat)
    @KNOWLEDGE.finding(
        "KMD004", severity="risk", cf=0.7,
        title=Text("Client's decision steered by the counselor",
                   "Keputusan konseli diarahkan konselor"),
        message=Text(
            "In session {session}, where the client's decision was made, the counselor "
            "steered it: {how}.",
            "Pada sesi {session}, saat keputusan konseli diambil, konselor mengarahkannya: "
            "{how}."),
        recommendation=Text(
            "In the session of the decision, hold back your own advice: lay out the options "
            "with the client, weigh the consequences of each together, and let the client "
            "decide; give information when it is asked for, not the answer.",
            "Pada sesi pengambilan keputusan, tahan nasihat Anda sendiri: bahas alternatif "
            "bersama konseli, timbang konsekuensi masing-masing, dan biarkan konseli yang "
            "memutuskan; berikan informasi bila diminta, bukan jawabannya."),
        why=WHY_DECIDE, source=SOURCE_DECIDE,
        fail={"sessions[1].counselor.techniques": ["attending", "advice"]},
        passing={"sessions[1].counselor.techniques": ["attending", "open_question",
                                                      "summarizing"]},
    )
    @Rule(CaseFact(decision_session=MATCH.decision),
          SessionFact(techniques=MATCH.techniques, talk_share=MATCH.share,
                      self_focus=MATCH.story, made_own_decision=MATCH.own,
                      decided_for_client=MATCH.decided, idx=MATCH.idx, number=MATCH.number),
          TEST(lambda decision, own, decided, number, techniques, share, story:
               (own is True or number == decision)
               and not (decided is True and own is not True)
               and (_steering(techniques, share, story) or (decided is True and own is True))))
    def kmd004_decision_steered(self, report, decision, techniques, share, story, own,
                                decided, idx, number):
        how = _steering(techniques, share, story)
        evidence = [at(idx, "counselor.techniques")]
        if share is not None and share > TALK_SHARE:
            evidence.append(at(idx, "counselor.talk_share"))
        if story:
            evidence.append(at(idx, "counselor.self_focus"))
        if decided is True:
            how += ("decided_for_client",)
            evidence.append(at(idx, "counselor.decided_for_client"))
        self.declare(report(number, evidence, {"session": number, "how": how}))

    @KNOWLEDGE.finding(
        "KMD005", severity="advice", cf=0.5,
        title=Text("Advice given", "Konselor memberi nasihat"),
        message=Text(
            "In session {session} the counselor gave advice or directives ({how}), outside "
            "the session where the client's decision was made.",
            "Pada sesi {session} konselor memberi nasihat atau arahan ({how}), di luar sesi "
            "pengambilan keputusan konseli."),
        recommendation=Text(
            "Counseling is not giving advice: before suggesting, ask what the client has "
            "already thought of; offer a suggestion as one option among others, and leave "
            "the choice to them.",
            "Konseling bukan pemberian nasihat: sebelum menyarankan, tanyakan apa yang sudah "
            "dipikirkan konseli; tawarkan saran sebagai salah satu pilihan di antara yang lain, "
            "dan serahkan pilihannya kepada konseli."),
        why=WHY_DECIDE, source=SOURCE_DECIDE,
        fail={"sessions[0].counselor.techniques": ["attending", "advice"],
              "sessions[0].client.made_own_decision": False},
        passing={"sessions[0].counselor.techniques": ["attending", "open_question"],
                 "sessions[0].client.made_own_decision": False},
    )
    @Rule(CaseFact(decision_session=MATCH.decision),
          SessionFact(techniques=MATCH.techniques, made_own_decision=MATCH.own,
                      idx=MATCH.idx, number=MATCH.number),
          TEST(lambda decision, own, number, techniques: own is not True
               and number != decision and bool(_advice(techniques))))
    def kmd005_advice_given(self, report, decision, techniques, own, idx, number):
        self.declare(report(number, [at(idx, "counselor.techniques")],
                            {"session": number, "how": _advice(techniques)}))

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
        passing={"sessions[0].client.made_own_decision": False,
                 "sessions[1].client.made_own_decision": True},
    )

    doc073_decided_for_client = KNOWLEDGE.not_documented(
        "DOC073", "decided_for_client", at(0, "counselor.decided_for_client"),
        severity="advice", cf=1.0, needed=True,
        title=Text("Who decided not documented", "Siapa yang memutuskan tidak dicatat"),
        message=Text("No session records whether the counselor made the decision for the "
                     "client (counselor.decided_for_client).",
                     "Tidak ada sesi yang mencatat apakah konselor mengambil keputusan untuk "
                     "konseli (counselor.decided_for_client)."),
        recommendation=Text("Write `counselor.decided_for_client` for each session. A "
                            "suggestion the client was free to refuse is not deciding for "
                            "them: record it as the technique `advice`.",
                            "Tuliskan `counselor.decided_for_client` di setiap sesi. Saran "
                            "yang bebas ditolak konseli bukan mengambil keputusan untuknya: "
                            "catat sebagai teknik `advice`."),
        why=WHY_DOC, source=SOURCE_DECIDE,
        fail={"sessions[0].counselor.decided_for_client": None,
              "sessions[1].counselor.decided_for_client": None},
        passing={"sessions[0].counselor.decided_for_client": False,
                 "sessions[1].counselor.decided_for_client": False},
    )

    # -- documentation that only matters in some cases (not needed to assess) ------
    @KNOWLEDGE.finding(
        "DOC072", severity="advice", cf=1.0,
        title=Text("Decision at the end not documented", "Keputusan di akhir konseling tidak "
                                                         "dicatat"),
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
        passing={"sessions[1].client.made_own_decision": True},
    )
    @Rule(SessionFact(last=True, made_own_decision=None, idx=MATCH.idx, number=MATCH.number),
          EXISTS(SessionFact(made_own_decision=P(lambda value: value is not None))))
    def doc072_last_decision(self, report, idx, number):
        self.declare(report(number, [at(idx, "client.made_own_decision")],
                            {"session": number}))
