"""Measure what readers download and what maintainers wait for: the code behind `make bench`
(which prints the figures) and the budget tests (which hold the figures that do not depend on
the machine's speed: bytes, requests, other hosts, layout shift, growth in calls and memory)."""

from __future__ import annotations

import cProfile
import gzip
import math
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from local_site import PHONE, ROOT
from rapport.article import parse_article
from rapport.collection import Collection, Entry, in_order
from rapport.errors import Report
from rapport.plan import plan_site
from rapport.sources import read_settings
from rapport.sources import read_icons

CONTENT = ROOT / "content"
CONFIG = ROOT / "mkdocs.yml"
SETTINGS = read_settings(CONFIG)
COLLECTION_SECTIONS = 8    # sections of each synthetic article in a collection


# --- the generator ------------------------------------------------------------------------------


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
    report = Report()
    plan = plan_site(collection, SETTINGS, read_icons(collection, report), CONFIG, "mkdocs.yml",
                     report)
    report.raise_if_any()
    return len(plan.files)


def synthetic_collection(count: int) -> dict[str, str]:
    """`count` articles of COLLECTION_SECTIONS sections each, by file name."""
    return {f"synthetic-{number:03d}": synthetic_article(COLLECTION_SECTIONS,
                                                        f"Synthetic article {number}")
            for number in range(count)}


def timed(action: Callable[[], object], repeats: int) -> float:
    """Median wall-clock seconds of `repeats` runs."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def call_count(action: Callable[[], object]) -> int:
    """How many Python functions `action` calls, after one run to fill every cache: a measure
    of work that, unlike seconds, is the same on every machine and every run."""
    action()
    profiler = cProfile.Profile()
    profiler.enable()
    try:
        action()
    finally:
        profiler.disable()
    return sum(entry.callcount for entry in profiler.getstats())


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



# --- what a reader downloads ---------------------------------------------------------------------


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
    context = browser.new_context(viewport=PHONE)
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
