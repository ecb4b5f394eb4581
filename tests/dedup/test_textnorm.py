"""What normalisation removes and keeps, so copies of one story compare equal."""

from __future__ import annotations

import pytest

from pantau.dedup import textnorm


@pytest.mark.parametrize(
    "opening",
    [
        "KUALA LUMPUR, July 8 (Bernama) -- ",
        "KUALA LUMPUR, 8 Julai (Bernama) -- ",
        "KUALA LUMPUR: ",
        "",
    ],
)
def test_datelines_and_credits_go(opening):
    body = f"{opening}The 58th ASEAN Foreign Ministers' Meeting opened today.\n\nMore to come in the week ahead.\n\n- BERNAMA"
    assert textnorm.story_paragraphs(body, "en") == [
        "The 58th ASEAN Foreign Ministers' Meeting opened today.",
        "More to come in the week ahead.",
    ]


def test_boilerplate_and_short_lines_go():
    body = "Hashtags\n\nTry Our AI Features\n\nThe meeting ended with a joint statement.\n\n15 minutes ago"
    assert textnorm.story_paragraphs(body, "en") == ["The meeting ended with a joint statement."]


def test_page_furniture_from_the_profiles_goes_however_long():
    # Long enough to pass the short-line rule: only include/profiles.yaml's furniture drops them.
    body = (
        "Explore what Daily8 AI can do for you:\n\nThe meeting ended with a joint statement.\n\n"
        "Follow us on Instagram and Telegram for the latest news from the region"
    )
    assert textnorm.story_paragraphs(body, "en") == ["The meeting ended with a joint statement."]


def test_a_sentence_with_a_colon_is_no_dateline():
    assert textnorm.story_paragraphs("He said: the talks went well today.", "en") == [
        "He said: the talks went well today."
    ]


def test_chinese_dateline_credit_and_characters():
    paragraphs = textnorm.story_paragraphs("（吉隆坡8日讯）东盟外长会议今日在吉隆坡举行。（马新社）", "zh")
    assert paragraphs == ["东盟外长会议今日在吉隆坡举行。"]
    assert textnorm.tokens("第58届AMM会议", "zh") == ["第", "58", "届", "amm", "会", "议"]


def test_numbers_agree_whatever_the_separators():
    first = textnorm.tokens(textnorm.story_paragraphs("The index rose to 1,534.56 points on Monday.", "en")[0], "en")
    second = textnorm.tokens(textnorm.story_paragraphs("The index rose to 1534.56 points on Monday.", "en")[0], "en")
    assert first == second


def test_names_survive_translation():
    english = textnorm.names("Foreign Minister Datuk Seri Mohamad Hasan met ASEAN envoys.", "en")
    malay = textnorm.names("Menteri Luar Datuk Seri Mohamad Hasan bertemu wakil ASEAN.", "ms")
    chinese = textnorm.names("外长拿督斯里莫哈末哈山会见东盟使节。", "zh")
    assert {"mohamad", "hasan", "asean"} <= english & malay & chinese
    assert "foreign" not in textnorm.names("Foreign ministers met.", "en"), "a sentence's first word is no name"


def test_quotes_are_kept_word_for_word():
    assert textnorm.quotes('"ASEAN must speak with one voice," he said.', "en") == {"asean must speak with one voice"}
