"""When to poll a source again, and whether its feed outran the last poll (Media Cloud rss-fetcher's idea).

A feed lists only its newest items. When a new listing shares nothing with the previous one, items
published in between may have scrolled off unseen: a gap. Where the items carry numbers (Bernama's
article ids) or times (the feed's, else their pages'), the hole between the two listings, measured
in the listings' own typical spacing, says how many were likely lost, so a feed that published
exactly one listing's worth between polls is not a false alarm. A gap halves the source's interval
down to its floor; a feed quiet for several polls in a row is polled less often, up to its ceiling.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import pairwise
from statistics import median

from sqlalchemy import select
from sqlalchemy.orm import Session

from pantau.registry.sources import Source
from pantau.store import SourceCadence

# Quiet polls (nothing new) in a row before the interval grows: one quiet hour is normal.
QUIET_POLLS_BEFORE_SLOWING = 4
SLOWING_FACTOR = 1.5
# A gap halves the interval: twice the polls catch a feed publishing at twice the rate assumed.
SPEEDING_FACTOR = 0.5
# The last run of four or more digits in an item URL, as article ids are printed (`?id=2442050`,
# `/1241402.html`); shorter runs are years, months and days.
ITEM_NUMBER = re.compile(r"(\d{4,})(?!.*\d{4})")
# Numbers guessed per gap at most: a hole wider than this is an outage, not a burst.
MAX_SKIPPED_GUESSES = 50

Listing = Sequence[tuple[str, datetime | None]]  # (item key, its time), as a feed listed them


@dataclass(frozen=True)
class Gap:
    gap: bool
    lost_estimate: int | None  # None: the listings give no evidence how many

    @staticmethod
    def combined(gaps: Iterable[Gap]) -> Gap:
        """One source's gap over its feeds: any feed's gap, the losses summed where known."""
        found = [gap for gap in gaps if gap.gap]
        if not found:
            return NO_GAP
        known = [gap.lost_estimate for gap in found if gap.lost_estimate is not None]
        return Gap(True, sum(known) if known else None)


NO_GAP = Gap(False, 0)


def item_number(key: str) -> int | None:
    match = ITEM_NUMBER.search(key)
    return int(match.group(1)) if match else None


def listing_gap(previous: Listing, current: Listing) -> Gap:
    """Whether items may have been lost between two listings of a feed, and how many."""
    if not previous or not current or {key for key, _ in previous} & {key for key, _ in current}:
        return NO_GAP
    for measure in (_numbers, _times):
        before, after = measure(previous), measure(current)
        if before is None or after is None:
            continue
        missing = _missing_between(before, after)
        if missing is not None:
            return Gap(missing > 0, missing)
    return Gap(True, None)


def skipped_numbers(previous_keys: Sequence[str], current_keys: Sequence[str]) -> list[int]:
    """The item numbers between two listings of a numbered feed that neither lists (none when
    the listings overlap, are not numbered, or the hole is wider than MAX_SKIPPED_GUESSES)."""
    if set(previous_keys) & set(current_keys):
        return []
    before, after = [item_number(key) for key in previous_keys], [item_number(key) for key in current_keys]
    if not before or not after or None in before or None in after:
        return []
    low, high = max(n for n in before if n is not None), min(n for n in after if n is not None)
    return list(range(low + 1, high)) if 0 < high - low - 1 <= MAX_SKIPPED_GUESSES else []


def _numbers(listing: Listing) -> list[float] | None:
    numbers = [item_number(key) for key, _ in listing]
    return None if None in numbers else [float(n) for n in numbers if n is not None]


def _times(listing: Listing) -> list[float] | None:
    moments = [moment for _, moment in listing]
    return None if None in moments else [moment.timestamp() for moment in moments if moment is not None]


def _missing_between(before: list[float], after: list[float]) -> int | None:
    """Items missing between two listings: the hole between them in steps of their typical spacing;
    None when the measure cannot tell (the listings interleave, or items share one value)."""
    hole = min(after) - max(before)
    steps = [b - a for listing in (before, after) for a, b in pairwise(sorted(listing)) if b > a]
    if hole <= 0 or not steps:
        return None
    return max(0, round(hole / median(steps)) - 1)


def next_interval(source: Source, current: int, quiet_polls: int, *, gap: bool, found_new: bool) -> tuple[int, int]:
    """(the next interval in minutes, quiet polls in a row) after a poll that worked."""
    if gap:
        return max(source.min_interval_minutes, math.floor(current * SPEEDING_FACTOR)), 0
    if found_new:
        return current, 0
    quiet_polls += 1
    if quiet_polls >= QUIET_POLLS_BEFORE_SLOWING:
        return min(source.max_interval_minutes, math.ceil(current * SLOWING_FACTOR)), 0
    return current, quiet_polls


def record_cadence(
    s: Session, source: Source, started_at: datetime, *, failed: bool, gap: bool, found_new: bool
) -> SourceCadence:
    """Adapt the source's interval to this poll and set when it is next due."""
    cadence = s.get(SourceCadence, source.id)
    if cadence is None:
        cadence = SourceCadence(source_id=source.id, interval_minutes=source.starting_interval, quiet_polls=0)
        s.add(cadence)
    # The registry's bounds may have changed since the interval was adapted.
    interval = min(max(cadence.interval_minutes, source.min_interval_minutes), source.max_interval_minutes)
    quiet = cadence.quiet_polls or 0
    if not failed:  # a failed poll says nothing about the feed's pace: retry at the same interval
        interval, quiet = next_interval(source, interval, quiet, gap=gap, found_new=found_new)
    cadence.interval_minutes, cadence.quiet_polls = interval, quiet
    cadence.last_polled_at = started_at
    cadence.next_due_at = started_at + timedelta(minutes=interval)
    return cadence


def due_sources(s: Session, sources: Sequence[Source], now: datetime, *, early: timedelta) -> list[Source]:
    """The sources due by `now + early` (a tick polls what would fall due before the next one
    starts), and those never polled; in registry order."""
    due_at = dict(s.execute(select(SourceCadence.source_id, SourceCadence.next_due_at)).all())
    return [source for source in sources if source.id not in due_at or due_at[source.id] <= now + early]
