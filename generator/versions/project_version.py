"""One version of the project to compare: the work tree, a git revision (its files read from git and checked in a
scratch folder) or a dump the site published — as quads, with the answers to the saved questions."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..check.pipeline import check_project
from ..load.git_history import commit_of, files_at
from ..load.ontology import load_schema
from ..load.rdf_dump import read_dump
from ..load.saved_queries import load_saved_queries
from ..model.problems import Position, Problem
from ..model.quads import open_store, to_quads
from ..model.vocab import CLE
from ..sparql.engine import answer_saved
from ..write.files import write_files
from ..write.scratch import make_scratch, remove_tree

__all__ = ["ProjectVersion", "work_tree_version", "revision_version", "dump_version", "shape_names", "WORK_TREE"]

WORK_TREE = "work tree"


@dataclass
class ProjectVersion:
    """What `kg diff` compares: quads, the saved questions' answers and titles, and the names the shapes give
    properties (rdfs:label, skos:exactMatch … are not labelled in the graph itself); or the problems that
    kept the version from being read."""

    name: str
    quads: list = field(default_factory=list)
    answers: dict = field(default_factory=dict)
    titles: dict = field(default_factory=dict)
    labels: dict = field(default_factory=dict)
    namespace: str = ""
    problems: list = field(default_factory=list)
    entities: int = 0


def shape_names(schema) -> dict:
    """property IRI -> {lang: sh:name} from every shape, nested ones (source references) included."""
    found: dict = {}

    def visit(shape) -> None:
        for spec in shape.properties.values():
            if spec.labels:
                found.setdefault(str(spec.path), dict(spec.labels))
            if spec.nested is not None:
                visit(spec.nested)

    for cls in schema.classes.values():
        visit(cls.shape)
    return found


def _checked_version(tree: Path, name: str, questions_root: Path, answers: bool = True) -> ProjectVersion:
    checked = check_project(tree)
    if not checked.ok:
        return ProjectVersion(name, problems=checked.problems)
    quads = to_quads(checked.mapped.graphs)
    saved = load_saved_queries(questions_root)
    return ProjectVersion(
        name,
        quads,
        answer_saved(saved, open_store(quads)) if answers else {},
        {query.name: dict(query.titles) for query in saved},
        shape_names(checked.schema),
        checked.schema.entity_namespace,
        entities=len(checked.mapped.entities),
    )


def work_tree_version(root: Path) -> ProjectVersion:
    """The project as it is on disk, uncommitted changes included."""
    return _checked_version(root, WORK_TREE, root)


def revision_version(root: Path, revision: str, name: str | None = None, answers: bool = True) -> ProjectVersion:
    """The project as committed at a git revision (GitError if git does not know it), with the answers to its
    saved questions unless answers is False. Problems name the file as it was at the revision:
    'v0.1.0:content/drugs/x.yaml:3:1: …'."""
    commit = commit_of(root, revision)
    shown = name or f"{revision} ({commit.short})"
    scratch = make_scratch("kg-revision-")
    try:
        write_files(scratch, files_at(root, commit.hash))
        found = _checked_version(scratch, shown, scratch, answers)
    finally:
        remove_tree(scratch)
    found.problems = [
        Problem(Position(f"{revision}:{p.position.path}", p.position.line, p.position.col), p.message)
        for p in found.problems
    ]
    return found


def dump_version(root: Path, path: Path) -> ProjectVersion:
    """A published dump, answering the saved questions of the project under root; its entity namespace is the one
    its own ontology graph declares (else the project's)."""
    quads = read_dump(path)
    schema, _ = load_schema(root)
    declared = sorted(q.object.value for q in quads if q.predicate.value == str(CLE.entityNamespace))
    namespace = declared[0] if declared else (schema.entity_namespace if schema else "")
    saved = load_saved_queries(root)
    return ProjectVersion(
        path.name,
        quads,
        answer_saved(saved, open_store(quads)),
        {query.name: dict(query.titles) for query in saved},
        shape_names(schema) if schema else {},
        namespace,
    )
