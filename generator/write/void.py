"""data/void.ttl: the dataset described in VoID and DCAT — titles and descriptions in every language, licence,
authors, version and dates, counts of triples and entities, a class partition (each class with its properties,
the classes and datatypes of their values, as SPARQL editors read them for completion) and a property partition,
each dump as a dcat:Distribution with media type and byte size, every release, the SPARQL endpoint `kg serve`
offers and the saved questions as SHACL example queries. Made from the same quads as the dumps, so its counts
are theirs; written byte for byte stable."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pyoxigraph as ox

from ..model.formats import DUMPS, RELEASES_FOLDER, VOID_FILE
from ..model.quads import prefixes_of
from ..model.vocab import (
    BINDINGS,
    DATASET_IRI,
    DCAT,
    DCTERMS,
    FOAF,
    FORMATS,
    LOCAL_ENDPOINT,
    MEDIA_TYPES,
    ONTOLOGY_IRI,
    OWL,
    RDF,
    RDFS,
    SCHEMA,
    SH,
    VOID,
    VOID_EXT,
    XSD,
)
from ..render.ui_text import ui
from .files import put_bytes

__all__ = ["void_triples", "write_void", "dataset_counts", "VOID_PREFIXES"]

VOID_PREFIXES = dict(BINDINGS) | {
    "dcat": str(DCAT),
    "foaf": str(FOAF),
    "void": str(VOID),
    "void-ext": str(VOID_EXT),
}
_TYPE = ox.NamedNode(str(RDF.type))


def _iri(value) -> ox.NamedNode:
    return ox.NamedNode(str(value))


def _text(value, lang: str | None = None) -> ox.Literal:
    return ox.Literal(str(value), language=lang) if lang else ox.Literal(str(value))


def _typed(value, datatype) -> ox.Literal:
    return ox.Literal(str(value), datatype=_iri(datatype))


def _count(value: int) -> ox.Literal:
    return _typed(value, XSD.integer)


def _slug(iri: str) -> str:
    """A readable, stable name for a term inside the dataset IRI: its prefixed name, else a short hash.

    >>> _slug("https://w3id.org/cle/ontology#Drug"), _slug("urn:x")
    ('cle-Drug', 'h-1ff30242')
    """
    for prefix, namespace in sorted(VOID_PREFIXES.items(), key=lambda item: -len(item[1])):
        local = iri[len(namespace) :]
        if iri.startswith(namespace) and re.fullmatch(r"[A-Za-z0-9_-]+", local):
            return f"{prefix}-{local}"
    return "h-" + hashlib.sha256(iri.encode("utf-8")).hexdigest()[:8]


def dataset_counts(union: list, namespace: str) -> dict:
    """What VoID counts, over the union of the named graphs (each triple once, as in kg.ttl and kg.nt:
    dumps.union_triples)."""
    triples = [(t.subject, t.predicate, t.object) for t in union]
    by_subject: dict = {}
    types: dict = {}  # subject -> its classes
    for s, p, o in triples:
        by_subject.setdefault(s, []).append((p, o))
        if p == _TYPE:
            types.setdefault(s, set()).add(o)
    members: dict = {}
    for subject, classes in types.items():
        for cls in classes:
            members.setdefault(cls, set()).add(subject)
    properties: dict = {}
    for _, p, _ in triples:
        properties[p] = properties.get(p, 0) + 1
    per_class: dict = {}  # class -> property -> [triples, object classes, datatypes]
    for cls, subjects in members.items():
        table = per_class.setdefault(cls, {})
        for subject in subjects:
            for p, o in by_subject[subject]:
                row = table.setdefault(p, [0, set(), set()])
                row[0] += 1
                if isinstance(o, ox.Literal):
                    row[2].add(o.datatype)
                else:
                    row[1].update(types.get(o, ()))
    entities = {s for s in by_subject if isinstance(s, ox.NamedNode) and s.value.startswith(namespace)}
    return {
        "triples": len(triples),
        "entities": sum(1 for s in entities if "#" not in s.value[len(namespace) :]),
        "subjects": len(by_subject),
        "objects": len({o for _, _, o in triples}),
        "properties": properties,
        "classes": {cls: len(subjects) for cls, subjects in members.items()},
        "per_class": per_class,
    }


def _partitions(dataset: ox.NamedNode, counts: dict) -> list:
    found = []
    base = str(DATASET_IRI)
    for cls, entities in sorted(counts["classes"].items(), key=lambda item: item[0].value):
        part = _iri(f"{base}#class-{_slug(cls.value)}")
        found += [
            (dataset, _iri(VOID.classPartition), part),
            (part, _iri(VOID["class"]), cls),
            (part, _iri(VOID.entities), _count(entities)),
        ]
        for prop, (triples, classes, datatypes) in sorted(counts["per_class"][cls].items(), key=lambda i: i[0].value):
            inner = _iri(f"{part.value}-property-{_slug(prop.value)}")
            found += [
                (part, _iri(VOID.propertyPartition), inner),
                (inner, _iri(VOID.property), prop),
                (inner, _iri(VOID.triples), _count(triples)),
            ]
            for target in sorted(classes, key=lambda c: c.value):
                node = _iri(f"{inner.value}-class-{_slug(target.value)}")
                found += [(inner, _iri(VOID.classPartition), node), (node, _iri(VOID["class"]), target)]
            for datatype in sorted(datatypes, key=lambda d: d.value):
                node = _iri(f"{inner.value}-datatype-{_slug(datatype.value)}")
                found += [
                    (inner, _iri(VOID_EXT.datatypePartition), node),
                    (node, _iri(VOID_EXT.datatype), datatype),
                ]
    for prop, triples in sorted(counts["properties"].items(), key=lambda item: item[0].value):
        part = _iri(f"{base}#property-{_slug(prop.value)}")
        found += [
            (dataset, _iri(VOID.propertyPartition), part),
            (part, _iri(VOID.property), prop),
            (part, _iri(VOID.triples), _count(triples)),
        ]
    return found


def _distributions(dataset: ox.NamedNode, site, folder: str, sizes: dict, licence: str) -> list:
    """A dcat:Distribution per dump in folder ('data' or 'data/releases/<version>') with its size."""
    found = []
    for data_format in DUMPS:
        name = f"kg.{data_format.extension}"
        if name not in sizes:
            continue
        address = site.page_address(f"{folder}/{name}")
        node = _iri(address or f"{dataset.value}#{name}")
        found += [
            (dataset, _iri(DCAT.distribution), node),
            (node, _TYPE, _iri(DCAT.Distribution)),
            (node, _iri(DCTERMS.title), _text(f"{data_format.name} ({name})")),
            (node, _iri(DCAT.mediaType), _iri(MEDIA_TYPES[data_format.media_type])),
            (node, _iri(DCTERMS["format"]), _iri(FORMATS[data_format.w3c_format])),
            (node, _iri(DCAT.byteSize), _typed(sizes[name], XSD.nonNegativeInteger)),
        ]
        if address:
            found += [(node, _iri(DCAT.downloadURL), node), (dataset, _iri(VOID.dataDump), node)]
        if licence:
            found.append((node, _iri(DCTERMS.license), _iri(licence)))
    return found


def _examples(dataset: ox.NamedNode, saved: list, languages: tuple, namespace: str) -> list:
    """The saved questions as SHACL SPARQL executables (as the SIB's SPARQL editor reads examples), with the
    prefixes every query may use."""
    base = str(DATASET_IRI)
    prefixes = _iri(f"{base}#prefixes")
    found = [(prefixes, _TYPE, _iri(OWL.Ontology))]
    for name, iri in sorted(prefixes_of(namespace).items()):
        declaration = _iri(f"{base}#prefix-{name}")
        found += [
            (prefixes, _iri(SH.declare), declaration),
            (declaration, _iri(SH.prefix), _text(name)),
            (declaration, _iri(SH.namespace), _typed(iri, XSD.anyURI)),
        ]
    for query in saved:
        node = _iri(f"{base}#query-{query.name}")
        found += [
            (node, _TYPE, _iri(SH.SPARQLExecutable)),
            (node, _TYPE, _iri(SH.SPARQLSelectExecutable)),
            (node, _iri(SH.select), _text(query.text)),
            (node, _iri(SH.prefixes), prefixes),
            (node, _iri(SCHEMA.target), _iri(LOCAL_ENDPOINT)),
            (node, _iri(DCTERMS.isPartOf), dataset),
        ]
        for lang in languages:
            found += [
                (node, _iri(RDFS.label), _text(query.title(lang), lang)),
                (node, _iri(RDFS.comment), _text(query.question(lang), lang)),
            ]
    return found


def _people(dataset: ox.NamedNode, citation) -> list:
    found = []
    base = str(DATASET_IRI)
    publisher = None
    for number, author in enumerate(citation.authors if citation else (), start=1):
        node = _iri(f"{base}#author-{number}")
        kind = FOAF.Person if author.is_person else FOAF.Organization
        found += [(dataset, _iri(DCTERMS.creator), node), (node, _TYPE, _iri(kind))]
        found.append((node, _iri(FOAF.name), _text(author.display())))
        if not author.is_person and publisher is None:
            publisher = node
    if publisher is not None:
        found.append((dataset, _iri(DCTERMS.publisher), publisher))
    return found


def _date(day: str) -> ox.Literal:
    return _typed(day, XSD.date)


def void_triples(
    union: list, sizes: dict, release_sizes: dict, edition, site, saved: list, namespace: str, languages
) -> list:
    """The dataset description as sorted Oxigraph triples. union: the union graph's triples
    (dumps.union_triples); sizes: dump name -> bytes of the latest dumps; release_sizes: version -> dump
    name -> bytes of each release's dumps."""
    dataset = _iri(DATASET_IRI)
    counts = dataset_counts(union, namespace)
    found = [
        (dataset, _TYPE, _iri(VOID.Dataset)),
        (dataset, _TYPE, _iri(DCAT.Dataset)),
        (dataset, _iri(VOID.triples), _count(counts["triples"])),
        (dataset, _iri(VOID.entities), _count(counts["entities"])),
        (dataset, _iri(VOID.distinctSubjects), _count(counts["subjects"])),
        (dataset, _iri(VOID.distinctObjects), _count(counts["objects"])),
        (dataset, _iri(VOID.properties), _count(len(counts["properties"]))),
        (dataset, _iri(VOID.classes), _count(len(counts["classes"]))),
        (dataset, _iri(VOID.uriSpace), _text(namespace)),
        (dataset, _iri(VOID.vocabulary), _iri(ONTOLOGY_IRI)),
        (dataset, _iri(VOID.sparqlEndpoint), _iri(LOCAL_ENDPOINT)),
    ]
    for lang in languages:
        found += [
            (dataset, _iri(DCTERMS.title), _text(ui("dataset_title", lang), lang)),
            (dataset, _iri(DCTERMS.description), _text(ui("dataset_description", lang), lang)),
        ]
    if edition.version:
        found += [(dataset, _iri(OWL.versionInfo), _text(edition.label))]
    if edition.licence:
        found.append((dataset, _iri(DCTERMS.license), _iri(edition.licence)))
    release = edition.release_of(edition.version)
    if release is not None:
        found.append((dataset, _iri(DCTERMS.issued), _date(release.commit.day)))
    if edition.head is not None:
        found.append((dataset, _iri(DCTERMS.modified), _date(edition.head.day)))
    if site.site_url:
        found += [
            (dataset, _iri(DCAT.landingPage), _iri(site.site_url)),
            (dataset, _iri(FOAF.homepage), _iri(site.site_url)),
        ]
    service = _iri(f"{DATASET_IRI}#sparql")
    found += [
        (dataset, _iri(DCAT.accessService), service),
        (service, _TYPE, _iri(DCAT.DataService)),
        (service, _iri(DCAT.endpointURL), _iri(LOCAL_ENDPOINT)),
        (service, _iri(DCAT.servesDataset), dataset),
    ]
    found += [(service, _iri(DCTERMS.description), _text(ui("endpoint_description", lang), lang)) for lang in languages]
    found += _people(dataset, edition.citation)
    found += _distributions(dataset, site, "data", sizes, edition.licence)
    for other in edition.releases:
        if other.version not in release_sizes:
            continue
        version = _iri(f"{DATASET_IRI}/{other.version}")
        found += [
            (dataset, _iri(DCTERMS.hasVersion), version),
            (version, _TYPE, _iri(VOID.Dataset)),
            (version, _TYPE, _iri(DCAT.Dataset)),
            (version, _iri(DCTERMS.isVersionOf), dataset),
            (version, _iri(OWL.versionInfo), _text(other.version)),
            (version, _iri(DCTERMS.issued), _date(other.commit.day)),
        ]
        found += _distributions(
            version, site, f"{RELEASES_FOLDER}/{other.version}", release_sizes[other.version], edition.licence
        )
    found += _partitions(dataset, counts)
    found += _examples(dataset, saved, languages, namespace)
    unique = {ox.Triple(s, p, o) for s, p, o in found}
    return sorted(unique, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


def write_void(folder: Path, header: bytes, *args) -> int:
    """Write VOID_FILE under folder (the site); args as void_triples takes them. Returns its size in bytes."""
    output = header + ox.serialize(void_triples(*args), format=ox.RdfFormat.TURTLE, prefixes=VOID_PREFIXES)
    put_bytes(folder / VOID_FILE, output)
    return len(output)
