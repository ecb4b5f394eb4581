"""Email delivery against a real SMTP server on 127.0.0.1 (aiosmtpd), through Airflow's SMTP connection;
the received message is taken apart and its HTML shown in Chromium the way a mail client shows it."""

from __future__ import annotations

import functools
import re
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from pantau import store
from pantau.airflow import delivery
from pantau.report import briefing

from ..mail import smtp_connection
from .briefing_store import DAY
from .chromium import CHROMIUM, measure, with_probe

BASE_URL = "https://briefings.example.org/pantau"
# What a mail client allows: the message's own parts, nothing remote, no data: images.
MAIL_CLIENT_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"


@pytest.fixture
def smtp_server(mailbox, monkeypatch, tmp_path):
    monkeypatch.setenv("AIRFLOW_HOME", str(tmp_path / "airflow"))
    monkeypatch.setenv("AIRFLOW_CONN_SMTP_DEFAULT", smtp_connection(mailbox.port, sender="pantau@example.org"))
    monkeypatch.setenv("PANTAU_BRIEFING_RECIPIENTS", "desk@example.org, ops@example.org")
    return mailbox


@pytest.fixture(scope="module")
def linked(demo, tmp_path_factory):
    """The demo briefing written with a published base URL, as the email would link it."""
    output = tmp_path_factory.mktemp("linked")
    with store.session(demo["db_url"]) as s:
        return briefing.run_for_day(s, DAY, output, sources=demo["sources"], topics=demo["topics"], base_url=BASE_URL)


def parts(message) -> dict:
    """The message's parts by role, checking the structure mail clients expect on the way."""
    assert message.get_content_type() == "multipart/mixed"
    body, pdf, spreadsheet = message.iter_parts()
    assert body.get_content_type() == "multipart/alternative"
    plain, related = body.iter_parts()
    assert plain.get_content_type() == "text/plain"
    assert related.get_content_type() == "multipart/related"
    html, *images = related.iter_parts()
    return {"plain": plain, "html": html, "images": images, "pdf": pdf, "csv": spreadsheet}


def test_briefing_is_emailed_with_plain_text_charts_and_attachments(demo, smtp_server):
    assert delivery.deliver_briefing(demo["paths"], DAY) is True
    [message] = smtp_server.messages
    assert smtp_server.recipients == [["desk@example.org", "ops@example.org"]]
    assert message["From"] == "pantau@example.org"
    assert message["Subject"] == "Pantau briefing · Monday 5 January 2026"
    found = parts(message)
    assert "## Top stories" in found["plain"].get_content()
    html = found["html"].get_content()
    assert found["html"].get_content_type() == "text/html" and "马中同意继续推进南海行为准则谈判" in html
    assert "data:image" not in html
    referenced = set(re.findall(r'src="cid:([^"]+)"', html))
    attached = {image["Content-ID"].strip("<>") for image in found["images"]}
    assert referenced == attached and len(attached) == 3
    assert all(image.get_content().startswith(b"\x89PNG") for image in found["images"])
    assert found["pdf"].get_filename() == "pantau-briefing-2026-01-05.pdf"
    assert found["pdf"].get_content().startswith(b"%PDF")
    assert found["csv"].get_filename() == "pantau-stories-2026-01-05.csv"
    # Without a published base URL, nothing links a relative path that leads nowhere from a mailbox.
    hrefs = [a["href"] for a in BeautifulSoup(html, "html.parser").select("a[href]")]
    assert all(re.match(r"https?://|#", href) for href in hrefs), hrefs
    assert "stories.csv (attached)" in BeautifulSoup(html, "html.parser").get_text()


def style_of(element) -> dict[str, str]:
    declarations = (part.split(":", 1) for part in element.get("style", "").split(";") if ":" in part)
    return {name.strip(): value.strip() for name, value in declarations}


def test_the_emails_styles_are_inlined_on_its_elements(demo, smtp_server):
    """Outlook desktop and Gmail without <style> support read only style attributes: the look is there."""
    assert delivery.deliver_briefing(demo["paths"], DAY) is True
    soup = BeautifulSoup(parts(smtp_server.messages[0])["html"].get_content(), "html.parser")
    assert style_of(soup.body)["background"] == "#f5f7fa"
    assert style_of(soup.h1)["font-size"] == "28px"
    card = soup.select_one("li.card")
    assert style_of(card)["border"] == "1px solid #e4e7eb" and style_of(card)["background"] == "#ffffff"
    assert style_of(card.select_one(".rank"))["background"] == "#1f2933"
    assert style_of(soup.select_one(".status.new"))["background"] == "#0b6e99"
    assert style_of(soup.select_one(".tile .value"))["font-size"] == "28px"
    assert style_of(soup.select_one("a[href]"))["color"] == "#0b6e99"
    assert style_of(soup.select_one("table.carriers th"))["color"] == "#616e7c"
    # Mail clients know no CSS variables; the phone layout, which cannot be inlined, stays in <style>.
    assert "var(" not in str(soup.body)
    [kept] = soup.find_all("style")
    assert "@media (max-width: 600px)" in kept.string and ".chip {" not in kept.string
    # The web page keeps its stylesheet.
    web = BeautifulSoup(Path(demo["paths"]["html"]).read_text(encoding="utf-8"), "html.parser")
    assert "style" not in web.select_one("li.card").attrs and ".card {" in web.style.string


def test_links_are_absolute_under_the_configured_base_url(linked, smtp_server):
    assert delivery.deliver_briefing(linked, DAY) is True
    found = parts(smtp_server.messages[0])
    soup = BeautifulSoup(found["html"].get_content(), "html.parser")
    hrefs = [a["href"] for a in soup.select("a[href]")]
    assert all(re.match(r"https?://|#", href) for href in hrefs), hrefs
    assert f"{BASE_URL}/briefings/2026-01-05/stories.csv" in hrefs
    assert f"{BASE_URL}/briefings/2026-01-05/quality/index.html" in hrefs
    assert f"{BASE_URL}/briefings/2026-01-05/stories.csv" in found["plain"].get_content()


def serve(folder: Path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (/usr/bin/chromium)")
def test_the_emails_charts_show_with_data_images_blocked(demo, smtp_server, tmp_path):
    """Chromium shows the received HTML part as a mail client does: cid: references resolved to the
    message's own image parts, remote and data: images refused. The charts must still show."""
    assert delivery.deliver_briefing(demo["paths"], DAY) is True
    found = parts(smtp_server.messages[0])
    mail = tmp_path / "mail"
    mail.mkdir()
    html = found["html"].get_content()
    for number, image in enumerate(found["images"]):
        name = f"part{number}.png"
        (mail / name).write_bytes(image.get_content())
        html = html.replace(f"cid:{image['Content-ID'].strip('<>')}", name)
    (mail / "message.html").write_text(with_probe(html, MAIL_CLIENT_CSP), encoding="utf-8")
    # The control: the page's own data: charts, under the same policy, do not show.
    page = Path(demo["paths"]["html"]).read_text(encoding="utf-8")
    (mail / "control.html").write_text(with_probe(page, MAIL_CLIENT_CSP), encoding="utf-8")
    server = serve(mail)
    try:
        origin = f"http://127.0.0.1:{server.server_address[1]}"
        shown = measure(f"{origin}/message.html", tmp_path / "profile", 412)
        control = measure(f"{origin}/control.html", tmp_path / "profile2", 412)
    finally:
        server.shutdown()
        server.server_close()
    assert [image["alt"] for image in shown["images"]] == [
        "Articles by outlet",
        "Articles by language",
        "Articles by hour of publication, MYT",
    ]
    assert all(image["width"] > 0 for image in shown["images"]), shown["images"]
    assert control["images"] and all(image["width"] == 0 for image in control["images"])
    assert shown["scrollWidth"] <= shown["innerWidth"], "the email scrolls sideways on a phone"


def test_delivery_is_off_without_recipients(demo, smtp_server, monkeypatch):
    monkeypatch.setenv("PANTAU_BRIEFING_RECIPIENTS", "")
    assert delivery.deliver_briefing(demo["paths"], DAY) is False
    assert smtp_server.messages == []


def test_recipients_fall_back_to_the_airflow_variable(monkeypatch, tmp_path):
    monkeypatch.delenv("PANTAU_BRIEFING_RECIPIENTS", raising=False)
    monkeypatch.setenv("AIRFLOW_HOME", str(tmp_path / "airflow"))
    monkeypatch.setenv("AIRFLOW_VAR_PANTAU_BRIEFING_RECIPIENTS", "a@example.org;b@example.org")
    assert delivery.recipients() == ["a@example.org", "b@example.org"]
