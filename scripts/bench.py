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
import cProfile
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from local_site import (
    ROOT,
    build_site,
    copy_project,
    fetch,
    free_port,
    launch_chromium,
    page_paths,
    quiet_env,
    serve,
    site_url_path,
    wait_until,
)
from measure import (
    COLLECTION_SECTIONS,
    SETTINGS,
    generate,
    growth_exponent,
    measure_pages,
    peak_memory,
    render_ratio,
    synthetic_article,
    synthetic_collection,
    timed,
)
from rapport.sources import read_settings
from rapport.pipeline import build
from rapport.sources import Sources

CONTENT = ROOT / "content"
SIZES = (10, 100, 1_000, 10_000)
COLLECTION_SIZES = (1, 10, 100)     # articles of COLLECTION_SECTIONS sections each
# Runs at 10,000 sections, of the generator and of one render: the budget is read from their
# median, and one run on a busy machine can be a tenth slower.
LARGE_RUNS = 3
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
        project = copy_project(Path(folder) / "project")
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
        seconds = timed(lambda: generate(article), LARGE_RUNS if size >= 10_000 else repeats)
        memory = peak_memory(lambda: generate(article))
        with tempfile.TemporaryDirectory() as folder:
            project = copy_project(Path(folder) / "project")
            (project / "content" / "synthetic.md").write_text(article["article"], "utf-8")
            to_disk = timed(lambda: build(sources_of(project)), 1)
        times.append(seconds)
        memories.append(memory)
        print(f"| {size:,} | {seconds * 1000:,.1f} ms | {seconds / size * 1e6:,.1f} µs | "
              f"{memory / 1e6:,.1f} MB | {to_disk * 1000:,.0f} ms |")
    print(f"\ngrowth exponent (1 = linear, 2 = quadratic): "
          f"time {growth_exponent(list(SIZES), times):.2f}, "
          f"memory {growth_exponent(list(SIZES), memories):.2f}")
    ten_thousand = times[SIZES.index(10_000)]
    text = synthetic_article(10_000)
    render = timed(lambda: SETTINGS.markdown.markdown().convert(text), LARGE_RUNS)
    over = "" if ten_thousand <= 3 else ": over"
    print(f"the 10,000-section article, parse + plan: {ten_thousand:.2f} s (median of "
          f"{LARGE_RUNS}; budget: 3 s{over}); one Python-Markdown render of the same text, "
          f"without the glossary's tooltips, takes {render:.2f} s here: "
          f"{ten_thousand / render:.2f}×")
    ours, theirs, bare = render_ratio(1_000, repeats)
    print(f"1,000 sections: the generator {ours * 1000:,.0f} ms, one Python-Markdown render of "
          f"the same text with the site's extensions {theirs * 1000:,.0f} ms: "
          f"{ours / theirs:.2f}× (budget: 1.5×); against a render without the glossary's "
          f"tooltips ({bare * 1000:,.0f} ms): {ours / bare:.2f}×")
    article = {"article": synthetic_article(1_000)}
    share = time_share(lambda: generate(article), yaml.dump_all)  # every dump runs it
    print(f"front matter, written one way by pure-Python PyYAML: {share:.0%} of the generator's "
          "time at 1,000 sections\n")


def time_share(action, function) -> float:
    """The share of `action`'s time spent inside `function` (profiled, so only a ratio)."""
    profiler = cProfile.Profile()
    profiler.runcall(action)
    stats = pstats.Stats(profiler)
    total = stats.total_tt
    inside = next((cumulative for (path, _, name), (_, _, _, cumulative, _)
                   in stats.stats.items()  # type: ignore[attr-defined]
                   if name == function.__name__ and path == function.__code__.co_filename),
                  0.0)
    return inside / total if total else 0.0


def synthetic_project(folder: Path, count: int) -> Path:
    """A copy of the site with `count` synthetic articles beside its own two (which the
    hand-written pages link to), docs/ generated."""
    project = copy_project(folder)
    for name, text in synthetic_collection(count).items():
        (project / "content" / f"{name}.md").write_text(text, encoding="utf-8")
    build(sources_of(project))
    return project


def bench_collection(pairs: int) -> None:
    """Generator and full build for 1, 10 and 100 articles of eight sections."""
    print(f"## A collection of articles ({COLLECTION_SECTIONS} sections each; the builds also "
          "have the site's own two)")
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


def timed_build(project: Path, site: Path, config: str = "mkdocs.yml",
                env: dict[str, str] | None = None) -> float:
    """Seconds for one `mkdocs build` (wall clock); a failed build stops the benchmark."""
    start = time.perf_counter()
    result = build_site(project, site, strict=False, config=config, env=env)
    seconds = time.perf_counter() - start
    if result.returncode:
        raise SystemExit(result.stderr)
    return seconds


def interleaved_builds(project: Path, work: Path, pairs: int,
                       env: dict[str, str] | None = None) -> tuple[float, float]:
    """Median seconds of this site's build and of a plain Material build of the same pages,
    run in turn so that both see the same machine."""
    (work / "plain.yml").write_text(PLAIN_CONFIG.format(docs=project / "docs"), "utf-8")
    timed_build(project, work / "site-ours", env=env)  # fills the template cache
    ours, theirs = [], []
    for _ in range(pairs):
        ours.append(timed_build(project, work / "site-ours", env=env))
        theirs.append(timed_build(work, work / "site-plain", "plain.yml"))
    return statistics.median(ours), statistics.median(theirs)


def bench_build(pairs: int) -> None:
    """This site against a plain Material build of the same pages, interleaved: with its
    template cache (every build after the first) and without (a first build; what the site's
    own additions cost, like for like)."""
    cold_env = {"RAPPORT_TEMPLATE_CACHE": "off"}
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        project = copy_project(work / "rapport")
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


def bench_weight() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        project = copy_project(Path(folder) / "project")
        site = Path(folder) / "site"
        timed_build(project, site)
        prefix = site_url_path(project)
        server, url = serve(site, prefix)
        try:
            with sync_playwright() as playwright:
                browser = launch_chromium(playwright)
                weights = measure_pages(browser, site, prefix, page_paths(project / "docs"),
                                        url)
                browser.close()
        finally:
            server.shutdown()
    print("## What a reader downloads (gzip -9 of every file fetched until the network is idle)")
    print("| page | first view | requests | later view | other hosts | layout shift |")
    print("|---|---:|---:|---:|---:|---:|")
    for weight in weights:
        print(f"| {weight.path} | {weight.first_bytes / 1024:.1f} KB | {weight.first_requests} | "
              f"{weight.repeat_bytes / 1024:.1f} KB | {len(weight.third_party)} | "
              f"{weight.layout_shift:.3f} |")
    print()


# --- serve --------------------------------------------------------------------------------------


def bench_serve(repeats: int) -> None:
    """Seconds from saving content/article.md to `mkdocs serve` serving the new page."""
    with tempfile.TemporaryDirectory() as folder:
        project = copy_project(Path(folder))
        port = free_port()
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a",
                                   f"127.0.0.1:{port}"], cwd=project, env=quiet_env(),
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        page = (f"http://127.0.0.1:{port}{site_url_path(project)}"
                "article/closing-thoughts/")
        article = project / "content" / "article.md"

        def waited(condition, seconds: float) -> None:
            if not wait_until(condition, seconds):
                raise SystemExit(f"mkdocs serve did not serve {page} in {seconds} s")

        try:
            waited(lambda: "raw truth" in (fetch(page) or ""), 60)
            times = []
            for number in range(repeats):
                marker = f"raw truth {number}"
                text = article.read_text(encoding="utf-8")
                article.write_text(text.replace("raw truth", marker, 1), encoding="utf-8")
                start = time.perf_counter()
                waited(lambda: marker in (fetch(page) or ""), 30)
                times.append(time.perf_counter() - start)
                article.write_text(text, encoding="utf-8")
                waited(lambda: f"{marker}." not in (fetch(page) or "x"), 30)
                time.sleep(1)
        finally:
            server.terminate()
            server.wait(timeout=20)
    print("## mkdocs serve: saving the article to the new page being served")
    print(f"{statistics.median(times):.2f} s (median of {repeats})\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    parser.add_argument("--generator", action="store_true",
                        help="only the generator's figures (no site builds, no browser)")
    args = parser.parse_args()
    repeats = 3 if args.quick else 7
    bench_generator(repeats)
    if args.generator:
        return 0
    bench_build(5 if args.quick else 11)
    bench_collection(3 if args.quick else 11)
    bench_weight()
    bench_serve(3 if args.quick else 5)
    return 0


if __name__ == "__main__":
    sys.exit(main())
