"""Rapport's page generator: the articles and the glossary in content/ -> Markdown pages in
docs/.

The modules are the pipeline, in order: read (`sources`, with `settings` and
`site_markdown`) -> parse (`collection`, `front_matter`, `article` with `markdown_scan`,
`line_kinds`, `definitions`, `summaries`, `contacts`, `safety`, `placed_text`,
`foreign_syntax`, `slugs`; `glossary`) -> plan (`plan`, with `links`, `page_text`,
`page_meta`, `layout`, `dates`) -> sync (`sync`) -> check (`checks`), run as one by
`pipeline.run`. Only `sources` reads the
disk and only `sync` writes to it; the rest are pure functions over frozen dataclasses.
`tooltips` is a Python-Markdown extension the MkDocs hook adds.
"""
