"""The privacy screen and the editor's flags: no e-mail address, phone number or labelled contact
line reaches the draft, and every one found is listed with its place; text in another script
is flagged for the editor, never deleted."""

from __future__ import annotations

import re

import phonenumbers

from .checks import contacts
from .escaping import escape_text
from .furniture import furniture_rule, labelled_fields
from .model import Block, Dropped, Finding, Flag, Page, Screened
from .writing import foreign_runs, main_script

BYLINE_WORDS = 25      # a block this short holding a contact is a byline or a contact line
REDACTED = "[contact removed]"
PHONE_REGIONS = ("KR", "US", "GB")
STRICT = phonenumbers.Leniency.STRICT_GROUPING  # VALID takes '2023.09.05 14' for a US number


def screen(page: Page) -> Screened:
    """Drop furniture and contact lines from the main text, redact contacts inside sentences,
    list every contact found anywhere, and flag text in another script."""
    kept: list[Block] = []
    dropped = list(page.dropped)
    findings: list[Finding] = []
    for block in page.blocks:
        found = contact_values(block.shown)
        rule = furniture_rule(block.shown)
        if rule is None and found and len(block.shown.split()) <= BYLINE_WORDS:
            rule = "a byline or contact line (it holds a contact detail): never published"
        if rule is not None:
            dropped.append(Dropped(block.shown, block.place, rule))
            continue
        text, shown = block.text, block.shown
        for kind, value in found:
            text = text.replace(value, REDACTED).replace(escape_text(value), REDACTED)
            shown = shown.replace(value, REDACTED)
            findings.append(Finding(kind, value, block.place,
                                    f"removed from a sentence of the main text ('{REDACTED}')"))
        kept.append(Block(block.kind, text, block.place, block.level, shown))
    for item in dropped:
        findings.extend(Finding(kind, value, item.place, "left out with its block")
                        for kind, value in contact_values(item.text))
        findings.extend(Finding(what, field, item.place, "left out with its block")
                        for what, field in labelled_fields(item.text))
    main = main_script(block.text for block in kept)
    flags = [flag for index, block in enumerate(kept) for flag in flags_in(block, index, main)]
    flags += [Flag("contact removed", REDACTED, block.place, "a contact detail was removed "
                   "from this sentence: reword it or leave it out", index)
              for index, block in enumerate(kept) if REDACTED in block.text]
    ordered = sorted(dropped, key=lambda item: (item.place.line or 0, item.text))
    return Screened(tuple(kept), tuple(ordered), tuple(dict.fromkeys(findings)), tuple(flags))


def contact_values(text: str) -> list[tuple[str, str]]:
    """Every e-mail address and phone number in the text: the generator's own check, then
    libphonenumber's matcher for the regions the importer's pages come from."""
    found = [(kind, value) for _, kind, value in contacts(text.split("\n"))]
    for region in PHONE_REGIONS:
        matcher = phonenumbers.PhoneNumberMatcher(text, region, leniency=STRICT)
        for match in matcher:
            if not any(match.raw_string in value or value in match.raw_string
                       for _, value in found):
                found.append(("phone number", match.raw_string))
    return found


def flags_in(block: Block, index: int, main: str) -> list[Flag]:
    """Runs of another script in the block: glued to a word (a slip, often machine
    translation) or standing alone mid-sentence (inserted, as spam is)."""
    flags = []
    for run in foreign_runs(block.text, main):
        if run.glued:
            flags.append(Flag("another script inside a sentence", run.text, block.place,
                              f"'{run.text}' is joined to the {main} text around it: a "
                              "translation slip? Check its meaning and translate or remove "
                              "it", index))
        else:
            inside = bool(re.search(r"\w", block.text[:run.start])) and \
                bool(re.search(r"\w", block.text[run.end:]))
            flags.append(Flag("looks inserted" if inside else "another script",
                              run.text, block.place,
                              f"'{run.text}' stands alone in the middle of a sentence in "
                              f"{main}: it looks inserted (spam?); remove it if it is not the "
                              "author's" if inside else
                              f"'{run.text}' is not in the article's script ({main})", index))
    return flags
