"""Rapport's page generator: the articles and the glossary in content/ -> Markdown pages in
docs/.

The pipeline is read -> parse (`article`, `glossary`, with `markdown_scan`, `slugs`, `contacts`)
-> plan (`pages`, with `links`) -> write or check (`writer`). Only `writer`, `settings` (which
reads mkdocs.yml) and the CLI touch the disk; the rest are pure functions over frozen
dataclasses. `tooltips` is a Python-Markdown extension the MkDocs hook adds.
"""
