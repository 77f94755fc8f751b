"""The whole pipeline, read -> parse -> plan -> sync -> check, as one `run` that the command
line and the MkDocs hook both call.

Every problem in every source, the plan and docs/ is reported at once, and every check runs
before the first write, so bad input leaves docs/ exactly as it was.
"""

from __future__ import annotations

from .checks import broken_links, hand_written_links
from .collection import Collection
from .errors import Report
from .layout import generated_source
from .plan import plan_site
from .sources import Labels, Sources, all_files, read_collection, read_docs, read_icons
from .sync import Diff, apply_diff, compare, describe


def run(sources: Sources, write: bool = True) -> tuple[Diff, Collection]:
    """The whole pipeline: read, parse, plan, compare with docs/ and check; then, if `write`,
    bring docs/ in line. The command line (`--check`: write nothing) and the MkDocs hook both
    call this. Raises `Problems` naming every problem, before any write."""
    diff, collection = diff_docs(sources)
    if write:
        apply_diff(sources.docs, diff)
    return diff, collection


def build(sources: Sources) -> Diff:
    """Regenerate docs/ from the content, touching only what changed."""
    return run(sources)[0]


def check(sources: Sources) -> list[str]:
    """Describe each file that differs, is missing or is stale; empty when docs/ is in sync."""
    diff = diff_docs(sources)[0]
    return describe(sources.docs, diff)


def diff_docs(sources: Sources) -> tuple[Diff, Collection]:
    """Read the content and docs/, plan, and compare: no writes. Every problem in every
    source, the plan and docs/ is reported at once: an article that fails does not stop the
    others being planned and their links checked (its pages, as they are, count as there)."""
    report = Report()
    labels = Labels(sources)
    if sources.only is not None and sources.docs.resolve() == labels.root / "docs":
        report.add(sources.only, None, "--source builds a site of this one article, to try it: "
                   "give it a docs folder of its own (--docs /tmp/preview); make pages builds "
                   "every article into docs/")
        report.raise_if_any()
    collection, failed = read_collection(sources, labels, report)
    plan = plan_site(collection, sources.settings, read_icons(collection, report),
                     sources.config, labels.config, report)
    existing = read_docs(sources.docs)
    diff = compare(plan, existing, labels, collection, report)
    kept = {path for path in diff.delete if generated_source(existing[path]) in failed}
    files = all_files(sources.docs) - (set(diff.delete) - kept)
    report.extend(broken_links(plan, existing, files))
    report.extend(hand_written_links(plan, existing, files, sources.docs))
    report.raise_if_any()
    return diff, collection
