"""Email the day's briefing through Airflow's SMTP connection; off unless recipients are configured."""
from __future__ import annotations

import logging
import os
import re
from datetime import date
from email.message import EmailMessage
from pathlib import Path

log = logging.getLogger(__name__)

RECIPIENTS_VARIABLE = "pantau_briefing_recipients"
RECIPIENTS_ENV = "PANTAU_BRIEFING_RECIPIENTS"
CONN_ID_ENV = "PANTAU_SMTP_CONN_ID"
DEFAULT_CONN_ID = "smtp_default"
DEFAULT_SENDER = "pantau@localhost"  # used when the connection has no `from_email` extra


def recipients() -> list[str]:
    """Addresses from PANTAU_BRIEFING_RECIPIENTS, else the Airflow Variable; comma-separated, may be empty."""
    configured = os.environ.get(RECIPIENTS_ENV)
    if configured is None:
        from airflow.sdk import Variable

        configured = Variable.get(RECIPIENTS_VARIABLE, default=None) or ""
    return [address for address in re.split(r"[,;\s]+", configured) if address]


def briefing_message(paths: dict, day: date, sender: str, to: list[str]) -> EmailMessage:
    """The briefing as HTML with its Markdown as the plain-text alternative, and the PDF attached."""
    message = EmailMessage()
    message["Subject"] = f"Pantau briefing · {day:%A} {day.day} {day:%B %Y}"
    message["From"] = sender
    message["To"] = ", ".join(to)
    message.set_content(Path(paths["md"]).read_text(encoding="utf-8"))
    message.add_alternative(Path(paths["html"]).read_text(encoding="utf-8"), subtype="html")
    pdf = Path(paths["pdf"])
    message.add_attachment(pdf.read_bytes(), maintype="application", subtype="pdf",
                           filename=f"pantau-briefing-{day.isoformat()}.pdf")
    return message


def deliver_briefing(paths: dict, day: date) -> bool:
    """Send the briefing to the configured recipients; False (and nothing sent) when none are configured."""
    to = recipients()
    if not to:
        log.info("briefing email is off: set %s or the Airflow Variable %s", RECIPIENTS_ENV, RECIPIENTS_VARIABLE)
        return False
    from airflow.providers.smtp.hooks.smtp import SmtpHook

    with SmtpHook(smtp_conn_id=os.environ.get(CONN_ID_ENV, DEFAULT_CONN_ID)) as hook:
        message = briefing_message(paths, day, hook.from_email or DEFAULT_SENDER, to)
        # The hook's send_email_smtp builds a multipart/mixed without a plain-text part, so the hook
        # only opens the connection (TLS, login and retries from the Airflow connection) and this
        # module sends its own multipart/alternative message through it.
        hook._smtp_client.send_message(message)
    log.info("briefing for %s sent to %d recipient(s)", day, len(to))
    return True
