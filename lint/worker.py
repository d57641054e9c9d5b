"""One file, one worker process: a deadline and an address-space cap over every stage of its lint.

Why a process and not a thread: a thread stuck in one C call (zlib inflating a bomb, a regex on a
hostile line) can be neither stopped nor made to give its memory back; a process is killed and the
kernel reclaims everything, so the batch goes on. Why fork: the parent has already imported the
readers and loaded the catalogue, so a child starts in about a millisecond and nothing is pickled on
the way in; only the (slim) result comes back through a pipe. Where fork or `resource` is missing
(Windows), files are linted in-process and only the PDF reader's own thread deadline applies.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:  # multiprocessing is imported when a worker is started, not by `--version`
    from multiprocessing.connection import Connection

A = TypeVar("A")
T = TypeVar("T")

DEFAULT_TIMEOUT = 60.0  # seconds per file when --timeout is not given, plus PER_PAGE for every PDF page read
PER_PAGE = 0.25  # a 500-page report: 47 ms/page alone, ≈3× that on a busy 2-core runner
MAX_BUSY = 4.0  # the automatic deadline stretches with the load average up to this factor
DEFAULT_MEMORY_MB = 1024  # address space of one worker; a 97-page PDF peaks at ≈90 MB RSS
MIN_MEMORY_MB = 256  # below this the interpreter and its imports (≈64 MB virtual) leave too little


@dataclass(frozen=True)
class Limits:
    """The bounds of one file. `timeout` None: automatic, (DEFAULT_TIMEOUT + PER_PAGE × pages read)
    × how busy the CPUs were when the file started (see `busy`); a given timeout is kept as given."""

    timeout: float | None = None
    memory_mb: int = DEFAULT_MEMORY_MB

    def allowed(self, pages: int, busy: float = 1.0) -> float:
        if self.timeout is not None:
            return self.timeout
        return (DEFAULT_TIMEOUT + PER_PAGE * pages) * min(max(busy, 1.0), MAX_BUSY)


def busy() -> float:
    """Runnable processes per available CPU (1-minute load average), at least 1: the wall-clock
    deadline is a CPU budget, and on a runner shared 3 ways a file gets a third of a CPU. Capped
    (MAX_BUSY) so a hostile file gains at most that factor."""
    import os

    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):  # no load average (Windows)
        return 1.0
    return min(max(load / default_jobs(), 1.0), MAX_BUSY)


@dataclass(frozen=True)
class Overrun:
    """Why a worker gave no result: "timeout" (seconds), "memory" (MB) or "crash" (exit code/signal)."""

    kind: str
    amount: float

    def reason(self, lang: str) -> str:
        n = f"{self.amount:g}"
        if self.kind == "timeout":
            return f"处理超时（超过 {n} 秒），已终止" if lang == "zh" else f"timed out after {n} s, stopped"
        if self.kind == "memory":
            return (
                f"超出内存上限（{n} MB），已终止（可能是压缩炸弹或恶意文件）"
                if lang == "zh"
                else f"exceeded the memory limit ({n} MB), stopped (a decompression bomb or hostile file?)"
            )
        code = int(self.amount)
        how = f"signal {-code}" if code < 0 else f"exit code {code}"
        return (
            f"处理进程异常退出（{how}），可能超出内存上限"
            if lang == "zh"
            else f"worker ended abnormally ({how}), possibly out of memory"
        )


def default_jobs() -> int:
    """The CPUs this process may run on (its affinity mask, as taskset or a container's cpuset sets
    it), not the machine's count: more workers than CPUs only share them and stretch every deadline."""
    import os

    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # no sched_getaffinity (macOS, Windows)
        return max(1, os.cpu_count() or 1)


def isolation_available() -> bool:
    try:
        import resource  # noqa: F401
    except ImportError:
        return False
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


# -- the child's side -------------------------------------------------------------------------------
_progress: Callable[[int], None] | None = None


def pages_read(n: int) -> None:
    """Called by a reader after each page: an automatic deadline grows with the pages actually read."""
    if _progress is not None:
        _progress(n)


def _apply_memory_cap(memory_mb: int) -> None:
    import resource

    if memory_mb <= 0:
        return
    cap = memory_mb * 1024 * 1024
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))


def _child(fn: Callable[[A], T], arg: A, conn: Connection, limits: Limits) -> None:
    global _progress
    last = [0.0]

    def progress(n: int) -> None:
        now = time.monotonic()
        if now - last[0] >= 0.05:  # a message per page is cheap, but there is no need for more
            last[0] = now
            conn.send(("pages", n))

    _progress = progress if limits.timeout is None else None
    _apply_memory_cap(limits.memory_mb)
    try:
        result = fn(arg)
    except MemoryError:
        result = None
        message: tuple[Any, ...] = ("memory",)
    except BaseException as e:  # fn is meant never to raise; whatever it does is this file's error
        message = ("crash", f"{type(e).__name__}: {e}".splitlines()[0] if str(e) else type(e).__name__)
    else:
        message = ("ok", result)
    try:
        conn.send(message)
    except MemoryError:
        del result, message
        conn.send(("memory",))
    conn.close()


# -- the parent's side ------------------------------------------------------------------------------
@dataclass
class _Running:
    index: int
    process: Any
    started: float
    pages: int = 0
    busy: float = 1.0

    def deadline(self, limits: Limits) -> float:
        return self.started + limits.allowed(self.pages, self.busy)


def run_bounded(
    items: Sequence[A],
    fn: Callable[[A], T],
    limits: Limits,
    jobs: int = 1,
    order: Sequence[int] | None = None,
) -> Iterator[tuple[int, T | Overrun | str]]:
    """Run fn(item) for every item, each in its own forked worker, at most `jobs` at a time.

    Yields (index, result) as workers finish: fn's return value, an Overrun (killed or died), or a
    one-line string for an exception that escaped fn. `order` is the start order (default: as given).
    """
    import multiprocessing
    from multiprocessing.connection import Connection, wait

    ctx = multiprocessing.get_context("fork")
    pending = list(order if order is not None else range(len(items)))
    pending.reverse()
    running: dict[Connection, _Running] = {}
    try:
        while pending or running:
            while pending and len(running) < max(1, jobs):
                i = pending.pop()
                recv, send = ctx.Pipe(duplex=False)
                proc = ctx.Process(target=_child, args=(fn, items[i], send, limits), daemon=True)
                proc.start()
                send.close()
                running[recv] = _Running(
                    i, proc, time.monotonic(), busy=busy() if limits.timeout is None else 1.0
                )
            now = time.monotonic()
            nearest = min(r.deadline(limits) for r in running.values())
            for conn in wait(list(running), timeout=max(0.0, nearest - now)):
                assert isinstance(conn, Connection)
                job = running[conn]
                try:
                    message = conn.recv()
                except (EOFError, OSError):
                    message = None
                if message is not None and message[0] == "pages":
                    job.pages = int(message[1])
                    continue
                del running[conn]
                conn.close()
                job.process.join()
                yield job.index, _outcome(message, job, limits)
            now = time.monotonic()
            for conn, job in list(running.items()):
                allowed = limits.allowed(job.pages, job.busy)
                if now >= job.started + allowed:
                    job.process.kill()
                    job.process.join()
                    del running[conn]
                    conn.close()
                    yield job.index, Overrun("timeout", _seconds(allowed))
    finally:
        for conn, job in running.items():  # the caller stopped early (an exception, Ctrl-C)
            job.process.kill()
            job.process.join()
            conn.close()


def _outcome(message: tuple[Any, ...] | None, job: _Running, limits: Limits) -> Any:
    if message is None:  # died without a word: killed by the kernel, a C library aborted
        code = job.process.exitcode if job.process.exitcode is not None else -9
        return Overrun("crash", code)
    if message[0] == "ok":
        return message[1]
    if message[0] == "memory":
        return Overrun("memory", limits.memory_mb)
    return str(message[1])


def _seconds(allowed: float) -> float:
    return round(allowed, 1) if allowed < 10 else float(math.ceil(allowed))
