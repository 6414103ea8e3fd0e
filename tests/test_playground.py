"""The SPARQL playground and the query pages in real headless Chromium, served by a plain static file server."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pyoxigraph as ox
import pytest
from playwright.sync_api import sync_playwright
from rdflib import Graph
from rdflib.namespace import VOID

from generator.load.saved_queries import load_saved_queries
from generator.sparql.engine import run_query
from tests.conftest import ROOT

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
NAMESPACE = "https://w3id.org/cle/id/"
TYPED = """PREFIX cle: <https://w3id.org/cle/ontology#>
SELECT ?cohort ?patients WHERE { ?cohort cle:participantCount ?patients } ORDER BY DESC(?patients) ?cohort"""
WAIT_MS = 30_000


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def published_store(site_dir):
    store = ox.Store()
    store.load(path=str(site_dir / "data" / "kg.trig"), format=ox.RdfFormat.TRIG)
    return store


@pytest.fixture
def page(browser, site_url):
    """A fresh page that records every request it makes and every script error."""
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.requests, page.errors = [], []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


def open_playground(page, site_url, path="/playground/"):
    page.goto(site_url + path)
    page.wait_for_selector("#kg-playground[data-ready=true]", state="attached", timeout=WAIT_MS)


def run_typed(page, text):
    page.fill("#kg-query", "")
    page.locator("#kg-query").press_sequentially(text[:20])  # typed, then the rest pasted in
    page.fill("#kg-query", text)
    page.click("#kg-run")
    page.wait_for_selector(
        "#kg-results table, #kg-results p, #kg-results pre, #kg-error:not([hidden])", timeout=WAIT_MS
    )


def table_rows(page) -> list:
    return page.eval_on_selector_all(
        "#kg-results tbody tr", "rows => rows.map(r => [...r.cells].map(c => c.textContent))"
    )


def expected_rows(store, text) -> list:
    result = run_query(store, text)
    return [
        [term.value[len(NAMESPACE) :] if term.value.startswith(NAMESPACE) else term.value for term in row]
        for row in result.rows
    ]


def test_a_typed_query_returns_the_expected_rows(page, site_url, published_store):
    open_playground(page, site_url)
    run_typed(page, TYPED)
    rows = table_rows(page)
    assert rows == expected_rows(published_store, TYPED)
    assert len(rows) >= 2
    assert page.inner_text("#kg-status").startswith(f"{len(rows)} rows in ")
    assert page.errors == []


def test_entity_iris_link_to_their_pages(page, site_url):
    open_playground(page, site_url)
    run_typed(page, TYPED)
    links = page.eval_on_selector_all("#kg-results tbody a", "links => links.map(a => a.href)")
    assert links and all(link.startswith(site_url + "/cohorts/") for link in links)
    for link in links:
        assert page.request.get(link).status == 200, link


def test_csv_download(page, site_url, published_store):
    open_playground(page, site_url)
    run_typed(page, TYPED)
    with page.expect_download() as info:
        page.click("#kg-csv")
    rows = list(csv.reader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8"))))
    expected = [[t.value for t in row] for row in run_query(published_store, TYPED).rows]
    assert rows == [["cohort", "patients"]] + expected


def saved_rows(published_store, name: str) -> int:
    """How many rows the saved question answers on the published dump, asked of the Python engine."""
    query = next(query for query in load_saved_queries(ROOT) if query.name == name)
    return len(run_query(published_store, query.text).rows)


def test_a_saved_question_opens_from_the_url_and_gives_the_engines_answer(page, site_url, published_store):
    name = "funders-of-blinatumomab-trials"
    page.goto(f"{site_url}/playground/?query={name}")
    page.wait_for_selector("#kg-results table", timeout=WAIT_MS)
    assert page.input_value("#kg-question") == name
    assert len(table_rows(page)) == saved_rows(published_store, name) > 0


def test_every_saved_question_is_offered(page, site_url):
    open_playground(page, site_url)
    offered = page.eval_on_selector_all("#kg-question option", "options => options.map(o => o.value)")
    assert offered[1:] == [query.name for query in load_saved_queries(ROOT)]


def test_class_and_property_names_complete_from_the_dataset_description(page, site_url, site_dir):
    void = Graph().parse(site_dir / "data" / "void.ttl", format="turtle")
    names = {str(o) for o in void.objects(None, VOID["class"])} | {str(o) for o in void.objects(None, VOID.property)}
    cle = "https://w3id.org/cle/ontology#"
    open_playground(page, site_url)
    page.fill("#kg-query", "")
    page.locator("#kg-query").press_sequentially("SELECT * WHERE { ?d a cle:Dr")
    page.wait_for_selector("#kg-complete li", timeout=WAIT_MS)
    offered = page.eval_on_selector_all("#kg-complete li", "items => items.map(li => li.dataset.name)")
    assert set(offered) == {f"cle:{n[len(cle) :]}" for n in names if n.startswith(cle + "Dr")} >= {"cle:Drug"}
    assert offered[0] == "cle:Drug"  # the shortest first: Enter takes it
    page.keyboard.press("Enter")
    assert page.input_value("#kg-query") == "SELECT * WHERE { ?d a cle:Drug"
    assert page.is_hidden("#kg-complete")
    page.locator("#kg-query").press_sequentially(" ; cle:")
    page.wait_for_selector("#kg-complete li", timeout=WAIT_MS)
    assert page.locator("#kg-complete li").count() == 8  # the first eight of every cle: name
    page.keyboard.press("ArrowDown")
    second = page.eval_on_selector("#kg-complete li[aria-selected=true]", "li => li.dataset.name")
    page.keyboard.press("Tab")
    assert page.input_value("#kg-query").endswith(f" ; {second}")
    page.locator("#kg-query").press_sequentially(" cle:")
    page.keyboard.press("Escape")
    assert page.is_hidden("#kg-complete") and page.errors == []


def test_a_syntax_error_is_shown_readably(page, site_url):
    open_playground(page, site_url)
    run_typed(page, "SELECT ?s WHERE { ?s ?p }")
    assert page.is_visible("#kg-error")
    message = page.inner_text("#kg-error")
    assert message.startswith("The query could not run:\n")
    assert "error" in message.lower()
    assert page.locator("#kg-results table").count() == 0


def test_ask_and_construct(page, site_url):
    open_playground(page, site_url)
    run_typed(page, "ASK { ?s a <https://w3id.org/cle/ontology#Drug> }")
    assert page.inner_text("#kg-results") == "Yes"
    run_typed(page, "CONSTRUCT WHERE { ?d a <https://w3id.org/cle/ontology#Drug> }")
    assert "<https://w3id.org/cle/ontology#Drug>" in page.inner_text("#kg-results pre")


def test_the_editor_highlights_sparql(page, site_url):
    open_playground(page, site_url)
    page.fill("#kg-query", TYPED)
    kinds = page.eval_on_selector_all(
        ".kg-highlight span", "spans => spans.map(s => s.className + ' ' + s.textContent)"
    )
    assert {
        "sparql-keyword SELECT",
        "sparql-variable ?cohort",
        "sparql-pname cle:participantCount",
        "sparql-iri <https://w3id.org/cle/ontology#>",
    } <= set(kinds)
    # what the highlighter shows is exactly the text, markup-escaped
    assert page.inner_text(".kg-highlight").rstrip("\n") == TYPED


def test_the_dutch_playground(page, site_url, published_store):
    open_playground(page, site_url, "/nl/playground/")
    run_typed(page, TYPED)
    assert table_rows(page) == expected_rows(published_store, TYPED)
    assert page.inner_text("#kg-status").endswith(" ms.") and "rijen" in page.inner_text("#kg-status")
    links = page.eval_on_selector_all("#kg-results tbody a", "links => links.map(a => a.href)")
    assert links and all(link.startswith(site_url + "/nl/cohorts/") for link in links)


def test_everything_is_served_by_the_site_itself(page, site_url):
    open_playground(page, site_url)
    run_typed(page, TYPED)
    outside = [url for url in page.requests if not url.startswith(site_url) and not url.startswith(("blob:", "data:"))]
    assert outside == []
    assert any(url.endswith("/assets/vendor/oxigraph/web_bg.wasm") for url in page.requests)


def test_query_pages_show_their_answers_without_javascript(browser, site_url, published_store):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/queries/funders-of-blinatumomab-trials/")
    rows = page.eval_on_selector_all("article table tbody tr", "rows => rows.length")
    assert rows == saved_rows(published_store, "funders-of-blinatumomab-trials") > 0
    assert page.locator("article table a[href$='/trials/blinfant/']").count() >= 1
    assert page.locator("a.md-button[href$='playground/?query=funders-of-blinatumomab-trials']").count() == 1
    page.goto(site_url + "/nl/queries/")
    assert page.locator("article a[href$='funders-of-blinatumomab-trials/']").count() == 1
    context.close()
