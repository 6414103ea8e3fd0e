"""Run SPARQL safely over the embedded Oxigraph store, and write its answers in the SPARQL results formats.

Safety: a query never reaches the network or the file system. Oxigraph follows SERVICE (checked: both the
embedded store and `oxigraph serve-read-only` send the inner pattern to the named host), so SERVICE is
refused before the engine sees the query; so are LOAD and every other update keyword. FROM / FROM NAMED
only pick graphs of the store (Oxigraph never fetches them). The embedded store has no timeout, so every
query runs in a forked worker that is killed when its time is up, and results stop at a row cap.
"""

from __future__ import annotations

import multiprocessing
import re

import pyoxigraph as ox

from ..model.query_result import QueryResult, tagged_text

__all__ = [
    "QueryError",
    "FORMATS",
    "REFUSED",
    "check_query",
    "keywords",
    "run_query",
    "format_result",
    "snapshot_text",
    "answer_saved",
]

DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_ROWS = 10_000

# --format name -> SPARQL results format (None: a readable text table)
FORMATS = {
    "table": None,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
}

# keyword -> why it is refused
REFUSED = {
    "SERVICE": "SERVICE is refused: a query here never reaches another endpoint or the network",
    **{
        word: f"{word} is refused: this is a read-only query service (SPARQL Update is not accepted)"
        for word in ("LOAD", "INSERT", "DELETE", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD")
    },
}


class QueryError(Exception):
    """A query could not be run; the message says why and, where known, at which line and column."""


# Tokens of the SPARQL grammar that can hide a keyword-looking word: comments, strings, IRIs, variables,
# prefixed names and blank node labels. Whatever is left that looks like a word is a keyword.
_TOKENS = re.compile(
    r'''
    (?P<comment>\#[^\n]*)
  | (?P<string>"""(?:[^"\\]|\\.|"(?!""))*(?:"""|$)|\'\'\'(?:[^'\\]|\\.|'(?!''))*(?:\'\'\'|$)
              |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][\w\u00B7-\U000EFFFF]+)
  | (?P<pname>[\w\u00B7-\U000EFFFF][\w.\-\u00B7-\U000EFFFF]*:[\w.\-:%\\\u00B7-\U000EFFFF]*|:[\w.\-:%\\\u00B7-\U000EFFFF]*)
  | (?P<word>[A-Za-z]+)
  | (?P<other>.)
''',
    re.X | re.S,
)
_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def _unescape_codepoints(text: str) -> str:
    """SPARQL lets \\uXXXX stand for a character anywhere in a query; read the query as the parser may."""

    def char(match):
        value = int(match.group(1) or match.group(2), 16)
        return chr(value) if value <= 0x10FFFF and not 0xD800 <= value <= 0xDFFF else "\ufffd"

    return _CODEPOINT.sub(char, text)


def keywords(text: str) -> set:
    """Upper-cased bare words of a query, read both with and without codepoint escapes (the stricter union)."""
    found = set()
    for variant in (text, _unescape_codepoints(text)):
        for match in _TOKENS.finditer(variant):
            if match.lastgroup == "word":
                found.add(match.group().upper())
    return found


def check_query(text: str) -> set:
    """Raise QueryError for a refused keyword; return the query's keywords otherwise."""
    found = keywords(text)
    for word, reason in REFUSED.items():
        if word in found:
            raise QueryError(reason)
    return found


def _syntax_message(error: Exception) -> str:
    message = str(error)
    found = re.match(r"error at (\d+):(\d+): (.*)", message, re.S)
    if found:
        line, col, what = found.groups()
        return f"syntax error at line {line}, column {col}: {_shorten_expected(what)}"
    return f"syntax error: {message}"


def _shorten_expected(what: str) -> str:
    """The parser lists every possible next token, character classes included; keep the readable ones."""
    what = what.strip()
    if not what.startswith("expected one of"):
        return what.splitlines()[0]
    listed = re.split(r",?\s*\[", what[len("expected one of") :].strip(), maxsplit=1)[0]
    items = [item.strip().strip('"') for item in listed.split(", ")]
    words = [item for item in items if re.fullmatch(r"[A-Za-z]+|[{}().*]", item)]
    shown = ", ".join(f"`{item}`" for item in words[:8])
    more = ", …" if len(words) > 8 or len(words) < len(items) or "[" in what else ""
    return f"expected one of {shown}{more}" if shown else "unexpected input here"


def _execute(store: ox.Store, text: str, max_rows: int, prefixes: dict) -> tuple:
    """Run the query in this process; return a picklable payload (terms as N-Triples text)."""
    found = check_query(text)
    union = "FROM" not in found  # with FROM / FROM NAMED the query picks its own graphs of the store
    try:
        answer = store.query(text, use_default_graph_as_union=union, prefixes=prefixes)
    except SyntaxError as error:
        raise QueryError(_syntax_message(error)) from None
    if isinstance(answer, ox.QueryBoolean):
        return ("ask", bool(answer))
    if isinstance(answer, ox.QuerySolutions):
        variables = [v.value for v in answer.variables]
        rows, truncated = [], False
        for solution in answer:
            if len(rows) == max_rows:
                truncated = True
                break
            rows.append([None if solution[v] is None else str(solution[v]) for v in variables])
        return ("select", variables, rows, truncated)
    triples, truncated = [], False
    for triple in answer:
        if len(triples) == max_rows:
            truncated = True
            break
        triples.append(triple)
    return ("graph", ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8"), truncated)


def _worker(store, text, max_rows, prefixes, connection) -> None:
    try:
        connection.send(("ok", _execute(store, text, max_rows, prefixes)))
    except QueryError as error:
        connection.send(("error", str(error)))
    except Exception as error:  # an engine failure is reported, not raised across the process boundary
        connection.send(("error", f"the query failed: {error}"))
    finally:
        connection.close()


def _to_result(payload) -> QueryResult:
    kind = payload[0]
    if kind == "ask":
        return QueryResult("ask", boolean=payload[1])
    if kind == "select":
        _, variables, rows, truncated = payload
        tsv = "\n".join(["\t".join("?" + v for v in variables)] + ["\t".join(c or "" for c in row) for row in rows])
        parsed = ox.parse_query_results(tsv + "\n", format=ox.QueryResultsFormat.TSV) if variables else []
        terms = [[solution[v] for v in variables] for solution in parsed] if variables else [[] for _ in rows]
        return QueryResult("select", variables, terms, truncated=truncated)
    _, ntriples, truncated = payload
    triples = sorted(
        ox.parse(ntriples.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES),
        key=lambda t: (str(t.subject), str(t.predicate), str(t.object)),
    )
    return QueryResult("graph", triples=triples, truncated=truncated)


def run_query(
    store: ox.Store,
    text: str,
    timeout: float = DEFAULT_TIMEOUT,
    max_rows: int = DEFAULT_MAX_ROWS,
    prefixes: dict | None = None,
) -> QueryResult:
    """Run one SPARQL query in a forked worker, killed after timeout seconds; at most max_rows rows."""
    check_query(text)
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    worker = context.Process(target=_worker, args=(store, text, max_rows, prefixes or {}, sender), daemon=True)
    worker.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise QueryError(
                f"the query ran longer than {timeout:g} s and was stopped; narrow it down or raise --timeout"
            )
        try:
            status, payload = receiver.recv()
        except EOFError:
            raise QueryError("the query worker stopped without an answer (out of memory?)") from None
    finally:
        if worker.is_alive():
            worker.kill()
        worker.join(5)
        receiver.close()
    if status == "error":
        raise QueryError(payload)
    return _to_result(payload)


# --- output --------------------------------------------------------------------------------------


def _table(variables: list, rows: list, prefixes: dict) -> str:
    cells = [[" ".join(tagged_text(t, prefixes).split()) for t in row] for row in rows]
    widths = [max([len(v)] + [len(row[i]) for row in cells]) for i, v in enumerate(variables)]
    line = "+" + "+".join("-" * (w + 2) for w in widths) + "+"

    def fmt(values):
        return "| " + " | ".join(value.ljust(width) for value, width in zip(values, widths, strict=True)) + " |"

    body = [line, fmt(variables), line] + [fmt(row) for row in cells] + [line]
    return "\n".join(body) + f"\n{len(rows)} row{'s' if len(rows) != 1 else ''}\n"


def _solutions(result: QueryResult):
    """The rows as a pyoxigraph result object, so the engine's own serialisers write every format."""
    if result.kind == "ask":
        return ox.parse_query_results(
            '{"head":{},"boolean":%s}' % ("true" if result.boolean else "false"), format=ox.QueryResultsFormat.JSON
        )
    header = "\t".join("?" + v for v in result.variables)
    lines = ["\t".join("" if t is None else str(t) for t in row) for row in result.rows]
    return ox.parse_query_results("\n".join([header] + lines) + "\n", format=ox.QueryResultsFormat.TSV)


def format_result(result: QueryResult, fmt: str, prefixes: dict) -> bytes:
    """The result in a --format: a table, a SPARQL results format, or Turtle for CONSTRUCT/DESCRIBE."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown format `{fmt}`; use one of: {', '.join(FORMATS)}")
    if result.kind == "graph":
        if fmt != "table":
            raise QueryError(f"CONSTRUCT and DESCRIBE print Turtle; --format {fmt} is for SELECT and ASK")
        return ox.serialize(result.triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes) or b""
    if fmt == "table":
        if result.kind == "ask":
            return b"yes\n" if result.boolean else b"no\n"
        return _table(result.variables, result.rows, prefixes).encode("utf-8")
    if result.kind == "select" and not result.variables:
        raise QueryError("the query selects no variables; nothing to write")
    return _solutions(result).serialize(format=FORMATS[fmt])


def snapshot_text(result: QueryResult) -> str:
    """The expected-result form of a SELECT result: SPARQL TSV, byte-stable."""
    if result.kind != "select":
        raise QueryError("competency questions are SELECT queries; their snapshots are TSV tables")
    return format_result(result, "tsv", {}).decode("utf-8")


def answer_saved(saved: list, store: ox.Store, max_rows: int = DEFAULT_MAX_ROWS) -> dict:
    """name -> QueryResult of every saved competency question (for their pages and the snapshots)."""
    return {query.name: run_query(store, query.text, max_rows=max_rows) for query in saved}
