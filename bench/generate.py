"""Seeded, varied, valid case files for benchmarks and tests.

    python bench/generate.py OUT_DIR [N] [--seed S] [--sessions K]

``generate_case(rng, sessions=None)`` returns one case as a plain dict (format asas/v1:
1-4 sessions unless ``sessions`` is given), ``write_cases(folder, n, seed)`` writes ``n``
of them as YAML files, each starting with the ``# yaml-language-server: $schema=``
modeline, and returns their paths in order.  The same seed gives the same files, byte
for byte.

The cases read like trainees' write-ups: Indonesian free text, school and university
settings mostly, some referred or mandated clients, disclosures, risks, norm conflicts,
recordings, referrals out, fields left undocumented (open world) and lists left out
(closed world), and trainee codes PR-01..PR-12 (``case.counselor.code``).  Every value
of every enum of the format occurs in a batch of a few hundred.  Nothing here imports
the engine: a benchmark's floor must not pay for it.
"""

from __future__ import annotations

import argparse
import datetime
import random
from pathlib import Path

import yaml

SCHEMA_REF = "../schema/asas-v1.schema.json"

SETTINGS = ["school"] * 6 + ["university"] * 3 + ["community", "workplace", "other"]
ROLES = ["trainee"] * 7 + ["professional", "professional", "teacher", "peer"]
COMPETENCIES = ["personal", "social", "academic", "career", "family", "crisis", "clinical"]
AREAS = ["personal", "social", "academic", "career", "family"]
RISKS = ["self_harm", "suicidal_ideation", "harm_to_others", "abuse", "substance_use",
         "psychiatric_symptoms"]
RIGHTS = ["bullying", "abuse", "discrimination", "exploitation", "other"]
SOURCES_REFERRED = ["teacher", "homeroom_teacher", "parent", "principal", "peer", "other"]
PLACES = ["counseling_room"] * 8 + ["classroom", "staff_room", "online", "home",
                                    "public_place", "other"]
STAGES = ["pengantaran", "penjajakan", "penafsiran", "pembinaan", "penilaian"]
WILLINGNESS = ["willing", "hesitant", "reluctant", "refused"]
DISCLOSURE = ["open", "partial", "guarded", "none"]
ACTIVITY = ["active", "moderate", "passive"]
TIME_FOCUS = ["present"] * 6 + ["past", "past", "future", "mixed"]
TECHNIQUES_GOOD = ["attending", "open_question", "paraphrase", "reflection_of_feeling",
                   "summarizing", "reinforcement", "closed_question", "information_giving",
                   "confrontation", "interpretation", "role_play", "homework",
                   "structuring", "minimal_encouragement", "clarification", "goal_setting",
                   "evaluation"]
TECHNIQUES_DIRECTIVE = ["advice", "directive_instruction", "self_disclosure"]
NORMS = ["religion", "custom", "law", "science", "social_habit"]
REASONS = ["safety", "legal_duty", "supervision", "coordination", "other"]
FOLLOW_UP = ["planned", "not_needed", "none"]

PROBLEMS = [
    ("Kesulitan membagi waktu belajar", ["academic", "personal"],
     "Konseli merasa kewalahan membagi waktu antara tugas {subject} dan kegiatan {activity}, "
     "sehingga nilai beberapa mata pelajaran menurun."),
    ("Enggan masuk sekolah", ["academic", "social"],
     "Konseli sering tidak masuk sekolah sejak {when}; wali kelas mencatat {n} kali absen "
     "tanpa keterangan dan konseli tampak menarik diri dari teman sekelas."),
    ("Konflik dengan orang tua", ["family", "personal"],
     "Konseli sering bertengkar dengan {parent} tentang {topic}, merasa tidak didengar, dan "
     "beberapa kali memilih menginap di rumah {relative}."),
    ("Bingung memilih jurusan", ["career", "academic"],
     "Konseli ragu memilih antara jurusan {major_a} dan {major_b}; orang tua berharap lain "
     "dari minat konseli sendiri."),
    ("Dirundung teman sekelas", ["social", "personal"],
     "Konseli diejek dan dikucilkan oleh sekelompok teman di kelas sejak {when}, sehingga "
     "merasa cemas setiap berangkat ke sekolah."),
    ("Kecemasan menjelang ujian", ["academic", "personal"],
     "Menjelang ujian {exam} konseli sulit tidur, sering sakit perut, dan merasa semua yang "
     "dipelajari hilang begitu duduk di ruang ujian."),
    ("Kehilangan motivasi kuliah", ["academic", "career"],
     "Konseli, mahasiswa semester {n}, kehilangan minat pada perkuliahan {subject} dan "
     "mempertimbangkan untuk cuti kuliah."),
    ("Penyesuaian diri di tempat baru", ["social", "personal"],
     "Konseli baru pindah dari {city} dan belum memiliki teman dekat; ia merasa asing dan "
     "sering makan siang sendirian."),
    ("Tekanan kerja dan konflik dengan atasan", ["career", "personal"],
     "Konseli merasa beban kerja di {workplace} tidak sebanding dan sering ditegur atasan di "
     "depan rekan kerja."),
    ("Hubungan pacaran yang mengekang", ["personal", "social"],
     "Konseli merasa pasangannya melarang bergaul dengan teman lain dan memeriksa ponselnya "
     "setiap hari sejak {when}."),
]
FILL = {
    "subject": ["matematika", "fisika", "bahasa Inggris", "akuntansi", "statistika", "kimia"],
    "activity": ["OSIS", "pramuka", "futsal", "paduan suara", "teater", "pencak silat"],
    "when": ["awal semester", "dua bulan terakhir", "kenaikan kelas", "libur panjang",
             "pertengahan semester"],
    "n": ["3", "5", "7", "9", "12"],
    "parent": ["ayahnya", "ibunya", "kedua orang tuanya", "ayah tirinya"],
    "topic": ["jam pulang", "pilihan teman", "penggunaan ponsel", "nilai rapor",
              "rencana kuliah"],
    "relative": ["neneknya", "pamannya", "kakaknya", "temannya"],
    "major_a": ["kedokteran", "teknik sipil", "desain komunikasi visual", "hukum"],
    "major_b": ["pendidikan guru", "manajemen", "ilmu komputer", "sastra Jepang"],
    "exam": ["akhir semester", "nasional", "masuk perguruan tinggi", "kenaikan kelas"],
    "city": ["Medan", "Makassar", "Surabaya", "Pontianak", "Kupang", "Ambon"],
    "workplace": ["pabrik garmen", "kantor cabang bank", "toko ritel", "perusahaan logistik"],
}
DECISIONS = [
    "Menyusun jadwal belajar mingguan sendiri.",
    "Mencoba berbicara dengan {parent} pada akhir pekan.",
    "Bergabung dengan satu kelompok belajar di kelas.",
    "Mencari informasi tentang jurusan {major_a} dari kakak kelas.",
    "Melaporkan perundungan kepada wali kelas bersama konselor.",
    "Berlatih teknik relaksasi napas sebelum tidur.",
    "Mengurangi satu kegiatan {activity} untuk sementara.",
    "Menulis jurnal perasaan setiap malam.",
]
TASKS = [
    "Mencatat penggunaan waktu selama satu minggu.",
    "Menuliskan tiga hal yang membuat cemas dan cara menghadapinya.",
    "Berbicara dengan satu teman baru di kelas.",
    "Mencoba jadwal belajar baru selama dua minggu.",
    "Menanyakan pendapat {parent} tentang rencana kuliah.",
    "Berlatih relaksasi napas lima menit setiap pagi.",
    "Membuat daftar kelebihan dan kekurangan jurusan {major_a} dan {major_b}.",
]
NOTES = [
    "Konseli tampak lebih tenang di akhir sesi dan mau menatap konselor.",
    "Konseli banyak menunduk dan menjawab singkat pada awal sesi.",
    "Sesi sempat terhenti karena bel pergantian jam pelajaran.",
    "Konseli menangis ketika menceritakan {topic} dan meminta waktu sejenak.",
    "Konselor mencatat perlunya koordinasi dengan wali kelas.",
    "Konseli menyampaikan bahwa ia baru pertama kali menceritakan hal ini kepada orang lain.",
]
JUDGMENTAL = [
    "Masa begitu saja tidak bisa?",
    "Kamu ini memang malas, ya.",
    "Anak zaman sekarang terlalu manja.",
    "Itu salahmu sendiri karena tidak mau berusaha.",
]
PRESSURE = [
    "Kalau tidak mau cerita, nanti saya laporkan ke kepala sekolah.",
    "Kamu harus ikut konseling sampai selesai, tidak ada pilihan lain.",
    "Nilai sikapmu bisa turun kalau kamu terus diam.",
]
NORM_NOTES = {
    "religion": "Konselor menyarankan konseli meninggalkan ibadah agar punya waktu belajar.",
    "custom": "Konselor menganjurkan konseli menolak acara adat keluarga tanpa berbicara dulu.",
    "law": "Konselor menyarankan konseli memalsukan surat izin sakit.",
    "science": "Konselor menyarankan ramuan tanpa dasar untuk mengatasi kecemasan.",
    "social_habit": "Konselor menyuruh konseli membalas ejekan teman di depan kelas.",
}
DISCLOSE_TO = ["wali kelas", "orang tua", "kepala sekolah", "supervisor", "guru mata pelajaran",
               "psikolog sekolah", "teman sekelas konseli", "rekan praktikan"]
DISCLOSE_CONTENT = [
    "Ringkasan masalah konseli dan rencana tindak lanjut.",
    "Konseli mengaku pernah menyakiti diri sendiri.",
    "Nama teman-teman yang merundung konseli.",
    "Isi percakapan sesi kedua tentang keluarga konseli.",
    "Nilai dan kehadiran konseli selama semester ini.",
]
OTHERS = ["wali kelas", "guru piket", "teman konseli", "ibu konseli", "siswa lain di ruangan"]
ADVOCACY = [
    "Melaporkan perundungan kepada wakil kepala sekolah bidang kesiswaan.",
    "Mendampingi konseli bertemu wali kelas untuk memulihkan hak mengikuti ujian susulan.",
    "Berkoordinasi dengan guru BK lain agar konseli tidak dipindahkan kelas secara sepihak.",
]
REFERRED_TO = ["psikolog", "psikiater", "puskesmas", "unit layanan psikologi kampus",
               "lembaga perlindungan anak"]
NAMES = ["Siswa A", "Siswi B", "Konseli C", "Mahasiswa D", "Mahasiswi E", "Karyawan F",
         "Remaja G", "Konseli H"]


def _fill(rng: random.Random, text: str) -> str:
    return text.format(**{k: rng.choice(v) for k, v in FILL.items()})


def _maybe(rng: random.Random, p: float, value):
    """``value`` with probability ``p``, else None (the field is left out)."""
    return value if rng.random() < p else None


def _subset(rng: random.Random, items, lo: int, hi: int) -> list:
    k = rng.randint(lo, min(hi, len(items)))
    chosen = set(rng.sample(items, k))
    return [i for i in items if i in chosen]  # in the format's order


def _drop_none(d):
    if isinstance(d, dict):
        return {k: _drop_none(v) for k, v in d.items() if v is not None}
    if isinstance(d, list):
        return [_drop_none(v) for v in d]
    return d


def generate_case(rng: random.Random, sessions: int | None = None) -> dict:
    """One valid case as a dict ready for ``yaml.safe_dump`` (dates are ``datetime.date``)."""
    n_sessions = sessions if sessions is not None else rng.choice([1, 2, 2, 3, 3, 3, 4, 4])
    setting = rng.choice(SETTINGS)
    role = rng.choice(ROLES)
    title, areas, summary = rng.choice(PROBLEMS)
    careful = rng.random() < 0.55      # a careful write-up: fewer problems
    referred = rng.random() < 0.4
    mandated = referred and rng.random() < 0.4
    risk = _subset(rng, RISKS, 1, 2) if rng.random() < 0.18 else []
    rights = _subset(rng, RIGHTS, 1, 2) if rng.random() < 0.15 else []
    age = rng.randint(13, 18) if setting == "school" else rng.randint(18, 45)

    referred_out = None
    if (risk and rng.random() < 0.6) or rng.random() < 0.05:
        referred_out = {"to": rng.choice(REFERRED_TO),
                        "session": _maybe(rng, 0.9, rng.randint(1, n_sessions)),
                        "reason": _maybe(rng, 0.8, "Masalah konseli di luar kewenangan "
                                                   "dan kompetensi konselor.")}

    info = {
        "id": f"KI-{rng.randint(2024, 2026)}-{rng.randint(1, 99999):05d}",
        "title": _maybe(rng, 0.95, title),
        "setting": _maybe(rng, 0.95, setting),
        "counselor": _drop_none({
            "role": _maybe(rng, 0.95, role),
            "supervised": _maybe(rng, 0.9, rng.random() < (0.85 if role == "trainee" else 0.3)),
            "competencies": _maybe(rng, 0.85, _subset(rng, COMPETENCIES, 1, 5)),
            "code": f"PR-{rng.randint(1, 12):02d}" if role == "trainee" else
            _maybe(rng, 0.3, f"K-{rng.randint(1, 40):02d}"),
        }),
        "client": {"pseudonym": rng.choice(NAMES), "age": _maybe(rng, 0.9, age)},
        "problem": _drop_none({
            "summary": _maybe(rng, 0.97, _fill(rng, summary)),
            "areas": _maybe(rng, 0.9, areas if rng.random() < 0.7 else _subset(rng, AREAS, 1, 3)),
            "risk": risk or (None if rng.random() < 0.6 else []),
            "rights_violated": rights or None,
        }),
        "referral": _drop_none({
            "source": _maybe(rng, 0.92, rng.choice(SOURCES_REFERRED) if referred else "self"),
            "mandated": _maybe(rng, 0.85, mandated),
            "client_agreed": _maybe(rng, 0.85, (not mandated) or rng.random() < 0.4),
        }),
        "referred_out": _drop_none(referred_out) if referred_out else None,
        "advocacy": rng.sample(ADVOCACY, rng.randint(1, 2)) if rights and rng.random() < 0.5
        else None,
    }

    date = datetime.date(rng.choice([2025, 2026]), rng.randint(1, 12), rng.randint(1, 28))
    out_sessions = []
    willingness = ("reluctant" if mandated else "hesitant" if referred else "willing")
    for number in range(1, n_sessions + 1):
        first = number == 1
        if rng.random() < 0.3:
            willingness = rng.choice(WILLINGNESS)
        elif willingness != "willing" and rng.random() < 0.5:
            willingness = WILLINGNESS[WILLINGNESS.index(willingness) - 1]
        good = careful or rng.random() < 0.5
        techniques = _subset(rng, TECHNIQUES_GOOD, 2, 6)
        if not good or rng.random() < 0.2:
            techniques += _subset(rng, TECHNIQUES_DIRECTIVE, 1, 2)
        place_kind = rng.choice(PLACES) if rng.random() < 0.5 else "counseling_room"
        private = place_kind in ("counseling_room", "online", "home") and rng.random() < 0.93
        others = [] if private or rng.random() < 0.5 else rng.sample(OTHERS, rng.randint(1, 2))
        recording_made = rng.random() < 0.15
        disclosures = []
        if rng.random() < (0.35 if risk else 0.12):
            for _ in range(rng.randint(1, 2)):
                disclosures.append(_drop_none({
                    "to": rng.choice(DISCLOSE_TO),
                    "content": _maybe(rng, 0.8, rng.choice(DISCLOSE_CONTENT)),
                    "client_consent": _maybe(rng, 0.85, rng.random() < 0.55),
                    "client_informed": _maybe(rng, 0.8, rng.random() < 0.6),
                    "reason": _maybe(rng, 0.8, rng.choice(REASONS)),
                    "identifiable": _maybe(rng, 0.7, rng.random() < 0.5),
                }))
        norm_conflicts = []
        if rng.random() < (0.03 if good else 0.15):
            norm = rng.choice(NORMS)
            norm_conflicts.append({"norm": norm, "note": NORM_NOTES[norm]}
                                  if rng.random() < 0.9 else {"norm": norm})
        decided = (not good) and rng.random() < 0.4
        last = number == n_sessions
        session = {
            "number": number,
            "date": _maybe(rng, 0.95, date),
            "duration_minutes": _maybe(rng, 0.9, rng.choice([30, 35, 40, 45, 45, 50, 60, 90])),
            "place": _drop_none({"kind": _maybe(rng, 0.95, place_kind),
                                 "private": _maybe(rng, 0.9, private),
                                 "others_present": others or None}),
            "stages": _maybe(rng, 0.9, STAGES if good and rng.random() < 0.6
                             else _subset(rng, STAGES, 1 if not first else 2, 5)),
            "opening": _drop_none({
                "rapport_built": _maybe(rng, 0.9, good or rng.random() < 0.5),
                "purpose_explained": _maybe(rng, 0.8, good or rng.random() < 0.5),
                "confidentiality_explained": _maybe(rng, 0.85 if first else 0.4,
                                                    good or rng.random() < 0.4),
                "confidentiality_limits_explained": _maybe(
                    rng, 0.7 if first else 0.3, good or rng.random() < 0.3),
                "voluntariness_explained": _maybe(rng, 0.8 if first else 0.3,
                                                  good or rng.random() < 0.4),
            }),
            "client": _drop_none({
                "willingness": _maybe(rng, 0.92, willingness),
                "disclosure": _maybe(rng, 0.9, rng.choice(DISCLOSURE) if not good or
                                     rng.random() < 0.2 else "open"),
                "activity": _maybe(rng, 0.9, rng.choice(ACTIVITY) if not good or
                                   rng.random() < 0.3 else "active"),
                "completed_previous_tasks": None if first else _maybe(rng, 0.8,
                                                                      rng.random() < 0.7),
                "made_own_decision": _maybe(rng, 0.85, not decided and rng.random() < 0.9),
                "decision": _maybe(rng, 0.7, _fill(rng, rng.choice(DECISIONS))),
            }),
            "counselor": _drop_none({
                "time_focus": _maybe(rng, 0.9, "present" if good and rng.random() < 0.8
                                     else rng.choice(TIME_FOCUS)),
                "techniques": _maybe(rng, 0.9, techniques),
                "talk_share": _maybe(rng, 0.7, round(rng.uniform(0.2, 0.45) if good
                                                     else rng.uniform(0.3, 0.85), 2)),
                "decided_for_client": _maybe(rng, 0.85, decided),
                "self_focus": _maybe(rng, 0.8, (not good) and rng.random() < 0.3),
                "judgmental_remarks": rng.sample(JUDGMENTAL, rng.randint(1, 2))
                if not good and rng.random() < 0.2 else None,
                "pressure_on_client": rng.sample(PRESSURE, 1)
                if not good and mandated and rng.random() < 0.4 else None,
                "norm_conflicts": norm_conflicts or None,
            }),
            "recording": _drop_none({
                "made": _maybe(rng, 0.85, recording_made),
                "consent": (_maybe(rng, 0.85, rng.random() < 0.7) if recording_made else None),
            }),
            "disclosures": disclosures or None,
            "tasks_agreed": _maybe(rng, 0.85, [] if (last and rng.random() < 0.5) else
                                   [_fill(rng, t) for t in rng.sample(TASKS, rng.randint(1, 2))]),
            "evaluation": _drop_none({
                "done": _maybe(rng, 0.9, good or rng.random() < 0.5),
                "understanding": _maybe(rng, 0.8, rng.random() < 0.8),
                "feeling_better": _maybe(rng, 0.8, rng.random() < 0.75),
                "action_plan": _maybe(rng, 0.8, rng.random() < 0.7),
            }),
            "follow_up": _maybe(rng, 0.9, ("not_needed" if last and rng.random() < 0.5
                                           else rng.choice(FOLLOW_UP))),
            "notes": _maybe(rng, 0.6, " ".join(_fill(rng, t) for t in
                                               rng.sample(NOTES, rng.randint(1, 2)))),
        }
        out_sessions.append(_drop_none(session))
        date += datetime.timedelta(days=rng.choice([5, 7, 7, 7, 14]))

    return {"format": "asas/v1", "case": _drop_none(info), "sessions": out_sessions}


class _Dumper(yaml.SafeDumper):
    """Lists of single words (enum values) in flow style, ``[a, b]``, as people write them;
    lists of sentences and of mappings in block style."""


def _represent_list(dumper, data):
    flow = all(isinstance(v, str) and " " not in v for v in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


_Dumper.add_representer(list, _represent_list)


def case_yaml(case: dict, schema: str = SCHEMA_REF) -> str:
    """The text of a case file: the editor modeline, then the YAML."""
    body = yaml.dump(case, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=88)
    return f"# yaml-language-server: $schema={schema}\n{body}"


def write_cases(folder, n: int, seed: int = 0, sessions: int | None = None,
                schema: str = SCHEMA_REF) -> list[Path]:
    """Write ``n`` cases as ``folder/case-00001.yaml`` ...; the same seed, the same bytes.
    Case IDs are unique within the batch."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    width = max(5, len(str(n)))
    paths = []
    for i in range(1, n + 1):
        case = generate_case(rng, sessions)
        case["case"]["id"] = f"{case['case']['id']}-{i:0{width}d}"
        path = folder / f"case-{i:0{width}d}.yaml"
        path.write_text(case_yaml(case, schema), encoding="utf-8")
        paths.append(path)
    return paths


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir")
    parser.add_argument("n", nargs="?", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--sessions", type=int, default=None, help="sessions per case (1-4 if unset)")
    args = parser.parse_args(argv)
    paths = write_cases(args.out_dir, args.n, args.seed, args.sessions)
    print(f"wrote {len(paths)} case files to {args.out_dir}")


if __name__ == "__main__":
    main()
