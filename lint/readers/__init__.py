"""Readers: path → Document. Each format has one module; this one dispatches by suffix.

Readers never judge the content: they only turn bytes into text, tables and locations.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from lint.errors import InputError
from lint.model import Document
from lint.readers.hanzi import fold_document
from lint.readers.text import read_text

SUFFIXES: dict[str, str] = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".pdf": "pdf",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
}

MAX_TEXT_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class ReadOptions:
    password: str | None = None
    timeout: float = 60.0  # seconds per file (PDF)
    max_pages: int = 2000


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES


def read(path: str, options: ReadOptions | None = None) -> Document:
    """Read one report. Raises InputError (one line naming the file) for anything unreadable.
    A report in traditional characters comes back folded to simplified, offsets unchanged."""
    return fold_document(_read(path, options))


def _read(path: str, options: ReadOptions | None = None) -> Document:
    options = options or ReadOptions()
    if path == "-":
        return _text_tables(fold_document(read_text(sys.stdin.buffer.read(MAX_TEXT_BYTES), "<stdin>", "txt")))
    p = Path(path)
    if not p.exists():
        raise InputError(path, "文件不存在", "no such file")
    if p.is_dir():
        raise InputError(path, "是目录而不是文件", "is a directory, not a file")
    fmt = SUFFIXES.get(p.suffix.lower(), "txt")
    try:
        size = p.stat().st_size
        if fmt in ("txt", "md", "html") and size > MAX_TEXT_BYTES:
            raise InputError(path, "文件过大（超过 64 MB）", "file too large (over 64 MB)")
        if fmt == "pdf":
            from lint.readers.pdf import read_pdf

            return read_pdf(p, path, options)
        if fmt == "docx":
            from lint.readers.docx import read_docx

            return _text_tables(read_docx(p, path))
        data = p.read_bytes()
    except PermissionError:
        raise InputError(path, "没有读取权限", "permission denied") from None
    except OSError as e:
        raise InputError(path, f"无法读取：{e.strerror}", f"cannot read: {e.strerror}") from None
    if fmt == "html":
        from lint.readers.html import read_html

        return read_html(data, path)
    doc = fold_document(read_text(data, path, fmt))  # 繁体 folded before tables look for 单位：万元
    if fmt == "md":
        from lint.readers.markdown import parse_markdown_tables

        parse_markdown_tables(doc)
    return _text_tables(doc)


def _text_tables(doc: Document) -> Document:
    """Tables written as separated lines of text (tabs, "|", spaces) in a text, Markdown or Word body."""
    from lint.readers.texttables import parse_text_tables

    parse_text_tables(doc, markdown=doc.fmt == "md")
    return doc
