"""Asas kenormatifan (normativity): every technical aspect and all content of the
service stay within the prevailing norms: religion, custom (adat), law, science and
social habit.  Client and counselor are wholly bound by them.

One finding per norm kind named in ``counselor.norm_conflicts``, each with its own rule
(KNM001 religion, KNM002 custom, KNM003 law, KNM004 science, KNM005 social habit); the
principle is
assessable once the techniques used are documented (they show the work stayed within
science).
"""

from asas.engine.judge.catalog import Text
from asas.engine.reason.compat import MATCH, Rule
from asas.engine.reason.facts import NormFact
from asas.rules._common import at
from asas.rules._registry import REGISTRY, RuleSet

KNOWLEDGE = REGISTRY.module("kenormatifan")

SOURCE_P1 = Text("Asas kenormatifan dan keahlian (normativity and expertise), ¶1",
                 "Asas kenormatifan dan keahlian, ¶1")
WHY_NORMS = Text(
    "According to the source text: every technical aspect and all content of individual counseling "
    "are "
    "normative: they may not depart from the prevailing norms of religion, custom, law, "
    "science and social habit; client and counselor are wholly bound by them.",
    "Menurut teks sumber: semua aspek teknis dan isi layanan konseling individual adalah normatif, "
    "tidak boleh terlepas dari kaidah norma yang berlaku, baik norma agama, adat, hukum, "
    "ilmu, maupun kebiasaan; konseli dan konselor terikat sepenuhnya oleh nilai dan norma "
    "itu.")
MESSAGE = Text(
    "In session {session} the counselor's advice or action conflicted with the norms of "
    "{norm}: «{note}».",
    "Pada sesi {session} saran atau tindakan konselor bertentangan dengan norma {norm}: "
    "«{note}».")
# religion: the client's own, so that the trainee is not told their advice was irreligious
MESSAGE_RELIGION = Text(
    "In session {session} the counselor recommended a practice that does not fit the "
    "religion the client holds: «{note}».",
    "Pada sesi {session} konselor menganjurkan amalan yang tidak sesuai dengan agama yang "
    "dianut konseli: «{note}».")


def _entry(id, norm, cf, title, recommendation, example) -> dict:
    """The catalogue entry of the conflict with one norm kind."""
    return {
        "id": id, "severity": "violation", "cf": cf,
        "title": title, "message": MESSAGE_RELIGION if norm == "religion" else MESSAGE,
        "recommendation": recommendation,
        "why": WHY_NORMS, "source": SOURCE_P1,
        "fail": {"sessions[0].counselor.norm_conflicts": [{"norm": norm, "note": example}]},
        # the example that does not trigger it leaves the harmful act out altogether
        "passing": {"sessions[0].counselor.norm_conflicts": []},
    }


def _conflict(norm):
    """The condition of a rule for conflicts with ``norm``."""
    return NormFact(norm=norm, note=MATCH.note, idx=MATCH.idx, number=MATCH.number,
                    item=MATCH.item)


def _conflict_found(report, norm, note, idx, number, item):
    conflict = f"counselor.norm_conflicts[{item}]"
    evidence = [at(idx, f"{conflict}.norm")]
    if note is not None:
        evidence.append(at(idx, f"{conflict}.note"))
    return report(number, evidence, {"session": number, "norm": norm, "note": note or "—"})


@KNOWLEDGE.rules
class Kenormatifan(RuleSet):
    @KNOWLEDGE.finding(**_entry(
        "KNM001", "religion", 0.9,
        Text("Conflict with religious norms", "Bertentangan dengan norma agama"),
        Text("Respect the client's religion: do not belittle or override their beliefs, and do "
             "not press your own; where faith matters to the problem, explore what it means "
             "to the client.",
             "Hormati agama konseli: jangan meremehkan atau mengesampingkan keyakinannya dan "
             "jangan memaksakan keyakinan Anda; bila keyakinan agama berkaitan dengan masalah, "
             "gali "
             "maknanya bagi konseli."),
        "Konselor menyarankan konseli meninggalkan ibadah agar punya waktu belajar."))
    @Rule(_conflict("religion"))
    def knm001_religion_conflict(self, report, note, idx, number, item):
        self.declare(_conflict_found(report, "religion", note, idx, number, item))

    @KNOWLEDGE.finding(**_entry(
        "KNM002", "custom", 0.85,
        Text("Conflict with custom (adat)", "Bertentangan dengan norma adat"),
        Text("Take the client's customs and family traditions into account; help the client "
             "weigh their choices within them rather than advising them to disregard them.",
             "Perhatikan adat dan tradisi keluarga konseli; bantu konseli menimbang pilihannya "
             "dalam kerangka itu, bukan menyarankan untuk mengabaikannya."),
        "Konselor menyarankan konseli tidak menghadiri upacara adat keluarga."))
    @Rule(_conflict("custom"))
    def knm002_custom_conflict(self, report, note, idx, number, item):
        self.declare(_conflict_found(report, "custom", note, idx, number, item))

    @KNOWLEDGE.finding(**_entry(
        "KNM003", "law", 0.95,
        Text("Conflict with the law", "Bertentangan dengan norma hukum"),
        Text("Never advise or take action against the law; know the legal duties that apply "
             "to your work (for example reporting abuse of a child) and act within them.",
             "Jangan pernah menyarankan atau melakukan tindakan yang melanggar hukum; pahami "
             "kewajiban hukum dalam tugas Anda (misalnya melaporkan kekerasan terhadap anak) "
             "dan bertindaklah sesuai dengannya."),
        "Konselor menyarankan konseli memalsukan surat izin orang tua."))
    @Rule(_conflict("law"))
    def knm003_law_conflict(self, report, note, idx, number, item):
        self.declare(_conflict_found(report, "law", note, idx, number, item))

    @KNOWLEDGE.finding(**_entry(
        "KNM004", "science", 0.85,
        Text("Conflict with scientific knowledge", "Bertentangan dengan norma ilmu"),
        Text("Use approaches and techniques grounded in counseling science, and give only "
             "information that is accurate; leave medical or psychological claims outside "
             "your training to those qualified.",
             "Gunakan pendekatan dan teknik yang berdasar ilmu konseling, dan berikan hanya "
             "informasi yang benar; serahkan klaim medis atau psikologis di luar bidang Anda "
             "kepada yang berwenang."),
        "Konselor menyebut kecemasan konseli akibat gangguan makhluk halus."))
    @Rule(_conflict("science"))
    def knm004_science_conflict(self, report, note, idx, number, item):
        self.declare(_conflict_found(report, "science", note, idx, number, item))

    @KNOWLEDGE.finding(**_entry(
        "KNM005", "social_habit", 0.8,
        Text("Conflict with social habit", "Bertentangan dengan norma kebiasaan"),
        Text("Keep advice and conduct within what is accepted in the client's community; "
             "when a habit itself harms the client, explore it with them instead of dismissing "
             "it.",
             "Jaga agar saran dan sikap tetap dalam batas yang diterima di lingkungan konseli; "
             "bila suatu kebiasaan justru merugikan konseli, gali bersama konseli, jangan "
             "sekadar menepisnya."),
        "Konselor menyarankan konseli tidak lagi menyapa tetangga yang lebih tua."))
    @Rule(_conflict("social_habit"))
    def knm005_social_habit_conflict(self, report, note, idx, number, item):
        self.declare(_conflict_found(report, "social_habit", note, idx, number, item))

    # -- documentation: what kenormatifan needs to be assessed -----------------------
    doc051_techniques = KNOWLEDGE.not_documented(
        "DOC051", "techniques", at(0, "counselor.techniques"),
        severity="advice", cf=1.0, needed=True,
        title=Text("Techniques not documented", "Teknik konseling tidak dicatat"),
        message=Text("No session records the techniques the counselor used "
                     "(counselor.techniques).",
                     "Tidak ada sesi yang mencatat teknik yang digunakan konselor "
                     "(counselor.techniques)."),
        recommendation=Text("Write `counselor.techniques` for each session: attending, "
                            "open_question, paraphrase, ...",
                            "Tuliskan `counselor.techniques` di setiap sesi: attending, "
                            "open_question, paraphrase, ..."),
        why=Text("The techniques used show whether the work stayed within the norms of science; "
                 "without them the report cannot show whether normativity was upheld.",
                 "Teknik yang digunakan menunjukkan apakah layanan tetap dalam kaidah ilmu; tanpa "
                 "catatan itu laporan tidak dapat menunjukkan apakah asas kenormatifan "
                 "ditegakkan."),
        source=SOURCE_P1,
        fail={"sessions[0].counselor.techniques": None, "sessions[1].counselor.techniques": None},
        passing={"sessions[0].counselor.techniques": ["attending", "open_question"],
                 "sessions[1].counselor.techniques": ["attending", "summarizing"]},
    )
