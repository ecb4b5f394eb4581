"""One local server for every hostile case: LocalSite's scripted replies, plus answers no
well-behaved server library would send.

with HostileSite() as site:
    site.reply("/feed.xml", rss(...))           # scripted, as with LocalSite
    site.url("/hostile/drip-headers")           # a status line and headers, one byte per `drip_seconds`
    site.url("/hostile/redirect?to=URL")        # 302 to any URL
"""

from __future__ import annotations

import time
from urllib.parse import parse_qs, urlsplit

from ..servers import LocalSite


class HostileSite(LocalSite):
    def __init__(self, drip_seconds: float = 0.1, drip_for: float = 10.0) -> None:
        super().__init__()
        self.drip_seconds = drip_seconds
        self.drip_for = drip_for  # the server gives up dripping after this long, so a test cannot hang
        self._server.RequestHandlerClass = _hostile_handler(self, self._server.RequestHandlerClass)


def _hostile_handler(site: HostileSite, scripted: type) -> type:
    class HostileHandler(scripted):
        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            if parts.path == "/hostile/drip-headers":
                site._count(parts.path, dict(self.headers))
                self._drip(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Padding: " + b"a" * 10_000)
            elif parts.path == "/hostile/redirect":
                site._count(parts.path, dict(self.headers))
                self.send_response(302)
                self.send_header("Location", parse_qs(parts.query)["to"][0])
                self.send_header("Content-Length", "0")
                self.end_headers()
            else:
                super().do_GET()

        def _drip(self, data: bytes) -> None:
            ends = time.monotonic() + site.drip_for
            try:
                for byte in data:
                    if time.monotonic() > ends:
                        break
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(site.drip_seconds)
            except OSError:  # the client hung up, as it should
                pass
            self.close_connection = True

    return HostileHandler
