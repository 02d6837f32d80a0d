"""A synthetic guide about ten times the size of the real one, for `make bench`.

The real guide's pages, data and settings, multiplied: about 220 pages per
language (each page but the home, FAQ, glossary and print pages, copied
under new names), some 500 glossary terms, 400 FAQ entries under copied
topics, and 10 decision trees. A copied page shows its own copy of the FAQ
topics and trees, so each page holds as much as the original: the site grows
in pages, not in page length, as a real guide would. It is built with the
project's own hooks/ and overrides/, unchanged; the navigation is left to
MkDocs (every page, in folder order).

    python tools/make_big_guide.py OUT_DIR     # then: mkdocs build -f OUT_DIR/mkdocs.yml
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PAGES = 220  # pages a language, about ten times the guide's: each ordinary page is copied until then
FAQ_COPIES = 7  # 52 questions x 8 = 416
TREE_COPIES = 4  # 2 trees x 5 = 10
TERM_COPIES = 9  # 51 terms x 10 = 510
SPECIAL_PAGES = {"index", "faq", "glossary", "print"}
ZH_SUFFIXES = "甲乙丙丁戊己庚辛壬癸"


def make_big_guide(out: Path, root: Path = ROOT) -> Path:
    """Write the synthetic guide into out (emptied first); returns its mkdocs.yml."""
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(root / "docs", out / "docs")
    shutil.copytree(root / "data", out / "data")
    _copy_pages(out / "docs")
    _copy_faq(out / "data" / "faq.yml")
    _copy_trees(out / "data" / "trees")
    _copy_terms(out / "data" / "glossary.yml")
    config = out / "mkdocs.yml"
    config.write_text(_config(root), encoding="utf-8")
    return config


def _copy_pages(docs: Path) -> None:
    pages = [page for page in docs.rglob("*.md") if page.name.count(".") == 1]
    ordinary = [page for page in pages if page.name.split(".")[0] not in SPECIAL_PAGES]
    copies = round((PAGES - len(pages)) / len(ordinary))
    for page in sorted(docs.rglob("*.md")):
        base = page.name.split(".")[0]
        if base in SPECIAL_PAGES:
            continue
        text = page.read_text(encoding="utf-8")
        for copy in range(1, copies + 1):
            copied = text
            if copy <= FAQ_COPIES:
                copied = re.sub(r"<!--\s*faq:\s*([\w\- ]+?)\s*-->", lambda m: "<!-- faq: " + " ".join(f"{t}-{copy}" for t in m.group(1).split()) + " -->", copied)
            if copy <= TREE_COPIES:
                copied = re.sub(r"<!--\s*decision-tree:\s*(\S+?)\s*-->", lambda m: f"<!-- decision-tree: {m.group(1)}-{copy} -->", copied)
            page.with_name(page.name.replace(base, f"{base}-{copy}", 1)).write_text(copied, encoding="utf-8")


def _copy_faq(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    topics, questions = list(data["topics"]), list(data["questions"])
    for copy in range(1, FAQ_COPIES + 1):
        data["topics"] += [{**topic, "id": f"{topic['id']}-{copy}"} for topic in topics]
        data["questions"] += [{**q, "id": f"{q['id']}-{copy}", "topics": [f"{t}-{copy}" for t in q["topics"]]} for q in questions]
    _dump(path, data)


def _copy_trees(folder: Path) -> None:
    for tree in sorted(folder.glob("*.yml")):
        for copy in range(1, TREE_COPIES + 1):
            shutil.copyfile(tree, tree.with_name(f"{tree.stem}-{copy}.yml"))


def _copy_terms(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    terms = list(data["terms"])
    for copy in range(1, TERM_COPIES + 1):
        for term in terms:
            copied = {**term, "id": f"{term['id']}-{copy}"}
            for language, suffix in (("zh", ZH_SUFFIXES[copy]), ("en", f" {copy}")):
                side = {key: value for key, value in term[language].items() if key != "not_in"}
                side["term"] += suffix
                side["variants"] = [variant + suffix for variant in side.get("variants", [])]
                copied[language] = side
            data["terms"].append(copied)
    _dump(path, data)


def _config(root: Path) -> str:
    """The real mkdocs.yml, its hooks and templates taken from the project, its nav left to MkDocs."""
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("custom_dir: overrides", f"custom_dir: {root / 'overrides'}")
    text = re.sub(r"^(\s*-\s*)hooks/", rf"\g<1>{root / 'hooks'}/", text, flags=re.M)
    text = re.sub(r"^nav:.*", "", text, flags=re.M | re.S)  # the last section
    text = re.sub(r"^watch:\n(?:  - .*\n)+", "", text, flags=re.M)
    return text.replace("omitted_files: warn", "omitted_files: info")


def _dump(path: Path, data: object) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    print(make_big_guide(Path(sys.argv[1]).resolve()))
