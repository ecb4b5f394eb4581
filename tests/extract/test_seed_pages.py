"""The project's seed pages (/work/shared/seeds), laid out as their outlets lay them out."""

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from pantau.extract.article import extract_article

SEEDS = Path(__file__).parent / "fixtures" / "seeds"
MYT = ZoneInfo("Asia/Kuala_Lumpur")
FETCHED = datetime(2025, 7, 7, 20, 10, 33, tzinfo=MYT)


def extracted(name: str, url: str):
    return extract_article((SEEDS / name).read_bytes(), url, fetched_at=FETCHED)


def test_aggregator_copy_of_bernama_without_its_inlined_related_articles():
    article = extracted("000_daily8_bernama.html", "https://daily8.ai/my/news/kl-gears-up")
    assert article.title == "KL Gears Up For ASEAN Ministerial Week As SOM Concludes Successfully"
    assert article.byline == "Wan Muhammad Aslah Wan Razali & Nurunnasihah Ahmad Rashid"
    assert article.wire == "bernama"
    assert article.origin_outlet == "Bernama"
    assert article.outlet == "Daily8"
    assert article.method == "profile:daily8"
    assert article.published == datetime(2025, 7, 7, 18, 10, tzinfo=MYT)  # "2 hours ago" at the fetch
    assert article.url.startswith("https://daily8.ai/my/news/kl-gears-up-for-asean")  # the canonical link
    assert article.body.startswith("KUALA LUMPUR, July 7 (Bernama) -- The ASEAN Senior Officials'")
    assert article.body.endswith("highlighted during the upcoming sessions.")
    for leftover in ("Hashtags", "Daily8 AI", "No comments", "Related Articles", "Anwar slams", "BRICS"):
        assert leftover not in article.body


def test_aggregator_copy_is_not_bernama_because_a_related_story_is():
    article = extracted("002_daily8_thestar.html", "https://daily8.ai/my/news/asean-turkiye")
    assert article.title == "Asean-Turkiye partnership can drive regional resilience, says Mohamad Hasan"
    assert article.origin_outlet == "The Star"
    assert article.wire is None
    assert article.published == datetime(2025, 7, 11, 17, 48, tzinfo=MYT)
    assert article.body.endswith(
        "grounded in shared goals of peace, economic resilience, and people-to-people connectivity."
    )
    assert "Barnama" not in article.body and "ICJ" not in article.body


def test_aggregator_label_barnama_is_bernama():
    html = (
        (SEEDS / "002_daily8_thestar.html")
        .read_bytes()
        .replace(b'<span class="source-name">The Star</span>', b'<span class="source-name">Barnama</span>')
    )
    article = extract_article(html, "https://daily8.ai/my/news/asean-turkiye")
    assert (article.wire, article.origin_outlet) == ("bernama", "Bernama")


def test_ministry_press_release_in_malay():
    article = extracted("001_kln.html", "https://www.kln.gov.my/web/guest/-/mesyuarat-pegawai-kanan-asean")
    assert article.title == "MESYUARAT PEGAWAI KANAN ASEAN KUALA LUMPUR 29 APRIL 2025"
    assert article.language == "ms"
    assert article.byline is None
    assert article.published is None  # the release gives a day, no time
    assert "Back" not in article.body.split("\n\n")
    assert "Kementerian Luar Negeri telah menganjurkan Mesyuarat Pegawai Kanan ASEAN" in article.body


def test_unknown_chinese_paper_is_read_generically():
    article = extracted("003_uniteddaily.html", "https://www.uniteddaily.com.my/news/admm")
    assert article.method == "generic"
    assert article.title.startswith("ASEAN Defense Ministers' Meeting to Kick Off Tomorrow")
    assert article.outlet == "联合日报"
    assert article.published == datetime(2025, 10, 29, 12, 6, tzinfo=MYT)
    assert article.language == "en"
    assert article.body.startswith("The 19th ASEAN Defense Ministers' Meeting (ADMM)")
    for leftover in ("Author", "newsroom", "相关报道", "东盟外长会议闭幕"):
        assert leftover not in article.body


def test_vietnamese_agency_story_without_caption_table_or_teasers():
    article = extracted("004_vietnamplus.html", "https://www.vietnamplus.vn/tong-thu-ky-asean-gap.vnp")
    assert article.language == "vi"
    assert article.published.isoformat() == "2025-07-08T21:40:00+07:00"
    assert "Ảnh: asean.org" not in article.body
    assert "Mời bạn đọc" not in article.body
    assert "SOM" not in article.body  # the related teasers after the invitation line
    assert article.body.split("\n\n")[-2].startswith("Mỗi cuộc gặp kéo dài khoảng 20 phút")


@pytest.mark.parametrize("name", sorted(p.name for p in SEEDS.glob("*.html")))
def test_every_seed_yields_an_article(name):
    article = extract_article((SEEDS / name).read_bytes(), f"https://example.org/{name}")
    assert article.title and len(article.body) > 500
