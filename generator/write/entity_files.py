"""Each entity's own named graph as data/entities/<id>.<ext>, one file per format of model/formats.py."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from ..model.formats import ENTITY_FORMATS
from ..model.mapped import Mapped
from ..model.quads import oxigraph_term, prefixes_of
from ..model.schema import Schema
from .files import put_bytes

__all__ = ["write_entity_files", "remove_entity_files", "entity_file_names"]


def write_entity_files(schema: Schema, mapped: Mapped, folder: Path, ids=None) -> int:
    """data/entities/<id>.ttl and <id>.jsonld: each entity's own named graph, sorted; returns files written.
    ids: only these entities (the live preview), default every one."""
    folder.mkdir(parents=True, exist_ok=True)
    prefixes = prefixes_of(schema.entity_namespace)
    count = 0
    for entity_id in sorted(mapped.entities if ids is None else ids):
        graph = mapped.graph(entity_id)
        triples = sorted(
            (ox.Triple(oxigraph_term(s), oxigraph_term(p), oxigraph_term(o)) for s, p, o in graph),
            key=lambda t: (str(t.subject), str(t.predicate), str(t.object)),
        )
        for data_format in ENTITY_FORMATS:
            output = ox.serialize(triples, format=data_format.format, prefixes=prefixes)
            put_bytes(folder / f"{entity_id}.{data_format.extension}", output)
            count += 1
    return count


def entity_file_names(entity_id: str) -> list:
    """The names of an entity's own data files."""
    return [f"{entity_id}.{data_format.extension}" for data_format in ENTITY_FORMATS]


def remove_entity_files(folder: Path, entity_id: str) -> None:
    """Delete the data files of an entity that is gone."""
    for name in entity_file_names(entity_id):
        (folder / name).unlink(missing_ok=True)
