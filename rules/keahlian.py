"""Asas keahlian (expertise): a professional applies approaches, techniques and all the
principles together, within their competence, for the client's sake.

Direct findings: risk beyond competence without referral (alih tangan kasus), a trainee
without supervision, no evaluation (penilaian).

Chain 4 (knowledge-base.md) ends here: expertise is all the principles applied together,
so three or more of the other seven principles at risk or violated by findings drawn
directly from the facts put expertise in question (KAH004).  Derived findings do not
count: one root cause is one lapse.

How it is counted: a tally fact starts empty (DefFacts); at a low salience, after the
principle rules have drawn their findings, one rule adds each failing principle to it,
keeping its strongest direct finding (highest rule CF, then lowest ID, so the result
does not depend on the order rules fire in); at a lower salience still, KAH004 fires
once on the final tally.  The agenda runs the highest salience first, so every tally
update has happened before KAH004 is considered.
"""

from asas.engine.judge.catalog import PRINCIPLES, Text
from asas.engine.reason.compat import AS, EXISTS, MATCH, NOT, TEST, DefFacts, Fact, P, Rule
from asas.engine.reason.facts import CaseFact, DisclosureFact, Finding, SessionFact
from asas.rules._common import at
from asas.rules._registry import REGISTRY, RuleSet

KNOWLEDGE = REGISTRY.module("keahlian")

SOURCE_P2 = Text("Asas kenormatifan dan keahlian (normativity and expertise), ¶2",
                 "Asas kenormatifan dan keahlian, ¶2")
SOURCE_DEF = Text("Pengertian konseling individual (definition), ¶2; "
                  "Asas kenormatifan dan keahlian, ¶2",
                  "Pengertian konseling individual, ¶2; Asas kenormatifan dan keahlian, ¶2")
SOURCE_SYNERGY = Text("Pengertian konseling individual (definition), ¶4; "
                      "Asas kenormatifan dan keahlian, ¶2",
                      "Pengertian konseling individual, ¶4; Asas kenormatifan dan keahlian, ¶2")
WHY_EXPERT = Text(
    "According to the source text: the client asks for help from a counselor who is a professional "
    "in their "
    "post, with the knowledge and skills they hold, and the counselor devotes that "
    "expertise to the client's interest.",
    "Menurut teks sumber: konseli meminta bantuan kepada konselor sebagai petugas yang profesional "
    "dalam "
    "jabatannya dengan pengetahuan dan keterampilan yang dimilikinya, dan konselor "
    "mencurahkan keahlian profesionalnya untuk kepentingan konseli.")

# risks that need a referral out, unless a professional holds the competence named
SERIOUS_RISKS = ("self_harm", "suicidal_ideation", "harm_to_others", "abuse",
                 "psychiatric_symptoms")
COVERED_BY = {"self_harm": "crisis", "suicidal_ideation": "crisis",
              "harm_to_others": "crisis", "psychiatric_symptoms": "clinical"}
REPORT_REASONS = ("safety", "legal_duty")   # a disclosure for these counts as a report


def uncovered_risks(risk, role, competencies, reported: bool) -> tuple:
    """The serious risks of a case not referred out that the counselor may not hold alone.

    Abuse always needs a referral or a report; the others are covered by a professional
    whose competencies include ``crisis`` (self-harm, suicide, harm to others) or
    ``clinical`` (psychiatric symptoms).
    """
    held = set(competencies or ()) if role == "professional" else set()
    out = []
    for r in risk:
        if r not in SERIOUS_RISKS:
            continue
        if r == "abuse":
            if not reported:
                out.append(r)
        elif COVERED_BY[r] not in held:
            out.append(r)
    return tuple(out)


WHY_DOC = Text(
    "Without this observation the report cannot show whether expertise was upheld; a "
    "practicum report that omits it cannot earn credit for it.",
    "Tanpa pengamatan ini laporan tidak dapat menunjukkan apakah asas keahlian "
    "ditegakkan; laporan praktikum yang tidak memuatnya tidak dapat dinilai untuk asas itu.")

_REPORT = P(lambda reason: reason in REPORT_REASONS)
_KAH001_EVIDENCE = ["case.problem.risk", "case.counselor.role", "case.counselor.competencies"]


# Where BK is organised in its four fields of service (bidang layanan pribadi, sosial,
# belajar, karier): a school, and a university's counseling service (UPT BK).
BK_SETTINGS = ("school", "university")


def _outside(areas, competencies, setting) -> tuple:
    """The problem's areas outside the counselor's recorded competencies.  In a school or
    a university, the family side of a student's problem belongs to the personal-social
    field of BK (konsultasi with the parents, a home visit, a case conference), not to a
    separate competence: a counselor competent in the personal or social field holds it.
    (The four bidang layanan are Indonesian BK practice, not named by the source text; the
    source sets individual counseling to help with the problems of the client's life and
    their "kesukaran pribadi", which is where a student's family trouble falls.)
    A write-up that does not record its setting is not presumed to come from a clinic:
    nothing shows the family side to be a separate competence there, so the finding is
    not drawn (open-world: an unknown setting is no evidence)."""
    held = set(competencies)
    if (setting is None or setting in BK_SETTINGS) and held & {"personal", "social"}:
        held.add("family")
    return tuple(a for a in areas if a not in held)


def _beyond_competence(self, report, risk, role, competencies, reported):
    risks = uncovered_risks(risk, role, competencies, reported)
    params: dict[str, object] = {"risks": risks}
    if "abuse" in risks:     # a duty to report, whatever the counselor's competence
        params["variant"] = "abuse" if len(risks) == 1 else "abuse_and_more"
    self.declare(report(None, _KAH001_EVIDENCE, params))


# -- chain 4 (KAH004): the tally of failing principles --------------------------------
OTHER_PRINCIPLES = tuple(p for p in PRINCIPLES if p != KNOWLEDGE.principle)
FAILING = ("risk", "violation")
TALLY_SALIENCE = -10
KAH004_SALIENCE = -20      # below the tally: fires once, on the final count
CHAIN4_MINIMUM = 3


class FailingPrinciples(Fact):
    """Chain 4's tally: ``strongest``, one ``(principle, cf, id, session)`` for each
    principle failing through direct findings, in the order of PRINCIPLES."""


def _stronger(principle, cf, id, strongest) -> bool:
    """Is this finding stronger than the one the tally keeps for its principle?"""
    if principle not in OTHER_PRINCIPLES:
        return False
    for kept_principle, kept_cf, kept_id, _ in strongest:
        if kept_principle == principle:
            return (cf, kept_id) > (kept_cf, id)
    return True


@KNOWLEDGE.rules
class Keahlian(RuleSet):
    # KAH001, in two mutually exclusive rules: whether or not a disclosure for safety or
    # a legal duty (a report) was made; the TEST asks which risks stay uncovered.
    @KNOWLEDGE.finding(
        "KAH001", severity="violation", cf=0.9,
        title=Text("Risk beyond competence, not referred",
                   "Risiko di luar kompetensi, tidak dialihtangankan"),
        message=Text(
            "The case shows a risk of {risks}, which the counselor is not recorded as "
            "competent to handle alone, and the case was not referred out (alih tangan kasus).",
            "Kasus ini menunjukkan risiko {risks}, yang tidak tercatat sebagai kompetensi "
            "konselor untuk ditangani sendiri, dan kasus tidak dialihtangankan."),
        variants={
            "abuse": {
                "title": Text("Abuse not reported", "Kekerasan tidak dilaporkan"),
                "message": Text(
                    "The case shows abuse, and it was neither reported to those responsible "
                    "for the client's protection nor referred out. Abuse is a duty to report, "
                    "whatever the counselor's competence.",
                    "Kasus ini menunjukkan kekerasan, tetapi tidak dilaporkan kepada pihak yang "
                    "bertanggung jawab atas perlindungan konseli dan tidak dialihtangankan. "
                    "Kekerasan wajib dilaporkan, apa pun kompetensi konselor.")},
            "abuse_and_more": {"message": Text(
                "The case shows a risk of {risks}, and the case was not referred out (alih "
                "tangan kasus). Abuse is a duty to report, whatever the counselor's "
                "competence; the other risks need a referral unless the counselor is "
                "recorded as competent in them.",
                "Kasus ini menunjukkan risiko {risks}, dan kasus tidak dialihtangankan. "
                "Kekerasan wajib dilaporkan, apa pun kompetensi konselor; risiko lainnya "
                "perlu dialihtangankan kecuali tercatat sebagai kompetensi konselor.")},
        },
        recommendation=Text(
            "Refer the case (alih tangan kasus) to a psychologist, psychiatrist or crisis "
            "service, or to a colleague competent in it; for abuse, report it to those "
            "responsible for the client's protection. Record the referral and keep supporting "
            "the client meanwhile.",
            "Alihtangankan kasus kepada psikolog, psikiater, layanan krisis, atau rekan yang "
            "berwenang; untuk kekerasan, laporkan kepada pihak yang bertanggung jawab atas "
            "perlindungan konseli. Catat alih tangan kasus itu dan tetap dampingi konseli "
            "sementara itu."),
        why=WHY_EXPERT, source=SOURCE_DEF,
        fail={"case.problem.risk": ["suicidal_ideation"]},
        passing={"case.problem.risk": ["suicidal_ideation"],
                 "case.counselor.role": "professional",
                 "case.counselor.competencies": ["personal", "social", "crisis"]},
    )
    @Rule(CaseFact(risk=MATCH.risk, referred_out=False, role=MATCH.role,
                   competencies=MATCH.competencies),
          NOT(DisclosureFact(reason=_REPORT)),
          TEST(lambda risk, role, competencies:
               uncovered_risks(risk, role, competencies, False)))
    def kah001_risk_not_referred(self, report, risk, role, competencies):
        _beyond_competence(self, report, risk, role, competencies, False)

    @KNOWLEDGE.fires("KAH001")
    @Rule(CaseFact(risk=MATCH.risk, referred_out=False, role=MATCH.role,
                   competencies=MATCH.competencies),
          EXISTS(DisclosureFact(reason=_REPORT)),
          TEST(lambda risk, role, competencies:
               uncovered_risks(risk, role, competencies, True)))
    def kah001_risk_not_referred_reported(self, report, risk, role, competencies):
        _beyond_competence(self, report, risk, role, competencies, True)

    @KNOWLEDGE.finding(
        "KAH002", severity="risk", cf=0.8,
        title=Text("Trainee without supervision", "Praktikan tanpa supervisi"),
        message=Text("The counselor is a trainee and worked without a supervisor's guidance.",
                     "Konselor adalah praktikan dan bekerja tanpa bimbingan guru pamong atau dosen "
                     "pembimbing (supervisi)."),
        recommendation=Text(
            "Work under a supervisor: discuss each session with them, and agree beforehand "
            "what to do when a case goes beyond what you can handle.",
            "Bekerjalah dengan bimbingan guru pamong atau dosen pembimbing (supervisi): "
            "diskusikan setiap sesi dengannya, dan sepakati sebelumnya apa yang dilakukan bila "
            "kasus melampaui kemampuan Anda."),
        why=Text("The source asks for a professional with knowledge and skills; a trainee is "
                 "still acquiring them, and supervision is what keeps the service expert.",
                 "Menurut teks sumber, konseling diberikan oleh petugas profesional dengan "
                 "pengetahuan dan keterampilan; "
                 "praktikan masih mengembangkannya, dan supervisilah yang menjaga mutu keahlian "
                 "layanan."),
        source=SOURCE_DEF,
        fail={"case.counselor.supervised": False},
        passing={"case.counselor.supervised": False, "case.counselor.role": "professional"},
    )
    @Rule(CaseFact(role="trainee", supervised=False))
    def kah002_trainee_unsupervised(self, report):
        self.declare(report(None, ["case.counselor.role", "case.counselor.supervised"]))

    # KAH003: no evaluation anywhere, and at least one of evaluation.done / stages is
    # documented; two mutually exclusive rules so the finding is drawn once.
    @KNOWLEDGE.finding(
        "KAH003", severity="risk", cf=0.7,
        title=Text("No evaluation (penilaian)", "Tidak ada penilaian"),
        message=Text("No session records an evaluation: neither an immediate evaluation "
                     "(evaluation.done) nor the penilaian stage.",
                     "Tidak ada sesi yang mencatat penilaian: baik penilaian segera (laiseg, "
                     "evaluation.done) maupun tahap penilaian."),
        recommendation=Text(
            "End each session with an immediate evaluation: what the client now understands, "
            "how they feel, and what they plan to do; record it.",
            "Akhiri setiap sesi dengan penilaian segera (laiseg): apa yang kini dipahami "
            "konseli, bagaimana perasaannya, dan apa yang akan ia lakukan; catat hasilnya."),
        why=Text("The source sets the aim as the alleviation of the client's problem and asks "
                 "the expert to devote their expertise to the client; without evaluating the "
                 "session the counselor cannot know whether that aim was reached. (Penilaian "
                 "is the closing stage of individual counseling in Indonesian guidance "
                 "practice; the source does not name it.)",
                 "Menurut teks sumber, tujuan layanan adalah terentaskannya masalah konseli, dan "
                 "konselor mencurahkan keahliannya untuk kepentingan konseli; tanpa "
                 "penilaian konselor tidak dapat mengetahui apakah tujuan itu tercapai. "
                 "(Penilaian adalah tahap penutup konseling individual dalam praktik bimbingan "
                 "dan konseling; sumber tidak menyebutnya secara langsung.)"),
        source=Text("Tujuan Konseling individual (aims), ¶2; "
                    "Asas kenormatifan dan keahlian, ¶2",
                    "Tujuan Konseling individual, ¶2; Asas kenormatifan dan keahlian, ¶2"),
        fail={"sessions[0].evaluation.done": False, "sessions[1].evaluation.done": False,
              "sessions[0].stages": ["pengantaran", "penjajakan", "penafsiran", "pembinaan"],
              "sessions[1].stages": ["pengantaran", "penafsiran", "pembinaan"]},
        passing={"sessions[0].evaluation.done": False, "sessions[1].evaluation.done": False,
                 "sessions[0].stages": ["pengantaran", "penjajakan", "penafsiran", "pembinaan"]},
    )
    @Rule(CaseFact(sessions=MATCH.sessions),
          NOT(SessionFact(evaluation_done=True)),
          NOT(SessionFact(stages=P(lambda s: s is not None and "penilaian" in s))),
          EXISTS(SessionFact(evaluation_done=False)))
    def kah003_no_evaluation_done_documented(self, report, sessions):
        self.declare(report(None, _evaluation_paths(sessions)))

    @KNOWLEDGE.fires("KAH003")
    @Rule(CaseFact(sessions=MATCH.sessions),
          NOT(SessionFact(evaluation_done=True)),
          NOT(SessionFact(stages=P(lambda s: s is not None and "penilaian" in s))),
          NOT(SessionFact(evaluation_done=False)),
          EXISTS(SessionFact(stages=P(lambda s: s is not None))))
    def kah003_no_evaluation_stages_documented(self, report, sessions):
        self.declare(report(None, _evaluation_paths(sessions)))

    # -- chain 4: KAH004 -------------------------------------------------------------
    @DefFacts()
    def _chain4_tally(self):
        yield FailingPrinciples(strongest=())

    @Rule(Finding(principle=MATCH.principle, direct=True, id=MATCH.id, session=MATCH.session,
                  cf=MATCH.cf, severity=P(lambda severity: severity in FAILING)),
          AS.tally << FailingPrinciples(strongest=MATCH.strongest),
          TEST(_stronger),
          salience=TALLY_SALIENCE)
    def kah004_tally_failing_principle(self, principle, cf, id, session, tally, strongest):
        kept = [entry for entry in strongest if entry[0] != principle]
        kept.append((principle, cf, id, session))
        kept.sort(key=lambda entry: PRINCIPLES.index(entry[0]))
        self.modify(tally, strongest=tuple(kept))

    @KNOWLEDGE.finding(
        "KAH004", severity="risk", cf=0.75, derived=True,
        title=Text("Expertise in question: principles not applied together",
                   "Keahlian dipertanyakan: asas tidak diterapkan secara terpadu"),
        message=Text("Other principles ({principles}; {count} of them) failed through findings "
                     "drawn directly from the write-up: the principles were not applied "
                     "together.",
                     "Asas-asas lain ({principles}; sebanyak {count}) tidak terlaksana menurut "
                     "temuan langsung dari laporan: asas-asas belum diterapkan secara "
                     "terpadu."),
        recommendation=Text(
            "Review the findings this rests on with your supervisor and plan, before the next "
            "session, how you will apply each principle.",
            "Tinjau temuan-temuan yang menjadi dasarnya bersama supervisor, dan rencanakan "
            "sebelum sesi berikutnya bagaimana Anda akan menerapkan setiap asas."),
        why=Text("According to the source text: an expert counselor applies the approaches, "
                 "techniques and "
                 "principles of counseling synergistically; expertise shows in all the "
                 "principles applied together.",
                 "Menurut teks sumber: seorang ahli (konselor) mampu menerapkan secara sinergis "
                 "berbagai "
                 "pendekatan, teknik, dan asas-asas konseling; keahlian tampak dari diterapkannya "
                 "semua asas secara terpadu."),
        source=SOURCE_SYNERGY,
        fail={"sessions[0].counselor.time_focus": "past",
              "sessions[0].client.activity": "passive",
              "sessions[0].counselor.norm_conflicts": [
                  {"norm": "religion",
                   "note": "Konselor menyarankan konseli meninggalkan ibadah."}]},
        # two principles failing directly (kekinian, kegiatan) do not put expertise in
        # question; the example keeps no harmful act
        passing={"sessions[0].counselor.time_focus": "past",
                 "sessions[0].client.activity": "passive"},
    )
    @Rule(FailingPrinciples(strongest=MATCH.strongest),
          TEST(lambda strongest: len(strongest) >= CHAIN4_MINIMUM),
          salience=KAH004_SALIENCE)
    def kah004_expertise_in_question(self, report, strongest):
        principles = tuple(entry[0] for entry in strongest)
        self.declare(report(None, derived_from=[(e[2], e[3]) for e in strongest],
                            params={"count": len(principles), "principles": principles}))

    @KNOWLEDGE.finding(
        "KAH005", severity="advice", cf=0.6,
        title=Text("Problem area outside documented competencies",
                   "Bidang masalah di luar kompetensi yang tercatat"),
        message=Text("The problem touches {areas}, outside the counselor's documented "
                     "competencies ({competencies}), and the case was not referred out.",
                     "Masalah menyentuh bidang {areas}, di luar kompetensi konselor yang "
                     "tercatat ({competencies}), dan kasus tidak dialihtangankan."),
        recommendation=Text(
            "Consult a colleague or your supervisor who is competent in that area, or refer "
            "the case; write your relevant competence in the report.",
            "Konsultasikan dengan rekan atau supervisor yang kompeten di bidang itu, atau "
            "alihtangankan kasus; tuliskan kompetensi Anda yang relevan dalam laporan."),
        why=WHY_EXPERT, source=SOURCE_DEF,
        fail={"case.problem.areas": ["family"], "case.setting": "community"},
        passing={"case.problem.areas": ["family"], "case.setting": "school"},
    )
    @Rule(CaseFact(areas=MATCH.areas, competencies=MATCH.competencies, referred_out=False,
                   setting=MATCH.setting),
          TEST(lambda areas, competencies, setting: areas is not None
               and competencies is not None
               and bool(_outside(areas, competencies, setting))))
    def kah005_area_outside_competence(self, report, areas, competencies, setting):
        outside = _outside(areas, competencies, setting)
        self.declare(report(None, ["case.problem.areas",
                                   "case.counselor.competencies"],
                            {"areas": outside, "competencies": competencies}))

    # -- documentation: what keahlian needs to be assessed ---------------------------
    @KNOWLEDGE.finding(
        "DOC061", severity="advice", cf=1.0, needed=True,
        title=Text("Counselor's role not documented", "Peran konselor tidak dicatat"),
        message=Text("The write-up does not say the counselor's role (case.counselor.role).",
                     "Laporan tidak menyebutkan peran (status) konselor (case.counselor.role)."),
        recommendation=Text("Write `counselor.role`: trainee, professional, teacher or peer.",
                            "Tuliskan `counselor.role`: trainee, professional, teacher atau peer."),
        why=WHY_DOC, source=SOURCE_DEF,
        fail={"case.counselor.role": None}, passing={"case.counselor.role": "professional"},
    )
    @Rule(CaseFact(role=None))
    def doc061_role(self, report):
        self.declare(report(None, ["case.counselor.role"]))

    @KNOWLEDGE.finding(
        "DOC062", severity="advice", cf=1.0, needed=True,
        title=Text("Supervision of the trainee not documented",
                   "Supervisi praktikan tidak dicatat"),
        message=Text("The counselor is a trainee, and the write-up does not say whether they "
                     "worked under supervision (case.counselor.supervised).",
                     "Konselor adalah praktikan, dan laporan tidak menyebutkan apakah ia bekerja "
                     "di bawah supervisi (case.counselor.supervised)."),
        recommendation=Text("Write `counselor.supervised` (true or false) and name the supervision "
                            "in the notes.",
                            "Tuliskan `counselor.supervised` (true atau false) dan sebutkan bentuk "
                            "supervisinya di catatan."),
        why=WHY_DOC, source=SOURCE_DEF,
        fail={"case.counselor.supervised": None},
        passing={"case.counselor.supervised": True},
    )
    @Rule(CaseFact(role="trainee", supervised=None))
    def doc062_trainee_supervision(self, report):
        self.declare(report(None, ["case.counselor.supervised"]))

    @KNOWLEDGE.finding(
        "DOC063", severity="advice", cf=1.0, needed=True,
        title=Text("Evaluation not documented", "Penilaian tidak dicatat"),
        message=Text("No session records whether an evaluation was made (evaluation.done) or "
                     "which stages took place (stages).",
                     "Tidak ada sesi yang mencatat apakah penilaian dilakukan (evaluation.done) "
                     "atau tahap apa saja yang dilalui (stages)."),
        recommendation=Text("Write `evaluation.done` and `stages` for each session.",
                            "Tuliskan `evaluation.done` dan `stages` di setiap sesi."),
        why=WHY_DOC, source=SOURCE_P2,
        fail={"sessions[0].evaluation.done": None, "sessions[1].evaluation.done": None,
              "sessions[0].stages": None, "sessions[1].stages": None},
        passing={"sessions[0].evaluation.done": True, "sessions[1].evaluation.done": True},
    )
    @Rule(NOT(SessionFact(evaluation_done=P(lambda value: value is not None))),
          NOT(SessionFact(stages=P(lambda value: value is not None))))
    def doc063_evaluation(self, report):
        self.declare(report(None, [at(0, "evaluation.done"), at(0, "stages")]))


def _evaluation_paths(sessions: int) -> list[str]:
    return [path for idx in range(sessions)
            for path in (at(idx, "evaluation.done"), at(idx, "stages"))]
