"""Plain text and Markdown: decode (UTF-8, BOM, GB18030) and fold newlines."""

from __future__ import annotations

from lint.errors import InputError
from lint.model import Document


def decode(data: bytes, path: str) -> str:
    """Decode report bytes; binary garbage is an InputError, not mojibake."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(path, "无法解码的 UTF-16 文本", "undecodable UTF-16 text") from None
    if b"\x00" in data[:4096]:
        raise InputError(path, "不是文本文件（二进制内容）", "not a text file (binary content)")
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


def _looks_binary(text: str) -> bool:
    """Control characters other than whitespace mean this is not a report."""
    sample = text[:8192]
    if not sample:
        return False
    bad = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f\v")
    return bad > max(2, len(sample) // 200)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(data: bytes, path: str, fmt: str = "txt") -> Document:
    text = normalise_newlines(decode(data, path))
    return Document(path=path, text=text, fmt=fmt)
