"""A reverse proxy in front of a real store, on 127.0.0.1: HTTP Basic authentication, and faults on cue.

Oxigraph has no authentication and never fails on its own; this proxy asks for Basic credentials as GraphDB or
Fuseki do, and answers a planned request with an HTTP status or by dropping the connection, so retries are
tested deterministically. Everything else is forwarded to the store unchanged.
"""

from __future__ import annotations

import base64
import http.server
import threading
import urllib.error
import urllib.request

DROP = "drop"  # a fault: read the request, then close the connection without an answer
FORWARDED_HEADERS = ("Content-Type", "Accept")


class StoreProxy:
    """Forwards to upstream; `faults` maps the number of a request (1, 2, …) to a status code or DROP."""

    def __init__(
        self,
        upstream: str,
        basic: tuple | None = None,
        faults: dict | None = None,
        challenge: str = 'Basic realm="kg test store"',
    ):
        self.upstream, self.faults, self.challenge = upstream.rstrip("/"), dict(faults or {}), challenge
        self.expected = "Basic " + base64.b64encode(":".join(basic).encode()).decode() if basic else None
        self.requests = []  # (method, path, Authorization header) of every request, in order
        self.lock = threading.Lock()
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _handle(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                with proxy.lock:
                    proxy.requests.append((self.command, self.path, self.headers.get("Authorization")))
                    fault = proxy.faults.get(len(proxy.requests))
                if fault == DROP:
                    self.close_connection = True
                    return
                if fault is not None:
                    return self._answer(fault, b"planned failure", {"Content-Type": "text/plain"})
                if proxy.expected and self.headers.get("Authorization") != proxy.expected:
                    return self._answer(401, b"", {"WWW-Authenticate": proxy.challenge})
                headers = {name: self.headers[name] for name in FORWARDED_HEADERS if self.headers.get(name)}
                request = urllib.request.Request(
                    proxy.upstream + self.path, data=body or None, method=self.command, headers=headers
                )
                try:
                    with urllib.request.urlopen(request, timeout=30) as answer:
                        self._answer(answer.status, answer.read(), {"Content-Type": answer.headers["Content-Type"]})
                except urllib.error.HTTPError as error:
                    self._answer(error.code, error.read(), {"Content-Type": error.headers["Content-Type"]})

            def _answer(self, status: int, body: bytes, headers: dict):
                self.send_response(status)
                for name, value in headers.items():
                    if value:
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = do_PUT = do_DELETE = _handle

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> StoreProxy:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(10)
