"""The speed of the verbatim (issue 13): 1,000 generated cases with three sessions of
40-turn verbatims, checked cold on all cores, against the parse-only floor of the same
files; and one such file checked against Python's start-up.

    python bench/verbatim_bench.py [--cases 1000] [--runs 3] [--jobs N]

Prints, medians over --runs (each run of asas right after a pass of the floor, and
their ratios pair by pair too):
- the floor: PyYAML's CSafeLoader reading the same files in one process (what
  bench/run.py calls the floor; nothing that reads YAML does less);
- ``asas check --format json DIR --no-cache`` (cold, all cores unless --jobs), for the
  cases with their verbatims and for the same cases without (the "before");
- in one process, per case: loading (YAML, model, reading the verbatim), analysing the
  verbatim (tagging, measures), the rule engine, judging;
- ``asas check one.yaml --no-cache`` against ``python -c pass``.
Targets (shown, never asserted): with verbatims <= 4x the floor; one file <= 300 ms
above start-up.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import _Dumper as _BaseDumper  # noqa: E402
from generate import generate_case  # noqa: E402

ASAS = [str(Path(sys.executable).with_name("asas"))]
ENV = dict(os.environ)
ENV.pop("PYTHONDONTWRITEBYTECODE", None)

COUNSELOR = [
    "Selamat pagi, {n}. Silakan duduk. | attending",
    "Sebelum mulai, Ibu jelaskan dulu: apa pun yang kamu ceritakan di sini Ibu jaga "
    "rahasianya, kecuali kalau ada yang membahayakan dirimu. | penstrukturan",
    "Kamu bebas mau cerita sebanyak apa, dan boleh berhenti kapan saja. | penstrukturan",
    "Bagaimana minggumu? | pertanyaan terbuka",
    "Apa yang paling membuatmu kepikiran akhir-akhir ini? | pertanyaan terbuka",
    "Sudah berapa lama seperti itu? | pertanyaan tertutup",
    "Kamu sudah cerita ke orang tuamu? | pertanyaan tertutup",
    "Hmm, lalu? | dorongan minimal",
    "Jadi setiap pagi kamu harus mengurus adik dulu sebelum berangkat. | parafrase",
    "Kedengarannya kamu lelah dan kesal karena semuanya harus kamu tanggung sendiri. | "
    "refleksi perasaan",
    "Kamu merasa nggak enak kalau harus menolak permintaan temanmu. | refleksi perasaan",
    "Maksudnya ribut gimana? | klarifikasi",
    "Kalau Ibu rangkum, ada tiga hal: tugas di rumah, jadwal yang padat, dan rasa "
    "sungkan untuk bercerita. Betul? | penyimpulan",
    "Mungkin rasa sungkan itu ada hubungannya dengan pengalamanmu dulu. | penafsiran",
    "Tadi kamu bilang tidak peduli, tapi dari tadi kamu terlihat sedih. | konfrontasi",
    "Ibu kasih informasi sedikit: sekolah punya layanan bimbingan belajar tiap Rabu. | "
    "pemberian informasi",
    "Saran Ibu, coba kamu buat jadwal belajar yang lebih longgar. | nasihat",
    "Bagus, kamu sudah berani cerita, itu nggak gampang. | penguatan",
    "Apa yang ingin kamu capai dari pertemuan kita? | perumusan tujuan",
    "Jadi apa yang akan kamu lakukan minggu ini? | penilaian",
    "Gimana perasaanmu sekarang, dibanding waktu masuk tadi? | penilaian",
    "Kita ketemu lagi Kamis depan, ya. | penstrukturan",
]
CLIENT = [
    "Pagi, Bu.", "Iya, Bu.", "(diam sebentar) Nggak tahu, Bu.",
    "Capek sih, Bu. Tiap pagi harus antar adik dulu, terus nyampe sekolah udah telat.",
    "Sudah dua bulan, Bu. Dari awal semester.",
    "Belum, Bu. Saya takut mereka tambah pusing, soalnya Bapak lagi nggak kerja.",
    "Ribut soal uang, Bu. Kadang sampai malam, saya jadi susah tidur.",
    "Iya, Bu. Bener.", "Kadang sedih juga, Bu. Tapi ya sudah.",
    "Saya mau coba ngomong ke Ibu saya nanti malam.",
    "Lebih lega, Bu. Ternyata nggak dimarahin.",
    "Mungkin saya mau ikut bimbingan belajar yang hari Rabu itu.",
]


# Real sessions seldom say the same sentence twice across a class's files, except the
# short ones ("Iya, Bu."): most turns here get slot words and a clause of their own, so
# a tagger that remembers sentences is not measured on a corpus of 38 repeated lines.
# ``--repeated`` gives the fixed lines of earlier runs.
SLOTS = {
    "when": ["setiap pagi", "tiap malam", "sepulang sekolah", "hari Senin", "akhir pekan",
             "waktu istirahat", "menjelang ujian", "setelah magrib", "sebelum tidur"],
    "who": ["adik", "kakak", "Ibu", "Bapak", "nenek", "teman sebangku", "wali kelas",
            "pelatih", "teman sekamar", "sepupu"],
    "task": ["mengurus adik", "mengerjakan PR", "membantu di warung", "latihan paduan suara",
             "les matematika", "piket kelas", "menjaga nenek", "kerja kelompok",
             "mencuci baju", "ikut rapat OSIS"],
    "thing": ["tugas di rumah", "jadwal yang padat", "nilai yang turun", "uang saku",
              "rasa sungkan", "ponsel", "tidur yang kurang", "teman yang menjauh"],
    "subject": ["matematika", "kimia", "bahasa Inggris", "fisika", "sejarah", "biologi"],
    "feeling": ["capek", "bingung", "sedih", "kesal", "takut", "malu", "cemas", "lega"],
}
CLAUSES = [
    "soalnya {who} lagi sakit waktu {task}", "terus {task} juga belum selesai {when}",
    "padahal besok ada ulangan {subject}", "apalagi {when} saya harus {task}",
    "kadang saya {feeling} sendiri {when}", "{who} juga nggak tahu soal {thing}",
    "dan nilai {subject} saya turun gara-gara {thing}", "jadi {when} saya cuma bengong",
]
COUNSELOR_CLAUSES = [
    "terutama soal {thing} {when}", "apalagi {when} waktu {task}", "setelah {who} tahu",
    "waktu {task} {when}", "di tengah {thing}", "sejak {who} pindah",
]


def _fill(rng: random.Random, text: str, name: str) -> str:
    return text.format(n=name, **{k: rng.choice(v) for k, v in SLOTS.items()})


def _varied(rng: random.Random, text: str, name: str, client: bool) -> str:
    body, bar, labels = text.partition(" | ")
    pool = CLAUSES if client else COUNSELOR_CLAUSES
    sentences = re.split(r"(?<=[.?]) ", body)
    for i, sentence in enumerate(sentences):
        # short ones ("Iya, Bu.") repeat in real talk too; the others get a clause
        if len(sentence) > 12 and sentence[-1] in ".?" and rng.random() < 0.9:
            sentences[i] = sentence[:-1] + ", " + rng.choice(pool) + sentence[-1]
    body = " ".join(sentences).replace("adik", rng.choice(SLOTS["who"]), 1)
    return _fill(rng, body, name) + bar + labels


def verbatim(rng: random.Random, turns: int = 40, name: str = "Dini",
             repeated: bool = False) -> str:
    lines = []
    for i in range(turns):
        if i % 2 == 0:
            text = COUNSELOR[0] if i == 0 else rng.choice(COUNSELOR[1:])
            lines.append("Ko: " + (text.format(n=name) if repeated or i == 0
                                   else _varied(rng, text, name, client=False)))
        else:
            text = rng.choice(CLIENT)
            lines.append("Ki: " + (text if repeated else _varied(rng, text, name, client=True)))
    return "\n".join(lines) + "\n"


class _Dumper(_BaseDumper):
    pass


_Dumper.add_representer(str, lambda d, s: d.represent_scalar(
    "tag:yaml.org,2002:str", s, style="|" if "\n" in s else None))


def write(folder: Path, n: int, with_verbatim: bool, seed: int = 13,
          repeated: bool = False) -> list[Path]:
    import yaml
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for i in range(1, n + 1):
        case = generate_case(rng, 3)
        case["case"]["id"] = f"{case['case']['id']}-{i:05d}"
        text = verbatim(rng, repeated=repeated)
        if with_verbatim:
            for s in case["sessions"]:
                s["verbatim"] = verbatim(rng, repeated=repeated)
        path = folder / f"case-{i:05d}.yaml"
        path.write_text(yaml.dump(case, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                                  width=88), encoding="utf-8")
        paths.append(path)
        del text
    return paths


def floor(paths) -> float:
    import yaml
    start = time.perf_counter()
    for p in paths:
        with open(p, "rb") as fh:
            yaml.load(fh.read(), Loader=yaml.CSafeLoader)
    return time.perf_counter() - start


CPU: dict = {}      # the command line -> CPU seconds (user + system) of each run


def timed(args) -> float:
    """Wall seconds of one run; its CPU seconds (all its processes) go to CPU."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(args, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        sys.exit(f"failed ({proc.returncode}): {' '.join(args)}\n{proc.stderr.decode()[:2000]}")
    CPU.setdefault(" ".join(args), []).append(after.ru_utime + after.ru_stime
                                              - before.ru_utime - before.ru_stime)
    return wall


def split(paths) -> dict:
    """Per-case CPU milliseconds of each stage, in this process, the engine built once."""
    from asas.engine.judge.verdict import judge
    from asas.engine.load.loader import load_file
    from asas.engine.reason.runner import infer, knowledge_engine
    from asas.engine.verbatim.analyse import analyse
    from asas.rules import CATALOG
    knowledge_engine()
    load = vb = rules = verdict = 0.0
    for p in paths:
        t0 = time.process_time()
        loaded = load_file(str(p))
        t1 = time.process_time()
        analyse(loaded)
        t2 = time.process_time()
        inference = infer(loaded)
        t3 = time.process_time()
        judge(loaded, inference, CATALOG)
        t4 = time.process_time()
        load += t1 - t0
        vb += t2 - t1
        rules += t3 - t2
        verdict += t4 - t3
    n = len(paths)
    return {"load (YAML, model, verbatim read)": 1000 * load / n,
            "verbatim analysis (tag, measure)": 1000 * vb / n,
            "rule engine": 1000 * rules / n, "judging": 1000 * verdict / n}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cases", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=None)
    ap.add_argument("--repeated", action="store_true",
                    help="the fixed 38 lines of earlier runs, each case saying the same sentences")
    args = ap.parse_args(argv)
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="asas-vb-bench-") as tmp:
        tmp = Path(tmp)
        ENV["PYTHONPYCACHEPREFIX"] = str(tmp / "pyc")
        ENV["XDG_CACHE_HOME"] = str(tmp / "cache")
        with_v = write(tmp / "with", args.cases, True, repeated=args.repeated)
        without = write(tmp / "without", args.cases, False, repeated=args.repeated)
        size = sum(p.stat().st_size for p in with_v) / len(with_v)
        timed([*ASAS, "check", "--no-cache", str(with_v[0])])      # .pyc, page cache
        # each run of asas right after a pass of the floor over the same files: the
        # machine's speed drifts over a minute (a floor of 0.83 to 1.24 s on one day),
        # and a ratio pair by pair holds where one of medians taken apart does not
        floors_w, floors_o, cold_w, cold_o = [], [], [], []
        for _ in range(args.runs):
            floors_w.append(floor(with_v))
            cold_w.append(timed([*ASAS, "check", "--format", "json", "--no-cache", *jobs,
                                 str(tmp / "with")]))
            floors_o.append(floor(without))
            cold_o.append(timed([*ASAS, "check", "--format", "json", "--no-cache", *jobs,
                                 str(tmp / "without")]))
        one = [timed([*ASAS, "check", "--no-cache", str(with_v[0])]) for _ in range(5)]
        start = [timed([sys.executable, "-c", "pass"]) for _ in range(5)]
        per_stage = split(with_v[:200])
    med = statistics.median
    fw, fo, cw, co = med(floors_w), med(floors_o), med(cold_w), med(cold_o)
    kind = "the fixed lines" if args.repeated else "varied turns"
    print(f"{args.cases} cases x 3 sessions x 40 turns of {kind} (mean file {size / 1024:.1f} KB), "
          f"{os.cpu_count()} cores, medians of {args.runs} runs; load average (1, 5, 15 min) "
          f"before {' '.join(f'{x:.2f}' for x in load_before)}, after "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"  floor (CSafeLoader, one process), with verbatims   {fw:7.2f} s")
    print(f"  floor, the same cases without verbatims            {fo:7.2f} s")
    print(f"  asas check cold, all cores, with verbatims         {cw:7.2f} s  "
          f"= {cw / fw:.2f}x the floor (target <= 4x)")
    print(f"  asas check cold, all cores, without (before)       {co:7.2f} s  "
          f"= {co / fo:.2f}x its floor")
    pairs_w = [c / f for c, f in zip(cold_w, floors_w)]
    pairs_o = [c / f for c, f in zip(cold_o, floors_o)]
    print(f"    pair by pair (each run / the floor's pass before it): with verbatims "
          f"median {med(pairs_w):.2f}x ({min(pairs_w):.2f}-{max(pairs_w):.2f}), "
          f"without {med(pairs_o):.2f}x ({min(pairs_o):.2f}-{max(pairs_o):.2f})")
    cpu_w = med(CPU[" ".join([*ASAS, "check", "--format", "json", "--no-cache", *jobs,
                                 str(tmp / "with")])])
    cpu_o = med(CPU[" ".join([*ASAS, "check", "--format", "json", "--no-cache", *jobs,
                                 str(tmp / "without")])])
    print(f"  CPU per case (all processes), with verbatims       {1000 * cpu_w / args.cases:7.2f} ms"
          f"  = {cpu_w / fw:.2f}x the floor's")
    print(f"  CPU per case, without                              {1000 * cpu_o / args.cases:7.2f} ms")
    print(f"  one file: asas check --no-cache {med(one) * 1000:6.0f} ms, python -c pass "
          f"{med(start) * 1000:4.0f} ms: {1000 * (med(one) - med(start)):.0f} ms above "
          "start-up (target <= 300)")
    print("  per case, one process (200 cases), CPU:")
    for what, ms in per_stage.items():
        print(f"    {what:36} {ms:7.2f} ms")


if __name__ == "__main__":
    main()
