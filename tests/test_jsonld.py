"""Every entity page embeds schema.org JSON-LD that parses (rdflib) and says what the graph says; per-entity
Turtle and JSON-LD files hold exactly the entity's named graph."""

from __future__ import annotations

import json
import re

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from generator.check.pipeline import check_project
from generator.model.site_paths import entity_path
from generator.model.vocab import PROV, RDF, SCHEMA
from generator.render.jsonld import schema_properties, schema_types
from tests.conftest import ROOT

SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


@pytest.fixture(scope="module")
def checked():
    result = check_project(ROOT)
    assert result.ok, result.problems
    return result


def embedded(site_dir, record, lang_prefix: str = "") -> Graph:
    html = (site_dir / lang_prefix / entity_path(record)[:-3] / "index.html").read_text(encoding="utf-8")
    blocks = SCRIPT.findall(html)
    assert len(blocks) == 1
    text = blocks[0]
    assert "<" not in text and ">" not in text and "&" not in text
    return Graph().parse(data=text, format="json-ld")


def expected(checked, entity_id: str) -> Graph:
    """The schema.org statements the page must make, derived from the entity's own graph and the ontology."""
    schema, mapped = checked.schema, checked.mapped
    record = mapped.entities[entity_id]
    mapping = schema_properties(schema)
    graph = Graph()
    for cls in schema_types(schema, record.cls):
        graph.add((record.iri, RDF.type, cls))
    for s, p, o in mapped.graph(entity_id):
        if s == record.iri and p in mapping:
            graph.add((s, mapping[p], o))
        if p == PROV.entity:
            graph.add((record.iri, SCHEMA.citation, o))
    return graph


def _normal(graph: Graph) -> set:
    """Triples with literals compared by lexical form, datatype and language (not by Python value)."""
    return {(s, p, (str(o), o.datatype, o.language) if isinstance(o, Literal) else o) for s, p, o in graph}


def test_every_entity_page_embeds_json_ld_matching_the_graph(checked, site_dir):
    for entity_id, record in sorted(checked.mapped.entities.items()):
        for prefix in ("", "nl"):
            assert _normal(embedded(site_dir, record, prefix)) == _normal(expected(checked, entity_id)), entity_id


def test_names_and_types_are_schema_org(checked, site_dir):
    drug = checked.mapped.entities["blinatumomab"]
    graph = embedded(site_dir, drug)
    assert (drug.iri, RDF.type, SCHEMA.Drug) in graph
    names = {str(o) for o in graph.objects(drug.iri, SCHEMA.name)}
    assert names and all(isinstance(o, Literal) and o.language for o in graph.objects(drug.iri, SCHEMA.name))
    assert any(isinstance(o, URIRef) for o in graph.objects(drug.iri, SCHEMA.sameAs))


def test_entity_files_hold_the_named_graph(checked, site_dir):
    for entity_id in sorted(checked.mapped.entities):
        own = Graph()
        for triple in checked.mapped.graph(entity_id):
            own.add(triple)
        for ext, fmt in (("ttl", "turtle"), ("jsonld", "json-ld")):
            written = Graph().parse(site_dir / "data" / "entities" / f"{entity_id}.{ext}", format=fmt)
            assert isomorphic(written, own), (entity_id, ext)


def test_pages_link_their_data_files(checked, site_dir):
    record = checked.mapped.entities["blinatumomab"]
    html = (site_dir / entity_path(record)[:-3] / "index.html").read_text(encoding="utf-8")
    for ext, kind in (("ttl", "text/turtle"), ("jsonld", "application/ld+json")):
        assert f'<link rel="alternate describedby" type="{kind}" href="../../data/entities/blinatumomab.{ext}">' in html


def test_script_json_escapes_what_could_close_the_script():
    from generator.render.escaping import script_json

    text = script_json({"name": "</script><script>alert(1)</script> & <!--"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"name": "</script><script>alert(1)</script> & <!--"}
