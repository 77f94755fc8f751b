"""Hypothesis settings profiles: deterministic in CI, random locally, wide on demand.

    ci       CI is set (.ci/run, GitHub Actions): derandomized, no example database, so a run
             draws the same examples on every machine and a landing is never blocked by a
             new random draw.
    default  a maintainer's run: random draws, failures remembered in .hypothesis/.
    fuzz     `make fuzz`: ten times the examples and a random seed, to look for new cases;
             each one found is kept as an `@example` on its test.
    mutate   `make mutate`: a few derandomized examples, since every surviving mutant runs
             every test that reaches it.

HYPOTHESIS_PROFILE names a profile outright. Test modules size their examples with
`examples(scale)`, a multiple of the profile's count, so one setting governs every test.
"""

from __future__ import annotations

import os

from hypothesis import settings

BASE_EXAMPLES = 100

settings.register_profile("default", max_examples=BASE_EXAMPLES, deadline=None)
settings.register_profile("ci", max_examples=BASE_EXAMPLES, deadline=None, derandomize=True,
                          database=None, print_blob=True)
settings.register_profile("fuzz", max_examples=BASE_EXAMPLES * 10, deadline=None,
                          print_blob=True)
settings.register_profile("mutate", max_examples=10, deadline=None, derandomize=True,
                          database=None)


def profile_name(environ: dict[str, str] | os._Environ[str] = os.environ) -> str:
    """The profile this run uses: HYPOTHESIS_PROFILE if set, else ci under CI, else default."""
    if environ.get("HYPOTHESIS_PROFILE"):
        return environ["HYPOTHESIS_PROFILE"]
    in_ci = environ.get("CI", "").lower() in ("1", "true", "yes")
    return "ci" if in_ci else "default"


settings.load_profile(profile_name())


def examples(scale: float = 1) -> int:
    """How many examples a property test tries: `scale` times the profile's count (at least
    two), so a cheap test can try many more and one that builds a site far fewer."""
    return max(2, round(settings.default.max_examples * scale))
