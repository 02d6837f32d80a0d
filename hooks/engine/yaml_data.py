"""Load the guide's YAML data files, failing with the file and line.

Mappings come back as LineDict, which
remembers the line of each key, so a later check (an unknown id, a missing
language) can still point the editor at the right line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import GuideError


class LineDict(dict):
    """A dict that knows the 1-based line of itself and of each of its keys."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


# libyaml's parser when PyYAML has it (its wheels do): the same documents, the
# same node marks (so the same lines), some 10-30x faster than the pure-Python
# parser. Only the wording of a syntax error differs a little.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeLoader):  # type: ignore[misc, valid-type]
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> LineDict:  # type: ignore[override]
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r} (first on line {seen[key]})", key_node.start_mark
                )
            seen[key] = key_node.start_mark.line + 1
        mapping = LineDict(super().construct_mapping(node, deep=True))
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {str(k): v for k, v in seen.items()}
        return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _LineLoader.construct_mapping)


def parse_yaml(text: str, path: str) -> Any:
    """Parse YAML text; a syntax error becomes a GuideError naming path and line."""
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        problem = f"this is not valid YAML ({error.problem or error.context})"
        raise GuideError(path, problem, "check the indentation and quoting on that line", line) from None


def load_yaml(path: Path, shown_as: str | None = None, *, setting: str | None = None) -> Any:
    """Read and parse a data file; shown_as is how errors name it (relative path).

    A missing file fails naming it, and the mkdocs.yml setting that points
    at it when there is one.
    """
    shown = shown_as or str(path)
    if not path.is_file():
        fix = f"create it, or point extra.{setting} in mkdocs.yml at the right file" if setting else "create it"
        raise GuideError(shown, "this data file does not exist", fix)
    return parse_yaml(path.read_text(encoding="utf-8"), shown)
