"""From a checked tree to what the templates render: views, overview, print flow.

A view is a path, not a node: "your answers so far" (each with a link to
change it) and the back link depend on how the reader got there. So every
path from the start gets its own view, with an id built from the answer ids:

    t-<tree-id>                  the first question
    t-<tree-id>--no--calls       after answering "no", then "calls"

With at most MAX_QUESTIONS questions to any outcome there are few paths
(tens, not thousands). Links between views are in-page anchors, so they work
without JavaScript, from file:// and inside the offline bundle.

Nodes are also numbered (breadth first from the start) for the printed flow:
"if yes, go to 4".
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from .channels import Channel
from .tree_model import CHANNEL_REF, Link, Node, Option, Tree


@dataclass(frozen=True)
class View:
    answers: tuple[tuple[str, str], ...]  # (question node id, option id), in order
    node: str  # the node this path arrives at


@dataclass(frozen=True)
class LinkTarget:
    href: str  # relative to the tree's page, with #section
    section: str | None  # the section's heading, None for a whole page
    page: str  # the page's title


LinkResolver = Callable[[Link], LinkTarget]

# What the templates read: plain dicts (Jinja reads `view.id` from a dict too).
Record = dict[str, Any]


def view_id(tree_id: str, option_ids: list[str] | tuple[str, ...]) -> str:
    """The HTML id of the view after these answers."""
    return "--".join([f"t-{tree_id}", *option_ids])


def all_views(tree: Tree) -> list[View]:
    """Every path from the start, depth first, the start first."""
    views: list[View] = []

    def walk(node_id: str, answers: tuple[tuple[str, str], ...]) -> None:
        views.append(View(answers=answers, node=node_id))
        for option in tree.nodes[node_id].options:
            walk(option.next, answers + ((node_id, option.id),))

    walk(tree.start, ())
    return views


def node_numbers(tree: Tree) -> dict[str, int]:
    """Node id -> its number in the printed flow (breadth first, options in order)."""
    numbers: dict[str, int] = {}
    queue = deque([tree.start])
    while queue:
        node_id = queue.popleft()
        if node_id in numbers:
            continue
        numbers[node_id] = len(numbers) + 1
        queue.extend(o.next for o in tree.nodes[node_id].options)
    return numbers


def split_text(text: str, channels: Mapping[str, Channel]) -> list[Record]:
    """A sentence as parts: {"text": ..., "channel": None} and {"text": None, "channel": Channel} for {channel:id}."""
    parts: list[Record] = []
    position = 0
    for match in CHANNEL_REF.finditer(text):
        if match.start() > position:
            parts.append(dict(text=text[position:match.start()], channel=None))
        parts.append(dict(text=None, channel=channels[match.group(1)]))
        position = match.end()
    if position < len(text):
        parts.append(dict(text=text[position:], channel=None))
    return parts


def tree_context(
    tree: Tree,
    *,
    language: str,
    channels: Mapping[str, Channel],
    resolve_link: LinkResolver,
) -> dict[str, Any]:
    """Everything partials/tree.html needs, in one language.

    "views" lists the start view LAST: the stylesheet shows it by default and
    hides it with `.tree-view:target ~ .tree-view--start`, which only works on
    a later sibling (no :has() needed, so older phone browsers cope too).
    """
    numbers = node_numbers(tree)
    bodies = {node.id: _body(node, language, channels, resolve_link, numbers) for node in tree.nodes.values()}
    start_href = "#" + view_id(tree.id, [])
    views = []
    for view in all_views(tree):
        option_ids = [option for _, option in view.answers]
        node = tree.nodes[view.node]
        views.append(dict(
            id=view_id(tree.id, option_ids),
            start=not view.answers,
            node=node.id,
            kind=node.kind,
            number=numbers[node.id],
            position=len(view.answers) + 1,
            back="#" + view_id(tree.id, option_ids[:-1]) if view.answers else None,
            restart=start_href if view.answers else None,
            answers=[
                dict(
                    question=tree.nodes[question].text[language],
                    answer=_option(tree.nodes[question], option).label[language],
                    change="#" + view_id(tree.id, option_ids[:index]),
                )
                for index, (question, option) in enumerate(view.answers)
            ],
            options=[
                dict(id=o.id, label=o.label[language], href="#" + view_id(tree.id, option_ids + [o.id]))
                for o in node.options
            ],
            body=bodies[node.id],
        ))
    return {
        "tree_id": tree.id,
        "lang": language,
        "intro": split_text(tree.intro[language], channels) if tree.intro else None,
        "start_href": start_href,
        "views": views[1:] + views[:1],
        "map": _map(tree, tree.start, [], language, numbers),
        "flow": [bodies[node_id] for node_id in sorted(numbers, key=numbers.__getitem__)],
    }


def _option(node: Node, option_id: str) -> Option:
    return next(o for o in node.options if o.id == option_id)


def _body(node: Node, language: str, channels: Mapping[str, Channel], resolve_link: LinkResolver, numbers: dict[str, int]) -> Record:
    """One node's content, the same wherever it is shown (view or print flow)."""

    def parts(text: Mapping[str, str] | None) -> list[Record] | None:
        return split_text(text[language], channels) if text else None

    return dict(
        id=node.id,
        kind=node.kind,
        number=numbers[node.id],
        text=node.text[language],
        hint=parts(node.hint),
        options=[dict(label=o.label[language], number=numbers[o.next]) for o in node.options],
        urgent=[channels[c] for c in node.urgent],
        summary=parts(node.summary),
        steps=[parts(step) for step in node.steps],
        evidence=[parts(item) for item in node.evidence],
        channels=[channels[c] for c in node.channels],
        links=[resolve_link(link) for link in node.links],
    )


def _map(tree: Tree, node_id: str, option_ids: list[str], language: str, numbers: dict[str, int]) -> Record:
    """The overview: the tree unfolded path by path, each entry linking to its view."""
    node = tree.nodes[node_id]
    return dict(
        href="#" + view_id(tree.id, option_ids),
        text=node.text[language],
        kind=node.kind,
        number=numbers[node_id],
        branches=[
            dict(label=o.label[language], node=_map(tree, o.next, option_ids + [o.id], language, numbers))
            for o in node.options
        ],
    )
