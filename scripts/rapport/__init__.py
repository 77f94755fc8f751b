"""Rapport's page generator: curated article in content/ -> Markdown pages in docs/.

The pipeline is read -> parse -> plan -> write (or check). Only `writer` and the CLI touch
the disk; `article` and `pages` are pure functions over frozen dataclasses.
"""
