"""Source alerts: one message when a source goes wrong, one reminder a day while it stays so, one when it recovers.

Three kinds of trouble, each tracked per source in `store.AlertState`:

- failing: the source's newest polls failed `alert_after_failures` times in a row, over at least
  `alert_after_hours` (a few minutes' outage between two polls pages nobody);
- stale: fetching works but nothing new came for over `stale_after_hours` of wall-clock time;
- profile: the newest parse had to fall back to generic extraction for some of the source's
  articles, i.e. the outlet's extraction profile stopped matching its pages.

Which message is due depends only on the newest evidence in the store and on what was already
sent, never on which callback asked, so a retry, a rerun of the day or a second callback finds
nothing left to send. Sending is the caller's (see `pantau.airflow.notifiers`); this module has no Airflow.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pantau import config, store
from pantau.days import BRIEFING_ZONE, briefing_day_of, day_window
from pantau.health.runs import consecutive_failures, newest_poll, staleness
from pantau.redact import redacted
from pantau.registry.profiles import profile_book
from pantau.registry.sources import Source
from pantau.store import AlertState, ArticleRow

KINDS = ("failing", "stale", "profile")
ALERTING, OK = "alerting", "ok"
ALERT, REMINDER, RECOVERED = "alert", "reminder", "recovered"
FALLBACK_PREFIX = "generic-fallback:"

HEADLINES = {
    ("failing", ALERT): "is failing",
    ("failing", REMINDER): "is still failing",
    ("failing", RECOVERED): "is fetched again",
    ("stale", ALERT): "has brought nothing new",
    ("stale", REMINDER): "still brings nothing new",
    ("stale", RECOVERED): "brings new items again",
    ("profile", ALERT): "no longer matches its extraction profile",
    ("profile", REMINDER): "still does not match its extraction profile",
    ("profile", RECOVERED): "matches its extraction profile again",
}


@dataclass(frozen=True)
class Finding:
    """What the newest evidence says about one kind of trouble at one source."""

    kind: str
    trouble: bool | None  # None: no evidence either way (no runs yet, a replayed day, below the threshold)
    reason: str | None = None
    error: str | None = None
    since: datetime | None = None  # when the trouble began
    log_url: str | None = None  # the log of the poll that showed it, when an Airflow task ran that poll


@dataclass(frozen=True)
class Alert:
    source_id: str
    outlet: str
    kind: str
    notice: str  # alert | reminder | recovered
    reason: str | None
    error: str | None
    since: datetime | None
    log_url: str | None

    @property
    def headline(self) -> str:
        return f"{self.outlet} ({self.source_id}) {HEADLINES[self.kind, self.notice]}"

    @property
    def subject(self) -> str:
        detail = f": {self.reason}" if self.reason and self.notice != RECOVERED else ""
        return f"[Pantau] {self.headline}{detail}"

    @property
    def fields(self) -> list[tuple[str, str]]:
        """The message's labelled lines; the last trouble's, for a recovery."""
        since_label = "Had been since" if self.notice == RECOVERED else "Since"
        return [
            ("Source", f"{self.source_id} ({self.outlet})"),
            ("Reason", self.reason or "unknown"),
            ("Last error", redacted(self.error) if self.error else "none recorded"),
            (since_label, myt_text(self.since) if self.since else "unknown"),
            ("Log", self.log_url or "not available"),
        ]

    @property
    def text(self) -> str:
        return "\n".join([f"{self.headline}.", *(f"{label}: {value}" for label, value in self.fields)])


def myt_text(moment: datetime) -> str:
    return moment.astimezone(BRIEFING_ZONE).strftime("%Y-%m-%d %H:%M MYT")


def next_notice(state: str | None, last_sent_at: datetime | None, trouble: bool | None, now: datetime) -> str | None:
    """The message a finding calls for, given the alert state: at most one reminder per MYT calendar day."""
    alerting = state == ALERTING
    if trouble is None:
        return None
    if trouble and not alerting:
        return ALERT
    if trouble:
        already_today = last_sent_at is not None and briefing_day_of(last_sent_at) >= briefing_day_of(now)
        return None if already_today else REMINDER
    return RECOVERED if alerting else None


def failing_finding(s: Session, source: Source) -> Finding:
    newest = newest_poll(s, source.id)
    # A replayed day was served from the store: it says nothing about whether the outlet answers.
    if newest is None or newest.status == "replayed":
        return Finding("failing", None)
    if newest.status != "failed":
        return Finding("failing", False, log_url=newest.log_url)
    streak = consecutive_failures(s, source.id)
    if not streak.alerting(source):
        return Finding("failing", None)
    return Finding("failing", True, streak.reason, streak.error, streak.since_at, newest.log_url)


def stale_finding(s: Session, source: Source, now: datetime) -> Finding:
    newest = newest_poll(s, source.id)
    # Only a live fetch that worked can tell staleness; a failing source is the failing alert's.
    if newest is None or newest.status not in ("ok", "unchanged"):
        return Finding("stale", None)
    stale = staleness(s, source, now)
    if not stale.stale:
        return Finding("stale", False, log_url=newest.log_url)
    error = f"no new item for {stale.hours_without_new:.0f} h (expected within {stale.threshold_hours} h)"
    return Finding("stale", True, "stale", error, stale.last_new_item_at, newest.log_url)


def profile_finding(s: Session, source: Source) -> Finding:
    """From the newest parsed day of the source: did any article fall back to generic extraction?"""
    if source.profile is None:
        return Finding("profile", None)
    newest_day = s.scalar(select(func.max(ArticleRow.batch_day)).where(ArticleRow.source_id == source.id))
    if newest_day is None:
        return Finding("profile", None)
    methods = s.scalars(
        select(ArticleRow.method).where(ArticleRow.source_id == source.id, ArticleRow.batch_day == newest_day)
    ).all()
    fallbacks = sum(method.startswith(FALLBACK_PREFIX) for method in methods)
    if not fallbacks:
        return Finding("profile", False)
    error = (
        f"{fallbacks} of {len(methods)} articles of {newest_day.isoformat()} "
        f"fell back to generic extraction (profile {source.profile!r})"
    )
    profile = profile_book().by_id.get(source.profile)
    if profile is not None and not profile.verified:
        # No real page ever proved it: it may never have matched, rather than the outlet having changed.
        error += "; the profile is unverified (no real saved page tests it): check it against a saved page"
    return Finding("profile", True, "profile-mismatch", error, day_window(newest_day)[0])


def finding(s: Session, source: Source, kind: str, now: datetime) -> Finding:
    if kind == "failing":
        return failing_finding(s, source)
    if kind == "stale":
        return stale_finding(s, source, now)
    return profile_finding(s, source)


def claim_alert(s: Session, source: Source, kind: str, now: datetime, log_url: str | None = None) -> Alert | None:
    """The message now due for one source and kind, recorded in its AlertState as sent.

    It links the log of the poll that showed the finding (the failing poll, the first one to work
    again), as recorded with the poll; `log_url`, the calling task's log, only where no poll did.

    The state is locked before it is read and written before the caller sends, so a concurrent
    callback waits, then finds nothing due; the caller commits only once the message went out.
    """
    # A no-op update takes the lock on every backend: the row's on PostgreSQL, the database's
    # write lock on SQLite (which ignores FOR UPDATE). A row not there yet is guarded by its key.
    key = (AlertState.source_id == source.id) & (AlertState.kind == kind)
    s.execute(update(AlertState).where(key).values(state=AlertState.state))
    state = s.get(AlertState, (source.id, kind))
    seen = finding(s, source, kind, now)
    notice = next_notice(state.state if state else None, state.last_sent_at if state else None, seen.trouble, now)
    if notice is None:
        return None
    if state is None:
        state = AlertState(source_id=source.id, kind=kind, state=OK)
        s.add(state)
    log_url = seen.log_url or log_url
    if notice == RECOVERED:
        alert = Alert(source.id, source.outlet, kind, notice, state.last_reason, state.last_error, state.since, log_url)
        state.state, state.since = OK, now
    else:
        since = state.since if notice == REMINDER else (seen.since or now)
        alert = Alert(source.id, source.outlet, kind, notice, seen.reason, seen.error, since, log_url)
        state.state, state.since = ALERTING, since
        state.last_reason, state.last_error = seen.reason, seen.error
    state.last_sent_at = now
    s.flush()
    return alert


def send_due_alerts(
    sources: Iterable[Source],
    now: datetime,
    send: Callable[[Alert], None],
    log_url: str | None = None,
    db_url: str | None = None,
) -> list[Alert]:
    """Check every kind for every source and send what is due; one transaction per message.

    If `send` raises, that message's state is rolled back so the next callback tries again.
    """
    # Resolved here, not by store.session(None): its engine cache would keep the first URL it saw.
    db_url = db_url or config.db_url()
    sent = []
    for source in sources:
        for kind in KINDS:
            with store.session(db_url) as s:
                try:
                    alert = claim_alert(s, source, kind, now, log_url)
                except IntegrityError:  # another callback created this state first and sends its message
                    s.rollback()
                    continue
                if alert is not None:
                    send(alert)
                    sent.append(alert)
    return sent
