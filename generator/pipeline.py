"""Run the read → map → check stages over a project tree and return the graph or every problem found."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .checks import check_references, check_text_links
from .load import ReadCache, load_content
from .mapping import Mapped, MappingCache, map_entities
from .schema import Schema, load_schema
from .shacl import check_shapes
from .timing import StageTimer

__all__ = ["Checked", "ProjectCache", "check_project"]


@dataclass
class Checked:
    schema: Schema | None
    mapped: Mapped | None
    problems: list

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class ProjectCache:
    """What a long-running process (the live preview) keeps between checks: the schema, parsed and mapped
    files. Valid while ontology/ is unchanged: start a new one when it changes."""

    schema: Schema | None = None
    reads: ReadCache = field(default_factory=ReadCache)
    parts: MappingCache = field(default_factory=MappingCache)


def check_project(root: Path, shacl: bool = False, timer: StageTimer | None = None,
                  cache: ProjectCache | None = None) -> Checked:
    """Load, map and check everything under root.

    The mapper enforces every constraint the shapes declare (required, single-valued, datatype, class,
    allowed values, pattern, languages), read from shapes.ttl itself, with positions and fixes. A full
    pyshacl run (shacl=True) is an independent second opinion: about 5 ms per entity, too slow for every
    check of a large tree, so `kg check --shacl` and the tests run it. It runs only on an otherwise clean
    graph, so each mistake is reported once, by the check that explains it best."""
    timer = timer or StageTimer()
    with timer.stage("load"):
        schema, problems = (cache.schema, []) if cache and cache.schema else load_schema(root)
        if schema is None:
            return Checked(None, None, problems)
        if cache is not None:
            cache.schema = schema
        raw, problems = load_content(root, schema, cache.reads if cache else None)
    with timer.stage("map"):
        mapped, map_problems = map_entities(schema, raw, cache.parts if cache else None)
    with timer.stage("check"):
        problems += map_problems
        problems += check_references(schema, mapped)
        problems += check_text_links(mapped)
        if shacl and not problems:
            problems += check_shapes(schema, mapped)
    return Checked(schema, mapped, sorted(set(problems)))
