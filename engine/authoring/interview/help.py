"""What ``?`` says in the interview: for every question, what counts as yes (or as each
choice), with an example from a BK practicum, in Indonesian and English.  No YAML word
(``true``, ``[]``, ``null``) appears here: the person answering is a counselor, not
someone editing a file.  tests/test_interview.py keeps every question covered.

Also here: the names the menus of two questions give their choices, where the words of
the case file's table (engine/i18n/labels.py) would mislead in that question (a school's
guru BK is the counselor; family trouble of a student is part of the pribadi-sosial
field), and the words that stand for several choices at once ("pribadi-sosial",
"empat bidang").
"""

from __future__ import annotations

from typing import NamedTuple


class H(NamedTuple):
    en: str
    id: str

    def get(self, lang: str) -> str:
        return self.id if lang == "id" else self.en


_YES_SUPERVISION = H(
    "Yes if a guru pamong (the school's supervising teacher) or a dosen pembimbing went "
    "over these sessions with you; no if you worked on your own. A guru BK who is not a "
    "trainee: press Enter.",
    "Ya bila sesi-sesi ini didampingi atau didiskusikan dengan guru pamong atau dosen "
    "pembimbing (supervisi PPL); tidak bila Anda bekerja sendiri tanpa bimbingan. Guru BK "
    "yang bukan praktikan: tekan Enter.")
_RISK = H(
    "Choose only what showed in a session or in the data: self-harm (cutting, hitting "
    "oneself), suicidal ideation (wanting to die, a farewell letter), harm to others "
    "(threats to hurt someone), abuse (beaten, sexual abuse), substance use (drugs, "
    "alcohol, glue), psychiatric symptoms (hallucinations, days without sleep). An "
    "everyday problem such as lateness or a quarrel with friends is no sign of risk.",
    "Pilih hanya yang tampak dalam sesi atau data: menyakiti diri (menyayat, memukul diri), "
    "ide bunuh diri (ingin mati, menulis surat perpisahan), membahayakan orang lain "
    "(mengancam melukai), kekerasan (dipukul, kekerasan seksual), penyalahgunaan zat "
    "(narkoba, miras, lem), gejala psikiatris (halusinasi, tidak tidur berhari-hari). "
    "Masalah sehari-hari seperti terlambat atau bertengkar dengan teman bukan tanda risiko.")

HELP: dict[str, H] = {
    "case.id": H(
        "The code your report uses for this case, e.g. KI-2026-07 (KI = konseling "
        "individual, the year, a number). Never the client's name.",
        "Kode kasus ini dalam laporan Anda, misalnya KI-2026-07 (KI = konseling individual, "
        "tahun, nomor urut). Jangan memakai nama konseli."),
    "case.title": H(
        "A few words on the problem, e.g. \"Student often late for school\". No real names.",
        "Beberapa kata tentang masalahnya, misalnya \"Siswa sering terlambat datang ke "
        "sekolah\". Jangan memuat nama asli."),
    "case.setting": H(
        "School (SD, SMP, SMA, SMK, madrasah) for a PPL BK in a school; university for a "
        "campus counseling service; community for an agency or community centre; workplace "
        "for counseling at work.",
        "Sekolah (SD, SMP, SMA, SMK, madrasah) untuk PPL BK di sekolah; perguruan tinggi "
        "untuk layanan konseling kampus; masyarakat untuk lembaga atau komunitas; tempat "
        "kerja untuk konseling karyawan."),
    "case.counselor.role": H(
        "Trainee: a PPL BK student. Guru BK / school counselor: a school's guru BK is its "
        "counselor (a professional). Teacher (not the guru BK): a homeroom or subject "
        "teacher who counsels. Peer: a peer counselor.",
        "Praktikan: mahasiswa PPL BK. Guru BK / konselor sekolah: guru BK adalah konselor di "
        "sekolahnya (konselor profesional). Guru (bukan guru BK): wali kelas atau guru mata "
        "pelajaran yang melakukan konseling. Teman sebaya: konselor sebaya."),
    "case.counselor.supervised": _YES_SUPERVISION,
    "case.counselor.competencies": H(
        "The fields of BK service you are trained in: personal, social, learning, career "
        "(the four bidang layanan; \"pribadi-sosial\" = personal and social, \"empat "
        "bidang\" = all four). A student's family trouble belongs to the personal-social "
        "field: no need to choose \"family\" for it. Family, crisis and clinical are "
        "specialisms (family therapy, crisis work such as self-harm, psychiatric symptoms): "
        "choose them only if you are trained in them.",
        "Bidang layanan BK yang Anda pelajari: pribadi, sosial, belajar, karier (empat "
        "bidang layanan; \"pribadi-sosial\" = pribadi dan sosial, \"empat bidang\" = "
        "keempatnya). Masalah keluarga seorang siswa termasuk bidang pribadi-sosial: tidak "
        "perlu memilih \"keluarga\" untuk itu. Keluarga, krisis, dan klinis adalah "
        "kompetensi khusus (konseling keluarga, penanganan krisis seperti menyakiti diri, "
        "gejala gangguan jiwa): pilih hanya bila Anda memang terlatih untuk itu."),
    "case.counselor.code": H(
        "The trainee code your lecturer or school gives you (e.g. PR-01), so that your "
        "progress can be followed from case to case. Not your name.",
        "Kode praktikan dari dosen atau sekolah (misalnya PR-01), agar perkembangan Anda "
        "antarkasus dapat diikuti. Bukan nama."),
    "case.client.pseudonym": H(
        "A pseudonym or initial that points at no one, e.g. \"Siswa R\" or \"Konseli A\". "
        "Never the real name, a nickname or a student number.",
        "Nama samaran atau inisial yang tidak menunjuk orang tertentu, misalnya \"Siswa R\" "
        "atau \"Konseli A\". Jangan nama asli, nama panggilan, atau nomor induk."),
    "case.client.age": H("The client's age in years, e.g. 16.",
                         "Usia konseli dalam tahun, misalnya 16."),
    "case.problem.summary": H(
        "One or two sentences as in your report's identification of the problem, e.g. "
        "\"A year XI student is often late because he takes his sibling to primary school "
        "every morning.\" No real names.",
        "Satu atau dua kalimat seperti di bagian identifikasi masalah laporan, misalnya "
        "\"Konseli kelas XI sering terlambat karena harus mengantar adiknya ke SD setiap "
        "pagi.\" Jangan memuat nama asli."),
    "case.problem.areas": H(
        "The fields the problem touches: personal (feelings, self-confidence), social "
        "(friends), learning (marks, lateness, motivation), career (choice of course or "
        "job), family (parents, siblings). Choose all that apply: late because of trouble "
        "at home = learning, family.",
        "Bidang yang tersentuh masalah: pribadi (perasaan, kepercayaan diri), sosial "
        "(teman, pergaulan), belajar (nilai, terlambat, malas belajar), karier (pilihan "
        "jurusan, pekerjaan), keluarga (orang tua, saudara). Pilih semua yang sesuai: "
        "terlambat karena urusan di rumah = belajar, keluarga."),
    "case.problem.risk": _RISK,
    "case.problem.risk[].kind": _RISK,
    "case.problem.risk[].session": H(
        "The session in which the sign first came up, e.g. 3 if the client only spoke of it "
        "in session 3. Enter if it was known from the start (e.g. from the referral).",
        "Nomor sesi saat tanda itu pertama kali muncul, misalnya 3 bila konseli baru "
        "menceritakannya di sesi 3. Enter bila sudah diketahui sejak awal (misalnya dari "
        "rujukan wali kelas)."),
    "case.problem.rights_violated": H(
        "Choose if the client is a victim: bullying (mocked, shut out, hit by peers), "
        "abuse, discrimination (treated differently for religion, ethnicity, a condition), "
        "exploitation (made to work, extorted).",
        "Pilih bila konseli menjadi korban: perundungan (diejek, dikucilkan, dipukul teman), "
        "kekerasan, diskriminasi (dibedakan karena agama, suku, atau keadaannya), "
        "eksploitasi (dipaksa bekerja, diperas)."),
    "case.referral.source": H(
        "Self-referred if the client asked to see you; otherwise whoever sent or advised the "
        "client to come: the homeroom teacher, a teacher, a parent, the principal, a friend. "
        "A client called in because the homeroom teacher reported him: homeroom teacher.",
        "Datang sendiri bila konseli sendiri yang meminta bertemu; selain itu, siapa yang "
        "mengirim atau menyarankan konseli datang: wali kelas, guru, orang tua, kepala "
        "sekolah, teman. Konseli yang dipanggil karena laporan wali kelas: wali kelas."),
    "case.referral.mandated": H(
        "Yes if the client was summoned or had to come (e.g. as a school sanction, called in "
        "over a breach of the rules); no if the homeroom teacher or a parent only advised "
        "it and the client was free to say no.",
        "Ya bila konseli dipanggil atau diharuskan datang (misalnya sebagai sanksi sekolah, "
        "dipanggil karena melanggar tata tertib); tidak bila hanya disarankan wali kelas "
        "atau orang tua dan konseli bebas menolak."),
    "case.referral.client_agreed": H(
        "Yes if before the first session the client said they were willing (e.g. agreed "
        "when you made the appointment); no if they came because they were told to, "
        "without being asked.",
        "Ya bila sebelum sesi pertama konseli menyatakan mau (misalnya setuju saat diajak "
        "membuat janji); tidak bila ia datang karena disuruh tanpa ditanya kesediaannya."),
    "case.referred_out": H(
        "Yes if you handed the case on to someone better placed (a psychologist, a "
        "psychiatrist, a doctor, a child-protection service); no if you worked it through "
        "yourself. A consultation or a case conference alone is not a referral.",
        "Ya bila penanganan kasus Anda serahkan kepada pihak yang lebih berwenang "
        "(psikolog, psikiater, dokter, lembaga perlindungan anak); tidak bila Anda sendiri "
        "yang menangani sampai selesai. Konsultasi atau konferensi kasus saja belum alih "
        "tangan kasus."),
    "case.referred_out.to": H("A role or a service, not a name: e.g. the puskesmas "
                              "psychologist, a psychiatrist.",
                              "Peran atau lembaga, bukan nama: misalnya psikolog puskesmas, "
                              "psikiater."),
    "case.referred_out.session": H("The session in which it was handed on, e.g. 2.",
                                   "Nomor sesi saat kasus diserahkan, misalnya 2."),
    "case.referred_out.reason": H(
        "In short, e.g. \"suicidal ideation, beyond what a trainee may handle\".",
        "Singkat, misalnya \"konseli menunjukkan ide bunuh diri, di luar kewenangan "
        "praktikan\"."),
    "case.advocacy": H(
        "Yes if you stood up for the client whose rights were violated: reported the "
        "bullying to the homeroom teacher or the principal, went with the client, asked for "
        "it to stop. No if nothing has been done yet.",
        "Ya bila Anda membela atau melindungi konseli yang haknya dilanggar: melaporkan "
        "perundungan kepada wali kelas atau kepala sekolah, mendampingi konseli, meminta "
        "agar pelaku dihentikan. Tidak bila belum ada tindakan."),
    "case.verbatim_speakers": H(
        "Verbatims usually mark turns with Ko/Ki, Konselor/Konseli, K/S or GBK/Siswa: answer "
        "no. Yes only if your report uses other codes, e.g. \"Pr:\" for the trainee and "
        "\"R:\" for the client.",
        "Verbatim biasanya memakai Ko/Ki, Konselor/Konseli, K/S, atau GBK/Siswa: jawab "
        "tidak. Ya hanya bila laporan Anda memakai kode lain, misalnya \"Pr:\" untuk "
        "praktikan dan \"R:\" untuk konseli."),
    "case.verbatim_speakers.counselor": H("The code that marks your turns, e.g. Pr or Kons.",
                                          "Kode yang menandai ucapan Anda, misalnya Pr atau "
                                          "Kons."),
    "case.verbatim_speakers.client": H("The code that marks the client's turns, e.g. R.",
                                       "Kode yang menandai ucapan konseli, misalnya R."),
    "case.verbatim_speakers.other": H(
        "If someone else speaks in a verbatim (the client's mother during a home visit), "
        "their code, e.g. Ibu.",
        "Bila ada orang lain yang berbicara dalam verbatim (misalnya ibu konseli saat "
        "kunjungan rumah), kodenya, misalnya Ibu."),
    "sessions": H(
        "Yes to record the next session (2, 3, ...) now; no when every session held is "
        "recorded. A later session can be added afterwards: asas interview FILE "
        "--append-session.",
        "Ya untuk mencatat sesi berikutnya (sesi 2, 3, ...) sekarang; tidak bila semua sesi "
        "yang sudah dilaksanakan telah dicatat. Sesi berikutnya dapat ditambahkan nanti: "
        "asas interview BERKAS --append-session."),
    "sessions[].date": H(
        "The day the session was held, as in your report: e.g. 7 September 2026 or Monday, "
        "7 September 2026.",
        "Tanggal pelaksanaan sesi seperti dalam laporan: misalnya 7 September 2026, 7-9-2026, "
        "atau Senin, 7 September 2026."),
    "sessions[].duration_minutes": H("How long the session lasted, in minutes, e.g. 40.",
                                     "Lama sesi dalam menit, misalnya 40 (satu jam "
                                     "pelajaran = 45)."),
    "sessions[].place": H(
        "Yes if the place, its privacy and who else was there were exactly as in the "
        "session before; no to answer them one by one.",
        "Ya bila tempat, ketertutupannya, dan siapa saja yang hadir sama persis dengan sesi "
        "sebelumnya; tidak untuk menjawabnya satu per satu."),
    "sessions[].place.kind": H(
        "Counseling room (ruang BK), classroom, staff room, online (video call, WhatsApp), "
        "home (a home visit), public place (canteen, park, field).",
        "Ruang BK / ruang konseling, ruang kelas, ruang guru, daring (video call, "
        "WhatsApp), rumah (kunjungan rumah), tempat umum (kantin, taman, lapangan)."),
    "sessions[].place.private": H(
        "Yes if the door was shut and no one else could see or overhear (a closed ruang "
        "BK). No in a busy staff room, a classroom with other students, the canteen, or an "
        "online call with someone beside the client.",
        "Ya bila pintu tertutup dan tidak ada orang lain yang dapat melihat atau mendengar "
        "(ruang BK yang tertutup). Tidak bila di ruang guru yang ramai, di kelas bersama "
        "siswa lain, di kantin, atau sesi daring dengan orang lain di samping konseli."),
    "sessions[].place.others_present": H(
        "Yes if anyone else was in the room during the session: the guru pamong observing, "
        "a friend the client brought, a parent beside the client online. Write their role, "
        "not their name.",
        "Ya bila ada orang lain di ruangan selama sesi: guru pamong yang mengamati, teman "
        "yang diajak konseli, orang tua di samping konseli saat sesi daring. Tulis perannya, "
        "bukan namanya."),
    "sessions[].place.others_present[].who": H(
        "Their role: guru pamong, dosen pembimbing, the client's friend, the client's mother.",
        "Perannya: guru pamong, dosen pembimbing, teman konseli, ibu konseli."),
    "sessions[].place.others_present[].client_agreed": H(
        "Yes if the client was asked and agreed before the session began (\"May the guru "
        "pamong sit in?\" – \"Yes\"); no if they were not asked.",
        "Ya bila konseli ditanya dan setuju sebelum sesi dimulai (\"Boleh Bu guru pamong "
        "ikut mengamati?\" – \"Boleh\"); tidak bila ia tidak ditanya."),
    "sessions[].stages": H(
        "The stages of individual counseling: pengantaran (opening, rapport), penjajakan "
        "(exploring the problem), penafsiran (understanding its causes), pembinaan (working "
        "out what to do), penilaian (evaluating). Choose those this session really went "
        "through; a first session often has only 1, 2.",
        "Tahap konseling individual: pengantaran (membuka, membina hubungan), penjajakan "
        "(menggali masalah), penafsiran (memahami sebab-sebabnya), pembinaan (mencari jalan "
        "keluar), penilaian (menilai hasil). Pilih tahap yang benar-benar dilalui sesi ini; "
        "sesi pertama sering hanya 1, 2."),
    "sessions[].opening": H(
        "Yes if the structuring (rapport, the purpose, confidentiality and its limits, "
        "voluntariness) went exactly as in the session before; no to answer one by one.",
        "Ya bila penstrukturan (membina hubungan baik, tujuan, asas kerahasiaan dan "
        "batasnya, kesukarelaan) berjalan persis seperti di sesi sebelumnya; tidak untuk "
        "menjawabnya satu per satu."),
    "sessions[].opening.rapport_built": H(
        "Yes if you opened by welcoming the client, asking how they were, a little small "
        "talk, so that they felt at ease.",
        "Ya bila Anda membuka sesi dengan menyambut, menanyakan kabar, dan berbincang ringan "
        "sehingga konseli merasa nyaman."),
    "sessions[].opening.purpose_explained": H(
        "Yes if you said what the meeting is for, e.g. \"We are meeting to talk about what "
        "makes you late, and to look for a way out together.\"",
        "Ya bila Anda menyampaikan untuk apa pertemuan ini, misalnya \"Kita bertemu untuk "
        "membicarakan apa yang membuat kamu sering terlambat, dan mencari jalan keluarnya "
        "bersama.\""),
    "sessions[].opening.confidentiality_explained": H(
        "Yes if you said, e.g., \"What you tell me here stays between the two of us.\" No "
        "if it was not said in this session, even if it was in an earlier one.",
        "Ya bila Anda menyampaikan, misalnya, \"Apa yang kamu ceritakan di sini hanya kita "
        "berdua yang tahu.\" Tidak bila tidak disampaikan di sesi ini, walaupun sudah di "
        "sesi sebelumnya."),
    "sessions[].opening.confidentiality_limits_explained": H(
        "Yes if you also said when a secret must be passed on, e.g. \"unless something "
        "puts you or others in danger; then I must tell someone who can help.\"",
        "Ya bila Anda juga menyampaikan kapan rahasia terpaksa dibuka, misalnya \"kecuali "
        "bila ada yang membahayakan dirimu atau orang lain; Ibu perlu memberi tahu pihak "
        "yang dapat menolong.\""),
    "sessions[].opening.voluntariness_explained": H(
        "Yes if you said the client may choose whether to talk and may stop, e.g. \"You "
        "don't have to tell me anything you are not ready to.\" It matters most for a "
        "client sent by the homeroom teacher.",
        "Ya bila Anda menyampaikan bahwa konseli boleh memilih mau bercerita atau tidak, "
        "dan boleh berhenti, misalnya \"Kamu tidak wajib bercerita bila belum siap.\" "
        "Penting terutama bagi konseli yang dikirim wali kelas."),
    "sessions[].client.willingness": H(
        "Willing: came and took part gladly. Hesitant: willing but unsure. Reluctant: came "
        "because told to, answered only what was asked. Refused: would not take part.",
        "Bersedia: datang dan mau mengikuti. Ragu-ragu: mau, tetapi bimbang. Enggan: datang "
        "karena disuruh, menjawab seperlunya. Menolak: tidak mau mengikuti sesi."),
    "sessions[].client.disclosure": H(
        "Open: told of the problem and their feelings. Partial: told some, held some back. "
        "Guarded: short answers, avoided the subject. Did not speak at all: silent.",
        "Terbuka: menceritakan masalah dan perasaannya. Sebagian: bercerita tetapi menahan "
        "sebagian. Tertutup: menjawab singkat, menghindar. Tidak bercerita sama sekali: "
        "diam."),
    "sessions[].client.activity": H(
        "Active: talked, asked, proposed ways out. Moderate: answered when asked. Passive: "
        "silent or only nodded.",
        "Aktif: ikut berbicara, bertanya, mengusulkan jalan keluar. Cukup aktif: menjawab "
        "bila ditanya. Pasif: diam atau hanya mengangguk."),
    "sessions[].client.completed_previous_tasks": H(
        "Yes if the client did what was agreed in the session before (e.g. noting the time "
        "they woke up for a week); no if not yet, or forgotten. Done in part: answer no and "
        "say so in the notes.",
        "Ya bila konseli mengerjakan tugas atau rencana yang disepakati pada sesi sebelumnya "
        "(misalnya mencatat jam bangun selama seminggu); tidak bila belum atau lupa. Hanya "
        "sebagian: jawab tidak dan jelaskan di catatan."),
    "sessions[].client.missed_tasks_explored": H(
        "Yes if you asked and talked over with the client why the task was not done (\"What "
        "made it hard?\"), rather than scolding or passing over it.",
        "Ya bila Anda menanyakan dan membahas bersama konseli mengapa tugas itu tidak "
        "dikerjakan (\"Apa yang membuatnya sulit?\"), bukan sekadar menegur atau "
        "melewatkannya."),
    "sessions[].client.made_own_decision": H(
        "Yes if in this session the client put into words what they will do, e.g. \"I will "
        "talk to my mother about taking my sister to school.\" No if nothing was decided "
        "yet (early sessions usually), or if the decision came from you.",
        "Ya bila di sesi ini konseli sendiri merumuskan apa yang akan ia lakukan, misalnya "
        "\"Saya akan bicara dengan ibu soal mengantar adik.\" Tidak bila belum ada keputusan "
        "(sesi awal biasanya belum), atau bila keputusan itu datang dari Anda."),
    "sessions[].client.decision": H(
        "The client's decision in their words, e.g. \"talk to my mother about who takes my "
        "sister to school\".",
        "Keputusan konseli dengan kata-katanya, misalnya \"berbicara dengan ibu tentang "
        "siapa yang mengantar adik\"."),
    "sessions[].counselor.time_focus": H(
        "Present: feelings and circumstances now, what happened this week. Past: old "
        "events, childhood. Future: plans, hopes. Mixed: about even.",
        "Masa kini: perasaan dan keadaan sekarang, apa yang terjadi minggu ini. Masa lalu: "
        "kejadian lama, masa kecil. Masa depan: rencana, cita-cita. Campuran: berimbang."),
    "sessions[].counselor.techniques": H(
        "The techniques your verbatim or notes show, e.g. attending, open questions, "
        "paraphrase, reflection of feeling (empathy too), clarification, minimal "
        "encouragement, summarizing, advice. Their numbers or names, separated by commas.",
        "Teknik yang tampak dalam verbatim atau catatan Anda, misalnya attending (perhatian "
        "penuh), pertanyaan terbuka, parafrase, refleksi perasaan (termasuk empati), "
        "klarifikasi, dorongan minimal, menyimpulkan, nasihat. Tulis nomor atau namanya, "
        "dipisah koma."),
    "sessions[].counselor.talk_share": H(
        "Your share of the talk in the verbatim: your lines or words against all of them, "
        "e.g. 0.4 or 40% if you spoke somewhat less than half. Enter if there is no "
        "verbatim.",
        "Bagian bicara Anda dalam verbatim: baris atau kata ucapan Anda dibanding "
        "seluruhnya, misalnya 0,4 atau 40% bila Anda berbicara sedikit kurang dari separuh. "
        "Enter bila tidak ada verbatim."),
    "sessions[].counselor.decided_for_client": H(
        "Yes if you settled what the client must do, e.g. \"From tomorrow you ask your aunt "
        "to take your sister.\" No if you offered options and the client chose.",
        "Ya bila Anda yang menentukan apa yang harus dilakukan konseli, misalnya \"Mulai "
        "besok kamu minta tolong tante mengantar adik.\" Tidak bila Anda menawarkan pilihan "
        "dan konseli sendiri yang memutuskan."),
    "sessions[].counselor.self_focus": H(
        "Yes if you told a long story of your own, so that the client had less time to "
        "speak (more than a few sentences about your own school days, say).",
        "Ya bila Anda bercerita panjang tentang pengalaman sendiri sehingga waktu konseli "
        "berbicara berkurang (misalnya lebih dari beberapa kalimat tentang masa sekolah "
        "Anda)."),
    "sessions[].counselor.judgmental_remarks": H(
        "Yes if you said something that judged or blamed the client, e.g. \"You are just "
        "lazy.\" Quote what was said.",
        "Ya bila Anda mengucapkan kata yang menilai atau menyalahkan konseli, misalnya "
        "\"Kamu ini malas\" atau \"Begitu saja kok tidak bisa.\" Kutip ucapannya."),
    "sessions[].counselor.pressure_on_client": H(
        "Yes if you threatened or forced the client, e.g. \"If you won't talk, I'll tell "
        "your parents.\" Quote what was said.",
        "Ya bila Anda mengancam atau memaksa, misalnya \"Kalau kamu tidak mau cerita, nanti "
        "Ibu laporkan ke orang tuamu.\" Kutip ucapannya."),
    "sessions[].counselor.norm_conflicts": H(
        "Yes if a suggestion or action went against religion, custom, law, science or the "
        "habits of the community, e.g. suggesting the client lie to their parents or forge "
        "a permission letter.",
        "Ya bila ada saran atau tindakan yang bertentangan dengan norma agama, adat, hukum, "
        "ilmu pengetahuan, atau kebiasaan masyarakat, misalnya menyarankan berbohong kepada "
        "orang tua atau memalsukan surat izin."),
    "sessions[].counselor.norm_conflicts[].norm": H(
        "Religion, custom, law, science, or social habit: the norm it went against.",
        "Agama, adat, hukum, ilmu pengetahuan, atau kebiasaan masyarakat: norma yang "
        "dilanggar."),
    "sessions[].counselor.norm_conflicts[].note": H(
        "What was suggested or done, in short, e.g. \"suggested lying to the parents\".",
        "Apa yang disarankan atau dilakukan, singkat, misalnya \"menyarankan konseli "
        "berbohong kepada orang tua\"."),
    "sessions[].recording.made": H("Yes if sound or video was recorded (for the verbatim "
                                   "of the report, say).",
                                   "Ya bila sesi direkam suara atau video (misalnya untuk "
                                   "verbatim laporan PPL)."),
    "sessions[].recording.consent": H("Yes if the client was asked and agreed before the "
                                      "recording began.",
                                      "Ya bila konseli ditanya dan setuju sebelum perekaman "
                                      "dimulai."),
    "sessions[].disclosures": H(
        "Yes if you passed on what the client told you: to the homeroom teacher, a parent, "
        "the guru pamong, a WhatsApp group. Talking the case over with your guru pamong or "
        "dosen pembimbing is recorded here too (reason: supervision).",
        "Ya bila Anda menyampaikan cerita konseli kepada orang lain: wali kelas, orang tua, "
        "guru pamong, grup WhatsApp. Diskusi kasus dengan guru pamong atau dosen pembimbing "
        "juga dicatat di sini (alasannya: supervisi)."),
    "sessions[].disclosures[].to": H("Their role: homeroom teacher, parent, guru pamong.",
                                     "Perannya: wali kelas, orang tua, guru pamong."),
    "sessions[].disclosures[].content": H(
        "What was passed on, in short, e.g. \"he takes his sister to school every morning\".",
        "Apa yang disampaikan, singkat, misalnya \"konseli mengantar adik setiap pagi\"."),
    "sessions[].disclosures[].client_consent": H("Yes if the client allowed it beforehand.",
                                                 "Ya bila konseli mengizinkannya lebih "
                                                 "dulu."),
    "sessions[].disclosures[].client_informed": H(
        "Yes if the client was told (before or after) that it was passed on.",
        "Ya bila konseli diberi tahu (sebelum atau sesudahnya) bahwa informasinya "
        "disampaikan."),
    "sessions[].disclosures[].reason": H(
        "Safety (a danger to the client or others), a legal duty, supervision (with the "
        "guru pamong or dosen pembimbing), coordination (with the homeroom teacher or "
        "parents, to help the client), or other.",
        "Keselamatan (ada bahaya bagi konseli atau orang lain), kewajiban hukum, supervisi "
        "(dengan guru pamong atau dosen pembimbing), koordinasi (dengan wali kelas atau "
        "orang tua untuk membantu konseli), atau lainnya."),
    "sessions[].disclosures[].identifiable": H(
        "Yes if the listener could tell who the client is (a name, a class). No if it was "
        "disguised, e.g. \"a year XI student\" in supervision.",
        "Ya bila penerima dapat mengetahui siapa konselinya (nama, kelas). Tidak bila "
        "disamarkan, misalnya \"seorang siswa kelas XI\" dalam supervisi."),
    "sessions[].tasks_agreed": H(
        "Yes if at the end you and the client agreed something to do before the next "
        "session, e.g. \"note the time you wake up and arrive at school for a week\".",
        "Ya bila di akhir sesi Anda dan konseli menyepakati sesuatu untuk dikerjakan sebelum "
        "sesi berikutnya, misalnya \"mencatat jam bangun dan jam tiba di sekolah selama "
        "seminggu\"."),
    "sessions[].evaluation.done": H(
        "Yes if at the end you asked what the client now understands, how they feel and "
        "what they will do (laiseg: understanding, comfort, action).",
        "Ya bila di akhir sesi Anda menanyakan apa yang kini dipahami konseli, bagaimana "
        "perasaannya, dan apa yang akan ia lakukan (laiseg: understanding, comfort, "
        "action)."),
    "sessions[].evaluation.understanding": H(
        "Yes if the client said something newly understood, e.g. \"So I'm late because I "
        "go to bed too late.\"",
        "Ya bila konseli menyatakan pemahaman baru, misalnya \"Ternyata saya terlambat "
        "karena tidur terlalu malam.\""),
    "sessions[].evaluation.feeling_better": H(
        "Yes if the client said they felt relieved or calmer, e.g. \"It's a relief to have "
        "told someone.\"",
        "Ya bila konseli menyatakan merasa lebih lega atau tenang, misalnya \"Lega, Bu, "
        "sudah bisa cerita.\""),
    "sessions[].evaluation.action_plan": H(
        "Yes if the client named what they will do after the session, e.g. \"I'll go to "
        "bed at ten.\"",
        "Ya bila konseli menyebut apa yang akan ia lakukan setelah sesi, misalnya \"Saya "
        "akan tidur jam sepuluh.\""),
    "sessions[].follow_up": H(
        "Planned: a further session, a consultation, a home visit or a referral is "
        "arranged. Not needed: the problem is resolved. None: no plan of any kind yet.",
        "Direncanakan: sudah dijadwalkan sesi lanjutan, konsultasi, kunjungan rumah, atau "
        "alih tangan. Tidak diperlukan: masalah sudah tuntas. Tidak ada: belum ada rencana "
        "apa pun."),
    "sessions[].notes": H(
        "Anything that matters and was not asked, e.g. \"The client cried when speaking of "
        "his parents.\"",
        "Apa saja yang penting dan belum tertanya, misalnya \"Konseli menangis saat "
        "bercerita tentang orang tuanya.\""),
    "sessions[].verbatim": H(
        "Yes to paste this session's verbatim from your report, one turn per line, each "
        "after its speaker's code: \"Ko: Good morning, have a seat.\" / \"Ki: Morning.\" "
        "Or give the path of the Word table, CSV or text file it is in. asas reads the "
        "techniques you used from it.",
        "Ya untuk menempelkan verbatim sesi ini dari laporan, satu giliran per baris, "
        "diawali kode pembicara: \"Ko: Selamat pagi, silakan duduk.\" / \"Ki: Pagi, Bu.\" "
        "Atau berikan path berkas tabel Word, CSV, atau teks tempat verbatim itu berada. "
        "asas membaca teknik yang Anda pakai darinya."),
    # profile bk12
    "case.referral.feedback_given": H(
        "Yes if you told whoever sent the client (the homeroom teacher, say) how things "
        "are going in general, without giving away the client's secrets.",
        "Ya bila Anda memberi tahu pihak yang mengirim konseli (misalnya wali kelas) "
        "perkembangannya secara umum, tanpa membuka rahasia konseli."),
    "case.data_sources": H(
        "The AUM problem checklist, observation, the homeroom teacher, parents, friends, "
        "documents (the case book, report cards, attendance), or other.",
        "AUM (alat ungkap masalah), observasi, wali kelas, orang tua, teman, dokumen (buku "
        "kasus, rapor, catatan kehadiran), atau lainnya."),
    "case.supporting_activities": H(
        "Yes if the case had supporting activities: a case conference, a home visit, a "
        "consultation with a teacher or parent, a report back to whoever referred.",
        "Ya bila ada kegiatan pendukung untuk kasus ini: konferensi kasus, kunjungan rumah, "
        "konsultasi dengan guru atau orang tua, laporan balik ke perujuk."),
    "case.supporting_activities[].kind": H(
        "Case conference, home visit, consultation, report back to the referrer, other.",
        "Konferensi kasus, kunjungan rumah, konsultasi, laporan balik ke perujuk, lainnya."),
    "case.supporting_activities[].with_whom": H("Their role: homeroom teacher, the client's "
                                                "mother.",
                                                "Perannya: wali kelas, ibu konseli."),
    "case.supporting_activities[].session": H("The session after which it took place, "
                                              "e.g. 2.",
                                              "Nomor sesi sesudah kegiatan itu dilakukan, "
                                              "misalnya 2."),
    "case.supporting_activities[].client_agreed": H(
        "Yes if the client was asked and agreed first (before a home visit, say).",
        "Ya bila konseli ditanya dan setuju lebih dulu (misalnya sebelum kunjungan rumah)."),
    "case.referred_out.alternatives_offered": H(
        "Yes if the client was offered more than one place to be referred to and had a say.",
        "Ya bila konseli ditawari lebih dari satu pilihan tujuan alih tangan dan ikut "
        "memilih."),
    "case.referred_out.client_agreed": H("Yes if the client agreed to be referred there.",
                                         "Ya bila konseli setuju kasusnya diserahkan kepada "
                                         "pihak itu."),
    "sessions[].goals_reviewed": H(
        "Yes if in this session you and the client looked again at the goals of the "
        "sessions before and adjusted them.",
        "Ya bila di sesi ini Anda dan konseli meninjau kembali tujuan dari sesi sebelumnya "
        "dan menyesuaikannya."),
    "sessions[].evaluation.laijapen_planned": H(
        "Yes if a short-term evaluation is planned (1 week to 1 month on), e.g. asking the "
        "homeroom teacher whether the client is still late.",
        "Ya bila sudah direncanakan penilaian jangka pendek (1 minggu – 1 bulan setelah "
        "layanan), misalnya menanyakan kepada wali kelas apakah konseli masih terlambat."),
    "sessions[].evaluation.laijapang_planned": H(
        "Yes if a long-term evaluation is planned (months on), e.g. the attendance record "
        "at the end of the semester.",
        "Ya bila sudah direncanakan penilaian jangka panjang (beberapa bulan), misalnya "
        "melihat catatan kehadiran di akhir semester."),
}


# How a menu names its choices where the case file's words would mislead in it.
MENU: dict[str, dict[str, H]] = {
    "case.counselor.role": {
        "trainee": H("PPL BK student", "praktikan, mahasiswa PPL BK"),
        "professional": H("guru BK / school counselor, professional counselor",
                          "guru BK / konselor sekolah, konselor profesional"),
        "teacher": H("a teacher who is not the guru BK", "guru, bukan guru BK"),
        "peer": H("peer counselor", "konselor sebaya"),
    },
    "case.counselor.competencies": {
        "personal": H("bidang pribadi", "pribadi"),
        "social": H("bidang sosial", "sosial"),
        "academic": H("learning, bidang belajar", "belajar"),
        "career": H("bidang karier", "karier"),
        "family": H("family counseling, a specialism", "konseling keluarga, kompetensi khusus"),
        "crisis": H("crisis work, a specialism", "penanganan krisis, kompetensi khusus"),
        "clinical": H("psychiatric symptoms, a specialism", "klinis, kompetensi khusus"),
    },
    # where the techniques a trainee names without a code of their own go
    "sessions[].counselor.techniques": {
        "attending": H("attending, silence too", "perhatian penuh, termasuk diam"),
        "open_question": H("open question, exploration", "pertanyaan terbuka, eksplorasi"),
        "paraphrase": H("paraphrase, reflection of content",
                        "parafrase, menangkap pesan utama"),
        "reflection_of_feeling": H("reflection of feeling, empathy",
                                   "refleksi perasaan, empati"),
        "summarizing": H("summarizing, a provisional summary too",
                         "merangkum, menyimpulkan (juga sementara)"),
        "clarification": H("clarification", "klarifikasi, menjernihkan"),
    },
    # "tidak ada" would read as "none of the list"
    "sessions[].client.disclosure": {
        "open": H("open", "terbuka"),
        "partial": H("partly", "sebagian"),
        "guarded": H("guarded", "tertutup"),
        "none": H("did not speak of it at all", "tidak bercerita sama sekali"),
    },
}

# Words that stand for several choices of one question at once.
GROUPS: dict[str, dict[str, tuple[str, ...]]] = {
    "case.counselor.competencies": dict.fromkeys(
        ("empat bidang", "4 bidang", "keempat bidang", "empat bidang layanan",
         "4 bidang layanan", "semua bidang layanan", "keempat bidang layanan",
         "four areas", "all four", "the four areas", "4 areas"),
        ("personal", "social", "academic", "career")) | dict.fromkeys(
        ("pribadi sosial", "pribadi-sosial", "pribadi/sosial", "personal social",
         "personal-social"), ("personal", "social")),
    "case.problem.areas": dict.fromkeys(
        ("pribadi sosial", "pribadi-sosial", "pribadi/sosial", "personal social",
         "personal-social"), ("personal", "social")),
}
