"""Live preview: serve the built site on 127.0.0.1, update it whenever a content, ontology or site file changes,
and reload the pages open in a browser once it has.

An edit under content/ updates the site in place (incremental.py: only the pages that read what changed are
regenerated and re-rendered); any other change rebuilds everything, staged as `kg build` does."""

from __future__ import annotations

import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from ..load.tree_state import WATCHED, snapshot
from ..model.problems import Problem
from .incremental import IncrementalSite, Update
from .server import PreviewServer

__all__ = ["report", "watch"]

POLL_SECONDS = 1.0  # a snapshot this often even without a file system event (0.2 s when events are unavailable)
SETTLE_SECONDS = 0.05
SETTLE_POLLS = 20  # an editor may save in steps: wait (at most this many polls) until the tree stops changing


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
        say(
            f"updated: {len(update.changed)} entit{'y' if len(update.changed) == 1 else 'ies'} changed, "
            f"{pages} page{'s' if pages != 1 else ''} re-rendered ({seconds:.2f} s)"
        )
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
