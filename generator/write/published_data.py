"""The data files of the whole graph the site publishes: the dumps and the dataset description beside them,
written together so the description's sizes and counts are those of the dumps (a build and the live preview
both write them through here)."""

from __future__ import annotations

from pathlib import Path

from ..model.formats import DATA_FOLDER
from ..render.cite import dataset_title
from .dumps import dump_header, union_triples, write_dumps
from .void import write_void

__all__ = ["write_published_data", "edition_header"]


def edition_header(edition, lang: str) -> bytes:
    """The comment header of the Turtle and TriG dumps and of void.ttl."""
    return dump_header(dataset_title(edition, lang), edition.label, edition.licence)


def write_published_data(
    site: Path, quads: list, schema, edition, site_info, saved: list, release_sizes: dict, languages: tuple
) -> dict:
    """Write site/data/kg.* and site/data/void.ttl; returns file name -> size in bytes of the dumps."""
    header = edition_header(edition, languages[0])
    union = union_triples(quads)  # once, for the dumps of the union graph and the counts that describe it
    sizes = write_dumps(quads, site / DATA_FOLDER, schema.entity_namespace, header, union)
    write_void(site, header, union, sizes, release_sizes, edition, site_info, saved, schema.entity_namespace, languages)
    return sizes
