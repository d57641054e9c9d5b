"""fiscal-lint benchmarks (SPEC §9): engine overhead on PDFs, peak memory, text throughput, scaling, batch.

Run from the repository root:

    .venv/bin/python bench/bench.py            # full run (medians of several repeats)
    .venv/bin/python bench/bench.py --quick    # smoke run (one repeat each)
    .venv/bin/python bench/bench.py --profile  # also cProfile the text and PDF paths
    .venv/bin/python bench/bench.py --readers  # section 6 only: both PDF readers, 25/100/500 pages

Every measurement runs in a fresh subprocess of this script (`--worker`), so imports, caches and peak RSS
of one measurement never leak into another. Results are printed as one table and written as Markdown to
bench/RESULTS.md. Nothing here asserts on time: these are measurements, not tests.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import importlib.util
import json
import os
import platform
import re
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEED_TXT = ROOT / "fixtures" / "seed" / "report-2024.txt"
SEED_PDF = ROOT / "fixtures" / "pdf" / "seed-2024.pdf"
TABLE_PDF = ROOT / "fixtures" / "pdf" / "table-juesuan.pdf"
PDF_FIXTURES = ROOT / "fixtures" / "make_pdf_fixtures.py"
CORPUS_PDF = Path("/work/shared/corpus/shanghai-putuo/caizhengju-2024-juesuan.pdf")
RESULTS = ROOT / "bench" / "RESULTS.md"
TIME_BIN = Path("/usr/bin/time")

TITLE_LINES = 8  # the seed's title block (title, 单位名称, date) before "一、部门（单位）基本情况"
HEADING = re.compile(r"^([一二三四五六七八九十百千]+)、")
BIG_TEXT_BYTES = 5_000_000
LONG_PDF_COPIES = 20  # the seed PDF is 5 pages: ×20 ≈ 100 pages
BATCH_TEXTS = 40
PDF_TARGET_RATIO = 1.2
RSS_TARGET_MB = 300.0

# ---------------------------------------------------------------------------------------------------------
# Inputs


def cn_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 11 → 十一, 105 → 一百零五, 4000 → 四千 (1 ≤ n ≤ 9999)."""
    if not 1 <= n <= 9999:
        raise ValueError(n)
    digits = "零一二三四五六七八九"
    units = ("", "十", "百", "千")
    out = ""
    pending_zero = False
    for pos in range(3, -1, -1):
        d = (n // 10**pos) % 10
        if d == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out += "零"
            pending_zero = False
        out += digits[d] + units[pos]
    return out[1:] if out.startswith("一十") else out


def repeat_seed(copies: int) -> str:
    """The seed's title block once, then its body `copies` times with the top-level headings numbered on
    (一、…十、, 十一、…二十、, …), so the outline stays a plausible single report rather than restarting."""
    lines = SEED_TXT.read_text(encoding="utf-8").splitlines()
    head, body = lines[:TITLE_LINES], lines[TITLE_LINES:]
    out = list(head)
    k = 0
    for _ in range(copies):
        for line in body:
            m = HEADING.match(line)
            if m:
                k += 1
                line = cn_numeral(k) + "、" + line[m.end() :]
            out.append(line)
    return "\n".join(out) + "\n"


def copies_for(nbytes: int) -> int:
    body = "\n".join(SEED_TXT.read_text(encoding="utf-8").splitlines()[TITLE_LINES:]) + "\n"
    return max(1, round(nbytes / len(body.encode("utf-8"))))


def _fixtures_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_pdf_fixtures", PDF_FIXTURES)
    if spec is None or spec.loader is None:
        raise RuntimeError(f"cannot import {PDF_FIXTURES}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def make_long_pdf(path: Path, copies: int) -> None:
    """The seed ×copies, rendered exactly as fixtures/make_pdf_fixtures.py renders the seed PDF."""
    fx: Any = _fixtures_module()
    doc = fx.SimpleDocTemplate(
        str(path), pagesize=fx.A4, topMargin=72, bottomMargin=72, leftMargin=72, rightMargin=72
    )
    doc.build(fx.seed_story(repeat_seed(copies)), onFirstPage=fx._furniture, onLaterPages=fx._furniture)


# ---------------------------------------------------------------------------------------------------------
# Worker (runs in a fresh interpreter): one kind of work on one file, timed in-process after a warm-up


def _plumber(path: str) -> dict[str, Any]:
    """pdfplumber's own text + table extraction, each page closed (as the reader does)."""
    import pdfplumber

    n = 0
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.extract_tables()
            page.close()
            n += 1
    return {"pages": n, "status": "ok"}


SHARED_CORPUS = ROOT.parent / "shared" / "corpus"


def _pdfium_text(path: str) -> dict[str, Any]:
    """pypdfium2's page text alone: the floor of any PDF reader."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(path)
    n = len(doc)
    for i in range(n):
        page = doc[i]
        tp = page.get_textpage()
        tp.get_text_range()
        tp.close()
        page.close()
    doc.close()
    return {"pages": n, "status": "ok"}


def concat_pdf(sources: list[Path], pages: int, out: Path) -> None:
    """A long report: corpus pages imported in turn into one new document (pypdfium2)."""
    import pypdfium2 as pdfium

    dest = pdfium.PdfDocument.new()
    srcs = [pdfium.PdfDocument(str(p)) for p in sources]
    k = 0
    while len(dest) < pages:
        src = srcs[k % len(srcs)]
        take = min(len(src), pages - len(dest))
        dest.import_pages(src, list(range(take)))
        k += 1
    dest.save(str(out))


def _worker(mode: str, path: str, warmup: str | None, repeats: int) -> None:
    run: Callable[[str], dict[str, Any]]
    if mode == "plumber":
        run = _plumber
    elif mode == "pdfium-text":
        run = _pdfium_text
    elif mode in ("lint", "read", "lint-pdfium", "lint-pdfplumber"):
        sys.path.insert(0, str(ROOT))
        from lint.catalog import load_catalog
        from lint.engine import Options, lint_file
        from lint.readers import ReadOptions, read

        catalog = load_catalog()  # once per `fiscal-lint check` invocation: outside the timed region
        opts = Options()  # "lint", "read": the default reader (pdfium)
        if mode in ("lint-pdfium", "lint-pdfplumber"):
            opts = Options(read=ReadOptions(reader=mode.removeprefix("lint-")))

        def run(p: str) -> dict[str, Any]:
            if mode == "read":
                doc = read(p, opts.read)
                return {"status": "ok", "chars": len(doc.text)}
            r = lint_file(p, catalog, opts)
            return {"status": r.status, "error": r.error, "findings": len(r.findings)}
    elif mode == "idle":  # interpreter + imports only: the RSS floor

        def run(p: str) -> dict[str, Any]:
            import pdfplumber  # noqa: F401

            sys.path.insert(0, str(ROOT))
            import lint.engine  # noqa: F401

            return {"status": "ok"}
    else:
        raise SystemExit(f"unknown worker mode {mode!r}")
    if warmup:
        run(warmup)
    times: list[float] = []
    info: dict[str, Any] = {}
    for _ in range(repeats):
        t0 = time.perf_counter()
        info = run(path)
        times.append(time.perf_counter() - t0)
    maxrss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"times": times, "maxrss_kb": maxrss_kb, **info}, ensure_ascii=False))


# ---------------------------------------------------------------------------------------------------------
# Driver


@dataclass
class Sample:
    times: list[float]
    info: dict[str, Any]
    peak_mb: float | None = None
    peak_source: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.times)


def spawn(mode: str, path: Path, *, warmup: Path | None, repeats: int, measure_rss: bool = False) -> Sample:
    cmd = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--worker",
        mode,
        str(path),
        "--repeats",
        str(repeats),
    ]
    if warmup is not None:
        cmd += ["--warmup", str(warmup)]
    use_time = measure_rss and TIME_BIN.exists()
    if use_time:
        cmd = [str(TIME_BIN), "-v", *cmd]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"worker failed ({proc.returncode}): {shlex.join(cmd)}\n{proc.stderr[-2000:]}")
    info = json.loads(proc.stdout.strip().splitlines()[-1])
    sample = Sample(times=info.pop("times"), info=info)
    if measure_rss:
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr) if use_time else None
        if m:
            sample.peak_mb, sample.peak_source = int(m.group(1)) / 1024, "/usr/bin/time -v"
        else:
            sample.peak_mb, sample.peak_source = info["maxrss_kb"] / 1024, "getrusage (worker)"
    return sample


def peak_rss(mode: str, path: Path, runs: int) -> Sample:
    """Peak RSS of a fresh process doing one run; the median over `runs` fresh processes."""
    samples = [spawn(mode, path, warmup=None, repeats=1, measure_rss=True) for _ in range(runs)]
    peaks = [s.peak_mb for s in samples if s.peak_mb is not None]
    best = samples[0]
    best.peak_mb = statistics.median(peaks)
    return best


def wall(cmd: list[str]) -> tuple[float, int]:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT, check=False)
    return time.perf_counter() - t0, proc.returncode


@dataclass
class Row:
    bench: str
    input: str
    metric: str
    value: str
    note: str = ""


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)

    def add(self, bench: str, input_: str, metric: str, value: str, note: str = "") -> None:
        self.rows.append(Row(bench, input_, metric, value, note))
        print(f"  {bench} | {input_} | {metric} | {value} | {note}", flush=True)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def bench_pdf(rep: Report, pdf: Path, label: str, repeats: int) -> None:
    warm = SEED_PDF
    plumb = spawn("plumber", pdf, warmup=warm, repeats=repeats)
    read = spawn("read", pdf, warmup=warm, repeats=repeats)
    lint = spawn("lint", pdf, warmup=warm, repeats=repeats)
    pages = int(plumb.info["pages"])
    note = (
        ""
        if lint.info.get("status") == "ok"
        else f"lint status {lint.info.get('status')}: {lint.info.get('error')}"
    )
    rep.add(
        "1 PDF overhead",
        f"{label} ({pages} p)",
        "pdfplumber text+tables",
        f"{_ms(plumb.median / pages)}/page",
    )
    rep.add(
        "1 PDF overhead", f"{label} ({pages} p)", "reader only (read_pdf)", f"{_ms(read.median / pages)}/page"
    )
    rep.add(
        "1 PDF overhead",
        f"{label} ({pages} p)",
        "check (lint_file)",
        f"{_ms(lint.median / pages)}/page",
        note,
    )
    ratio = lint.median / plumb.median
    verdict = "meets" if ratio <= PDF_TARGET_RATIO else "misses"
    rep.add(
        "1 PDF overhead",
        f"{label} ({pages} p)",
        "check / pdfplumber",
        f"{ratio:.2f}×",
        f"target ≤ {PDF_TARGET_RATIO}× ({verdict}); reader alone {read.median / plumb.median:.2f}×",
    )


def pdfminer_pages(pdf: Path) -> list[int]:
    """The pages the pdfium reader hands to pdfminer (1-based), or [0] if pdfplumber reads it all."""
    sys.path.insert(0, str(ROOT))
    from lint.readers import pdf_pdfium

    try:
        doc = pdf_pdfium.open_document(str(pdf), None)
    except pdf_pdfium.Fallback:
        return [0]
    try:
        pages = pdf_pdfium.settle(list(pdf_pdfium.iter_pages(doc, lambda: None)))
    finally:
        doc.close()
    return [i + 1 for i, pg in enumerate(pages) if isinstance(pg, pdf_pdfium.Fallback)]


def bench_readers(rep: Report, pdf: Path, label: str, repeats: int) -> None:
    """Both readers side by side with bare pdfplumber and pypdfium2 text: in-process and as commands."""
    warm = SEED_PDF
    plumb = spawn("plumber", pdf, warmup=warm, repeats=repeats)
    floor = spawn("pdfium-text", pdf, warmup=warm, repeats=repeats)
    ref = spawn("lint-pdfplumber", pdf, warmup=warm, repeats=repeats)
    fast = spawn("lint-pdfium", pdf, warmup=warm, repeats=repeats)
    pages = int(plumb.info["pages"])
    where = f"{label} ({pages} p)"
    miner = pdfminer_pages(pdf)
    rep.add(
        "6 readers in-process",
        where,
        "pages pdfium hands to pdfminer",
        "all" if miner == [0] else str(len(miner)),
        ", ".join(map(str, miner[:8])) + (" …" if len(miner) > 8 else ""),
    )
    rep.add("6 readers in-process", where, "bare pdfplumber", f"{_ms(plumb.median / pages)}/page")
    for name, s in (
        ("pypdfium2 text", floor),
        ("check --reader pdfplumber", ref),
        ("check --reader pdfium", fast),
    ):
        rep.add("6 readers in-process", where, f"{name} / pdfplumber", f"{s.median / plumb.median:.3f}×")
    exe = str(Path(sys.executable).with_name("fiscal-lint"))
    bare = [sys.executable, str(Path(__file__).resolve()), "--worker", "plumber", str(pdf)]
    cmds = {
        "pdfplumber": bare,
        "pypdfium2 text": [
            sys.executable,
            str(Path(__file__).resolve()),
            "--worker",
            "pdfium-text",
            str(pdf),
        ],
        "check --reader pdfplumber": [exe, "check", "--format", "json", "--reader", "pdfplumber", str(pdf)],
        "check --reader pdfium": [exe, "check", "--format", "json", "--reader", "pdfium", str(pdf)],
    }
    times: dict[str, list[float]] = {k: [] for k in cmds}
    for _ in range(repeats):
        for k, c in cmds.items():
            times[k].append(wall(c)[0])
    base = statistics.median(times["pdfplumber"])
    for k in list(cmds)[1:]:
        rep.add(
            "6 readers as commands", where, f"{k} / pdfplumber", f"{statistics.median(times[k]) / base:.3f}×"
        )


def bench_memory(rep: Report, pdf: Path, pages: str, runs: int) -> None:
    idle = peak_rss("idle", pdf, runs)
    plumb = peak_rss("plumber", pdf, runs)
    lint = peak_rss("lint", pdf, runs)
    assert idle.peak_mb is not None and plumb.peak_mb is not None and lint.peak_mb is not None
    src = lint.peak_source
    rep.add("2 peak RSS", "imports only", "python + pdfplumber + lint", f"{idle.peak_mb:.1f} MB", src)
    rep.add("2 peak RSS", f"long PDF ({pages})", "pdfplumber text+tables", f"{plumb.peak_mb:.1f} MB", src)
    verdict = "meets" if lint.peak_mb < RSS_TARGET_MB else "misses"
    rep.add(
        "2 peak RSS",
        f"long PDF ({pages})",
        "check (lint_file)",
        f"{lint.peak_mb:.1f} MB",
        f"target < {RSS_TARGET_MB:.0f} MB ({verdict}); {lint.peak_mb / plumb.peak_mb:.2f}× pdfplumber",
    )


def bench_text(rep: Report, tmp: Path, repeats: int) -> None:
    copies = copies_for(BIG_TEXT_BYTES)
    big = tmp / f"seed-x{copies}.txt"
    big.write_text(repeat_seed(copies), encoding="utf-8")
    size = big.stat().st_size
    s = spawn("lint", big, warmup=SEED_TXT, repeats=repeats)
    rep.add(
        "3 text throughput",
        f"seed ×{copies} ({size / 1e6:.2f} MB)",
        "check (lint_file)",
        f"{size / 1e6 / s.median:.3f} MB/s",
        f"{s.median:.2f} s per run; status {s.info.get('status')}",
    )


def bench_scaling(rep: Report, tmp: Path, repeats: int) -> None:
    per_copy: dict[int, float] = {}
    for n in (10, 100):
        p = tmp / f"seed-x{n}.txt"
        p.write_text(repeat_seed(n), encoding="utf-8")
        s = spawn("lint", p, warmup=SEED_TXT, repeats=repeats)
        per_copy[n] = s.median / n
        rep.add(
            "4 scaling",
            f"seed ×{n} ({p.stat().st_size / 1e6:.2f} MB)",
            "check, time per copy",
            _ms(per_copy[n]),
            f"{s.median:.2f} s total",
        )
    ratio = per_copy[100] / per_copy[10]
    rep.add(
        "4 scaling",
        "×100 vs ×10",
        "per-copy time ratio",
        f"{ratio:.2f}",
        "linear ≈ 1.0; " + ("linear" if ratio < 1.3 else "SUPER-LINEAR"),
    )


def bench_batch(rep: Report, tmp: Path, repeats: int) -> None:
    d = tmp / "batch"
    d.mkdir()
    for i in range(BATCH_TEXTS):
        shutil.copyfile(SEED_TXT, d / f"report-{i:02d}.txt")
    pdfs = [SEED_PDF, SEED_PDF, SEED_PDF, TABLE_PDF]
    for i, src in enumerate(pdfs):
        shutil.copyfile(src, d / f"report-{i:02d}-{src.name}")
    exe = Path(sys.executable).parent / "fiscal-lint"
    times: dict[int, list[float]] = {1: [], 2: []}
    codes: set[int] = set()
    for _ in range(repeats):  # interleaved so drift in machine load hits both alike
        for jobs in (1, 2):
            t, rc = wall([str(exe), "check", "--format", "json", "--jobs", str(jobs), str(d)])
            times[jobs].append(t)
            codes.add(rc)
    label = f"{BATCH_TEXTS} txt + {len(pdfs)} pdf"
    parallel = cpu_parallelism(repeats)
    exit_note = f"exit codes {sorted(codes)}" + (" (2 = a file errored)" if 2 in codes else "")
    j1, j2 = statistics.median(times[1]), statistics.median(times[2])
    rep.add("5 batch", label, "check --jobs 1 (wall)", f"{j1:.2f} s", exit_note)
    rep.add("5 batch", label, "check --jobs 2 (wall)", f"{j2:.2f} s")
    rep.add("5 batch", label, "speed-up --jobs 2", f"{j1 / j2:.2f}×", f"{os.cpu_count()} logical CPUs")
    rep.add(
        "5 batch",
        "machine calibration",
        "2 busy processes vs 1",
        f"{parallel:.2f}×",
        "throughput of 2 concurrent CPU-bound pure-Python processes; the ceiling for --jobs 2",
    )


def cpu_parallelism(repeats: int) -> float:
    """How much CPU-bound throughput two concurrent processes get over one on this machine (2.0 = ideal)."""
    busy = [sys.executable, "-c", "sum(range(40_000_000))"]
    one: list[float] = []
    two: list[float] = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        subprocess.run(busy, check=True)
        one.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        procs = [subprocess.Popen(busy) for _ in range(2)]
        for p in procs:
            p.wait()
        two.append(time.perf_counter() - t0)
    return 2 * statistics.median(one) / statistics.median(two)


# ---------------------------------------------------------------------------------------------------------
# Profiles (--profile): where the engine spends its time; the reader runs in the main thread (timeout=0)


def profile(path: Path, top: int) -> str:
    import cProfile
    import io
    import pstats

    sys.path.insert(0, str(ROOT))
    from lint.catalog import load_catalog
    from lint.engine import Options, lint_file
    from lint.readers import ReadOptions

    catalog = load_catalog()
    opts = Options(read=ReadOptions(timeout=0))  # no worker thread: cProfile sees the reader too
    lint_file(str(SEED_PDF if path.suffix == ".pdf" else SEED_TXT), catalog, opts)
    prof = cProfile.Profile()
    prof.enable()
    lint_file(str(path), catalog, opts)
    prof.disable()
    out = io.StringIO()
    stats = pstats.Stats(prof, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    text = out.getvalue().replace(str(ROOT) + "/", "").replace(str(Path(sys.prefix)) + "/", "")
    return "\n".join(ln for ln in text.splitlines() if ln.strip())


# ---------------------------------------------------------------------------------------------------------


def machine() -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "?"
    try:
        m = re.search(r"MemTotal:\s+(\d+) kB", Path("/proc/meminfo").read_text())
        if m:
            ram = f"{int(m.group(1)) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    affinity = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()

    def version(dist: str) -> str:
        try:
            return importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            return "absent"

    rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT)
    dirty = subprocess.run(["git", "status", "--porcelain"], capture_output=True, text=True, cwd=ROOT)
    commit = rev.stdout.strip() or "?"
    if dirty.stdout.strip():
        commit += " (working tree has uncommitted changes)"
    return {
        "CPU": cpu,
        "cores": f"{os.cpu_count()} logical ({affinity} usable)",
        "RAM": ram,
        "OS": platform.platform(),
        "Python": platform.python_version(),
        "pdfplumber": version("pdfplumber"),
        "pdfminer.six": version("pdfminer.six"),
        "fiscal-lint": f"{version('fiscal-lint')} @ {commit}",
    }


def table(rows: list[Row]) -> tuple[str, str]:
    head = ("benchmark", "input", "metric", "value", "note")
    cells = [head, *((r.bench, r.input, r.metric, r.value, r.note) for r in rows)]
    widths = [max(len(c[i]) for c in cells) for i in range(len(head))]
    plain = ["  ".join(c[i].ljust(widths[i]) for i in range(len(head))).rstrip() for c in cells[:1]] + [
        "  ".join("-" * w for w in widths)
    ]
    plain += ["  ".join(c[i].ljust(widths[i]) for i in range(len(head))).rstrip() for c in cells[1:]]
    md = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    md += ["| " + " | ".join(c) + " |" for c in cells[1:]]
    return "\n".join(plain), "\n".join(md)


def write_readers_section(
    rep: Report, info: dict[str, str], command: str, started: dt.datetime, load0: float, load1: float, n: int
) -> None:
    """Replace section 6 of RESULTS.md (the rest of the file is section 1–5's full run and later notes)."""
    head = [
        f"## 6. The two PDF readers (issue 10), {started:%Y-%m-%d %H:%M %Z} at {info['fiscal-lint']}",
        "",
        f"Command: `{command}`. Load average (1 min) {load0:.1f} at the start, {load1:.1f} at the end, on "
        f"{info['cores']} shared with other sessions: expect noise. In-process: medians of {n} timed runs "
        f"({max(1, n - 2)} at 100/500 pages) in a fresh subprocess after a warm-up on the seed PDF "
        "(`lint_file`, catalogue loaded outside the timing). As commands: wall time of `fiscal-lint check "
        "--format json --reader R FILE`, runs interleaved. Every ratio is against bare pdfplumber on the same "
        "file (a fresh Python process doing `page.extract_text()` + `page.extract_tables()` per page). "
        "100/500 pages: the corpus PDFs' pages imported in turn into one new document with pypdfium2. "
        "`pages pdfium hands to pdfminer`: the pdfium reader (the default) reads the others itself.",
        "",
        "| input | mode | metric | value | note |",
        "|---|---|---|---|---|",
    ]
    rows = [
        f"| {r.input} | {r.bench.removeprefix('6 readers ')} | {r.metric} | {r.value} | {r.note} |"
        for r in rep.rows
    ]
    text = RESULTS.read_text(encoding="utf-8")
    start = text.find("## 6.")
    end = text.find("\n## ", start + 1) if start >= 0 else -1
    block = "\n".join(head + rows) + "\n"
    if start < 0:
        text = text.rstrip("\n") + "\n\n" + block
    else:
        text = text[:start] + block + (text[end:] if end >= 0 else "")
    RESULTS.write_text(text, encoding="utf-8")
    print(f"wrote section 6 of {RESULTS.relative_to(ROOT)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="one repeat per measurement (smoke run)")
    ap.add_argument("--profile", action="store_true", help="also cProfile the text and PDF paths")
    ap.add_argument("--no-write", action="store_true", help=f"do not write {RESULTS.relative_to(ROOT)}")
    ap.add_argument("--readers", action="store_true", help="only section 6: the two PDF readers side by side")
    ap.add_argument("--worker", nargs=2, metavar=("MODE", "PATH"), help=argparse.SUPPRESS)
    ap.add_argument("--warmup", help=argparse.SUPPRESS)
    ap.add_argument("--repeats", type=int, default=1, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        _worker(args.worker[0], args.worker[1], args.warmup, args.repeats)
        return

    command = shlex.join(
        [os.path.relpath(sys.executable, Path.cwd()), os.path.relpath(__file__, Path.cwd()), *sys.argv[1:]]
    )
    pdf_repeats, text_repeats, batch_repeats, rss_runs = (1, 1, 1, 1) if args.quick else (5, 3, 3, 3)
    started = dt.datetime.now().astimezone()
    t_start = time.perf_counter()
    info = machine()
    for k, v in info.items():
        print(f"{k:>13}: {v}")
    rep = Report()
    with tempfile.TemporaryDirectory(prefix="fiscal-lint-bench-") as tmp_name:
        tmp = Path(tmp_name)
        if args.readers:
            load0 = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
            corpus = sorted(SHARED_CORPUS.glob("**/*.pdf"))
            for p in corpus:
                bench_readers(rep, p, p.name, pdf_repeats)
            for n in (100, 500):
                big = tmp / f"corpus-{n}p.pdf"
                concat_pdf(corpus, n, big)
                bench_readers(rep, big, big.name, max(1, pdf_repeats - 2))
            load1 = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
            print(table(rep.rows)[0])
            if not args.no_write:
                write_readers_section(rep, info, command, started, load0, load1, pdf_repeats)
            return
        long_pdf = tmp / f"seed-x{LONG_PDF_COPIES}.pdf"
        t0 = time.perf_counter()
        make_long_pdf(long_pdf, LONG_PDF_COPIES)
        print(f"rendered {long_pdf.name} in {time.perf_counter() - t0:.1f} s", flush=True)

        if CORPUS_PDF.is_file():
            bench_pdf(rep, CORPUS_PDF, CORPUS_PDF.name, pdf_repeats)
        else:
            rep.add("1 PDF overhead", CORPUS_PDF.name, "skipped", "-", "corpus PDF absent")
        bench_pdf(rep, long_pdf, f"seed ×{LONG_PDF_COPIES} PDF", max(1, pdf_repeats - 2))
        pages = next(r.input for r in rep.rows if r.input.startswith(f"seed ×{LONG_PDF_COPIES}"))
        bench_memory(rep, long_pdf, pages.split("(")[-1].rstrip(")"), rss_runs)
        bench_text(rep, tmp, text_repeats)
        bench_scaling(rep, tmp, text_repeats)
        bench_batch(rep, tmp, batch_repeats)
        profiles: list[tuple[str, str]] = []
        if args.profile:
            seed100 = tmp / "seed-x100.txt"
            profiles.append((f"text: {seed100.name}", profile(seed100, 20)))
            profiles.append((f"PDF: {long_pdf.name}", profile(long_pdf, 20)))

    elapsed = time.perf_counter() - t_start
    plain, md = table(rep.rows)
    print()
    print(plain)
    print(f"\n({elapsed:.0f} s)")
    for title, text in profiles:
        print(f"\n== cProfile {title} ==\n{text}")
    if args.no_write:
        return
    repeats = (
        f"medians of {pdf_repeats} runs (corpus PDF), {max(1, pdf_repeats - 2)} (long PDF), "
        f"{text_repeats} (text), {batch_repeats} (batch); peak RSS median of {rss_runs} fresh processes"
    )
    lines = [
        "# fiscal-lint benchmark results",
        "",
        f"- date: {started:%Y-%m-%d %H:%M %Z}",
        f"- command: `{command}` (from the repository root; {elapsed:.0f} s)",
        f"- {repeats}; each in a fresh subprocess, timed in-process after a warm-up on the seed",
        "",
        "Machine:",
        "",
        *(f"- {k}: {v}" for k, v in info.items()),
        "",
        md,
        "",
        "How each number is taken:",
        "",
        "1. pdfplumber = `page.extract_text()` + `page.extract_tables()` per page, each page closed. "
        "reader only = `lint.readers.read()` (default reader: pdfium). "
        "check = in-process `lint_file(path, load_catalog(), Options())` "
        "(catalog loaded once, outside the timing), as `fiscal-lint check` does per file.",
        "2. Peak RSS of one fresh process doing one run (interpreter and imports included).",
        "3. Seed body repeated to ~5 MB, top-level headings numbered on (一、…十、十一、…).",
        "4. Same construction, ×10 and ×100; a ratio of per-copy times near 1.0 is linear.",
        "5. `fiscal-lint check --format json --jobs N DIR` as a subprocess, wall time, runs interleaved. "
        "The calibration row runs a pure-Python busy loop once alone and twice concurrently: "
        "2 × t(alone) / t(pair) is the most `--jobs 2` can gain on this machine.",
    ]
    for title, text in profiles:
        lines += ["", f"## cProfile: {title}", "", "```", text, "```"]
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
