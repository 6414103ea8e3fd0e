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

// The names to complete, from the dataset description (data/void.ttl, beside the dump): every class and property
// its partitions count, and the prefixes it declares. Read into a store of its own, so queries never see it.
const NAMES = `PREFIX void: <http://rdfs.org/ns/void#>
PREFIX sh: <http://www.w3.org/ns/shacl#>
SELECT DISTINCT ?kind ?term ?prefix WHERE {
  { [] void:class ?term BIND("class" AS ?kind) } UNION { [] void:property ?term BIND("property" AS ?kind) }
  UNION { [] sh:prefix ?prefix ; sh:namespace ?term BIND("prefix" AS ?kind) }
}`;

async function names(voidUrl) {
  const response = await fetch(voidUrl);
  if (!response.ok) return { classes: [], properties: [], prefixes: {} };
  const description = new Store();
  description.load(await response.text(), { format: "text/turtle", base_iri: String(voidUrl) });
  const found = { classes: new Set(), properties: new Set(), prefixes: {} };
  for (const row of description.query(NAMES)) {
    const kind = row.get("kind").value, term = row.get("term").value;
    if (kind === "prefix") found.prefixes[row.get("prefix").value] = term;
    else found[kind === "class" ? "classes" : "properties"].add(term);
  }
  return { classes: [...found.classes].sort(), properties: [...found.properties].sort(), prefixes: found.prefixes };
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
    else if (type === "names") self.postMessage({ id, ok: true, names: await names(payload) });
    else self.postMessage({ id, ok: true, result: run(payload) });
  } catch (error) {
    self.postMessage({ id, ok: false, error: String(error && error.message ? error.message : error) });
  }
};

// Messages sent before a module worker has run its imports can be lost: say when it listens.
self.postMessage({ id: -1, ok: true, alive: true });
