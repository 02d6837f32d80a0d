"""Decision trees, checked before anything renders: the graph, and what it points at.

The checks, each failing with the file, the node's line and id and the fix:
a node or option target that does not exist; a node not reachable from the
start; a cycle; a path that ends anywhere but at an outcome; more than
MAX_QUESTIONS questions before an outcome; a channel id, link or page
section that does not resolve; a number typed where a channel reference
belongs. (engine/tree_model.py reads the file and checks each text has every
language.)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping

from .errors import GuideError
from .tree_model import CHANNEL_REF, MAX_QUESTIONS, Link, Node, Tree

# (page, language) -> the section ids of that page, or None if it does not exist.
AnchorLookup = Callable[[str, str], "Collection[str] | None"]


# -----------------------------------------------------------------------------
# Checking the graph
# -----------------------------------------------------------------------------

def check_graph(tree: Tree, max_questions: int = MAX_QUESTIONS) -> None:
    """Targets exist, no dead ends, no cycles, all reachable, depth within the limit."""
    source = tree.source
    if tree.start not in tree.nodes:
        raise GuideError(source, f"the start node '{tree.start}' does not exist", f"set 'start:' to one of: {', '.join(tree.nodes)}", tree.start_line)
    for node in tree.nodes.values():
        for option in node.options:
            if option.next not in tree.nodes:
                raise GuideError(source, f"node '{node.id}': option '{option.id}' leads to '{option.next}', which is not a node", f"add a node '{option.next}' or point 'next:' at an existing node", option.line)
        if node.is_question and not node.options:
            raise GuideError(source, f"node '{node.id}' is a question with no options, so a path ends there without an outcome", "give it options, or make it an outcome", node.line)
    cycle = _find_cycle(tree)
    if cycle:
        raise GuideError(source, f"node '{cycle[-2]}' leads back to '{cycle[-1]}', a cycle: {' -> '.join(cycle)}", "point that option at a node further down the tree", tree.nodes[cycle[-2]].line)
    reachable = _reachable(tree)
    for node in tree.nodes.values():
        if node.id not in reachable:
            raise GuideError(source, f"node '{node.id}' cannot be reached from the start node '{tree.start}'", "point an option at it, or delete it", node.line)
    deepest = _deepest_path(tree, tree.start)
    questions = sum(1 for node_id in deepest if tree.nodes[node_id].is_question)
    if questions > max_questions:
        raise GuideError(source, f"node '{deepest[-1]}' comes after {questions} questions ({' -> '.join(deepest)}); the limit is {max_questions}", "merge or drop a question on that path", tree.nodes[deepest[-1]].line)


def _find_cycle(tree: Tree) -> list[str] | None:
    """A loop as a list of node ids (first == last), or None."""
    done: set[str] = set()

    def visit(node_id: str, path: list[str]) -> list[str] | None:
        path = path + [node_id]
        for option in tree.nodes[node_id].options:
            if option.next in path:
                return path[path.index(option.next):] + [option.next]
            if option.next not in done:
                found = visit(option.next, path)
                if found:
                    return found
        done.add(node_id)
        return None

    for node_id in [tree.start, *tree.nodes]:
        if node_id not in done:
            found = visit(node_id, [])
            if found:
                return found
    return None


def _reachable(tree: Tree) -> set[str]:
    seen: set[str] = set()
    stack = [tree.start]
    while stack:
        node_id = stack.pop()
        if node_id not in seen:
            seen.add(node_id)
            stack += [o.next for o in tree.nodes[node_id].options]
    return seen


def _deepest_path(tree: Tree, node_id: str) -> list[str]:
    """The path from node_id with the most questions (the graph has no cycles)."""
    node = tree.nodes[node_id]
    if not node.options:
        return [node_id]
    paths = [_deepest_path(tree, o.next) for o in node.options]
    return [node_id] + max(paths, key=lambda p: sum(1 for n in p if tree.nodes[n].is_question))


# -----------------------------------------------------------------------------
# Checking what the tree points at: channels, pages, sections
# -----------------------------------------------------------------------------

def check_references(
    tree: Tree,
    *,
    contacts: Mapping[str, str],
    anchors: AnchorLookup,
    languages: tuple[str, ...],
) -> None:
    """Every channel id exists, no contact is typed by hand, every link resolves.

    contacts: channel id -> its number or address (to spot retyped numbers).
    anchors(page, language): the section ids of docs/<page> in that language,
    or None when the page does not exist in that language.
    """
    source = tree.source
    texts = [(None, "the intro", tree.intro)] if tree.intro else []
    for node in tree.nodes.values():
        texts += [(node, what, text) for what, text in node.texts()]
        for key in ("urgent", "channels"):
            for channel_id in getattr(node, key):
                _known_channel(channel_id, contacts, source, f"node '{node.id}': '{key}'", node.key_lines.get(key, node.line))
        for link in node.links:
            _check_link(link, node, anchors, languages, source)
    for node, what, text in texts:
        where = f"node '{node.id}': {what}" if node else what
        line = node.line if node else tree.start_line
        for language, sentence in text.items():
            for channel_id in CHANNEL_REF.findall(sentence):
                _known_channel(channel_id, contacts, source, f"{where} ({language})", line)
            _no_typed_contact(CHANNEL_REF.sub("", sentence), contacts, source, f"{where} ({language})", line)


def _known_channel(channel_id: str, contacts: Mapping[str, str], source: str, where: str, line: int) -> None:
    if channel_id not in contacts:
        raise GuideError(source, f"{where} names an unknown channel '{channel_id}'", f"use an id from data/channels.yml: {', '.join(contacts)}", line)


def _no_typed_contact(text: str, contacts: Mapping[str, str], source: str, where: str, line: int) -> None:
    for channel_id, contact in contacts.items():
        if contact in text and re.search(rf"(?<![0-9]){re.escape(contact)}(?![0-9])", text):
            raise GuideError(source, f"{where} types the contact '{contact}' by hand", f"write {{channel:{channel_id}}} so it renders from data/channels.yml", line)


def _check_link(link: Link, node: Node, anchors: AnchorLookup, languages: tuple[str, ...], source: str) -> None:
    target = f"{link.page}#{link.anchor}" if link.anchor else link.page
    for language in languages:
        sections = anchors(link.page, language)
        if sections is None:
            raise GuideError(source, f"node '{node.id}': the link '{target}' names a page that does not exist in {language}", "link to a page in docs/ by its name without .md, e.g. stop-harassment#call-log", link.line)
        if link.anchor and link.anchor not in sections:
            raise GuideError(source, f"node '{node.id}': the link '{target}' names a section that page does not have in {language}", f"use one of its section ids: {', '.join(sorted(sections)) or '(none)'}", link.line)
