"""The demo: a day of the web, replayed on 127.0.0.x, polled all day on a simulated clock, then briefed.

Feeds in the site name their links `__BASE__/...`; each server fills in its own address, so the
pages go through exactly the fetch code production uses. Each outlet is served on its own
loopback address, so per-host politeness runs in parallel as it does on the real web. With a
simulated clock a feed lists only what is published by then (Bernama's: its 10 newest, undated,
as the real one); `run_demo` polls the day on that clock in seconds, then runs the 07:00 briefing.
"""

from __future__ import annotations

import functools
import io
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator, Mapping
from contextlib import ExitStack, contextmanager
from datetime import date, datetime, time, timedelta
from email.utils import parsedate_to_datetime
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from pantau import config
from pantau.days import BRIEFING_ZONE, briefing_day_of, day_window

DEMO_DIR = config.INCLUDE_DIR / "demo"
SITE_DIR = DEMO_DIR / "site"
BASE_PLACEHOLDER = b"__BASE__"
# Bernama's real feeds list their 10 newest items and no dates.
NEWEST_ONLY = {"bernama": 10}
# The polling DAG's tick, replayed.
TICK = timedelta(minutes=5)

_ITEM = re.compile(rb"<(item|entry|url)\b.*?</\1>", re.DOTALL)
_ITEM_DATE = re.compile(rb"<(pubDate|published|news:publication_date|lastmod|dc:date|updated)>\s*([^<]+?)\s*</\1>")
_PUBDATE = re.compile(rb"\s*<pubDate>[^<]*</pubDate>")


class DemoFailed(RuntimeError):
    """The demo could not produce its briefing; the message says where to look."""


class SimulatedClock:
    """The demo site's 'now': feeds list only what is published by then."""

    def __init__(self, now: datetime):
        self.now = now


def _item_time(block: bytes) -> datetime | None:
    match = _ITEM_DATE.search(block)
    if not match:
        return None
    text = match.group(2).decode("utf-8", "replace")
    try:
        moment = datetime.fromisoformat(text) if text[:4].isdigit() else parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=BRIEFING_ZONE)


def feed_at(body: bytes, now: datetime, newest_only: int | None) -> bytes:
    """A feed or sitemap as it read at `now`: items published later left out (but never all of
    them); with `newest_only`, only that many newest items, their dates removed (as Bernama's
    feeds serve them)."""
    blocks = [(match, _item_time(match.group(0))) for match in _ITEM.finditer(body)]
    if not blocks:
        return body
    shown = [(match, moment) for match, moment in blocks if moment is None or moment <= now]
    # Real feeds are never empty; where the demo has no earlier story, the first one stands in.
    shown = shown or [min(blocks, key=lambda pair: pair[1] or now)]
    if newest_only is not None:
        shown.sort(key=lambda pair: pair[1] or now, reverse=True)
        shown = shown[:newest_only]
    items = b"".join(
        (_PUBDATE.sub(b"", match.group(0)) if newest_only is not None else match.group(0)) + b"\n" for match, _ in shown
    )
    return body[: blocks[0][0].start()] + items + body[blocks[-1][0].end() :]


class _SiteHandler(SimpleHTTPRequestHandler):
    base_url = ""
    clock: SimulatedClock | None = None

    def send_head(self):
        if not self.path.split("?")[0].endswith(".xml"):
            return super().send_head()
        path = Path(self.translate_path(self.path))
        if not path.is_file():
            self.send_error(404)
            return None
        body = path.read_bytes().replace(BASE_PLACEHOLDER, self.base_url.encode())
        if self.clock is not None:
            section = self.path.lstrip("/").split("/")[0]
            body = feed_at(body, self.clock.now, NEWEST_ONLY.get(section.split("-")[0]))
        self.send_response(200)
        self.send_header("Content-Type", "application/xml; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format, *args):  # the demo's output is the briefing path, not access logs
        pass


@contextmanager
def serve_site(
    site_dir: Path = SITE_DIR, port: int = 0, host: str = "127.0.0.1", clock: SimulatedClock | None = None
) -> Iterator[str]:
    """Serve a site directory on `host` (a free port by default); yields its base URL."""
    # Its own class: each server knows its address and clock.
    handler: type[_SiteHandler] = type("DemoSiteHandler", (_SiteHandler,), {"clock": clock})
    server = ThreadingHTTPServer((host, port), functools.partial(handler, directory=str(site_dir)))
    server.daemon_threads = True
    base_url = f"http://{host}:{server.server_address[1]}"
    handler.base_url = base_url
    thread = threading.Thread(target=server.serve_forever, name=f"demo-site-{host}", daemon=True)
    thread.start()
    try:
        yield base_url
    finally:
        server.shutdown()
        server.server_close()


def outlet_of(section: str) -> str:
    """The outlet a site section belongs to: Bernama's three services share one host, as on the web."""
    return section.split("-")[0]


@contextmanager
def serve_outlets(site_dir: Path = SITE_DIR, clock: SimulatedClock | None = None) -> Iterator[dict[str, str]]:
    """Serve each outlet of the site on its own loopback address (127.0.0.2, .3, ...); yields the
    base URL of each site section (`bernama-en`, `nst`, ...)."""
    sections = sorted(path.name for path in site_dir.iterdir() if path.is_dir())
    outlets = sorted({outlet_of(section) for section in sections})
    with ExitStack() as stack:
        bases = {
            outlet: stack.enter_context(serve_site(site_dir, host=f"127.0.0.{n}", clock=clock))
            for n, outlet in enumerate(outlets, start=2)
        }
        yield {section: bases[outlet_of(section)] for section in sections}


def write_sources(base_url: str | Mapping[str, str], target: Path) -> Path:
    """The demo source list, pointed at a running demo site: one base URL for all, or one per
    site section (as `serve_outlets` yields)."""
    text = (DEMO_DIR / "sources.yaml").read_text(encoding="utf-8")
    placeholder = BASE_PLACEHOLDER.decode()
    if isinstance(base_url, str):
        text = text.replace(placeholder, base_url)
    else:
        for section, base in base_url.items():
            text = text.replace(f"{placeholder}/{section}/", f"{base}/{section}/")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def airflow_env(data_dir: Path, sources: Path) -> dict[str, str]:
    """An environment that runs Airflow on a SQLite database under `data_dir`, touching no global home."""
    airflow_home = data_dir / "airflow"
    airflow_home.mkdir(parents=True, exist_ok=True)
    return {
        **os.environ,
        "AIRFLOW_HOME": str(airflow_home),
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{airflow_home / 'airflow.db'}",
        "AIRFLOW__CORE__DAGS_FOLDER": str(config.PROJECT_ROOT / "dags"),
        "AIRFLOW__CORE__PLUGINS_FOLDER": str(config.PROJECT_ROOT / "plugins"),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__LOGGING__LOGGING_LEVEL": "WARNING",
        "PANTAU_DATA_DIR": str(data_dir),
        "PANTAU_SOURCES": str(sources),
    }


def run_after_for(day: date) -> str:
    """The scheduled run that covers `day`: 07:00 MYT the next morning."""
    return datetime.combine(day + timedelta(days=1), time(7), tzinfo=BRIEFING_ZONE).isoformat()


def published_on(day: date) -> set[str]:
    """The article paths the demo site's feeds date on `day` (MYT): the truth the demo measures by."""
    paths = set()
    for feed in SITE_DIR.glob("*/*.xml"):
        for match in _ITEM.finditer(feed.read_bytes()):
            moment = _item_time(match.group(0))
            link = re.search(rb"(?:<link>|<loc>|<link[^>]*href=\")\s*__BASE__(/[^<\"\s]+)", match.group(0))
            if moment is not None and link and briefing_day_of(moment) == day:
                paths.add(link.group(1).decode())
    return paths


def replay_day(day: date, sources_file: Path, clock: SimulatedClock, db_url: str) -> list[dict]:
    """Poll the demo sources all day on the simulated clock, one tick every 5 minutes, as the
    polling DAG does; returns every poll's summary. The replay compresses a day into seconds, so
    it drops the politeness delays between requests to the local servers (the briefing run keeps them)."""
    from pantau.ingest.fetch import Fetcher
    from pantau.ingest.poll import poll_due
    from pantau.registry.sources import Politeness, load_sources

    sources = [
        source.model_copy(update={"politeness": Politeness(min_delay_seconds=0.0, concurrency=4)})
        for source in load_sources(sources_file)
    ]
    start, end = day_window(day)
    summaries = []
    with Fetcher() as fetcher:
        clock.now = start
        while clock.now < end:
            summaries += poll_due(sources, clock.now, early=TICK / 2, db_url=db_url, fetcher=fetcher)
            clock.now += TICK
    return summaries


def collected_share(day: date, db_url: str) -> tuple[int, int]:
    """(items the site published on `day` that the store holds, items published on `day`)."""
    from sqlalchemy import select

    from pantau import store

    truth = published_on(day)
    with store.session(db_url) as s:
        fetched = {
            url.split("/", 3)[-1]
            for url in s.scalars(select(store.RawPage.final_url).where(store.RawPage.kind == "article"))
        }
    return len({path for path in truth if path.lstrip("/") in fetched}), len(truth)


def run_demo(day: date) -> tuple[Path, str]:
    """Replay a day of polls on the demo site, then run the 07:00 briefing DAG for it through
    Airflow; returns the briefing's path and a line saying how much of the day was collected."""
    data_dir = config.data_dir() / "demo"
    airflow = Path(sys.executable).with_name("airflow")
    briefing = config.output_dir() / "briefings" / day.isoformat() / "briefing.html"
    briefing.unlink(missing_ok=True)  # so a failed run cannot pass off the previous briefing as its own
    store_file = data_dir / "pantau.db"
    store_file.unlink(missing_ok=True)  # a day, replayed from its start: nothing collected yet
    db_url = f"sqlite:///{store_file}"
    clock = SimulatedClock(day_window(day)[0])
    with serve_outlets(clock=clock) as bases:
        sources = write_sources(bases, data_dir / "sources.yaml")
        summaries = replay_day(day, sources, clock, db_url)
        collected, published = collected_share(day, db_url)
        gaps = sum(summary["gap"] for summary in summaries)
        report = (
            f"{len(summaries)} polls over {day.isoformat()} (simulated, every 5 minutes when due, {gaps} gaps): "
            f"collected {collected} of the {published} items published that day before the 07:00 briefing"
        )
        clock.now = datetime.combine(day + timedelta(days=1), time(7), tzinfo=BRIEFING_ZONE)
        env = {**airflow_env(data_dir, sources), "PANTAU_DB_URL": db_url}
        for command in (["db", "migrate"], ["dags", "test", "pantau_daily_briefing", run_after_for(day)]):
            finished = subprocess.run([str(airflow), *command], env=env, capture_output=True, text=True)
            if finished.returncode != 0:
                log = data_dir / "airflow" / "demo-failure.log"
                log.write_text(finished.stdout + finished.stderr, encoding="utf-8")
                raise DemoFailed(f"`airflow {' '.join(command)}` failed; its output is in {log}")
    if not briefing.is_file():
        raise DemoFailed(f"the DAG ran but wrote no briefing at {briefing}")
    return briefing, report
