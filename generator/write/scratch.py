"""Temporary folders the tools work in (a server's on-disk store, a build's staging folder), made and removed here."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

__all__ = ["make_scratch", "remove_tree"]


def make_scratch(prefix: str, inside: Path | None = None) -> Path:
    """A new empty folder (inside the given folder, else the system's temporary folder)."""
    if inside is not None:
        inside.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=prefix, dir=inside))


def remove_tree(path: Path) -> None:
    """Remove a folder and everything in it; nothing happens when it is gone already."""
    shutil.rmtree(path, ignore_errors=True)
