"""Checks of one open page: accessibility with axe-core, and what it did on the network."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

# WCAG 2.0–2.2 A and AA, and axe's best practices (landmark-unique and the like): no violation
# of any impact, moderate included.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
AXE = Axe()


def axe_violations(page, where: str) -> list[str]:
    """One line per failing element: page, rule, impact, selector and what to fix."""
    results = AXE.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS},
                                     "resultTypes": ["violations"]})
    return [f"{where}: {violation['id']} ({violation['impact']}) at "
            f"{' '.join(map(str, node['target']))}: {violation['help']}"
            f" ({node.get('failureSummary', '').strip().splitlines()[-1]})"
            for violation in results.response["violations"] for node in violation["nodes"]]


def visit_problems(visit, where: str) -> list[str]:
    """Requests that tried to leave the site, and console or page errors."""
    return ([f"{where}: request to another host: {url}" for url in visit.traffic.blocked]
            + [f"{where}: {error}" for error in visit.traffic.errors])
