"""What `kg release` writes into the project: the version in the ontology header, the changelog entry, and the
release commit and its tag."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from ..load.changelog import changelog_path
from ..load.git_history import GitError
from ..model.changes import diff_to_json

__all__ = ["write_release_files", "commit_and_tag", "changelog_json"]


def changelog_json(version: str, previous: str, diff) -> str:
    """A changelog entry as stable JSON text (sorted keys, one value per line)."""
    data = {"version": version, "previous": previous, "diff": diff_to_json(diff)}
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def write_release_files(root: Path, ontology_file: str, ontology_text: str, version: str, entry: str) -> list:
    """Write the ontology file with its new version and changelog/<version>.json; returns their paths under root."""
    (root / ontology_file).write_text(ontology_text, encoding="utf-8")
    target = changelog_path(root, version)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(entry, encoding="utf-8")
    return [ontology_file, target.relative_to(root).as_posix()]


def _git(root: Path, *args: str) -> None:
    env = {**os.environ, "LC_ALL": "C", "GIT_TERMINAL_PROMPT": "0"}
    done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, env=env, timeout=120, check=False)
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", errors="replace").strip().splitlines()
        raise GitError(message[-1] if message else f"git {args[0]} failed")


def commit_and_tag(root: Path, paths: list, message: str, tag: str) -> None:
    """Commit exactly these files and put an annotated tag on the commit."""
    _git(root, "add", "--", *paths)
    _git(root, "commit", "--quiet", "-m", message, "--", *paths)
    _git(root, "tag", "-a", tag, "-m", message)
