"""A real SMTP server on 127.0.0.1 for the tests, and the Airflow connection that points at it."""

from __future__ import annotations

import email
import json
import socket
from email.message import EmailMessage
from email.policy import default as default_policy


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def smtp_connection(port: int, sender: str = "pantau@localhost") -> str:
    """An SMTP connection in AIRFLOW_CONN_<ID> JSON form: plain SMTP, no retries."""
    extra = {"disable_ssl": True, "disable_tls": True, "from_email": sender, "retry_limit": 0, "timeout": 5}
    return json.dumps({"conn_type": "smtp", "host": "127.0.0.1", "port": port, "extra": extra})


class Mailbox:
    """An aiosmtpd handler keeping every message it is given (or refusing the next `refusals`), and whom it was for."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.recipients: list[list[str]] = []
        self.port = 0
        self.refusals = 0  # how many of the next messages to turn away, as a busy server does

    async def handle_DATA(self, server, session, envelope) -> str:
        if self.refusals:
            self.refusals -= 1
            return "451 4.3.0 Try again later"
        self.messages.append(email.message_from_bytes(envelope.content, policy=default_policy))
        self.recipients.append(list(envelope.rcpt_tos))
        return "250 Message accepted for delivery"
