"""The Content-Security-Policy every page carries, as a <meta> tag (static hosting has no headers).

Pure: HTML text in, policy text out; no MkDocs import (hooks/safety.py is the
adapter). Scripts run only from the site's own files ('self') or when their
exact text is an inline script the build wrote: each page's policy lists the
SHA-256 of that page's own inline scripts, read from the finished HTML, so a
new script file needs no change here and an injected inline script is blocked.

From file:// (the offline zip), Material's search runs in the iframe-worker
shim: an about:blank iframe that inherits this policy and runs one inline
script of its own, written with the page's search worker address in it. Its
hash is computed the same way (`shim_iframe_script`).

No 'unsafe-inline' and no 'unsafe-eval' for scripts: neither Material's bundle
nor its lunr search worker evaluates strings. Styles allow 'unsafe-inline':
Material sets style="" attributes and the policy is about scripts.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Iterable

# An inline <script> (no src) and its exact text, which is what the browser hashes.
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_SRC = re.compile(r"\ssrc\s*=", re.IGNORECASE)
_TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
# Types a browser runs; others (application/json, application/ld+json) are data.
_RUNNABLE = {"", "text/javascript", "application/javascript", "module"}
_CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.DOTALL)
_CHARSET = re.compile(r"<meta charset=[^>]*>", re.IGNORECASE)
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script a browser would run, in page order."""
    scripts = []
    for match in _SCRIPT.finditer(html):
        attributes, body = match.group(1), match.group(2)
        if _SRC.search(attributes):
            continue
        kind = _TYPE.search(attributes)
        if (kind.group(1).lower() if kind else "") in _RUNNABLE:
            scripts.append(body)
    return scripts


def script_hash(text: str) -> str:
    """The CSP source expression for one inline script: 'sha256-<base64>'."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(script_texts: Iterable[str], *, live_reload: bool = False) -> str:
    """The page's policy, allowing the given inline scripts by hash.

    live_reload: for `mkdocs serve` only, whose server adds an inline script
    to every page as it sends it (a new one per request, so no hash can
    match): inline scripts are allowed and no hashes are listed (a browser
    ignores 'unsafe-inline' when a hash is present). Never in a build.
    """
    hashes = ["'unsafe-inline'"] if live_reload else sorted({script_hash(text) for text in script_texts})
    directives = [
        "default-src 'self'",
        "script-src " + " ".join(["'self'", *hashes]),
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    return "; ".join(directives)


def search_worker_url(html: str) -> str | None:
    """The search worker address Material reads from the page's #__config."""
    match = _CONFIG.search(html)
    if not match:
        return None
    return json.loads(match.group(1)).get("search")


def shim_iframe_script(shim_source: str, worker_url: str) -> str:
    """The inline script iframe-worker's shim writes into its iframe for worker_url.

    The shim builds it from a template literal: `${name}` is the source text of
    the shim's function of that name (String(function)), or the worker address.
    Raises ValueError when the shim no longer has that shape.
    """
    match = re.search(r"<script>(.*?)<\\/script>", shim_source)
    if not match or "document.write(`" not in shim_source:
        raise ValueError("the iframe-worker shim no longer writes an inline <script> into a template literal")

    def value(name: str) -> str:
        source = _function_source(shim_source, name)
        return source if source is not None else worker_url

    return re.sub(r"\$\{(\w+)\}", lambda m: value(m.group(1)), match.group(1))


def meta_position(html: str) -> int | None:
    """Where the policy's <meta> goes: before any script, right after <meta charset> (else after <head>)."""
    match = _CHARSET.search(html) or _HEAD.search(html)
    return match.end() if match else None


def _function_source(source: str, name: str) -> str | None:
    """`function name(...){...}` as written in source (balanced braces), or None."""
    start = source.find(f"function {name}(")
    if start < 0:
        return None
    depth = 0
    for index in range(source.index("{", start), len(source)):
        depth += {"{": 1, "}": -1}.get(source[index], 0)
        if depth == 0:
            return source[start:index + 1]
    return None
