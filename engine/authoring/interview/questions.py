"""The interview's questions: one for every field of the format, by its path, in both
languages, and what decides whether a question is asked at all (data, no logic of the
walk).  tests/test_interview.py keeps every path of the format covered."""

from __future__ import annotations

from dataclasses import dataclass


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
    "case.counselor.role": Q("What is your position as the counselor?",
                            "Apa status atau peran Anda sebagai konselor?"),
    "case.counselor.supervised": Q(
        "Did you work under a supervisor's guidance?",
        "Apakah Anda (praktikan) dibimbing oleh guru pamong atau dosen pembimbing "
        "(supervisi)?"),
    "case.counselor.competencies": Q(
        "In which areas are you trained and competent?",
        "Bidang layanan apa saja yang menjadi kompetensi Anda (pribadi, sosial, belajar, "
        "karier, ...)?"),
    "case.counselor.code": Q("Your code as counselor or trainee (not a name)?",
                             "Kode Anda sebagai konselor atau praktikan (bukan nama)?"),
    "case.client": Q("The client", "Konseli"),
    "case.client.pseudonym": Q("A pseudonym for the client (never the real name)?",
                               "Nama samaran konseli (jangan nama asli)?"),
    "case.client.age": Q("How old is the client?", "Berapa usia konseli?"),
    "case.problem": Q("The problem", "Masalah"),
    "case.problem.summary": Q("Sum up the client's problem in a sentence or two.",
                              "Tuliskan ringkasan masalah konseli dalam satu atau dua kalimat."),
    "case.problem.areas": Q("Which areas of the client's life does the problem touch?",
                            "Bidang masalah konseli apa saja (pribadi, sosial, belajar, karier, keluarga)?"),
    "case.problem.risk": Q(
        "Were there signs of risk (self-harm, suicidal ideation, harm to others, abuse, "
        "substance use, psychiatric symptoms)?",
        "Apakah ada tanda-tanda risiko (menyakiti diri, ide bunuh diri, membahayakan orang "
        "lain, kekerasan, penyalahgunaan zat, gejala psikiatris)?"),
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
                              "Konseli datang atas kemauan sendiri atau dirujuk oleh siapa?"),
    "case.referral.mandated": Q("Was the client obliged by an authority to attend?",
                                "Apakah kehadiran konseli diwajibkan (mis. dipanggil sekolah sebagai sanksi), "
                                "bukan sekadar disarankan?"),
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
        "Apakah tempatnya tertutup sehingga tidak ada orang lain yang dapat melihat atau "
        "mendengar pembicaraan?"),
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
        "Did you build rapport at the start of the session?",
        "Apakah Anda membina hubungan baik (rapport) di awal sesi?"),
    "sessions[].opening.purpose_explained": Q(
        "Did you explain the purpose of counseling?",
        "Apakah Anda menjelaskan tujuan konseling?"),
    "sessions[].opening.confidentiality_explained": Q(
        "Did you explain confidentiality (asas kerahasiaan) at the start of the session?",
        "Apakah Anda menjelaskan asas kerahasiaan di awal sesi?"),
    "sessions[].opening.confidentiality_limits_explained": Q(
        "Did you explain the limits of confidentiality (when it may be broken: danger to "
        "the client or to others)?",
        "Apakah Anda menjelaskan batas kerahasiaan (kapan rahasia boleh dibuka: bahaya "
        "bagi konseli atau orang lain)?"),
    "sessions[].opening.voluntariness_explained": Q(
        "Did you tell the client that taking part is voluntary and that they may stop?",
        "Apakah Anda menyampaikan bahwa konseli ikut secara sukarela dan boleh berhenti?"),
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
    "sessions[].client.made_own_decision": Q(
        "In this session, did the client make a decision or plan of their own (no decision "
        "yet = no)?",
        "Apakah pada sesi ini konseli merumuskan keputusan atau rencananya sendiri (belum ada "
        "keputusan = tidak)?"),
    "sessions[].client.decision": Q("What did the client decide?",
                                    "Apa yang diputuskan konseli?"),
    "sessions[].counselor": Q("The counselor in this session", "Konselor dalam sesi ini"),
    "sessions[].counselor.time_focus": Q(
        "Which time did the conversation mostly dwell on?",
        "Pembicaraan lebih banyak berfokus pada masa kini, masa lalu, atau masa depan?"),
    "sessions[].counselor.techniques": Q(
        "Which techniques did you use? Choose all that apply.",
        "Teknik apa saja yang Anda gunakan? Pilih semua yang sesuai."),
    "sessions[].counselor.talk_share": Q(
        "What share of the talk was yours, from the verbatim (0 to 1, e.g. 0.4, or 40%)?",
        "Berapa porsi bicara Anda menurut verbatim (0 sampai 1, misalnya 0,4, atau 40%)?"),
    "sessions[].counselor.decided_for_client": Q(
        "Did you make the decision for the client?",
        "Apakah Anda mengambil keputusan untuk konseli?"),
    "sessions[].counselor.self_focus": Q(
        "Did you speak at length about your own experiences?",
        "Apakah Anda panjang lebar menceritakan pengalaman Anda sendiri?"),
    "sessions[].counselor.judgmental_remarks": Q(
        "Did you make judgmental remarks?",
        "Apakah Anda mengucapkan kata-kata yang menghakimi?",
        "Quote them, one per line; an empty line ends the list.",
        "Kutip ucapannya, satu per baris; baris kosong untuk selesai."),
    "sessions[].counselor.pressure_on_client": Q(
        "Did you threaten or pressure the client?",
        "Apakah Anda mengancam atau memaksa konseli?",
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
        "Did you make an immediate evaluation (penilaian segera) at the end?",
        "Apakah Anda melakukan penilaian segera (laiseg) di akhir sesi?"),
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
        "Paste it now and end with a line with a single '.', or type the path of the .txt, "
        ".csv, .docx or .xlsx file it is in.",
        "Tempelkan sekarang lalu akhiri dengan baris berisi satu '.' saja, atau ketik path "
        "berkas .txt, .csv, .docx, atau .xlsx tempat verbatim itu berada."),
    # in-file suppressions: never asked (a finding is set aside after a check, with a
    # reason; docs/case-format.md); the interview writes ``ignore: []``
    "asas": Auto("Not asked: suppressions are added after a check, each with a reason.",
                 "Tidak ditanyakan: pengecualian ditambahkan setelah pemeriksaan, masing-"
                 "masing dengan alasannya."),
    "asas.ignore": Auto("Not asked: written as [] (none).",
                        "Tidak ditanyakan: ditulis [] (tidak ada)."),
    "asas.ignore[].rule": Auto("Not asked.", "Tidak ditanyakan."),
    "asas.ignore[].reason": Auto("Not asked.", "Tidak ditanyakan."),
    "asas.ignore[].session": Auto("Not asked.", "Tidak ditanyakan."),
    "asas.ignore[].by": Auto("Not asked.", "Tidak ditanyakan."),
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
    # what was decided: only when the client made a decision of their own
    "sessions[].client.decision":
        lambda iv: iv.session.get("client", {}).get("made_own_decision") is True,
    "sessions[].recording.consent":
        lambda iv: iv.session.get("recording", {}).get("made") is True,
    # profile bk12: a report back only to someone who sent the client; goals reviewed
    # only from the second session on
    "case.referral.feedback_given":
        lambda iv: iv.case.get("referral", {}).get("source") not in (None, "self"),
    "sessions[].goals_reviewed": lambda iv: iv.index > 0,
}

# Groups that a later session may take over from the one before ("Sama seperti sesi 1?"):
# the place, and the structuring, asked in full only when they differ.
SAME_AS = ("sessions[].place", "sessions[].opening")

# Bounds that depend on earlier answers.
MAXIMUM = {"case.referred_out.session": lambda iv: len(iv.sessions),
           "case.supporting_activities[].session": lambda iv: len(iv.sessions)}

# A question asked in other words when earlier answers make it pointed: advice or
# directives ticked among the techniques (trial I10: "nasihat" with no follow-up).  The
# answer goes to the same field; the rules tell a decision the counselor pressed and the
# client took (KMD004, a risk) from one the counselor took for the client (KMD001).
_STEERING = ("advice", "directive_instruction")
VARIANTS = {
    "sessions[].counselor.decided_for_client": (
        lambda iv: bool(set(iv.session.get("counselor", {}).get("techniques") or ())
                        & set(_STEERING)),
        Q("You gave advice or directions. Was it a decision for the client (they only had "
          "to carry it out), rather than an option the client still decided on?",
          "Anda memberi nasihat atau arahan. Apakah nasihat itu berupa keputusan untuk "
          "konseli (konseli tinggal menjalankannya), bukan pilihan yang tetap diputuskan "
          "konseli sendiri?")),
}


# Questions asked together first, for what rarely happens in a session and is the same
# answer for most (trial I1: fewer prompts).  "No" records none of them (False, or an
# empty list: nothing happened); "yes", Enter or "don't know" asks each in turn.  Keyed
# by the group of fields they belong to; ``key`` names the combined question in the
# paths a script sees (``sessions[0].counselor.lapses``).
@dataclass(frozen=True)
class Together:
    key: str
    fields: tuple[str, ...]
    question: Q
    help_en: str
    help_id: str


TOGETHER = {
    "sessions[].counselor": Together(
        "lapses", ("self_focus", "judgmental_remarks", "pressure_on_client",
                   "norm_conflicts"),
        Q("In this session, did you do any of these: tell a long story of your own, make a "
          "judgmental remark, threaten or pressure the client, suggest something against a "
          "norm (religion, custom, law, science, social habit)?",
          "Dalam sesi ini, apakah Anda melakukan salah satu dari ini: bercerita panjang "
          "tentang pengalaman sendiri, mengucapkan kata yang menghakimi, mengancam atau "
          "memaksa konseli, menyarankan sesuatu yang bertentangan dengan norma (agama, "
          "adat, hukum, ilmu, kebiasaan masyarakat)?"),
        "No: none of them happened, and the four are recorded so. Yes, or Enter if you are "
        "not sure: each is asked in turn.",
        "Tidak: tidak satu pun terjadi, dan keempatnya dicatat demikian. Ya, atau Enter bila "
        "ragu: masing-masing ditanyakan satu per satu."),
}
