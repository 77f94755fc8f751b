"""The generator scales linearly: its time and memory grow with the number of sections, not
with its square (a machine-independent ratio; `make bench` prints the seconds)."""

from __future__ import annotations

from measure import (
    generate,
    growth_exponent,
    peak_memory,
    synthetic_article,
    synthetic_collection,
    timed,
)

SIZES = [200, 800, 3200]
ARTICLES = [2, 8, 32]


def test_generator_time_and_memory_grow_linearly_with_sections():
    articles = [{"article": synthetic_article(size)} for size in SIZES]
    times = [timed(lambda texts=texts: generate(texts), 3) for texts in articles]
    memories = [peak_memory(lambda texts=texts: generate(texts)) for texts in articles]
    assert growth_exponent(SIZES, times) < 1.4, times      # quadratic would be near 2
    assert growth_exponent(SIZES, memories) < 1.2, memories


def test_generator_time_and_memory_grow_linearly_with_articles():
    collections = [synthetic_collection(count) for count in ARTICLES]
    times = [timed(lambda texts=texts: generate(texts), 3) for texts in collections]
    memories = [peak_memory(lambda texts=texts: generate(texts)) for texts in collections]
    assert growth_exponent(ARTICLES, times) < 1.4, times
    assert growth_exponent(ARTICLES, memories) < 1.2, memories


def test_growth_exponent_tells_linear_from_quadratic():
    assert round(growth_exponent([1, 10, 100], [3, 30, 300]), 2) == 1
    assert round(growth_exponent([1, 10, 100], [3, 300, 30000]), 2) == 2
