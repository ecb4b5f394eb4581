"""A polite, bounded HTTP client for one polling run.

One `requests` session (retries with backoff and jitter in urllib3), robots.txt read once
per host, a gate per host that spaces requests and caps how many are in flight, and a
streamed size cap counted on decoded bytes, so neither a 2 GB page nor a gzip bomb fits
into memory. Failures come out as `FetchFailed` with a short reason class for source health.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.robotparser import RobotFileParser

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import (
    ConnectTimeoutError,
    DecodeError,
    NameResolutionError,
    NewConnectionError,
    ProtocolError,
    ReadTimeoutError,
)
from urllib3.util.retry import Retry

from pantau.ingest.urls import origin
from pantau.registry.sources import Politeness

USER_AGENT = "Pantau/0.1 (+https://github.com/pantau; media monitoring)"
ROBOTS_AGENT = "Pantau"
_CHUNK = 64 * 1024
# RFC 9309 asks crawlers to read at least 500 KiB of robots.txt; more is not a robots file.
_ROBOTS_MAX_BYTES = 512 * 1024


@dataclass(frozen=True)
class FetchSettings:
    # Outlets' servers answer in well under a second; 10 s to connect means the host is down.
    connect_timeout: float = 10.0
    # Between two packets; a big page arrives in many, so this is not a cap on the whole page.
    read_timeout: float = 30.0
    # The whole response, so a server dripping a byte at a time under the read timeout still ends.
    max_seconds: float = 120.0
    # Decoded bytes. The heaviest real article pages are 2-3 MB of HTML; feeds less.
    max_body_bytes: int = 20 * 2**20
    max_redirects: int = 5
    # Retries on connect errors, a reset before the answer, and 5xx/429: transient by nature.
    retries: int = 3
    # Waits of factor * 2^n seconds (1, 2, 4...) plus up to `backoff_jitter` s of random jitter,
    # so many tasks failing together do not come back together.
    backoff_factor: float = 1.0
    backoff_jitter: float = 1.0
    backoff_max: float = 60.0
    # Retry-After is honoured up to this many seconds; longer, and the task's own retry comes later.
    retry_after_max: int = 120
    # A robots.txt Crawl-delay above this is read as this (some sites ask for an hour).
    max_crawl_delay: float = 30.0
    # Requests in flight in the whole run (threads across hosts).
    workers: int = 16
    respect_robots: bool = True


@dataclass(frozen=True)
class Fetched:
    url: str  # as requested
    final_url: str  # after redirects
    status: int
    headers: dict[str, str]
    body: bytes  # decoded (no Content-Encoding left); empty for a 304
    received: int  # bytes on the wire for the body (before decoding)

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class FetchFailed(Exception):
    """No usable response; `reason` is the health class (dns, timeout, connection, robots, too-large...)."""

    def __init__(self, reason: str, detail: str):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


class _HostGate:
    """At most `concurrency` requests in flight to a host, their starts `min_delay` apart."""

    def __init__(self, politeness: Politeness):
        self.min_delay = politeness.min_delay_seconds
        self._slots = threading.BoundedSemaphore(politeness.concurrency)
        self._lock = threading.Lock()
        self._next_start = 0.0

    def slow_down_to(self, delay: float) -> None:
        with self._lock:
            self.min_delay = max(self.min_delay, delay)

    @contextmanager
    def turn(self) -> Iterator[None]:
        with self._slots:
            with self._lock:
                now = time.monotonic()
                start = max(now, self._next_start)
                self._next_start = start + self.min_delay
            time.sleep(start - now)
            yield


class Fetcher:
    """The HTTP side of one polling run; thread-safe, share it across the run's sources."""

    def __init__(self, settings: FetchSettings | None = None):
        self.settings = settings = settings or FetchSettings()
        retry = Retry(
            total=None,
            connect=settings.retries,
            read=1,  # one retry for a reset before the answer; a slow server is not retried twice
            status=settings.retries,
            other=0,
            status_forcelist={429, 500, 502, 503, 504},
            allowed_methods={"GET", "HEAD"},
            backoff_factor=settings.backoff_factor,
            backoff_jitter=settings.backoff_jitter,
            backoff_max=settings.backoff_max,
            retry_after_max=settings.retry_after_max,
            raise_on_status=False,  # the last answer comes back and is recorded with its status
        )
        adapter = HTTPAdapter(max_retries=retry, pool_connections=64, pool_maxsize=settings.workers)
        self._session = requests.Session()
        self._session.headers["User-Agent"] = USER_AGENT
        self._session.max_redirects = settings.max_redirects
        self._session.mount("http://", adapter)
        self._session.mount("https://", adapter)
        self._lock = threading.Lock()
        self._gates: dict[str, _HostGate] = {}
        self._robots: dict[str, RobotFileParser | FetchFailed | None] = {}
        self._robots_locks: dict[str, threading.Lock] = {}
        self.requests_made = 0
        self.bytes_received = 0

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        self._session.close()

    def get(
        self,
        url: str,
        *,
        politeness: Politeness | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Fetched:
        """GET a URL within robots.txt and the host's politeness; conditional when validators are given.
        `headers` are the source's own (see Source.headers), on top of the session's User-Agent."""
        gate = self._gate(url, politeness)
        if self.settings.respect_robots:
            self._check_robots(url, gate)
        headers = dict(headers or {})
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        with gate.turn():
            return self._request(url, headers, self.settings.max_body_bytes)

    def _gate(self, url: str, politeness: Politeness | None) -> _HostGate:
        # The first source to name a host sets its politeness; Bernama's services share one host.
        with self._lock:
            return self._gates.setdefault(origin(url), _HostGate(politeness or Politeness()))

    def _check_robots(self, url: str, gate: _HostGate) -> None:
        site = origin(url)
        with self._lock:
            site_lock = self._robots_locks.setdefault(site, threading.Lock())
        with site_lock:
            if site not in self._robots:
                self._robots[site] = self._read_robots(site, gate)
        rules = self._robots[site]
        if isinstance(rules, FetchFailed):
            raise rules
        if rules is not None and not rules.can_fetch(ROBOTS_AGENT, url):
            raise FetchFailed("robots", f"robots.txt of {site} disallows {url}")

    def _read_robots(self, site: str, gate: _HostGate) -> RobotFileParser | FetchFailed | None:
        """The host's rules; None when there are none to follow (RFC 9309: 4xx or no answer)."""
        try:
            with gate.turn():
                fetched = self._request(f"{site}/robots.txt", {}, _ROBOTS_MAX_BYTES)
        except FetchFailed:
            # The page request that follows fails with the accurate class (dns, timeout...).
            return None
        if fetched.status >= 500:
            # RFC 9309: an unreachable robots.txt means the whole site is off limits for now.
            return FetchFailed(
                f"http-{fetched.status}",
                f"{site}/robots.txt answered {fetched.status}; "
                "the site counts as disallowed until it answers (RFC 9309)",
            )
        if fetched.status >= 400:
            return None
        rules = RobotFileParser()
        rules.parse(fetched.body.decode("utf-8", errors="replace").splitlines())
        delay = rules.crawl_delay(ROBOTS_AGENT)
        if delay:
            gate.slow_down_to(min(float(delay), self.settings.max_crawl_delay))
        return rules

    def _request(self, url: str, headers: dict[str, str], max_bytes: int) -> Fetched:
        settings = self.settings
        started = time.monotonic()
        try:
            response = self._session.get(
                url, headers=headers, stream=True, timeout=(settings.connect_timeout, settings.read_timeout)
            )
        except requests.exceptions.TooManyRedirects:
            raise FetchFailed("redirect-loop", f"more than {settings.max_redirects} redirects from {url}") from None
        except requests.exceptions.RequestException as exc:
            raise FetchFailed(_network_reason(exc), f"{url}: {_innermost(exc)}") from None
        with response:
            with self._lock:
                self.requests_made += 1
            body = b"" if response.status_code == 304 else self._capped_body(response, max_bytes, started)
            received = response.raw.tell()
        with self._lock:
            self.bytes_received += received
        return Fetched(
            url=url,
            final_url=response.url,
            status=response.status_code,
            headers=dict(response.headers),
            body=body,
            received=received,
        )

    def _capped_body(self, response: requests.Response, max_bytes: int, started: float) -> bytes:
        url = response.url
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > max_bytes and "Content-Encoding" not in response.headers:
            raise FetchFailed("too-large", f"{url}: Content-Length {declared} is over {max_bytes} bytes")
        chunks, size = [], 0
        deadline = started + self.settings.max_seconds
        try:
            # read1 decodes at most _CHUNK bytes per call, so a bomb never inflates in one go.
            while chunk := response.raw.read1(_CHUNK, decode_content=True):
                size += len(chunk)
                if size > max_bytes:
                    raise FetchFailed("too-large", f"{url}: body over {max_bytes} bytes (decoded)")
                if time.monotonic() > deadline:
                    raise FetchFailed("timeout", f"{url}: body not complete after {self.settings.max_seconds} s")
                chunks.append(chunk)
        except ReadTimeoutError:
            raise FetchFailed("timeout", f"{url}: read timed out mid-body") from None
        except DecodeError as exc:
            raise FetchFailed("content-encoding", f"{url}: body does not decode: {exc}") from None
        except (ProtocolError, OSError) as exc:
            raise FetchFailed("connection", f"{url}: connection lost mid-body: {exc}") from None
        return b"".join(chunks)


def _innermost(exc: BaseException) -> str:
    """The root cause's message: requests wraps urllib3's, which wraps the socket's."""
    seen = exc
    while True:
        inner = getattr(seen, "reason", None) or seen.__context__ or (seen.args[0] if seen.args else None)
        if not isinstance(inner, BaseException) or inner is seen:
            return str(seen)[:300]
        seen = inner


def _network_reason(exc: BaseException) -> str:
    current: object = exc
    for _ in range(8):
        if isinstance(current, NameResolutionError):
            return "dns"
        # urllib3 derives a refused connection from ConnectTimeoutError; it is no timeout.
        if isinstance(current, NewConnectionError):
            return "connection"
        if isinstance(current, (ReadTimeoutError, ConnectTimeoutError, TimeoutError)):
            return "timeout"
        if not isinstance(current, BaseException):
            break
        current = getattr(current, "reason", None) or (current.args[0] if current.args else None)
    return "connection"
