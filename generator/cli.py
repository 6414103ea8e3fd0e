"""The `kg` command line: the only module that reads argv, prints and sets exit codes."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .problems import format_problems

__all__ = ["main"]

DEFAULT_ROOT = Path(__file__).resolve().parent.parent


def _report(problems) -> int:
    print(format_problems(problems), file=sys.stderr)
    count = len(set(problems))
    print(f"{count} problem{'s' if count != 1 else ''}; nothing was written", file=sys.stderr)
    return 1


def cmd_check(args) -> int:
    from .pipeline import check_project

    checked = check_project(args.root, shacl=args.shacl)
    if not checked.ok:
        return _report(checked.problems)
    triples = sum(1 for _ in checked.mapped.dataset.quads((None, None, None, None)))
    print(f"ok: {len(checked.mapped.entities)} entities, {triples} triples, 0 problems")
    return 0


def cmd_build(args) -> int:
    from .build import build_project

    result = build_project(args.root, args.out)
    if result.problems:
        return _report(result.problems)
    dumps = ", ".join(f"{name} {size:,} B" for name, size in result.dumps.items())
    print(f"built: {result.entities} entities, {result.triples} quads, {result.pages} HTML pages; dumps: {dumps}")
    return 0


def cmd_synth(args) -> int:
    from .synth import write_synthetic_tree

    counts = write_synthetic_tree(args.root, args.n, args.out)
    print(f"wrote {sum(counts.values())} synthetic entities to {args.out}: "
          + ", ".join(f"{folder} {count}" for folder, count in counts.items()))
    return 0


def _fail(command: str, message: str) -> int:
    print(f"kg {command}: error: {message}", file=sys.stderr)
    return 1


def _query_text(args) -> str:
    """The query: inline text, a .rq file, a saved competency question's name, or stdin ('-' or nothing)."""
    from .query import QueryError

    given = args.query
    if given is None or given == "-":
        if given is None and sys.stdin.isatty():
            raise QueryError("give a query: inline text, a .rq file, a name from queries/, or - for stdin")
        return sys.stdin.read()
    saved = args.root / "queries" / f"{given}.rq"
    if given.endswith(".rq") or saved.is_file():
        path = saved if saved.is_file() else Path(given)
        if not path.is_file():
            raise QueryError(f"no such query file: {given}")
        return path.read_text(encoding="utf-8")
    return given


def cmd_query(args) -> int:
    from .query import FORMATS, QueryError, project_store, render, run_query

    if args.format not in FORMATS:
        return _fail("query", f"unknown format `{args.format}`; use one of: {', '.join(FORMATS)}")
    try:
        text = None if args.update_snapshots else _query_text(args)
    except QueryError as error:
        return _fail("query", str(error))
    store, prefixes, problems = project_store(args.root)
    if problems:
        return _report(problems)
    if args.update_snapshots:
        return _update_snapshots(args, store)
    try:
        result = run_query(store, text, timeout=args.timeout, max_rows=args.max_rows, prefixes=prefixes)
        output = render(result, args.format, prefixes)
    except QueryError as error:
        return _fail("query", str(error))
    sys.stdout.buffer.write(output)
    sys.stdout.flush()
    if result.truncated:
        print(f"kg query: only the first {args.max_rows} results are shown; add LIMIT or raise --max-rows",
              file=sys.stderr)
    return 0


def _update_snapshots(args, store) -> int:
    from .query import QueryError, load_saved_queries, run_query, snapshot_path, snapshot_text

    try:
        saved = load_saved_queries(args.root)
        for query in saved:
            text = snapshot_text(run_query(store, query.text, timeout=args.timeout, max_rows=args.max_rows))
            target = snapshot_path(args.root, query.name)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    except QueryError as error:
        return _fail("query", str(error))
    print(f"wrote {len(saved)} snapshots to queries/expected/")
    return 0


def cmd_serve(args) -> int:
    import signal

    from .query import project_store
    from .serve import Endpoint, ServeError

    store, _, problems = project_store(args.root)
    if problems:
        return _report(problems)
    try:
        endpoint = Endpoint(store, args.host, args.port, args.timeout)
    except ServeError as error:
        return _fail("serve", str(error))

    def stop(*_):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    print(f"serving read-only SPARQL at {endpoint.url} (Ctrl-C stops)", flush=True)
    try:
        endpoint.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        endpoint.close()
    return 0


def cmd_publish(args) -> int:
    from .publish import PublishError, publish
    from .query import project_store

    store, _, problems = project_store(args.root)
    if problems:
        return _report(problems)
    try:
        count = publish(store, args.endpoint, timeout=args.timeout)
    except PublishError as error:
        return _fail("publish", str(error))
    print(f"published {count} named graphs to {args.endpoint}")
    return 0


def _query_arguments(command) -> None:
    command.add_argument("query", nargs="?", default=None,
                         help="SPARQL text, a .rq file, a name from queries/, or - for stdin (the default)")
    command.add_argument("--format", default="table", help="table (default), csv, tsv, json or xml")
    command.add_argument("--timeout", type=float, default=30.0, help="stop the query after S seconds (default 30)")
    command.add_argument("--max-rows", type=int, default=10_000, help="show at most N results (default 10000)")
    command.add_argument("--update-snapshots", action="store_true",
                         help="rewrite queries/expected/<name>.tsv from the current content")


def _serve_arguments(command) -> None:
    command.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    command.add_argument("--port", type=int, default=7878, help="port to listen on (default 7878)")
    command.add_argument("--timeout", type=float, default=30.0, help="stop each query after S seconds (default 30)")


def _publish_arguments(command) -> None:
    command.add_argument("--endpoint", required=True,
                         help="Graph Store Protocol URL, e.g. http://localhost:7878/store or http://localhost:3030/ds/data")
    command.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for each graph (default 60)")


ARGUMENTS = {"query": _query_arguments, "serve": _serve_arguments, "publish": _publish_arguments}


COMMANDS = {
    "check": (cmd_check, "validate ontology and content; report every problem as path:line:col"),
    "build": (cmd_build, "check, then write RDF dumps and the static site to build/"),
    "synth": (cmd_synth, "write a synthetic project tree of N entities (for benchmarks)"),
    "query": (cmd_query, "run a SPARQL query over the graph (named graphs kept, default graph = their union)"),
    "serve": (cmd_serve, "serve a read-only SPARQL endpoint at http://HOST:PORT/query"),
    "publish": (cmd_publish, "load every named graph into a store speaking the SPARQL Graph Store Protocol"),
}


def parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--root", type=Path, default=argparse.SUPPRESS,
                        help="project tree to work on (ontology/, content/, site/, mkdocs.yml); default: this checkout")
    top = argparse.ArgumentParser(prog="kg", description="Childhood leukaemia evidence knowledge graph", parents=[common])
    sub = top.add_subparsers(dest="command", required=True)
    for name, (_, help_text) in COMMANDS.items():
        command = sub.add_parser(name, help=help_text, description=help_text, parents=[common])
        if name == "check":
            command.add_argument("--shacl", action="store_true", help="also validate with pyshacl (slower)")
        if name == "build":
            command.add_argument("--out", type=Path, default=None, help="output folder (default: ROOT/build)")
        if name in ARGUMENTS:
            ARGUMENTS[name](command)
        if name == "synth":
            command.add_argument("n", type=int, help="number of entities")
            command.add_argument("--out", type=Path, required=True, help="folder to write the tree to (replaced)")
    return top


def main(argv=None) -> int:
    args = parser().parse_args(argv)
    args.root = getattr(args, "root", DEFAULT_ROOT).resolve()
    return COMMANDS[args.command][0](args)


if __name__ == "__main__":
    sys.exit(main())
