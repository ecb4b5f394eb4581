"""A local HTTP server whose answers each test scripts, including the rude ones.

with LocalSite() as site:
    site.reply("/feed.xml", body=rss, headers={"Content-Type": "application/rss+xml"}, etag='"v1"')
    site.reply("/slow", delay=2.0)
    site.reply("/reset", reset=True)
    fetch(site.url("/feed.xml"))
    site.hits["/feed.xml"]   # how many requests reached that path
"""

from __future__ import annotations

import gzip
import socket
import struct
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the status line
    etag: str | None = None  # answers 304 to a matching If-None-Match
    reset: bool = False  # drop the connection with a TCP reset instead of answering
    stream_bytes: int = 0  # send this many filler bytes as the body, without holding them in memory
    close_delimited: bool = False  # no Content-Length: the body ends when the connection closes


class LocalSite:
    """A threaded HTTP/1.1 server on 127.0.0.1 (a free port) answering with scripted replies."""

    def __init__(self) -> None:
        self.replies: dict[str, Reply] = {}
        self.hits: Counter[str] = Counter()
        self.request_headers: dict[str, list[dict[str, str]]] = {}
        self.bytes_sent = 0
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def __enter__(self) -> LocalSite:
        self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def origin(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.origin + path

    def reply(self, path: str, body: bytes | str = b"", **options) -> None:
        """Script the answer for a path (query string included when it has one)."""
        self.replies[path] = Reply(body=body.encode("utf-8") if isinstance(body, str) else body, **options)

    def _count(self, path: str, headers: dict[str, str]) -> None:
        with self._lock:
            self.hits[path] += 1
            self.request_headers.setdefault(path, []).append(headers)


def gzip_bomb(decompressed_bytes: int) -> bytes:
    """A small gzip body that inflates to `decompressed_bytes` zeros."""
    return gzip.compress(b"\0" * decompressed_bytes, compresslevel=9)


def _handler_for(site: LocalSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body go out in two writes; no 40 ms stall between

        def log_message(self, *args) -> None:  # keep test output clean
            pass

        def do_GET(self) -> None:
            path = self.path
            reply = site.replies.get(path) or site.replies.get(path.split("?")[0]) or Reply(404, b"not found")
            site._count(path, dict(self.headers))
            if reply.delay:
                time.sleep(reply.delay)
            if reply.reset:
                # SO_LINGER with a zero timeout makes close() send RST, not FIN.
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                self.connection.close()
                self.close_connection = True
                return
            if reply.etag and self.headers.get("If-None-Match") == reply.etag:
                self.send_response(304)
                self.send_header("ETag", reply.etag)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            length = reply.stream_bytes or len(reply.body)
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            if reply.etag:
                self.send_header("ETag", reply.etag)
            if reply.close_delimited:
                self.send_header("Connection", "close")
                self.close_connection = True
            else:
                self.send_header("Content-Length", str(length))
            self.end_headers()
            try:
                if reply.stream_bytes:
                    filler = b"x" * 65536
                    for offset in range(0, reply.stream_bytes, len(filler)):
                        self.wfile.write(filler[: reply.stream_bytes - offset])
                else:
                    self.wfile.write(reply.body)
            except (BrokenPipeError, ConnectionResetError):  # the client hung up, as it should
                self.close_connection = True
            with site._lock:
                site.bytes_sent += length

    return Handler
