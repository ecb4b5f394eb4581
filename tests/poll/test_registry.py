import pytest

from pantau.config import INCLUDE_DIR
from pantau.registry.sources import ConfigError, load_sources, load_watchlist, source_for_url

PROFILES = {
    "bernama",
    "nst",
    "thestar",
    "malaymail",
    "beritaharian",
    "sinarharian",
    "sinchew",
    "chinapress",
    "kln",
    "aseansec",
    "vietnamplus",
    "vnexpress",
    "antara",
    "daily8",
}


def test_the_registry_loads_and_covers_every_language_with_known_profiles():
    sources = load_sources(INCLUDE_DIR / "sources.yaml")
    assert {source.language for source in sources} == {"en", "ms", "zh", "vi", "id"}
    assert {source.profile for source in sources} - {None} <= PROFILES
    assert {source.kind for source in sources} == {"rss", "listing", "sitemap"}
    assert all(source.link_pattern for source in sources if source.kind == "listing")
    assert [source.id for source in sources if source.aggregator] == ["gnews_asean_en", "gnews_asean_ms"]


def test_bernama_services_share_a_host_and_politeness_but_not_their_pages():
    sources = {source.id: source for source in load_sources(INCLUDE_DIR / "sources.yaml")}
    services = [sources[f"bernama_{code}"] for code in ("en", "ms", "zh")]
    assert services[0].politeness == services[1].politeness == services[2].politeness
    assert source_for_url("https://www.bernama.com/bm/news.php?id=1", sources).id == "bernama_ms"


def test_the_watch_list_has_keywords_for_each_topic():
    topics = {topic.id: topic for topic in load_watchlist(INCLUDE_DIR / "watchlist.yaml")}
    assert {"asean", "timor-leste", "seanwfz", "south-china-sea", "thailand-cambodia"} <= set(topics)
    assert all(topic.keywords.get("en") for topic in topics.values())


def test_a_bad_entry_names_the_file_the_entry_and_the_field(tmp_path):
    bad = tmp_path / "sources.yaml"
    bad.write_text("sources:\n  - {id: nst, outlet: NST, language: en, kind: rss, urls: ['ftp://x']}\n")
    with pytest.raises(ConfigError, match=r"sources.yaml: sources entry 'nst': field 'urls'"):
        load_sources(bad)
