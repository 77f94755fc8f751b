"""The MkDocs hook and `mkdocs serve`: saving the article rebuilds the pages, with no loop."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from local_site import copy_project, fetch, free_port, quiet_env, wait_until

pytestmark = pytest.mark.build


@pytest.fixture
def served_copy(tmp_path: Path):
    """A copy of the project under `mkdocs serve` on a free local port; stopped afterwards."""
    project = copy_project(tmp_path)
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a",
             f"127.0.0.1:{port}"], cwd=project, env=quiet_env(), stdout=output,
            stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/rapport/"
    try:
        assert wait_until(lambda: "Rapport" in (fetch(url) or ""), 60), log.read_text()
        yield project, url, log
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_saving_the_article_updates_the_served_page_once(served_copy):
    project, url, log = served_copy
    article = project / "content" / "article.md"
    page = url + "article/closing-thoughts/"
    old, new = "raw truth", "plain truth"
    assert old in (fetch(page) or "")
    article.write_text(article.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    assert wait_until(lambda: new in (fetch(page) or ""), 30), log.read_text()
    assert new in (project / "docs" / "article" / "closing-thoughts.md").read_text("utf-8")
    # The generator's own writes to docs/ cause at most one more build, which writes nothing:
    # a loop would keep rebuilding.
    def builds() -> int:
        return log.read_text().count("Building documentation")

    wait_until(lambda: builds() >= 3, 10)
    settled = builds()
    time.sleep(4)
    assert builds() == settled <= 3


def test_a_bad_article_is_reported_in_one_line_and_fixing_it_serves_again(served_copy):
    project, url, log = served_copy
    article = project / "content" / "article.md"
    good = article.read_text(encoding="utf-8")
    article.write_text(good.replace("## Closing thoughts", "See {% page x %}.\n\n## Closing thoughts"),
                       encoding="utf-8")
    assert wait_until(lambda: "is a Liquid or Hugo tag" in log.read_text(), 30), log.read_text()
    assert "ERROR   -  content/article.md:" in log.read_text()
    assert "Traceback" not in log.read_text()
    article.write_text(good.replace("raw truth", "plain truth"), encoding="utf-8")
    page = url + "article/closing-thoughts/"
    assert wait_until(lambda: "plain truth" in (fetch(page) or ""), 30), log.read_text()


def test_a_new_article_file_is_served_and_a_deleted_one_goes(served_copy):
    project, url, log = served_copy
    new = project / "content" / "served-later.md"
    new.write_text(
        "---\ntitle: Served Later\ndescription: An article added while serving.\n"
        "published: 2026-01-01\nreviewed: 2026-01-01\n---\n\n# Served Later\n\n"
        "It arrived while the preview ran.\n\n## Its only part\n\nThe part's text.\n",
        encoding="utf-8")
    page = url + "served-later/its-only-part/"
    assert wait_until(lambda: "The part's text." in (fetch(page) or ""), 30), log.read_text()
    assert "Served Later" in (fetch(url) or "")
    new.unlink()
    assert wait_until(lambda: "Served Later" not in (fetch(url) or "Served Later"), 30), \
        log.read_text()
    assert not (project / "docs" / "served-later").exists()
