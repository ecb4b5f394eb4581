"""Item 11: bad input to the CLI is one line on stderr and a non-zero exit, never a traceback."""

from __future__ import annotations

import json
import resource
import signal
import socket

from ..cli.test_cli import assert_one_line_error, pantau


def test_sources_that_is_a_directory(tmp_path):
    assert_one_line_error(pantau("poll", "--sources", str(tmp_path)), "is a directory")


def test_sources_that_is_a_binary_file(tmp_path):
    binary = tmp_path / "sources.yaml"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\xff\xfe" * 50)
    assert_one_line_error(pantau("pools", "--sources", str(binary)), "not a UTF-8 text file")


def test_an_unreachable_database(tmp_path):
    with socket.socket() as closed:  # a port nothing listens on
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    sources = tmp_path / "sources.yaml"
    sources.write_text("sources: []\n", encoding="utf-8")
    url = f"postgresql+psycopg2://pantau:s3cret@127.0.0.1:{port}/pantau"
    finished = pantau("poll", "--sources", str(sources), env={"PANTAU_DB_URL": url})
    assert_one_line_error(finished, "cannot use the store", "Connection refused")
    assert "s3cret" not in finished.stderr


def test_dedup_with_fields_that_are_not_strings(tmp_path):
    articles = tmp_path / "articles.jsonl"
    record = {"url": "https://x.test/a", "title": ["a", "list"], "body": "text", "language": "en"}
    articles.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert_one_line_error(pantau("dedup", str(articles)), "articles.jsonl:1", "'title' must be a string")


def test_dedup_with_an_unparsable_date(tmp_path):
    articles = tmp_path / "articles.jsonl"
    record = {"url": "https://x.test/a", "title": "t", "body": "text", "language": "en", "published": "soon"}
    articles.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert_one_line_error(pantau("dedup", str(articles)), "published is not an ISO date-time")


def test_a_full_disk_while_creating_the_tables(tmp_path, monkeypatch):
    """The store's file may not grow past 16 KiB (RLIMIT_FSIZE, the way a full disk answers a write)."""
    sources = tmp_path / "sources.yaml"
    sources.write_text("sources: []\n", encoding="utf-8")

    def small_disk() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write then fails with EFBIG instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (16 * 1024, 16 * 1024))

    import subprocess

    original_run = subprocess.run
    monkeypatch.setattr(subprocess, "run", lambda *args, **kwargs: original_run(*args, preexec_fn=small_disk, **kwargs))
    finished = pantau(
        "poll", "--sources", str(sources), env={"PANTAU_DB_URL": f"sqlite:///{tmp_path / 'full' / 'pantau.db'}"}
    )
    assert_one_line_error(finished, "cannot use the store")
