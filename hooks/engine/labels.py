"""The words the templates show around the guide's content, in every language.

One data file (`extra.labels_file`, data/labels.yml for the guide) holds every
label a project template shows: headings such as "Questions people ask",
"Last reviewed", the decision trees' buttons. Each key has a text for every
language of the site:

    faq_heading:
      zh: 常见问题
      en: Questions people ask

A template reads `labels.faq_heading`. A key missing a language fails the
build when the file is read, and a key a template asks for that the file does
not have fails when the template asks: both name the file, the key and the
language. No template keeps a dictionary of languages of its own.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .errors import GuideError
from .site import missing_language
from .yaml_data import load_yaml

KEY = re.compile(r"^[a-z][a-z0-9_]*$")


class Labels:
    """One language's labels: `labels.key`, or a GuideError naming file, key and language."""

    def __init__(self, texts: Mapping[str, str], *, language: str, source: str) -> None:
        self.__dict__.update(texts)
        self._language = language
        self._source = source

    def __getattr__(self, key: str) -> str:
        if key.startswith("__"):
            raise AttributeError(key)
        raise GuideError(self._source, f"a template asks for the label '{key}', which has no {self._language} text", f"add '{key}:' with '{self._language}: ...' to {self._source}")

    __getitem__ = __getattr__


def load_labels(path: Path, shown: str, languages: tuple[str, ...]) -> dict[str, Labels]:
    """Every language's labels from the file; a key without some language fails with its line."""
    data = load_yaml(path, shown, setting="labels_file")
    return parse_labels(data, shown, languages)


def parse_labels(data: Any, shown: str, languages: tuple[str, ...]) -> dict[str, Labels]:
    if not isinstance(data, dict):
        raise GuideError(shown, "the file must map each label's key to its texts", "write 'key:' then one 'language: text' line per language", 1)
    texts: dict[str, dict[str, str]] = {language: {} for language in languages}
    for key, block in data.items():
        line = data.line_of(str(key))
        if not KEY.match(str(key)):
            raise GuideError(shown, f"the label key '{key}' is not a plain name", "use lower-case letters, digits and _ (templates write labels.the_key)", line)
        missing = missing_language(block, languages)
        if missing:
            raise GuideError(shown, f"the label '{key}' has no {missing[0]} text", f"add '{missing[0]}: ...' under '{key}:'", line)
        for language in languages:
            texts[language][str(key)] = str(block[language])
    return {language: Labels(texts[language], language=language, source=shown) for language in languages}
