"""Asas alih tangan kasus (case referral; profile bk12): a case beyond the counselor's
remit or competence goes to someone more able, properly -- a named, suitable target,
alternatives offered to the client, the client's agreement, and a report back to
whoever referred the client in.

In this profile the referral findings that the eight-principle profile files under
keahlian (KAH001: a serious risk kept beyond the remit; KAH005: a problem area outside
the documented competencies, not referred) are reported here, with the same IDs
(rules/profiles/bk12.yaml ``reassign``).  This module adds: referred without the
client's agreement, or without alternatives; the client's problem told to the target
without consent; no report back when the client was referred in.  Chain (Prayitno &
Amti: alih tangan kasus follows from the limits of a counselor's expertise): a trainee
without supervision (KAH002, keahlian) who holds a case with risk indicators has no one
to judge where their remit ends (ATK005).
"""

from asas.engine.judge.catalog import Text
from asas.engine.reason.compat import MATCH, TEST, P, Rule
from asas.engine.reason.facts import CaseFact, DisclosureFact, Finding
from asas.rules._bk12 import prayitno
from asas.rules._common import at
from asas.rules._registry import REGISTRY

KNOWLEDGE = REGISTRY.module("alih_tangan_kasus", principle="alih_tangan_kasus")

SOURCE = prayitno("alih tangan kasus")
WHY = Text(
    "Prayitno & Amti: when a problem is beyond the counselor's remit or ability, the case "
    "is handed on to a party more able to help; the handing on is itself a service to the "
    "client, done with their agreement, and the counselor stays responsible for "
    "coordinating it.",
    "Prayitno & Amti: bila masalah di luar kewenangan atau kemampuan konselor, kasus "
    "dialihkan kepada pihak yang lebih ahli; pengalihan itu sendiri adalah layanan bagi "
    "konseli, dilakukan dengan persetujuannya, dan konselor tetap bertanggung jawab "
    "mengoordinasikannya.")
REFERRED = {"case.referred_out": {"to": "psikolog", "session": 2,
                                  "reason": "Gejala kecemasan berat.",
                                  "alternatives_offered": True, "client_agreed": True}}


def _referred(**changes) -> dict:
    out = dict(REFERRED["case.referred_out"], **changes)
    return {"case.referred_out": {k: v for k, v in out.items() if v is not None}}


ATK001 = {
    "severity": "risk",
    "cf": 0.8,
    "title": Text("Referred without the client's agreement",
                  "Dialihtangankan tanpa persetujuan konseli"),
    "message": Text("The case was handed on to {to} without the client's agreement.",
                    "Kasus dialihtangankan kepada {to} tanpa persetujuan konseli."),
    "recommendation": Text(
        "Explain to the client why another helper can do more, what the referral involves, "
        "and ask for their agreement before you refer; record it.",
        "Jelaskan kepada konseli mengapa pihak lain dapat membantu lebih baik dan apa yang "
        "akan terjadi, lalu mintalah persetujuannya sebelum kasus dialihtangankan; catat "
        "persetujuan itu."),
    "why": WHY,
    "source": SOURCE,
    "fail": _referred(client_agreed=False),
    "passing": _referred(),
}

ATK002 = {
    "severity": "risk",
    "cf": 0.6,
    "title": Text("Referred without alternatives", "Dialihtangankan tanpa pilihan"),
    "message": Text("The case was handed on to {to} without offering the client a choice of "
                    "whom to see.",
                    "Kasus dialihtangankan kepada {to} tanpa menawarkan pilihan pihak tujuan "
                    "kepada konseli."),
    "recommendation": Text("Offer the client more than one suitable helper where you can, and let "
                           "them choose.",
                           "Tawarkan kepada konseli lebih dari satu pihak yang sesuai bila mungkin, "
                           "dan biarkan ia memilih."),
    "why": WHY,
    "source": SOURCE,
    "fail": _referred(alternatives_offered=False),
    "passing": _referred(),
}

ATK003 = {
    "severity": "risk",
    "cf": 0.8,
    "title": Text("The problem told to the referral target without consent",
                  "Masalah konseli disampaikan kepada pihak tujuan tanpa persetujuan"),
    "message": Text("The client's information was passed to {to}, whom the case was handed on to, "
                    "without the client's documented consent.",
                    "Informasi konseli disampaikan kepada {to}, pihak tujuan alih tangan kasus, "
                    "tanpa persetujuan konseli yang tercatat."),
    "recommendation": Text(
        "Agree with the client what the referral letter or conversation will say before "
        "anything is passed on; pass on only that.",
        "Sepakati bersama konseli isi surat atau pembicaraan alih tangan sebelum apa pun "
        "disampaikan; sampaikan hanya yang disepakati."),
    "why": WHY,
    "source": SOURCE,
    "fail": {**_referred(), "sessions[1].disclosures": [
           {"to": "Psikolog", "content": "Ringkasan masalah konseli.", "client_consent": False,
            "client_informed": True, "reason": "coordination"}]},
    "passing": {**_referred(), "sessions[1].disclosures": [
           {"to": "Psikolog", "content": "Ringkasan masalah konseli.", "client_consent": True,
            "client_informed": True, "reason": "coordination"}]},
}

ATK004 = {
    "severity": "advice",
    "cf": 0.6,
    "title": Text("No report back to whoever referred the client",
                  "Tidak ada laporan balik kepada perujuk"),
    "message": Text("The client was sent by {source}, and no report went back to them "
                    "(referral.feedback_given).",
                    "Konseli dikirim oleh {source}, dan tidak ada laporan balik kepadanya "
                    "(referral.feedback_given)."),
    "recommendation": Text(
        "Tell the person who referred the client, in general terms and with the client's "
        "agreement, that the case is being handled and how they can support it.",
        "Sampaikan kepada pihak yang mengirim konseli, secara umum dan dengan persetujuan "
        "konseli, bahwa kasus sedang ditangani dan bagaimana ia dapat mendukungnya."),
    "why": WHY,
    "source": SOURCE,
    "fail": {"case.referral.source": "homeroom_teacher", "case.referral.feedback_given": False},
    "passing": {"case.referral.source": "homeroom_teacher", "case.referral.feedback_given": True},
}

ATK005 = {
    "severity": "risk",
    "cf": 0.8,
    "derived": True,
    "title": Text("No one to judge the limits of the remit",
                  "Tidak ada yang menimbang batas kewenangan"),
    "message": Text(
        "A trainee without supervision (KAH002) held a case with risk indicators ({risks}) "
        "and did not refer it: no one judged whether it was beyond their remit.",
        "Praktikan tanpa supervisi (KAH002) menangani kasus dengan indikator risiko "
        "({risks}) dan tidak mengalihtangankannya: tidak ada yang menimbang apakah kasus itu "
        "di luar kewenangannya."),
    "recommendation": Text(
        "Bring a case with any risk indicator to your supervisor (guru pamong, dosen "
        "pembimbing) at once, and decide together whether to refer it.",
        "Bawa kasus dengan indikator risiko apa pun kepada supervisor (guru pamong, dosen "
        "pembimbing) segera, dan putuskan bersama apakah perlu dialihtangankan."),
    "why": Text("Prayitno & Amti: alih tangan kasus follows from the limits of the counselor's "
                "expertise; a trainee learns where those limits are under supervision.",
                "Prayitno & Amti: alih tangan kasus berangkat dari batas keahlian konselor; "
                "praktikan belajar mengenali batas itu di bawah supervisi."),
    "source": SOURCE,
    "fail": {"case.counselor.supervised": False, "case.problem.risk": ["substance_use"]},
    "passing": {"case.counselor.supervised": False, "case.problem.risk": ["substance_use"],
                **_referred()},
}

WHY_DOC = Text(
    "Without this observation the report cannot show whether the case was handed on "
    "properly (alih tangan kasus); a practicum report that omits it cannot earn credit "
    "for it.",
    "Tanpa pengamatan ini laporan tidak dapat menunjukkan apakah kasus dialihtangankan "
    "dengan semestinya; laporan praktikum yang tidak memuatnya tidak dapat dinilai untuk "
    "asas itu.")

DOC101 = {
    "severity": "advice",
    "cf": 1.0,
    "needed": True,
    "title": Text("Client's agreement to the referral not documented",
                  "Persetujuan konseli atas alih tangan kasus tidak dicatat"),
    "message": Text("The case was handed on, and the write-up does not say whether the client "
                    "agreed (referred_out.client_agreed) or was offered alternatives "
                    "(referred_out.alternatives_offered).",
                    "Kasus dialihtangankan, dan laporan tidak menyebutkan apakah konseli "
                    "menyetujuinya (referred_out.client_agreed) atau ditawari pilihan "
                    "(referred_out.alternatives_offered)."),
    "recommendation": Text("Write `referred_out.client_agreed` and "
                           "`referred_out.alternatives_offered`.",
                           "Tuliskan `referred_out.client_agreed` dan "
                           "`referred_out.alternatives_offered`."),
    "why": WHY_DOC,
    "source": SOURCE,
    "fail": _referred(client_agreed=None, alternatives_offered=None),
    "passing": _referred(),
}

DOC102 = {
    "severity": "advice",
    "cf": 1.0,
    "title": Text("Report back to the referrer not documented",
                  "Laporan balik kepada perujuk tidak dicatat"),
    "message": Text("The client was sent by {source}; the write-up does not say whether a report "
                    "went back to them (referral.feedback_given).",
                    "Konseli dikirim oleh {source}; laporan tidak menyebutkan apakah ada laporan "
                    "balik kepadanya (referral.feedback_given)."),
    "recommendation": Text("Write `referral.feedback_given` (true or false).",
                           "Tuliskan `referral.feedback_given` (true atau false)."),
    "why": WHY_DOC,
    "source": SOURCE,
    "fail": {"case.referral.source": "homeroom_teacher"},
    "passing": {"case.referral.source": "homeroom_teacher", "case.referral.feedback_given": True},
}


# sent in by someone else (not the client's own initiative).  A TEST rather than
# ``MATCH.source & P(...)``: the fast network (engine/reason/fastrete.py) compiles no
# AND of field constraints, and would fall back to experta's own for the whole profile.
_SENT = TEST(lambda source: source is not None and source != "self")


@KNOWLEDGE.rules
class AlihTanganKasus:
    @KNOWLEDGE.finding("ATK001", **ATK001)
    @Rule(CaseFact(referred_out=True, referral_agreed=False, referred_out_to=MATCH.to))
    def atk001_referred_not_agreed(self, report, to):
        self.declare(report(None, ["case.referred_out.client_agreed"], {"to": to}))

    @KNOWLEDGE.finding("ATK002", **ATK002)
    @Rule(CaseFact(referred_out=True, alternatives_offered=False, referred_out_to=MATCH.to))
    def atk002_no_alternatives(self, report, to):
        self.declare(report(None, ["case.referred_out.alternatives_offered"], {"to": to}))

    @KNOWLEDGE.finding("ATK003", **ATK003)
    @Rule(CaseFact(referred_out=True, referred_out_to=MATCH.to),
          DisclosureFact(to_key=MATCH.to, client_consent=P(lambda v: v is not True),
                         idx=MATCH.idx, item=MATCH.item))
    def atk003_told_target_without_consent(self, report, to, idx, item):
        self.declare(report(None, [at(idx, f"disclosures[{item}].client_consent")],
                            {"to": to}))

    @KNOWLEDGE.finding("ATK004", **ATK004)
    @Rule(CaseFact(referral_source=MATCH.source, feedback_given=False,
                   feedback_activity=False), _SENT)
    def atk004_no_report_back(self, report, source):
        self.declare(report(None, ["case.referral.feedback_given"], {"source": source}))

    # the chain: alih tangan kasus builds on keahlian's limits (KAH002)
    @KNOWLEDGE.finding("ATK005", **ATK005)
    @Rule(Finding(id="KAH002", session=MATCH.session),
          CaseFact(referred_out=False, risk=MATCH.risks),
          TEST(lambda risks: bool(risks)))
    def atk005_unsupervised_with_risk(self, report, session, risks):
        self.declare(report(None, derived_from=[("KAH002", session)],
                            params={"risks": tuple(risks)}))

    # -- documentation ---------------------------------------------------------------
    @KNOWLEDGE.finding("DOC101", **DOC101)
    @Rule(CaseFact(referred_out=True, referral_agreed=None))
    def doc101_referral_agreement(self, report):
        self.declare(report(None, ["case.referred_out"]))

    @KNOWLEDGE.fires("DOC101")
    @Rule(CaseFact(referred_out=True, referral_agreed=P(lambda v: v is not None),
                   alternatives_offered=None))
    def doc101_referral_alternatives(self, report):
        self.declare(report(None, ["case.referred_out"]))

    @KNOWLEDGE.finding("DOC102", **DOC102)
    @Rule(CaseFact(referral_source=MATCH.source, feedback_given=None,
                   feedback_activity=False), _SENT)
    def doc102_report_back(self, report, source):
        self.declare(report(None, ["case.referral.source"], {"source": source}))
