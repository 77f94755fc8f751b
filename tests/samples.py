"""Small texts the unit tests vary, one change at a time: an article's front matter (one with
an outside source, and one the editors wrote) and a glossary."""

from __future__ import annotations

FRONT = """---
title: Title
description: A short description.
author: A. Writer
source:
  publication: The Example Gazette
  published: 2024-01-02
reviewed: 2025-02-03
edits:
  - what: Fixed a typo.
    why: Readability.
notes:
  evidence:
    title: Evidence
    text: Moderate, not proof.
---
"""
BODY_LINE = 17  # the first body line after FRONT

EDITORS_FRONT = """---
title: Title
description: Written here.
published: 2026-01-02
reviewed: 2026-01-03
---
"""

GLOSSARY = """title: Glossary
description: Words.
reviewed: 2026-01-03
intro: The words.
terms:
  - term: Rapport
    forms: [rapport]
    tooltip: Trust and ease.
    definition: A feeling of trust and ease.
  - term: Effect size
    forms: [effect size, effect sizes]
    tooltip: How strong a link is.
    definition: A number for how strong a link is.
"""
