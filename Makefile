# Two commands on a fresh machine: `make site` and `make test`. Only python3, make, git, node/npm, apt assumed.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

# The site's browser libraries (dependencies) for building; the tests' tools (devDependencies: axe-core,
# yaml-language-server) on top for testing. `npm ci` always starts from an empty node_modules, so the full
# install marks both stamps and the site's install (which drops the dev packages) removes the test stamp.
NODE_STAMP := node_modules/.package-lock.json
NODE_TEST_STAMP := node_modules/.installed-test

.PHONY: site test lint check serve clean chromium virtuoso sparql snapshots bench-query bench-build bench-pages bench-preview

$(NODE_STAMP): package.json package-lock.json
	npm ci --omit=dev --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

$(NODE_TEST_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP) $(NODE_TEST_STAMP)

# what building needs: the package and its dependencies
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $(STAMP)

# what testing adds: pytest, Playwright, hypothesis, jsonschema, ruff, … (the `test` extra)
$(TEST_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(TEST_STAMP)

## make site: set up .venv, check the content, build RDF dumps and the static site into build/site
site: $(STAMP) $(NODE_STAMP)
	$(BIN)/kg build

check: $(STAMP)
	$(BIN)/kg check

## make test: install what the tests need (Debian's chromium for browser tests, virtuoso for publish) and run them
test: $(TEST_STAMP) $(NODE_TEST_STAMP) chromium virtuoso lint
	$(BIN)/python -m pytest

## make lint: ruff's lint rules and its formatter over the Python code (configured in pyproject.toml)
lint: $(TEST_STAMP)
	$(BIN)/ruff check generator tests bench
	$(BIN)/ruff format --check generator tests bench

chromium:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

## make virtuoso: Debian's Virtuoso server and its isql client, which tests/test_publish_virtuoso.py starts on 127.0.0.1
virtuoso:
	@command -v virtuoso-t >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq virtuoso-opensource-7-bin >/dev/null; }

## make serve: build, preview at http://127.0.0.1:8000 and rebuild on every change (problems are printed)
serve: $(STAMP) $(NODE_STAMP)
	$(BIN)/kg preview

## make sparql: a read-only SPARQL endpoint over the graph at http://127.0.0.1:7878/query
sparql: $(STAMP)
	$(BIN)/kg serve

## make snapshots: rewrite the expected answers of the frozen fixture tree (tests/fixtures/snapshot-tree/expected/)
## after a question or the ontology changed on purpose; review the diff. Content changes never need it.
snapshots: $(STAMP)
	$(BIN)/python -m pytest -q -p no:cacheprovider tests/test_query_snapshots.py --update-snapshots

## make bench-query: competency questions on the real and a 1M-triple synthetic graph, Oxigraph vs rdflib
bench-query: $(STAMP)
	$(BIN)/python bench/bench_query.py

## make bench-build: build time and memory per stage at 1k, 10k and 20k synthetic entities, against bare MkDocs
bench-build: $(STAMP) $(NODE_STAMP)
	$(BIN)/python bench/bench_build.py

## make bench-pages: Lighthouse (mobile, slow 4G) on the built site served with gzip, against a bare theme page
bench-pages: site $(NODE_TEST_STAMP) chromium
	$(BIN)/python bench/bench_pages.py

## make bench-preview: live preview at 1k synthetic entities, from saving an edit to the page being served
bench-preview: $(STAMP) $(NODE_STAMP)
	$(BIN)/python bench/bench_preview.py

clean:
	rm -rf build
