"""Which writing system (script) text is in: the article's own, and runs of another inside it."""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

# Korean text mixes in Latin (names, acronyms) and Han (hanja) as a matter of course.
ALSO_NORMAL = {"Hangul": frozenset({"Latin", "Han"})}
NAMES = {"CJK": "Han", "HIRAGANA": "Kana", "KATAKANA": "Kana", "HALFWIDTH": "Kana"}


def script(char: str) -> str | None:
    """The script of a letter ('Latin', 'Hangul', 'Han', 'Kana', …), None for anything else."""
    if not char.isalpha():
        return None
    first = unicodedata.name(char, "UNKNOWN").split()[0]
    return NAMES.get(first, first.capitalize())


def letters_by_script(text: str) -> Counter[str]:
    return Counter(name for char in text if (name := script(char)))


def main_script(texts: Iterable[str]) -> str:
    """The script most of the letters are in ('Latin' for text with none)."""
    total: Counter[str] = Counter()
    for text in texts:
        total.update(letters_by_script(text))
    return total.most_common(1)[0][0] if total else "Latin"


def is_normal(name: str, main: str) -> bool:
    return name == main or name in ALSO_NORMAL.get(main, frozenset())


def share_in(text: str, main: str) -> float:
    """The share of the text's letters that are in the article's script (1.0 without letters)."""
    counts = letters_by_script(text)
    total = sum(counts.values())
    return sum(n for name, n in counts.items() if is_normal(name, main)) / total if total else 1.0


@dataclass(frozen=True)
class Run:
    """Letters of another script inside the text (spaces between them included)."""

    start: int
    end: int
    text: str
    glued: bool            # touching a letter of the article's script, as in 'is双向的'


def foreign_runs(text: str, main: str) -> Iterator[Run]:
    """Each run of letters not in the article's script, joined across spaces and punctuation
    that hold no letter of the article's own."""
    start = end = None
    for index, char in enumerate(text):
        name = script(char)
        if name is not None and not is_normal(name, main):
            start = index if start is None else start
            end = index + 1
        elif name is not None and start is not None:
            yield run_at(text, start, end, main)
            start = end = None
    if start is not None:
        yield run_at(text, start, end, main)


def run_at(text: str, start: int, end: int, main: str) -> Run:
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    glued = any((name := script(char)) is not None and is_normal(name, main)
                for char in (before, after))
    return Run(start, end, text[start:end], glued)
