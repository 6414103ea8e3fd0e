"""data/void.ttl, the dataset description, parses (rdflib, an independent parser) and says what the dumps hold:
its counts are recounted here from the dumps themselves, its byte sizes from the files on disk."""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from rdflib import Graph, URIRef
from rdflib.namespace import DCAT, DCTERMS, OWL, RDF, SH, VOID

from generator.load.saved_queries import load_saved_queries
from generator.model.formats import DUMPS
from generator.model.vocab import LICENCES
from tests.conftest import ROOT

DATASET = URIRef("https://w3id.org/cle/dataset")
NAMESPACE = "https://w3id.org/cle/id/"


def read_void(site: Path) -> Graph:
    return Graph().parse(site / "data" / "void.ttl", format="turtle")


def value(graph: Graph, subject, prop):
    found = list(graph.objects(subject, prop))
    assert len(found) == 1, (subject, prop, found)
    return found[0]


def check_void_matches_dumps(site: Path, saved: list) -> Graph:
    """Every count, partition and size of void.ttl against the dumps under site/data; returns the description."""
    void = read_void(site)
    union = Graph().parse(site / "data" / "kg.nt", format="nt")
    assert int(value(void, DATASET, VOID.triples)) == len(union)
    subjects = set(union.subjects())
    assert int(value(void, DATASET, VOID.distinctSubjects)) == len(subjects)
    entities = {s for s in subjects if str(s).startswith(NAMESPACE) and "#" not in str(s)}
    assert int(value(void, DATASET, VOID.entities)) == len(entities) > 0
    members = Counter(o for _, o in set(union.subject_objects(RDF.type)))
    classes = {
        value(void, part, VOID["class"]): int(value(void, part, VOID.entities))
        for part in void.objects(DATASET, VOID.classPartition)
    }
    assert classes == dict(members)
    properties = {
        value(void, part, VOID.property): int(value(void, part, VOID.triples))
        for part in void.objects(DATASET, VOID.propertyPartition)
    }
    assert properties == dict(Counter(p for _, p, _ in union))
    for part in void.objects(DATASET, VOID.classPartition):  # per class: the triples of its members, by property
        cls = value(void, part, VOID["class"])
        of_class = {s for s, o in union.subject_objects(RDF.type) if o == cls}
        counted = Counter(p for s, p, _ in union if s in of_class)
        nested = {
            value(void, n, VOID.property): int(value(void, n, VOID.triples))
            for n in void.objects(part, VOID.propertyPartition)
        }
        assert nested == dict(counted), cls
    sizes = {}
    for distribution in void.objects(DATASET, DCAT.distribution):
        url = str(value(void, distribution, DCAT.downloadURL))
        sizes[url.rsplit("/", 1)[1]] = int(value(void, distribution, DCAT.byteSize))
        assert str(value(void, distribution, DCAT.mediaType)).startswith(
            "https://www.iana.org/assignments/media-types/"
        )
    assert sizes == {f"kg.{dump.extension}": (site / "data" / f"kg.{dump.extension}").stat().st_size for dump in DUMPS}
    examples = {str(value(void, q, SH.select)) for q in void.subjects(RDF.type, SH.SPARQLExecutable)}
    assert examples == {query.text for query in saved}
    assert {title.language for title in void.objects(DATASET, DCTERMS.title)} == {"en", "nl"}
    assert {d.language for d in void.objects(DATASET, DCTERMS.description)} == {"en", "nl"}
    assert value(void, DATASET, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    assert value(void, DATASET, VOID.sparqlEndpoint) == URIRef("http://127.0.0.1:7878/query")
    return void


def test_the_real_builds_description_matches_its_dumps(site_dir):
    void = check_void_matches_dumps(site_dir, load_saved_queries(ROOT))
    version = str(value(void, DATASET, OWL.versionInfo))
    ontology = Graph().parse(ROOT / "ontology" / "cle.ttl", format="turtle")
    assert version.split("+")[0] == str(value(ontology, URIRef("https://w3id.org/cle/ontology"), OWL.versionInfo))


def test_every_page_links_the_description_from_its_head(site_dir):
    pages = sorted(site_dir.rglob("index.html"))
    assert len(pages) > 100
    for page in pages:
        html = page.read_text(encoding="utf-8")
        found = re.findall(r'<link rel="describedby" type="text/turtle" title="VoID" href="([^"]+)">', html)
        assert len(found) == 1, page
        base = "https://site.test/" + page.relative_to(site_dir).as_posix()
        assert urljoin(base, found[0]) == "https://site.test/data/void.ttl", page


@pytest.mark.parametrize("name", ["kg.ttl", "kg.trig"])
def test_the_dumps_that_take_comments_state_the_licence(site_dir, name):
    head = (site_dir / "data" / name).read_text(encoding="utf-8").splitlines()[:2]
    assert head[0].startswith("# Childhood Leukaemia Evidence, version ")
    assert head[1] == "# Licence: CC BY 4.0 <https://creativecommons.org/licenses/by/4.0/>; described in data/void.ttl."


def test_the_dumps_without_comments_carry_the_licence_as_a_triple(site_dir):
    union = Graph().parse(site_dir / "data" / "kg.nt", format="nt")
    licence = URIRef("https://creativecommons.org/licenses/by/4.0/")
    assert (URIRef("https://w3id.org/cle/ontology"), DCTERMS.license, licence) in union
    assert not (site_dir / "data" / "kg.nt").read_text(encoding="utf-8").startswith("#")  # canonical N-Triples


def test_the_footer_states_both_licences(site_dir):
    for page, data in (("index.html", "Data"), ("nl/index.html", "Gegevens")):
        html = (site_dir / page).read_text(encoding="utf-8")
        assert (
            f'{data}: <a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a> · code: '
            '<a href="https://opensource.org/license/mit" rel="license">MIT</a>'
        ) in html


def test_the_licence_is_the_same_everywhere_it_is_stated():
    """The ontology header is the one place; CITATION.cff and pyproject.toml agree with it and the files exist."""
    ontology = Graph().parse(ROOT / "ontology" / "cle.ttl", format="turtle")
    stated = value(ontology, URIRef("https://w3id.org/cle/ontology"), DCTERMS.license)
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert LICENCES[citation["license"]] == stated
    code = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["license"]
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith(f"{code} License\n")
    assert "Creative Commons Attribution 4.0 International" in (ROOT / "LICENSE-DATA.md").read_text(encoding="utf-8")
    assert isinstance(stated, URIRef)


def test_the_version_has_one_place():
    """owl:versionInfo in the ontology header; the versionIRI follows it and CITATION.cff does not repeat it."""
    ontology = Graph().parse(ROOT / "ontology" / "cle.ttl", format="turtle")
    header = URIRef("https://w3id.org/cle/ontology")
    version = str(value(ontology, header, OWL.versionInfo))
    assert value(ontology, header, OWL.versionIRI) == URIRef(f"{header}/{version}")
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert "version" not in citation and "date-released" not in citation
