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
