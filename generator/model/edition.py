"""The edition a build publishes: the dataset's version (the ontology's owl:versionInfo, its one place), licence,
citation (CITATION.cff), releases (git tags vX.Y.Z), changelog and each content file's last commits — all read from
files and git, never from the clock."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .changes import GraphDiff

__all__ = [
    "Commit",
    "Release",
    "Author",
    "Citation",
    "ChangelogEntry",
    "Edition",
    "TAG_PREFIX",
    "VERSION_PATTERN",
    "version_key",
    "HISTORY_LIMIT",
]

TAG_PREFIX = "v"  # release 1.2.0 is the git tag v1.2.0
VERSION_PATTERN = re.compile(r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)")
HISTORY_LIMIT = 5  # commits shown per page under "What changed"


def version_key(version: str) -> tuple:
    """Versions sort by their numbers, not as text.

    >>> sorted(["0.10.0", "0.9.1", "1.0.0"], key=version_key)
    ['0.9.1', '0.10.0', '1.0.0']
    """
    return tuple(int(part) for part in version.split("."))


@dataclass(frozen=True)
class Commit:
    """One git commit: its hash, committer date (ISO 8601 with offset) and subject line."""

    hash: str
    date: str
    subject: str

    @property
    def short(self) -> str:
        return self.hash[:7]

    @property
    def day(self) -> str:
        """The commit date as YYYY-MM-DD (in the committer's time zone)."""
        return self.date[:10]


@dataclass(frozen=True)
class Release:
    """A released version: its tag and the commit the tag points at (whose date is the release date)."""

    version: str
    tag: str
    commit: Commit


@dataclass(frozen=True)
class Author:
    """An author as CITATION.cff names one: a person (given and family names) or an organisation (name)."""

    given: str = ""
    family: str = ""
    name: str = ""

    @property
    def is_person(self) -> bool:
        return bool(self.family)

    def display(self) -> str:
        """
        >>> Author("Inge M.", "van der Sluis").display(), Author(name="CLE contributors").display()
        ('Inge M. van der Sluis', 'CLE contributors')
        """
        return f"{self.given} {self.family}".strip() if self.is_person else self.name


@dataclass(frozen=True)
class Citation:
    """How the dataset is cited (CITATION.cff): title, authors, licence (an SPDX id) and the abstract."""

    title: str
    authors: tuple = ()
    licence: str = ""
    abstract: str = ""


@dataclass(frozen=True)
class ChangelogEntry:
    """One release in the changelog (changelog/<version>.json, written by `kg release`): what changed since the
    release before it (previous is '' for the first release)."""

    version: str
    previous: str
    diff: GraphDiff


@dataclass(frozen=True)
class Edition:
    """What pages, the dataset description and the feed say about this version of the dataset."""

    version: str = ""  # the ontology's owl:versionInfo
    licence: str = ""  # the ontology's dcterms:license (an IRI)
    citation: Citation | None = None
    releases: tuple = ()  # Release, newest first
    changelog: tuple = ()  # ChangelogEntry, newest first
    history: dict = field(default_factory=dict)  # content path -> (Commit, …), newest first
    head: Commit | None = None  # the commit this build is made from (None outside a git checkout)
    code_licence: str = ""  # the generator's licence, an SPDX id (pyproject.toml)

    def release_of(self, version: str) -> Release | None:
        return next((release for release in self.releases if release.version == version), None)

    @property
    def label(self) -> str:
        """The version as cited: X.Y.Z at the release's own commit, X.Y.Z+<commit> for a build after it.

        >>> c = Commit("abcdef0123", "2026-01-02T03:04:05+00:00", "s")
        >>> Edition("1.0.0", head=c).label, Edition("1.0.0", releases=(Release("1.0.0", "v1.0.0", c),), head=c).label
        ('1.0.0+abcdef0', '1.0.0')
        """
        release = self.release_of(self.version)
        if self.head is None or (release is not None and release.commit.hash == self.head.hash):
            return self.version
        return f"{self.version}+{self.head.short}"

    def last_changes(self, path: str) -> tuple:
        """The last commits that touched a content file, newest first."""
        return self.history.get(path, ())
