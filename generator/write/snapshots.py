"""The expected answers of the saved competency questions, queries/expected/<name>.tsv."""

from __future__ import annotations

from pathlib import Path

from ..load.saved_queries import snapshot_path

__all__ = ["write_snapshots"]


def write_snapshots(root: Path, texts: dict) -> int:
    """Write name -> TSV text; returns how many were written."""
    for name, text in texts.items():
        target = snapshot_path(root, name)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return len(texts)
