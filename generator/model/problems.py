"""Problems are values: a position in a file and a message saying what is wrong and what to write."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

__all__ = ["Position", "Problem", "format_problems"]


class Position(NamedTuple):
    """A place in a file: path relative to the project root, 1-based line and column.
    (A named tuple: made for every YAML node, so it must be cheap to create.)"""

    path: str
    line: int = 1
    col: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, reported at its position."""

    position: Position
    message: str

    def __str__(self) -> str:
        return f"{self.position}: {self.message}"


def format_problems(problems) -> str:
    """All problems, sorted by file, line and column, one per line, duplicates dropped."""
    return "\n".join(str(p) for p in sorted(set(problems)))
