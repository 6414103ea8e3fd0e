"""The five dumps parse with an independent parser (pyoxigraph) and with rdflib, and all say the same."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, URIRef

from generator.model.quads import graph_quads
from generator.write.dumps import union_triples

TRIPLE_DUMPS = {"kg.ttl": ox.RdfFormat.TURTLE, "kg.nt": ox.RdfFormat.N_TRIPLES}
QUAD_DUMPS = {"kg.trig": ox.RdfFormat.TRIG, "kg.jsonld": ox.RdfFormat.JSON_LD, "kg.nq": ox.RdfFormat.N_QUADS}
RDFLIB_FORMATS = {"kg.ttl": "turtle", "kg.nt": "nt", "kg.trig": "trig", "kg.jsonld": "json-ld", "kg.nq": "nquads"}


def oxigraph_statements(path, fmt, quads: bool) -> set:
    parsed = ox.parse(path=str(path), format=fmt)
    if quads:
        return {(str(q.subject), str(q.predicate), str(q.object), str(q.graph_name)) for q in parsed}
    return {(str(t.subject), str(t.predicate), str(t.object)) for t in parsed}


def rdflib_statements(path, name, quads: bool) -> set:
    fmt = RDFLIB_FORMATS[name]
    if not quads:
        graph = Graph().parse(path, format=fmt)
        return {tuple(term.n3() for term in triple) for triple in graph}
    dataset = Dataset()
    dataset.parse(path, format=fmt)
    return {
        (s.n3(), p.n3(), o.n3(), g.n3())
        for s, p, o, g in dataset.quads((None, None, None, None))
        if g is not None and g != dataset.default_graph.identifier
    }


@pytest.mark.parametrize("name", [*TRIPLE_DUMPS, *QUAD_DUMPS])
def test_each_dump_parses_the_same_in_oxigraph_and_rdflib(site_dir, name):
    quads = name in QUAD_DUMPS
    path = site_dir / "data" / name
    fmt = {**TRIPLE_DUMPS, **QUAD_DUMPS}[name]
    ours = oxigraph_statements(path, fmt, quads)
    theirs = rdflib_statements(path, name, quads)
    assert ours and ours == theirs


def test_all_dumps_hold_the_same_triples_and_graphs(site_dir, built):
    triples = {name: oxigraph_statements(site_dir / "data" / name, fmt, False) for name, fmt in TRIPLE_DUMPS.items()}
    quads = {name: oxigraph_statements(site_dir / "data" / name, fmt, True) for name, fmt in QUAD_DUMPS.items()}
    assert triples["kg.ttl"] == triples["kg.nt"]
    assert quads["kg.trig"] == quads["kg.jsonld"] == quads["kg.nq"]
    assert {q[:3] for q in quads["kg.trig"]} == triples["kg.ttl"]
    assert len(quads["kg.trig"]) == built[0].triples


def test_trig_has_one_named_graph_per_content_file_plus_the_ontology(site_dir, project_root):
    files = sorted(p.stem for p in (project_root / "content").glob("*/*.yaml"))
    graphs = {q[3] for q in oxigraph_statements(site_dir / "data" / "kg.trig", ox.RdfFormat.TRIG, True)}
    assert graphs == {f"<https://w3id.org/cle/id/{stem}#graph>" for stem in files} | {"<https://w3id.org/cle/ontology>"}


def test_the_union_graph_is_each_triple_once_in_the_order_of_its_terms_texts():
    """union_triples sorts by one string per triple; that must be the (subject, predicate, object) order, also
    where one subject's text begins another's (_:b1 and _:b12, <x> and <x/y>)."""
    p, q = ox.NamedNode("http://e/p"), ox.NamedNode("http://e/p2")
    subjects = [ox.BlankNode("b12"), ox.BlankNode("b1"), ox.NamedNode("http://e/x/y"), ox.NamedNode("http://e/x")]
    objects = [ox.Literal("a b"), ox.Literal("a"), ox.Literal("a", language="en"), ox.NamedNode("http://e/o")]
    graphs = [ox.NamedNode("http://e/g1"), ox.NamedNode("http://e/g2")]
    quads = [ox.Quad(s, pred, o, g) for g in graphs for o in objects for pred in (q, p) for s in subjects]
    union = union_triples(quads)
    texts = [(str(t.subject), str(t.predicate), str(t.object)) for t in union]
    assert texts == sorted({(str(x.subject), str(x.predicate), str(x.object)) for x in quads})
    assert len(union) == len(subjects) * 2 * len(objects)


def test_each_graphs_quads_are_in_the_order_of_their_terms_texts():
    """graph_quads sorts by each quad's N-Quads text; that must be the (subject, predicate, object) order, also
    where one subject's text begins another's."""
    p = URIRef("http://e/p")
    triples = [
        (URIRef(s), p, o)
        for s in ("http://e/x/y", "http://e/x")
        for o in (Literal("a b"), Literal("a"), URIRef("http://e/o"))
    ]
    quads = graph_quads(URIRef("http://e/g"), triples)
    texts = [(str(q.subject), str(q.predicate), str(q.object)) for q in quads]
    assert texts == sorted(texts) and len(texts) == len(triples)
