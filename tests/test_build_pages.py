"""Write stage and CLI: the whole collection, only what changed, only its own files, and every
problem of every file reported at once, with docs/ left alone."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path, PurePosixPath

import pytest
from build_pages import main
from project import FIXTURE_PROJECT, ROOT, GeneratorProject
from rapport.checks import reviewed_in
from rapport.errors import Problems
from rapport.sources import read_settings
from rapport.pipeline import build, check
from rapport.sources import Sources

FIRST_PAGES = ["article/SUMMARY.md", "article/index.md", "article/practice.md",
               "article/when-it-goes-wrong.md", "article/why-listening-matters.md"]
SECOND_PAGES = ["second/SUMMARY.md", "second/index.md", "second/saying-it.md",
                "second/when-it-feels-wrong.md"]
SITE_PAGES = ["articles/SUMMARY.md", "articles/index.md", "glossary.md", "index.md",
              "snippets/review-policy.md",
              "snippets/tooltips.md"]


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under `folder` with its bytes and modification time."""
    return {path.relative_to(folder).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
            for path in sorted(folder.rglob("*")) if path.is_file()}


def rewrite(source: Path, old: str, new: str) -> None:
    text = source.read_text(encoding="utf-8")
    assert old in text, old
    source.write_text(text.replace(old, new), encoding="utf-8")


def problems_of(project: GeneratorProject) -> list[str]:
    with pytest.raises(Problems) as caught:
        build(project.sources())
    return [str(problem) for problem in caught.value.problems]


# --- the collection -----------------------------------------------------------------------------


def test_every_article_gets_its_folder_and_the_site_its_shared_pages(project):
    diff = build(project.sources())
    assert sorted(map(str, diff.write)) == sorted(FIRST_PAGES + SECOND_PAGES + SITE_PAGES)
    assert sorted(project.generated()) == sorted(FIRST_PAGES + SECOND_PAGES + SITE_PAGES)


def test_first_build_writes_every_page_and_a_second_changes_no_byte(project):
    build(project.sources())
    before = snapshot(project.docs)
    again = build(project.sources())
    assert not again.changed and again.unchanged == len(FIRST_PAGES + SECOND_PAGES + SITE_PAGES)
    assert snapshot(project.docs) == before


def test_adding_an_article_file_adds_its_pages_card_and_nav_entry(project):
    build(project.sources())
    third = project.article("third")
    shutil.copy(project.article("second"), third)
    rewrite(third, "title: Talking It Through", "title: A Third One")
    rewrite(third, "Talking It Through\n==================", "A Third One\n===========")
    diff = build(project.sources())
    assert {str(path) for path in diff.write} >= {"third/index.md", "third/saying-it.md",
                                                  "third/SUMMARY.md", "index.md",
                                                  "articles/SUMMARY.md", "articles/index.md"}
    home = (project.docs / "index.md").read_text(encoding="utf-8")
    assert "__[A Third One](third/index.md)__" in home
    nav = (project.docs / "articles" / "SUMMARY.md").read_text(encoding="utf-8")
    assert "* [A Third One](../third/)" in nav


def test_deleting_an_article_file_removes_its_pages_card_and_nav_entry(project):
    build(project.sources())
    project.article("second").unlink()
    diff = build(project.sources())
    assert sorted(map(str, diff.delete)) == SECOND_PAGES
    assert not (project.docs / "second").exists()
    assert "second/" not in (project.docs / "index.md").read_text(encoding="utf-8")
    assert "second" not in (project.docs / "articles" / "SUMMARY.md").read_text(encoding="utf-8")


def test_articles_are_listed_in_the_editors_order(project):
    build(project.sources())
    nav = (project.docs / "articles" / "SUMMARY.md").read_text(encoding="utf-8")
    assert nav.index("../second/") < nav.index("../article/")      # no order: after the rest
    rewrite(project.article("article"), "reviewed: 2025-02-03", "reviewed: 2025-02-03\norder: 1")
    build(project.sources())
    nav = (project.docs / "articles" / "SUMMARY.md").read_text(encoding="utf-8")
    assert nav.index("../article/") < nav.index("../second/")      # order 1 before order 2
    rewrite(project.article("second"), "order: 2", "order: 0")
    build(project.sources())
    nav = (project.docs / "articles" / "SUMMARY.md").read_text(encoding="utf-8")
    assert nav.index("../second/") < nav.index("../article/")      # 0 is an order, the lowest


def test_one_article_with_source_builds_a_site_of_that_article_elsewhere(project, tmp_path,
                                                                        capsys):
    docs = tmp_path / "preview"
    args = ["--docs", str(docs), "--config", str(project.config)]
    assert main(["--source", str(project.article("second")), *args]) == 2  # links elsewhere
    assert not docs.exists()
    shutil.copytree(project.docs, docs)                    # the hand-written pages it links to
    for _ in range(2):                                     # and again: the same labels
        assert main(["--source", str(project.article("article")), *args]) == 0
    assert (docs / "article" / "index.md").exists() and not (docs / "second").exists()
    assert "content/article.md" in (docs / "article" / "index.md").read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["--source", str(project.article("article")), *args, "--check"]) == 0


def test_one_article_is_never_built_into_the_projects_own_docs(project, capsys):
    build(project.sources())
    before = snapshot(project.docs)
    assert main(["--source", str(project.article()), *project.cli_args()]) == 2
    assert "give it a docs folder of its own (--docs /tmp/preview)" in capsys.readouterr().err
    assert snapshot(project.docs) == before


# --- writing only what changed, only its own files ----------------------------------------------


def test_only_the_changed_pages_are_rewritten(project):
    build(project.sources())
    before = snapshot(project.docs)
    rewrite(project.article(), "They do not rush to fix things.", "They do not hurry.")
    diff = build(project.sources())
    assert sorted(map(str, diff.write)) == ["article/index.md", "article/practice.md"]
    after = snapshot(project.docs)
    assert [name for name in after if after[name] != before[name]] == [
        "article/index.md", "article/practice.md"]


def test_renamed_section_removes_its_stale_page(project):
    build(project.sources())
    rewrite(project.article(), "## When it goes wrong", "## When listening fails")
    diff = build(project.sources())
    assert [str(path) for path in diff.delete] == ["article/when-it-goes-wrong.md"]
    assert not (project.docs / "article/when-it-goes-wrong.md").exists()
    assert (project.docs / "article/when-listening-fails.md").exists()
    assert "When listening fails" in (project.docs / "article/SUMMARY.md").read_text("utf-8")


def test_hand_written_pages_are_never_touched(project):
    hand = {project.docs / "help.md": None, project.docs / "notes" / "extra.md": "# Mine\n"}
    (project.docs / "notes").mkdir()
    (project.docs / "notes" / "extra.md").write_text("# Mine\n", encoding="utf-8")
    before = {path: path.read_bytes() for path in hand}
    build(project.sources())
    rewrite(project.article(), "## When it goes wrong", "## When listening fails")
    project.article("second").unlink()
    build(project.sources())
    assert {path: path.read_bytes() for path in hand} == before


def test_a_hand_written_page_in_an_articles_folder_is_named_and_kept(project):
    """The article's folder is the generator's: a page a person puts there is a problem that
    names it, not a page deleted without a word, and nothing is written."""
    build(project.sources())
    extra = project.docs / "article" / "extra.md"
    extra.write_text("# Mine\n", encoding="utf-8")
    rewrite(project.article(), "## When it goes wrong", "## When listening fails")
    before = snapshot(project.docs)
    assert problems_of(project) == [
        f"{extra.as_posix()}: error: a page written by hand in docs/article/, a folder the "
        "generator owns (its pages there are replaced and removed as the content changes): "
        "move it out, e.g. to docs/extra.md, or delete it"]
    assert snapshot(project.docs) == before


def test_the_generator_owns_its_folders_whatever_their_pages_say(project):
    """Each article's folder, articles/ and snippets/ are the generator's: a stale page there
    goes, whatever source its "generated from" line names; a folder that is not an
    article's is left alone."""
    build(project.sources())
    marker = "---\n# generated from elsewhere/other.md — do not edit\ntitle: x\n---\n"
    stale = [project.docs / "second" / "old.md", project.docs / "snippets" / "old.md",
             project.docs / "articles" / "old.md"]
    other = project.docs / "other" / "page.md"
    for path in [*stale, other]:
        path.parent.mkdir(exist_ok=True)
        path.write_text(marker, encoding="utf-8")
    diff = build(project.sources())
    assert sorted(map(str, diff.delete)) == sorted(path.relative_to(project.docs).as_posix()
                                                   for path in stale)
    assert other.exists() and not any(path.exists() for path in stale)


def test_writes_leave_no_temporary_files(project):
    build(project.sources())
    assert not [p for p in project.docs.rglob("*") if p.name.startswith(".")]


# --- collisions ---------------------------------------------------------------------------------


def test_collision_with_a_hand_written_page_is_an_error_and_writes_nothing(project):
    (project.docs / "article").mkdir()
    (project.docs / "article" / "practice.md").write_text("# Mine\n", encoding="utf-8")
    before = snapshot(project.docs)
    [problem] = problems_of(project)
    assert problem.startswith(f"{project.article().as_posix()}:28: error: section 'Listening "
                              "in practice' would overwrite docs/article/practice.md, which is "
                              "a page written by hand")
    assert problem.endswith("rename the section (an explicit slug {#…}) or move that page")
    assert snapshot(project.docs) == before


def test_an_article_named_like_a_hand_written_page_is_an_error(project):
    shutil.copy(project.article("second"), project.article("help"))
    before = snapshot(project.docs)
    problems = problems_of(project)
    assert any(problem.endswith("this article's address (help/) is the hand-written page "
                                "docs/help.md's: rename the article file or that page")
               for problem in problems), problems
    assert snapshot(project.docs) == before


@pytest.mark.parametrize("name", ["Second", "second_one", "my article", "index", "glossary",
                                  "articles", "assets"])
def test_a_bad_article_file_name_is_an_error_that_says_so(project, name):
    shutil.copy(project.article("second"), project.content / f"{name}.md")
    [problem] = problems_of(project)
    assert f"{name}.md" in problem and ("lowercase letters, digits and hyphens" in problem
                                        or "a name the site itself uses" in problem)


# --- links --------------------------------------------------------------------------------------


def test_links_to_own_headings_point_at_the_page_that_holds_them(project):
    build(project.sources())
    first_part = (project.docs / "second" / "when-it-feels-wrong.md").read_text("utf-8")
    assert "[how to say it](saying-it.md)" in first_part
    assert "[why listening matters](../article/why-listening-matters.md)" in first_part
    whole = (project.docs / "second" / "index.md").read_text("utf-8")
    assert "[how to say it](#saying-it)" in whole


@pytest.mark.parametrize(("link", "words"), [
    ("[x](../nowhere.md)", "link '../nowhere.md' leads to docs/nowhere.md, which does not "
     "exist: fix the path (it is read from docs/second/)"),
    ("[x](../help.md#no-such-heading)", "link '../help.md#no-such-heading': docs/help.md has no "
     "heading with the id 'no-such-heading': use one of its headings' ids"),
    ("[x](#no-such-heading)", "link '#no-such-heading': no heading of this article has that id: "
     "use one of its headings' ids, e.g. #when-it-feels-wrong"),
    ("[x](/help.md)", "link '/help.md' starts with '/', which breaks when the site is not at "
     "the root of its host: write it relative to the article's pages, e.g. ../help.md"),
    ("[x](../../outside.md)", "link '../../outside.md' leads out of the docs folder: link to a "
     "page of the site"),
    ("[x](../help/)", "link '../help/' points at a folder: link to the page's file instead, "
     "e.g. ../help.md or ../help/index.md"),
    # Raw HTML is not rewritten per page: an address from the host's root is what fails.
    ('<img src="/img/chart.png" alt="">', "link '/img/chart.png' starts with '/', which breaks "
     "when the site is not at the root of its host: write it relative to the article's pages, "
     "e.g. ../help.md"),
])
def test_a_link_that_cannot_work_is_an_error_with_its_line(project, link, words):
    rewrite(project.article("second"), "Start with one sentence.", f"Start with {link}.")
    [problem] = problems_of(project)
    assert problem.startswith(f"{project.article('second').as_posix()}:24: error:"), problem
    assert problem.endswith(words), problem


def test_a_snippet_line_naming_a_file_in_the_snippet_folder_is_left_for_mkdocs(project):
    (project.docs / "snippets").mkdir(exist_ok=True)
    (project.docs / "snippets" / "aside.txt").write_text("An aside.\n", encoding="utf-8")
    rewrite(project.article("second"), "Start with one sentence.",
            'Start with one sentence.\n\n--8<-- "aside.txt"\n')
    build(project.sources())
    page = (project.docs / "second" / "saying-it.md").read_text("utf-8")
    assert '\n--8<-- "aside.txt"\n' in page


def test_raw_html_links_to_another_host_or_a_relative_page_pass_as_written(project):
    """`//host/…` is another host's address (a reader follows it only by choice), not one
    from this host's root; a relative one is left for MkDocs to check, as written."""
    rewrite(project.article("second"), "Start with one sentence.",
            'Start with <a href="//example.org/page">one</a> or <a href="../help.md">two</a>.')
    build(project.sources())
    page = (project.docs / "second" / "saying-it.md").read_text("utf-8")
    assert '<a href="//example.org/page">one</a> or <a href="../help.md">two</a>' in page


@pytest.mark.parametrize("root", [ROOT, FIXTURE_PROJECT], ids=["site", "fixture"])
def test_the_plan_knows_each_article_pages_heading_ids_as_the_render_gives_them(root):
    """The ids a link to an article page is checked against, without rendering the page:
    every one is on the rendered page, and only footnotes, the next steps and a section
    page's own title add others."""
    from rapport import links
    from rapport.errors import Report
    from rapport.layout import section_page
    from rapport.plan import plan_site, toc_ids
    from rapport.sources import Labels, Sources, read_collection, read_icons, read_settings

    settings = read_settings(root / "mkdocs.yml")
    sources = Sources(content=root / "content", docs=root / "docs",
                      config=root / "mkdocs.yml", settings=settings)
    report, labels = Report(), Labels(sources)
    collection, _ = read_collection(sources, labels, report)
    plan = plan_site(collection, settings, read_icons(collection, report), sources.config,
                     labels.config, report)
    assert plan.ids and set(plan.ids) <= set(plan.files)
    titles = {section_page(entry.folder, section.slug): toc_ids(
        settings.markdown.parser, [(1, section.heading, None)])[0]
        for entry in collection.entries for section in entry.article.sections}
    for path, ids in plan.ids.items():
        rendered = links.page_ids(plan.files[path], settings.markdown.parser)
        assert ids <= rendered, path
        assert all(extra.startswith(("fn:", "fnref:")) or extra == "what-you-can-do-next"
                   or extra == titles.get(path) for extra in rendered - ids), path


def test_a_link_to_an_article_pages_heading_renders_no_page(project, monkeypatch):
    from rapport import links

    rendered = []
    page_ids = links.page_ids
    monkeypatch.setattr(links, "page_ids", lambda text, parser: rendered.append(text)
                        or page_ids(text, parser))
    rewrite(project.article("second"), "[get help](../help.md#talk-to-someone-now)",
            "[get help](../article/index.md#practice)")
    build(project.sources())
    assert not [text for text in rendered if "content/article.md" in text]


def test_absolute_and_contact_links_are_left_alone(project):
    rewrite(project.article("second"), "Start with one sentence.",
            "Start with [a site](https://example.org/) or [mail](mailto:someone@mail.rapport-demo.org).")
    assert main([*project.cli_args()]) == 2  # the address is a contact detail, even in a link
    rewrite(project.config, "allowed_contacts: []", "allowed_contacts: [someone@mail.rapport-demo.org]")
    build(project.sources())
    assert "[mail](mailto:someone@mail.rapport-demo.org)" in (
        project.docs / "second" / "saying-it.md").read_text("utf-8")


def test_an_allowed_contact_may_stand_in_the_glossary_too(project):
    rewrite(project.content / "glossary.yml", "and to how they feel.",
            "and to how they feel. Ask someone@mail.rapport-demo.org.")
    assert any("e-mail address 'someone@mail.rapport-demo.org'" in problem
               for problem in problems_of(project))
    rewrite(project.config, "allowed_contacts: []", "allowed_contacts: [someone@mail.rapport-demo.org]")
    build(project.sources())
    assert "how they feel. Ask someone@mail.rapport-demo.org." in (
        project.docs / "glossary.md").read_text("utf-8")


# --- check --------------------------------------------------------------------------------------


def test_check_is_empty_when_in_sync(project):
    build(project.sources())
    assert check(project.sources()) == []


def test_check_names_the_page_whose_sentence_changed(project):
    build(project.sources())
    rewrite(project.article(), "Noticing it is the first step", "Noticing is the first step")
    assert check(project.sources()) == [
        f"{(project.docs / 'article/index.md').as_posix()}: differs",
        f"{(project.docs / 'article/when-it-goes-wrong.md').as_posix()}: differs",
    ]


def test_check_names_missing_and_stale_pages_and_writes_nothing(project):
    build(project.sources())
    rewrite(project.article(), "## When it goes wrong", "## When listening fails")
    before = snapshot(project.docs)
    problems = check(project.sources())
    assert f"{(project.docs / 'article/when-listening-fails.md').as_posix()}: missing" in problems
    assert (f"{(project.docs / 'article/when-it-goes-wrong.md').as_posix()}: stale (its source "
            "is gone)") in problems
    assert snapshot(project.docs) == before


def test_check_fails_on_an_overdue_review_and_notes_one_due_soon(project, capsys):
    assert main(project.cli_args()) == 0
    capsys.readouterr()
    # article.md was reviewed on 2025-02-03, second.md on 2026-01-03; reviews every 3 years.
    assert main([*project.cli_args(), "--check", "--today", "2027-12-20"]) == 0
    assert main([*project.cli_args(), "--check", "--today", "2028-01-10"]) == 0
    err = capsys.readouterr().err
    assert "content/article.md:8: note: review due by 2028-02-03 (in 24 days)" in err
    assert main([*project.cli_args(), "--check", "--today", "2028-02-04"]) == 1
    err = capsys.readouterr().err
    assert ("content/article.md:8: error: last reviewed on 2025-02-03, more than 3 years ago: "
            "review the article, then set 'reviewed:' to that day") in err
    assert "second.md" not in err.split("note:")[0]


def test_check_lists_the_drafts_waiting_and_never_publishes_them(project, capsys):
    assert main(project.cli_args()) == 0
    drafts = project.content / "drafts"
    drafts.mkdir()
    (drafts / "found-online.md").write_text("---\ntitle: Found\n---\n\n# Found\n",
                                            encoding="utf-8")
    (drafts / "found-online.report.md").write_text("# Import report\n", encoding="utf-8")
    capsys.readouterr()
    assert main([*project.cli_args(), "--check", "--today", "2026-01-03"]) == 0
    err = capsys.readouterr().err
    assert f"{(drafts / 'found-online.md').as_posix()}:1: note: a draft waiting (never " \
        f"published): do its report's checklist, then move it to {project.content.as_posix()}/" \
        in err
    assert "found-online.report.md" not in err
    assert not (project.docs / "found-online").exists()


def test_check_holds_hand_written_pages_and_the_glossary_to_their_review_dates(project, capsys):
    assert main(project.cli_args()) == 0
    rewrite(project.docs / "research.md", "description:", "reviewed: 2025-01-10\ndescription:")
    capsys.readouterr()
    assert main([*project.cli_args(), "--check", "--today", "2028-01-11"]) == 1
    err = capsys.readouterr().err
    assert (f"{(project.docs / 'research.md').as_posix()}:3: error: last reviewed on "
            "2025-01-10, more than 3 years ago: review the page, then set 'reviewed:' to "
            "that day") in err
    assert "help.md" not in err          # a page with no date is not held to one
    glossary = project.content / "glossary.yml"
    reviewed = next(line for line in glossary.read_text(encoding="utf-8").splitlines()
                    if line.startswith("reviewed:"))
    rewrite(glossary, reviewed, "reviewed: 2020-01-01")
    assert main(project.cli_args()) == 0
    capsys.readouterr()
    assert main([*project.cli_args(), "--check", "--today", "2026-01-01"]) == 1
    assert (f"{glossary.as_posix()}:3: error: last reviewed on 2020-01-01, more than 3 years "
            "ago: review the glossary, then set 'reviewed:'") in capsys.readouterr().err


def test_an_article_or_page_may_ask_to_be_reviewed_sooner(project, capsys):
    rewrite(project.article("second"), "reviewed: 2026-01-03",
            "reviewed: 2026-01-03\nreview_every_months: 12")
    rewrite(project.docs / "research.md", "description:",
            "reviewed: 2026-02-10\nreview_every_months: 6\ndescription:")
    assert main(project.cli_args()) == 0
    assert "review_every_months: 12" in (project.docs / "second" / "index.md").read_text("utf-8")
    capsys.readouterr()
    assert main([*project.cli_args(), "--check", "--today", "2026-12-10"]) == 1
    err = capsys.readouterr().err
    assert (f"{(project.docs / 'research.md').as_posix()}:3: error: last reviewed on "
            "2026-02-10, more than 6 months ago: review the page") in err
    assert "content/second.md:5: note: review due by 2027-01-03 (in 24 days)" in err
    assert main([*project.cli_args(), "--check", "--today", "2027-01-04"]) == 1
    assert ("content/second.md:5: error: last reviewed on 2026-01-03, more than 1 year ago: "
            "review the article") in capsys.readouterr().err


def test_the_help_page_has_its_own_review_interval_and_must_give_a_date(project, capsys):
    rewrite(project.config, "    review_every_years: 3",
            "    review_every_years: 3\n    review_help_every_months: 12")
    assert main(project.cli_args()) == 0
    capsys.readouterr()
    help_page = (project.docs / "help.md").as_posix()
    assert main([*project.cli_args(), "--check", "--today", "2026-01-03"]) == 1
    assert (f"{help_page}:1: error: the help page has no 'reviewed:' date (YYYY-MM-DD): add "
            "the day its lines were last checked") in capsys.readouterr().err
    rewrite(project.docs / "help.md", "description:", "reviewed: 2025-06-30\ndescription:")
    assert main([*project.cli_args(), "--check", "--today", "2026-06-30"]) == 0
    assert f"{help_page}:3: note: review due by 2026-06-30 (in 0 days)" in \
        capsys.readouterr().err
    assert main([*project.cli_args(), "--check", "--today", "2026-07-01"]) == 1
    assert (f"{help_page}:3: error: last reviewed on 2025-06-30, more than 1 year ago: review "
            "the help page, then set 'reviewed:' to that day") in capsys.readouterr().err


@pytest.mark.parametrize(("today", "found"), [
    ("2027-12-04", ""),                                                   # 61 days before
    ("2027-12-05", "content/article.md:8: note: review due by 2028-02-03 (in 60 days)\n"),
    ("2028-02-03", "content/article.md:8: note: review due by 2028-02-03 (in 0 days)\n")])
def test_a_review_is_noted_from_sixty_days_before_and_overdue_only_the_day_after(
        project, capsys, today, found):
    assert main(project.cli_args()) == 0
    capsys.readouterr()
    assert main([*project.cli_args(), "--check", "--today", today]) == 0
    notes = [line for line in capsys.readouterr().err.splitlines(keepends=True)
             if ": note: review" in line]
    assert len(notes) == bool(found) and all(line.endswith(found) for line in notes)


# --- the command line ---------------------------------------------------------------------------


def test_cli_check_exit_codes(project, capsys):
    assert main([*project.cli_args(), "--check"]) == 1
    assert "run python scripts/build_pages.py to fix" in capsys.readouterr().err
    assert main(project.cli_args()) == 0
    assert f"wrote {len(FIRST_PAGES + SECOND_PAGES + SITE_PAGES)}, removed 0, unchanged 0" in \
        capsys.readouterr().out
    assert main([*project.cli_args(), "--check", "--today", "2026-01-03"]) == 0


def test_cli_notes_each_section_without_a_written_summary(project, capsys):
    assert main(project.cli_args()) == 0
    err = capsys.readouterr().err
    assert (f"{project.article().as_posix()}:24: note: section 'Why listening matters' has no "
            "summary: its card shows its first words; write one with <!-- summary: … --> under "
            "its heading\n") in err
    assert "Listening in practice" not in err  # it has one


BAD_INPUTS = {
    "not UTF-8": (b"---\ntitle: x\n\xff\n", "not valid UTF-8"),
    "malformed front matter": ("---\ntitle: [unclosed\n---\n# x\n", "malformed front matter"),
    "missing key": (lambda text: "\n".join(line for line in text.split("\n")
                                          if not line.startswith("description:")),
                    "has no 'description'"),
    "no sections": ("# A Small Article About Listening\n\nLead.\n", "no sections"),
    "empty section": ("# A Small Article About Listening\n\nLead.\n\n## Empty\n", "is empty"),
    "duplicate slug": ("# A Small Article About Listening\n\nL.\n\n## A {#s}\n\nx.\n\n## B {#s}\n"
                       "\ny.\n", "used twice"),
    "slash in slug": ("# A Small Article About Listening\n\nL.\n\n## A {#a/b}\n\nx.\n", "'/'"),
    "dots in slug": ("# A Small Article About Listening\n\nL.\n\n## A {#..}\n\nx.\n", "'..'"),
    "unknown icon": (lambda text: text.replace("## Why listening matters\n",
                                               "## Why listening matters\n"
                                               "<!-- icon: material/nope -->\n"),
                     "unknown icon 'material/nope'"),
    "backslash in slug": ("# A Small Article About Listening\n\nL.\n\n## A {#a\\b}\n\nx.\n",
                          "'\\'"),
    "phone number": ("# A Small Article About Listening\n\nL.\n\n## A\n\nCall 020 7946 0958.\n",
                     "phone number '020 7946 0958'"),
}


@pytest.mark.parametrize("case", BAD_INPUTS)
def test_bad_input_gives_one_line_with_file_and_line_exit_2_and_leaves_docs_alone(
        case, project, capsys):
    source = project.article()
    assert main(project.cli_args()) == 0
    before = snapshot(project.docs)
    capsys.readouterr()
    content, words = BAD_INPUTS[case]
    if callable(content):
        source.write_text(content(source.read_text(encoding="utf-8")), encoding="utf-8")
    elif isinstance(content, bytes):
        source.write_bytes(content)
    elif content.startswith("---"):
        source.write_text(content, encoding="utf-8")
    else:
        text = source.read_text(encoding="utf-8")
        source.write_text(text[:text.index("# A Small")] + content, encoding="utf-8")
    assert main(project.cli_args()) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    assert err.startswith(f"{source.as_posix()}:") and words in err
    assert err.split(":")[1].isdigit()
    assert snapshot(project.docs) == before


def test_problems_in_several_files_come_out_together_in_order_and_docs_stays(project, capsys):
    assert main(project.cli_args()) == 0
    before = snapshot(project.docs)
    capsys.readouterr()
    rewrite(project.article(), "reviewed: 2025-02-03", "reviewed: soon")
    rewrite(project.article(), "## When it goes wrong\n\nSometimes", "## When it goes wrong\n\n"
            "See {% page x %}.\nSometimes")
    rewrite(project.article("second"), "You may go quiet.", "Call +61 491 570 156.")
    rewrite(project.content / "glossary.yml", "tooltip: A rough patch between two people.",
            "tooltip: ''")
    assert main(project.cli_args()) == 2
    lines = capsys.readouterr().err.splitlines()
    where = [line.split(": error:")[0].removeprefix(str(project.content) + "/") for line in lines]
    assert where == ["article.md:8", "article.md:42", "glossary.yml:12", "second.md:18"], lines
    assert snapshot(project.docs) == before


def test_a_flood_of_problems_is_capped(project, capsys):
    project.article().write_text(
        "---\n" + "".join(f"bad{n}: x\n" for n in range(70)) + "---\n", encoding="utf-8")
    assert main(project.cli_args()) == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 51 and lines[-1].startswith("… and ")


def test_unreadable_source_is_a_clear_error(project, capsys):
    source = project.article()
    source.unlink()
    source.mkdir()  # a folder cannot be read as a file, even by root
    assert main(project.cli_args()) == 2
    assert "cannot read the file" in capsys.readouterr().err
    assert not (project.docs / "index.md").exists()


@pytest.mark.process
def test_script_runs_from_any_folder_and_reports_without_traceback(tmp_path):
    missing = tmp_path / "nope.md"
    result = subprocess.run([sys.executable, ROOT / "scripts" / "build_pages.py", "--source",
                             missing, "--docs", tmp_path / "docs", "--config",
                             FIXTURE_PROJECT / "mkdocs.yml"], cwd=tmp_path,
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr == "nope.md: error: file not found: check the path, or pass --source\n"
    assert not (tmp_path / "docs").exists()


def test_committed_docs_are_in_sync_with_the_content():
    sources = Sources(content=ROOT / "content", docs=ROOT / "docs", config=ROOT / "mkdocs.yml",
                      settings=read_settings(ROOT / "mkdocs.yml"))
    assert check(sources) == []


# --- promises no other test pinned down -----------------------------------------------------------


def test_a_write_that_fails_part_way_leaves_the_old_page_whole(project):
    """A temp file and a rename: Ctrl-C, a full disk or a reader (mkdocs serve) in the middle
    of a write never sees a page truncated. An encoding error stands in for the failure."""
    from rapport.sync import write_atomic

    build(project.sources())
    page = project.docs / "article" / "practice.md"
    before = page.read_bytes()
    with pytest.raises(UnicodeEncodeError):
        write_atomic(page, "A new page, half written\n" + "\ud800" * 10_000)
    assert page.read_bytes() == before
    assert not [path for path in page.parent.iterdir() if path.name.startswith(".")]


def test_a_page_is_written_beside_its_target_in_new_folders_readable_by_the_web_server(
        tmp_path, monkeypatch):
    """The temporary file is hidden (MkDocs skips dot files, so `mkdocs serve` never builds
    it) and in the target's own folder, so the rename is atomic (one file system)."""
    import stat

    from rapport import sync

    renames = []
    real_replace = os.replace
    monkeypatch.setattr(sync.os, "replace",
                        lambda source, target: renames.append(Path(source)) or
                        real_replace(source, target))
    page = tmp_path / "docs" / "new" / "deeper" / "page.md"
    sync.write_atomic(page, "Café\nà la carte\n")
    assert page.read_bytes() == "Café\nà la carte\n".encode()
    assert stat.S_IMODE(page.stat().st_mode) == 0o644
    [temporary] = renames
    assert temporary.parent == page.parent and temporary.name.startswith(".page.md.")


def test_a_stale_page_that_cannot_be_removed_is_one_clear_problem(tmp_path, monkeypatch):
    from rapport.sync import Diff, apply_diff

    stale = tmp_path / "article" / "old.md"
    stale.parent.mkdir()
    stale.write_text("# generated from content/article.md — do not edit\n", encoding="utf-8")

    def refuse(path: Path, missing_ok: bool = False) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(Path, "unlink", refuse)
    with pytest.raises(Problems) as caught:
        apply_diff(tmp_path, Diff(write={}, delete=(PurePosixPath("article/old.md"),),
                                  unchanged=0))
    assert [str(problem) for problem in caught.value.problems] == [
        f"{stale.as_posix()}: error: cannot remove the stale page (Permission denied): check "
        "the folder's permissions"]


@pytest.mark.parametrize("kind", FIRST_PAGES + SECOND_PAGES + SITE_PAGES)
def test_check_names_any_generated_file_that_differs_or_is_missing(project, kind):
    """Every kind of file the generator owns, navigation files and snippets included: a build
    that runs no hooks (Zensical) would publish whatever is committed."""
    build(project.sources())
    path = project.docs / kind
    path.write_text(path.read_text(encoding="utf-8") + "\nedited by hand\n", encoding="utf-8")
    assert check(project.sources()) == [f"{path.as_posix()}: differs"]
    path.unlink()
    assert check(project.sources()) == [f"{path.as_posix()}: missing"]


# --- the disk edge, piece by piece --------------------------------------------------------------


def test_a_missing_article_file_and_a_bad_byte_are_named_with_the_line(tmp_path):
    from rapport.errors import Report
    from rapport.sources import read_text

    report = Report()
    assert read_text(tmp_path / "gone.md", report) is None
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"one\ntwo\nthree \xff\n")
    assert read_text(bad, report) is None
    assert [(p.path, p.line, p.message) for p in report.problems] == [
        (tmp_path / "gone.md", None, "file not found: check the path, or pass --source"),
        (bad, 3, "not valid UTF-8: save the file as UTF-8")]


def test_docs_pages_with_a_bad_byte_are_still_read_for_their_markers(tmp_path):
    from rapport.sources import read_docs

    (tmp_path / "page.md").write_bytes(b"caf\xe9 \xc3\xa9\n")
    assert read_docs(tmp_path) == {PurePosixPath("page.md"): "caf\ufffd é\n"}
    assert read_docs(tmp_path / "none") == {}


def test_a_review_falls_due_on_the_same_day_months_later_or_the_months_last_day():
    from datetime import date

    from rapport.dates import add_months

    assert add_months(date(2025, 2, 3), 36) == date(2028, 2, 3)
    assert add_months(date(2024, 2, 29), 36) == date(2027, 2, 28)
    assert add_months(date(2024, 2, 29), 48) == date(2028, 2, 29)
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert add_months(date(2025, 11, 27), 12) == date(2026, 11, 27)
    assert add_months(date(2025, 12, 15), 1) == date(2026, 1, 15)
    assert add_months(date(9998, 3, 1), 12) == date(9999, 3, 1)
    assert add_months(date(9999, 1, 1), 12) == add_months(date(9990, 1, 1), 360) == date.max


def test_a_hand_written_link_to_a_page_that_goes_away_is_named_with_its_line(project):
    build(project.sources())
    (project.docs / "assets").mkdir()
    (project.docs / "assets" / "a.png").write_bytes(b"")
    (project.docs / "notes.md").write_text(
        "# Notes\n\nSee [a site](https://example.org/), [here](#x), [an asset](assets/a.png)\n"
        "and [that part](article/when-it-goes-wrong.md).\n", encoding="utf-8")
    rewrite(project.article(), "## When it goes wrong", "## When listening fails")
    [problem] = problems_of(project)
    assert problem == (f"{(project.docs / 'notes.md').as_posix()}:4: error: link "
                       "'article/when-it-goes-wrong.md' leads to docs/article/when-it-goes-wrong"
                       ".md, which the site will not have (a typo, or its article or section "
                       "is gone): update the link")


def test_a_hand_written_pages_links_are_the_ones_the_renderer_finds(project):
    """A link whose text holds brackets is a link, a reference link is found at its
    definition's line, and a link in code is code: as Python-Markdown renders the page."""
    build(project.sources())
    notes = project.docs / "notes.md"
    notes.write_text("# Notes\n\nA [nested [bracket] link](article/gone-a.md).\n\n"
                     "`[in code](article/gone-b.md)`\n\n    [indented](article/gone-c.md)\n\n"
                     "See [the part][part].\n\n[part]: article/gone-d.md\n", encoding="utf-8")
    assert [(problem.split(": error: ")[0], problem.split("'")[1])
            for problem in problems_of(project)] == [
        (f"{notes.as_posix()}:3", "article/gone-a.md"),
        (f"{notes.as_posix()}:11", "article/gone-d.md")]


def test_the_problem_list_is_capped_and_says_how_many_more():
    from rapport.errors import ArticleError, report_lines

    problems = [ArticleError(Path("a.md"), line, "x") for line in range(1, 52)]
    assert report_lines(problems[:50], limit=50)[-1] == "a.md:50: error: x"
    lines = report_lines(problems, limit=50)
    assert len(lines) == 51 and lines[-1] == ("… and 1 more problem(s): fix these first, then "
                                              "run again")


def test_an_article_that_fails_does_not_hide_the_problems_of_the_others(project):
    build(project.sources())
    rewrite(project.article(), "reviewed: 2025-02-03", "reviewed: soon")
    rewrite(project.article("second"), "[get help](../help.md#talk-to-someone-now)",
            "[get help](../helps.md)")
    problems = problems_of(project)
    assert [problem.split(": error: ")[1].split(" ")[0:2] for problem in problems] == [
        ["'reviewed'", "must"], ["link", "'../helps.md'"]]
    # second.md also links to a page of article.md, which failed: its page, as it is, counts.
    assert not [problem for problem in problems if "why-listening-matters" in problem]


def test_a_page_that_cannot_be_written_is_one_clear_problem(project):
    """A folder where the page should be stands in for a full disk or a read-only folder
    (root may write anywhere)."""
    build(project.sources())
    rewrite(project.article(), "They do not rush to fix things.", "They do not hurry.")
    page = project.docs / "article" / "practice.md"
    page.unlink()
    page.mkdir()
    (page / "x").write_text("", encoding="utf-8")
    with pytest.raises(Problems) as caught:
        build(project.sources())
    [problem] = caught.value.problems
    assert problem.path == page and problem.message.startswith("cannot write the page (")
    assert problem.message.endswith("): check the folder's permissions and the free space")


@pytest.mark.parametrize(("page", "expected"), [
    ("---\ntitle: R\nreviewed: 2026-01-03\n---\n\n# R\n", ("2026-01-03", 3, None)),
    ("---\nreviewed: 2026-01-03\nreview_every_months: 6\n...\n# R\n", ("2026-01-03", 2, 6)),
    ("---  \nreview_every_months: 0\n\nreviewed: 2026-01-03\n---\n", ("2026-01-03", 4, None)),
    ("---\nreviewed: 2026-01-03\nreview_every_months: true\n---\n", ("2026-01-03", 2, None)),
    ("---\nreviewed: 2026-01-03\nreview_every_months: 1\n---\n", ("2026-01-03", 2, 1)),
    ("# R\n\nreviewed: 2026-01-03\n", (None, 1, None)),             # no front matter
    ("---\nreviewed: 2026-01-03\n", (None, 1, None)),               # never closed
    ("\n---\nreviewed: 2026-01-03\n---\n", (None, 1, None)),        # not on the first line
    ("---\ntitle: [unclosed\n---\n", (None, 1, None)),              # not YAML
    ("---\n- a list\n---\n", (None, 1, None)),
    ("---\ntitle: R\n---\n", (None, 1, None)),                      # no review date
    ("---\r\ntitle: R\r\nreviewed: 2026-01-03\r\n---\r\n", ("2026-01-03", 3, None)),  # CRLF
    ("\ufeff---\nreviewed: 2026-01-03\n---\n", ("2026-01-03", 2, None)),        # a BOM
])
def test_a_hand_written_pages_review_is_read_from_its_front_matter_as_mkdocs_finds_it(
        page, expected):
    assert reviewed_in(page) == expected
