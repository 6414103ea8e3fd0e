"""Diagrams laid out by Graphviz (its WebAssembly build, npm @viz-js/viz, run by node) at build time, so pages
carry inline SVG that needs no script. One node process lays out every diagram of a build; pages hand it their
DOT as they are made and collect the SVG when they are written, so the layout runs beside page generation."""

from __future__ import annotations

import json
import subprocess
import threading
from pathlib import Path

__all__ = ["GraphvizLayout", "LayoutError", "VIZ_MODULE", "missing_layout_engine"]

VIZ_MODULE = Path("node_modules") / "@viz-js" / "viz" / "dist" / "viz.js"
WORKER = Path(__file__).with_name("graphviz_worker.mjs")
ANSWER_SECONDS = 120  # a small graph takes milliseconds; this bounds a wait for a stuck worker


class LayoutError(Exception):
    """The layout engine could not be started, stopped, or refused a graph."""


def missing_layout_engine(root: Path) -> list:
    """What a build needs for its diagrams and does not have ([] when node and @viz-js/viz are there)."""
    return [] if (root / VIZ_MODULE).is_file() else ["@viz-js/viz"]


class GraphvizLayout:
    """A node process laying out DOT graphs: submit(dot) returns a key at once, svg(key) waits for the drawing."""

    def __init__(self, root: Path):
        try:
            self._child = subprocess.Popen(
                ["node", str(WORKER), str((root / VIZ_MODULE).resolve())],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                encoding="utf-8",
                bufsize=1,
            )
        except OSError as error:
            raise LayoutError(f"node could not be started ({error.strerror}); install Node.js") from None
        self._results: dict = {}
        self._done = threading.Condition()
        self._next = 0
        self._closed = False
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self._child.stdout:
            answer = json.loads(line)
            with self._done:
                self._results[answer["id"]] = answer
                self._done.notify_all()
        with self._done:
            self._closed = True
            self._done.notify_all()

    def submit(self, dot: str) -> int:
        """Queue a graph for layout; the key to ask for its SVG."""
        key = self._next
        self._next += 1
        try:
            self._child.stdin.write(json.dumps({"id": key, "dot": dot}) + "\n")
        except OSError:
            raise LayoutError(self._stopped()) from None
        return key

    def svg(self, key: int) -> str:
        """The SVG of a submitted graph (waits for it)."""
        with self._done:
            if not self._done.wait_for(lambda: key in self._results or self._closed, timeout=ANSWER_SECONDS):
                raise LayoutError(f"the layout engine gave no answer within {ANSWER_SECONDS} s")
            answer = self._results.pop(key, None)
        if answer is None:
            raise LayoutError(self._stopped())
        if "error" in answer:
            raise LayoutError(f"Graphviz refused a diagram: {answer['error']}")
        return answer["svg"]

    def _stopped(self) -> str:
        errors = self._child.stderr.read() if self._child.poll() is not None else ""
        return f"the layout engine stopped{': ' + errors.strip().splitlines()[-1] if errors.strip() else ''}"

    def close(self) -> None:
        if self._child.poll() is None:
            try:
                self._child.stdin.close()
                self._child.wait(timeout=30)
            except (OSError, subprocess.TimeoutExpired):
                self._child.kill()
                self._child.wait()
        self._reader.join(timeout=5)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
