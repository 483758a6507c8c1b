"""Asas kegiatan (client activity): the client is truly active from the start, during,
and after the sessions; without that, the client's gains are very limited or the whole
process is futile.

Chain 3: KGT001..KGT004 conclude ``activity_weakened``; KGT005 (gains limited) is
derived from it.  Chain 6 ends here: KGT006 is derived from kekinian's
``present_focus_lost``.  KGT003 also concludes ``no_plan_beyond_sessions``, which
kemandirian builds on (chain 5).
"""

from asas.engine.judge.catalog import Text
from asas.engine.reason.compat import EXISTS, MATCH, NOT, TEST, P, Rule
from asas.engine.reason.facts import CaseFact, Finding, SessionFact
from asas.rules._common import (
    ACTIVITY_WEAKENED,
    NO_PLAN,
    PRESENT_FOCUS_LOST,
    at,
    conclude,
    defeat,
    later,
)
from asas.rules._registry import REGISTRY, RuleSet

KNOWLEDGE = REGISTRY.module("kegiatan")

SOURCE_P1 = Text("Asas kekinian dan kegiatan (present focus and activity), ¶1",
                 "Asas kekinian dan kegiatan, ¶1")
SOURCE_P2 = Text("Asas kekinian dan kegiatan (present focus and activity), ¶2",
                 "Asas kekinian dan kegiatan, ¶2")
WHY_ACTIVE = Text(
    "According to the source text: the client must be truly active in the process, from the start, "
    "during "
    "the service and after it; without that seriousness the client's gains will be very "
    "limited or the whole process futile.",
    "Menurut teks sumber: konseli dituntut untuk benar-benar aktif menjalani proses layanan, dari "
    "awal, "
    "selama proses, sampai pada periode pasca layanan; tanpa keseriusan itu perolehan "
    "konseli akan sangat terbatas atau seluruh proses layanan menjadi sia-sia.")

WHY_DOC = Text(
    "Without this observation the report cannot show whether the client was active; a "
    "practicum report that omits it cannot earn credit for it.",
    "Tanpa pengamatan ini laporan tidak dapat menunjukkan apakah konseli aktif; laporan "
    "praktikum yang tidak memuatnya tidak dapat dinilai untuk asas kegiatan.")


def _refusal_respected(willingness, pressure) -> bool:
    """The client refused in this session and the counselor put no pressure on them."""
    return willingness == "refused" and not pressure


def _weakened(doc, session):
    return conclude(ACTIVITY_WEAKENED, doc, session)


def _plan_paths(sessions: int) -> list[str]:
    return [path for idx in range(sessions)
            for path in (at(idx, "tasks_agreed"), at(idx, "evaluation.action_plan"))]


def _no_plan(self, report, sessions):
    self.declare(report(None, _plan_paths(sessions)),
                 _weakened(report, None),
                 conclude(NO_PLAN, report, None))


@KNOWLEDGE.rules
class Kegiatan(RuleSet):
    @KNOWLEDGE.finding(
        "KGT001", severity="risk", cf=0.8,
        title=Text("Client passive", "Konseli pasif"),
        message=Text("The client was {activity} in session {session}.",
                     "Konseli {activity} pada sesi {session}."),
        recommendation=Text(
            "Draw the client in: ask open questions, invite them to name their own goals and "
            "steps, and give them room to speak before you do.",
            "Libatkan konseli: ajukan pertanyaan terbuka, ajak ia merumuskan tujuan dan "
            "langkahnya sendiri, dan beri ia ruang berbicara lebih dahulu."),
        why=WHY_ACTIVE, source=SOURCE_P2,
        fail={"sessions[0].client.activity": "passive"},
        passing={"sessions[0].client.activity": "moderate"},
    )
    # a client who refused in a session, and was not pressed, is not "passive": the
    # counselor who respected the refusal is not told to draw them in (kesukarelaan)
    @Rule(SessionFact(activity="passive", idx=MATCH.idx, number=MATCH.number,
                      willingness=MATCH.willingness, pressure_on_client=MATCH.pressure),
          TEST(lambda willingness, pressure: not _refusal_respected(willingness, pressure)))
    def kgt001_client_passive(self, report, idx, number, willingness, pressure):
        self.declare(
            report(number, [at(idx, "client.activity")],
                   {"activity": "passive", "session": number}),
            _weakened(report, number))

    @KNOWLEDGE.finding(
        "KGT002", severity="risk", cf=0.7,
        title=Text("Counselor dominated the talk", "Konselor mendominasi pembicaraan"),
        message=Text("In session {session} the counselor held {share} of the talk, leaving the "
                     "client little room to be active.",
                     "Pada sesi {session} konselor menguasai {share} pembicaraan, sehingga "
                     "konseli hanya punya sedikit ruang untuk aktif."),
        recommendation=Text(
            "Aim for the client to do most of the talking: listen, paraphrase and reflect "
            "rather than explain or advise.",
            "Usahakan agar konseli yang lebih banyak berbicara: dengarkan, parafrasekan, dan "
            "refleksikan, alih-alih menjelaskan atau menasihati."),
        why=WHY_ACTIVE, source=SOURCE_P2,
        fail={"sessions[0].counselor.talk_share": 0.7},
        passing={"sessions[0].counselor.talk_share": 0.6},
    )
    @Rule(SessionFact(talk_share=MATCH.share, idx=MATCH.idx, number=MATCH.number,
                      willingness=MATCH.willingness, pressure_on_client=MATCH.pressure),
          TEST(lambda share, willingness, pressure: share is not None and share > 0.6
               and not _refusal_respected(willingness, pressure)))
    def kgt002_counselor_dominates(self, report, share, idx, number, willingness, pressure):
        self.declare(
            report(number, [at(idx, "counselor.talk_share")],
                   {"share": share, "session": number}),
            _weakened(report, number))

    # KGT003: no session has a task or an action plan, and at least one of the two is
    # documented.  Two mutually exclusive rules (which documented "no" is there), so
    # the finding is drawn once.
    @KNOWLEDGE.finding(
        "KGT003", severity="risk", cf=0.75,
        title=Text("No task or plan beyond the sessions",
                   "Tidak ada tugas atau rencana setelah sesi"),
        message=Text("No session agreed a task for the client or ended with an action plan, so "
                     "the client's activity stops when the session does.",
                     "Tidak ada sesi yang menyepakati tugas bagi konseli atau berakhir dengan "
                     "rencana tindakan, sehingga kegiatan konseli berhenti bersama berakhirnya "
                     "sesi."),
        recommendation=Text(
            "Close each session by agreeing with the client on something they will do before "
            "the next one, in their own words, and check it at the next session.",
            "Tutup setiap sesi dengan menyepakati bersama konseli apa yang akan ia lakukan "
            "sebelum sesi berikutnya, dengan kata-katanya sendiri, lalu tinjau pada sesi "
            "berikutnya."),
        why=Text("According to the source text: the client is to be active up to the period after "
                 "the service "
                 "(pasca layanan), not only inside the sessions.",
                 "Menurut teks sumber: konseli dituntut aktif sampai pada periode pasca layanan, "
                 "tidak hanya "
                 "di dalam sesi."),
        source=SOURCE_P2,
        fail={"sessions[0].tasks_agreed": [], "sessions[1].tasks_agreed": [],
              "sessions[0].evaluation.action_plan": False,
              "sessions[1].evaluation.action_plan": False},
        passing={"sessions[0].tasks_agreed": [], "sessions[1].tasks_agreed": [],
                 "sessions[0].evaluation.action_plan": False},
    )
    @Rule(CaseFact(sessions=MATCH.sessions),
          NOT(SessionFact(tasks_agreed=P(lambda n: n is not None and n > 0))),
          NOT(SessionFact(action_plan=True)),
          EXISTS(SessionFact(tasks_agreed=0)))
    def kgt003_no_plan_tasks_documented(self, report, sessions):
        _no_plan(self, report, sessions)

    @KNOWLEDGE.fires("KGT003")
    @Rule(CaseFact(sessions=MATCH.sessions),
          NOT(SessionFact(tasks_agreed=P(lambda n: n is not None and n > 0))),
          NOT(SessionFact(action_plan=True)),
          NOT(SessionFact(tasks_agreed=0)),
          EXISTS(SessionFact(action_plan=False)))
    def kgt003_no_plan_action_plan_documented(self, report, sessions):
        _no_plan(self, report, sessions)

    # KGT004: tasks not done in two consecutive sessions; or in the last session with no
    # follow-up (when the session before did not already make it two in a row).
    @KNOWLEDGE.finding(
        "KGT004", severity="risk", cf=0.75,
        title=Text("Agreed tasks not done", "Tugas yang disepakati tidak dikerjakan"),
        message=Text("The client came to sessions {sessions} without having done the agreed "
                     "tasks, twice in a row: their work between sessions is not carrying over.",
                     "Konseli datang ke sesi {sessions} tanpa mengerjakan tugas yang disepakati, "
                     "dua kali berturut-turut: kegiatannya di antara sesi belum berjalan."),
        recommendation=Text(
            "Go over with the client why the task was not done; agree on a smaller, concrete "
            "step they choose themselves, and plan a follow-up to review it.",
            "Gali bersama konseli alasan tugas tidak dikerjakan; sepakati langkah yang lebih "
            "kecil dan konkret yang ia pilih sendiri, dan rencanakan tindak lanjut untuk "
            "meninjaunya."),
        variants={"no_follow_up": {"message": Text(
            "In session {sessions}, the last one, the client had not done the agreed tasks, "
            "and no follow-up was planned (follow_up: none): the work between sessions ends "
            "undone.",
            "Pada sesi {sessions}, sesi terakhir, konseli belum mengerjakan tugas yang "
            "disepakati, dan tidak ada tindak lanjut yang direncanakan (follow_up: none): "
            "kegiatan di antara sesi berakhir tanpa diselesaikan.")}},
        why=WHY_ACTIVE, source=SOURCE_P2,
        fail={"sessions[1].client.completed_previous_tasks": False,
              "sessions[1].follow_up": "none"},
        passing={"sessions[1].client.completed_previous_tasks": False,
                 "sessions[1].follow_up": "planned"},
    )
    @Rule(SessionFact(completed_previous_tasks=False, prev_completed_previous_tasks=False,
                      idx=MATCH.idx, number=MATCH.number))
    def kgt004_tasks_not_done_twice(self, report, idx, number):
        self.declare(
            report(number, [at(idx - 1, "client.completed_previous_tasks"),
                            at(idx, "client.completed_previous_tasks")],
                   {"sessions": (number - 1, number)}),
            _weakened(report, number))

    @KNOWLEDGE.fires("KGT004")
    @Rule(SessionFact(last=True, completed_previous_tasks=False, follow_up="none",
                      prev_completed_previous_tasks=P(lambda value: value is not False),
                      idx=MATCH.idx, number=MATCH.number))
    def kgt004_tasks_not_done_no_follow_up(self, report, idx, number):
        self.declare(
            report(number, [at(idx, "client.completed_previous_tasks"),
                            at(idx, "follow_up")],
                   {"sessions": number, "variant": "no_follow_up"}),
            _weakened(report, number))

    # homework not done, and nothing showing that the counselor went over why
    @KNOWLEDGE.finding(
        "KGT007", severity="risk", cf=0.6,
        title=Text("Undone task not explored", "Tugas tidak dikerjakan, alasannya tidak digali"),
        message=Text(
            "In session {session} the client had not done the agreed tasks, and nothing shows "
            "that the counselor went over why with them.",
            "Pada sesi {session} konseli belum mengerjakan tugas yang disepakati, dan tidak "
            "tercatat bahwa konselor menggali alasannya bersama konseli."),
        recommendation=Text(
            "When a task was not done, go over why with the client before moving on (too "
            "big, unclear, not really theirs, something got in the way); adjust the task with "
            "them, and record it (`client.missed_tasks_explored: true`).",
            "Bila tugas tidak dikerjakan, gali bersama konseli alasannya sebelum melanjutkan "
            "(terlalu berat, kurang jelas, bukan pilihannya sendiri, ada hambatan); sesuaikan "
            "tugas itu bersamanya, dan catat (`client.missed_tasks_explored: true`)."),
        why=WHY_ACTIVE, source=SOURCE_P2,
        fail={"sessions[1].client.completed_previous_tasks": False},
        passing={"sessions[1].client.completed_previous_tasks": False,
                 "sessions[1].client.missed_tasks_explored": True},
        variants={"not_explored": {"message": Text(
            "In session {session} the client had not done the agreed tasks, and the counselor "
            "did not go over why with them.",
            "Pada sesi {session} konseli belum mengerjakan tugas yang disepakati, dan konselor "
            "tidak menggali alasannya bersama konseli.")}},
    )
    @Rule(SessionFact(completed_previous_tasks=False, missed_tasks_explored=MATCH.explored,
                      idx=MATCH.idx, number=MATCH.number),
          TEST(lambda explored: explored is not True))
    def kgt007_missed_tasks_not_explored(self, report, explored, idx, number):
        params = {"session": number}
        if explored is False:
            params["variant"] = "not_explored"
        self.declare(report(number, [at(idx, "client.completed_previous_tasks"),
                                     at(idx, "client.missed_tasks_explored")], params))

    # what happened later: the client came back active, so the presumed loss of gains
    # did not happen
    @Rule(Finding(id=MATCH.id, session=MATCH.session),
          TEST(lambda id: id in ("KGT005", "KGT006")),
          SessionFact(activity="active", number=MATCH.number, idx=MATCH.idx),
          TEST(lambda session, number: later(session, number)))
    def kgt_defeated_by_later_activity(self, id, session, number, idx):
        self.declare(defeat(id, session, [at(idx, "client.activity")], "later_active",
                            {"sessions": number}))

    # -- chains 3 and 6 ----------------------------------------------------------------
    kgt005_gains_limited = KNOWLEDGE.derived(
        "KGT005", ACTIVITY_WEAKENED,
        severity="risk", cf=0.8,
        title=Text("Gains limited, process at risk of being futile",
                   "Perolehan terbatas, proses terancam sia-sia"),
        message=Text("The client's activity was weakened, so their gains are limited and the "
                     "process is at risk of being futile.",
                     "Kegiatan konseli melemah, sehingga perolehannya terbatas dan proses layanan "
                     "terancam sia-sia."),
        recommendation=Text(
            "Put right first what weakened the client's activity (see {cause}); plan how the "
            "client will be active in the next session and after it.",
            "Benahi dahulu hal yang melemahkan keaktifan konseli (lihat {cause}); rencanakan "
            "bagaimana konseli akan aktif pada sesi berikutnya dan sesudahnya."),
        params=lambda because: {"cause": because[0]},
        why=WHY_ACTIVE, source=SOURCE_P2,
        fail={"sessions[0].client.activity": "passive", "sessions[1].client.activity": "moderate"},
        passing={"sessions[0].client.activity": "moderate"},
    )

    kgt006_present_focus_lost = KNOWLEDGE.derived(
        "KGT006", PRESENT_FOCUS_LOST,
        severity="risk", cf=0.7,
        title=Text("Activity weakened: the session was not about the present",
                   "Keaktifan konseli melemah karena sesi tidak berfokus pada masa kini"),
        message=Text("The session dwelt on the past or on the counselor's own stories, which "
                     "weakens the ground the client's activity stands on.",
                     "Sesi berkutat pada masa lalu atau pada cerita konselor sendiri, sehingga "
                     "melemahkan dasar bagi kegiatan konseli."),
        recommendation=Text(
            "Bring the session back to the present first (see {cause}); tie what the client "
            "does to their situation now.",
            "Benahi dahulu fokus sesi pada masa kini (lihat {cause}); kaitkan kegiatan konseli "
            "dengan keadaannya saat ini."),
        params=lambda because: {"cause": because[0]},
        why=Text("According to the source text: on the basis of present focus the client's "
                 "activity in the "
                 "service is carried out.",
                 "Menurut teks sumber: atas dasar kekinian pulalah kegiatan konseli dalam layanan "
                 "dijalankan."),
        source=SOURCE_P1,
        fail={"sessions[0].counselor.self_focus": True, "sessions[1].client.activity": "moderate"},
        passing={"sessions[0].counselor.time_focus": "mixed"},
    )

    # -- documentation: what kegiatan needs to be assessed ---------------------------
    doc041_activity = KNOWLEDGE.not_documented(
        "DOC041", "activity", at(0, "client.activity"),
        severity="advice", cf=1.0, needed=True,
        title=Text("Client's activity not documented", "Keaktifan konseli tidak dicatat"),
        message=Text("No session records how active the client was (client.activity).",
                     "Tidak ada sesi yang mencatat seberapa aktif konseli (client.activity)."),
        recommendation=Text("Write `client.activity` for each session: active, moderate or "
                            "passive.",
                            "Tuliskan `client.activity` di setiap sesi: active, moderate atau "
                            "passive."),
        why=WHY_DOC, source=SOURCE_P2,
        fail={"sessions[0].client.activity": None, "sessions[1].client.activity": None},
        passing={"sessions[0].client.activity": "active",
                 "sessions[1].client.activity": "moderate"},
    )

    doc042_tasks_agreed = KNOWLEDGE.not_documented(
        "DOC042", "tasks_agreed", at(0, "tasks_agreed"),
        severity="advice", cf=1.0, needed=True,
        title=Text("Agreed tasks not documented", "Tugas yang disepakati tidak dicatat"),
        message=Text("No session records the tasks agreed for after the session "
                     "(tasks_agreed; write [] when none were agreed).",
                     "Tidak ada sesi yang mencatat tugas yang disepakati setelah sesi "
                     "(tasks_agreed; tulis [] bila tidak ada)."),
        recommendation=Text("Write `tasks_agreed` for each session: the homework or action plan "
                            "agreed, or [] for none.",
                            "Tuliskan `tasks_agreed` di setiap sesi: tugas atau rencana tindakan "
                            "yang disepakati, atau [] bila tidak ada."),
        why=WHY_DOC, source=SOURCE_P2,
        fail={"sessions[0].tasks_agreed": None, "sessions[1].tasks_agreed": None},
        passing={"sessions[0].tasks_agreed": ["Mencatat penggunaan waktu."],
                 "sessions[1].tasks_agreed": []},
    )
