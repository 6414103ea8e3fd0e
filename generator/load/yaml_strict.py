"""Read one YAML file strictly into a tree of text scalars with positions, refusing YAML's pitfalls.

Scalars stay text (typing is the ontology's job), so `no` stays "no" and `1.10` stays "1.10". Refused:
several documents, anchors and aliases (expansion bombs), explicit tags (`!!python/…`), duplicate keys,
non-scalar keys, nesting deeper than MAX_DEPTH, a byte order mark, bytes that are not UTF-8, tabs, control,
invisible and line-separator characters. The event stream comes from libyaml's C parser when it is available.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import yaml

from ..model.ids import describe_char
from ..model.problems import Position, Problem
from ..model.wording import FILE_NOT_A_MAPPING

__all__ = ["Scalar", "Mapping", "Sequence", "read_yaml"]

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Refused characters: C0/C1 controls (tab included), format characters (zero-width, bidi overrides, soft
# hyphen, BOM), line and paragraph separators, private-use, surrogate and unassigned code points.
_REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Co", "Cs", "Cn"})
_ASCII_CONTROL = re.compile("[\u0000-\u0008\u000b-\u001f\u007f]")
SPECIAL_CHARACTERS = {
    "\t": "a tab character; YAML indents with spaces, so write spaces instead",
    "\r": "a carriage return (U+000D) without a line feed; save the file with LF (Unix) line ends",
}
MAX_DEPTH = 20  # entity files nest two or three levels; deeper is a mistake or an attack

# libyaml's reason for a parse error -> what to write instead (first match wins; the default closes the table).
PARSE_ADVICE = (
    (
        "did not find expected key",
        "line up the keys of one mapping in the same column, and indent values under their key",
    ),
    ("mapping values are not allowed", "a value holds `: ` or a key lost its indentation; put such a value in quotes"),
    ("did not find expected ',' or '}'", "close the `{…}` with `}`, and quote a value that holds a comma"),
    ("did not find expected ',' or ']'", "close the `[…]` with `]`, and quote an item that holds a comma"),
    (
        "cannot start any token",
        "a value starts with a character YAML reserves (such as ` or @); put the value in quotes",
    ),
    ("found unexpected end of stream", "a quoted value is not closed; add the closing quote"),
    ("found unknown escape character", "a backslash inside double quotes; use single quotes or write \\\\"),
    ("could not find expected ':'", "a key has no `:` after it; write `key: value`"),
    ("block sequence entries are not allowed", "start the list on the line after its key, each item as `  - value`"),
    ("did not find expected '-' indicator", "start every item of one list in the same column with `- `"),
    ("alphabetic or numeric character", "a value starts with `*` or `&`; put the value in quotes"),
    ("exceeded maximum nesting depth", "the value is nested far too deeply; write plain keys and lists"),
    ("incompatible YAML document", "delete the `%YAML` line"),
    ("", "check the indentation and quoting here"),
)


@dataclass(slots=True)
class Scalar:
    """A scalar as written: its text (never typed by YAML), position and whether it was unquoted."""

    value: str
    position: Position
    plain: bool = True

    @property
    def is_null(self) -> bool:
        return self.plain and self.value in ("", "~", "null", "Null", "NULL")


@dataclass(slots=True)
class Mapping:
    """A mapping with its (key, node) items in written order."""

    position: Position
    items: list = field(default_factory=list)  # (Scalar key, node)

    def get(self, key: str):
        for k, v in self.items:
            if k.value == key:
                return v
        return None


@dataclass(slots=True)
class Sequence:
    """A list of nodes in written order."""

    position: Position
    items: list = field(default_factory=list)


def _refused(char: str) -> bool:
    return unicodedata.category(char) in _REFUSED_CATEGORIES


def _text_problems(text: str, path: str) -> list:
    """A problem for each refused character; Windows line ends (CR LF) are accepted."""
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        line = line[:-1] if line.endswith("\r") else line
        if line.isascii() and not _ASCII_CONTROL.search(line) and "\t" not in line and "\r" not in line:
            continue
        for col, char in enumerate(line, start=1):
            if not _refused(char):
                continue
            message = SPECIAL_CHARACTERS.get(char) or (
                f"an invisible or control character ({describe_char(char)}); delete it or write a plain space"
            )
            problems.append(Problem(Position(path, number, col), message))
    return problems


def _shown_tag(tag: str) -> str:
    """A tag as it was probably written: `tag:yaml.org,2002:str` -> `!!str`."""
    return "!!" + tag[len("tag:yaml.org,2002:") :] if tag.startswith("tag:yaml.org,2002:") else tag


def _parse_advice(reason: str) -> str:
    return next(advice for needle, advice in PARSE_ADVICE if needle in reason)


def decode(data: bytes, path: str) -> tuple[str | None, list]:
    """UTF-8 text of a file, or the problem with its bytes."""
    if data.startswith(b"\xef\xbb\xbf"):
        return None, [
            Problem(Position(path, 1, 1), "the file starts with a byte order mark (BOM); save it as UTF-8 without BOM")
        ]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        col = len(before.rsplit(b"\n", 1)[-1].decode("utf-8", errors="replace")) + 1
        return None, [
            Problem(Position(path, line, col), f"byte 0x{data[error.start]:02X} is not UTF-8; save the file as UTF-8")
        ]
    return text, []


def _pos(path: str, mark) -> Position:
    return Position(path, mark.line + 1, mark.column + 1)


class _TooDeep(Exception):
    """Raised when nesting passes MAX_DEPTH; read_yaml turns it into one problem."""

    def __init__(self, position: Position):
        super().__init__(position)
        self.position = position


class _Builder:
    """Builds the node tree from parser events, recording every refused construct."""

    def __init__(self, path: str):
        self.path, self.problems, self.documents = path, [], 0

    def refuse_extras(self, event) -> None:
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            self.problems.append(
                Problem(
                    _pos(self.path, event.start_mark),
                    f"a YAML anchor (&{anchor}); anchors and aliases are not allowed, write the value out in full",
                )
            )
        tag = getattr(event, "tag", None)
        if tag is not None:
            self.problems.append(
                Problem(
                    _pos(self.path, event.start_mark),
                    f"a YAML tag ({_shown_tag(tag)}); tags are not allowed, write a plain value (quote it if it must start with !)",
                )
            )

    def refuse_escaped(self, value: str, position: Position) -> None:
        """Escapes in double quotes ("\\u202e", "\\e") can make the characters the raw text may not hold."""
        char = next((c for c in value if c != "\n" and _refused(c)), None)
        if char is not None:
            self.problems.append(
                Problem(
                    position,
                    f"an escaped invisible or control character ({describe_char(char)}) "
                    "in this value; write visible text only",
                )
            )

    def node(self, parser, depth: int = 0):
        event = parser.get_event()
        if type(event) is yaml.ScalarEvent and event.anchor is None and event.tag is None:  # the common case, first
            if event.style == '"':  # only double quotes have escapes; the raw text of the rest is checked already
                self.refuse_escaped(event.value, _pos(self.path, event.start_mark))
            return Scalar(event.value, _pos(self.path, event.start_mark), plain=not event.style)
        if isinstance(event, yaml.AliasEvent):
            self.problems.append(
                Problem(
                    _pos(self.path, event.start_mark),
                    f"a YAML alias (*{event.anchor}); anchors and aliases are not allowed, write the value out in full",
                )
            )
            return Scalar("", _pos(self.path, event.start_mark))
        self.refuse_extras(event)
        position = _pos(self.path, event.start_mark)
        if depth > MAX_DEPTH and not isinstance(event, yaml.ScalarEvent):
            raise _TooDeep(position)
        if isinstance(event, yaml.ScalarEvent):
            if event.style == '"':  # only double quotes have escapes; the raw text of the rest is checked already
                self.refuse_escaped(event.value, position)
            return Scalar(event.value, position, plain=not event.style)  # libyaml says "", PyYAML None
        if isinstance(event, yaml.SequenceStartEvent):
            sequence = Sequence(position)
            while not parser.check_event(yaml.SequenceEndEvent):
                sequence.items.append(self.node(parser, depth + 1))
            parser.get_event()
            return sequence
        if isinstance(event, yaml.MappingStartEvent):
            mapping, seen = Mapping(position), {}
            while not parser.check_event(yaml.MappingEndEvent):
                key = self.node(parser, depth + 1)
                value = self.node(parser, depth + 1)
                if not isinstance(key, Scalar):
                    self.problems.append(
                        Problem(key.position, "a key that is a list or mapping; keys must be plain words")
                    )
                    continue
                if "\n" in key.value:
                    self.problems.append(Problem(key.position, "a key that spans several lines; keys are single words"))
                    continue
                if key.value in seen:
                    first = seen[key.value]
                    self.problems.append(
                        Problem(
                            key.position,
                            f"duplicate key `{key.value}` (first at line {first.line}); keep one and delete the other",
                        )
                    )
                    continue
                seen[key.value] = key.position
                mapping.items.append((key, value))
            parser.get_event()
            return mapping
        raise AssertionError(f"unexpected YAML event {event!r}")  # the parser guarantees node events here


def read_yaml(data: bytes, path: str) -> tuple[Mapping | None, list]:
    """The top-level mapping of one YAML file with positions, or the problems that make it unreadable."""
    text, problems = decode(data, path)
    if text is None:
        return None, problems
    problems = _text_problems(text, path)
    if problems:
        return None, problems
    if not text.strip() or all(line.lstrip().startswith("#") or not line.strip() for line in text.splitlines()):
        return None, [
            Problem(
                Position(path, 1, 1),
                "the file is empty; write the entity's keys and values, or delete the file "
                "(`kg new` writes a template with every key)",
            )
        ]
    builder = _Builder(path)
    parser = _Loader(text)  # libyaml's parser, asked for events one by one (check_event/get_event run in C)
    root = None
    try:
        while not parser.check_event(yaml.StreamEndEvent):
            event = parser.get_event()
            if isinstance(event, yaml.DocumentStartEvent):
                builder.documents += 1
                if builder.documents > 1:
                    builder.problems.append(
                        Problem(
                            _pos(path, event.start_mark),
                            "a second YAML document (---); one file holds one entity, move it to its own file",
                        )
                    )
                    break
                node = builder.node(parser)
                root = root or node
    except _TooDeep as error:
        return None, [
            Problem(
                error.position,
                f"lists and mappings nested more than {MAX_DEPTH} levels deep; write plain keys and lists",
            )
        ]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        reason = (error.problem or error.context or "invalid YAML").strip()
        return None, [
            Problem(
                _pos(path, mark) if mark else Position(path, 1, 1),
                f"the YAML does not parse ({reason}); {_parse_advice(reason)}",
            )
        ]
    except yaml.YAMLError as error:  # libyaml's reader refuses a character the checks above let through
        return None, [
            Problem(
                Position(path, 1, 1),
                f"the YAML does not parse ({str(error).splitlines()[0]}); save the file as plain UTF-8 text",
            )
        ]
    if builder.problems:
        return None, builder.problems
    if not isinstance(root, Mapping):
        where = root.position if root is not None else Position(path, 1, 1)
        return None, [Problem(where, FILE_NOT_A_MAPPING)]
    return root, []
