"""The one place where IRIs of the vocabularies we use are named (closed namespaces: a typo raises)."""

from rdflib import Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SH, SKOS, VOID, XSD, DefinedNamespace

__all__ = [
    "CLE",
    "CLES",
    "DCAT",
    "DCTERMS",
    "FOAF",
    "OWL",
    "PROV",
    "RDF",
    "RDFS",
    "SH",
    "SKOS",
    "VOID",
    "XSD",
    "VANN",
    "SCHEMA",
    "ONTOLOGY_IRI",
    "DATASET_IRI",
    "LOCAL_ENDPOINT",
    "LICENCES",
    "FORMATS",
    "MEDIA_TYPES",
    "VOID_EXT",
    "BINDINGS",
]


class CLE(DefinedNamespace):
    """Terms of our own ontology that the generator itself names (the rest it discovers from ontology/; a test
    checks that each of these is declared there)."""

    _NS = Namespace("https://w3id.org/cle/ontology#")
    _fail = True
    contentFolder: URIRef
    entityNamespace: URIRef
    requiredLanguage: URIRef
    inverseLabel: URIRef
    yamlKey: URIRef
    valueKind: URIRef
    ExternalIdentifier: URIRef
    PropertyKey: URIRef
    ContentKeys: URIRef
    unverifiedProperty: URIRef
    supports: URIRef
    locator: URIRef
    quote: URIRef
    quoteTranslation: URIRef
    confidence: URIRef
    # The roll-ups a class's pages list (SHACL paths on its shape) and how they are shown.
    rollUp: URIRef
    display: URIRef
    columns: URIRef
    LinkList: URIRef
    OutcomeTable: URIRef
    EntityTable: URIRef
    KeyResults: URIRef
    SummaryOfFindings: URIRef
    SafetyTable: URIRef
    ResultsTable: URIRef
    EffectTable: URIRef
    AcrossStudies: URIRef
    # How pages read the graph (ontology/pages.ttl): card rows, coded values' words, timeline events.
    cardRow: URIRef
    template: URIRef
    fallbackTemplate: URIRef
    valueScheme: URIRef
    eventLabel: URIRef
    menuLabel: URIRef
    menuOrder: URIRef
    # Terms the outcome sections read (figures, intervals, comparators, derivations, how they are appraised).
    measure: URIRef
    cohortRole: URIRef
    rangeLower: URIRef
    rangeUpper: URIRef
    measureCategory: URIRef
    direction: URIRef
    analysisNote: URIRef
    assessesOutcome: URIRef
    certainty: URIRef
    ratedDownFor: URIRef
    ratedUpFor: URIRef
    assessedBy: URIRef
    boxedWarning: URIRef
    addsDrug: URIRef
    enrolsCohort: URIRef
    testsDrug: URIRef
    standardError: URIRef
    plusMinus: URIRef
    ciLowerNotEstimable: URIRef
    ciUpperNotEstimable: URIRef
    pValue: URIRef
    pValueBelow: URIRef
    numerator: URIRef
    denominator: URIRef
    interventionCohort: URIRef
    controlCohort: URIRef
    afterFollowUp: URIRef
    randomisedAgainst: URIRef
    readIn: URIRef
    claim: URIRef
    statedValue: URIRef
    conflictNote: URIRef
    conflictAbout: URIRef
    conflictProperty: URIRef
    drawnFrom: URIRef
    inLanguage: URIRef
    RelativeEffect: URIRef
    ClinicalTrial: URIRef
    participantCount: URIRef
    SourceConflict: URIRef
    Outcome: URIRef
    Publication: URIRef
    ciLower: URIRef
    ciUpper: URIRef
    comparator: URIRef
    derivation: URIRef
    derivedFromOutcome: URIRef
    estimate: URIRef
    inCohort: URIRef
    timePoint: URIRef
    unit: URIRef


CLES = Namespace("https://w3id.org/cle/shapes#")
VANN = Namespace("http://purl.org/vocab/vann/")
SCHEMA = Namespace("http://schema.org/")
ONTOLOGY_IRI = URIRef("https://w3id.org/cle/ontology")
DATASET_IRI = URIRef("https://w3id.org/cle/dataset")  # the dataset data/void.ttl describes; a release adds /<version>
LOCAL_ENDPOINT = URIRef("http://127.0.0.1:7878/query")  # where `kg serve` answers SPARQL by default

FORMATS = Namespace("http://www.w3.org/ns/formats/")  # W3C's IRIs of RDF serialisations (dcterms:format)
MEDIA_TYPES = Namespace("https://www.iana.org/assignments/media-types/")  # + a media type: its IRI (dcat:mediaType)
VOID_EXT = Namespace("http://ldf.fi/void-ext#")  # datatype partitions, which SPARQL editors read for completion

# SPDX licence id (as CITATION.cff writes it) -> the licence's IRI (as dcterms:license gives it)
LICENCES = {
    "CC-BY-4.0": URIRef("https://creativecommons.org/licenses/by/4.0/"),
    "CC0-1.0": URIRef("https://creativecommons.org/publicdomain/zero/1.0/"),
    "MIT": URIRef("https://opensource.org/license/mit"),
}

# Prefixes bound in every dump, so Turtle and TriG read well (sorted for deterministic output).
BINDINGS = (
    ("cle", str(CLE._NS)),
    ("dcterms", str(DCTERMS)),
    ("owl", str(OWL)),
    ("prov", str(PROV)),
    ("rdf", str(RDF)),
    ("rdfs", str(RDFS)),
    ("schema", str(SCHEMA)),
    ("sh", str(SH)),
    ("skos", str(SKOS)),
    ("xsd", str(XSD)),
)
