"""The dumps of every release, rebuilt at build time from the release's tag (its ontology, content and queries
as committed) into data/releases/<version>/, beside the latest ones."""

from __future__ import annotations

from pathlib import Path

from ..model.formats import RELEASES_FOLDER
from ..model.problems import Position, Problem
from ..model.vocab import DCTERMS, ONTOLOGY_IRI
from ..render.cite import dataset_title
from ..write.dumps import dump_header, write_dumps
from .project_version import revision_version

__all__ = ["write_release_dumps"]


def _licence(quads) -> str:
    """The licence the release's own ontology header states."""
    found = sorted(
        q.object.value
        for q in quads
        if q.subject.value == str(ONTOLOGY_IRI) and q.predicate.value == str(DCTERMS.license)
    )
    return found[0] if found else ""


def write_release_dumps(root: Path, edition, site: Path, lang: str) -> tuple:
    """(version -> dump name -> bytes, problems): each release's dumps under site/data/releases/<version>/. A
    release whose tag no longer checks cleanly is a problem: the site would otherwise lose its data."""
    sizes, problems = {}, []
    for release in edition.releases:
        version = revision_version(root, release.tag, release.version, answers=False)
        if version.problems:
            first = sorted(set(version.problems))[0]
            problems.append(
                Problem(
                    Position(f"git tag {release.tag}", 1, 1),
                    f"the release cannot be rebuilt from its tag ({first}); fix the generator, or move the tag",
                )
            )
            continue
        header = dump_header(dataset_title(edition, lang), release.version, _licence(version.quads))
        folder = site / RELEASES_FOLDER / release.version
        sizes[release.version] = write_dumps(version.quads, folder, version.namespace, header)
    return sizes, problems
