"""Write stage and CLI: only what changed, only its own files, one clear line for bad input."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from build_pages import main
from project import ROOT
from rapport.errors import ArticleError
from rapport.writer import build, check


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under `folder` with its bytes and modification time."""
    return {path.relative_to(folder).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
            for path in sorted(folder.rglob("*")) if path.is_file()}


def cli(*args: str | Path) -> int:
    return main([str(arg) for arg in args])


def rewrite(source: Path, old: str, new: str) -> None:
    text = source.read_text(encoding="utf-8")
    assert old in text
    source.write_text(text.replace(old, new), encoding="utf-8")


# --- writing ------------------------------------------------------------------------------------


def test_first_build_writes_every_page_and_a_second_changes_no_byte(project):
    source, docs = project
    assert len(build(source, docs).write) == 6
    before = snapshot(docs)
    again = build(source, docs)
    assert not again.changed and again.unchanged == 6
    assert snapshot(docs) == before


def test_only_the_changed_page_is_rewritten(project):
    source, docs = project
    build(source, docs)
    before = snapshot(docs)
    rewrite(source, "They do not rush to fix things.", "They do not hurry to fix things.")
    diff = build(source, docs)
    assert sorted(map(str, diff.write)) == ["article/index.md", "article/practice.md"]
    after = snapshot(docs)
    assert [name for name in after if after[name] != before[name]] == [
        "article/index.md", "article/practice.md"]


def test_renamed_section_removes_its_stale_page(project):
    source, docs = project
    build(source, docs)
    rewrite(source, "## When it goes wrong", "## When listening fails")
    diff = build(source, docs)
    assert [str(path) for path in diff.delete] == ["article/when-it-goes-wrong.md"]
    assert not (docs / "article/when-it-goes-wrong.md").exists()
    assert (docs / "article/when-listening-fails.md").exists()
    assert "When listening fails" in (docs / "article/SUMMARY.md").read_text(encoding="utf-8")


def test_hand_written_pages_are_never_touched(project):
    source, docs = project
    hand = {docs / "help.md": "# Help\n", docs / "article" / "extra.md": "# Mine\n"}
    for path, text in hand.items():
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    build(source, docs)
    rewrite(source, "## When it goes wrong", "## When listening fails")
    build(source, docs)
    for path, text in hand.items():
        assert path.read_text(encoding="utf-8") == text


def test_pages_generated_from_another_article_are_left_alone(project):
    source, docs = project
    other = docs / "other" / "page.md"
    other.parent.mkdir()
    other.write_text("---\n# generated from content/other.md — do not edit\ntitle: x\n---\n",
                     encoding="utf-8")
    build(source, docs)
    assert other.exists()


def test_collision_with_a_hand_written_page_is_an_error_and_writes_nothing(project):
    source, docs = project
    (docs / "article").mkdir()
    (docs / "article" / "practice.md").write_text("# Mine\n", encoding="utf-8")
    before = snapshot(docs)
    with pytest.raises(ArticleError) as caught:
        build(source, docs)
    assert "hand-written page" in str(caught.value)
    assert str(caught.value).endswith("rename the section (explicit slug {#…}) or move that page")
    assert snapshot(docs) == before


def test_writes_leave_no_temporary_files(project):
    source, docs = project
    build(source, docs)
    assert not [p for p in docs.rglob("*") if p.name.startswith(".")]


# --- check --------------------------------------------------------------------------------------


def test_check_is_empty_when_in_sync(project):
    source, docs = project
    build(source, docs)
    assert check(source, docs) == []


def test_check_names_the_page_whose_sentence_changed(project):
    source, docs = project
    build(source, docs)
    rewrite(source, "Noticing it is the first step", "Noticing is the first step")
    assert check(source, docs) == [
        f"{(docs / 'article/when-it-goes-wrong.md').as_posix()}: differs",
        f"{(docs / 'article/index.md').as_posix()}: differs",
    ]


def test_check_names_missing_and_stale_pages_and_writes_nothing(project):
    source, docs = project
    build(source, docs)
    rewrite(source, "## When it goes wrong", "## When listening fails")
    before = snapshot(docs)
    problems = check(source, docs)
    assert f"{(docs / 'article/when-listening-fails.md').as_posix()}: missing" in problems
    assert (f"{(docs / 'article/when-it-goes-wrong.md').as_posix()}: stale (no longer in the "
            "article)") in problems
    assert snapshot(docs) == before


# --- the command line ---------------------------------------------------------------------------


def test_cli_check_exit_codes(project, capsys):
    source, docs = project
    assert cli("--source", source, "--docs", docs, "--check") == 1
    assert "run python scripts/build_pages.py to fix" in capsys.readouterr().err
    assert cli("--source", source, "--docs", docs) == 0
    assert "wrote 6, removed 0, unchanged 0" in capsys.readouterr().out
    assert cli("--source", source, "--docs", docs, "--check") == 0


BAD_INPUTS = {
    "missing file": (None, "file not found"),
    "not UTF-8": (b"---\ntitle: x\n\xff\n", "not valid UTF-8"),
    "malformed front matter": ("---\ntitle: [unclosed\n---\n# x\n", "malformed front matter"),
    "missing key": ("---\ntitle: x\n---\n# x\n", "has no 'description'"),
    "no sections": ("# A Small Article About Listening\n\nLead.\n", "no sections"),
    "empty section": ("# A Small Article About Listening\n\nLead.\n\n## Empty\n", "is empty"),
    "duplicate heading": ("# A Small Article About Listening\n\nL.\n\n## A\n\nx.\n\n## A\n\ny.\n",
                          "duplicate heading"),
    "duplicate slug": ("# A Small Article About Listening\n\nL.\n\n## A {#s}\n\nx.\n\n## B {#s}\n"
                       "\ny.\n", "used twice"),
    "empty slug": ("# A Small Article About Listening\n\nL.\n\n## 🙂 🙂\n\nx.\n", "empty URL slug"),
    "slash in slug": ("# A Small Article About Listening\n\nL.\n\n## A {#a/b}\n\nx.\n", "'/'"),
    "dots in slug": ("# A Small Article About Listening\n\nL.\n\n## A {#..}\n\nx.\n", "'..'"),
    "unknown icon": ("# A Small Article About Listening\n\nL.\n\n## A\n<!-- icon: material/nope -->"
                     "\n\nx.\n", "unknown icon 'material/nope'"),
    "backslash in slug": ("# A Small Article About Listening\n\nL.\n\n## A {#a\\b}\n\nx.\n",
                          "'\\'"),
}


@pytest.mark.parametrize("case", BAD_INPUTS)
def test_bad_input_gives_one_line_with_file_and_line_exit_2_and_leaves_docs_alone(
        case, project, capsys):
    source, docs = project
    assert cli("--source", source, "--docs", docs) == 0
    before = snapshot(docs)
    capsys.readouterr()
    content, words = BAD_INPUTS[case]
    if content is None:
        source.unlink()
    elif isinstance(content, bytes):
        source.write_bytes(content)
    elif content.startswith("---"):
        source.write_text(content, encoding="utf-8")
    else:
        text = source.read_text(encoding="utf-8")
        source.write_text(text[:text.index("# A Small")] + content, encoding="utf-8")
    assert cli("--source", source, "--docs", docs) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(str(source.as_posix())) and words in err
    if content is not None:
        assert err.startswith(f"{source.as_posix()}:") and err.split(":")[1].isdigit()
    assert snapshot(docs) == before


def test_unreadable_source_is_a_clear_error(project, capsys):
    source, docs = project
    source.unlink()
    source.mkdir()  # a folder cannot be read as a file, even by root
    assert cli("--source", source, "--docs", docs) == 2
    assert "cannot read the file" in capsys.readouterr().err
    assert list(docs.iterdir()) == []


def test_script_runs_from_any_folder_and_reports_without_traceback(tmp_path):
    missing = tmp_path / "nope.md"
    result = subprocess.run([sys.executable, ROOT / "scripts" / "build_pages.py", "--source",
                             missing, "--docs", tmp_path / "docs"], cwd=tmp_path,
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr == "nope.md: error: file not found: check the path, or pass --source\n"
    assert not (tmp_path / "docs").exists()


def test_committed_docs_are_in_sync_with_the_article():
    assert check(ROOT / "content" / "article.md", ROOT / "docs") == []
