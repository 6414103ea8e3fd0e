"""The strict YAML reader: scalars stay text, YAML 1.1 surprises do not happen, refused constructs are named."""

from __future__ import annotations

import pytest

from generator.load.yaml_strict import Mapping, Scalar, Sequence, read_yaml

# YAML text -> the text the value keeps (a YAML 1.1 loader would have made a bool, float, int, date or None).
STAYS_TEXT = {
    "no": "no",
    "yes": "yes",
    "on": "on",
    "off": "off",
    "NO": "NO",
    "y": "y",
    "1.10": "1.10",
    "1e3": "1e3",
    "0o17": "0o17",
    "012": "012",
    "0x1F": "0x1F",
    "1_000": "1_000",
    "2023-04-26": "2023-04-26",
    "12:30:00": "12:30:00",
    ".inf": ".inf",
    ".nan": ".nan",
}


def value(text: str):
    tree, problems = read_yaml(f"key: {text}\n".encode(), "x.yaml")
    assert problems == []
    return tree.get("key")


@pytest.mark.parametrize("written, kept", sorted(STAYS_TEXT.items()))
def test_scalars_stay_text(written, kept):
    node = value(written)
    assert isinstance(node, Scalar) and node.value == kept and not node.is_null


@pytest.mark.parametrize("written", ["", "~", "null", "Null", "NULL"])
def test_null_is_recognised_only_when_plain(written):
    assert value(written).is_null
    if written:
        assert not value(f"'{written}'").is_null


def test_quoted_empty_string_is_not_null():
    assert not value("''").is_null


def test_positions_are_one_based_line_and_column():
    tree, _ = read_yaml(b"a: 1\nlist:\n  - x\n  - {k: v}\n", "x.yaml")
    sequence = tree.get("list")
    assert isinstance(sequence, Sequence)
    assert (sequence.items[0].position.line, sequence.items[0].position.col) == (3, 5)
    assert isinstance(sequence.items[1], Mapping) and sequence.items[1].get("k").position.col == 9


def test_windows_line_ends_are_accepted():
    tree, problems = read_yaml(b"a: 1\r\nb: two words\r\n", "x.yaml")
    assert problems == [] and tree.get("b").value == "two words"


def test_block_text_keeps_its_newlines():
    tree, problems = read_yaml(b"a: |\n  line one\n  line two\n", "x.yaml")
    assert problems == [] and tree.get("a").value == "line one\nline two\n"


def test_every_refused_construct_in_one_file_is_reported_at_once():
    _, problems = read_yaml(b"a: &x 1\nb: *x\nc: !!str 2\n", "x.yaml")
    assert [str(p) for p in problems] == [
        "x.yaml:1:4: a YAML anchor (&x); anchors and aliases are not allowed, write the value out in full",
        "x.yaml:2:4: a YAML alias (*x); anchors and aliases are not allowed, write the value out in full",
        "x.yaml:3:4: a YAML tag (!!str); tags are not allowed, write a plain value (quote it if it must start with !)",
    ]


def test_alias_bomb_is_refused_without_expanding():
    bomb = b"a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: &d [*c, *c]\n"
    tree, problems = read_yaml(bomb, "x.yaml")
    assert tree is None and len(problems) == 10  # 4 anchors and 6 aliases, each named once


@pytest.mark.parametrize("depth, ok", [(20, True), (21, False), (5000, False)])
def test_nesting_depth_is_bounded(depth, ok):
    _, problems = read_yaml(b"a: " + b"[" * depth + b"]" * depth + b"\n", "x.yaml")
    assert (problems == []) is ok


def test_characters_outside_the_basic_plane_are_fine():
    assert value("'Kaplan–Meier 😀 ≥ 93.3%'").value == "Kaplan–Meier 😀 ≥ 93.3%"


@pytest.mark.parametrize("char", ["\u00a0", "é", "µ", "²"])
def test_visible_non_ascii_text_is_fine(char):
    assert value(f"'a{char}b'").value == f"a{char}b"
