"""`kg release VERSION`: the documented release step. From a clean, checked work tree whose site URL and
repository are real, it writes the version into the ontology header (the one place a version is kept), writes
changelog/<version>.json from the diff against the previous release tag, commits both and tags the commit
v<version>. Pushing the commit and the tag is left to you."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..load.git_history import PROJECT_FOLDERS, GitError, changed_paths, commit_of, is_checkout, release_tags
from ..load.ontology import parse_ontology
from ..load.site_config import read_site_info, setting_line
from ..model.changes import GraphDiff
from ..model.edition import TAG_PREFIX, VERSION_PATTERN, version_key
from ..model.problems import Position, Problem
from ..write.release_files import changelog_json, commit_and_tag, write_release_files
from .compare import compare_versions
from .project_version import revision_version, work_tree_version

__all__ = [
    "release",
    "Released",
    "ReleaseError",
    "with_version",
    "PLACEHOLDER_HOSTS",
    "placeholder_settings",
    "placeholder_message",
    "release_build_problems",
]

PLACEHOLDER_HOSTS = ("example.org", "example.com", "example.net")
_VERSION_INFO = re.compile(r'(owl:versionInfo\s+")([^"]*)(")')
_VERSION_IRI = re.compile(r"(owl:versionIRI\s+<[^>]*/)([^/>]*)(>)")


class ReleaseError(Exception):
    """Why a release was refused; the message says what to do."""


@dataclass(frozen=True)
class Released:
    version: str
    tag: str
    previous: str
    diff: GraphDiff
    files: tuple


def placeholder_settings(root: Path) -> list:
    """The mkdocs.yml settings (site_url, repo_url) still empty or at an example host."""
    site = read_site_info(root, ("en",))
    found = []
    for key, value in (("site_url", site.site_url), ("repo_url", site.repo_url)):
        host = re.sub(r"^[a-z]+://", "", value).split("/", 1)[0].lower()
        if not value or any(host == name or host.endswith("." + name) for name in PLACEHOLDER_HOSTS):
            found.append((key, value))
    return found


def placeholder_message(key: str, value: str) -> str:
    return (
        f"{key} is {value or 'empty'}; set site_url and repo_url to where the site and the repository really are "
        "before a release (citations, the dataset description and the feed use them)"
    )


def release_build_problems(root: Path, edition) -> list:
    """A build of a released commit (a release tag points at HEAD) must not publish placeholder addresses."""
    tags = [r.tag for r in edition.releases if edition.head is not None and r.commit.hash == edition.head.hash]
    if not tags:
        return []
    return [
        Problem(
            Position("mkdocs.yml", setting_line(root, key), 1),
            f"building the release {tags[0]}: " + placeholder_message(key, value),
        )
        for key, value in placeholder_settings(root)
    ]


def with_version(text: str, version: str) -> str | None:
    """The ontology header with owl:versionInfo (and the version in owl:versionIRI) set; None if the text has
    no owl:versionInfo.

    >>> with_version('x owl:versionInfo "0.1.0" ; owl:versionIRI <https://w3id.org/cle/ontology/0.1.0> .', "0.2.0")
    'x owl:versionInfo "0.2.0" ; owl:versionIRI <https://w3id.org/cle/ontology/0.2.0> .'
    """
    if len(_VERSION_INFO.findall(text)) != 1:
        return None
    text = _VERSION_INFO.sub(lambda m: m.group(1) + version + m.group(3), text)
    return _VERSION_IRI.sub(lambda m: m.group(1) + version + m.group(3), text)


def _refusals(root: Path, version: str) -> list:
    """Every reason to refuse this release, at once."""
    reasons = []
    if not VERSION_PATTERN.fullmatch(version):
        reasons.append(f"`{version}` is not a version; write MAJOR.MINOR.PATCH, such as 1.0.0")
    reasons += [f"mkdocs.yml: {placeholder_message(key, value)}" for key, value in placeholder_settings(root)]
    if not is_checkout(root):
        return reasons + [f"{root} is not a git checkout; releases are git tags"]
    dirty = changed_paths(root, (*PROJECT_FOLDERS, "changelog", "mkdocs.yml", "CITATION.cff"))
    if dirty:
        shown = ", ".join(dirty[:5]) + (f" and {len(dirty) - 5} more" if len(dirty) > 5 else "")
        reasons.append(f"uncommitted changes in {shown}; commit them first, so the release is what the tag holds")
    releases = release_tags(root)
    try:
        commit_of(root, f"refs/tags/{TAG_PREFIX}{version}")
        return reasons + [f"the tag {TAG_PREFIX}{version} exists already; choose the next version"]
    except GitError:
        pass
    if VERSION_PATTERN.fullmatch(version) and releases:
        latest = releases[0].version
        if version_key(version) <= version_key(latest):
            reasons.append(f"{version} is not newer than the latest release, {latest}")
    return reasons


def release(root: Path, version: str) -> Released:
    """Write, commit and tag the release; ReleaseError (every reason at once) when it cannot be made."""
    reasons = _refusals(root, version)
    if reasons:
        raise ReleaseError("\n".join(reasons))
    new = work_tree_version(root)
    if new.problems:
        raise ReleaseError("\n".join(str(p) for p in sorted(set(new.problems))))
    releases = release_tags(root)
    if releases:
        previous = releases[0]
        old = revision_version(root, previous.tag, previous.version)
        new.name = version
        comparison = compare_versions(old, new)
        if comparison.problems:
            raise ReleaseError("\n".join(str(p) for p in sorted(set(comparison.problems))))
        diff, previous_version = comparison.diff.compact(), previous.version
    else:  # the first release: everything is new; the changelog says how much rather than listing it
        triples = len({(q.subject, q.predicate, q.object) for q in new.quads})
        counts = {"old_triples": 0, "new_triples": triples, "old_entities": 0, "new_entities": new.entities}
        diff, previous_version = GraphDiff("", version, counts=counts), ""
    _, texts, _ = parse_ontology(root)
    edited = {path: with_version(text, version) for path, text in texts.items()}
    headers = [path for path, text in edited.items() if text is not None]
    if len(headers) != 1:
        raise ReleaseError('ontology/: put exactly one owl:versionInfo "…" in the owl:Ontology header')
    tag = f"{TAG_PREFIX}{version}"
    files = write_release_files(
        root, headers[0], edited[headers[0]], version, changelog_json(version, previous_version, diff)
    )
    try:
        commit_and_tag(root, files, f"Release {version}", tag)
    except GitError as error:
        raise ReleaseError(
            f"git could not commit or tag the release ({error}); the files are written: {', '.join(files)}"
        ) from None
    return Released(version, tag, previous_version, diff, tuple(files))
