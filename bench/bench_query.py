"""Benchmark the competency questions: embedded Oxigraph against rdflib's SPARQL engine, on the real graph,
on a mid-size copy rdflib can still finish, and Oxigraph alone on a synthetic graph of at least 1M triples.

Usage:  .venv/bin/python bench/bench_query.py [--copies 300] [--rdflib-copies 5] [--repeat 5] [--rdflib-timeout 60]

The synthetic graphs are the real content repeated: every entity IRI (and its named graph) gets a copy
suffix, so each copy keeps the real shape and every join of the questions still finds its partners; the
ontology graph is kept once. Prints medians (ms) and ratios; figures are measured, never asserted by tests.
"""

from __future__ import annotations

import argparse
import multiprocessing
import platform
import statistics
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import rdflib

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.load.saved_queries import load_saved_queries  # noqa: E402
from generator.sparql.store import project_store  # noqa: E402

NAMESPACE = "https://w3id.org/cle/id/"


def copied(quads: list, copies: int) -> list:
    """The entity quads `copies` times, entity IRIs suffixed per copy; ontology quads once."""

    def rename(term, k):
        if isinstance(term, ox.NamedNode) and term.value.startswith(NAMESPACE):
            local, hash_, fragment = term.value[len(NAMESPACE) :].partition("#")
            return ox.NamedNode(f"{NAMESPACE}{local}-c{k}{hash_}{fragment}")
        return term

    ontology = [q for q in quads if not q.graph_name.value.startswith(NAMESPACE)]
    content = [q for q in quads if q.graph_name.value.startswith(NAMESPACE)]
    out = list(ontology)
    for k in range(copies):
        out.extend(
            ox.Quad(rename(q.subject, k), q.predicate, rename(q.object, k), rename(q.graph_name, k)) for q in content
        )
    return out


def oxigraph_store(quads: list) -> tuple:
    start = time.perf_counter()
    store = ox.Store()
    store.bulk_extend(quads)
    return store, time.perf_counter() - start


def rdflib_dataset(quads: list) -> tuple:
    data = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    start = time.perf_counter()
    dataset = rdflib.Dataset(default_union=True)
    dataset.parse(data=data, format="nquads")
    return dataset, time.perf_counter() - start


def time_oxigraph(store, text: str, repeat: int) -> tuple:
    times, rows = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        rows = len(list(store.query(text, use_default_graph_as_union=True)))
        times.append(time.perf_counter() - start)
    return statistics.median(times), rows


def _rdflib_child(dataset, text, repeat, connection):
    times, rows = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        rows = len(list(dataset.query(text)))
        times.append(time.perf_counter() - start)
    connection.send((statistics.median(times), rows))


def time_rdflib(dataset, text: str, repeat: int, timeout: float) -> tuple:
    """rdflib in a forked child, killed after timeout seconds: (median seconds or None, rows)."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_rdflib_child, args=(dataset, text, repeat, sender), daemon=True)
    child.start()
    sender.close()
    answer = receiver.recv() if receiver.poll(timeout) else (None, None)
    if child.is_alive():
        child.kill()
    child.join(5)
    return answer


def ms(seconds) -> str:
    return "timeout" if seconds is None else f"{seconds * 1000:,.1f}"


def ratio(slow, fast) -> str:
    return "—" if slow is None or not fast else f"{slow / fast:,.0f}×"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=300, help="copies of the content in the large graph")
    parser.add_argument("--rdflib-copies", type=int, default=5, help="copies in the mid-size graph rdflib runs on")
    parser.add_argument("--repeat", type=int, default=5, help="runs per query (median reported)")
    parser.add_argument(
        "--rdflib-timeout", type=float, default=60.0, help="seconds per rdflib query before it is stopped"
    )
    args = parser.parse_args()

    store, _, problems = project_store(ROOT)
    if problems:
        print("the content does not check clean; run `kg check`", file=sys.stderr)
        return 1
    real = sorted(store, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
    saved = load_saved_queries(ROOT)
    sizes = {"real": real, "mid": copied(real, args.rdflib_copies), "large": copied(real, args.copies)}
    print(
        f"machine: {platform.processor() or platform.machine()}, {multiprocessing.cpu_count()} cores, "
        f"Python {platform.python_version()}, pyoxigraph {ox.__version__ if hasattr(ox, '__version__') else '?'}, "
        f"rdflib {rdflib.__version__}"
    )
    stores, datasets = {}, {}
    for name, quads in sizes.items():
        stores[name], seconds = oxigraph_store(quads)
        print(f"{name}: {len(quads):,} quads; Oxigraph load {seconds:.2f} s", end="")
        if name != "large":
            datasets[name], seconds = rdflib_dataset(quads)
            print(f"; rdflib load {seconds:.2f} s", end="")
        print()

    header = (
        "query",
        "rows",
        "ox real",
        "rdflib real",
        "ratio",
        "ox mid",
        "rdflib mid",
        "ratio",
        "rows large",
        "ox large",
    )
    print("\nmedian milliseconds per query (" + f"{args.repeat} runs Oxigraph, {max(1, args.repeat // 2)} runs rdflib)")
    print(" | ".join(header))
    print(" | ".join("---" for _ in header))
    totals = {key: [] for key in ("ox_real", "rd_real", "ox_mid", "rd_mid", "ox_large")}
    for query in saved:
        ox_real, rows = time_oxigraph(stores["real"], query.text, args.repeat)
        rd_real, rd_rows = time_rdflib(datasets["real"], query.text, max(1, args.repeat // 2), args.rdflib_timeout)
        ox_mid, _ = time_oxigraph(stores["mid"], query.text, args.repeat)
        rd_mid, _ = time_rdflib(datasets["mid"], query.text, max(1, args.repeat // 2), args.rdflib_timeout)
        ox_large, rows_large = time_oxigraph(stores["large"], query.text, max(1, args.repeat // 2))
        same = "" if rd_rows in (None, rows) else f" (rdflib: {rd_rows} rows)"
        print(
            " | ".join(
                [
                    query.name,
                    f"{rows}{same}",
                    ms(ox_real),
                    ms(rd_real),
                    ratio(rd_real, ox_real),
                    ms(ox_mid),
                    ms(rd_mid),
                    ratio(rd_mid, ox_mid),
                    f"{rows_large:,}",
                    ms(ox_large),
                ]
            ),
            flush=True,
        )
        for key, value in zip(totals, (ox_real, rd_real, ox_mid, rd_mid, ox_large), strict=True):
            totals[key].append(value)
    finished = [i for i, value in enumerate(totals["rd_mid"]) if value is not None]
    print(
        "\nmedian over the questions: "
        f"real graph Oxigraph {ms(statistics.median(totals['ox_real']))} ms, rdflib {ms(statistics.median(totals['rd_real']))} ms; "
        f"mid graph Oxigraph {ms(statistics.median(totals['ox_mid']))} ms, rdflib "
        f"{ms(statistics.median([totals['rd_mid'][i] for i in finished])) if finished else 'timeout'} ms; "
        f"{len(sizes['large']):,}-quad graph Oxigraph {ms(statistics.median(totals['ox_large']))} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
