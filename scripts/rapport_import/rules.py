"""The importer's word lists (rules.yml), read once and compiled."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

RULES_FILE = Path(__file__).with_name("rules.yml")
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
DATE = (r"\d{4}[-./]\s?\d{1,2}[-./]\s?\d{1,2}|\d{2}[-./]\d{1,2}[-./]\d{1,2}"
        r"|\d{4}년\s*\d{1,2}월\s*\d{1,2}일|\d{1,2}\s+(?:" + MONTHS + r")\s+\d{4}")


@dataclass(frozen=True)
class Pattern:
    """A provenance pattern: its regular expression, how sure a match is, and why."""

    regex: re.Pattern[str]
    confidence: str
    why: str
    reserved: bool = True


@dataclass(frozen=True)
class Rules:
    body_start: tuple[str, ...]
    body_end: tuple[str, ...]
    contact_fields: tuple[tuple[re.Pattern[str], str], ...]
    advert: re.Pattern[str]
    picture_file: re.Pattern[str]
    provenance: dict[str, tuple[Pattern, ...]]
    landmarks: dict[str, str]


def patterns(entries: list[dict], flags: int = 0) -> tuple[Pattern, ...]:
    return tuple(Pattern(re.compile(entry["pattern"].replace("DATE", DATE), flags),
                         entry.get("confidence", "high"), entry.get("why", ""),
                         entry.get("reserved", True)) for entry in entries)


@cache
def rules() -> Rules:
    """The rules in rules.yml."""
    data = yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))
    return Rules(
        body_start=tuple(data["body_start"]),
        body_end=tuple(data["body_end"]),
        contact_fields=tuple((re.compile(entry["pattern"]), entry["what"])
                             for entry in data["contact_fields"]),
        advert=re.compile(data["advert"], re.IGNORECASE),
        picture_file=re.compile(data["picture_file"], re.IGNORECASE),
        provenance={name: patterns(data[name], re.IGNORECASE if name == "rights" else 0)
                    for name in ("author", "date", "publication", "rights")},
        landmarks=dict(data["landmarks"]),
    )
