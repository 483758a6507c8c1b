"""A beta network of asas's own for rules of joins, NOTs, EXISTS and TESTs.

experta's beta network (joins, NOT nodes, conflict sets) passes tokens made of Python
sets and dicts, freezes each into ``frozenset``s to keep it in a memory, and hashes every
fact of it in Python (``Fact.__hash__``).  Here a rule whose prepared conditions are a
chain of patterns, ``NOT(pattern)``, ``EXISTS(pattern)`` and ``TEST``s is one
:class:`RuleNet`: its matches are tuples of the facts of its positive patterns, keyed by
their fact indices (tuples of ints, hashed in C).

What a rule's conflict set holds is a function of the facts alone: the tuples of facts
its positive patterns match, their bindings agreeing, every TEST passing (given the
bindings of the patterns before it, None for a name not bound yet, as experta's
WhereCheck has it), no fact matching a NOT pattern whose bindings agree with the
patterns before it, and a fact for each EXISTS pattern (experta's EXISTS joins the
initial fact, which is then one of the activation's facts, and binds nothing).  What
experta's conflict-set node hands the agenda after a batch of changes is what entered
that set and what left it (an activation added and taken back in one batch cancels).
So a rule net keeps its positive matches up to date fact by fact, and once the batch is
in, checks its NOTs and EXISTS on the matches that can have changed, and hands over the
difference: the same activations (rule, facts, bindings) as experta's network.

A fact is offered to a rule net through an :class:`Alpha` (a pattern's facts, shared by
the rules with an equal pattern), filled by fastrete's compiled patterns.
"""

from __future__ import annotations

from collections.abc import Callable

#: roles of a pattern in a rule; an alpha's users are positive patterns (POS), NOTs
#: sharing names with the patterns before them (LOCAL), and NOTs sharing none and
#: EXISTS (GLOBAL: only whether the pattern has any fact counts)
POS, NOT, EXISTS = 0, 1, 2
LOCAL, GLOBAL = 3, 4


class Alpha:
    """The facts one pattern matches: ``memory`` maps a fact's index to (fact, bindings);
    ``users`` are the (rule net, role, position) that read it."""

    def __init__(self, touched: list):
        self.memory: dict[int, tuple] = {}
        self.users: list[tuple[RuleNet, int, int]] = []
        self.touched = touched
        self.wire()

    def wire(self) -> None:
        """Sort the users by role (once they are all known)."""
        self.positives = [(net, position) for net, role, position in self.users
                          if role == POS]
        self.locals = [net for net, role, _ in self.users if role == LOCAL]
        self.globals = [net for net, role, _ in self.users if role == GLOBAL]

    def add(self, fact, context) -> None:
        self.touched.append(self)
        memory = self.memory
        memory[fact["__factid__"]] = (fact, context)
        for net, position in self.positives:
            net.extend(position, fact, context)
        for net in self.locals:
            net.recheck()
        if len(memory) == 1:
            for net in self.globals:
                net.recheck()

    def remove(self, fact) -> None:
        fid = fact["__factid__"]
        if self.memory.pop(fid, None) is None:
            return          # never matched (a fact retracted before its declaration ran)
        self.touched.append(self)
        for net, position in self.positives:
            net.drop(position, fid)
        for net in self.locals:
            net.recheck()
        if not self.memory:
            for net in self.globals:
                net.recheck()

    def _reset(self) -> None:
        self.memory = {}


class RuleNet:
    """One rule's matches.  ``memory`` maps a key (the positive patterns' fact indices)
    to (facts, bindings) for the tuples the positive patterns and TESTs pass; ``active``
    maps the keys that also pass the NOTs and EXISTS to their activation: the rule's
    conflict set."""

    def __init__(self, rule, positives, joins, tests, local_nots, global_conditions,
                 make: Callable, touched: list, dirty: list):
        self.rule = rule
        self.positives: list[Alpha] = positives
        # joins[i]: names pattern i binds that the patterns before it bound too
        self.joins: list[tuple[str, ...]] = joins
        # tests[i]: the TESTs after positive pattern i, each ``test(bindings) -> bool``
        self.tests: list[tuple] = tests
        # NOTs sharing names with the patterns before them: (alpha, names)
        self.locals: list[tuple[Alpha, tuple[str, ...]]] = local_nots
        # NOTs sharing no name, and EXISTS: (alpha, wanted: True for EXISTS)
        self.globals: list[tuple[Alpha, bool]] = global_conditions
        self.make = make                # (facts, bindings) -> an activation
        self.touched, self.dirty = touched, dirty
        self.memory: dict[tuple, tuple] = {}
        self.active: dict[tuple, object] = {}
        self.changed: list[tuple] = []  # keys added to or dropped from memory this batch
        self.full = False               # a NOT or EXISTS changed: check every match
        # the tuples a new fact makes, by the number of positive patterns
        self.extend = (self._extend1 if len(positives) == 1 and not tests[0]
                       else self._extend2 if len(positives) == 2 and not tests[0]
                       else self._extend)

    def _reset(self) -> None:
        self.memory, self.active = {}, {}

    def _mark(self) -> None:
        if not self.changed and not self.full:
            self.dirty.append(self)
            self.touched.append(self)

    def recheck(self) -> None:
        self._mark()
        self.full = True

    def _extend1(self, position: int, fact, context) -> None:
        key = (fact["__factid__"],)
        memory = self.memory
        if key not in memory:
            memory[key] = ((fact,), context, key)
            self._mark()
            self.changed.append(key)

    def _extend2(self, position: int, fact, context) -> None:
        """:meth:`_extend` for two positive patterns, without its lists of partial
        tuples: each fact of the other pattern is paired with ``fact`` in place."""
        others = self.positives[1 - position].memory
        if not others:
            return
        fid = fact["__factid__"]
        shared, tests, memory, changed = self.joins[1], self.tests[1], self.memory, self.changed
        first = position == 0
        for other_id, (other, other_context) in others.items():
            if first:
                key = (fid, other_id)
                context0, context1 = context, other_context
            else:
                key = (other_id, fid)
                context0, context1 = other_context, context
            if key in memory:
                continue
            for name in shared:
                if context0[name] != context1[name]:
                    break
            else:
                merged = {**context0, **context1}
                for test in tests:
                    if not test(merged):
                        break
                else:
                    if fid != other_id:
                        memory[key] = ((fact, other) if first else (other, fact), merged, key)
                    else:
                        memory[key] = ((fact,), merged, (fid,))
                    if not changed and not self.full:   # _mark()
                        self.dirty.append(self)
                        self.touched.append(self)
                    changed.append(key)

    def _extend(self, position: int, fact, context) -> None:
        """The tuples with ``fact`` at ``position``, the other positions from their
        patterns' facts as they are now (a tuple already known is not made again, so a
        fact that two patterns match makes its tuples once)."""
        partial: list[tuple[tuple, tuple, dict]] = [((), (), {})]
        for i, alpha in enumerate(self.positives):
            shared = self.joins[i]
            options = ((fact["__factid__"], (fact, context)),) if i == position \
                else tuple(alpha.memory.items())
            grown = []
            for keys, facts, bound in partial:
                for fid, (f, ctx) in options:
                    for name in shared:
                        if bound[name] != ctx[name]:
                            break
                    else:
                        merged = {**bound, **ctx}
                        for test in self.tests[i]:
                            if not test(merged):
                                break
                        else:       # a fact at two positions is one of the facts
                            grown.append((keys + (fid,),
                                          facts if fid in keys else facts + (f,), merged))
            if not grown:
                return
            partial = grown
        memory = self.memory
        for key, facts, bound in partial:
            if key not in memory:
                memory[key] = (facts, bound,
                               key if len(facts) == len(key) else tuple(dict.fromkeys(key)))
                self._mark()
                self.changed.append(key)

    def drop(self, position: int, fid: int) -> None:
        memory = self.memory
        gone = [key for key in memory if key[position] == fid]
        if gone:
            self._mark()
            for key in gone:
                del memory[key]
            self.changed.extend(gone)

    def _passes(self, bound) -> bool:
        for alpha, wanted in self.globals:
            if bool(alpha.memory) is not wanted:
                return False
        for alpha, names in self.locals:
            for _, ctx in alpha.memory.values():
                for name in names:
                    if bound[name] != ctx[name]:
                        break
                else:
                    return False
        return True

    def finish(self, added: list, removed: list) -> None:
        """The batch is in: the activations that entered the conflict set to ``added``,
        those that left it to ``removed``."""
        memory, active = self.memory, self.active
        keys = memory if self.full else self.changed
        for key in keys:
            entry = memory.get(key)
            if entry is not None and self._passes(entry[1]):
                if key not in active:
                    activation = active[key] = self.make(entry[0], entry[1], entry[2])
                    added.append(activation)
            elif key in active:
                removed.append(active.pop(key))
        if self.full:
            for key in [k for k in active if k not in memory]:
                removed.append(active.pop(key))
        self.changed = []
        self.full = False
