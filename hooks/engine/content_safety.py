"""What the guide's own files may not carry: scripts, frames, event handlers, javascript: links.

Pure: text in, findings out; no MkDocs import (hooks/safety.py is the adapter).
Pages and data are Markdown and plain text. Raw HTML is allowed for layout,
but nothing in docs/ or data/ may run code in a reader's browser: the
Content-Security-Policy (csp.py) is the second line, this check the first,
and it names the file and line so an editor can fix it.

Channel contacts (data/channels.yml) are checked here too: a phone number,
a web address (linked as https://) or an e-mail address, nothing else.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

SCRIPT_FILES = "overrides/assets/javascripts/"

# An HTML tag from its "<name" to its ">" (or to the end, if never closed),
# and a Markdown attribute list "{ ... }" (attr_list can set any attribute).
_TAG = re.compile(r"<[A-Za-z][^<>]*>?")
_ATTR_LIST = re.compile(r"\{[^{}\n]*\}")
_HANDLER = re.compile(r"(?<![\w-])(on[a-z]+)\s*=", re.IGNORECASE)
_ELEMENT = re.compile(r"<\s*(script|iframe|frame|object|embed)\b", re.IGNORECASE)
# Browsers ignore tabs, newlines and control characters inside a scheme.
_SCHEME = re.compile(r"(javascript|vbscript)\s*:", re.IGNORECASE)
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x1f]")


@dataclass(frozen=True)
class Finding:
    """One refused construct: where it is, what it is, what to do."""

    path: str
    line: int
    problem: str
    fix: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.problem}. Fix: {self.fix}"


def scan_text(text: str, path: str) -> list[Finding]:
    """Every refused construct in one file's text, in line order.

    Tags and attribute names are read as written (a browser does not decode
    entities there, so `&lt;script&gt;` is text); addresses are read with
    entities decoded and control characters dropped, as a browser reads an
    href (so `&#106;avascript:` and `java<TAB>script:` are still found).
    """
    decoded = [html.unescape(line) for line in text.split("\n")]
    findings: list[Finding] = []
    for match in _ELEMENT.finditer(text):
        name = match.group(1).lower()
        findings.append(Finding(
            path, _line(text, match.start()), f"a raw <{name}> element",
            f"remove it: pages and data may not embed scripts or frames; a script belongs in "
            f"{SCRIPT_FILES} as its own file, an external page is a plain link",
        ))
    for region in _regions(text):
        for match in _HANDLER.finditer(text, region.start(), region.end()):
            findings.append(Finding(
                path, _line(text, match.start()), f"an event-handler attribute '{match.group(1)}='",
                f"remove it: pages and data may not run code; behaviour belongs in {SCRIPT_FILES}",
            ))
    for number, line in enumerate(decoded, start=1):
        for match in _SCHEME.finditer(_IGNORED_IN_SCHEME.sub("", line)):
            findings.append(Finding(
                path, number, f"a {match.group(1).lower()}: address",
                "link to a page (https://…, a relative .md link) or a phone number (tel:…) instead",
            ))
    return sorted(set(findings), key=lambda f: (f.line, f.problem))


def scan_files(root: Path, folders: Iterable[str]) -> list[Finding]:
    """Scan every text file under the given folders of root (binary files are skipped)."""
    findings: list[Finding] = []
    for folder in folders:
        for path in sorted(p for p in (root / folder).rglob("*") if p.is_file()):
            text = _text_of(path)
            if text is not None:
                if path.suffix in (".yml", ".yaml"):
                    text = yaml_unescaped(text)
                findings.extend(scan_text(text, path.relative_to(root).as_posix()))
    return findings


_YAML_ESCAPE = re.compile(r"\\(?:x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8}))")


def yaml_unescaped(text: str) -> str:
    """YAML's \\x, \\u and \\U escapes decoded (so `"\\x3cscript>"` is seen as `<script>`).

    Decoded line breaks become spaces: the line numbers stay those of the file.
    """
    def char(match: re.Match[str]) -> str:
        code = int(next(group for group in match.groups() if group), 16)
        if code > 0x10FFFF:
            return match.group(0)
        return " " if chr(code) in "\r\n" else chr(code)

    return _YAML_ESCAPE.sub(char, text)


# -----------------------------------------------------------------------------
# Channel contacts
# -----------------------------------------------------------------------------

_PHONE = re.compile(r"\+?[0-9](?:[0-9 \-]{1,18}[0-9])")
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_HOST = rf"{_LABEL}(?:\.{_LABEL})*\.[A-Za-z]{{2,63}}"
_PATH = r"(?:/[A-Za-z0-9._~%!$&'()*+,;=:@/-]*)?(?:\?[A-Za-z0-9._~%!$&'()*+,;=:@/?-]*)?"
_WEB = re.compile(rf"{_HOST}{_PATH}")
_EMAIL = re.compile(rf"[A-Za-z0-9.!#$%&'*+/=?^_`{{|}}~-]+@{_HOST}")

CONTACT_FORMS = {
    "phone": "digits, optionally with a leading + and spaces or dashes (e.g. 12378 or +86 10 1234 5678)",
    "web": "a web address without https:// (the page links it as https://; e.g. jubao.nifa.org.cn or example.org/path)",
    "email": "an e-mail address (e.g. help@example.org)",
}


def contact_problem(kind: str, contact: str) -> str | None:
    """Why a channel's contact is not a valid contact of its kind, or None if it is."""
    patterns = {"phone": _PHONE, "web": _WEB, "email": _EMAIL}
    pattern = patterns.get(kind)
    if pattern is None:
        return f"there is no contact check for kind '{kind}'"
    if pattern.fullmatch(contact):
        return None
    return f"the {kind} contact '{contact}' is not {CONTACT_FORMS[kind]}"


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------

def _regions(text: str) -> Iterator[re.Match[str]]:
    yield from _TAG.finditer(text)
    yield from _ATTR_LIST.finditer(text)


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _text_of(path: Path) -> str | None:
    data = path.read_bytes()
    if b"\x00" in data:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None
