"""`kg publish`: every named graph PUT into a real Oxigraph server; the competency questions answer the same there."""

from __future__ import annotations

import subprocess
import urllib.error
import urllib.parse
import urllib.request

import pytest

from generator.cli import main
from generator.load.saved_queries import load_saved_queries
from generator.sparql.engine import run_query, snapshot_text
from generator.sparql.serve import oxigraph_command
from generator.sparql.store import project_store
from tests.conftest import ROOT
from tests.test_query_fixture import stop_process, wait_until_answering, write_fixture
from tests.test_serve import free_port


@pytest.fixture
def store_server(tmp_path):
    """`oxigraph serve` (read-write) on a free 127.0.0.1 port with an on-disk store; stopped after the test."""
    port = free_port()
    process = subprocess.Popen(
        [
            oxigraph_command(),
            "serve",
            "--location",
            str(tmp_path / "store"),
            "--bind",
            f"127.0.0.1:{port}",
            "--union-default-graph",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_answering(base + "/query", process, 150, "oxigraph serve")
        yield base
    finally:
        stop_process(process)


def remote_tsv(base: str, query: str) -> str:
    request = urllib.request.Request(
        base + "/query",
        data=urllib.parse.urlencode({"query": query}).encode(),
        headers={"Accept": "text/tab-separated-values", "Content-Type": "application/x-www-form-urlencoded"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read().decode("utf-8")


def publish(capfd, root, endpoint) -> tuple:
    code = main(["publish", "--root", str(root), "--endpoint", endpoint])
    out, err = capfd.readouterr()
    return code, out, err


def test_publish_keeps_every_named_graph(store_server, tmp_path, capfd):
    root = write_fixture(tmp_path)
    local, _, problems = project_store(root)
    assert problems == []
    graphs = sorted({q.graph_name.value for q in local})
    code, out, err = publish(capfd, root, store_server + "/store")
    assert code == 0, err
    assert out == f"published {len(graphs)} named graphs to {store_server}/store\n"
    query = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
    assert remote_tsv(store_server, query) == snapshot_text(run_query(local, query))
    # publishing again replaces each graph rather than adding to it
    assert publish(capfd, root, store_server + "/store")[0] == 0
    assert remote_tsv(store_server, query) == snapshot_text(run_query(local, query))


def test_competency_questions_answer_the_same_in_the_published_store(store_server, capfd):
    local, _, problems = project_store(ROOT)
    assert problems == [], "the real content must check clean"
    code, _, err = publish(capfd, ROOT, store_server + "/store")
    assert code == 0, err
    saved = load_saved_queries(ROOT)
    assert len(saved) >= 15
    for query in saved:
        assert remote_tsv(store_server, query.text) == snapshot_text(run_query(local, query.text)), query.name


@pytest.mark.parametrize(
    "endpoint,message",
    [
        (
            "file:///tmp/store",
            "kg publish: error: the endpoint must be an http:// or https:// URL, not `file:///tmp/store`\n",
        ),
    ],
)
def test_bad_endpoint_is_a_clear_error(tmp_path, capfd, endpoint, message):
    code, out, err = publish(capfd, write_fixture(tmp_path), endpoint)
    assert (code, out, err) == (1, "", message)


def test_unreachable_or_refusing_store_is_a_clear_error(store_server, tmp_path, capfd):
    root = write_fixture(tmp_path)
    code, _, err = publish(capfd, root, f"http://127.0.0.1:{free_port()}/store")
    assert code == 1 and err.startswith("kg publish: error: cannot reach http://127.0.0.1:")
    code, _, err = publish(capfd, root, store_server + "/nothing-here")
    assert code == 1 and err.startswith(
        f"kg publish: error: {store_server}/nothing-here refused graph <https://w3id.org/cle/"
    )
