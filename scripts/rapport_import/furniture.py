"""Page furniture that extractors leave inside the main text: labelled contact and company
fields, picture file names, advertisements and rights notices. Each rule says why."""

from __future__ import annotations

from .rules import rules


def furniture_rule(text: str) -> str | None:
    """Why this block is the page's furniture and not the author's text, or None."""
    for regex, what in rules().contact_fields:
        if match := regex.search(text):
            return f"{what} ('{match.group(0).strip()}'): never published"
    if rules().picture_file.match(text):
        return "a picture's file name (the picture itself did not load)"
    if rules().advert.match(text):
        return "an advertisement"
    if len(text) < 200:
        for pattern in rules().provenance["rights"]:
            if pattern.regex.search(text):
                return "the rights notice (shown in the report's provenance)"
    return None


def labelled_fields(text: str) -> list[tuple[str, str]]:
    """Each labelled contact or company field in a line ('사업자등록번호 : 123-45-67890'),
    fields being separated by '|': (what it is, the field)."""
    found = []
    for part in text.split("|"):
        for regex, what in rules().contact_fields:
            if regex.search(part):
                found.append((what, part.strip()))
                break
    return found
