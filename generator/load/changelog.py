"""The changelog: changelog/<version>.json, one file per release, written by `kg release` from `kg diff`."""

from __future__ import annotations

import json
from pathlib import Path

from ..model.changes import diff_from_json
from ..model.edition import VERSION_PATTERN, ChangelogEntry, version_key

__all__ = ["read_changelog", "changelog_path", "CHANGELOG_FOLDER"]

CHANGELOG_FOLDER = "changelog"


def changelog_path(root: Path, version: str) -> Path:
    return root / CHANGELOG_FOLDER / f"{version}.json"


def read_changelog(root: Path) -> tuple:
    """Every release's entry, newest version first."""
    folder = root / CHANGELOG_FOLDER
    if not folder.is_dir():
        return ()
    entries = []
    for path in folder.glob("*.json"):
        if VERSION_PATTERN.fullmatch(path.stem):
            data = json.loads(path.read_text(encoding="utf-8"))
            entries.append(ChangelogEntry(path.stem, data.get("previous", ""), diff_from_json(data["diff"])))
    return tuple(sorted(entries, key=lambda entry: version_key(entry.version), reverse=True))
