"""Progress of long work on stderr: a bar that redraws on a terminal, a plain line per tenth in CI logs."""

from __future__ import annotations

import sys

__all__ = ["Progress", "NO_PROGRESS"]


class Progress:
    """Counts steps of one task; draws on a terminal, prints every 10% otherwise."""

    def __init__(self, label: str, total: int, stream=None, width: int = 30):
        self.label, self.total, self.done = label, max(total, 1), 0
        self.stream = stream or sys.stderr
        self.width = width
        self.terminal = hasattr(self.stream, "isatty") and self.stream.isatty()
        self._last_tenth = -1

    def advance(self, steps: int = 1) -> None:
        self.done = min(self.done + steps, self.total)
        if self.terminal:
            filled = self.width * self.done // self.total
            self.stream.write(f"\r{self.label:<10} [{'#' * filled}{'.' * (self.width - filled)}] {self.done}/{self.total}")
            if self.done == self.total:
                self.stream.write("\n")
            self.stream.flush()
            return
        tenth = 10 * self.done // self.total
        if tenth != self._last_tenth:
            self._last_tenth = tenth
            print(f"{self.label}: {self.done}/{self.total} ({10 * tenth}%)", file=self.stream, flush=True)


class _NoProgress:
    def __call__(self, label: str, total: int):
        return self

    def advance(self, steps: int = 1) -> None:
        pass


NO_PROGRESS = _NoProgress()
