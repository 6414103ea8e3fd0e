"""Browser libraries the site serves itself (installed from the npm registry by `npm ci`, never a CDN)."""

from __future__ import annotations

from pathlib import Path

from .files import copy_file

__all__ = ["VENDOR_FILES", "copy_vendor_files", "missing_vendor_files"]

# node_modules path -> path under the docs root
VENDOR_FILES = {
    "oxigraph/web.js": "assets/vendor/oxigraph/web.js",  # SPARQL in the playground page only
    "oxigraph/web_bg.wasm": "assets/vendor/oxigraph/web_bg.wasm",
}


def missing_vendor_files(root: Path) -> list:
    """The browser libraries `npm ci` has not installed."""
    return [name for name in VENDOR_FILES if not (root / "node_modules" / name).is_file()]


def copy_vendor_files(root: Path, docs: Path) -> None:
    """Copy the browser libraries into a docs tree, where the site serves them from."""
    for name, target in VENDOR_FILES.items():
        copy_file(root / "node_modules" / name, docs / target)
