"""What changed between two versions of the graph, per entity and per saved question: the values `kg diff` makes,
the changelog keeps (as JSON) and the pages and the command line put in words."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

__all__ = [
    "Value",
    "Change",
    "EntityDiff",
    "AnswerDiff",
    "GraphDiff",
    "diff_to_json",
    "diff_from_json",
    "mentioned",
    "ADDED",
    "REMOVED",
    "CHANGED",
]

ADDED, REMOVED, CHANGED = "added", "removed", "changed"


@dataclass(frozen=True, order=True)
class Value:
    """The object of a statement: an IRI, a literal (with its language or datatype), or a record nested in the
    entity (a source reference) given by its own statements."""

    kind: str  # "iri", "literal" or "node"
    text: str = ""  # the IRI or the literal's lexical form ("" for a node)
    lang: str = ""
    datatype: str = ""  # a typed literal's datatype IRI ("" for plain strings and language-tagged text)
    fields: tuple = ()  # of a node: its (property IRI, Value) pairs, sorted

    def to_json(self) -> dict:
        found = {"kind": self.kind, "text": self.text, "lang": self.lang, "datatype": self.datatype}
        if self.fields:
            found["fields"] = [[prop, value.to_json()] for prop, value in self.fields]
        return {key: item for key, item in found.items() if item}

    @classmethod
    def from_json(cls, data: dict) -> Value:
        fields = tuple((prop, cls.from_json(value)) for prop, value in data.get("fields", ()))
        return cls(data["kind"], data.get("text", ""), data.get("lang", ""), data.get("datatype", ""), fields)


@dataclass(frozen=True)
class Change:
    """One statement added (old None), removed (new None) or changed (old → new); a changed nested record also
    lists the changes inside it."""

    prop: str
    old: Value | None = None
    new: Value | None = None
    inner: tuple = ()  # Changes within a changed node

    @property
    def kind(self) -> str:
        return ADDED if self.old is None else REMOVED if self.new is None else CHANGED

    def to_json(self) -> dict:
        found = {"property": self.prop, "kind": self.kind}
        for name, value in (("old", self.old), ("new", self.new)):
            if value is not None:
                found[name] = value.to_json()
        if self.inner:
            found["inner"] = [change.to_json() for change in self.inner]
        return found

    @classmethod
    def from_json(cls, data: dict) -> Change:
        old, new = (Value.from_json(data[name]) if name in data else None for name in ("old", "new"))
        return cls(data["property"], old, new, tuple(cls.from_json(c) for c in data.get("inner", ())))


@dataclass(frozen=True)
class EntityDiff:
    """An entity (or ontology term) that was added, removed or changed, with its statements that differ (an added
    or removed entity's statements may be left out, as the changelog does: size still counts them)."""

    iri: str
    status: str  # ADDED, REMOVED or CHANGED
    classes: tuple = ()  # its class IRIs (in the newer graph, else the older)
    changes: tuple = ()
    size: int = 0  # statements about it, nested records' included (in the newer graph, else the older)

    def to_json(self) -> dict:
        return {
            "iri": self.iri,
            "status": self.status,
            "classes": list(self.classes),
            "changes": [change.to_json() for change in self.changes],
            "size": self.size,
        }

    @classmethod
    def from_json(cls, data: dict) -> EntityDiff:
        changes = tuple(Change.from_json(c) for c in data["changes"])
        return cls(data["iri"], data["status"], tuple(data["classes"]), changes, data.get("size", 0))

    def compact(self) -> EntityDiff:
        """Without the statements of an added or removed entity (a changed one keeps its changes)."""
        return self if self.status == CHANGED else EntityDiff(self.iri, self.status, self.classes, (), self.size)


def _row_json(row) -> list:
    return [None if value is None else value.to_json() for value in row]


def _row(data) -> tuple:
    return tuple(None if value is None else Value.from_json(value) for value in data)


@dataclass(frozen=True)
class AnswerDiff:
    """How the answer to one saved question changed: its rows (terms as Values, None where unbound) added and
    removed, and how many it had before and after."""

    name: str
    status: str  # ADDED (a new question), REMOVED or CHANGED
    variables: tuple = ()
    old_rows: int = 0
    new_rows: int = 0
    added: tuple = ()
    removed: tuple = ()

    def to_json(self) -> dict:
        return {
            "name": self.name,
            "status": self.status,
            "variables": list(self.variables),
            "old_rows": self.old_rows,
            "new_rows": self.new_rows,
            "added": [_row_json(row) for row in self.added],
            "removed": [_row_json(row) for row in self.removed],
        }

    @classmethod
    def from_json(cls, data: dict) -> AnswerDiff:
        added, removed = (tuple(_row(row) for row in data[key]) for key in ("added", "removed"))
        return cls(
            data["name"], data["status"], tuple(data["variables"]), data["old_rows"], data["new_rows"], added, removed
        )


@dataclass(frozen=True)
class GraphDiff:
    """Everything that differs between two versions of the graph, with what is needed to word it in any language:
    the labels of the entities, classes and properties it names, the content folder of each class and the
    titles of the saved questions."""

    old: str  # what was compared (a revision, a dump, a release)
    new: str
    entities: tuple = ()  # EntityDiff, sorted by IRI
    answers: tuple = ()  # AnswerDiff, sorted by name
    labels: dict = field(default_factory=dict)  # IRI -> {lang: label}
    folders: dict = field(default_factory=dict)  # class IRI -> content folder
    titles: dict = field(default_factory=dict)  # question name -> {lang: title}
    counts: dict = field(default_factory=dict)  # "old_triples", "new_triples", "old_entities", "new_entities"

    def by_status(self, status: str) -> list:
        return [entity for entity in self.entities if entity.status == status]

    @property
    def empty(self) -> bool:
        return not self.entities and not self.answers

    def compact(self) -> GraphDiff:
        """Without the statements of added and removed entities, and the labels only they needed."""
        smaller = replace(self, entities=tuple(entity.compact() for entity in self.entities))
        named = mentioned(smaller)
        return replace(smaller, labels={iri: labels for iri, labels in self.labels.items() if iri in named})


def _value_iris(value) -> set:
    if value is None:
        return set()
    found = {value.text} if value.kind == "iri" else set()
    if value.datatype:
        found.add(value.datatype)
    for prop, inner in value.fields:
        found |= {prop} | _value_iris(inner)
    return found


def _change_iris(change: Change) -> set:
    found = {change.prop} | _value_iris(change.old) | _value_iris(change.new)
    for inner in change.inner:
        found |= _change_iris(inner)
    return found


def mentioned(diff: GraphDiff) -> set:
    """Every IRI a diff names: entities, their classes, properties and values, and the terms in answer rows."""
    found = set()
    for entity in diff.entities:
        found |= {entity.iri, *entity.classes}
        for change in entity.changes:
            found |= _change_iris(change)
    for answer in diff.answers:
        for row in answer.added + answer.removed:
            for value in row:
                found |= _value_iris(value)
    return found


def diff_to_json(diff: GraphDiff) -> dict:
    """The diff as JSON-ready data (keys sorted when dumped: the same diff gives the same bytes)."""
    return {
        "old": diff.old,
        "new": diff.new,
        "counts": dict(diff.counts),
        "entities": [entity.to_json() for entity in diff.entities],
        "answers": [answer.to_json() for answer in diff.answers],
        "labels": diff.labels,
        "folders": diff.folders,
        "titles": diff.titles,
    }


def diff_from_json(data: dict) -> GraphDiff:
    """The diff read back from diff_to_json's data.

    >>> diff = GraphDiff("a", "b", (EntityDiff("x", ADDED, (), (Change("p", None, Value("literal", "1")),)),))
    >>> diff_from_json(diff_to_json(diff)) == diff
    True
    """
    return GraphDiff(
        data["old"],
        data["new"],
        tuple(EntityDiff.from_json(e) for e in data["entities"]),
        tuple(AnswerDiff.from_json(a) for a in data["answers"]),
        data.get("labels", {}),
        data.get("folders", {}),
        data.get("titles", {}),
        data.get("counts", {}),
    )
