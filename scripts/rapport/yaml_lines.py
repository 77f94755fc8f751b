"""YAML read with the line of every value, so a problem can name the line to fix."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import yaml

# PyYAML's safe loader, in C (libyaml) when the wheel has it: ten times faster, same results.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
YAML_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class YamlProblem(ValueError):
    """Malformed YAML: the 1-based line (within the YAML text) and what is wrong."""

    def __init__(self, line: int, problem: str) -> None:
        super().__init__(problem)
        self.line = line
        self.problem = problem


def load(text: str) -> tuple[Any, yaml.Node | None]:
    """The data and its node tree (which knows where each value starts)."""
    try:
        return yaml.load(text, Loader=YAML_LOADER), yaml.compose(text, Loader=YAML_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or "invalid YAML"
        raise YamlProblem(mark.line + 1 if mark is not None else 1, problem) from None


def line_of(node: yaml.Node | None, path: Sequence[str | int], default: int = 1) -> int:
    """The 1-based line where the value at `path` (mapping keys and list indexes) starts; the
    deepest line found if the path stops early."""
    line = default
    for step in path:
        if isinstance(node, yaml.MappingNode):
            found = next(((key, value) for key, value in node.value
                          if getattr(key, "value", None) == step), None)
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


def dump(data: dict[str, Any]) -> str:
    """Front matter as generated pages carry it: keys in the given order, one line each."""
    return yaml.dump(data, Dumper=YAML_DUMPER, allow_unicode=True, sort_keys=False,
                     width=10_000)
