"""MkDocs in child processes: fresh ones for `kg build`, one per language, side by side on the machine's cores
(their memory is returned when they end), and kept-loaded workers for the live preview's dirty builds. This module is also the child's entry point
(`python -m generator.renderer.worker`), an edge: it reads its request, prints progress and exits."""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import time
from pathlib import Path

from .mkdocs_adapter import SiteBuildError, render_site

__all__ = ["render_request", "render_sites_isolated", "RenderWorker", "RENDER_TIMEOUT"]

PACKAGE_PARENT = Path(__file__).resolve().parents[2]  # where `python -m generator…` finds the package
RENDER_TIMEOUT = 4 * 3600  # seconds a render may take before it is stopped (20k entities take well under one)


def render_request(
    root: Path,
    docs_dir: Path,
    site_dir: Path,
    lang: str,
    nav: list,
    site_url_suffix: str,
    dirty: bool = False,
    overrides: dict | None = None,
    only: list | None = None,
    merge_into: Path | None = None,
) -> dict:
    """What a child process is asked to render (JSON: it crosses the process boundary); only and merge_into:
    the pages of an incremental build (see render_site)."""
    return {
        "only": None if only is None else sorted(only),
        "merge_into": None if merge_into is None else str(merge_into),
        "overrides": overrides or {},
        "root": str(root),
        "docs_dir": str(docs_dir),
        "site_dir": str(site_dir),
        "lang": lang,
        "nav": nav,
        "site_url_suffix": site_url_suffix,
        "dirty": dirty,
    }


def render_sites_isolated(requests: list, on_page=None, timeout: float = RENDER_TIMEOUT) -> None:
    """Each render request in its own fresh Python process, all at once (one per core), so the memory MkDocs
    holds for every page of a large site is returned when it ends and never adds to the generator's own.
    Each child prints one '.' per rendered page (on_page() is called for each, from any child) and its
    problems on stderr; SiteBuildError with every failed child's messages."""
    children = []
    for request in requests:  # on stdin, not argv: the pages of a large incremental build outgrow an argument
        child = subprocess.Popen(
            [sys.executable, "-m", "generator.renderer.worker", "--once"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=PACKAGE_PARENT,
        )
        child.stdin.write(json.dumps(request).encode("utf-8"))
        child.stdin.close()
        children.append(child)
    errors = {child.stderr.fileno(): bytearray() for child in children}
    pages = {child.stdout.fileno() for child in children}
    open_streams = set(errors) | pages
    deadline = time.monotonic() + timeout
    try:
        while open_streams:  # both pipes of every child are read as they fill: none blocks on a full pipe
            if time.monotonic() > deadline:
                raise SiteBuildError(f"MkDocs took longer than {timeout:.0f} s and was stopped")
            ready, _, _ = select.select(sorted(open_streams), [], [], 1.0)
            for stream in ready:
                chunk = os.read(stream, 65536)
                if not chunk:
                    open_streams.discard(stream)
                elif stream in pages:
                    for _ in range(chunk.count(b".") if on_page is not None else 0):
                        on_page()
                else:
                    errors[stream] += chunk
        failed = [
            errors[child.stderr.fileno()].decode("utf-8", errors="replace").strip()
            or f"MkDocs stopped with exit code {child.returncode}"
            for child in children
            if child.wait(timeout=60) != 0
        ]
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()
                child.wait()
            child.stdout.close()
            child.stderr.close()
    if failed:
        raise SiteBuildError("\n".join(failed))


class RenderWorker:
    """A child process that keeps MkDocs loaded and re-renders one language's changed pages on request (the
    live preview): a dirty build there takes a fraction of a second, where a fresh process spends most of a
    second importing MkDocs and Material before it starts."""

    def __init__(
        self,
        root: Path,
        docs_dir: Path,
        site_dir: Path,
        lang: str,
        nav: list,
        site_url_suffix: str = "",
        overrides: dict | None = None,
    ):
        self._request = render_request(root, docs_dir, site_dir, lang, nav, site_url_suffix, True, overrides)
        self._child = subprocess.Popen(
            [sys.executable, "-m", "generator.renderer.worker", "--worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            cwd=PACKAGE_PARENT,
        )

    def send(self, removed=()) -> None:
        """Ask for a dirty build (answered by receive(): send to every worker first, so they work in parallel)."""
        self._child.stdin.write(json.dumps({**self._request, "removed": list(removed)}) + "\n")
        self._child.stdin.flush()

    def receive(self) -> None:
        """Wait for the build asked for; SiteBuildError with MkDocs' messages if it failed."""
        line = self._child.stdout.readline()
        if not line:
            raise SiteBuildError(f"the MkDocs worker stopped (exit code {self._child.wait()})")
        answer = json.loads(line)
        if answer.get("errors"):
            raise SiteBuildError(answer["errors"])

    def close(self) -> None:
        if self._child.poll() is None:
            self._child.stdin.close()
            try:
                self._child.wait(timeout=10)
            except Exception:
                self._child.kill()
                self._child.wait()


def _render_request(args: dict, on_page=None) -> str:
    """Run one render request (a JSON object from the parent); '' when it went well, else the messages."""
    try:
        render_site(
            Path(args["root"]),
            Path(args["docs_dir"]),
            Path(args["site_dir"]),
            args["lang"],
            args["nav"],
            args["site_url_suffix"],
            on_page=on_page,
            dirty=args.get("dirty", False),
            removed=tuple(args.get("removed", ())),
            overrides=args.get("overrides") or {},
            only=None if args.get("only") is None else tuple(args["only"]),
            merge_into=Path(args["merge_into"]) if args.get("merge_into") else None,
        )
    except SiteBuildError as error:
        return str(error) or "the site build failed"
    return ""


def _worker_main() -> int:
    """Answer render requests, one JSON line in, one JSON line out, until stdin closes."""
    requests, answers = sys.stdin, sys.stdout
    sys.stdout = sys.stderr  # whatever else prints must not mix with the answers
    for line in requests:
        errors = _render_request(json.loads(line))
        answers.write(json.dumps({"errors": errors}) + "\n")
        answers.flush()
    return 0


def _child_main() -> int:
    """Render the one request on stdin, a '.' on stdout per page, problems on stderr."""
    request = sys.stdin.read()

    def dot():
        sys.stdout.write(".")
        sys.stdout.flush()

    errors = _render_request(json.loads(request), on_page=dot)
    if errors:
        print(errors, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(_worker_main() if sys.argv[1:] == ["--worker"] else _child_main())
