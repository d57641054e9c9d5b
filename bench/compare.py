"""Before → after, in one run: the issue-10 speed targets for two trees of fiscal-lint side by side.

    .venv/bin/python bench/compare.py BEFORE_TREE [--repeats 3] [--pages 500] [--all]

BEFORE_TREE is another checkout (e.g. `git archive <commit> | tar -x -C /tmp/before`); the tree this
script lives in is "after". Each measurement is a fresh process: bare pdfplumber (text + tables of
every page, as `bench.py --worker plumber`), each tree's `check --format json` command, and each tree's in-process
`lint_file` after a warm-up on the seed PDF (that tree's own modules, no in-process read deadline). Runs are
interleaved (plumber, before, after, plumber, …) so a load spike hits all three alike.

Two numbers per ratio: wall-clock and CPU (user + system of the process and its workers, from
wait4). The machine these runs are made on is shared (load 5–12 on 2 cores): wall ratios move with the
load of the moment, CPU ratios much less, so both are given. Peak RSS is the command's (its worker
included). Both trees' modules are byte-compiled first and the runs see no PYTHONDONTWRITEBYTECODE, as
after a pip install (without .pyc files every start-up recompiles ~80 modules, ~0.3 s).
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from bench import CORPUS_PDF, SEED_PDF, SHARED_CORPUS, concat_pdf  # noqa: E402

ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


@dataclass
class Run:
    wall: float
    cpu: float
    rss_mb: float
    out: str


def run(cmd: list[str], cwd: Path) -> Run:
    """One process: wall time, CPU of it and its reaped children, peak RSS (largest of the tree)."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out = p.stdout.read().decode("utf-8", "replace") if p.stdout else ""
    _, _status, ru = os.wait4(p.pid, 0)
    p.returncode = 0
    wall = time.perf_counter() - t0
    return Run(wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024, out)


def command(tree: Path, pdf: Path) -> list[str]:
    code = (
        f"import sys; sys.path.insert(0, {str(tree)!r}); sys.argv[0] = 'fiscal-lint'; "
        "from lint.entry import main; main()"
    )
    return [sys.executable, "-c", code, "check", "--format", "json", str(pdf)]


PLUMBER = """
import pdfplumber
def run(path):
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.extract_tables()
            page.close()
"""

LINT = """
import sys
sys.path.insert(0, TREE)
from lint.catalog import load_catalog
from lint.engine import Options, lint_file
from lint.readers import ReadOptions
catalog = load_catalog()
def run(path):
    r = lint_file(path, catalog, Options(read=ReadOptions(timeout=0)))
    assert r.status == "ok", r.error
"""

TIMED = """
import json, sys, time
run(sys.argv[2])  # the warm-up: imports, caches, compiled patterns
t, c = time.perf_counter(), time.process_time()
run(sys.argv[1])
print(json.dumps({"wall": time.perf_counter() - t, "cpu": time.process_time() - c}))
"""


def in_process(tree: Path | None, pdf: Path) -> tuple[float, float]:
    """(wall, CPU) of one lint_file (tree) or one bare pdfplumber pass (None) in a fresh process,
    after a warm-up on the seed PDF; CPU counts every thread (the reader runs in one)."""
    body = PLUMBER if tree is None else LINT.replace("TREE", repr(str(tree)))
    r = run([sys.executable, "-c", body + TIMED, str(pdf), str(SEED_PDF)], tree or ROOT)
    got = json.loads(r.out.strip().splitlines()[-1])
    return float(got["wall"]), float(got["cpu"])


def bare_plumber(pdf: Path) -> list[str]:
    """The bare pdfplumber command: an interpreter that imports pdfplumber and reads text + tables."""
    return [sys.executable, "-c", PLUMBER + "import sys\nrun(sys.argv[1])", str(pdf)]


def findings(r: Run) -> str:
    """The findings of a `check --format json` run, without the tool's version block."""
    try:
        data = json.loads(r.out)
    except ValueError:
        return r.out
    return json.dumps([f.get("findings") for f in data.get("files", [])], ensure_ascii=False, sort_keys=True)


def compare(before: Path, pdf: Path, repeats: int) -> dict[str, float | str]:
    plumb: list[Run] = []
    cmds: dict[str, list[Run]] = {"before": [], "after": []}
    procs: dict[str, list[tuple[float, float]]] = {"before": [], "after": [], "plumber": []}
    for _ in range(repeats):
        plumb.append(run(bare_plumber(pdf), ROOT))
        for name, tree in (("before", before), ("after", ROOT)):
            cmds[name].append(run(command(tree, pdf), tree))
        procs["plumber"].append(in_process(None, pdf))
        for name, tree in (("before", before), ("after", ROOT)):
            procs[name].append(in_process(tree, pdf))
    same = findings(cmds["before"][0]) == findings(cmds["after"][0])
    out: dict[str, float | str] = {"same findings": "yes" if same else "NO"}
    pw = statistics.median(r.wall for r in plumb)
    pc = statistics.median(r.cpu for r in plumb)
    ppw = statistics.median(w for w, _ in procs["plumber"])
    ppc = statistics.median(c for _, c in procs["plumber"])
    for name in ("before", "after"):
        out[f"command wall {name}"] = statistics.median(r.wall for r in cmds[name]) / pw
        out[f"command cpu {name}"] = statistics.median(r.cpu for r in cmds[name]) / pc
        out[f"in-process wall {name}"] = statistics.median(w for w, _ in procs[name]) / ppw
        out[f"in-process cpu {name}"] = statistics.median(c for _, c in procs[name]) / ppc
        out[f"rss {name}"] = max(r.rss_mb for r in cmds[name])
    out["plumber rss"] = max(r.rss_mb for r in plumb)
    out["plumber wall s"] = pw
    out["plumber cpu s"] = pc
    return out


def version_time(tree: Path, repeats: int) -> float:
    code = (
        f"import sys; sys.path.insert(0, {str(tree)!r}); sys.argv = ['fiscal-lint', '--version']; "
        "from lint.entry import main; main()"
    )
    return statistics.median(run([sys.executable, "-c", code], tree).wall for _ in range(repeats))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("before", type=Path)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--pages", type=int, default=500, help="the long build (0: skip)")
    ap.add_argument("--all", action="store_true", help="every corpus PDF, not only the 25-page one")
    ap.add_argument("--long-only", action="store_true", help="only the long build")
    args = ap.parse_args()
    before = args.before.resolve()
    for tree in (before, ROOT):
        compileall.compile_dir(str(tree / "lint"), quiet=1)
    print(f"# load average at start: {os.getloadavg()[0]:.1f}", flush=True)
    if not args.long_only:
        print(f"--version wall: before {version_time(before, 7):.3f} s, after {version_time(ROOT, 7):.3f} s")
    pdfs = sorted(SHARED_CORPUS.glob("*/*.pdf")) if args.all else [CORPUS_PDF]
    if args.long_only:
        pdfs = []
    rows: list[tuple[str, dict[str, float | str]]] = []
    for pdf in pdfs:
        rows.append((pdf.name, compare(before, pdf, args.repeats)))
        print(pdf.name, json.dumps(rows[-1][1], ensure_ascii=False), flush=True)
    if args.pages:
        with tempfile.TemporaryDirectory() as tmp:
            long_pdf = Path(tmp) / f"corpus-{args.pages}p.pdf"
            concat_pdf(sorted(SHARED_CORPUS.glob("*/*.pdf")), args.pages, long_pdf)
            rows.append((long_pdf.name, compare(before, long_pdf, 1)))
            print(long_pdf.name, json.dumps(rows[-1][1], ensure_ascii=False), flush=True)
    print(f"# load average at end: {os.getloadavg()[0]:.1f}")
    print(
        "\n| input | command wall | command CPU | in-process wall | in-process CPU | peak RSS MB | same findings |"
    )
    print("|---|---|---|---|---|---|---|")
    for name, r in rows:

        def pair(key: str, r: dict[str, float | str] = r) -> str:
            return f"{float(r[key + ' before']):.2f}× → {float(r[key + ' after']):.2f}×"

        rss = f"{float(r['rss before']):.0f} → {float(r['rss after']):.0f}"
        print(
            f"| {name} | {pair('command wall')} | {pair('command cpu')} | {pair('in-process wall')} | {pair('in-process cpu')} | {rss} | {r['same findings']} |"
        )


if __name__ == "__main__":
    main()
