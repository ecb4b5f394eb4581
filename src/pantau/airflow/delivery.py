"""Email the day's briefing through Airflow's SMTP connection; off unless recipients are configured."""

from __future__ import annotations

import logging
from datetime import date
from email.message import EmailMessage
from pathlib import Path

from pantau.airflow.settings import addresses, setting

log = logging.getLogger(__name__)

RECIPIENTS = "pantau_briefing_recipients"
DEFAULT_SENDER = "pantau@localhost"  # used when the connection has no `from_email` extra


def recipients() -> list[str]:
    """Addresses from the Airflow Variable pantau_briefing_recipients (or PANTAU_BRIEFING_RECIPIENTS)."""
    return addresses(RECIPIENTS)


def briefing_message(paths: dict, day: date, sender: str, to: list[str]) -> EmailMessage:
    """The briefing as HTML with its Markdown as the plain-text alternative, and the PDF attached."""
    message = EmailMessage()
    message["Subject"] = f"Pantau briefing · {day:%A} {day.day} {day:%B %Y}"
    message["From"] = sender
    message["To"] = ", ".join(to)
    message.set_content(Path(paths["md"]).read_text(encoding="utf-8"))
    message.add_alternative(Path(paths["html"]).read_text(encoding="utf-8"), subtype="html")
    pdf = Path(paths["pdf"])
    message.add_attachment(
        pdf.read_bytes(), maintype="application", subtype="pdf", filename=f"pantau-briefing-{day.isoformat()}.pdf"
    )
    return message


def deliver_briefing(paths: dict, day: date) -> bool:
    """Send the briefing to the configured recipients; False (and nothing sent) when none are configured."""
    to = recipients()
    if not to:
        log.info("briefing email is off: set the Airflow Variable %s (or %s)", RECIPIENTS, RECIPIENTS.upper())
        return False
    from airflow.providers.smtp.hooks.smtp import SmtpHook

    with SmtpHook(smtp_conn_id=setting("pantau_briefing_smtp_conn_id", "smtp_default")) as hook:
        message = briefing_message(paths, day, hook.from_email or DEFAULT_SENDER, to)
        # The hook's send_email_smtp builds a multipart/mixed without a plain-text part, so the hook
        # only opens the connection (TLS, login and retries from the Airflow connection) and this
        # module sends its own multipart/alternative message through it.
        client = hook._smtp_client
        assert client is not None  # entering the hook connected it
        client.send_message(message)
    log.info("briefing for %s sent to %d recipient(s)", day, len(to))
    return True
