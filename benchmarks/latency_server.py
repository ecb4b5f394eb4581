"""News hosts on 127.0.0.1 that answer every request after a fixed latency, for bench_poll.

Run as a process of its own so the client being measured does not share its interpreter:
    python benchmarks/latency_server.py --hosts 20 --feeds-per-host 10 --articles-per-feed 10 --latency 0.05
It prints one JSON line {"origins": [...]} and serves until killed. Each host serves
/feed/<n>.xml (RSS with an ETag, 304 on If-None-Match) and /article/<n>/<m> (about 20 KB of
HTML); GET /__stats on any host returns the bytes all hosts have sent, headers included.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
import time
from datetime import datetime, timezone
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class _CountingWriter:
    def __init__(self, stream, tally: list[int], lock: threading.Lock):
        self._stream, self._tally, self._lock = stream, tally, lock

    def write(self, data: bytes) -> int:
        with self._lock:
            self._tally[0] += len(data)
        return self._stream.write(data)

    def __getattr__(self, name):
        return getattr(self._stream, name)


class NewsHandler(BaseHTTPRequestHandler):
    """What every simulated news host shares: HTTP/1.1, no access log, one way to answer."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in two writes; no 40 ms stall between

    def log_message(self, *args) -> None:
        pass

    def answer(self, status: int, body: bytes, content_type: str | None, etag: str | None = None) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        if etag:
            self.send_header("ETag", etag)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def start_hosts(hosts: int, handler: type[BaseHTTPRequestHandler]) -> list[str]:
    """That many servers on 127.0.0.1, each on its own port, served from daemon threads; their origins."""
    origins = []
    for _ in range(hosts):
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        origins.append(f"http://127.0.0.1:{server.server_address[1]}")
    return origins


def serve(hosts: int, feeds_per_host: int, articles_per_feed: int, latency: float) -> list[str]:
    sent, lock = [0], threading.Lock()
    published = format_datetime(datetime.now(timezone.utc))
    filler = "<p>" + "ASEAN foreign ministers met in Kuala Lumpur. " * 40 + "</p>"

    class Handler(NewsHandler):
        def setup(self) -> None:
            super().setup()
            self.wfile = _CountingWriter(self.wfile, sent, lock)

        def do_GET(self) -> None:
            time.sleep(latency)
            origin = f"http://{self.headers['Host']}"
            parts = self.path.strip("/").split("/")
            if parts == ["__stats"]:
                self.answer(200, json.dumps({"bytes_sent": sent[0]}).encode(), "application/json")
            elif parts[0] == "feed" and len(parts) == 2:
                feed = parts[1].removesuffix(".xml")
                etag = f'"{feed}-v1"'
                if self.headers.get("If-None-Match") == etag:
                    self.answer(304, b"", None, etag)
                    return
                items = "".join(
                    f"<item><title>Story {feed}-{n}</title><link>{origin}/article/{feed}/{n}</link>"
                    f"<pubDate>{published}</pubDate></item>"
                    for n in range(articles_per_feed)
                )
                body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>{feed}</title>{items}</channel></rss>'
                self.answer(200, body.encode(), "application/rss+xml", etag)
            elif parts[0] == "article" and len(parts) == 3:
                body = f"<html><head><title>Story {parts[1]}-{parts[2]}</title></head><body>{filler * 10}</body></html>"
                self.answer(200, body.encode(), "text/html; charset=utf-8")
            else:
                self.answer(404, b"not found", "text/plain")

    return start_hosts(hosts, Handler)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hosts", type=int, default=20)
    parser.add_argument("--feeds-per-host", type=int, default=10)
    parser.add_argument("--articles-per-feed", type=int, default=10)
    parser.add_argument("--latency", type=float, default=0.05)
    args = parser.parse_args()
    origins = serve(args.hosts, args.feeds_per_host, args.articles_per_feed, args.latency)
    print(json.dumps({"origins": origins}), flush=True)
    threading.Event().wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
