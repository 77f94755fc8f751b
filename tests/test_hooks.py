"""The MkDocs hooks' own work, without a full build: regenerating docs/, the offline shim, the
template cache, folding indentation, placing tooltips."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import hooks
import jinja2
import markdown
import pytest
from hooks import on_post_page
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from project import FIXTURE_PROJECT
from rapport.tooltips import TooltipPlacement


def test_indentation_folds_in_pages_without_code():
    page = "<main>\n    <p>\n        Text\n    </p>\n</main>\n"
    assert on_post_page(page, None, None) == "<main>\n<p>\nText\n</p>\n</main>\n"


def test_pages_with_code_or_a_text_box_keep_every_space():
    for page in ("<main>\n  <pre><code>def f():\n    return 1\n</code></pre>\n</main>",
                 "<form>\n  <textarea>\n    keep\n  </textarea>\n</form>"):
        assert on_post_page(page, None, None) == page


def render(text: str) -> str:
    renderer = markdown.Markdown(extensions=["abbr", "footnotes", "def_list", "attr_list",
                                             TooltipPlacement()])
    return renderer.convert(text + "\n\n*[rapport]: Trust and ease.\n")


def test_a_tooltip_explains_a_term_once_and_can_be_reached_with_the_keyboard():
    html = render("Build rapport. Keep rapport.")
    assert html.count("<abbr") == 1 and 'tabindex="0"' in html


def test_no_tooltip_in_a_title_a_link_a_glossary_term_or_a_reference():
    html = render("# On rapport\n\n[rapport](x.md)\n\nrapport\n:   A term.\n\n"
                  "A claim.[^1]\n\n[^1]: A study of rapport.")
    assert "<abbr" not in html, html


# --- the build-time hooks, on a real MkDocs configuration ----------------------------------------

def fixture_config(tmp_path: Path):
    project = tmp_path / "project"
    shutil.copytree(FIXTURE_PROJECT, project)
    return project, load_config(str(project / "mkdocs.yml"))


def test_before_a_build_docs_are_brought_in_line_with_content(tmp_path, caplog):
    project, config = fixture_config(tmp_path)
    caplog.set_level(logging.INFO, logger="mkdocs.plugins.rapport")
    hooks.on_pre_build(config)
    assert caplog.messages == ["build_pages: wrote 15, removed 0 page(s)"]
    assert (project / "docs" / "second" / "saying-it.md").is_file()
    assert (project / "docs" / "articles" / "SUMMARY.md").is_file()
    (project / "content" / "second.md").unlink()
    hooks.on_pre_build(config)
    assert caplog.messages[1:] == ["build_pages: wrote 3, removed 4 page(s)"]
    assert not (project / "docs" / "second").exists()
    before = {path: path.read_bytes() for path in (project / "docs").rglob("*.md")}
    hooks.on_pre_build(config)                                  # nothing to do: no rewrite
    assert caplog.messages[2:] == []
    assert {path: path.read_bytes() for path in (project / "docs").rglob("*.md")} == before


def test_bad_content_stops_the_build_with_every_problem_and_no_traceback(tmp_path):
    project, config = fixture_config(tmp_path)
    article = project / "content" / "second.md"
    article.write_text(article.read_text(encoding="utf-8").replace(
        "reviewed: 2026-01-03", "reviewed: soon").replace("You may go quiet.", "Call "
                                                          "020 7946 0958."), encoding="utf-8")
    with pytest.raises(PluginError) as caught:
        hooks.on_pre_build(config)
    assert str(caught.value).split("\n") == [
        f"{article.as_posix()}:5: error: 'reviewed' must be a date written YYYY-MM-DD",
        f"{article.as_posix()}:18: error: phone number '020 7946 0958': contact details never "
        "go on the site (the seed's poster's e-mail and the publisher's phone were removed): "
        "delete it"]
    assert not (project / "docs" / "index.md").exists()


def test_missing_site_settings_stop_the_build_naming_the_settings_file(tmp_path):
    project, config = fixture_config(tmp_path)
    del config.extra["rapport"]
    with pytest.raises(PluginError) as caught:
        hooks.on_pre_build(config)
    assert str(caught.value) == (f"{(project / 'mkdocs.yml').as_posix()}: error: no 'extra: "
                                 "rapport:' settings: see handbook/articles.md, 'Site "
                                 "settings'")


def offline_config(tmp_path: Path, enabled: bool):
    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: T\ntheme:\n  name: material\nplugins:\n  - offline:\n      enabled: "
        f"{'true' if enabled else 'false'}\n", encoding="utf-8")
    return load_config(str(tmp_path / "mkdocs.yml"))


@pytest.mark.parametrize("offline", [True, False])
def test_the_offline_copy_loads_the_search_shim_from_the_site_itself(tmp_path, offline):
    config = hooks.on_config(offline_config(tmp_path, offline))
    assert (hooks.IFRAME_WORKER_SHIM in config.extra.get("polyfills", [])) is offline
    assert any(isinstance(extension, TooltipPlacement)
               for extension in config.markdown_extensions)


def test_compiled_templates_are_kept_in_the_projects_cache_unless_switched_off(
        tmp_path, monkeypatch):
    cache = tmp_path / "new" / "cache"
    monkeypatch.setattr(hooks, "TEMPLATE_CACHE", cache)
    monkeypatch.delenv(hooks.TEMPLATE_CACHE_SWITCH, raising=False)
    for _ in range(2):                                   # the folder is made once, then found
        env = hooks.on_env(jinja2.Environment(loader=jinja2.DictLoader({"t": "{{ 1 }}"})),
                           None, None)
        assert env.bytecode_cache is not None
        assert env.get_template("t").render() == "1"
    assert len(list(cache.iterdir())) == 1               # the compiled template
    monkeypatch.setenv(hooks.TEMPLATE_CACHE_SWITCH, "off")
    assert hooks.on_env(jinja2.Environment(), None, None).bytecode_cache is None


def test_a_cache_folder_that_cannot_be_made_means_no_cache(tmp_path, monkeypatch,
                                                             caplog):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setattr(hooks, "TEMPLATE_CACHE", blocker / "cache")
    monkeypatch.delenv(hooks.TEMPLATE_CACHE_SWITCH, raising=False)
    with caplog.at_level(logging.DEBUG, logger="mkdocs.plugins.rapport"):
        assert hooks.on_env(jinja2.Environment(), None, None).bytecode_cache is None
    assert caplog.messages == [f"no template cache: [Errno 20] Not a directory: "
                               f"'{blocker / 'cache'}'"]


def test_tooltips_are_placed_just_after_abbr_makes_them_under_their_own_name():
    processors = markdown.Markdown(extensions=["abbr", TooltipPlacement()]).treeprocessors
    assert processors.get_index_for_name("rapport_tooltips") == \
        processors.get_index_for_name("abbr") + 1


def test_an_unwrapped_term_reads_exactly_as_before():
    html = render("Build *trust* and rapport, then keep rapport going.\n\n# Rapport in a title")
    assert html == ('<p>Build <em>trust</em> and <abbr tabindex="0" title="Trust and ease.">'
                    "rapport</abbr>, then keep rapport going.</p>\n<h1>Rapport in a title</h1>")
    assert render("# About rapport today") == "<h1>About rapport today</h1>"
    for title in ("rapport", "About rapport", "*Build*rapport", "*Build* rapport"):
        assert render(f"# {title}") == markdown.markdown(f"# {title}")   # first, last, after
    assert render("[rapport here](x.md)") == '<p><a href="x.md">rapport here</a></p>'


def test_search_names_a_section_pages_article_as_its_tab_does(tmp_path, monkeypatch):
    """A section page (its front matter's `article:` has a `part`) keeps its full title for
    search; other pages, and pages the index does not hold, are left as search wrote them."""
    monkeypatch.setattr(hooks, "SEARCH_TITLES", {})

    class Page:
        def __init__(self, url: str, meta: dict) -> None:
            self.url, self.meta = url, meta

    context = {"page": "context"}
    for page in (Page("a/part/", {"title": "Part · Article", "article": {"part": 2}}),
                 Page("help/", {"title": "Help now"}),
                 Page("a/", {"title": "Whole", "article": {"title": "Article"}}),
                 Page("b/part/", {"article": {"part": 1}})):
        assert hooks.on_page_context(context, page, None, None) is context
    assert hooks.SEARCH_TITLES == {"a/part/": "Part · Article"}
    index = tmp_path / hooks.SEARCH_INDEX
    index.parent.mkdir(parents=True)
    index.write_text('{"config": {}, "docs": [{"location": "a/part/", "title": "Part"}, '
                     '{"location": "help/", "title": "Help now"}]}', encoding="utf-8")
    hooks.on_post_build(type("Config", (), {"site_dir": str(tmp_path)})())
    assert index.read_text(encoding="utf-8") == (
        '{"config":{},"docs":[{"location":"a/part/","title":"Part · Article"},'
        '{"location":"help/","title":"Help now"}]}')
