"""The preview's web server: the built site on 127.0.0.1, by path (a build that swaps the folder in is served at
once), with a script added to every HTML page it serves (never to the built files) that reloads the page when
the site's version changes."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from ..load.built_site import read_built_file
from ..write.files import ensure_folder

__all__ = ["PreviewServer", "SiteVersion", "RELOAD_PATH", "RELOAD_SCRIPT"]

RELOAD_PATH = "/.preview/version"  # ?since=N answers when the site's version is no longer N (or after a while)
RELOAD_WAIT_SECONDS = 25  # a long poll is answered within this, changed or not; the page then asks again
# Added to every HTML page the preview serves (never to the built files): reload when the site is rebuilt.
RELOAD_SCRIPT = (
    b'<script>(function(){var v=null;function ask(){fetch("' + RELOAD_PATH.encode() + b'?since="+'
    b'(v===null?"":v),{cache:"no-store"}).then(function(r){return r.text()}).then(function(t){'
    b"if(v!==null&&t!==v){location.reload();return}v=t;ask()}).catch(function(){setTimeout(ask,2000)})}"
    b"ask()})();</script>"
)


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".json": "application/json",
    }

    def __init__(self, *args, version=None, **kwargs):
        self.version = version
        super().__init__(*args, **kwargs)

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")  # a reload always shows the latest build
        super().end_headers()

    def do_GET(self):
        parts = urlsplit(self.path)
        if parts.path == RELOAD_PATH:
            since = parse_qs(parts.query).get("since", [""])[0]
            return self._send(str(self.version.wait_past(since, RELOAD_WAIT_SECONDS)).encode(), "text/plain")
        path = Path(self.translate_path(parts.path))
        page = path / "index.html" if path.is_dir() and parts.path.endswith("/") else path
        if page.suffix == ".html" and page.is_file():
            html = read_built_file(page)
            at = html.rfind(b"</body>")
            return self._send(html[:at] + RELOAD_SCRIPT + html[at:] if at >= 0 else html, "text/html; charset=utf-8")
        return super().do_GET()

    def _send(self, body: bytes, kind: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class SiteVersion:
    """A counter raised after every successful build; long polls wait on it."""

    def __init__(self):
        self.number = 0
        self._changed = threading.Condition()

    def bump(self) -> None:
        with self._changed:
            self.number += 1
            self._changed.notify_all()

    def wait_past(self, since: str, timeout: float) -> int:
        with self._changed:
            self._changed.wait_for(lambda: str(self.number) != since, timeout=timeout)
            return self.number


class PreviewServer:
    """A static file server for a folder, by path (a build that swaps the folder in is served at once), that
    adds the reload script to HTML pages."""

    def __init__(self, folder: Path, host: str = "127.0.0.1", port: int = 8000):
        ensure_folder(folder)
        self.version = SiteVersion()
        handler = functools.partial(_Handler, directory=str(folder), version=self.version)
        self.server = http.server.ThreadingHTTPServer((host, port), handler)
        self.server.daemon_threads = True  # long polls do not hold up the end of the preview
        self.url = f"http://{host}:{self.server.server_address[1]}/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
