"""Unit tests of each stage on small inline trees: load, map, check — exact messages, all problems at once."""

from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

from generator.check.pipeline import check_project
from generator.load.ontology import load_schema
from generator.model.mapped import graph_iri
from tests.conftest import ROOT
from tests.helpers import MINIMAL_SOURCE, make_tree

FOLDERS = ", ".join(sorted(load_schema(ROOT)[0].classes))  # the message lists the ontology's folders

DRUG = """label: {en: Blinatumomab, nl: Blinatumomab}
description: {en: A T-cell engager., nl: Een T-celkoppelaar.}
identifiers: [NCIT:C62528]
brandName: BLINCYTO
firstApprovalDate: 2014-12-03
targets: cd19
sources:
  - source: paper
    locator: Abstract
    supports: [brandName]
"""
GENE = "label: {en: CD19, nl: CD19}\ndescription: {en: An antigen., nl: Een antigeen.}\nsymbol: CD19\n" + MINIMAL_SOURCE


def problems_of(tmp_path, files):
    return [str(p) for p in check_project(make_tree(tmp_path, files)).problems]


def test_a_valid_entity_maps_to_the_expected_triples(tmp_path):
    checked = check_project(make_tree(tmp_path, {"drugs/blinatumomab.yaml": DRUG, "genes/cd19.yaml": GENE}))
    assert checked.problems == []
    iri = URIRef("https://w3id.org/cle/id/blinatumomab")
    graph = Graph()
    for triple in checked.mapped.dataset.graph(graph_iri(iri)):
        graph.add(triple)
    expected = Graph().parse(
        format="turtle",
        data="""
        @prefix cle: <https://w3id.org/cle/ontology#> . @prefix id: <https://w3id.org/cle/id/> .
        @prefix prov: <http://www.w3.org/ns/prov#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix dcterms: <http://purl.org/dc/terms/> .
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        id:blinatumomab a cle:Drug ;
            rdfs:label "Blinatumomab"@en , "Blinatumomab"@nl ;
            dcterms:description "A T-cell engager."@en , "Een T-celkoppelaar."@nl ;
            skos:exactMatch <http://purl.obolibrary.org/obo/NCIT_C62528> ;
            cle:brandName "BLINCYTO" ;
            cle:firstApprovalDate "2014-12-03"^^xsd:date ;
            cle:targets id:cd19 ;
            prov:qualifiedDerivation <https://w3id.org/cle/id/blinatumomab#sources-1> .
        <https://w3id.org/cle/id/blinatumomab#sources-1> a cle:SourceReference ;
            prov:entity id:paper ; cle:locator "Abstract" ; cle:supports cle:brandName .
    """,
    )
    assert isomorphic(graph, expected)


def test_scalars_are_typed_by_the_ontology_not_by_yaml(tmp_path):
    outcome_measure = (
        "label: {en: 'no', nl: 'yes'}\ndescription: {en: 'on', nl: 'off'}\nmeasureAbbreviation: 1.10\n" + MINIMAL_SOURCE
    )
    checked = check_project(make_tree(tmp_path, {"measures/odd.yaml": outcome_measure}))
    assert checked.problems == []
    values = {str(o) for o in checked.mapped.dataset.objects(URIRef("https://w3id.org/cle/id/odd"), None)}
    assert {"no", "yes", "on", "off", "1.10"} <= values


def test_every_problem_is_reported_at_once_sorted_with_a_fix(tmp_path):
    broken = DRUG.replace("brandName: BLINCYTO", "brandNme: BLINCYTO").replace("targets: cd19", "targets: cd91")
    broken = broken.replace("2014-12-03", "2014-02-30").replace("nl: Een T-celkoppelaar.", "fr: Un engageur.")
    assert problems_of(tmp_path, {"drugs/blinatumomab.yaml": broken, "genes/cd19.yaml": GENE}) == [
        "content/drugs/blinatumomab.yaml:2:14: `description` has no text in nl; add `nl: …`",
        "content/drugs/blinatumomab.yaml:2:38: `fr` is not a language `description` is written in; write "
        "`description` in en and nl only",
        "content/drugs/blinatumomab.yaml:4:1: unknown key `brandNme` for a Drug; did you mean `brandName`? (keys: "
        "label, description, sources, identifiers, synonym, otherIdentifier, website, brandName, drugClass, mechanism, "
        "boxedWarning, firstApprovalDate, approvalNote, treats, targets, manufacturer, originator, unverified)",
        "content/drugs/blinatumomab.yaml:5:20: `2014-02-30` is not a real date; write an existing date as YYYY-MM-DD",
        "content/drugs/blinatumomab.yaml:6:10: unknown id `cd91` in `targets`; did you mean `cd19`? (it must name a Gene in content/genes/)",
        "content/drugs/blinatumomab.yaml:10:16: `brandName` is a key of a Drug that this file does not state; write "
        "`brandName:` in this file or take `brandName` out of `supports`",
    ]


def test_unreadable_and_misplaced_files_are_problems_not_tracebacks(tmp_path):
    assert problems_of(
        tmp_path,
        {
            "drugs/Blina.yaml": DRUG,
            "drug/x.yaml": DRUG,
            "genes/cd19.yml": GENE,
            "genes/empty.yaml": "",
            "genes/tab.yaml": "label:\t{en: x}\n",
        },
    ) == [
        f"content/drug:1:1: unknown content folder `drug`; did you mean `drugs`? (folders: {FOLDERS})",
        "content/drugs/Blina.yaml:1:1: the file name `Blina` is not a valid id: use lowercase letters a-z, digits and "
        "single hyphens, starting with a letter; rename the file to `blina.yaml`",
        "content/genes/cd19.yml:1:1: not a .yaml file; rename it to `cd19.yaml`",
        "content/genes/empty.yaml:1:1: the file is empty; write the entity's keys and values, or delete the file "
        "(`kg new` writes a template with every key)",
        "content/genes/tab.yaml:1:7: a tab character; YAML indents with spaces, so write spaces instead",
    ]


def test_duplicate_and_look_alike_ids_across_folders(tmp_path):
    files = {"genes/cd19.yaml": GENE, "drugs/cd19.yaml": DRUG, "drugs/c-d19.yaml": DRUG}
    assert problems_of(tmp_path, files) == [
        "content/drugs/c-d19.yaml:6:10: `cd19` is a Drug, but `targets` needs a Gene",
        "content/drugs/cd19.yaml:1:1: an id that looks the same as content/drugs/c-d19.yaml (ids that differ only in "
        "hyphens, 0/o or 1/l are confused); rename one",
        "content/drugs/cd19.yaml:6:10: `cd19` is a Drug, but `targets` needs a Gene",
        "content/genes/cd19.yaml:1:1: the same id as content/drugs/cd19.yaml; ids are unique across content/, rename one",
    ]
    assert problems_of(tmp_path / "exact", {"genes/cd19.yaml": GENE, "drugs/cd19.yaml": DRUG}) == [
        "content/drugs/cd19.yaml:6:10: `cd19` is a Drug, but `targets` needs a Gene",
        "content/genes/cd19.yaml:1:1: the same id as content/drugs/cd19.yaml; ids are unique across content/, rename one",
    ]
