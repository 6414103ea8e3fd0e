"""The competency questions in queries/: well-formed and deterministic everywhere; answering exactly as their
snapshots say over a frozen fixture tree (tests/fixtures/snapshot-tree/: its own small content and expected
answers); and, over the real content, keeping what must hold however it grows — every question runs, answers,
and every entity it returns has a page. So adding valid content never fails these tests; changing a question
or the ontology may change the fixture's answers: `make snapshots` rewrites them (review the diff)."""

from __future__ import annotations

import re
import shutil

import pyoxigraph as ox
import pytest

from generator.check.pipeline import check_project
from generator.load.saved_queries import load_saved_queries
from generator.model.quads import open_store, to_quads
from generator.sparql.engine import run_query, snapshot_text
from tests.conftest import ROOT

SAVED = load_saved_queries(ROOT)
NAMES = [query.name for query in SAVED]
FIXTURE = ROOT / "tests" / "fixtures" / "snapshot-tree"
NAMESPACE = "https://w3id.org/cle/id/"


def expected_path(name: str):
    return FIXTURE / "expected" / f"{name}.tsv"


@pytest.fixture(scope="module")
def fixture_store(tmp_path_factory):
    """The fixture's content checked with the real ontology, as an Oxigraph store."""
    root = tmp_path_factory.mktemp("snapshot-tree")
    shutil.copytree(ROOT / "ontology", root / "ontology")
    shutil.copytree(FIXTURE / "content", root / "content")
    checked = check_project(root)
    assert checked.problems == []
    return open_store(to_quads(checked.mapped.graphs))


@pytest.fixture(scope="module")
def published_store(site_dir):
    """The real build's TriG dump, read back into a fresh store (named graphs and all)."""
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


# --- exact answers, over the frozen fixture tree ------------------------------------------------------


@pytest.mark.parametrize("query", SAVED, ids=NAMES)
def test_answer_on_the_fixture_matches_its_snapshot(query, fixture_store, update_snapshots):
    actual = snapshot_text(run_query(fixture_store, query.text))
    expected = expected_path(query.name)
    if update_snapshots:
        expected.parent.mkdir(parents=True, exist_ok=True)
        expected.write_text(actual, encoding="utf-8")
    assert expected.is_file(), "no snapshot; run `make snapshots`"
    assert actual == expected.read_text(encoding="utf-8"), (
        f"{query.name} answers differently on the fixture tree; if the question or the ontology changed on "
        "purpose, run `make snapshots` and review the diff"
    )


@pytest.mark.parametrize("query", SAVED, ids=NAMES)
def test_the_fixture_answers_every_question(query, fixture_store):
    """A snapshot of no rows would prove little: the fixture holds content for every question."""
    rows = run_query(fixture_store, query.text).rows
    assert rows, f"add content to {FIXTURE.relative_to(ROOT)}/content that {query.name} finds"


def test_every_snapshot_belongs_to_a_question():
    kept = sorted(path.stem for path in (FIXTURE / "expected").glob("*.tsv"))
    assert kept == sorted(NAMES)


# --- invariants, over the real content ------------------------------------------------------------------


@pytest.mark.parametrize("query", SAVED, ids=NAMES)
def test_on_the_real_content_every_question_answers(query, published_store):
    result = run_query(published_store, query.text)
    assert result.kind == "select" and result.rows, f"{query.name} has no answer in the real graph"


@pytest.mark.parametrize("query", SAVED, ids=NAMES)
def test_every_entity_a_question_returns_has_a_page(query, published_store, site_dir):
    folders = {path.stem: path.parent.name for path in (ROOT / "content").glob("*/*.yaml")}
    returned = {
        term.value[len(NAMESPACE) :].split("#", 1)[0]
        for row in run_query(published_store, query.text).rows
        for term in row
        if isinstance(term, ox.NamedNode) and term.value.startswith(NAMESPACE)
    }
    missing = sorted(
        i for i in returned if i not in folders or not (site_dir / folders[i] / i / "index.html").is_file()
    )
    assert missing == []
