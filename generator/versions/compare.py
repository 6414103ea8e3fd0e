"""`kg diff OLD NEW`: two versions of the project — git revisions (by default the merge base with main and the
work tree) or two published dumps — compared as graphs, per entity, with the answers to the saved questions."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..diff.graph_diff import graph_diff
from ..load.git_history import GitError, is_checkout, merge_base
from ..load.rdf_dump import is_dump
from ..model.changes import GraphDiff
from .project_version import ProjectVersion, dump_version, revision_version, work_tree_version

__all__ = ["compare", "Comparison", "CompareError", "BASE_BRANCHES", "compare_versions"]

BASE_BRANCHES = ("main", "origin/main")  # what a change is compared with when OLD is not given


class CompareError(Exception):
    """A version could not be found (no git checkout, an unknown revision, no main branch)."""


@dataclass
class Comparison:
    """The diff and the entity namespace to word it with; or the problems that kept a version from being read."""

    diff: GraphDiff | None = None
    namespace: str = ""
    problems: list = field(default_factory=list)


def _default_old(root: Path) -> tuple:
    """(revision, name) of the merge base of HEAD with main (or origin/main, as in a CI checkout)."""
    if not is_checkout(root):
        raise CompareError(f"{root} is not a git checkout: give two dumps, such as old/kg.trig new/kg.trig")
    for branch in BASE_BRANCHES:
        try:
            base = merge_base(root, "HEAD", branch)
        except GitError:
            continue
        return base.hash, f"{branch} ({base.short})"
    raise CompareError("no branch main or origin/main to compare with; name the old version: kg diff OLD [NEW]")


def _version(root: Path, spec: str | None, name: str | None = None) -> ProjectVersion:
    if spec is None:
        return work_tree_version(root)
    if is_dump(spec):
        return dump_version(root, Path(spec))
    try:
        return revision_version(root, spec, name)
    except GitError as error:
        raise CompareError(f"`{spec}` is neither a dump file nor a git revision ({error})") from None


def compare_versions(old: ProjectVersion, new: ProjectVersion) -> Comparison:
    """The diff of two versions already read."""
    problems = old.problems + new.problems
    if problems:
        return Comparison(problems=problems)
    namespace = new.namespace or old.namespace
    diff = graph_diff(
        old.quads,
        new.quads,
        namespace,
        old.answers,
        new.answers,
        (old.name, new.name),
        {**old.titles, **new.titles},
        {**old.labels, **new.labels},
    )
    return Comparison(diff, namespace)


def compare(root: Path, old: str | None = None, new: str | None = None) -> Comparison:
    """Compare two versions of the project under root (None: the default for that side)."""
    old_name = None
    if old is None:
        old, old_name = _default_old(root)
    return compare_versions(_version(root, old, old_name), _version(root, new))
