"""Load the dataset into any store speaking the SPARQL 1.1 Graph Store HTTP Protocol: one PUT per named graph."""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from itertools import groupby

import pyoxigraph as ox

__all__ = ["PublishError", "graph_payloads", "publish"]


class PublishError(Exception):
    """The store refused or could not be reached; the message names the graph and the answer."""


def graph_payloads(quads) -> list:
    """(graph IRI, N-Triples bytes) for every named graph, in sorted order."""
    ordered = sorted(quads, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
    payloads = []
    for graph, members in groupby(ordered, key=lambda q: q.graph_name):
        triples = [ox.Triple(q.subject, q.predicate, q.object) for q in members]
        payloads.append((graph.value, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)))
    return payloads


def _graph_url(endpoint: str, graph: str) -> str:
    separator = "&" if urllib.parse.urlsplit(endpoint).query else "?"
    return f"{endpoint}{separator}{urllib.parse.urlencode({'graph': graph})}"


def publish(quads, endpoint: str, timeout: float = 60.0, progress=None) -> int:
    """PUT every named graph to endpoint?graph=<iri> (replacing what the store held there); returns the count."""
    scheme = urllib.parse.urlsplit(endpoint).scheme
    if scheme not in ("http", "https"):
        raise PublishError(f"the endpoint must be an http:// or https:// URL, not `{endpoint}`")
    payloads = graph_payloads(quads)
    for graph, body in payloads:
        request = urllib.request.Request(
            _graph_url(endpoint, graph), data=body, method="PUT", headers={"Content-Type": "application/n-triples"}
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                response.read()
        except urllib.error.HTTPError as error:
            detail = error.read(500).decode("utf-8", "replace").strip()
            raise PublishError(
                f"{endpoint} refused graph <{graph}>: HTTP {error.code} {error.reason}{': ' + detail if detail else ''}"
            ) from None
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise PublishError(f"cannot reach {endpoint}: {reason}") from None
        if progress is not None:
            progress(graph)
    return len(payloads)
