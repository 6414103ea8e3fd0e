"""The figures of one page, from the file beside its Markdown in a docs tree (see model/figures.py)."""

from __future__ import annotations

from pathlib import Path

from ..model.figures import figures_path, read_figures

__all__ = ["page_figures"]


def page_figures(docs_dir: Path, doc_path: str) -> dict:
    """digest -> figure HTML of the page at doc_path ({} when it has no figures file)."""
    path = docs_dir / figures_path(doc_path)
    return read_figures(path.read_text(encoding="utf-8")) if path.is_file() else {}
