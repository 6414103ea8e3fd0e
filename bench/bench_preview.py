"""Benchmark the live preview: from saving a YAML edit to the changed page being served, on a synthetic tree.

Usage:  .venv/bin/python bench/bench_preview.py [--n 1000] [--out bench/results/preview.json]
Writes a synthetic tree of N entities (`kg synth`), starts `kg preview` on it (a real process serving on
127.0.0.1), and after its first full build edits one file of every class in turn (the English label), timing
from the write until the page served over HTTP shows the new label: what a contributor waits for. The
baseline, measured in the same run, is the full build the preview starts with, which is what every edit cost
before the preview updated in place. Figures are printed and written to a JSON file; tests never assert them.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import queue
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGET_SECONDS = 2.0
POLL_SECONDS = 0.025
WAIT_SECONDS = 300  # bound on every wait; a wait ends as soon as its condition holds


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError):
        return ""


class Preview:
    def __init__(self, root: Path):
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "generator.cli", "preview", "--root", str(root), "--port", "0"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: queue.Queue = queue.Queue()
        threading.Thread(
            target=lambda: [self.lines.put(line.rstrip("\n")) for line in self.process.stdout], daemon=True
        ).start()

    def wait_for(self, prefix: str) -> str:
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=1)
            except queue.Empty:
                if self.process.poll() is not None:
                    raise SystemExit("the preview stopped") from None
                continue
            if line.startswith(prefix):
                return line
            if "problem" in line or "crashed" in line:
                raise SystemExit(f"the preview reported: {line}")
        raise SystemExit(f"no line starting {prefix!r} within {WAIT_SECONDS} s")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


def edit_and_wait(preview: Preview, url: str, path: Path, number: int) -> dict:
    """Rename the entity in path and time until its page shows the new name."""
    text = path.read_text(encoding="utf-8")
    label = f"Edited label {number}"
    edited, count = re.subn(r"(?m)^(  en: ).*$", rf"\g<1>{label}", text, count=1)
    assert count == 1, path
    page = f"{url}{path.parent.name}/{path.stem}/"
    start = time.perf_counter()
    path.write_text(edited, encoding="utf-8")
    deadline = time.monotonic() + WAIT_SECONDS
    while label not in fetch(page):
        if time.monotonic() > deadline:
            raise SystemExit(f"{page} never showed {label!r}")
        time.sleep(POLL_SECONDS)
    seconds = time.perf_counter() - start
    updated = preview.wait_for("updated: ")
    pages = int(re.search(r"(\d+) pages? re-rendered", updated).group(1))
    return {"folder": path.parent.name, "id": path.stem, "seconds": seconds, "pages": pages}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "preview.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-preview-") as scratch:
        tree = Path(scratch) / "tree"
        subprocess.run(
            [sys.executable, "-m", "generator.cli", "synth", str(args.n), "--out", str(tree)],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        targets = {}
        for path in sorted((tree / "content").rglob("*.yaml")):
            targets.setdefault(path.parent.name, path)
        preview = Preview(tree)
        try:
            url = preview.wait_for("serving ").split()[1]
            start = time.perf_counter()
            built = preview.wait_for("built: ")
            full_seconds = time.perf_counter() - start
            edits = [edit_and_wait(preview, url, path, number) for number, path in enumerate(targets.values())]
        finally:
            preview.stop()
    times = [edit["seconds"] for edit in edits]
    result = {
        "machine": {"cores": os.cpu_count(), "python": platform.python_version(), "system": platform.platform()},
        "n": args.n,
        "full_build_s": full_seconds,
        "full_build_line": built,
        "edits": edits,
        "median_s": statistics.median(times),
        "max_s": max(times),
        "budget": {"limit_s": BUDGET_SECONDS, "value_s": max(times)},
    }
    print(f"live preview at N={args.n}: first (full) build {full_seconds:.1f} s")
    print(f"{'class folder':<14} {'edit → page served':>20} {'pages re-rendered':>18}")
    for edit in edits:
        print(f"{edit['folder']:<14} {edit['seconds']:>18.2f} s {edit['pages']:>18}")
    print(
        f"median {result['median_s']:.2f} s, max {result['max_s']:.2f} s "
        f"(budget {BUDGET_SECONDS:.0f} s: {'met' if result['max_s'] <= BUDGET_SECONDS else 'NOT met'}); "
        f"{full_seconds / result['median_s']:.0f}× faster than the full build"
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
