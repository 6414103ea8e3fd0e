"""Light, indexed triple sets: one per content file. The pages read these; rdflib's store is built only for
those who need it (pyshacl, tests), because adding triples to it is the slowest step."""

from __future__ import annotations

from rdflib import Dataset

__all__ = ["TripleSet", "to_dataset"]


class TripleSet:
    """The triples of one named graph, with the few read methods of rdflib.Graph that pages need."""

    __slots__ = ("identifier", "_triples", "_index")

    def __init__(self, identifier):
        self.identifier = identifier
        self._triples: dict = {}  # (s, p, o) -> None: a set that keeps insertion order
        self._index: dict = {}  # s -> p -> [o]

    def add(self, triple) -> None:
        if triple in self._triples:
            return
        self._triples[triple] = None
        s, p, o = triple
        self._index.setdefault(s, {}).setdefault(p, []).append(o)

    def __iter__(self):
        return iter(self._triples)

    def __len__(self) -> int:
        return len(self._triples)

    def __contains__(self, triple) -> bool:
        return triple in self._triples

    def objects(self, subject, predicate):
        return iter(self._index.get(subject, {}).get(predicate, ()))

    def value(self, subject, predicate):
        return next(self.objects(subject, predicate), None)

    def predicate_objects(self, subject):
        for predicate, objects in self._index.get(subject, {}).items():
            for obj in objects:
                yield predicate, obj

    def subjects(self):
        return iter(self._index)

    def triples(self, pattern):
        s, p, o = pattern
        for triple in self._triples:
            if (s is None or triple[0] == s) and (p is None or triple[1] == p) and (o is None or triple[2] == o):
                yield triple


def to_dataset(graphs: dict) -> Dataset:
    """An rdflib Dataset (default graph = union) holding every TripleSet as a named graph."""
    dataset = Dataset(default_union=True)
    for name, triples in graphs.items():
        graph = dataset.graph(name)
        for triple in triples:
            graph.add(triple)
    return dataset
