"""Load the dataset into any store speaking the SPARQL 1.1 Graph Store HTTP Protocol: one PUT per named graph."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from itertools import groupby

import pyoxigraph as ox

from .store_client import StoreClient, StoreError

__all__ = [
    "PublishError",
    "GraphPayload",
    "PublishReport",
    "graph_payloads",
    "report_of",
    "stale_graphs",
    "publish",
    "counted",
    "stale_lines",
    "dry_run_lines",
    "summary_line",
]

GRAPH_SUFFIX = "#graph"  # an entity's named graph is <entity IRI#graph>


class PublishError(Exception):
    """The store refused or could not be reached; the message names the graph and the answer."""


@dataclass(frozen=True)
class GraphPayload:
    """One named graph as the N-Triples body of its PUT."""

    graph: str
    triples: int
    body: bytes


@dataclass(frozen=True)
class PublishReport:
    """What a publish sent (or, in a dry run, would send)."""

    graphs: int
    triples: int
    size: int  # bytes of N-Triples
    deleted: list = field(default_factory=list)
    seconds: float = 0.0


def graph_payloads(quads) -> list:
    """A GraphPayload for every named graph, in sorted order."""
    ordered = sorted(quads, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
    payloads = []
    for graph, members in groupby(ordered, key=lambda q: q.graph_name):
        triples = [ox.Triple(q.subject, q.predicate, q.object) for q in members]
        payloads.append(GraphPayload(graph.value, len(triples), ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)))
    return payloads


def report_of(payloads: list, deleted: list = (), seconds: float = 0.0) -> PublishReport:
    return PublishReport(
        len(payloads), sum(p.triples for p in payloads), sum(len(p.body) for p in payloads), list(deleted), seconds
    )


def stale_graphs(client: StoreClient, query_endpoint: str, payloads: list, entity_namespace: str) -> list:
    """The entity graphs the store holds that the project no longer has (graphs outside the namespace are
    never touched), sorted."""
    query = (
        "SELECT DISTINCT ?graph WHERE { GRAPH ?graph { ?s ?p ?o } "
        f"FILTER(STRSTARTS(STR(?graph), {json.dumps(entity_namespace)})) }}"
    )
    try:
        held = {row["graph"] for row in client.select(query_endpoint, query) if "graph" in row}
    except StoreError as error:
        raise PublishError(f"{error}; no graph was published or deleted") from None
    ours = {payload.graph for payload in payloads}
    return sorted(graph for graph in held - ours if graph.endswith(GRAPH_SUFFIX))


def publish(payloads: list, client: StoreClient, delete: list = (), progress=None) -> PublishReport:
    """PUT every graph (replacing what the store held there), then DELETE the stale ones; progress(graph) after
    each PUT. Every request is idempotent, so after an error the same call finishes the job."""
    started = time.monotonic()
    for number, payload in enumerate(payloads, start=1):
        try:
            client.put_graph(payload.graph, payload.body)
        except StoreError as error:
            done = "nothing was published" if number == 1 else f"the {number - 1} before it were published"
            raise PublishError(
                _stopped(error, f"graph <{payload.graph}> ({number} of {len(payloads)})", done)
            ) from None
        if progress is not None:
            progress(payload.graph)
    for number, graph in enumerate(delete, start=1):
        try:
            client.delete_graph(graph)
        except StoreError as error:
            done = "every graph was published" + (f", and {number - 1} deleted" if number > 1 else ", none deleted")
            raise PublishError(_stopped(error, f"deleting <{graph}> ({number} of {len(delete)})", done)) from None
    return report_of(payloads, delete, time.monotonic() - started)


def _stopped(error: StoreError, where: str, done: str) -> str:
    """The store's answer, where the run stopped, what was done by then, and whether running again helps."""
    again = "; run the same command again to finish (each graph is replaced, never added to)" if error.transient else ""
    return f"{error}; stopped at {where}: {done}{again}"


# --- what kg publish prints ----------------------------------------------------------------------


def counted(count: int, noun: str) -> str:
    """
    >>> counted(1, "named graph"), counted(4744, "triple")
    ('1 named graph', '4,744 triples')
    """
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def stale_lines(stale: list, when: str = "deleted after the upload") -> list:
    """The graphs --delete-missing drops, listed before anything is sent."""
    if not stale:
        return []
    heading = f"{counted(len(stale), 'stale graph')} (of entities that no longer exist), {when}:"
    return [heading] + [f"  <{graph}>" for graph in stale]


def dry_run_lines(payloads: list, stale: list, endpoint: str, credentials_source: str | None) -> list:
    """Each graph with its size and where it would go, the stale graphs, and a closing line; nothing is sent."""
    how = f"with the credentials from {credentials_source}" if credentials_source else "without credentials"
    width = max((len(p.graph) for p in payloads), default=0) + 2
    lines = [f"would PUT each graph to {endpoint}?graph=<graph IRI>, {how}:"]
    lines += [
        f"  {'<' + p.graph + '>':<{width}}  {counted(p.triples, 'triple')}, {counted(len(p.body), 'byte')}"
        for p in payloads
    ]
    report = report_of(payloads, stale)
    lines += stale_lines(stale, "would be deleted")
    closing = f"dry run: {counted(report.graphs, 'named graph')}, {counted(report.triples, 'triple')}, "
    closing += f"{counted(report.size, 'byte')}; nothing was published or deleted"
    return lines + [closing]


def summary_line(report: PublishReport, endpoint: str) -> str:
    """One line: how many graphs and triples went where, how long it took, and what was deleted."""
    line = (
        f"published {counted(report.graphs, 'named graph')} ({counted(report.triples, 'triple')}) "
        f"to {endpoint} in {report.seconds:.1f} s"
    )
    return line + (f"; deleted {counted(len(report.deleted), 'stale graph')}" if report.deleted else "")
