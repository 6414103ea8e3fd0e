"""Coverage of the reference facts: every verified fact of facts.md and landscape.md is in the graph, exactly, with a
source; figures carry their source's own words; uncertainty is kept of the kind the source gives; conflicts stay
visible; what the references list as not verified is not entered as verified."""

from __future__ import annotations

import re

import pytest
import yaml
from rdflib import Literal, URIRef

from generator.check.pipeline import check_project
from generator.map.curies import expand_curie
from generator.model.kinds import ValueKind
from generator.model.mapped import graph_iri
from generator.model.vocab import CLE, PROV, RDF, SKOS
from tests.conftest import ROOT

REFERENCE = ROOT.parent / "shared" / "reference"
FACTS_FILE = REFERENCE / "facts.yaml"
FACTS_MD = REFERENCE / "facts.md"
LANDSCAPE_FILE = REFERENCE / "landscape.yaml"
COVERAGE = yaml.safe_load((ROOT / "tests" / "data" / "facts_coverage.yaml").read_text(encoding="utf-8"))
LANDSCAPE_COVERAGE = yaml.safe_load((ROOT / "tests" / "data" / "landscape_coverage.yaml").read_text(encoding="utf-8"))
CHECKED = check_project(ROOT, shacl=False)
VERIFIED = ("verified-in-source", "verified-in-secondary-source")
PAPER, REPRODUCTION = "van-der-sluis-2023-nejm", "amgen-brazil-abstract-reproduction"
NS = str(CLE._NS)


def reference_facts(path=FACTS_FILE) -> list:
    """A reference list from the shared reference folder (beside the checkout), or an empty list outside it."""
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else []


def abstract_sentences() -> list:
    """(fact ids, exact sentence) of facts.md's table 'The abstract's own words', or [] outside the checkout."""
    if not FACTS_MD.is_file():
        return []
    section = FACTS_MD.read_text(encoding="utf-8").split("## The abstract's own words", 1)[1]
    return [
        (ids.split(", "), sentence) for ids, sentence in re.findall(r'^\| ([a-z0-9_., ]+) \| "(.*)" \|$', section, re.M)
    ]


def cle(name: str) -> URIRef:
    return URIRef(NS + name)


def entity_iri(entity_id: str) -> URIRef:
    return CHECKED.mapped.entities[entity_id].iri


def refs_of(entity_id: str) -> list:
    """The source reference nodes of one entity."""
    return list(CHECKED.mapped.dataset.objects(entity_iri(entity_id), PROV.qualifiedDerivation))


def quotes_of(entity_id: str, keys=None) -> list:
    """(reference, quote text) of an entity's source references; with keys, only references that back one of them
    (or that list no supports, backing the whole entity)."""
    data, found = CHECKED.mapped.dataset, []
    for ref in refs_of(entity_id):
        supports = {str(s).rsplit("#", 1)[-1] for s in data.objects(ref, CLE.supports)}
        if keys is not None and supports and not supports & set(keys):
            continue
        found += [(ref, str(q)) for q in data.objects(ref, CLE.quote)]
    return found


def is_result(entity_id: str) -> bool:
    return cle("Result") in CHECKED.mapped.entities[entity_id].cls.ancestors


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


@pytest.mark.skipif(not LANDSCAPE_FILE.is_file(), reason="shared/reference/landscape.yaml is not beside this checkout")
def test_every_verified_landscape_fact_has_a_coverage_entry():
    verified = [fact["id"] for fact in reference_facts(LANDSCAPE_FILE) if fact["confidence"] in VERIFIED]
    assert verified and [fact_id for fact_id in verified if fact_id not in LANDSCAPE_COVERAGE] == []


def check_item(fact_id: str, item: dict) -> None:
    """One coverage item: the value is in the graph exactly (in a nested entry when `nested` names its key), and
    its key is flagged unverified exactly when the item says so."""
    spec, values, graph, record = values_of(item["entity"], item["key"])
    expected = str(item["value"])
    if "nested" in item:
        inner = spec.nested.properties[item["nested"]]
        values = [v for node in values for v in graph.objects(node, inner.path)]
        spec = inner
    where = f"{item['entity']}.{item['key']}" + (f".{item['nested']}" if "nested" in item else "")
    assert any(matches(spec, v, expected) for v in values), (
        f"{fact_id}: {where} has {[str(v) for v in values]}, not {expected!r}"
    )
    if "nested" not in item:
        flagged = spec.path in set(graph.objects(record.iri, CLE.unverifiedProperty))
        assert flagged == bool(item.get("unverified", False)), f"{fact_id}: unverified flag of {item['key']}"


@pytest.mark.parametrize("fact_id", sorted(COVERAGE))
def test_fact_is_in_the_graph_exactly(fact_id):
    for item in COVERAGE[fact_id]:
        check_item(fact_id, item)


@pytest.mark.parametrize("fact_id", sorted(LANDSCAPE_COVERAGE))
def test_landscape_fact_is_in_the_graph_exactly(fact_id):
    for item in LANDSCAPE_COVERAGE[fact_id]:
        check_item(fact_id, item)


OUTCOMES = sorted(r.id for r in CHECKED.mapped.entities.values() if r.cls.folder == "outcomes")
RESULTS = sorted(r.id for r in CHECKED.mapped.entities.values() if is_result(r.id))


@pytest.mark.parametrize("outcome_id", RESULTS)
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


# --- the abstract's own words and the quotes of landscape.md -----------------------------------------------------------


@pytest.mark.skipif(not FACTS_MD.is_file(), reason="shared/reference/facts.md is not beside this checkout")
def test_the_abstract_table_is_read():
    assert len(abstract_sentences()) >= 9


@pytest.mark.parametrize(
    "fact_ids, sentence", abstract_sentences(), ids=lambda v: "+".join(v) if isinstance(v, list) else ""
)
def test_abstract_sentence_is_a_quote_of_the_paper_read_in_the_reproduction(fact_ids, sentence):
    """Each exact sentence of the NEJM abstract is a quote with the paper as source and the Amgen Brazil reproduction
    as where it was read (a copy: verified-in-secondary-source), on every entity that holds one of its facts."""
    data = CHECKED.mapped.dataset
    paper, copy = entity_iri(PAPER), entity_iri(REPRODUCTION)

    def right(ref) -> bool:
        return (
            data.value(ref, PROV.entity) == paper
            and data.value(ref, cle("readIn")) == copy
            and str(data.value(ref, CLE.confidence)) == "verified-in-secondary-source"
        )

    quoted = [ref for ref, _, quote in data.triples((None, CLE.quote, Literal(sentence, lang="en"))) if right(ref)]
    assert quoted, f"no source reference quotes {sentence[:60]!r}… from {PAPER} read in {REPRODUCTION}"
    holders = sorted({item["entity"] for fact_id in fact_ids for item in COVERAGE.get(fact_id, [])})
    for entity_id in holders:
        assert any(right(ref) for ref, quote in quotes_of(entity_id) if quote == sentence), (
            f"{entity_id} holds a fact of {fact_ids} but does not carry the abstract's sentence"
        )


QUOTED_LANDSCAPE = [fact for fact in reference_facts(LANDSCAPE_FILE) if fact.get("quote")]


@pytest.mark.parametrize("fact", QUOTED_LANDSCAPE, ids=lambda f: f["id"])
def test_every_result_of_a_quoted_landscape_fact_carries_the_quote(fact):
    """Where landscape.yaml gives a fact's exact words, every outcome or relative effect holding that fact carries
    them (within a longer quote of the same passage, where the source reference quotes more)."""
    results = sorted({item["entity"] for item in LANDSCAPE_COVERAGE.get(fact["id"], []) if is_result(item["entity"])})
    holders = results or sorted({item["entity"] for item in LANDSCAPE_COVERAGE.get(fact["id"], [])})
    assert holders, fact["id"]
    for entity_id in holders:
        assert any(fact["quote"] in quote for _, quote in quotes_of(entity_id)), (
            f"{entity_id} lacks {fact['quote'][:60]!r}…"
        )


def test_every_source_read_in_a_copy_names_a_copy_of_that_source():
    data = CHECKED.mapped.dataset
    pairs = [(ref, copy) for ref, _, copy in data.triples((None, cle("readIn"), None))]
    assert len(pairs) >= 20
    for ref, copy in pairs:
        assert data.value(copy, cle("copyOf")) == data.value(ref, PROV.entity), ref


# --- uncertainty of the kind the source gives -------------------------------------------------------------------------


def values(entity_id: str, name: str) -> list:
    return list(CHECKED.mapped.dataset.objects(entity_iri(entity_id), cle(name)))


@pytest.mark.parametrize("result_id", RESULTS)
def test_uncertainty_is_of_one_kind_as_the_source_gives_it(result_id):
    ci = values(result_id, "ciLower") or values(result_id, "ciUpper")
    se, pm = values(result_id, "standardError"), values(result_id, "plusMinus")
    assert not (se and pm), "a standard error and an unnamed ± together"
    assert not (ci and se), "a 95% CI and a standard error together (no source read here gives both)"
    assert not (values(result_id, "pValue") and values(result_id, "pValueBelow"))
    for bound in ("Lower", "Upper"):
        flag = [str(v) for v in values(result_id, f"ci{bound}NotEstimable")]
        assert not (flag == ["true"] and values(result_id, f"ci{bound}")), f"ci{bound} and 'not estimable' together"
    estimate = {"estimate", "standardError", "plusMinus", "ciLower", "ciUpper"}
    words = [quote for _, quote in quotes_of(result_id, estimate)]
    if pm:  # the source writes a ± and does not say what it is
        assert any("±" in w for w in words), "plusMinus without a quote showing the ±"
        assert not any(re.search(r"standard error|\bSE\b", w) for w in words), "the source names it: use standardError"
    if se and words:  # the source names a standard error, or gives 'estimate (SE)' in a table; never a bare ±
        assert any(re.search(r"standard error|\bSE\b|\(\d+(\.\d+)?\)", w) for w in words), (
            "standardError the source does not name"
        )
        assert not any("±" in w for w in words), "the source writes ±: use plusMinus"
    if ci and words and not values(result_id, "standardError"):
        assert any(re.search(r"CI|confidence interval", w) for w in words), "a CI without the source calling it one"


def test_standard_errors_and_unnamed_plus_minus_are_both_used():
    assert [r for r in RESULTS if values(r, "standardError")] and [r for r in RESULTS if values(r, "plusMinus")]


# --- randomised arms, historical controls, conflicts ----------------------------------------------------------------------

COHORTS = sorted(r.id for r in CHECKED.mapped.entities.values() if r.cls.folder == "cohorts")


def one(entity_id: str, name: str):
    found = values(entity_id, name)
    return str(found[0]) if found else None


@pytest.mark.parametrize("cohort_id", COHORTS)
def test_randomised_arms_pair_up_and_historical_controls_stay_apart(cohort_id):
    for other in values(cohort_id, "randomisedAgainst"):
        other_id = CHECKED.schema.entity_id(other)
        assert one(cohort_id, "cohortRole") == one(other_id, "cohortRole") == "randomised-arm"
        assert one(cohort_id, "drawnFrom") == one(other_id, "drawnFrom")
    if one(cohort_id, "cohortRole") == "historical-control":
        assert not values(cohort_id, "randomisedAgainst")
        assert not list(CHECKED.mapped.dataset.subjects(cle("randomisedAgainst"), entity_iri(cohort_id)))


CONFLICTS = sorted(r.id for r in CHECKED.mapped.entities.values() if r.cls.folder == "conflicts")


def test_the_two_known_conflicts_are_kept():
    assert {"interfant-06-high-risk-age-criterion", "aall0631-allocation"} <= set(CONFLICTS)


@pytest.mark.parametrize("conflict_id", CONFLICTS)
def test_a_conflict_keeps_two_claims_each_with_source_and_locator(conflict_id):
    data = CHECKED.mapped.dataset
    claims = values(conflict_id, "claim")
    assert len(claims) >= 2
    stated = set()
    for claim in claims:
        assert data.value(claim, PROV.entity) is not None and data.value(claim, CLE.locator) is not None
        stated.add((str(data.value(claim, cle("statedValue"))), str(data.value(claim, CLE.locator))))
    assert len(stated) == len(claims), "two claims that say the same"
    key = one(conflict_id, "conflictProperty")
    for about in values(conflict_id, "conflictAbout"):
        about_id = CHECKED.schema.entity_id(about)
        if key is None or key not in CHECKED.mapped.entities[about_id].cls.shape.properties:
            continue
        path = CHECKED.mapped.entities[about_id].cls.shape.properties[key].path
        flagged = path in set(data.objects(about, CLE.unverifiedProperty))
        assert flagged or not list(data.objects(about, path)), f"{about_id}.{key} is disputed: leave it out or flag it"


# --- what landscape.md lists as not verified ---------------------------------------------------------------------------


def identifiers_of(entity_id: str) -> set:
    return {str(v) for v in CHECKED.mapped.dataset.objects(entity_iri(entity_id), SKOS.exactMatch)}


def test_what_landscape_lists_as_not_verified_is_not_entered_as_verified():
    data = CHECKED.mapped.dataset
    assert not list(data.subjects(SKOS.exactMatch, URIRef("https://doi.org/10.1016/S0140-6736(07)61126-X")))
    assert identifiers_of("pieters-2007-lancet") == set()  # Interfant-99: no PMID, no DOI
    for article in ("brown-2021-jama", "locatelli-2021-jama"):  # AALL1331 and Locatelli 2021: no DOI, no PMID
        assert not [i for i in identifiers_of(article) if "doi.org" in i or "pubmed" in i]
    assert not values("locatelli-2021-efs-hazard-ratio", "ciLower") and not values(
        "locatelli-2021-efs-hazard-ratio", "ciUpper"
    )
    effects = {CHECKED.schema.entity_id(s) for s in data.subjects(RDF.type, cle("RelativeEffect"))}
    by_trial = {
        CHECKED.schema.entity_id(o)
        for t in ("cog-aall1331", "interfant-06", "interfant-99")
        for o in data.objects(entity_iri(t), cle("reportsEffect"))
    }
    assert effects and not by_trial  # no hazard ratios for AALL1331, no effects by arm for the Interfant trials
    arm_outcomes = [
        o
        for arm in (
            "interfant-06-ade-mae-arm",
            "interfant-06-ib-arm",
            "interfant-99-standard-arm",
            "interfant-99-vimaram-arm",
        )
        for o in data.subjects(CLE.inCohort, entity_iri(arm))
    ]
    assert arm_outcomes == []  # EFS/OS by randomised arm were not read
    mll10 = {entity_iri(c) for c in COHORTS if one(c, "drawnFrom") == str(entity_iri("mll-10"))}
    assert not [
        o for o in data.subjects(CLE.measure, entity_iri("overall-survival")) if data.value(o, CLE.inCohort) in mll10
    ]
    approvals = list(data.subjects(cle("approvalOf"), entity_iri("revumenib")))
    npm1 = [a for a in approvals if "NPM1" in " ".join(str(i) for i in data.objects(a, cle("indication")))]
    assert len(approvals) == 2 and len(npm1) == 1
    assert data.value(npm1[0], cle("approvalDate")) is None  # its date was not read on a primary page
    assert cle("drugClass") in set(data.objects(entity_iri("ziftomenib"), CLE.unverifiedProperty))
