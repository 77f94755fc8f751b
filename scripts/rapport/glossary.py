"""Parse the glossary (content/glossary.yml): the one source of the Glossary page and of the
tooltips every page shows on the words it defines.

Each entry has the term, the forms in which it appears in text (matching is case-sensitive,
as Python-Markdown's `abbr` matches), a short tooltip and a fuller definition.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import yaml_lines
from .contacts import find_contacts
from .dates import iso_date
from .yaml_lines import is_text
from .errors import Problems, Report
from .markdown_scan import read_markdown
from .placed_text import indented
from .safety import unsafe_markup
from .site_markdown import MarkdownSetup
from .slugs import has_letters, slugify

KEYS = ("title", "description", "intro", "reviewed", "terms")
TERM_KEYS = ("term", "forms", "tooltip", "definition")
MAX_TOOLTIP = 160


@dataclass(frozen=True)
class Term:
    """One glossary entry; `anchor` is its id on the Glossary page."""

    term: str
    anchor: str
    forms: tuple[str, ...]
    tooltip: str
    definition: str


@dataclass(frozen=True)
class Glossary:
    """The whole glossary: its page's title and introduction, and its terms in order."""

    title: str
    description: str
    intro: str
    reviewed: str
    terms: tuple[Term, ...]
    reviewed_line: int = 1

    def tooltips(self) -> dict[str, Term]:
        """Each form that appears in text, with the term it stands for."""
        return {form: term for term in self.terms for form in term.forms}


def parse_glossary(text: str, path: Path, allowed_contacts: frozenset[str] = frozenset(),
                   markdown: MarkdownSetup | None = None) -> Glossary:
    """Validate the glossary, reporting every problem with its line. `markdown`: the site's
    (default: this project's), which reads the intro and definitions as their page has them."""
    if markdown is None:
        from .sources import project_settings  # sources reads the disk, and imports this

        markdown = project_settings().markdown
    report = Report()
    for contact in find_contacts(text.splitlines(), allowed_contacts):
        report.add(path, contact.line + 1, f"{contact.kind} '{contact.value}': contact "
                   "details never go on the site; remove it")
    try:
        data, root = yaml_lines.load(text)
    except yaml_lines.YamlProblem as error:
        report.add(path, error.line, f"malformed YAML ({error.problem}): fix the syntax")
        raise Problems(tuple(report.problems)) from None
    if not isinstance(data, Mapping):
        report.add(path, 1, f"the glossary must be a mapping with {', '.join(KEYS)}")
        raise Problems(tuple(report.problems))

    def line(*where: str | int) -> int:
        return yaml_lines.line_of(root, where)

    for key in data:
        if key not in KEYS:
            report.add(path, line(key), f"unknown key '{key}': the keys are {', '.join(KEYS)}")
    for key in ("title", "description", "intro"):
        if not is_text(data.get(key)):
            report.add(path, line(key), f"'{key}' must be non-empty text")
    reviewed = iso_date(data.get("reviewed")) or ""
    if not reviewed:
        report.add(path, line("reviewed"), "'reviewed' must be a date written YYYY-MM-DD")
    entries = data.get("terms")
    if not isinstance(entries, list) or not entries:
        report.add(path, line("terms"), "'terms' must be a list of entries with "
                   f"{', '.join(TERM_KEYS)}")
        entries = []
    terms = [parse_term(entry, number, line, path, report)
             for number, entry in enumerate(entries)]
    check_unique(terms, [line("terms", number) for number in range(len(entries))], path,
                 report)
    if is_text(data.get("intro")):
        check_page(data["intro"], line("intro"), [
            (term, line("terms", number, "definition"))
            for number, term in enumerate(terms) if term is not None], markdown, path, report)
    report.raise_if_any()
    return Glossary(title=clean(data["title"]), description=clean(data["description"]),
                    intro=data["intro"].strip(), reviewed=reviewed,
                    terms=tuple(term for term in terms if term is not None),
                    reviewed_line=line("reviewed"))


def parse_term(entry: Any, number: int, line, path: Path, report: Report) -> Term | None:
    """One entry of `terms:`; None (with its problems reported, all of them) if unusable."""
    if not isinstance(entry, Mapping):
        report.add(path, line("terms", number), "each term needs 'term', 'forms', 'tooltip' "
                   "and 'definition'")
        return None
    known = len(report.problems)
    name = entry["term"].strip() if is_text(entry.get("term")) else f"#{number + 1}"
    for key in entry:
        if key not in TERM_KEYS:
            report.add(path, line("terms", number, key), f"unknown key '{key}': a term has "
                       f"{', '.join(TERM_KEYS)}")
    for key in ("term", "tooltip", "definition"):
        if not is_text(entry.get(key)):
            report.add(path, line("terms", number, key), f"term '{name}' has an empty "
                       f"'{key}': write it")
    forms = entry.get("forms")
    if not isinstance(forms, list) or not forms or not all(
            is_text(form) and "]" not in form for form in forms):
        report.add(path, line("terms", number, "forms"), "'forms' must list the words as they "
                   "appear in text (matching is case-sensitive; no ']' in a form), e.g. "
                   "[rapport, Rapport]")
    if is_text(entry.get("tooltip")) and len(clean(entry["tooltip"])) > MAX_TOOLTIP:
        report.add(path, line("terms", number, "tooltip"), f"the tooltip of '{name}' "
                   f"is longer than {MAX_TOOLTIP} characters: shorten it (the definition can "
                   "say more)")
    if len(report.problems) > known:
        return None
    term = clean(entry["term"])
    anchor = slugify(term)
    return Term(term=term, anchor=anchor if has_letters(anchor) else f"term-{number + 1}",
                forms=tuple(form.strip() for form in forms),
                tooltip=clean(entry["tooltip"]), definition=entry["definition"].strip())


def check_page(intro: str, intro_line: int, terms: list[tuple[Term, int]],
               markdown: MarkdownSetup, path: Path, report: Report) -> None:
    """The intro and the definitions are Markdown on the Glossary page: nothing that runs,
    nothing from another host, read as page_text.render_glossary lays them out (each
    definition indented in a definition list)."""
    lines = intro.strip().split("\n")
    numbers = [intro_line] * len(lines)
    for term, number in terms:
        definition = term.definition.splitlines() or [""]
        lines += ["", "Term", f":   {definition[0]}",
                  *indented(definition[1:])]
        numbers += [number] * (len(definition) + 2)
    reading = read_markdown(lines, markdown.parser)
    report.extend(unsafe_markup(lines, reading.elements, path, numbers=numbers))


def check_unique(terms: list[Term | None], lines: list[int], path: Path, report: Report
                 ) -> None:
    """A term, its anchor, or a form may appear once: name the repeat and the first line."""
    seen_terms: dict[str, int] = {}
    seen_forms: dict[str, int] = {}
    for term, line in zip(terms, lines):
        if term is None:
            continue
        key = term.anchor
        if key in seen_terms:
            report.add(path, line, f"duplicate term '{term.term}' (also at line "
                       f"{seen_terms[key]}): merge the two entries")
        seen_terms.setdefault(key, line)
        for form in term.forms:
            if form in seen_forms:
                report.add(path, line, f"the form '{form}' is listed twice (also at line "
                           f"{seen_forms[form]}): keep it under one term")
            seen_forms.setdefault(form, line)


def clean(text: str) -> str:
    """Text on one line, spaces collapsed."""
    return " ".join(text.split())
