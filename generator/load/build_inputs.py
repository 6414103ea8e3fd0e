"""What an incremental `kg build` compares with the last build: a fingerprint of the inputs that make every
page stale, each content file's digest, and the state the last build saved beside its output."""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import platform
from pathlib import Path

from ..model.build_state import BuildState

__all__ = ["WHOLE_BUILD_INPUTS", "STATE_FILE", "inputs_fingerprint", "content_digests", "read_build_state"]

# Inputs under the project root whose change makes every page stale: the ontology (classes, shapes, labels),
# the site configuration, hand-written pages and theme overrides, the saved questions (their pages come and go
# with them), and the browser and diagram libraries.
WHOLE_BUILD_INPUTS = (
    "ontology",
    "mkdocs.yml",
    "site",
    "queries",
    "node_modules/.package-lock.json",
    "package-lock.json",
)
GENERATOR = Path(__file__).resolve().parents[1]  # the generator's own code and templates
STATE_FILE = Path("cache") / "build-state.json"  # under build/, beside docs/ and site/


def _files_under(top: Path) -> list:
    if top.is_file():
        return [top]
    if not top.is_dir():
        return []
    return sorted(path for path in top.rglob("*") if path.is_file() and "__pycache__" not in path.parts)


def _digest_files(digest, base: Path, paths) -> None:
    for path in paths:
        digest.update(path.relative_to(base).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())


def inputs_fingerprint(root: Path) -> str:
    """A digest of every input file that invalidates the whole build: WHOLE_BUILD_INPUTS, the generator's own
    source, the installed Python packages and their versions (MkDocs, Material, Markdown …) and the Python
    version. What the build derives from git and files (the edition, the menus) is added by the build."""
    digest = hashlib.sha256()
    for name in WHOLE_BUILD_INPUTS:
        _digest_files(digest, root, _files_under(root / name))
    _digest_files(digest, GENERATOR.parent, _files_under(GENERATOR))
    # a set: the project's own egg-info joins the installed one when Python runs from the project folder
    packages = sorted({f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions()})
    digest.update(json.dumps([platform.python_version(), packages]).encode("utf-8"))
    return digest.hexdigest()


def content_digests(root: Path) -> dict:
    """Content path (relative to the root, forward slashes) -> sha256 of the file's bytes."""
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in _files_under(root / "content")
    }


def read_build_state(out: Path) -> BuildState | None:
    """The state the last build in out saved, or None (no build, an older layout, or a file that cannot be read:
    the build is then a full one)."""
    path = out / STATE_FILE
    try:
        return BuildState.from_json(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError):
        return None
