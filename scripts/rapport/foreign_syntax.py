"""Syntax of other tools in an article (snippet lines, Liquid or Hugo tags, MDX heading ids)
that this site's Markdown does not expand: MkDocs would show it as typed, or, for a snippet
whose file is missing, stop the build. Found on the lines the renderer reads as text."""

from __future__ import annotations

import re
from pathlib import Path

from .errors import Report
from .links import CODE_SPAN_RE
from .markdown_scan import Kind

# A snippet line renders only when it names a file under the snippets' base_path.
SNIPPET_RE = re.compile(r"^\s*--8<--(?:\s+(?P<quote>[\"']?)(?P<name>[^\"'\s]+)(?P=quote))?\s*$")
TEMPLATE_TAG_RE = re.compile(r"\{%.*?%\}|\{\{.*?\}\}")
MDX_ID_RE = re.compile(r"\{/\*.*?\*/\}")


def check_foreign_syntax(lines: list[str], kinds: list[Kind], first: int, path: Path,
                         report: Report, snippets: frozenset[str]) -> None:
    """Snippet lines, Liquid or Hugo tags and MDX heading ids outside code: MkDocs would show
    them as typed (or, for a snippet whose file is missing, stop the build)."""
    for number, (line, kind) in enumerate(zip(lines, kinds)):
        if kind is not Kind.TEXT:
            continue
        snippet = SNIPPET_RE.match(line)
        if snippet and (snippet.group("name") or "").split(":")[0] not in snippets:
            report.add(path, first + number, "a snippet line (--8<--) names no file under "
                       "docs/snippets/, and this site expands no other: copy the text in")
            continue
        if "{" not in line:     # each tag below starts with one; most lines have none
            continue
        text = CODE_SPAN_RE.sub("", line)
        for found in TEMPLATE_TAG_RE.findall(text):
            report.add(path, first + number, f"'{found}' is a Liquid or Hugo tag, which this "
                       "site does not expand: write it as Markdown (a link is "
                       "[text](../page.md))")
        for found in MDX_ID_RE.findall(text):
            report.add(path, first + number, f"'{found}' is an MDX heading id, which this "
                       "site does not read: write {#my-id} at the end of the heading instead")
