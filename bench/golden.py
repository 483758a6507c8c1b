"""Every report asas writes, for a fixed set of inputs, into one folder: to prove that a
refactoring changed no byte of any output.

    python bench/golden.py OUT_DIR [--generated 200] [--asas "python -m asas"]
    diff -r BEFORE_DIR AFTER_DIR          # nothing printed: behaviour unchanged

The inputs are the bundled ``cases/`` and ``--generated`` seeded cases from
``bench/generate.py`` (the same seed gives the same files).  For each input set it writes
every ``check --format`` in both languages, redacted and not, ``grade`` in each of its
formats, ``trend`` in each of its formats, ``rules`` and ``rule`` pages, ``explain`` of
each bundled case, the schema and ``init`` templates.  Each command runs in a fresh
process with the cache off, so the files are what a user would get.
"""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CHECK_FORMATS = ["text", "json", "concise", "markdown", "html", "csv", "junit", "sarif", "github"]
GRADE_FORMATS = ["markdown", "csv", "html"]
TREND_FORMATS = ["text", "markdown", "csv", "json"]
LANGS = ["en", "id"]


def run(asas: list[str], args: list[str], out: Path, cwd: Path) -> None:
    """Run one asas command; its stdout, stderr and exit status go into ``out``."""
    env = dict(os.environ, NO_COLOR="1", ASAS_NO_CACHE="1")
    proc = subprocess.run(asas + args, cwd=cwd, env=env, capture_output=True,
                          stdin=subprocess.DEVNULL)
    out.write_bytes(proc.stdout + b"\n--- stderr ---\n" + proc.stderr
                    + f"\n--- exit {proc.returncode} ---\n".encode())


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir")
    parser.add_argument("--generated", type=int, default=200)
    parser.add_argument("--asas", default=f"{shlex.quote(sys.executable)} -m asas",
                        help="how to run asas (default: this Python's -m asas)")
    opts = parser.parse_args(argv)
    out = Path(opts.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    asas = shlex.split(opts.asas)

    sys.path.insert(0, str(HERE))
    from generate import write_cases

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        gen = work / "generated"
        write_cases(gen, opts.generated, seed=7)
        # the bundled cases of the default profile: the files of cases/ itself, named one
        # by one in the order a search of the folder gives (so the outputs are those of
        # `check cases/` before cases/bk12/ existed); profile bk12's are a set of their own
        bundled = [str(p) for p in sorted((ROOT / "cases").glob("*.yaml"))]
        inputs = {"cases": bundled, "generated": [str(gen)]}
        jobs = []
        for name, folder in inputs.items():
            for lang in LANGS:
                for fmt in CHECK_FORMATS:
                    for redact in ([], ["--redact"]):
                        tag = "-redact" if redact else ""
                        jobs.append((f"check-{name}-{fmt}-{lang}{tag}.out",
                                     ["check", "--no-cache", "--fail-on", "never", "--format",
                                      fmt, "--lang", lang, *redact, *folder]))
                for fmt in GRADE_FORMATS:
                    jobs.append((f"grade-{name}-{fmt}-{lang}.out",
                                 ["grade", "--format", fmt, "--lang", lang, *folder]))
                for fmt in TREND_FORMATS:
                    jobs.append((f"trend-{name}-{fmt}-{lang}.out",
                                 ["trend", "--format", fmt, "--lang", lang, *folder]))
        for lang in LANGS:
            jobs.append((f"rules-{lang}.out", ["rules", "--lang", lang]))
            jobs.append((f"rules-json-{lang}.out", ["rules", "--format", "json", "--lang", lang]))
            jobs.append((f"init-{lang}.out", ["init", "-", "--lang", lang, "--sessions", "2"]))
            for case in sorted((ROOT / "cases").glob("*.yaml")):
                jobs.append((f"explain-{case.stem}-{lang}.out",
                             ["explain", "--lang", lang, str(case)]))
        jobs.append(("schema.out", ["schema"]))
        jobs.append(("grade-print-rubric.out", ["grade", "--print-rubric"]))
        rule_ids = subprocess.run(asas + ["rules", "--format", "json"], capture_output=True,
                                  text=True, cwd=work)
        import json
        for entry in json.loads(rule_ids.stdout or "[]"):
            rid = entry["id"] if isinstance(entry, dict) else entry
            for lang in LANGS:
                jobs.append((f"rule-{rid}-{lang}.out", ["rule", rid, "--lang", lang]))

        from concurrent.futures import ThreadPoolExecutor
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            list(pool.map(lambda job: run(asas, job[1], out / job[0], work), jobs))
    # the temporary folder's name appears in paths: make it stable
    for f in out.iterdir():
        data = f.read_bytes()
        for path, name in ((str(work), b"<TMP>"), (str(ROOT), b"<ROOT>")):
            # as written, and as markdown escapes it
            for form in (path, path.replace("_", "\\_")):
                data = data.replace(form.encode(), name)
        f.write_bytes(data)
    print(f"{len(jobs)} outputs written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
