"""Words inside longer Chinese words, made searchable (pure core).

jieba cuts the index's Chinese into the longest words it knows: 电话录音,
敲诈勒索, 非法拘禁. A query is searched as the start of an index word, so 录音,
勒索 and 拘禁 missed those places: the answer titled 我可以给催收电话录音吗 was
not in the first three results for 录音, and 勒索 found nothing at all. The
words inside a longer word (电话录音 -> 电话 + 录音), but for the first, which
the query already finds, go into a hidden field beside the field they came
from, with its boost. The text a reader sees keeps its words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

# The field a word's parts are searched in, by the field the word is in.
PARTS_FIELD = {"title": "title_parts", "text": "text_parts"}
# The indexer marks off every Chinese word with U+200B (jieba's words joined
# and surrounded by it), so a run of Chinese characters is one word.
_LONG_HAN_WORD = re.compile(r"(?<![\u3400-\u9fff])[\u3400-\u9fff]{3,}(?![\u3400-\u9fff])")


def add_word_parts(index: dict[str, Any], split: Callable[[str], list[str]]) -> dict[str, Any]:
    """The index with each entry's parts fields. `split(word)` cuts a word into
    the shorter words it is made of, as jieba would if it did not know the
    word whole (人民检察院 -> 人民 + 检察院)."""

    def parts(word: str) -> list[str]:
        pieces = [piece for piece in split(word) if piece != word]
        inner = [part for piece in pieces if len(piece) > 2 for part in parts(piece)]
        return [piece for piece in pieces[1:] if len(piece) > 1] + inner

    docs = []
    for doc in index["docs"]:
        added = {}
        for field, hidden in PARTS_FIELD.items():
            words = dict.fromkeys(_LONG_HAN_WORD.findall(doc.get(field, "")))
            found = dict.fromkeys(part for word in words for part in parts(word))  # each once: a part is a hint, not a count
            if found:
                added[hidden] = "\u200b".join(found)
        docs.append({**doc, **added} if added else doc)
    fields = index["config"]["fields"]
    boosts = {hidden: {"boost": fields.get(field, {}).get("boost", 1.0)} for field, hidden in PARTS_FIELD.items()}
    return {**index, "config": {**index["config"], "fields": {**fields, **boosts}}, "docs": docs}
