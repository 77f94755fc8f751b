"""YAML read with the line of every value, so a problem can name the line to fix.

Dates stay text (`2025-10-25`, not a date object): the article's own checks then say what is
wrong with `2024-02-30` or `2024-01-01T10:00`, with the line, instead of PyYAML failing on it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import yaml

# PyYAML's safe loader, in C (libyaml) when the wheel has it: ten times faster, and reading
# is the same either way. (Writing is not: see `dump`.)
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
DUMP_OPTIONS: dict[str, Any] = {"allow_unicode": True, "sort_keys": False, "width": 10_000}
TIMESTAMP = "tag:yaml.org,2002:timestamp"


class YamlLoader(_FAST_LOADER):  # type: ignore[misc, valid-type]
    """The safe loader without YAML's implicit dates."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != TIMESTAMP]
        for first, resolvers in _FAST_LOADER.yaml_implicit_resolvers.items()}


class YamlProblem(ValueError):
    """Malformed YAML: the 1-based line (within the YAML text) and what is wrong."""

    def __init__(self, line: int, problem: str) -> None:
        super().__init__(problem)
        self.line = line
        self.problem = problem


def load(text: str) -> tuple[Any, yaml.Node | None]:
    """The data and its node tree (which knows where each value starts)."""
    try:
        root = yaml.compose(text, Loader=YamlLoader)
        return yaml.load(text, Loader=YamlLoader), root
    except yaml.reader.ReaderError as error:  # a character YAML does not allow
        code = error.character if isinstance(error.character, int) else ord(error.character)
        raise YamlProblem(text.count("\n", 0, error.position) + 1,
                          f"{error.reason}: U+{code:04X}") from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        raise YamlProblem(mark.line + 1 if mark is not None else 1,
                          error.problem or "invalid YAML") from None


def is_text(value: Any) -> bool:
    """A string with something in it besides white space (what a required text key needs)."""
    return isinstance(value, str) and bool(value.strip())


def line_of(node: yaml.Node | None, path: Sequence[str | int], default: int = 1) -> int:
    """The 1-based line where the value at `path` (mapping keys and list indexes) starts: the
    line of its key, or the deepest line found if the path stops early."""
    line = default
    for step in path:
        if isinstance(node, yaml.MappingNode):
            found = next(((key, value) for key, value in node.value
                          if key.value == step), None)
            if found is None:
                return line
            line = found[0].start_mark.line + 1
            node = found[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) \
                and step < len(node.value):
            node = node.value[step]
            line = node.start_mark.line + 1
        else:
            return line
    return line


def text_line_of(node: yaml.Node | None, path: Sequence[str | int]) -> int:
    """The 1-based line where the text at `path` begins: below its key for a block (`|`, `>`)."""
    root = node
    for step in path:
        if not isinstance(node, yaml.MappingNode):
            return line_of(root, path)
        node = next((value for key, value in node.value if key.value == step),
                    None)
    if not isinstance(node, yaml.ScalarNode):
        return 1
    return node.start_mark.line + 1 + (1 if node.style in ("|", ">") else 0)


def dump(data: dict[str, Any]) -> str:
    """Front matter as generated pages carry it: keys in the given order, one line each.
    Always pure-Python PyYAML, so a page's bytes never depend on whether the machine has
    libyaml (which escapes an emoji, and counts the 128 that make a key `? key` in bytes
    where pure Python counts characters)."""
    return yaml.dump(data, Dumper=yaml.SafeDumper, **DUMP_OPTIONS)


def dump_values(rows: Sequence[Sequence[str | int]]) -> list[list[str] | None]:
    """Each row's values as `dump` writes each after its key (`key: <this>`), in one run of
    PyYAML for all rows (keys cost as much as values to dump, and each document as much as a
    short value): every distinct value once, as an item of one sequence, which PyYAML writes
    as it writes a mapping's value (the same block context, so the same style and bytes);
    tests/test_pages.py holds this against `dump`. None for a row with a value that spans
    lines, which only a dump of its own mapping writes right."""
    # Keyed by type too: `1 == True`, but PyYAML writes them differently.
    distinct = list(dict.fromkeys((type(value), value) for row in rows for value in row))
    if not distinct:
        return [[] for _ in rows]
    text = yaml.dump([value for _, value in distinct], Dumper=yaml.SafeDumper, **DUMP_OPTIONS)
    # Each item starts a line with `- `; a value's further lines are indented, or empty.
    items = text.removeprefix("- ").removesuffix("\n").split("\n- ")
    if len(items) != len(distinct):
        return [None for _ in rows]
    written = {key: item for key, item in zip(distinct, items) if "\n" not in item}
    return [[written[type(value), value] for value in row]
            if all((type(value), value) in written for value in row) else None
            for row in rows]
