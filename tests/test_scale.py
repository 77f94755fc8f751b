"""The generator scales linearly: the work it does (Python function calls, counted, so the
same on every machine) and its memory grow with the number of sections and of articles, not
with their square. No test here reads a clock: `make bench` prints the seconds."""

from __future__ import annotations

from measure import (
    call_count,
    generate,
    growth_exponent,
    peak_memory,
    synthetic_article,
    synthetic_collection,
)

SIZES = [100, 400, 1600]
ARTICLES = [2, 8, 32]


def test_generator_work_and_memory_grow_linearly_with_sections():
    articles = [{"article": synthetic_article(size)} for size in SIZES]
    calls = [call_count(lambda texts=texts: generate(texts)) for texts in articles]
    memories = [peak_memory(lambda texts=texts: generate(texts)) for texts in articles]
    assert growth_exponent(SIZES, calls) < 1.1, calls      # quadratic would be near 2
    assert growth_exponent(SIZES, memories) < 1.2, memories


def test_generator_work_and_memory_grow_linearly_with_articles():
    collections = [synthetic_collection(count) for count in ARTICLES]
    calls = [call_count(lambda texts=texts: generate(texts)) for texts in collections]
    memories = [peak_memory(lambda texts=texts: generate(texts)) for texts in collections]
    assert growth_exponent(ARTICLES, calls) < 1.1, calls
    assert growth_exponent(ARTICLES, memories) < 1.2, memories


def test_growth_exponent_tells_linear_from_quadratic():
    assert round(growth_exponent([1, 10, 100], [3, 30, 300]), 2) == 1
    assert round(growth_exponent([1, 10, 100], [3, 300, 30000]), 2) == 2


def test_call_count_is_the_same_on_every_run_and_grows_with_the_work():
    small, large = {"a": synthetic_article(10)}, {"a": synthetic_article(80)}
    assert call_count(lambda: generate(small)) == call_count(lambda: generate(small))
    assert call_count(lambda: generate(large)) > 3 * call_count(lambda: generate(small))
