"""Fuzzing the reader, loader and checker: random bytes, YAML-ish text and file trees give problems, never a traceback."""

from __future__ import annotations

import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.check.pipeline import check_project
from generator.load.yaml_strict import read_yaml
from generator.model.problems import Problem
from tests.conftest import copy_project

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
PAPER = (
    "label: {en: The paper, nl: Het artikel}\ndescription: {en: A paper., nl: Een artikel.}\n"
    "publicationType: journal-article\nsourceStrength: primary\nsources:\n  - source: paper\n    locator: the document itself\n"
)

# Pieces of YAML and of our schema, so random text often gets past the parser and into the mapper.
KEYS = [
    "label",
    "description",
    "sources",
    "source",
    "locator",
    "quote",
    "supports",
    "title",
    "author",
    "publicationType",
    "identifiers",
    "website",
    "datePublished",
    "en",
    "nl",
    "unverified",
    "titel",
]
VALUES = [
    "paper",
    "journal-article",
    "{en: a, nl: b}",
    "[a, b]",
    "HGNC:7132",
    "https://example.org",
    "no",
    "1.10",
    "2023-02-30",
    "~",
    "''",
    '"\\u202e"',
    "javascript:alert(1)",
    "&a x",
    "*a",
    "!!str x",
    "<script>alert(1)</script>",
    "[x](javascript:y)",
    "|",
    ">-",
    "- x",
    "{",
    "]",
    "#",
    "---",
    "\t",
    "é",
]
TOKENS = st.sampled_from(KEYS + VALUES + [": ", "\n", "  ", "- ", ", "])


def assert_problems(problems, paths=None) -> None:
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.position.line >= 1 and problem.position.col >= 1
        assert problem.message and "Traceback" not in problem.message
        if paths is not None:
            assert problem.position.path in paths or problem.position.path.startswith("content")


@FUZZ
@given(st.binary(max_size=400))
def test_reader_survives_random_bytes(data):
    tree, problems = read_yaml(data, "x.yaml")
    assert (tree is None) == bool(problems)
    assert_problems(problems)


@FUZZ
@given(st.lists(TOKENS, max_size=60).map("".join))
def test_reader_survives_yaml_ish_text(text):
    tree, problems = read_yaml(text.encode("utf-8"), "x.yaml")
    assert (tree is None) == bool(problems)
    assert_problems(problems)


@pytest.fixture(scope="module")
def fuzz_root(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("fuzz"), with_content=False)


def reset_content(root, files: dict) -> None:
    shutil.rmtree(root / "content")
    (root / "content" / "publications").mkdir(parents=True)
    (root / "content" / "publications" / "paper.yaml").write_text(PAPER, encoding="utf-8")
    for rel, data in files.items():
        path = root / "content" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


@FUZZ
@given(st.lists(TOKENS, max_size=60).map("".join), st.sampled_from(["publications", "people", "outcomes", "trials"]))
def test_checker_survives_yaml_ish_entity_files(fuzz_root, text, folder):
    reset_content(fuzz_root, {f"{folder}/fuzzed.yaml": (PAPER + text).encode("utf-8")})
    checked = check_project(fuzz_root)
    assert_problems(checked.problems)


NAME = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="/\x00"), min_size=1, max_size=20
).filter(lambda n: n not in (".", "..") and len(n.encode("utf-8")) < 200)


@FUZZ
@given(st.dictionaries(st.lists(NAME, min_size=1, max_size=3).map("/".join), st.binary(max_size=200), max_size=6))
def test_loader_survives_random_trees(fuzz_root, files):
    tree = {}
    for rel, data in files.items():  # a path can't be both a file and a folder: keep the first one
        clash = rel == "publications" or rel.startswith("publications/paper.yaml/")
        if not clash and not any(other.startswith(rel + "/") or rel.startswith(other + "/") for other in tree):
            tree[rel] = data
    reset_content(fuzz_root, tree)
    checked = check_project(fuzz_root)
    assert_problems(checked.problems)
