// The playground's query engine: Oxigraph (WebAssembly, served by this site) in a worker, so a long query
// never freezes the page and can be stopped by terminating the worker.
import init, { Store } from "../vendor/oxigraph/web.js";

let store = null;

async function load(dumpUrl) {
  await init();
  const response = await fetch(dumpUrl);
  if (!response.ok) throw new Error(`could not read the data dump ${dumpUrl} (HTTP ${response.status})`);
  const text = await response.text();
  store = new Store();
  store.load(text, { format: "application/trig" });
  return store.size;
}

// Turtle for CONSTRUCT / DESCRIBE, SPARQL JSON results for SELECT / ASK.
const GRAPH_FORM = /^\s*(?:(?:PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*(CONSTRUCT|DESCRIBE)\b/i;
const COMMENT = /^\s*#[^\n]*$/gm;  // whole-line comments (a # inside an IRI is not one)

function run(query) {
  const bare = query.replace(COMMENT, "");
  const graphForm = GRAPH_FORM.test(bare);
  const options = {
    // FROM / FROM NAMED choose graphs of the store themselves; otherwise the default graph is the union
    use_default_graph_as_union: !/\bFROM\b/i.test(bare),
    results_format: graphForm ? "text/turtle" : "application/sparql-results+json",
  };
  const output = store.query(query, options);
  return graphForm ? { kind: "graph", turtle: output } : { kind: "results", json: JSON.parse(output) };
}

self.onmessage = async (event) => {
  const { id, type, payload } = event.data;
  try {
    if (type === "load") self.postMessage({ id, ok: true, size: await load(payload) });
    else self.postMessage({ id, ok: true, result: run(payload) });
  } catch (error) {
    self.postMessage({ id, ok: false, error: String(error && error.message ? error.message : error) });
  }
};

// Messages sent before a module worker has run its imports can be lost: say when it listens.
self.postMessage({ id: -1, ok: true, alive: true });
