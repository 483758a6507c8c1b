"""The words of the interface, in English and Indonesian (the rule texts live with the rules)."""

from __future__ import annotations

import os

WORDS = {
    "violation": ("violation", "pelanggaran"),
    "risk": ("risk", "risiko"),
    "advice": ("advice", "saran"),
    "upheld": ("upheld", "ditegakkan"),
    "at_risk": ("at risk", "berisiko"),
    "violated": ("violated", "dilanggar"),
    "not_assessed": ("not assessed", "tidak dapat dinilai"),
    "session": ("session", "sesi"),
    "case": ("case", "kasus"),
    "line": ("line", "baris"),
    "certainty": ("certainty", "tingkat keyakinan"),
    "derived_from": ("a consequence of", "akibat dari temuan"),
    "evidence": ("evidence", "bukti"),
    "recommendation": ("Next time", "Saran perbaikan"),
    "functions": ("functions", "fungsi"),
    "invalid": ("invalid case file", "berkas kasus tidak valid"),
    "invalid_count": ("invalid", "tidak valid"),
    "summary": ("Summary", "Ringkasan"),
    "files": ("files", "berkas"),
    "valid": ("valid", "valid"),
    "findings": ("findings", "temuan"),
    "no_findings": ("no findings", "tidak ada temuan"),
    "went_well": ("What went well", "Yang sudah baik"),
    "consequence": ("consequence", "akibatnya"),
    "undocumented_block": ("Not documented (advice)", "Belum dicatat (saran)"),
    "defeated": ("Presumptions defeated by what happened later",
                 "Dugaan yang gugur oleh kejadian berikutnya"),
    "defeated_via": ("rested only on", "hanya bertumpu pada"),
    "certainty_note": (
        "A finding drawn from several others can be more certain than each of them: "
        "independent lines of evidence for the same conclusion add up (cf1 + cf2 × (1 − cf1)).",
        "Temuan yang diturunkan dari beberapa temuan lain dapat lebih meyakinkan daripada "
        "masing-masing temuan itu: beberapa bukti yang saling lepas untuk kesimpulan yang sama "
        "saling menguatkan (cf1 + cf2 × (1 − cf1))."),
    "weakest": ("most often failing", "paling sering bermasalah"),
    "pemahaman": ("understanding", "pemahaman"),
    "pengentasan": ("alleviation", "pengentasan"),
    "pengembangan_pemeliharaan": ("maintenance and development", "pemeliharaan dan pengembangan"),
    "pencegahan": ("prevention", "pencegahan"),
    "advokasi": ("advocacy", "advokasi"),
    "served": ("served", "terlayani"),
    "not_served": ("not served", "tidak terlayani"),
    "not_documented": ("not documented / not applicable", "tidak dicatat / tidak berlaku"),
    "not_documented_value": ("not documented", "tidak dicatat"),
    # reports for lecturers and supervisors (formats, grade, trend)
    "report_title": ("asas · Principles of individual counseling: report",
                     "asas · Laporan asas konseling individual"),
    "class_overview": ("Class overview", "Gambaran kelas"),
    "matrix_note": ("Each row is a case, each column a principle; the number is the score "
                    "(0-100).",
                    "Setiap baris satu kasus, setiap kolom satu asas; angkanya skor (0-100)."),
    "legend": ("legend", "keterangan"),
    "chart_principles": ("Score of each principle, coloured by status",
                         "Skor tiap asas, diwarnai menurut status"),
    "weakest_principles": ("The class's weakest principles", "Asas terlemah di kelas ini"),
    "cases_at_risk_or_violated": ("cases at risk or violated", "kasus berisiko atau dilanggar"),
    "failing_count": ("at risk or violated", "berisiko atau dilanggar"),
    "none_failing": ("No principle is at risk or violated in any case.",
                     "Tidak ada asas yang berisiko atau dilanggar di kasus mana pun."),
    "frequent_findings": ("Findings met most often", "Temuan yang paling sering muncul"),
    "no_serious_findings": ("No risk or violation found.",
                            "Tidak ditemukan risiko atau pelanggaran."),
    "score_note": ("Score of a principle: upheld 100; each risk finding takes off 40% and each "
                   "violation 70%, times its certainty (one certain risk: 60, one certain "
                   "violation: 30); a principle not assessed has no score.",
                   "Skor tiap asas: ditegakkan 100; setiap temuan risiko mengurangi 40% dan "
                   "setiap pelanggaran 70%, dikalikan kepastiannya (satu risiko pasti: 60, satu "
                   "pelanggaran pasti: 30); asas yang tidak dapat dinilai tidak diberi skor."),
    "redaction_on": ("Pseudonyms and quoted free text are left out of this report (more than "
                     "one case).",
                     "Nama samaran dan kutipan teks bebas tidak dimuat dalam laporan ini (lebih "
                     "dari satu kasus)."),
    "invalid_help": ("The case file could not be read or does not follow the asas/v1 format; "
                     "fix the errors shown and check it again.",
                     "Berkas kasus tidak dapat dibaca atau tidak mengikuti format asas/v1; "
                     "perbaiki kesalahan yang ditunjukkan lalu periksa lagi."),
    "why": ("Why it matters", "Mengapa penting"),
    "principle": ("principle", "asas"),
    "status": ("status", "status"),
    "score": ("score", "skor"),
    "severity": ("severity", "tingkat"),
    "title": ("title", "judul"),
    "cases": ("cases", "kasus"),
    "sessions": ("sessions", "jumlah sesi"),
    "first_session": ("first session", "sesi pertama"),
    "client": ("client", "konseli"),
    "trainee": ("trainee", "praktikan"),
    "no_code": ("(no code)", "(tanpa kode)"),
    "gradebook_title": ("asas · Gradebook", "asas · Daftar nilai"),
    "grade": ("grade", "nilai"),
    "grade_point": ("grade point", "bobot"),
    "total": ("total", "total"),
    "deductions": ("deductions", "pengurangan"),
    "ungraded": ("not graded", "tidak dinilai"),
    "reason": ("reason", "alasan"),
    "rubric": ("Rubric", "Rubrik"),
    "weight": ("weight", "bobot"),
    "average": ("average", "rata-rata"),
    "distribution": ("Grades", "Sebaran nilai"),
    "points_per_status": ("points per status (% of the weight)",
                          "poin per status (% dari bobot)"),
    "deduction_per_finding": ("deducted per finding", "pengurangan per temuan"),
    "bands": ("grade bands (lowest total)", "rentang nilai (total terendah)"),
    "trend_title": ("asas · Progress of each trainee", "asas · Perkembangan tiap praktikan"),
    "date": ("date", "tanggal"),
    "change": ("change", "perubahan"),
    "improved": ("better", "membaik"),
    "declined": ("worse", "menurun"),
    "unchanged": ("same", "tetap"),
    "not_included": ("not included (invalid)", "tidak disertakan (tidak valid)"),
    "undated": ("no date", "tanpa tanggal"),
    "stat_violation": ("with a principle violated", "dengan asas yang dilanggar"),
    "stat_risk_only": ("at risk, no violation", "berisiko, tanpa pelanggaran"),
    "stat_all_upheld": ("all eight principles upheld", "kedelapan asas ditegakkan"),
    "stat_not_assessed": ("with a principle the write-up does not show",
                          "dengan asas yang tidak tampak dalam laporan"),
}


def word(key: str, lang: str) -> str:
    pair = WORDS.get(key)
    if pair is None:
        return key
    return pair[1] if lang == "id" else pair[0]


def default_lang(environ=os.environ) -> str:
    """Indonesian when the locale says so (id_ID.UTF-8, in), else English."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = environ.get(var, "")
        if value:
            return "id" if value.split(":")[0].lower().startswith(("id", "in_")) else "en"
    return "en"
