"""Every value of the case format as people say it: one table, for every part of asas.

Each code of the format's closed vocabularies (``engine/model/case.py``) has one row:

- ``en``, ``id``: its name beside the code in a list of choices (the template's
  comments, the interview's menus); None when the code already says it;
- ``text``: how a finding's sentence says it, in English and Indonesian; None where a
  sentence shows the code itself;
- ``words``: more ways people write it (Indonesian words, spellings, the school's own
  names), accepted in a case file and in the interview as the code
  (:func:`code_for`).

A few rows are not values of the format but words the rules put into sentences
(``authority``, the principles' names, the chains' conclusions): they have a ``text``
only.  tests/test_init.py keeps every choice of the model in this table, and
tests/test_load.py keeps :func:`code_for` unambiguous within each field.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Label:
    en: str | None
    id: str | None
    text: tuple[str, str] | None
    words: tuple[str, ...] = ()

    def name(self, lang: str) -> str | None:
        return self.id if lang == "id" else self.en


_SAME = object()


def L(en, id, *, text=_SAME, words=()) -> Label:
    """A row; ``text`` defaults to the names (the code where a name is None)."""
    return Label(en, id, text, tuple(words))


LABELS: dict[str, Label] = {
    "school": L(None, 'sekolah', text=None, words=('sma', 'smp', 'sd', 'smk', 'ma', 'mts', 'madrasah')),
    "university": L(None, 'perguruan tinggi', text=None, words=('universitas', 'kampus', 'kuliah')),
    "community": L(None, 'masyarakat', text=None),
    "workplace": L(None, 'tempat kerja', text=None),
    "other": L(None, 'lainnya', words=('lain lain', 'lain')),
    "trainee": L(None, 'praktikan', words=('mahasiswa ppl', 'ppl', 'mahasiswa praktikan', 'calon konselor')),
    "professional": L(None, 'konselor profesional', text=('professional', 'profesional'), words=('konselor', 'guru bk', 'konselor sekolah', 'guru bimbingan dan konseling', 'guru bimbingan konseling')),
    "teacher": L(None, 'guru', text=('a teacher', 'guru'), words=('guru mata pelajaran', 'guru mapel', 'guru kelas', 'guru biasa', 'guru (bukan guru bk)')),
    "peer": L(None, 'teman sebaya', text=('a peer', 'teman sebaya'), words=('teman', 'konselor sebaya')),
    "personal": L(None, 'pribadi'),
    "social": L(None, 'sosial'),
    "academic": L(None, 'belajar', words=('akademik', 'pendidikan')),
    "career": L(None, 'karier', words=('karir',)),
    "family": L(None, 'keluarga'),
    "crisis": L(None, 'krisis'),
    "clinical": L(None, 'klinis'),
    "self_harm": L('self-harm', 'menyakiti diri'),
    "suicidal_ideation": L('suicidal ideation', 'ide bunuh diri', words=('keinginan bunuh diri', 'pikiran bunuh diri')),
    "harm_to_others": L('harm to others', 'membahayakan orang lain'),
    "abuse": L(None, 'kekerasan', words=('kekerasan seksual', 'penganiayaan')),
    "substance_use": L('substance use', 'penyalahgunaan zat', words=('narkoba', 'napza')),
    "psychiatric_symptoms": L('psychiatric symptoms', 'gejala psikiatris'),
    "bullying": L(None, 'perundungan', words=('bullying', 'dirundung')),
    "discrimination": L(None, 'diskriminasi'),
    "exploitation": L(None, 'eksploitasi'),
    "self": L('self-referred', 'datang sendiri', words=('sendiri', 'kemauan sendiri', 'atas kemauan sendiri')),
    "homeroom_teacher": L('homeroom teacher', 'wali kelas', text=('the homeroom teacher', 'wali kelas'), words=('walikelas', 'wali')),
    "parent": L(None, 'orang tua', text=('a parent', 'orang tua'), words=('orangtua', 'ayah', 'ibu')),
    "principal": L(None, 'kepala sekolah', text=('the principal', 'kepala sekolah'), words=('kepsek',)),
    "counseling_room": L('counseling room', 'ruang konseling', text=None, words=('ruang bk', 'ruang bimbingan', 'ruang bimbingan konseling', 'ruang bimbingan dan konseling', 'ruang konseli')),
    "classroom": L(None, 'ruang kelas', text=None, words=('kelas',)),
    "staff_room": L('staff room', 'ruang guru', text=None, words=('ruang guru', 'kantor guru')),
    "online": L(None, 'daring', text=None, words=('online', 'zoom', 'video call', 'panggilan video', 'dalam jaringan')),
    "home": L(None, 'rumah', text=None, words=('rumah konseli', 'kunjungan rumah')),
    "public_place": L('public place', 'tempat umum', text=None, words=('kantin', 'taman', 'lapangan')),
    "pengantaran": L('introduction', None, text=None),
    "penjajakan": L('exploration', None, text=None),
    "penafsiran": L('interpretation', None, text=None),
    "pembinaan": L('working through', None, text=None),
    "penilaian": L('evaluation', None, text=None),
    # profile bk12: sources of data and supporting activities (kegiatan pendukung)
    "aum": L('AUM problem checklist', 'AUM (alat ungkap masalah)',
             text=('the AUM (problem checklist)', 'AUM'), words=('alat ungkap masalah',)),
    "observation": L(None, 'observasi', words=('pengamatan',)),
    "documents": L(None, 'dokumen', words=('dokumentasi',)),
    "case_conference": L('case conference', 'konferensi kasus'),
    "home_visit": L('home visit', 'kunjungan rumah', words=('home visit',)),
    "consultation": L(None, 'konsultasi'),
    "referral_feedback": L('report back to the referrer', 'laporan balik ke perujuk'),
    "willing": L(None, 'bersedia', words=('sukarela', 'mau')),
    "hesitant": L(None, 'ragu-ragu', words=('ragu',)),
    "reluctant": L(None, 'enggan'),
    "refused": L(None, 'menolak', text=('refusing', 'menolak'), words=('tidak mau',)),
    "open": L(None, 'terbuka'),
    "partial": L(None, 'sebagian', words=('setengah terbuka', 'sedikit terbuka', 'agak terbuka')),
    "guarded": L(None, 'tertutup', words=('kurang terbuka', 'menutup diri')),
    "none": L(None, 'tidak ada', words=('tidak bercerita', 'tidak bercerita sama sekali', 'diam')),
    "active": L(None, 'aktif', text=None),
    "moderate": L(None, 'cukup aktif', text=None, words=('sedang', 'cukup')),
    "passive": L(None, 'pasif', words=('kurang aktif',)),
    "present": L(None, 'masa kini', text=('the present', 'masa kini'), words=('sekarang', 'saat ini', 'kini')),
    "past": L(None, 'masa lalu', text=('the past', 'masa lalu'), words=('dulu', 'lampau')),
    "future": L(None, 'masa depan', text=('the future', 'masa depan'), words=('akan datang',)),
    "mixed": L(None, 'campuran', words=('campur',)),
    "attending": L(None, 'perhatian penuh', text=None, words=('attending', 'perhatian', 'menghampiri')),
    "open_question": L('open question', 'pertanyaan terbuka', text=None, words=('bertanya terbuka',)),
    "closed_question": L('closed question', 'pertanyaan tertutup', text=None),
    "paraphrase": L(None, 'parafrase', text=None, words=('parafrasa', 'parafrasis', 'mengulang kata kata')),
    "reflection_of_feeling": L('reflection of feeling', 'refleksi perasaan', text=None, words=('refleksi', 'refleksi perasaan konseli', 'pemantulan perasaan')),
    "summarizing": L(None, 'merangkum', text=None, words=('ringkasan', 'rangkuman', 'menyimpulkan', 'kesimpulan', 'summary')),
    "confrontation": L(None, 'konfrontasi', text=None, words=('konfrontasi konseli',)),
    "interpretation": L(None, 'interpretasi', text=None, words=('menafsirkan', 'penafsiran konselor')),
    "information_giving": L('information giving', 'pemberian informasi', text=None, words=('informasi', 'memberi informasi', 'memberikan informasi')),
    "advice": L(None, 'nasihat', text=('advice', 'nasihat'), words=('nasehat', 'saran', 'memberi nasihat', 'menasihati')),
    "directive_instruction": L('directive instruction', 'arahan', text=('directives', 'arahan'), words=('instruksi', 'pengarahan', 'perintah')),
    "self_disclosure": L('self-disclosure', 'pengungkapan diri konselor', text=None, words=('pengungkapan diri',)),
    "reinforcement": L(None, 'penguatan', text=None, words=('pujian', 'dorongan')),
    "role_play": L('role play', 'bermain peran', text=None, words=('roleplay', 'main peran')),
    "homework": L(None, 'pekerjaan rumah', text=None, words=('pr', 'tugas rumah', 'penugasan')),
    "structuring": L(None, 'penstrukturan', text=None, words=('strukturisasi', 'structuring')),
    "minimal_encouragement": L('minimal encouragement', 'dorongan minimal', text=None,
                               words=('dorongan minimal konseli',)),
    "clarification": L(None, 'klarifikasi', text=None, words=('memperjelas',)),
    "goal_setting": L('goal setting', 'perumusan tujuan', text=None,
                      words=('menetapkan tujuan', 'penetapan tujuan')),
    "evaluation": L(None, 'penilaian', text=None, words=('evaluasi',)),
    # the two marks a verbatim's turn is tagged with beside its techniques (no value of
    # the format): named as the techniques are, in the tagger's report and the html's
    "judgmental": L('judgmental remark', 'menghakimi', text=None),
    "pressure": L(None, 'tekanan', text=None),
    "religion": L(None, 'agama'),
    "custom": L(None, 'adat'),
    "law": L(None, 'hukum'),
    "science": L(None, 'ilmu pengetahuan', text=('science', 'ilmu'), words=('ilmu', 'sains')),
    "social_habit": L('social habit', 'kebiasaan masyarakat', text=('social habit', 'kebiasaan'), words=('kebiasaan',)),
    "safety": L(None, 'keselamatan', words=('keamanan',)),
    "legal_duty": L('legal duty', 'kewajiban hukum', text=('a legal duty', 'kewajiban hukum')),
    "supervision": L(None, 'supervisi'),
    "coordination": L(None, 'koordinasi'),
    "planned": L(None, 'direncanakan', text=None, words=('ada', 'rencana', 'dijadwalkan', 'sesi lanjutan')),
    "not_needed": L('not needed', 'tidak diperlukan', text=None, words=('tidak perlu', 'selesai')),
    "authority": L(None, None, text=('an authority', 'pihak berwenang')),
    "trust_not_secured": L(None, None, text=('trust not secured', 'kepercayaan tidak terjamin')),
    "voluntariness_not_secured": L(None, None, text=('voluntariness not secured', 'kesukarelaan tidak terjamin')),
    "openness_at_risk": L(None, None, text=('openness at risk', 'keterbukaan terancam')),
    "activity_weakened": L(None, None, text=('activity weakened', 'kegiatan konseli melemah')),
    "present_focus_lost": L(None, None, text=('present focus lost', 'fokus kekinian hilang')),
    "no_plan_beyond_sessions": L(None, None, text=('no plan beyond the sessions', 'tidak ada rencana setelah sesi')),
    "kerahasiaan": L(None, None, text=('confidentiality', 'kerahasiaan')),
    "kesukarelaan": L(None, None, text=('voluntariness', 'kesukarelaan')),
    "keterbukaan": L(None, None, text=('openness', 'keterbukaan')),
    "kekinian": L(None, None, text=('present focus', 'kekinian')),
    "kegiatan": L(None, None, text=('client activity', 'kegiatan')),
    "kenormatifan": L(None, None, text=('normativity', 'kenormatifan')),
    "keahlian": L(None, None, text=('expertise', 'keahlian')),
    "kemandirian": L(None, None, text=('self-reliance', 'kemandirian')),
    "kedinamisan": L(None, None, text=('dynamism', 'kedinamisan')),
    "keterpaduan": L(None, None, text=('integration', 'keterpaduan')),
    "alih_tangan_kasus": L(None, None, text=('case referral', 'alih tangan kasus')),
    "tut_wuri_handayani": L(None, None, text=('leading from behind', 'tut wuri handayani')),
    "talk_share": L(None, None, text=('holding most of the talk',
                                      'menguasai sebagian besar pembicaraan')),
    "self_focus": L(None, None, text=('a long story of their own',
                                      'bercerita panjang tentang pengalamannya sendiri')),
    "decided_for_client": L(None, None, text=("the decision recorded as the counselor's",
                                              'keputusan tercatat sebagai keputusan konselor')),
}


def _with_text(code: str, row: Label) -> Label:
    if row.text is _SAME:
        return Label(row.en, row.id, (row.en or code, row.id or code), row.words)
    return row


# More words for the techniques, as a BK trainee names them (the micro-skills of
# Indonesian verbatim analyses, e.g. Willis' list, and the aliases the verbatim reader
# already knows, engine/verbatim/parse.py), so that the case file and the interview
# accept what a verbatim's ' | technique' accepts.  A technique with no code of its own
# is written as the code whose work it does in the rules: empathy is shown by reflecting
# the feeling, exploration by open questions, a provisional summary is a summary, silence
# a way of attending.  (Leading, focusing, facilitating have no code: the interview says
# to write them in the session's notes.)  Kept as a block of its own.
MORE_WORDS: dict[str, tuple[str, ...]] = {
    "attending": ("perhatian penuh konselor", "attending behavior", "sikap menghampiri",
                  "penerimaan", "acceptance", "diam", "teknik diam", "silence", "hening"),
    "open_question": ("eksplorasi", "eksplorasi perasaan", "eksplorasi pengalaman",
                      "eksplorasi pikiran", "menggali", "penggalian", "exploration",
                      "probing", "bertanya untuk membuka percakapan", "open ended question",
                      "pertanyaan terbuka konselor"),
    "closed_question": ("bertanya tertutup", "close question"),
    "minimal_encouragement": ("dorongan minimum", "minimal encourager", "minimal encouragers"),
    "paraphrase": ("menangkap pesan utama", "refleksi isi", "pemantulan isi",
                   "reflection of content", "paraphrasing", "pengulangan"),
    "reflection_of_feeling": ("empati", "empati primer", "empati tingkat tinggi",
                              "empati lanjut", "empathy", "refleksi pengalaman",
                              "reflection of feelings"),
    "clarification": ("menjernihkan", "penjernihan", "clarifying"),
    "summarizing": ("menyimpulkan sementara", "kesimpulan sementara", "merangkum sementara",
                    "penyimpulan", "summarising", "summarization"),
    "interpretation": ("penafsiran", "interpreting"),
    "confrontation": ("confronting",),
    "information_giving": ("giving information", "informing"),
    "advice": ("pemberian nasihat", "pemberian saran", "memberi saran", "advising"),
    "directive_instruction": ("mengarahkan", "direktif", "directive", "directing",
                              "instruction"),
    "reinforcement": ("penguatan positif", "positive reinforcement", "praise"),
    "self_disclosure": ("self disclosure", "keterbukaan diri konselor"),
    "goal_setting": ("merumuskan tujuan", "merencanakan", "perencanaan"),
    "homework": ("pemberian tugas", "assignment"),
    "evaluation": ("laiseg", "penilaian segera"),
    "role_play": ("permainan peran", "role playing", "sosiodrama"),
}
for _code, _more in MORE_WORDS.items():
    _row = LABELS[_code]
    LABELS[_code] = Label(_row.en, _row.id, _row.text,
                          tuple(dict.fromkeys(_row.words + _more)))

LABELS = {code: _with_text(code, row) for code, row in LABELS.items()}


def name(value, lang: str) -> str | None:
    """How a reader of ``lang`` names an allowed value in a list, or None when the
    value says it."""
    row = LABELS.get(value)
    return row.name(lang) if row else None


def technique_name(code: str, lang: str) -> str:
    """A verbatim's technique code (or mark) as a reader of ``lang`` names it: its name
    in a list of choices, else the code in words (``role_play`` -> ``role play``)."""
    row = LABELS.get(code)
    return (row.name(lang) if row else None) or code.replace("_", " ")


def in_text(value, lang: str) -> str:
    """A value as a finding's sentence says it; lists become comma-separated text."""
    if isinstance(value, (list, tuple)):
        return ", ".join(in_text(v, lang) for v in value)
    if isinstance(value, bool):
        return ("ya" if value else "tidak") if lang == "id" else ("yes" if value else "no")
    if isinstance(value, float):
        return f"{value:.0%}" if 0 <= value <= 1 else f"{value:g}"
    row = LABELS.get(value) if isinstance(value, str) else None
    if row is not None and row.text is not None:
        return row.text[1] if lang == "id" else row.text[0]
    return str(value)


# true and false as people write them (the interview and a case file alike)
YES = frozenset({"ya", "y", "iya", "yes", "true", "benar", "betul", "sudah", "pernah", "ada"})
NO = frozenset({"tidak", "tdk", "tak", "no", "n", "false", "bukan", "belum", "nggak", "ngga",
                "gak", "ga", "enggak", "engga"})


def as_bool(text: str) -> bool | None:
    """``ya`` -> True, ``tidak`` -> False; None for anything else."""
    word = " ".join(text.lower().split())
    if word in YES:
        return True
    if word in NO:
        return False
    return None


def as_decimal(text: str) -> float | None:
    """A number written with a decimal comma (``0,6``), or None."""
    import re
    if re.fullmatch(r"\s*[+-]?\d+,\d+\s*", text):
        return float(text.strip().replace(",", "."))
    return None


def normal(text: str) -> str:
    """Text compared as people write it: case, underscores, hyphens and spaces aside."""
    return " ".join(text.lower().replace("_", " ").replace("-", " ").split())


def spellings(code: str) -> set[str]:
    """Every way of writing ``code`` that means it, in :func:`normal` form."""
    row = LABELS.get(code)
    out = {normal(code)}
    if row is not None:
        out.update(normal(w) for w in (row.en, row.id, *row.words) if w)
    return out


def code_for(text: str, choices) -> str | None:
    """The code among ``choices`` that ``text`` means ('enggan' -> 'reluctant',
    'ruang BK' -> 'counseling_room', 'pertanyaan_terbuka' -> 'open_question'), or None.
    A written code always means itself, before any word."""
    wanted = normal(text)
    if not wanted:
        return None
    for code in choices:
        if wanted == normal(str(code)):
            return code
    for code in choices:
        if wanted in spellings(str(code)):
            return code
    return None
