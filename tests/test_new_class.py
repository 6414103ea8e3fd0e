"""Adding a class and a property is a change to ontology/ and content/ only: no generator code knows them."""

from __future__ import annotations

from rdflib import Literal, URIRef

from generator.build import build_project
from generator.check.pipeline import check_project
from tests.helpers import MINIMAL_SOURCE, make_tree

NEW_TERMS = """
@prefix cle: <https://w3id.org/cle/ontology#> . @prefix cles: <https://w3id.org/cle/shapes#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> . @prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

cle:Biomarker a owl:Class ; rdfs:subClassOf cle:Entity ; cle:contentFolder "biomarkers" ;
    rdfs:label "Biomarker"@en , "Biomarker"@nl ;
    skos:definition "A measurable sign of disease."@en , "Een meetbaar teken van ziekte."@nl .
cle:assay a owl:DatatypeProperty ; rdfs:domain cle:Biomarker ; rdfs:range xsd:string ;
    rdfs:label "assay"@en , "bepaling"@nl ;
    skos:definition "How the biomarker is measured."@en , "Hoe de biomarker wordt gemeten."@nl .
cle:markerOf a owl:ObjectProperty ; rdfs:domain cle:Biomarker ; rdfs:range cle:Gene ;
    rdfs:label "marker of"@en , "marker van"@nl ; cle:inverseLabel "has marker"@en , "heeft marker"@nl ;
    skos:definition "The gene whose product is measured."@en , "Het gen waarvan het product wordt gemeten."@nl .
cles:BiomarkerShape a sh:NodeShape ; sh:targetClass cle:Biomarker ;
    sh:property [ sh:path cle:assay ; sh:order 10 ; sh:datatype xsd:string ; sh:minCount 1 ; sh:maxCount 1 ] ,
                [ sh:path cle:markerOf ; sh:order 20 ; sh:class cle:Gene ] .
"""
GENE = "label: {en: CD19, nl: CD19}\ndescription: {en: An antigen., nl: Een antigeen.}\nsymbol: CD19\n" + MINIMAL_SOURCE
MARKER = (
    "label: {en: CD19 expression, nl: CD19-expressie}\ndescription: {en: Flow cytometry., nl: Flowcytometrie.}\n"
    "assay: flow cytometry\nmarkerOf: cd19\n" + MINIMAL_SOURCE
)


def new_class_tree(tmp_path, files):
    root = make_tree(tmp_path, files)
    (root / "ontology" / "biomarker.ttl").write_text(NEW_TERMS, encoding="utf-8")
    return root


def test_a_new_class_and_property_build_into_graph_and_pages(tmp_path):
    root = new_class_tree(tmp_path, {"genes/cd19.yaml": GENE, "biomarkers/cd19-expression.yaml": MARKER})
    result = build_project(root)
    assert result.problems == []
    checked = check_project(root)
    marker = URIRef("https://w3id.org/cle/id/cd19-expression")
    assert (marker, URIRef("https://w3id.org/cle/ontology#assay"), Literal("flow cytometry")) in checked.mapped.dataset
    en = (root / "build/docs/en/biomarkers/cd19-expression.md").read_text(encoding="utf-8")
    nl = (root / "build/docs/nl/biomarkers/cd19-expression.md").read_text(encoding="utf-8")
    assert "| Assay | flow cytometry |" in en and "| Bepaling | flow cytometry |" in nl
    assert "[CD19](../genes/cd19.md)" in en
    assert "[CD19 expression](../biomarkers/cd19-expression.md)" in (root / "build/docs/en/genes/cd19.md").read_text()
    assert (root / "build/site/biomarkers/cd19-expression/index.html").is_file()
    assert (root / "build/site/nl/biomarkers/index.html").is_file()


def test_the_new_class_is_checked_like_any_other(tmp_path):
    root = new_class_tree(
        tmp_path, {"genes/cd19.yaml": GENE, "biomarkers/cd19-expression.yaml": MARKER.replace("assay:", "asay:")}
    )
    assert [str(p) for p in check_project(root).problems] == [
        "content/biomarkers/cd19-expression.yaml:1:1: missing required key `assay`; add `assay:` (How the biomarker is measured.)",
        "content/biomarkers/cd19-expression.yaml:3:1: unknown key `asay` for a Biomarker; did you mean `assay`? "
        "(keys: label, description, sources, identifiers, synonym, otherIdentifier, website, assay, markerOf, unverified)",
    ]


ROLL_UP = """
@prefix cle: <https://w3id.org/cle/ontology#> . @prefix cles: <https://w3id.org/cle/shapes#> .
@prefix sh: <http://www.w3.org/ns/shacl#> .
cles:GeneMarkers a sh:NodeShape ; sh:targetClass cle:Gene ;
    cle:rollUp [ sh:name "Measured as"@en , "Gemeten als"@nl ; sh:order 5 ; cle:display cle:EntityTable ;
                 sh:path [ sh:inversePath cle:markerOf ] ; cle:columns ( cle:assay ) ] .
"""


def test_a_new_roll_up_is_an_ontology_change_only(tmp_path):
    """A gene's page gains a section listing, as a table, the biomarkers that measure it (^markerOf)."""
    root = new_class_tree(tmp_path, {"genes/cd19.yaml": GENE, "biomarkers/cd19-expression.yaml": MARKER})
    (root / "ontology" / "rollup.ttl").write_text(ROLL_UP, encoding="utf-8")
    assert build_project(root).problems == []
    en = (root / "build/docs/en/genes/cd19.md").read_text(encoding="utf-8")
    nl = (root / "build/docs/nl/genes/cd19.md").read_text(encoding="utf-8")
    assert "## Measured as { data-search-exclude }" in en and "## Gemeten als { data-search-exclude }" in nl
    assert "| Biomarker | Assay |" in en and "| Biomarker | Bepaling |" in nl
    assert "| [CD19 expression](../biomarkers/cd19-expression.md) | flow cytometry |" in en
