"""Items 4 and 7, through the whole way a page goes (served, polled, stored, parsed): a page cannot
claim another outlet's article as its canonical, and one stray byte does not lose the article."""

from __future__ import annotations

from sqlalchemy import select

from pantau import store
from pantau.extract.article import extract_article
from pantau.extract.parse import run_for_day
from pantau.ingest.poll import poll_source
from pantau.store import ArticleRow

from ..poll.conftest import DAY, NOW, make_source, rss

# Not only ASCII: a stray byte used to make the whole page read as Windows-1252, garbling every é, ệ, 东.
BODY = " ".join(["Menteri-menteri luar ASEAN bertemu di Kuala Lumpur — Hội nghị Bộ trưởng, 东盟外长会议."] * 8)


def page(title: str, canonical: str | None = None, body: str = BODY) -> bytes:
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return (
        f'<html><head><meta charset="utf-8"><title>{title}</title>{link}</head>'
        f"<body><article><h1>{title}</h1><p>{body}</p><p>{body}</p></article></body></html>"
    ).encode()


def parsed(site, fetcher, db_url, paths) -> dict[str, ArticleRow]:
    site.reply("/feed.xml", rss(*[(site.url(path), None) for path in paths]))
    source = make_source(site, language="ms")
    poll_source(source, DAY, now=NOW, db_url=db_url, fetcher=fetcher)
    with store.session(db_url) as s:
        run_for_day(s, DAY, {source.id: source})
    with store.session(db_url) as s:
        return {row.title: row for row in s.scalars(select(ArticleRow))}


def test_a_page_claiming_another_outlets_article_keeps_its_own_url(site, fetcher, db_url):
    site.reply("/news/spoof", page("Spoof", canonical="https://www.bernama.com/en/news.php?id=1"))
    site.reply("/news/amp", page("Own", canonical=site.url("/news/own")))
    articles = parsed(site, fetcher, db_url, ["/news/spoof", "/news/amp"])
    assert articles["Spoof"].url == site.url("/news/spoof")
    assert articles["Own"].url == site.url("/news/own")  # its own site's canonical is taken


def test_canonical_on_the_pages_registrable_domain_is_taken_and_another_sites_is_not():
    html = page("Story", canonical="https://www.thestar.com.my/news/story")
    assert (
        extract_article(html, "https://m.thestar.com.my/news/story/amp").url == "https://www.thestar.com.my/news/story"
    )
    spoofed = page("Story", canonical="https://www.nst.com.my/news/story")
    assert extract_article(spoofed, "https://www.thestar.com.my/x").url == "https://www.thestar.com.my/x"


def test_one_stray_byte_in_a_utf8_page_loses_one_character(site, fetcher, db_url):
    site.reply("/news/stray", page("Stray").replace(b"bertemu", b"berte\xffmu", 1))
    site.reply("/news/clean", page("Clean"))
    articles = parsed(site, fetcher, db_url, ["/news/stray", "/news/clean"])
    stray = articles["Stray"].body
    assert stray.count("\ufffd") == 1 and BODY in stray.replace("berte\ufffdmu", "bertemu")
