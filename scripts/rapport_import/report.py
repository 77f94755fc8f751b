"""The editor's report on an import: what was kept, dropped (with the rule), removed, found
(contacts), flagged, where each fact came from, the checklist, and the generator's verdict.
One set of facts (`facts_of`), written twice: Markdown for the editor, JSON for tools."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .model import Fact, Page, Screened
from .provenance import reserved

SHORT = 80
WORDS = {"title": "title", "author": "author", "publication": "publication",
         "published": "date it was first published"}


@dataclass(frozen=True)
class Outcome:
    """Everything one import produced, for the report."""

    source: str
    encoding: str
    draft: str
    page: Page
    screened: Screened
    block_lines: tuple[int, ...]
    problems: tuple[tuple[int, str], ...]
    placeholders: bool


def short(text: str, limit: int = SHORT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def checklist(outcome: Outcome) -> list[str]:
    """What the editor must still do before the draft can be published."""
    facts = {fact.name: fact for fact in outcome.page.facts}
    rights = reserved(outcome.page.facts)
    publisher = facts["publication"].value if "publication" in facts else "the publisher"
    items = []
    if rights is True:
        items.append(f"Get written permission to republish from {publisher} and the author: the "
                     f"page says \"{facts['rights'].value}\". Without it, do not publish.")
    elif rights is False:
        items.append(f"Check the licence's terms (\"{facts['rights'].value}\"): credit, "
                     "share-alike, no changes?")
    else:
        items.append("No rights notice was found: ask the publisher and the author for "
                     "permission to republish before publishing.")
    for name, words in WORDS.items():
        fact = facts.get(name)
        if fact is None:
            items.append(f"Find the {words}: the importer found none.")
        elif not fact.sure:
            items.append(f"Confirm the {words} ({fact.value} is a guess: {fact.why}); write it "
                         "into the front matter.")
    for flag in outcome.screened.flags:
        line = outcome.block_lines[flag.block]
        items.append(f"Decide about '{flag.text}' (draft line {line}, source {flag.place}): "
                     f"{flag.kind}. Keep, fix or remove it, and remove its todo marker.")
    if outcome.placeholders:
        items.append("Name each '## TODO: name this section' heading (or join the paragraph to "
                     "the section above), and remove its todo marker.")
    items += [
        "Write the description (160 characters at most).",
        "Check the text against the source page; list every change you make under edits: "
        "(what and why).",
        "Add reviewed: with the day you checked it.",
        "Move the finished draft to content/<name>.md, run make check, and commit it (never "
        "the report).",
    ]
    return items


def facts_of(outcome: Outcome) -> dict[str, Any]:
    """The report as data: the JSON file, and what the Markdown is written from."""
    screened = outcome.screened
    return {
        "source": {"file": outcome.source, "kind": outcome.page.kind,
                   "encoding": outcome.encoding},
        "draft": outcome.draft,
        "kept": [{"draft_line": line, "source": str(block.place), "kind": block.kind,
                  "text": short(block.shown)}
                 for block, line in zip(screened.blocks, outcome.block_lines)],
        "dropped": [{"source": str(item.place), "rule": item.rule, "text": short(item.text)}
                    for item in screened.dropped],
        "removed": [{"source": str(item.place), "what": item.what}
                    for item in outcome.page.removed],
        "privacy": [{"kind": item.kind, "value": item.value, "source": str(item.place),
                     "action": item.action} for item in screened.findings],
        "flagged": [{"kind": flag.kind, "text": flag.text, "source": str(flag.place),
                     "draft_line": outcome.block_lines[flag.block], "why": flag.why}
                    for flag in screened.flags],
        "provenance": {fact.name: fact_data(fact) for fact in outcome.page.facts},
        "checklist": checklist(outcome),
        "generator_problems": [{"line": line, "message": message}
                               for line, message in outcome.problems],
    }


def fact_data(fact: Fact) -> dict[str, Any]:
    return {"value": fact.value, "source": str(fact.place), "confidence": fact.confidence,
            "why": fact.why, "alternatives": list(fact.alternatives),
            "in_front_matter": fact.sure and fact.name not in ("rights", "url")}


def to_json(outcome: Outcome) -> str:
    return json.dumps(facts_of(outcome), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def cell(text: Any) -> str:
    """Text safe in a Markdown table cell."""
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ") or "—"


def table(headers: list[str], rows: list[list[Any]]) -> list[str]:
    if not rows:
        return ["None.", ""]
    return ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers),
            *("| " + " | ".join(cell(value) for value in row) + " |" for row in rows), ""]


def to_markdown(outcome: Outcome) -> str:
    """The report an editor reads, from the same facts as the JSON."""
    data = facts_of(outcome)
    title = data["provenance"].get("title", {}).get("value", outcome.source)
    lines = [f"# Import report: {title}", "",
             f"Source: `{outcome.source}` ({outcome.page.kind}, read as {outcome.encoding}). "
             f"Draft: `{outcome.draft}`. The draft fails `make check` until this checklist is "
             "done.", "",
             "## What the editor must still do", "",
             *(f"- [ ] {item}" for item in data["checklist"]), "",
             "## Provenance", "",
             *table(["What", "Value", "Where on the page", "How sure", "Other values seen"],
                    [[name, fact["value"], fact["source"], f"{fact['confidence']}: "
                      f"{fact['why']}", "; ".join(fact["alternatives"])]
                     for name, fact in data["provenance"].items()]),
             "Only high and medium values are in the draft's front matter; a low one is a "
             "comment there, for the editor to confirm.", "",
             "## Contact details kept out of the draft", "",
             *table(["What", "Value", "Where in the source", "What happened"],
                    [[item["kind"], item["value"], item["source"], item["action"]]
                     for item in data["privacy"]]),
             "## Flagged text (the editor decides)", "",
             *table(["Draft line", "Source", "Text", "Why"],
                    [[item["draft_line"], item["source"], item["text"], item["why"]]
                     for item in data["flagged"]]),
             "## Kept", "",
             *table(["Draft line", "Source", "Start of the text"],
                    [[item["draft_line"], item["source"], item["text"]]
                     for item in data["kept"]]),
             "## Dropped", "",
             *table(["Source", "Rule", "Text"],
                    [[item["source"], item["rule"], item["text"]] for item in data["dropped"]]),
             "## Removed: things that would run or track", "",
             *table(["Source", "What"], [[item["source"], item["what"]]
                                         for item in data["removed"]]),
             "## What the generator says about the draft now", "",
             *(f"- line {item['line']}: {item['message']}"
               for item in data["generator_problems"]), ""]
    return "\n".join(lines)
