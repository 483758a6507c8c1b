"""Asas keterbukaan (openness): the counselor gives room and atmosphere for the client
to open up as transparently as possible; openness grows out of voluntariness.

Chain 2 runs through here: voluntariness not secured (any KSR finding, including
KSR005 from chain 1) ⇒ openness at risk (KTB001) ⇒ continuation of the process at
risk (KTB004).  Judgmental remarks (KTB002) and a closed client met with no
room-making technique (KTB003) put openness at risk directly, and lead to KTB004 too.
"""

from asas.engine.judge.catalog import Text
from asas.engine.reason.compat import MATCH, TEST, Rule
from asas.engine.reason.facts import Finding, SessionFact
from asas.rules._common import (
    OPENNESS_AT_RISK,
    VOLUNTARINESS_NOT_SECURED,
    at,
    conclude,
    defeat,
    later,
)
from asas.rules._registry import REGISTRY, RuleSet

KNOWLEDGE = REGISTRY.module("keterbukaan")

SOURCE_ROOM = Text("Pengertian konseling individual (definition), ¶3",
                   "Pengertian konseling individual, ¶3")
SOURCE_P1 = Text("Asas kesukarelaan dan keterbukaan (voluntariness and openness), ¶1",
                 "Asas kesukarelaan dan keterbukaan, ¶1")
SOURCE_P2 = Text("Asas kesukarelaan dan keterbukaan (voluntariness and openness), ¶2",
                 "Asas kesukarelaan dan keterbukaan, ¶2")
WHY_ROOM = Text(
    "According to the source text: in individual counseling the counselor gives the room and "
    "atmosphere "
    "that let the client open up as transparently as possible.",
    "Menurut teks sumber: dalam layanan konseling individual, konselor memberikan ruang dan "
    "suasana yang "
    "memungkinkan konseli membuka diri setransparan mungkin.")
WHY_CHAIN = Text(
    "According to the source text: voluntariness produces the client's openness; if the initial "
    "willingness "
    "is not strengthened, openness will not happen and the continuation of the service is "
    "threatened with failure.",
    "Menurut teks sumber: asas kesukarelaan akan menghasilkan keterbukaan konseli; apabila "
    "penguatan "
    "kesukarelaan awal gagal, keterbukaan tidak akan terjadi dan kelangsungan proses layanan "
    "terancam kegagalan.")

ROOM_MAKING = ("attending", "open_question", "paraphrase", "reflection_of_feeling",
               "summarizing")
CLOSED = ("guarded", "none")

WHY_DOC = Text(
    "Without this observation the report cannot show whether openness was upheld; a "
    "practicum report that omits it cannot earn credit for it.",
    "Tanpa pengamatan ini laporan tidak dapat menunjukkan apakah asas keterbukaan "
    "ditegakkan; laporan praktikum yang tidak memuatnya tidak dapat dinilai untuk asas itu.")


# the cause of voluntariness not secured, for KTB001's wording
CAUSE = {"KSR005": {"variant": "trust"}, "KSR003": {"variant": "pressure"}}


def _at_risk(doc, session):
    return conclude(OPENNESS_AT_RISK, doc, session)


@KNOWLEDGE.rules
class Keterbukaan(RuleSet):
    ktb001_voluntariness_not_secured = KNOWLEDGE.derived(
        "KTB001", VOLUNTARINESS_NOT_SECURED, then=OPENNESS_AT_RISK,
        severity="risk", cf=0.8,
        title=Text("Voluntariness not reinforced, openness at risk",
                   "Kesukarelaan tidak dikuatkan, keterbukaan terancam"),
        message=Text(
            "The client's voluntariness was not secured, so their openness is at risk.",
            "Kesukarelaan konseli tidak terjamin, sehingga keterbukaan konseli terancam."),
        recommendation=Text(
            "Put voluntariness right first (see {cause}); openness cannot be demanded, it "
            "follows when the client takes part freely.",
            "Benahi dahulu penerapan asas kesukarelaan (lihat {cause}); keterbukaan tidak dapat "
            "dituntut, ia tumbuh ketika konseli ikut secara sukarela."),
        why=WHY_CHAIN, source=SOURCE_P2,
        fail={"sessions[0].opening.confidentiality_explained": False,
              "sessions[1].client.disclosure": "guarded"},
        passing={"sessions[0].counselor.pressure_on_client": []},
        # the title follows the cause: trust (a confidentiality lapse, a third person) or
        # pressure, not "voluntariness not reinforced" when it was reinforced
        params=lambda because: {"cause": because[0], **CAUSE.get(because[0], {})},
        variants={
            "trust": {"title": Text("Trust not secured, openness at risk",
                                    "Kepercayaan konseli belum terjamin, keterbukaan terancam"),
                      "message": Text(
                          "The client's trust was not secured (confidentiality), and with it "
                          "their voluntariness, so their openness is at risk.",
                          "Kepercayaan konseli belum terjamin (kerahasiaan), dan dengan itu "
                          "kesukarelaannya, sehingga keterbukaan konseli terancam.")},
            "pressure": {"title": Text("Pressure on the client, openness at risk",
                                       "Konseli ditekan, keterbukaan terancam"),
                         "message": Text(
                             "The client was put under pressure, so their openness is at risk.",
                             "Konseli mendapat tekanan, sehingga keterbukaan konseli "
                             "terancam.")},
        },
    )

    @KNOWLEDGE.finding(
        "KTB002", severity="risk", cf=0.75,
        title=Text("Judgmental remarks", "Ucapan yang menghakimi"),
        message=Text(
            "In session {session} the counselor made judgmental remarks ({count} recorded), "
            "which tell the client that opening up is not safe.",
            "Pada sesi {session} konselor mengucapkan kata-kata yang menghakimi ({count} "
            "tercatat), yang memberi kesan kepada konseli bahwa membuka diri tidak aman."),
        recommendation=Text(
            "Receive what the client says without judging; reflect the feeling and explore the "
            "reasons instead of labelling the client or their choices.",
            "Terima apa yang disampaikan konseli tanpa menghakimi; refleksikan perasaannya dan "
            "gali alasannya, bukan memberi cap pada konseli atau pilihannya."),
        why=WHY_ROOM, source=SOURCE_ROOM,
        fail={"sessions[1].counselor.judgmental_remarks": ["Masa begitu saja tidak bisa?"]},
        passing={"sessions[1].counselor.judgmental_remarks": []},
    )
    @Rule(SessionFact(judgmental_remarks=MATCH.count, idx=MATCH.idx, number=MATCH.number),
          TEST(lambda count: count > 0))
    def ktb002_judgmental_remarks(self, report, count, idx, number):
        self.declare(
            report(number, [at(idx, "counselor.judgmental_remarks")],
                   {"count": count, "session": number}),
            _at_risk(report, number))

    @KNOWLEDGE.finding(
        "KTB003", severity="risk", cf=0.7,
        title=Text("Closed client, no room made", "Konseli tertutup, tidak diberi ruang"),
        message=Text(
            "In session {session} the client's openness was low ({disclosure}), and none of the "
            "techniques that make room for openness (attending, open questions, paraphrase, "
            "reflection of feeling, summarizing) was used.",
            "Pada sesi {session} keterbukaan konseli rendah ({disclosure}), dan konselor tidak "
            "menggunakan satu pun teknik yang membuka ruang bagi keterbukaan (attending, "
            "pertanyaan terbuka, parafrase, refleksi perasaan, merangkum)."),
        recommendation=Text(
            "When a client is guarded, slow down: attend, ask open questions, paraphrase and "
            "reflect feelings before asking for facts or giving advice.",
            "Bila konseli tertutup, perlambat proses: lakukan attending, ajukan pertanyaan "
            "terbuka, parafrase dan refleksikan perasaannya sebelum menggali fakta atau memberi "
            "nasihat."),
        why=WHY_ROOM, source=SOURCE_ROOM,
        fail={"sessions[1].client.disclosure": "guarded",
              "sessions[1].counselor.techniques": ["closed_question", "advice"]},
        passing={"sessions[1].client.disclosure": "guarded",
                 "sessions[1].counselor.techniques": ["closed_question", "reflection_of_feeling"]},
    )
    @Rule(SessionFact(disclosure=MATCH.disclosure, techniques=MATCH.techniques,
                      idx=MATCH.idx, number=MATCH.number),
          TEST(lambda disclosure, techniques: disclosure in CLOSED and techniques is not None
               and not set(techniques) & set(ROOM_MAKING)))
    def ktb003_closed_client_no_room(self, report, disclosure, techniques, idx, number):
        self.declare(
            report(number, [at(idx, "client.disclosure"),
                            at(idx, "counselor.techniques")],
                   {"disclosure": disclosure, "session": number}),
            _at_risk(report, number))

    ktb004_continuation_at_risk = KNOWLEDGE.derived(
        "KTB004", OPENNESS_AT_RISK,
        severity="risk", cf=0.8,
        title=Text("Continuation of the process at risk", "Kelangsungan proses layanan terancam"),
        message=Text(
            "The client's openness is at risk, so the continuation of the counseling process is "
            "threatened with failure.",
            "Keterbukaan konseli terancam, sehingga kelangsungan proses layanan terancam "
            "gagal."),
        recommendation=Text(
            "Make room for openness first (see {cause}) before moving on to interpretation or "
            "action plans; without openness the later stages have nothing to work on.",
            "Benahi dahulu ruang bagi keterbukaan konseli (lihat {cause}) sebelum melangkah ke "
            "penafsiran atau rencana tindakan; tanpa keterbukaan, tahap-tahap berikutnya tidak "
            "memiliki bahan untuk digarap."),
        params=lambda because: {"cause": because[0]},
        why=WHY_CHAIN, source=SOURCE_P2,
        fail={"sessions[1].counselor.judgmental_remarks": ["Masa begitu saja tidak bisa?"]},
        passing={"sessions[1].counselor.judgmental_remarks": []},
    )

    # what happened later: the client came back and spoke openly, so the presumed loss
    # of openness (and with it of the process's continuation) did not happen
    @Rule(Finding(id=MATCH.id, session=MATCH.session),
          TEST(lambda id: id in ("KTB001", "KTB004")),
          SessionFact(disclosure="open", number=MATCH.number, idx=MATCH.idx),
          TEST(lambda session, number: later(session, number)))
    def ktb_defeated_by_later_openness(self, id, session, number, idx):
        self.declare(defeat(id, session, [at(idx, "client.disclosure")], "later_open",
                            {"sessions": number}))

    # -- documentation: what keterbukaan needs to be assessed ----------------------
    doc021_client_disclosure = KNOWLEDGE.not_documented(
        "DOC021", "disclosure", at(0, "client.disclosure"),
        severity="advice", cf=1.0, needed=True,
        title=Text("Client's openness not documented", "Keterbukaan konseli tidak dicatat"),
        message=Text("No session records how openly the client spoke (client.disclosure).",
                     "Tidak ada sesi yang mencatat seberapa terbuka konseli bercerita "
                     "(client.disclosure)."),
        recommendation=Text("Write `client.disclosure` for each session: open, partial, guarded "
                            "or none.",
                            "Tuliskan `client.disclosure` di setiap sesi: open, partial, guarded "
                            "atau none."),
        why=WHY_DOC, source=SOURCE_ROOM,
        fail={"sessions[0].client.disclosure": None, "sessions[1].client.disclosure": None},
        passing={"sessions[0].client.disclosure": "open",
                 "sessions[1].client.disclosure": "partial"},
    )

    @KNOWLEDGE.finding(
        "DOC022", severity="advice", cf=1.0,
        title=Text("Techniques with a closed client not documented",
                   "Teknik pada konseli yang tertutup tidak dicatat"),
        message=Text("In session {session} the client's openness was low ({disclosure}), and the "
                     "write-up does not say which techniques were used (counselor.techniques).",
                     "Pada sesi {session} keterbukaan konseli rendah ({disclosure}), dan laporan "
                     "tidak mencatat teknik yang digunakan (counselor.techniques)."),
        recommendation=Text("Write `counselor.techniques` for each session, above all when the "
                            "client was guarded.",
                            "Tuliskan `counselor.techniques` di setiap sesi, terutama bila konseli "
                            "tertutup."),
        why=WHY_ROOM, source=SOURCE_ROOM,
        fail={"sessions[1].client.disclosure": "guarded", "sessions[1].counselor.techniques": None},
        passing={"sessions[1].client.disclosure": "guarded",
                 "sessions[1].counselor.techniques": ["attending"]},
    )
    @Rule(SessionFact(disclosure=MATCH.disclosure, techniques=None, idx=MATCH.idx,
                      number=MATCH.number),
          TEST(lambda disclosure: disclosure in CLOSED))
    def doc022_techniques_with_closed_client(self, report, disclosure, idx, number):
        self.declare(report(number, [at(idx, "counselor.techniques")],
                            {"disclosure": disclosure, "session": number}))
