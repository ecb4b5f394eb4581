"""Profiles load validated, cover the registry, and fall back loudly when they stop matching."""

import logging

import pytest

from pantau.extract.article import extract_article
from pantau.extract.scoring import token_f1
from pantau.registry.profiles import load_profiles, profile_book, profile_ids
from pantau.registry.sources import ConfigError, registry

from .conftest import real_pages

REGISTRY_OUTLETS = {
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


def test_every_outlet_and_registry_source_has_a_profile():
    assert REGISTRY_OUTLETS <= profile_ids()
    assert {s.profile for s in registry().values() if s.profile} <= profile_ids()


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        ("profiles:\n  - id: x\n    title: [h1]\n", "profile 'x': field 'body': Field required"),
        (
            "profiles:\n  - id: x\n    title: ['h1[']\n    body: [p]\n",
            "profile 'x': field 'title': Value error, bad CSS selector",
        ),
        (
            "profiles:\n  - id: x\n    title: [h1]\n    body: [p]\n    colour: red\n",
            "profile 'x': field 'colour': Extra inputs",
        ),
        ("boilerplate: ['(']\nprofiles: []\n", "field 'boilerplate': Value error, bad regex"),
        (
            "profiles:\n  - {id: x, title: [h1], body: [p]}\n  - {id: x, title: [h1], body: [p]}\n",
            "profile 'x': field 'id': duplicate",
        ),
        ("[1, 2]\n", "expected a mapping"),
    ],
)
def test_bad_profiles_file_names_file_profile_and_field(tmp_path, yaml_text, message):
    path = tmp_path / "profiles.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_profiles(path)
    assert str(error.value).startswith(str(path))
    assert message in str(error.value)
    assert "\n" not in str(error.value)


def test_stale_profile_falls_back_to_generic_and_says_so(caplog):
    page = next(p for p in real_pages() if p.name == "MalayMail")
    redesigned = page.html.replace(b'class="article-body"', b'class="story-text"').replace(
        b'class="article-title"', b'class="headline"'
    )
    with caplog.at_level(logging.WARNING, logger="pantau.extract.article"):
        article = extract_article(redesigned, page.url, source=registry()["malaymail"])
    assert article.method == "generic-fallback:malaymail"
    assert article.title == page.title
    assert page.paragraphs[0] in article.body
    assert any("malaymail" in record.getMessage() and record.levelno == logging.WARNING for record in caplog.records)


def test_every_profile_names_its_real_pages_or_says_it_is_unverified():
    pages = {page.page: page for page in real_pages()}
    for profile in profile_book().profiles:
        assert profile.verified != profile.unverified, profile.id
        for name in profile.evidence:
            assert name in pages, f"{profile.id}: no real page {name!r} in tests/extract/fixtures/real"


@pytest.mark.parametrize(("profile_id", "name"), [(p.id, name) for p in profile_book().profiles for name in p.evidence])
def test_each_profile_reads_its_evidence(profile_id, name):
    page = next(p for p in real_pages() if p.page == name)
    article = extract_article(page.html, page.url)
    assert article.method == f"profile:{profile_id}"
    assert article.title == page.title
    assert token_f1(article.body, "\n".join(page.paragraphs)) >= 0.95


def test_a_profile_cannot_be_both_proved_and_unverified(tmp_path):
    path = tmp_path / "profiles.yaml"
    path.write_text("profiles:\n  - {id: x, title: [h1], body: [p], evidence: [my/X], unverified: true}\n")
    with pytest.raises(ConfigError, match="drop 'unverified: true'"):
        load_profiles(path)


def test_an_earlier_layout_reads_pages_the_current_one_does_not(tmp_path, monkeypatch):
    path = tmp_path / "profiles.yaml"
    path.write_text(
        "profiles:\n"
        "  - id: paper\n"
        "    hosts: [paper.example]\n"
        "    unverified: true\n"
        "    title: [h1.headline]\n"
        "    body: [div.story-body]\n"
        "    layouts:\n"
        "      - until: 2024-03-31\n"
        "        body: [div.old-body]\n"
        "      - until: 2022-12-31\n"
        "        title: [h2.oldest]\n"
        "        body: [td.text]\n"
    )
    book = load_profiles(path)
    assert [label for label, _ in book.by_id["paper"].versions] == ["paper", "paper@2024-03-31", "paper@2022-12-31"]
    monkeypatch.setattr("pantau.extract.article.profile_book", lambda: book)
    paragraphs = "".join(
        f"<p>The ministers met for the {n}th time and agreed on a plan for the region.</p>" for n in range(5)
    )
    current = (
        f"<html><body><h1 class=headline>Ministers agree</h1><div class=story-body>{paragraphs}</div></body></html>"
    )
    older = f"<html><body><h1 class=headline>Ministers agree</h1><div class=old-body>{paragraphs}</div></body></html>"
    assert extract_article(current.encode(), "https://paper.example/a").method == "profile:paper"
    assert extract_article(older.encode(), "https://paper.example/b").method == "profile:paper@2024-03-31"
