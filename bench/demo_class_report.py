"""Demo: a class of generated practicum write-ups, checked and reported as a lecturer
would see them.

    python bench/demo_class_report.py [OUT_DIR] [--n 40] [--seed 7] [--lang id|en]
                                      [--screenshot]

Writes ``OUT_DIR/cases/`` (``n`` varied cases from ``bench/generate.py``), then
``OUT_DIR/class-report.html`` (the HTML class report: matrix, weakest principles,
every case; redacted, since it covers more than one case), ``OUT_DIR/gradebook.html``
(``asas grade`` with the default rubric) and ``OUT_DIR/trend.md`` (``asas trend``).
With ``--screenshot`` headless Chromium also writes ``class-report.png`` and
``class-report.pdf`` (Debian: ``apt-get install -y chromium``).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def write_cases(folder: Path, n: int, seed: int) -> list[Path]:
    sys.path.insert(0, str(HERE))
    from generate import write_cases as generate  # bench/generate.py
    return generate(folder, n, seed)


def chromium(*args: str) -> None:
    browser = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")
                    if shutil.which(n)), None)
    if browser is None:
        print("no chromium: apt-get install -y chromium", file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                        "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                        f"--user-data-dir={profile}", *args],
                       check=False, capture_output=True, timeout=180)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", nargs="?", default="demo-class-report")
    parser.add_argument("--n", type=int, default=40)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--lang", choices=("id", "en"), default="id")
    parser.add_argument("--screenshot", action="store_true")
    args = parser.parse_args(argv)

    from asas.engine.report.formats import renderer
    from asas.engine.report.grade import grade_results, load_rubric
    from asas.engine.report.grade import render as render_grades
    from asas.engine.report.trend import render as render_trend
    from asas.engine.run.atomic import write_atomic
    from asas.engine.run.batch import check_paths

    out = Path(args.out_dir)
    cases = out / "cases"
    if cases.exists():
        shutil.rmtree(cases)
    paths = write_cases(cases, args.n, args.seed)
    results = check_paths([str(p) for p in paths])

    report = out / "class-report.html"
    write_atomic(str(report), renderer("html")(results, args.lang))
    rubric = load_rubric(None, args.lang)
    write_atomic(str(out / "gradebook.html"),
                 render_grades(grade_results(results, rubric, args.lang), rubric, "html",
                               args.lang))
    write_atomic(str(out / "trend.md"), render_trend(results, "markdown", args.lang))
    print(f"{len(results)} cases → {report}, {out / 'gradebook.html'}, {out / 'trend.md'}")

    if args.screenshot:
        png, pdf = out / "class-report.png", out / "class-report.pdf"
        chromium("--window-size=1280,2600", f"--screenshot={png.resolve()}",
                 report.resolve().as_uri())
        chromium("--no-pdf-header-footer", f"--print-to-pdf={pdf.resolve()}",
                 report.resolve().as_uri())
        for path in (png, pdf):
            print(f"{path}: {path.stat().st_size if path.exists() else 'not written'} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
