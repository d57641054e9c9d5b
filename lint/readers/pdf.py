"""PDF reader: pdfium (default) or pdfplumber → Document(text in reading order, char boxes, tables), or
one clear InputError.

pdfium (`pdf_pdfium`) reads each page it can reproduce exactly; the pages it cannot go to pdfminer
(`_pdfplumber_pages`), and a file it cannot open exactly goes wholly to pdfplumber, which also names
every failure. Both feed the same line and table builders, so the two readers give the same Document.

Hostile files are the norm for a reviewer's inbox, so every failure of pdfminer/pdfplumber becomes an
InputError naming the cause, and the whole read runs under a wall-clock limit (see `_run_with_deadline`).
Geometry lives in `pdf_lines` (prose) and `pdf_tables` (ruled tables); this module orchestrates.
"""

from __future__ import annotations

import ctypes
import io
import re
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lint.errors import InputError
from lint.model import BBox, CharBoxes, Document, Table, TableCell
from lint.readers import pdf_guard, pdf_pdfium
from lint.readers.pdf_columns import split_columns
from lint.readers.pdf_lines import (
    Glyph,
    Line,
    find_furniture,
    has_duplicates,
    is_cjk,
    line_break,
    line_pitch,
    page_lines,
    to_glyphs,
)
from lint.readers.pdf_tables import (
    TableFrag,
    count_header_rows,
    count_label_cols,
    extract_fragments,
    map_columns,
)
from lint.readers.tables import is_prose_line
from lint.worker import pages_read

if TYPE_CHECKING:
    from lint.readers import ReadOptions

NOT_PDF = ("不是可读的 PDF 文件", "not a readable PDF")
DAMAGED = ("不是可读的 PDF 文件（已损坏或不完整）", "not a readable PDF (damaged or truncated)")
ENCRYPTED = ("PDF 已加密，请用 --password 提供密码", "encrypted PDF: pass --password")
WRONG_PASSWORD = ("PDF 已加密，--password 提供的密码不正确", "encrypted PDF: the --password given is wrong")
UNSUPPORTED_CRYPT = ("PDF 使用了不支持的加密方式", "encrypted PDF with an unsupported encryption scheme")
STREAM_BOMB = (
    f"PDF 中的数据流解压后过大（超过 {pdf_guard.MAX_STREAM // 2**20} MB，可能是压缩炸弹）",
    f"a PDF stream inflates beyond {pdf_guard.MAX_STREAM // 2**20} MB (a decompression bomb?)",
)
PASSWORD_CHARS = (
    "PDF 已加密，--password 提供的密码不正确（含有此加密方式不支持的字符）",
    "encrypted PDF: the --password given is wrong (it has characters this encryption cannot use)",
)
SCANNED = ("没有文本层（扫描件？）", "no text layer (scanned?)")
BROKEN_FONT = ("文本层不可用（字体编码映射损坏）", "text layer unusable (broken font map)")

UNIT_RE = re.compile(r"(?:金额|计量)?单位\s*[:：]\s*(亿元|万元|千元|元|人|个|%)")
COMPILER_RE = re.compile(r"编制(?:单位|部门)\s*[:：]")


class _Timeout(BaseException):
    """Raised inside the worker (cooperatively or asynchronously); BaseException so pdfminer's
    `except Exception` handlers cannot swallow it."""


@dataclass
class PdfTable(Table):
    """A Table that remembers every page it spans (tables continue across pages in 部门决算)."""

    pages: list[int] = field(default_factory=list)


@dataclass
class _Page:
    number: int
    height: float
    lines: list[Line]
    frags: list[TableFrag]
    left: float
    right: float
    pitch: float = 0.0  # usual distance between baselines of consecutive lines (0: unknown)


@dataclass
class _Stats:
    chars: int = 0
    cid: int = 0
    control: int = 0
    image_only_pages: int = 0
    pages: int = 0

    def add(self, other: _Stats) -> None:
        self.chars += other.chars
        self.cid += other.cid
        self.control += other.control
        self.image_only_pages += other.image_only_pages
        self.pages += other.pages


def read_pdf(p: Path | bytes, path: str, options: ReadOptions) -> Document:
    """Read a PDF report (a file, or stdin's bytes). Raises InputError for anything that is not a
    readable text PDF."""
    if isinstance(p, bytes):
        head = p[:1024]
    else:
        with p.open("rb") as f:
            head = f.read(1024)
    if b"%PDF-" not in head:
        raise InputError(path, *NOT_PDF)
    timeout = float(options.timeout or 0)
    deadline = time.monotonic() + timeout if timeout > 0 else None
    return _run_with_deadline(lambda: _read(p, path, options, deadline), timeout, path)


def _timeout_error(path: str, timeout: float) -> InputError:
    n = f"{timeout:g}"
    return InputError(path, f"处理超时（超过 {n} 秒）", f"timed out after {n} s")


def _run_with_deadline(fn: Callable[[], Document], timeout: float, path: str) -> Document:
    """Run `fn` in a daemon worker thread and give up after `timeout` seconds.

    Why a thread: no pickling of the (large) Document and no re-import, unlike a process. The worker
    checks the deadline between pages; a single pathological page (pdfminer is pure Python) is stopped by
    raising `_Timeout` in the worker asynchronously. If the worker is stuck inside one long C call it is
    abandoned (daemon) — the caller still gets its timeout error on time.
    """
    if timeout <= 0:
        return _unwrap(_call(fn), path, timeout)
    box: dict[str, Any] = {}
    worker = threading.Thread(target=lambda: box.update(_call(fn)), name="fiscal-lint-pdf", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        _interrupt(worker)
        worker.join(0.5)
        raise _timeout_error(path, timeout)
    return _unwrap(box, path, timeout)


def _call(fn: Callable[[], Document]) -> dict[str, Any]:
    try:
        return {"doc": fn()}
    except BaseException as e:
        return {"exc": e}


def _unwrap(box: dict[str, Any], path: str, timeout: float) -> Document:
    exc = box.get("exc")
    if isinstance(exc, _Timeout):
        raise _timeout_error(path, timeout)
    if exc is not None:
        raise exc
    doc: Document = box["doc"]
    return doc


def _interrupt(worker: threading.Thread) -> None:
    """Raise `_Timeout` inside `worker` at its next bytecode (CPython API)."""
    if worker.ident is not None:
        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(worker.ident), ctypes.py_object(_Timeout))


def _check_deadline(deadline: float | None) -> None:
    if deadline is not None and time.monotonic() > deadline:
        raise _Timeout


def _read(p: Path | bytes, path: str, options: ReadOptions, deadline: float | None) -> Document:
    got = _read_pdfium(p, path, options, deadline) if options.reader == "pdfium" else None
    if got is not None:
        try:
            return _finish(*got, path, deadline)
        except InputError:
            pass  # pdfium found no usable text: pdfplumber names the cause as the reference does
    return _finish(*_read_pdfplumber(p, path, options, deadline), path, deadline)


def _finish(pages: list[_Page], stats: _Stats, path: str, deadline: float | None) -> Document:
    _check_text_layer(stats, path)
    doc = _assemble(pages, path, deadline)
    _check_language(doc.text, path)
    return doc


def _read_pdfium(
    p: Path | bytes, path: str, options: ReadOptions, deadline: float | None
) -> tuple[list[_Page], _Stats] | None:
    """Pages read by pdfium, or None where only pdfplumber reads the file as the reference does."""
    try:
        source = p if isinstance(p, bytes) else str(p)
        doc = pdf_pdfium.open_document(source, options.password)
    except pdf_pdfium.Fallback:
        return None
    try:
        n = len(doc)
        if n > options.max_pages:
            raise _too_many(path, n, options.max_pages)
        # each page is built at once (its glyphs freed); only its fonts wait for `dropped`
        pages: list[_Page | None] = []
        counts: list[_Stats | None] = []
        fonts: list[tuple[set[pdf_pdfium.FontKey], dict[pdf_pdfium.FontKey, bool]] | None] = []
        reopen = lambda: pdf_pdfium.open_document(source, options.password)  # noqa: E731
        for data in pdf_pdfium.iter_pages(doc, lambda: _check_deadline(deadline), reopen):
            if isinstance(data, pdf_pdfium.Fallback):
                pages.append(None)
                counts.append(None)
                fonts.append(None)
            else:
                count = _Stats()
                counts.append(count)
                pages.append(_page_from(data, count))
                fonts.append((data.blank, data.drawn))
            pages_read(len(pages))
        for i in pdf_pdfium.dropped(fonts):
            pages[i] = counts[i] = None
        stats = _Stats()
        for c in counts:
            if c is not None:
                stats.add(c)
        missing = [i for i, pg in enumerate(pages) if pg is None]
        if missing:
            got = _pdfplumber_pages(p, options, len(pages), missing, stats, deadline)
            if got is None:
                return None
            for i, pg in zip(missing, got, strict=True):
                pages[i] = pg
        return [pg for pg in pages if pg is not None], stats
    except pdf_pdfium.Fallback:
        return None
    except (InputError, MemoryError):
        raise
    except pdf_guard.StreamBomb:  # on a page pdfminer read (BaseException: it must not pass as a Fallback)
        raise InputError(path, *STREAM_BOMB) from None
    except Exception:
        return None  # anything pdfium did not expect: pdfplumber reads the file and names the cause
    finally:
        doc.close()


def _pdfplumber_pages(
    p: Path | bytes,
    options: ReadOptions,
    total: int,
    indexes: list[int],
    stats: _Stats,
    deadline: float | None,
) -> list[_Page] | None:
    """The pages pdfium cannot read exactly (by 0-based index), read by pdfplumber; None when
    pdfplumber counts other pages than pdfium, so that it reads the whole file instead."""
    import pdfplumber

    pdf_guard.install()
    source = io.BytesIO(p) if isinstance(p, bytes) else p
    with pdfplumber.open(source, password=options.password or "") as pdf:
        if len(pdf.pages) != total:
            return None
        out: list[_Page] = []
        for i in indexes:
            _check_deadline(deadline)
            page = pdf.pages[i]
            try:
                out.append(_read_page(page, stats))
            finally:
                page.close()
        return out


def _page_from(data: pdf_pdfium.PageData, stats: _Stats) -> _Page:
    stats.pages += 1
    stats.chars += data.inked
    stats.cid += data.unmapped
    stats.control += data.control
    if not data.inked and data.images:
        stats.image_only_pages += 1
    return _build_page(data.number, data.width, data.height, data.glyphs, data.tables)


def _build_page(number: int, width: float, height: float, glyphs: list[Glyph], tables: list[Any]) -> _Page:
    frags, rest = extract_fragments(number, tables, glyphs)
    lines = page_lines(number, rest)
    left = min((ln.x0 for ln in lines), default=0.0)
    right = max(max((ln.x1 for ln in lines), default=width), width - left)
    pitch = line_pitch(lines)
    return _Page(number, height, split_columns(lines, left, right), frags, left, right, pitch)


def _read_pdfplumber(
    p: Path | bytes, path: str, options: ReadOptions, deadline: float | None
) -> tuple[list[_Page], _Stats]:
    import pdfplumber
    from pdfplumber.utils.exceptions import PdfminerException

    pdf_guard.install()
    try:
        source = io.BytesIO(p) if isinstance(p, bytes) else p
        with pdfplumber.open(source, password=options.password or "") as pdf:
            pages, stats = _collect(pdf, path, options.max_pages, deadline)
    except PdfminerException as e:
        if isinstance(e.args[0] if e.args else None, MemoryError):
            raise MemoryError from None  # the worker reports the memory cap, not a damaged file
        raise _pdfminer_error(e, path, options.password) from None
    except (InputError, _Timeout, MemoryError):
        raise
    except pdf_guard.StreamBomb:
        raise InputError(path, *STREAM_BOMB) from None
    except OSError as e:
        if e.errno is not None:
            raise  # a real I/O problem: the dispatcher names it
        raise InputError(path, *DAMAGED) from None
    except Exception as e:
        raise InputError(path, DAMAGED[0], f"{DAMAGED[1]}: {type(e).__name__}") from None
    return pages, stats


def _pdfminer_error(e: Exception, path: str, password: str | None) -> InputError:
    """pdfplumber wraps every pdfminer failure in one type; the cause is e.args[0] (str(e) may be "")."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    cause = e.args[0] if e.args else e.__context__
    if isinstance(cause, UnicodeError) and password:
        return InputError(path, *PASSWORD_CHARS)
    if isinstance(cause, PDFPasswordIncorrect):
        return InputError(path, *(WRONG_PASSWORD if password else ENCRYPTED))
    if isinstance(cause, PDFEncryptionError):
        return InputError(path, *UNSUPPORTED_CRYPT)
    return InputError(path, *DAMAGED)


def _page_count(pdf: Any) -> int | None:
    """/Pages /Count from the catalog, read before pdfplumber builds a Page object per page."""
    from pdfminer.pdftypes import resolve1

    try:
        return int(resolve1(resolve1(pdf.doc.catalog["Pages"])["Count"]))
    except Exception:
        return None


def _too_many(path: str, n: int, limit: int) -> InputError:
    return InputError(path, f"页数过多（{n} 页，上限 {limit} 页）", f"too many pages ({n}, limit {limit})")


def _collect(pdf: Any, path: str, max_pages: int, deadline: float | None) -> tuple[list[_Page], _Stats]:
    """One pass over the pages, closing each (RSS stays flat: 43 vs 236 MB at 120 pages)."""
    declared = _page_count(pdf)
    if declared is not None and declared > max_pages:
        raise _too_many(path, declared, max_pages)
    if len(pdf.pages) > max_pages:
        raise _too_many(path, len(pdf.pages), max_pages)
    stats = _Stats()
    pages: list[_Page] = []
    for page in pdf.pages:
        _check_deadline(deadline)
        try:
            pages.append(_read_page(page, stats))
        finally:
            page.close()
        pages_read(len(pages))
    return pages, stats


def _read_page(page: Any, stats: _Stats) -> _Page:
    from pdfplumber.utils.text import dedupe_chars

    chars = page.chars
    inked = [c for c in chars if c["text"] and not c["text"].isspace()]
    stats.pages += 1
    stats.chars += len(inked)
    stats.cid += sum(1 for c in inked if c["text"].startswith("(cid:"))
    stats.control += sum(1 for c in inked if any(ord(ch) < 32 for ch in c["text"]))
    if not inked and page.images:
        stats.image_only_pages += 1
    if has_duplicates(chars):
        chars = dedupe_chars(chars)
    glyphs = to_glyphs(chars)
    tables = page.find_tables() if (page.rects or page.lines) else []
    return _build_page(page.page_number, float(page.width), float(page.height), glyphs, tables)


def _check_text_layer(stats: _Stats, path: str) -> None:
    """A scan or a broken font map must be an error, never an empty (or garbage) pass."""
    if stats.chars == 0 or stats.image_only_pages * 2 > stats.pages:
        raise InputError(path, *SCANNED)
    unmapped = stats.cid == stats.chars or stats.control == stats.chars  # nothing but unmapped glyphs
    if unmapped or stats.cid > max(5, stats.chars // 100) or stats.control > max(5, stats.chars // 100):
        raise InputError(path, *BROKEN_FONT)


def _check_language(text: str, path: str) -> None:
    """Wrong cmaps also yield plausible ideographs; 的 is ~10‰ of CJK in real reports, ~1‰ in garbage.
    Counted per distinct char: a list of the text's letters was one string object per CJK char, a
    500-page report's highest point of memory."""
    letters = cjk = 0
    for c, n in Counter(text).items():
        if not c.isspace() and not c.isdigit() and c not in ".,%-+()":
            letters += n
            cjk += n if is_cjk(c) else 0
    if letters >= 1000 and cjk < 0.05 * letters:
        raise InputError(path, *BROKEN_FONT)
    if cjk >= 3000 and text.count("的") < 0.002 * cjk:
        raise InputError(path, *BROKEN_FONT)


class _Builder:
    """Document.text and its parallel char_boxes, appended together."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.boxes = CharBoxes()
        self.length = 0
        self.last = ""

    def add(self, text: str, boxes: Sequence[BBox | None] | None = None, page: int = 0) -> None:
        if not text:
            return
        self.parts.append(text)
        if boxes is None:
            self.boxes.add_none(len(text))
        else:
            self.boxes.add(page, boxes)
        self.length += len(text)
        self.last = text[-1]

    def newline(self) -> None:
        if self.length and self.last != "\n":
            self.add("\n")

    def text(self) -> str:
        return "".join(self.parts)

    def since(self, offset: int, cap: int = 800) -> str:
        """The text from `offset` to the end (at most `cap` chars), without joining everything."""
        want = min(self.length - offset, cap)
        got: list[str] = []
        n = 0
        for part in reversed(self.parts):
            if n >= want:
                break
            got.append(part)
            n += len(part)
        return "".join(reversed(got))[-want:] if want > 0 else ""


class _TableBuild:
    """A logical table being rendered: fragments from consecutive pages append their rows."""

    def __init__(self, first: TableFrag, title: str, unit: str | None) -> None:
        self.first = first
        self.n_cols = len(first.xs)
        self.rows: list[list[TableCell | None]] = []
        self.spans: dict[tuple[int, int], tuple[int, int]] = {}
        self.pages: list[int] = []
        self.title = title
        self.unit = unit
        self.start = -1
        self.end = -1

    def continuation(self, frag: TableFrag) -> tuple[list[int], int] | None:
        """(column map, repeated header rows to skip) if `frag` continues this table, else None."""
        mapping = map_columns(self.first, frag)
        if mapping is None:
            return None
        texts = frag.texts()
        h = count_header_rows(texts, blank_ends=True)
        if h == 0:
            return mapping, 0
        mine = [[c.text if c else None for c in row] for row in self.rows[:h]]
        theirs = [self._place(row, mapping) for row in texts[:h]]
        return (mapping, h) if mine == theirs else None

    def _place(self, row: list[str | None], mapping: list[int]) -> list[str | None]:
        out: list[str | None] = [None] * self.n_cols
        for c, t in enumerate(row):
            out[mapping[c]] = t
        return out

    def render(self, frag: TableFrag, mapping: list[int], skip: int, b: _Builder) -> None:
        """One line per row, cells separated by a tab; empty cells stay empty ("" ≠ "0")."""
        base = len(self.rows) - skip
        if self.start < 0:
            self.start = b.length
        for r, row in enumerate(frag.rows[skip:], start=skip):
            b.newline()
            slots: list[TableCell | None] = [None] * self.n_cols
            placed = {mapping[c]: cell for c, cell in enumerate(row) if cell is not None}
            for col in range(self.n_cols):
                if col:
                    b.add("\t")
                cell = placed.get(col)
                if cell is not None:
                    start = b.length
                    b.add(cell.text, cell.boxes, frag.page)
                    slots[col] = TableCell(len(self.rows), col, cell.text, start, b.length)
            self.rows.append(slots)
            for (sr, sc), (tr, tc) in frag.spans.items():
                if sr == r and tr >= skip:
                    self.spans[(base + sr, mapping[sc])] = (base + tr, mapping[tc])
        self.end = b.length
        if frag.page not in self.pages:
            self.pages.append(frag.page)

    def finish(self) -> PdfTable:
        raw = [[c.text if c else None for c in row] for row in self.rows]
        n_header = min(count_header_rows(raw), len(self.rows))
        for (r, c), (sr, sc) in self.spans.items():
            src = self.rows[sr][sc]
            if r < n_header and self.rows[r][c] is None and src is not None:
                self.rows[r][c] = TableCell(r, c, src.text, src.start, src.end)
        filled = [[c.text if c else None for c in row] for row in self.rows]
        unit = self.unit or _unit_in(filled[:n_header])
        return PdfTable(
            cells=self.rows,
            header_rows=n_header,
            label_cols=count_label_cols(filled, n_header, self.n_cols),
            page=self.pages[0] if self.pages else None,
            title=self.title,
            unit=unit,
            start=max(self.start, 0),
            end=max(self.end, 0),
            pages=self.pages,
        )


def _unit_in(rows: list[list[str | None]]) -> str | None:
    for row in rows:
        for t in row:
            m = UNIT_RE.search(t or "")
            if m:
                return m.group(1)
    return None


def _title_and_unit(text_since_page_start: str) -> tuple[str, str | None]:
    """Nearest logical line above the table (not a 单位/编制单位 line) and a 单位：… near it."""
    title, unit = "", None
    lines = text_since_page_start.split("\n")
    for raw in reversed(lines[-5:]):
        if "\t" in raw:
            break  # the previous table
        m = UNIT_RE.search(raw)
        if m and unit is None:
            unit = m.group(1)
        line = UNIT_RE.sub("", raw).strip(" \u3000")
        if not line or COMPILER_RE.search(raw):
            continue
        if not is_prose_line(line):
            title = line
        break
    return title, unit


def _assemble(pages: list[_Page], path: str, deadline: float | None) -> Document:
    """Pages → one text: prose joined geometrically (also across page breaks), tables at their place."""
    drops = find_furniture([(pg.height, pg.lines) for pg in pages])
    b = _Builder()
    tables: list[PdfTable] = []
    current: _TableBuild | None = None
    prev: Line | TableFrag | None = None
    prev_pg: _Page | None = None
    for pg, drop in zip(pages, drops, strict=True):
        _check_deadline(deadline)
        page_start = b.length
        items: list[tuple[float, int, Line | TableFrag]] = [
            (ln.reading_top, 0, ln) for i, ln in enumerate(pg.lines) if i not in drop
        ]
        items += [(f.bbox[1], 1, f) for f in pg.frags]
        items.sort(key=lambda t: (t[0], t[1]))
        for idx, (_, _, item) in enumerate(items):
            if isinstance(item, Line):
                if isinstance(prev, Line) and prev_pg is not None:
                    right = prev.column[1] if prev.column else prev_pg.right
                    left = item.column[0] if item.column else pg.left
                    b.add(line_break(prev, item, right, left, prev_pg is pg, pg.pitch))
                else:
                    b.newline()
                b.add(item.text, item.boxes, item.page)
            else:
                cont = None
                if (
                    idx == 0
                    and current is not None
                    and isinstance(prev, TableFrag)
                    and prev.page == item.page - 1
                ):
                    cont = current.continuation(item)
                if cont is None or current is None:
                    if current is not None:
                        tables.append(current.finish())
                    title, unit = _title_and_unit(b.since(page_start))
                    current = _TableBuild(item, title, unit)
                    cont = (list(range(len(item.xs))), 0)
                b.newline()
                current.render(item, cont[0], cont[1], b)
            prev, prev_pg = item, pg
    if current is not None:
        tables.append(current.finish())
    return Document(path=path, text=b.text(), fmt="pdf", tables=list(tables), char_boxes=b.boxes)
