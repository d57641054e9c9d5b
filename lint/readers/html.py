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
    """Read an HTML report. Undecodable or unparsable input is an InputError.

    A page saved from a government site carries the site around the report: menus, breadcrumbs,
    上一篇/下一篇, sidebars of other articles (with their dates and amounts), footers with phone and
    ICP numbers. That furniture is left out; if leaving it out leaves no amount at all, the page is
    read again whole (the report itself was marked up like furniture)."""
    text = normalise_newlines(_decode(data, path))
    doc = _parse(text, path, keep_furniture=False)
    keep = False
    if not AMOUNT.search(doc.text):
        whole = _parse(text, path, keep_furniture=True)
        if AMOUNT.search(whole.text):
            doc, keep = whole, True
    if is_traditional(doc.text):  # 繁体: parse the folded page so tables read their units
        folded = _parse(fold(text), path, keep_furniture=keep)
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


def _parse(text: str, path: str, keep_furniture: bool) -> Document:
    recorder = _Recorder()
    parser = _Parser(path, drop_furniture=not keep_furniture)
    try:
        page = defuse(text)
        recorder.feed(page)
        recorder.close()
        replay = _Replay(parser, {} if keep_furniture else recorder.drop_starts(), recorder.layout)
        replay.feed(page)
        replay.close()
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


# -- site furniture ---------------------------------------------------------------------------
# An amount, a rate or a head count: what a report is read for (the fallback's test).
AMOUNT = re.compile(r"\d\s*(?:万元|亿元|元|%|％|人)")
_VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)
_UNSHOWN = frozenset({"script", "style", "template", "noscript"})  # text never counted (an open <head> is)
_SITE_TAGS = frozenset({"nav", "aside"})  # never the report
_PAGE_TAGS = frozenset({"header", "footer"})  # the site's, outside an <article>/<main>
_ARTICLE = frozenset({"article", "main"})
_TABLE_PARTS = frozenset({"table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th"})
_LISTS = frozenset({"ul", "ol", "dl", "li", "div", "p", "span", "section", "font", "center", "td"})
# class/id words of site furniture, and words that make such a block the article's own part
_FURNITURE_WORDS = frozenset(
    {
        *("nav", "navbar", "navigation", "menu", "submenu", "mainnav", "topnav", "subnav"),
        *("breadcrumb", "breadcrumbs", "crumb", "crumbs", "position", "location", "weizhi", "dqwz"),
        *("footer", "foot", "copyright", "sidebar", "side", "aside", "related", "relate", "share"),
        *("toolbar", "topbar", "header", "prevnext", "pager", "pagination", "sitemap", "friendlink"),
    }
)
_CONTENT_WORDS = frozenset({"article", "content", "detail", "text", "body", "title", "zw", "main"})
_TOKEN = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
LAYOUT_TEXT = 200  # characters of a table's own text (outside its nested tables) that make it a layout
MAX_FURNITURE_TEXT = 600  # characters outside links: more is the report, whatever the block is named
MAX_END_SEARCH = 256  # how deep an end tag looks for its element (linear on hostile nesting)
_DATE = re.compile(r"\d{2,4}\s*[-./年]\s*\d{1,2}(?:\s*[-./月]\s*\d{1,2}\s*日?)?")
_NOT_WORD = re.compile(r"\W+")

_TODAY = re.compile(r"^\s*今天是\s*\d{4}\s*年")  # a site's date bar
_PREV_NEXT = re.compile(r"^\s*[【\[]?\s*(?:上一篇|下一篇|上一条|下一条|上篇|下篇)")
_WHERE = re.compile(r"^\s*(?:当前位置|您的位置|您所在的位置|您现在的位置|所在位置|当前页面)\s*[:：]")
_SITE_MARKS = re.compile(r"ICP备|ICP证|公网安备|网站标识码|版权所有|Copyright|©", re.IGNORECASE)
_TOOLS = re.compile(
    r"打印本页|打印|关闭窗口|关闭本页|关闭|返回顶部|返回|收藏本页|收藏|分享到|分享|字号|默认|大|中|小|保存|纠错|转发|[:：]"
)
_TOOL_MARKS = re.compile(r"[\s【】\[\]|｜()（）·•>＞»/]")
_META = re.compile(
    r"(?:^|(?<=[\s|｜/]))(?:发布时间|发布日期|发文日期|日期|时间|来源|信息来源|作者|浏览次数|浏览量|浏览|阅读次数|阅读量|阅读|点击数|点击量|点击|访问量|字号|责任编辑|编辑)\s*[:：]"
)


def furniture_line(text: str) -> bool:
    """A line that is the site's, whatever element holds it: 上一篇/下一篇, a breadcrumb, a footer's
    ICP/备案 line, a row of tools (【打印】【关闭】), a byline of publication data (发布时间：… 来源：…)."""
    if _PREV_NEXT.match(text) or _WHERE.match(text) or _TODAY.match(text):
        return True
    if "。" in text:
        return False  # a sentence of the report ("…按版权所有人…。", "资金来源：…；实施时间：…。")
    if _SITE_MARKS.search(text):
        return True
    if len(text) <= 40 and not _TOOL_MARKS.sub("", _TOOLS.sub("", text)):
        return True
    return len(_META.findall(text)) >= 2


def _furniture_attr(attrs: list[tuple[str, str | None]]) -> bool:
    """class/id naming a menu, breadcrumb, sidebar or footer, not the article's own part."""
    words: set[str] = set()
    for name, value in attrs:
        if name in ("class", "id") and value:
            value = value[:200]
            words.update(w.lower().rstrip("0123456789") for w in _TOKEN.findall(value))
            words.update(re.sub(r"[-_]", "", w).lower() for w in value.split())  # top-bar, side_list
    return bool(words & _FURNITURE_WORDS) and not words & _CONTENT_WORDS


@dataclass
class _Element:
    tag: str
    start: int  # index of its start event
    named: bool  # class/id names furniture
    in_article: bool
    text: int = 0  # word characters shown, dates left out
    link: int = 0  # of them, inside <a>
    links: int = 0
    heading: bool = False  # holds an <h1>
    table: bool = False  # holds a <table>
    owner: _Element | None = None  # a table part's table
    nested: int = 0  # text inside tables nested in this table
    nested_layout: bool = False  # holds a layout table
    parts: list[int] = field(default_factory=list)  # a table's own parts' start and end events


class _Events(HTMLParser):
    """Numbers the page's events (start tag, end tag, text) in order: two passes over the same page
    number them alike, so the first can judge elements and the second act on the judgement."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.n = 0  # events so far

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """A broken `<![…` is a bogus comment to browsers; the stdlib raises AssertionError."""
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            j = self.rawdata.find(">", i + 3)
            return -1 if j < 0 else j + 1


class _Recorder(_Events):
    """First pass: which element spans are site furniture, which tables lay out the page.

    Deciding needs a whole element (its share of link text, whether it holds the title), so each
    element is judged when it closes; only the decisions are kept (event numbers), not the page."""

    def __init__(self) -> None:
        super().__init__()
        self.drops: list[tuple[int, int]] = []  # event ranges [start, end] left out
        self.layout: set[int] = set()  # start and end events of layout tables and their parts
        self._stack: list[_Element] = []
        self._links = 0
        self._hidden = 0
        self._ending = ""  # the tag of the end event being handled

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        i = self.n
        self.n += 1
        if tag in _UNSHOWN:
            self._hidden += 1
        if tag == "a":
            self._links += 1
            if self._stack:
                self._stack[-1].links += 1
        if tag in _VOID:
            return
        top = self._stack[-1] if self._stack else None
        in_article = tag in _ARTICLE or (top is not None and (top.in_article or top.tag in _ARTICLE))
        el = _Element(tag, i, _furniture_attr(attrs), in_article)
        el.heading = tag == "h1"
        el.table = tag == "table"
        if top is not None:
            el.owner = top if top.tag == "table" else top.owner
        self._stack.append(el)

    def handle_endtag(self, tag: str) -> None:
        i = self.n
        self.n += 1
        if tag in _UNSHOWN:
            self._hidden = max(0, self._hidden - 1)
        if tag == "a":
            self._links = max(0, self._links - 1)
        self._ending = tag
        for depth in range(1, min(len(self._stack), MAX_END_SEARCH) + 1):
            if self._stack[-depth].tag == tag:
                for _ in range(depth):
                    self._pop(i)
                break
        self._ending = ""

    def handle_data(self, data: str) -> None:
        self.n += 1
        if self._hidden or not self._stack:
            return
        n = len(_NOT_WORD.sub("", _DATE.sub("", data)))
        top = self._stack[-1]
        top.text += n
        if self._links:
            top.link += n

    def close(self) -> None:
        super().close()
        while self._stack:
            self._pop(self.n)

    def _pop(self, end: int) -> None:
        el = self._stack.pop()
        if el.tag in _TABLE_PARTS and el.tag != "table" and el.owner is not None:
            el.owner.parts.append(el.start)
            if self._closes(end, el.tag):
                el.owner.parts.append(end)
        if el.tag == "table" and self._layout(el):
            self.layout.update([el.start, *el.parts])
            if self._closes(end, el.tag):
                self.layout.add(end)
        if self._furniture(el):
            # a table's own parts stay, so its grid keeps its shape: only what they hold is left out
            inner = el.tag in _TABLE_PARTS
            self.drops.append((el.start + inner, end - inner))
        if self._stack:
            parent = self._stack[-1]
            parent.text += el.text
            parent.link += el.link
            parent.links += el.links
            parent.heading = parent.heading or el.heading
            parent.table = parent.table or el.table
            parent.nested += el.text if el.tag == "table" else el.nested
            parent.nested_layout = parent.nested_layout or (el.tag == "table" and el.start in self.layout)
            parent.nested_layout = parent.nested_layout or (el.tag != "table" and el.nested_layout)

    def _closes(self, end: int, tag: str) -> bool:
        """Event `end` is the element's own end tag (not an outer one that closed it, nor the page's end)."""
        return end < self.n and self._ending == tag

    @staticmethod
    def _layout(el: _Element) -> bool:
        """A table that lays out the page rather than holding data: it holds a table and the title,
        a text of its own or another layout table. Its cells are read as blocks, the tables in them
        as tables (read as a table, the whole report would be one cell)."""
        own = el.text - el.nested
        return el.nested > 0 and (el.heading or own > LAYOUT_TEXT or el.nested_layout)

    @staticmethod
    def _furniture(el: _Element) -> bool:
        if el.heading or el.text - el.link > MAX_FURNITURE_TEXT:
            return False  # the title is in it, or the report's own text
        if el.tag in _SITE_TAGS or (el.tag in _PAGE_TAGS and not el.in_article):
            return True
        if el.table:
            return False
        if el.named:
            return True
        return el.tag in _LISTS and el.links >= 2 and el.link * 4 >= el.text * 3  # a list of links

    def drop_starts(self) -> dict[int, int]:
        out: dict[int, int] = {}
        for start, end in self.drops:
            out[start] = max(end, out.get(start, -1))
        return out


class _Replay(_Events):
    """Second pass: the page's events into `parser`, furniture left out (`drops`: first event →
    last), the parts of layout tables as blocks."""

    def __init__(self, parser: _Parser, drops: dict[int, int], layout: set[int]) -> None:
        super().__init__()
        self.parser = parser
        self.drops = drops
        self.layout = layout
        self._skip_until = -1

    def _next(self) -> bool:
        """Number the event; False when it is left out."""
        i = self.n
        self.n += 1
        if i <= self._skip_until:
            return False
        end = self.drops.get(i)
        if end is not None:
            # the element's end tag is not replayed, so a block boundary is: it ends a line
            self.parser.handle_starttag("br", [])
            self._skip_until = end
            return False
        return True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._next():
            self.parser.handle_starttag("div" if self.n - 1 in self.layout else tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if self._next():
            self.parser.handle_endtag("div" if self.n - 1 in self.layout else tag)

    def handle_data(self, data: str) -> None:
        if self._next():
            self.parser.handle_data(data)


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


class _Parser:
    """Turns the page's events (replayed by _Recorder) into paragraphs and tables."""

    def __init__(self, path: str, drop_furniture: bool = False) -> None:
        self.path = path
        self.builder = FlowBuilder()
        self.drop_furniture = drop_furniture
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
        if self._table is not None:
            self._finish_table(self._table)
        self._flush()

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
        if text and not (self.drop_furniture and furniture_line(text)):
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
