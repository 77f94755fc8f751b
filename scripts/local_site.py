"""Build, serve and open the site on this machine: one home for what the tests, the benchmark
and the screenshots all need.

- a copy of the project to build or change without risk (`copy_project`),
- a quiet `mkdocs build` into a folder (`build_site`),
- one static server that serves a built site under its `site_url` path, with the site's own
  404 page, as a host would (`serve`),
- Chromium (Debian's, never downloaded) with the project's flags and the two viewports every
  check uses (`launch_chromium`, `VIEWPORTS`),
- small waits for servers and pages (`free_port`, `fetch`, `wait_until`).
"""

from __future__ import annotations

import functools
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
SITE_PARTS = ("mkdocs.yml", "content", "docs", "overrides", "scripts")
# The environment variables that keep MkDocs and Material quiet, kept once for the Makefile
# (which includes the file) and for Python (which reads it).
QUIET_ENV_FILE = ROOT / "scripts" / "mkdocs.env"
CHROMIUM = Path(os.environ.get("RAPPORT_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}


def quiet_env() -> dict[str, str]:
    """The environment for a MkDocs run without end-of-life banners (scripts/mkdocs.env)."""
    pairs = (line.removeprefix("export ").split("=", 1) for line in
             QUIET_ENV_FILE.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#"))
    return {**os.environ, **{key.strip(): value.strip() for key, value in pairs}}


def site_url_path(project: Path = ROOT) -> str:
    """The path part of the site's address (`/rapport/`), where a host serves it."""
    from mkdocs.utils.yaml import yaml_load

    config = yaml_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    return urlsplit(config["site_url"]).path


# --- building -----------------------------------------------------------------------------------


def copy_project(target: Path) -> Path:
    """A copy of what builds the site (no tests, no .venv), to build or change without risk."""
    target.mkdir(parents=True, exist_ok=True)
    for part in SITE_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part,
                            ignore=shutil.ignore_patterns("__pycache__", ".*.md.*"))
        else:
            shutil.copy2(source, target / part)
    return target


def build_site(project: Path, site: Path, *, strict: bool = True, config: str = "mkdocs.yml",
               env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`mkdocs build` of `project` into `site`, with its output captured."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []), "--clean",
         "-f", str(project / config), "-d", str(site)],
        cwd=project, env={**quiet_env(), **(env or {})}, capture_output=True, text=True,
        timeout=600)


# --- serving ------------------------------------------------------------------------------------


class SiteHandler(SimpleHTTPRequestHandler):
    """Serves a built site under the path of its site_url, as a host would: unknown pages get
    the site's 404.html with status 404, and requests are not logged."""

    prefix = "/"

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):  # outside the site's path: nothing, as on a host
            return str(Path(self.directory) / ".outside-the-site-path")
        return super().translate_path("/" + path[len(self.prefix):])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None
                   ) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def serve(folder: Path, prefix: str = "/") -> tuple[ThreadingHTTPServer, str]:
    """Serve `folder` at `prefix` on a free port of 127.0.0.1 (in a thread); return the server
    (stop it with `shutdown()`) and the site's URL."""
    handler = functools.partial(type("Handler", (SiteHandler,), {"prefix": prefix}),
                                directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{prefix}"


# --- the browser --------------------------------------------------------------------------------


def launch_chromium(playwright):
    """Debian's Chromium through Playwright, with a fresh temporary profile."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


# --- waiting ------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    """The page at `url`, or None if it cannot be had (yet)."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_until(condition: Callable[[], bool], seconds: float) -> bool:
    """Poll `condition` until it holds or `seconds` pass; say which."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False


def page_paths(docs: Path) -> list[str]:
    """The address of every page docs/ makes (navigation files and snippets make none)."""
    from rapport.collection import SNIPPETS_FOLDER

    paths = []
    for source in sorted(docs.rglob("*.md")):
        relative = source.relative_to(docs)
        if relative.name != "SUMMARY.md" and relative.parts[0] != SNIPPETS_FOLDER:
            folder = relative.parent if relative.stem == "index" else relative.with_suffix("")
            paths.append("" if folder == Path(".") else folder.as_posix() + "/")
    return paths
