"""Rendering the project's templates: one escaping policy.

Every template the hooks render autoescapes (hooks/mkdocs_site.py turns it
on): text from data files can never become markup. Markup the engine made
itself (rendered items, a page's own HTML) arrives as markupsafe.Markup.

Templates named *.md.html write Markdown, which MkDocs converts afterwards.
In Markdown text an apostrophe or a double quote needs no escaping, and left
as &#39; it would hide a glossary term such as "People's Bank of China" from
the linker (it matches text, not character references): those two come back
as characters. <, > and & stay escaped.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment

def prepare(env: Environment, labels: Any) -> Environment:
    """The environment the hooks render with: autoescaping, and `labels` in one language."""
    env.autoescape = True
    env.globals["labels"] = labels
    return env


def render_markdown(env: Environment, name: str, **context: Any) -> str:
    """A *.md.html template's Markdown, stripped, with its escaped quotes as plain characters."""
    text = env.get_template(name).render(**context).strip()
    return text.replace("&#39;", "'").replace("&#34;", '"')
