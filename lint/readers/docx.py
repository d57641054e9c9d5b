"""Word (.docx): body paragraphs and tables in document order, via python-docx.

Text is read from the XML directly rather than `Paragraph.text`, which skips tracked insertions,
content controls and fields; deleted text, field codes and VML fallbacks (duplicates) are left out.
Headers, footers, footnotes and comments are not part of the body and are not read.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lint.errors import InputError
from lint.model import Document
from lint.readers.hanzi import fold, is_traditional
from lint.readers.tables import FlowBuilder, Grid, check_grid_size

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
W_P, W_TBL, W_TR, W_TC = _W + "p", _W + "tbl", _W + "tr", _W + "tc"
W_VAL = _W + "val"

# Wrappers whose children are ordinary body content (content controls, custom XML, smart tags).
_CONTAINERS = frozenset({_W + "sdt", _W + "sdtContent", _W + "customXml", _W + "smartTag"})
# Never text: properties, deleted/moved-away text, field instructions, the VML copy of a text box.
_SKIP = frozenset(
    {
        _W + "pPr",
        _W + "rPr",
        _W + "sdtPr",
        _W + "sdtEndPr",
        _W + "tblPr",
        _W + "trPr",
        _W + "tcPr",
        _W + "del",
        _W + "moveFrom",
        _W + "delText",
        _W + "instrText",
        _MC + "Fallback",
    }
)
_INLINE = {_W + "tab": "\t", _W + "br": "\n", _W + "cr": "\n", _W + "noBreakHyphen": "-"}

# Uncompressed word/document.xml: lxml's tree takes ≈10× the XML, and the worker's cap is 1 GB (a 190 MB
# document.xml took 5.9 GB and 113 s); a 500-page report's XML is ≈20 MB.
MAX_DOCUMENT_XML = 48 * 1024 * 1024
MAX_TOTAL = 256 * 1024 * 1024  # python-docx loads every part (images too) into memory
MAX_MEMBERS = 10_000

_NOT_DOCX = ("不是可读的 Word 文件（.docx）", "not a readable Word file (.docx)")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read_docx(source: Path | bytes, path: str) -> Document:
    """Read a .docx (a file, or stdin's bytes); every failure, whatever python-docx or zipfile raise,
    is an InputError."""
    p: Path | io.BytesIO = io.BytesIO(source) if isinstance(source, bytes) else source
    try:
        _check_container(p, path)
        import docx

        if isinstance(p, io.BytesIO):
            p.seek(0)
        document = docx.Document(p if isinstance(p, io.BytesIO) else str(p))
        builder = FlowBuilder()
        _walk(document.element.body, builder, path)
        doc = builder.build(path, "docx")
        if is_traditional(doc.text):  # 繁体: lay it out again, folded, so tables read their units
            builder = FlowBuilder(fold)
            _walk(document.element.body, builder, path)
            folded = builder.build(path, "docx")
            folded.original = doc.text
            return folded
        return doc
    except (InputError, MemoryError):
        raise
    except OSError as e:
        raise InputError(path, f"无法读取：{e.strerror}", f"cannot read: {e.strerror}") from None
    except Exception:
        raise InputError(path, *_NOT_DOCX) from None


def _check_container(p: Path | io.BytesIO, path: str) -> None:
    """Refuse .doc, encrypted files and zip bombs before python-docx inflates anything."""
    if isinstance(p, io.BytesIO):
        head = p.getvalue()[: 8 * 1024 * 1024]
    else:
        with p.open("rb") as f:
            head = f.read(8 * 1024 * 1024)
    if head.startswith(_OLE):
        # Office wraps a password-protected .docx in an OLE file with an EncryptedPackage stream.
        if "EncryptedPackage".encode("utf-16-le") in head:
            raise InputError(
                path,
                "Word 文件已加密，请去除密码后另存为 .docx",
                "encrypted Word file; remove the password and save it as .docx",
            )
        raise InputError(
            path,
            "不支持旧版 Word 格式（.doc），请在 Word 中另存为 .docx",
            "legacy Word format (.doc) is not supported; save it as .docx",
        )
    if not zipfile.is_zipfile(p):
        raise InputError(path, *_NOT_DOCX)
    with zipfile.ZipFile(p) as z:
        infos = z.infolist()
    sizes = {i.filename: i.file_size for i in infos}
    if "word/document.xml" not in sizes:
        raise InputError(path, *_NOT_DOCX)
    if (
        sizes["word/document.xml"] > MAX_DOCUMENT_XML
        or sum(sizes.values()) > MAX_TOTAL
        or len(infos) > MAX_MEMBERS
    ):
        raise InputError(
            path,
            "Word 文件解压后过大（可能是压缩炸弹）",
            "Word file too large when uncompressed (zip bomb?)",
        )


def _walk(body: Any, builder: FlowBuilder, path: str) -> None:
    """Paragraphs and tables in document order, looking inside content controls."""
    for el in body.iterchildren():
        if el.tag == W_P:
            builder.paragraph(_p_text(el), keep_tabs=True)
        elif el.tag == W_TBL:
            builder.table(_grid(el, path))
        elif el.tag in _CONTAINERS:
            _walk(el, builder, path)


def _p_text(p: Any) -> str:
    out: list[str] = []
    _collect(p, out)
    return "".join(out)


def _collect(el: Any, out: list[str]) -> None:
    for child in el.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:  # comments and processing instructions
            continue
        if tag == _W + "t":
            out.append(child.text or "")
        elif tag in _INLINE:
            out.append(_INLINE[tag])
        elif tag == W_P:  # a paragraph inside a text box in this paragraph
            out.append(" ")
            _collect(child, out)
            out.append(" ")
        else:
            _collect(child, out)


def _kids(el: Any, tag: str) -> Iterator[Any]:
    """Children with `tag`, including those wrapped in content controls."""
    for child in el.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag in _CONTAINERS:
            yield from _kids(child, tag)


def _grid(tbl: Any, path: str) -> Grid:
    """Rows of cell texts; positions covered by a merged cell (gridSpan, vMerge) are None."""
    rows: Grid = []
    n_cells = 0
    for tr in _kids(tbl, W_TR):
        row: list[str | None] = [None] * _prop_int(tr, "trPr", "gridBefore", 0)
        for tc in _kids(tr, W_TC):
            span = _prop_int(tc, "tcPr", "gridSpan", 1)
            row.append(None if _continues_merge(tc) else _cell_text(tc))
            row.extend([None] * (span - 1))
            check_grid_size(path, 1, n_cells + len(row))
        rows.append(row)
        n_cells += len(row)
    return rows


def _prop_int(el: Any, props: str, name: str, default: int) -> int:
    """An integer property such as w:gridSpan, clamped so a hostile value cannot blow up the grid."""
    node = el.find(f"{_W}{props}/{_W}{name}")
    if node is None:
        return default
    try:
        return max(0, min(int(node.get(W_VAL, default)), 1000))
    except ValueError:
        return default


def _continues_merge(tc: Any) -> bool:
    """A cell continuing a vertical (or legacy horizontal) merge shows the merged cell's text."""
    for name in ("vMerge", "hMerge"):
        node = tc.find(f"{_W}tcPr/{_W}{name}")
        if node is not None and node.get(W_VAL, "continue") == "continue":
            return True
    return False


def _cell_text(tc: Any) -> str:
    return " ".join(t for t in (s.strip() for s in _block_texts(tc)) if t)


def _block_texts(el: Any) -> Iterator[str]:
    """Paragraph texts of a cell, nested tables flattened in reading order."""
    for child in el.iterchildren():
        if child.tag == W_P:
            yield _p_text(child)
        elif child.tag == W_TBL:
            for tr in _kids(child, W_TR):
                for tc in _kids(tr, W_TC):
                    yield from _block_texts(tc)
        elif child.tag in _CONTAINERS:
            yield from _block_texts(child)
