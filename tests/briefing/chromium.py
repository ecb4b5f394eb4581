"""Headless Chromium for the briefing tests: screenshots, and the page's own measurements after load."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]
# Injected into a copy of the page: after load, it writes what the browser actually laid out.
PROBE = """<script>
window.addEventListener("load", function () {
  var images = Array.prototype.map.call(document.images, function (image) {
    return {alt: image.alt, src: image.getAttribute("src"), width: image.naturalWidth};
  });
  var out = document.createElement("pre");
  out.id = "probe";
  out.textContent = JSON.stringify({images: images, scrollWidth: document.documentElement.scrollWidth,
                                    innerWidth: window.innerWidth});
  document.body.appendChild(out);
});
</script>"""


def screenshot(url: str, png: Path, profile: Path, size: tuple[int, int]) -> None:
    subprocess.run(
        [
            str(CHROMIUM),
            *FLAGS,
            f"--user-data-dir={profile}",
            f"--screenshot={png}",
            f"--window-size={size[0]},{size[1]}",
            url,
        ],
        check=True,
        capture_output=True,
        timeout=90,
    )


def with_probe(html: str, csp: str | None = None) -> str:
    """The page with the probe, and (like a mail client) a content security policy of its own."""
    head = f'<meta http-equiv="Content-Security-Policy" content="{csp}">' if csp else ""
    html = re.sub(r"<head>", "<head>" + head, html, count=1)
    return html.replace("</body>", PROBE + "</body>", 1)


def measure(url: str, profile: Path, width: int) -> dict:
    """Load a page carrying the probe and return what it measured."""
    finished = subprocess.run(
        [
            str(CHROMIUM),
            *FLAGS,
            f"--user-data-dir={profile}",
            f"--window-size={width},900",
            "--virtual-time-budget=10000",
            "--dump-dom",
            url,
        ],
        check=True,
        capture_output=True,
        text=True,
        timeout=90,
    )
    match = re.search(r'<pre id="probe">(.*?)</pre>', finished.stdout, re.S)
    assert match, "the probe did not run: " + finished.stdout[-500:]
    return json.loads(
        match.group(1).replace("&quot;", '"').replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    )
