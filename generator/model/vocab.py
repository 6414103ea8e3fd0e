"""The one place where IRIs of the vocabularies we use are named (closed namespaces: a typo raises)."""

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SH, SKOS, XSD, DefinedNamespace

__all__ = [
    "CLE",
    "CLES",
    "DCTERMS",
    "OWL",
    "PROV",
    "RDF",
    "RDFS",
    "SH",
    "SKOS",
    "XSD",
    "VANN",
    "SCHEMA",
    "ONTOLOGY_IRI",
    "BINDINGS",
]


class CLE(DefinedNamespace):
    """Terms of our own ontology that the generator itself relies on (the rest it discovers)."""

    _NS = Namespace("https://w3id.org/cle/ontology#")
    _fail = True
    Entity: URIRef
    SourceReference: URIRef
    contentFolder: URIRef
    entityNamespace: URIRef
    requiredLanguage: URIRef
    inverseLabel: URIRef
    yamlKey: URIRef
    valueKind: URIRef
    ExternalIdentifier: URIRef
    PropertyKey: URIRef
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
    # Terms the outcome sections read (figures, intervals, comparators, derivations).
    ClinicalTrial: URIRef
    Disease: URIRef
    Drug: URIRef
    Outcome: URIRef
    Publication: URIRef
    StudyCohort: URIRef
    TreatmentProtocol: URIRef
    addsDrug: URIRef
    ciLower: URIRef
    ciUpper: URIRef
    cohortRole: URIRef
    comparator: URIRef
    definedBy: URIRef
    derivation: URIRef
    derivedFromOutcome: URIRef
    enrolsCohort: URIRef
    estimate: URIRef
    hasDisease: URIRef
    inCohort: URIRef
    includesDrug: URIRef
    measure: URIRef
    participantCount: URIRef
    reportsOutcome: URIRef
    studiesDisease: URIRef
    synonym: URIRef
    otherIdentifier: URIRef
    timePoint: URIRef
    treats: URIRef
    unit: URIRef
    usesProtocol: URIRef


CLES = Namespace("https://w3id.org/cle/shapes#")
VANN = Namespace("http://purl.org/vocab/vann/")
SCHEMA = Namespace("http://schema.org/")
ONTOLOGY_IRI = URIRef("https://w3id.org/cle/ontology")

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
