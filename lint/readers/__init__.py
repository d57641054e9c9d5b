"""Readers: path → Document. Each format has one module; this one decides the format and dispatches.

Readers never judge the content: they only turn bytes into text, tables and locations. The format is
decided by content where content says it (%PDF-, a zip or OLE container), by the name otherwise: a PDF
renamed .txt or piped to stdin is read as a PDF, never passed clean as text it is not.
"""

from __future__ import annotations

import os
import stat
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
MAX_STDIN_BYTES = 256 * 1024 * 1024  # stdin may carry a PDF
STDIN_NAME = "<stdin>"
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True)
class ReadOptions:
    password: str | None = None
    timeout: float = 60.0  # seconds per PDF read in-process (0: none; a worker process has its own)
    max_pages: int = 2000
    reader: str = (
        "pdfium"  # pdfminer reads the pages pdfium might read differently; "pdfplumber": the reference
    )


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES


def sniff(head: bytes, declared: str) -> str:
    """The format the first bytes say, else the one the name says."""
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith((_ZIP, _OLE)):
        return "docx"  # the Word reader names a .doc, an encrypted file or a zip that is no .docx
    return declared


def read_stdin() -> bytes:
    """All of stdin (up to a cap); a closed or unreadable stdin is an InputError, not a crash."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputError("-", "标准输入不可用（已关闭）", "stdin is not available (closed)")
    try:
        data: bytes = stream.read(MAX_STDIN_BYTES + 1)
    except (OSError, ValueError) as e:
        why = getattr(e, "strerror", None) or "closed"
        raise InputError("-", f"无法读取标准输入：{why}", f"cannot read stdin: {why}") from None
    if len(data) > MAX_STDIN_BYTES:
        raise InputError("-", "标准输入过大（超过 256 MB）", "stdin too large (over 256 MB)")
    return data


def read(path: str, options: ReadOptions | None = None, data: bytes | None = None) -> Document:
    """Read one report. Raises InputError (one line naming the file) for anything unreadable.
    A report in traditional characters comes back folded to simplified, offsets unchanged."""
    return fold_document(_read(path, options, data))


def _read(path: str, options: ReadOptions | None = None, data: bytes | None = None) -> Document:
    """The format's reader, unfolded.

    `data` is stdin's content when path is "-" and the caller has already read it (a worker process
    cannot read the parent's stdin)."""
    options = options or ReadOptions()
    if path == "-":
        raw = read_stdin() if data is None else data
        return _read_bytes(raw, STDIN_NAME, sniff(raw[:1024], "txt"), options)
    try:
        st = os.stat(path)
        if stat.S_ISDIR(st.st_mode):
            raise InputError(path, "是目录而不是文件", "is a directory, not a file")
        if not stat.S_ISREG(st.st_mode):
            raise InputError(
                path, "不是普通文件（设备、管道或套接字）", "not a regular file (device, pipe or socket)"
            )
        p = Path(path)
        with p.open("rb") as f:
            head = f.read(1024)
            fmt = sniff(head, SUFFIXES.get(p.suffix.lower(), "txt"))
            if fmt in ("txt", "md", "html"):
                if st.st_size > MAX_TEXT_BYTES:
                    raise InputError(path, "文件过大（超过 64 MB）", "file too large (over 64 MB)")
                raw = head + f.read(MAX_TEXT_BYTES + 1 - len(head))
                if len(raw) > MAX_TEXT_BYTES:
                    raise InputError(path, "文件过大（超过 64 MB）", "file too large (over 64 MB)")
                return _read_bytes(raw, path, fmt, options)
        return _read_file(p, path, fmt, options)
    except FileNotFoundError:
        raise InputError(path, "文件不存在", "no such file") from None
    except PermissionError:
        raise InputError(path, "没有读取权限", "permission denied") from None
    except OSError as e:
        why = e.strerror or type(e).__name__
        raise InputError(path, f"无法读取：{why}", f"cannot read: {why}") from None
    except ValueError:  # an embedded NUL in the name
        raise InputError(path, "文件名无效", "invalid file name") from None


def _read_file(p: Path, path: str, fmt: str, options: ReadOptions) -> Document:
    if fmt == "pdf":
        from lint.readers.pdf import read_pdf

        return read_pdf(p, path, options)
    from lint.readers.docx import read_docx

    return _text_tables(read_docx(p, path))


def _read_bytes(data: bytes, path: str, fmt: str, options: ReadOptions) -> Document:
    if fmt == "pdf":
        from lint.readers.pdf import read_pdf

        return read_pdf(data, path, options)
    if fmt == "docx":
        from lint.readers.docx import read_docx

        return _text_tables(read_docx(data, path))
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
    from lint.readers.scoresheets import parse_score_sheets

    parse_score_sheets(doc)
    return doc
