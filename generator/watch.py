"""Live preview: serve the built site on 127.0.0.1 and rebuild it whenever a content, ontology or site file changes."""

from __future__ import annotations

import functools
import http.server
import threading
import time
import traceback
from pathlib import Path
from typing import Callable

from .build import build_project
from .problems import Problem

__all__ = ["WATCHED", "snapshot", "PreviewServer", "rebuild", "watch"]

WATCHED = ("content", "ontology", "site", "mkdocs.yml")  # what a build reads, relative to the project root
POLL_SECONDS = 0.5
SETTLE_POLLS = 10  # an editor may save in steps: wait (at most this many polls) until the tree stops changing


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

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")  # a reload always shows the latest build
        super().end_headers()

    def log_message(self, *args):
        pass


class PreviewServer:
    """A static file server for a folder, by path: a build that swaps the folder in is served at once."""

    def __init__(self, folder: Path, host: str = "127.0.0.1", port: int = 8000):
        folder.mkdir(parents=True, exist_ok=True)
        handler = functools.partial(_Handler, directory=str(folder))
        self.server = http.server.ThreadingHTTPServer((host, port), handler)
        self.url = f"http://{host}:{self.server.server_address[1]}/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def rebuild(root: Path, out: Path, say: Callable[[str], None]) -> bool:
    """Build once and say how it went; problems (and even a crash) are printed, never raised."""
    try:
        result = build_project(root, out)
    except Exception:  # a bug in the generator must not end the preview: show it and keep the last site
        say("the build crashed (a bug, please report it):\n" + traceback.format_exc().rstrip())
        say("still serving the last good site")
        return False
    if result.problems:
        for problem in sorted(set(result.problems)):
            say(_one_line(problem))
        count = len(set(result.problems))
        say(f"{count} problem{'s' if count != 1 else ''}; still serving the last good site")
        return False
    say(f"built: {result.entities} entities, {result.pages} HTML pages")
    return True


def _one_line(problem: Problem) -> str:
    return f"{problem.position}: {problem.message}".replace("\r", "\\r").replace("\n", "\\n")


def _settled(root: Path, state: dict, sleep: Callable[[float], None]) -> dict:
    for _ in range(SETTLE_POLLS):
        sleep(POLL_SECONDS)
        again = snapshot(root)
        if again == state:
            break
        state = again
    return state


def watch(root: Path, out: Path, host: str = "127.0.0.1", port: int = 8000, say: Callable[[str], None] = print,
          cycles: int | None = None, sleep: Callable[[float], None] = time.sleep) -> None:
    """Build, serve out/site, and rebuild on every change until interrupted (or for `cycles` polls)."""
    server = PreviewServer(out / "site", host, port)
    server.start()
    say(f"serving {server.url} (rebuilds when {', '.join(WATCHED)} change; Ctrl-C stops)")
    try:
        state = snapshot(root)
        rebuild(root, out, say)
        done = 0
        while cycles is None or done < cycles:
            done += 1
            sleep(POLL_SECONDS)
            now = snapshot(root)
            if now == state:
                continue
            before, state = state, _settled(root, now, sleep)
            changed = sorted(k for k in set(before) | set(state) if before.get(k) != state.get(k))
            say(f"changed: {', '.join(changed[:3]) or 'files'}{' …' if len(changed) > 3 else ''}; rebuilding")
            rebuild(root, out, say)
    finally:
        server.stop()
