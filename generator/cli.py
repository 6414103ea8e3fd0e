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

    checked = check_project(args.root)
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


COMMANDS = {
    "check": (cmd_check, "validate ontology and content; report every problem as path:line:col"),
    "build": (cmd_build, "check, then write RDF dumps and the static site to build/"),
}


def parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--root", type=Path, default=argparse.SUPPRESS,
                        help="project tree to work on (ontology/, content/, site/, mkdocs.yml); default: this checkout")
    top = argparse.ArgumentParser(prog="kg", description="Childhood leukaemia evidence knowledge graph", parents=[common])
    sub = top.add_subparsers(dest="command", required=True)
    for name, (_, help_text) in COMMANDS.items():
        command = sub.add_parser(name, help=help_text, description=help_text, parents=[common])
        if name == "build":
            command.add_argument("--out", type=Path, default=None, help="output folder (default: ROOT/build)")
    return top


def main(argv=None) -> int:
    args = parser().parse_args(argv)
    args.root = getattr(args, "root", DEFAULT_ROOT).resolve()
    return COMMANDS[args.command][0](args)


if __name__ == "__main__":
    sys.exit(main())
