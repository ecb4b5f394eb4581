"""Validation pages for the extraction benchmark, read from git repositories outside this one.

They are too large to keep here (about 14 MB gzipped), so `bench_extract_real.py --validation
FUNDUS READABILITY` reads them from a clone (or a bare mirror) of github.com/flairNLP/fundus (MIT)
and github.com/mozilla/readability (Apache-2.0):

- "unseen": fundus' pages of the ten publishers the fixtures leave out for size;
- "older": fundus' older pages of the fixtures' publishers;
- "readability": Mozilla Readability's test pages, with Readability's output as the expected text
  (a convention of its own: no standfirst, lists and captions kept).

These sets decide whether a rule chosen on the tune set holds elsewhere; they are not held out.

`--wcxb WCXB` reads the article pages of WCXB, the Web Content Extraction Benchmark
(github.com/Murrough-Foley/web-content-extraction-benchmark, CC-BY-4.0: 2025 pages, one per
domain, with a reviewed expected text): its dev split ("wcxb-dev", 709 article pages with an
expected text) validates like the sets above; its test split ("wcxb-test", 256) is held out:
never looked at page by page, never tuned on, scored only with `--set score` or `--set both`.

`--dragnet DRAGNET` reads Dragnet's 1,381 pages of 2012 (github.com/seomoz/dragnet_data, AGPLv3;
its two archives unpacked into DRAGNET/HTML and DRAGNET/Corrected), the article text before the
comments as the expected body: a validation set from another decade, and another convention (the
headline, bylines and captions kept). Added on 2026-12-06 as a set no rule had been chosen on.

`--trafilatura-eval TRAFILATURA` reads trafilatura's own evaluation set from a clone of
github.com/adbar/trafilatura (Apache-2.0; its 990 saved pages of news, blogs, magazines and public
bodies, most of them German, English and French, each annotated with up to six passages its text
must hold and up to six it must not): the set trafilatura is developed against, scored by its own
measure. Added on 2026-12-07 as a validation set no rule had been chosen on.

"fundus-history" (`fundus_history_pages`, from the fundus clone given to `--validation`) is held
out the same way: the pages fundus' history holds and its newest tree replaced, with the expected
parse they were saved with. Chosen on 2026-12-06 as a held-out set of news pages, and committed
before any of its pages was read.
"""

from __future__ import annotations

import gzip
import io
import json
import re
import subprocess
import sys
import tarfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import lxml.html

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "extract"))
from conftest import REAL, RealPage, fundus_page, publisher

_FUNDUS_DATA = "tests/resources/parser/test_data/"
_READABILITY_DATA = "test/test-pages"
_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "figcaption")


def _git(repository: Path, *args: str) -> bytes:
    return subprocess.run(["git", "-C", str(repository), *args], capture_output=True, check=True).stdout


def _show(repository: Path, path: str, commit: str = "HEAD") -> bytes:
    return _git(repository, "show", f"{commit}:{path}")


def _parse_of_each_page(saved: list[str], expected: dict) -> dict[str, dict] | None:
    """One publisher's saved pages, each with the expected parse of its parser version: the pages
    in date order matched to the versions in order; None when their numbers differ (which page
    tests which version is not certain)."""
    if len(expected) != len(saved):
        return None
    versions = sorted(expected, key=lambda v: [int(n) for n in re.findall(r"\d+", v)])
    return {page: expected[v] for page, v in zip(sorted(saved, key=lambda p: p.rsplit("_", 3)[1:]), versions)}


def fundus_pages(repository: Path) -> list[RealPage]:
    """fundus' pages that are not fixtures here, each publisher's pages matched in date order to its
    parser versions (one page per version)."""
    manifest = json.loads((REAL / "manifest.json").read_text(encoding="utf-8"))
    fixtures = {entry["page"] for entry in manifest["pages"]}
    fixture_publishers = {publisher(page) for page in fixtures}
    listing = _git(repository, "ls-tree", "-r", "--name-only", "HEAD", _FUNDUS_DATA).decode().splitlines()
    by_publisher: dict[tuple[str, str], list[str]] = {}
    for path in listing:
        if path.endswith(".html.gz"):
            page = path[len(_FUNDUS_DATA) : -len(".html.gz")]
            by_publisher.setdefault((page.split("/")[0], publisher(page)), []).append(page)
    pages = []
    for (country, name), saved in sorted(by_publisher.items()):
        parses = _parse_of_each_page(saved, json.loads(_show(repository, f"{_FUNDUS_DATA}{country}/{name}.json")))
        if parses is None:
            continue
        meta = json.loads(_show(repository, f"{_FUNDUS_DATA}{country}/meta.info"))
        for page, parse in parses.items():
            if page in fixtures:
                continue
            url = meta[page.split("/")[1] + ".html.gz"]["url"]
            html = gzip.decompress(_show(repository, f"{_FUNDUS_DATA}{page}.html.gz"))
            split = "older" if name in fixture_publishers else "unseen"
            pages.append(fundus_page(page, split, url, html, parse))
    return pages


def _blocks(html: str) -> tuple[str, ...]:
    """The text of each outermost block of Readability's output."""
    tree = lxml.html.fromstring(html)
    found = []
    for block in tree.iter(*_BLOCKS):
        if any(a.tag in ("p", "li", "blockquote", "pre", "td") for a in block.iterancestors()):
            continue
        text = " ".join(block.text_content().split())
        if text:
            found.append(text)
    return tuple(found)


def readability_pages(repository: Path) -> list[RealPage]:
    """Mozilla Readability's test pages that it judges readable, with its output as expected."""
    names = _git(repository, "ls-tree", "--name-only", f"HEAD:{_READABILITY_DATA}").decode().split()
    pages = []
    for name in names:
        folder = f"{_READABILITY_DATA}/{name}"
        try:
            metadata = json.loads(_show(repository, f"{folder}/expected-metadata.json"))
            source, expected = _show(repository, f"{folder}/source.html"), _show(repository, f"{folder}/expected.html")
        except subprocess.CalledProcessError:
            continue
        if not metadata.get("readerable", True):
            continue
        stamp = (metadata.get("publishedTime") or "").replace("Z", "+00:00")
        try:
            published = datetime.fromisoformat(stamp) if stamp else None
        except ValueError:
            published = None
        pages.append(
            RealPage(
                name=name,
                page=f"readability/{name}",
                split="readability",
                url="http://fakehost/test/page.html",  # the address Readability's tests read them at
                html=source,
                title=metadata.get("title") or "",
                authors=(),  # its byline is the line as printed ("By A | Reuters"), not names
                published=published,
                paragraphs=_blocks(expected.decode("utf-8")),
            )
        )
    return pages


def _archived_files(repository: Path, folders: tuple[str, ...], keep: Callable[[Path], bool]) -> dict[str, bytes]:
    """The files under these folders of the repository's HEAD that `keep` accepts, by path, in the
    archive's order: one `git archive` rather than a `git show` per file."""
    archive = _git(repository, "archive", "--format=tar", "HEAD", *folders)
    read: dict[str, bytes] = {}
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        for member in tar:
            if member.isfile() and keep(Path(member.name)):
                read[member.name] = tar.extractfile(member).read()  # type: ignore[union-attr]
    return read


def _wcxb_files(repository: Path, splits: tuple[str, ...], wanted: set[str]) -> dict[str, bytes]:
    """The files of these WCXB splits whose name starts with one of the wanted page ids."""
    return _archived_files(repository, splits, lambda path: path.name.split(".")[0] in wanted)


def _wcxb_split_of_each_page(repository: Path, splits: tuple[str, ...], article: bool) -> tuple[dict, dict[str, str]]:
    """WCXB's metadata, and the split of each of its article pages (or of its other pages) in
    `splits`. Its dev folder also holds copies of 139 test pages: a page's split is the
    metadata's, never its folder's."""
    files = json.loads(_show(repository, "metadata.json"))["files"]
    return files, {
        i: e["split"] for i, e in files.items() if (e["page_type"] == "article") == article and e["split"] in splits
    }


def wcxb_pages(repository: Path, splits: tuple[str, ...]) -> dict[str, list[RealPage]]:
    """WCXB's article pages of these splits ("dev", "test"), as "wcxb-<split>": its expected text
    as the body, its title; its bylines and dates are not scored (a day without a time, and
    bylines as printed)."""
    files, wanted = _wcxb_split_of_each_page(repository, splits, article=True)
    read = _wcxb_files(repository, splits, set(wanted))
    pages: dict[str, list[RealPage]] = {f"wcxb-{split}": [] for split in splits}
    for file_id, split in sorted(wanted.items()):
        truth = json.loads(read[f"{split}/ground-truth/{file_id}.json"])
        expected = truth["ground_truth"]
        if not expected.get("main_content"):
            continue  # no expected text to score against
        pages[f"wcxb-{split}"].append(
            RealPage(
                name=files[file_id]["domain"],
                page=f"wcxb/{file_id}",
                split=f"wcxb-{split}",
                url=truth["url"],
                html=gzip.decompress(read[f"{split}/html/{file_id}.html.gz"]),
                title=expected.get("title") or "",
                authors=(),
                published=None,
                paragraphs=tuple(p.strip() for p in expected["main_content"].split("\n\n") if p.strip()),
            )
        )
    return pages


@dataclass(frozen=True)
class OtherPage:
    """A WCXB page that is no article: a listing, a shop's collection or product, a forum thread,
    a service's or a manual's page. Extraction should reject it, or at least not take it for a story."""

    kind: str
    url: str
    html: bytes


def wcxb_other_pages(repository: Path, splits: tuple[str, ...]) -> dict[str, list[OtherPage]]:
    """WCXB's pages of every type but "article" in these splits, as "wcxb-<split>"."""
    files, wanted = _wcxb_split_of_each_page(repository, splits, article=False)
    read = _wcxb_files(repository, splits, set(wanted))
    pages: dict[str, list[OtherPage]] = {f"wcxb-{split}": [] for split in splits}
    for file_id, split in sorted(wanted.items()):
        truth = json.loads(read[f"{split}/ground-truth/{file_id}.json"])
        pages[f"wcxb-{split}"].append(
            OtherPage(
                kind=files[file_id]["page_type"],
                url=truth.get("url") or f"https://{files[file_id]['domain']}/",
                html=gzip.decompress(read[f"{split}/html/{file_id}.html.gz"]),
            )
        )
    return pages


_DRAGNET_COMMENTS = "!@#$%^&*()  COMMENTS"  # Dragnet's line between the article and its comments


def dragnet_pages(directory: Path) -> list[RealPage]:
    """Dragnet's pages ("dragnet"): each HTML/<id>.html with the article text before the comments
    in Corrected/<id>.html.corrected.txt as the body; no title, bylines or dates to score."""
    pages = []
    for html in sorted((directory / "HTML").glob("*.html")):
        file_id = html.name.removesuffix(".html")
        corrected = (directory / "Corrected" / f"{html.name}.corrected.txt").read_bytes().decode("utf-8", "replace")
        article = corrected.split(_DRAGNET_COMMENTS)[0]
        pages.append(
            RealPage(
                name="dragnet",
                page=f"dragnet/{file_id}",
                split="dragnet",
                url=f"https://dragnet-{file_id.lower()}.example/{file_id}",  # the saved pages have no address
                html=html.read_bytes(),
                title="",
                authors=(),
                published=None,
                paragraphs=tuple(line.strip() for line in article.splitlines() if line.strip()),
            )
        )
    return pages


def fundus_history_pages(repository: Path) -> list[RealPage]:
    """fundus' pages that its history holds and its newest tree does not (a publisher's page
    replaced by a newer one), each with the expected parse of the tree it was deleted from, matched
    to its parser version as `fundus_pages` does; not a page whose expected parse has no body
    (fundus' earliest test data), nor one whose bytes are a page of the newest tree."""
    newest = {line.split()[2] for line in _git(repository, "ls-tree", "-r", "HEAD", _FUNDUS_DATA).decode().splitlines()}
    log = _git(repository, "log", "--diff-filter=D", "--format=%H", "--name-only", "HEAD", "--", _FUNDUS_DATA)
    commit, pages, seen = "", [], set(newest)
    for line in log.decode().split():
        if re.fullmatch(r"[0-9a-f]{40}", line):
            commit = line
            continue
        if not line.endswith(".html.gz"):
            continue
        before = f"{commit}^"
        blob = _git(repository, "rev-parse", f"{before}:{line}").decode().strip()
        page = line[len(_FUNDUS_DATA) : -len(".html.gz")]
        if blob in seen or page.count("/") != 1:
            continue
        seen.add(blob)
        country, name = page.split("/")[0], publisher(page)
        try:
            expected = json.loads(_show(repository, f"{_FUNDUS_DATA}{country}/{name}.json", before))
            meta = json.loads(_show(repository, f"{_FUNDUS_DATA}{country}/meta.info", before))
        except (subprocess.CalledProcessError, ValueError):
            continue  # a page without its expected parse or its address in that tree
        if not all(isinstance(parse, dict) for parse in expected.values()):
            continue  # fundus' earliest format: one parse, no parser versions
        listing = _git(repository, "ls-tree", "--name-only", before, f"{_FUNDUS_DATA}{country}/").decode().split()
        saved = [
            p[len(_FUNDUS_DATA) : -len(".html.gz")]
            for p in listing
            if p.endswith(".html.gz") and publisher(p[len(_FUNDUS_DATA) :]) == name
        ]
        parses = _parse_of_each_page(saved, expected)
        address = meta.get(page.split("/")[1] + ".html.gz", {}).get("url")
        if parses is not None and "body" in parses[page] and address:
            html = gzip.decompress(_show(repository, line, before))
            pages.append(fundus_page(page, "fundus-history", address, html, parses[page]))
    return pages


@dataclass(frozen=True)
class SnippetPage:
    """A page of trafilatura's evaluation set: the passages its text must hold, and must not."""

    url: str
    html: bytes
    wanted: tuple[str, ...]
    unwanted: tuple[str, ...]


_TRAFILATURA_EVAL = ("tests/cache", "tests/eval")  # where trafilatura keeps the pages its evaldata.json names


def trafilatura_eval_pages(repository: Path) -> list[SnippetPage]:
    """trafilatura's evaluation pages (tests/evaldata.json), each read from tests/cache or tests/eval
    as its own evaluation does."""
    annotations = json.loads(_show(repository, "tests/evaldata.json"))
    saved: dict[str, bytes] = {}
    for path, content in _archived_files(repository, _TRAFILATURA_EVAL, keep=lambda path: True).items():
        saved.setdefault(Path(path).name, content)  # tests/cache first, as trafilatura looks there first
    return [
        SnippetPage(url=url, html=saved[entry["file"]], wanted=tuple(entry["with"]), unwanted=tuple(entry["without"]))
        for url, entry in sorted(annotations.items())
    ]


def validation_pages(fundus: Path, readability: Path) -> dict[str, list[RealPage]]:
    pages = fundus_pages(fundus) + readability_pages(readability)
    return {split: [p for p in pages if p.split == split] for split in ("unseen", "older", "readability")}
