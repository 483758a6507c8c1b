"""The one place experta is imported; everything else imports experta's names from here.

experta 1.9.4 (its last release) needs three things handled, measured in
shared/spec/experta-notes.md:

1. It pins ``frozendict==1.2``, whose class statement uses ``collections.Mapping``
   (gone since Python 3.10), and its ``__init__`` swallows the resulting ImportError,
   leaving a package with no names in it.  The alias below is set only for the
   import and removed again.
2. ``DepthStrategy._update_agenda`` removes a retracted activation by looking at the
   bisect position and its two neighbours only.  With three or more activations of
   equal key (same salience, same facts: e.g. several rules whose only condition is
   ``NOT(...)``) a stale activation survives and fires, so a rule fires although its
   ``NOT`` is blocked.  :class:`SafeDepthStrategy` scans the whole run of equal keys.
3. Importing experta calls ``logging.basicConfig()``, which would make every later
   warning of the user's process print through a root handler we never asked for.
4. Building a network copies each rule a dozen times (``Rule.new_conditions``, in the
   DNF and preparation steps), and each copy reads its function's signature again with
   ``inspect.signature``: a fifth of building the engine of 80 rules, paid at every
   start.  :func:`_new_conditions` hands the copy what the original read.
"""

import bisect
import collections
import collections.abc
import logging
import operator
from functools import update_wrapper


def _import_experta():
    root = logging.getLogger()
    handlers_before = list(root.handlers)
    added_alias = not hasattr(collections, "Mapping")
    if added_alias:
        setattr(collections, "Mapping", collections.abc.Mapping)  # noqa: B010  (gone since 3.10)
    try:
        import experta
        from experta import engine  # noqa: F401  (raises the real ImportError, not hidden)
    finally:
        if added_alias:
            delattr(collections, "Mapping")
        for handler in list(root.handlers):
            if handler not in handlers_before:
                root.removeHandler(handler)
    if not hasattr(experta, "KnowledgeEngine"):
        raise ImportError("experta imported without its names; see engine/expert.py")
    return experta


experta = _import_experta()

from experta import (  # noqa: E402
    AND,
    AS,
    EXISTS,
    FORALL,
    MATCH,
    NOT,
    OR,
    TEST,
    DefFacts,
    Fact,
    Field,
    KnowledgeEngine,
    L,
    P,
    Rule,
    W,
)
from experta.strategies import DepthStrategy  # noqa: E402
from experta.utils import freeze  # noqa: E402
from frozendict import frozendict  # noqa: E402  (the one experta's freeze() makes)


def _new_conditions(self, *args):
    """experta's ``Rule.new_conditions`` (a rule of the same function and salience with
    other conditions), the function's parameters taken from ``self`` instead of being
    read from its signature again: the same rule, in a fraction of the time."""
    obj = self.__class__(*args, salience=self.salience)
    if self._wrapped:
        obj._wrapped = self._wrapped
        obj._wrapped_args = self._wrapped_args
        update_wrapper(obj, self._wrapped)
    return obj


Rule.new_conditions = _new_conditions


class SafeDepthStrategy(DepthStrategy):
    """DepthStrategy whose removal finds the activation anywhere in its run of equal keys."""

    def get_key(self, activation):
        # The parent caches keys with lru_cache on the method, which keeps every
        # activation of every engine alive (upstream experta#21); the key is cheap.
        # an activation's key never changes (its rule's salience, its facts): one that
        # has it (every activation of engine/reason/fastrete.py) keeps it
        key = activation.key
        if key is not None:
            return key
        salience = activation.rule.salience
        facts = sorted((f["__factid__"] for f in activation.facts), reverse=True)
        return (salience, facts)

    def _update_agenda(self, agenda, added, removed):
        # Activation orders by ``key`` alone (``__lt__``: ``self.key < other.key``); the
        # bisections compare the keys themselves, in C, with the same result
        activations = agenda.activations
        for act in removed:
            key = act.key = self.get_key(act)
            lo = bisect.bisect_left(activations, key, key=_KEY)
            hi = bisect.bisect_right(activations, key, lo, key=_KEY)
            for idx in range(lo, hi):
                if activations[idx] == act:
                    del activations[idx]
                    break
        for act in added:
            act.key = self.get_key(act)
            bisect.insort(activations, act, key=_KEY)


_KEY = operator.attrgetter("key")


__all__ = [
    "AND",
    "AS",
    "EXISTS",
    "FORALL",
    "MATCH",
    "NOT",
    "OR",
    "TEST",
    "DefFacts",
    "DepthStrategy",
    "Fact",
    "Field",
    "KnowledgeEngine",
    "L",
    "P",
    "Rule",
    "SafeDepthStrategy",
    "W",
    "freeze",
    "frozendict",
]
