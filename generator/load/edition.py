"""The edition a build publishes, gathered once per build: version and licence from the ontology header, the
citation, the changelog, the release tags, the commit built and every content file's last commits."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from pathlib import Path

from ..model.edition import Edition
from ..model.vocab import DCTERMS, OWL, RDF
from .changelog import read_changelog
from .citation import read_citation
from .git_history import GitError, commit_of, file_history, is_checkout, release_tags

__all__ = ["read_edition", "ontology_version", "code_licence"]


def ontology_version(graph) -> tuple:
    """(owl:versionInfo, dcterms:license) of the owl:Ontology in a schema graph ('' where missing)."""
    ontology = next(iter(graph.subjects(RDF.type, OWL.Ontology)), None)
    if ontology is None:
        return "", ""
    version, licence = graph.value(ontology, OWL.versionInfo), graph.value(ontology, DCTERMS.license)
    return str(version or ""), str(licence or "")


def code_licence(root: Path) -> str:
    """The generator's licence as pyproject.toml states it (an SPDX id), '' without one."""
    path = root / "pyproject.toml"
    if not path.is_file():
        return ""
    licence = tomllib.loads(path.read_text(encoding="utf-8")).get("project", {}).get("license", "")
    return licence if isinstance(licence, str) else ""


def read_edition(root: Path, schema_graph) -> Edition:
    """Everything pages, the dataset description and the feed say about this version (no git: no history)."""
    version, licence = ontology_version(schema_graph)
    edition = Edition(version, licence, read_citation(root), (), read_changelog(root), code_licence=code_licence(root))
    if not is_checkout(root):
        return edition
    try:
        return replace(edition, releases=release_tags(root), history=file_history(root), head=commit_of(root, "HEAD"))
    except GitError:  # a repository git cannot read (a broken worktree link, say): build as outside git
        return edition
