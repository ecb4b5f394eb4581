"""The briefing for a demo-like day, an empty day and a day when every source failed."""

from __future__ import annotations

import base64
import csv
import logging
import os
import shutil
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from markdown_it import MarkdownIt

from pantau import files, store
from pantau.report import briefing, text

from .briefing_store import (
    DAY,
    ID_TITLE,
    MS_TITLE,
    SCRIPT_TITLE,
    VI_TITLE,
    WIRE_TITLE,
    ZH_TITLE,
    article,
    assign,
    at,
    config_from,
    demo_rows,
    run,
)


def page(paths: dict) -> BeautifulSoup:
    return BeautifulSoup(Path(paths["html"]).read_text(encoding="utf-8"), "html.parser")


def test_writes_the_four_files_and_counts(demo):
    paths = demo["paths"]
    folder = demo["output"] / "briefings" / "2026-01-05"
    assert {Path(paths[kind]).name for kind in ("html", "md", "pdf", "csv")} == {
        "briefing.html",
        "briefing.md",
        "briefing.pdf",
        "stories.csv",
    }
    assert all(Path(paths[kind]).parent == folder for kind in ("html", "md", "pdf", "csv"))
    assert paths["articles"] == 14 and paths["stories"] == 7


def test_top_story_is_the_wire_story_with_its_carriers_and_delays(demo):
    top = page(demo["paths"]).select("#top-stories li.card")[0]
    assert top.h3.get_text(" ", strip=True) == f"1 new {WIRE_TITLE}"
    assert "6 outlets" in top.select_one(".meta").get_text(" ", strip=True)
    carriers = [
        (row.td.a.get_text(), *(cell.get_text(strip=True) for cell in row.find_all("td")[1::2]))
        for row in top.select("table tr")[1:]
    ]
    assert carriers == [
        ("Bernama", "en", "original"),
        ("Bernama", "zh", "+25 min"),
        ("The Star", "en", "+40 min"),
        ("Malaysiakini", "en", "+55 min"),
        ("Berita Harian", "ms", "+1 h"),
        ("Sin Chew Daily", "zh", "+2 h"),
        ("New Straits Times", "en", "+3 h 5 min"),
    ]
    relations = [row.find_all("td")[2].get_text(strip=True) for row in top.select("table tr")[1:]]
    assert relations[:3] == ["original", "translation", "same text as Bernama"]  # in the reader's words
    assert "minhash" not in top.get_text()
    # The operators' detail (method and score) is in the appendix.
    assert "minhash+containment 0.87" in page(demo["paths"]).select_one("#grouping").get_text()
    assert top.select_one("p.lead").get_text().startswith("KUALA LUMPUR, Jan 5 (Bernama) -- Malaysia and China")
    assert [chip.get_text() for chip in top.select(".chip")] == ["South China Sea"]


def test_translations_are_grouped_under_their_wire_story(demo):
    top = page(demo["paths"]).select("#top-stories li.card")[0]
    versions = {link["lang"]: link.get_text() for link in top.select(".version a")}
    assert versions == {"zh": ZH_TITLE, "ms": MS_TITLE}
    chinese = page(demo["paths"]).select_one("#in-zh")
    assert WIRE_TITLE in chinese.get_text()  # the wire story heads its Chinese translation
    assert chinese.select_one(".version a[lang=zh]").get_text() == ZH_TITLE


def test_languages_are_rendered_in_their_script_with_lang_attributes(demo):
    html = page(demo["paths"])
    assert html.html["lang"] == "en"
    titles = {
        language: [element.get_text() for element in html.select(f"[lang={language}] a, a[lang={language}]")]
        for language in ("zh", "vi", "ms", "id")
    }
    assert ZH_TITLE in titles["zh"] and "东盟外长会议在吉隆坡举行" in titles["zh"]
    assert VI_TITLE in titles["vi"] and MS_TITLE in titles["ms"] and ID_TITLE in titles["id"]
    assert [section["id"] for section in html.select("section[id^=in-]")] == ["in-ms", "in-zh", "in-vi", "in-id"]


def test_charts_are_inline_png_images(demo):
    images = page(demo["paths"]).select("#coverage img")
    assert [image["alt"] for image in images] == [
        "Articles by outlet",
        "Articles by language",
        "Articles by hour of publication, MYT",
    ]
    for image in images:
        assert image["src"].startswith("data:image/png;base64,")
        assert base64.b64decode(image["src"].split(",", 1)[1]).startswith(b"\x89PNG\r\n\x1a\n")
    assert 'src="http' not in Path(demo["paths"]["html"]).read_text(encoding="utf-8")  # self-contained


def test_markup_in_a_title_is_shown_as_text(demo):
    html = Path(demo["paths"]["html"]).read_text(encoding="utf-8")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; ASEAN ministers" in html
    assert SCRIPT_TITLE in page(demo["paths"]).get_text()
    # The email's HTML, re-serialised by the CSS inliner, keeps the title as text too.
    email = Path(demo["paths"]["email_html"]).read_text(encoding="utf-8")
    assert "<script>" not in email and SCRIPT_TITLE in BeautifulSoup(email, "html.parser").get_text()
    markdown = Path(demo["paths"]["md"]).read_text(encoding="utf-8")
    rendered = MarkdownIt("commonmark").render(markdown)
    assert "<script>" not in rendered and "&lt;script&gt;alert" in rendered


def test_wire_pickup_lists_pickers_and_rates(demo):
    wire = page(demo["paths"]).select_one("#wire")
    first = wire.select("ul.plain > li")[0].get_text(" ", strip=True)
    assert "The Star en +40 min" in first and "New Straits Times en +3 h 5 min" in first
    assert "Bernama en" not in first  # the wire's own services are the original, not a pickup
    rates = {row.find_all("td")[0].get_text(): row.find_all("td")[1].get_text() for row in wire.select("table tr")[1:]}
    assert rates == {
        "The Star": "2/2",
        "Berita Harian": "1/2",
        "Malaysiakini": "1/2",
        "New Straits Times": "1/2",
        "Sin Chew Daily": "1/2",
    }


def test_watch_list_counts_trend_and_spikes(demo):
    rows = {
        row.find_all("td")[0].get_text(" ", strip=True): [cell.get_text(strip=True) for cell in row.find_all("td")]
        for row in page(demo["paths"]).select("#watchlist tr")[1:]
    }
    assert rows["South China Sea SPIKE"][1:3] == ["10", "4"]
    assert rows["ASEAN"][1] == "3"  # 3 today against 2 a day all week: no spike
    assert "at least 3 articles and exceeds its median" in page(demo["paths"]).select_one("#watchlist").get_text()


def test_summary_compares_with_the_day_before_and_the_week(demo):
    tiles = [tile.get_text(" ", strip=True) for tile in page(demo["paths"]).select(".tile")]
    # A median of the collected days, not a percentage of a mean (which near zero reads "+2350%").
    assert tiles[0] == "14 Articles +11 vs day before usual 3 a day (7-day median)"
    assert tiles[1].startswith("7 Unique stories")


def test_source_health_and_quality(demo):
    health = page(demo["paths"]).select_one("#health").get_text(" ", strip=True)
    assert "Kosmo kosmo failed · since Saturday 3 January 2026" in health
    assert "503 Service Unavailable" in health and "retry later" not in health
    assert "Utusan Malaysia utusan stale · last new item 1 Jan 09:30 MYT" in health
    assert "The Star thestar generic fallback · since Monday 5 January 2026" in health
    assert "parse/no-date × 1" in health
    quality = page(demo["paths"]).select_one("#quality")
    assert quality.select_one("a")["href"] == "quality/index.html"
    assert "byline present · 3 of 14 missing" in quality.get_text(" ", strip=True)


def test_csv_has_one_row_per_story(demo):
    with open(demo["paths"]["csv"], encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 7 and [row["rank"] for row in rows] == [str(rank) for rank in range(1, 8)]
    assert rows[0]["title"] == WIRE_TITLE and rows[0]["reach"] == "6" and rows[0]["languages"] == "en; zh; ms"
    assert rows[0]["first_published_myt"] == "2026-01-05T08:00:00+08:00"
    assert ZH_TITLE not in {row["title"] for row in rows}  # a translation is part of its story, not a row
    assert "东盟外长会议在吉隆坡举行" in {row["title"] for row in rows}


def test_rerun_gives_the_same_bytes(demo, tmp_path):
    kinds = ("html", "md", "pdf", "csv", "email_html", "email_text")
    before = {kind: Path(demo["paths"][kind]).read_bytes() for kind in kinds}
    charts = {name: Path(path).read_bytes() for name, path in demo["paths"]["charts"].items()}
    with store.session(demo["db_url"]) as s:
        again = briefing.run_for_day(s, DAY, demo["output"], sources=demo["sources"], topics=demo["topics"])
    assert {kind: Path(again[kind]).read_bytes() for kind in before} == before
    assert {name: Path(path).read_bytes() for name, path in again["charts"].items()} == charts


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext missing (apt-get install poppler-utils)")
def test_pdf_has_pages_and_the_titles_in_every_script(demo):
    pdf = demo["paths"]["pdf"]
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert 2 <= pages <= 6
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True, text=True, check=True).stdout
    for expected in (
        WIRE_TITLE,
        ZH_TITLE,
        VI_TITLE,
        MS_TITLE,
        "东盟外长会议在吉隆坡举行",
        "+3 h 5 min",
        "Source health",
    ):
        assert expected in text
    assert text.count("\f") == pages
    # Latin and Vietnamese from DejaVu, Chinese from Noto CJK: embedded, not substituted by the viewer.
    fonts = subprocess.run(["pdffonts", pdf], capture_output=True, text=True, check=True).stdout
    assert "DejaVu-Sans" in fonts and "Noto-Sans-CJK" in fonts
    assert all(line.split()[-5:-2] == ["yes", "yes", "yes"] for line in fonts.splitlines()[2:])


def empty_briefing(tmp_path: Path, rows: list) -> tuple[dict, BeautifulSoup]:
    sources, topics = config_from(tmp_path)
    db_url = f"sqlite:///{tmp_path / 'pantau.db'}"
    with store.session(db_url) as s:
        s.add_all(rows)
    with store.session(db_url) as s:
        paths = briefing.run_for_day(s, DAY, tmp_path / "output", sources=sources, topics=topics)
    return paths, page(paths)


def test_a_pickup_of_yesterdays_wire_story_shows_the_original_and_the_canonical_headline(tmp_path):
    yesterday = DAY - timedelta(days=1)
    original = article("bernama", "Bernama", "en", "SOM concludes", at(yesterday, 18), day=yesterday, wire="bernama")
    updated = article(
        "bernama", "Bernama", "en", "UPDATED: SOM concludes, AMM next", at(yesterday, 22), day=yesterday, wire="bernama"
    )
    pickup = article("thestar", "The Star", "en", "Senior officials wrap up", at(DAY, 8, 40), wire="bernama")
    rows = [
        original,
        updated,
        pickup,
        assign(original, "s1", "s1"),
        assign(updated, "s1", "s1", canonical=True),
        assign(pickup, "s1", "s1"),
        run("bernama", DAY),
        run("thestar", DAY),
    ]
    paths, html = empty_briefing(tmp_path, rows)
    story = html.select_one("#top-stories li.card")
    heading = story.select_one("h3 a")
    assert (heading.get_text(strip=True), heading["href"]) == (updated.title, updated.url)
    carried = story.get_text(" ", strip=True)
    assert "Bernama" in carried and "+14 h 40 min" in carried
    assert paths["articles"] == 1, "yesterday's copies are context, not today's articles"


def test_a_day_without_articles_says_so(tmp_path):
    paths, html = empty_briefing(tmp_path, [run("bernama", DAY), run("thestar", DAY)])
    assert paths["articles"] == 0 and paths["stories"] == 0
    assert html.select_one(".notice").get_text() == (
        "No articles were collected for Monday 5 January 2026: there is nothing to brief on."
    )
    assert "No articles to chart for this day." in html.get_text()
    assert not html.select("#top-stories, img")
    assert "No articles were collected" in Path(paths["md"]).read_text(encoding="utf-8")
    with open(paths["csv"], encoding="utf-8-sig") as handle:
        assert handle.read().count("\n") == 1  # the header alone
    assert Path(paths["pdf"]).read_bytes().startswith(b"%PDF")


def test_a_day_when_every_source_failed_says_so(tmp_path):
    failures = [
        run(source_id, DAY - timedelta(days=offset), status="failed", reason="timeout", error="read timed out")
        for source_id in ("bernama", "thestar", "sinchew")
        for offset in (0, 1)
    ]
    paths, html = empty_briefing(tmp_path, failures)
    notice = html.select_one(".notice").get_text()
    assert notice.startswith("Every source failed on Monday 5 January 2026 (3 of 3)")
    health = html.select_one("#health").get_text(" ", strip=True)
    assert "3 sources polled, 3 failed." in health
    assert health.count("failed · since Sunday 4 January 2026") == 3
    assert "Every source failed" in Path(paths["md"]).read_text(encoding="utf-8")


def test_demo_rows_are_the_demo_rows():
    """The fixture itself: six outlets in three languages on the wire story."""
    rows = demo_rows()
    outlets = {row.outlet for row in rows if getattr(row, "title", None) in (WIRE_TITLE, ZH_TITLE, MS_TITLE)}
    assert len(outlets) == 6


@pytest.mark.parametrize(
    ("minutes", "label"),
    [
        (0, "same time"),
        (40, "+40 min"),
        (60, "+1 h"),
        (185, "+3 h 5 min"),
        (26 * 60, "+1 d 2 h"),
        (-5, "-5 min"),
    ],
)
def test_pickup_delay(minutes, label):
    start = at(DAY, 8)
    assert text.pickup_delay(start, start + timedelta(minutes=minutes)) == label


def test_two_sentence_lead_handles_abbreviations_and_chinese():
    assert (
        text.two_sentence_lead("Dr. Wee met Mr. Tan today. They spoke. Then left.")
        == "Dr. Wee met Mr. Tan today. They spoke."
    )
    assert (
        text.two_sentence_lead("东盟外长会议今天举行。会议讨论了缅甸局势。第三句。")
        == "东盟外长会议今天举行。会议讨论了缅甸局势。"
    )
    assert text.two_sentence_lead("One sentence only") == "One sentence only"


def test_links_can_only_open_pages():
    assert text.safe_link("javascript:alert(1)") == "#"
    assert text.safe_link("https://a.example/x (1)") == "https://a.example/x%20%281%29"
    assert text.safe_link("quality/index.html") == "quality/index.html"


def test_our_statements_show_pickup_with_outlets_languages_and_delay(tmp_path):
    release = article("kln", "Ministry of Foreign Affairs Malaysia", "ms", "KENYATAAN MEDIA: ASEAN", at(DAY, 10))
    report = article(
        "bernama", "Bernama", "en", "Wisma Putra welcomes ASEAN statement", at(DAY, 11, 30), wire="bernama"
    )
    copy = article("thestar", "The Star", "en", "Wisma Putra welcomes ASEAN statement", at(DAY, 12), wire="bernama")
    ignored = article("kln", "Ministry of Foreign Affairs Malaysia", "ms", "KENYATAAN MEDIA: LAWATAN", at(DAY, 15))
    rows = [
        release,
        report,
        copy,
        ignored,
        assign(release, "s-asean", "c-ms", canonical=True),
        assign(report, "s-asean", "c-en", canonical=True),
        assign(copy, "s-asean", "c-en"),
        assign(ignored, "s-visit", "c-visit", canonical=True),
        run("bernama", DAY),
        run("thestar", DAY),
    ]
    paths, html = empty_briefing(tmp_path, rows)
    carried, not_carried = (item.get_text(" ", strip=True) for item in html.select("#statements .statement"))
    assert carried.startswith("KENYATAAN MEDIA: ASEAN Released 10:00 MYT")
    assert "Carried by 2 outlets in en: Bernama en +1 h 30 min, The Star en +2 h" in carried
    assert not_carried.startswith("KENYATAAN MEDIA: LAWATAN") and "Not yet carried" in not_carried
    summary = html.select_one("#summary .exec").get_text(" ", strip=True)
    assert (
        "The ministry issued 2 statements: 1 carried by other outlets, 1 not yet carried; "
        "the first pickup was Bernama, +1 h 30 min after release." in summary
    )
    markdown = Path(paths["md"]).read_text(encoding="utf-8")
    assert "## Our statements" in markdown and "not yet carried" in markdown
    assert "(released 10:00 MYT · story #" in markdown  # each release names the story it belongs to


def test_csv_cells_cannot_become_formulas(tmp_path):
    hostile = ['=HYPERLINK("http://evil.example","click")', "+1+1", "-2+3", "@SUM(A1)", "\tTabbed", "\rReturn"]
    rows = [run("thestar", DAY)]
    for hour, title in enumerate(hostile, start=8):
        row = article("thestar", "The Star", "en", title, at(DAY, hour), body="=1+2. Second sentence.")
        rows += [row, assign(row, f"s{hour}", f"c{hour}", canonical=True)]
    paths, _ = empty_briefing(tmp_path, rows)
    with open(paths["csv"], encoding="utf-8-sig", newline="") as handle:
        written = list(csv.DictReader(handle))
    assert sorted(row["title"] for row in written) == sorted("'" + title for title in hostile)
    assert all(row["lead"].startswith("'=1+2.") for row in written)
    assert all(not row["score_routine"].startswith("'") for row in written)  # numbers stay numbers


def test_a_failed_write_leaves_the_previous_file_whole(tmp_path, monkeypatch):
    target = tmp_path / "stories.csv"
    target.write_text("the previous briefing\n", encoding="utf-8")

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space left"):
        files.write_atomically(target, "a new briefing that never lands\n")
    assert target.read_text(encoding="utf-8") == "the previous briefing\n"
    assert [path.name for path in tmp_path.iterdir()] == ["stories.csv"]  # no temporary file left behind


WRITE_WITH_A_SIZE_LIMIT = """
import resource, signal, sys
from pathlib import Path
from pantau import store
from pantau.registry.sources import load_sources, load_watchlist
from pantau.report import briefing
from tests.briefing.briefing_store import DAY
folder = Path(sys.argv[1])
sources = {s.id: s for s in load_sources(folder / "sources.yaml")}
topics = load_watchlist(folder / "watchlist.yaml")
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG, like a full disk
limit = int(sys.argv[2])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
with store.session(f"sqlite:///{folder / 'pantau.db'}") as s:
    briefing.run_for_day(s, DAY, folder / "output", sources=sources, topics=topics)
"""


def test_a_disk_that_fills_up_mid_briefing_leaves_every_previous_file_whole(demo, tmp_path):
    """A real write failure (the file size limit, as a full disk would) while rewriting the briefing."""
    folder = tmp_path / "copy"
    shutil.copytree(Path(demo["db_url"].removeprefix("sqlite:///")).parent, folder)
    briefing_dir = folder / "output" / "briefings" / DAY.isoformat()
    before = {path.name: path.read_bytes() for path in briefing_dir.iterdir() if path.is_file()}
    limit = 64 * 1024  # more than the Markdown, less than the page with its charts and the PDF
    assert len(before["briefing.md"]) < limit < len(before["briefing.html"])
    finished = subprocess.run(
        [sys.executable, "-c", WRITE_WITH_A_SIZE_LIMIT, str(folder), str(limit)],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    assert finished.returncode != 0 and "File too large" in finished.stderr
    after = {path.name: path.read_bytes() for path in briefing_dir.iterdir() if path.is_file()}
    assert after == before, "a file was truncated, removed or left behind"


def test_the_briefing_task_logs_no_library_noise(tmp_path, caplog):
    caplog.set_level(logging.INFO)
    rows = [run("bernama", DAY)]
    for hour, title in enumerate((WIRE_TITLE, ZH_TITLE, VI_TITLE, MS_TITLE), start=8):
        row = article("bernama", "Bernama", "en", title, at(DAY, hour))
        rows += [row, assign(row, f"s{hour}", f"c{hour}", canonical=True)]
    empty_briefing(tmp_path, rows)
    noisy = [
        record for record in caplog.records if record.name.split(".")[0] in ("fontTools", "weasyprint", "matplotlib")
    ]
    assert noisy == []
    # The fresh test store's one-time migration is logged by Alembic; the briefing's own lines are few.
    assert len([record for record in caplog.records if not record.name.startswith("alembic")]) < 5
