"""Import a saved web page into a draft article and an editor's report (issue 20).

The stages, each a module: `source` decodes the file, `dump` or `html_page` reads the page into
kept blocks, dropped blocks and facts, `screen` keeps contact details out and flags suspicious
text, `draft` writes the article draft, `report` the editor's report. `checks` is the one
module that uses the generator (`rapport`); `scripts/import_page.py` is the command.
"""
