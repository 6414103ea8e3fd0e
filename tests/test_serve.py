"""`kg serve`: a real read-only Oxigraph server behind the SERVICE guard, started and stopped by the test."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from SPARQLWrapper import JSON, POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import EndPointInternalError, QueryBadFormed, SPARQLWrapperException

from tests.test_query import BLINATUMOMAB, HEAVY, listener  # noqa: F401  (fixture)
from tests.test_query_fixture import stop_process, wait_until_answering, write_fixture

PREFIXES = "PREFIX cle: <https://w3id.org/cle/ontology#>\n"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    """`kg serve` as its own process on a free 127.0.0.1 port, with a 2 s query timeout; stopped after."""
    root = write_fixture(tmp_path_factory.mktemp("serve"))
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "serve", "--root", str(root), "--port", str(port), "--timeout", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}/query"
    try:
        wait_until_answering(url, process, 300, "kg serve")  # up to ~60 s for check + load + start
        yield url
    finally:
        stop_process(process)


def sparql(url: str, query: str, method: str = "GET"):
    client = SPARQLWrapper(url)
    client.setQuery(query)
    client.setReturnFormat(JSON)
    client.setMethod(method)
    client.setTimeout(30)
    return client.queryAndConvert()


@pytest.mark.parametrize("method", ["GET", POST])
def test_select_over_http(endpoint, method):
    result = sparql(endpoint, PREFIXES + "SELECT ?drug WHERE { ?drug a cle:Drug }", method)
    assert [b["drug"]["value"] for b in result["results"]["bindings"]] == [BLINATUMOMAB]


def test_named_graphs_and_union_default_graph(endpoint):
    result = sparql(endpoint, "SELECT ?g WHERE { GRAPH ?g { <https://w3id.org/cle/id/blinfant> a ?c } }")
    assert [b["g"]["value"] for b in result["results"]["bindings"]] == ["https://w3id.org/cle/id/blinfant#graph"]


def test_updates_are_refused(endpoint):
    request = urllib.request.Request(
        endpoint.replace("/query", "/update"),
        method="POST",
        data=b"INSERT DATA { <a:a> <a:b> <a:c> }",
        headers={"Content-Type": "application/sparql-update"},
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 403
    with pytest.raises(SPARQLWrapperException):
        sparql(endpoint, "INSERT DATA { <a:a> <a:b> <a:c> }", POST)
    assert sparql(endpoint, "ASK { <a:a> <a:b> <a:c> }")["boolean"] is False


def test_service_is_refused_and_never_called(endpoint, listener):  # noqa: F811
    url, hits = listener
    query = f"SELECT * WHERE {{ SERVICE <{url}sparql> {{ ?s ?p ?o }} }}"
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(endpoint + "?" + urllib.parse.urlencode({"query": query}), timeout=10)
    assert refused.value.code == 403
    assert (
        refused.value.read().decode()
        == "SERVICE is refused: a query here never reaches another endpoint or the network"
    )
    assert hits == []


def test_syntax_error_is_a_bad_request(endpoint):
    with pytest.raises(QueryBadFormed):
        sparql(endpoint, "SELECT * WHERE { ?s ?p }")


def test_a_heavy_query_is_stopped_and_does_not_starve_the_next(endpoint):
    outcome = {}

    def heavy():
        try:
            outcome["heavy"] = sparql(endpoint, HEAVY)
        except (EndPointInternalError, SPARQLWrapperException, urllib.error.URLError) as error:
            outcome["heavy"] = error

    thread = threading.Thread(target=heavy, daemon=True)
    thread.start()
    time.sleep(0.3)  # let the heavy query reach the engine first (ordering only, nothing is timed)
    light = sparql(endpoint, PREFIXES + "SELECT ?drug WHERE { ?drug a cle:Drug }")
    answered_while_heavy_ran = thread.is_alive()
    assert [b["drug"]["value"] for b in light["results"]["bindings"]] == [BLINATUMOMAB]
    thread.join(60)
    assert not thread.is_alive()
    heavy_error = outcome["heavy"]
    assert isinstance(heavy_error, urllib.error.HTTPError) and heavy_error.code == 503, outcome
    assert heavy_error.read().decode() == "the query ran longer than 2 s and was stopped; narrow it down"
    after = sparql(endpoint, PREFIXES + "ASK { ?drug a cle:Drug }")
    assert after["boolean"] is True
    assert answered_while_heavy_ran


def test_other_paths_and_methods(endpoint):
    with pytest.raises(urllib.error.HTTPError) as missing:
        urllib.request.urlopen(endpoint.replace("/query", "/store"), timeout=10)
    assert missing.value.code == 404
    request = urllib.request.Request(
        endpoint.replace("/query", "/store?default"),
        method="PUT",
        data=b"",
        headers={"Content-Type": "application/n-triples"},
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 405
