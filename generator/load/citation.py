"""CITATION.cff, read safely: who the dataset is cited as by (authors or an organisation), its title, licence
and abstract. The version is not taken from it: the ontology's owl:versionInfo is the one place for that."""

from __future__ import annotations

from pathlib import Path

import yaml

from ..model.edition import Author, Citation

__all__ = ["read_citation", "CITATION_FILE"]

CITATION_FILE = "CITATION.cff"


def _author(entry: dict) -> Author:
    return Author(
        str(entry.get("given-names") or ""),
        " ".join(str(entry.get(key) or "") for key in ("name-particle", "family-names")).strip(),
        str(entry.get("name") or ""),
    )


def read_citation(root: Path) -> Citation | None:
    """The citation CITATION.cff describes, or None when the project has none."""
    path = root / CITATION_FILE
    if not path.is_file():
        return None
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    authors = tuple(_author(entry) for entry in data.get("authors") or () if isinstance(entry, dict))
    return Citation(
        str(data.get("title") or ""),
        tuple(author for author in authors if author.display()),
        str(data.get("license") or ""),
        " ".join(str(data.get("abstract") or "").split()),
    )
