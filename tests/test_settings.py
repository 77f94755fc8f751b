"""Site settings (`extra.rapport` in mkdocs.yml): read once, checked, every problem named."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import pytest
from mkdocs.config import load_config
from mkdocs.utils.yaml import yaml_load
from project import FIXTURE_SETTINGS, ROOT
from rapport.errors import Problems
from rapport.settings import NextStep, settings_from, snippet_folders
from rapport.site_markdown import MKDOCS_BUILTINS, markdown_setup
from rapport.slugs import slugify
from rapport.sources import read_settings, snippet_names

PATH = Path("mkdocs.yml")
GOOD = {
    "site_name": "Rapport", "site_author": "Rapport editors",
    "site_description": "A   site\nabout rapport.",
    "extra": {"feedback": "feedback@example.org", "rapport": {
        "home_title": " Rapport:  a site ", "help_page": "help.md", "review_every_years": 2,
        "allowed_contacts": ["desk@example.org"],
        "months": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                   "Dec"], "characters_per_minute": 1000,
        "next_steps": [{"text": "Get help", "link": "help.md", "why": "lines"}]}},
}


def with_rapport(**changes) -> dict:
    return {**GOOD, "extra": {**GOOD["extra"], "rapport": {**GOOD["extra"]["rapport"],
                                                           **changes}}}


def messages(config: dict) -> list[str]:
    with pytest.raises(Problems) as caught:
        settings_from(config, PATH)
    assert all(problem.path == PATH and problem.line is None
               for problem in caught.value.problems)
    return [problem.message for problem in caught.value.problems]


def test_good_settings_become_typed_values_with_text_tidied():
    settings = settings_from(GOOD, PATH)
    assert settings.site_name == "Rapport" and settings.editors == "Rapport editors"
    assert settings.site_description == "A site about rapport."
    assert settings.home_title == "Rapport: a site"
    assert settings.help_page == PurePosixPath("help.md")
    assert settings.review_every_years == 2 and settings.due_soon_days == 60
    assert settings.next_steps == (NextStep("Get help", PurePosixPath("help.md"), "lines"),)


def test_the_feedback_address_is_allowed_in_articles_with_the_listed_contacts():
    assert settings_from(GOOD, PATH).allowed_contacts == {"desk@example.org",
                                                          "feedback@example.org"}
    no_feedback = {**GOOD, "extra": {"rapport": GOOD["extra"]["rapport"]}}
    assert settings_from(no_feedback, PATH).allowed_contacts == {"desk@example.org"}
    empty_feedback = {**GOOD, "extra": {**GOOD["extra"], "feedback": ""}}
    assert settings_from(empty_feedback, PATH).allowed_contacts == {"desk@example.org"}


def test_without_site_name_description_or_author_the_settings_say_little_and_credit_editors():
    settings = settings_from({"extra": GOOD["extra"]}, PATH)
    assert (settings.site_name, settings.site_description, settings.editors) == (
        "", "", "the editors")


def test_without_extra_rapport_the_settings_say_where_to_look():
    for config in ({**GOOD, "extra": {}}, {**GOOD, "extra": None}, {"site_name": "x"},
                   {**GOOD, "extra": ["rapport"]}):
        assert messages(config) == ["no 'extra: rapport:' settings: see "
                                    "handbook/articles.md, 'Site settings'"]


@pytest.mark.parametrize(("change", "message"), [
    ({"review_every_years": 0}, "'review_every_years' must be a whole number of years, e.g. 3"),
    ({"review_every_years": True}, "'review_every_years' must be a whole number of years"),
    ({"review_every_years": "3"}, "'review_every_years' must be a whole number of years"),
    ({"review_help_every_months": 0}, "'review_help_every_months' must be a whole number of "
                                      "months, e.g. 12"),
    ({"review_help_every_months": "12"}, "'review_help_every_months' must be a whole number"),
    ({"review_help_every_months": True}, "'review_help_every_months' must be a whole number"),
    ({"reviewer": ["a"]}, "'reviewer' must be who reviews the content (a name or a role), or "
                          "left empty while the editors do"),
    ({"home_title": "  "}, "'home_title' must be the home page's title (the site's name and "
                           "what it is about)"),
    ({"home_title": None}, "'home_title' must be the home page's title"),
    ({"help_page": "help/"}, "'help_page' must name the help page's file under docs/, e.g. "
                             "help.md"),
    ({"help_page": 3}, "'help_page' must name the help page's file under docs/"),
    ({"help_page": "./help.md"}, "'help_page' must name the help page's file under docs/"),
    ({"help_page": "../help.md"}, "'help_page' must name the help page's file under docs/"),
    ({"help_page": "help.md#now.md"}, "'help_page' must name the help page's file under"),
    ({"allowed_contacts": "a@example.org"}, "'allowed_contacts' must be a list of exact "
                                            "e-mail addresses or numbers"),
    ({"allowed_contacts": [1]}, "'allowed_contacts' must be a list of exact e-mail"),
    ({"next_steps": [{"text": "x", "link": "help.md"}]}, "'next_steps' must be a list of "
                                                         "entries with 'text', 'link' (a page "
                                                         "under docs/) and 'why'"),
    ({"next_steps": "help.md"}, "'next_steps' must be a list of entries"),
    ({"next_steps": [{"text": "", "link": "help.md", "why": "x"}]}, "'next_steps' must be a"),
    ({"months": ["January"]}, "'months' must be the names of the twelve months, January first"),
    ({"months": None}, "'months' must be the names of the twelve months"),
    ({"months": [""] * 12}, "'months' must be the names of the twelve months"),
    ({"characters_per_minute": 0}, "'characters_per_minute' must be a whole number of "
                                   "characters read in a minute, e.g. 1200"),
    ({"characters_per_minute": "1200"}, "'characters_per_minute' must be a whole number"),
])
def test_each_bad_setting_is_named_with_what_to_write(change, message):
    [found] = messages(with_rapport(**change))
    assert found.startswith("extra.rapport: " + message), found


def test_dates_and_reading_times_come_from_the_settings_the_templates_read():
    """One place for the month names and the reading pace: mkdocs.yml, which the templates
    read as `config.extra.rapport` (Zensical too, which runs no hook)."""
    from rapport.dates import long_date

    settings = settings_from(GOOD, PATH)
    assert long_date("2025-10-05", settings.months) == "5 Oct 2025"
    assert settings.characters_per_minute == 1000
    templates = (ROOT / "overrides" / "partials" / "rapport.html").read_text(encoding="utf-8")
    assert "config.extra.rapport.months" in templates and '"January"' not in templates


def test_every_bad_setting_is_reported_at_once():
    found = messages(with_rapport(review_every_years=1.5, home_title="", help_page="x"))
    assert [text.split(":")[1].split("'")[1] for text in found] == [
        "help_page", "home_title", "review_every_years"]


def test_the_reviewer_and_the_help_pages_interval_are_optional_and_tidied():
    settings = settings_from(GOOD, PATH)
    assert settings.reviewer is None and settings.review_help_every_months is None
    settings = settings_from(with_rapport(reviewer="  A  clinical\n psychologist ",
                                          review_help_every_months=12), PATH)
    assert settings.reviewer == "A clinical psychologist"
    assert settings.review_help_every_months == 12
    assert settings_from(with_rapport(reviewer=" "), PATH).reviewer is None


def test_review_every_years_may_be_one():
    assert settings_from(with_rapport(review_every_years=1), PATH).review_every_years == 1


def test_settings_are_read_from_a_mkdocs_file_with_mkdocs_own_yaml_tags(tmp_path, monkeypatch):
    monkeypatch.setenv("RAPPORT_TEST_FEEDBACK", "tests@example.org")
    config = tmp_path / "mkdocs.yml"
    config.write_text(FIXTURE_SETTINGS.read_text(encoding="utf-8").replace(
        "feedback: feedback@example.org", "feedback: !ENV [RAPPORT_TEST_FEEDBACK, x]"), "utf-8")
    assert read_settings(config).allowed_contacts == {"tests@example.org"}


def test_an_unreadable_or_broken_settings_file_is_one_clear_problem(tmp_path):
    with pytest.raises(Problems) as caught:
        read_settings(tmp_path / "missing.yml")
    [problem] = caught.value.problems
    assert problem.message == ("cannot read the site settings (No such file or directory): "
                               "pass --config mkdocs.yml")
    broken = tmp_path / "broken.yml"
    broken.write_text("extra: [unclosed\n", encoding="utf-8")
    with pytest.raises(Problems) as caught:
        read_settings(broken)
    [problem] = caught.value.problems
    assert problem.path == broken and problem.message.startswith("cannot read the site "
                                                                 "settings (")
    assert problem.message.endswith("): fix mkdocs.yml")
    unset = tmp_path / "unset.yml"
    unset.write_text("site_name: x\n", encoding="utf-8")
    with pytest.raises(Problems) as caught:
        read_settings(unset)
    assert [str(problem) for problem in caught.value.problems] == [
        f"{unset.as_posix()}: error: no 'extra: rapport:' settings: see handbook/articles.md, "
        "'Site settings'"]


@pytest.mark.parametrize(("config", "expected"), [
    # As MkDocs hands it over once loaded, and as mkdocs.yml writes it.
    ({"mdx_configs": {"pymdownx.snippets": {"base_path": ["docs/snippets", "more"]}}},
     ("docs/snippets", "more")),
    ({"mdx_configs": None, "markdown_extensions": [
        "toc", {"footnotes": {}}, {"pymdownx.snippets": {"base_path": "docs/snippets"}}]},
     ("docs/snippets",)),
    ({"mdx_configs": {"toc": {}}, "markdown_extensions": [{"pymdownx.snippets": None}]},
     (".",)),                                   # its own default: the folder MkDocs runs in
    ({"markdown_extensions": [{"pymdownx.snippets": {"base_path": [3, "a"]}}]}, ("a",)),
    ({"markdown_extensions": [{"pymdownx.snippets": {"base_path": 3}}]}, ()),
    ({"markdown_extensions": ["pymdownx.snippets"]}, (".",)),   # listed without options
    ({"markdown_extensions": ["toc"]}, ()),                    # not listed: no files to find
    ({}, ()),
])
def test_snippet_folders_are_pymdownx_snippets_base_path_beside_mkdocs_yml(config, expected):
    project = Path("/project")
    assert snippet_folders(config, project / "mkdocs.yml") == tuple(
        project / folder for folder in expected)


def test_the_site_markdown_is_mkdocs_yml_s_with_the_hooks_slugify_and_snippets_for_reading():
    """Built afresh from the raw file (as `mkdocs.yml` writes it) and from a config MkDocs has
    loaded: the same extensions; toc makes ids with the generator's slugify; snippets reads
    from the folders beside mkdocs.yml and appends nothing (the tooltips are every page's,
    not an article's) and stops on no missing file (the article's line says so)."""
    raw = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    folders = (Path("/project/docs/snippets"),)
    from_file = markdown_setup(raw, folders)
    # Loaded without the hooks, which the Markdown settings do not need.
    loaded = markdown_setup(load_config(str(ROOT / "mkdocs.yml"), hooks=[]), folders)
    assert loaded.extensions == from_file.extensions
    for setup in (from_file, loaded):
        assert setup.extensions[:3] == tuple(MKDOCS_BUILTINS)
        assert {"abbr", "footnotes", "md_in_html", "pymdownx.snippets"} <= set(setup.extensions)
        assert setup.snippet_folders == folders
        parser = setup.markdown()
        assert parser.treeprocessors["toc"].slugify is slugify
        snippets = next(extension for extension in parser.registeredExtensions
                        if type(extension).__name__ == "SnippetExtension")
        assert snippets.getConfigs()["auto_append"] == []
        assert snippets.getConfigs()["check_paths"] is False
        assert snippets.getConfigs()["base_path"] == ["/project/docs/snippets"]
        assert setup.configs["pymdownx.snippets"]["auto_append"] == ["tooltips.md"]  # kept
    with pytest.raises(ValueError, match="no_such_extension"):
        markdown_setup({"markdown_extensions": ["no_such_extension"]})


def test_the_smallest_pace_and_help_interval_are_one_and_the_settings_keep_snippet_folders():
    settings = settings_from({**with_rapport(characters_per_minute=1,
                                             review_help_every_months=1),
                              "markdown_extensions": [
                                  {"pymdownx.snippets": {"base_path": ["docs/snippets"]}}]},
                             Path("/project/mkdocs.yml"))
    assert settings.characters_per_minute == 1 and settings.review_help_every_months == 1
    assert settings.snippet_folders == (Path("/project/docs/snippets"),)
    assert settings.markdown.snippet_folders == settings.snippet_folders


def test_markdown_extensions_mkdocs_would_refuse_are_a_settings_problem():
    found = messages({**GOOD, "markdown_extensions": ["no_such_extension"]})
    assert len(found) == 1 and found[0].startswith("markdown_extensions: ")
    assert "no_such_extension" in found[0]


def test_a_snippet_line_may_name_a_file_under_any_snippet_folder_and_the_generators_own(
        tmp_path):
    """Sought by the names the text's `--8<--` lines give (a line range after `:` too), in
    every folder; never a file outside them."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.md").write_text("x", encoding="utf-8")
    (tmp_path / "b" / "sub").mkdir(parents=True)
    (tmp_path / "b" / "sub" / "y.txt").write_text("y", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("s", encoding="utf-8")
    settings = settings_from({**GOOD, "markdown_extensions": [
        {"pymdownx.snippets": {"base_path": ["a", "b", "missing"]}}]}, tmp_path / "mkdocs.yml")
    text = ('--8<-- "x.md"\n--8<-- \'sub/y.txt:2:3\'\n  --8<-- z.md\n--8<--\n'
            '--8<-- "../secret.txt"\nText --8<-- "sub/y.txt"\n')
    assert snippet_names(settings, text) == {"tooltips.md", "review-policy.md", "x.md",
                                             "sub/y.txt"}
    assert snippet_names(settings, "No snippet.") == {"tooltips.md", "review-policy.md"}
