"""The words the templates show around the guide's content, in every language.

One data file (`extra.labels_file`, data/labels.yml for the guide) holds every
label a project template shows: headings such as "Questions people ask",
"Last reviewed", the decision trees' buttons. Each key has a text for every
language of the site:

    faq_heading:
      zh: 常见问题
      en: Questions people ask

A template reads `labels.faq_heading` (or `labels["key-with-hyphens"]`);
a feature whose script needs its words gets them as `labels.group("loan_")`.
A key missing a language fails the
build when the file is read, and a key a template asks for that the file does
not have fails when the template asks: both name the file, the key and the
language. No template keeps a dictionary of languages of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from .errors import GuideError
from .site import missing_language
from .yaml_data import load_yaml

KEY = re.compile(r"^[a-z][a-z0-9_-]*$")


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

    def group(self, prefix: str) -> LabelGroup:
        """The labels whose keys start with prefix, without it: one feature's words
        (a page script reads them as JSON)."""
        texts = {key[len(prefix):]: text for key, text in vars(self).items() if key.startswith(prefix)}
        return LabelGroup(texts, prefix=prefix, language=self._language, source=self._source)


class LabelGroup(dict):
    """A feature's labels by their short keys; a missing one fails naming file, key and language."""

    def __init__(self, texts: Mapping[str, str], *, prefix: str, language: str, source: str) -> None:
        super().__init__(texts)
        self.prefix, self.language, self.source = prefix, language, source

    def __missing__(self, key: str) -> str:
        full = self.prefix + key
        raise GuideError(self.source, f"there is no {self.language} label '{full}'", f"add '{full}:' with '{self.language}: ...' to {self.source}")


class CurrentLabels:
    """The labels of whichever language is being built, as labels_of() says: one
    template environment can then serve every language of a build."""

    def __init__(self, labels_of: Callable[[], Labels]) -> None:
        self._labels_of = labels_of

    def __getattr__(self, key: str) -> Any:
        if key.startswith("__"):
            raise AttributeError(key)
        return getattr(self._labels_of(), key)

    def __getitem__(self, key: str) -> str:
        return self._labels_of()[key]


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
            raise GuideError(shown, f"the label key '{key}' is not a plain name", "use lower-case letters, digits, _ and - (templates write labels.the_key)", line)
        missing = missing_language(block, languages)
        if missing:
            raise GuideError(shown, f"the label '{key}' has no {missing[0]} text", f"add '{missing[0]}: ...' under '{key}:'", line)
        for language in languages:
            texts[language][str(key)] = str(block[language])
    return {language: Labels(texts[language], language=language, source=shown) for language in languages}
