"""Text from a page stays text in the draft: what Python-Markdown would read as raw HTML, a
link, emphasis, code or a block marker is escaped, so a page that shows `<script>` or
`[x](javascript:…)` as words never gets them run or linked."""

from __future__ import annotations

import re

INLINE_RE = re.compile(r"([\\`*_\[\]])")
BLOCK_START_RE = re.compile(r"^(\s*)(#|>|[-+*](?=\s)|\d+[.)](?=\s))", re.MULTILINE)


def escape_text(text: str) -> str:
    """Plain text as Markdown that renders as the same text (entities for '&' and '<')."""
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    text = INLINE_RE.sub(r"\\\1", text)
    return BLOCK_START_RE.sub(block_start, text)


def block_start(match: re.Match[str]) -> str:
    """'# x' → '\\# x', '1. x' → '1\\. x': a line start that stays text."""
    marker = match.group(2)
    escaped = marker[:-1] + "\\" + marker[-1] if marker[0].isdigit() else "\\" + marker
    return match.group(1) + escaped
