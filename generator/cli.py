"""The `kg` command line: the only module that reads argv, prints and sets exit codes."""

from __future__ import annotations

import argparse
import json
import re
import signal
import sys
from pathlib import Path

from .build import build_project
from .check.pipeline import Summary, check_project, check_summary
from .load.credentials import CredentialsError, publish_credentials
from .load.known_ids import known_ids_from_files
from .load.ontology import load_schema
from .load.rdf_dump import DumpError
from .load.saved_queries import read_query_file, saved_names
from .model.changes import diff_to_json
from .model.timing import StageTimer
from .model.wording import PLACEHOLDER
from .preview.watch import watch
from .render.change_words import diff_markdown, diff_text
from .sparql.engine import FORMATS, QueryError, format_result, run_query
from .sparql.publish import (
    PublishError,
    dry_run_lines,
    graph_payloads,
    publish,
    stale_graphs,
    stale_lines,
    summary_line,
)
from .sparql.serve import Endpoint, ServeError
from .sparql.store import project_store
from .sparql.store_client import StoreClient, StoreError, check_endpoint
from .tools.scaffold import new_entity
from .tools.synth import write_synthetic_tree
from .versions.compare import CompareError, compare
from .versions.release import ReleaseError, release
from .write.curie_cache import save_prefix_cache
from .write.editor_schemas import SCHEMA_FOLDER, write_schemas

__all__ = ["main"]

DEFAULT_ROOT = Path(__file__).resolve().parent.parent


class Progress:
    """Counts steps of one task on stderr: a bar that redraws on a terminal, a plain line per tenth in CI logs."""

    def __init__(self, label: str, total: int, stream=None, width: int = 30):
        self.label, self.total, self.done = label, max(total, 1), 0
        self.stream = stream or sys.stderr
        self.width = width
        self.terminal = hasattr(self.stream, "isatty") and self.stream.isatty()
        self._last_tenth = -1

    def advance(self, steps: int = 1) -> None:
        self.done = min(self.done + steps, self.total)
        if self.terminal:
            filled = self.width * self.done // self.total
            self.stream.write(
                f"\r{self.label:<10} [{'#' * filled}{'.' * (self.width - filled)}] {self.done}/{self.total}"
            )
            if self.done == self.total:
                self.stream.write("\n")
            self.stream.flush()
            return
        tenth = 10 * self.done // self.total
        if tenth != self._last_tenth:
            self._last_tenth = tenth
            print(f"{self.label}: {self.done}/{self.total} ({10 * tenth}%)", file=self.stream, flush=True)


def _github_escape(text: str, is_property: bool = False) -> str:
    """Text for a GitHub workflow command (`::error …::message`), escaped as the runner expects."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if is_property else text


# --format NAME -> one problem as one line of output (a message can hold a newline from a multi-line value).
PROBLEM_FORMATS = {
    "text": lambda p: f"{p.position}: {p.message}".replace("\r", "\\r").replace("\n", "\\n"),
    "github": lambda p: (
        f"::error file={_github_escape(p.position.path, True)},line={p.position.line},"
        f"col={p.position.col}::{_github_escape(p.message)}"
    ),
}


def _report(problems, fmt: str = "text") -> int:
    lines = [PROBLEM_FORMATS[fmt](problem) for problem in sorted(set(problems))]
    print("\n".join(lines), file=sys.stdout if fmt == "github" else sys.stderr)
    count = len(set(problems))
    print(f"{count} problem{'s' if count != 1 else ''}; nothing was written", file=sys.stderr)
    return 1


def cmd_check(args) -> int:
    if args.shacl:  # pyshacl needs the whole graph in this process
        checked = check_project(args.root, shacl=True)
        summary = Summary(
            checked.problems,
            len(checked.mapped.entities) if checked.mapped else 0,
            sum(len(graph) for graph in checked.mapped.graphs.values()) if checked.mapped else 0,
        )
    else:
        summary = check_summary(args.root)
    if summary.problems:
        return _report(summary.problems, args.format)
    print(f"ok: {summary.entities} entities, {summary.triples} triples, 0 problems")
    return 0


def cmd_build(args) -> int:
    timer = StageTimer(
        report=(lambda stage, seconds: print(f"{stage}: {seconds:.2f} s", file=sys.stderr)) if args.verbose else None
    )
    result = build_project(
        args.root, args.out, timer=timer, progress=Progress, jobs=args.jobs, incremental=not args.full
    )
    if result.problems:
        return _report(result.problems, args.format)
    dumps = ", ".join(f"{name} {size:,} B" for name, size in result.dumps.items())
    redone = "" if result.full else f" ({result.rendered} rendered again, the rest kept from the last build)"
    print(
        f"built: {result.entities} entities, {result.triples} quads, {result.pages} HTML pages{redone}; dumps: {dumps}"
    )
    return 0


def cmd_synth(args) -> int:
    counts = write_synthetic_tree(args.root, args.n, args.out)
    print(
        f"wrote {sum(counts.values())} synthetic entities to {args.out}: "
        + ", ".join(f"{folder} {count}" for folder, count in counts.items())
    )
    return 0


def cmd_new(args) -> int:
    schema, problems = load_schema(args.root)
    if schema is None:
        return _report(problems)
    path, problem = new_entity(args.root, schema, args.cls, args.id)
    if problem:
        return _fail("new", problem)
    rel = path.relative_to(args.root).as_posix()
    print(f"wrote {rel}: replace every {PLACEHOLDER}, keep the optional keys you need, then run `kg check`")
    return 0


def cmd_schemas(args) -> int:
    schema, problems = load_schema(args.root)
    if schema is None:
        return _report(problems)
    out = args.out or args.root / "build" / "site" / SCHEMA_FOLDER
    paths = write_schemas(schema, known_ids_from_files(args.root, schema), out)
    print(f"wrote {len(paths)} JSON Schemas to {out}")
    return 0


def cmd_preview(args) -> int:
    def stop(*_):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        watch(
            args.root, args.out or args.root / "build", args.host, args.port, say=lambda line: print(line, flush=True)
        )
    except KeyboardInterrupt:
        pass
    except OSError as error:  # the port is taken, say
        return _fail("preview", f"cannot serve on {args.host}:{args.port} ({error.strerror})")
    return 0


def _fail(command: str, message: str) -> int:
    print(f"kg {command}: error: {message}", file=sys.stderr)
    return 1


def _query_text(args) -> str:
    """The query: inline text, a .rq file, a saved competency question's name, or stdin ('-' or nothing)."""
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
        return read_query_file(path)
    if re.fullmatch(r"[a-z0-9][a-z0-9-]*", given):
        raise QueryError(f"no saved query `{given}` in queries/ (names: {', '.join(saved_names(args.root)) or 'none'})")
    return given


def cmd_query(args) -> int:
    if args.format not in FORMATS:
        return _fail("query", f"unknown format `{args.format}`; use one of: {', '.join(FORMATS)}")
    try:
        text = _query_text(args)
    except QueryError as error:
        return _fail("query", str(error))
    store, prefixes, problems = project_store(args.root)
    if problems:
        return _report(problems)
    try:
        result = run_query(store, text, timeout=args.timeout, max_rows=args.max_rows, prefixes=prefixes)
        output = format_result(result, args.format, prefixes)
    except QueryError as error:
        return _fail("query", str(error))
    sys.stdout.buffer.write(output)
    sys.stdout.flush()
    if result.truncated:
        print(
            f"kg query: only the first {args.max_rows} results are shown; add LIMIT or raise --max-rows",
            file=sys.stderr,
        )
    return 0


def cmd_serve(args) -> int:
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
    if args.delete_missing and not args.query_endpoint:
        return _fail("publish", "--delete-missing needs --query-endpoint URL, where the store answers SPARQL queries")
    try:
        check_endpoint(args.endpoint)
        if args.query_endpoint:
            check_endpoint(args.query_endpoint, "query endpoint")
        credentials = publish_credentials(args.endpoint)
    except (StoreError, CredentialsError) as error:
        return _fail("publish", str(error))
    store, prefixes, problems = project_store(args.root)
    if problems:
        return _report(problems)
    client = StoreClient(
        args.endpoint, credentials, args.timeout, args.retries, also=tuple(filter(None, [args.query_endpoint]))
    )
    payloads = graph_payloads(store)
    try:
        stale = stale_graphs(client, args.query_endpoint, payloads, prefixes["id"]) if args.delete_missing else []
        if args.dry_run:
            print("\n".join(dry_run_lines(payloads, stale, args.endpoint, credentials and credentials.source)))
            return 0
        if stale:
            print("\n".join(stale_lines(stale)), flush=True)
        report = publish(payloads, client, delete=stale)
    except PublishError as error:
        return _fail("publish", str(error))
    print(summary_line(report, args.endpoint))
    return 0


DIFF_FORMATS = ("text", "markdown", "json")


def cmd_diff(args) -> int:
    if args.format not in DIFF_FORMATS:
        return _fail("diff", f"unknown format `{args.format}`; use one of: {', '.join(DIFF_FORMATS)}")
    try:
        comparison = compare(args.root, args.old, args.new)
    except (CompareError, DumpError) as error:
        return _fail("diff", str(error))
    if comparison.problems:
        return _report(comparison.problems)
    diff, namespace = comparison.diff, comparison.namespace
    if args.format == "json":
        output = json.dumps(diff_to_json(diff), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    elif args.format == "markdown":
        output = "\n".join(diff_markdown(diff, args.lang, namespace, args.limit)).rstrip() + "\n"
    else:
        output = diff_text(diff, args.lang, namespace, args.limit)
    sys.stdout.write(output)
    return 0


def cmd_release(args) -> int:
    try:
        done = release(args.root, args.version)
    except ReleaseError as error:
        for line in str(error).splitlines():
            _fail("release", line)
        return 1
    print(
        f"released {done.version}: committed {', '.join(done.files)} and tagged {done.tag}"
        + (f" (changes since {done.previous})" if done.previous else " (the first release)")
        + f"; publish it with `git push origin HEAD {done.tag}`"
    )
    return 0


def _diff_arguments(command) -> None:
    command.add_argument(
        "old",
        nargs="?",
        default=None,
        help="a git revision (tag, branch, commit) or a dump (kg.trig, …); default: the merge base with main",
    )
    command.add_argument("new", nargs="?", default=None, help="a git revision or a dump; default: the work tree")
    command.add_argument("--format", default="text", help="text (default), markdown or json")
    command.add_argument("--lang", default="en", help="the language of the words (en, the default, or nl)")
    command.add_argument(
        "--limit",
        type=int,
        default=None,
        help="list at most N entities per kind of change and N rows per answer (default: all)",
    )


def _release_arguments(command) -> None:
    command.add_argument("version", help="the new version, MAJOR.MINOR.PATCH (the tag will be vMAJOR.MINOR.PATCH)")


def _query_arguments(command) -> None:
    command.add_argument(
        "query",
        nargs="?",
        default=None,
        help="SPARQL text, a .rq file, a name from queries/, or - for stdin (the default)",
    )
    command.add_argument("--format", default="table", help="table (default), csv, tsv, json or xml")
    command.add_argument("--timeout", type=float, default=30.0, help="stop the query after S seconds (default 30)")
    command.add_argument("--max-rows", type=int, default=10_000, help="show at most N results (default 10000)")


def _serve_arguments(command) -> None:
    command.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    command.add_argument("--port", type=int, default=7878, help="port to listen on (default 7878)")
    command.add_argument("--timeout", type=float, default=30.0, help="stop each query after S seconds (default 30)")


def _publish_arguments(command) -> None:
    command.add_argument(
        "--endpoint",
        required=True,
        help="Graph Store Protocol URL, e.g. http://localhost:7878/store or http://localhost:3030/ds/data; "
        "credentials come from KG_PUBLISH_USER and KG_PUBLISH_PASSWORD, else ~/.netrc (HTTP Basic or Digest)",
    )
    command.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for each graph (default 60)")
    command.add_argument(
        "--retries",
        type=int,
        default=3,
        help="how often to try a graph again after an HTTP 5xx or 429 or a dropped connection, waiting 1, 2, 4, … s "
        "(default 3)",
    )
    command.add_argument("--dry-run", action="store_true", help="list the graphs, their sizes and where they would go")
    command.add_argument(
        "--delete-missing",
        action="store_true",
        help="also delete the store's graphs of entities that no longer exist (listed first; needs --query-endpoint)",
    )
    command.add_argument(
        "--query-endpoint", help="the store's SPARQL query URL, e.g. http://localhost:7878/query (for --delete-missing)"
    )


ARGUMENTS = {
    "query": _query_arguments,
    "serve": _serve_arguments,
    "publish": _publish_arguments,
    "diff": _diff_arguments,
    "release": _release_arguments,
}


COMMANDS = {
    "check": (cmd_check, "validate ontology and content; report every problem as path:line:col"),
    "build": (cmd_build, "check, then write RDF dumps and the static site to build/"),
    "new": (cmd_new, "start content/<folder>/<id>.yaml for a new entity, every key of its class explained"),
    "schemas": (cmd_schemas, "write the editor JSON Schemas (one per class, from the ontology) to build/site/schemas/"),
    "preview": (cmd_preview, "build, serve the site at http://127.0.0.1:8000 and rebuild on every change (make serve)"),
    "synth": (cmd_synth, "write a synthetic project tree of N entities (for benchmarks)"),
    "query": (cmd_query, "run a SPARQL query over the graph (named graphs kept, default graph = their union)"),
    "serve": (cmd_serve, "serve a read-only SPARQL endpoint at http://HOST:PORT/query"),
    "publish": (cmd_publish, "load every named graph into a store speaking the SPARQL Graph Store Protocol"),
    "diff": (cmd_diff, "what changed in the graph between two versions (git revisions or dumps), per entity, in words"),
    "release": (cmd_release, "write VERSION into the ontology and the changelog entry, commit and tag vVERSION"),
}


def parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--root",
        type=Path,
        default=argparse.SUPPRESS,
        help="project tree to work on (ontology/, content/, site/, mkdocs.yml); default: this checkout",
    )
    top = argparse.ArgumentParser(
        prog="kg", description="Childhood leukaemia evidence knowledge graph", parents=[common]
    )
    sub = top.add_subparsers(dest="command", required=True)
    for name, (_, help_text) in COMMANDS.items():
        command = sub.add_parser(name, help=help_text, description=help_text, parents=[common])
        if name == "check":
            command.add_argument("--shacl", action="store_true", help="also validate with pyshacl (slower)")
        if name in ("check", "build"):
            command.add_argument(
                "--format",
                choices=sorted(PROBLEM_FORMATS),
                default="text",
                help="how problems are printed: text (path:line:col: message, the default) or "
                "github (::error annotations for GitHub Actions)",
            )
        if name == "build":
            command.add_argument("--out", type=Path, default=None, help="output folder (default: ROOT/build)")
            command.add_argument("--verbose", action="store_true", help="print the time of each stage")
            command.add_argument(
                "--full",
                action="store_true",
                help="rebuild everything (default: redo only what changed since the last build in the output folder)",
            )
            command.add_argument(
                "--jobs", type=int, default=None, help="languages MkDocs renders at once (default: one per core)"
            )
        if name == "preview":
            command.add_argument("--host", default="127.0.0.1", help="address to serve on (default 127.0.0.1)")
            command.add_argument(
                "--port", type=int, default=8000, help="port to serve on (default 8000; 0 picks a free one)"
            )
            command.add_argument("--out", type=Path, default=None, help="build folder (default: ROOT/build)")
        if name == "schemas":
            command.add_argument(
                "--out", type=Path, default=None, help="folder to write to (default: ROOT/build/site/schemas)"
            )
        if name == "new":
            command.add_argument(
                "cls", metavar="class", help="the class: a content folder (drugs) or class name (Drug)"
            )
            command.add_argument("id", help="the new id: lowercase letters, digits and single hyphens")
        if name in ARGUMENTS:
            ARGUMENTS[name](command)
        if name == "synth":
            command.add_argument("n", type=int, help="number of entities")
            command.add_argument("--out", type=Path, required=True, help="folder to write the tree to (replaced)")
    return top


def main(argv=None) -> int:
    args = parser().parse_args(argv)
    args.root = getattr(args, "root", DEFAULT_ROOT).resolve()
    try:
        return COMMANDS[args.command][0](args)
    finally:
        save_prefix_cache()  # what this run learnt from the Bioregistry, for the next run


if __name__ == "__main__":
    sys.exit(main())
