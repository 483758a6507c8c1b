"""Asas kerahasiaan (confidentiality): everything the client reveals is protected by
the counselor, and the client is assured of it.

Chain 1 starts here: every failure to assure confidentiality (not explained, a breach
or a possible breach, a recording without consent or with consent undocumented, a
session that was not private) concludes ``trust_not_secured``, which kesukarelaan
turns into ``voluntariness_not_secured`` (KSR005).  Not having explained the *limits*
of confidentiality (KRH002) does not: the client's trust is not yet touched, it is
only exposed to a later surprise.

Disclosures (client information shared outside the session):

- legitimate reasons are ``safety`` and ``legal_duty``, and ``supervision`` when the
  client cannot be identified; a missing ``reason`` is no legitimate reason and a
  missing ``identifiable`` counts as identifiable (facts.py already does that);
- without consent and without a legitimate reason: violation (KRH003); identifiable
  supervision without consent: risk (KRH004); consent not documented and no
  legitimate reason: risk, the burden of showing consent being the counselor's
  (KRH005); identifiable, legitimate, not consented to and the client not told: risk
  (KRH006).
"""

from asas.engine.judge.catalog import Text
from asas.engine.reason.compat import MATCH, NOT, TEST, Rule
from asas.engine.reason.facts import CaseFact, DisclosureFact, SessionFact
from asas.rules._common import TRUST_NOT_SECURED, at, conclude
from asas.rules._registry import REGISTRY, RuleSet

KNOWLEDGE = REGISTRY.module("kerahasiaan")

SOURCE_KRH = Text("Asas kerahasiaan (confidentiality), ¶1", "Asas kerahasiaan, ¶1")
SOURCE_KRH_END = Text(
    "Asas kerahasiaan (confidentiality), ¶1; Asas kenormatifan dan keahlian (normativity "
    "and expertise), ¶2",
    "Asas kerahasiaan, ¶1; Asas kenormatifan dan keahlian, ¶2")
SOURCE_PRIVATE = Text(
    "Pengertian konseling individual (definition), ¶2; Asas kerahasiaan (confidentiality), ¶1",
    "Pengertian konseling individual, ¶2; Asas kerahasiaan, ¶1")
WHY_PROTECT = Text(
    "According to the source text: the intense relationship can lay bare the client's innermost "
    "matters; "
    "every secret revealed is the counselor's full responsibility to protect, and the "
    "client's belief in that protection is the guarantee that the service succeeds.",
    "Menurut teks sumber: hubungan yang amat intens sanggup membongkar isi pribadi konseli yang "
    "paling "
    "dalam; segenap rahasia pribadi yang terbongkar menjadi tanggung jawab penuh konselor "
    "untuk melindunginya, dan keyakinan konseli akan perlindungan itu menjadi jaminan "
    "suksesnya pelayanan.")
WHY_BREACH = Text(
    "According to the source text: the client's secrets are the counselor's full responsibility to "
    "protect, "
    "and in individual counseling they are kept entirely confidential; the client's "
    "belief in that protection is the guarantee that the service succeeds.",
    "Menurut teks sumber: rahasia pribadi konseli menjadi tanggung jawab penuh konselor untuk "
    "dilindungi, dan dalam konseling individual rahasia pribadi sepenuhnya dirahasiakan; "
    "keyakinan konseli akan perlindungan itu menjadi jaminan suksesnya pelayanan.")

LEGITIMATE = ("safety", "legal_duty")


def _legitimate(reason, identifiable) -> bool:
    """A reason that justifies sharing without consent (knowledge-base.md, KRH)."""
    return reason in LEGITIMATE or (reason == "supervision" and identifiable is False)


def _disclosure(**changes) -> list:
    """A one-item ``disclosures`` list for the examples."""
    item = {"to": "orang tua", "content": "Konseli sering menyakiti diri.",
            "client_consent": False, "client_informed": True, "reason": "safety",
            "identifiable": True}
    item.update(changes)
    return [{k: v for k, v in item.items() if v is not None}]


WHY_DOC = Text(
    "Without this observation the report cannot show whether confidentiality was upheld; "
    "a practicum report that omits it cannot earn credit for it.",
    "Tanpa pengamatan ini laporan tidak dapat menunjukkan apakah asas kerahasiaan "
    "ditegakkan; laporan praktikum yang tidak memuatnya tidak dapat dinilai untuk asas itu.")


def _deadline(known, disclosed) -> int:
    """The last session in which the limits of confidentiality may still be explained:
    the one where the risk came to light, or an earlier disclosure for safety."""
    return min(known or 1, disclosed or known or 1)


def _untrusted(doc, session):
    return conclude(TRUST_NOT_SECURED, doc, session)


def _item(idx, item, field):
    return at(idx, f"disclosures[{item}].{field}")


WHY_LIMITS = Text(
    "The source makes the counselor fully responsible for protecting what the client "
    "reveals and rests the service on the client's belief in that protection. Where "
    "danger may force the counselor to share something, that belief stays honest only "
    "if the client was told the limits beforehand; otherwise a necessary disclosure is "
    "experienced as a betrayal.",
    "Menurut teks sumber, konselor bertanggung jawab penuh melindungi apa yang diungkapkan "
    "konseli, dan keberhasilan layanan bersandar pada keyakinan konseli akan "
    "perlindungan itu. Bila bahaya dapat memaksa konselor menyampaikan sesuatu, keyakinan "
    "itu hanya tetap jujur jika konseli sudah diberi tahu batas-batasnya; jika tidak, "
    "pembukaan rahasia yang diperlukan akan dirasakan sebagai pengkhianatan.")

WHY_INFORMED = Text(
    "According to the source text: the client's belief that their secrets are protected is the "
    "guarantee "
    "that the service succeeds. A client who learns afterwards that they were talked "
    "about loses that belief, even when sharing was necessary.",
    "Menurut teks sumber: keyakinan konseli bahwa rahasianya terlindungi menjadi jaminan suksesnya "
    "pelayanan. Konseli yang belakangan mengetahui bahwa dirinya dibicarakan akan "
    "kehilangan keyakinan itu, walaupun pembukaan rahasia itu memang diperlukan.")

WHY_PRIVATE = Text(
    "According to the source text: individual counseling is a special, personal relationship "
    "between one "
    "counselor and one client, and the client's secrets are the counselor's full "
    "responsibility to protect; a client who can be overheard cannot trust that they are.",
    "Menurut teks sumber: konseling individual adalah hubungan khusus secara pribadi antara "
    "seorang "
    "konselor dan seorang konseli, dan rahasia konseli menjadi tanggung jawab penuh "
    "konselor untuk melindunginya; konseli yang dapat didengar orang lain tidak dapat "
    "yakin bahwa rahasianya terlindungi.")


@KNOWLEDGE.rules
class Kerahasiaan(RuleSet):
    @KNOWLEDGE.finding(
        "KRH001", severity="risk", cf=0.8,
        title=Text("Confidentiality not explained", "Asas kerahasiaan tidak dijelaskan"),
        message=Text(
            "Confidentiality was not explained in the first session, so the client was not "
            "assured that what they reveal stays protected.",
            "Asas kerahasiaan tidak dijelaskan pada sesi pertama, sehingga konseli tidak "
            "mendapat jaminan bahwa apa yang ia ungkapkan akan terlindungi."),
        recommendation=Text(
            "In the structuring at the start of the first session, tell the client plainly that "
            "what they say stays between the two of you, and check that they understood.",
            "Pada penstrukturan di awal sesi pertama, sampaikan dengan jelas bahwa apa yang "
            "konseli ceritakan hanya diketahui konselor dan konseli, lalu pastikan konseli "
            "memahaminya."),
        why=WHY_PROTECT, source=SOURCE_KRH,
        fail={"sessions[0].opening.confidentiality_explained": False},
        passing={"sessions[0].opening.confidentiality_explained": True},
        variants={"repaired": {
            "title": Text("Confidentiality explained late",
                          "Asas kerahasiaan terlambat dijelaskan"),
            "message": Text(
                "Confidentiality was not explained in the first session; it was explained "
                "in session {repaired_session}. Until then the client had no assurance that "
                "what they revealed stayed protected; the lapse was repaired, later than it "
                "should have been.",
                "Asas kerahasiaan tidak dijelaskan pada sesi pertama; baru dijelaskan pada "
                "sesi {repaired_session}. Sampai saat itu konseli belum mendapat jaminan bahwa "
                "apa yang ia ungkapkan akan terlindungi; kekeliruan ini sudah diperbaiki, "
                "tetapi terlambat."),
        }},
    )
    @Rule(SessionFact(first=True, confidentiality_explained=False, idx=MATCH.idx,
                      number=MATCH.number),
          CaseFact(confidentiality_first_explained=MATCH.later))
    def krh001_not_explained(self, report, idx, number, later):
        # explained in a later session: still a finding, repaired (it weighs half), and
        # the chain it starts stays a presumption that later sessions may defeat
        params = {} if later is None else {"repaired_session": later, "variant": "repaired"}
        evidence = [at(idx, "opening.confidentiality_explained")]
        if later is not None:
            evidence.append(at(later - 1, "opening.confidentiality_explained"))
        self.declare(report(number, evidence, params), _untrusted(report, number))

    @KNOWLEDGE.finding(
        "KRH002", severity="risk", cf=0.75,
        title=Text("Limits of confidentiality not explained",
                   "Batas kerahasiaan tidak dijelaskan"),
        message=Text(
            "The case shows risk ({risk}), but the limits of confidentiality were not explained "
            "(session {session}) and no session records explaining them: the client does not "
            "know when the counselor may have to share what they say.",
            "Kasus ini menunjukkan risiko ({risk}), tetapi batas kerahasiaan tidak dijelaskan "
            "(sesi {session}) dan tidak ada sesi yang mencatat penjelasannya: konseli tidak tahu "
            "kapan konselor mungkin harus menyampaikan ceritanya kepada pihak lain."),
        recommendation=Text(
            "When danger to the client or to others is possible, explain early which situations "
            "would oblige you to involve others (danger to self or others, a legal duty), and "
            "that you would tell the client first.",
            "Bila ada kemungkinan bahaya bagi konseli atau orang lain, jelaskan sejak awal "
            "keadaan yang mewajibkan konselor melibatkan pihak lain (bahaya bagi diri sendiri "
            "atau orang lain, kewajiban hukum), dan bahwa konseli akan diberi tahu terlebih "
            "dahulu."),
        why=WHY_LIMITS,
        source=SOURCE_KRH,
        fail={"case.problem.risk": ["self_harm"],
              "sessions[0].opening.confidentiality_limits_explained": False},
        passing={"case.problem.risk": [{"kind": "self_harm", "session": 2}],
                 "sessions[0].opening.confidentiality_limits_explained": False,
                 "sessions[1].opening.confidentiality_limits_explained": True},
        variants={
            "late": {"message": Text(
                "The case shows risk ({risk}), known from session {deadline}, but the limits "
                "of confidentiality were explained only in session {explained}: until then "
                "the client did not know when the counselor might have to share what they "
                "say. Explained late, before anything had to be shared: repaired, later than "
                "it should have been.",
                "Kasus ini menunjukkan risiko ({risk}) yang sudah diketahui sejak sesi "
                "{deadline}, tetapi batas kerahasiaan baru dijelaskan pada sesi {explained}: "
                "sampai saat itu konseli tidak tahu kapan konselor mungkin harus "
                "menyampaikan ceritanya kepada pihak lain. Terlambat dijelaskan, tetapi "
                "sebelum ada informasi yang harus disampaikan: sudah diperbaiki, walau "
                "terlambat.")},
            "after_disclosure": {"message": Text(
                "The case shows risk ({risk}); in session {disclosed} information was shared "
                "for safety or a legal duty, but the limits of confidentiality were explained "
                "only in session {explained}, afterwards: explaining them after the "
                "disclosure does not repair it, since the client learned the limits only once "
                "they had been used.",
                "Kasus ini menunjukkan risiko ({risk}); pada sesi {disclosed} informasi "
                "konseli disampaikan kepada pihak lain demi keselamatan atau kewajiban hukum, "
                "tetapi batas kerahasiaan baru dijelaskan pada sesi {explained}, sesudahnya: "
                "penjelasan sesudah penyampaian informasi itu bukan perbaikan, karena konseli "
                "baru mengetahui batasnya setelah batas itu dipakai.")},
        },
    )
    @Rule(CaseFact(risk=MATCH.risk, risk_first_session=MATCH.known,
                   limits_first_explained=MATCH.explained, limits_first_false=MATCH.denied,
                   first_duty_disclosure=MATCH.disclosed),
          TEST(lambda risk, known, explained, denied, disclosed: len(risk) > 0 and (
              (explained is None and denied is not None)
              or (explained is not None and explained > _deadline(known, disclosed)))))
    def krh002_limits_not_explained(self, report, risk, known, explained, denied, disclosed):
        # the limits must be explained no later than the session in which the risk came
        # to light, and before the first disclosure made for safety or a legal duty
        deadline = _deadline(known, disclosed)
        params = {"risk": risk, "session": denied}
        if explained is None:
            session = denied
        elif disclosed is not None and explained > disclosed:
            session = disclosed
            params.update(variant="after_disclosure", explained=explained, disclosed=disclosed)
        else:
            session = deadline
            params.update(variant="late", explained=explained, deadline=deadline,
                          repaired_session=explained)
        evidence = ["case.problem.risk",
                    at((explained or denied) - 1, "opening.confidentiality_limits_explained")]
        self.declare(report(session, evidence, params))

    @KNOWLEDGE.finding(
        "KRH003", severity="violation", cf=0.95,
        title=Text("Confidentiality breached", "Kerahasiaan dilanggar"),
        message=Text(
            "Client information was shared with {to} without the client's consent and without a "
            "legitimate reason (reason given: {reason}).",
            "Informasi konseli disampaikan kepada {to} tanpa persetujuan konseli dan tanpa alasan "
            "yang sah (alasan yang tercatat: {reason})."),
        recommendation=Text(
            "Share nothing the client revealed without their consent unless there is danger to "
            "the client or others or a legal duty; for coordination with teachers or parents, "
            "ask the client first and agree together on what may be said.",
            "Jangan menyampaikan apa pun yang diungkapkan konseli tanpa persetujuannya, kecuali "
            "ada bahaya bagi konseli atau orang lain atau kewajiban hukum; untuk koordinasi "
            "dengan guru atau orang tua, minta izin konseli terlebih dahulu dan sepakati bersama "
            "apa yang boleh disampaikan."),
        why=WHY_BREACH, source=SOURCE_KRH_END,
        fail={"sessions[0].disclosures": _disclosure(to="wali kelas", reason="coordination")},
        passing={"sessions[0].disclosures": _disclosure(to="wali kelas", reason="coordination",
                                                        client_consent=True)},
    )
    @Rule(DisclosureFact(client_consent=False, reason=MATCH.reason, to=MATCH.to,
                         idx=MATCH.idx, item=MATCH.item, number=MATCH.number),
          TEST(lambda reason: reason not in LEGITIMATE + ("supervision",)))
    def krh003_disclosure_without_consent(self, report, reason, to, idx, item, number):
        self.declare(
            report(number, [_item(idx, item, "client_consent"),
                            _item(idx, item, "reason")],
                   {"to": to, "reason": reason or "none"}),
            _untrusted(report, number))

    @KNOWLEDGE.finding(
        "KRH004", severity="risk", cf=0.75,
        title=Text("Identifiable case taken to supervision without consent",
                   "Kasus yang dapat dikenali dibawa ke supervisi tanpa persetujuan"),
        message=Text(
            "The case was shared with {to} for supervision in a form that identifies the client, "
            "and the client did not consent.",
            "Kasus disampaikan kepada {to} untuk supervisi dalam bentuk yang membuat konseli "
            "dapat dikenali, padahal konseli tidak menyetujuinya."),
        recommendation=Text(
            "Bring cases to supervision without names or identifying details; if identifying "
            "details are needed, ask the client's consent first.",
            "Bawa kasus ke supervisi tanpa nama dan ciri yang dapat mengenali konseli; bila ciri "
            "itu memang diperlukan, mintalah persetujuan konseli terlebih dahulu."),
        why=WHY_BREACH, source=SOURCE_KRH,
        fail={"sessions[0].disclosures": _disclosure(to="dosen pembimbing", reason="supervision")},
        passing={"sessions[0].disclosures": _disclosure(to="dosen pembimbing", reason="supervision",
                                                        identifiable=False)},
    )
    @Rule(DisclosureFact(client_consent=False, reason="supervision", identifiable=True,
                         to=MATCH.to, idx=MATCH.idx, item=MATCH.item, number=MATCH.number))
    def krh004_supervision_identifiable(self, report, to, idx, item, number):
        self.declare(
            report(number, [_item(idx, item, "client_consent"),
                            _item(idx, item, "identifiable")], {"to": to}),
            _untrusted(report, number))

    @KNOWLEDGE.finding(
        "KRH005", severity="risk", cf=0.7,
        title=Text("Consent to a disclosure not documented",
                   "Persetujuan atas penyampaian informasi tidak dicatat"),
        message=Text(
            "Client information was shared with {to} (reason given: {reason}), and the write-up "
            "does not show that the client consented.",
            "Informasi konseli disampaikan kepada {to} (alasan yang tercatat: {reason}), dan "
            "laporan tidak menunjukkan bahwa konseli menyetujuinya."),
        recommendation=Text(
            "Before sharing anything outside the session, obtain the client's consent and write "
            "it down (`client_consent`); showing consent is the counselor's burden.",
            "Sebelum menyampaikan apa pun ke luar sesi, mintalah persetujuan konseli dan catat "
            "(`client_consent`); menunjukkan adanya persetujuan adalah tanggung jawab konselor."),
        why=WHY_BREACH, source=SOURCE_KRH,
        fail={"sessions[0].disclosures": _disclosure(to="wali kelas", reason="coordination",
                                                     client_consent=None)},
        passing={"sessions[0].disclosures": _disclosure(to="wali kelas", reason="coordination",
                                                        client_consent=True)},
    )
    @Rule(DisclosureFact(client_consent=None, reason=MATCH.reason,
                         identifiable=MATCH.identifiable, to=MATCH.to, idx=MATCH.idx,
                         item=MATCH.item, number=MATCH.number),
          TEST(lambda reason, identifiable: not _legitimate(reason, identifiable)))
    def krh005_disclosure_consent_undocumented(self, report, reason, identifiable, to, idx, item,
                                               number):
        self.declare(
            report(number, [_item(idx, item, "client_consent"),
                            _item(idx, item, "reason")],
                   {"to": to, "reason": reason or "none"}),
            _untrusted(report, number))

    @KNOWLEDGE.finding(
        "KRH006", severity="risk", cf=0.7,
        title=Text("Client not told of a necessary disclosure",
                   "Konseli tidak diberi tahu tentang penyampaian informasi yang diperlukan"),
        message=Text(
            "Information identifying the client was shared with {to} for {reason}, a legitimate "
            "reason, but the client was not told.",
            "Informasi yang dapat mengenali konseli disampaikan kepada {to} dengan alasan "
            "{reason}, alasan yang sah, tetapi konseli tidak diberi tahu."),
        recommendation=Text(
            "When you must break confidentiality, tell the client beforehand whenever that is "
            "safe: what will be shared, with whom and why; share only what is needed.",
            "Bila kerahasiaan terpaksa dibuka, beri tahu konseli sebelumnya selama hal itu aman: "
            "apa yang akan disampaikan, kepada siapa, dan mengapa; sampaikan hanya yang "
            "diperlukan."),
        why=WHY_INFORMED,
        source=SOURCE_KRH,
        fail={"sessions[0].disclosures": _disclosure(client_informed=False)},
        passing={"sessions[0].disclosures": _disclosure(client_informed=True)},
    )
    @Rule(DisclosureFact(identifiable=True, client_informed=False,
                         client_consent=MATCH.consent, reason=MATCH.reason, to=MATCH.to,
                         idx=MATCH.idx, item=MATCH.item, number=MATCH.number),
          TEST(lambda reason, consent: reason in LEGITIMATE and consent is not True))
    def krh006_client_not_informed(self, report, consent, reason, to, idx, item, number):
        self.declare(
            report(number, [_item(idx, item, "client_informed"),
                            _item(idx, item, "reason")],
                   {"to": to, "reason": reason}),
            _untrusted(report, number))

    @KNOWLEDGE.finding(
        "KRH007", severity="violation", cf=0.9,
        title=Text("Session recorded without consent", "Sesi direkam tanpa persetujuan"),
        message=Text(
            "Session {session} was recorded although the client did not consent.",
            "Sesi {session} direkam padahal konseli tidak menyetujuinya."),
        recommendation=Text(
            "Record only with the client's explicit consent, after explaining who will hear or "
            "see the recording and when it will be deleted; without consent, take notes instead.",
            "Rekam sesi hanya dengan persetujuan tegas konseli, setelah menjelaskan siapa yang "
            "akan mendengar atau melihat rekaman dan kapan rekaman dihapus; tanpa persetujuan, "
            "cukup buat catatan."),
        why=Text(
            "According to the source text: every secret the client reveals is the counselor's full "
            "responsibility "
            "to protect. A recording carries those secrets out of the room, beyond the "
            "counselor's control.",
            "Menurut teks sumber: segenap rahasia pribadi konseli yang terbongkar menjadi tanggung "
            "jawab penuh "
            "konselor untuk melindunginya. Rekaman membawa rahasia itu ke luar ruangan, di luar "
            "kendali konselor."),
        source=SOURCE_KRH,
        fail={"sessions[1].recording.made": True, "sessions[1].recording.consent": False},
        passing={"sessions[1].recording.made": True, "sessions[1].recording.consent": True},
    )
    @Rule(SessionFact(recording_made=True, recording_consent=False, idx=MATCH.idx,
                      number=MATCH.number))
    def krh007_recorded_without_consent(self, report, idx, number):
        self.declare(
            report(number, [at(idx, "recording.made"), at(idx, "recording.consent")],
                   {"session": number}),
            _untrusted(report, number))

    @KNOWLEDGE.finding(
        "KRH008", severity="risk", cf=0.7,
        title=Text("Consent to recording not documented", "Persetujuan perekaman tidak dicatat"),
        message=Text(
            "Session {session} was recorded and the write-up does not show that the client "
            "consented.",
            "Sesi {session} direkam dan laporan tidak menunjukkan bahwa konseli menyetujuinya."),
        recommendation=Text(
            "Ask for consent before recording and write it down (`recording.consent`); showing "
            "consent is the counselor's burden.",
            "Mintalah persetujuan sebelum merekam dan catat (`recording.consent`); menunjukkan "
            "adanya persetujuan adalah tanggung jawab konselor."),
        why=WHY_PROTECT, source=SOURCE_KRH,
        fail={"sessions[1].recording.made": True},
        passing={"sessions[1].recording.made": True, "sessions[1].recording.consent": True},
    )
    @Rule(SessionFact(recording_made=True, recording_consent=None, idx=MATCH.idx,
                      number=MATCH.number))
    def krh008_recording_consent_undocumented(self, report, idx, number):
        self.declare(
            report(number, [at(idx, "recording.made"), at(idx, "recording.consent")],
                   {"session": number}),
            _untrusted(report, number))

    @KNOWLEDGE.finding(
        "KRH009", severity="risk", cf=0.75,
        title=Text("Session not private", "Sesi tidak privat"),
        message=Text(
            "Session {session} took place where others could see or overhear the client.",
            "Sesi {session} berlangsung di tempat yang memungkinkan orang lain melihat atau "
            "mendengar konseli."),
        recommendation=Text(
            "Hold individual sessions in a closed room where no one can overhear; if none is "
            "free, reschedule rather than talk in a classroom, staff room or public place.",
            "Lakukan konseling individual di ruang tertutup yang tidak memungkinkan orang lain "
            "mendengar; bila tidak ada ruang yang tersedia, jadwalkan ulang daripada berbicara di "
            "kelas, ruang guru, atau tempat umum."),
        why=WHY_PRIVATE,
        source=SOURCE_PRIVATE,
        fail={"sessions[1].place.private": False},
        passing={"sessions[1].place.private": True},
        variants={
            "person": {"message": Text(
                "Session {session} was not private: {who} could see or overhear the client.",
                "Sesi {session} tidak privat: {who} dapat melihat atau mendengar konseli.")},
            "online": {
                "message": Text(
                    "Session {session} was held online and was not private (present: {who}): "
                    "the client could be overheard at their end.",
                    "Sesi {session} berlangsung daring dan tidak privat (yang hadir: {who}): "
                    "pembicaraan konseli dapat didengar orang lain di tempatnya."),
                "recommendation": Text(
                    "At the start of an online session, ask who is in the room with the "
                    "client; ask them to find a private spot or to use earphones; if a parent "
                    "or anyone else stays, reschedule rather than go on.",
                    "Di awal sesi daring, tanyakan siapa yang berada di ruangan bersama "
                    "konseli; minta konseli mencari tempat yang privat atau memakai earphone; "
                    "bila orang tua atau orang lain tetap berada di situ, jadwalkan ulang "
                    "daripada melanjutkan.")},
        },
    )
    @Rule(SessionFact(private=False, others_present=MATCH.others, others_unagreed=MATCH.unagreed,
                      others_who=MATCH.who, place_kind=MATCH.kind, idx=MATCH.idx,
                      number=MATCH.number),
          # a closed counseling room whose only other person is one the client agreed to
          # is not a place others could overhear: that is KRH011, advice
          TEST(lambda others, unagreed, kind: not (others and not unagreed
                                                   and kind == "counseling_room")))
    def krh009_not_private(self, report, others, unagreed, who, kind, idx, number):
        evidence = [at(idx, "place.private")]
        params = {"session": number}
        if others:
            evidence.append(at(idx, "place.others_present"))
            params.update(who=who, variant="person")
        if kind == "online":
            evidence.append(at(idx, "place.kind"))
            params.update(who=who or "—", variant="online")
        self.declare(report(number, evidence, params), _untrusted(report, number))

    # a place written as private (or not documented) with others present; a place
    # written as not private is KRH009 alone, so one lapse is one finding
    @KNOWLEDGE.finding(
        "KRH010", severity="risk", cf=0.7,
        title=Text("Others present during the session", "Ada orang lain yang hadir dalam sesi"),
        message=Text(
            "In session {session} someone else was present ({who}), and the write-up does not "
            "record that the client agreed to it beforehand.",
            "Pada sesi {session} ada orang lain yang hadir ({who}), dan laporan tidak "
            "mencatat bahwa konseli menyetujuinya sebelumnya."),
        recommendation=Text(
            "See the client alone; if someone else must be there (a guru pamong observing, a "
            "parent of a young child, an interpreter), agree on it with the client beforehand "
            "and record the agreement (`others_present: [{{who: ..., client_agreed: true}}]`).",
            "Temui konseli seorang diri; bila orang lain memang perlu hadir (guru pamong yang "
            "mengamati, orang tua dari anak kecil, penerjemah), sepakati dahulu dengan konseli "
            "dan catat kesepakatan itu (`others_present: [{{who: ..., client_agreed: true}}]`)."),
        why=WHY_PRIVATE, source=SOURCE_PRIVATE,
        fail={"sessions[1].place.others_present": ["wali kelas"]},
        passing={"sessions[1].place.others_present": [{"who": "wali kelas",
                                                       "client_agreed": True}]},
    )
    @Rule(SessionFact(others_unagreed=MATCH.who, private=MATCH.private, idx=MATCH.idx,
                      number=MATCH.number),
          TEST(lambda who, private: len(who) > 0 and private is not False))
    def krh010_others_present(self, report, who, private, idx, number):
        self.declare(report(number, [at(idx, "place.others_present")],
                            {"count": len(who), "who": who, "session": number}),
                     _untrusted(report, number))

    # someone the client agreed to beforehand (a guru pamong observing, a friend at the
    # client's own request): advice, and no chain through trust
    @KNOWLEDGE.finding(
        "KRH011", severity="advice", cf=0.6,
        title=Text("Someone present, by the client's agreement",
                   "Ada orang lain yang hadir atas persetujuan konseli"),
        message=Text(
            "Present in session {session}: {who}, with the client's agreement recorded.",
            "Yang hadir dalam sesi {session}: {who}, dengan persetujuan konseli yang "
            "tercatat."),
        recommendation=Text(
            "Agreeing it with the client first was right. Remind the person present that "
            "what is said stays confidential, keep them out of the conversation, and tell the "
            "client they may ask for time alone at any moment.",
            "Menyepakatinya lebih dahulu dengan konseli sudah tepat. Ingatkan orang yang hadir "
            "bahwa pembicaraan bersifat rahasia, jangan libatkan ia dalam percakapan, dan "
            "sampaikan kepada konseli bahwa ia boleh meminta waktu berdua saja kapan pun."),
        why=WHY_PRIVATE, source=SOURCE_PRIVATE,
        fail={"sessions[1].place.others_present": [{"who": "guru pamong",
                                                    "client_agreed": True}]},
        passing={"sessions[1].place.others_present": []},
    )
    @Rule(SessionFact(others_agreed=MATCH.agreed, others_unagreed=MATCH.unagreed,
                      others_who=MATCH.who, private=MATCH.private, place_kind=MATCH.kind,
                      idx=MATCH.idx, number=MATCH.number),
          TEST(lambda agreed, unagreed, private, kind: agreed > 0 and (
              private is not False or (not unagreed and kind == "counseling_room"))))
    def krh011_observer_agreed(self, report, agreed, unagreed, who, private, kind, idx,
                               number):
        agreed_who = tuple(w for w in who if w not in unagreed)
        self.declare(report(number, [at(idx, "place.others_present")],
                            {"who": agreed_who, "session": number}))

    # -- documentation: what kerahasiaan needs to be assessed ---------------------
    @KNOWLEDGE.finding(
        "DOC001", severity="advice", cf=1.0, needed=True,
        title=Text("Explanation of confidentiality not documented",
                   "Penjelasan asas kerahasiaan tidak dicatat"),
        message=Text("The first session does not say whether confidentiality was explained "
                     "(opening.confidentiality_explained).",
                     "Sesi pertama tidak mencatat apakah asas kerahasiaan dijelaskan "
                     "(opening.confidentiality_explained)."),
        recommendation=Text("Write `opening.confidentiality_explained` for the first session.",
                            "Tuliskan `opening.confidentiality_explained` pada sesi pertama."),
        why=WHY_DOC, source=SOURCE_KRH,
        fail={"sessions[0].opening.confidentiality_explained": None},
        passing={"sessions[0].opening.confidentiality_explained": True},
    )
    @Rule(SessionFact(first=True, confidentiality_explained=None, idx=MATCH.idx,
                      number=MATCH.number))
    def doc001_confidentiality_explained(self, report, idx, number):
        self.declare(report(number, [at(idx, "opening.confidentiality_explained")]))

    doc002_place_private = KNOWLEDGE.not_documented(
        "DOC002", "private", at(0, "place.private"),
        severity="advice", cf=1.0, needed=True,
        title=Text("Privacy of the place not documented", "Privasi tempat tidak dicatat"),
        message=Text("No session says whether the place was private (place.private).",
                     "Tidak ada sesi yang mencatat apakah tempatnya privat (place.private)."),
        recommendation=Text("Write `place.private` for each session: could anyone else see or "
                            "overhear?",
                            "Tuliskan `place.private` di setiap sesi: apakah ada orang lain yang "
                            "bisa melihat atau mendengar?"),
        why=WHY_DOC, source=SOURCE_PRIVATE,
        fail={"sessions[0].place.private": None, "sessions[1].place.private": None},
        passing={"sessions[0].place.private": True, "sessions[1].place.private": True},
    )

    doc003_recording_made = KNOWLEDGE.not_documented(
        "DOC003", "recording_made", at(0, "recording.made"),
        severity="advice", cf=1.0, needed=True,
        title=Text("Recording not documented", "Perekaman tidak dicatat"),
        message=Text("No session says whether it was recorded (recording.made).",
                     "Tidak ada sesi yang mencatat apakah sesi direkam (recording.made)."),
        recommendation=Text("Write `recording.made` for each session, and `recording.consent` "
                            "when it was recorded.",
                            "Tuliskan `recording.made` di setiap sesi, dan `recording.consent` "
                            "bila "
                            "sesi direkam."),
        why=WHY_DOC, source=SOURCE_KRH,
        fail={"sessions[0].recording": None, "sessions[1].recording": None},
        passing={"sessions[0].recording": {"made": False},
                 "sessions[1].recording": {"made": False}},
    )

    # -- documentation that only matters in some cases (not needed to assess) ------
    @KNOWLEDGE.finding(
        "DOC004", severity="advice", cf=1.0,
        title=Text("Limits of confidentiality not documented", "Batas kerahasiaan tidak dicatat"),
        message=Text("The case shows risk ({risk}), and neither the first session nor any "
                     "later one records that the limits of confidentiality were explained "
                     "(opening.confidentiality_limits_explained).",
                     "Kasus ini menunjukkan risiko ({risk}), dan baik sesi pertama maupun sesi "
                     "berikutnya tidak mencatat bahwa batas kerahasiaan dijelaskan "
                     "(opening.confidentiality_limits_explained)."),
        recommendation=Text("Write `opening.confidentiality_limits_explained` for the first "
                            "session, or for the session in which you explained them.",
                            "Tuliskan `opening.confidentiality_limits_explained` pada sesi "
                            "pertama, "
                            "atau pada sesi saat batas kerahasiaan dijelaskan."),
        why=WHY_LIMITS, source=SOURCE_KRH,
        fail={"case.problem.risk": ["self_harm"],
              "sessions[0].opening.confidentiality_limits_explained": None},
        passing={"case.problem.risk": ["self_harm"],
                 "sessions[0].opening.confidentiality_limits_explained": True},
    )
    @Rule(CaseFact(risk=MATCH.risk),
          TEST(lambda risk: len(risk) > 0),
          SessionFact(first=True, confidentiality_limits_explained=None, idx=MATCH.idx,
                      number=MATCH.number),
          NOT(SessionFact(confidentiality_limits_explained=True)),
          NOT(SessionFact(confidentiality_limits_explained=False)))
    def doc004_limits_undocumented(self, report, risk, idx, number):
        self.declare(report(
            number, ["case.problem.risk", at(idx, "opening.confidentiality_limits_explained")],
            {"risk": risk}))

    @KNOWLEDGE.finding(
        "DOC005", severity="advice", cf=1.0,
        title=Text("Informing the client of a disclosure not documented",
                   "Pemberitahuan kepada konseli tentang penyampaian informasi tidak dicatat"),
        message=Text("Information identifying the client was shared with {to} for {reason}, and "
                     "the write-up does not say whether the client was told (client_informed).",
                     "Informasi yang dapat mengenali konseli disampaikan kepada {to} dengan alasan "
                     "{reason}, dan laporan tidak mencatat apakah konseli diberi tahu "
                     "(client_informed)."),
        recommendation=Text("Write `client_informed` for every disclosure made without the "
                            "client's consent.",
                            "Tuliskan `client_informed` pada setiap penyampaian informasi yang "
                            "dilakukan "
                            "tanpa persetujuan konseli."),
        why=WHY_INFORMED, source=SOURCE_KRH,
        fail={"sessions[0].disclosures": _disclosure(client_informed=None)},
        passing={"sessions[0].disclosures": _disclosure(client_informed=True)},
    )
    @Rule(DisclosureFact(identifiable=True, client_informed=None,
                         client_consent=MATCH.consent, reason=MATCH.reason, to=MATCH.to,
                         idx=MATCH.idx, item=MATCH.item, number=MATCH.number),
          TEST(lambda reason, consent: reason in LEGITIMATE and consent is not True))
    def doc005_client_informed(self, report, consent, reason, to, idx, item, number):
        self.declare(report(number, [_item(idx, item, "client_informed")],
                            {"to": to, "reason": reason}))
