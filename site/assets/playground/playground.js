// The SPARQL playground: an editor with highlighting, the saved questions, a result table whose entity IRIs
// link to their pages, CSV download and readable errors. Queries run in worker.js, in this browser only.

const TEXT = {
  en: {
    pick: "Saved question", own: "— your own query —", run: "Run", stop: "Stop", csv: "Download CSV",
    loading: "Loading the graph…", ready: (n) => `Ready: ${n.toLocaleString("en")} statements loaded.`,
    running: "Running…", rows: (n, ms) => `${n} row${n === 1 ? "" : "s"} in ${ms} ms.`,
    yes: "Yes", no: "No", stopped: (s) => `Stopped: the query ran longer than ${s} s.`, halted: "Stopped.",
    error: "The query could not run:", editor: "SPARQL query", results: "Results", empty: "No results.",
    complete: "Class and property names", class: "class", property: "property",
  },
  nl: {
    pick: "Opgeslagen vraag", own: "— uw eigen zoekvraag —", run: "Uitvoeren", stop: "Stoppen", csv: "CSV downloaden",
    loading: "De graaf wordt geladen…", ready: (n) => `Klaar: ${n.toLocaleString("nl")} uitspraken geladen.`,
    running: "Bezig…", rows: (n, ms) => `${n} ${n === 1 ? "rij" : "rijen"} in ${ms} ms.`,
    yes: "Ja", no: "Nee", stopped: (s) => `Gestopt: de zoekvraag liep langer dan ${s} s.`, halted: "Gestopt.",
    error: "De zoekvraag kon niet worden uitgevoerd:", editor: "SPARQL-zoekvraag", results: "Resultaten",
    empty: "Geen resultaten.", complete: "Namen van klassen en eigenschappen", class: "klasse", property: "eigenschap",
  },
};
const TIMEOUT_S = 30;

// --- SPARQL highlighting: one regular expression, one class per token kind ------------------------------
const TOKEN_KINDS = [
  ["comment", /#[^\n]*/],
  ["string", /"""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/],
  ["iri", /<[^<>"{}|^`\\\s]*>/],
  ["variable", /[?$][\w\u00B7-\uFFFF]+/],
  ["keyword", /\b(?:SELECT|CONSTRUCT|DESCRIBE|ASK|WHERE|PREFIX|BASE|DISTINCT|REDUCED|FROM|NAMED|GRAPH|OPTIONAL|UNION|MINUS|FILTER|BIND|VALUES|SERVICE|SILENT|GROUP|BY|HAVING|ORDER|ASC|DESC|LIMIT|OFFSET|AS|NOT|EXISTS|IN|a)\b/i],
  ["function", /\b(?:COUNT|SUM|MIN|MAX|AVG|SAMPLE|GROUP_CONCAT|STR|LANG|LANGMATCHES|DATATYPE|BOUND|IRI|URI|BNODE|COALESCE|IF|REGEX|REPLACE|CONTAINS|STRSTARTS|STRENDS|LCASE|UCASE|CONCAT|SUBSTR|STRLEN|YEAR|MONTH|DAY|NOW|isIRI|isURI|isLiteral|isBlank|ABS|ROUND|CEIL|FLOOR)\b/i],
  ["pname", /[A-Za-z_][\w.\-]*:[\w.\-:%]*|:[\w.\-:%]*/],
  ["number", /\b\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\b/],
];
const TOKENS = new RegExp(TOKEN_KINDS.map(([, re]) => `(${re.source})`).join("|"), "gi");

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

function highlight(text) {
  let html = "", last = 0;
  for (const match of text.matchAll(TOKENS)) {
    const kind = TOKEN_KINDS[match.slice(1).findIndex((group) => group !== undefined)][0];
    html += escapeHtml(text.slice(last, match.index)) + `<span class="sparql-${kind}">${escapeHtml(match[0])}</span>`;
    last = match.index + match[0].length;
  }
  return html + escapeHtml(text.slice(last)) + "\n";
}

// --- the engine in a worker ------------------------------------------------------------------------------
class Engine {
  constructor(workerUrl, dumpUrl) {
    this.workerUrl = workerUrl;
    this.dumpUrl = String(dumpUrl);
    this.pending = new Map();
    this.next = 0;
  }

  start() {
    this.worker = new Worker(this.workerUrl, { type: "module" });
    const alive = new Promise((resolve) => this.pending.set(-1, resolve));  // the worker's first message
    this.worker.onmessage = (event) => {
      const { id, ...answer } = event.data;
      const waiting = this.pending.get(id);
      this.pending.delete(id);
      if (waiting) waiting(answer);
    };
    this.worker.onerror = (event) => {  // the worker itself failed (script not found, WebAssembly refused…)
      event.preventDefault();
      for (const resolve of this.pending.values()) resolve({ ok: false, error: event.message || "the query engine did not start" });
      this.pending.clear();
    };
    return alive.then((answer) => (answer.ok ? this.call("load", this.dumpUrl) : answer));
  }

  call(type, payload) {
    const id = this.next++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.worker.postMessage({ id, type, payload });
    });
  }

  restart() {  // stops a running query: the worker and its store are thrown away and loaded again
    this.worker.terminate();
    for (const resolve of this.pending.values()) resolve({ ok: false, stopped: true });
    this.pending.clear();
    return this.start();
  }
}

// --- completion of class and property names, from the dataset description (data/void.ttl) ---------------
const PARTIAL = /(?:^|[^\w:<?$-])([A-Za-z][\w-]*:[\w-]*)$/;  // a prefixed name being typed, up to the cursor
const SHOWN = 8;

function curies(names) {  // every class and property as prefix:local, with its kind, sorted
  const namespaces = Object.entries(names.prefixes).sort((a, b) => b[1].length - a[1].length);
  const short = (iri) => {
    const found = namespaces.find(([, ns]) => iri.startsWith(ns) && /^[\w-]+$/.test(iri.slice(ns.length)));
    return found ? `${found[0]}:${iri.slice(found[1].length)}` : null;
  };
  const list = [];
  for (const kind of ["classes", "properties"]) {
    for (const iri of names[kind]) { const name = short(iri); if (name) list.push({ name, kind }); }
  }
  return list.sort((a, b) => a.name.localeCompare(b.name));
}

function completer(editor, box, t, paint) {
  let names = [], shown = [], active = 0;
  const close = () => { box.hidden = true; box.replaceChildren(); shown = []; editor.removeAttribute("aria-activedescendant"); };
  const accept = (index) => {
    const before = editor.value.slice(0, editor.selectionStart), partial = before.match(PARTIAL)[1];
    const start = editor.selectionStart - partial.length, inserted = shown[index].name;
    editor.value = editor.value.slice(0, start) + inserted + editor.value.slice(editor.selectionStart);
    editor.selectionStart = editor.selectionEnd = start + inserted.length;
    close();
    paint();
  };
  const mark = () => box.querySelectorAll("li").forEach((li, i) => {
    li.setAttribute("aria-selected", String(i === active));
    if (i === active) editor.setAttribute("aria-activedescendant", li.id);
  });
  const update = () => {
    const found = editor.value.slice(0, editor.selectionStart).match(PARTIAL);
    shown = found ? names.filter((n) => n.name.startsWith(found[1]) && n.name !== found[1]).slice(0, SHOWN) : [];
    if (!shown.length) return close();
    active = 0;
    box.replaceChildren(...shown.map((n, i) => {
      const li = element("li", { id: `kg-complete-${i}`, role: "option", "data-name": n.name }, n.name);
      li.append(element("span", { class: "kg-kind" }, ` ${t[n.kind === "classes" ? "class" : "property"]}`));
      li.addEventListener("mousedown", (event) => { event.preventDefault(); accept(i); });
      return li;
    }));
    box.hidden = false;
    mark();
  };
  editor.addEventListener("input", update);
  editor.addEventListener("blur", close);
  editor.addEventListener("keydown", (event) => {
    if (box.hidden) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      active = (active + (event.key === "ArrowDown" ? 1 : shown.length - 1)) % shown.length;
      mark();
    } else if ((event.key === "Enter" && !event.ctrlKey && !event.metaKey) || event.key === "Tab") {
      event.preventDefault();
      accept(active);
    }
    else if (event.key === "Escape") close();
  });
  return (found) => { names = curies(found); };
}

// --- results ---------------------------------------------------------------------------------------------
function termText(term) {
  if (!term) return "";
  if (term.type === "uri") return term.value;
  if (term.type === "bnode") return `_:${term.value}`;
  return term.value;
}

function csvText(head, rows) {
  const quote = (text) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return [head.map(quote).join(",")].concat(rows.map((row) => head.map((v) => quote(termText(row[v]))).join(","))).join("\r\n") + "\r\n";
}

function renderCell(term, pages, siteRoot) {
  const td = document.createElement("td");
  if (!term) return td;
  if (term.type === "uri" && term.value.startsWith(pages.namespace)) {
    const path = pages.pages[term.value.slice(pages.namespace.length)];
    if (path) {
      const link = document.createElement("a");
      link.href = siteRoot + path;
      link.textContent = term.value.slice(pages.namespace.length);
      link.title = term.value;
      td.append(link);
      return td;
    }
  }
  td.textContent = termText(term);
  if (term["xml:lang"]) td.lang = term["xml:lang"];
  return td;
}

function renderTable(json, pages, siteRoot) {
  const head = json.head.vars || [];
  const table = document.createElement("table");
  const headRow = table.createTHead().insertRow();
  for (const name of head) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = name;
    headRow.append(th);
  }
  const body = table.createTBody();
  for (const binding of json.results.bindings) {
    const tr = body.insertRow();
    for (const name of head) tr.append(renderCell(binding[name], pages, siteRoot));
  }
  return table;
}

// --- the page ----------------------------------------------------------------------------------------------
function element(tag, attributes = {}, text = "") {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text) node.textContent = text;
  return node;
}

async function main() {
  const root = document.getElementById("kg-playground");
  if (!root) return;
  const t = TEXT[root.dataset.lang] || TEXT.en;
  const siteRoot = root.dataset.siteRoot;
  const base = new URL(siteRoot, document.baseURI);
  const [questions, pages] = await Promise.all(
    ["questions.json", "entity-pages.json"].map((name) => fetch(new URL(`assets/playground/${name}`, base)).then((r) => r.json())));

  const picker = element("select", { id: "kg-question", "aria-label": t.pick });
  picker.append(element("option", { value: "" }, t.own));
  for (const question of questions) picker.append(element("option", { value: question.name, title: question.question }, question.title));
  const editorBox = element("div", { class: "kg-editor" });
  const painted = element("pre", { class: "kg-highlight", "aria-hidden": "true" });
  const editor = element("textarea", { id: "kg-query", spellcheck: "false", autocapitalize: "off", "aria-label": t.editor, rows: "16",
                                       "aria-autocomplete": "list", "aria-controls": "kg-complete" });
  const suggestions = element("ul", { id: "kg-complete", class: "kg-complete", role: "listbox", "aria-label": t.complete, hidden: "" });
  editorBox.append(painted, editor, suggestions);
  const run = element("button", { id: "kg-run", type: "button", class: "md-button md-button--primary" }, t.run);
  const stop = element("button", { id: "kg-stop", type: "button", class: "md-button", hidden: "" }, t.stop);
  const download = element("a", { id: "kg-csv", class: "md-button", download: "results.csv", hidden: "" }, t.csv);
  const status = element("p", { id: "kg-status", role: "status" }, t.loading);
  const error = element("pre", { id: "kg-error", role: "alert", hidden: "" });
  const output = element("div", { id: "kg-results", class: "kg-results", role: "region", "aria-label": t.results });
  root.append(element("label", { for: "kg-question" }, t.pick), picker, editorBox,
              element("p", { class: "kg-actions" }), status, error, output);
  root.querySelector(".kg-actions").append(run, stop, download);

  const paint = () => {
    painted.innerHTML = highlight(editor.value);
    painted.scrollTop = editor.scrollTop;
    painted.scrollLeft = editor.scrollLeft;
  };
  editor.addEventListener("input", () => { picker.value = ""; paint(); });
  editor.addEventListener("scroll", paint);
  const choose = (name) => {
    const question = questions.find((q) => q.name === name);
    if (question) { editor.value = question.query; picker.value = name; paint(); }
    return question;
  };
  picker.addEventListener("change", () => choose(picker.value));
  const setNames = completer(editor, suggestions, t, paint);

  const engine = new Engine(new URL("assets/playground/worker.js", base), new URL(root.dataset.dump, document.baseURI));
  run.disabled = true;
  const loaded = await engine.start();
  if (!loaded.ok) { status.textContent = ""; error.hidden = false; error.textContent = loaded.error; return; }
  status.textContent = t.ready(loaded.size);
  const described = await engine.call("names", String(new URL("void.ttl", new URL(root.dataset.dump, document.baseURI))));
  if (described.ok) { setNames(described.names); root.dataset.names = String(curies(described.names).length); }
  root.dataset.ready = "true";
  run.disabled = false;

  let timer = null;
  const execute = async () => {
    error.hidden = true;
    output.replaceChildren();
    download.hidden = true;
    run.disabled = true;
    stop.hidden = false;
    status.textContent = t.running;
    const started = performance.now();
    timer = setTimeout(() => stopQuery(t.stopped(TIMEOUT_S)), TIMEOUT_S * 1000);
    const answer = await engine.call("query", editor.value);
    clearTimeout(timer);
    stop.hidden = true;
    run.disabled = false;
    if (answer.stopped) return;
    const ms = Math.round(performance.now() - started);
    if (!answer.ok) {
      status.textContent = "";
      error.hidden = false;
      error.textContent = `${t.error}\n${answer.error}`;
      return;
    }
    const result = answer.result;
    if (result.kind === "graph") {
      output.append(element("pre", { class: "kg-turtle" }, result.turtle));
      status.textContent = t.rows(result.turtle.split("\n").filter((line) => line.trim()).length, ms);
    } else if ("boolean" in result.json) {
      output.append(element("p", { class: "kg-boolean" }, result.json.boolean ? t.yes : t.no));
      status.textContent = t.rows(1, ms);
    } else {
      const rows = result.json.results.bindings;
      output.append(rows.length ? renderTable(result.json, pages, siteRoot) : element("p", {}, t.empty));
      status.textContent = t.rows(rows.length, ms);
      if (download.href) URL.revokeObjectURL(download.href);
      download.href = URL.createObjectURL(new Blob([csvText(result.json.head.vars, rows)], { type: "text/csv" }));
      download.hidden = false;
    }
  };
  const stopQuery = async (message) => {
    clearTimeout(timer);
    status.textContent = message;
    run.disabled = true;
    const again = await engine.restart();
    run.disabled = !again.ok;
  };
  run.addEventListener("click", execute);
  stop.addEventListener("click", () => stopQuery(t.halted));
  editor.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); if (!run.disabled) execute(); }
  });

  const wanted = new URLSearchParams(location.search).get("query");
  if (choose(wanted)) execute();
  else choose(questions.length ? questions[0].name : "");
}

main().catch((error) => {
  const box = document.getElementById("kg-playground");
  if (box) box.append(element("pre", { role: "alert" }, String(error)));
});
