"""Time named stages of a run, for `--verbose` and the benchmarks (never for tests)."""

from __future__ import annotations

import contextlib
import time

__all__ = ["StageTimer"]


class StageTimer:
    """Accumulates wall-clock seconds per stage name, in the order stages first ran."""

    def __init__(self, report=None):
        self.seconds: dict = {}
        self.report = report  # called with (stage, seconds) after each stage, e.g. to print it

    @contextlib.contextmanager
    def stage(self, name: str):
        start = time.perf_counter()
        try:
            yield
        finally:
            elapsed = time.perf_counter() - start
            self.seconds[name] = self.seconds.get(name, 0.0) + elapsed
            if self.report is not None:
                self.report(name, elapsed)
