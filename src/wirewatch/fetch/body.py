"""Read a response body under a size cap, decompressing it ourselves.

httpx would decompress a whole network chunk at once, so a 64 KB gzip chunk could become
64 MB in memory before any cap is checked. Here the raw bytes are read and inflated with
``max_length``, and the download is abandoned the moment the decoded size passes the cap
(gzip and deflate bombs included).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator

import httpx

from wirewatch.errors import FetchError

#: What we ask for; anything else in Content-Encoding is refused.
ACCEPT_ENCODING = "gzip, deflate"
_STEP = 64 * 1024


class TooLargeError(FetchError):
    """The body passed the size cap (raw or decompressed)."""


def _decoder(encoding: str) -> zlib._Decompress | None:
    if encoding in ("", "identity"):
        return None
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if encoding == "deflate":
        return zlib.decompressobj()
    raise FetchError(f"unsupported Content-Encoding {encoding!r}.",
                     hint=f"wirewatch asks for {ACCEPT_ENCODING} only.")


def _inflate(decoder: zlib._Decompress, chunk: bytes, room: int) -> Iterator[bytes]:
    """Decompressed pieces of ``chunk``, never more than ``room + 1`` bytes in total."""
    data = chunk
    while True:
        piece = decoder.decompress(data, min(_STEP, room + 1))
        if piece:
            yield piece
            room -= len(piece)
            if room < 0:
                return
        data = decoder.unconsumed_tail
        if not data:
            return


def read_capped(response: httpx.Response, max_bytes: int, url: str) -> bytes:
    """The decoded body of a streamed response; raises :class:`TooLargeError` past ``max_bytes``."""
    declared = response.headers.get("content-length", "")
    encoding = response.headers.get("content-encoding", "").strip().lower()
    if declared.isdigit() and int(declared) > max_bytes and encoding in ("", "identity"):
        raise _too_large(url, max_bytes, f"Content-Length is {int(declared):,} bytes")
    if response.is_stream_consumed:   # already read (httpx.MockTransport in tests): decoded by httpx
        if len(response.content) > max_bytes:
            raise _too_large(url, max_bytes, "the body")
        return response.content
    decoder = _decoder(encoding)
    out = bytearray()
    raw_seen = 0
    try:
        for chunk in response.iter_raw():
            raw_seen += len(chunk)
            if raw_seen > max_bytes:
                raise _too_large(url, max_bytes, "the download")
            pieces = [chunk] if decoder is None else _inflate(decoder, chunk, max_bytes - len(out))
            for piece in pieces:
                out += piece
                if len(out) > max_bytes:
                    raise _too_large(url, max_bytes, "the decoded body" if decoder else "the download")
    except zlib.error as exc:
        raise FetchError(f"{url}: the {encoding} body is corrupt ({exc}).") from exc
    return bytes(out)


def _too_large(url: str, cap: int, what: str) -> TooLargeError:
    return TooLargeError(f"{url}: {what} is over the {cap:,}-byte size cap; abandoned.",
                         hint="Raise watch.fetch.max_bytes if such pages are expected.")
