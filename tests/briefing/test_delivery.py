"""Email delivery against a real SMTP server on 127.0.0.1 (aiosmtpd), through Airflow's SMTP connection."""

from __future__ import annotations

import pytest

from pantau.airflow import delivery

from ..mail import smtp_connection
from .briefing_store import DAY


@pytest.fixture
def smtp_server(mailbox, monkeypatch, tmp_path):
    monkeypatch.setenv("AIRFLOW_HOME", str(tmp_path / "airflow"))
    monkeypatch.setenv("AIRFLOW_CONN_SMTP_DEFAULT", smtp_connection(mailbox.port, sender="pantau@example.org"))
    return mailbox


def test_briefing_is_emailed_with_plain_text_alternative_and_pdf(demo, smtp_server, monkeypatch):
    monkeypatch.setenv("PANTAU_BRIEFING_RECIPIENTS", "desk@example.org, ops@example.org")
    assert delivery.deliver_briefing(demo["paths"], DAY) is True
    [message] = smtp_server.messages
    assert smtp_server.recipients == [["desk@example.org", "ops@example.org"]]
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
