"""The demo replay site (include/demo) is consistent: pages, feeds, ground truth and sources agree.

These tests read files only (no server); they take well under two seconds.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest
import yaml

from tests.demo_truth import expected_pages

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "include" / "demo"
GENERATOR = ROOT / "tools" / "demo_site" / "build.py"
SITE = DEMO / "site"
FAKE_BASE = "http://127.0.0.1:1"
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture(scope="module")
def expected() -> list[dict]:
    return expected_pages()


@pytest.fixture(scope="module")
def sources() -> list[dict]:
    return yaml.safe_load((DEMO / "sources.yaml").read_text(encoding="utf-8"))["sources"]


def site_pages() -> set[str]:
    return {"/" + p.relative_to(SITE).as_posix() for p in SITE.rglob("*.html")}


def feed_links(source: dict) -> list[str]:
    """The links a source's feed lists, as demo-site paths."""
    links = []
    for url in source["urls"]:
        assert url.startswith("__BASE__/"), url
        raw = (SITE / url.removeprefix("__BASE__/")).read_text(encoding="utf-8")
        text = raw.replace("__BASE__", FAKE_BASE)
        parsed = feedparser.parse(text)
        assert not parsed.bozo, f"{url}: {parsed.get('bozo_exception')}"
        if source["kind"] == "sitemap":
            root = ET.fromstring(text.encode("utf-8"))
            found = [loc.text for loc in root.findall("sm:url/sm:loc", SITEMAP_NS)]
        else:
            assert parsed.version, url
            found = [entry.link for entry in parsed.entries]
            for entry in parsed.entries:
                assert entry.get("published_parsed"), f"{url}: {entry.link} has no date"
        assert found, f"{url}: no items"
        for link in found:
            assert link.startswith(FAKE_BASE + "/"), link
            links.append(urlsplit(link).path)
    return links


def declared_charset(raw: bytes) -> str:
    match = re.search(rb"<meta[^>]+charset=[\"']?([\w-]+)", raw[:4096], re.I)
    assert match, "no charset declared"
    return match.group(1).decode("ascii").lower()


def test_every_expected_path_exists(expected):
    for record in expected:
        assert (SITE / record["path"].lstrip("/")).is_file(), record["path"]
    paths = [r["path"] for r in expected]
    assert len(paths) == len(set(paths))
    assert set(paths) == site_pages(), "every page has a ground-truth record and vice versa"


def test_feeds_parse_and_cover_every_page(sources):
    pages = site_pages()
    listed = set()
    for source in sources:
        links = feed_links(source)
        missing = [link for link in links if link not in pages]
        assert not missing, f"{source['id']}: feed links without a page: {missing}"
        prefix = "/" + source["urls"][0].removeprefix("__BASE__/").split("/")[0] + "/"
        assert all(link.startswith(prefix) for link in links), source["id"]
        listed.update(links)
    assert pages - listed == set(), f"pages in no feed: {sorted(pages - listed)}"


def test_only_xml_files_carry_the_base_placeholder():
    for path in SITE.rglob("*"):
        if path.is_file() and path.suffix != ".xml":
            assert b"__BASE__" not in path.read_bytes(), path


def test_volume_outlets_and_languages(expected):
    assert len(expected) >= 30
    assert len({r["outlet"] for r in expected}) >= 8
    assert {"en", "ms", "zh", "vi", "id"} <= {r["language"] for r in expected}


def test_published_on_the_two_demo_days(expected):
    days = Counter()
    for record in expected:
        if record["published"] is None:
            continue
        published = dt.datetime.fromisoformat(record["published"])
        assert published.utcoffset() in (dt.timedelta(hours=8), dt.timedelta(hours=7)), record["path"]
        assert dt.date(2025, 7, 7) <= published.date() <= dt.date(2025, 7, 8), record["path"]
        days[published.date()] += 1
    assert days[dt.date(2025, 7, 7)] >= 8, "a previous day to compare with"


def test_sources_schema_and_ids(expected, sources):
    ids = [s["id"] for s in sources]
    assert len(ids) == len(set(ids))
    for source in sources:
        assert re.fullmatch(r"[a-z0-9_]+", source["id"])
        assert source["kind"] in {"rss", "atom", "sitemap", "listing"}
        assert source["language"] in {"en", "ms", "zh", "vi", "id"}
        assert isinstance(source["aggregator"], bool)
        for url in source["urls"]:
            assert (SITE / url.removeprefix("__BASE__/")).is_file(), url
    by_id = {s["id"]: s for s in sources}
    for record in expected:
        source = by_id[record["source_id"]]
        assert record["outlet"] == source["outlet"]
        assert record["language"] == source["language"]
    assert {r["source_id"] for r in expected} == set(ids), "every source has pages"


def test_exactly_one_canonical_per_cluster(expected):
    clusters = defaultdict(list)
    for record in expected:
        clusters[record["cluster"]].append(record)
    for name, members in clusters.items():
        assert sum(m["canonical"] for m in members) == 1, name
        assert len({m["story"] for m in members}) == 1, name
        assert len({m["language"] for m in members}) == 1, name


def test_ground_truth_fields(expected, sources):
    aggregators = {s["id"] for s in sources if s["aggregator"]}
    for record in expected:
        assert record["title"] and record["body"], record["path"]
        assert "\n\n\n" not in record["body"] and record["body"] == record["body"].strip()
        assert record["wire"] in (None, "bernama")
        assert (record["origin_outlet"] is not None) == (record["source_id"] in aggregators), record["path"]
    stories = Counter(r["story"] for r in expected)
    assert stories["amm-opens"] >= 10, "the top story and its copies"
    cases = {r["case"] for r in expected}
    assert {
        "wire-original",
        "retitled-copy",
        "trimmed-copy",
        "copy-edit",
        "aggregator-copy",
        "brief",
        "updated-version",
        "translation",
        "shared-background",
        "opinion-quote",
        "template-report",
        "press-release",
        "distinct",
    } <= cases


def test_pages_declare_their_charset_and_match_the_ground_truth(expected):
    for record in expected:
        raw = (SITE / record["path"].lstrip("/")).read_bytes()
        charset = declared_charset(raw)
        page = raw.decode(charset)  # strict: the declaration is truthful
        assert charset in ("utf-8", "gbk"), record["path"]
        canonical = re.search(
            r'<link[^>]*href="([^"]+)"[^>]*rel="canonical"|<link rel="canonical" href="([^"]+)"', page
        )
        assert canonical and record["canonical_url"] in canonical.groups(), record["path"]
        text = re.sub(r"\s+", " ", page.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">"))
        assert record["title"] in text, record["path"]
        for paragraph in record["body"].split("\n\n"):
            assert paragraph in text, (record["path"], paragraph[:60])
    assert sum(declared_charset((SITE / r["path"].lstrip("/")).read_bytes()) != "utf-8" for r in expected) <= 1


def test_generator_reproduces_the_committed_files(tmp_path):
    spec = importlib.util.spec_from_file_location("demo_site_build", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    try:
        spec.loader.exec_module(module)
        module.build(tmp_path)
    finally:
        sys.modules.pop(spec.name, None)
    generated = {p.relative_to(tmp_path).as_posix(): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    committed = {
        "expected.jsonl": (DEMO / "expected.jsonl").read_bytes(),
        "sources.yaml": (DEMO / "sources.yaml").read_bytes(),
    }
    committed.update({"site/" + p.relative_to(SITE).as_posix(): p.read_bytes() for p in SITE.rglob("*") if p.is_file()})
    assert sorted(generated) == sorted(committed)
    different = [name for name in generated if generated[name] != committed[name]]
    assert not different, f"regenerate with `python tools/demo_site/build.py`: {different[:5]}"


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        ("title:", "penang-floods.yaml, page mm_floods: TypeError"),  # a misspelt field
        ("pages:", 'penang-floods.yaml", line 2'),  # YAML that does not parse
    ],
)
def test_a_broken_story_file_is_one_line_naming_it(tmp_path, broken, message):
    import shutil
    import subprocess

    tools = tmp_path / "demo_site"
    shutil.copytree(GENERATOR.parent, tools)
    story = tools / "stories" / "penang-floods.yaml"
    text = story.read_text(encoding="utf-8")
    story.write_text(text.replace(broken, "titel:" if broken == "title:" else ": [", 1), encoding="utf-8")
    finished = subprocess.run(
        [sys.executable, str(tools / "build.py"), "--out", str(tmp_path / "out")], capture_output=True, text=True
    )
    assert finished.returncode == 1
    assert len(finished.stderr.splitlines()) == 1 and message in finished.stderr
    assert not (tmp_path / "out").exists()
