#!/usr/bin/env python3
"""Build Pantau's demo "replay of the web": a static copy of a dozen outlets on 7-8 July 2025.

The stories are data (stories/*.yaml, outlets.yaml, mastheads.yaml) and each outlet's page layout
is a Jinja template (templates/<profile>/article.html.j2); this script joins them. See README.md.

    python tools/demo_site/build.py            # rewrites include/demo/{site/,expected.jsonl,sources.yaml}
    python tools/demo_site/build.py --out DIR  # writes the same tree under DIR instead

expected.jsonl (the ground truth) is derived from the same stories as the pages, so the two can
never disagree. Output is deterministic: same input, same bytes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import re
import shutil
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import yaml
from markupsafe import Markup

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE.parents[1] / "include" / "demo"
BASE = "__BASE__"  # every URL into the demo site; the demo server substitutes its origin

EN_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ID_DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
    "ms": ["Januari", "Februari", "Mac", "April", "Mei", "Jun", "Julai", "Ogos", "September", "Oktober",
           "November", "Disember"],
    "id": ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
           "November", "Desember"],
}  # fmt: skip
SLUG_STOPWORDS = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "as", "and", "with", "by", "is", "be",
                  "says", "dengan", "di", "ke", "dan", "yang", "untuk"}  # fmt: skip


# ---- Data ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    id: str
    outlet: str
    language: str
    timezone: str
    kind: str  # rss | atom | sitemap
    dir: str  # the outlet's folder on the demo site
    profile: str  # the extraction profile (include/profiles)
    home: str  # the real outlet's home page
    layout: str = ""  # templates/<layout>/article.html.j2 lays its pages out (default: the profile)
    feed: str = "feed.xml"
    wire: str | None = None
    aggregator: bool = False
    note: str = ""  # a comment for sources.yaml
    channel: dict[str, str] = field(default_factory=dict)  # the RSS channel's title, description, language


@dataclass
class Page:
    """One article page on the site, and its ground truth."""

    key: str
    source: Source
    path: str  # on the demo site, without the leading slash
    url: str  # the real outlet's URL: <link rel="canonical">
    title: str
    published: dt.datetime | None  # None: the page gives a date but no time
    byline: str | None
    section: str
    cluster: str
    story: str
    case: str
    canonical: bool
    body: list[str]
    feed_time: dt.datetime | None = None  # when the feed says it was published, if not `published`
    wire: str | None = None
    origin_outlet: str | None = None
    summary: str | None = None  # standfirst / sapo / feed description
    caption: str | None = None
    tags: list[str] = field(default_factory=list)
    related: list[dict[str, str]] = field(default_factory=list)  # an aggregator's inlined other stories
    layout: dict[str, Any] = field(default_factory=dict)  # what only this outlet's template reads

    @property
    def when(self) -> dt.datetime:
        moment = self.published or self.feed_time
        assert moment is not None, self.key
        return moment

    @property
    def text(self) -> list[str]:
        """The paragraphs as the ground truth has them: a printed standfirst (VietnamPlus's sapo)
        leads the body; elsewhere `summary` is only the feed's description."""
        if self.summary and self.source.profile == "vietnamplus":
            return [self.summary, *self.body]
        return self.body


def paras(text: str) -> list[str]:
    """Paragraphs from a block of text: blank lines separate them, single newlines are spaces.

    Chinese paragraphs are written one per line, so no space is ever put between CJK characters.
    """
    out = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in block.strip().splitlines()]
        out.append(" ".join(line for line in lines if line))
    return out


def moment(text: str | None) -> dt.datetime | None:
    """'2025-07-08 11:42 +08:00' in the outlet's zone."""
    return None if text is None else dt.datetime.strptime(text, "%Y-%m-%d %H:%M %z")


def load_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:  # from the file, so a YAML error names it
        return yaml.safe_load(handle)


@dataclass
class Site:
    sources: dict[str, Source]
    pages: list[Page]
    filler: dict[str, list[dict[str, str]]]  # sidebar headlines with no page behind them, per profile
    mastheads: dict[str, Any]  # each layout's fixed words, per language or masthead

    @classmethod
    def load(cls, root: Path = HERE) -> Site:
        outlets = load_yaml(root / "outlets.yaml")
        sources = {s["id"]: Source(**s) for s in outlets["sources"]}
        pages = []
        for story_file in sorted((root / "stories").glob("*.yaml")):
            for item in load_yaml(story_file)["pages"]:
                try:
                    fields = dict(item, story=story_file.stem, source=sources[item["source"]])
                    fields["published"] = moment(item["published"])
                    fields["feed_time"] = moment(item.get("feed_time"))
                    fields["body"] = paras(item["body"])
                    pages.append(Page(**fields))
                except (KeyError, TypeError, ValueError) as error:  # a missing, unknown or malformed field
                    raise ValueError(f"{story_file.name}, page {item.get('key')}: {error!r}") from error
        return cls(sources, pages, outlets["filler"], load_yaml(root / "mastheads.yaml"))

    def page(self, key: str) -> Page:
        for page in self.pages:
            if page.key == key:
                return page
        raise KeyError(key)

    def pages_of(self, source_ids: tuple[str, ...]) -> list[Page]:
        """The sources' pages, newest first."""
        pool = [p for p in self.pages if p.source.id in source_ids]
        return sorted(pool, key=lambda p: (p.when, p.key), reverse=True)

    def others_from(self, page: Page, n: int = 5, source_ids: tuple[str, ...] | None = None) -> list[Page]:
        """The outlet's other stories, newest first: its 'Latest' box."""
        return [p for p in self.pages_of(source_ids or (page.source.id,)) if p.key != page.key][:n]

    def filler_for(self, profile: str, n: int = 4) -> list[dict[str, str]]:
        return self.filler.get(profile, [])[:n]

    def link(self, item: dict[str, str]) -> tuple[str, str]:
        """A (title, url) pair from {page: key} or {title, url}."""
        if "page" in item:
            other = self.page(item["page"])
            return other.title, other.url
        return item["title"], item["url"]

    def related_text(self, item: dict[str, str]) -> tuple[str, str]:
        """An aggregator's related item: its title and flattened text, as the aggregator inlines it."""
        if "page" not in item:
            return item["title"], item["text"]
        other = self.page(item["page"])
        parts = list(other.body)
        if item["outlet"] == "Barnama" and len(parts) > 2:
            parts.insert(2, "bootstrap slideshow")  # a widget's leftover text, as in seed 002
        return other.title, " ".join(parts)

    def check(self) -> None:
        """The invariants the ground truth promises; the build refuses to write a site breaking them."""
        pages = self.pages
        assert len({p.path for p in pages}) == len(pages), "duplicate paths"
        assert len({p.key for p in pages}) == len(pages), "duplicate keys"
        assert len({p.url for p in pages}) == len(pages), "duplicate canonical URLs"
        clusters: dict[str, list[Page]] = {}
        for p in pages:
            clusters.setdefault(p.cluster, []).append(p)
            assert p.published or p.feed_time, p.key
            assert p.body and all(para.strip() for para in p.body), p.key
            if p.source.aggregator:
                assert p.origin_outlet, p.key
        for name, members in clusters.items():
            assert sum(m.canonical for m in members) == 1, f"cluster {name}: exactly one canonical"
            assert len({m.story for m in members}) == 1, f"cluster {name}: one story"
            assert len({m.source.language for m in members}) == 1, f"cluster {name}: one language"
            wire_pages = [m for m in members if m.source.wire and m.wire]
            canonical = next(m for m in members if m.canonical)
            if wire_pages:
                assert canonical in wire_pages, f"cluster {name}: the wire's page is canonical"
            elif len(members) > 1:
                earliest = min(m.published for m in members if m.published)
                assert canonical.published == earliest, f"cluster {name}: earliest"
        for source in self.sources.values():
            assert any(p.source is source for p in pages), f"no pages for {source.id}"


# ---- Formatting helpers, exposed to the templates as filters ---------------------------------


def slugify(text: str, drop_stopwords: bool = False, max_words: int | None = None) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower().replace("'", "").replace("’", "")
    words = re.findall(r"[a-z0-9]+", text)
    if drop_stopwords:  # NSTP's CMS drops short words from its slugs
        words = [w for w in words if w not in SLUG_STOPWORDS]
    if max_words:
        words = words[:max_words]
    return "-".join(words)


def first_sentence(text: str, limit: int = 220) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "..."


def hash_key(key: str) -> int:
    """A stable number from a key (Python's hash() is salted per process)."""
    value = 0
    for ch in key:
        value = (value * 131 + ord(ch)) % 2_147_483_647
    return value


def clock(t: dt.datetime, space: bool = True, upper: bool = True, pad: bool = False) -> str:
    """11:42 AM, 8:15pm (space=False, upper=False), 08:15 PM (pad=True)"""
    hour = t.hour % 12 or 12
    ampm = "AM" if t.hour < 12 else "PM"
    hour_text = f"{hour:02d}" if pad else str(hour)
    return f"{hour_text}:{t.minute:02d}{' ' if space else ''}{ampm if upper else ampm.lower()}"


def day_name(t: dt.datetime, language: str = "en") -> str:
    return {"en": EN_DAYS, "id": ID_DAYS}[language][t.weekday()]


def month_name(t: dt.datetime, language: str = "en", short: bool = False) -> str:
    name = MONTHS[language][t.month - 1]
    return name[:3] if short else name


def rfc822(t: dt.datetime) -> str:
    return t.strftime("%a, %d %b %Y %H:%M:%S %z")


def iso(t: dt.datetime) -> str:
    return t.isoformat()


def iso_z(t: dt.datetime) -> str:
    return t.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def plus_minutes(t: dt.datetime, minutes: int) -> dt.datetime:
    return t + dt.timedelta(minutes=minutes)


def attribute(text: str) -> Markup:
    """Escape text for a double-quoted HTML attribute."""
    return Markup(html.escape(str(text), quote=False).replace('"', "&quot;"))


def as_json(data: Any, indent: int | None = None) -> Markup:
    """JSON as the outlets' scripts carry it (dataLayer, __NEXT_DATA__): raw, non-ASCII kept."""
    return Markup(json.dumps(data, ensure_ascii=False, indent=indent))


def jsonld(data: dict[str, Any]) -> Markup:
    body = json.dumps(data, ensure_ascii=False, indent=2).replace("</", "<\\/")
    return Markup(f'<script type="application/ld+json">\n{body}\n</script>')


def cdata(text: str) -> Markup:
    return Markup("<![CDATA[" + str(text).replace("]]>", "]]]]><![CDATA[>") + "]]>")


@jinja2.pass_eval_context
def escape_text(eval_ctx: jinja2.nodes.EvalContext, value: Any) -> Any:
    """Autoescape as the real sites do in text nodes: <, > and & escaped, quotes left as they are.

    Attributes use the `attribute` filter, which also escapes the double quote."""
    if eval_ctx.autoescape and isinstance(value, str) and not isinstance(value, Markup):
        return Markup(html.escape(value, quote=False))
    return value


FILTERS: dict[str, Callable[..., Any]] = {
    "slugify": slugify,
    "first_sentence": first_sentence,
    "hash_key": hash_key,
    "clock": clock,
    "day_name": day_name,
    "month_name": month_name,
    "rfc822": rfc822,
    "iso": iso,
    "iso_z": iso_z,
    "plus_minutes": plus_minutes,
    "attribute": attribute,
    "json": as_json,
    "jsonld": jsonld,
    "cdata": cdata,
}


# ---- Build ---------------------------------------------------------------------------------


def environment(site: Site) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=jinja2.select_autoescape(["html.j2", "xml.j2"], default=False),
        finalize=escape_text,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(FILTERS)
    env.globals.update(
        site=site,
        base=BASE,
        others_from=site.others_from,
        filler_for=site.filler_for,
        link=site.link,
        related_text=site.related_text,
        page=site.page,
    )
    return env


def render_page(env: jinja2.Environment, page: Page) -> bytes:
    text = env.get_template(f"{page.source.layout or page.source.profile}/article.html.j2").render(a=page)
    encoding = page.layout.get("encoding", "utf-8")
    if encoding != "utf-8":
        "".join([*page.body, page.title]).encode(encoding)  # the story itself must encode exactly
        return text.encode(encoding, errors="xmlcharrefreplace")
    return text.encode("utf-8")


def expected_record(page: Page) -> dict[str, Any]:
    return {
        "path": "/" + page.path,
        "source_id": page.source.id,
        "outlet": page.source.outlet,
        "canonical_url": page.url,
        "title": page.title,
        "published": iso(page.published) if page.published else None,
        "language": page.source.language,
        "byline": page.byline,
        "wire": page.wire,
        "origin_outlet": page.origin_outlet,
        "body": "\n\n".join(page.text),
        "cluster": page.cluster,
        "story": page.story,
        "case": page.case,
        "canonical": page.canonical,
    }


def build(out: Path, site: Site | None = None) -> list[Path]:
    """Write site/, expected.jsonl and sources.yaml under `out`; returns the files written."""
    site = site or Site.load()
    site.check()
    env = environment(site)
    root = out / "site"
    if root.exists():
        shutil.rmtree(root)
    written = []

    def write(path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(path)

    write(root / "robots.txt", b"User-agent: *\nAllow: /\n")
    for page in site.pages:
        write(root / page.path, render_page(env, page))
    for source in site.sources.values():
        feed = env.get_template(f"feeds/{source.kind}.xml.j2").render(source=source, items=site.pages_of((source.id,)))
        write(root / source.dir / source.feed, feed.encode("utf-8"))
    records = sorted((expected_record(p) for p in site.pages), key=lambda r: r["path"])
    write(out / "expected.jsonl", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8"))
    sources = env.get_template("sources.yaml.j2").render(sources=site.sources.values())
    write(out / "sources.yaml", sources.encode("utf-8"))
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help="where to write site/, expected.jsonl and sources.yaml (default: include/demo)")  # fmt: skip
    args = parser.parse_args(argv)
    try:
        site = Site.load()
        files = build(args.out, site)
    except (OSError, yaml.YAMLError, jinja2.TemplateError, KeyError, ValueError, AssertionError) as error:
        # One line: YAML parser errors span several (the message, then the offending line and a caret).
        print(f"build.py: {type(error).__name__}: {' '.join(str(error).split())}", file=sys.stderr)
        return 1
    size = sum(f.stat().st_size for f in files)
    print(f"wrote {len(files)} files ({size / 1024:.0f} KiB) under {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
