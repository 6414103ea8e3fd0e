"""The ontology as schema: every term labelled and defined in every language, kinds derived from the shapes."""

from __future__ import annotations

import pytest
from rdflib import Literal

from generator.load.ontology import load_schema
from generator.model.kinds import ValueKind
from generator.model.vocab import CLE, OWL, RDF, RDFS, SKOS
from tests.conftest import ROOT

SCHEMA, PROBLEMS = load_schema(ROOT)
LANGUAGES = ("en", "nl")
OWN_TERMS = sorted(
    term
    for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    for term in SCHEMA.graph.subjects(RDF.type, kind)
    if str(term).startswith(str(CLE._NS))
)


def test_schema_loads_without_problems():
    assert PROBLEMS == []
    assert SCHEMA.languages == LANGUAGES


def test_ontology_header_has_version_and_prefix():
    from generator.model.vocab import ONTOLOGY_IRI, VANN

    graph = SCHEMA.graph
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in graph
    assert graph.value(ONTOLOGY_IRI, OWL.versionInfo) is not None
    assert str(graph.value(ONTOLOGY_IRI, VANN.preferredNamespacePrefix)) == "cle"


@pytest.mark.parametrize("term", OWN_TERMS, ids=lambda t: str(t).rsplit("#", 1)[-1])
def test_every_term_is_labelled_and_defined_in_every_language(term):
    graph = SCHEMA.graph
    for predicate in (RDFS.label, SKOS.definition):
        languages = {o.language for o in graph.objects(term, predicate) if isinstance(o, Literal)}
        assert set(LANGUAGES) <= languages, f"{term} lacks {predicate} in {set(LANGUAGES) - languages}"


@pytest.mark.parametrize(
    "prop",
    [t for t in OWN_TERMS if (t, RDF.type, OWL.Class) not in SCHEMA.graph],
    ids=lambda t: str(t).rsplit("#", 1)[-1],
)
def test_every_property_has_domain_and_range(prop):
    assert SCHEMA.graph.value(prop, RDFS.domain) is not None
    assert SCHEMA.graph.value(prop, RDFS.range) is not None


def test_required_classes_exist_with_their_folders():
    names = {spec.name: folder for folder, spec in SCHEMA.classes.items()}
    for name in (
        "Disease",
        "Gene",
        "GeneticAlteration",
        "Drug",
        "TreatmentProtocol",
        "ClinicalTrial",
        "StudyCohort",
        "Outcome",
        "Publication",
        "Organization",
        "Person",
    ):
        assert name in names


def test_value_kinds_are_derived_from_the_shapes():
    drug = SCHEMA.classes["drugs"].shape.properties
    assert drug["label"].kind is ValueKind.LANGMAP and drug["label"].required
    assert drug["sources"].kind is ValueKind.NESTED and drug["sources"].required
    assert drug["identifiers"].kind is ValueKind.IDENTIFIER
    assert drug["targets"].kind is ValueKind.REFERENCE and str(drug["targets"].target_class).endswith("#Gene")
    assert drug["firstApprovalDate"].kind is ValueKind.LITERAL and drug["firstApprovalDate"].single
    source = drug["sources"].nested.properties
    assert source["quote"].kind is ValueKind.TEXT and source["supports"].kind is ValueKind.PROPKEY
    outcome = SCHEMA.classes["outcomes"].shape.properties
    assert outcome["unit"].allowed == ("percent", "events", "patients", "months", "years")


def test_classes_reuse_established_vocabularies():
    schema_org = {
        "Disease": "MedicalCondition",
        "Drug": "Drug",
        "ClinicalTrial": "MedicalTrial",
        "Organization": "Organization",
        "Person": "Person",
    }
    for spec in SCHEMA.classes.values():
        if spec.name in schema_org:
            assert any(str(a) == f"http://schema.org/{schema_org[spec.name]}" for a in spec.ancestors)
