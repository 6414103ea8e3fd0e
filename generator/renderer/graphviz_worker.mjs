// Lays out Graphviz DOT graphs as SVG with Graphviz's WebAssembly build (npm @viz-js/viz, pinned in
// package-lock.json, so every machine draws the same bytes). One JSON object per line in ({id, dot}), one
// per line out ({id, svg} or {id, error}), until stdin closes. Started by generator/renderer/graphviz.py.
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";

const { instance } = await import(pathToFileURL(process.argv[2]).href);
const viz = await instance();
const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (!line) continue;
  const job = JSON.parse(line);
  const result = viz.render(job.dot, { format: "svg", engine: "dot" });
  const answer = result.status === "success"
    ? { id: job.id, svg: result.output }
    : { id: job.id, error: result.errors.map((e) => e.message).join("; ") || "the layout failed" };
  process.stdout.write(JSON.stringify(answer) + "\n");
}
