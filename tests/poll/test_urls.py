import pytest

from pantau.ingest.urls import BadUrl, normalise_url, origin


@pytest.mark.parametrize(
    "variant",
    [
        "https://www.thestar.com.my/news/nation/2025/07/08/asean-ministers",
        "http://www.thestar.com.my/news/nation/2025/07/08/asean-ministers/",
        "https://m.thestar.com.my/news/nation/2025/07/08/asean-ministers",
        "https://amp.thestar.com.my/news/nation/2025/07/08/asean-ministers",
        "https://www.thestar.com.my/news/nation/2025/07/08/asean-ministers/amp",
        "https://www.thestar.com.my/news/nation/2025/07/08/asean-ministers?amp",
        "https://www.thestar.com.my/news/nation/2025/07/08/asean-ministers?utm_source=fb&fbclid=x#comments",
        "HTTPS://WWW.THESTAR.COM.MY/news/nation/2025/07/08/asean-ministers?gclid=abc",
    ],
)
def test_variants_of_one_article_share_one_identity(variant):
    assert normalise_url(variant) == "https://thestar.com.my/news/nation/2025/07/08/asean-ministers"


def test_meaningful_query_parameters_stay():
    assert normalise_url("https://www.bernama.com/en/news.php?id=2441234&utm_medium=rss") == (
        "https://bernama.com/en/news.php?id=2441234"
    )


def test_a_host_that_is_only_a_prefix_and_a_tld_is_kept():
    assert normalise_url("https://m.co/x") == "https://m.co/x"


@pytest.mark.parametrize("junk", ["", "mailto:desk@bernama.com", "javascript:void(0)", "/relative/path"])
def test_non_http_urls_are_refused_with_a_clear_error(junk):
    with pytest.raises(BadUrl, match="not an absolute http"):
        normalise_url(junk)


def test_origin_keeps_scheme_and_port():
    assert origin("http://127.0.0.1:8080/feed.xml?x=1") == "http://127.0.0.1:8080"
