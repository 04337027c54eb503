"""Provenance of a draft's clauses: the regulation (store id) and the id each node had there.

Renumbering and reference rewriting need, for every node of the draft, where it came from: references found in
a source clause resolve among that source's ids. A clause put in place of another (``--take``) also answers for
the replaced clause (its alias).

The provenance is a side table keyed by the node object (weakly: an entry goes when its node does), never an
attribute stuck on the node, so a :class:`~rancang.tree.Node` stays exactly the JSON contract's node. A copy of a
node is a new node: tag it again (:func:`tag`).
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from functools import partial

from rancang.tree import Node

Origin = tuple[str, str]


@dataclass(slots=True)
class _Entry:
    node: weakref.ref
    origin: Origin
    alias: Origin | None = None


#: id(node) -> its entry; an entry whose weak reference no longer gives the node back is stale
_TABLE: dict[int, _Entry] = {}


def _entry(node: Node) -> _Entry | None:
    e = _TABLE.get(id(node))
    return e if e is not None and e.node() is node else None


def _put(node: Node, value: Origin, replaced: Origin | None = None) -> None:
    key = id(node)
    e = _entry(node)
    if e is None:
        _TABLE[key] = _Entry(weakref.ref(node, partial(_drop, key)), value, replaced)
        return
    e.origin = value
    if replaced is not None:
        e.alias = replaced


def _drop(key: int, ref: weakref.ref) -> None:
    e = _TABLE.get(key)
    if e is not None and e.node is ref:
        del _TABLE[key]


def tag(node: Node, origin: str) -> Node:
    """Remember, for ``node`` and every descendant, the region and id it came from (its refs resolve there)."""
    for n in node.walk():
        _put(n, (origin, n.id))
    return node


def origin(node: Node) -> Origin:
    """(store id, old node id) a node came from; ("", its id) for a node made for the draft."""
    e = _entry(node)
    return e.origin if e is not None else ("", node.id)


def alias(node: Node) -> Origin | None:
    """The origin of the clause this node replaced, if it replaced one."""
    e = _entry(node)
    return e.alias if e is not None else None


def set_origin(node: Node, value: Origin, replaced: Origin | None = None) -> None:
    """Give ``node`` the origin ``value`` (and the origin of the clause it replaces)."""
    _put(node, value, replaced)
