"""The state of the files a build reads, for the live preview to notice any change."""

from __future__ import annotations

from pathlib import Path

__all__ = ["WATCHED", "snapshot"]

WATCHED = ("content", "ontology", "site", "mkdocs.yml")  # what a build reads, relative to the project root


def snapshot(root: Path) -> dict:
    """Path -> (modification time, size) of every watched file; any change to the tree changes it."""
    state = {}
    for name in WATCHED:
        top = root / name
        paths = [top] if top.is_file() else sorted(top.rglob("*")) if top.is_dir() else []
        for path in paths:
            try:
                info = path.lstat()
            except OSError:  # removed while listed
                continue
            state[path.relative_to(root).as_posix()] = (info.st_mtime_ns, info.st_size)
    return state
