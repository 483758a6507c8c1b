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

``tests/test_jobs.py`` checks the verdicts of this engine against a plain experta
engine built from the same rule sets.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from asas.engine.reason.compat import KnowledgeEngine, P, experta  # noqa: F401  (experta imported via expert.py)

from experta import watchers  # noqa: E402
from experta.activation import Activation  # noqa: E402
from experta.agenda import Agenda  # noqa: E402
from experta.factlist import FactList  # noqa: E402
from experta.matchers.rete import ReteMatcher  # noqa: E402
from experta.matchers.rete.mixins import ChildNode  # noqa: E402
from experta.matchers.rete.nodes import (  # noqa: E402
    BusNode,
    ConflictSetNode,
    FeatureTesterNode,
    NotNode,
    OrdinaryMatchNode,
    WhereNode,
)
from experta.matchers.rete.check import (  # noqa: E402
    FactCapture,
    FeatureCheck,
    TypeCheck,
    WhereCheck,
)
from experta.matchers.rete.token import Token  # noqa: E402

_tuple_new = tuple.__new__
_VALID = Token.TagType.VALID


def _copy(token: Token) -> Token:
    """``token.copy()`` without re-checking that its data are facts (they were checked
    when the token was made from a declared fact)."""
    return _tuple_new(Token, (token.tag, token.data.copy(), token.context.copy()))


class _FastFeatureTester(FeatureTesterNode):
    callbacks: list     # the children's callbacks (experta looks them up on each call)

    def activate(self, token):
        try:
            (fact,) = token.data
        except ValueError:
            raise ValueError("a feature tester takes one fact") from None
        match = self.matcher(fact)      # the check sees the fact only: test first
        if match is True:
            for callback in self.callbacks:
                callback(token)
            return
        if not match:
            return
        if isinstance(match, Mapping):
            token = _copy(token)        # the only node that changes a token: copy first
            context = token.context
            for key, value in match.items():
                if isinstance(key, tuple):  # negated condition
                    if key[1] in context and context[key[1]] == value:
                        return
                else:
                    if context.get(key, value) != value:
                        return
                    if (False, key) in context and context[(False, key)] == value:
                        return
            context.update(match)
        for callback in self.callbacks:
            callback(token)


# The nodes below only read the tokens they are given (joins make new tokens, memories
# keep frozen TokenInfo), so unlike experta they do not copy them first.

class _FastWhere(WhereNode):
    def activate(self, token):
        if self.matcher(token.context):
            for child in self.children:
                child.callback(token)


class _FastOrdinaryMatch(OrdinaryMatchNode):
    callbacks: list
    touched: list     # shared with the matcher: nodes whose memories changed this case

    def activate_left(self, token):
        self.touched.append(self)
        self._join(token, self.left_memory, self.right_memory, True)

    def activate_right(self, token):
        self.touched.append(self)
        self._join(token, self.right_memory, self.left_memory, False)

    def _join(self, token, branch_memory, matching_memory, is_left):
        """OrdinaryMatchNode's activation, without the MATCH watcher's calls and without
        re-validating the joined token's facts."""
        if token.tag is _VALID:
            branch_memory.append(token.to_info())
        else:
            try:
                branch_memory.remove(token.to_info())
            except ValueError:
                pass
        context = token.context
        matcher = self.matcher
        for other_data, other_context in matching_memory:
            other_context = dict(other_context)
            if is_left:
                match = matcher(context, other_context)
            else:
                match = matcher(other_context, context)
            if match:
                joined = {k: v for k, v in context.items() if isinstance(k, str)}
                for k, v in other_context.items():
                    if not isinstance(k, tuple):    # negated values are not needed further
                        joined[k] = v
                new = _tuple_new(Token, (token.tag, token.data | other_data, joined))
                for callback in self.callbacks:
                    callback(new)


class _FastNot(NotNode):
    touched: list

    def activate_left(self, token):
        self.touched.append(self)
        return self._activate_left(token)

    def activate_right(self, token):
        self.touched.append(self)
        return self._activate_right(token)


class _FastActivation(Activation):
    """An activation whose hash is computed once, from its rule's hash computed once
    per rule (experta hashes the rule's whole left-hand side every time)."""

    def __init__(self, rule, facts, context, rule_hash):
        super().__init__(rule, facts, context)
        self._hash = hash((rule_hash, frozenset(self.facts), frozenset(self.context.items())))

    def __hash__(self):
        return self._hash

    def __eq__(self, other):
        # Activation.__eq__, comparing the rule by identity first (Rule.__eq__ builds
        # tuples of both rules' whole left-hand sides)
        try:
            return (self.context == other.context and self.facts == other.facts
                    and (self.rule is other.rule or self.rule == other.rule)
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
        """ConflictSetNode._activate with :class:`_FastActivation`."""
        info = token.to_info()
        activation = _FastActivation(self.rule, info.data,
                                     {k: v for k, v in info.context if isinstance(k, str)},
                                     self.rule_hash)
        if token.is_valid():
            if info not in self.memory:
                self.memory.add(info)
                if activation in self.removed:
                    self.removed.remove(activation)
                else:
                    self.added.add(activation)
        else:
            try:
                self.memory.remove(info)
            except ValueError:  # as experta has it (a set raises KeyError)
                pass
            else:
                if activation in self.added:
                    self.added.remove(activation)
                else:
                    self.removed.add(activation)


class _FastBus(BusNode):
    """Sends a fact only to the children that can take it: those testing for its exact
    type (experta's TypeCheck is ``type(fact) == T``), and any child that tests
    something else, in the children's order."""

    by_type: dict

    def _routes(self, fact_type):
        routes = self.by_type.get(fact_type)
        if routes is None:
            routes = self.by_type[fact_type] = [
                child.callback for child in self.children
                if not isinstance(getattr(child.node, "check", None), TypeCheck)
                or child.node.check.fact_type is fact_type]
        return routes

    def add(self, fact):
        token = Token.valid(fact)
        for callback in self._routes(type(fact)):
            callback(token)

    def remove(self, fact):
        token = Token.invalid(fact)
        for callback in self._routes(type(fact)):
            callback(token)


_FAST = {
    FeatureTesterNode: _FastFeatureTester,
    WhereNode: _FastWhere,
    OrdinaryMatchNode: _FastOrdinaryMatch,
    NotNode: _FastNot,
    ConflictSetNode: _FastConflictSet,
    BusNode: _FastBus,
}


def _fast_check(check):
    """A function doing what experta's check object does when called with a fact,
    without the MATCH watcher's logging calls; None for checks it does not know."""
    if type(check) is TypeCheck:
        fact_type = check.fact_type
        return lambda fact: type(fact) == fact_type
    if type(check) is FactCapture:
        bind = check.bind
        return lambda fact: {bind: fact}
    if type(check) is FeatureCheck:
        what, test, expected = check.what, check.check, check.expected
        if isinstance(what, str):
            if what.startswith("__") or what.endswith("__"):
                return lambda fact: test(fact, expected)
            path = [int(p) if p.isnumeric() else p for p in what.split("__")]
            if len(path) == 1 and test.__name__ == "match_predicate" \
                    and type(expected) is P and expected.__bind__ is None:
                key, predicate = path[0], expected.match

                def predicate_feature(fact):    # match_predicate(), inlined
                    try:
                        record = fact[key]
                    except (IndexError, KeyError, TypeError):
                        return False
                    return True if predicate(record) else False
                return predicate_feature
            if len(path) == 1:
                key = path[0]

                def feature(fact):
                    try:
                        record = fact[key]
                    except (IndexError, KeyError, TypeError):
                        return False
                    return test(record, expected)
                return feature

            def nested(fact):
                record = fact
                try:
                    for p in path:
                        record = record[p]
                except (IndexError, KeyError, TypeError):
                    return False
                return test(record, expected)
            return nested

        def positional(fact):
            try:
                record = fact[what]
            except (IndexError, KeyError, TypeError):
                return False
            return test(record, expected)
        return positional
    if type(check) is WhereCheck:
        parameters, function = tuple(check.parameters), check.test
        return lambda context: function(**{k: context.get(k) for k in parameters})
    return None


def _activation_order(activation):
    return (activation.rule.__name__, sorted(f["__factid__"] for f in activation.facts))


class FastReteMatcher(ReteMatcher):
    """experta's Rete network with faster nodes; the same matches, in a fixed order."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._speed_up()

    def _speed_up(self):
        nodes, stack = [], [self.root_node]
        seen = set()
        while stack:
            node = stack.pop()
            if id(node) in seen:
                continue
            seen.add(id(node))
            nodes.append(node)
            stack.extend(child.node for child in node.children)
        self.dirty: list[_FastConflictSet] = []
        self.touched: list[_FastOrdinaryMatch | _FastNot | _FastConflictSet] = []
        for node in nodes:
            fast = _FAST.get(type(node))
            if fast is not None:
                node.__class__ = fast
            if isinstance(node, (_FastOrdinaryMatch, _FastNot, _FastConflictSet)):
                node.touched = self.touched
            if isinstance(node, _FastConflictSet):
                node.dirty = self.dirty
                node.rule_hash = hash(node.rule)
            if isinstance(node, (_FastFeatureTester, _FastWhere)):
                node.check = node.matcher           # experta's check object, kept
                node.matcher = _fast_check(node.check) or node.check
        self.root_node.by_type = {}
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

    def changes(self, adding=None, deleting=None):
        if deleting is not None:
            for deleted in deleting:
                self.root_node.remove(deleted)
        if adding is not None:
            for added in adding:
                self.root_node.add(added)
        added, removed = [], []
        if self.dirty:
            for node in set(self.dirty):
                node_added, node_removed = node.get_activations()
                added.extend(node_added)
                removed.extend(node_removed)
            self.dirty.clear()
            added.sort(key=_activation_order)
        return added, removed


class FastFactList(FactList):
    """experta's fact list; the key that detects a duplicate fact built in one pass."""

    @staticmethod
    def _get_fact_id(fact):
        return frozenset([fact.__class__, *[
            (k, v) for k, v in fact.items()
            if not (k.__class__ is str and k.startswith("__") and k.endswith("__"))]])


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

    _MEMORIES = ("left_memory", "right_memory", "memory", "added", "removed")

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
            for name, memory in nodes[node]:
                setattr(node, name, memory.copy())
        touched.clear()
        self.matcher.dirty[:] = dirty
        self.agenda = Agenda()
        self.agenda.activations = list(activations)
        fact_list = FastFactList()
        for idx, fact in facts:
            OrderedDict.__setitem__(fact_list, idx, fact)
        fact_list.last_index = last_index
        fact_list.reference_counter = counter.copy()
        self.facts = fact_list
        self.running = False

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
        while steps > 0 and self.running:
            added, removed = self.get_activations()
            self.strategy.update_agenda(self.agenda, added, removed)
            activation = self.agenda.get_next()
            if activation is None:
                break
            steps -= 1
            execution += 1
            if rules_watcher.isEnabledFor(logging.INFO):
                rules_watcher.info("FIRE %s %s: %s", execution, activation.rule.__name__,
                                   ", ".join(str(f) for f in activation.facts))
            activation.rule(self, **{k: v for k, v in activation.context.items()
                                     if not k.startswith("__")})
        self.running = False
