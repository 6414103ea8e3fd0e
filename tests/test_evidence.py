"""Coverage of the reference facts: every verified fact of facts.md is in the graph, exactly, with a source."""

from __future__ import annotations

import pytest
import yaml
from rdflib import Literal, URIRef

from generator.check.pipeline import check_project
from generator.map.curies import expand_curie
from generator.model.kinds import ValueKind
from generator.model.mapped import graph_iri
from generator.model.vocab import CLE, PROV
from tests.conftest import ROOT

FACTS_FILE = ROOT.parent / "shared" / "reference" / "facts.yaml"
COVERAGE = yaml.safe_load((ROOT / "tests" / "data" / "facts_coverage.yaml").read_text(encoding="utf-8"))
CHECKED = check_project(ROOT, shacl=False)
VERIFIED = ("verified-in-source", "verified-in-secondary-source")


def reference_facts() -> list:
    """facts.yaml from the shared reference folder (beside the checkout), or an empty list outside it."""
    return yaml.safe_load(FACTS_FILE.read_text(encoding="utf-8")) if FACTS_FILE.is_file() else []


def values_of(entity_id: str, key: str) -> tuple:
    record = CHECKED.mapped.entities[entity_id]
    spec = record.cls.shape.properties[key]
    graph = CHECKED.mapped.dataset.graph(graph_iri(record.iri))
    return spec, list(graph.objects(record.iri, spec.path)), graph, record


def matches(spec, value, expected: str) -> bool:
    if spec.kind is ValueKind.REFERENCE:
        return CHECKED.schema.entity_id(value) == expected
    if spec.kind is ValueKind.IDENTIFIER:
        return str(value) == expand_curie(expected)[0]
    if spec.kind is ValueKind.PROPKEY:
        return str(value).rsplit("#", 1)[-1] == expected
    return str(value) == expected


@pytest.mark.skipif(not FACTS_FILE.is_file(), reason="shared/reference/facts.yaml is not beside this checkout")
def test_every_verified_fact_has_a_coverage_entry():
    verified = [fact["id"] for fact in reference_facts() if fact["confidence"] in VERIFIED]
    assert verified and [fact_id for fact_id in verified if fact_id not in COVERAGE] == []


@pytest.mark.parametrize("fact_id", sorted(COVERAGE))
def test_fact_is_in_the_graph_exactly(fact_id):
    for item in COVERAGE[fact_id]:
        spec, values, graph, record = values_of(item["entity"], item["key"])
        expected = str(item["value"])
        assert any(matches(spec, v, expected) for v in values), (
            f"{fact_id}: {item['entity']}.{item['key']} has {[str(v) for v in values]}, not {expected!r}"
        )
        flagged = spec.path in set(graph.objects(record.iri, CLE.unverifiedProperty))
        assert flagged == bool(item.get("unverified", False)), f"{fact_id}: unverified flag of {item['key']}"


OUTCOMES = sorted(r.id for r in CHECKED.mapped.entities.values() if r.cls.folder == "outcomes")


@pytest.mark.parametrize("outcome_id", OUTCOMES)
def test_every_estimate_has_a_source_with_a_locator(outcome_id):
    record = CHECKED.mapped.entities[outcome_id]
    graph = CHECKED.mapped.dataset.graph(graph_iri(record.iri))
    estimate = URIRef(str(CLE._NS) + "estimate")
    backing = [
        ref
        for ref in graph.objects(record.iri, PROV.qualifiedDerivation)
        if graph.value(ref, CLE.locator) is not None
        and (not list(graph.objects(ref, CLE.supports)) or (ref, CLE.supports, estimate) in graph)
    ]
    assert backing, f"{outcome_id}: no source reference with a locator supports the estimate"


def test_press_release_figures_are_linked_to_the_papers():
    derived = URIRef(str(CLE._NS) + "derivedFromOutcome")
    pairs = [(s, o) for s, _, o in CHECKED.mapped.dataset.triples((None, derived, None))]
    assert len(pairs) >= 4
    for press, paper in pairs:
        assert CHECKED.mapped.dataset.value(press, URIRef(str(CLE._NS) + "derivation")) is not None
        press_sources = {
            CHECKED.mapped.dataset.value(r, PROV.entity)
            for r in CHECKED.mapped.dataset.objects(press, PROV.qualifiedDerivation)
        }
        paper_sources = {
            CHECKED.mapped.dataset.value(r, PROV.entity)
            for r in CHECKED.mapped.dataset.objects(paper, PROV.qualifiedDerivation)
        }
        assert press_sources and paper_sources and press_sources != paper_sources


def test_dutch_quotes_stay_dutch_with_an_english_translation():
    quotes = [
        (ref, quote)
        for ref, _, quote in CHECKED.mapped.dataset.triples((None, CLE.quote, None))
        if isinstance(quote, Literal) and quote.language == "nl"
    ]
    assert quotes
    for ref, _ in quotes:
        translations = {t.language for t in CHECKED.mapped.dataset.objects(ref, CLE.quoteTranslation)}
        assert "en" in translations, ref
