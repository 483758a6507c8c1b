"""Asas keterpaduan (integration; profile bk12): the counselor's services and what other
people do for the client support each other, coordinated -- data from more than one
source (AUM, observation, the homeroom teacher, the parents), supporting activities
(case conference, home visit, consultation) linked to the case and done with the
client's agreement.

Direct findings: a supporting activity without the client's agreement (a risk here;
when it also breaks confidentiality, kerahasiaan judges that disclosure as a
violation); a case with a serious risk handled by the counselor alone -- no supporting
activity, no referral, no one told for the client's safety (a risk); the data from one
source only (advice).
"""

from asas.engine.judge.catalog import Text
from asas.engine.reason.compat import MATCH, NOT, TEST, Rule
from asas.engine.reason.facts import ActivityFact, CaseFact, DisclosureFact
from asas.rules._bk12 import prayitno
from asas.rules._registry import REGISTRY
from asas.rules.keahlian import SERIOUS_RISKS

KNOWLEDGE = REGISTRY.module("keterpaduan", principle="keterpaduan")

SOURCE = prayitno("keterpaduan")
SOURCE_SUPPORT = prayitno("keterpaduan", "kegiatan pendukung (himpunan data, konferensi kasus, "
                          "kunjungan rumah)", "kegiatan pendukung (himpunan data, konferensi "
                          "kasus, kunjungan rumah)")
WHY = Text(
    "Prayitno & Amti: the services of guidance and counseling, and what other parties do "
    "for the client, must be integrated: they support each other and do not work at cross "
    "purposes. That needs coordination, and the client's trust in it.",
    "Prayitno & Amti: berbagai layanan bimbingan dan konseling, serta upaya pihak lain "
    "bagi konseli, harus terpadu: saling menunjang dan tidak saling bertentangan. Untuk itu "
    "diperlukan koordinasi, yang tetap dilandasi kepercayaan konseli.")

KPD001 = {
    "severity": "risk",
    "cf": 0.75,
    "title": Text("Supporting activity without the client's agreement",
                  "Kegiatan pendukung tanpa persetujuan konseli"),
    "message": Text(
        "A supporting activity ({kind}) was carried out without the client's agreement.",
        "Kegiatan pendukung ({kind}) dilaksanakan tanpa persetujuan konseli."),
    "recommendation": Text(
        "Before a case conference, home visit or consultation, explain to the client why it "
        "helps, what will and will not be shared, and ask for their agreement; record it.",
        "Sebelum konferensi kasus, kunjungan rumah, atau konsultasi, jelaskan kepada konseli "
        "manfaatnya, apa yang akan dan tidak akan disampaikan, lalu mintalah persetujuannya; "
        "catat persetujuan itu."),
    "why": WHY,
    "source": SOURCE_SUPPORT,
    "fail": {"case.supporting_activities": [{"kind": "home_visit", "with_whom": "orang tua",
                                             "session": 1, "client_agreed": False}]},
    "passing": {"case.supporting_activities": [{"kind": "home_visit", "with_whom": "orang tua",
                                                "session": 1, "client_agreed": True}]},
}

KPD002 = {
    "severity": "advice",
    "cf": 0.6,
    "title": Text("Data from one source only", "Data hanya dari satu sumber"),
    "message": Text("The data about the client come from one source only ({sources}).",
                    "Data tentang konseli hanya berasal dari satu sumber ({sources})."),
    "recommendation": Text(
        "Complete the picture from a second source: an AUM or another instrument, "
        "observation, the homeroom teacher, the parents, documents.",
        "Lengkapi gambaran dari sumber kedua: AUM atau instrumen lain, observasi, wali kelas, "
        "orang tua, dokumen."),
    "why": WHY,
    "source": SOURCE_SUPPORT,
    "fail": {"case.data_sources": ["observation"]},
    "passing": {"case.data_sources": ["observation", "homeroom_teacher"]},
}

WHY_DOC = Text(
    "Without this observation the report cannot show whether the service was integrated "
    "(keterpaduan); a practicum report that omits it cannot earn credit for it.",
    "Tanpa pengamatan ini laporan tidak dapat menunjukkan apakah layanan terpadu (asas "
    "keterpaduan); laporan praktikum yang tidak memuatnya tidak dapat dinilai untuk asas "
    "itu.")

KPD003 = {
    "severity": "risk",
    "cf": 0.7,
    "title": Text("A serious risk handled alone", "Risiko serius ditangani sendiri"),
    "message": Text(
        "The case shows a risk of {risks}, and the counselor worked alone: no supporting "
        "activity, no referral, and no one informed for the client's safety.",
        "Kasus ini menunjukkan risiko {risks}, dan konselor bekerja sendiri: tidak ada "
        "kegiatan pendukung, tidak ada alih tangan kasus, dan tidak ada pihak yang diberi "
        "tahu demi keselamatan konseli."),
    "recommendation": Text(
        "Bring the people who can protect the client into the work, with the client's "
        "knowledge: a case conference with your supervisor and the homeroom teacher, the "
        "parents where it is safe, or a referral.",
        "Libatkan pihak yang dapat melindungi konseli, dengan sepengetahuan konseli: "
        "konferensi kasus bersama supervisor dan wali kelas, orang tua bila aman, atau alih "
        "tangan kasus."),
    "why": WHY,
    "source": SOURCE_SUPPORT,
    "fail": {"case.problem.risk": ["self_harm"]},
    "passing": {"case.problem.risk": ["self_harm"],
                "case.supporting_activities": [{"kind": "case_conference",
                                                "with_whom": "supervisor dan wali kelas",
                                                "session": 1, "client_agreed": True}]},
}

DOC091 = {
    "severity": "advice",
    "cf": 1.0,
    "needed": True,
    "title": Text("Sources of data not documented", "Sumber data tidak dicatat"),
    "message": Text("The write-up does not say where the data about the client came from "
                    "(case.data_sources).",
                    "Laporan tidak menyebutkan dari mana data tentang konseli diperoleh "
                    "(case.data_sources)."),
    "recommendation": Text("Write `case.data_sources`: aum, observation, homeroom_teacher, parent, "
                           "peer, documents or other.",
                           "Tuliskan `case.data_sources`: aum, observation, homeroom_teacher, "
                           "parent, peer, documents atau other."),
    "why": WHY_DOC,
    "source": SOURCE,
    "fail": {"case.data_sources": None},
    "passing": {"case.data_sources": ["aum", "observation"]},
}

DOC092 = {
    "severity": "advice",
    "cf": 1.0,
    "title": Text("Client's agreement to a supporting activity not documented",
                  "Persetujuan konseli atas kegiatan pendukung tidak dicatat"),
    "message": Text("A supporting activity ({kind}) does not say whether the client agreed to it "
                    "(client_agreed).",
                    "Kegiatan pendukung ({kind}) tidak menyebutkan apakah konseli menyetujuinya "
                    "(client_agreed)."),
    "recommendation": Text("Write `client_agreed` for each supporting activity.",
                           "Tuliskan `client_agreed` untuk setiap kegiatan pendukung."),
    "why": WHY_DOC,
    "source": SOURCE_SUPPORT,
    "fail": {"case.supporting_activities": [{"kind": "consultation", "with_whom": "wali kelas"}]},
    "passing": {"case.supporting_activities": [{"kind": "consultation", "with_whom": "wali kelas",
                                                "client_agreed": True}]},
}


def _activity(item: int) -> str:
    return f"case.supporting_activities[{item}]"


@KNOWLEDGE.rules
class Keterpaduan:
    @KNOWLEDGE.finding("KPD001", **KPD001)
    @Rule(ActivityFact(client_agreed=False, kind=MATCH.kind, item=MATCH.item))
    def kpd001_activity_not_agreed(self, report, kind, item):
        self.declare(report(None, [f"{_activity(item)}.client_agreed"],
                            {"kind": kind, "item": item}))

    @KNOWLEDGE.finding("KPD002", **KPD002)
    @Rule(CaseFact(data_sources=MATCH.sources),
          TEST(lambda sources: sources is not None and len(set(sources)) == 1))
    def kpd002_one_source(self, report, sources):
        self.declare(report(None, ["case.data_sources"], {"sources": sources[0]}))

    @KNOWLEDGE.finding("KPD003", **KPD003)
    @Rule(CaseFact(risk=MATCH.risk, referred_out=False),
          TEST(lambda risk: any(r in SERIOUS_RISKS for r in risk)),
          NOT(ActivityFact()),
          NOT(DisclosureFact(reason="safety")))
    def kpd003_serious_risk_alone(self, report, risk):
        self.declare(report(None, ["case.problem.risk"],
                            {"risks": tuple(r for r in risk if r in SERIOUS_RISKS)}))

    # -- documentation ---------------------------------------------------------------
    @KNOWLEDGE.finding("DOC091", **DOC091)
    @Rule(CaseFact(data_sources=None))
    def doc091_data_sources(self, report):
        self.declare(report(None, ["case.data_sources"]))

    @KNOWLEDGE.finding("DOC092", **DOC092)
    @Rule(ActivityFact(client_agreed=None, kind=MATCH.kind, item=MATCH.item))
    def doc092_activity_agreement(self, report, kind, item):
        self.declare(report(None, [_activity(item)], {"kind": kind, "item": item}))
