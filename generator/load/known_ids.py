"""The ids of the content files of each class, from file names alone (so editor schemas and `kg new` work
while some content is broken)."""

from __future__ import annotations

from pathlib import Path

from ..model.ids import ID_PATTERN
from ..model.schema import Schema

__all__ = ["known_ids_from_files", "ids_by_class", "content_files"]


def ids_by_class(schema: Schema, ids_by_folder: dict) -> dict:
    """Class IRI -> sorted ids of the entities of that class or a subclass."""
    known: dict = {}
    for folder, cls in schema.classes.items():
        for ancestor in cls.ancestors:
            known.setdefault(ancestor, []).extend(ids_by_folder.get(folder, ()))
    return {cls: sorted(ids) for cls, ids in known.items()}


def known_ids_from_files(root: Path, schema: Schema) -> dict:
    """Class IRI -> ids of the content files of that class or a subclass."""
    return ids_by_class(
        schema,
        {
            folder: [p.stem for p in (root / "content" / folder).glob("*.yaml") if ID_PATTERN.match(p.stem)]
            for folder in schema.classes
        },
    )


def content_files(root: Path) -> list:
    """(stem, path relative to root) of every content/<folder>/<file>.yaml, sorted by path."""
    return [(path.stem, path.relative_to(root).as_posix()) for path in sorted((root / "content").glob("*/*.yaml"))]
