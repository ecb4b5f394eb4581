"""Item 1, SSRF: links found in feeds and redirects reach only public addresses, or exactly the
origin of a configured source (how the tests, on 127.0.0.1, are reached at all)."""

from __future__ import annotations

import pytest

from pantau.ingest.fetch import AddressPolicy, AddressRefused, FetchFailed
from pantau.ingest.poll import poll_source

from ..poll.conftest import DAY, NOW, article, make_source, rss
from .conftest import quarantined, run_of


def test_feed_links_to_internal_addresses_are_refused_and_recorded(site, internal_service, fetcher, db_url):
    internal_port = internal_service.origin.rsplit(":", 1)[1]
    site_port = site.origin.rsplit(":", 1)[1]
    hostile_links = [
        internal_service.url("/"),  # another port of the loopback: a database, Redis
        f"http://localhost:{site_port}/news/alias",  # the configured host under another name
        f"http://2130706433:{internal_port}/",  # 127.0.0.1 spelled as one number
        "http://169.254.169.254/latest/meta-data",  # cloud metadata
        "http://10.0.0.1/admin",
        f"http://[::ffff:127.0.0.1]:{internal_port}/",
    ]
    site.reply("/news/good", article("Good"))
    site.reply("/feed.xml", rss((site.url("/news/good"), None), *[(link, None) for link in hostile_links]))
    summary = poll_source(make_source(site), DAY, now=NOW, db_url=db_url, fetcher=fetcher)

    assert (summary["status"], summary["new"], summary["failed"]) == ("ok", 1, len(hostile_links))
    assert sum(internal_service.hits.values()) == 0 and site.hits["/news/alias"] == 0
    refused = quarantined(db_url)
    assert {refused[link].reason for link in hostile_links} == {"refused-address"}
    assert "169.254.169.254, a link-local address" in refused["http://169.254.169.254/latest/meta-data"].detail
    assert run_of(db_url).failed_items == len(hostile_links)


def test_a_redirect_to_an_internal_address_is_refused(site, internal_service, fetcher, sqlite_url):
    trap = site.url(f"/hostile/redirect?to={internal_service.url('/latest/meta-data')}")
    site.reply("/news/good", article("Good"))
    site.reply("/feed.xml", rss((site.url("/news/good"), None), (trap, None)))
    summary = poll_source(make_source(site), DAY, now=NOW, db_url=sqlite_url, fetcher=fetcher)
    assert (summary["new"], summary["failed"]) == (1, 1)
    assert internal_service.hits["/latest/meta-data"] == 0
    assert quarantined(sqlite_url)[trap].reason == "refused-address"


def test_a_configured_source_on_a_private_address_is_polled(site, fetcher, sqlite_url):
    site.reply("/news/1", article("One"))
    site.reply("/feed.xml", rss((site.url("/news/1"), None)))
    assert poll_source(make_source(site), DAY, now=NOW, db_url=sqlite_url, fetcher=fetcher)["new"] == 1


def test_without_trust_even_the_test_site_is_refused(site, fetcher):
    with pytest.raises(FetchFailed) as refused:
        fetcher.get(site.url("/anything"))
    assert refused.value.reason == "refused-address" and sum(site.hits.values()) == 0


@pytest.mark.parametrize(
    "host",
    ["127.0.0.1", "localhost", "0.0.0.0", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
     "::1", "fe80::1", "::ffff:10.0.0.1", "2002:7f00:1::", "224.0.0.1", "0x7f.1"],
)  # fmt: skip
def test_non_public_addresses_are_refused_after_resolution(host):
    with pytest.raises(AddressRefused):
        AddressPolicy().checked_address("http", host, 80)


def test_trust_is_for_the_exact_origin_only():
    policy = AddressPolicy()
    policy.trust("http://127.0.0.1:8080/feed.xml")
    assert policy.checked_address("http", "127.0.0.1", 8080) == "127.0.0.1"
    for scheme, host, port in [("https", "127.0.0.1", 8080), ("http", "127.0.0.1", 8081), ("http", "localhost", 8080)]:
        with pytest.raises(AddressRefused):
            policy.checked_address(scheme, host, port)


def test_the_connection_goes_to_the_address_that_was_checked(site, fetcher, monkeypatch):
    """DNS rebinding: a name answering differently the second time gains nothing, because the
    connection is made to the address resolved and checked once. (The resolver is the one thing
    faked here: no DNS server runs in the tests.)"""
    import socket

    real = socket.getaddrinfo
    answers = iter(["127.0.0.1"])  # a second lookup would fail the test with StopIteration

    def rebinding(host, *args, **kwargs):
        return real(next(answers), *args, **kwargs) if host == "rebind.test" else real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    port = site.origin.rsplit(":", 1)[1]
    fetcher.trust_origins([f"http://rebind.test:{port}/"])
    site.reply("/page", b"hello")
    fetched = fetcher.get(f"http://rebind.test:{port}/page")
    assert fetched.body == b"hello" and site.request_headers["/page"][0]["Host"] == f"rebind.test:{port}"


def test_a_proxy_from_the_environment_is_not_used_to_get_past_the_check(internal_service, monkeypatch):
    from pantau.ingest.fetch import Fetcher

    from ..poll.conftest import FAST

    monkeypatch.setenv("HTTP_PROXY", internal_service.origin)  # a proxy would fetch anything for us
    monkeypatch.setenv("NO_PROXY", "")
    with Fetcher(FAST) as fetcher, pytest.raises(FetchFailed) as refused:
        fetcher.get("http://10.0.0.1/admin")
    assert refused.value.reason == "refused-address" and sum(internal_service.hits.values()) == 0
