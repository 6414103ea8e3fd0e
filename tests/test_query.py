"""`kg query` and the safe query runner: inputs, formats, errors, refusals and bounds, on a fixed fixture tree."""

from __future__ import annotations

import csv
import io
import json
import socket
import threading
import xml.etree.ElementTree as ET

import pyoxigraph as ox
import pytest
import rdflib

from generator.cli import main
from generator.sparql.engine import QueryError, keywords, run_query
from generator.sparql.store import project_store
from tests.test_query_fixture import write_fixture

DRUGS = "SELECT ?drug WHERE { ?drug a cle:Drug } ORDER BY ?drug"
BLINATUMOMAB = "https://w3id.org/cle/id/blinatumomab"
# a cross product of seven patterns over every triple: never finishes on any real graph
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o . ?p ?q ?r . ?s ?t ?u }"


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    return write_fixture(tmp_path_factory.mktemp("query"))


@pytest.fixture(scope="module")
def store(root):
    store, prefixes, problems = project_store(root)
    assert problems == []
    return store


def kg(capfdbinary, *args):
    code = main(["query", *args])
    out, err = capfdbinary.readouterr()
    return code, out.decode("utf-8"), err.decode("utf-8")


# --- inputs and formats ------------------------------------------------------------------------------


def test_inline_query_prints_a_table(root, capfdbinary):
    code, out, err = kg(capfdbinary, "--root", str(root), DRUGS)
    assert code == 0, err
    assert "| drug            |" in out and "| id:blinatumomab |" in out and out.endswith("1 row\n")


def test_table_tells_languages_and_datatypes_apart(root, capfdbinary):
    query = (
        "SELECT ?label ?n WHERE { { id:blinatumomab rdfs:label ?label } UNION "
        "{ id:blinfant-patients cle:participantCount ?n } } ORDER BY ?label ?n"
    )
    code, out, err = kg(capfdbinary, "--root", str(root), query)
    assert code == 0, err
    rows = [line for line in out.splitlines() if line.startswith("| ")][1:]
    assert [[cell.strip() for cell in row.strip("|").split("|")] for row in rows] == [
        ["", "30^^xsd:integer"],
        ["Blinatumomab@en", ""],
        ["Blinatumomab@nl", ""],
    ]
    code, out, err = kg(capfdbinary, "--root", str(root), "--format", "csv", query)
    assert out.splitlines()[1:] == [",30", "Blinatumomab,", "Blinatumomab,"]  # CSV carries no tags, as SPARQL says
    bindings = json.loads(kg(capfdbinary, "--root", str(root), "--format", "json", query)[1])["results"]["bindings"]
    assert [b["label"].get("xml:lang") for b in bindings if "label" in b] == ["en", "nl"]


def test_query_from_rq_file(root, tmp_path, capfdbinary):
    path = tmp_path / "drugs.rq"
    path.write_text("PREFIX cle: <https://w3id.org/cle/ontology#>\n" + DRUGS, encoding="utf-8")
    code, out, err = kg(capfdbinary, "--root", str(root), "--format", "csv", str(path))
    assert (code, out) == (0, f"drug\r\n{BLINATUMOMAB}\r\n")


def test_query_from_stdin(root, capfdbinary, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(DRUGS))
    code, out, err = kg(capfdbinary, "--root", str(root), "--format", "tsv", "-")
    assert (code, out) == (0, f"?drug\n<{BLINATUMOMAB}>\n")


def test_every_results_format_is_read_back_by_an_independent_parser(root, capfdbinary):
    query = "SELECT ?cohort ?n WHERE { ?cohort cle:participantCount ?n } ORDER BY ?n"
    outputs = {
        fmt: kg(capfdbinary, "--root", str(root), "--format", fmt, query) for fmt in ("csv", "tsv", "json", "xml")
    }
    assert all(code == 0 for code, _, _ in outputs.values())
    assert list(csv.reader(io.StringIO(outputs["csv"][1])))[1:] == [
        ["https://w3id.org/cle/id/blinfant-patients", "30"],
        ["https://w3id.org/cle/id/interfant-06-controls", "214"],
    ]
    bindings = json.loads(outputs["json"][1])["results"]["bindings"]
    assert [b["n"]["value"] for b in bindings] == ["30", "214"]
    assert bindings[0]["n"]["datatype"] == "http://www.w3.org/2001/XMLSchema#integer"
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    literals = ET.fromstring(outputs["xml"][1]).findall(".//r:binding[@name='n']/r:literal", ns)
    assert [element.text for element in literals] == ["30", "214"]
    rows = list(ox.parse_query_results(outputs["tsv"][1], format=ox.QueryResultsFormat.TSV))
    assert [row["n"].value for row in rows] == ["30", "214"]


def test_ask_and_construct(root, capfdbinary):
    assert kg(capfdbinary, "--root", str(root), "ASK { id:blinfant cle:addsDrug id:blinatumomab }")[1] == "yes\n"
    code, out, err = kg(
        capfdbinary, "--root", str(root), "CONSTRUCT { ?t cle:addsDrug ?d } WHERE { ?t cle:addsDrug ?d }"
    )
    assert code == 0, err
    graph = rdflib.Graph().parse(data=out, format="turtle")
    assert len(graph) == 2  # the trial and the cohort add the drug
    assert (
        rdflib.URIRef("https://w3id.org/cle/id/blinfant"),
        rdflib.URIRef("https://w3id.org/cle/ontology#addsDrug"),
        rdflib.URIRef(BLINATUMOMAB),
    ) in graph


def test_output_is_deterministic(root, capfdbinary):
    first = kg(capfdbinary, "--root", str(root), "--format", "json", "SELECT * WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o")
    second = kg(capfdbinary, "--root", str(root), "--format", "json", "SELECT * WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o")
    assert first == second


# --- errors ---------------------------------------------------------------------------------------------


def test_syntax_error_gives_line_and_column(root, capfdbinary):
    code, out, err = kg(capfdbinary, "--root", str(root), "SELECT ?s\nWHERE { ?s ?p }")
    assert code == 1 and out == ""
    assert err == ("kg query: error: syntax error at line 2, column 16: expected one of `LATERAL`, `SERVICE`, …\n")


def test_unknown_format_is_a_clear_error(root, capfdbinary):
    code, out, err = kg(capfdbinary, "--root", str(root), "--format", "yaml", DRUGS)
    assert (code, err) == (1, "kg query: error: unknown format `yaml`; use one of: table, csv, tsv, json, xml\n")


def test_missing_query_file_and_unknown_saved_name(root, capfdbinary):
    code, _, err = kg(capfdbinary, "--root", str(root), "nowhere.rq")
    assert (code, err) == (1, "kg query: error: no such query file: nowhere.rq\n")
    code, _, err = kg(capfdbinary, "--root", str(root), "no-such-question")
    assert code == 1 and err.startswith("kg query: error: no saved query `no-such-question` in queries/")


def test_construct_refuses_a_results_format(root, capfdbinary):
    code, _, err = kg(capfdbinary, "--root", str(root), "--format", "csv", "CONSTRUCT WHERE { ?s a ?c }")
    assert (code, err) == (
        1,
        "kg query: error: CONSTRUCT and DESCRIBE print Turtle; --format csv is for SELECT and ASK\n",
    )


# --- the graph ----------------------------------------------------------------------------------------


def test_named_graphs_are_kept_and_the_default_graph_is_their_union(store):
    result = run_query(store, "SELECT ?g WHERE { GRAPH ?g { <https://w3id.org/cle/id/blinfant> a ?c } }")
    assert [str(row[0].value) for row in result.rows] == ["https://w3id.org/cle/id/blinfant#graph"]
    union = run_query(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0][0].value
    per_graph = run_query(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows[0][0].value
    assert int(union) == int(per_graph) > 0


def test_from_picks_a_graph_of_the_store(store):
    query = "SELECT ?s WHERE { ?s a ?c } ORDER BY ?s"
    picked = run_query(
        store,
        "SELECT ?s FROM <https://w3id.org/cle/id/amgen#graph> WHERE { ?s a <https://w3id.org/cle/ontology#Organization> }",
    )
    assert [row[0].value for row in picked.rows] == ["https://w3id.org/cle/id/amgen"]
    assert len(run_query(store, query).rows) > 1


# --- refusals and bounds --------------------------------------------------------------------------------


@pytest.fixture
def listener():
    """A TCP listener on 127.0.0.1 that records every connection made to it (none may come)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.settimeout(0.2)
    hits, stop = [], threading.Event()

    def accept():
        while not stop.is_set():
            try:
                connection, _ = server.accept()
            except TimeoutError:
                continue
            hits.append(connection.recv(1000))
            connection.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}/", hits
    stop.set()
    thread.join(5)
    server.close()


@pytest.mark.parametrize(
    "template",
    [
        "SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        "select * where {{ service <{url}> {{ ?s ?p ?o }} }}",
        "SELECT * WHERE {{ \\u0053ERVICE <{url}> {{ ?s ?p ?o }} }}",
        "SELECT * WHERE {{ OPTIONAL {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }} }}",
    ],
)
def test_service_is_refused_and_never_called(store, listener, template):
    url, hits = listener
    with pytest.raises(QueryError, match="SERVICE is refused"):
        run_query(store, template.format(url=url))
    assert hits == []


@pytest.mark.parametrize(
    "text,word",
    [
        ("LOAD <http://127.0.0.1:9/data.ttl>", "LOAD"),
        ("INSERT DATA { <a:a> <a:b> <a:c> }", "INSERT"),
        ("DROP ALL", "DROP"),
    ],
)
def test_updates_are_refused(store, text, word):
    with pytest.raises(QueryError, match=f"^{word} is refused"):
        run_query(store, text)


def test_from_clauses_never_fetch(store, listener):
    url, hits = listener
    result = run_query(store, f"SELECT * FROM <{url}data.ttl> FROM NAMED <file:///etc/passwd> WHERE {{ ?s ?p ?o }}")
    assert result.rows == [] and hits == []


@pytest.mark.parametrize(
    "text",
    [
        "SELECT ?service WHERE { ?service ?p 'SERVICE' } # SERVICE",
        "PREFIX service: <http://example.org/SERVICE> SELECT * WHERE { service:load ?p <http://x/SERVICE> }",
        'SELECT * WHERE { ?s ?p """ a SERVICE\n LOAD """ }',
    ],
)
def test_keywords_in_strings_iris_comments_and_names_are_not_refused(text):
    assert not {"SERVICE", "LOAD"} & keywords(text)


def test_a_query_over_its_time_is_stopped_and_the_next_one_runs(store):
    with pytest.raises(QueryError, match=r"ran longer than 1 s and was stopped"):
        run_query(store, HEAVY, timeout=1)
    assert run_query(store, "ASK { ?s ?p ?o }").boolean is True


def test_row_cap(root, store, capfdbinary):
    result = run_query(store, "SELECT ?s WHERE { ?s ?p ?o }", max_rows=3)
    assert len(result.rows) == 3 and result.truncated
    code, out, err = kg(
        capfdbinary, "--root", str(root), "--max-rows", "2", "--format", "tsv", "SELECT ?s WHERE { ?s ?p ?o }"
    )
    assert code == 0 and len(out.splitlines()) == 3
    assert err == "kg query: only the first 2 results are shown; add LIMIT or raise --max-rows\n"
