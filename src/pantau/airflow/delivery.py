"""Email the day's briefing through Airflow's SMTP connection; off unless recipients are configured.

The message is what mail clients show: an HTML part with its styles inlined on the elements, whose
charts are inline parts referenced by Content-ID (Gmail and Outlook do not show data: images), links that are absolute when the setting
pantau_briefing_base_url says where the output folder is published, a plain-text alternative, and
the PDF and stories.csv attached.
"""

from __future__ import annotations

import logging
from datetime import date
from email.message import EmailMessage
from pathlib import Path

from pantau.airflow.settings import addresses, setting
from pantau.report.charts import content_id

log = logging.getLogger(__name__)

RECIPIENTS = "pantau_briefing_recipients"
BASE_URL = "pantau_briefing_base_url"
DEFAULT_SENDER = "pantau@localhost"  # used when the connection has no `from_email` extra


def recipients() -> list[str]:
    """Addresses from the Airflow Variable pantau_briefing_recipients (or PANTAU_BRIEFING_RECIPIENTS)."""
    return addresses(RECIPIENTS)


def base_url() -> str | None:
    """Where the output folder is published (the Variable pantau_briefing_base_url, or PANTAU_BRIEFING_BASE_URL)."""
    return setting(BASE_URL)


def briefing_message(paths: dict, day: date, sender: str, to: list[str]) -> EmailMessage:
    """multipart/mixed: the text and the HTML (with its charts as related parts) as alternatives, then the files."""
    message = EmailMessage()
    message["Subject"] = f"Pantau briefing · {day:%A} {day.day} {day:%B %Y}"
    message["From"] = sender
    message["To"] = ", ".join(to)
    message.set_content(Path(paths["email_text"]).read_text(encoding="utf-8"))
    message.add_alternative(Path(paths["email_html"]).read_text(encoding="utf-8"), subtype="html")
    html_part = message.get_body(preferencelist=("html",))
    assert isinstance(html_part, EmailMessage)
    for name, chart in sorted(paths.get("charts", {}).items()):
        html_part.add_related(
            Path(chart).read_bytes(),
            maintype="image",
            subtype="png",
            cid=f"<{content_id(name, day)}>",
            disposition="inline",
            filename=f"{name}.png",
        )
    message.add_attachment(
        Path(paths["pdf"]).read_bytes(),
        maintype="application",
        subtype="pdf",
        filename=f"pantau-briefing-{day.isoformat()}.pdf",
    )
    message.add_attachment(
        Path(paths["csv"]).read_bytes(),
        maintype="text",
        subtype="csv",
        filename=f"pantau-stories-{day.isoformat()}.csv",
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
