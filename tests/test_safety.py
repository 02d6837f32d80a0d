"""Nothing in docs/ or data/ runs code; every page carries its CSP; site/ and dist/ are readable.

Hostile input fails the build with the file and the line; the unit tests pin
what is refused and what is not.
"""

from __future__ import annotations

import re
import stat
import zipfile
from pathlib import Path

import pytest

from engine import content_safety, csp
from build_dist import ZIP_NAME
from tests.conftest import ROOT, html_pages
from tests.test_build import _build

# -----------------------------------------------------------------------------
# What the scan refuses, and what it lets through
# -----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "line", "problem"), [
    ("intro\n\n<script>alert(1)</script>\n", 3, "<script>"),
    ("<SCRIPT SRC=//evil.example/x.js></SCRIPT>", 1, "<script>"),
    ("a\n<iframe src=https://evil.example></iframe>", 2, "<iframe>"),
    ('<img src=x onerror="alert(1)">', 1, "'onerror='"),
    ("<img src=x\n  onError=alert(1)>", 2, "'onError='"),
    ('<a href="#" onclick = "x()">a</a>', 1, "'onclick='"),
    ("[text](#x){ onmouseover=\"x()\" }", 1, "'onmouseover='"),
    ("[call](javascript:alert(1))", 1, "javascript:"),
    ("[call](JavaScript:alert(1))", 1, "javascript:"),
    ("a\nb\n[call](&#106;avascript&#58;alert(1))", 3, "javascript:"),
    ("[call](java\tscript:alert(1))", 1, "javascript:"),
    ("contact: \"vbscript:msgbox\"", 1, "vbscript:"),
])
def test_each_refused_construct_is_found_with_its_line(text: str, line: int, problem: str) -> None:
    findings = content_safety.scan_text(text, "docs/page.md")
    assert findings, text
    assert findings[0].line == line and problem in findings[0].problem, findings
    assert str(findings[0]).startswith(f"docs/page.md:{line}: ")


@pytest.mark.parametrize("text", [
    "Go online = fine. Call once; the onion is on the table.",
    "&lt;script&gt; is shown as text",
    '<div class="grid" markdown>**bold**</div>',
    "[help](help.md#police){ .md-button }",
    "Call <!-- channel: police --> now.",
    "写信给 12378，或打 110。",
])
def test_ordinary_markdown_and_html_pass(text: str) -> None:
    assert content_safety.scan_text(text, "docs/page.md") == []


def test_yaml_escapes_do_not_hide_a_script(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "faq.yml").write_text(
        'q: ok\na: "\\x3cscript>x()\\u003C/script>"\nb: "\\u003Cimg src=x \\u006Fnerror=y()>"\nc: "\\U00110000"\n',
        encoding="utf-8",
    )
    found = [(f.path, f.line, f.problem) for f in content_safety.scan_files(tmp_path, ["data"])]
    assert found == [
        ("data/faq.yml", 2, "a raw <script> element"),
        ("data/faq.yml", 3, "an event-handler attribute 'onerror='"),
    ]


def test_the_guide_itself_is_clean() -> None:
    assert content_safety.scan_files(ROOT, ["docs", "data"]) == []


@pytest.mark.parametrize(("kind", "contact", "ok"), [
    ("phone", "12378", True),
    ("phone", "+86 10 1234-5678", True),
    ("phone", "javascript:alert(1)", False),
    ("phone", "110<img>", False),
    ("phone", "1", False),
    ("web", "jubao.nifa.org.cn", True),
    ("web", "example.org/complaints?id=3", True),
    ("web", "https://example.org", False),  # the page adds https:// itself
    ("web", "javascript:alert(1)", False),
    ("web", "example.org\" onclick=\"x", False),
    ("web", "localhost", False),
    ("email", "help@example.org", True),
    ("email", "help@example", False),
    ("email", "<help@example.org>", False),
])
def test_channel_contacts_must_be_numbers_addresses_or_mail(kind: str, contact: str, ok: bool) -> None:
    assert (content_safety.contact_problem(kind, contact) is None) is ok


# -----------------------------------------------------------------------------
# The policy
# -----------------------------------------------------------------------------

def test_only_runnable_inline_scripts_are_hashed() -> None:
    html = (
        '<script>a()</script><script src="x.js"></script>'
        '<script type="application/json">{}</script><script type="application/ld+json">{}</script>'
        '<script type="module">b()</script>'
    )
    assert csp.inline_scripts(html) == ["a()", "b()"]
    # The value a browser reports for `a()`.
    assert csp.script_hash("a()") == "'sha256-" + __import__("base64").b64encode(
        __import__("hashlib").sha256(b"a()").digest()).decode() + "'"


def test_only_mkdocs_serve_allows_inline_scripts_for_its_live_reload() -> None:
    built = csp.policy(["a()"])
    assert "'unsafe-inline'" not in built.split("; ")[1] and csp.script_hash("a()") in built
    served = csp.policy(["a()"], live_reload=True)
    assert "script-src 'self' 'unsafe-inline';" in served and "sha256" not in served


def test_the_shim_script_is_rebuilt_from_the_pinned_shim() -> None:
    shim = (ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js").read_text(encoding="utf-8")
    script = csp.shim_iframe_script(shim, "../assets/javascripts/workers/search.x.min.js")
    assert script.startswith("postMessage=function c(")
    assert 'filename:"../assets/javascripts/workers/search.x.min.js"' in script
    assert "${" not in script


def test_every_page_has_one_policy_before_any_script_listing_its_inline_scripts(site_dir: Path) -> None:
    pages = [*html_pages(site_dir), site_dir / "404.html"]
    for page in pages:
        html = page.read_text(encoding="utf-8")
        metas = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
        assert len(metas) == 1, page
        assert html.index("Content-Security-Policy") < html.index("<script"), page
        policy = metas[0].replace("&#39;", "'")
        script_src = next(d for d in policy.split("; ") if d.startswith("script-src "))
        assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
        assert "object-src 'none'" in policy and "base-uri 'self'" in policy
        for script in csp.inline_scripts(html):
            assert csp.script_hash(script) in script_src, (page, script[:80])
        # The policy would block these silently: no template may write them.
        markup = re.sub(r"<script\b.*?</script>", "", html, flags=re.DOTALL | re.IGNORECASE)
        assert not re.search(r"<[A-Za-z][^<>]*\son[a-z]+\s*=", markup), page
        assert "javascript:" not in markup, page


# -----------------------------------------------------------------------------
# Hostile input fails the build with file and line
# -----------------------------------------------------------------------------

def _edit(path: Path, old: str, new: str) -> int:
    """Replace the first `old` in a file; return the 1-based line of the change."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


@pytest.mark.parametrize(("file", "old", "new", "problem"), [
    ("data/faq.yml", "      a: |\n", "      a: |\n        <script>alert(1)</script>\n", "<script>"),
    ("data/channels.yml", "{name: 报警电话,", "{name: \"<img src=x onerror=alert(1)>\",", "'onerror='"),
    ("docs/about.md", "\n## ", "\n<script src=\"https://evil.example/x.js\"></script>\n\n## ", "<script>"),
    ("docs/help.en.md", "\n## ", "\n<img src=x onerror=alert(1)>\n\n## ", "'onerror='"),
    ("data/channels.yml", 'contact: "110"', 'contact: "javascript:alert(1)"', "javascript:"),
])
def test_hostile_input_fails_the_build_naming_file_and_line(
    project_copy: Path, tmp_path: Path, file: str, old: str, new: str, problem: str
) -> None:
    line = _edit(project_copy / file, old, new)
    line += old.count("\n") if new.startswith(old) else new[: len(new) - len(new.lstrip("\n"))].count("\n")
    output = _build(project_copy, tmp_path / "out")
    assert output.returncode != 0
    assert f"{file}:{line}: " in output.stderr and problem in output.stderr, output.stderr[-1500:]
    assert "Fix:" in output.stderr


def test_a_contact_that_is_not_a_number_fails_with_its_line(project_copy: Path, tmp_path: Path) -> None:
    line = _edit(project_copy / "data" / "channels.yml", 'contact: "12378"', 'contact: "12378 (weekdays)"')
    output = _build(project_copy, tmp_path / "out")
    assert output.returncode != 0
    assert f"data/channels.yml:{line}: channel 'nfra'" in output.stderr, output.stderr[-1500:]


# -----------------------------------------------------------------------------
# site/ and dist/ are readable by a web server running as another user
# -----------------------------------------------------------------------------

def _modes(tree: Path) -> set[tuple[str, str]]:
    wrong = set()
    for path in [tree, *tree.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        expected = 0o755 if path.is_dir() else 0o644
        if mode != expected:
            wrong.add((str(path.relative_to(tree.parent)), oct(mode)))
    return wrong


def test_the_built_site_is_world_readable(site_dir: Path) -> None:
    assert _modes(site_dir) == set()


def test_dist_and_the_zipped_site_are_world_readable(dist_dir: Path) -> None:
    assert _modes(dist_dir) == set()
    with zipfile.ZipFile(dist_dir / ZIP_NAME) as bundle:
        wrong = [i.filename for i in bundle.infolist() if stat.S_IMODE(i.external_attr >> 16) != 0o644]
    assert wrong == []
