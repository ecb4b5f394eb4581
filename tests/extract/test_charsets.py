"""Pages in legacy character sets decode correctly, declared or not."""

import os
import unicodedata

import pytest

from pantau.extract.article import decoded_html, extract_article
from pantau.models import PageRejected

# 镕 is in GBK but not in GB2312, which such pages declare anyway.
CHINESE = (
    "东盟防长会议将从明日起至11月2日举行。朱镕基曾经访问马来西亚。东盟各国国防部长将在吉隆坡会议中心举行会议，"
    "讨论网络安全、海上安全以及人工智能在国防领域的应用。"
)
TRADITIONAL = "東協國防部長會議將於明日至十一月二日在吉隆坡舉行，美國、俄羅斯、澳洲及中國確認出席。"
VIETNAMESE = "Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 58 đã khai mạc tại Kuala Lumpur với sự tham dự của Việt Nam."
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def windows_1258(text: str) -> bytes:
    """Vietnamese as Windows-1258 spells it: base letters precomposed, tone marks combining."""
    out = []
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        tones = "".join(p for p in parts if p in _TONES)
        out.append(unicodedata.normalize("NFC", "".join(p for p in parts if p not in _TONES)) + tones)
    return "".join(out).encode("cp1258")


def page(title: str, paragraphs: list[str], charset_meta: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<html><head>{charset_meta}<title>{title}</title></head><body><article><h1>{title}</h1>{body}</article></body></html>"


def test_gbk_page_declaring_gb2312():
    html = page("东盟防长会议", [CHINESE] * 3, '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')
    assert CHINESE in decoded_html(html.encode("gb18030"))


def test_big5_declared_only_in_the_http_header():
    html = page("東協國防部長會議", [TRADITIONAL] * 3).encode("big5")
    assert TRADITIONAL in decoded_html(html, {"Content-Type": "text/html; charset=Big5"})


def test_windows_1258_is_composed():
    paragraphs = [VIETNAMESE, VIETNAMESE.replace("58", "57"), VIETNAMESE.replace("Việt Nam", "Malaysia")]
    html = page("ASEAN", paragraphs, '<meta charset="windows-1258">')
    article = extract_article(windows_1258(html), "https://example.vn/asean")
    assert VIETNAMESE in article.body
    assert article.language == "vi"


def test_undeclared_gbk_is_sniffed():
    html = page("东盟防长会议", [CHINESE] * 3).encode("gb18030")
    assert CHINESE in decoded_html(html)


def test_header_wins_over_a_wrong_meta_only_when_the_bytes_agree():
    html = page("东盟防长会议", [CHINESE] * 3, '<meta charset="utf-8">').encode("gb18030")
    assert CHINESE in decoded_html(html, {"content-type": "text/html; charset=GBK"})
    assert CHINESE in decoded_html(html)  # utf-8 fails on these bytes, so they are sniffed


def test_bytes_no_charset_decodes_are_rejected():
    with pytest.raises(PageRejected) as rejected:
        extract_article(os.urandom(4000), "https://example.org/junk")
    assert rejected.value.reason == "undecodable"


def test_a_gbk_page_behind_a_latin1_server_default_is_read_as_chinese():
    html = page("东盟防长会议", [CHINESE] * 3, '<meta charset="gbk">').encode("gb18030")
    assert CHINESE in decoded_html(html, {"Content-Type": "text/html; charset=ISO-8859-1"})
