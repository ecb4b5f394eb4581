"""Email delivery against a real SMTP server on 127.0.0.1 (aiosmtpd), through Airflow's SMTP connection."""
from __future__ import annotations

import email
import json
import socket
from email import policy

import pytest
from aiosmtpd.controller import Controller

from .briefing_store import DAY
from pantau import delivery


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, email.message_from_bytes(envelope.content, policy=policy.default)))
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server(monkeypatch, tmp_path):
    inbox, port = Inbox(), free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    monkeypatch.setenv("AIRFLOW_HOME", str(tmp_path / "airflow"))
    monkeypatch.setenv("AIRFLOW_CONN_SMTP_DEFAULT", json.dumps({
        "conn_type": "smtp", "host": "127.0.0.1", "port": port,
        "extra": {"disable_ssl": True, "disable_tls": True, "from_email": "pantau@example.org", "retry_limit": 0},
    }))
    yield inbox
    controller.stop()


def test_briefing_is_emailed_with_plain_text_alternative_and_pdf(demo, smtp_server, monkeypatch):
    monkeypatch.setenv("PANTAU_BRIEFING_RECIPIENTS", "desk@example.org, ops@example.org")
    assert delivery.deliver_briefing(demo["paths"], DAY) is True
    [(recipients, message)] = smtp_server.messages
    assert recipients == ["desk@example.org", "ops@example.org"]
    assert message["From"] == "pantau@example.org"
    assert message["Subject"] == "Pantau briefing · Monday 5 January 2026"
    assert message.get_content_type() == "multipart/mixed"
    body, attachment = message.iter_parts()
    assert body.get_content_type() == "multipart/alternative"
    plain, html = body.iter_parts()
    assert plain.get_content_type() == "text/plain" and "## Top stories by reach" in plain.get_content()
    assert html.get_content_type() == "text/html" and "马中同意继续推进南海行为准则谈判" in html.get_content()
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_filename() == "pantau-briefing-2026-01-05.pdf"
    assert attachment.get_content().startswith(b"%PDF")


def test_delivery_is_off_without_recipients(demo, smtp_server, monkeypatch):
    monkeypatch.setenv("PANTAU_BRIEFING_RECIPIENTS", "")
    assert delivery.deliver_briefing(demo["paths"], DAY) is False
    assert smtp_server.messages == []


def test_recipients_fall_back_to_the_airflow_variable(monkeypatch, tmp_path):
    monkeypatch.delenv("PANTAU_BRIEFING_RECIPIENTS", raising=False)
    monkeypatch.setenv("AIRFLOW_HOME", str(tmp_path / "airflow"))
    monkeypatch.setenv("AIRFLOW_VAR_PANTAU_BRIEFING_RECIPIENTS", "a@example.org;b@example.org")
    assert delivery.recipients() == ["a@example.org", "b@example.org"]
