"""HTML: visible body text and tables, with only the standard library (html.parser).

Scripts, styles and <head> are dropped; block elements end a line; entities are unescaped by the
parser; <table> becomes a Table (colspan/rowspan positions are None), one tab-separated line per row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from lint.errors import InputError
from lint.model import Document
from lint.readers.hanzi import fold, is_traditional
from lint.readers.tables import FlowBuilder, Grid, check_grid_size
from lint.readers.text import decode, normalise_newlines

_META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-]+)", re.IGNORECASE)
_GB = frozenset({"gbk", "gb2312", "gb18030", "x-gbk", "cp936", "windows-936", "euc-cn"})

# Content never shown to a reader of the page.
_HIDDEN = frozenset({"script", "style", "template", "head", "title", "noscript"})
# Elements that end a line; tags that also mean the <head> is over.
_BLOCK = frozenset(
    {
        *("p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "td", "th", "caption"),
        *("ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "hr", "section", "article", "header"),
        *("footer", "nav", "aside", "main", "figure", "figcaption", "address", "center", "form"),
        *("fieldset", "legend"),
    }
)
_BODY_START = frozenset({"body", "table", *(_BLOCK - {"br"})})
_WS = re.compile(r"\s+")


def read_html(data: bytes, path: str) -> Document:
    """Read an HTML report. Undecodable or unparsable input is an InputError."""
    text = normalise_newlines(_decode(data, path))
    doc = _parse(text, path)
    if is_traditional(doc.text):  # 繁体: parse the folded page so tables read their units
        folded = _parse(fold(text), path)
        if len(folded.text) == len(doc.text):
            folded.original = doc.text
            return folded
    return doc


# What closes a comment and a marked section for html.parser (CPython's _markupbase), and the
# keywords whose section needs `]]>` rather than `]>`.
_COMMENT_CLOSE = re.compile(r"--\s*>")
_SECTION_CLOSE = re.compile(r"\]\s*>")
_CDATA_CLOSE = re.compile(r"\]\s*\]\s*>")
_CDATA_OPEN = re.compile(r"<!\[(?=(?:temp|cdata|ignore|include|rcdata)\b)", re.IGNORECASE)


def _last_end(pattern: re.Pattern[str], text: str) -> int:
    end = 0
    for m in pattern.finditer(text):
        end = m.end()
    return end


def defuse(text: str) -> str:
    """Make html.parser linear: neutralise every construct that can never close.

    html.parser searches to the end of the page for the close of each `<!--`, `<![…`, `<a …`,
    `</`, `<?` that has none, then moves on by one character: 10,000 unclosed openers cost 10⁸
    steps. Nothing can close after the last possible terminator, so there a comment opener hides
    the rest of the page (as in a browser) and any other `<` is plain text."""
    start = text.find("<!--", _last_end(_COMMENT_CLOSE, text))
    if start >= 0:
        text = text[:start]
    cdata = _last_end(_CDATA_CLOSE, text)
    text = text[:cdata] + _CDATA_OPEN.sub("&lt;![", text[cdata:])
    section = _last_end(_SECTION_CLOSE, text)
    text = text[:section] + text[section:].replace("<![", "&lt;![")
    gt = text.rfind(">") + 1
    return text[:gt] + text[gt:].replace("<", "&lt;")


def _parse(text: str, path: str) -> Document:
    parser = _Parser(path)
    try:
        parser.feed(defuse(text))
        parser.close()
    except InputError:
        raise
    except Exception:
        raise InputError(path, "不是可读的 HTML 文件", "not a readable HTML file") from None
    return parser.builder.build(path, "html")


def _decode(data: bytes, path: str) -> str:
    """Honour a declared GBK/GB2312/GB18030 charset; otherwise auto-detect as for text."""
    m = _META_CHARSET.search(data[:4096])
    if m and m.group(1).decode("ascii").lower() in _GB and not data.startswith(b"\xef\xbb\xbf"):
        try:
            return data.decode("gb18030")  # a superset of GBK and GB2312
        except UnicodeDecodeError:
            pass
    return decode(data, path)


@dataclass
class _Cell:
    text: list[str]
    colspan: int
    rowspan: int


@dataclass
class _Table:
    rows: list[list[_Cell]] = field(default_factory=list)
    cell: _Cell | None = None
    caption: list[str] | None = None  # collecting while inside <caption>
    caption_text: str = ""
    stray: list[str] = field(default_factory=list)  # text outside cells, shown before the table
    in_thead: bool = False
    thead_rows: int = 0
    nested: int = 0  # depth of tables inside a cell: flattened into that cell


class _Parser(HTMLParser):
    def __init__(self, path: str) -> None:
        super().__init__(convert_charrefs=True)
        self.path = path
        self.builder = FlowBuilder()
        self._para: list[str] = []
        self._hidden: list[str] = []
        self._table: _Table | None = None

    # -- events -------------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BODY_START:
            self._hidden = [t for t in self._hidden if t not in ("head", "title")]
        if tag in _HIDDEN:
            self._hidden.append(tag)
        elif self._table is not None:
            self._table_start(self._table, tag, dict(attrs))
        elif tag == "table":
            self._flush()
            self._table = _Table()
        elif tag in _BLOCK:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            if tag in self._hidden:
                del self._hidden[len(self._hidden) - 1 - self._hidden[::-1].index(tag) :]
        elif self._table is not None:
            self._table_end(self._table, tag)
        elif tag in _BLOCK:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._hidden:
            return
        t = self._table
        if t is None:
            self._para.append(data)
        elif t.cell is not None:
            t.cell.text.append(data)
        elif t.caption is not None:
            t.caption.append(data)
        else:
            t.stray.append(data)

    def close(self) -> None:
        super().close()
        if self._table is not None:
            self._finish_table(self._table)
        self._flush()

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """A broken `<![…` is a bogus comment to browsers; the stdlib raises AssertionError."""
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            j = self.rawdata.find(">", i + 3)
            return -1 if j < 0 else j + 1

    # -- tables -------------------------------------------------------------------------------
    def _table_start(self, t: _Table, tag: str, attrs: dict[str, str | None]) -> None:
        if t.nested or tag == "table":
            t.nested += tag == "table"
            if t.cell is not None and tag in _BLOCK | {"table"}:
                t.cell.text.append(" ")
        elif tag == "tr":
            self._close_cell(t)
            t.rows.append([])
            t.thead_rows += t.in_thead
        elif tag in ("td", "th"):
            self._close_cell(t)
            if not t.rows:
                t.rows.append([])
            t.cell = _Cell([], _span(attrs.get("colspan"), 1000), _span(attrs.get("rowspan"), 65534))
            t.rows[-1].append(t.cell)
        elif tag == "caption":
            self._close_cell(t)
            t.caption = []
        elif tag in ("thead", "tbody", "tfoot"):
            self._close_cell(t)
            t.in_thead = tag == "thead"
        elif t.cell is not None and tag in _BLOCK:
            t.cell.text.append(" ")

    def _table_end(self, t: _Table, tag: str) -> None:
        if tag == "table":
            if t.nested:
                t.nested -= 1
            else:
                self._finish_table(t)
        elif t.nested:
            return
        elif tag in ("td", "th", "tr"):
            self._close_cell(t)
        elif tag == "caption" and t.caption is not None:
            t.caption_text = _collapse("".join(t.caption))
            t.caption = None
        elif tag == "thead":
            t.in_thead = False

    def _close_cell(self, t: _Table) -> None:
        t.cell = None

    def _finish_table(self, t: _Table) -> None:
        """Stray text goes before the table, as browsers show it; then the grid."""
        self._table = None
        self._para.extend(t.stray)
        self._flush()
        grid = _layout(t.rows, self.path)
        if grid:
            self.builder.table(grid, t.caption_text, t.thead_rows or None)

    def _flush(self) -> None:
        text = _collapse("".join(self._para))
        self._para = []
        if text:
            self.builder.paragraph(text)


def _collapse(text: str) -> str:
    return _WS.sub(" ", text).strip()


def _span(value: str | None, limit: int) -> int:
    """colspan/rowspan as browsers read them: bad values mean 1, 0 rowspan means to the end."""
    try:
        n = int((value or "1").strip())
    except ValueError:
        return 1
    return max(0, min(n, limit))


def _layout(rows: list[list[_Cell]], path: str) -> Grid:
    """Place cells on the grid: a spanning cell appears once, the positions it covers are None."""
    rows = [r for r in rows if r]
    taken: set[tuple[int, int]] = set()
    placed: dict[tuple[int, int], str] = {}
    width = 0
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            down = cell.rowspan or len(rows) - r
            down = min(down, len(rows) - r)
            across = max(cell.colspan, 1)
            check_grid_size(path, 1, len(taken) + down * across)
            placed[(r, c)] = _collapse("".join(cell.text))
            taken.update((r + i, c + j) for i in range(down) for j in range(across))
            c += across
            width = max(width, c)
    check_grid_size(path, len(rows), width)
    return [[placed.get((r, c)) for c in range(width)] for r in range(len(rows))]
