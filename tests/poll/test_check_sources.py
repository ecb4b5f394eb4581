"""`pantau check-sources` against local feeds, and offline against the real registry.

"Offline" is made deterministic without touching the network: the command runs in a child
process whose name resolution answers nothing but loopback names (a sitecustomize module on its
path), so every outlet fails as it would on a machine without a route, and no request leaves.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest

from pantau.cli import main
from pantau.config import INCLUDE_DIR
from pantau.ingest.fetch import FetchSettings
from pantau.registry.check import CheckSettings, check_sources
from pantau.registry.sources import load_sources

from .conftest import FAST, make_source, rss

SRC = Path(__file__).resolve().parents[2] / "src"
PROBE = CheckSettings(fetch=FetchSettings(**{**FAST.__dict__, "retries": 0}), deadline_seconds=20)
NOW = datetime(2025, 7, 8, 9, 0, tzinfo=timezone.utc)
BERNAMA_LIKE = rss(*((f"http://127.0.0.1/en/news.php?id={2442300 + n}", None) for n in range(10)))

LOOPBACK_ONLY_DNS = """
import socket

_resolve = socket.getaddrinfo


def _loopback_only(host, *args, **kwargs):
    if host in ("localhost", "127.0.0.1", "::1", b"localhost", b"127.0.0.1"):
        return _resolve(host, *args, **kwargs)
    raise socket.gaierror(socket.EAI_NONAME, "Name or service not known (test: no network)")


socket.getaddrinfo = _loopback_only
"""


def registry_file(tmp_path: Path, *entries: str) -> Path:
    path = tmp_path / "sources.yaml"
    path.write_text("sources:\n" + "".join(f"  - {entry}\n" for entry in entries), encoding="utf-8")
    return path


def test_an_undated_ten_item_feed_reports_ten_items_none_dated(site):
    site.reply("/bernama.xml", BERNAMA_LIKE, headers={"Content-Type": "application/rss+xml"})
    [row] = check_sources([make_source(site, "/bernama.xml")], settings=PROBE, now=NOW)
    assert row == {
        "source_id": "testsource",
        "ok": True,
        "status": 200,
        "items": 10,
        "dated": 0.0,
        "newest_age_hours": None,
        "robots_allowed": True,
        "error": None,
    }
    assert site.hits["/bernama.xml"] == 1  # probed once: no retry, nothing else fetched


def test_a_dated_feed_reports_its_newest_item_s_age(site):
    site.reply(
        "/feed.xml",
        rss(("https://x.example/a", "Tue, 08 Jul 2025 14:00:00 +0800"), ("https://x.example/b", None)),
    )
    [row] = check_sources([make_source(site)], settings=PROBE, now=NOW)
    assert (row["ok"], row["items"], row["dated"], row["newest_age_hours"]) == (True, 2, 0.5, 3.0)


def test_robots_disallowing_the_feed_is_a_failure_that_says_so(site):
    site.reply("/robots.txt", "User-agent: *\nDisallow: /feed.xml\n")
    site.reply("/feed.xml", BERNAMA_LIKE)
    [row] = check_sources([make_source(site)], settings=PROBE, now=NOW)
    assert (row["ok"], row["robots_allowed"], row["items"]) == (False, False, 0)
    assert row["error"].startswith("robots:")
    assert site.hits["/feed.xml"] == 0


def test_a_host_that_does_not_answer_in_time_is_reported_at_the_deadline(site):
    site.reply("/slow.xml", BERNAMA_LIKE, delay=3.0)
    settings = CheckSettings(fetch=FetchSettings(read_timeout=10.0, retries=0), deadline_seconds=0.5)
    [row] = check_sources([make_source(site, "/slow.xml")], settings=settings, now=NOW)
    assert row["ok"] is False and row["error"].startswith("deadline:")


def test_the_command_prints_a_row_per_source_and_fails_when_one_source_fails(site, tmp_path, capsys):
    site.reply("/bernama.xml", BERNAMA_LIKE)
    path = registry_file(
        tmp_path,
        f"{{id: good, outlet: Good, language: en, kind: rss, urls: ['{site.url('/bernama.xml')}']}}",
        f"{{id: gone, outlet: Gone, language: en, kind: rss, urls: ['{site.url('/rss/News/Nation')}']}}",
    )
    assert main(["check-sources", "--sources", str(path), "--deadline", "20"]) == 1
    out, err = capsys.readouterr()
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(row["source_id"], row["ok"], row["status"], row["items"]) for row in rows] == [
        ("good", True, 200, 10),
        ("gone", False, 404, 0),
    ]
    assert rows[1]["error"].startswith("http-404")
    assert err.strip() == "pantau check-sources: 1 of 2 sources ok; failed: gone (http-404)"


def test_a_registry_that_is_a_directory_is_one_line_and_exit_2(tmp_path, capsys):
    assert main(["check-sources", "--sources", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "not a readable YAML file" in err


@pytest.mark.slow  # 34 sources in a child process with its own DNS
def test_offline_the_real_registry_fails_every_source_promptly_without_a_traceback(tmp_path):
    (tmp_path / "sitecustomize.py").write_text(textwrap.dedent(LOOPBACK_ONLY_DNS), encoding="utf-8")
    proxy_free = {key: value for key, value in os.environ.items() if "proxy" not in key.lower()}
    env = {**proxy_free, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(SRC)])}
    registry = INCLUDE_DIR / "sources.yaml"
    started = time.monotonic()
    finished = subprocess.run(
        [sys.executable, "-m", "pantau.cli", "check-sources", "--sources", str(registry), "--deadline", "60"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    elapsed = time.monotonic() - started
    rows = [json.loads(line) for line in finished.stdout.splitlines()]
    assert finished.returncode == 1
    assert "Traceback" not in finished.stderr
    assert [row["source_id"] for row in rows] == [source.id for source in load_sources(registry)]
    assert all(row["ok"] is False and row["error"].startswith("dns:") for row in rows), rows
    assert finished.stderr.count("\n") == 1 and f"0 of {len(rows)} sources ok" in finished.stderr
    assert elapsed < 60, "the deadline bounds the check"


def test_a_source_s_own_headers_go_with_its_requests_beside_pantau_s_user_agent(site):
    site.reply("/feed.xml", BERNAMA_LIKE)
    source = make_source(site, headers={"Accept-Language": "ms-MY"})
    [row] = check_sources([source], settings=PROBE, now=NOW)
    assert row["ok"]
    [sent] = site.request_headers["/feed.xml"]
    assert sent["Accept-Language"] == "ms-MY"
    assert sent["User-Agent"].startswith("Pantau/") and "+https://" in sent["User-Agent"]
