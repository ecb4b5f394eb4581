"""The briefing's coverage charts: small matplotlib PNGs, byte-for-byte the same for the same data."""

from __future__ import annotations

import base64
import io
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import matplotlib

matplotlib.use("Agg")  # no display on workers; must precede any pyplot import elsewhere in the process

from matplotlib import font_manager
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

if TYPE_CHECKING:
    from matplotlib.typing import RcKeyType

# Debian's fonts-noto-cjk: outlet names on the charts may be written in Chinese.
CJK_FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
# Its bold face too: without it matplotlib logs "Failed to find font weight bold" for every title.
CJK_BOLD_FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc")
INK, MUTED, ACCENT = "#1f2933", "#7b8794", "#0b6e99"
STYLE: dict[RcKeyType, Any] = {
    "font.size": 10,
    "axes.edgecolor": "#cbd2d9",
    "axes.labelcolor": INK,
    "xtick.color": MUTED,
    "ytick.color": INK,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def _font_families() -> list[str]:
    families = ["DejaVu Sans"]
    if CJK_FONT.exists():
        # Registered by path: matplotlib's font cache may predate the font's installation.
        font_manager.fontManager.addfont(str(CJK_FONT))
        if CJK_BOLD_FONT.exists():
            font_manager.fontManager.addfont(str(CJK_BOLD_FONT))
        families.append(font_manager.FontProperties(fname=str(CJK_FONT)).get_name())
    return families


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    # Fixed metadata and no timestamp: the same data gives the same bytes on every run.
    figure.savefig(buffer, format="png", dpi=150, metadata={"Software": None})
    return buffer.getvalue()


def _figure(height: float) -> tuple[Figure, Axes]:
    # Narrow on purpose: on a phone the image is shown ~380 px wide and the labels must stay legible.
    figure = Figure(figsize=(5.0, height), layout="constrained")
    return figure, figure.add_subplot()


def horizontal_bars(counts: Mapping[str, int], title: str) -> bytes:
    """Bars largest first, labelled with their count; for articles by outlet or by language."""
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    labels = [label for label, _ in ranked][::-1]
    values = [value for _, value in ranked][::-1]
    with matplotlib.rc_context({**STYLE, "font.family": _font_families()}):
        figure, axes = _figure(0.6 + 0.3 * len(labels))
        bars = axes.barh(labels, values, color=ACCENT, height=0.65)
        axes.bar_label(bars, padding=3, color=INK, fontsize=9)
        axes.set_title(title, loc="left", color=INK, fontsize=11, fontweight="bold")
        axes.xaxis.set_visible(False)
        axes.spines["bottom"].set_visible(False)
        axes.margins(x=0.12)
        return _png(figure)


def hourly_volume(per_hour: Sequence[int], title: str) -> bytes:
    """Articles per hour of the day (0-23, MYT)."""
    with matplotlib.rc_context({**STYLE, "font.family": _font_families()}):
        figure, axes = _figure(2.4)
        axes.bar(range(24), per_hour, color=ACCENT, width=0.8)
        axes.set_xticks(range(0, 24, 3), [f"{hour:02d}" for hour in range(0, 24, 3)])
        axes.set_xlim(-0.6, 23.6)
        # A bar axis's default locator is an AutoLocator, a MaxNLocator: it takes `integer`.
        cast(MaxNLocator, axes.yaxis.get_major_locator()).set_params(integer=True)
        axes.set_title(title, loc="left", color=INK, fontsize=11, fontweight="bold")
        return _png(figure)


def data_uri(png: bytes) -> str:
    """The chart inside the page itself: a briefing.html that is one self-contained file."""
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def content_id(name: str, day: date) -> str:
    """The chart's Content-ID in the email: mail clients show inline parts, not data: images."""
    return f"{name}.{day.isoformat()}@pantau"
