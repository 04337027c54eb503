"""Provenance of a draft's clauses: the regulation (store id) and the id each node had there.

Renumbering and reference rewriting need, for every node of the draft, where it came from: references found in
a source clause resolve among that source's ids. The origin is kept with the node through copies and moves;
a clause put in place of another (``--take``) also answers for the replaced clause (its alias).
"""

from __future__ import annotations

from rancang.tree import Node


def tag(node: Node, origin: str) -> Node:
    """Remember, on every node, the region and id it came from (refs are resolved in that namespace)."""
    for n in node.walk():
        n.__dict__["_origin"] = (origin, n.id)
    return node


def origin(node: Node) -> tuple[str, str]:
    """(store id, old node id) a node came from; ("", its id) for a node made for the draft."""
    return node.__dict__.get("_origin", ("", node.id))


def full_text(node: Node) -> str:
    """The text of a node and all its descendants, joined by spaces."""
    return " ".join(n.text for n in node.walk() if n.text)


def alias(node: Node) -> tuple[str, str] | None:
    """The origin of the clause this node replaced, if it replaced one."""
    return node.__dict__.get("_alias")


def set_origin(node: Node, value: tuple[str, str], replaced: tuple[str, str] | None = None) -> None:
    """Give ``node`` the origin ``value`` (and the origin of the clause it replaces)."""
    node.__dict__["_origin"] = value
    if replaced is not None:
        node.__dict__["_alias"] = replaced
