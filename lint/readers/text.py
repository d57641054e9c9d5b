"""Plain text and Markdown: decode (UTF-8, BOM, GB18030) and fold newlines."""

from __future__ import annotations

import unicodedata

from lint.errors import InputError
from lint.model import Document
from lint.readers.cuts import compose
from lint.readers.furniture import drop_furniture
from lint.readers.spacing import close_spacing
from lint.readers.unwrap import unwrap

_BOMS = (  # longest first: a UTF-32-LE BOM begins with the UTF-16-LE one
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
    (b"\xff\xfe", "utf-16-le", "UTF-16"),
    (b"\xfe\xff", "utf-16-be", "UTF-16"),
)


def decode(data: bytes, path: str) -> str:
    """Decode report bytes; binary garbage is an InputError, not mojibake. A BOM decides the encoding,
    and what it decodes must still look like text (a UTF-16 BOM in front of binary is binary)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    else:
        for bom, enc, name in _BOMS:
            if data.startswith(bom):
                try:
                    text = data[len(bom) :].decode(enc)
                except UnicodeDecodeError:
                    raise InputError(path, f"无法解码的 {name} 文本", f"undecodable {name} text") from None
                if _looks_binary(text):
                    raise InputError(path, *_BINARY)
                return text
    if b"\x00" in data[:4096]:
        raise InputError(path, *_BINARY)
    for enc in ("utf-8", "gb18030"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _looks_binary(text):
            break
        return text
    raise InputError(
        path,
        "无法识别的文本编码（既非 UTF-8 也非 GB18030/GBK）",
        "undecodable text (neither UTF-8 nor GB18030/GBK)",
    )


_BINARY = ("不是文本文件（二进制内容）", "not a text file (binary content)")
# Not text: controls other than whitespace, unassigned code points, surrogates, private use (random
# bytes decoded as UTF-16/32 are a quarter of these); GB18030 maps a few rare characters to private
# use, hence a threshold rather than zero.
_NOT_TEXT = frozenset({"Cc", "Cn", "Cs", "Co"})


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    if not sample:
        return False
    bad = sum(1 for c in sample if c not in "\n\r\t\f\v" and unicodedata.category(c) in _NOT_TEXT)
    return bad > max(2, len(sample) // 200)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(data: bytes, path: str, fmt: str = "txt") -> Document:
    """A text file; one saved from a PDF has its page furniture dropped, spaced-out letters closed and,
    wrapped at the page width, its paragraphs rejoined (every location stays the file's)."""
    text = normalise_newlines(decode(data, path))
    if fmt == "txt":
        # spaced-out letters closed first, so that the wrap measure reads whole lines; page furniture
        # last: a hard-wrapped text loses it as its lines are rejoined, one typed a paragraph a line here
        closed = close_spacing(text)
        cuts, current = closed.cuts, closed.text
        joined = unwrap(current)
        if joined is not None:
            cuts, current = compose(cuts, joined.cuts), joined.text
        bare = drop_furniture(current)
        cuts, current = compose(cuts, bare.cuts), bare.text
        if cuts:
            return Document(path=path, text=current, fmt=fmt, source=text, cuts=cuts)
    return Document(path=path, text=text, fmt=fmt)
