"""Provenance: who wrote the page, where and when it appeared, and the rights notice, each with
where it was found and how sure the importer is. Extractors get dates wrong (a sidebar's date,
the modified date, a footer's registration date), so a guess is labelled a guess."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from .model import CONFIDENCE_ORDER, Fact, Place
from .rules import MONTHS, rules

MONTH_NUMBER = {name: number for number, name in enumerate(MONTHS.split("|"), 1)}
FACT_NAMES = ("title", "author", "publication", "published", "url", "rights")


def iso_date(text: str) -> str | None:
    """A date as the page writes it, as YYYY-MM-DD (a two-digit year is read as 20YY)."""
    if match := re.fullmatch(r"(\d{1,2})\s+(\w+)\s+(\d{4})", text.strip()):
        parts = [match.group(3), str(MONTH_NUMBER.get(match.group(2), 0)), match.group(1)]
    else:
        parts = re.findall(r"\d+", text)
    if len(parts) != 3:
        return None
    year, month, day = (int(part) for part in parts)
    year += 2000 if year < 100 else 0
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def facts_from_lines(lines: Iterable[tuple[str, Place]]) -> list[Fact]:
    """Every author, date, publication and rights notice the page's labelled text gives."""
    found: list[Fact] = []
    for text, place in lines:
        for name in ("author", "date", "publication"):
            for pattern in rules().provenance[name]:
                for match in pattern.regex.finditer(text):
                    value = match.group(1).strip()
                    if name == "date":
                        value = iso_date(value) or ""
                    if value:
                        found.append(Fact("published" if name == "date" else name, value, place,
                                          pattern.confidence,
                                          pattern.why.format(value=match.group(1).strip())))
                    break
        for pattern in rules().provenance["rights"]:
            if match := pattern.regex.search(text):
                reserved = "rights reserved" if pattern.reserved else "a licence"
                found.append(Fact("rights", match.group(0), place, "high",
                                  f"the page's own notice ({reserved})"))
                break
    return found


def choose(facts: Iterable[Fact]) -> tuple[Fact, ...]:
    """One fact per name: the surest (the first found among equals), with every other value
    it differs from listed as an alternative the editor can weigh."""
    chosen = []
    by_name: dict[str, list[Fact]] = {}
    for fact in facts:
        by_name.setdefault(fact.name, []).append(fact)
    for name in FACT_NAMES:
        candidates = by_name.get(name, [])
        if not candidates:
            continue
        best = min(candidates, key=lambda fact: CONFIDENCE_ORDER.index(fact.confidence))
        others = tuple(dict.fromkeys(
            f"{fact.value} ({fact.confidence}: {fact.why}, {fact.place})"
            for fact in candidates if fact.value != best.value))
        agree = [fact for fact in candidates if fact is not best and fact.value == best.value]
        why = "; also ".join(dict.fromkeys([best.why, *(fact.why for fact in agree)]))
        chosen.append(Fact(name, best.value, best.place, best.confidence, why, others))
    return tuple(chosen)


def reserved(facts: Iterable[Fact]) -> bool | None:
    """Whether the page reserves its rights (True), gives a licence (False), or says nothing."""
    for fact in facts:
        if fact.name == "rights":
            return "licence" not in fact.why
    return None
