"""Benchmark the build stage by stage on synthetic trees, against the floor of a bare MkDocs build.

Usage:  .venv/bin/python bench/bench_build.py [N ...] [--out bench/results/build.json] [--check-only]
Default sizes 1000 10000 20000. For each N: writes a synthetic tree (`kg synth`), times `kg check` as a
contributor runs it (a fresh process, median of 3), times each stage of a full build in a fresh process (load,
map, check; pages: one language in the build's process, each other in a forked one; render: MkDocs in one
process per language, side by side, the dumps meanwhile in a forked process) with the peak memory of its whole
process tree (Pss) and the cores it kept busy (CPU seconds of the tree over wall seconds), then edits one content file (a drug's English label, shown on the
pages that link to it) and times `kg build` again in a fresh process (interpreter start included), which redoes
only what changed. Last, the floor: a bare MkDocs build in a single process, with the project's own
mkdocs.yml, of the same Markdown pages as if they were hand-written (a copy of the docs tree the build wrote,
both languages, one after the other), out of the nav. Prints a table and the budget ratios; writes everything
to a JSON file that the site's performance page is generated from. Figures are measured, never asserted by
tests.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

STAGE_SCRIPT = r"""
import json, resource, sys, time
from pathlib import Path
from generator.build import build_project
from generator.model.timing import StageTimer
timer = StageTimer()
result = build_project(Path(sys.argv[1]), Path(sys.argv[2]), timer=timer)
assert not result.problems, result.problems[:5]
from generator.build.render import cores
print(json.dumps({"stages": timer.seconds, "own_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "pages": result.pages, "triples": result.triples, "full": result.full,
                  "render_processes": min(cores(), len(result.navs))}))
"""

CHECK_RUNS = 3  # `kg check` is timed as a contributor runs it (a fresh process); the median of these runs

FLOOR_SCRIPT = r"""
import json, resource, sys, time
from pathlib import Path
from generator.renderer.mkdocs_adapter import render_site
root, docs, site, lang = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]
nav = [("Home", "index.md")] + [(p.parent.name, f"{p.parent.name}/index.md") for p in sorted(docs.glob("*/index.md"))]
start = time.perf_counter()
render_site(root, docs, site, lang, nav)  # the project's own mkdocs.yml, theme and extensions; no generator
print(json.dumps({"seconds": time.perf_counter() - start, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _memory_kb(pid: int) -> int:
    """A process's proportional set size (Pss): its private memory plus its share of the pages it shares. A
    forked child shares the parent's pages until either writes to them, so summing resident sizes (VmRSS)
    would count those pages once per process; Pss counts each page once over the tree (Linux 4.14+; VmRSS
    where smaps_rollup is missing)."""
    for name, field in (("smaps_rollup", "Pss:"), ("status", "VmRSS:")):
        try:
            for line in Path(f"/proc/{pid}/{name}").read_text().splitlines():
                if line.startswith(field):
                    return int(line.split()[1])
        except OSError:
            continue
    return 0


def _tree_memory_kb(root_pid: int) -> int:
    """Memory of a process and all its descendants, from /proc (Linux): see _memory_kb."""
    children: dict = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    total, queue = 0, [root_pid]
    while queue:
        pid = queue.pop()
        queue.extend(children.get(pid, []))
        total += _memory_kb(pid)
    return total


def run_sampled(command: list) -> dict:
    """Run a command in a fresh process: its output, wall seconds, the peak memory of its whole process tree
    (sampled every 0.2 s: MkDocs renders and the pages are made in child processes, which a process's own
    maxrss does not see; Pss, so memory a forked child shares with its parent counts once) and
    the CPU seconds of the tree (children count once their parent has waited for them)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err, env=env, cwd=ROOT)
        peak_kb, deadline = 0, time.monotonic() + 3600
        while process.poll() is None and time.monotonic() < deadline:
            peak_kb = max(peak_kb, _tree_memory_kb(process.pid))
            time.sleep(0.2)
        if process.poll() is None:
            process.kill()
        process.wait()
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        out.seek(0), err.seek(0)
        if process.returncode:
            raise SystemExit(err.read().decode()[-3000:])
        text = out.read().decode()
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"stdout": text, "wall_s": wall, "tree_peak_mb": peak_kb / 1024, "cpu_s": cpu}


def run_json(script: str, *args: str) -> dict:
    """Run script in a fresh Python (see run_sampled); its JSON answer, with the tree's peak memory and CPU."""
    run = run_sampled([PYTHON, "-c", script, *args])
    answer = json.loads(run["stdout"].strip().splitlines()[-1])
    answer.update(tree_peak_mb=run["tree_peak_mb"], cpu_s=run["cpu_s"], wall_s=run["wall_s"])
    return answer


def edit_one_file(tree: Path) -> str:
    """Change the English label of the first drug (its page and every page that links to it show it)."""
    path = sorted((tree / "content" / "drugs").glob("*.yaml"))[0]
    text = path.read_text(encoding="utf-8")
    edited = re.sub(r"(?m)^(  en: )(.*)$", r"\g<1>\g<2> (edited)", text, count=1)
    assert edited != text
    path.write_text(edited, encoding="utf-8")
    return path.relative_to(tree).as_posix()


def time_rebuild(tree: Path, out: Path) -> dict:
    """Edit one content file, then `kg build` into the same folder in a fresh process, as a contributor runs it."""
    edited = edit_one_file(tree)
    run = run_sampled([PYTHON, "-m", "generator.cli", "--root", str(tree), "build", "--out", str(out)])
    found = re.search(r"\((\d+) rendered again", run["stdout"])
    return {
        "edited": edited,
        "seconds": run["wall_s"],
        "peak_mb": run["tree_peak_mb"],
        "rendered": int(found.group(1)) if found else None,  # None: the build was a full one
    }


def floor(tree: Path, docs_root: Path, work: Path) -> dict:
    """A bare MkDocs build, with the project's mkdocs.yml, of the same Markdown pages as if hand-written
    (a copy of the docs tree the build wrote), per language, summed."""
    total, peak = 0.0, 0.0
    for lang_docs in sorted(p for p in docs_root.iterdir() if p.is_dir()):
        plain = work / f"floor-docs-{lang_docs.name}"
        shutil.copytree(lang_docs, plain)
        measured = run_json(
            FLOOR_SCRIPT, str(tree), str(plain), str(work / f"floor-site-{lang_docs.name}"), lang_docs.name
        )
        total += measured["seconds"]
        peak = max(peak, measured["peak_mb"])
    return {"seconds": total, "peak_mb": peak}


def largest_page_kb(site: Path) -> float:
    """The largest entity page (or page of a long list), <folder>/<id>/index.html, of any language (another
    language's site is a folder with its own search index)."""
    others = [d for d in site.iterdir() if (d / "search" / "search_index.json").is_file()]
    pages = [p for p in site.glob("*/*/index.html") if not any(p.is_relative_to(d) for d in others)]
    pages += [p for d in others for p in d.glob("*/*/index.html")]
    sizes = [p.stat().st_size for p in pages]
    return max(sizes) / 1024 if sizes else 0.0


def search_index_mb(site: Path) -> float:
    index = site / "search" / "search_index.json"
    return index.stat().st_size / 1e6 if index.is_file() else 0.0


def time_check(tree: Path) -> float:
    """Wall-clock seconds of `kg --root TREE check`, interpreter start included (median of CHECK_RUNS)."""
    times = []
    for _ in range(CHECK_RUNS):
        start = time.perf_counter()
        subprocess.run(
            [PYTHON, "-m", "generator.cli", "--root", str(tree), "check"], check=True, cwd=ROOT, capture_output=True
        )
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


def bench_size(n: int, work: Path) -> dict:
    tree, out = work / f"tree-{n}", work / f"out-{n}"
    subprocess.run(
        [PYTHON, "-m", "generator.cli", "synth", str(n), "--out", str(tree)], check=True, cwd=ROOT, capture_output=True
    )
    check = {"check_s": time_check(tree)}
    build = run_json(STAGE_SCRIPT, str(tree), str(out))
    total = sum(build["stages"].values())
    assert build["full"]
    base = floor(tree, out / "docs", work / f"floor-{n}")
    rebuild = time_rebuild(tree, out)
    row = {
        "n": n,
        "check_s": check["check_s"],
        "stages_s": build["stages"],
        "build_s": build["wall_s"],  # the whole `kg build` process: every stage, saving its state, the swap
        "stages_total_s": total,
        "build_peak_mb": build["tree_peak_mb"],
        "own_peak_mb": build["own_peak_mb"],
        "render_processes": build["render_processes"],
        "cores_busy": build["cpu_s"] / build["wall_s"],
        "pages": build["pages"],
        "triples": build["triples"],
        "floor_s": base["seconds"],
        "floor_peak_mb": base["peak_mb"],
        "ratio_to_floor": build["wall_s"] / base["seconds"],
        "rebuild_s": rebuild["seconds"],
        "rebuild_peak_mb": rebuild["peak_mb"],
        "rebuild_rendered": rebuild["rendered"],
        "rebuild_edited": rebuild["edited"],
        "rebuild_over_build": rebuild["seconds"] / build["wall_s"],
        "largest_page_kb": largest_page_kb(out / "site"),
        "search_index_mb": search_index_mb(out / "site"),
    }
    shutil.rmtree(tree), shutil.rmtree(out)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000, 20000])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "build.json")
    parser.add_argument(
        "--check-only",
        action="store_true",
        help="time only `kg check` for the given sizes and update those figures in --out",
    )
    args = parser.parse_args()
    if args.check_only:
        return recheck(args.sizes, args.out)
    rows = []
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        for n in args.sizes:
            row = bench_size(n, Path(tmp))
            rows.append(row)
            stages = "  ".join(f"{k} {v:.2f}s" for k, v in row["stages_s"].items())
            print(
                f"N={n:>6}: build {row['build_s']:.1f}s (floor {row['floor_s']:.1f}s, ratio {row['ratio_to_floor']:.2f}), "
                f"{row['render_processes']} render processes, {row['cores_busy']:.2f} cores busy, "
                f"peak {row['build_peak_mb']:.0f} MB, rebuild after one edit {row['rebuild_s']:.1f}s "
                f"({row['rebuild_rendered']} pages rendered, {row['rebuild_over_build']:.3f} of the build), "
                f"check {row['check_s']:.2f}s, largest page {row['largest_page_kb']:.1f} KB, "
                f"search index {row['search_index_mb']:.1f} MB\n          {stages}",
                flush=True,
            )
    write_results(rows, args.out)


def recheck(sizes: list, out: Path) -> None:
    """Time `kg check` again (after a change to the check alone) and update the figures in an earlier run's file."""
    results = json.loads(out.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        for row in results["rows"]:
            if row["n"] in sizes:
                tree = Path(tmp) / f"tree-{row['n']}"
                subprocess.run(
                    [PYTHON, "-m", "generator.cli", "synth", str(row["n"]), "--out", str(tree)],
                    check=True,
                    cwd=ROOT,
                    capture_output=True,
                )
                row["check_s"] = time_check(tree)
                row["check_remeasured"] = True
                print(f"N={row['n']:>6}: check {row['check_s']:.2f}s (median of {CHECK_RUNS})", flush=True)
    write_results(results["rows"], out)


def write_results(rows: list, out: Path) -> None:
    """Work out the budgets, print them and write everything to out."""
    by_n = {row["n"]: row for row in rows}
    budgets = {}
    if 10000 in by_n:
        budgets["build_10k_over_floor"] = {"value": by_n[10000]["ratio_to_floor"], "limit": 0.65}
        budgets["check_10k_seconds"] = {"value": by_n[10000]["check_s"], "limit": 5.0}
        if "rebuild_over_build" in by_n[10000]:
            budgets["rebuild_10k_over_build"] = {"value": by_n[10000]["rebuild_over_build"], "limit": 0.10}
    if 10000 in by_n and 20000 in by_n:
        budgets["build_20k_over_10k"] = {"value": by_n[20000]["build_s"] / by_n[10000]["build_s"], "limit": 2.1}
        budgets["peak_memory_20k_mb"] = {"value": by_n[20000]["build_peak_mb"], "limit": 2048}
    budgets["largest_page_kb"] = {"value": max(r["largest_page_kb"] for r in rows), "limit": 60}
    for name, budget in budgets.items():
        verdict = "ok" if budget["value"] <= budget["limit"] else "OVER"
        print(f"budget {name}: {budget['value']:.2f} (limit {budget['limit']}) {verdict}")
    out.parent.mkdir(parents=True, exist_ok=True)
    machine = {"cores": os.cpu_count(), "python": platform.python_version(), "system": platform.platform()}
    out.write_text(json.dumps({"machine": machine, "rows": rows, "budgets": budgets}, indent=2, sort_keys=True) + "\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
