"""Item 9: robots.txt read by an RFC 9309 parser (wildcards, longest match) and applied to every
redirect hop, not only to the URL first asked for."""

from __future__ import annotations

import pytest

from pantau.ingest.fetch import FetchFailed


@pytest.fixture
def robots_site(site, fetcher):
    site.reply(
        "/robots.txt",
        "User-agent: *\nDisallow: /*/print/\nDisallow: /*.pdf$\nDisallow: /news\nAllow: /news/open\n",
    )
    for path in ("/world/print/1", "/files/a.pdf", "/files/a.pdf?x=1", "/news/open/1", "/news/closed", "/go"):
        site.reply(path, b"page")
    fetcher.trust_origins([site.origin])
    return site


@pytest.mark.parametrize(
    ("path", "allowed"),
    [
        ("/world/print/1", False),  # a * wildcard
        ("/files/a.pdf", False),  # $ anchors the end
        ("/files/a.pdf?x=1", True),
        ("/news/open/1", True),  # the longer Allow beats the shorter Disallow
        ("/news/closed", False),
    ],
)
def test_rfc_9309_rules(robots_site, fetcher, path, allowed):
    if allowed:
        assert fetcher.get(robots_site.url(path)).status == 200
    else:
        with pytest.raises(FetchFailed) as refused:
            fetcher.get(robots_site.url(path))
        assert refused.value.reason == "robots" and robots_site.hits[path] == 0


def test_a_redirect_into_a_disallowed_path_is_not_followed(robots_site, fetcher):
    robots_site.reply("/go", status=302, headers={"Location": "/world/print/1"})
    with pytest.raises(FetchFailed) as refused:
        fetcher.get(robots_site.url("/go"))
    assert refused.value.reason == "robots" and robots_site.hits["/world/print/1"] == 0


def test_a_redirect_to_another_host_obeys_that_hosts_robots(robots_site, fetcher):
    from ..servers import LocalSite

    with LocalSite() as other:
        other.reply("/robots.txt", "User-agent: Pantau\nDisallow: /\n")
        other.reply("/story", b"page")
        fetcher.trust_origins([other.origin])
        robots_site.reply("/go", status=301, headers={"Location": other.url("/story")})
        with pytest.raises(FetchFailed) as refused:
            fetcher.get(robots_site.url("/go"))
        assert refused.value.reason == "robots" and other.hits["/story"] == 0 and other.hits["/robots.txt"] == 1
