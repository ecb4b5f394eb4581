"""A polite, bounded HTTP client for one polling run.

One `requests` session (retries with backoff and jitter in urllib3), robots.txt read once
per host, a gate per host that spaces requests and caps how many are in flight, and a
streamed size cap counted on decoded bytes, so neither a 2 GB page nor a gzip bomb fits
into memory. Failures come out as `FetchFailed` with a short reason class for source health.

Against a hostile web: every connection goes to an address checked after DNS (public, or the
exact origin of a configured source), redirects are followed one hop at a time so each hop
passes robots.txt and that check, one deadline covers a request from connecting to its last
byte, and a server asking to wait longer than its source allows defers the source instead.
"""

from __future__ import annotations

import email.utils
import ipaddress
import socket
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from urllib.parse import urljoin, urlsplit

import requests
from protego import Protego
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
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
from pantau.models import Rejected
from pantau.redact import redacted
from pantau.registry.sources import Politeness

USER_AGENT = "Pantau/0.1 (+https://github.com/pantau; media monitoring)"
ROBOTS_AGENT = "Pantau"
_CHUNK = 64 * 1024
# RFC 9309 asks crawlers to read at least 500 KiB of robots.txt; more is not a robots file.
_ROBOTS_MAX_BYTES = 512 * 1024
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
# Answers whose Retry-After the fetcher honours itself (waiting, or deferring the source).
_RETRY_AFTER_STATUSES = frozenset({429, 503})
_DEFAULT_PORTS = {"http": 80, "https": 443}
# Response headers kept with a page: a server can send thousands, or one of megabytes.
_MAX_HEADERS = 100
_MAX_HEADER_CHARS = 4096


@dataclass(frozen=True)
class FetchSettings:
    # Outlets' servers answer in well under a second; 10 s to connect means the host is down.
    connect_timeout: float = 10.0
    # Between two packets; a big page arrives in many, so this is not a cap on the whole page.
    read_timeout: float = 30.0
    # One request from connecting to its last byte, headers included, so a server dripping a
    # byte at a time under the read timeout still ends.
    max_seconds: float = 120.0
    # Decoded bytes. The heaviest real article pages are 2-3 MB of HTML; feeds less.
    max_body_bytes: int = 20 * 2**20
    max_redirects: int = 5
    # Retries on connect errors, a reset before the answer, and 5xx/429: transient by nature.
    # Also the number of times one URL waits out a Retry-After.
    retries: int = 3
    # Waits of factor * 2^n seconds (1, 2, 4...) plus up to `backoff_jitter` s of random jitter,
    # so many tasks failing together do not come back together.
    backoff_factor: float = 1.0
    backoff_jitter: float = 1.0
    backoff_max: float = 60.0
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


class FetchFailed(Rejected):
    """No usable response; `reason` is the health class (dns, timeout, connection, robots, too-large,
    refused-address...). The detail is redacted: it quotes URLs, which may carry credentials."""

    def __init__(self, reason: str, detail: str):
        super().__init__(reason, redacted(detail))


class FetchDeferred(FetchFailed):
    """The server asked for a pause (Retry-After) longer than the source allows: try at a later poll."""

    def __init__(self, detail: str, wait_seconds: float):
        super().__init__("deferred", detail)
        self.wait_seconds = wait_seconds


class AddressRefused(Exception):
    """A connection the outbound address policy forbids (raised inside urllib3, so no OSError)."""


class AddressPolicy:
    """Where the fetcher may connect: public addresses, plus exactly the origins (scheme, host,
    port) of configured source URLs, which is how a source on a private network, or the tests
    on 127.0.0.1, are reached. Checked on the resolved address that is then connected to, so a
    name that resolves differently the second time (DNS rebinding) gains nothing."""

    def __init__(self) -> None:
        self._trusted: set[tuple[str, str, int]] = set()
        self._lock = threading.Lock()

    def trust(self, url: str) -> None:
        with self._lock:
            self._trusted.add(_origin_key(url))

    def checked_address(self, scheme: str, host: str, port: int) -> str:
        """The address to connect to; raises AddressRefused, or socket.gaierror when the name does not resolve."""
        host = host.strip("[]")
        addresses = [str(info[4][0]) for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)]
        with self._lock:
            trusted = (scheme, host.lower().rstrip("."), port) in self._trusted
        if not trusted:
            for address in addresses:
                if kind := _non_public_kind(address):
                    raise AddressRefused(f"{host} resolves to {address}, a {kind} address")
        return addresses[0]


def _origin_key(url: str) -> tuple[str, str, int]:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    return scheme, (parts.hostname or "").rstrip("."), parts.port or _DEFAULT_PORTS.get(scheme, 0)


def _non_public_kind(text: str) -> str | None:
    """None for a public unicast address, else what it is (loopback, private, link-local...)."""
    address = ipaddress.ip_address(text.split("%", 1)[0])
    if isinstance(address, ipaddress.IPv6Address):
        # An IPv4 address wrapped in IPv6 reaches the IPv4 host.
        embedded = address.ipv4_mapped or address.sixtofour or (address.teredo[1] if address.teredo else None)
        if embedded is not None:
            address = embedded
    for kind in ("loopback", "link_local", "unspecified", "multicast", "private", "reserved"):
        if getattr(address, f"is_{kind}"):
            return kind.replace("_", "-")
    return None if address.is_global else "non-public"


class _Deadline:
    """One request's time limit. The socket read by the request is shut down when it passes, which
    unblocks a read that a server keeps alive with a byte at a time (headers included)."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.at = time.monotonic() + seconds
        self.expired = False
        self._socket: socket.socket | None = None
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._socket = sock
            if self.expired:
                _shut(sock)

    def cancel(self) -> None:
        self._timer.cancel()
        with self._lock:
            self._socket = None

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            if self._socket is not None:
                _shut(self._socket)


def _shut(sock: socket.socket) -> None:
    try:
        # The plain socket's shutdown, also on a TLS socket: ends the read without a TLS close.
        socket.socket.shutdown(sock, socket.SHUT_RDWR)
    except OSError:
        pass


# The deadline of the request the current thread is making; requests calls urllib3 in this thread.
_current = threading.local()


class _GuardedConnection(HTTPConnection):
    """Connects only where the policy allows, and hands its socket to the request's deadline."""

    policy: AddressPolicy
    policy_scheme = "http"

    def _new_conn(self) -> socket.socket:
        try:
            address = self.policy.checked_address(self.policy_scheme, self._dns_host, self.port or self.default_port)
        except socket.gaierror as exc:
            raise NameResolutionError(self.host, self, exc) from exc
        name = self._dns_host
        self._dns_host = address  # connect to the checked address; TLS still verifies `name`
        try:
            return super()._new_conn()
        finally:
            self._dns_host = name

    def getresponse(self):
        deadline: _Deadline | None = getattr(_current, "deadline", None)
        if deadline is not None and self.sock is not None:
            deadline.watch(self.sock)
        return super().getresponse()


class _GuardedHTTPSConnection(_GuardedConnection, HTTPSConnection):
    policy_scheme = "https"


class _PolicyAdapter(HTTPAdapter):
    """requests' adapter whose connection pools make guarded connections for one policy."""

    def __init__(self, policy: AddressPolicy, **kwargs):
        self._connection_classes = (
            type("Connection", (_GuardedConnection,), {"policy": policy}),
            type("HTTPSConnection", (_GuardedHTTPSConnection,), {"policy": policy}),
        )
        super().__init__(**kwargs)

    def init_poolmanager(self, *args, **kwargs) -> None:
        super().init_poolmanager(*args, **kwargs)
        plain, tls = self._connection_classes
        self.poolmanager.pool_classes_by_scheme = {
            "http": type("Pool", (HTTPConnectionPool,), {"ConnectionCls": plain}),
            "https": type("HTTPSPool", (HTTPSConnectionPool,), {"ConnectionCls": tls}),
        }


class _RetryUnlessRetryAfter(Retry):
    """urllib3 retries transient answers with backoff; one carrying Retry-After comes back to the
    fetcher, which waits it out or defers the source by the source's own cap."""

    def is_retry(self, method: str, status_code: int, has_retry_after: bool = False) -> bool:
        return not has_retry_after and super().is_retry(method, status_code, has_retry_after)


class _HostGate:
    """At most `concurrency` requests in flight to a host, their starts `min_delay` apart."""

    def __init__(self, politeness: Politeness):
        self.min_delay = politeness.min_delay_seconds
        self._slots = threading.BoundedSemaphore(politeness.concurrency)
        self._lock = threading.Lock()
        self._next_start = 0.0
        self.deferred_until = 0.0  # monotonic; the host asked not to be asked again before

    def slow_down_to(self, delay: float) -> None:
        with self._lock:
            self.min_delay = max(self.min_delay, delay)

    def hold_off(self, seconds: float) -> None:
        """No request to the host starts in the next `seconds` (its Retry-After)."""
        with self._lock:
            self._next_start = max(self._next_start, time.monotonic() + seconds)

    def defer(self, seconds: float) -> None:
        with self._lock:
            self.deferred_until = max(self.deferred_until, time.monotonic() + seconds)

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
        retry = _RetryUnlessRetryAfter(
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
            respect_retry_after_header=False,
            raise_on_status=False,  # the last answer comes back and is recorded with its status
        )
        self.policy = AddressPolicy()
        adapter = _PolicyAdapter(self.policy, max_retries=retry, pool_connections=64, pool_maxsize=settings.workers)
        self._session = requests.Session()
        # No proxies from the environment: a proxy would connect on our behalf, past the address check.
        self._session.trust_env = False
        self._session.headers["User-Agent"] = USER_AGENT
        self._session.max_redirects = settings.max_redirects
        self._session.mount("http://", adapter)
        self._session.mount("https://", adapter)
        self._lock = threading.Lock()
        self._gates: dict[str, _HostGate] = {}
        self._robots: dict[str, Protego | FetchFailed | None] = {}
        self._robots_locks: dict[str, threading.Lock] = {}
        self._claimed: set[str] = set()
        self.requests_made = 0
        self.bytes_received = 0

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        self._session.close()

    def trust_origins(self, urls) -> None:
        """Let these configured URLs' exact origins be reached whatever their address."""
        for url in urls:
            self.policy.trust(url)

    def claim(self, key: str) -> bool:
        """True for the first caller naming a page in this fetcher's life: one fetch per URL per run."""
        with self._lock:
            first = key not in self._claimed
            self._claimed.add(key)
            return first

    def release(self, key: str) -> None:
        """Give a claim back (the fetch failed), so a later poll may try the page again."""
        with self._lock:
            self._claimed.discard(key)

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

        Redirects are followed here, each hop checked like the first request. `headers` are the
        source's own (see Source.headers), on top of the session's User-Agent.
        """
        politeness = politeness or Politeness()
        headers = dict(headers or {})
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        for _ in range(self.settings.max_redirects + 1):
            fetched = self._get_one(current, headers, politeness)
            location = fetched.headers.get("Location") if fetched.status in _REDIRECT_STATUSES else None
            if not location:
                return replace(fetched, url=url)
            current = urljoin(current, location.strip())
            if urlsplit(current).scheme not in _DEFAULT_PORTS:
                raise FetchFailed("redirect", f"{url} redirects to {current[:300]}, not an http(s) URL")
            headers = {}  # validators belong to the URL they were stored for
        raise FetchFailed("redirect-loop", f"more than {self.settings.max_redirects} redirects from {url}")

    def _get_one(self, url: str, headers: dict[str, str], politeness: Politeness) -> Fetched:
        """One URL, no redirect followed; a Retry-After within the source's cap is waited out."""
        gate = self._gate(url, politeness)
        if self.settings.respect_robots:
            self._check_robots(url, gate)
        attempt = 0
        while True:
            if (deferred := gate.deferred_until - time.monotonic()) > 0:
                raise FetchDeferred(f"{origin(url)} asked for a pause; {url} is left for a later poll", deferred)
            with gate.turn():
                fetched = self._request(url, headers, self.settings.max_body_bytes)
            wait = _retry_after(fetched)
            if wait is None:
                return fetched
            if wait > politeness.max_retry_after_seconds:
                gate.defer(wait)  # the rest of the run leaves the host alone too
                raise FetchDeferred(
                    f"{url} answered {fetched.status} with Retry-After {wait:.0f} s, over the source's "
                    f"{politeness.max_retry_after_seconds:.0f} s",
                    wait,
                )
            if attempt == self.settings.retries:
                return fetched
            gate.hold_off(wait)
            attempt += 1

    def _gate(self, url: str, politeness: Politeness) -> _HostGate:
        # The first source to name a host sets its politeness; Bernama's services share one host.
        with self._lock:
            return self._gates.setdefault(origin(url), _HostGate(politeness))

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
        if rules is not None and not rules.can_fetch(url, ROBOTS_AGENT):
            raise FetchFailed("robots", f"robots.txt of {site} disallows {url}")

    def _read_robots(self, site: str, gate: _HostGate) -> Protego | FetchFailed | None:
        """The host's rules; None when there are none to follow (RFC 9309: 4xx or no answer)."""
        try:
            with gate.turn():
                fetched = self._request(f"{site}/robots.txt", {}, _ROBOTS_MAX_BYTES, follow_redirects=True)
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
        # Protego follows RFC 9309: * and $ wildcards, the longest matching rule wins.
        rules = Protego.parse(fetched.body.decode("utf-8", errors="replace"))
        delay = rules.crawl_delay(ROBOTS_AGENT)
        if delay:
            gate.slow_down_to(min(float(delay), self.settings.max_crawl_delay))
        return rules

    def _request(self, url: str, headers: dict[str, str], max_bytes: int, *, follow_redirects: bool = False) -> Fetched:
        settings = self.settings
        deadline = _Deadline(settings.max_seconds)
        _current.deadline = deadline
        try:
            try:
                response = self._session.get(
                    url,
                    headers=headers,
                    stream=True,
                    allow_redirects=follow_redirects,
                    timeout=(settings.connect_timeout, settings.read_timeout),
                )
            except AddressRefused as refused:
                raise FetchFailed("refused-address", f"{url}: {refused}") from None
            except requests.exceptions.TooManyRedirects:
                raise FetchFailed("redirect-loop", f"more than {settings.max_redirects} redirects from {url}") from None
            except requests.exceptions.RequestException as exc:
                if deadline.expired:
                    raise FetchFailed("timeout", f"{url}: no complete answer in {settings.max_seconds} s") from None
                raise FetchFailed(_network_reason(exc), f"{url}: {_innermost(exc)}") from None
            with response:
                with self._lock:
                    self.requests_made += 1
                bodiless = response.status_code == 304 or response.status_code in _REDIRECT_STATUSES
                body = b"" if bodiless else self._capped_body(response, max_bytes, deadline)
                received = response.raw.tell()
                deadline.cancel()  # before the connection goes back to the pool
        finally:
            deadline.cancel()
            _current.deadline = None
        with self._lock:
            self.bytes_received += received
        return Fetched(
            url=url,
            final_url=response.url,
            status=response.status_code,
            headers=_bounded_headers(response.headers),
            body=body,
            received=received,
        )

    def _capped_body(self, response: requests.Response, max_bytes: int, deadline: _Deadline) -> bytes:
        url = response.url
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > max_bytes and "Content-Encoding" not in response.headers:
            raise FetchFailed("too-large", f"{url}: Content-Length {declared} is over {max_bytes} bytes")
        chunks, size = [], 0
        too_slow = FetchFailed("timeout", f"{url}: body not complete after {deadline.seconds} s")
        try:
            # read1 decodes at most _CHUNK bytes per call, so a bomb never inflates in one go.
            while chunk := response.raw.read1(_CHUNK, decode_content=True):
                size += len(chunk)
                if size > max_bytes:
                    raise FetchFailed("too-large", f"{url}: body over {max_bytes} bytes (decoded)")
                if time.monotonic() > deadline.at:
                    raise too_slow
                chunks.append(chunk)
        except ReadTimeoutError:
            raise FetchFailed("timeout", f"{url}: read timed out mid-body") from None
        except DecodeError as exc:
            raise FetchFailed("content-encoding", f"{url}: body does not decode: {exc}") from None
        except (ProtocolError, OSError) as exc:
            if deadline.expired:
                raise too_slow from None
            raise FetchFailed("connection", f"{url}: connection lost mid-body: {exc}") from None
        if deadline.expired:  # the shut-down socket read as a clean end
            raise too_slow
        return b"".join(chunks)


def _bounded_headers(headers) -> dict[str, str]:
    return {name[:_MAX_HEADER_CHARS]: value[:_MAX_HEADER_CHARS] for name, value in list(headers.items())[:_MAX_HEADERS]}


def _retry_after(fetched: Fetched) -> float | None:
    """Seconds a 429/503 asks to wait (delta-seconds or an HTTP date); None when it does not ask."""
    if fetched.status not in _RETRY_AFTER_STATUSES:
        return None
    value = fetched.headers.get("Retry-After", "").strip()
    if value.isdigit():
        return float(value)
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return max(0.0, (moment - datetime.now(timezone.utc)).total_seconds())


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
