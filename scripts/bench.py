#!/usr/bin/env python3
"""Measure what readers download and what maintainers wait for, and print the figures.

    make bench                    # everything (about two minutes)
    python scripts/bench.py --quick   # fewer repeats, for a look

A benchmark, not a test: it prints numbers and fails only if something breaks. The tests
(tests/browser/test_performance.py) hold the machine-independent budgets: bytes, requests,
third-party hosts, layout shift and linear growth.
"""

from __future__ import annotations

import argparse
import gzip
import math
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from rapport.article import parse_article
from rapport.collection import SNIPPETS_FOLDER, Collection, Entry, in_order
from rapport.pages import plan_site
from rapport.settings import read_settings
from rapport.writer import Sources, build, read_icons

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
CONFIG = ROOT / "mkdocs.yml"
SETTINGS = read_settings(CONFIG)
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
SIZES = (10, 100, 1_000, 10_000)
COLLECTION_SIZES = (1, 10, 100)     # articles of COLLECTION_SECTIONS sections each
COLLECTION_SECTIONS = 8
SITE_PARTS = ("mkdocs.yml", "content", "docs", "overrides", "scripts")
PLAIN_CONFIG = """\
site_name: Plain Material
docs_dir: {docs}
theme:
  name: material
markdown_extensions:
  - toc
  - abbr
  - admonition
  - attr_list
  - def_list
  - footnotes
  - md_in_html
  - pymdownx.snippets:
      base_path: [{docs}/snippets]
      auto_append: [tooltips.md]
      check_paths: true
"""


# --- generator ----------------------------------------------------------------------------------


def synthetic_article(sections: int, title: str = "Synthetic") -> str:
    """An article of `sections` sections, each with two paragraphs of about 60 words."""
    sentence = ("Clients who feel heard are more likely to return, to speak openly and to "
                "work on what matters to them between sessions. ")
    paragraph = sentence * 3
    body = "".join(f"## Section {number} on listening\n\n{paragraph}\n\n{paragraph}\n\n"
                   for number in range(sections))
    return (f"---\ntitle: {title}\ndescription: A generated article.\nauthor: Bench\n"
            "source:\n  publication: Bench\n  published: 2024-01-01\nreviewed: 2024-01-01\n"
            f"edits: []\n---\n\n# {title}\n\nThe lead paragraph.\n\n" + body)


def generate(texts: dict[str, str]) -> int:
    """Parse and plan a collection ({name: article text}) in memory: the generator's own
    work, without the disk."""
    entries = [Entry(name, f"content/{name}.md", CONTENT / f"{name}.md",
                     parse_article(text, CONTENT / f"{name}.md", SETTINGS.allowed_contacts))
               for name, text in texts.items()]
    collection = Collection(in_order(entries), None, CONTENT, "content/", "")
    return len(plan_site(collection, SETTINGS, read_icons(collection), CONFIG, "mkdocs.yml")
               .files)


def timed(action: Callable[[], object], repeats: int) -> float:
    """Median wall-clock seconds of `repeats` runs."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_memory(action: Callable[[], object]) -> int:
    """Peak bytes Python allocated while `action` ran."""
    tracemalloc.start()
    action()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def growth_exponent(sizes: list[int], values: list[float]) -> float:
    """Least-squares slope of log(value) on log(size): 1 is linear, 2 is quadratic."""
    xs, ys = [math.log(s) for s in sizes], [math.log(v) for v in values]
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    return (sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys))
            / sum((x - mean_x) ** 2 for x in xs))


def sources_of(project: Path) -> Sources:
    return Sources(project / "content", project / "docs", project / "mkdocs.yml",
                   read_settings(project / "mkdocs.yml"))


def bench_generator(repeats: int) -> None:
    texts = {path.stem: path.read_text(encoding="utf-8") for path in CONTENT.glob("*.md")}
    print("## Generator")
    in_process = timed(lambda: generate(texts), repeats * 20)
    print(f"this site's {len(texts)} articles, parse + plan in process: "
          f"{in_process * 1000:.1f} ms (median)")
    with tempfile.TemporaryDirectory() as folder:
        project = copy_site_sources(Path(folder) / "project")
        generated = [path for path in (project / "docs").rglob("*.md")
                     if "generated from" in path.read_text(encoding="utf-8")[:200]]
        for path in generated:
            path.unlink()
        first = timed(lambda: build(sources_of(project)), 1)
        again = timed(lambda: build(sources_of(project)), repeats * 5)
    print(f"this site, everything to disk (read, check, write {len(generated)} files): "
          f"{first * 1000:.1f} ms; again, nothing to write: {again * 1000:.1f} ms")
    print()
    print("| sections | parse + plan | per section | peak memory | build to disk |")
    print("|---:|---:|---:|---:|---:|")
    times, memories = [], []
    for size in SIZES:
        article = {"article": synthetic_article(size)}
        seconds = timed(lambda: generate(article), 1 if size >= 10_000 else repeats)
        memory = peak_memory(lambda: generate(article))
        with tempfile.TemporaryDirectory() as folder:
            project = copy_site_sources(Path(folder) / "project")
            (project / "content" / "article.md").write_text(article["article"], "utf-8")
            (project / "content" / "when-it-isnt-working.md").unlink()
            to_disk = timed(lambda: build(sources_of(project)), 1)
        times.append(seconds)
        memories.append(memory)
        print(f"| {size:,} | {seconds * 1000:,.1f} ms | {seconds / size * 1e6:,.1f} µs | "
              f"{memory / 1e6:,.1f} MB | {to_disk * 1000:,.0f} ms |")
    print(f"\ngrowth exponent (1 = linear, 2 = quadratic): "
          f"time {growth_exponent(list(SIZES), times):.2f}, "
          f"memory {growth_exponent(list(SIZES), memories):.2f}\n")


def synthetic_collection(count: int) -> dict[str, str]:
    """`count` articles of COLLECTION_SECTIONS sections each, by file name."""
    return {f"synthetic-{number:03d}": synthetic_article(COLLECTION_SECTIONS,
                                                        f"Synthetic article {number}")
            for number in range(count)}


def synthetic_project(folder: Path, count: int) -> Path:
    """A copy of the site whose articles are `count` synthetic ones (the seed stays: the
    hand-written pages link to it), with docs/ generated."""
    project = copy_site_sources(folder)
    (project / "content" / "when-it-isnt-working.md").unlink()
    for name, text in synthetic_collection(count - 1).items():
        (project / "content" / f"{name}.md").write_text(text, encoding="utf-8")
    build(sources_of(project))
    return project


def bench_collection(pairs: int) -> None:
    """Generator and full build for 1, 10 and 100 articles of eight sections."""
    print(f"## A collection of articles ({COLLECTION_SECTIONS} sections each)")
    print("| articles | parse + plan | peak memory | this site's build | plain Material | "
          "ratio |")
    print("|---:|---:|---:|---:|---:|---:|")
    times, memories = [], []
    for count in COLLECTION_SIZES:
        texts = synthetic_collection(count)
        seconds = timed(lambda: generate(texts), 3)
        memory = peak_memory(lambda: generate(texts))
        times.append(seconds)
        memories.append(memory)
        with tempfile.TemporaryDirectory() as folder:
            project = synthetic_project(Path(folder) / "project", count)
            ours, theirs = interleaved_builds(project, Path(folder), pairs)
        print(f"| {count} | {seconds * 1000:,.1f} ms | {memory / 1e6:,.1f} MB | {ours:.2f} s | "
              f"{theirs:.2f} s | {ours / theirs:.2f} |")
    print(f"\ngrowth exponent of the generator: time "
          f"{growth_exponent(list(COLLECTION_SIZES), times):.2f}, memory "
          f"{growth_exponent(list(COLLECTION_SIZES), memories):.2f}\n")


# --- full build ---------------------------------------------------------------------------------


def copy_site_sources(target: Path) -> Path:
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


def mkdocs_build(config: Path, site: Path, env: dict[str, str] = ENV) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d",
                    str(site)], cwd=config.parent, env=env, check=True)
    return time.perf_counter() - start


def interleaved_builds(project: Path, work: Path, pairs: int,
                       env: dict[str, str] = ENV) -> tuple[float, float]:
    """Median seconds of this site's build and of a plain Material build of the same pages,
    run in turn so that both see the same machine."""
    plain = work / "plain.yml"
    plain.write_text(PLAIN_CONFIG.format(docs=project / "docs"), encoding="utf-8")
    mkdocs_build(project / "mkdocs.yml", work / "site-ours", env)  # fills the template cache
    ours, theirs = [], []
    for _ in range(pairs):
        ours.append(mkdocs_build(project / "mkdocs.yml", work / "site-ours", env))
        theirs.append(mkdocs_build(plain, work / "site-plain"))
    return statistics.median(ours), statistics.median(theirs)


def bench_build(pairs: int) -> None:
    """This site against a plain Material build of the same pages, interleaved: with its
    template cache (every build after the first) and without (a first build; what the site's
    own additions cost, like for like)."""
    cold_env = {**ENV, "RAPPORT_TEMPLATE_CACHE": "off"}
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        project = copy_site_sources(work / "rapport")
        ours_s, theirs_s = interleaved_builds(project, work, pairs)
        cold_s, _ = interleaved_builds(project, work, pairs, cold_env)
    print("## Full site build (mkdocs build, wall clock, interleaved, median of "
          f"{pairs} rounds)")
    print(f"plain Material, same pages: {theirs_s:.2f} s")
    print(f"this site, template cache off (a first build): {cold_s:.2f} s; "
          f"ratio {cold_s / theirs_s:.2f}")
    print(f"this site, template cache on (every later build): {ours_s:.2f} s; "
          f"ratio {ours_s / theirs_s:.2f}\n")


# --- what a reader downloads --------------------------------------------------------------------


@dataclass(frozen=True)
class PageWeight:
    """What one page costs a reader: first view (empty cache) and a later view (assets cached)."""

    path: str
    first_bytes: int
    first_requests: int
    repeat_bytes: int
    third_party: tuple[str, ...]
    layout_shift: float


def gzipped_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9))


def local_file(site: Path, base_path: str, url: str) -> Path:
    """The built file a local URL serves."""
    path = unquote(urlsplit(url).path).removeprefix(base_path)
    target = site / path
    return target / "index.html" if target.is_dir() else target


def measure_pages(browser, site: Path, base_path: str, paths: list[str], url: str
                  ) -> list[PageWeight]:
    """Open each page in Chromium twice: in a fresh context (first view), then after another
    page (later view: only what was not fetched before counts). Gzip -9 sizes of the files."""
    host = urlsplit(url).netloc
    results = []
    for path in paths:
        first, third_party, shift = visit(browser, url, [path], host)
        later, _, _ = visit(browser, url, ["glossary/" if path == "" else "", path], host)
        results.append(PageWeight(
            path=path or "/",
            first_bytes=sum(gzipped_size(local_file(site, base_path, u)) for u in first),
            first_requests=len(first) + len(third_party),
            repeat_bytes=sum(gzipped_size(local_file(site, base_path, u)) for u in later),
            third_party=tuple(third_party), layout_shift=shift))
    return results


# Sum the page's layout shifts (those not caused by input), and note what moved in each.
RECORD_LAYOUT_SHIFTS = """
window.__cls = 0;
window.__shifts = [];
new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
        if (entry.hadRecentInput) continue;
        window.__cls += entry.value;
        window.__shifts.push({value: entry.value, at: Math.round(entry.startTime),
            moved: (entry.sources || []).map(source => source.node
                ? `${source.node.nodeName}.${source.node.className || ""}: ` +
                  `${JSON.stringify(source.previousRect)} -> ${JSON.stringify(source.currentRect)}`
                : "?")});
    }
}).observe({type: "layout-shift", buffered: true});
"""


def visit(browser, url: str, paths: list[str], host: str) -> tuple[list[str], list[str], float]:
    """Visit `paths` in order in one fresh context; return what the last visit newly fetched
    from the site, what it tried to fetch elsewhere (aborted), and its layout shift."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    fetched: list[str] = []
    outside: list[str] = []
    seen: set[str] = set()

    def route(route):
        request_url = route.request.url
        if urlsplit(request_url).scheme in ("data", "blob"):
            route.continue_()
        elif urlsplit(request_url).netloc != host:
            outside.append(request_url)
            route.abort()
        else:
            if request_url.split("#")[0] not in seen:
                fetched.append(request_url.split("#")[0])
            route.continue_()

    context.route("**/*", route)
    page = context.new_page()
    page.add_init_script(RECORD_LAYOUT_SHIFTS)
    for index, path in enumerate(paths):
        if index == len(paths) - 1:
            seen.update(fetched)
            fetched.clear()
            outside.clear()
        page.goto(url + path, wait_until="networkidle")
    shift = page.evaluate("window.__cls")
    if shift:  # name what moved, and when, so that a rare shift can be tracked down
        print(f"layout shift on {url + paths[-1]}:", page.evaluate("window.__shifts"),
              file=sys.stderr)
    context.close()
    return fetched, outside, shift


def page_paths(docs: Path) -> list[str]:
    """The address of every page docs/ makes (navigation files and snippets make none)."""
    paths = []
    for source in sorted(docs.rglob("*.md")):
        relative = source.relative_to(docs)
        if relative.name != "SUMMARY.md" and relative.parts[0] != SNIPPETS_FOLDER:
            folder = relative.parent if relative.stem == "index" else relative.with_suffix("")
            paths.append("" if folder == Path(".") else folder.as_posix() + "/")
    return paths


def serve(site: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind",
                               "127.0.0.1", "--directory", str(site)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    wait_until(lambda: fetch(url) is not None, 10)
    return server, url


def bench_weight() -> None:
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        mkdocs_build(ROOT / "mkdocs.yml", site)
        from playwright.sync_api import sync_playwright

        server, url = serve(site)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM,
                                                     args=CHROMIUM_ARGS)
                weights = measure_pages(browser, site, "/", page_paths(ROOT / "docs"), url)
                browser.close()
        finally:
            server.terminate()
    print("## What a reader downloads (gzip -9 of every file fetched until the network is idle)")
    print("| page | first view | requests | later view | other hosts | layout shift |")
    print("|---|---:|---:|---:|---:|---:|")
    for weight in weights:
        print(f"| {weight.path} | {weight.first_bytes / 1024:.1f} KB | {weight.first_requests} | "
              f"{weight.repeat_bytes / 1024:.1f} KB | {len(weight.third_party)} | "
              f"{weight.layout_shift:.3f} |")
    print()


# --- serve --------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_until(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False


def bench_serve(repeats: int) -> None:
    """Seconds from saving content/article.md to `mkdocs serve` serving the new page."""
    with tempfile.TemporaryDirectory() as folder:
        project = copy_site_sources(Path(folder))
        port = free_port()
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a",
                                   f"127.0.0.1:{port}"], cwd=project, env=ENV,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        page = f"http://127.0.0.1:{port}/rapport/article/closing-thoughts/"
        article = project / "content" / "article.md"
        try:
            wait_until(lambda: "raw truth" in (fetch(page) or ""), 60)
            times = []
            for number in range(repeats):
                marker = f"raw truth {number}"
                text = article.read_text(encoding="utf-8")
                article.write_text(text.replace("raw truth", marker, 1), encoding="utf-8")
                start = time.perf_counter()
                wait_until(lambda: marker in (fetch(page) or ""), 30)
                times.append(time.perf_counter() - start)
                article.write_text(text, encoding="utf-8")
                wait_until(lambda: f"{marker}." not in (fetch(page) or "x"), 30)
                time.sleep(1)
        finally:
            server.terminate()
            server.wait(timeout=20)
    print("## mkdocs serve: saving the article to the new page being served")
    print(f"{statistics.median(times):.2f} s (median of {repeats})\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    args = parser.parse_args()
    repeats = 3 if args.quick else 7
    bench_generator(repeats)
    bench_build(5 if args.quick else 11)
    bench_collection(3 if args.quick else 11)
    bench_weight()
    bench_serve(3 if args.quick else 5)
    return 0


if __name__ == "__main__":
    sys.exit(main())
