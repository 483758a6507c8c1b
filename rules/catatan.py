"""The write-up itself (catatan): every observation a session leaves out gets its
advice-level DOC finding, field by field, in the session it is missing from, and so do
the case's own details (DOC079)
(knowledge-base.md, "DOC — documentation: each missing observation, field by field").

The principles' modules already report, case-wide, what a principle needs and no
session records (DOC001 ... DOC073); DOC080 names the rest: an observation missing
from one session although others record it, and the observations no principle's
assessment hangs on (date, length, the laiseg answers, follow-up, ...).  It is
advice: it changes no status.
"""

from asas.engine.judge.catalog import Text
from asas.engine.reason.compat import MATCH, TEST, Rule
from asas.engine.reason.facts import CaseFact, SessionFact
from asas.rules._common import at
from asas.rules._registry import REGISTRY, RuleSet

KNOWLEDGE = REGISTRY.module("catatan", principle=None)

# observations whose absence from every session a principle's own DOC entry reports
CASE_WIDE = {"place.private", "recording.made", "client.willingness", "client.disclosure",
             "counselor.time_focus", "client.activity", "tasks_agreed",
             "counselor.techniques", "client.made_own_decision",
             "counselor.decided_for_client"}
# first-session observations with their own DOC entries (DOC001, DOC012)
FIRST_OWN = {"opening.confidentiality_explained"}
FIRST_PAIR = {"opening.rapport_built", "opening.voluntariness_explained"}


def _fields(missing, everywhere, first) -> tuple:
    out = [p for p in missing if not (p in CASE_WIDE and p in everywhere)
           and not (first and p in FIRST_OWN)]
    if first and set(missing) >= FIRST_PAIR:
        out = [p for p in out if p not in FIRST_PAIR]
    if "evaluation.done" in everywhere and "stages" in everywhere:   # DOC063
        out = [p for p in out if p not in ("evaluation.done", "stages")]
    return tuple(out)


@KNOWLEDGE.rules
class Catatan(RuleSet):
    @KNOWLEDGE.finding(
        "DOC079", severity="advice", cf=1.0,
        title=Text("Case details not documented", "Data kasus yang belum dicatat"),
        message=Text("The write-up does not record these details of the case: {fields}.",
                     "Laporan belum mencatat data kasus berikut: {fields}."),
        recommendation=Text(
            "Write these details of the case ({fields}): where the counseling took place, "
            "the counselor's fields of competence and the areas of the problem are what "
            "expertise is judged by (a family side is part of a school counselor's "
            "personal-social field, not of a clinic's), and a supervisor reads the case "
            "through them.",
            "Tuliskan data kasus ini ({fields}): tempat layanan, bidang kompetensi konselor, "
            "dan bidang masalah konseli menjadi dasar menilai keahlian (sisi keluarga "
            "termasuk bidang pribadi-sosial konselor sekolah, bukan bidang klinik), dan "
            "pembimbing membaca kasus melalui data itu."),
        why=Text(
            "The source sets individual counseling to help with the problems of the client's "
            "life, by a professional with the knowledge and skills for them; who the client "
            "is, what the problem touches and where the service takes place say which "
            "knowledge and skills those are.",
            "Menurut teks sumber, konseling individual membantu konseli mengentaskan masalah "
            "kehidupannya, oleh petugas profesional dengan pengetahuan dan keterampilan "
            "untuk itu; siapa konseli, bidang masalahnya, dan tempat layanan menunjukkan "
            "pengetahuan dan keterampilan yang mana."),
        source=Text("Pengertian konseling individual (what individual counseling is), ¶2",
                    "Pengertian konseling individual, ¶2"),
        fail={"case.setting": None},
        passing={"case.setting": "school"},
    )
    @Rule(CaseFact(undocumented_case=MATCH.fields), TEST(lambda fields: bool(fields)))
    def doc079_case_details_missing(self, report, fields):
        self.declare(report(None, list(fields), {"fields": fields}))

    @KNOWLEDGE.finding(
        "DOC080", severity="advice", cf=1.0,
        title=Text("Observations not documented", "Pengamatan yang belum dicatat"),
        message=Text("Session {session} does not record: {fields}.",
                     "Catatan sesi {session} belum memuat: {fields}."),
        recommendation=Text(
            "Write these observations for session {session} ({fields}); what a write-up "
            "leaves out cannot be credited, and a supervisor cannot follow the session "
            "without it.",
            "Tuliskan pengamatan ini untuk sesi {session} ({fields}); apa yang tidak ditulis "
            "tidak dapat dinilai, dan pembimbing tidak dapat mengikuti jalannya sesi tanpa "
            "catatan itu."),
        why=Text(
            "Each observation shows part of how the principles were applied; a practicum "
            "report is read as the record of the practice.",
            "Setiap pengamatan menunjukkan sebagian cara asas-asas diterapkan; laporan "
            "praktikum dibaca sebagai catatan praktik itu sendiri."),
        source=Text("Asas kenormatifan dan keahlian (normativity and expertise), ¶2",
                    "Asas kenormatifan dan keahlian, ¶2"),
        fail={"sessions[1].evaluation.understanding": None},
        passing={"sessions[1].evaluation.understanding": True},
    )
    @Rule(CaseFact(undocumented_everywhere=MATCH.everywhere),
          SessionFact(undocumented=MATCH.missing, first=MATCH.first, idx=MATCH.idx,
                      number=MATCH.number),
          TEST(lambda missing, everywhere, first: bool(_fields(missing, everywhere, first))))
    def doc080_observations_missing(self, report, everywhere, missing, first, idx, number):
        fields = _fields(missing, everywhere, first)
        self.declare(report(number, [at(idx, f) for f in fields],
                            {"session": number, "fields": fields}))
