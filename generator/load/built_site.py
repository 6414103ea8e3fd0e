"""What a build left in build/: the pages it rendered, the search index it wrote, a file the preview serves."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["count_files", "read_search_index", "read_built_file", "SEARCH_INDEX", "tree_files"]

SEARCH_INDEX = Path("search") / "search_index.json"


def count_files(folder: Path, pattern: str) -> int:
    """How many files under folder match a glob pattern such as '*.html'."""
    return sum(1 for _ in folder.rglob(pattern))


def read_search_index(site_dir: Path) -> str | None:
    """The Material search index of a rendered language site, or None before the first build."""
    index = site_dir / SEARCH_INDEX
    return index.read_text(encoding="utf-8") if index.is_file() else None


def read_built_file(path: Path) -> bytes:
    return path.read_bytes()


def tree_files(folder: Path) -> list:
    """Every file under folder, as paths relative to it (forward slashes), in walk order (os.walk: a large
    built site is listed in a fraction of pathlib's time)."""
    found = []
    for here, _, names in os.walk(folder):
        prefix = Path(here).relative_to(folder).as_posix()
        found.extend(name if prefix == "." else f"{prefix}/{name}" for name in names)
    return found
