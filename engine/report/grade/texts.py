"""The words of the gradebook, the sheets and the spreadsheet, in English and Indonesian."""

from __future__ import annotations

TEXTS = {
    # states
    "graded": ("graded", "dinilai"),
    "incomplete": ("incomplete — returned", "belum lengkap — dikembalikan"),
    "incomplete_short": ("incomplete", "belum lengkap"),
    "invalid": ("invalid file", "berkas tidak valid"),
    "meeting": ("meeting with the lecturer required", "wajib konsultasi dengan dosen pembimbing"),
    "meeting_short": ("meeting", "konsultasi"),
    "at_most": ("at most {grade}: {why} ({rules})", "paling tinggi {grade}: {why} ({rules})"),
    "capped_from": ("the points reach {grade}", "poin mencapai {grade}"),
    "to_add": ("to add", "yang harus dilengkapi"),
    "not_assessed_share": ("{share}% of the weight cannot be assessed from the write-up",
                           "{share}% bobot tidak dapat dinilai dari laporan"),
    "set_aside": ("set aside", "dikecualikan"),
    "set_aside_by": ("{rule} set aside by {by}: {reason}", "{rule} dikecualikan oleh {by}: {reason}"),
    "set_aside_plain": ("{rule} set aside: {reason}", "{rule} dikecualikan: {reason}"),
    "unused": ("unused override", "pengecualian tak terpakai"),
    "unused_line": ("{where}: unused override: {rule} matches no finding of {case}",
                    "{where}: pengecualian tak terpakai: {rule} tidak cocok dengan temuan mana pun "
                    "di {case}"),
    "unused_case": ("{where}: unused override: no case {case} in this class",
                    "{where}: pengecualian tak terpakai: tidak ada kasus {case} di kelas ini"),
    "yes": ("yes", "ya"),
    # columns
    "file": ("file", "berkas"),
    "case_id": ("case_id", "kode_kasus"),
    "trainee": ("trainee", "praktikan"),
    "name": ("name", "nama"),
    "nim": ("NIM", "NIM"),
    "class": ("class", "kelas"),
    "guru_pamong": ("guru pamong", "guru pamong"),
    "deductions": ("deductions", "pengurangan"),
    "function_deductions": ("functions", "fungsi"),
    "total": ("total", "total"),
    "grade": ("grade", "nilai"),
    "grade_point": ("grade_point", "bobot_nilai"),
    "state": ("state", "status"),
    "reason": ("reason", "keterangan"),
    "cases": ("cases", "kasus"),
    "average": ("average", "rata-rata"),
    "case": ("case", "kasus"),
    # sheets
    "sheet_title": ("Feedback sheet: individual counseling report", "Lembar umpan balik laporan konseling individual"),
    "student": ("Student", "Mahasiswa"),
    "code": ("Trainee code", "Kode praktikan"),
    "case_label": ("Case", "Kasus"),
    "result": ("Result", "Hasil"),
    "points": ("points", "poin"),
    "why_grade": ("Why this grade", "Mengapa nilai ini"),
    "strengths": ("What went well", "Yang sudah baik"),
    "work_on": ("Three things to work on first", "Tiga hal yang perlu diperbaiki lebih dulu"),
    "rule_page": ("rule page", "halaman aturan"),
    "overrides": ("Decisions of the lecturer or supervisor", "Keputusan dosen atau guru pamong"),
    "comment": ("Lecturer's comment", "Catatan dosen"),
    "vb_title": ("What the verbatim shows", "Yang tampak dalam verbatim"),
    "vb_session": ("Session", "Sesi"),
    "vb_talk": ("Talk share", "Porsi bicara"),
    "vb_questions": ("Open : closed", "Terbuka : tertutup"),
    "vb_reflections": ("Reflections : questions", "Refleksi : tanya"),
    "vb_said": ("Said:", "Terucap:"),
    # the session's opening and close, short, as the sheet's columns head them
    "vb_confidentiality": ("confidentiality", "kerahasiaan"),
    "vb_limits": ("limits", "batasnya"),
    "vb_voluntariness": ("voluntariness", "kesukarelaan"),
    "vb_purpose": ("purpose", "tujuan"),
    "vb_decision": ("decision", "keputusan"),
    "vb_note": ("Measured from the verbatim (asas verbatim tag). The course's thresholds: talk "
                "share ≤ {talk}, open : closed ≥ {questions}, reflections : questions ≥ "
                "{reflections}.",
                "Diukur dari verbatim (asas verbatim tag). Batas perkuliahan: porsi bicara "
                "≤ {talk}, terbuka : tertutup ≥ {questions}, refleksi : tanya ≥ {reflections}."),
    "signatures": ("Signatures", "Tanda tangan"),
    "dosen": ("Dosen pembimbing", "Dosen pembimbing"),
    "pamong": ("Guru pamong", "Guru pamong"),
    "date": ("Date", "Tanggal"),
    "nothing_yet": ("Nothing counted yet: complete the write-up first.",
                    "Belum ada yang dihitung: lengkapi laporan lebih dulu."),
    "no_priorities": ("No finding to work on.", "Tidak ada temuan yang perlu diperbaiki."),
    "self_report": ("The grade is of the write-up (how complete and principle-aware the report "
                    "is, and whether its verbatim, where it has one, bears out what it claims), "
                    "not of the practice itself, and it is one component of the PPL grade.",
                    "Nilai ini menilai laporan (kelengkapan, perhatian pada asas, dan kesesuaian "
                    "klaimnya dengan verbatim bila ada), bukan praktik itu sendiri, dan merupakan "
                    "satu komponen nilai PPL."),
    "total_line": ("{points} of 100 points", "{points} dari 100 poin"),
    "graded_with": ("Graded with", "Dinilai dengan"),
    "sheets_index": ("Feedback sheets", "Lembar umpan balik"),
    "gradebook": ("Gradebook", "Daftar nilai"),
    "by_trainee": ("By trainee", "Per praktikan"),
    "capped_n": ("{n} capped", "{n} dibatasi"),
    "average_reaches": ("the average reaches {grade}", "nilai rata-rata mencapai {grade}"),
    "incomplete_n": ("{n} returned", "{n} dikembalikan"),
    "rubric": ("rubric", "rubrik"),
    "functions_cost": ("deducted per function not served", "dikurangkan per fungsi tidak terlayani"),
    "caps": ("caps", "batas nilai"),
    "capped_legend": ("grade lowered by a cap", "nilai diturunkan oleh batas nilai"),
    "derived_once": ("a finding derived from another (a chain) costs nothing: a principle at "
                     "risk only through one keeps its points; a principle's findings never take "
                     "off more than it earned; one missing an observation it needs earns no points",
                     "temuan turunan (rantai penalaran) tidak mengurangi poin: asas yang berisiko "
                     "hanya karena rantai tetap memperoleh poinnya; temuan suatu asas tidak "
                     "mengurangkan lebih dari poin yang diperolehnya; asas yang kekurangan "
                     "pengamatan yang diperlukannya tidak memperoleh poin"),
    "incomplete_rule": ("incomplete when more than {share}% of the weight is not assessed",
                        "belum lengkap bila lebih dari {share}% bobot tidak dapat dinilai"),
    "redacted": ("Redacted (--redact): the free text of the case files is hidden.",
                 "Disamarkan (--redact): teks bebas berkas kasus disembunyikan."),
    "no_code": ("(no code)", "(tanpa kode)"),
    "not_averaged": ("not averaged: not one trainee", "tidak dirata-rata: bukan satu praktikan"),
}


def t(key: str, lang: str, **params) -> str:
    en, id_ = TEXTS[key]
    text = id_ if lang == "id" else en
    return text.format(**params) if params else text
