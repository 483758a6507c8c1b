"""YAML nodes composed from libyaml's event stream, iteratively and within the limits.

PyYAML's composers recurse once per nesting level; this one counts depth and nodes,
aliases expanded, as the events come, and stops at the first limit crossed, so an
alias bomb or a file nested thousands deep is refused before anything big exists.

The fast path: a small file without anchors or aliases (no ``&`` or ``*`` anywhere in
it) cannot be a bomb, so libyaml's own composer, in C, builds its nodes; they are then
counted, and their nesting measured, as the event loop would, and a file over a limit,
or one libyaml refuses, goes through the event loop after all, which says what it says
of any file.  Either way the nodes are the same.

Resolving the type of a plain scalar (is ``yes`` a boolean, ``12`` a number?) tries
PyYAML's regular expressions, in Python, for every scalar; the answer depends only on
the text, and most texts of a case file repeat (``true``, ``3``, the words of closed
lists), so short ones are resolved once per process.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from yaml.events import (
    AliasEvent,
    CollectionStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    StreamEndEvent,
)
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from asas.engine.i18n.messages import Msg, number
from asas.engine.load.types import Limits, _clip

if TYPE_CHECKING:   # checked against libyaml's loader; PyYAML's own has the same methods
    from yaml import CSafeLoader as _Base
    from yaml.error import Mark
    _C_COMPOSER: bool
else:
    try:  # libyaml keeps marks too, and is about 7x faster
        from yaml import CSafeLoader as _Base
        _C_COMPOSER = True
    except ImportError:  # pragma: no cover - depends on how PyYAML was built
        from yaml import SafeLoader as _Base
        _C_COMPOSER = False

_RESOLVED: dict = {}        # text -> tag, for short plain scalars
_RESOLVED_MAX = 4096        # entries kept at most (free text is seldom short and repeated)
_FAST_BYTES = 256 * 1024    # the fast path is for files of at most this many characters


# the first characters PyYAML's implicit types (bool, int, float, null, timestamp, merge)
# may start with; with no wildcard and no path resolvers, any other plain text is text
_FIRST = frozenset(_Base.yaml_implicit_resolvers)
_PLAIN_TEXT = None not in _FIRST and not _Base.yaml_path_resolvers
_STR_TAG = _Base.DEFAULT_SCALAR_TAG
_MAP_TAG = _Base.DEFAULT_MAPPING_TAG
_SEQ_TAG = _Base.DEFAULT_SEQUENCE_TAG


def _resolve_by_text(kind, value, implicit, _scalar=ScalarNode, _mapping=MappingNode,
                     _first=_FIRST, _str=_STR_TAG, _get=_RESOLVED.get,
                     _pyyaml=_Base.resolve, _resolver=_Base):
    """PyYAML's resolve, without its expressions for quoted text and plain text
    that starts as no implicit type can, and remembered for other short scalars:
    the tag of a scalar depends only on its text and on whether it was plain or
    quoted (SafeLoader has no resolvers by path, so nor on where it stands).

    A plain function, not a method: libyaml calls it for every node, and a bound
    method and ``super()`` cost more than the work (the defaults bind the names
    once for the same reason).  With no resolver by path PyYAML's resolve reads
    only the class's tables, so the class stands in for the loader."""
    if kind is not _scalar:
        return _MAP_TAG if kind is _mapping else _SEQ_TAG
    if not implicit[0] or (value and value[0] not in _first):
        # quoted, or plain and its first character starts no implicit type: PyYAML
        # would try no expression, and gives it the tag of text
        return _str
    if len(value) > 40:
        return _pyyaml(_resolver, kind, value, implicit)
    tag = _get(value)   # plain: PyYAML's answer depends on the text alone
    if tag is None:
        tag = _pyyaml(_resolver, kind, value, implicit)
        if len(_RESOLVED) < _RESOLVED_MAX:
            _RESOLVED[value] = tag
    return tag


class _Loader(_Base):
    if _PLAIN_TEXT:
        resolve = staticmethod(_resolve_by_text)

    if not _Base.yaml_path_resolvers:
        # libyaml's composer calls these two around every node, for path resolvers,
        # which SafeLoader has none of (the methods return at once): C callables that
        # take the same arguments and do nothing cost a fraction of a Python call
        # (7.5% of the instructions of composing a generated case file)
        descend_resolver = staticmethod(slice)  # type: ignore[assignment]  # (parent, index)
        ascend_resolver = staticmethod(tuple)   # type: ignore[assignment]  # ()


class _TooBig(Exception):
    """A limit crossed or a structure refused: the file gets this one located message."""

    def __init__(self, msg: Msg, mark=None):
        super().__init__(str(msg))
        self.msg = msg
        self.mark = mark


_SAFE_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq",
}
_MERGE_TAG = "tag:yaml.org,2002:merge"


def _mark(mark: object) -> Mark | None:
    """An event's mark, as a node keeps it: libyaml's own Mark under CSafeLoader, which
    types-PyYAML's nodes do not name (they name the pure-Python yaml.error.Mark)."""
    return cast("Mark | None", mark)


def _compose(text: str, limits: Limits) -> list:
    """The document roots of ``text`` composed from libyaml's event stream, iteratively.

    Counts every node (an alias as the whole subtree it repeats) and the nesting depth
    as the events come, and raises ``_TooBig`` at the first limit crossed, at a
    recursive or undefined alias, or at the start of a second document.  Nothing is
    constructed: the nodes are the ones PyYAML's composer would build, sharing the
    anchored node for each alias.
    """
    if _C_COMPOSER and len(text) <= _FAST_BYTES and "&" not in text and "*" not in text:
        roots = _compose_in_c(text, limits)
        if roots is not None:
            return roots
    loader = _Loader(text)
    try:
        return _compose_events(loader, limits)
    finally:
        loader.dispose()


def _compose_in_c(text: str, limits: Limits) -> list | None:
    """The one document of ``text`` composed by libyaml; None when the event loop must
    decide (a second document, a limit crossed, anything libyaml refuses)."""
    from yaml import YAMLError
    loader = _Loader(text)
    try:
        roots = []
        while loader.check_node():
            root = loader.get_node()
            assert root is not None   # check_node(): a document follows
            roots.append(root)
            if len(roots) > 1:
                return None
    except YAMLError:
        return None
    finally:
        loader.dispose()
    # the event loop's count (every node) and depth (collections open at once), a
    # level at a time: both are totals, so the order does not matter, and a level's
    # scalars need only be counted (their parent's length), never visited one by one
    count = len(roots)
    level = [node for node in roots if type(node) is not ScalarNode]
    depth = 0
    while level:
        depth += 1
        if depth > limits.max_depth:
            return None
        below = []
        for node in level:
            if type(node) is MappingNode:
                count += 2 * len(node.value)
                for key, value in node.value:
                    if type(key) is not ScalarNode:
                        below.append(key)
                    if type(value) is not ScalarNode:
                        below.append(value)
            else:
                count += len(node.value)
                below += [item for item in node.value if type(item) is not ScalarNode]
        if count > limits.max_nodes:
            return None
        level = below
    return roots


def _compose_events(loader, limits: Limits) -> list:
    max_nodes, max_depth = limits.max_nodes, limits.max_depth
    roots: list = []
    # anchor -> (node, nodes it stands for once expanded, height); None while still open
    anchors: dict = {}
    # one frame per open collection: [node, is_mapping, pending_key, anchor, count_before, height]
    stack: list = []
    count = 0
    aliased = False
    no_key = stack  # a sentinel no node can be

    def attach(node, height):
        if not stack:
            roots.append(node)
            return
        frame = stack[-1]
        if height + 1 > frame[5]:
            frame[5] = height + 1
        if frame[1]:
            if frame[2] is no_key:
                frame[2] = node
            else:
                frame[0].value.append((frame[2], node))
                frame[2] = no_key
        else:
            frame[0].value.append(node)

    def too_many(mark):
        why = Msg.of("load.alias_bomb") if aliased else ""
        return _TooBig(Msg.of("load.too_many_nodes", n=number(max_nodes), alias=why), mark)

    def too_deep(mark):
        return _TooBig(Msg.of("load.too_deep", n=max_depth), mark)

    while True:
        event = loader.get_event()
        kind = type(event)
        if kind is MappingEndEvent or kind is SequenceEndEvent:
            node, _, _, anchor, before, height = stack.pop()
            node.end_mark = event.end_mark
            if anchor is not None:
                anchors[anchor] = (node, count - before, height)
            attach(node, height)
            continue
        if kind is StreamEndEvent:
            return roots
        # the node events (yaml.events.NodeEvent's three kinds)
        if not isinstance(event, (AliasEvent, ScalarEvent, CollectionStartEvent)):
            continue  # the start of the stream, and of and end of a document
        mark = event.start_mark
        if not stack and roots:
            raise _TooBig(Msg.of("load.many_documents"), mark)
        if isinstance(event, AliasEvent):
            name = event.anchor
            assert name is not None   # an alias is its anchor's name (*name)
            if name not in anchors:
                raise _TooBig(Msg.of("load.alias_no_anchor", name=_clip(name, 40)), mark)
            entry = anchors[name]
            if entry is None:
                raise _TooBig(Msg.of("load.alias_loop", name=_clip(name, 40)), mark)
            node, size, height = entry
            aliased = True
            count += size
            if count > max_nodes:
                raise too_many(mark)
            if len(stack) + height > max_depth:
                raise too_deep(mark)
            attach(node, height)
            continue
        anchor = event.anchor
        if anchor is not None and anchor in anchors:
            raise _TooBig(Msg.of("load.anchor_twice", name=_clip(anchor, 40)), mark)
        count += 1
        if count > max_nodes:
            raise too_many(mark)
        tag = event.tag
        if isinstance(event, ScalarEvent):
            if tag is None or tag == "!":
                tag = loader.resolve(ScalarNode, event.value, event.implicit)
            node = ScalarNode(tag, event.value, _mark(mark), _mark(event.end_mark), event.style)
            if anchor is not None:
                anchors[anchor] = (node, 1, 0)
            attach(node, 0)
        else:  # the start of a mapping or a sequence
            if len(stack) + 1 > max_depth:
                raise too_deep(mark)
            is_map = kind is MappingStartEvent
            if tag is None or tag == "!":
                tag = loader.resolve(MappingNode if is_map else SequenceNode, None,
                                     event.implicit)
            node = (MappingNode if is_map else SequenceNode)(
                tag, [], _mark(mark), None, flow_style=event.flow_style)
            if anchor is not None:
                anchors[anchor] = None
            stack.append([node, is_map, no_key, anchor, count - 1, 0])
