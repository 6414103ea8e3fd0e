"""The competency questions in queries/: well-formed, deterministic, and answering as their snapshots say
on the graph the real build publishes (build/site/data/kg.trig). Refresh with `kg query --update-snapshots`."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest

from generator.load.saved_queries import load_saved_queries, snapshot_path
from generator.sparql.engine import run_query, snapshot_text
from tests.conftest import ROOT

SAVED = load_saved_queries(ROOT)
NAMES = [query.name for query in SAVED]


@pytest.fixture(scope="module")
def published_store(site_dir):
    """The published TriG dump, read back into a fresh store (named graphs and all)."""
    store = ox.Store()
    store.load(path=str(site_dir / "data" / "kg.trig"), format=ox.RdfFormat.TRIG)
    return store


def test_there_are_at_least_fifteen_competency_questions():
    assert len(SAVED) >= 15


@pytest.mark.parametrize("query", SAVED, ids=NAMES)
def test_header_names_title_and_question_in_every_language(query):
    assert set(query.titles) == set(query.questions) == {"en", "nl"}
    assert query.question("en").endswith("?") and query.question("nl").endswith("?")
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", query.name)


@pytest.mark.parametrize("query", SAVED, ids=NAMES)
def test_order_by_makes_the_result_deterministic(query):
    """Every projected variable appears in ORDER BY (an aggregate is fixed by the group it belongs to)."""
    select = re.search(r"SELECT\s+(?:DISTINCT\s+)?(.*?)\s+WHERE", query.text, re.S).group(1)
    projected = set(re.findall(r"\?(\w+)", re.sub(r"\(.*?AS\s+\?\w+\)", "", select)))
    ordered = set(re.findall(r"\?(\w+)", query.text.split("ORDER BY", 1)[1]))
    assert projected <= ordered, f"add to ORDER BY: {sorted(projected - ordered)}"


@pytest.mark.parametrize("query", SAVED, ids=NAMES)
def test_answer_matches_snapshot(query, published_store):
    expected = snapshot_path(ROOT, query.name)
    assert expected.is_file(), "no snapshot; run `kg query --update-snapshots`"
    actual = snapshot_text(run_query(published_store, query.text))
    assert actual == expected.read_text(encoding="utf-8"), (
        f"{query.name} answers differently; if the content changed on purpose, run `kg query --update-snapshots`"
    )


@pytest.mark.parametrize("query", SAVED, ids=NAMES)
def test_snapshot_is_not_empty(query):
    lines = snapshot_path(ROOT, query.name).read_text(encoding="utf-8").splitlines()
    assert len(lines) >= 2, "a competency question should have at least one answer in the real graph"
