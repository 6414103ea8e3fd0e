"""The semantic diff of two versions of the graph: statements grouped by the entity they describe (a source
reference or other record nested in an entity belongs to it), compared as values, not as lines of a file.

A record nested in an entity (<entity>#sources-2, or a blank node) has no identity of its own — its number is
just its position in the YAML — so it is compared by what it says: one removed and one added record of the same
property that share a statement are the same record, changed. A property's only value replaced by another
(in the same language) is a change, old → new; everything else is an addition or a removal."""

from __future__ import annotations

import difflib

import pyoxigraph as ox

from ..model.changes import ADDED, CHANGED, REMOVED, AnswerDiff, Change, EntityDiff, GraphDiff, Value, mentioned
from ..model.vocab import CLE, RDF, RDFS, XSD

__all__ = ["graph_diff", "value_of", "owner_of"]

_TYPE, _LABEL, _FOLDER = str(RDF.type), str(RDFS.label), str(CLE.contentFolder)
_STRING = str(XSD.string)


def owner_of(subject, namespace: str) -> str:
    """The entity a subject's statements describe: an entity's nested records (<id>#…) belong to the entity.

    >>> owner_of(ox.NamedNode("https://w3id.org/cle/id/x#sources-1"), "https://w3id.org/cle/id/")
    'https://w3id.org/cle/id/x'
    """
    if isinstance(subject, ox.BlankNode):
        return f"_:{subject.value}"
    text = subject.value
    return text.split("#", 1)[0] if text.startswith(namespace) else text


def _triples(quads) -> dict:
    """subject -> {(predicate, object)}: each statement once, whichever named graph holds it."""
    found: dict = {}
    for quad in quads:
        found.setdefault(quad.subject, set()).add((quad.predicate.value, quad.object))
    return found


def value_of(term, statements: dict, owner: str, namespace: str, seen: frozenset = frozenset()) -> Value:
    """A term as a diff value; a record nested in owner (a blank node or <owner>#…) as the values it holds."""
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value if term.language is None and term.datatype.value != _STRING else ""
        return Value("literal", term.value, term.language or "", datatype)
    nested = term in statements and (
        isinstance(term, ox.BlankNode) or (owner.startswith(namespace) and term.value.startswith(owner + "#"))
    )
    if not nested or term in seen:
        return Value("iri", term.value) if isinstance(term, ox.NamedNode) else Value("iri", f"_:{term.value}")
    inner = seen | {term}
    fields = sorted((p, value_of(o, statements, owner, namespace, inner)) for p, o in statements.get(term, ()))
    return Value("node", fields=tuple(fields))


def _size(value: Value) -> int:
    return 1 + sum(_size(inner) for _, inner in value.fields)


def _described(statements: dict, namespace: str) -> dict:
    """owner -> {(property, Value)} of the statements made about it directly (nested records as values)."""
    owners: dict = {}
    for subject, pairs in statements.items():
        owner = owner_of(subject, namespace)
        if isinstance(subject, ox.NamedNode) and subject.value == owner:
            owners[owner] = {(p, value_of(o, statements, owner, namespace)) for p, o in pairs}
        else:
            owners.setdefault(owner, set())  # a record whose entity says nothing of its own still names it
    return owners


def _overlap(old: Value, new: Value) -> int:
    """How many statements (other than its class) two nested records share."""
    return len({f for f in old.fields if f[0] != _TYPE} & {f for f in new.fields if f[0] != _TYPE})


def _likeness(old: Value, new: Value) -> tuple:
    """How alike two nested records are: shared statements first, then how alike the rest of their text is."""
    texts = [" ".join(sorted(str(field) for field in value.fields)) for value in (old, new)]
    return (_overlap(old, new), difflib.SequenceMatcher(None, *texts).ratio())


def _group(prop: str, value: Value) -> tuple:
    return (prop, value.kind == "node", value.lang)


def changes_between(old: set, new: set) -> tuple:
    """The changes that turn one set of (property, Value) pairs into another, sorted by property.

    >>> est = lambda text: ("estimate", Value("literal", text))
    >>> [c.kind for c in changes_between({est("93.3")}, {est("93.4")})]
    ['changed']
    """
    removed, added = old - new, new - old
    groups: dict = {}
    for side, pairs in ((0, removed), (1, added)):
        for prop, value in pairs:
            groups.setdefault(_group(prop, value), ([], []))[side].append(value)
    found = []
    for (prop, is_node, _), (gone, came) in sorted(groups.items()):
        gone, came = sorted(gone), sorted(came)
        if is_node:
            for before in list(gone):
                best = max(came, key=lambda after, before=before: _likeness(before, after), default=None)
                if best is not None and _overlap(before, best) > 0:
                    gone.remove(before)
                    came.remove(best)
                    found.append(Change(prop, before, best, changes_between(set(before.fields), set(best.fields))))
        elif len(gone) == 1 and len(came) == 1:
            found.append(Change(prop, gone.pop(), came.pop()))
        found += [Change(prop, value, None) for value in gone] + [Change(prop, None, value) for value in came]
    return tuple(sorted(found, key=lambda c: (c.prop, c.old or c.new, c.new or c.old)))


def _answer_rows(result) -> set:
    """The rows of an answer as tuples of Values (a blank node by its label: answers hold none of ours)."""
    return {tuple(None if term is None else value_of(term, {}, "", "") for term in row) for row in result.rows}


def answers_between(old: dict, new: dict) -> tuple:
    """AnswerDiff of every saved question whose answer differs (or that is new or gone), sorted by name."""
    found = []
    for name in sorted(set(old) | set(new)):
        before, after = old.get(name), new.get(name)
        rows_before = _answer_rows(before) if before is not None else set()
        rows_after = _answer_rows(after) if after is not None else set()
        status = ADDED if before is None else REMOVED if after is None else CHANGED
        if status == CHANGED and rows_before == rows_after:
            continue
        variables = tuple((after or before).variables)
        found.append(
            AnswerDiff(
                name,
                status,
                variables,
                len(rows_before),
                len(rows_after),
                tuple(sorted(rows_after - rows_before, key=_row_key)),
                tuple(sorted(rows_before - rows_after, key=_row_key)),
            )
        )
    return tuple(found)


def _row_key(row) -> tuple:
    return tuple((value is None, value or Value("")) for value in row)


def _labels(statements: dict) -> dict:
    """IRI -> {lang: rdfs:label} of every subject that has labels."""
    found: dict = {}
    for subject, pairs in statements.items():
        for prop, obj in pairs:
            if prop == _LABEL and isinstance(obj, ox.Literal) and isinstance(subject, ox.NamedNode):
                found.setdefault(subject.value, {})[obj.language or ""] = obj.value
    return found


def _folders(statements: dict) -> dict:
    return {
        subject.value: obj.value
        for subject, pairs in statements.items()
        for prop, obj in pairs
        if prop == _FOLDER and isinstance(subject, ox.NamedNode)
    }


def graph_diff(
    old_quads,
    new_quads,
    namespace: str,
    old_answers: dict | None = None,
    new_answers: dict | None = None,
    names: tuple = ("old", "new"),
    titles: dict | None = None,
    extra_labels: dict | None = None,
) -> GraphDiff:
    """What differs between two versions of the graph (quads; named graphs do not matter, statements do),
    with the labels, class folders and question titles needed to word it. extra_labels (IRI -> {lang: label})
    name what the graphs do not label themselves, such as the shapes' names for rdfs:label or skos:exactMatch."""
    old_statements, new_statements = _triples(old_quads), _triples(new_quads)
    before, after = _described(old_statements, namespace), _described(new_statements, namespace)
    entities = []
    for owner in sorted(set(before) | set(after)):
        old_pairs, new_pairs = before.get(owner), after.get(owner)
        if old_pairs == new_pairs:
            continue
        status = ADDED if old_pairs is None else REMOVED if new_pairs is None else CHANGED
        pairs = new_pairs if new_pairs is not None else old_pairs
        classes = tuple(sorted(value.text for prop, value in pairs if prop == _TYPE and value.kind == "iri"))
        changes = changes_between(old_pairs or set(), new_pairs or set())
        entities.append(EntityDiff(owner, status, classes, changes, sum(_size(value) for _, value in pairs)))
    answers = answers_between(old_answers or {}, new_answers or {})
    labels = {**(extra_labels or {}), **_labels(old_statements), **_labels(new_statements)}
    diff = GraphDiff(
        names[0],
        names[1],
        tuple(entities),
        answers,
        {},
        {**_folders(old_statements), **_folders(new_statements)},
        {name: dict(titles[name]) for name in sorted(titles or {}) if any(a.name == name for a in answers)},
        {
            "old_triples": sum(len(pairs) for pairs in old_statements.values()),
            "new_triples": sum(len(pairs) for pairs in new_statements.values()),
            "old_entities": sum(1 for owner in before if owner.startswith(namespace)),
            "new_entities": sum(1 for owner in after if owner.startswith(namespace)),
        },
    )
    named = mentioned(diff)
    return GraphDiff(
        diff.old,
        diff.new,
        diff.entities,
        diff.answers,
        {iri: dict(sorted(labels[iri].items())) for iri in sorted(named) if iri in labels},
        {cls: folder for cls, folder in sorted(diff.folders.items()) if cls in named},
        diff.titles,
        diff.counts,
    )
