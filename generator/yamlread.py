"""Read one YAML file strictly into a tree of text scalars with positions, refusing YAML's pitfalls.

Scalars stay text (typing is the ontology's job), so `no` stays "no" and `1.10` stays "1.10". Refused:
several documents, anchors and aliases (expansion bombs), explicit tags (`!!python/…`), duplicate keys,
non-scalar keys, a byte order mark, bytes that are not UTF-8, tabs, control, invisible and
line-separator characters. The event stream comes from libyaml's C parser when it is available.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import yaml

from .problems import Position, Problem

__all__ = ["Scalar", "Mapping", "Sequence", "read_yaml"]

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Characters that are invisible or change how text reads or breaks, beside the C0/C1 controls.
_INVISIBLE = "\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u2028\u2029\u202a\u202b\u202c\u202d\u202e" \
             "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff\ufff9\ufffa\ufffb"
_BAD_CHAR = re.compile("[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\t" + _INVISIBLE + "]|\r(?!\n)")


@dataclass
class Scalar:
    value: str
    position: Position
    plain: bool = True

    @property
    def is_null(self) -> bool:
        return self.plain and self.value in ("", "~", "null", "Null", "NULL")


@dataclass
class Mapping:
    position: Position
    items: list = field(default_factory=list)  # (Scalar key, node)

    def get(self, key: str):
        for k, v in self.items:
            if k.value == key:
                return v
        return None


@dataclass
class Sequence:
    position: Position
    items: list = field(default_factory=list)


def _describe_char(char: str) -> str:
    name = unicodedata.name(char, "") or {"\t": "TAB", "\r": "CARRIAGE RETURN"}.get(char, "control character")
    return f"U+{ord(char):04X} {name}".strip()


def _text_problems(text: str, path: str) -> list:
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        for match in _BAD_CHAR.finditer(line):
            char = match.group()
            if char == "\t":
                message = "a tab character; YAML indents with spaces, so write spaces instead"
            else:
                message = f"an invisible or control character ({_describe_char(char)}); delete it or write a plain space"
            problems.append(Problem(Position(path, number, match.start() + 1), message))
    return problems


def decode(data: bytes, path: str) -> tuple[str | None, list]:
    """UTF-8 text of a file, or the problem with its bytes."""
    if data.startswith(b"\xef\xbb\xbf"):
        return None, [Problem(Position(path, 1, 1), "the file starts with a byte order mark (BOM); save it as UTF-8 without BOM")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[:error.start]
        line = before.count(b"\n") + 1
        col = len(before.rsplit(b"\n", 1)[-1].decode("utf-8", errors="replace")) + 1
        return None, [Problem(Position(path, line, col),
                              f"byte 0x{data[error.start]:02X} is not UTF-8; save the file as UTF-8")]
    return text, []


def _pos(path: str, mark) -> Position:
    return Position(path, mark.line + 1, mark.column + 1)


class _Builder:
    """Builds the node tree from parser events, recording every refused construct."""

    def __init__(self, path: str):
        self.path, self.problems, self.documents = path, [], 0

    def refuse_extras(self, event) -> None:
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            self.problems.append(Problem(_pos(self.path, event.start_mark),
                                         f"a YAML anchor (&{anchor}); anchors and aliases are not allowed, write the value out in full"))
        tag = getattr(event, "tag", None)
        if tag is not None:
            self.problems.append(Problem(_pos(self.path, event.start_mark),
                                         f"a YAML tag ({tag}); tags are not allowed, write a plain value"))

    def node(self, events):
        event = next(events)
        if isinstance(event, yaml.AliasEvent):
            self.problems.append(Problem(_pos(self.path, event.start_mark),
                                         f"a YAML alias (*{event.anchor}); anchors and aliases are not allowed, write the value out in full"))
            return Scalar("", _pos(self.path, event.start_mark))
        self.refuse_extras(event)
        position = _pos(self.path, event.start_mark)
        if isinstance(event, yaml.ScalarEvent):
            return Scalar(event.value, position, plain=event.style is None)
        if isinstance(event, yaml.SequenceStartEvent):
            sequence = Sequence(position)
            while not isinstance(self.peek(events), yaml.SequenceEndEvent):
                sequence.items.append(self.node(events))
            next(events)
            return sequence
        if isinstance(event, yaml.MappingStartEvent):
            mapping, seen = Mapping(position), {}
            while not isinstance(self.peek(events), yaml.MappingEndEvent):
                key = self.node(events)
                value = self.node(events)
                if not isinstance(key, Scalar):
                    self.problems.append(Problem(key.position, "a key that is a list or mapping; keys must be plain words"))
                    continue
                if key.value in seen:
                    first = seen[key.value]
                    self.problems.append(Problem(key.position, f"duplicate key `{key.value}` (first at line {first.line}); "
                                                 "keep one and delete the other"))
                    continue
                seen[key.value] = key.position
                mapping.items.append((key, value))
            next(events)
            return mapping
        raise AssertionError(f"unexpected YAML event {event!r}")  # the parser guarantees node events here

    def peek(self, events):
        return events.peek()


class _Peekable:
    def __init__(self, iterator):
        self.iterator, self.buffer = iterator, []

    def __iter__(self):
        return self

    def __next__(self):
        return self.buffer.pop() if self.buffer else next(self.iterator)

    def peek(self):
        if not self.buffer:
            self.buffer.append(next(self.iterator))
        return self.buffer[-1]


def read_yaml(data: bytes, path: str) -> tuple[Mapping | None, list]:
    """The top-level mapping of one YAML file with positions, or the problems that make it unreadable."""
    text, problems = decode(data, path)
    if text is None:
        return None, problems
    problems = _text_problems(text, path)
    if problems:
        return None, problems
    if not text.strip() or all(line.lstrip().startswith("#") or not line.strip() for line in text.splitlines()):
        return None, [Problem(Position(path, 1, 1), "the file is empty; write the entity's keys, at least label, description and sources")]
    builder = _Builder(path)
    events = _Peekable(yaml.parse(text, Loader=_Loader))
    root = None
    try:
        for event in events:
            if isinstance(event, yaml.DocumentStartEvent):
                builder.documents += 1
                if builder.documents > 1:
                    builder.problems.append(Problem(_pos(path, event.start_mark),
                                                    "a second YAML document (---); one file holds one entity, move it to its own file"))
                    break
                node = builder.node(events)
                root = root or node
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        reason = (error.problem or error.context or "invalid YAML").strip()
        return None, [Problem(_pos(path, mark) if mark else Position(path, 1, 1),
                              f"the YAML does not parse: {reason}; check the indentation and quoting here")]
    if builder.problems:
        return None, builder.problems
    if not isinstance(root, Mapping):
        where = root.position if root is not None else Position(path, 1, 1)
        return None, [Problem(where, "the file must be a mapping of keys to values (key: value), not a list or a single value")]
    return root, []
