"""Run the read → map → check stages over a project tree and return the graph or every problem found."""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..load.content import ReadCache, list_content, load_content, read_content_file
from ..load.curie_cache import read_prefix_cache
from ..load.ontology import load_schema
from ..map.curies import PREFIXES
from ..map.mapper import MappingCache, map_entities, map_entity, ontology_graph
from ..model.mapped import EntityRecord, Mapped
from ..model.schema import Schema
from ..model.timing import StageTimer
from .references import check_references
from .shacl import check_shapes

__all__ = ["Checked", "ProjectCache", "Summary", "check_project", "check_summary"]


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


def check_project(
    root: Path, shacl: bool = False, timer: StageTimer | None = None, cache: ProjectCache | None = None
) -> Checked:
    """Load, map and check everything under root.

    The mapper enforces every constraint the shapes declare (required, single-valued, datatype, class,
    allowed values, pattern, languages), read from shapes.ttl itself, with positions and fixes. A full
    pyshacl run (shacl=True) is an independent second opinion: about 5 ms per entity, too slow for every
    check of a large tree, so `kg check --shacl` and the tests run it. It runs only on an otherwise clean
    graph, so each mistake is reported once, by the check that explains it best."""
    timer = timer or StageTimer()
    with paused_garbage_collector():
        return _check(root, shacl, timer, cache)


@contextlib.contextmanager
def paused_garbage_collector():
    """Reading and mapping make millions of objects that live as long as the graph and form no reference
    cycles; Python's cycle collector would walk them again and again as they pile up (half the time of a
    10,000-entity check). Reference counting still frees everything; the collector resumes afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _seed_prefixes() -> None:
    """The Bioregistry's answers from earlier runs, read once per process before the first CURIE is mapped."""
    if not PREFIXES.records:
        PREFIXES.seed(read_prefix_cache())


def _check(root: Path, shacl: bool, timer: StageTimer, cache: ProjectCache | None) -> Checked:
    _seed_prefixes()
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
        if shacl and not problems:
            problems += check_shapes(schema, mapped)
    return Checked(schema, mapped, sorted(set(problems)))


@dataclass
class Summary:
    """What `kg check` reports: every problem, and how much was checked."""

    problems: list
    entities: int = 0
    triples: int = 0


PARALLEL_FROM = 1000  # files; below this, starting processes costs more than it saves
_FORKED: dict = {}  # the schema and chunks, for the forked readers: inherited, never pickled


def check_summary(root: Path, workers: int | None = None, parallel_from: int = PARALLEL_FROM) -> Summary:
    """The same problems as check_project, found faster on a large tree: the files are read and mapped in
    several processes (reading and mapping one file needs no other; this process takes a share too), which
    send back only their problems and what the checks across files need (records and references); the
    graph itself is not kept."""
    workers = workers or min(os.cpu_count() or 1, 4)
    _seed_prefixes()
    with paused_garbage_collector():
        schema, problems = load_schema(root)
        if schema is None:
            return Summary(problems)
        files, problems = list_content(root, schema)
        forking = workers > 1 and len(files) >= parallel_from and "fork" in multiprocessing.get_all_start_methods()
        chunks = [files[i::workers] for i in range(workers)] if forking else [files]
        _FORKED.update(schema=schema, chunks=chunks)
        try:
            if forking:
                with multiprocessing.get_context("fork").Pool(len(chunks) - 1) as pool:
                    others = pool.map_async(_check_chunk, range(1, len(chunks)))
                    results = [_check_chunk(0)] + others.get()
            else:
                results = [_check_chunk(0)]
        finally:
            _FORKED.clear()
        lite = Mapped()
        triples = len(ontology_graph(schema))
        for file_problems, records, references, count in results:
            problems += file_problems
            lite.references += references
            triples += count
            for entity_id, folder, path in records:
                lite.entities[entity_id] = EntityRecord(
                    entity_id, schema.entity_iri(entity_id), schema.classes[folder], path
                )
        problems += check_references(schema, lite)
    return Summary(sorted(set(problems)), len(lite.entities), triples)


def _check_chunk(index: int) -> tuple:
    """Read, map and check each file of one chunk on its own: (problems, (id, folder, path) records,
    references, triples)."""
    schema = _FORKED["schema"]
    problems, records, references, triples = [], [], [], 0
    for file in _FORKED["chunks"][index]:
        raw, file_problems = read_content_file(file)
        problems += file_problems
        if raw is None:
            continue
        part, part_problems = map_entity(schema, raw)
        problems += part_problems
        records.append((raw.id, raw.folder, raw.path))
        references += part.references
        triples += sum(len(graph) for graph in part.graphs.values())
    return problems, records, references, triples
