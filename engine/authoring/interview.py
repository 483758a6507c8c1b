"""``asas interview``: the questions a supervisor would ask, one at a time, and a valid
case file at the end.

The interview walks the format in ``model.py`` (the case first, then session by
session) and asks each field's question from ``QUESTIONS``, keyed by the field's path
(``sessions[].opening.confidentiality_explained``).  A field without a question there
is still asked, with its own documentation as the question; tests/test_interview.py
fails until it has one.  Answers are checked as they are typed and asked again when
they cannot be used; "don't know" (or Enter) leaves an observation undocumented.

All input goes through one ``prompt(text) -> str`` function (``click.prompt`` by
default), so piped answers and click's CliRunner work, and end of input raises
``click.Abort`` for the command to report.
"""

from __future__ import annotations

import datetime
import difflib
import re
from dataclasses import dataclass

import click

from asas.engine.model.case import FORMAT_V1, CaseInfo, FieldSpec, Session, fields_of
from asas.engine.authoring.template import SCHEMA_FILE, VALUE_LABELS, missing_hint, nullable_object, \
    render_case, value_label, values_hint

MISSING = object()   # the answer leaves the field out: not documented (or none, closed-world)


@dataclass(frozen=True)
class Q:
    """A question in both languages; ``items`` asks for the entries of a list of texts."""
    en: str
    id: str
    items_en: str | None = None
    items_id: str | None = None

    def get(self, lang: str) -> str:
        return self.id if lang == "id" else self.en

    def items(self, lang: str) -> str | None:
        return self.items_id if lang == "id" else self.items_en


@dataclass(frozen=True)
class Auto:
    """A field the interview fills in itself (``format``, session numbers)."""
    en: str
    id: str


# Every path of the format (model.all_paths()) has an entry: a question, a heading for
# a group of fields (mappings), or Auto.  tests/test_interview.py keeps this complete.
QUESTIONS: dict[str, Q | Auto] = {
    "format": Auto("Always asas/v1.", "Selalu asas/v1."),
    "case": Q("About the case", "Tentang kasus"),
    "case.id": Q("Case code (for example KI-2026-07)?", "Kode kasus (misalnya KI-2026-07)?"),
    "case.title": Q("A short title for the case?", "Judul singkat kasus ini?"),
    "case.setting": Q("Where did the counseling take place?",
                      "Di lingkungan mana konseling berlangsung?"),
    "case.counselor": Q("The counselor", "Konselor"),
    "case.counselor.role": Q("What is the counselor's position?", "Apa kedudukan konselor?"),
    "case.counselor.supervised": Q(
        "Did the counselor work under a supervisor's guidance?",
        "Apakah konselor bekerja di bawah bimbingan supervisor?"),
    "case.counselor.competencies": Q(
        "In which areas is the counselor trained and competent?",
        "Bidang apa saja yang dikuasai konselor?"),
    "case.counselor.code": Q("The counselor's or trainee's code (not a name)?",
                             "Kode konselor atau praktikan (bukan nama)?"),
    "case.client": Q("The client", "Konseli"),
    "case.client.pseudonym": Q("A pseudonym for the client (never the real name)?",
                               "Nama samaran konseli (jangan nama asli)?"),
    "case.client.age": Q("How old is the client?", "Berapa usia konseli?"),
    "case.problem": Q("The problem", "Masalah"),
    "case.problem.summary": Q("Sum up the client's problem in a sentence or two.",
                              "Ringkaskan masalah konseli dalam satu atau dua kalimat."),
    "case.problem.areas": Q("Which areas of the client's life does the problem touch?",
                            "Bidang kehidupan apa saja yang tersentuh masalah ini?"),
    "case.problem.risk": Q("Were there signs of risk? Choose all that apply.",
                           "Apakah ada tanda-tanda risiko? Pilih semua yang sesuai."),
    "case.problem.risk[].kind": Q("Which sign of risk?", "Tanda risiko apa?"),
    "case.problem.risk[].session": Q(
        "In which session did it come to light? (Enter = known from the start)",
        "Pada sesi ke berapa risiko ini diketahui? (Enter = sudah diketahui sejak awal)"),
    "case.problem.rights_violated": Q(
        "Were any of the client's rights violated? Choose all that apply.",
        "Apakah ada hak konseli yang dilanggar? Pilih semua yang sesuai."),
    "case.referral": Q("How the client came to counseling",
                       "Bagaimana konseli datang ke konseling"),
    "case.referral.source": Q("Who brought the client to counseling?",
                              "Siapa yang membawa konseli ke konseling?"),
    "case.referral.mandated": Q("Was the client obliged by an authority to attend?",
                                "Apakah konseli diwajibkan hadir oleh pihak berwenang?"),
    "case.referral.client_agreed": Q(
        "Did the client agree to counseling before the first session?",
        "Apakah konseli setuju mengikuti konseling sebelum sesi pertama?"),
    "case.referred_out": Q(
        "Was the case handed on to someone else (alih tangan kasus)?",
        "Apakah kasus ini dialihtangankan (alih tangan kasus) kepada pihak lain?"),
    "case.referred_out.to": Q("To whom was it handed on (for example a psychologist)?",
                              "Kepada siapa kasus dialihtangankan (misalnya psikolog)?"),
    "case.referred_out.session": Q("In which session was it handed on?",
                                   "Pada sesi ke berapa kasus dialihtangankan?"),
    "case.referred_out.reason": Q("Why was it handed on?", "Apa alasan alih tangan kasus?"),
    "case.advocacy": Q(
        "Was anything done to defend the client's violated rights (advocacy)?",
        "Apakah ada tindakan untuk membela hak konseli yang dilanggar (advokasi)?",
        "What was done? One action per line; an empty line ends the list.",
        "Apa yang dilakukan? Satu tindakan per baris; baris kosong untuk selesai."),
    "case.verbatim_speakers": Q(
        "Do the verbatims use speaker codes of their own (not Ko/Ki, Konselor/Konseli, K/S, "
        "GBK/Siswa ...)?",
        "Apakah verbatim memakai kode pembicara sendiri (bukan Ko/Ki, Konselor/Konseli, K/S, "
        "GBK/Siswa ...)?"),
    "case.verbatim_speakers.counselor": Q(
        "Are there codes for the counselor?", "Apakah ada kode untuk konselor?",
        "The counselor's codes, one per line (e.g. Kons); an empty line ends the list.",
        "Kode konselor, satu per baris (misalnya Kons); baris kosong untuk selesai."),
    "case.verbatim_speakers.client": Q(
        "Are there codes for the client?", "Apakah ada kode untuk konseli?",
        "The client's codes, one per line (e.g. Ko); an empty line ends the list.",
        "Kode konseli, satu per baris (misalnya Ko); baris kosong untuk selesai."),
    "case.verbatim_speakers.other": Q(
        "Do third parties speak in a verbatim (a parent, a friend)?",
        "Apakah ada pihak ketiga yang berbicara dalam verbatim (orang tua, teman)?",
        "Their codes, one per line (e.g. Ayah); an empty line ends the list.",
        "Kode mereka, satu per baris (misalnya Ayah); baris kosong untuk selesai."),
    "sessions": Q("Is there another session to record?",
                  "Apakah ada sesi berikutnya yang akan dicatat?"),
    "sessions[].number": Auto("Numbered 1, 2, 3 ... in the order asked.",
                              "Diberi nomor 1, 2, 3 ... sesuai urutan."),
    "sessions[].date": Q("Date of the session?", "Tanggal sesi?"),
    "sessions[].duration_minutes": Q("How many minutes did the session last?",
                                     "Berapa menit sesi berlangsung?"),
    "sessions[].place": Q("Place", "Tempat"),
    "sessions[].place.kind": Q("Where was the session held?", "Di mana sesi dilaksanakan?"),
    "sessions[].place.private": Q(
        "Was the place private, so that no one else could see or overhear?",
        "Apakah tempatnya terjaga, sehingga tidak ada orang lain yang bisa melihat atau "
        "mendengar?"),
    "sessions[].place.others_present": Q(
        "Was anyone else present during the session?",
        "Apakah ada orang lain yang hadir selama sesi?",
        "Who? One per line; an empty line ends the list.",
        "Siapa? Satu per baris; baris kosong untuk selesai."),
    "sessions[].place.others_present[].who": Q("Who was present (a role, not a name)?",
                                                "Siapa yang hadir (peran, bukan nama)?"),
    "sessions[].place.others_present[].client_agreed": Q(
        "Did the client agree beforehand to their presence?",
        "Apakah konseli menyetujui kehadirannya sebelumnya?"),
    "sessions[].stages": Q("Which stages of counseling did the session go through?",
                           "Tahap konseling apa saja yang dilalui dalam sesi ini?"),
    "sessions[].opening": Q("Opening of the session", "Pembukaan sesi (penstrukturan)"),
    "sessions[].opening.rapport_built": Q(
        "Did the counselor build rapport at the start of the session?",
        "Apakah konselor membangun raport di awal sesi?"),
    "sessions[].opening.purpose_explained": Q(
        "Did the counselor explain the purpose of counseling?",
        "Apakah konselor menjelaskan tujuan konseling?"),
    "sessions[].opening.confidentiality_explained": Q(
        "Did the counselor explain confidentiality (asas kerahasiaan) at the start of the "
        "session?",
        "Apakah konselor menjelaskan asas kerahasiaan di awal sesi?"),
    "sessions[].opening.confidentiality_limits_explained": Q(
        "Did the counselor explain the limits of confidentiality (when it may be broken: "
        "danger to the client or to others)?",
        "Apakah konselor menjelaskan batas kerahasiaan (kapan rahasia boleh dibuka: bahaya "
        "bagi konseli atau orang lain)?"),
    "sessions[].opening.voluntariness_explained": Q(
        "Did the counselor tell the client that taking part is voluntary and that they may "
        "stop?",
        "Apakah konselor menyampaikan bahwa konseli ikut secara sukarela dan boleh berhenti?"),
    "sessions[].client": Q("The client in this session", "Konseli dalam sesi ini"),
    "sessions[].client.willingness": Q("How willing was the client in this session?",
                                       "Bagaimana kesediaan konseli dalam sesi ini?"),
    "sessions[].client.disclosure": Q("How openly did the client speak?",
                                      "Seberapa terbuka konseli bercerita?"),
    "sessions[].client.activity": Q("How active was the client?", "Seberapa aktif konseli?"),
    "sessions[].client.completed_previous_tasks": Q(
        "Did the client do the tasks agreed in the previous session?",
        "Apakah konseli mengerjakan tugas yang disepakati pada sesi sebelumnya?"),
    "sessions[].client.missed_tasks_explored": Q(
        "Did you go over with the client why the tasks were not done?",
        "Apakah Anda menggali bersama konseli alasan tugas tidak dikerjakan?"),
    "sessions[].client.made_own_decision": Q("Did the client make their own decision?",
                                             "Apakah konseli mengambil keputusan sendiri?"),
    "sessions[].client.decision": Q("What did the client decide?",
                                    "Apa yang diputuskan konseli?"),
    "sessions[].counselor": Q("The counselor in this session", "Konselor dalam sesi ini"),
    "sessions[].counselor.time_focus": Q(
        "Which time did the conversation mostly dwell on?",
        "Pembicaraan lebih banyak berfokus pada waktu kapan?"),
    "sessions[].counselor.techniques": Q(
        "Which techniques did the counselor use? Choose all that apply.",
        "Teknik apa saja yang digunakan konselor? Pilih semua yang sesuai."),
    "sessions[].counselor.talk_share": Q(
        "What share of the talk was the counselor's, from the verbatim (0 to 1, e.g. 0.4, "
        "or 40%)?",
        "Berapa porsi bicara konselor menurut verbatim (0 sampai 1, misalnya 0,4, atau 40%)?"),
    "sessions[].counselor.decided_for_client": Q(
        "Did the counselor make the decision for the client?",
        "Apakah konselor mengambil keputusan untuk konseli?"),
    "sessions[].counselor.self_focus": Q(
        "Did the counselor speak at length about their own experiences?",
        "Apakah konselor panjang lebar menceritakan pengalamannya sendiri?"),
    "sessions[].counselor.judgmental_remarks": Q(
        "Did the counselor make judgmental remarks?",
        "Apakah konselor mengucapkan kata-kata yang menghakimi?",
        "Quote them, one per line; an empty line ends the list.",
        "Kutip ucapannya, satu per baris; baris kosong untuk selesai."),
    "sessions[].counselor.pressure_on_client": Q(
        "Did the counselor threaten or pressure the client?",
        "Apakah konselor mengancam atau memaksa konseli?",
        "Quote what was said, one per line; an empty line ends the list.",
        "Kutip ucapannya, satu per baris; baris kosong untuk selesai."),
    "sessions[].counselor.norm_conflicts": Q(
        "Did any advice or action go against a norm (religion, custom, law, science, "
        "social habit)?",
        "Apakah ada saran atau tindakan yang bertentangan dengan norma (agama, adat, hukum, "
        "ilmu, kebiasaan masyarakat)?"),
    "sessions[].counselor.norm_conflicts[].norm": Q("Which norm?", "Norma apa?"),
    "sessions[].counselor.norm_conflicts[].note": Q("What happened?", "Apa yang terjadi?"),
    "sessions[].recording": Q("Recording", "Perekaman"),
    "sessions[].recording.made": Q("Was the session recorded (audio or video)?",
                                   "Apakah sesi direkam (audio atau video)?"),
    "sessions[].recording.consent": Q("Did the client consent to the recording?",
                                      "Apakah konseli menyetujui perekaman?"),
    "sessions[].disclosures": Q(
        "Was any of the client's information shared with someone outside the session?",
        "Apakah ada informasi konseli yang disampaikan kepada orang lain di luar sesi?"),
    "sessions[].disclosures[].to": Q("To whom?", "Kepada siapa?"),
    "sessions[].disclosures[].content": Q("What was shared?", "Apa yang disampaikan?"),
    "sessions[].disclosures[].client_consent": Q(
        "Did the client consent to it beforehand?",
        "Apakah konseli menyetujuinya sebelumnya?"),
    "sessions[].disclosures[].client_informed": Q("Was the client told about it?",
                                                  "Apakah konseli diberi tahu?"),
    "sessions[].disclosures[].reason": Q("Why was it shared?", "Apa alasannya?"),
    "sessions[].disclosures[].identifiable": Q(
        "Could the client be identified from what was shared?",
        "Apakah konseli dapat dikenali dari informasi itu?"),
    "sessions[].tasks_agreed": Q(
        "Were tasks or a plan agreed for after the session (homework, action plan)?",
        "Apakah ada tugas atau rencana yang disepakati untuk setelah sesi (pekerjaan rumah, "
        "rencana tindakan)?",
        "Which? One per line; an empty line ends the list.",
        "Apa saja? Satu per baris; baris kosong untuk selesai."),
    "sessions[].evaluation": Q("Immediate evaluation (laiseg)", "Penilaian segera (laiseg)"),
    "sessions[].evaluation.done": Q(
        "Did the counselor make an immediate evaluation (penilaian segera) at the end?",
        "Apakah konselor melakukan penilaian segera (laiseg) di akhir sesi?"),
    "sessions[].evaluation.understanding": Q("Did the client reach a new understanding?",
                                             "Apakah konseli memperoleh pemahaman baru?"),
    "sessions[].evaluation.feeling_better": Q("Did the client feel relieved?",
                                              "Apakah konseli merasa lega?"),
    "sessions[].evaluation.action_plan": Q("Does the client have a plan of action?",
                                           "Apakah konseli memiliki rencana tindakan?"),
    "sessions[].follow_up": Q("What follow-up is there after this session?",
                              "Bagaimana tindak lanjut setelah sesi ini?"),
    "sessions[].notes": Q("Any other notes on this session?",
                          "Ada catatan lain tentang sesi ini?"),
    "sessions[].verbatim": Q(
        "Do you want to paste this session's verbatim (Ko: ... / Ki: ..., one turn per line)?",
        "Apakah Anda ingin menempelkan verbatim sesi ini (Ko: ... / Ki: ..., satu giliran per "
        "baris)?",
        "Paste it now; a line with a single '.' ends it.",
        "Tempelkan sekarang; baris berisi satu '.' saja untuk selesai."),
    # profile bk12 (asked with --profile bk12)
    "case.referral.feedback_given": Q(
        "Did you report back to whoever sent the client (laporan balik)?",
        "Apakah ada laporan balik kepada pihak yang mengirim konseli?"),
    "case.data_sources": Q(
        "Where did the data about the client come from? Choose all that apply.",
        "Dari mana saja data tentang konseli diperoleh (himpunan data)? Pilih semua yang "
        "sesuai."),
    "case.supporting_activities": Q(
        "Were there supporting activities (case conference, home visit, consultation with "
        "a teacher or parent)?",
        "Apakah ada kegiatan pendukung (konferensi kasus, kunjungan rumah, konsultasi dengan "
        "guru atau orang tua)?"),
    "case.supporting_activities[].kind": Q("Which activity?", "Kegiatan apa?"),
    "case.supporting_activities[].with_whom": Q("With whom (a role, not a name)?",
                                                "Dengan siapa (peran, bukan nama)?"),
    "case.supporting_activities[].session": Q("After which session?",
                                              "Setelah sesi ke berapa?"),
    "case.supporting_activities[].client_agreed": Q(
        "Did the client agree to it beforehand?", "Apakah konseli menyetujuinya sebelumnya?"),
    "case.referred_out.alternatives_offered": Q(
        "Was the client offered a choice of whom to be referred to?",
        "Apakah konseli ditawari pilihan pihak tujuan alih tangan?"),
    "case.referred_out.client_agreed": Q("Did the client agree to the referral?",
                                         "Apakah konseli menyetujui alih tangan kasus?"),
    "sessions[].goals_reviewed": Q(
        "Were the goals set before reviewed and updated in this session?",
        "Apakah tujuan yang ditetapkan sebelumnya ditinjau dan diperbarui dalam sesi ini?"),
    "sessions[].evaluation.laijapen_planned": Q(
        "Is a short-term evaluation (laijapen, 1 week to 1 month) planned?",
        "Apakah penilaian jangka pendek (laijapen, 1 minggu – 1 bulan) direncanakan?"),
    "sessions[].evaluation.laijapang_planned": Q(
        "Is a long-term evaluation (laijapang, months) planned?",
        "Apakah penilaian jangka panjang (laijapang, beberapa bulan) direncanakan?"),
}

# Asked after the sessions: what happened over the whole case, and may name a session.
DEFERRED = ("case.referred_out", "case.supporting_activities")


# Questions that make no sense in the situation are skipped (the field stays out).
CONDITIONS = {
    # advocacy answers a violation of rights
    "case.advocacy": lambda iv: bool(iv.case.get("problem", {}).get("rights_violated")),
    # tasks from the previous session, unless it agreed none
    "sessions[].client.completed_previous_tasks":
        lambda iv: iv.index > 0 and iv.sessions[iv.index - 1].get("tasks_agreed") != [],
    # why the tasks were not done: asked only when they were not
    "sessions[].client.missed_tasks_explored":
        lambda iv: iv.session.get("client", {}).get("completed_previous_tasks") is False,
    "sessions[].client.decision":
        lambda iv: iv.session.get("client", {}).get("made_own_decision") is not False,
    "sessions[].recording.consent":
        lambda iv: iv.session.get("recording", {}).get("made") is True,
    # profile bk12: a report back only to someone who sent the client; goals reviewed
    # only from the second session on
    "case.referral.feedback_given":
        lambda iv: iv.case.get("referral", {}).get("source") not in (None, "self"),
    "sessions[].goals_reviewed": lambda iv: iv.index > 0,
}

# Bounds that depend on earlier answers.
MAXIMUM = {"case.referred_out.session": lambda iv: len(iv.sessions),
           "case.supporting_activities[].session": lambda iv: len(iv.sessions)}

_T = {  # the interview's own words: (en, id)
    "intro": (
        "asas interview: questions about the case, then session by session, as a "
        "supervisor would ask them. Answer from your write-up.\n"
        "  Enter or \"don't know\" = not documented (the field is left out).\n"
        "  ? = what the question means.   Ctrl-C = stop (nothing is saved).",
        "Wawancara asas: pertanyaan tentang kasus, lalu sesi demi sesi, seperti yang "
        "ditanyakan supervisor. Jawablah sesuai laporan Anda.\n"
        "  Enter atau \"tidak tahu\" = tidak dicatat (isian dikosongkan).\n"
        "  ? = penjelasan pertanyaan.   Ctrl-C = berhenti (tidak ada yang disimpan)."),
    "bool_hint": ("[yes/no, Enter = don't know]", "[ya/tidak, Enter = tidak tahu]"),
    "gate_hint": ("[yes/no]", "[ya/tidak]"),
    "text_hint": ("[Enter = don't know]", "[Enter = tidak tahu]"),
    "required_hint": ("", ""),
    "choice_prompt": ("Number or value [Enter = don't know]",
                      "Nomor atau nilai [Enter = tidak tahu]"),
    "choice_prompt_required": ("Number or value", "Nomor atau nilai"),
    "choices_prompt": ("Numbers or values, comma-separated; none = none; Enter = don't know",
                       "Nomor atau nilai, pisahkan dengan koma; tidak ada = tidak ada; "
                       "Enter = tidak tahu"),
    "choices_prompt_closed": ("Numbers or values, comma-separated [Enter = none]",
                              "Nomor atau nilai, pisahkan dengan koma [Enter = tidak ada]"),
    "another": ("Another one?", "Ada lagi?"),
    "item": ("", ""),
    "session": ("Session", "Sesi"),
    "finally": ("To finish, about the whole case", "Terakhir, tentang kasus secara keseluruhan"),
    "undocumented": ("→ not documented", "→ tidak dicatat"),
    "verbatim_line": ("line {line} of the verbatim:", "baris {line} verbatim:"),
    "verbatim_again": ("The verbatim cannot be read as it is. Paste it again?",
                       "Verbatim belum dapat dibaca. Tempelkan lagi?"),
    "required": ("This one is required; please answer it.",
                 "Bagian ini wajib diisi; mohon dijawab."),
    "bad_bool": ("Please answer yes or no (or press Enter if you don't know).",
                 "Jawab ya atau tidak (atau tekan Enter bila tidak tahu)."),
    "bad_gate": ("Please answer yes or no.", "Jawab ya atau tidak."),
    "bad_choice": ("Not one of the choices: type a number 1–{n} or one of: {values}.",
                   "Bukan salah satu pilihan: ketik nomor 1–{n} atau salah satu dari: {values}."),
    "did_you_mean": (" Did you mean '{hint}'?", " Maksud Anda '{hint}'?"),
    "bad_int": ("Please type a whole number{range}.", "Tulis bilangan bulat{range}."),
    "bad_float": ("Please type a number from 0 to 1 (e.g. 0.4) or a percentage (40%).",
                  "Tulis angka 0 sampai 1 (misalnya 0,4) atau persen (40%)."),
    "bad_date": ("Please type a date as YYYY-MM-DD, e.g. 2026-10-02.",
                 "Tulis tanggal sebagai TTTT-BB-HH (misalnya 2026-10-02) atau HH-BB-TTTT."),
    "date_hint": ("YYYY-MM-DD, Enter = don't know", "TTTT-BB-HH, Enter = tidak tahu"),
    "need_item": ("Write at least one (or: none).", "Tulis setidaknya satu (atau: tidak ada)."),
    "save_as": ("Save the case file as", "Simpan berkas kasus sebagai"),
    "exists": ("{file} already exists. Overwrite it?", "{file} sudah ada. Timpa?"),
    "exists_early": ("Note: {file} already exists; you will be asked before it is "
                     "overwritten.",
                     "Catatan: {file} sudah ada; Anda akan ditanya sebelum berkas itu ditimpa."),
    "written": ("Written: {file}. The check of it follows; edit the file to add what "
                "is missing, then run: asas check {file}",
                "Tersimpan: {file}. Hasil pemeriksaannya di bawah ini; lengkapi berkas itu "
                "bila ada yang kurang, lalu jalankan: asas check {file}"),
    "stopped": ("The interview stopped before it was finished (end of input, or Ctrl-C); "
                "nothing was saved.",
                "Wawancara berhenti sebelum selesai (masukan berakhir, atau Ctrl-C); tidak ada "
                "yang disimpan."),
    "range": (" {low}–{high}", " {low}–{high}"),
    "range_low": (" of at least {low}", " minimal {low}"),
    "control_char": ("That answer holds a control character ({char}; an arrow or other "
                     "editing key?); type it again",
                     "Jawaban itu memuat karakter kendali ({char}; tombol panah atau tombol "
                     "penyunting lain?); ketik ulang"),
    "invalid_result": ("The answers did not make a valid case file (a bug in asas; "
                       "please report it). The file follows:",
                       "Jawaban tidak menghasilkan berkas kasus yang valid (galat pada asas; "
                       "mohon dilaporkan). Isi berkasnya:"),
}


def _t(key: str, lang: str, **params) -> str:
    en, id_ = _T[key]
    text = id_ if lang == "id" else en
    return text.format(**params) if params else text


message = _t   # for cli.py


def _norm(raw: str) -> str:
    return " ".join(raw.replace("’", "'").replace("`", "'").lower().split())


YES = {"ya", "y", "iya", "yes", "true", "benar", "betul", "sudah", "pernah", "ada"}
NO = {"tidak", "tdk", "tak", "no", "n", "false", "bukan", "belum", "nggak", "ngga", "gak",
      "ga", "enggak", "engga"}
DONT_KNOW = {"", "tidak tahu", "tidak tau", "tdk tahu", "tdk tau", "gak tahu", "gak tau",
             "ga tahu", "ga tau", "nggak tahu", "nggak tau", "tt", "don't know", "dont know",
             "do not know", "unknown", "not documented", "tidak dicatat", "dk", "n/a"}
NONE = {"tidak ada", "tak ada", "gak ada", "ga ada", "nggak ada", "none", "nothing",
        "no one", "nobody", "-", "kosong"}


class Invalid(ValueError):
    pass


def _click_prompt(text: str) -> str:
    return click.prompt(text, default="", show_default=False, prompt_suffix=" ")


class Interview:
    """One interview.  ``prompt(text) -> str`` reads one answer; ``echo`` prints."""

    def __init__(self, lang: str = "en", prompt=None, echo=None, questions=None,
                 profile=None):
        self.lang = lang
        # the fields only some profiles judge are asked when the profile asks for them
        from asas.engine.authoring.template import _asks
        self.asks = _asks(profile)
        self.prompt = prompt or _click_prompt
        self.echo = echo or click.echo
        self.questions = QUESTIONS if questions is None else questions
        self.case: dict = {}
        self.sessions: list[dict] = []
        self.session: dict = {}
        self.index = 0
        self.path = ""    # the generic path of the question being asked (for scripts)
        self.where = ""   # ... and the concrete one (sessions[1].client.activity)

    # -- texts -------------------------------------------------------------------
    def t(self, key: str, **params) -> str:
        return _t(key, self.lang, **params)

    def question(self, path: str, spec: FieldSpec) -> str:
        entry = self.questions.get(path)
        if isinstance(entry, Q):
            return entry.get(self.lang)
        return spec.id if self.lang == "id" else spec.en   # the field's own documentation

    def help(self, owner, spec: FieldSpec):
        doc = spec.id if self.lang == "id" else spec.en
        parts = [doc, missing_hint(owner, spec, self.lang), values_hint(spec, self.lang)]
        self.echo("  " + " ".join(p for p in parts if p))

    # -- reading -----------------------------------------------------------------
    def read(self, text: str, path: str, where: str) -> str:
        """One answer; one holding a control character (what an arrow key types where
        there is no line editing) is refused here and asked again, not at the end."""
        from asas.engine.load.types import _CONTROL
        self.path, self.where = path, where
        while True:
            raw = self.prompt(text).strip()
            bad = _CONTROL.search(raw)
            if bad is None:
                return raw
            self.echo("  " + self.t("control_char", char=f"U+{ord(bad.group()):04X}"))

    def ask(self, text, path, where, parse, owner=None, spec=None):
        """Ask until ``parse(raw)`` returns; it raises Invalid with what to say."""
        while True:
            raw = self.read(text, path, where)
            if raw == "?" and spec is not None:
                self.help(owner, spec)
                continue
            try:
                return parse(raw)
            except Invalid as exc:
                self.echo(f"  {exc}")

    def yes_no(self, raw: str, optional: bool):
        answer = _norm(raw)
        if answer in YES:
            return True
        if answer in NO:
            return False
        if optional and answer in DONT_KNOW:
            return MISSING
        raise Invalid(self.t("bad_bool" if optional else "bad_gate"))

    def gate(self, text: str, path: str, where: str) -> bool:
        """A yes/no question that opens a group (Enter or don't know: no)."""
        value = self.ask(f"{text} {self.t('gate_hint')}", path, where,
                         lambda raw: False if _norm(raw) in DONT_KNOW
                         else self.yes_no(raw, optional=False))
        return value is True

    # -- the walk ----------------------------------------------------------------
    def run(self) -> dict:
        self.echo(self.t("intro"))
        data = {"format": FORMAT_V1, "case": self.case, "sessions": self.sessions}
        self.heading(self.question("case", None))
        self.walk(CaseInfo, self.case, "case", "case", skip=DEFERRED)
        while True:
            self.index = len(self.sessions)
            self.session = {"number": self.index + 1}
            self.sessions.append(self.session)
            self.echo("")
            self.echo(f"=== {self.t('session')} {self.index + 1} ===")
            self.walk(Session, self.session, "sessions[]", f"sessions[{self.index}]",
                      heading=False)
            entry = self.questions.get("sessions")
            text = entry.get(self.lang) if isinstance(entry, Q) else self.t("another")
            if not self.gate(text, "sessions", "sessions"):
                break
        self.heading(self.t("finally"))
        specs = {s.name: s for s in fields_of(CaseInfo)}
        for path in DEFERRED:
            name = path.split(".")[-1]
            if specs[name].profile_only and not (self.asks is not None and self.asks(path)):
                continue
            self.field(CaseInfo, specs[name], self.case, path, path)
        return data

    def heading(self, text: str):
        self.echo("")
        self.echo(f"— {text} —")

    def walk(self, cls, target: dict, path: str, where: str, skip=(), heading=True):
        for spec in fields_of(cls):
            sub, sub_where = f"{path}.{spec.name}", f"{where}.{spec.name}"
            if sub in skip:
                continue
            if spec.profile_only and not (self.asks is not None and self.asks(sub)):
                continue
            self.field(cls, spec, target, sub, sub_where)

    def field(self, owner, spec: FieldSpec, target: dict, path: str, where: str):
        entry = self.questions.get(path)
        if isinstance(entry, Auto):
            return   # filled in by the walk itself
        condition = CONDITIONS.get(path)
        if condition is not None and not condition(self):
            return
        if spec.kind == "object":   # filled in place: later questions may depend on it
            sub = target[spec.name] = {}
            if nullable_object(owner, spec):
                if not self.gate(self.question(path, spec), path, where):
                    sub = None
            else:
                self.heading(self.question(path, spec))
            if sub is not None:
                self.walk(spec.cls, sub, path, where)
            if not sub:
                del target[spec.name]
            return
        value = self.value(owner, spec, path, where)
        if value is not MISSING:
            target[spec.name] = value

    def value(self, owner, spec: FieldSpec, path: str, where: str):
        text = self.question(path, spec)
        if path == "sessions[].verbatim":
            return self.verbatim(text, path, where)
        if spec.kind == "list" and spec.item.kind == "object":
            return self.object_list(spec, text, path, where)
        if spec.kind == "list" and spec.item.kind == "str":
            return self.texts(owner, spec, text, path, where)
        if spec.kind == "list":
            return self.choices(owner, spec, text, path, where)
        if spec.kind == "enum":
            return self.choice(owner, spec, text, path, where)
        if spec.kind == "bool":
            answer = self.ask(f"{text} {self.t('bool_hint')}", path, where,
                              lambda raw: self.yes_no(raw, optional=True), owner, spec)
            if answer is MISSING:
                self.echo(f"  {self.t('undocumented')}")
            return answer
        return self.scalar(owner, spec, text, path, where)

    # -- kinds of answers ----------------------------------------------------------
    def verbatim(self, text: str, path: str, where: str):
        """A pasted verbatim: many lines, up to a line with a single '.'; read as
        ``asas check`` reads it, and pasted again (or left out) when it cannot be."""
        from asas.engine.i18n.loader_messages import error_text
        from asas.engine.verbatim.parse import parse
        if not self.gate(text, path, where):
            return MISSING
        while True:
            entry = self.questions.get(path)
            if isinstance(entry, Q) and entry.items(self.lang):
                self.echo(f"  {entry.items(self.lang)}")
            lines: list[str] = []
            while True:
                raw = self.read("", path + "[]", f"{where}[{len(lines)}]")
                if raw.strip() == ".":
                    break
                lines.append(raw.rstrip())
            while lines and not lines[-1].strip():
                lines.pop()
            if not lines:
                return MISSING
            block = "\n".join(lines) + "\n"
            own = self.case.get("verbatim_speakers")
            speakers = None if not own else {k: tuple(v or ()) for k, v in own.items()}
            problems = parse(block, 1, 0, speakers).problems
            if not problems:
                return block
            for p in problems:
                self.echo(f"  {self.t('verbatim_line', line=p.line)} {error_text(p.message, self.lang)}")
            if not self.gate(self.t("verbatim_again"), path + "+", where + "+"):
                return MISSING

    def object_list(self, spec: FieldSpec, text: str, path: str, where: str):
        if not self.gate(text, path, where):
            return []
        items = []
        while True:
            item: dict = {}
            self.walk(spec.item.cls, item, f"{path}[]", f"{where}[{len(items)}]")
            items.append(item)
            if not self.gate(self.t("another"), path + "+", where + "+"):
                return items

    def texts(self, owner, spec: FieldSpec, text: str, path: str, where: str):
        optional = not spec.closed
        hint = self.t("bool_hint" if optional else "gate_hint")

        def opening(raw):
            if _norm(raw) in NONE:
                return False
            if not optional and _norm(raw) in DONT_KNOW:
                return False
            return self.yes_no(raw, optional)

        answer = self.ask(f"{text} {hint}", path, where, opening, owner, spec)
        if answer is MISSING:
            self.echo(f"  {self.t('undocumented')}")
            return MISSING
        if answer is False:
            return []
        entry = self.questions.get(path)
        ask_items = (entry.items(self.lang) if isinstance(entry, Q) else None) or ""
        if ask_items:
            self.echo(f"  {ask_items}")
        items: list[str] = []
        while True:
            raw = self.read(f"  {len(items) + 1}.", path + "[]", f"{where}[{len(items)}]")
            if raw:
                items.append(raw)
                continue
            if items:
                return items
            self.echo(f"  {self.t('need_item')}")
            again = self.read(f"  {len(items) + 1}.", path + "[]", f"{where}[0]")
            if _norm(again) in NONE or _norm(again) in NO:
                return []
            if _norm(again) in DONT_KNOW and optional:
                return MISSING
            if _norm(again) in DONT_KNOW:
                return []
            items.append(again)

    def show_choices(self, values):
        width = len(str(len(values)))
        for i, value in enumerate(values, 1):
            lab = value_label(value, self.lang)
            self.echo(f"  {i:>{width}}  {value}" + (f" — {lab}" if lab else ""))

    def match(self, raw: str, values) -> str:
        answer = _norm(raw)
        if answer.isdigit():
            n = int(answer)
            if 1 <= n <= len(values):
                return values[n - 1]
        key = answer.replace(" ", "_").replace("-", "_")
        for value in values:
            if key == str(value).lower():
                return value
        for value in values:
            for lab in VALUE_LABELS.get(value, ()):
                if lab and answer == lab.lower():
                    return value
        message = self.t("bad_choice", n=len(values), values=", ".join(map(str, values)))
        hint = difflib.get_close_matches(key, [str(v) for v in values], n=1, cutoff=0.6)
        if hint:
            message += self.t("did_you_mean", hint=hint[0])
        raise Invalid(message)

    def choice(self, owner, spec: FieldSpec, text: str, path: str, where: str):
        self.echo(text)
        self.show_choices(spec.choices)

        def parse(raw):
            if _norm(raw) in DONT_KNOW:
                if spec.required:
                    raise Invalid(self.t("required"))
                self.echo(f"  {self.t('undocumented')}")
                return MISSING
            return self.match(raw, spec.choices)

        prompt = self.t("choice_prompt_required" if spec.required else "choice_prompt")
        return self.ask(prompt, path, where, parse, owner, spec)

    def choices(self, owner, spec: FieldSpec, text: str, path: str, where: str):
        values = spec.item.choices
        self.echo(text)
        self.show_choices(values)

        def parse(raw):
            answer = _norm(raw)
            if answer in NONE or answer in NO:
                return []
            if answer in DONT_KNOW:
                if spec.closed:
                    return []
                self.echo(f"  {self.t('undocumented')}")
                return MISSING
            picked = []
            for part in re.split(r"[,;]", raw):
                part = part.strip()
                if not part:
                    continue
                try:
                    found = [self.match(part, values)]
                except Invalid:
                    words = part.split()
                    if len(words) < 2:
                        raise
                    found = [self.match(w, values) for w in words]   # "1 3 5"
                for value in found:
                    if value not in picked:
                        picked.append(value)
            return picked

        prompt = self.t("choices_prompt_closed" if spec.closed else "choices_prompt")
        return self.ask(prompt, path, where, parse, owner, spec)

    def scalar(self, owner, spec: FieldSpec, text: str, path: str, where: str):
        if spec.kind == "date":
            hint = f"[{self.t('date_hint')}]"
        elif spec.required:
            hint = ""
        else:
            hint = self.t("text_hint")
        convert = {"str": self.as_text, "int": self.as_int, "float": self.as_float,
                   "date": self.as_date}[spec.kind]

        def parse(raw):
            if _norm(raw) in DONT_KNOW:
                if spec.required:
                    raise Invalid(self.t("required"))
                self.echo(f"  {self.t('undocumented')}")
                return MISSING
            return convert(raw, spec, path)

        return self.ask(f"{text} {hint}".rstrip(), path, where, parse, owner, spec)

    def as_text(self, raw: str, spec: FieldSpec, path: str) -> str:
        return raw

    def _bounds(self, spec: FieldSpec, path: str):
        high = MAXIMUM[path](self) if path in MAXIMUM else spec.maximum
        return spec.minimum, high

    def as_int(self, raw: str, spec: FieldSpec, path: str) -> int:
        low, high = self._bounds(spec, path)
        if high is not None and low is not None:
            bounds = self.t("range", low=f"{low:g}", high=f"{high:g}")
        elif low is not None:
            bounds = self.t("range_low", low=f"{low:g}")
        else:
            bounds = ""
        found = re.fullmatch(r"(\d+)(\s+\D+)?", raw.strip())   # "45" or "45 menit"
        if not found:
            raise Invalid(self.t("bad_int", range=bounds))
        value = int(found.group(1))
        if (low is not None and value < low) or (high is not None and value > high):
            raise Invalid(self.t("bad_int", range=bounds))
        return value

    def as_float(self, raw: str, spec: FieldSpec, path: str) -> float:
        low, high = self._bounds(spec, path)
        text = raw.strip().replace(",", ".")
        percent = text.endswith("%")
        try:
            value = float(text.rstrip("%").strip())
        except ValueError:
            raise Invalid(self.t("bad_float")) from None
        if percent:
            value = value / 100
        if value != value or (low is not None and value < low) or \
                (high is not None and value > high):
            raise Invalid(self.t("bad_float"))
        return value

    def as_date(self, raw: str, spec: FieldSpec, path: str) -> datetime.date:
        text = raw.strip()
        try:
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                return datetime.date.fromisoformat(text)
            day = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", text)
            if day and self.lang == "id":   # 02-10-2026, as dates are written in Indonesia
                return datetime.date(int(day.group(3)), int(day.group(2)), int(day.group(1)))
        except ValueError:
            pass
        raise Invalid(self.t("bad_date"))


# --- the whole command ------------------------------------------------------------

def suggested_name(data: dict) -> str:
    case_id = str(data.get("case", {}).get("id") or "case")
    safe = re.sub(r"[^A-Za-z0-9._-]+", "-", case_id).strip("-.") or "case"
    return f"{safe}.yaml"


def run(file: str | None, lang: str, prompt=None, echo=None,
        schema: str = SCHEMA_FILE, profile=None) -> str | None:
    """Interview, write the case file, print its check; return the path written.

    End of input (or Ctrl-C) raises ``click.Abort`` before anything is written.
    """
    import os

    from asas.engine.run.pipeline import check_file
    from asas.engine.report.formats.text import render
    from asas.engine.load.loader import load_bytes
    from asas.engine.authoring.template import write_new
    from asas.engine.run.atomic import STDIN, OutputRefused, refuse_inputs

    iv = Interview(lang, prompt, echo, profile=profile)
    if file and os.path.exists(file):
        iv.echo(iv.t("exists_early", file=file))
    data = iv.run()
    text = render_case(lang, data, schema=schema, made_by="interview", profile=profile)
    loaded = load_bytes(text.encode("utf-8"), file or "<interview>")
    if not loaded.valid:   # a bug: keep the answers on screen rather than lose them
        iv.echo(iv.t("invalid_result"), err=True)
        for error in loaded.errors:
            iv.echo(error.format(file or "<interview>"), err=True)
        iv.echo(text)
        raise click.ClickException("invalid case file")
    path = file
    iv.echo("")
    while True:
        if not path:
            default = suggested_name(data)
            path = iv.read(f"{iv.t('save_as')} [{default}]", "<file>", "<file>") or default
        overwrite = False
        if os.path.exists(path):
            overwrite = iv.gate(iv.t("exists", file=path), "<overwrite>", "<overwrite>")
            if not overwrite:
                path = None
                continue
        try:
            # the answers may come from a file (< answers.txt): never write over it
            refuse_inputs(path, [STDIN], what="the case file", option="file name")
            write_new(path, text, overwrite=overwrite)
        except OutputRefused as exc:
            iv.echo(f"  {exc}")
            path = None
            continue
        except FileExistsError:
            path = None
            continue
        except OSError as exc:
            iv.echo(f"  {path}: {exc.strerror or exc}")
            path = None
            continue
        break
    iv.echo(iv.t("written", file=path))
    iv.echo("")
    iv.echo(render([check_file(path, profile=profile)], lang), nl=False)
    return path
