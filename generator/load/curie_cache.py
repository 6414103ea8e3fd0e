"""What earlier runs learnt from the Bioregistry, kept in the user's cache folder, one file per Bioregistry
version (importing the registry takes longer than checking a small tree; a new version is asked again)."""

from __future__ import annotations

import json
import os
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

__all__ = ["cache_file", "read_prefix_cache"]


def cache_file() -> Path | None:
    """~/.cache/childhood-leukaemia-kg/bioregistry-<version>.json (XDG_CACHE_HOME respected), or None."""
    try:
        release = version("bioregistry")
    except PackageNotFoundError:
        return None
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "childhood-leukaemia-kg" / f"bioregistry-{release}.json"


def read_prefix_cache() -> dict:
    """prefix as written -> [canonical, pattern, IRI prefix, preferred prefix] or None; {} when there is none."""
    path = cache_file()
    if path is None or not path.is_file():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # unreadable or half written: ask the registry again
        return {}
