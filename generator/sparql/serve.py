"""A read-only SPARQL 1.1 Protocol endpoint: Oxigraph's own server behind a guard that refuses SERVICE.

`oxigraph serve-read-only` refuses updates, but it follows SERVICE to any host, and its --timeout-s does
not stop an aggregate such as COUNT over a huge join (both checked with oxigraph 0.5.13). So the real
server listens on a private 127.0.0.1 port, and a small threaded front on HOST:PORT passes only /query
requests through, after the same check `kg query` uses, with a hard deadline: a query still running
after its time is stopped by restarting the (read-only, instantly reopened) Oxigraph process.
"""

from __future__ import annotations

import http.client
import http.server
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox

from ..write.scratch import make_scratch, remove_tree
from .engine import QueryError, check_query

__all__ = ["ServeError", "oxigraph_command", "load_location", "Endpoint"]

MAX_BODY = 1_000_000
MAX_RESULT = 100_000_000
PASSED_PARAMETERS = ("query", "default-graph-uri", "named-graph-uri")
FORM = "application/x-www-form-urlencoded"


class ServeError(Exception):
    """The endpoint could not be started; the message says what is missing."""


def oxigraph_command() -> str:
    """The `oxigraph` program of the PyPI package `oxigraph`, installed next to this Python."""
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.is_file() else shutil.which("oxigraph")
    if not found:
        raise ServeError("the `oxigraph` server is not installed; run `pip install oxigraph` (make site does)")
    return found


def load_location(quads, location: Path) -> None:
    """Write the quads into an on-disk Oxigraph store at location with `oxigraph load` (N-Quads on stdin)."""
    data = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    done = subprocess.run(
        [oxigraph_command(), "load", "--location", str(location), "--format", "nq"],
        input=data,
        capture_output=True,
        timeout=600,
    )
    if done.returncode != 0:
        raise ServeError(f"oxigraph load failed: {done.stderr.decode('utf-8', 'replace').strip()}")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for_port(port: int, process: subprocess.Popen, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServeError(f"the oxigraph server stopped at start (exit {process.returncode})")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise ServeError(f"the oxigraph server did not listen within {seconds:g} s")


class _Guard(http.server.BaseHTTPRequestHandler):
    """Passes SPARQL queries to the private Oxigraph server; refuses everything else."""

    server_version = "kg-serve"
    protocol_version = "HTTP/1.0"

    def log_message(self, *args):
        pass

    def _reply(self, status: int, text: str, content_type: str = "text/plain; charset=utf-8") -> None:
        body = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _parameters(self) -> list | None:
        url = urllib.parse.urlsplit(self.path)
        pairs = urllib.parse.parse_qsl(url.query, keep_blank_values=True)
        if self.command == "POST":
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_BODY:
                self._reply(413, f"the request body is larger than {MAX_BODY} bytes")
                return None
            body = self.rfile.read(length).decode("utf-8", "replace")
            kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if kind == "application/sparql-query":
                pairs.append(("query", body))
            elif kind == FORM:
                pairs += urllib.parse.parse_qsl(body, keep_blank_values=True)
            else:
                self._reply(415, "send the query as application/sparql-query or as a form (query=…)")
                return None
        return pairs

    def _handle(self) -> None:
        path = urllib.parse.urlsplit(self.path).path
        if path == "/update":
            self._reply(403, "this endpoint is read-only: SPARQL Update is refused")
            return
        if path != "/query":
            self._reply(404, "the SPARQL endpoint is /query (SPARQL 1.1 Protocol, read-only)")
            return
        pairs = self._parameters()
        if pairs is None:
            return
        queries = [value for key, value in pairs if key == "query"]
        if len(queries) != 1:
            self._reply(400, "give exactly one `query` parameter")
            return
        try:
            check_query(queries[0])
        except QueryError as error:
            self._reply(403, str(error))
            return
        self._forward([(k, v) for k, v in pairs if k in PASSED_PARAMETERS])

    def _forward(self, pairs: list) -> None:
        endpoint = self.server.endpoint
        upstream, generation = endpoint.upstream()
        deadline = time.monotonic() + endpoint.timeout
        request = urllib.request.Request(
            f"{upstream}/query",
            data=urllib.parse.urlencode(pairs).encode("utf-8"),
            method="POST",
            headers={"Content-Type": FORM, "Accept": self.headers.get("Accept") or "*/*"},
        )
        try:
            response = urllib.request.urlopen(request, timeout=endpoint.timeout)
        except urllib.error.HTTPError as error:
            response = error
        except (urllib.error.URLError, OSError) as error:
            self._engine_failed(error, generation)
            return
        chunks, size = [], 0
        with response:
            try:
                while chunk := response.read(65536):
                    size += len(chunk)
                    if size > MAX_RESULT:
                        self._reply(507, f"the result is larger than {MAX_RESULT // 1_000_000} MB; add a LIMIT")
                        return
                    if time.monotonic() > deadline:
                        raise TimeoutError
                    chunks.append(chunk)
            except (OSError, http.client.HTTPException) as error:
                self._engine_failed(error, generation)
                return
            body = b"".join(chunks)
            self.send_response(response.getcode())
            self.send_header("Content-Type", response.headers.get("Content-Type") or "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    def _engine_failed(self, error, generation: int) -> None:
        reason = getattr(error, "reason", error)
        if isinstance(reason, TimeoutError) or isinstance(error, TimeoutError):
            self.server.endpoint.stop_runaway(generation)
            self._reply(
                503, f"the query ran longer than {self.server.endpoint.timeout:g} s and was stopped; narrow it down"
            )
        else:
            self._reply(502, f"the query engine did not answer ({reason}); try again")

    def do_GET(self):
        self._handle()

    def do_POST(self):
        self._handle()

    def _refuse(self):
        self._reply(405, "only GET and POST to /query are served (read-only)")

    do_PUT = do_DELETE = do_PATCH = _refuse


class Endpoint:
    """The running pair: Oxigraph read-only server on a private port and the guard on host:port."""

    def __init__(self, quads, host: str = "127.0.0.1", port: int = 7878, timeout: float = 30.0):
        self.host, self.port, self.timeout = host, port, timeout
        self.location = make_scratch("kg-serve-")
        self.process = None
        self.front = None
        self.generation = 0
        self.lock = threading.Lock()
        try:
            load_location(quads, self.location / "store")
            self._start_engine()
            try:
                self.front = http.server.ThreadingHTTPServer((host, port), _Guard)
            except OSError as error:
                raise ServeError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
            self.front.daemon_threads = True
            self.front.endpoint = self
            self.port = self.front.server_address[1]
        except BaseException:
            self.close()
            raise

    def _start_engine(self) -> None:
        private = _free_port()
        self.process = subprocess.Popen(
            [
                oxigraph_command(),
                "serve-read-only",
                "--location",
                str(self.location / "store"),
                "--bind",
                f"127.0.0.1:{private}",
                "--timeout-s",
                str(max(1, round(self.timeout))),
                "--union-default-graph",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _wait_for_port(private, self.process, 30)
        self.private_url = f"http://127.0.0.1:{private}"

    def _stop_engine(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)

    def upstream(self) -> tuple:
        """(private server URL, generation): the generation tells a restart that already happened."""
        with self.lock:
            return self.private_url, self.generation

    def stop_runaway(self, generation: int) -> None:
        """Restart the engine to stop a query past its deadline (once, however many requests notice)."""
        with self.lock:
            if generation != self.generation:
                return
            self._stop_engine()
            self._start_engine()
            self.generation += 1

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}/query"

    def serve_forever(self) -> None:
        self.front.serve_forever()

    def close(self) -> None:
        if self.front is not None:
            self.front.server_close()
        self._stop_engine()
        remove_tree(self.location)
