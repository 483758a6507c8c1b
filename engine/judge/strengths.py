"""What went well: for each principle the report shows as upheld, the facts of the
write-up that show it, with their lines (supervisors give strengths first).

These are plain data over the typed case: each entry names the principle it shows,
its wording in both languages and the fields (paths) it rests on.  Only principles
whose status is ``upheld`` get strengths; an entry whose facts are not in the case is
left out, so a strength is never claimed from silence.

Also here: the wording of what defeated a presumption (``DEFEAT``), for the reasons
the rules give in their ``Defeated`` facts (engine/reason/facts.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from asas.engine.judge.catalog import Text

ROOM_MAKING = ("attending", "open_question", "paraphrase", "reflection_of_feeling",
               "summarizing")


@dataclass(frozen=True)
class Strength:
    """One thing that went well: ``key`` of TEXTS, its ``params`` and evidence paths."""
    principle: str
    key: str
    params: dict
    paths: tuple


TEXTS = {
    "krh_explained": Text("Confidentiality explained in session {sessions}.",
                          "Asas kerahasiaan dijelaskan pada sesi {sessions}."),
    "krh_limits": Text("The limits of confidentiality explained in session {sessions}.",
                       "Batas kerahasiaan dijelaskan pada sesi {sessions}."),
    "krh_private": Text("Every session held in a private place.",
                        "Setiap sesi berlangsung di tempat yang privat."),
    "krh_recording": Text("No session recorded without consent.",
                          "Tidak ada sesi yang direkam tanpa persetujuan."),
    "krh_observer_agreed": Text("The client agreed beforehand to {who} being present "
                                "(session {sessions}).",
                                "Konseli menyetujui kehadiran {who} sebelumnya "
                                "(sesi {sessions})."),
    "krh_disclosure_ok": Text("What was shared outside the session was shared with consent "
                              "or for a legitimate reason.",
                              "Informasi yang disampaikan ke luar sesi disampaikan dengan "
                              "persetujuan konseli atau dengan alasan yang sah."),
    "ksr_explained": Text("Voluntariness explained in session {sessions}.",
                          "Asas kesukarelaan dijelaskan pada sesi {sessions}."),
    "ksr_rapport": Text("Rapport built in session {sessions}.",
                        "Hubungan baik (rapport) dibina pada sesi {sessions}."),
    "ksr_willing": Text("The client was willing in session {sessions}.",
                        "Konseli bersedia pada sesi {sessions}."),
    "ksr_refusal_respected": Text("The client's refusal in session {sessions} was met "
                                  "without pressure.",
                                  "Penolakan konseli pada sesi {sessions} diterima tanpa "
                                  "tekanan."),
    "ktb_open": Text("The client spoke openly in session {sessions}.",
                     "Konseli bercerita secara terbuka pada sesi {sessions}."),
    "ktb_room": Text("Techniques that make room for openness used in session {sessions}.",
                     "Teknik yang membuka ruang bagi keterbukaan digunakan pada sesi "
                     "{sessions}."),
    "kkn_present": Text("The conversation dwelt on the present in session {sessions}.",
                        "Pembicaraan berfokus pada masa kini pada sesi {sessions}."),
    "kgt_active": Text("The client was active in session {sessions}.",
                       "Konseli aktif pada sesi {sessions}."),
    "kgt_tasks": Text("Tasks agreed for after session {sessions}.",
                      "Tugas disepakati untuk dikerjakan setelah sesi {sessions}."),
    "kgt_tasks_done": Text("The agreed tasks were done (session {sessions}).",
                           "Tugas yang disepakati dikerjakan (sesi {sessions})."),
    "kgt_missed_explored": Text("Why the tasks were not done was gone over with the client "
                                "(session {sessions}).",
                                "Alasan tugas tidak dikerjakan digali bersama konseli "
                                "(sesi {sessions})."),
    "kgt_talk": Text("The client did most of the talking in session {sessions}.",
                     "Konseli yang lebih banyak berbicara pada sesi {sessions}."),
    "knm_techniques": Text("The techniques used are documented and none conflicted with "
                           "a norm.",
                           "Teknik yang digunakan tercatat dan tidak ada yang bertentangan "
                           "dengan norma."),
    "kah_evaluation": Text("An immediate evaluation (laiseg) made in session {sessions}.",
                           "Penilaian segera (laiseg) dilakukan pada sesi {sessions}."),
    "kah_supervised": Text("The trainee worked under supervision.",
                           "Praktikan bekerja di bawah supervisi."),
    "kah_referred": Text("The case was handed on to {to} (alih tangan kasus).",
                         "Kasus dialihtangankan kepada {to}."),
    "kmd_own_decision": Text("The client made their own decision in session {sessions}.",
                             "Konseli mengambil keputusannya sendiri pada sesi {sessions}."),
}

# What defeated a presumption (the ``reason`` of a Defeated fact).
DEFEAT = {
    "later_willing_open": Text(
        "Later sessions show the consequence did not happen: the client came back, "
        "willing and open (session {sessions}).",
        "Sesi berikutnya menunjukkan akibatnya tidak terjadi: konseli datang kembali, "
        "bersedia dan terbuka (sesi {sessions})."),
    "later_open": Text(
        "Later sessions show the client came back and spoke openly (session {sessions}).",
        "Sesi berikutnya menunjukkan konseli datang kembali dan bercerita secara terbuka "
        "(sesi {sessions})."),
    "later_active": Text(
        "Later sessions show the client came back and was active (session {sessions}).",
        "Sesi berikutnya menunjukkan konseli datang kembali dan aktif (sesi {sessions})."),
    "observer_agreed": Text(
        "The client agreed beforehand to the person present, so trust was not put at risk.",
        "Konseli menyetujui kehadiran orang tersebut sebelumnya, sehingga kepercayaannya "
        "tidak terancam."),
}


def _sessions(case, test) -> tuple:
    return tuple((i, s) for i, s in enumerate(case.sessions) if test(s))


def _entry(out, principle, key, hits, field, extra=None):
    if hits:
        out.append(Strength(principle, key,
                            {"sessions": tuple(s.number for _, s in hits), **(extra or {})},
                            tuple(f"sessions[{i}].{field}" for i, _ in hits)))


def _kerahasiaan(out: list, case) -> None:
    info, S = case.case, case.sessions
    _entry(out, "kerahasiaan", "krh_explained",
           _sessions(case, lambda s: s.opening.confidentiality_explained is True),
           "opening.confidentiality_explained")
    if info.problem.risk:
        _entry(out, "kerahasiaan", "krh_limits",
               _sessions(case, lambda s: s.opening.confidentiality_limits_explained is True),
               "opening.confidentiality_limits_explained")
    if all(s.place.private is True for s in S):
        out.append(Strength("kerahasiaan", "krh_private", {},
                            tuple(f"sessions[{i}].place.private" for i in range(len(S)))))
    agreed = [(i, s, o.who) for i, s in enumerate(S) for o in s.place.others_present
              if o.client_agreed is True]
    if agreed:
        out.append(Strength("kerahasiaan", "krh_observer_agreed",
                            {"who": tuple(dict.fromkeys(w for _, _, w in agreed)),
                             "sessions": tuple(dict.fromkeys(s.number
                                                             for _, s, _ in agreed))},
                            tuple(f"sessions[{i}].place.others_present" for i, _, _ in
                                  agreed)))
    recorded = [i for i, s in enumerate(S) if s.recording.made is not None]
    if recorded and all(s.recording.made is False or s.recording.consent is True
                        for s in S if s.recording.made is not None):
        out.append(Strength("kerahasiaan", "krh_recording", {},
                            tuple(f"sessions[{i}].recording.made" for i in recorded)))
    shared = [(i, j) for i, s in enumerate(S) for j, _ in enumerate(s.disclosures)]
    if shared:
        out.append(Strength("kerahasiaan", "krh_disclosure_ok", {},
                            tuple(f"sessions[{i}].disclosures[{j}]" for i, j in shared)))


def strengths_of(case, principles: dict) -> list[Strength]:
    """What shows each upheld principle, in the principles' order."""
    upheld = {p for p, v in principles.items() if v.status == "upheld"}
    out: list[Strength] = []
    info = case.case
    S = case.sessions
    if "kerahasiaan" in upheld:
        _kerahasiaan(out, case)
    if "kesukarelaan" in upheld:
        _entry(out, "kesukarelaan", "ksr_explained",
               _sessions(case, lambda s: s.opening.voluntariness_explained is True),
               "opening.voluntariness_explained")
        _entry(out, "kesukarelaan", "ksr_rapport",
               _sessions(case, lambda s: s.opening.rapport_built is True),
               "opening.rapport_built")
        _entry(out, "kesukarelaan", "ksr_willing",
               _sessions(case, lambda s: s.client.willingness == "willing"),
               "client.willingness")
        _entry(out, "kesukarelaan", "ksr_refusal_respected",
               _sessions(case, lambda s: s.client.willingness == "refused"
                         and not s.counselor.pressure_on_client),
               "client.willingness")
    if "keterbukaan" in upheld:
        _entry(out, "keterbukaan", "ktb_open",
               _sessions(case, lambda s: s.client.disclosure == "open"), "client.disclosure")
        _entry(out, "keterbukaan", "ktb_room",
               _sessions(case, lambda s: bool(set(s.counselor.techniques or ())
                                              & set(ROOM_MAKING))),
               "counselor.techniques")
    if "kekinian" in upheld:
        _entry(out, "kekinian", "kkn_present",
               _sessions(case, lambda s: s.counselor.time_focus == "present"),
               "counselor.time_focus")
    if "kegiatan" in upheld:
        _entry(out, "kegiatan", "kgt_active",
               _sessions(case, lambda s: s.client.activity == "active"), "client.activity")
        _entry(out, "kegiatan", "kgt_tasks",
               _sessions(case, lambda s: bool(s.tasks_agreed)), "tasks_agreed")
        _entry(out, "kegiatan", "kgt_tasks_done",
               _sessions(case, lambda s: s.client.completed_previous_tasks is True),
               "client.completed_previous_tasks")
        _entry(out, "kegiatan", "kgt_missed_explored",
               _sessions(case, lambda s: s.client.completed_previous_tasks is False
                         and s.client.missed_tasks_explored is True),
               "client.missed_tasks_explored")
        _entry(out, "kegiatan", "kgt_talk",
               _sessions(case, lambda s: s.counselor.talk_share is not None
                         and s.counselor.talk_share <= 0.5),
               "counselor.talk_share")
    if "kenormatifan" in upheld:
        used = [i for i, s in enumerate(S) if s.counselor.techniques]
        if used:
            out.append(Strength("kenormatifan", "knm_techniques", {},
                                tuple(f"sessions[{i}].counselor.techniques" for i in used)))
    if "keahlian" in upheld:
        _entry(out, "keahlian", "kah_evaluation",
               _sessions(case, lambda s: s.evaluation.done is True), "evaluation.done")
        if info.counselor.role == "trainee" and info.counselor.supervised is True:
            out.append(Strength("keahlian", "kah_supervised", {},
                                ("case.counselor.supervised",)))
        if info.referred_out is not None:
            out.append(Strength("keahlian", "kah_referred", {"to": info.referred_out.to},
                                ("case.referred_out.to",)))
    if "kemandirian" in upheld:
        _entry(out, "kemandirian", "kmd_own_decision",
               _sessions(case, lambda s: s.client.made_own_decision is True),
               "client.made_own_decision")
    return out
