"""Integrity of the real content, one case per file: id, class, references, sources, both languages."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef

from generator.check.pipeline import check_project
from generator.model.ids import ID_PATTERN
from generator.model.kinds import ValueKind
from generator.model.mapped import graph_iri
from generator.model.vocab import CLE, DCTERMS, PROV, RDF, RDFS
from tests.conftest import ROOT

CHECKED = check_project(ROOT)
FILES = sorted((ROOT / "content").glob("*/*.yaml"))
PROBLEMS_BY_FILE: dict = {}
for problem in CHECKED.problems:
    PROBLEMS_BY_FILE.setdefault(problem.position.path, []).append(str(problem))


def case_id(path):
    return path.relative_to(ROOT / "content").as_posix()


@pytest.fixture(params=FILES, ids=case_id)
def entity(request):
    path = request.param
    rel = path.relative_to(ROOT).as_posix()
    assert PROBLEMS_BY_FILE.get(rel, []) == []
    record = CHECKED.mapped.entities[path.stem]
    return record, CHECKED.mapped.dataset.graph(graph_iri(record.iri))


def test_id_is_a_slug_and_names_file_iri_and_class(entity):
    record, graph = entity
    assert ID_PATTERN.match(record.id)
    assert str(record.iri).endswith("/" + record.id)
    assert (record.iri, RDF.type, record.cls.iri) in graph
    assert record.path == f"content/{record.cls.folder}/{record.id}.yaml"


def test_label_and_description_in_every_language(entity):
    record, graph = entity
    for predicate in (RDFS.label, DCTERMS.description):
        languages = {o.language for o in graph.objects(record.iri, predicate) if isinstance(o, Literal)}
        assert set(CHECKED.schema.languages) <= languages


def test_every_translatable_text_is_in_every_language(entity):
    record, graph = entity
    for spec in record.cls.shape.properties.values():
        if spec.kind is ValueKind.LANGMAP:
            languages = {o.language for o in graph.objects(record.iri, spec.path)}
            assert not languages or set(CHECKED.schema.languages) <= languages, spec.key


def test_cites_at_least_one_source_with_a_locator(entity):
    record, graph = entity
    refs = list(graph.objects(record.iri, PROV.qualifiedDerivation))
    assert refs
    for ref in refs:
        source = graph.value(ref, PROV.entity)
        assert CHECKED.schema.entity_id(source) in CHECKED.mapped.entities
        assert graph.value(ref, CLE.locator) is not None


def test_every_reference_resolves_to_an_entity_of_the_right_class(entity):
    record, graph = entity
    for spec in record.cls.shape.properties.values():
        if spec.kind is not ValueKind.REFERENCE:
            continue
        for target in graph.objects(record.iri, spec.path):
            target_record = CHECKED.mapped.entities.get(CHECKED.schema.entity_id(target))
            assert target_record is not None and spec.target_class in target_record.cls.ancestors


def test_unverified_keys_are_keys_the_file_uses(entity):
    record, graph = entity
    for prop in graph.objects(record.iri, CLE.unverifiedProperty):
        assert isinstance(prop, URIRef) and any(True for _ in graph.objects(record.iri, prop)), prop
