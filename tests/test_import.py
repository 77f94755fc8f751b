"""The importer (scripts/import_page.py, issue 20): a saved page becomes a draft with only the
article's text, no contact detail and nothing that runs, and an editor's report of what was
kept, dropped, found and flagged, with the provenance and how sure the importer is of it."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import markdown
import pytest
from build_pages import main as build_pages
from import_page import main
from project import FIXTURES, ROOT
from rapport_import.checks import contacts

IMPORTS = FIXTURES / "import"
SEED = IMPORTS / "seed-dump.txt"
ENGLISH = IMPORTS / "english-page.html"
KOREAN = IMPORTS / "korean-page-euc-kr.html"
SEED_NAME = "the-critical-role-of-therapist-client-rapport-in-successful"
NO_MAIN_TEXT = """<!DOCTYPE html><html><head><title>Menu</title></head><body>
<nav><ul><li><a href="/a">Home</a></li><li><a href="/b">News</a></li></ul></nav>
<footer><p>&copy; Example</p></footer></body></html>"""


def run(source: Path, drafts: Path, *extra: str) -> int:
    return main([str(source), "--drafts", str(drafts), *extra])


def imported(source: Path, drafts: Path, *extra: str) -> tuple[str, dict]:
    """The draft and the JSON report of one import."""
    assert run(source, drafts, *extra) == 0
    report = next(drafts.glob("*.report.json"))
    draft = report.with_name(report.name.removesuffix(".report.json") + ".md")
    return (draft.read_text(encoding="utf-8"),
            json.loads(report.read_text(encoding="utf-8")))


def body_of(draft: str) -> str:
    """The draft after its front matter."""
    return draft.split("\n---\n", 1)[1]


def paragraphs(draft: str) -> list[str]:
    """The draft's text paragraphs: no headings, markers or front matter."""
    return [block.strip() for block in body_of(draft).split("\n\n")
            if block.strip() and not block.lstrip().startswith(("#", "<!--"))]


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


# --- the seed dump ------------------------------------------------------------------------------


def test_the_seed_dump_becomes_the_nine_paragraphs_of_the_article(tmp_path):
    draft, _ = imported(SEED, tmp_path)
    source = (FIXTURES / "source-article.txt").read_text(encoding="utf-8")
    assert paragraphs(draft) == [p.strip() for p in source.split("\n\n") if p.strip()]


def test_the_seed_dumps_chrome_contacts_and_company_details_stay_out(tmp_path):
    draft, report = imported(SEED, tmp_path)
    body = body_of(draft)
    assert not re.search(r"[\uac00-\ud7a3]", body), "Korean chrome in the draft's text"
    for leak in ("example.org", "555-0123", "123-45-67890", "홍길동", "예시로", "photo-81684"):
        assert leak not in draft
    for chrome in ("기사제보", "Copyright", "작성일", "댓글"):
        assert chrome not in body
    assert contacts(draft.split("\n")) == []
    privacy = {(item["kind"], item["value"], item["source"]) for item in report["privacy"]}
    assert {("e-mail address", "poster@example.org", "line 28"),
            ("phone number", "(054)555-0123", "line 11"),
            ("phone number", "(054)555-0123", "line 65"),
            ("company details", "사업자등록번호 : 123-45-67890", "line 64")} <= privacy
    rules = {item["text"]: item["rule"] for item in report["dropped"]}
    assert "picture's file name" in rules["photo-81684.jpg!s"]
    assert "labelled contact field" in rules["연락처 : VT 이메일 : poster@example.org"]
    assert "end marker '댓글목록'" in rules["등록된 댓글이 없습니다."]


def test_the_seed_dumps_spam_and_translation_slip_are_flagged_not_removed(tmp_path):
    draft, report = imported(SEED, tmp_path)
    flagged = {item["text"]: item for item in report["flagged"]}
    assert set(flagged) == {"双向的", "宮崎 マッサージ"}
    assert flagged["宮崎 マッサージ"]["kind"] == "looks inserted"
    lines = draft.split("\n")
    for text, item in flagged.items():
        assert item["source"] == "line 43"
        assert text in lines[item["draft_line"] - 1]


def test_the_seed_dumps_report_names_author_date_publication_and_rights(tmp_path):
    draft, report = imported(SEED, tmp_path)
    facts = report["provenance"]
    assert (facts["author"]["value"], facts["author"]["confidence"]) == ("VT", "high")
    assert (facts["published"]["value"], facts["published"]["source"]) == ("2025-10-25",
                                                                         "line 24")
    assert any("2025-03-18" in other and "footer" in other
               for other in facts["published"]["alternatives"])
    assert facts["publication"]["value"] == "데일리광장"
    assert facts["rights"]["value"] == "All rights reserved"
    assert any("permission" in item for item in report["checklist"])
    markdown = (tmp_path / f"{SEED_NAME}.report.md").read_text(encoding="utf-8")
    for expected in ("VT", "2025-10-25", "데일리광장", "All rights reserved", "permission"):
        assert expected in markdown
    assert "published: 2025-10-25" in draft and "2025-03-18" not in draft


def test_a_draft_fails_the_generator_with_clear_lines_until_an_editor_finishes_it(tmp_path):
    draft, report = imported(SEED, tmp_path)
    problems = {(item["line"], item["message"]) for item in report["generator_problems"]}
    messages = " ".join(message for _, message in problems)
    assert "no 'description'" in messages and "no 'reviewed'" in messages
    todo_lines = [n for n, line in enumerate(draft.split("\n"), 1) if "<!-- todo:" in line]
    assert {line for line, message in problems if "unknown marker 'todo'" in message} \
        == set(todo_lines)
    assert draft.count("## TODO: name this section") == 8


# --- saved HTML pages ---------------------------------------------------------------------------


def test_an_english_page_keeps_its_text_and_headings_and_nothing_else(tmp_path):
    draft, report = imported(ENGLISH, tmp_path)
    assert "## Why being heard comes first" in draft
    assert "## When advice arrives too early" in draft
    assert len(paragraphs(draft)) == 5
    for chrome in ("Most read", "Harbour bridge", "Subscribe", "Advertisement", "Great article",
                   "Quay Street", "Opinion", "health correspondent"):
        assert chrome not in draft
    for contact in ("dana.whitfield", "415 555", "020 7946", "newsroom"):
        assert contact not in draft
    assert {item["value"] for item in report["privacy"]} >= {
        "dana.whitfield@example.org", "+1 415 555 0132", "020 7946 0958", "newsroom@example.org"}


def test_nothing_that_runs_reaches_a_draft_and_the_report_lists_it(tmp_path):
    draft, report = imported(ENGLISH, tmp_path)
    for active in ("<script", "<iframe", "<form", "<style", "onclick", "onload", "javascript:",
                   "pixel.example", "tracker.example"):
        assert active not in draft
    removed = " ".join(item["what"] for item in report["removed"])
    for what in ("a script (https://tracker.example.net/t.js)", "an iframe", "a form",
                 "a style sheet", 'onclick="openSearch()"', 'onload="startTracking()"',
                 "a javascript: link", "a tracking pixel (https://pixel.example.net/p.gif?id=42)"):
        assert what in removed


def test_an_english_pages_provenance_comes_from_its_own_metadata(tmp_path):
    draft, report = imported(ENGLISH, tmp_path)
    facts = report["provenance"]
    assert (facts["author"]["value"], facts["author"]["confidence"]) == ("Dana Whitfield", "high")
    assert (facts["published"]["value"], facts["published"]["confidence"]) == ("2024-05-14",
                                                                               "high")
    assert any(other.startswith("2019-03-03 (low") for other in
               facts["published"]["alternatives"])
    assert facts["publication"]["value"] == "The Harbour Gazette"
    assert facts["url"]["confidence"] == "medium" and "canonical" in facts["url"]["why"]
    assert facts["rights"]["value"] == "All rights reserved"
    assert 'author: "Dana Whitfield"' in draft and "published: 2024-05-14" in draft


def test_a_korean_page_in_euc_kr_is_read_and_cleaned(tmp_path):
    draft, report = imported(KOREAN, tmp_path)
    assert report["source"]["encoding"] == "euc-kr"
    assert "경청은 기술이다." in draft and "# 상담의 첫걸음은 경청이다" in draft
    for chrome in ("[광고]", "많이 본 뉴스", "좋은 기사", "로그인", "무단전재", "reporter@",
                   "010-5555-0199", "02-555-0187", "desk@"):
        assert chrome not in draft
    rules = {item["text"]: item["rule"] for item in report["dropped"]}
    assert rules["[광고] 숙면 베개 오늘만 반값 할인"] == "an advertisement"
    assert "contact" in rules["김예시 기자 reporter@example.org"]
    facts = report["provenance"]
    assert (facts["published"]["value"], facts["published"]["confidence"]) == ("2023-09-05",
                                                                               "high")
    assert {other[:10] for other in facts["published"]["alternatives"]} == {"2023-09-06",
                                                                            "2019-02-01"}
    assert facts["author"]["value"] == "김예시" and facts["publication"]["value"] == "예시일보"
    assert "무단전재" in facts["rights"]["value"]


def test_a_guessed_date_stays_out_of_the_front_matter_and_the_draft_fails(tmp_path):
    page = tmp_path / "guess.html"
    page.write_text(
        "<html><head><title>On trust</title><meta property='og:site_name' content='Paper'>"
        "</head><body><article><h1>On trust</h1>"
        + "".join(f"<p>Trust grows slowly between a client and a therapist, paragraph {n}, "
                  "through many small kept promises and honest talk.</p>" for n in range(3))
        + "</article><aside class='sidebar'><p>Older story, 3 March 2021</p></aside>"
        "<footer><p>Registered 1 February 2019.</p></footer></body></html>", encoding="utf-8")
    draft, report = imported(page, tmp_path / "drafts")
    published = report["provenance"].get("published")
    assert published is None or published["confidence"] == "low"
    assert "\n  published:" not in draft and "\npublished:" not in draft
    assert any("'published'" in item["message"] for item in report["generator_problems"])


# --- safety of the run --------------------------------------------------------------------------


@pytest.mark.parametrize("name, content", [
    ("empty.html", b""),
    ("blank.txt", b"  \n\n "),
    ("binary.txt", bytes(range(256)) * 8),
    ("picture.html", b"\x89PNG\r\n\x1a\n" + b"\x00\x01\x02" * 300),
    ("menu.html", NO_MAIN_TEXT.encode()),
    ("missing.html", None),
])
def test_unusable_input_is_one_clear_line_and_exit_2(tmp_path, capsys, name, content):
    source = tmp_path / name
    if content is not None:
        source.write_bytes(content)
    docs_before = tree_digest(ROOT / "docs")
    assert run(source, tmp_path / "drafts") == 2
    err = capsys.readouterr().err.strip().split("\n")
    assert len(err) == 1 and name in err[0] and "Traceback" not in err[0], err
    assert not (tmp_path / "drafts").exists()
    assert tree_digest(ROOT / "docs") == docs_before


def test_a_draft_is_never_overwritten_without_force(tmp_path, capsys):
    assert run(SEED, tmp_path) == 0
    draft = tmp_path / f"{SEED_NAME}.md"
    first = draft.read_bytes()
    draft.write_bytes(first + b"An editor's work.\n")
    edited = draft.read_bytes()
    capsys.readouterr()
    assert run(SEED, tmp_path) == 1
    err = capsys.readouterr().err.strip().split("\n")
    assert len(err) == 1 and "--force" in err[0]
    assert draft.read_bytes() == edited
    assert run(SEED, tmp_path, "--force") == 0
    assert draft.read_bytes() == first


def test_output_is_deterministic_with_sorted_json(tmp_path):
    assert run(SEED, tmp_path / "a") == 0 and run(SEED, tmp_path / "b") == 0
    for path in (tmp_path / "a").iterdir():
        assert path.read_bytes() == (tmp_path / "b" / path.name).read_bytes()
    text = (tmp_path / "a" / f"{SEED_NAME}.report.json").read_text(encoding="utf-8")
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2,
                              sort_keys=True) + "\n"


def test_name_and_url_options(tmp_path):
    draft, report = imported(SEED, tmp_path, "--name", "rapport-seed", "--url",
                             "https://news.example.org/article/1")
    assert (tmp_path / "rapport-seed.md").exists()
    assert report["provenance"]["url"]["confidence"] == "high"
    assert "# url: https://news.example.org/article/1" in draft


def test_a_folder_is_imported_with_a_progress_line_per_file(tmp_path, capsys):
    assert main([str(IMPORTS), "--drafts", str(tmp_path)]) == 0
    out = capsys.readouterr().out.strip().split("\n")
    files = sorted(path.name for path in IMPORTS.iterdir())
    assert [line.split(":")[0] for line in out] == [
        f"[{n}/{len(files)}] {IMPORTS / name}" for n, name in enumerate(files, 1)]
    assert len(list(tmp_path.glob("*.report.json"))) == len(files)


def test_drafts_are_never_published(project, tmp_path):
    drafts = project.content / "drafts"
    assert run(SEED, drafts) == 0
    assert build_pages(project.cli_args()) == 0
    assert not any(SEED_NAME in path.as_posix() for path in project.docs.rglob("*"))


def test_the_site_build_never_needs_the_import_packages():
    site_code = [*(ROOT / "scripts" / "rapport").glob("*.py"), ROOT / "scripts" / "hooks.py"]
    for path in site_code:
        assert not re.search(r"^\s*(?:from|import)\s+(?:trafilatura|markdownify|"
                             r"rapport_import)", path.read_text(encoding="utf-8"), re.M), path
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    site_rule = makefile.split("$(SITE_STAMP):", 1)[1].split("\n\n", 1)[0]
    assert "import.txt" not in site_rule
    assert "-r requirements/import.txt" in makefile.split("$(TEST_STAMP):", 1)[1]


@pytest.mark.process
def test_the_command_runs_in_its_own_process(tmp_path):
    command = [sys.executable, str(ROOT / "scripts" / "import_page.py")]
    done = subprocess.run([*command, str(SEED), "--drafts", str(tmp_path)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0 and (tmp_path / f"{SEED_NAME}.md").exists(), done.stderr
    missing = subprocess.run([*command, str(tmp_path / "nowhere.html")], capture_output=True,
                             text=True, check=False)
    assert missing.returncode == 2
    assert missing.stderr.strip() == f"{tmp_path / 'nowhere.html'}: cannot import: no such file"


def test_the_handbook_shows_the_report_the_importer_writes(tmp_path):
    guide = (ROOT / "handbook" / "importing.md").read_text(encoding="utf-8")
    shown = guide.split("<!-- report: tests/fixtures/import/seed-dump.txt -->\n```markdown\n",
                        1)[1].rsplit("```", 1)[0]
    assert run(SEED, tmp_path) == 0
    written = (tmp_path / f"{SEED_NAME}.report.md").read_text(encoding="utf-8")
    assert shown == written, "paste the new report into handbook/importing.md"


@pytest.mark.parametrize("suffix, text", [
    (".txt", "A page that shows code: <script>alert(1)</script> and [a link](javascript:alert(1))"
             " and *stars* and <b>bold</b>, written out as words in a long sentence."),
    (".html", "<html><body><article><p>A page that shows code: &lt;script&gt;alert(1)&lt;/script"
              "&gt; and [a link](javascript:alert(1)) and *stars*, written out as words in a "
              "long sentence.</p><p>1. Not a list, and <a href='javascript:evil()'>a bad link"
              "</a>, and <a href='https://example.net/ok'>a good one</a>, in another long "
              "sentence.</p></article></body></html>"),
])
def test_text_that_looks_like_markup_stays_text(tmp_path, suffix, text):
    page = tmp_path / f"code{suffix}"
    page.write_text(text, encoding="utf-8")
    draft, _ = imported(page, tmp_path / "drafts")
    rendered = markdown.markdown(body_of(draft))
    assert "<script" not in rendered and "<b>" not in rendered
    assert 'href="javascript' not in rendered
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered and "*stars*" in rendered


def test_an_import_never_goes_online(tmp_path, monkeypatch):
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("the importer tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert run(ENGLISH, tmp_path / "en") == 0 and run(KOREAN, tmp_path / "ko") == 0
