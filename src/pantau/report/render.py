"""One briefing model, one template set, every rendering: the web page, its print version as the PDF,
the email (charts as inline parts, absolute links), Markdown (also the email's plain text) and the CSV."""

from __future__ import annotations

import csv
import io
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

import css_inline
from jinja2 import Environment, FileSystemLoader, select_autoescape

from pantau import config
from pantau.days import BRIEFING_ZONE
from pantau.report import charts
from pantau.report.model import Briefing
from pantau.report.text import clock, csv_cell, long_day, markdown_text, plural, safe_link

TEMPLATES_DIR = config.INCLUDE_DIR / "templates"
# WeasyPrint and the fontTools subsetter it drives log every glyph table they touch at INFO and
# DEBUG: hundreds of lines per PDF that would bury the task's own log.
QUIET_LOGGERS = ("weasyprint", "fontTools", "fontTools.subset", "fontTools.ttLib")


@dataclass(frozen=True)
class Links:
    """Where the briefing's own files are, seen from the rendering: beside it on disk, under a
    configured base URL in an email, or nowhere (then the email attaches them instead)."""

    base: str | None  # None: relative links, as the files sit beside the page
    folder: str  # the briefing's folder under the base, e.g. "briefings/2025-07-08"
    email: bool = False

    def __call__(self, relative: str | None) -> str | None:
        if not relative:
            return None
        if self.base:
            return f"{self.base.rstrip('/')}/{self.folder}/{relative}"
        return None if self.email else relative


def _environment() -> Environment:
    # Autoescape for the HTML; the Markdown template escapes through the `md` filter instead.
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["md"] = markdown_text
    environment.filters["link"] = safe_link
    environment.filters["clock"] = clock
    environment.filters["long_day"] = long_day
    environment.globals["plural"] = plural
    return environment


def _folder(briefing: Briefing) -> str:
    return f"briefings/{briefing.day.isoformat()}"


def _created(briefing: Briefing) -> str:
    # The briefing day's 07:00 MYT, not the clock: the same store gives the same document.
    moment = datetime.combine(briefing.day + timedelta(days=1), datetime.min.time(), tzinfo=BRIEFING_ZONE)
    return moment.replace(hour=7).isoformat()


# Outlook's Word engine and Gmail without its <style> support read only style attributes, and
# neither knows CSS variables: each element gets its rules resolved. Media queries cannot be
# inlined, so they stay in a <style> block for the clients that honour one (the phone layout).
EMAIL_INLINER = css_inline.CSSInliner(keep_at_rules=True, resolve_css_variables=True, load_remote_stylesheets=False)


def render_html(briefing: Briefing, mode: str = "page", base_url: str | None = None) -> str:
    """`page`: the self-contained web page; `print`: the same for the PDF; `email`: charts by
    Content-ID and the stylesheet inlined on the elements, as mail clients need."""
    if mode == "email":
        chart_srcs = {name: "cid:" + charts.content_id(name, briefing.day) for name in briefing.chart_pngs}
    else:
        chart_srcs = {name: charts.data_uri(png) for name, png in briefing.chart_pngs.items()}
    links = Links(base_url, _folder(briefing), email=mode == "email")
    html = (
        _environment()
        .get_template("briefing.html")
        .render(b=briefing, mode=mode, charts=chart_srcs, links=links, created=_created(briefing))
    )
    return EMAIL_INLINER.inline(html) if mode == "email" else html


def render_markdown(briefing: Briefing, base_url: str | None = None, email: bool = False) -> str:
    links = Links(base_url, _folder(briefing), email=email)
    return _environment().get_template("briefing.md").render(b=briefing, links=links)


def render_pdf(briefing: Briefing) -> bytes:
    """The print version of the page, laid out by WeasyPrint (fonts through fontconfig: DejaVu, Noto CJK)."""
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.ERROR)
    from weasyprint import HTML  # heavy (Pango, fontTools): only the briefing task needs it

    return HTML(string=render_html(briefing, mode="print"), base_url=str(TEMPLATES_DIR)).write_pdf()


CSV_COLUMNS = (
    "day",
    "rank",
    "score",
    "score_reach",
    "score_watchlist",
    "score_official",
    "score_novelty",
    "score_routine",
    "status",
    "routine",
    "story_id",
    "title",
    "language",
    "outlet",
    "first_published_myt",
    "url",
    "reach",
    "outlets",
    "languages",
    "articles",
    "wire",
    "topics",
    "lead",
)


def render_csv(briefing: Briefing) -> str:
    buffer = io.StringIO()
    # CRLF as RFC 4180 has it: the writer then also quotes a cell holding a bare carriage return.
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for story in briefing.stories:
        parts = story.score.parts
        row = (
            briefing.day.isoformat(),
            story.rank,
            story.score.total,
            parts["reach"],
            parts["watchlist"],
            parts["official"],
            parts["novelty"],
            parts["routine"],
            story.status.split(" ")[0],
            "yes" if story.routine else "no",
            story.id,
            story.title,
            story.language,
            story.outlet,
            story.published.isoformat() if story.published else "",
            story.url,
            story.reach,
            "; ".join(story.outlets),
            "; ".join(story.languages),
            len(story.carriers),
            story.wire or "",
            "; ".join(story.topics),
            story.lead,
        )
        writer.writerow([csv_cell(value) for value in row])
    return buffer.getvalue()
