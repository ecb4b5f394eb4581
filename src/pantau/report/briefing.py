"""The briefing stage: build the day's briefing from the store and write every rendering of it.

Files land under <output_dir>/briefings/<day>/: briefing.html (the page), briefing.md, briefing.pdf,
stories.csv, charts/*.png, and email.html / email.txt (the message body, charts by Content-ID).
Each is written atomically, so a full disk leaves the previous version, never half a file.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from pantau.files import write_atomically
from pantau.registry.sources import Source, Topic, load_watchlist, registry
from pantau.report import rank
from pantau.report.build import build_briefing
from pantau.report.render import render_csv, render_html, render_markdown, render_pdf


def run_for_day(
    s: Session,
    day: date,
    output_dir: Path,
    *,
    sources: dict[str, Source] | None = None,
    topics: list[Topic] | None = None,
    settings: rank.BriefingSettings | None = None,
    base_url: str | None = None,
) -> dict:
    """Write the day's briefing; `base_url` is where output_dir is published, for the email's links."""
    output_dir = Path(output_dir)
    briefing = build_briefing(
        s,
        day,
        output_dir,
        registry() if sources is None else sources,
        load_watchlist() if topics is None else topics,
        settings,
    )
    folder = output_dir / "briefings" / day.isoformat()
    (folder / "charts").mkdir(parents=True, exist_ok=True)
    paths = {
        "html": write_atomically(folder / "briefing.html", render_html(briefing)),
        "md": write_atomically(folder / "briefing.md", render_markdown(briefing)),
        "pdf": write_atomically(folder / "briefing.pdf", render_pdf(briefing)),
        # With a byte-order mark, spreadsheet programs read the Chinese and Vietnamese titles as UTF-8.
        "csv": write_atomically(folder / "stories.csv", render_csv(briefing), encoding="utf-8-sig"),
        "email_html": write_atomically(folder / "email.html", render_html(briefing, mode="email", base_url=base_url)),
        "email_text": write_atomically(folder / "email.txt", render_markdown(briefing, base_url=base_url, email=True)),
    }
    charts = {
        name: write_atomically(folder / "charts" / f"{name}.png", png) for name, png in briefing.chart_pngs.items()
    }
    return {
        **{kind: str(path) for kind, path in paths.items()},
        "charts": {name: str(path) for name, path in charts.items()},
        "stories": len(briefing.stories),
        "articles": briefing.articles,
        "linked": bool(base_url),
    }
