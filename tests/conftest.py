"""Shared fixtures: the real project tree, one real build of it per test session, a local HTTP server."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def pytest_addoption(parser):
    parser.addoption(
        "--update-snapshots",
        action="store_true",
        help="rewrite tests/fixtures/snapshot-tree/expected/ from the saved questions' answers (make snapshots)",
    )


@pytest.fixture(scope="session")
def update_snapshots(request) -> bool:
    return bool(request.config.getoption("--update-snapshots"))


@pytest.fixture(scope="session")
def project_root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The real content built once into a temporary folder: (BuildResult, output folder)."""
    from generator.build import build_project

    out = tmp_path_factory.mktemp("build")
    result = build_project(ROOT, out)
    assert not result.problems, "\n".join(map(str, result.problems))
    return result, out


@pytest.fixture(scope="session")
def site_dir(built) -> Path:
    return built[1] / "site"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
    }

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_url(site_dir):
    """The built site served by a plain static file server on 127.0.0.1, stopped after the session."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def copy_project(tmp_path: Path, with_content: bool = True) -> Path:
    """A copy of the project tree (ontology, content, site, mkdocs.yml, node_modules link) to modify in a test."""
    target = tmp_path / "project"
    target.mkdir(parents=True)
    for name in ("ontology", "site"):
        shutil.copytree(ROOT / name, target / name)
    if with_content:
        shutil.copytree(ROOT / "content", target / "content")
    else:  # no entities: home pages must not link into the real content
        (target / "content").mkdir()
        for home, title in ((target / "site" / "index.md", "Home"), (target / "site" / "nl" / "index.md", "Start")):
            home.parent.mkdir(parents=True, exist_ok=True)
            home.write_text(f"# {title}\n", encoding="utf-8")
    shutil.copyfile(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    if (ROOT / "node_modules").exists():
        (target / "node_modules").symlink_to(ROOT / "node_modules")
    return target
