"""Caps on what pdfminer inflates, and its log lines kept off the user's stderr.

pdfminer inflates a Flate stream with `zlib.decompress` in one call, with no limit: a 7 KB PDF
reached 8.4 GB. Its fallback for a stream with a bad checksum feeds zlib one byte at a time and
concatenates (quadratic). A CID font's /W array may name a range of billions of codes, each put in a
dict (a 794-byte PDF took 5.4 GB). The worker's memory cap would stop all three, but only after
seconds of work and with a vaguer message; these guards stop them at once and say why.

pdfminer looks these names up in its module globals at call time, so replacing them is enough.
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Iterable
from typing import Any

MAX_STREAM = 128 * 1024 * 1024  # inflated bytes of one stream; a page's content is a few MB at most
MAX_WIDTH_RANGE = 65_536  # CIDs are 16-bit: a wider /W range is hostile

_installed = False


class StreamBomb(BaseException):
    """A stream inflates beyond MAX_STREAM. BaseException: pdfminer's `except Exception` must not
    swallow it."""


class _CappedDecompressor:
    """zlib.decompressobj that refuses to produce more than MAX_STREAM bytes in total."""

    def __init__(self, *args: Any) -> None:
        self._d = zlib.decompressobj(*args)
        self._out = 0

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        out = self._d.decompress(data, MAX_STREAM + 1 - self._out)
        self._out += len(out)
        if self._out > MAX_STREAM:
            raise StreamBomb
        return out

    def flush(self, *args: Any) -> bytes:
        out = self._d.flush(*args)
        self._out += len(out)
        if self._out > MAX_STREAM:
            raise StreamBomb
        return out

    def __getattr__(self, name: str) -> Any:
        return getattr(self._d, name)


def capped_decompress(data: bytes, *args: Any) -> bytes:
    """zlib.decompress with a cap; a truncated stream still raises zlib.error, as zlib.decompress does
    (pdfminer then tries its corrupted-stream fallback)."""
    d = _CappedDecompressor()
    out = d.decompress(data)
    if not d.eof:
        raise zlib.error("Error -5 while decompressing data: incomplete or truncated stream")
    return out


def decompress_corrupted(data: bytes) -> bytes:
    """pdfminer's fallback for a stream whose checksum is wrong, in linear time and capped: an error
    in the last 4 bytes (the Adler-32 checksum) is tolerated, one before them is not."""
    d = _CappedDecompressor()
    body, tail = data[:-4], data[-4:]
    out = [d.decompress(body)]
    try:
        for i in range(len(tail)):
            out.append(d.decompress(tail[i : i + 1]))
    except zlib.error:
        pass
    return b"".join(out)


class _CappedZlib:
    """What pdfminer.pdftypes uses of the zlib module, capped."""

    error = zlib.error
    decompress = staticmethod(capped_decompress)
    decompressobj = _CappedDecompressor


def _clamped(char1: object, char2: object) -> range:
    if not isinstance(char1, int) or not isinstance(char2, int):
        return range(0)
    return range(char1, min(char2, char1 + MAX_WIDTH_RANGE - 1) + 1)


def get_widths(seq: Iterable[object]) -> dict[str | int, float]:
    """pdfminer.pdffont.get_widths with each `c1 c2 w` range clamped to MAX_WIDTH_RANGE codes."""
    from pdfminer.pdftypes import resolve1

    widths: dict[str | int, float] = {}
    r: list[Any] = []
    for v in seq:
        v = resolve1(v)
        if isinstance(v, list):
            if r and isinstance(r[-1], int):
                for i, w in enumerate(v[:MAX_WIDTH_RANGE]):
                    widths[r[-1] + i] = w
            r = []
        elif isinstance(v, (int, float)):
            r.append(v)
            if len(r) == 3:
                char1, char2, w = r
                for i in _clamped(char1, char2):
                    widths[i] = w
                r = []
    return widths


def get_widths2(seq: Iterable[object]) -> dict[int, tuple[float, tuple[float, float]]]:
    """pdfminer.pdffont.get_widths2 (vertical writing), clamped the same way."""
    widths: dict[int, tuple[float, tuple[float, float]]] = {}
    r: list[Any] = []
    for v in seq:
        if isinstance(v, list):
            if r and isinstance(r[-1], int):
                triples = [v[j : j + 3] for j in range(0, min(len(v), 3 * MAX_WIDTH_RANGE) - 2, 3)]
                for i, (w, vx, vy) in enumerate(triples):
                    widths[r[-1] + i] = (w, (vx, vy))
            r = []
        elif isinstance(v, (int, float)):
            r.append(v)
            if len(r) == 5:
                char1, char2, w, vx, vy = r
                for i in _clamped(char1, char2):
                    widths[i] = (w, (vx, vy))
                r = []
    return widths


def install() -> None:
    """Put the caps in place (once per process) and keep pdfminer's warnings off stderr: a line like
    "CropBox missing from /Page" names no file, and every real problem is reported as the file's error."""
    global _installed
    if _installed:
        return
    import pdfminer.pdffont
    import pdfminer.pdftypes

    pdfminer.pdftypes.zlib = _CappedZlib  # type: ignore[assignment]
    pdfminer.pdftypes.decompress_corrupted = decompress_corrupted
    pdfminer.pdffont.get_widths = get_widths
    pdfminer.pdffont.get_widths2 = get_widths2
    for name in ("pdfminer", "pdfplumber"):
        log = logging.getLogger(name)
        log.addHandler(logging.NullHandler())
        log.propagate = False
    _installed = True
