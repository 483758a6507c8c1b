"""The long fuzz run: the properties of tests/test_fuzz.py with many examples, or
coverage-guided with atheris when it is installed.

    python bench/fuzz.py [--examples N] [--seconds S]            # hypothesis
    python bench/fuzz.py --atheris [--seconds S] [CORPUS_DIR]    # atheris (libFuzzer)

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


class Tally:
    def __init__(self, name):
        self.name, self.runs, self.slowest, self.failures = name, 0, (0.0, b""), []
        self.invalid = 0
        self.start = time.perf_counter()

    def time(self, fn, data):
        start = time.perf_counter()
        try:
            valid = fn(data)
        except Exception as exc:  # noqa: BLE001 - a fuzz failure is any exception
            self.failures.append((repr(exc), data[:200]))
            raise
        elapsed = time.perf_counter() - start
        self.runs += 1
        self.invalid += valid is False
        if elapsed > self.slowest[0]:
            self.slowest = (elapsed, data[:80])
        if elapsed > SLOW:
            self.failures.append((f"took {elapsed:.1f} s", data[:200]))
            raise AssertionError(f"{elapsed:.1f} s for one input")

    def line(self) -> str:
        took = time.perf_counter() - self.start
        return (f"{self.name:<24} {self.runs:>7} inputs  {self.invalid:>7} invalid  "
                f"{len(self.failures)} failures  {took:7.1f} s  "
                f"slowest {self.slowest[0] * 1000:7.1f} ms")


def run_hypothesis(examples: int, seconds: float):
    from click.testing import CliRunner
    from hypothesis import HealthCheck, given, seed, settings
    from hypothesis import strategies as st

    from asas.cli import cli
    from fuzz_strategies import dump, mutated_cases, valid_cases
    from test_fuzz import assert_sound

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
    tallies = []
    for name, strategy, fn, share in props:
        tally = Tally(name)
        tallies.append(tally)
        budget_end = time.perf_counter() + seconds * share / 3.25
        wanted = int(examples * share)
        # Hypothesis keeps a tree of every example it tried (to avoid repeats), which
        # grows with long generated strings: run it in rounds of CHUNK examples, each
        # a fresh search from a fresh seed, until the examples or the time are spent.
        round_no = 0
        while tally.runs < wanted and time.perf_counter() < budget_end and not tally.failures:
            round_no += 1

            @settings(max_examples=min(CHUNK, wanted - tally.runs), deadline=None,
                      database=None, suppress_health_check=list(HealthCheck))
            @seed(round_no * 7919 + len(name))
            @given(strategy)
            def prop(data):
                tally.time(fn, data)

            try:
                prop()
            except Exception as exc:  # noqa: BLE001
                print(f"FAILED {name}: {exc!r}"[:2000], file=sys.stderr)
        print(tally.line(), f"peak {peak_mib():.0f} MiB", flush=True)
    total = sum(t.runs for t in tallies)
    failures = sum(len(t.failures) for t in tallies)
    print(f"{'total':<24} {total:>7} inputs  {failures} failures  peak memory "
          f"{peak_mib():.0f} MiB")
    for t in tallies:
        for what, data in t.failures:
            print(f"  {t.name}: {what}: {data!r}")
    return 1 if failures else 0


def run_atheris(seconds: float, corpus: str | None):
    import atheris

    with atheris.instrument_imports():
        from asas.engine.run.pipeline import check_loaded
        from asas.engine.load.loader import load_bytes
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
    parser.add_argument("corpus", nargs="?", help="atheris corpus folder (written to)")
    args = parser.parse_args()
    if args.atheris:
        run_atheris(args.seconds, args.corpus)
    else:
        sys.exit(run_hypothesis(args.examples, args.seconds))


if __name__ == "__main__":
    main()
