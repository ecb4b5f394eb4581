"""The HTML briefing as a phone shows it: headless Chromium renders it to something that is not blank."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PIL import Image

CHROMIUM = Path("/usr/bin/chromium")
PHONE = (412, 2000)


def screenshot(html: Path, png: Path, profile: Path) -> None:
    subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            f"--screenshot={png}",
            f"--window-size={PHONE[0]},{PHONE[1]}",
            html.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=90,
    )


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (/usr/bin/chromium)")
def test_phone_screenshot_is_not_blank(demo, tmp_path):
    png = tmp_path / "briefing.png"
    screenshot(Path(demo["paths"]["html"]), png, tmp_path / "profile")
    image = Image.open(png).convert("RGB")
    assert image.size == PHONE
    background = image.getpixel((2, image.height - 2))
    pixels = image.getdata()
    inked = sum(1 for pixel in pixels if sum(abs(a - b) for a, b in zip(pixel, background)) > 60)
    assert inked / len(pixels) > 0.03, "the page rendered (almost) blank"
    # The masthead is at the top: dark text on the first screen, not an error page.
    top = image.crop((0, 0, PHONE[0], 120)).convert("L")
    assert min(top.getdata()) < 80
