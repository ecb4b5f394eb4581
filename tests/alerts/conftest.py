"""Alert fixtures: a stand-in Slack webhook on 127.0.0.1 and, with the shared SMTP `mailbox`, the
Airflow connections and variables that point the notifier at them."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from ..mail import smtp_connection
from .channels import slack_connection
from .history import write_sources

SETTINGS = (
    "pantau_alert_email_to",
    "pantau_alert_email_from",
    "pantau_alert_smtp_conn_id",
    "pantau_alert_slack_conn_id",
)
# Everything the notifier reads its channels from: Airflow variables, their environment fallbacks, connections.
ALERT_SETTINGS = (
    *(f"AIRFLOW_VAR_{name.upper()}" for name in SETTINGS),
    *(name.upper() for name in SETTINGS),
    "AIRFLOW_CONN_SMTP_DEFAULT",
    "AIRFLOW_CONN_PANTAU_SLACK_WEBHOOK",
)


class Webhook:
    """A stand-in for Slack's incoming webhook: records each POSTed JSON body, answers "ok"."""

    def __init__(self) -> None:
        self.posts: list[dict] = []
        webhook = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # keep test output clean
                pass

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                webhook.posts.append({"path": self.path, **json.loads(body)})
                self.send_response(200)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.origin = f"http://127.0.0.1:{self.server.server_address[1]}"


@pytest.fixture
def webhook():
    hook = Webhook()
    thread = threading.Thread(target=hook.server.serve_forever, daemon=True)
    thread.start()
    yield hook
    hook.server.shutdown()
    hook.server.server_close()


@pytest.fixture
def no_alert_channels(monkeypatch):
    """Nothing configured: the state the notifier finds on a fresh install."""
    for name in ALERT_SETTINGS:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def email_to(monkeypatch, no_alert_channels, mailbox):
    """Alerts by email to the local SMTP server, configured as an operator would: a connection and a variable."""
    monkeypatch.setenv("AIRFLOW_CONN_SMTP_DEFAULT", smtp_connection(mailbox.port))
    monkeypatch.setenv("AIRFLOW_VAR_PANTAU_ALERT_EMAIL_TO", "desk@example.org, editor@example.org")
    return mailbox


@pytest.fixture
def slack_to(monkeypatch, no_alert_channels, webhook):
    monkeypatch.setenv("AIRFLOW_CONN_PANTAU_SLACK_WEBHOOK", slack_connection(webhook.origin))
    return webhook


@pytest.fixture
def pantau_env(monkeypatch, tmp_path, sqlite_url):
    """A store and a source registry of two sources, as the notifier finds them through configuration."""
    sources = write_sources(
        tmp_path / "sources.yaml",
        {
            "id": "thestar",
            "outlet": "The Star",
            "urls": ["https://www.thestar.com.my/rss/News"],
            "profile": "thestar",
            "stale_after_hours": 48,
        },
        {
            "id": "vnexpress",
            "outlet": "VnExpress",
            "language": "vi",
            "urls": ["https://vnexpress.net/rss/the-gioi.rss"],
            "alert_after_failures": 1,
            "alert_after_hours": 0,
        },
    )
    monkeypatch.setenv("PANTAU_SOURCES", str(sources))
    monkeypatch.setenv("PANTAU_DB_URL", sqlite_url)
    return sqlite_url
