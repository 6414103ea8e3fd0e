"""Live preview: serve the built site on 127.0.0.1, update it whenever a content, ontology or site file changes,
and reload the pages open in a browser once it has.

An edit under content/ updates the site in place (incremental.py: only the pages that read what changed are
regenerated and re-rendered); any other change rebuilds everything, staged as `kg build` does."""

from __future__ import annotations

import functools
import http.server
import threading
import time
import traceback
from pathlib import Path
from typing import Callable
from urllib.parse import parse_qs, urlsplit

from .incremental import IncrementalSite, Update
from .problems import Problem

__all__ = ["WATCHED", "snapshot", "PreviewServer", "report", "watch", "RELOAD_PATH"]

WATCHED = ("content", "ontology", "site", "mkdocs.yml")  # what a build reads, relative to the project root
POLL_SECONDS = 1.0  # a snapshot this often even without a file system event (0.2 s when events are unavailable)
SETTLE_SECONDS = 0.05
SETTLE_POLLS = 20  # an editor may save in steps: wait (at most this many polls) until the tree stops changing
RELOAD_PATH = "/.preview/version"  # ?since=N answers when the site's version is no longer N (or after a while)
RELOAD_WAIT_SECONDS = 25  # a long poll is answered within this, changed or not; the page then asks again
# Added to every HTML page the preview serves (never to the built files): reload when the site is rebuilt.
RELOAD_SCRIPT = (b'<script>(function(){var v=null;function ask(){fetch("' + RELOAD_PATH.encode() + b'?since="+'
                 b'(v===null?"":v),{cache:"no-store"}).then(function(r){return r.text()}).then(function(t){'
                 b'if(v!==null&&t!==v){location.reload();return}v=t;ask()}).catch(function(){setTimeout(ask,2000)})}'
                 b'ask()})();</script>')


def snapshot(root: Path) -> dict:
    """Path -> (modification time, size) of every watched file; any change to the tree changes it."""
    state = {}
    for name in WATCHED:
        top = root / name
        paths = [top] if top.is_file() else sorted(top.rglob("*")) if top.is_dir() else []
        for path in paths:
            try:
                info = path.lstat()
            except OSError:  # removed while listed
                continue
            state[path.relative_to(root).as_posix()] = (info.st_mtime_ns, info.st_size)
    return state


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm",
                      ".js": "text/javascript", ".mjs": "text/javascript", ".json": "application/json"}

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
            html = page.read_bytes()
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
        folder.mkdir(parents=True, exist_ok=True)
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


def report(update: Update, seconds: float, say: Callable[[str], None]) -> bool:
    """Say how a build or update went; True when it went well."""
    if update.problems:
        for problem in sorted(set(update.problems)):
            say(_one_line(problem))
        count = len(set(update.problems))
        say(f"{count} problem{'s' if count != 1 else ''}; still serving the last good site")
        return False
    if update.full:
        result = update.build
        say(f"built: {result.entities} entities, {result.pages} HTML pages ({seconds:.1f} s)")
    elif update.changed:
        pages = len(update.pages) + len(update.removed)
        say(f"updated: {len(update.changed)} entit{'y' if len(update.changed) == 1 else 'ies'} changed, "
            f"{pages} page{'s' if pages != 1 else ''} re-rendered ({seconds:.2f} s)")
    else:
        say("no change to the site")
    return True


def _one_line(problem: Problem) -> str:
    return f"{problem.position}: {problem.message}".replace("\r", "\\r").replace("\n", "\\n")


def _rebuild(site: IncrementalSite, content_only: bool, say: Callable[[str], None]) -> bool:
    """Update (content edits) or build everything, and report; a crash is printed, never raised."""
    start = time.perf_counter()
    try:
        update = site.update() if content_only else site.full_build()
        ok = report(update, time.perf_counter() - start, say)
        if ok and not update.full and update.changed:
            site.write_data()  # the downloads, after the pages are shown
        return ok
    except Exception:  # a bug in the generator must not end the preview: show it and keep the last site
        site.ready = False  # the next change rebuilds everything
        say("the build crashed (a bug, please report it):\n" + traceback.format_exc().rstrip())
        say("still serving the last good site")
        return False


class Wakeup:
    """Wakes the loop as soon as the file system reports a change under a watched path (inotify and the like,
    through watchdog, which MkDocs itself uses). The loop still compares snapshots, so a missed event costs a
    poll and a spurious one (an editor's swap file, say) costs a snapshot."""

    def __init__(self, root: Path):
        self._event = threading.Event()
        self._observer = None
        try:
            from watchdog.events import FileSystemEventHandler
            from watchdog.observers import Observer
        except ImportError:  # polling alone still works
            return
        wakeup = self._event

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event):
                wakeup.set()

        observer = Observer()
        observer.schedule(Handler(), str(root), recursive=False)  # mkdocs.yml, and folders made or removed
        for name in WATCHED:
            if (root / name).is_dir():
                observer.schedule(Handler(), str(root / name), recursive=True)
        observer.daemon = True
        observer.start()
        self._observer = observer

    def wait(self) -> None:
        """Until an event or the poll interval, whichever comes first."""
        if self._observer is not None:
            self._event.wait(POLL_SECONDS)
        else:
            time.sleep(POLL_SECONDS / 5)
        self._event.clear()

    def stop(self) -> None:
        if self._observer is not None:
            self._observer.stop()
            self._observer.join(timeout=5)


def _settled(root: Path, state: dict) -> dict:
    for _ in range(SETTLE_POLLS):
        time.sleep(SETTLE_SECONDS)
        again = snapshot(root)
        if again == state:
            break
        state = again
    return state


def watch(root: Path, out: Path, host: str = "127.0.0.1", port: int = 8000, say: Callable[[str], None] = print) -> None:
    """Build, serve out/site, and update on every change until interrupted."""
    server = PreviewServer(out / "site", host, port)
    server.start()
    site = IncrementalSite(root, out)
    wakeup = Wakeup(root)
    say(f"serving {server.url} (updates when {', '.join(WATCHED)} change; Ctrl-C stops)")
    try:
        state = snapshot(root)
        if _rebuild(site, False, say):
            server.version.bump()
        while True:
            wakeup.wait()
            now = snapshot(root)
            if now == state:
                continue
            before, state = state, _settled(root, now)
            changed = sorted(k for k in set(before) | set(state) if before.get(k) != state.get(k))
            if not changed:
                continue
            say(f"changed: {', '.join(changed[:3])}{' …' if len(changed) > 3 else ''}")
            if _rebuild(site, all(path.startswith("content/") for path in changed), say):
                server.version.bump()
    finally:
        wakeup.stop()
        site.close()
        server.stop()
