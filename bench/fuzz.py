"""The long fuzz run: the properties of tests/test_fuzz.py with many examples, or
coverage-guided with atheris when it is installed.

    python bench/fuzz.py [--examples N] [--seconds S]            # hypothesis
    python bench/fuzz.py --security [--examples N] [--seconds S] # the security surfaces
    python bench/fuzz.py --atheris [--seconds S] [CORPUS_DIR]    # atheris (libFuzzer)

``--security`` fuzzes what the December 2026 probe found weak, most inputs without the
engine so that a run reaches hundreds of thousands: every format (render and stream,
with hostile file names, text, selections and redaction) must stay parseable and
terminal-safe; crafted cache entries must be rebuilt or refused (BadData), never
raise anything else; ``refuse_inputs`` must catch every name of an input (links, hard
links, ``../``); and ``run_check`` over mutated case files, in every format and with
random options, must exit 0, 1 or 2 with no exception; grade (every format, xlsx
too) and trend (every format) of hostile results, plain or redacted, must not raise.
``--only NAME`` runs only the properties whose name holds NAME.

Every input must yield a verdict or located errors (never an exception), within a
time bound per input; the CLI (CliRunner, stdin) must exit 0, 1 or 2 without a
traceback.  It prints, per property: examples run, failures, the slowest input and
its time, and the process's peak memory.  Seeds for atheris come from cases/,
tests/invalid/ and tests/hostile/.  Nothing is written except atheris's corpus
directory when one is given.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

SLOW = 5.0  # seconds: an input taking longer than this counts as a hang
CHUNK = 500


def peak_mib() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 1024 if sys.platform != "darwin" else rss / 1024 / 1024


def _head(data, n: int = 200):
    return data[:n] if isinstance(data, (bytes, str)) else repr(data)[:n]


class Tally:
    def __init__(self, name):
        self.name, self.runs, self.slowest, self.failures = name, 0, (0.0, b""), []
        self.invalid = 0
        self.start = time.perf_counter()

    def time(self, fn, data):
        start = time.perf_counter()
        try:
            valid = fn(data)
        except Exception as exc:
            self.failures.append((repr(exc), _head(data)))
            raise
        elapsed = time.perf_counter() - start
        self.runs += 1
        self.invalid += valid is False
        if elapsed > self.slowest[0]:
            self.slowest = (elapsed, _head(data, 80))
        if elapsed > SLOW:
            self.failures.append((f"took {elapsed:.1f} s", _head(data)))
            raise AssertionError(f"{elapsed:.1f} s for one input")

    def line(self) -> str:
        took = time.perf_counter() - self.start
        return (f"{self.name:<24} {self.runs:>7} inputs  {self.invalid:>7} invalid  "
                f"{len(self.failures)} failures  {took:7.1f} s  "
                f"slowest {self.slowest[0] * 1000:7.1f} ms")


def run_hypothesis(examples: int, seconds: float):
    from click.testing import CliRunner
    from hypothesis import strategies as st
    from test_fuzz import assert_sound

    from asas.cli import cli

    from fuzz_strategies import dump, mutated_cases, valid_cases

    def sound(data):
        return assert_sound(data).valid

    def cli_run(data):
        result = CliRunner().invoke(cli, ["check", "-", "--format", "json"], input=data)
        assert result.exit_code in (0, 1, 2), result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), \
            repr(result.exception)
        assert "Traceback" not in result.output
        return result.exit_code != 2

    props = [
        ("valid cases", valid_cases().map(dump), sound, 1.0),
        ("mutated cases", mutated_cases(), sound, 1.0),
        ("random bytes", st.binary(max_size=2000).map(lambda b: b"format: asas/v1\n" + b),
         sound, 1.0),
        ("cli on mutated cases", mutated_cases(), cli_run, 0.25),
    ]
    # the four shares add up to 3.25: each gets its share of the examples and of the time
    return _run_props(props, examples, seconds, time_scale=3.25)


# --- the security surfaces (S1-S22) ---------------------------------------------------

def _base_results():
    from asas.engine.run.batch import check_paths
    from asas.engine.run.codec import to_data
    results = check_paths([str(ROOT / "cases"), str(ROOT / "tests" / "invalid"),
                           str(ROOT / "tests" / "security")])
    return [(r, to_data(r, strict=False)) for r in results]


def _terminal_safe(text: str) -> None:
    from asas.engine.report.safe import UNSAFE_KEEP_NEWLINE
    bad = UNSAFE_KEEP_NEWLINE.search(text.replace("\r\n", "\n"))
    assert bad is None, f"unsafe character {bad.group()!r} at {bad.start()}"


def _check_format(name: str, text: str, files: int) -> None:
    import csv
    import io
    import json
    import xml.etree.ElementTree as ET
    text.encode("utf-8")        # every report is valid UTF-8 text
    if name in ("json", "sarif"):
        doc = json.loads(text)
        if name == "json":
            assert len(doc["cases"]) == files
        else:
            assert len(doc["runs"][0]["artifacts"]) == files
    elif name == "junit":
        assert len(ET.fromstring(text).findall("testsuite")) == files
    elif name == "csv":
        rows = list(csv.reader(io.StringIO(text, newline="")))
        assert all(len(r) == 14 for r in rows), "a csv row of another width"
    if name in ("text", "concise", "github"):
        _terminal_safe(text)
    if name == "concise":
        for line in text.splitlines():
            assert line.startswith(("asas: ", "n")) or ":" in line


def run_security(examples: int, seconds: float):
    import io
    import json
    import os
    import tempfile

    from hypothesis import strategies as st

    from asas.engine.load.types import Limits
    from asas.engine.report.formats import REGISTRY, ReportOptions
    from asas.engine.report.redact import redact
    from asas.engine.report.safe import safe_name, safe_text
    from asas.engine.run.atomic import OutputRefused, refuse_inputs
    from asas.engine.run.check import CheckError, CheckOptions, run_check
    from asas.engine.run.codec import BadData, from_data, from_trusted
    from asas.rules import CATALOG

    from fuzz_strategies import ODD_TEXT, mutated_cases

    base = _base_results()
    # text a case file can hold (YAML refuses lone surrogates), and file names, which
    # can also hold the bytes of a name that is not UTF-8 (os.fsdecode: U+DC80-DCFF)
    controls = list("\x1b\r\n\t\x00\x07\x9b\u202e\u2066\u2069\u200b\u2028\u2029\ufeff\u061c")
    hostile_char = st.one_of(st.characters(exclude_categories=("Cs",)),
                             st.sampled_from(controls))
    name_char = st.one_of(hostile_char, st.sampled_from(["\udce9", "\udcff", "\udc80"]))
    no_surrogates = ODD_TEXT.map(lambda t: "".join(c for c in t if not 0xD800 <= ord(c) <= 0xDFFF))
    hostile_text = st.one_of(no_surrogates, st.text(hostile_char, max_size=40))
    file_name = st.builds(lambda a, b: f"{a}/{b}.yaml", st.text(name_char, max_size=30),
                          st.text(name_char, max_size=30))
    codes = st.lists(st.sampled_from(["K", "KRH", "KRH003", "PRV", "F", "D", "P", "KSR001",
                                      "ZZZ"]), max_size=3)

    def with_text(data: dict, name: str, title: str, value: str) -> dict:
        data = json.loads(json.dumps(data, default=str))
        if data["meta"] is not None:
            data["meta"][0] = title
            data["meta"][2] = title
        for f in data["findings"]:
            for key in f[5]:
                f[5][key] = value
            for ev in f[3]:
                ev[3] = value
        for e in data["errors"]:
            e[3] = e[3] + " " + value
        return data

    @st.composite
    def report_inputs(draw):
        picks = draw(st.lists(st.integers(0, len(base) - 1), min_size=0, max_size=2))
        results = []
        for i in picks:
            _, data = base[i]
            name = draw(file_name)
            results.append(from_trusted(with_text(data, name, draw(hostile_text),
                                                  draw(hostile_text)), name, CATALOG))
        return (results, draw(st.sampled_from(sorted(REGISTRY))),
                draw(st.sampled_from(["en", "id"])), draw(st.booleans()),
                draw(codes), draw(codes), draw(st.booleans()))

    def formats(inp):
        results, name, lang, redacted, select, ignore, color = inp
        if redacted:
            results = redact(results)
        opts = ReportOptions(color=color and name == "text", fail_on="risk",
                             redact=redacted or None, select=tuple(select) or None,
                             ignore=tuple(ignore) or None)
        fmt = REGISTRY[name]
        text = fmt.render(results, lang, opts)
        if fmt.stream is not None:
            buf = io.StringIO()
            fmt.stream(iter(results), lang, buf, opts)
            assert buf.getvalue() == text, "stream differs from render"
        if not (color and name == "text"):
            _check_format(name, text, len(results))
        return True

    def _mutate_json(value, draw_ops):
        """Apply a few random changes to a plain JSON value."""
        for op, where, new in draw_ops:
            node = value
            path = []
            for _ in range(where % 6):
                if isinstance(node, dict) and node:
                    key = sorted(node)[where % len(node)]
                elif isinstance(node, list) and node:
                    key = where % len(node)
                else:
                    break
                path.append((node, key))
                node = node[key]
            if not path:
                continue
            parent, key = path[-1]
            if op == 0:
                parent[key] = new
            elif op == 1 and isinstance(parent, list):
                del parent[key]
            elif op == 2:
                deep = new
                for _ in range(where % 2000):
                    deep = [deep]
                parent[key] = deep
        return value

    json_leaf = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(),
                          hostile_text, st.lists(st.integers(), max_size=3),
                          st.dictionaries(hostile_text, st.integers(), max_size=2))
    ops = st.lists(st.tuples(st.integers(0, 2), st.integers(0, 10 ** 6), json_leaf),
                   min_size=1, max_size=4)

    @st.composite
    def cache_entries(draw):
        _, data = base[draw(st.integers(0, len(base) - 1))]
        return _mutate_json(json.loads(json.dumps(data, default=str)), draw(ops))

    def codec(data):
        try:
            r = from_data(data, "f.yaml", CATALOG)
        except BadData:
            return False
        for name in ("text", "json", "junit"):     # a rebuilt result renders
            _check_format(name, REGISTRY[name].render([r], "en", ReportOptions()), 1)
        return True

    def terminal(text):
        shown = safe_text(text)
        _terminal_safe(shown)
        assert "\n" not in safe_name(text) and "\r" not in safe_name(text)
        assert safe_text(shown) == shown or "\\" in shown
        return True

    work = Path(tempfile.mkdtemp(prefix="asas-fuzz-"))
    real = work / "in" / "case.yaml"
    real.parent.mkdir()
    real.write_text("x")
    (work / "in" / "sub").mkdir()
    os.link(real, work / "in" / "hard.yaml")
    (work / "in" / "link.yaml").symlink_to(real)
    names = ["in/case.yaml", "in/./case.yaml", "in/sub/../case.yaml", "in/hard.yaml",
             "in/link.yaml", "in//case.yaml", "./in/case.yaml"]

    def refusal(pick):
        target, given = pick
        try:
            refuse_inputs(str(work / target), [str(work / given)])
        except OutputRefused:
            return True
        raise AssertionError(f"{target} over {given} was not refused")

    def run_cli(inp):
        data, fmt, lang, redacted, select, ignore = inp
        case = work / "m.yaml"
        case.write_bytes(data)
        out = io.StringIO()
        try:
            code = run_check(CheckOptions(paths=(str(case),), fmt=fmt, lang=lang,
                                          select=select or None, ignore=ignore or None,
                                          redact=redacted, no_cache=True, jobs=1,
                                          limits=Limits(), progress=False), out, io.StringIO())
        except CheckError as exc:
            raise AssertionError(f"CheckError {exc}")
        assert code in (0, 1, 2)
        _check_format(fmt, out.getvalue(), 1)
        return code != 2

    from asas.engine.report.grade import grade_results, load_rubric
    from asas.engine.report.grade.render import render as grade_render
    from asas.engine.report.grade.xlsx import render_xlsx
    from asas.engine.report.trend import render as trend_render
    rubric = load_rubric()

    def gradebook(inp):
        """grade (markdown, csv both locales, html, xlsx) and trend (every format) of
        results with hostile names and text, plain or redacted: no exception, valid
        UTF-8, the xlsx a zip, trend's text terminal-safe and its json parseable."""
        results, _, lang, redacted, _, _, _ = inp
        if redacted:
            results = redact(results)
        grades = grade_results(results, rubric, lang)
        for name in ("markdown", "csv", "html"):
            grade_render(grades, rubric, name, lang, redact=redacted).encode("utf-8")
        grade_render(grades, rubric, "csv", lang, csv_locale="id").encode("utf-8")
        assert render_xlsx(grades, rubric, lang)[:2] == b"PK"
        for name in ("text", "markdown", "csv", "json", "html"):
            text = trend_render(results, name, lang, by="score" if redacted else "status")
            text.encode("utf-8")
            if name == "text":
                _terminal_safe(text)
            elif name == "json":
                json.loads(text)
        return True

    cli_inputs = st.tuples(mutated_cases(), st.sampled_from(sorted(REGISTRY)),
                           st.sampled_from(["en", "id"]), st.booleans(), codes, codes)
    props = [
        ("formats, hostile text", report_inputs(), formats, 0.3),
        ("cache entries", cache_entries(), codec, 0.25),
        ("terminal escaping", hostile_text, terminal, 0.3),
        ("refuse_inputs", st.tuples(st.sampled_from(names), st.sampled_from(names)),
         refusal, 0.1),
        ("run_check, mutated", cli_inputs, run_cli, 0.05),
        ("grade and trend", report_inputs(), gradebook, 0.05),
    ]
    return _run_props(props, examples, seconds)


SEED_OFFSET = 0     # --seed-offset: a further run tries other inputs than the last
ONLY: list[str] = []  # --only: the properties whose name holds one of these


def _run_props(props, examples, seconds, time_scale=1.0):
    """Each property gets ``share`` of the examples and ``share / time_scale`` of the
    time.  Hypothesis keeps a tree of every example it tried (to avoid repeats), which
    grows with long generated strings: each property runs in rounds of CHUNK examples,
    each a fresh search from a fresh seed, until its examples or its time are spent."""
    from hypothesis import HealthCheck, given, seed, settings
    tallies = []
    if ONLY:
        props = [p for p in props if any(o in p[0] for o in ONLY)]
    for name, strategy, fn, share in props:
        tally = Tally(name)
        tallies.append(tally)
        budget_end = time.perf_counter() + seconds * share / time_scale
        wanted = int(examples * share)
        round_no = 0
        while tally.runs < wanted and time.perf_counter() < budget_end and not tally.failures:
            round_no += 1

            @settings(max_examples=min(CHUNK, wanted - tally.runs), deadline=None,
                      database=None, suppress_health_check=list(HealthCheck))
            @seed(round_no * 7919 + len(name) + SEED_OFFSET)
            @given(strategy)
            def prop(data):
                tally.time(fn, data)

            try:
                prop()
            except Exception as exc:
                print(f"FAILED {name}: {exc!r}"[:2000], file=sys.stderr)
        print(tally.line(), f"peak {peak_mib():.0f} MiB", flush=True)
    total = sum(t.runs for t in tallies)
    failures = sum(len(t.failures) for t in tallies)
    print(f"{'total':<24} {total:>7} inputs  {failures} failures  peak memory "
          f"{peak_mib():.0f} MiB")
    for t in tallies:
        for what, data in t.failures:
            print(f"  {t.name}: {what}: {data!r}"[:3000])
    return 1 if failures else 0


def run_atheris(seconds: float, corpus: str | None):
    import atheris

    with atheris.instrument_imports():
        from asas.engine.load.loader import load_bytes
        from asas.engine.run.pipeline import check_loaded
    tally = Tally("atheris load+check")

    def one(data: bytes):
        loaded = load_bytes(data, "fuzz.yaml")
        if not loaded.valid:
            for e in loaded.errors:
                assert e.line >= 1 and e.column >= 1 and e.message.strip()
            return False
        result = check_loaded(loaded)
        assert len(result.principles) == 8
        return True

    def test_one_input(data: bytes):
        tally.time(one, data)
        if tally.runs % 20000 == 0:
            print(tally.line(), f"peak {peak_mib():.0f} MiB", flush=True)

    seeds = []
    for folder in ("cases", "tests/invalid", "tests/hostile"):
        seeds += sorted(p for p in (ROOT / folder).glob("*.yaml"))
    args = [sys.argv[0], f"-max_total_time={int(seconds)}", "-timeout=10", "-rss_limit_mb=2048",
            "-max_len=8192", "-print_final_stats=1"]
    if corpus:
        Path(corpus).mkdir(parents=True, exist_ok=True)
        args.append(corpus)
    else:
        # libFuzzer reads seeds from a folder; without one, start from a single seed
        print("(no corpus folder given: starting from nothing)", flush=True)
    import atexit
    atexit.register(lambda: print(tally.line(), f"peak {peak_mib():.0f} MiB", flush=True))
    if corpus:
        for seed in seeds:
            target = Path(corpus) / f"seed-{seed.parent.name}-{seed.name}"
            if not target.exists():
                target.write_bytes(seed.read_bytes())
    atheris.Setup(args, test_one_input)
    atheris.Fuzz()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=20000,
                        help="examples per property (hypothesis)")
    parser.add_argument("--seconds", type=float, default=300, help="time budget")
    parser.add_argument("--atheris", action="store_true", help="coverage-guided, with atheris")
    parser.add_argument("--security", action="store_true",
                        help="the security surfaces: formats, cache entries, escaping, "
                             "refuse_inputs, run_check")
    parser.add_argument("--seed-offset", type=int, default=0,
                        help="--security: seeds shifted by this, for a further run")
    parser.add_argument("--only", action="append", default=[], metavar="NAME",
                        help="run only the properties whose name holds NAME (repeatable); "
                             "each still gets its share of --examples and --seconds")
    parser.add_argument("corpus", nargs="?", help="atheris corpus folder (written to)")
    args = parser.parse_args()
    global SEED_OFFSET, ONLY
    SEED_OFFSET = args.seed_offset
    ONLY = args.only
    if args.atheris:
        run_atheris(args.seconds, args.corpus)
    elif args.security:
        sys.exit(run_security(args.examples, args.seconds))
    else:
        sys.exit(run_hypothesis(args.examples, args.seconds))


if __name__ == "__main__":
    main()
