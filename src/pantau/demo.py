"""The demo: serve the replay of the web in include/demo/site on 127.0.0.1 and run the daily DAG on it.

Feeds in the site name their links `__BASE__/...`; the server fills in its own address, so the
pages go through exactly the fetch code production uses.
"""

from __future__ import annotations

import functools
import io
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from pantau import config
from pantau.days import BRIEFING_ZONE

DEMO_DIR = config.INCLUDE_DIR / "demo"
SITE_DIR = DEMO_DIR / "site"
BASE_PLACEHOLDER = b"__BASE__"


class DemoFailed(RuntimeError):
    """The demo could not produce its briefing; the message says where to look."""


class _SiteHandler(SimpleHTTPRequestHandler):
    base_url = ""

    def send_head(self):
        if not self.path.split("?")[0].endswith(".xml"):
            return super().send_head()
        path = Path(self.translate_path(self.path))
        if not path.is_file():
            self.send_error(404)
            return None
        body = path.read_bytes().replace(BASE_PLACEHOLDER, self.base_url.encode())
        self.send_response(200)
        self.send_header("Content-Type", "application/xml; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format, *args):  # the demo's output is the briefing path, not access logs
        pass


@contextmanager
def serve_site(site_dir: Path = SITE_DIR, port: int = 0) -> Iterator[str]:
    """Serve a site directory on 127.0.0.1 (a free port by default); yields its base URL."""
    # Its own class: each server knows its address.
    handler: type[_SiteHandler] = type("DemoSiteHandler", (_SiteHandler,), {})
    server = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(site_dir)))
    base_url = f"http://127.0.0.1:{server.server_address[1]}"
    handler.base_url = base_url
    thread = threading.Thread(target=server.serve_forever, name="demo-site", daemon=True)
    thread.start()
    try:
        yield base_url
    finally:
        server.shutdown()
        server.server_close()


def write_sources(base_url: str, target: Path) -> Path:
    """The demo source list, pointed at a running demo site."""
    template = (DEMO_DIR / "sources.yaml").read_text(encoding="utf-8")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(template.replace(BASE_PLACEHOLDER.decode(), base_url), encoding="utf-8")
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


def run_demo(day: date) -> Path:
    """Serve the demo site, run the daily DAG for `day` through Airflow, return the briefing's path."""
    data_dir = config.data_dir() / "demo"
    airflow = Path(sys.executable).with_name("airflow")
    briefing = config.output_dir() / "briefings" / day.isoformat() / "briefing.html"
    briefing.unlink(missing_ok=True)  # so a failed run cannot pass off the previous briefing as its own
    with serve_site() as base_url:
        env = airflow_env(data_dir, write_sources(base_url, data_dir / "sources.yaml"))
        for command in (["db", "migrate"], ["dags", "test", "pantau_daily_briefing", run_after_for(day)]):
            finished = subprocess.run([str(airflow), *command], env=env, capture_output=True, text=True)
            if finished.returncode != 0:
                log = data_dir / "airflow" / "demo-failure.log"
                log.write_text(finished.stdout + finished.stderr, encoding="utf-8")
                raise DemoFailed(f"`airflow {' '.join(command)}` failed; its output is in {log}")
    if not briefing.is_file():
        raise DemoFailed(f"the DAG ran but wrote no briefing at {briefing}")
    return briefing
