"""Airflow's side of source alerts: a notifier for task and DAG callbacks, and the channels it sends to.

Channels are chosen by configuration, never by code or secrets in the repository:

- email, when recipients are set in the Variable `pantau_alert_email_to` (or PANTAU_ALERT_EMAIL_TO),
  comma-separated, sent through the SMTP connection named by `pantau_alert_smtp_conn_id`
  (default `smtp_default`); the sender is the connection's `from_email` extra, or
  `pantau_alert_email_from`;
- Slack, when the Slack incoming-webhook connection named by `pantau_alert_slack_conn_id`
  (default `pantau_slack_webhook`) exists.

Every alert is also written to the task log (logger `pantau.health.alerts`), which is where it goes
when neither channel is configured; the briefing's source-health section reads the store itself.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from datetime import datetime, timezone

from airflow.sdk import BaseNotifier, Connection, Context
from airflow.sdk.exceptions import AirflowNotFoundException

from pantau.airflow.settings import addresses, setting
from pantau.health.alerts import Alert, send_due_alerts
from pantau.registry.sources import registry

log = logging.getLogger("pantau.health.alerts")

Channel = Callable[[Alert, Context], None]


class AlertNotSent(RuntimeError):
    """No configured channel took the alert; its state is rolled back so the next callback retries."""


def email_channel(recipients: list[str], conn_id: str, sender: str | None) -> Channel:
    def send(alert: Alert, context: Context) -> None:
        from airflow.providers.smtp.notifications.smtp import SmtpNotifier

        lines = [f"<p><strong>{html.escape(alert.headline)}</strong></p>"]
        for label, value in alert.fields:
            shown = html.escape(value)
            if label == "Log" and alert.log_url:
                shown = f'<a href="{shown}">{shown}</a>'
            lines.append(f"<p>{html.escape(label)}: {shown}</p>")
        # notify(), not __call__: the message is final text, and error text must not be run through Jinja.
        SmtpNotifier(
            to=recipients, from_email=sender, subject=alert.subject, html_content="\n".join(lines), smtp_conn_id=conn_id
        ).notify(context)

    return send


def _slack_escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def slack_channel(conn_id: str) -> Channel:
    def send(alert: Alert, context: Context) -> None:
        # Imported when sending: slack_sdk would add half a second to every parse of the DAG file.
        from airflow.providers.slack.notifications.slack_webhook import SlackWebhookNotifier

        lines = [f"*{_slack_escaped(alert.headline)}*"]
        lines += [f"{label}: {_slack_escaped(value)}" for label, value in alert.fields if label != "Log"]
        if alert.log_url:
            lines.append(f"<{alert.log_url}|Task log>")
        SlackWebhookNotifier(slack_webhook_conn_id=conn_id, text="\n".join(lines)).notify(context)

    return send


def _connection_exists(conn_id: str) -> bool:
    try:
        Connection.get(conn_id)
    except AirflowNotFoundException:
        return False
    return True


def configured_channels() -> dict[str, Channel]:
    channels: dict[str, Channel] = {}
    recipients = addresses("pantau_alert_email_to")
    if recipients:
        channels["email"] = email_channel(
            recipients, setting("pantau_alert_smtp_conn_id", "smtp_default"), setting("pantau_alert_email_from")
        )
    slack_conn_id = setting("pantau_alert_slack_conn_id", "pantau_slack_webhook")
    if _connection_exists(slack_conn_id):
        channels["slack"] = slack_channel(slack_conn_id)
    return channels


def source_id_of(context) -> str | None:
    """The source a poll task instance covers, or None for a task that is not per source."""
    task = context.get("task")
    # On the worker the callback gets the unmapped operator, with `source_id` set for this instance.
    source_id = getattr(task, "source_id", None)
    if isinstance(source_id, str):
        return source_id
    # When the Dag processor runs it (task killed, heartbeat lost) it gets the mapped operator.
    values = getattr(getattr(task, "expand_input", None), "value", {}).get("source_id")
    map_index = getattr(context.get("ti"), "map_index", None)
    if isinstance(values, (list, tuple)) and map_index is not None and 0 <= map_index < len(values):
        return values[map_index]
    return None


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


class SourceAlertNotifier(BaseNotifier):
    """Send the source alerts that are due, once each, however many callbacks fire.

    On a poll task it checks that task's source; on any other task, or with `all_sources=True`
    (the DAG's callbacks), every registered source.
    """

    def __init__(self, *, all_sources: bool = False, clock: Callable[[], datetime] = _utc_now):
        super().__init__()
        self.all_sources = all_sources
        self.clock = clock

    def render_template_fields(self, context, jinja_env=None) -> None:
        """Nothing to render: the messages come from the store. (BaseNotifier would still ask the
        context's DAG for a Jinja environment, which the serialized DAG of `dag.test()` lacks.)"""

    def notify(self, context) -> None:
        sources = registry()
        source_id = None if self.all_sources else source_id_of(context)
        if source_id is not None and source_id not in sources:
            log.error("no alerts for source %r: it is not in the registry", source_id)
            return
        chosen = [sources[source_id]] if source_id is not None else list(sources.values())
        ti = context.get("ti")
        channels = configured_channels()

        def send(alert: Alert) -> None:
            log.warning("%s\n%s", alert.subject, alert.text)
            failed = []
            for name, channel in channels.items():
                try:
                    channel(alert, context)
                except Exception as exc:  # the other channels still get it
                    log.error("alert for %s not sent by %s: %s: %s", alert.source_id, name, type(exc).__name__, exc)
                    failed.append(name)
            if channels and len(failed) == len(channels):
                raise AlertNotSent(f"alert for {alert.source_id} ({alert.kind}) not sent by {', '.join(failed)}")

        send_due_alerts(chosen, self.clock(), send, log_url=getattr(ti, "log_url", None))


def warn_if_briefing_missing(day, path) -> bool:
    """The 07:30 check: True when the day's briefing is written; else a warning in the log and by
    email to the alert recipients, and False."""
    if path.is_file():
        return True
    subject = f"[Pantau] The briefing for {day.isoformat()} is not written by 07:30"
    text = f"No briefing at {path}: see the pantau_daily_briefing run for {day.isoformat()}."
    log.warning("%s. %s", subject, text)
    recipients = addresses("pantau_alert_email_to")
    if recipients:
        from airflow.providers.smtp.notifications.smtp import SmtpNotifier

        SmtpNotifier(
            to=recipients,
            from_email=setting("pantau_alert_email_from"),
            subject=subject,
            html_content=f"<p>{html.escape(text)}</p>",
            smtp_conn_id=setting("pantau_alert_smtp_conn_id", "smtp_default"),
        ).notify({})
    return False
