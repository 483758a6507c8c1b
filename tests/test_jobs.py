"""Speed without changed results: the fast Rete network against experta's own, and one
job against several (issue 6)."""

from __future__ import annotations

import io
import random

import pytest

from asas.engine.load.loader import load_bytes
from asas.engine.reason.facts import Conclusion, Finding, PrivacyFact, Served, case_facts
from asas.engine.reason.runner import knowledge_engine, plain_engine

from helpers import ROOT, generator, invoke, write_batch

gen = generator()


def _declared(engine) -> list[str]:
    """What the rules declared, as a sorted list of comparable texts (experta's own
    network fires rules of equal key in an order that depends on the process)."""
    out = []
    for fact in engine.facts.values():
        if isinstance(fact, (Finding, Conclusion, Served, PrivacyFact)) or \
                type(fact).__module__.startswith("asas.rules"):
            items = sorted((k, repr(v)) for k, v in fact.items() if k != "__factid__")
            out.append(f"{type(fact).__name__}{items}")
    return sorted(out)


def _run(engine, loaded):
    engine.reset()
    getattr(engine, "declare_input", engine.declare)(*case_facts(loaded))
    engine.run()
    return _declared(engine)


@pytest.mark.slow
def test_fast_network_declares_what_experta_declares():
    rng = random.Random(20)
    fast, plain = knowledge_engine(), plain_engine()
    cases = [gen.generate_case(rng) for _ in range(150)]
    for i, data in enumerate(cases):
        loaded = load_bytes(gen.case_yaml(data).encode("utf-8"), f"<generated {i}>")
        assert loaded.valid
        assert _run(fast, loaded) == _run(plain, loaded), f"case {i}"


def test_fast_network_with_the_bundled_cases():
    fast, plain = knowledge_engine(), plain_engine()
    for path in sorted((ROOT / "cases").glob("*.yaml")):
        loaded = load_bytes(path.read_bytes(), str(path))
        if loaded.valid:
            assert _run(fast, loaded) == _run(plain, loaded), path.name


def test_fast_engine_fires_in_the_same_order_every_time():
    rng = random.Random(5)
    engine = knowledge_engine()
    data = gen.generate_case(rng, sessions=4)
    loaded = load_bytes(gen.case_yaml(data).encode("utf-8"), "<generated>")

    def order():
        engine.reset()
        engine.declare_input(*case_facts(loaded))
        engine.run()
        return [repr(sorted((k, repr(v)) for k, v in f.items())) for f in engine.facts.values()]

    assert order() == order()


def test_watchers_still_log_fired_rules(caplog):
    import logging

    from experta import watchers
    rng = random.Random(3)
    loaded = load_bytes(gen.case_yaml(gen.generate_case(rng)).encode("utf-8"), "<g>")
    engine = knowledge_engine()
    watchers.watch("RULES", level=logging.INFO)
    try:
        with caplog.at_level(logging.INFO, logger="experta.watchers.RULES"):
            _run(engine, loaded)
    finally:
        watchers.unwatch("RULES")
        watchers.RULES.setLevel(logging.NOTSET)
    assert any("FIRE" in r.getMessage() for r in caplog.records)


# -- one process or several, streamed or not: the same report ---------------------------

import json  # noqa: E402
import os  # noqa: E402
import signal  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402

from click.testing import CliRunner  # noqa: E402

from asas.cli import cli  # noqa: E402
from asas.engine.load.discover import case_paths  # noqa: E402
from asas.engine.run.batch import Batch, check_paths, exit_code  # noqa: E402


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return write_batch(tmp_path_factory.mktemp("batch"), 30, 10, seed=8)


@pytest.mark.parametrize("fmt", ["json", "text", "csv"])
def test_one_job_or_several_gives_the_same_report(folder, fmt):
    one = invoke("check", "--format", fmt, "--no-cache", "--jobs", "1", str(folder))
    many = invoke("check", "--format", fmt, "--no-cache", "--jobs", "3", str(folder))
    auto = invoke("check", "--format", fmt, "--no-cache", str(folder))
    assert one.output == many.output == auto.output
    assert one.exit_code == many.exit_code == auto.exit_code == 2


def test_jobs_and_cache_together(folder, tmp_path):
    store = str(tmp_path / "store")
    reference = invoke("check", "--format", "json", "--no-cache", "--jobs", "1", str(folder))
    for jobs in ("2", "1", "2"):
        again = invoke("check", "--format", "json", "--cache-dir", store, "--jobs", jobs,
                       str(folder))
        assert again.output == reference.output


@pytest.mark.slow
def test_results_keep_the_input_order(folder):
    files = case_paths([str(folder / "b"), str(folder / "a")])
    results = list(Batch(files, jobs=2))
    assert [r.file for r in results] == files
    report = json.loads(invoke("check", "--format", "json", "--no-cache", "--jobs", "2",
                               str(folder / "b"), str(folder / "a")).output)
    assert [c["file"] for c in report["cases"]] == files


def test_streamed_report_is_the_rendered_report(folder):
    from asas.engine.report.formats import json_, text
    results = check_paths([str(folder)])
    for module, opts in ((json_, {}), (text, {"color": False})):
        rendered = module.render(results, "en", **opts)
        chunks: list[str] = []

        class Sink:
            def write(self, piece):
                chunks.append(piece)

        module.stream(iter(results), "en", Sink(), **opts)
        assert "".join(chunks) == rendered
        chunks.clear()
        module.stream(iter([]), "en", Sink(), **opts)
        assert "".join(chunks) == module.render([], "en", **opts)


@pytest.mark.slow
@pytest.mark.parametrize("hide", ["nothing", "redact"])
def test_batch_results_render_like_full_results(folder, hide):
    """Compact results (no case file kept, ``meta`` instead) show in every format what
    the full ones show: titles, trainee codes, dates; redacted alike."""
    from asas.engine.report import redact
    from asas.engine.report.formats import FORMATS, renderer
    hide = redact.redact if hide == "redact" else (lambda results: results)
    full = hide(check_paths([str(folder)]))
    compact = hide(list(Batch(case_paths([str(folder)]), jobs=2)))
    assert all(r.loaded is None for r in compact)
    for name in FORMATS:
        for lang in ("id", "en"):
            assert renderer(name)(compact, lang, fail_on="risk") == \
                renderer(name)(full, lang, fail_on="risk"), name
    assert exit_code(compact, "risk") == exit_code(full, "risk")


def test_ctrl_c_reports_what_was_checked(folder, monkeypatch):
    """Ctrl-C after a few files: those are reported, a note says so, exit 130."""
    original = Batch._emit

    def emit(self, result):
        if self.done == 4:
            os.kill(os.getpid(), signal.SIGINT)
        return original(self, result)

    monkeypatch.setattr(Batch, "_emit", emit)
    for jobs in ("1", "2"):
        result = CliRunner().invoke(cli, ["check", "--format", "json", "--no-cache",
                                          "--jobs", jobs, str(folder)])
        assert result.exit_code == 130, result.output
        report = json.loads(result.stdout)
        assert report["summary"]["interrupted"] is True
        assert 5 <= report["summary"]["files"] < 41
        assert "interrupted" in result.stderr
        assert "Traceback" not in result.output
    text = CliRunner().invoke(cli, ["check", "--no-cache", "--jobs", "1", str(folder)])
    assert text.exit_code == 130
    assert "interrupted (Ctrl-C): 5 of 41 files checked" in text.stdout


class _ShortWrites(io.RawIOBase):
    """Standard output under PYTHONUNBUFFERED: a raw file, whose write() may take only
    part of what it is given, as a write(2) to a full pipe does when a signal cuts it
    short."""

    def __init__(self):
        self.data = bytearray()

    def writable(self):
        return True

    def write(self, b):
        n = min(len(b), 97)
        self.data += bytes(b[:n])
        return n


def test_a_report_on_unbuffered_standard_output_is_whole_after_short_writes(tmp_path):
    from asas.engine.run.check import CheckOptions, run_check
    gen.write_cases(tmp_path / "few", 6, seed=2)
    raw = _ShortWrites()
    stdout = io.TextIOWrapper(raw, encoding="utf-8", write_through=True)
    code = run_check(CheckOptions(paths=(str(tmp_path / "few"),), fmt="json", no_cache=True,
                                  jobs=1, fail_on="never"), stdout=stdout)
    assert code == 0
    report = json.loads(raw.data.decode("utf-8"))     # every byte of every piece
    assert report["summary"]["files"] == 6 and len(report["cases"]) == 6
    assert not stdout.closed                          # standard output given back open


@pytest.mark.slow
def test_ctrl_c_in_a_real_process(tmp_path):
    """A real SIGINT to `asas check` with worker processes: no traceback from any
    process, a complete JSON report of the files checked, exit 130."""
    gen.write_cases(tmp_path / "many", 400, seed=4)
    proc = subprocess.Popen([sys.executable, "-m", "asas", "check", "--format", "json",
                             "--no-cache", "--jobs", "2", str(tmp_path / "many")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    seen = b""
    while b'"file"' not in seen:   # the first case is out: the batch is running
        piece = proc.stdout.read1(65536)
        if not piece:
            break
        seen += piece
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    if proc.returncode in (0, 1):
        pytest.skip("the batch finished before the signal arrived")
    assert proc.returncode == 130, err.decode()
    assert b"Traceback" not in err and b"KeyboardInterrupt" not in err
    report = json.loads(seen + out)
    assert report["summary"]["interrupted"] is True
    assert report["summary"]["files"] < 400


class _Stream:
    def __init__(self, tty):
        self.tty = tty

    def isatty(self):
        return self.tty


@pytest.mark.parametrize("fmt, output, files, err_tty, out_tty, shown", [
    ("text", None, 40, True, True, True),          # a person at a terminal
    ("text", None, 40, False, True, False),        # stderr redirected
    ("text", None, 1, True, True, False),          # one file: nothing to show
    ("json", None, 40, True, False, False),        # a machine format piped on
    ("json", None, 40, True, True, True),          # a machine format read on screen
    ("json", "r.json", 40, True, False, True),     # written to a file
])
def test_progress_bar_only_where_a_person_watches(monkeypatch, fmt, output, files, err_tty,
                                                  out_tty, shown):
    from asas.engine.report.formats import get
    from asas.engine.run.check import show_progress
    monkeypatch.setenv("TERM", "xterm")   # not the dumb terminal of some CI consoles
    assert show_progress(get(fmt).machine, output, files, _Stream(out_tty),
                         _Stream(err_tty)) is shown


# -- the loader's fast path (libyaml's composer) says what the event loop says -----------

def _loaded(data, monkeypatch, fast):
    from asas.engine.load import compose
    monkeypatch.setattr(compose, "_FAST_BYTES", compose._FAST_BYTES if fast else -1)
    loaded = load_bytes(data, "f.yaml")
    return loaded.case, loaded.errors, loaded.values, loaded.keys


@pytest.mark.parametrize("extra", [
    b"",
    b"x: " + b"[" * 70 + b"]" * 70 + b"\n",              # deeper than --max-depth
    b"---\nformat: asas/v1\n",                           # a second document
    b"notes: [" + b"a, " * 300 + b"a]\n",                 # an unknown key, many nodes
    b"case: {id: 1, id: 2}\n",                           # a duplicate key
    b"sessions: [{number: yes, notes: 'a\\tb'}, {number: 3}]\n",
    b"x: !!python/object/apply:os.system ['true']\n",
])
def test_fast_composer_and_event_loop_agree(monkeypatch, extra):
    files = [p for d in ("cases", "tests/invalid", "tests/hostile", "tests/fixtures")
             for p in sorted((ROOT / d).glob("*.yaml"))]
    assert len(files) > 20
    for path in files:
        data = path.read_bytes() + (b"\n" + extra if extra else b"")
        assert _loaded(data, monkeypatch, True) == _loaded(data, monkeypatch, False), path.name


def test_fast_composer_is_used_and_falls_back(monkeypatch):
    from asas.engine.load import compose
    from asas.engine.load.types import Limits
    calls = []
    real = compose._compose_events
    monkeypatch.setattr(compose, "_compose_events",
                        lambda loader, limits: calls.append(1) or real(loader, limits))
    text = (ROOT / "cases" / "exemplary.yaml").read_text(encoding="utf-8")
    assert "&" not in text and "*" not in text
    assert compose._compose(text, Limits())
    assert calls == []                                   # composed in C
    with pytest.raises(compose._TooBig):
        compose._compose(text, Limits(max_nodes=10))     # over a limit: the event loop says so
    assert calls


# -- shapes the knowledge base may use, proven against experta's own network ----------

def _synthetic_rulesets():
    from asas.engine.reason.compat import AS, EXISTS, MATCH, NOT, TEST, Fact, P, Rule

    class Item(Fact):
        pass

    class Mark(Fact):
        pass

    class Logged(Rule):
        # a Rule of its own call: fired through it, not straight to its function
        def __call__(self, *args, **kwargs):
            if self._wrapped is not None:
                args[0].declare(Mark(rule="logged", name=self._wrapped.__name__))
            return super().__call__(*args, **kwargs)

    class Synthetic:
        # one pattern: literals (None, a tuple, False), a predicate, bindings, two TESTs,
        # a TEST naming an unbound name (it gets None, as experta's WhereCheck gives it)
        @Rule(Item(kind=None, tags=("a", "b"), n=MATCH.n), TEST(lambda n: n > 1),
              TEST(lambda n, unbound: unbound is None and n < 9))
        def s1(self, n):
            self.declare(Mark(rule="s1", n=n))

        @Rule(Item(done=False, n=P(lambda v: v % 2 == 0)))
        def s2(self):
            self.declare(Mark(rule="s2"))

        # a join on a shared name, a NOT, an EXISTS
        @Rule(Item(kind="x", n=MATCH.n), Item(kind="y", n=MATCH.n))
        def s3(self, n):
            self.declare(Mark(rule="s3", n=n))

        @Rule(Item(kind="x", n=MATCH.n), NOT(Item(kind="z", n=MATCH.n)))
        def s4(self, n):
            self.declare(Mark(rule="s4", n=n))

        @Rule(EXISTS(Item(kind="z")))
        def s5(self):
            self.declare(Mark(rule="s5"))

        # a fact matched by a one-pattern rule, retracted by another rule of higher
        # salience before it fires: its activation must go
        @Rule(AS.item << Item(kind="gone"), salience=5)
        def s6(self, item):
            self.retract(item)

        @Rule(Item(kind="gone", n=MATCH.n))
        def s7(self, n):
            self.declare(Mark(rule="s7", n=n))

        # joins of three patterns, a TEST after a join, a fact two patterns take at once
        @Rule(Item(kind="x", n=MATCH.n), Item(kind="y", n=MATCH.n), Item(done=True, n=MATCH.n),
              TEST(lambda n: n != 4))
        def s10(self, n):
            self.declare(Mark(rule="s10", n=n))

        @Rule(Item(n=MATCH.n, i=MATCH.i), Item(kind="x", i=MATCH.j), TEST(lambda i, j: i <= j))
        def s11(self, n, i, j):
            self.declare(Mark(rule="s11", n=n, i=i, j=j))

        # a leading NOT with an EXISTS (the initial fact joined twice), and an EXISTS and
        # NOT after a pattern, a TEST between them
        @Rule(NOT(Item(kind="y")), EXISTS(Item(kind="x")))
        def s12(self):
            self.declare(Mark(rule="s12"))

        @Rule(Item(kind="y", n=MATCH.n), EXISTS(Item(done=True)), TEST(lambda n: n > 2),
              NOT(Item(kind="x", n=MATCH.n)), NOT(Item(kind="gone")))
        def s13(self, n):
            self.declare(Mark(rule="s13", n=n))

        # a blocker retracted: the NOT it held passes again (s4 for n = 9)
        @Rule(AS.blocker << Item(kind="z", n=9), salience=4)
        def s14(self, blocker):
            self.retract(blocker)

        # a counter modified over and over (the chain-4 tally's shape)
        @Rule(Item(kind="x", n=MATCH.n), AS.c << Mark(rule="count", seen=MATCH.seen),
              TEST(lambda n, seen: n not in seen), salience=-1)
        def s8(self, n, c, seen):
            self.modify(c, seen=tuple(sorted(seen + (n,))))

        @Rule(Mark(rule="count", seen=MATCH.seen), salience=-2)
        def s9(self, seen):
            self.declare(Mark(rule="s9", seen=seen))

        # the arguments a rule's function is called with: every binding but a pattern's
        # capture for ``**``, only the names it takes otherwise
        @Rule(Item(kind="x", n=MATCH.n), Item(kind="y", n=MATCH.n, i=MATCH.i))
        def s15(self, **bindings):
            self.declare(Mark(rule="s15", names=tuple(sorted(bindings)), n=bindings["n"]))

        @Rule(AS.item << Item(kind="y", n=MATCH.n, i=MATCH.i, done=MATCH.done))
        def s16(self, n):
            self.declare(Mark(rule="s16", n=n))

        @Logged(Item(kind="other", n=MATCH.n))
        def s17(self, n):
            self.declare(Mark(rule="s17", n=n))

    return Item, Mark, Synthetic


@pytest.mark.parametrize("network", ["beta", "experta nodes"])
def test_synthetic_shapes_match_as_experta_matches(network, monkeypatch):
    # "beta": engine/reason/beta.py takes every rule of more than one pattern;
    # "experta nodes": none, as for a shape beta does not take (fastrete's own nodes)
    from asas.engine.reason import fastrete
    from asas.engine.reason.compat import KnowledgeEngine, SafeDepthStrategy
    from asas.engine.reason.fastrete import FastEngineMixin
    if network != "beta":
        monkeypatch.setattr(fastrete, "_net_shape", lambda rule: None)
    Item, Mark, Synthetic = _synthetic_rulesets()
    fast = type("F", (FastEngineMixin, Synthetic, KnowledgeEngine),
                {"__strategy__": SafeDepthStrategy})()
    plain = type("P", (Synthetic, KnowledgeEngine), {"__strategy__": SafeDepthStrategy})()
    rng = random.Random(17)
    kinds = ["x", "y", "z", "gone", None, "other"]
    fired = set()
    for case in range(300):
        items = [Item(kind=rng.choice(kinds), n=rng.randrange(10), done=rng.choice([False, True]),
                      tags=rng.choice([("a", "b"), ("a",), ()]), i=i)
                 for i in range(rng.randrange(1, 7))]
        outs = []
        for engine in (fast, plain):
            engine.reset()
            engine.declare(Mark(rule="count", seen=()), *[Item(**dict(f)) for f in items])
            engine.run()
            outs.append(sorted(repr(sorted((k, v) for k, v in f.items() if k != "__factid__"))
                               for f in engine.facts.values() if isinstance(f, Mark)))
        assert outs[0] == outs[1], f"case {case}"
        fired |= {f["rule"] for f in fast.facts.values() if isinstance(f, Mark)}
    # every shape was exercised; s7's activation was always taken back by s6's retract
    assert {"s1", "s2", "s3", "s4", "s5", "s9", "s10", "s11", "s12", "s13", "s15", "s16", "s17",
            "logged", "count"} <= fired
    assert "s7" not in fired
    assert len(fast.matcher.nets) == (11 if network == "beta" else 0)


@pytest.mark.parametrize("profile", [None, "konseling-individual", "bk12"])
def test_rules_are_prepared_as_experta_prepares_them(profile):
    # fastrete._prepare skips experta's normal form for rules it leaves as they are
    from experta.matchers.rete.utils import prepare_rule

    from asas.engine.judge.profile import lookup
    from asas.engine.reason import fastrete
    chosen = None if profile is None else lookup(profile)
    engine = knowledge_engine(None if chosen is None or chosen.is_default else chosen)
    rules = engine.get_rules()
    assert len(rules) > 80
    for rule in rules:
        ours, theirs = fastrete._prepare(rule), prepare_rule(rule)
        assert ours == theirs and type(ours) is type(theirs), rule.__name__
        assert ours.salience == theirs.salience
