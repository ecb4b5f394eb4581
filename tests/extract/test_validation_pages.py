"""The benchmark's validation sets: which pages of fundus and Readability clones land in which set."""

from __future__ import annotations

import gzip
import json
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = "tests/resources/parser/test_data"
STORY = "<html><head><title>{0}</title></head><body><h1>{0}</h1><p>Story text.</p></body></html>"


def _commit(repository: Path, files: dict[str, bytes]) -> Path:
    for name, content in files.items():
        (repository / name).parent.mkdir(parents=True, exist_ok=True)
        (repository / name).write_bytes(content)
    for command in (["init", "-q"], ["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "x"]):
        subprocess.run(["git", "-C", str(repository), *command], check=True)
    return repository


def _expected(title: str) -> dict:
    body = {"summary": ["Lead."], "sections": [{"headline": [], "paragraphs": ["Story text."]}]}
    return {"title": title, "authors": ["A Writer"], "publishing_date": "2024-01-01 08:00:00+08:00", "body": body}


def page(title: str) -> bytes:
    return gzip.compress(STORY.format(title).encode())


@pytest.fixture
def validation_pages(monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    from validation_pages import validation_pages

    return validation_pages


def test_fundus_pages_are_split_by_whether_their_publisher_has_a_fixture(tmp_path, validation_pages):
    meta = {
        name: {"url": f"https://example.org/{name}", "crawl_date": "2024-01-01"}
        for name in ("MalayMail_2023_01_01.html.gz", "MalayMail_2024_11_22.html.gz", "Kosmo_2024_01_01.html.gz")
    }
    fundus = _commit(
        tmp_path / "fundus",
        {
            # An older page of a tune publisher, and the page that is a fixture already.
            f"{DATA}/my/MalayMail_2023_01_01.html.gz": page("Older"),
            f"{DATA}/my/MalayMail_2024_11_22.html.gz": page("Fixture"),
            f"{DATA}/my/MalayMail.json": json.dumps({"V1": _expected("Older"), "V2": _expected("Fixture")}).encode(),
            # A publisher in neither set.
            f"{DATA}/my/Kosmo_2024_01_01.html.gz": page("Unseen"),
            f"{DATA}/my/Kosmo.json": json.dumps({"V1": _expected("Unseen")}).encode(),
            f"{DATA}/my/meta.info": json.dumps(meta).encode(),
        },
    )
    readability = _commit(
        tmp_path / "readability",
        {
            "test/test-pages/news-1/source.html": STORY.format("Readable").encode(),
            "test/test-pages/news-1/expected.html": b"<div><p>Story text.</p><ul><li>A point.</li></ul></div>",
            "test/test-pages/news-1/expected-metadata.json": b'{"title": "Readable", "byline": "By A Writer"}',
            "test/test-pages/menu/source.html": b"<html><body>Menu</body></html>",
            "test/test-pages/menu/expected.html": b"<div></div>",
            "test/test-pages/menu/expected-metadata.json": b'{"title": "Menu", "readerable": false}',
        },
    )

    sets = validation_pages(fundus, readability)

    assert [p.title for p in sets["older"]] == ["Older"]
    assert [p.title for p in sets["unseen"]] == ["Unseen"]
    older = sets["older"][0]
    assert older.url == "https://example.org/MalayMail_2023_01_01.html.gz"
    assert older.paragraphs == ("Lead.", "Story text.") and older.authors == ("A Writer",)
    assert [(p.title, p.paragraphs, p.authors) for p in sets["readability"]] == [
        ("Readable", ("Story text.", "A point."), ())
    ]


def _truth(title: str, text: str | None) -> bytes:
    expected = {"title": title, "author": "A Writer", "publish_date": "2025-01-01", "main_content": text}
    return json.dumps({"url": f"https://example.org/{title}", "ground_truth": expected}).encode()


def test_wcxb_article_pages_of_the_asked_splits(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    from validation_pages import wcxb_pages

    files = {
        "0001": {"split": "dev", "page_type": "article", "domain": "a.example"},
        "0002": {"split": "dev", "page_type": "listing", "domain": "b.example"},
        "0003": {"split": "dev", "page_type": "article", "domain": "c.example"},  # no expected text
        "4001": {"split": "test", "page_type": "article", "domain": "d.example"},
    }
    stories = {
        "0001": ("Dev story", "First.\n\nSecond."),
        "0002": ("Links", "A\n\nB"),
        "0003": ("Empty", None),
        "4001": ("Held out", "Kept apart."),
    }
    contents = {"metadata.json": json.dumps({"files": files}).encode()}
    for file_id, (title, text) in stories.items():
        split = files[file_id]["split"]
        contents[f"{split}/ground-truth/{file_id}.json"] = _truth(title, text)
        contents[f"{split}/html/{file_id}.html.gz"] = page(title)
    wcxb = _commit(tmp_path / "wcxb", contents)

    assert list(wcxb_pages(wcxb, ("dev",))) == ["wcxb-dev"]
    sets = wcxb_pages(wcxb, ("dev", "test"))
    assert [(p.page, p.title, p.paragraphs) for p in sets["wcxb-dev"]] == [
        ("wcxb/0001", "Dev story", ("First.", "Second."))
    ]
    assert [p.title for p in sets["wcxb-test"]] == ["Held out"]
    assert sets["wcxb-dev"][0].url == "https://example.org/Dev story" and sets["wcxb-dev"][0].html == gzip.decompress(
        page("Dev story")
    )


def test_wcxb_pages_that_are_no_article_by_kind_and_by_the_metadata_split(tmp_path, monkeypatch):
    """WCXB's dev folder holds copies of test pages too: the metadata's split decides."""
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    from validation_pages import OtherPage, wcxb_other_pages, wcxb_pages

    files = {
        "0001": {"split": "dev", "page_type": "article", "domain": "a.example"},
        "0002": {"split": "dev", "page_type": "listing", "domain": "b.example"},
        "0003": {"split": "test", "page_type": "forum", "domain": "c.example"},
        "0004": {"split": "test", "page_type": "article", "domain": "d.example"},
    }
    contents = {"metadata.json": json.dumps({"files": files}).encode()}
    for file_id, entry in files.items():
        folders = ("dev", "test") if entry["split"] == "test" else ("dev",)  # a test page copied into dev/
        for folder in folders:
            contents[f"{folder}/ground-truth/{file_id}.json"] = _truth(file_id, "Some text.")
            contents[f"{folder}/html/{file_id}.html.gz"] = page(file_id)
    wcxb = _commit(tmp_path / "wcxb", contents)

    assert wcxb_other_pages(wcxb, ("dev",)) == {
        "wcxb-dev": [OtherPage("listing", "https://example.org/0002", gzip.decompress(page("0002")))]
    }
    assert [p.kind for p in wcxb_other_pages(wcxb, ("dev", "test"))["wcxb-test"]] == ["forum"]
    assert [p.page for p in wcxb_pages(wcxb, ("dev",))["wcxb-dev"]] == ["wcxb/0001"]


def test_dragnet_pages_are_its_saved_pages_with_the_article_before_the_comments(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    from validation_pages import dragnet_pages

    for file_id, corrected in (
        ("R1", "Headline\n\nStory text.\n!@#$%^&*()  COMMENTS\nFirst!"),
        ("T2", "Only a story."),
    ):
        (tmp_path / "HTML").mkdir(exist_ok=True)
        (tmp_path / "Corrected").mkdir(exist_ok=True)
        (tmp_path / "HTML" / f"{file_id}.html").write_bytes(STORY.format(file_id).encode())
        (tmp_path / "Corrected" / f"{file_id}.html.corrected.txt").write_text(corrected, encoding="utf-8")

    pages = dragnet_pages(tmp_path)
    assert [(p.page, p.split, p.title, p.paragraphs) for p in pages] == [
        ("dragnet/R1", "dragnet", "", ("Headline", "Story text.")),
        ("dragnet/T2", "dragnet", "", ("Only a story.",)),
    ]
    assert pages[0].html == STORY.format("R1").encode()


def test_trafilatura_eval_pages_are_read_from_its_cache_and_eval_folders(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    from validation_pages import SnippetPage, trafilatura_eval_pages

    annotations = {
        "https://blog.example/post": {"file": "blog.example.post.html", "with": ["Story text."], "without": ["Menu"]},
        "https://news.example/a": {"file": "0a1b.html", "with": ["Lead.", "End."], "without": ["Share"]},
    }
    trafilatura = _commit(
        tmp_path / "trafilatura",
        {
            "tests/evaldata.json": json.dumps(annotations).encode(),
            "tests/cache/blog.example.post.html": STORY.format("Post").encode(),
            "tests/eval/0a1b.html": STORY.format("News").encode(),
        },
    )

    assert trafilatura_eval_pages(trafilatura) == [
        SnippetPage("https://blog.example/post", STORY.format("Post").encode(), ("Story text.",), ("Menu",)),
        SnippetPage("https://news.example/a", STORY.format("News").encode(), ("Lead.", "End."), ("Share",)),
    ]


def test_fundus_history_holds_the_pages_its_newest_tree_replaced(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    from validation_pages import fundus_history_pages

    def meta(*names: str) -> bytes:
        return json.dumps({n: {"url": f"https://example.org/{n}"} for n in names}).encode()

    fundus = _commit(
        tmp_path / "fundus",
        {
            f"{DATA}/my/MalayMail_2023_01_01.html.gz": page("Replaced"),
            f"{DATA}/my/MalayMail.json": json.dumps({"V1": _expected("Replaced")}).encode(),
            # fundus' earliest format: one parse, no body, no parser versions.
            f"{DATA}/my/Kosmo.html.gz": page("Earliest"),
            f"{DATA}/my/Kosmo.json": json.dumps({"title": "Earliest", "authors": []}).encode(),
            f"{DATA}/my/meta.info": meta("MalayMail_2023_01_01.html.gz", "Kosmo.html.gz"),
        },
    )
    for gone in ("MalayMail_2023_01_01.html.gz", "Kosmo.html.gz", "Kosmo.json"):
        (fundus / DATA / "my" / gone).unlink()
    _commit(
        fundus,
        {
            f"{DATA}/my/MalayMail_2025_06_01.html.gz": page("Newest"),
            f"{DATA}/my/MalayMail.json": json.dumps({"V2": _expected("Newest")}).encode(),
            f"{DATA}/my/meta.info": meta("MalayMail_2025_06_01.html.gz"),
        },
    )

    pages = fundus_history_pages(fundus)

    assert [(p.page, p.split, p.title, p.url) for p in pages] == [
        ("my/MalayMail_2023_01_01", "fundus-history", "Replaced", "https://example.org/MalayMail_2023_01_01.html.gz")
    ]
    assert pages[0].paragraphs == ("Lead.", "Story text.")
