"""The HTML briefing as a desktop browser and a phone show it: not blank, masthead on top, no sideways scroll."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from .chromium import CHROMIUM, measure, screenshot, with_probe

PHONE = (412, 2000)
DESKTOP = (1280, 1600)

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (/usr/bin/chromium)")


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_screenshot_is_not_blank(demo, tmp_path, size):
    png = tmp_path / "briefing.png"
    screenshot(Path(demo["paths"]["html"]).as_uri(), png, tmp_path / "profile", size)
    image = Image.open(png).convert("RGB")
    assert image.size == size
    background = image.getpixel((2, image.height - 2))
    pixels = image.getdata()
    inked = sum(1 for pixel in pixels if sum(abs(a - b) for a, b in zip(pixel, background)) > 60)
    assert inked / len(pixels) > 0.03, "the page rendered (almost) blank"
    # The masthead is at the top: dark text on the first screen, not an error page.
    top = image.crop((0, 0, size[0], 120)).convert("L")
    assert min(top.getdata()) < 80


@pytest.mark.parametrize("width", [PHONE[0], DESKTOP[0]], ids=["phone", "desktop"])
def test_page_fits_the_width_and_shows_its_charts(demo, tmp_path, width):
    probed = tmp_path / "briefing.html"
    probed.write_text(with_probe(Path(demo["paths"]["html"]).read_text(encoding="utf-8")), encoding="utf-8")
    measured = measure(probed.as_uri(), tmp_path / "profile", width)
    assert measured["scrollWidth"] <= measured["innerWidth"], "the page scrolls sideways"
    assert [image["width"] > 0 for image in measured["images"]] == [True, True, True]
