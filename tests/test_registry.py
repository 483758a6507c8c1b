"""rules/_registry.py: rules that register themselves, and the import-time checks that
keep the catalogue and the rules one-to-one.  Throwaway registries stand in for the
knowledge base; the last tests check the real one."""

import subprocess
import sys

import pytest

from asas.engine.judge.catalog import PRINCIPLES, Text
from asas.engine.reason.compat import MATCH, Fact, KnowledgeEngine, Rule
from asas.engine.reason.facts import Conclusion, Finding, SessionFact
from asas.rules._registry import Registry, RegistryError

T = Text("x", "x")


def doc(**extra):
    return dict(severity="risk", cf=0.5, title=T, message=T, recommendation=T, why=T,
                source=T, **extra)


class Seen(Fact):
    """A throwaway observation: ``value`` seen in session ``number``."""


def test_registration_builds_catalogue_rulesets_and_modules_in_order():
    reg = Registry()
    # registered out of order: the registry puts them in the knowledge base's order
    later = reg.module("kesukarelaan")

    @later.rules
    class Later:
        @later.finding("KSR901", **doc())
        @Rule(Seen(value=2))
        def ksr901(self, report):
            self.declare(report(None))

    first = reg.module("kerahasiaan")

    @first.rules
    class First:
        @first.finding("KRH902", **doc())
        @Rule(Seen(value=1))
        def krh902(self, report):
            self.declare(report(None))

        @first.finding("KRH901", **doc())
        @Rule(Seen(value=1))
        def krh901(self, report):
            self.declare(report(None))

    assert list(reg.catalog()) == ["KRH902", "KRH901", "KSR901"]   # module order, then rules
    assert reg.rulesets() == (First, Later)
    assert reg.module_names() == (__name__, __name__)
    assert reg.catalog()["KSR901"].principle == "kesukarelaan"      # stated once, by the module


def test_report_is_bound_to_its_own_entry_in_a_running_engine():
    reg = Registry()
    k = reg.module("kekinian")

    @k.rules
    class Rules:
        @k.finding("KKN901", **doc())
        @Rule(Seen(value=MATCH.value, number=MATCH.number))
        def kkn901(self, report, value, number):
            self.declare(report(number, ["sessions[0].x"], {"value": value}))

        @k.fires("KKN901")
        @Rule(Seen(other=MATCH.value))
        def kkn901_other(self, report, value):
            self.declare(report(None, derived_from=[("KKN000", 1)]))

    engine = type("E", (Rules, KnowledgeEngine), {})()
    engine.reset()
    engine.declare(Seen(value=7, number=2), Seen(other=1))
    engine.run()
    found = sorted(((f["id"], f["session"], f["direct"], f["params"].get("value"))
                    for f in engine.facts.values() if isinstance(f, Finding)), key=repr)
    assert found == [("KKN901", 2, True, 7), ("KKN901", None, False, None)]
    assert all(f["principle"] == "kekinian" and f["cf"] == 0.5
               for f in engine.facts.values() if isinstance(f, Finding))


def test_duplicate_id_raises():
    reg = Registry()
    a, b = reg.module("kegiatan"), reg.module("keahlian")
    a.finding("KGT901", **doc())
    with pytest.raises(RegistryError, match="KGT901 is documented twice"):
        b.finding("KGT901", **doc())


def test_doc_without_its_rule_method_raises():
    reg = Registry()
    k = reg.module("kemandirian")
    k.finding("KMD901", **doc())            # documented, but on no rule

    with pytest.raises(RegistryError, match="without a rule method in Rules: KMD901"):
        @k.rules
        class Rules:
            @Rule(Seen(value=1))
            def unrelated(self):
                pass


def test_rule_emitting_an_undocumented_id_raises():
    reg = Registry()
    k = reg.module("keterbukaan")
    with pytest.raises(RegistryError, match="emits KTB999, which is not documented"):
        class Rules:
            @k.fires("KTB999")
            @Rule(Seen(value=1))
            def ktb999(self, report):
                pass


def test_decorator_must_sit_on_an_experta_rule():
    reg = Registry()
    k = reg.module("kenormatifan")
    with pytest.raises(RegistryError, match="above an experta @Rule"):
        class Rules:
            @k.finding("KNM901", **doc())
            def knm901(self, report):
                pass


def test_principle_is_stated_once_and_modules_once():
    reg = Registry()
    k = reg.module("kerahasiaan")
    with pytest.raises(RegistryError, match="stated once"):
        k.finding("KRH901", principle="kerahasiaan", **doc())
    with pytest.raises(RegistryError, match="registered twice"):
        reg.module("kerahasiaan")
    with pytest.raises(RegistryError, match="not in the knowledge base's order"):
        reg.module("nonsense")
    reg.module("fungsi")
    with pytest.raises(RegistryError, match="no rule class registered for kerahasiaan"):
        reg.catalog()


def test_factories_make_named_rules_that_fire():
    reg = Registry()
    k = reg.module("kesukarelaan")

    @k.rules
    class Rules:
        doc901_willingness = k.not_documented("DOC901", "willingness",
                                              "sessions[0].client.willingness",
                                              **doc(needed=True))
        ksr901_from_trust = k.derived("KSR901", "trust_not_secured",
                                      then="voluntariness_not_secured", **doc())

    assert Rules.doc901_willingness.__name__ == "doc901_willingness"
    assert reg.catalog()["KSR901"].derived and reg.catalog()["DOC901"].needed
    engine = type("E", (Rules, KnowledgeEngine), {})()
    engine.reset()
    engine.declare(SessionFact(willingness=None, number=1),
                   Conclusion(what="trust_not_secured", session=1, because=("KRH001", 1)))
    engine.run()
    facts = list(engine.facts.values())
    found = sorted(((f["id"], f["session"], f["evidence"], f["derived_from"])
                    for f in facts if isinstance(f, Finding)), key=repr)
    assert found == [("DOC901", None, ("sessions[0].client.willingness",), ()),
                     ("KSR901", 1, (), (("KRH001", 1),))]
    assert [(c["what"], c["because"]) for c in facts if isinstance(c, Conclusion)
            and c["what"] == "voluntariness_not_secured"] == [
        ("voluntariness_not_secured", ("KSR901", 1))]
    # a session that documents it blocks the DOC rule
    engine.reset()
    engine.declare(SessionFact(willingness="willing", number=1))
    engine.run()
    assert not [f for f in engine.facts.values() if isinstance(f, Finding)]


# -- the real knowledge base ---------------------------------------------------------------
def test_every_entry_has_its_own_rules_and_every_rule_finding_is_catalogued():
    from asas.engine.reason.compat import Rule as ExpertaRule
    from asas.rules import CATALOG, RULESETS
    fired = {}
    for ruleset in RULESETS:
        for name, value in vars(ruleset).items():
            if isinstance(value, ExpertaRule) and hasattr(value, "_asas_id"):
                fired.setdefault(value._asas_id, []).append(name)
    assert set(fired) == set(CATALOG)
    for n, norm in enumerate(("religion", "custom", "law", "science", "social_habit"), 1):
        assert fired[f"KNM00{n}"] == [f"knm00{n}_{norm}_conflict"]   # one rule each
    assert CATALOG["KAH004"].principle == "keahlian"
    assert next(d.principle for d in CATALOG.values() if d.principle) == PRINCIPLES[0]


def test_catalogue_commands_build_without_the_knowledge_engine():
    code = ("import sys\n"
            "import asas.engine.judge.catalog\n"
            "assert not any(m.startswith('experta') for m in sys.modules), 'catalog imports experta'\n"
            "from click.testing import CliRunner\n"
            "from asas.cli import cli\n"
            "for args in (['rules'], ['rule', 'KSR001'], ['rules', '--format', 'markdown']):\n"
            "    assert CliRunner().invoke(cli, args).exit_code == 0, args\n"
            "runner = sys.modules.get('asas.engine.reason.runner')\n"
            "assert runner is None or not runner._engines, 'the knowledge engine was built'\n"
            "assert 'asas.engine.reason.fastrete' not in sys.modules\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
