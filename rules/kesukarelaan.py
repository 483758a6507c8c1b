"""Asas kesukarelaan (voluntariness): the client takes part freely; an initial
willingness is nurtured and strengthened, never forced.

Chain 1 ends here (confidentiality not assured ⇒ voluntariness not secured) and
chain 2 starts here: every KSR finding concludes ``voluntariness_not_secured``,
which keterbukaan builds on.
"""

from asas.engine.judge.catalog import Text
from asas.engine.reason.compat import MATCH, TEST, P, Rule
from asas.engine.reason.facts import CaseFact, Finding, SessionFact
from asas.rules._common import (
    TRUST_NOT_SECURED,
    VOLUNTARINESS_NOT_SECURED,
    at,
    conclude,
    defeat,
    later,
)
from asas.rules._registry import REGISTRY, RuleSet

KNOWLEDGE = REGISTRY.module("kesukarelaan")

SOURCE_P1 = Text("Asas kesukarelaan dan keterbukaan (voluntariness and openness), ¶1",
                 "Asas kesukarelaan dan keterbukaan, ¶1")
SOURCE_P2 = Text("Asas kesukarelaan dan keterbukaan (voluntariness and openness), ¶2",
                 "Asas kesukarelaan dan keterbukaan, ¶2")
WHY_NURTURE = Text(
    "According to the source text: the client's initial willingness must be nurtured and "
    "strengthened; if "
    "that fails, openness will not happen and the continuation of the service is "
    "threatened with failure.",
    "Menurut teks sumber: kesukarelaan awal konseli harus dipupuk dan dikuatkan; apabila penguatan "
    "itu "
    "gagal, keterbukaan tidak akan terjadi dan kelangsungan proses layanan terancam gagal.")

WHY_DOC = Text(
    "Without this observation the report cannot show whether voluntariness was upheld; a "
    "practicum report that omits it cannot earn credit for it.",
    "Tanpa pengamatan ini laporan tidak dapat menunjukkan apakah asas kesukarelaan "
    "ditegakkan; laporan praktikum yang tidak memuatnya tidak dapat dinilai untuk asas itu.")
SOURCE_DOC = SOURCE_P2

_RANK = {"refused": 0, "reluctant": 1, "hesitant": 2, "willing": 3}


def _declined(before, after) -> bool:
    return before in _RANK and after in _RANK and _RANK[after] < _RANK[before]


def _not_secured(doc, session):
    return conclude(VOLUNTARINESS_NOT_SECURED, doc, session)


@KNOWLEDGE.rules
class Kesukarelaan(RuleSet):
    @KNOWLEDGE.finding(
        "KSR001", severity="risk", cf=0.8,
        title=Text("Voluntariness not reinforced",
                   "Kesukarelaan tidak dikuatkan"),
        message=Text(
            "The client was sent by {source} and voluntariness was not explained in the first "
            "session, so the client's willingness was not reinforced.",
            "Konseli dikirim oleh {source} dan asas kesukarelaan tidak dijelaskan pada sesi "
            "pertama, sehingga kesukarelaan konseli tidak dikuatkan."),
        recommendation=Text(
            "With a referred or mandated client, say early in the first session that taking part "
            "is the client's own choice and that they may stop; build rapport before the problem.",
            "Pada konseli yang dirujuk atau diwajibkan, jelaskan sejak awal sesi pertama bahwa "
            "keikutsertaan adalah pilihannya sendiri dan ia boleh berhenti; bina hubungan baik "
            "(rapport) sebelum "
            "membahas masalah."),
        why=WHY_NURTURE, source=SOURCE_P2,
        fail={"case.referral.source": "teacher",
              "sessions[0].opening.voluntariness_explained": False},
        passing={"case.referral.source": "teacher",
                 "sessions[0].opening.voluntariness_explained": True},
    )
    @Rule(CaseFact(referral_source=MATCH.source, mandated=MATCH.mandated),
          SessionFact(first=True, voluntariness_explained=False, idx=MATCH.idx,
                      number=MATCH.number),
          TEST(lambda source, mandated: source not in (None, "self") or mandated is True))
    def ksr001_sent_and_not_reinforced(self, report, source, mandated, idx, number):
        sent = "case.referral.mandated" if source in (None, "self") else "case.referral.source"
        who = source if source not in (None, "self") else "authority"
        self.declare(
            report(number, [sent, at(idx, "opening.voluntariness_explained")],
                   {"source": who}),
            _not_secured(report, number))

    @KNOWLEDGE.finding(
        "KSR002", severity="risk", cf=0.7,
        title=Text("Initial willingness not nurtured", "Kesukarelaan awal tidak dipupuk"),
        message=Text(
            "In the first session neither rapport was built nor voluntariness explained.",
            "Pada sesi pertama hubungan baik (rapport) tidak dibina dan asas kesukarelaan tidak "
            "dijelaskan."),
        recommendation=Text(
            "Open every first session by building rapport and telling the client that taking "
            "part is voluntary; even a willing client's willingness must be nurtured.",
            "Awali sesi pertama dengan membina hubungan baik (rapport) dan menyampaikan bahwa "
            "keikutsertaan bersifat sukarela; kesukarelaan konseli yang datang sendiri pun perlu "
            "dipupuk."),
        why=WHY_NURTURE, source=SOURCE_P2,
        fail={"sessions[0].opening.rapport_built": False,
              "sessions[0].opening.voluntariness_explained": False},
        passing={"sessions[0].opening.rapport_built": True,
                 "sessions[0].opening.voluntariness_explained": False},
    )
    @Rule(SessionFact(first=True, rapport_built=False, voluntariness_explained=False,
                      idx=MATCH.idx, number=MATCH.number))
    def ksr002_willingness_not_nurtured(self, report, idx, number):
        self.declare(
            report(number, [at(idx, "opening.rapport_built"),
                            at(idx, "opening.voluntariness_explained")]),
            _not_secured(report, number))

    @KNOWLEDGE.finding(
        "KSR003", severity="violation", cf=0.95,
        title=Text("Pressure on the client", "Tekanan terhadap konseli"),
        message=Text(
            "The counselor put pressure on the client (recorded remarks: {count}), which "
            "contradicts voluntary participation.",
            "Konselor menekan konseli (ucapan yang tercatat: {count}), yang bertentangan dengan "
            "keikutsertaan secara sukarela."),
        recommendation=Text(
            "Never threaten or coerce; name the client's reluctance, explore it, and leave the "
            "choice to take part with the client. Where the threat served a goal (coming on "
            "time, studying), do not use sanctions or third parties (parents, teachers, the "
            "school) to impose it: agree the goal with the client and let them choose the "
            "steps.",
            "Jangan mengancam atau memaksa; kenali keengganan konseli, gali bersama "
            "alasannya, dan serahkan pilihan untuk ikut kepada konseli. Bila ancaman itu "
            "dipakai untuk mencapai suatu tujuan (datang tepat waktu, belajar), jangan memakai "
            "sanksi atau pihak ketiga (orang tua, guru, sekolah) untuk memaksakannya: sepakati "
            "tujuan itu bersama konseli dan biarkan ia memilih langkahnya."),
        why=Text("According to the source text: voluntariness is full and free; it cannot be "
                 "produced by force, "
                 "and without it openness will not happen.",
                 "Menurut teks sumber: kesukarelaan harus penuh; ia tidak dapat dihasilkan dengan "
                 "paksaan, dan "
                 "tanpanya keterbukaan tidak akan terjadi."),
        source=SOURCE_P1,
        fail={"sessions[0].client.willingness": "reluctant",
              "sessions[0].counselor.pressure_on_client": [
                  "Kalau kamu tidak mau cerita, nanti Ibu laporkan ke orang tuamu."]},
        passing={"sessions[0].client.willingness": "reluctant",
                 "sessions[0].counselor.pressure_on_client": []},
        # the client was willing in that session: there was no reluctance to name, so the
        # threat served a goal; the advice is about sanctions and third parties only
        variants={"willing": {"recommendation": Text(
            "Never threaten or coerce. The client was willing to take part, so what needs "
            "mending is not reluctance: do not use threats, sanctions or third parties "
            "(parents, teachers, the school) to make the client talk or to impose a goal "
            "(coming on time, studying); let the client choose what to tell, agree the goal "
            "with them and let them choose the steps.",
            "Jangan mengancam atau memaksa. Konseli bersedia mengikuti sesi, jadi yang perlu "
            "dibenahi bukan keengganannya: jangan memakai ancaman, sanksi atau pihak ketiga "
            "(orang tua, guru, sekolah) untuk memaksa konseli bercerita atau memaksakan suatu "
            "tujuan (datang tepat waktu, belajar); biarkan konseli memilih apa yang ia "
            "ceritakan, sepakati tujuan itu bersamanya, dan biarkan ia memilih langkahnya.")}},
    )
    @Rule(SessionFact(pressure_on_client=MATCH.count, willingness=MATCH.willingness,
                      idx=MATCH.idx, number=MATCH.number),
          TEST(lambda count: count > 0))
    def ksr003_pressure(self, report, count, willingness, idx, number):
        params = {"count": count}
        if willingness == "willing":
            params["variant"] = "willing"
        self.declare(
            report(number, [at(idx, "counselor.pressure_on_client"), at(idx, "client.willingness")],
                   params),
            _not_secured(report, number))

    @KNOWLEDGE.finding(
        "KSR004", severity="risk", cf=0.7,
        title=Text("Declining willingness not addressed", "Menurunnya kesukarelaan tidak ditangani"),
        message=Text(
            "The client's willingness fell from {before} to {after} in session {session}, and "
            "neither rapport-building nor voluntariness was recorded in that session.",
            "Kesukarelaan konseli menurun dari {before} menjadi {after} pada sesi {session}, dan "
            "tidak tercatat upaya membina hubungan baik ataupun penjelasan asas kesukarelaan pada "
            "sesi "
            "itu."),
        recommendation=Text(
            "When willingness drops, stop and rebuild the relationship: reflect the client's "
            "hesitation, restate that taking part is their choice, and record what you did.",
            "Bila kesukarelaan menurun, berhenti sejenak dan bangun kembali hubungan: refleksikan "
            "keraguan konseli, tegaskan bahwa keikutsertaan adalah pilihannya, dan catat apa yang "
            "Anda lakukan."),
        why=WHY_NURTURE, source=SOURCE_P2,
        fail={"sessions[1].client.willingness": "reluctant",
              "sessions[1].opening.rapport_built": False},
        passing={"sessions[1].client.willingness": "reluctant",
                 "sessions[1].opening.rapport_built": True},
    )
    @Rule(SessionFact(prev_willingness=MATCH.before, willingness=MATCH.after,
                      rapport_built=MATCH.rapport, voluntariness_explained=MATCH.explained,
                      idx=MATCH.idx, number=MATCH.number),
          TEST(lambda before, after, rapport, explained:
               _declined(before, after) and rapport is not True and explained is not True))
    def ksr004_decline_not_addressed(self, report, before, after, rapport, explained, idx, number):
        self.declare(
            report(number, [at(idx - 1, "client.willingness"),
                            at(idx, "client.willingness"),
                            at(idx, "opening.rapport_built"),
                            at(idx, "opening.voluntariness_explained")],
                   {"before": before, "after": after, "session": number}),
            _not_secured(report, number))

    ksr005_trust_not_secured = KNOWLEDGE.derived(
        "KSR005", TRUST_NOT_SECURED, then=VOLUNTARINESS_NOT_SECURED,
        severity="risk", cf=0.8,
        title=Text("Voluntariness not secured (confidentiality)",
                   "Kesukarelaan tidak terjamin (kerahasiaan)"),
        message=Text(
            "Because confidentiality was not assured, the client's trust, and so their "
            "voluntariness, is not yet secured.",
            "Karena kerahasiaan tidak dijamin, kepercayaan konseli, dan dengan itu "
            "kesukarelaannya, belum terjamin."),
        recommendation=Text(
            "Put confidentiality right first (see {cause}); voluntariness grows from the "
            "client's belief that their secrets are safe.",
            "Benahi dahulu penerapan asas kerahasiaan (lihat {cause}); kesukarelaan tumbuh "
            "dari keyakinan konseli bahwa rahasianya terlindungi."),
        params=lambda because: {"cause": because[0]},
        why=Text("According to the source text: full voluntariness is the fruit of guaranteed "
                 "confidentiality; the "
                 "two are a dwi-tunggal that brings the client into the process.",
                 "Menurut teks sumber: kesukarelaan penuh adalah buah dari terjaminnya "
                 "kerahasiaan; keduanya "
                 "dwi-tunggal yang mengantarkan konseli ke proses layanan."),
        source=SOURCE_P1,
        fail={"sessions[0].opening.confidentiality_explained": False,
              "sessions[1].client.disclosure": "guarded"},
        passing={"sessions[0].opening.confidentiality_explained": True},
    )

    # what happened later: the client came back willing and open, so the presumed loss
    # of voluntariness did not happen
    @Rule(Finding(id="KSR005", session=MATCH.session),
          SessionFact(willingness="willing", disclosure=P(lambda d: d in ("open", "partial")),
                      number=MATCH.number, idx=MATCH.idx),
          TEST(lambda session, number: later(session, number)))
    def ksr005_defeated_by_later_willingness(self, session, number, idx):
        self.declare(defeat("KSR005", session, [at(idx, "client.willingness"),
                                                at(idx, "client.disclosure")],
                            "later_willing_open", {"sessions": number}))

    # -- documentation: what kesukarelaan needs to be assessed ---------------------
    @KNOWLEDGE.finding(
        "DOC011", severity="advice", cf=1.0, needed=True,
        title=Text("Referral source not documented", "Sumber rujukan tidak dicatat"),
        message=Text("The write-up does not say who brought the client to counseling "
                     "(case.referral.source).",
                     "Laporan tidak menyebutkan siapa yang membawa konseli ke konseling "
                     "(case.referral.source)."),
        recommendation=Text("Write `referral.source`: self, teacher, parent, ...",
                            "Tuliskan `referral.source`: self, teacher, parent, ..."),
        why=WHY_DOC, source=SOURCE_DOC,
        fail={"case.referral.source": None}, passing={"case.referral.source": "parent"},
    )
    @Rule(CaseFact(referral_source=None))
    def doc011_referral_source(self, report):
        self.declare(report(None, ["case.referral.source"]))

    @KNOWLEDGE.finding(
        "DOC012", severity="advice", cf=1.0, needed=True,
        title=Text("Opening of the first session not documented",
                   "Pembukaan sesi pertama tidak dicatat"),
        message=Text("The first session records neither whether rapport was built nor whether "
                     "voluntariness was explained.",
                     "Catatan sesi pertama tidak menyebutkan apakah hubungan baik dibina dan "
                     "apakah asas kesukarelaan dijelaskan."),
        recommendation=Text("Write `opening.rapport_built` and `opening.voluntariness_explained` "
                            "for the first session.",
                            "Tuliskan `opening.rapport_built` dan "
                            "`opening.voluntariness_explained` "
                            "pada sesi pertama."),
        why=WHY_DOC, source=SOURCE_DOC,
        fail={"sessions[0].opening.rapport_built": None,
              "sessions[0].opening.voluntariness_explained": None},
        passing={"sessions[0].opening.rapport_built": True,
                 "sessions[0].opening.voluntariness_explained": True},
    )
    @Rule(SessionFact(first=True, rapport_built=None, voluntariness_explained=None,
                      idx=MATCH.idx, number=MATCH.number))
    def doc012_first_opening(self, report, idx, number):
        self.declare(report(number, [at(idx, "opening.rapport_built"),
                                     at(idx, "opening.voluntariness_explained")]))

    doc013_willingness = KNOWLEDGE.not_documented(
        "DOC013", "willingness", at(0, "client.willingness"),
        severity="advice", cf=1.0, needed=True,
        title=Text("Client's willingness not documented", "Kesukarelaan konseli tidak dicatat"),
        message=Text("No session records the client's willingness (client.willingness).",
                     "Tidak ada sesi yang mencatat kesukarelaan konseli (client.willingness)."),
        recommendation=Text("Write `client.willingness` for each session: willing, hesitant, "
                            "reluctant or refused.",
                            "Tuliskan `client.willingness` di setiap sesi: willing, hesitant, "
                            "reluctant atau refused."),
        why=WHY_DOC, source=SOURCE_DOC,
        fail={"sessions[0].client.willingness": None, "sessions[1].client.willingness": None},
        passing={"sessions[0].client.willingness": "willing",
                 "sessions[1].client.willingness": "willing"},
    )
