"""Wire attribution from datelines, sign-offs, credits in other languages and aggregator labels."""

import pytest

from pantau.extract.wire import canonical_outlet, wire_of

STORY = "The ministers met for two hours and agreed to meet again."


@pytest.mark.parametrize(
    "paragraphs",
    [
        ["KUALA LUMPUR, Oct 26 (Bernama) -- The ASEAN Senior Officials' Meeting concluded today.", STORY],
        ["KUALA LUMPUR (Bernama): The ASEAN Senior Officials' Meeting concluded today.", STORY],
        ["KUALA LUMPUR, 26 Okt (Bernama) -- Mesyuarat Pegawai Kanan ASEAN berakhir hari ini.", STORY],
        ["WORLD By Shakir Husain NEW DELHI, July 27 (Bernama) -- Nurul Izzah called on Yunus.", STORY],
        ["KUALA LUMPUR: The meeting concluded today.", STORY + " -- BERNAMA"],
        ["KUALA LUMPUR: The meeting concluded today.", STORY + " - BERNAMA"],
        ["KUALA LUMPUR: The meeting concluded today.", STORY + " — Bernama"],
        ["KUALA LUMPUR: The meeting concluded today.", STORY, "--BERNAMA"],
        ["（吉隆坡7日讯）东盟高官会议今天圆满结束。", "外交部秘书长主持会议。（马新社）"],
        ["据马新社报道，东盟高官会议今天圆满结束。", "外交部秘书长主持会议。"],
    ],
)
def test_bernama_copies(paragraphs):
    assert wire_of(paragraphs) == "bernama"


@pytest.mark.parametrize(
    "paragraphs",
    [
        ["KUALA LUMPUR: As Asean navigates complex geo-economic challenges, says Mohamad Hasan.", STORY],
        ["PUTRAJAYA, Nov 22 — Private companies did not pay for the Prime Minister's travels.", STORY],
        ["In the latest development, Bernama reported that the Thai government will attend.", STORY],
        [],
    ],
)
def test_not_bernama(paragraphs):
    assert wire_of(paragraphs) is None


def test_byline_and_aggregator_labels():
    assert wire_of([STORY], byline="Bernama") == "bernama"
    assert wire_of([STORY], origin_label="Barnama") == "bernama"
    assert wire_of([STORY], origin_label="New Straits Times") is None
    assert canonical_outlet(" - Barnama ") == "Bernama"
    assert canonical_outlet("New Straits Times") == "New Straits Times"


def test_sign_off_followed_by_the_outlets_promo_lines():
    paragraphs = [
        "KUALA LUMPUR: The meeting concluded today.",
        STORY + " — Bernama",
        "Follow us on Instagram and subscribe to our Telegram channel for the latest news.",
        "Download the Malay Mail app.",
    ]
    assert wire_of(paragraphs) == "bernama"


def test_a_sign_off_above_story_text_is_a_quoted_storys():
    long = "The minister then spoke for an hour about the many other matters before the meeting. " * 3
    assert wire_of(["KUALA LUMPUR: The meeting concluded today.", STORY + " — Bernama", long]) is None


@pytest.mark.parametrize(
    ("paragraphs", "wire"),
    [
        (["JAKARTA (ANTARA) - Menlu Sugiono hadir.", STORY], "antara"),
        (["Kuala Lumpur, 8/7 (TTXVN) - Hội nghị bế mạc.", STORY], "vna"),
        (["HANOI, July 8 (VNA) – The meeting closed.", STORY], "vna"),
        (["新华社吉隆坡7月8日电 东盟外长会议今天闭幕。", STORY], "xinhua"),
        (["BEIJING, July 8 (Xinhua) -- The meeting closed.", STORY], "xinhua"),
        (["SINGAPORE, July 8 (Reuters) - The meeting closed.", STORY], "reuters"),
        (["The meeting closed.", STORY + " — AFP"], "afp"),
        (["MANILA (AP) — The meeting closed.", STORY], "ap"),
        (["Hội nghị bế mạc, theo TTXVN.", STORY], "vna"),
        (["Pertemuan ditutup, menurut Reuters.", STORY], "reuters"),
    ],
)
def test_every_wire_in_wires_yaml(paragraphs, wire):
    assert wire_of(paragraphs) == wire


def test_a_wire_is_not_credited_on_its_own_outlet():
    assert wire_of(["HANOI, July 8 (VNA) – The meeting closed.", STORY], outlets=("VietnamPlus",)) is None


def test_lower_case_acronyms_are_no_credit():
    assert wire_of(["The ap and the afp of it: vna.", STORY]) is None
