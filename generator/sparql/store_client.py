"""HTTP to a triple store: Graph Store Protocol PUT and DELETE, SPARQL SELECT; Basic or Digest auth, bounded retries."""

from __future__ import annotations

import http
import http.client
import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request

from ..model.credentials import PASSWORD_VARIABLE, USER_VARIABLE, Credentials

__all__ = ["StoreError", "StoreClient", "backoff_delays", "check_endpoint", "graph_url"]

# Failures that may pass on their own: the store is restarting or overloaded, or the connection dropped.
TRANSIENT_ERRORS = (ConnectionError, TimeoutError, http.client.HTTPException)
TRANSIENT_STATUSES = frozenset({429, *range(500, 600)})
DETAIL_CHARACTERS = 300  # of a refusal's body, quoted in the message


class StoreError(Exception):
    """A request failed for good; the message names the endpoint and the answer, never a secret.
    `transient`: the store was unreachable or failing, so the same command may pass later."""

    def __init__(self, message: str, transient: bool = False):
        super().__init__(message)
        self.transient = transient


def check_endpoint(url: str, what: str = "endpoint") -> None:
    """Refuse what urllib must not be given: other schemes, and credentials inside the URL.

    >>> check_endpoint("ftp://example.org/store")
    Traceback (most recent call last):
    ...
    generator.sparql.store_client.StoreError: the endpoint must be an http:// or https:// URL, not `ftp://example.org/store`
    """
    parts = urllib.parse.urlsplit(url)
    if parts.username is not None or parts.password is not None:  # the URL itself is not echoed: it holds them
        raise StoreError(
            f"the {what} URL holds a user or password, which would show in process listings and logs; "
            f"set {USER_VARIABLE} and {PASSWORD_VARIABLE}, or use ~/.netrc"
        )
    try:
        parts.port  # noqa: B018 (parsing the port is the check)
    except ValueError:
        raise StoreError(f"the {what} `{url}` has no valid port number") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise StoreError(f"the {what} must be an http:// or https:// URL, not `{url}`")


def graph_url(endpoint: str, graph: str) -> str:
    """The Graph Store Protocol URL of one named graph.

    >>> graph_url("http://localhost:7878/store", "https://w3id.org/cle/id/blinfant#graph")
    'http://localhost:7878/store?graph=https%3A%2F%2Fw3id.org%2Fcle%2Fid%2Fblinfant%23graph'
    """
    separator = "&" if urllib.parse.urlsplit(endpoint).query else "?"
    return f"{endpoint}{separator}{urllib.parse.urlencode({'graph': graph})}"


def backoff_delays(retries: int, first: float) -> list:
    """Seconds to wait before each retry, doubling from the first.

    >>> backoff_delays(3, 0.5)
    [0.5, 1.0, 2.0]
    """
    return [first * 2**attempt for attempt in range(retries)]


def _origin(url: str) -> tuple:
    parts = urllib.parse.urlsplit(url)
    return parts.scheme, parts.hostname, parts.port


def _reason(error: BaseException) -> str:
    """A network failure in words: the OS's text for a refused or reset connection, else the error's own."""
    while isinstance(error, urllib.error.URLError) and isinstance(error.reason, BaseException):
        error = error.reason
    if isinstance(error, urllib.error.URLError):
        return str(error.reason)
    return getattr(error, "strerror", None) or str(error) or type(error).__name__


def _is_transient(error: BaseException) -> bool:
    return isinstance(error.reason if isinstance(error, urllib.error.URLError) else error, TRANSIENT_ERRORS)


def _detail(body: bytes) -> str:
    """The start of a refusal's body as one line of text (stores answer in HTML, JSON or plain text)."""
    text = re.sub(r"<[^>]*>", " ", body.decode("utf-8", "replace"))
    text = " ".join(text.split())
    return text[:DETAIL_CHARACTERS] + ("…" if len(text) > DETAIL_CHARACTERS else "")


class StoreClient:
    """One store's Graph Store endpoint, with the credentials for it and how often a failing request is retried."""

    def __init__(
        self,
        endpoint: str,
        credentials: Credentials | None = None,
        timeout: float = 60.0,
        retries: int = 3,
        first_delay: float = 1.0,
        also: tuple = (),
    ):
        """also: other URLs of the same store (its query endpoint); credentials go there only on the same origin."""
        self.endpoint, self.credentials, self.timeout = endpoint, credentials, timeout
        self.delays = backoff_delays(retries, first_delay)
        handlers = []
        if credentials is not None:
            manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            for url in (endpoint, *also):
                if _origin(url) == _origin(endpoint):
                    manager.add_password(None, url, credentials.user, credentials.password)
            # Sent only in answer to the store's challenge, so a Digest store never sees the password itself.
            handlers = [urllib.request.HTTPDigestAuthHandler(manager), urllib.request.HTTPBasicAuthHandler(manager)]
        self._fetch = urllib.request.build_opener(*handlers).open

    def put_graph(self, graph: str, body: bytes) -> None:
        """Replace one named graph with the N-Triples body."""
        self._send(
            self.endpoint,
            lambda: urllib.request.Request(
                graph_url(self.endpoint, graph),
                data=body,
                method="PUT",
                headers={"Content-Type": "application/n-triples"},
            ),
        )

    def delete_graph(self, graph: str) -> None:
        """Drop one named graph; a graph the store does not hold (404) is as good as dropped."""
        self._send(
            self.endpoint,
            lambda: urllib.request.Request(graph_url(self.endpoint, graph), method="DELETE"),
            absent_ok=True,
        )

    def select(self, query_endpoint: str, query: str) -> list:
        """The rows of a SELECT over the SPARQL 1.1 Protocol, each a dict of variable -> value text."""
        answer = self._send(
            query_endpoint,
            lambda: urllib.request.Request(
                query_endpoint,
                data=urllib.parse.urlencode({"query": query}).encode("utf-8"),
                headers={
                    "Accept": "application/sparql-results+json",
                    "Content-Type": "application/x-www-form-urlencoded",
                },
            ),
        )
        try:
            bindings = json.loads(answer)["results"]["bindings"]
        except (ValueError, KeyError, TypeError):
            raise StoreError(f"{query_endpoint} did not answer with SPARQL JSON results") from None
        return [{name: term["value"] for name, term in row.items()} for row in bindings]

    def _send(self, url: str, make_request, absent_ok: bool = False) -> bytes:
        """The body of the answer; transient failures are retried after each delay, then reported."""
        for attempt in range(len(self.delays) + 1):
            if attempt:
                time.sleep(self.delays[attempt - 1])
            try:
                with self._fetch(make_request(), timeout=self.timeout) as response:
                    return response.read()
            except urllib.error.HTTPError as error:
                with error:
                    body = error.read(4 * DETAIL_CHARACTERS)
                if absent_ok and error.code == 404:
                    return b""
                if error.code not in TRANSIENT_STATUSES or attempt == len(self.delays):
                    raise self._refusal(url, error.code, body, attempt + 1) from None
            except ValueError:  # urllib's auth handlers meet a scheme they do not speak (Bearer, Negotiate, …)
                if self.credentials is None:
                    raise
                raise StoreError(
                    f"{url} asks for an authentication scheme other than Basic or Digest (HTTP 401 Unauthorized)"
                ) from None
            except (OSError, http.client.HTTPException) as error:  # URLError and the connection errors among them
                if not _is_transient(error) or attempt == len(self.delays):
                    raise self._scrubbed(
                        f"cannot reach {url}: {_reason(error)}{_attempts(attempt + 1)}", _is_transient(error)
                    ) from None
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _refusal(self, url: str, code: int, body: bytes, attempts: int) -> StoreError:
        phrase = _status(code)
        if code == 401 and self.credentials is not None:
            return StoreError(f"{url} refused the credentials from {self.credentials.source} ({phrase})")
        if code == 401:
            return StoreError(
                f"{url} wants credentials ({phrase}): set {USER_VARIABLE} and {PASSWORD_VARIABLE}, "
                "or add its host to ~/.netrc"
            )
        detail = _detail(body)
        return self._scrubbed(
            f"{url} answered {phrase}{': ' + detail if detail else ''}{_attempts(attempts)}",
            code in TRANSIENT_STATUSES,
        )

    def _scrubbed(self, message: str, transient: bool) -> StoreError:
        """A store may echo what it was sent; a message never shows the password."""
        return StoreError(self.credentials.scrub(message) if self.credentials else message, transient)


def _status(code: int) -> str:
    """
    >>> _status(503), _status(599)
    ('HTTP 503 Service Unavailable', 'HTTP 599')
    """
    try:
        return f"HTTP {code} {http.HTTPStatus(code).phrase}"
    except ValueError:
        return f"HTTP {code}"


def _attempts(count: int) -> str:
    return f" (gave up after {count} attempts)" if count > 1 else ""
