import re

import pytest

from pantau.config import INCLUDE_DIR
from pantau.ingest.urls import normalise_url
from pantau.registry.profiles import profile_ids
from pantau.registry.sources import (
    ConfigError,
    checked_url,
    load_sources,
    load_watchlist,
    poll_groups,
    source_for_url,
)


def test_the_registry_loads_and_covers_every_language_with_known_profiles():
    sources = load_sources(INCLUDE_DIR / "sources.yaml")
    assert {source.language for source in sources} == {"en", "ms", "zh", "vi", "id"}
    assert {source.profile for source in sources} - {None} <= profile_ids()
    assert {source.kind for source in sources} == {"rss", "listing", "sitemap"}
    assert all(source.link_pattern for source in sources if source.kind == "listing")
    assert [source.id for source in sources if source.aggregator] == ["thestar", "gnews_asean_en", "gnews_asean_ms"]


def test_the_registry_covers_the_desk_s_outlets_and_every_url_passes_production_validation():
    sources = load_sources(INCLUDE_DIR / "sources.yaml")
    assert len(sources) >= 30
    outlets = {source.outlet for source in sources}
    assert {
        "Astro Awani",
        "Free Malaysia Today",
        "Malaysiakini",
        "Harian Metro",
        "Utusan Malaysia",
        "Kosmo",
        "Oriental Daily",
        "The Straits Times",
        "The Jakarta Post",
        "Inquirer",
        "Bangkok Post",
        "VietnamPlus",
        "Khmer Times",
    } <= outlets
    assert {"antara_en", "antara_asean"} <= {source.id for source in sources}
    for source in sources:
        for url in source.urls:
            assert checked_url(url) == url and normalise_url(url)
        if source.archive and source.archive.index:
            assert checked_url(source.archive.index)


def test_corrected_urls_from_the_evidence():
    sources = {source.id: source for source in load_sources(INCLUDE_DIR / "sources.yaml")}
    assert sources["kln"].urls[0] == "https://www.kln.gov.my/web/guest/press-releases"
    assert "api/v1/sitemap-news-feed" in sources["cna"].urls[0]
    assert sources["sinchew"].kind == sources["chinapress"].kind == "listing"
    assert "site:thestar.com.my" in sources["thestar"].urls[0] and sources["thestar"].aggregator
    assert (
        sources["fmt"]
        .archive.child_url(__import__("datetime").date(2025, 7, 8))
        .endswith("sitemap-posttype-post.202507.xml")
    )


def test_listing_patterns_are_anchored_to_the_outlet_s_own_host():
    for source in load_sources(INCLUDE_DIR / "sources.yaml"):
        if source.kind == "listing":
            assert re.match(r"\^https\?://", source.link_pattern), source.id


def test_every_outlet_pool_is_a_valid_airflow_pool_and_google_news_is_one_pool():
    groups = poll_groups(INCLUDE_DIR / "sources.yaml")
    assert sum(len(ids) for ids in groups.values()) == len(load_sources(INCLUDE_DIR / "sources.yaml"))
    assert all(re.fullmatch(r"pantau_[a-z0-9_]{1,200}", pool) for pool in groups)
    assert groups["pantau_google_news"] == ["thestar", "gnews_asean_en", "gnews_asean_ms"]
    assert groups["pantau_bernama"] == ["bernama_en", "bernama_ms", "bernama_zh"]


def test_bernama_desk_labels_and_http_links_are_outlet_quirks():
    sources = {source.id: source for source in load_sources(INCLUDE_DIR / "sources.yaml")}
    english, malay = sources["bernama_en"], sources["bernama_ms"]
    assert english.clean_title("World : Malaysia Condemns Killing Of Aid Seekers") == (
        "Malaysia Condemns Killing Of Aid Seekers"
    )
    assert malay.clean_title("Sukan : Harimau Malaya tewas") == "Harimau Malaya tewas"
    assert english.clean_title("Anwar: ASEAN must stay united") == "Anwar: ASEAN must stay united"
    listed = "http://www.bernama.com/en/region/news.php?id=2442318"
    assert english.article_url(listed) == "https://www.bernama.com/en/news.php?id=2442318"
    assert normalise_url(english.article_url(listed)) == normalise_url("https://www.bernama.com/en/news.php?id=2442318")


def test_bernama_services_share_a_host_and_politeness_but_not_their_pages():
    sources = {source.id: source for source in load_sources(INCLUDE_DIR / "sources.yaml")}
    services = [sources[f"bernama_{code}"] for code in ("en", "ms", "zh")]
    assert services[0].politeness == services[1].politeness == services[2].politeness
    assert source_for_url("https://www.bernama.com/bm/news.php?id=1", sources).id == "bernama_ms"


def test_the_watch_list_has_keywords_for_each_topic():
    topics = {topic.id: topic for topic in load_watchlist(INCLUDE_DIR / "watchlist.yaml")}
    assert {"asean", "timor-leste", "seanwfz", "south-china-sea", "thailand-cambodia"} <= set(topics)
    assert all(topic.keywords.get("en") for topic in topics.values())


GOOD_ENTRY = "{id: x, outlet: X, language: en, kind: rss, urls: ['https://x.example/feed']"


@pytest.mark.parametrize(
    ("extra", "field", "message"),
    [
        ("profile: no_such_profile", "profile", "unknown profile"),
        ("politeness: {min_delay_seconds: .inf}", "politeness.min_delay_seconds", ""),
        ("politeness: {min_delay_seconds: 3600}", "politeness.min_delay_seconds", ""),
        ("headers: {'User-Agent': \"a\\r\\nX-Injected: 1\"}", "headers", "bad request header"),
        ("kind: listing", "link_pattern", "needs a link_pattern"),
        ("link_pattern: '(unclosed'", "link_pattern", "bad regex"),
        ("kind: listing, link_pattern: '(a+)+$'", "link_pattern", "backtracks catastrophically"),
        ("archive: {template: 'https://x.example/sitemap.xml'}", "archive", "no {year}"),
    ],
)
def test_values_that_would_fail_later_fail_at_load(tmp_path, extra, field, message):
    entry = GOOD_ENTRY.replace("kind: rss, ", "") if extra.startswith("kind:") else GOOD_ENTRY
    bad = tmp_path / "sources.yaml"
    bad.write_text(f"sources:\n  - {entry}, {extra}}}\n")
    with pytest.raises(ConfigError, match=rf"sources entry 'x': field '{re.escape(field)}'.*{message}"):
        load_sources(bad)


@pytest.mark.parametrize(
    "url", ["http://", "https://", "https:///path", "https://exa mple.com/", "ftp://x.com/", "x.com"]
)
def test_incomplete_urls_fail_at_load(tmp_path, url):
    bad = tmp_path / "sources.yaml"
    bad.write_text(f"sources:\n  - {{id: x, outlet: X, language: en, kind: rss, urls: ['{url}']}}\n")
    with pytest.raises(ConfigError, match=r"field 'urls'"):
        load_sources(bad)


def test_a_registry_that_never_ends_is_refused_without_reading_it_all():
    from pathlib import Path

    with pytest.raises(ConfigError, match="not a configuration file"):
        load_sources(Path("/dev/zero"))


def test_generic_marks_a_source_without_profile(tmp_path):
    good = tmp_path / "sources.yaml"
    good.write_text(f"sources:\n  - {GOOD_ENTRY}, profile: generic}}\n")
    assert load_sources(good)[0].profile is None


def test_a_bad_entry_names_the_file_the_entry_and_the_field(tmp_path):
    bad = tmp_path / "sources.yaml"
    bad.write_text("sources:\n  - {id: nst, outlet: NST, language: en, kind: rss, urls: ['ftp://x']}\n")
    with pytest.raises(ConfigError, match=r"sources.yaml: sources entry 'nst': field 'urls'"):
        load_sources(bad)


def test_the_demo_s_bernama_feeds_carry_desk_labels_that_its_registry_strips(tmp_path):
    from pantau.ingest.feeds import listed_items, source_items

    demo = INCLUDE_DIR / "demo"
    base = "http://127.0.0.1:8000"
    registry_file = tmp_path / "sources.yaml"
    registry_file.write_text((demo / "sources.yaml").read_text(encoding="utf-8").replace("__BASE__", base))
    sources = {source.id: source for source in load_sources(registry_file)}
    for source_id in ("bernama_en", "bernama_ms", "bernama_zh"):
        source = sources[source_id]
        body = (
            (demo / "site" / source_id.replace("_", "-") / "feed.xml").read_bytes().replace(b"__BASE__", base.encode())
        )
        raw = listed_items(body, kind="rss", base_url=source.urls[0])
        assert all(re.match(r"^[^:]{1,30} : ", item.title) for item in raw), source_id
        cleaned = source_items(source, body, base_url=source.urls[0])
        assert [item.title for item in cleaned] == [item.title.split(" : ", 1)[1] for item in raw]


def test_sources_marked_generic_never_raise_the_profile_alert():
    from pantau.health.alerts import profile_finding

    generic = [source for source in load_sources(INCLUDE_DIR / "sources.yaml") if source.profile is None]
    assert {"fmt", "straitstimes", "jakartapost", "thestar"} <= {source.id for source in generic}
    assert all(profile_finding(None, source).trouble is None for source in generic)  # no store needed: no profile


def test_every_real_source_names_its_profile_or_generic_explicitly():
    import yaml

    entries = yaml.safe_load((INCLUDE_DIR / "sources.yaml").read_text(encoding="utf-8"))["sources"]
    assert [entry["id"] for entry in entries if "profile" not in entry] == []
