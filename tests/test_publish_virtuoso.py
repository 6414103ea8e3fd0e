"""`kg publish` into a real Virtuoso with Digest credentials; every saved question answers there as in `kg query`.

Virtuoso (Debian's virtuoso-opensource-7-bin, installed by `make virtuoso`) runs on 127.0.0.1 with a database
in a temporary folder, removed after each test. Its `/sparql` reads every graph of the store when a query
names none, so the questions see the union of the named graphs there without a setting.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from SPARQLWrapper import JSON, POST, SPARQLWrapper

from generator.cli import main
from generator.load.saved_queries import load_saved_queries
from generator.model.credentials import PASSWORD_VARIABLE, USER_VARIABLE, Credentials
from generator.sparql.engine import run_query
from generator.sparql.publish import PublishError, graph_payloads, publish
from generator.sparql.store import project_store
from generator.sparql.store_client import StoreClient
from generator.write.dumps import write_dumps
from tests.answers import booleans_as_expected, json_rows, oxigraph_rows
from tests.conftest import ROOT
from tests.virtuoso import PASSWORD, USER, VIRTUOSO, Virtuoso

pytestmark = pytest.mark.skipif(not Path(VIRTUOSO).exists(), reason="virtuoso-t is not installed (make virtuoso)")

SAVED = load_saved_queries(ROOT)
GRAPH_SIZES = "SELECT ?graph (COUNT(*) AS ?triples) WHERE { GRAPH ?graph { ?s ?p ?o } } GROUP BY ?graph"
OURS = "https://w3id.org/cle/"  # Virtuoso keeps graphs of its own (virtrdf#, …) beside ours
STOP_AFTER = 12  # graphs published before the store is stopped


@pytest.fixture(scope="module")
def local():
    store, prefixes, problems = project_store(ROOT)
    assert problems == [], "the real content must check clean"
    return store, prefixes


def remote_select(virtuoso: Virtuoso, query: str) -> dict:
    client = SPARQLWrapper(virtuoso.query)
    client.setQuery(query)
    client.setReturnFormat(JSON)
    client.setMethod(POST)
    client.setTimeout(60)
    return client.queryAndConvert()


def graph_sizes(virtuoso: Virtuoso) -> dict:
    """graph IRI -> triples, for the project's graphs in the store."""
    rows = remote_select(virtuoso, GRAPH_SIZES)["results"]["bindings"]
    return {
        row["graph"]["value"]: int(row["triples"]["value"]) for row in rows if row["graph"]["value"].startswith(OURS)
    }


def local_sizes(store) -> dict:
    return {payload.graph: payload.triples for payload in graph_payloads(store)}


def publish_cli(capfd, monkeypatch, endpoint: str, password: str = PASSWORD) -> tuple:
    monkeypatch.setenv(USER_VARIABLE, USER)
    monkeypatch.setenv(PASSWORD_VARIABLE, password)
    code = main(["publish", "--root", str(ROOT), "--endpoint", endpoint])
    out, err = capfd.readouterr()
    return code, out, err


def bulk_load(virtuoso: Virtuoso, local_store) -> None:
    """What the README says for a large graph: Virtuoso's bulk loader over the N-Quads dump."""
    store, prefixes = local_store
    dumps = virtuoso.folder / "dumps"
    quads = sorted(store, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
    write_dumps(quads, dumps, prefixes["id"])
    virtuoso.isql(f"ld_dir('{dumps}', 'kg.nq', '{OURS}');\nrdf_loader_run();\ncheckpoint;\n")
    loaded = virtuoso.isql("SELECT ll_file, ll_state, ll_error FROM DB.DBA.load_list;")
    assert f"{dumps}/kg.nq" in loaded and "1 Rows." in loaded and "NULL" in loaded, loaded


@pytest.fixture(scope="module", params=["kg publish", "bulk load"])
def loaded(request, tmp_path_factory, local):
    """A Virtuoso holding the real graph, put there by `kg publish` with Digest credentials or by its bulk loader."""
    virtuoso = Virtuoso(tmp_path_factory.mktemp("virtuoso"))
    try:
        virtuoso.start()
        if request.param == "kg publish":
            with pytest.MonkeyPatch.context() as patch:
                patch.setenv(USER_VARIABLE, USER)
                patch.setenv(PASSWORD_VARIABLE, PASSWORD)
                assert main(["publish", "--root", str(ROOT), "--endpoint", virtuoso.graph_store]) == 0
        else:
            bulk_load(virtuoso, local)
        yield virtuoso
    finally:
        virtuoso.remove()


@pytest.fixture
def virtuoso(tmp_path):
    """A fresh, empty Virtuoso for one test; stopped and its files removed after it."""
    server = Virtuoso(tmp_path / "virtuoso")
    try:
        server.start()
        yield server
    finally:
        server.remove()
    assert not server.folder.exists()


def test_every_named_graph_arrives_whole(loaded, local):
    assert graph_sizes(loaded) == local_sizes(local[0])


@pytest.mark.parametrize("query", SAVED, ids=[query.name for query in SAVED])
def test_saved_question_answers_the_same_on_virtuoso(loaded, local, query):
    expected = run_query(local[0], query.text)
    assert expected.rows, f"{query.name} has no answer on the real content, so it proves nothing here"
    actual = json_rows(remote_select(loaded, query.text), expected.variables)
    assert booleans_as_expected(actual, oxigraph_rows(expected)) == oxigraph_rows(expected)


def test_publish_prints_one_line(virtuoso, local, capfd, monkeypatch):
    code, out, err = publish_cli(capfd, monkeypatch, virtuoso.graph_store)
    sizes = local_sizes(local[0])
    assert (code, err) == (0, "")
    prefix = f"published {len(sizes)} named graphs ({sum(sizes.values()):,} triples) to {virtuoso.graph_store} in "
    assert out.startswith(prefix) and out.endswith(" s\n") and out.count("\n") == 1
    assert graph_sizes(virtuoso) == sizes


def test_a_wrong_password_is_refused_and_nothing_is_published(virtuoso, local, capfd, monkeypatch):
    wrong = "not-the-password"
    code, out, err = publish_cli(capfd, monkeypatch, virtuoso.graph_store, password=wrong)
    first = graph_payloads(local[0])[0].graph
    total = len(local_sizes(local[0]))
    assert (code, out) == (1, "")
    assert err == (
        f"kg publish: error: {virtuoso.graph_store} refused the credentials from {USER_VARIABLE} and "
        f"{PASSWORD_VARIABLE} (HTTP 401 Unauthorized); stopped at graph <{first}> (1 of {total}): nothing was published\n"
    )
    assert wrong not in err
    assert graph_sizes(virtuoso) == {}


def test_a_store_that_stops_mid_run_is_a_clear_error_and_the_rerun_completes(virtuoso, local, capfd, monkeypatch):
    payloads = graph_payloads(local[0])
    client = StoreClient(virtuoso.graph_store, Credentials(USER, PASSWORD, "the test"), 30, retries=2, first_delay=0.1)

    def stop_the_store(graph: str) -> None:
        if graph == payloads[STOP_AFTER - 1].graph:
            virtuoso.stop()

    with pytest.raises(PublishError) as stopped:
        publish(payloads, client, progress=stop_the_store)
    assert str(stopped.value) == (
        f"cannot reach {virtuoso.graph_store}: Connection refused (gave up after 3 attempts); "
        f"stopped at graph <{payloads[STOP_AFTER].graph}> ({STOP_AFTER + 1} of {len(payloads)}): "
        f"the {STOP_AFTER} before it were published; "
        "run the same command again to finish (each graph is replaced, never added to)"
    )
    virtuoso.start()  # the same database and ports
    assert graph_sizes(virtuoso) == {p.graph: p.triples for p in payloads[:STOP_AFTER]}
    code, out, err = publish_cli(capfd, monkeypatch, virtuoso.graph_store)
    assert (code, err) == (0, "") and out.startswith(f"published {len(payloads)} named graphs")
    assert graph_sizes(virtuoso) == local_sizes(local[0])


def test_delete_missing_drops_only_the_graphs_of_removed_entities(virtuoso, local, capfd, monkeypatch):
    code, _, err = publish_cli(capfd, monkeypatch, virtuoso.graph_store)
    assert code == 0, err
    client = StoreClient(virtuoso.graph_store, Credentials(USER, PASSWORD, "the test"))
    gone = "https://w3id.org/cle/id/a-removed-entity#graph"
    client.put_graph(
        gone, b'<https://w3id.org/cle/id/a-removed-entity> <http://www.w3.org/2000/01/rdf-schema#label> "x" .\n'
    )
    assert gone in graph_sizes(virtuoso)
    arguments = ["publish", "--root", str(ROOT), "--endpoint", virtuoso.graph_store, "--delete-missing"]
    code = main([*arguments, "--query-endpoint", virtuoso.query])
    out, err = capfd.readouterr()
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[:2] == ["1 stale graph (of entities that no longer exist), deleted after the upload:", f"  <{gone}>"]
    assert lines[2].endswith("; deleted 1 stale graph")
    assert graph_sizes(virtuoso) == local_sizes(local[0])
