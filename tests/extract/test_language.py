"""Language detection, with Malay and Indonesian told apart."""

from pathlib import Path

import pytest

from pantau.extract.language import detect_language, malay_or_indonesian

MALAY = (
    "PUTRAJAYA: Kerajaan akan terus memperkukuh hubungan dua hala dengan negara-negara ASEAN, kata "
    "Menteri Luar Negeri Datuk Seri Mohamad Hasan. Beliau berkata demikian selepas mesyuarat di Wisma "
    "Putra hari ini kerana Malaysia ialah Pengerusi ASEAN tahun ini."
)
INDONESIAN = (
    "Jakarta (ANTARA) - Menteri Luar Negeri Sugiono mengatakan bahwa pemerintah Indonesia terus mendorong "
    "penyelesaian konflik di Myanmar melalui Konsensus Lima Poin ASEAN. Menurutnya, saat ini Indonesia "
    "bisa berperan lebih besar karena posisinya sebagai negara terbesar di kawasan."
)
# Indonesian copy that a detector trained on both readily calls Malay: short, formal, ASEAN words.
INDONESIAN_FORMAL = (
    "Pertemuan Menteri Luar Negeri ASEAN membahas kerja sama kawasan dan keamanan maritim. "
    "Pemerintah menyampaikan pernyataan bersama setelah pertemuan itu."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (MALAY, "ms"),
        (INDONESIAN, "id"),
        (INDONESIAN_FORMAL, "id"),
        ("The ASEAN foreign ministers met in Kuala Lumpur on Tuesday to discuss the region's future.", "en"),
        ("东盟防长会议将从明日起至11月2日举行，美国、俄罗斯、澳大利亚和中国确认出席。", "zh"),
        ("Tổng thư ký ASEAN đã tổ chức một số cuộc họp song phương với các nhà lãnh đạo ASEAN.", "vi"),
    ],
)
def test_detects(text, expected):
    assert detect_language(text) == expected


def test_tie_breaker_counts_each_standards_words():
    assert malay_or_indonesian(MALAY) == "ms"
    assert malay_or_indonesian(INDONESIAN) == "id"
    assert malay_or_indonesian("ASEAN") is None


def test_malay_press_release_seed():
    text = (Path(__file__).parent / "fixtures/seeds/001_kln.html").read_text(encoding="utf-8")
    assert detect_language(text) == "ms"


def test_too_little_text_falls_back_to_the_hint():
    assert detect_language("ASEAN", hint="id") == "id"
