"""`kg publish`: every named graph PUT into a real Oxigraph server; the competency questions answer the same there.

Credentials (HTTP Basic), retries and refusals are tested through a small proxy in front of the same server
(tests/store_proxy.py), which asks for Basic credentials and fails planned requests.
"""

from __future__ import annotations

import re
import subprocess
import urllib.error
import urllib.parse
import urllib.request

import pytest

from generator.cli import main
from generator.load.saved_queries import load_saved_queries
from generator.model.credentials import NETRC_VARIABLE, PASSWORD_VARIABLE, USER_VARIABLE
from generator.sparql.engine import run_query, snapshot_text
from generator.sparql.publish import PublishError, graph_payloads, publish
from generator.sparql.serve import oxigraph_command
from generator.sparql.store import project_store
from generator.sparql.store_client import StoreClient
from tests.conftest import ROOT
from tests.store_proxy import DROP, StoreProxy
from tests.test_query_fixture import stop_process, wait_until_answering, write_fixture
from tests.test_serve import free_port

GRAPH_SIZES = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
AGAIN = "; run the same command again to finish (each graph is replaced, never added to)"
USER, PASSWORD = "publisher", "correct-horse-battery-staple"
GONE = """\
label: {en: Gone Foundation, nl: Verdwenen Stichting}
description: {en: An organisation that will be removed., nl: Een organisatie die verdwijnt.}
sources:
  - {source: paper, locator: funding}
"""
OTHER_GRAPH = "http://example.org/someone-elses#graph"  # not the project's: --delete-missing leaves it alone


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


@pytest.fixture
def fixture_root(tmp_path):
    return write_fixture(tmp_path)


@pytest.fixture
def payloads(fixture_root):
    store, _, problems = project_store(fixture_root)
    assert problems == []
    return graph_payloads(store)


@pytest.fixture
def no_credentials(monkeypatch, tmp_path):
    """No credentials in the environment, and a home without .netrc."""
    for name in (USER_VARIABLE, PASSWORD_VARIABLE, NETRC_VARIABLE):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))


def remote_tsv(base: str, query: str) -> str:
    request = urllib.request.Request(
        base + "/query",
        data=urllib.parse.urlencode({"query": query}).encode(),
        headers={"Accept": "text/tab-separated-values", "Content-Type": "application/x-www-form-urlencoded"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read().decode("utf-8")


def remote_graphs(base: str) -> dict:
    """graph IRI -> triples, in the store."""
    lines = remote_tsv(base, GRAPH_SIZES).splitlines()[1:]
    return {
        graph.strip("<>"): int(count.split("^^")[0].strip('"')) for graph, count in (line.split("\t") for line in lines)
    }


def sizes(payloads) -> dict:
    return {payload.graph: payload.triples for payload in payloads}


def publish_cli(capfd, root, endpoint, *options) -> tuple:
    code = main(["publish", "--root", str(root), "--endpoint", endpoint, *options])
    out, err = capfd.readouterr()
    return code, out, err


def summary_pattern(payloads, endpoint: str) -> str:
    triples = sum(p.triples for p in payloads)
    return rf"published {len(payloads)} named graphs \({triples:,} triples\) to {re.escape(endpoint)} in \d+\.\d s"


def test_publish_keeps_every_named_graph(store_server, fixture_root, payloads, capfd, no_credentials):
    local, _, _ = project_store(fixture_root)
    code, out, err = publish_cli(capfd, fixture_root, store_server + "/store")
    assert (code, err) == (0, "")
    assert re.fullmatch(summary_pattern(payloads, store_server + "/store") + "\n", out)
    assert remote_tsv(store_server, GRAPH_SIZES) == snapshot_text(run_query(local, GRAPH_SIZES))
    # publishing again replaces each graph rather than adding to it
    assert publish_cli(capfd, fixture_root, store_server + "/store")[0] == 0
    assert remote_tsv(store_server, GRAPH_SIZES) == snapshot_text(run_query(local, GRAPH_SIZES))


def test_competency_questions_answer_the_same_in_the_published_store(store_server, capfd, no_credentials):
    local, _, problems = project_store(ROOT)
    assert problems == [], "the real content must check clean"
    code, _, err = publish_cli(capfd, ROOT, store_server + "/store")
    assert code == 0, err
    saved = load_saved_queries(ROOT)
    assert len(saved) >= 15
    for query in saved:
        assert remote_tsv(store_server, query.text) == snapshot_text(run_query(local, query.text)), query.name


def test_dry_run_lists_each_graph_and_its_size_and_sends_nothing(store_server, fixture_root, capfd, no_credentials):
    local, _, _ = project_store(fixture_root)
    counted = {str(row[0].value): int(row[1].value) for row in run_query(local, GRAPH_SIZES).rows}
    code, out, err = publish_cli(capfd, fixture_root, store_server + "/store", "--dry-run")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == f"would PUT each graph to {store_server}/store?graph=<graph IRI>, without credentials:"
    listed = [re.fullmatch(r"  <(\S+)>\s+([\d,]+) triples?, ([\d,]+) bytes", line) for line in lines[1:-1]]
    assert all(listed), lines
    assert {m[1]: int(m[2].replace(",", "")) for m in listed} == counted
    size = sum(int(m[3].replace(",", "")) for m in listed)
    assert lines[-1] == (
        f"dry run: {len(counted)} named graphs, {sum(counted.values()):,} triples, {size:,} bytes; nothing was published or deleted"
    )
    assert remote_graphs(store_server) == {}


@pytest.mark.parametrize("where", ["environment", "NETRC", "~/.netrc"])
def test_credentials_reach_a_store_that_asks_for_basic_auth(
    store_server, fixture_root, payloads, capfd, no_credentials, monkeypatch, tmp_path, where
):
    if where == "environment":
        monkeypatch.setenv(USER_VARIABLE, USER)
        monkeypatch.setenv(PASSWORD_VARIABLE, PASSWORD)
    else:
        netrc = tmp_path / "netrc" if where == "NETRC" else tmp_path / "home" / ".netrc"
        netrc.parent.mkdir(parents=True, exist_ok=True)
        netrc.write_text(
            f"machine example.org login nobody password x\nmachine 127.0.0.1 login {USER} password {PASSWORD}\n"
        )
        netrc.chmod(0o600)
        if where == "NETRC":
            monkeypatch.setenv(NETRC_VARIABLE, str(netrc))
    with StoreProxy(store_server, basic=(USER, PASSWORD)) as proxy:
        code, out, err = publish_cli(capfd, fixture_root, proxy.url + "/store")
    assert (code, err) == (0, "")
    assert re.fullmatch(summary_pattern(payloads, proxy.url + "/store") + "\n", out)
    assert remote_graphs(store_server) == sizes(payloads)
    answered = [auth for method, _, auth in proxy.requests if method == "PUT" and auth]
    assert len(answered) == len(payloads)  # each graph once with credentials, after the store's challenge
    assert PASSWORD not in out + err
    if where == "environment":
        dry = publish_cli(capfd, fixture_root, proxy.url + "/store", "--dry-run")
        assert dry[1].splitlines()[0].endswith(f", with the credentials from {USER_VARIABLE} and {PASSWORD_VARIABLE}:")
        assert PASSWORD not in dry[1] + dry[2]


def test_a_basic_auth_store_without_or_with_wrong_credentials(
    store_server, fixture_root, payloads, capfd, no_credentials, monkeypatch
):
    first = f"graph <{payloads[0].graph}> (1 of {len(payloads)})"
    with StoreProxy(store_server, basic=(USER, PASSWORD)) as proxy:
        endpoint = proxy.url + "/store"
        missing = publish_cli(capfd, fixture_root, endpoint)
        monkeypatch.setenv(USER_VARIABLE, USER)
        monkeypatch.setenv(PASSWORD_VARIABLE, "wrong " + PASSWORD)
        wrong = publish_cli(capfd, fixture_root, endpoint)
    assert missing == (
        1,
        "",
        f"kg publish: error: {endpoint} wants credentials (HTTP 401 Unauthorized): set {USER_VARIABLE} and "
        f"{PASSWORD_VARIABLE}, or add its host to ~/.netrc; stopped at {first}: nothing was published\n",
    )
    assert wrong == (
        1,
        "",
        f"kg publish: error: {endpoint} refused the credentials from {USER_VARIABLE} and {PASSWORD_VARIABLE} "
        f"(HTTP 401 Unauthorized); stopped at {first}: nothing was published\n",
    )
    assert remote_graphs(store_server) == {}


def test_a_store_asking_for_another_scheme_is_a_clear_error(
    store_server, fixture_root, payloads, capfd, no_credentials, monkeypatch
):
    monkeypatch.setenv(USER_VARIABLE, USER)
    monkeypatch.setenv(PASSWORD_VARIABLE, PASSWORD)
    with StoreProxy(store_server, basic=(USER, PASSWORD), challenge='Bearer realm="tokens only"') as proxy:
        endpoint = proxy.url + "/store"
        assert publish_cli(capfd, fixture_root, endpoint) == (
            1,
            "",
            f"kg publish: error: {endpoint} asks for an authentication scheme other than Basic or Digest "
            f"(HTTP 401 Unauthorized); stopped at graph <{payloads[0].graph}> (1 of {len(payloads)}): "
            "nothing was published\n",
        )


@pytest.mark.parametrize("fault", [503, DROP], ids=["HTTP 503", "dropped connection"])
def test_a_failing_request_is_retried_and_the_publish_completes(store_server, payloads, fault):
    with StoreProxy(store_server, faults={1: fault, 3: fault}) as proxy:
        client = StoreClient(proxy.url + "/store", retries=2, first_delay=0.01)
        report = publish(payloads, client)
    assert (report.graphs, report.triples) == (len(payloads), sum(p.triples for p in payloads))
    assert remote_graphs(store_server) == sizes(payloads)
    assert len(proxy.requests) == len(payloads) + 2
    assert proxy.requests[0] == proxy.requests[1]  # the first graph, sent again


def test_retries_are_bounded_and_the_error_names_the_graph(store_server, payloads):
    third = f"graph <{payloads[2].graph}> (3 of {len(payloads)})"
    with StoreProxy(store_server, faults=dict.fromkeys(range(3, 10), 503)) as proxy:
        client = StoreClient(proxy.url + "/store", retries=2, first_delay=0.01)
        with pytest.raises(PublishError) as failed:
            publish(payloads, client)
    assert str(failed.value) == (
        f"{proxy.url}/store answered HTTP 503 Service Unavailable: planned failure (gave up after 3 attempts); "
        f"stopped at {third}: the 2 before it were published" + AGAIN
    )
    assert len(proxy.requests) == 2 + 3


def test_a_refusal_is_reported_at_once(store_server, payloads):
    with StoreProxy(store_server, faults={1: 400}) as proxy:
        client = StoreClient(proxy.url + "/store", retries=2, first_delay=0.01)
        with pytest.raises(PublishError) as refused:
            publish(payloads, client)
    assert str(refused.value) == (
        f"{proxy.url}/store answered HTTP 400 Bad Request: planned failure; "
        f"stopped at graph <{payloads[0].graph}> (1 of {len(payloads)}): nothing was published"
    )
    assert len(proxy.requests) == 1


def test_delete_missing_lists_then_drops_the_graphs_of_removed_entities(
    store_server, fixture_root, capfd, no_credentials
):
    gone_file = fixture_root / "content" / "organizations" / "gone-foundation.yaml"
    gone_file.write_text(GONE, encoding="utf-8")
    endpoint, query = store_server + "/store", store_server + "/query"
    assert publish_cli(capfd, fixture_root, endpoint)[0] == 0
    StoreClient(endpoint).put_graph(
        OTHER_GRAPH, b"<http://example.org/s> <http://example.org/p> <http://example.org/o> .\n"
    )
    gone_file.unlink()
    store, _, _ = project_store(fixture_root)
    current = sizes(graph_payloads(store))
    gone = "https://w3id.org/cle/id/gone-foundation#graph"
    before = remote_graphs(store_server)
    assert set(before) == {*current, gone, OTHER_GRAPH}

    code, out, err = publish_cli(
        capfd, fixture_root, endpoint, "--delete-missing", "--query-endpoint", query, "--dry-run"
    )
    assert (code, err) == (0, "")
    assert out.splitlines()[-3:-1] == [
        "1 stale graph (of entities that no longer exist), would be deleted:",
        f"  <{gone}>",
    ]
    assert remote_graphs(store_server) == before

    code, out, err = publish_cli(capfd, fixture_root, endpoint, "--delete-missing", "--query-endpoint", query)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[:2] == ["1 stale graph (of entities that no longer exist), deleted after the upload:", f"  <{gone}>"]
    assert re.fullmatch(summary_pattern(graph_payloads(store), endpoint) + "; deleted 1 stale graph", lines[2])
    assert remote_graphs(store_server) == {**current, OTHER_GRAPH: 1}


def test_delete_missing_needs_the_query_endpoint(fixture_root, capfd, no_credentials):
    assert publish_cli(capfd, fixture_root, "http://127.0.0.1:1/store", "--delete-missing") == (
        1,
        "",
        "kg publish: error: --delete-missing needs --query-endpoint URL, where the store answers SPARQL queries\n",
    )


@pytest.mark.parametrize(
    "endpoint,message",
    [
        ("file:///tmp/store", "the endpoint must be an http:// or https:// URL, not `file:///tmp/store`"),
        (
            "http://publisher:s3cret@127.0.0.1:7878/store",
            "the endpoint URL holds a user or password, which would show in process listings and logs; "
            f"set {USER_VARIABLE} and {PASSWORD_VARIABLE}, or use ~/.netrc",
        ),
        ("http://127.0.0.1:port/store", "the endpoint `http://127.0.0.1:port/store` has no valid port number"),
    ],
)
def test_bad_endpoint_is_a_clear_error(fixture_root, capfd, no_credentials, endpoint, message):
    code, out, err = publish_cli(capfd, fixture_root, endpoint)
    assert (code, out, err) == (1, "", f"kg publish: error: {message}\n")
    assert "s3cret" not in err


def test_an_unreachable_query_endpoint_stops_before_anything_is_sent(store_server, fixture_root, capfd, no_credentials):
    query = f"http://127.0.0.1:{free_port()}/query"
    options = ("--delete-missing", "--query-endpoint", query, "--retries", "0")
    assert publish_cli(capfd, fixture_root, store_server + "/store", *options) == (
        1,
        "",
        f"kg publish: error: cannot reach {query}: Connection refused; no graph was published or deleted\n",
    )
    assert remote_graphs(store_server) == {}


def test_unreachable_store_is_a_clear_error(fixture_root, payloads, capfd, no_credentials):
    endpoint = f"http://127.0.0.1:{free_port()}/store"
    assert publish_cli(capfd, fixture_root, endpoint, "--retries", "0") == (
        1,
        "",
        f"kg publish: error: cannot reach {endpoint}: Connection refused; "
        f"stopped at graph <{payloads[0].graph}> (1 of {len(payloads)}): nothing was published{AGAIN}\n",
    )
