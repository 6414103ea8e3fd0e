"""The committed benchmark results the Performance page shows (bench/results/*.json)."""

from __future__ import annotations

import json
from pathlib import Path

__all__ = ["BUILD_RESULTS", "PREVIEW_RESULTS", "PAGES_RESULTS", "read_results"]

BUILD_RESULTS = Path("bench") / "results" / "build.json"
PREVIEW_RESULTS = Path("bench") / "results" / "preview.json"
PAGES_RESULTS = Path("bench") / "results" / "pages.json"


def read_results(root: Path, name: Path) -> dict | None:
    """One results file, or None when it has not been written yet."""
    path = root / name
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None
