"""experta's Rete network, doing the same work with less overhead.

Profiling ``asas check`` over generated cases (bench/run.py) put most of a case's time
in experta's matcher, in work that changes nothing: every node of the alpha network
copies each token *before* testing it (most tests fail, so most copies are thrown
away); each copy re-validates the token's facts; every node and check calls a
logger (disabled unless someone runs ``watch()``); ``run()`` formats every fired
rule's facts for the RULES watcher even when it is off; ``reset()`` walks the
network recursively (shared nodes more than once) and looks the engine's DefFacts up
with ``inspect.getmembers`` on every case; and after every firing the matcher asks
every rule's conflict-set node for new activations, though one or two have any.

:class:`FastReteMatcher` builds experta's own network, then gives its nodes
subclasses that do the same work in a cheaper order: test, then copy; copy without
re-validation; no logging; a conflict-set node that never mutates its token is given
the token itself, and marks itself as changed.  :class:`FastEngineMixin` replaces
``run()`` and ``reset()`` with the same loops minus the watcher formatting and the
repeated look-ups.  Watchers still work: ``run()`` logs fired rules when the RULES
watcher is enabled.

Activations are handed to the agenda in a fixed order (by rule name, then by the
facts' indices) instead of the order of Python sets of activations, whose hash
depends on the process (``PYTHONHASHSEED``): with it, two runs over the same case, in
any process, fire rules in the same order, so a report is the same byte for byte
however many processes checked the batch.  Any order is a valid one for experta's
strategy (it only orders by salience and recency); this one is reproducible.

Rules of one pattern (and TESTs) need no network: their pattern is compiled with the
TESTs, and a match is an activation.  Rules of joins, NOT, EXISTS and TESTs run on
engine/reason/beta.py, a beta network of asas's own (tuples of fact indices, the
conflict set's changes computed per batch); experta's beta network, with the nodes
below, is left only for shapes beta.py does not take (OR, FORALL, a NOT of several
patterns, a pattern twice in one rule).

The network fails closed.  It was written against experta 1.9.4's internals (node
classes, check objects, private methods and attributes): :func:`check_supported` and
the build refuse (:class:`NotSupported`) any other experta version, any node type or
check not listed here, and any field constraint other than a literal, ``MATCH.x`` or
``P(...)``; engine/reason/runner.py then falls back to experta's own network and says
so once on stderr.  Whatever this network cannot prove it does the same way as experta,
it does not run.

``tests/test_jobs.py`` checks the verdicts of this engine against a plain experta
engine built from the same rule sets.
"""

from __future__ import annotations

import logging
from collections import Counter, OrderedDict
from collections.abc import Callable
from contextlib import suppress
from operator import itemgetter
from types import FunctionType as _FunctionType
from typing import TYPE_CHECKING, Any

from experta import watchers
from experta.activation import Activation
from experta.agenda import Agenda
from experta.conditionalelement import EXISTS, NOT, TEST, ConditionalElement
from experta.engine import KnowledgeEngine as _Engine
from experta.fact import Fact as _Fact
from experta.fact import InitialFact
from experta.factlist import FactList
from experta.fieldconstraint import L as _L
from experta.fieldconstraint import P as _P
from experta.fieldconstraint import W
from experta.matchers.rete import ReteMatcher
from experta.matchers.rete.check import SameContextCheck, WhereCheck
from experta.matchers.rete.mixins import ChildNode
from experta.matchers.rete.nodes import (
    ConflictSetNode,
    NotNode,
    OrdinaryMatchNode,
    WhereNode,
)
from experta.matchers.rete.utils import extract_facts, prepare_rule
from experta.rule import Rule as _Rule

from asas.engine.reason import beta
from asas.engine.reason.compat import KnowledgeEngine, P, experta, frozendict  # noqa: F401  (experta imported via expert.py)

#: the experta release whose internals this module copies and relies on
SUPPORTED_VERSION = "1.9.4"


class NotSupported(Exception):
    """experta's internals are not the ones this network was written for.  ``code`` and
    ``params`` name the reason (a message of engine/i18n/engine_messages.py)."""

    def __init__(self, code: str, **params):
        super().__init__(code, params)
        self.code, self.params = code, params


def check_supported(version: str | None = None) -> None:
    """Raise :class:`NotSupported` unless experta is the release this module knows, with
    the private names the engine mixin below uses."""
    found = experta.__version__ if version is None else version
    if found != SUPPORTED_VERSION:
        raise NotSupported("experta_version", found=found, expected=SUPPORTED_VERSION)
    for owner, name in ((_Engine, "_KnowledgeEngine__declare"), (FactList, "_get_fact_id"),
                        (Agenda, "get_next"), (NotNode, "_activate_left"),
                        (NotNode, "_activate_right"), (ConflictSetNode, "get_activations")):
        if not hasattr(owner, name):
            raise NotSupported("experta_internal", name=f"{owner.__name__}.{name}")
from experta.matchers.rete.token import Token, TokenInfo  # noqa: E402

_tuple_new = tuple.__new__
_VALID = Token.TagType.VALID
_INVALID = Token.TagType.INVALID


# The nodes below only read the tokens they are given (joins make new tokens, memories
# keep frozen TokenInfo), so unlike experta they do not copy them first.

class _FastWhere(WhereNode):
    def activate(self, token):
        if self.matcher(token.context):
            for child in self.children:
                child.callback(token)


def _info(token) -> TokenInfo:
    """``token.to_info()``: the token's facts and context, frozen."""
    return _tuple_new(TokenInfo, (frozenset(token.data), frozenset(token.context.items())))


# The two-input nodes below test contexts as experta's SameContextCheck does (every
# name both sides bound has the same value on both), inline and on the frozen context
# of a memory's TokenInfo as it is, without making a dict of it first.  The negated
# names that check also handles come from NOT field constraints, which the build
# refuses (_compile_pattern).

class _FastOrdinaryMatch(OrdinaryMatchNode):
    callbacks: list
    touched: list     # shared with the matcher: nodes whose memories changed this case

    def activate_left(self, token):
        self.touched.append(self)
        if token.tag is _VALID:
            self.left_memory.append(_info(token))
        else:
            with suppress(ValueError):      # as experta has it
                self.left_memory.remove(_info(token))
        context = token.context
        for other_data, other_context in self.right_memory:
            for k, v in other_context:
                if k in context and context[k] != v:
                    break
            else:
                joined = dict(context)
                joined.update(other_context)
                new = _tuple_new(Token, (token.tag, token.data | other_data, joined))
                for callback in self.callbacks:
                    callback(new)

    def activate_right(self, token):
        self.touched.append(self)
        if token.tag is _VALID:
            self.right_memory.append(_info(token))
        else:
            with suppress(ValueError):
                self.right_memory.remove(_info(token))
        context = token.context
        for other_data, other_context in self.left_memory:
            for k, v in other_context:
                if k in context and v != context[k]:
                    break
            else:
                joined = dict(other_context)
                joined.update(context)
                new = _tuple_new(Token, (token.tag, token.data | other_data, joined))
                for callback in self.callbacks:
                    callback(new)


class _FastNot(NotNode):
    """NotNode: a left token passes while no right token matches it (a count per left
    token); experta's ``_activate_left``/``_activate_right`` step by step."""
    callbacks: list
    touched: list

    def activate_left(self, token):
        self.touched.append(self)
        info = _info(token)
        if token.tag is _VALID:
            context, count = token.context, 0
            for _, right in self.right_memory:
                for k, v in right:
                    if k in context and context[k] != v:
                        break
                else:
                    count += 1
            self.left_memory[info] = count
        else:
            count = self.left_memory.pop(info)  # KeyError, as experta's ``del``
        if count == 0:
            for callback in self.callbacks:
                callback(token)

    def activate_right(self, token):
        self.touched.append(self)
        if token.tag is _VALID:
            self.right_memory.append(_info(token))
            inc = 1
        else:
            self.right_memory.remove(_info(token))
            inc = -1
        context = token.context
        memory = self.left_memory
        for left in memory:
            for k, v in left.context:
                if k in context and v != context[k]:
                    break
            else:
                count = memory[left] = memory[left] + inc
                if count == 0 and inc == -1:
                    new = _tuple_new(Token, (_VALID, set(left.data), dict(left.context)))
                elif count == 1 and inc == 1:
                    new = _tuple_new(Token, (_INVALID, set(left.data), dict(left.context)))
                else:
                    continue
                for callback in self.callbacks:
                    callback(new)


class _FastActivation(Activation):
    """An activation whose hash is computed once, when first asked for (most
    activations go to the agenda without ever being hashed), from its rule's hash
    computed once per rule (experta hashes the rule's whole left-hand side every time)."""

    def __init__(self, rule, facts, context, rule_hash, ids=None):
        # ``facts``: a set, or a tuple of distinct facts (as the set of them: the
        # activations of one rule all hold the same kind, and compare as such); the
        # strategy's key and the order of the agenda's input made once, from ``ids``
        # (the facts' indices, when known)
        self.rule, self.facts, self.context = rule, facts, context
        if ids is None:
            ids = [f["__factid__"] for f in facts]
        ids = sorted(ids)
        self.order = (rule.__name__, ids)
        self.key = (rule.salience, ids[::-1])
        self._rule_hash = rule_hash
        self._hash = None

    def __hash__(self):
        h = self._hash
        if h is None:
            h = self._hash = hash((self._rule_hash, frozenset(self.facts),
                                   frozenset(self.context.items())))
        return h

    def __eq__(self, other):
        # Activation.__eq__, the rules compared first, by identity, then by name (rules
        # of different names wrap different functions: never equal), and only then
        # with Rule.__eq__, which builds tuples of both rules' whole left-hand sides
        try:
            rule, other_rule = self.rule, other.rule
            if rule is not other_rule and (rule.__name__ != other_rule.__name__
                                           or rule != other_rule):
                return False
            return (self.context == other.context and self.facts == other.facts
                    and self.key == other.key)
        except AttributeError:
            return False


class _FastConflictSet(ConflictSetNode):
    dirty: list   # shared with the matcher: nodes with activations not yet collected
    rule_hash: int

    def activate(self, token):
        # ConflictSetNode._activate only reads the token: no copy needed
        self.touched.append(self)
        self._activate(token)
        if self.added or self.removed:
            self.dirty.append(self)

    def _activate(self, token):
        """ConflictSetNode._activate with :class:`_FastActivation` (made only when the
        memory changes)."""
        info = _info(token)
        if token.tag is _VALID:
            if info not in self.memory:
                self.memory.add(info)
                activation = _FastActivation(
                    self.rule, info.data, {k: v for k, v in info.context if isinstance(k, str)},
                    self.rule_hash)
                if activation in self.removed:
                    self.removed.remove(activation)
                else:
                    self.added.add(activation)
        else:
            activation = _FastActivation(
                self.rule, info.data, {k: v for k, v in info.context if isinstance(k, str)},
                self.rule_hash)
            # experta wraps this in ``except ValueError``, which a set never raises: a
            # KeyError goes through there as here
            self.memory.remove(info)
            if activation in self.added:
                self.added.remove(activation)
            else:
                self.removed.add(activation)


class _AlphaTerminal:
    """The end of a pattern's alpha branch: the join, NOT or conflict-set nodes that take
    the facts the pattern matches (experta's network hangs them on its last feature
    tester; here the pattern is one compiled function, :func:`_compile_pattern`)."""

    def __init__(self):
        self.children = []

    def add_child(self, node, callback):     # experta's AnyChild.add_child
        if node not in self.children:
            self.children.append(ChildNode(node, callback))

    def _reset(self):
        pass


_FAST = {
    _AlphaTerminal: _AlphaTerminal,
    WhereNode: _FastWhere,
    OrdinaryMatchNode: _FastOrdinaryMatch,
    NotNode: _FastNot,
    ConflictSetNode: _FastConflictSet,
}


def _where(check):
    """What experta's WhereCheck does with a context (the test called with each of its
    parameters' bindings, None for a name not bound), without the MATCH watcher's
    logging call, compiled: ``T(a=context.get('a'), ...)``."""
    env = {"T": check.test}
    arguments = ", ".join(f"{p}=context.get({p!r})" for p in check.parameters)
    exec(compile(f"def where(context):\n    return T({arguments})", "<TEST>", "exec"), env)
    return env["where"]


def _check_network(nodes) -> None:
    """Raise :class:`NotSupported` for a node or check this module does not know."""
    for node in nodes:
        kind = type(node)
        if kind not in _FAST:
            raise NotSupported("node_type", name=f"{kind.__module__}.{kind.__qualname__}")
        check = getattr(node, "matcher", None)
        if kind is WhereNode and type(check) is not WhereCheck:
            raise NotSupported("check_type", name=type(check).__qualname__)
        if kind in (OrdinaryMatchNode, NotNode) and type(check) is not SameContextCheck:
            raise NotSupported("check_type", name=type(check).__qualname__)


# -- patterns, compiled ------------------------------------------------------------------
#
# experta's alpha network tests a fact field by field, in a chain of feature-tester nodes
# that each copy the token they pass on, after a bus that offers every fact to every
# chain.  Here each pattern is one function, compiled from the pattern when the engine
# is built, and a fact is offered only to the patterns of its type whose literal fields
# it has (an index by type, then by the value of one literal field): a SessionFact with
# ``first=False`` never meets the patterns about the first session, a Finding none of
# the patterns about sessions, and a Served fact no pattern at all.
#
# Most rules are one such pattern and TESTs (``SessionFact(first=True, idx=MATCH.idx),
# TEST(...)``); they need no network either: their TESTs are compiled into the same
# function, and a match is an activation at once.  The activations are the network's
# (same rule, same fact, same bindings), so the agenda fires them in the same order.

def _compile_pattern(pattern, tests=(), capture=None, name="pattern", sources=None):
    """``(type, literals, match)`` for a pattern (and the TESTs of a one-pattern rule):
    ``match(fact)`` gives the bindings, or None when the fact does not pass.  Raises
    :class:`NotSupported` for a shape the network cannot take here either (a nested
    ``a__b`` or positional field; ``~``, ``&``, ``|``, or a binding ``P``): the rule
    set then runs on experta's own network."""
    literals, predicates, binds = [], [], []
    for key, value in pattern.items():
        if key == "__bind__" and capture is not None:
            continue                                    # AS name << Pattern(...)
        if not isinstance(key, str) or "__" in key:
            raise NotSupported("check_type", name=f"field {key!r}")
        if type(value) is W and value.__bind__ is not None:
            binds.append((key, value.__bind__))
        elif type(value) is _P and value.__bind__ is None:
            predicates.append((key, value.match))
        elif isinstance(value, ConditionalElement):
            raise NotSupported("check_type", name=type(value).__qualname__)
        else:
            hash(value)         # a pattern's values are frozen; a literal is a dict key
            literals.append((key, value))
    names = [n for _, n in binds]
    if len(set(names)) != len(names):
        raise NotSupported("check_type", name="a name bound twice in one pattern")
    where = [(test[0], _parameters(test[0])) for test in tests]
    # one read per field; the literals first (they never raise), then the predicates,
    # then the TESTs with the bindings (None for a name not bound, as WhereCheck has it)
    if sources is None:
        sources = _Sources()
        compiled = _Compiled(type(pattern), tuple(literals), names)
        sources.add(compiled, literals, predicates, binds, capture, where)
        sources.compile()
        return compiled
    compiled = _Compiled(type(pattern), tuple(literals), names)
    sources.add(compiled, literals, predicates, binds, capture, where)
    return compiled


class _Compiled:
    """A compiled pattern: the fact type, its literal fields, the names it binds, and
    ``match`` (set once its module is compiled)."""

    __slots__ = ("fact_type", "literals", "match", "names")

    def __init__(self, fact_type, literals, names):
        self.fact_type, self.literals, self.names = fact_type, literals, names
        self.match = None


class _Sources:
    """The patterns' functions, compiled together.  Patterns of the same shape (how
    many literals, predicates and bindings, a capture or not, the TESTs' parameters)
    share one function factory, written once and called with each pattern's field
    names and values: one ``compile()`` of a few dozen factories instead of one per
    pattern (which cost a third of building the engine)."""

    def __init__(self):
        self.lines: list[str] = []
        self.shapes: dict[tuple, str] = {}
        self.env: dict[str, object] = {}
        self.targets: list[tuple[_Compiled, str, tuple]] = []

    def add(self, compiled, literals, predicates, binds, capture, where) -> None:
        # a TEST of a plain function is called with its arguments in order (the same
        # call as by name), so its shape is how many it takes
        calls = tuple(len(parameters) if _positional(test) else parameters
                      for test, parameters in where)
        shape = (len(literals), len(predicates), len(binds), capture is not None, calls)
        factory = self.shapes.get(shape)
        if factory is None:
            factory = self.shapes[shape] = f"shape{len(self.shapes)}"
            self._write(factory, *shape)
        args = (*[k for k, _ in literals], *[k for k, _ in predicates], *[k for k, _ in binds],
                *[v for _, v in literals], *[p for _, p in predicates], *[n for _, n in binds],
                *([capture] if capture is not None else []), *[t for t, _ in where],
                *[p for call, (_, names) in zip(calls, where) if type(call) is int
                  for p in names])
        self.targets.append((compiled, factory, args))

    def _write(self, factory, literals, predicates, binds, capture, tests) -> None:
        fields = literals + predicates + binds
        parameters = ([f"K{i}" for i in range(fields)] + [f"L{i}" for i in range(literals)]
                      + [f"P{i}" for i in range(predicates)] + [f"N{i}" for i in range(binds)]
                      + (["C"] if capture else []) + [f"T{i}" for i in range(len(tests))]
                      + [f"A{i}_{j}" for i, call in enumerate(tests) if type(call) is int
                         for j in range(call)])
        lines = self.lines
        lines += [f"def {factory}({', '.join(parameters)}):", "  def match(fact):", "    try:"]
        # one read per field; the literals first (they never raise), then the
        # predicates, then the TESTs with the bindings (None for a name not bound, as
        # experta's WhereCheck has it)
        lines += [f"      v{i} = fact[K{i}]" for i in range(fields)] or ["      pass"]
        lines.append("    except (IndexError, KeyError, TypeError):\n      return None")
        lines += [f"    if not (L{i} == v{i}):\n      return None" for i in range(literals)]
        lines += [f"    if not P{i}(v{literals + i}):\n      return None"
                  for i in range(predicates)]
        items = [f"N{i}: v{literals + predicates + i}" for i in range(binds)]
        if capture:
            items.append("C: fact")
        lines.append(f"    context = {{{', '.join(items)}}}")
        for i, call in enumerate(tests):
            if type(call) is int:
                arguments = ", ".join(f"context.get(A{i}_{j})" for j in range(call))
            else:
                arguments = ", ".join(f"{p}=context.get({p!r})" for p in call)
            lines.append(f"    if not T{i}({arguments}):\n      return None")
        lines += ["    return context", "  return match"]

    def compile(self) -> None:
        if self.lines:
            exec(compile("\n".join(self.lines), "<asas patterns>", "exec"), self.env)
        for compiled, factory, args in self.targets:
            make: Any = self.env[factory]
            compiled.match = make(*args)
        self.lines, self.targets = [], []


_FLAGS_VAR = 0x04 | 0x08        # CO_VARARGS | CO_VARKEYWORDS


def _positional(test) -> bool:
    """Whether calling ``test`` with its parameters in order is calling it by name."""
    code = getattr(test, "__code__", None)
    return (type(test) is _FunctionType and code is not None
            and not code.co_flags & _FLAGS_VAR and not code.co_kwonlyargcount
            and not code.co_posonlyargcount
            and not hasattr(test, "__wrapped__") and not hasattr(test, "__signature__"))


def _parameters(test) -> tuple[str, ...]:
    """What experta's WhereCheck reads with ``inspect.signature``: the names of a
    TEST function's parameters; for a plain function (the rules' lambdas), from its
    code object."""
    code = getattr(test, "__code__", None)
    if (type(test) is _FunctionType and code is not None and not code.co_flags & _FLAGS_VAR
            and not hasattr(test, "__wrapped__") and not hasattr(test, "__signature__")):
        return code.co_varnames[:code.co_argcount + code.co_kwonlyargcount]
    return tuple(WhereCheck(test).parameters)


_FLAT_VALUES = (W, _P, _L)


def _flat_pattern(ce) -> bool:
    return isinstance(ce, _Fact) and all(
        type(v) in _FLAT_VALUES or not isinstance(v, ConditionalElement) for v in ce.values())


def _prepare(rule):
    """experta's ``prepare_rule`` (its disjunctive normal form, and an initial fact
    before a leading NOT) for a rule of plain patterns, ``NOT``/``EXISTS`` of one plain
    pattern and TESTs, which that normal form leaves as they are (it would copy each
    pattern): the same rule, without the rewriting passes.  Any other rule (an OR, an
    AND, a field constraint ``~``, ``&``, ``|``) is experta's to prepare."""
    if type(rule) is not _Rule or not all(
            _flat_pattern(ce) or type(ce) is TEST
            or (type(ce) in (NOT, EXISTS) and len(ce) == 1 and _flat_pattern(ce[0]))
            for ce in rule):
        return prepare_rule(rule)
    if not rule:
        return rule.new_conditions(InitialFact())
    if type(rule[0]) is NOT or all(type(ce) is TEST for ce in rule):
        return rule.new_conditions(InitialFact(), *rule)
    return rule.new_conditions(*rule)


def _one_pattern(rule) -> bool:
    """A prepared rule of one pattern (no AS capture) and TESTs only."""
    return (type(rule) is _Rule and len(rule) >= 1 and isinstance(rule[0], _Fact)
            and type(rule[0]) is not InitialFact and "__bind__" not in rule[0]
            and all(type(t) is TEST for t in rule[1:]))


class _Entry:
    """A compiled pattern: with ``rule``, a one-pattern rule (a match is an activation);
    else an alpha branch of the network (a match is a token for ``callbacks``)."""

    __slots__ = (
        "alpha",
        "callbacks",
        "compiled",
        "fact_type",
        "literals",
        "match",
        "rule",
        "rule_hash",
        "terminal",
    )

    def __init__(self, compiled, rule=None, terminal=None):
        self.fact_type, self.literals = compiled.fact_type, compiled.literals
        self.compiled = compiled
        self.match = compiled.match         # None until its module is compiled
        self.rule, self.terminal = rule, terminal
        self.rule_hash = hash(rule) if rule is not None else None
        self.callbacks = ()
        self.alpha: beta.Alpha | None = None


def _index(entries):
    """{type: (entries without a literal, ((field, {value: entries}), ...))}: each entry
    filed under the literal field most entries of its type test."""
    by_type: dict[type, list[_Entry]] = {}
    out: dict[type, tuple] = {}
    for e in entries:
        by_type.setdefault(e.fact_type, []).append(e)
    for fact_type, group in by_type.items():
        counts: dict[object, int] = {}      # field -> entries testing a literal of it
        for e in group:
            for key, _ in e.literals:
                counts[key] = counts.get(key, 0) + 1
        tables: dict[object, dict[object, list[_Entry]]] = {}
        always: list[_Entry] = []
        for e in group:
            if not e.literals:
                always.append(e)
                continue
            key, value = max(e.literals, key=lambda kv: (counts[kv[0]], kv[0]))
            tables.setdefault(key, {}).setdefault(value, []).append(e)
        # the candidates of a fact depend only on its values of the tables' fields: the
        # lists made for each set of values are kept (a bounded number of them)
        getter = itemgetter(*tables) if tables else None
        out[fact_type] = (tuple(always), tuple((k, {v: tuple(es) for v, es in t.items()})
                                               for k, t in tables.items()), getter, {})
    return out


_CANDIDATES_KEPT = 4096     # sets of values a fact type's candidates are kept for


def _where_test(node):
    """The test of a WhereNode this module knows, else None."""
    if type(node) is WhereNode and type(node.matcher) is WhereCheck:
        return node.matcher.test
    return None


def _fold_tests(pattern, terminal, capture, sources) -> list[_Entry]:
    """Take the TESTs that follow a pattern directly (``Finding(id=MATCH.id), TEST(...)``:
    experta hangs a WhereNode on the pattern's last feature tester) into entries of
    their own, the pattern and its TESTs compiled in one function: a fact that fails
    the TEST makes no token.  The nodes after the TESTs hang on the new entry; a
    TEST is a function of the pattern's bindings alone at that point, so the same
    facts pass, with the same bindings."""
    kept, folded = [], []
    for child in terminal.children:
        node = child.node
        test = _where_test(node)
        if test is None or child.callback != node.activate:
            kept.append(child)
            continue
        tests, last = [test], node
        while len(last.children) == 1:
            after = last.children[0]
            test = _where_test(after.node)
            if test is None or after.callback != after.node.activate:
                break
            tests.append(test)
            last = after.node
        end = _AlphaTerminal()
        end.children = list(last.children)
        folded.append(_Entry(_compile_pattern(pattern, [(t,) for t in tests], capture=capture,
                                              name=f"{pattern!r} + TEST", sources=sources),
                             terminal=end))
    terminal.children = kept
    return folded


def _bound(pattern) -> tuple[str, ...]:
    """The names a pattern binds (``MATCH.x``, and ``AS.x <<``)."""
    names = [v.__bind__ for v in pattern.values() if type(v) is W and v.__bind__ is not None]
    if pattern.get("__bind__") is not None:
        names.append(pattern["__bind__"])
    return tuple(names)


def _test_call(test, bound_before) -> Callable:
    """``call(bindings)``: what experta's WhereCheck does with a TEST (its function
    called with each parameter's binding, None for a name not bound yet), for a
    TEST after a join; a plain function whose every parameter is bound by then is
    called with them in order, without a dictionary of arguments."""
    parameters = _parameters(test)
    bound = {n for names in bound_before for n in names}
    if _positional(test) and all(p in bound for p in parameters):
        if len(parameters) == 1:
            (name,) = parameters
            return lambda bindings: test(bindings[name])
        if len(parameters) > 1:
            values = itemgetter(*parameters)
            return lambda bindings: test(*values(bindings))
    return lambda bindings: test(**{p: bindings.get(p) for p in parameters})


def _net_shape(rule):
    """A prepared rule as beta.RuleNet takes it: ``[(role, pattern or TEST), ...]``,
    the first a positive pattern; None for any other shape (it stays on experta's
    network): an OR, a nested AND, FORALL, a NOT or EXISTS of more than one pattern or
    with an ``AS`` capture, a pattern twice."""
    if type(rule) is not _Rule or not len(rule) or not isinstance(rule[0], _Fact):
        return None
    shape: list[tuple[int | None, Any]] = []
    seen = set()
    for ce in rule:
        if isinstance(ce, _Fact):
            shape.append((beta.POS, ce))
        elif type(ce) is TEST:
            shape.append((None, ce))
            continue
        elif type(ce) in (NOT, EXISTS) and len(ce) == 1 and isinstance(ce[0], _Fact) \
                and "__bind__" not in ce[0]:
            shape.append((beta.NOT if type(ce) is NOT else beta.EXISTS, ce[0]))
        else:
            return None
        pattern = shape[-1][1]
        if pattern in seen or (type(pattern) is InitialFact and shape[-1][0] != beta.POS):
            return None
        seen.add(pattern)
    return shape


class _BetaBuilder:
    """Compiles rules into beta.RuleNet, their patterns into shared beta.Alpha (one
    per distinct pattern, and per first pattern with the TESTs that follow it)."""

    def __init__(self, touched, dirty, sources):
        self.touched, self.dirty, self.sources = touched, dirty, sources
        self.alphas: dict = {}
        self.entries: list[_Entry] = []
        self.nets: list[beta.RuleNet] = []

    def alpha(self, pattern, tests=()) -> beta.Alpha:
        key = (pattern, tuple(tests))
        found = self.alphas.get(key)
        if found is None:
            found = self.alphas[key] = beta.Alpha(self.touched)
            capture = pattern.get("__bind__") or f"__pattern_{id(pattern)}__"
            entry = _Entry(_compile_pattern(pattern, [(t,) for t in tests], capture=capture,
                                            name=f"{pattern!r} (beta)", sources=self.sources))
            entry.alpha = found
            self.entries.append(entry)
        return found

    def add(self, rule, shape) -> None:
        # positives: [pattern, ...]; tests[i]: the TESTs after positive i (and before
        # positive i + 1), each (function, parameters)
        patterns = [shape[0][1]]
        tests: list[list] = [[]]
        conditions: list[tuple] = []
        has_initial = type(shape[0][1]) is InitialFact
        for role, ce in shape[1:]:
            if role is None:
                tests[-1].append(ce[0])
            elif role == beta.POS:
                patterns.append(ce)
                tests.append([])
            else:
                conditions.append((role, ce, len(patterns)))
                if role == beta.EXISTS and not has_initial:
                    # EXISTS joins the initial fact (experta's two NOT nodes)
                    has_initial = True
                    patterns.append(InitialFact())
                    tests.append([])
        # the TESTs after the first pattern see its bindings alone: compiled into it
        positives = [self.alpha(patterns[0], tests[0])]
        positives += [self.alpha(p) for p in patterns[1:]]
        uses = [(alpha, beta.POS, i) for i, alpha in enumerate(positives)]
        joins: list[tuple[str, ...]] = [()]
        bound = list(_bound(patterns[0]))
        bound_by = [_bound(p) for p in patterns]
        for p in patterns[1:]:
            names = _bound(p)
            joins.append(tuple(n for n in names if n in bound))
            bound += names
        compiled_tests = [()] + [tuple(_test_call(t, bound_by[:i + 1]) for t in ts)
                                 for i, ts in enumerate(tests[1:], start=1)]
        locals_, globals_ = [], []
        for role, pattern, before in conditions:
            alpha = self.alpha(pattern)
            visible = [n for p in patterns[:before] for n in _bound(p)]
            shared = tuple(n for n in _bound(pattern) if n in visible)
            if role == beta.NOT and shared:
                locals_.append((alpha, shared))
                uses.append((alpha, beta.LOCAL, 0))
            else:
                globals_.append((alpha, role == beta.EXISTS))
                uses.append((alpha, beta.GLOBAL, 0))
        rule_hash = hash(rule)

        def make(facts, context, ids, rule=rule, rule_hash=rule_hash):
            return _FastActivation(rule, facts, context, rule_hash, ids)

        net = beta.RuleNet(rule, positives, joins, compiled_tests, locals_, globals_, make,
                           self.touched, self.dirty)
        for alpha, role, position in uses:
            alpha.users.append((net, role, position))
        self.nets.append(net)


def _activation_order(activation):
    return activation.order


class FastReteMatcher(ReteMatcher):
    """experta's Rete network, its alpha part compiled and its one-pattern rules taken
    out of it; the same matches, in a fixed order."""

    def __init__(self, *args, **kwargs):
        check_supported()
        super().__init__(*args, **kwargs)

    @staticmethod
    def prepare_ruleset(engine):
        return {_prepare(rule) for rule in engine.get_rules()}

    def build_network(self):
        """experta's beta network (joins, NOTs, TESTs after joins, conflict sets) for
        the rules that need one, wired to compiled patterns instead of feature testers;
        the one-pattern rules compiled whole."""
        entries, networked = [], set()
        self.touched: list = []
        self.beta_dirty: list[beta.RuleNet] = []
        sources = _Sources()
        builder = _BetaBuilder(self.touched, self.beta_dirty, sources)
        for rule in sorted(self.prepare_ruleset(self.engine), key=lambda r: r.__name__):
            if _one_pattern(rule):
                entries.append(_Entry(_compile_pattern(rule[0], rule[1:], name=rule.__name__,
                                                       sources=sources),
                                      rule=rule))
                continue
            shape = _net_shape(rule)
            if shape is not None:
                builder.add(rule, shape)
            else:
                networked.add(rule)
        self.nets = builder.nets
        # one terminal per distinct pattern, as experta shares one alpha branch between
        # equal patterns (``NOT(SessionFact(action_plan=True))`` in two rules)
        patterns = {InitialFact(): None}
        for rule in networked:
            for pattern in extract_facts(rule):
                patterns.setdefault(pattern, None)
        terminals, captures = {}, {}
        for pattern in patterns:
            capture = captures[pattern] = (pattern.get("__bind__")
                                           or f"__pattern_{id(pattern)}__")
            terminal = terminals[pattern] = _AlphaTerminal()
            entries.append(_Entry(_compile_pattern(pattern, capture=capture, name=repr(pattern),
                                                   sources=sources),
                                  terminal=terminal))
        self.build_beta_part(networked, terminals)
        for pattern, terminal in terminals.items():
            entries += _fold_tests(pattern, terminal, captures[pattern], sources)
        self._speed_up([e.terminal for e in entries if e.terminal is not None])
        for alpha in builder.alphas.values():
            alpha.wire()
        self.memory_nodes += [*builder.alphas.values(), *builder.nets]
        entries += builder.entries
        sources.compile()
        for e in entries:
            e.match = e.compiled.match
        for e in entries:
            if e.terminal is not None:
                e.callbacks = tuple(e.terminal.callbacks)
        # a pattern whose every TEST was folded into its own entries feeds nothing
        entries = [e for e in entries
                   if e.terminal is None or e.callbacks or e.alpha is not None]
        self.entries = entries
        self.index = _index(entries)

    def _speed_up(self, roots):
        nodes, stack, seen = [], list(roots), set()
        while stack:
            node = stack.pop()
            if id(node) in seen:
                continue
            seen.add(id(node))
            nodes.append(node)
            stack.extend(child.node for child in node.children)
        _check_network(nodes)
        self.dirty: list[_FastConflictSet] = []
        for node in nodes:
            node.__class__ = _FAST[type(node)]
            if isinstance(node, (_FastOrdinaryMatch, _FastNot, _FastConflictSet)):
                node.touched = self.touched
            if isinstance(node, _FastConflictSet):
                node.dirty = self.dirty
                node.rule_hash = hash(node.rule)
            if isinstance(node, _FastWhere):
                node.check = node.matcher           # experta's check object, kept
                node.matcher = _where(node.check)
        # children hold bound methods of the old classes: bind them again
        for node in nodes:
            node.children = [ChildNode(c.node, getattr(c.node, c.callback.__name__))
                             for c in node.children]
            node.callbacks = [c.callback for c in node.children]
        # nodes with memory, each once, for reset()
        self.memory_nodes = [n for n in nodes
                             if isinstance(n, (OrdinaryMatchNode, NotNode, ConflictSetNode))]

    def reset(self):
        for node in self.memory_nodes:
            node._reset()
        for node in self.dirty:
            node.added, node.removed = set(), set()
        self.dirty.clear()
        self.beta_dirty.clear()

    def _offer(self, fact, tag, activations):
        """Offer ``fact`` to the patterns that can take it: a one-pattern rule's match
        goes to ``activations``, an alpha branch's to the network as a token."""
        entry = self.index.get(type(fact))
        if entry is None:
            return
        always, tables, getter, kept = entry
        if getter is None:
            candidates = always
        else:
            try:
                values = getter(fact)
                candidates = kept.get(values)
            except (KeyError, IndexError, TypeError):   # no such field, or unhashable
                values = candidates = None
            if candidates is None:
                found = list(always)
                for key, table in tables:
                    try:
                        found.extend(table.get(fact[key], ()))
                    except (KeyError, IndexError, TypeError):
                        for group in table.values():
                            found.extend(group)
                candidates = tuple(found)
                if values is not None and len(kept) < _CANDIDATES_KEPT:
                    kept[values] = candidates
        data = ids = None
        for e in candidates:
            context = e.match(fact)
            if context is None:
                continue
            if e.rule is not None:
                if data is None:
                    data, ids = (fact,), [fact["__factid__"]]
                activations.append(_FastActivation(e.rule, data, context, e.rule_hash, ids))
            elif e.alpha is not None:
                if tag is _VALID:
                    e.alpha.add(fact, context)
                else:
                    e.alpha.remove(fact)
            else:
                token = _tuple_new(Token, (tag, {fact}, context))
                for callback in e.callbacks:
                    callback(token)

    def changes(self, adding=None, deleting=None):
        added: list[Activation] = []
        removed: list[Activation] = []
        if deleting:
            for fact in deleting:
                self._offer(fact, _INVALID, removed)
        if adding:
            for fact in adding:
                self._offer(fact, _VALID, added)
        if self.beta_dirty:
            for net in self.beta_dirty:
                net.finish(added, removed)
            self.beta_dirty.clear()
        if self.dirty:
            for node in set(self.dirty):
                node_added, node_removed = node.get_activations()
                added.extend(node_added)
                removed.extend(node_removed)
            self.dirty.clear()
        if len(added) > 1:
            added.sort(key=_activation_order)
        return added, removed


class FastFactList(FactList):
    """experta's fact list; the key that detects a duplicate fact built in one pass, and
    ``declare`` without the calls that do nothing here (validating a fact whose class
    declares no ``Field``; the FACTS watcher's call when it is off)."""

    last_index: int

    @staticmethod
    def _get_fact_id(fact):
        keys = tuple(fact)
        plain = _PLAIN_KEYS.get(keys)
        if plain is None:
            plain = not any(k.__class__ is str and k.startswith("__") and k.endswith("__")
                            for k in keys)
            if len(_PLAIN_KEYS) < _KEYS_KEPT:
                _PLAIN_KEYS[keys] = plain
        if plain:       # no special key (``__factid__``, ``__bind__``): every item counts
            return frozenset([fact.__class__, *fact.items()])
        return frozenset([fact.__class__, *[
            (k, v) for k, v in fact.items()
            if not (k.__class__ is str and k.startswith("__") and k.endswith("__"))]])

    def declare(self, fact):
        """experta's ``FactList.declare``, step by step."""
        if not isinstance(fact, _Fact):
            raise ValueError('The fact must descend the Fact class.')
        if fact.__fields__:
            fact.validate()
        fact_id = self._get_fact_id(fact)
        counter = self.reference_counter
        if self.duplication or fact_id not in counter:
            idx = self.last_index
            dict.__setitem__(fact, "__factid__", idx)     # Fact.__factid__'s setter
            self[idx] = fact
            self.last_index = idx + 1
            self.added.append(fact)
            counter[fact_id] = counter.get(fact_id, 0) + 1    # no Counter.__missing__ call
            if _FACTS_WATCHER.isEnabledFor(logging.INFO):
                _FACTS_WATCHER.info(" ==> %s: %r", fact, fact)
            return fact
        return None


_FACTS_WATCHER = watchers.FACTS
_RULE_CALL = _Rule.__call__
# The key sets facts are declared with are few (one or two per fact class): what is
# known of each, kept (a bounded number of them).
_KEYS_KEPT = 4096
_PLAIN_KEYS: dict[tuple, bool] = {}       # keys -> none of them is special (``__x__``)
_CLEAN_KEYS: set[tuple] = set()           # keys no nested accessor (``a__b``) is among
# values no ConditionalElement (a MATCH, a P, ...) can be: what facts hold
_PLAIN_VALUES = frozenset({str, int, bool, float, tuple, frozenset, type(None), frozendict})


class FastEngineMixin:
    """``run()`` and ``reset()`` of experta's KnowledgeEngine, without watcher
    formatting when watchers are off and without per-case look-ups."""

    __matcher__ = FastReteMatcher

    if TYPE_CHECKING:   # KnowledgeEngine's, which runner.py combines this mixin with
        matcher: FastReteMatcher
        strategy: Any
        def get_deffacts(self) -> list: ...
        def get_activations(self) -> tuple[list, list]: ...
        def _KnowledgeEngine__declare(self, *facts: Any) -> Any: ...

    def reset(self, **kwargs):
        """experta's reset: empty memories, declare the DefFacts (the initial fact).  The
        state that leaves is the same every time (DefFacts here take no parameters and
        yield the same facts), so it is computed once and then restored from a copy,
        instead of sending the initial fact through the network again for every case."""
        if kwargs:     # DefFacts parameters: experta's own, general path
            self.__dict__.pop("_asas_snapshot", None)
            # the super class is KnowledgeEngine, in the class runner.py builds
            return super().reset(**kwargs)  # type: ignore[misc]
        snapshot = self.__dict__.get("_asas_snapshot")
        if snapshot is not None:
            return self._restore(snapshot)
        deffacts = self.get_deffacts()
        self.agenda = Agenda()
        self.facts = FastFactList()
        self.matcher.reset()
        facts = [fact for deffact in deffacts for fact in deffact()]
        self._KnowledgeEngine__declare(*facts)
        self.running = False
        self._asas_snapshot = self._snapshot()

    _MEMORIES = ("left_memory", "right_memory", "memory", "added", "removed", "active")

    def _snapshot(self):
        nodes = {node: [(name, getattr(node, name).copy()) for name in self._MEMORIES
                        if hasattr(node, name)]
                 for node in self.matcher.memory_nodes}
        self.matcher.touched.clear()
        facts = self.facts
        return (nodes, list(self.agenda.activations), list(facts.items()), facts.last_index,
                facts.reference_counter.copy(), list(self.matcher.dirty))

    def _restore(self, snapshot):
        """Put back the memories of the nodes activated since the snapshot (the only
        ones that can have changed: every change of a memory starts with an activation
        of its node), the agenda and the fact list."""
        nodes, activations, facts, last_index, counter, dirty = snapshot
        touched = self.matcher.touched
        for node in set(touched):
            state = node.__dict__       # the memories are plain instance attributes
            for name, memory in nodes[node]:
                state[name] = memory.copy()
        touched.clear()
        self.matcher.dirty[:] = dirty
        self.agenda = Agenda()
        self.agenda.activations = list(activations)
        fact_list = FastFactList()
        for idx, fact in facts:
            OrderedDict.__setitem__(fact_list, idx, fact)
        fact_list.last_index = last_index
        # counter.copy() is Counter(counter), a Python-level update: the same Counter,
        # filled by dict's own update
        copied = Counter.__new__(Counter)
        dict.update(copied, counter)
        fact_list.reference_counter = copied
        self.facts = fact_list
        self.running = False

    def declare(self, *facts):
        """experta's ``declare`` (the one rules call), its checks done in plain loops:
        a declared fact holds no pattern (a MATCH, a P, ...) and no ``a__b`` key."""
        if not self.facts:
            watchers.ENGINE.warning("Declaring fact before reset()")
        for fact in facts:
            if _PLAIN_VALUES.issuperset(map(type, fact.values())):
                continue        # none of these types is a ConditionalElement
            for value in fact.values():
                if isinstance(value, ConditionalElement):
                    raise TypeError("Declared facts cannot contain conditional elements")
        for fact in facts:
            keys = tuple(fact)
            if keys in _CLEAN_KEYS:
                continue
            for key in keys:
                if "__" in str(key).strip("_"):   # a nested path (a__b), not a dunder
                    raise KeyError("Cannot declare facts containing double underscores "
                                   "as keys.")
            if len(_CLEAN_KEYS) < _KEYS_KEPT:
                _CLEAN_KEYS.add(keys)
        last = None
        for fact in facts:
            last = self.facts.declare(fact)
        if not self.running:
            added, removed = self.get_activations()
            self.strategy.update_agenda(self.agenda, added, removed)
        return last

    def declare_input(self, *facts):
        """``declare()`` for facts built by ``facts.case_facts``: plain field names and
        immutable values, so experta's per-field checks against patterns (which are
        for facts a rule builds) are skipped."""
        last = None
        for fact in facts:
            last = self.facts.declare(fact)
        if not self.running:
            added, removed = self.get_activations()
            self.strategy.update_agenda(self.agenda, added, removed)
        return last

    def run(self, steps=float("inf")):
        self.running = True
        rules_watcher = watchers.RULES
        execution = 0
        matcher, strategy = self.matcher, self.strategy
        while steps > 0 and self.running:
            # get_activations(): the fact list's changes (FactList.changes) to the
            # matcher, when there are any
            facts = self.facts
            adding, deleting = facts.added, facts.removed
            if adding or deleting or matcher.dirty:
                facts.added, facts.removed = [], []
                added, removed = matcher.changes(adding, deleting)
                if added or removed:
                    strategy.update_agenda(self.agenda, added, removed)
            activations = self.agenda.activations       # Agenda.get_next
            if not activations:
                break
            activation = activations.pop()
            steps -= 1
            execution += 1
            if rules_watcher.isEnabledFor(logging.INFO):
                rules_watcher.info("FIRE %s %s: %s", execution, activation.rule.__name__,
                                   ", ".join(str(f) for f in activation.facts))
            # Rule.__call__ (the names the rule's function takes, when it names them;
            # else every binding but the captured patterns'), without its frame and
            # its comprehension's
            rule = activation.rule
            names = rule._wrapped_args
            arguments = {}
            if names:
                for name, value in activation.context.items():
                    if name in names:
                        arguments[name] = value
            else:
                for name, value in activation.context.items():
                    if not name.startswith("__"):
                        arguments[name] = value
            if rule._wrapped_self is None and type(rule).__call__ is _RULE_CALL:
                rule._wrapped(self, **arguments)
            else:
                rule(self, **arguments)
        self.running = False
