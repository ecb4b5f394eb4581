"""A labelled set of copies, translations and look-alikes, built from the seed pages (tests/dedup/seeds,
copied from the project's shared seed documents).

Every item carries the cluster and story it belongs to and the case it exercises. Copies are
made the way outlets make them (retitled, dateline rewritten, trimmed, briefed, copy-edited,
wrapped by an aggregator, updated, rewritten around the quotes); the translations and the
look-alikes (template reports, an opinion piece, stories sharing a background paragraph) are
written out here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from pantau.dedup.signatures import DedupItem
from pantau.models import article_id
from tests.demo_truth import expected_pages

SEEDS = Path(__file__).resolve().parent / "seeds"
MYT = ZoneInfo("Asia/Kuala_Lumpur")


@dataclass(frozen=True)
class Labelled:
    item: DedupItem
    cluster: str
    story: str
    case: str


def _seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def _at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2025, 7, day, hour, minute, tzinfo=MYT)


def _item(
    url: str,
    outlet: str,
    title: str,
    body: str,
    published: datetime | None,
    *,
    language: str = "en",
    wire: str | None = "bernama",
    source_id: str | None = None,
) -> DedupItem:
    return DedupItem(
        id=article_id(url),
        url=url,
        outlet=outlet,
        source_id=source_id,
        language=language,
        title=title,
        body=body,
        published=published,
        wire=wire,
    )


def _related(page: str) -> list[tuple[str, str]]:
    """(title, text) of the stories an aggregator page inlines under "Related Articles"."""
    stories = []
    for block in re.split(r"\n{2,}", page.split("Related Articles", 1)[1])[1:]:
        lines = [line for line in block.strip().splitlines() if line.strip()]
        stories.append((lines[3], lines[4]))
    return stories


def _sentences(text: str) -> list[str]:
    return re.split(r"(?<=[.?!\"])\s+(?=[A-Z\"])", text)


def _paragraphs_of(text: str, per: int = 2) -> list[str]:
    sentences = _sentences(text)
    return [" ".join(sentences[i : i + per]) for i in range(0, len(sentences), per)]


def _copy_edit(paragraphs: list[str]) -> list[str]:
    """What a sub-editor does: house style, a synonym or two, one sentence cut."""
    edited = [
        p.replace("Foreign Ministry", "Wisma Putra").replace(" said ", " says ").replace("ASEAN", "Asean")
        for p in paragraphs
    ]
    edited[-1] = _sentences(edited[-1])[0]
    return edited


SOM_MALAY = """KUALA LUMPUR, 7 Julai (Bernama) -- Mesyuarat Pegawai Kanan ASEAN (SOM) berakhir hari ini sebagai persediaan bagi Mesyuarat Menteri-Menteri Luar ASEAN (AMM) ke-58 yang dijadual bermula Selasa ini.

Ketua Setiausaha Kementerian Luar Negeri Datuk Seri Amran Mohamed Zin, yang mempengerusikan mesyuarat itu, berkata perbincangan di peringkat pegawai kanan berjalan lancar dan persiapan bagi Mesyuarat Menteri-Menteri Luar sedang dijalankan.

"Diharapkan, kita ada empat hari lagi, dari Selasa hingga Jumaat, untuk melengkapkan siri penuh mesyuarat," katanya kepada pemberita selepas mesyuarat SEANWFZ yang diadakan sebaik selepas SOM.

Beliau berkata Malaysia, selaku Pengerusi ASEAN tahun ini, turut akan mengadakan mesyuarat tiga hala melibatkan Sekretariat ASEAN dan empat negara iaitu Norway, Switzerland, Brazil dan Turkiye.

Menteri Luar Datuk Seri Mohamad Hasan dijadual mengadakan beberapa siri pertemuan dua hala dengan rakan sejawatannya dari negara anggota ASEAN dan negara rakan dialog.

-- BERNAMA"""

SOM_CHINESE = """（吉隆坡7日讯）东盟高级官员会议（SOM）今日圆满结束，为将于周二开始的第58届东盟外长会议（AMM）做好准备。

外交部秘书长拿督斯里安兰莫哈末再因主持会议后表示，高级官员层面的讨论进展顺利，外长会议的筹备工作已经展开。

他说，大马作为今年的东盟轮值主席国，也将召开由东盟秘书处及挪威、瑞士、巴西和土耳其四国参与的三边会议。

外长拿督斯里莫哈末哈山也将与东盟成员国及对话伙伴国的外长举行一系列双边会谈。（马新社）"""

TURKIYE_REWRITE = """Turkiye can help Asean build resilience with its know-how in e-governance and technology, Foreign Minister Datuk Seri Mohamad Hasan said on Thursday (July 11), as Malaysia courts new partners for the bloc.

Speaking at a trilateral meeting of Malaysia, Turkiye and the Asean Secretariat, Mohamad put it plainly: "Turkiye's experience in the realm of e-governance can be a great source of expertise in advancing digital integration, diversifying supply chains, and building collective resilience.

"This will help us navigate present-day geo-economic realities."

Malaysia is also open to closer defence industry ties. "In further consolidating this partnership, Malaysia welcomes expanding our defence industry cooperation, as well as technology transfers," he said.

Work between the two sides now follows the Practical Cooperation Areas (PCA) 2024–2028. "This forward-looking framework allows us to deepen collaboration in key areas, including political-security cooperation, trade and digital economy, education, disaster management, and sustainable development," the minister said.

He did not leave out Gaza. "As principled and responsible members of the international community, we should lend our collective voices towards advocating a peaceful and just resolution to conflicts around the world, including the dire situation in Gaza," he said.

Turkiye became a sectoral dialogue partner of Asean in 2017. - Bernama"""

OPINION = """Asean's middle powers are learning to speak with one voice, and it is about time.

For years the bloc has been accused of timidity whenever the great powers quarrel. Its consensus rule, critics say, turns every statement into the lowest common denominator, and its summits into photo opportunities with little to show for them.

Yet something is shifting. At meeting after meeting this year, Malaysian diplomats have put the question of international law at the centre of the bloc's outreach, from Gaza to the South China Sea. Last week it was Turkiye's turn to hear the message. Our foreign minister told his counterparts:

"As principled and responsible members of the international community, we should lend our collective voices towards advocating a peaceful and just resolution to conflicts around the world, including the dire situation in Gaza."

Words are cheap, of course. What matters is whether the bloc will back them with votes at the United Nations, with trade policy and with the patience to build coalitions outside the usual Western forums. The record so far is mixed, but the direction is right, and smaller states have more to gain from rules than from might.

The writer is a senior fellow at a Kuala Lumpur think-tank."""

BURSA = """KUALA LUMPUR, July {day} (Bernama) -- Bursa Malaysia opened higher this morning, tracking the overnight gains on Wall Street, with the benchmark FTSE Bursa Malaysia KLCI (FBM KLCI) rising {rise} points to {level} at 9.05 am from yesterday's close of {close}.

The market bellwether opened {opened} points better at {open_level}.

On the broader market, gainers outpaced losers {gainers} to {losers}, while {unchanged} counters were unchanged, {untraded} untraded and {suspended} others suspended.

Turnover stood at {volume} million units worth RM{value} million.

A dealer said the local bourse is expected to trade cautiously today as investors await fresh catalysts, with sentiment supported by bargain hunting in selected heavyweights.

Among the heavyweights, Maybank added {maybank} sen to RM{maybank_price}, Public Bank rose {pbb} sen to RM{pbb_price}, while Tenaga Nasional was flat at RM{tnb_price}.

Analysts said market participants would keep an eye on regional markets, the movement of crude oil prices and the ringgit's performance against the US dollar for direction during the session, while foreign fund flows remained a key factor to watch.

Bursa Malaysia operates a fully integrated exchange, offering trading, clearing, settlement and depository services for equities, derivatives, bonds and Islamic capital market products.

-- BERNAMA"""


def _bursa_numbers(day: int) -> dict[str, str]:
    base = 1530 + 7 * day
    return {
        "day": str(day),
        "rise": f"{day * 1.37:.2f}",
        "level": f"{base + day * 1.37:,.2f}",
        "close": f"{base:,.2f}",
        "opened": f"{day * 0.61:.2f}",
        "open_level": f"{base + day * 0.61:,.2f}",
        "gainers": str(150 + 13 * day),
        "losers": str(90 + 7 * day),
        "unchanged": str(200 + 3 * day),
        "untraded": str(1800 + 11 * day),
        "suspended": str(day + 2),
        "volume": f"{300 + 17 * day:.1f}",
        "value": f"{180 + 9 * day:.2f}",
        "maybank": str(day % 5 + 1),
        "maybank_price": f"9.{60 + day}",
        "pbb": str(day % 3 + 1),
        "pbb_price": f"4.{30 + day}",
        "tnb_price": f"13.{10 + day}",
    }


def labelled_set() -> list[Labelled]:
    som_page, turkiye_page = _seed("000"), _seed("002")
    som_lines = som_page.split("\nHashtags", 1)[0].splitlines()
    som_title, som_paragraphs = som_lines[0], som_lines[2:]
    som_paragraphs[0] = som_paragraphs[0].removeprefix("KUALA LUMPUR, July 7 (Bernama) -- ")
    turkiye_lines = turkiye_page.split("\nHashtags", 1)[0].splitlines()
    turkiye_title, turkiye_paragraphs = turkiye_lines[0], turkiye_lines[1:]
    turkiye_paragraphs[0] = turkiye_paragraphs[0].removeprefix("KUALA LUMPUR: ")
    iran, brics, health = _related(som_page)
    icj, ceasefire, izzah = _related(turkiye_page)

    items: list[Labelled] = []

    def add(cluster: str, case: str, item: DedupItem, story: str | None = None) -> None:
        items.append(Labelled(item, cluster, story or cluster, case))

    # One Bernama story and everything outlets do with it.
    wire_dateline = "KUALA LUMPUR, July 7 (Bernama) -- "
    add(
        "som",
        "wire original",
        _item(
            "https://www.bernama.com/en/news.php?id=2441001",
            "Bernama",
            som_title,
            wire_dateline + "\n\n".join(som_paragraphs) + "\n\n-- BERNAMA",
            _at(7, 18, 5),
            source_id="bernama_en",
        ),
    )
    add(
        "som",
        "copy: retitled, dateline rewritten, credit kept",
        _item(
            "https://www.nst.com.my/news/nation/2025/07/1241001/asean-som-concludes",
            "New Straits Times",
            "Asean senior officials wrap up meeting ahead of AMM",
            "KUALA LUMPUR: " + "\n\n".join(som_paragraphs) + "\n\n- BERNAMA",
            _at(7, 18, 40),
        ),
    )
    add(
        "som",
        "copy: trimmed to the first paragraphs, credit dropped",
        _item(
            "https://www.thestar.com.my/news/nation/2025/07/07/som-concludes",
            "The Star",
            "SOM concludes, AMM next",
            "KUALA LUMPUR: " + "\n\n".join(som_paragraphs[:4]),
            _at(7, 19, 2),
        ),
    )
    add(
        "som",
        "brief: two paragraphs from the top",
        _item(
            "https://www.malaymail.com/news/malaysia/2025/07/07/briefs/1841001",
            "Malay Mail",
            "In brief: SOM ends",
            "\n\n".join(som_paragraphs[:2]),
            _at(7, 19, 30),
        ),
    )
    add(
        "som",
        "copy-edit",
        _item(
            "https://www.freemalaysiatoday.com/category/nation/2025/07/07/som-ends",
            "Free Malaysia Today",
            "Senior officials' meeting ends",
            "KUALA LUMPUR: " + "\n\n".join(_copy_edit(som_paragraphs)),
            _at(7, 20, 15),
        ),
    )
    add(
        "som",
        "aggregator copy with boilerplate and inlined related stories",
        _item(
            "https://www.daily8.example/news/kl-gears-up-for-asean-ministerial-week",
            "Daily8",
            som_title,
            som_page.split("\n", 1)[1],
            _at(7, 21, 0),
        ),
    )
    add(
        "som",
        "updated wire version, longer: the canonical",
        _item(
            "https://www.bernama.com/en/news.php?id=2441057",
            "Bernama",
            "UPDATED: " + som_title,
            wire_dateline
            + "\n\n".join(
                som_paragraphs[:6]
                + [
                    "Amran said the ministers were also expected to discuss the situation in Myanmar, developments in "
                    "the South China Sea and the implementation of the Five-Point Consensus.",
                    "Asked about the border tension between Thailand and Cambodia, he said Malaysia as chair stood ready "
                    "to facilitate dialogue if both sides agreed to it.",
                ]
                + som_paragraphs[6:]
                + [
                    "More than 1,500 delegates and 400 journalists are expected to attend the week of meetings at the "
                    "Kuala Lumpur Convention Centre, the ministry said in a statement.",
                ]
            )
            + "\n\n-- BERNAMA",
            _at(7, 22, 30),
            source_id="bernama_en",
        ),
    )
    add(
        "som-ms",
        "translation: Bernama's Malay service",
        _item(
            "https://www.bernama.com/bm/news.php?id=2441020",
            "Bernama",
            "SOM ASEAN berakhir, AMM bermula Selasa",
            SOM_MALAY,
            _at(7, 18, 50),
            language="ms",
            source_id="bernama_ms",
        ),
        story="som",
    )
    add(
        "som-zh",
        "translation: a Chinese paper translating Bernama",
        _item(
            "https://www.sinchew.com.my/news/20250707/nation/6310001",
            "Sin Chew Daily",
            "东盟高官会议圆满结束",
            SOM_CHINESE,
            _at(7, 20, 45),
            language="zh",
        ),
        story="som",
    )

    # A story inlined on the aggregator's page, on its own page: the page must not join it.
    add(
        "iran",
        "inlined story on its own page",
        _item(
            "https://www.nst.com.my/news/nation/2025/07/1241020/anwar-slams-us-israel-strike",
            "New Straits Times",
            iran[0],
            "\n\n".join(_paragraphs_of(iran[1])),
            _at(7, 20, 30),
        ),
    )
    # Two stories of one event sharing a background paragraph.
    add(
        "brics-economy",
        "same event, shared background paragraph",
        _item(
            "https://www.nst.com.my/news/nation/2025/07/1241030/pm-leads-charge-brics",
            "New Straits Times",
            brics[0],
            "\n\n".join(_paragraphs_of(brics[1])),
            _at(7, 19, 40),
        ),
    )
    add(
        "brics-health",
        "same event, shared background paragraph",
        _item(
            "https://www.nst.com.my/news/nation/2025/07/1241031/malaysia-stresses-global-health",
            "New Straits Times",
            health[0],
            "\n\n".join(_paragraphs_of(health[1])),
            _at(7, 19, 50),
        ),
    )

    # A second wire story: copies, a rewrite around its quotes, an opinion piece quoting one paragraph.
    add(
        "turkiye",
        "wire original",
        _item(
            "https://www.bernama.com/en/news.php?id=2443001",
            "Bernama",
            turkiye_title,
            "KUALA LUMPUR, July 11 (Bernama) -- " + "\n\n".join(turkiye_paragraphs) + "\n\n-- BERNAMA",
            _at(11, 16, 0),
            source_id="bernama_en",
        ),
    )
    add(
        "turkiye",
        "aggregator copy with boilerplate and inlined related stories",
        _item(
            "https://www.daily8.example/news/asean-turkiye-partnership",
            "Daily8",
            turkiye_title,
            turkiye_page,
            _at(11, 18, 0),
        ),
    )
    add(
        "turkiye",
        "rewrite keeping facts, quotes and credit",
        _item(
            "https://www.theedgemalaysia.com/node/761001",
            "The Edge",
            "Malaysia sees Turkiye as partner for Asean",
            TURKIYE_REWRITE,
            _at(11, 19, 0),
        ),
    )
    add(
        "opinion",
        "opinion piece quoting one paragraph",
        _item(
            "https://www.thestar.com.my/opinion/columnists/2025/07/14/one-voice",
            "The Star",
            "Asean finds its voice",
            OPINION,
            _at(14, 8, 0),
            wire=None,
        ),
    )
    add(
        "ceasefire",
        "inlined story on its own page",
        _item(
            "https://www.bernama.com/en/news.php?id=2449001",
            "Bernama",
            ceasefire[0],
            "\n\n".join(_paragraphs_of(ceasefire[1])),
            _at(11, 9, 0),
            source_id="bernama_en",
        ),
    )
    add(
        "icj",
        "inlined story on its own page",
        _item(
            "https://www.nst.com.my/opinion/letters/2025/07/1250001/icj-ruling",
            "New Straits Times",
            icj[0],
            "\n\n".join(_paragraphs_of(icj[1])),
            _at(11, 10, 0),
            wire=None,
        ),
    )
    add(
        "izzah",
        "inlined story on its own page",
        _item(
            "https://www.bernama.com/en/news.php?id=2449002",
            "Bernama",
            izzah[0],
            "\n\n".join(_paragraphs_of(izzah[1])),
            _at(11, 11, 0),
            source_id="bernama_en",
        ),
    )

    # Daily template reports: the wording repeats, the figures change. Same day = same story.
    for day in range(7, 12):
        report = BURSA.format(**_bursa_numbers(day))
        cluster = f"bursa-{day}"
        add(
            cluster,
            "template report",
            _item(
                f"https://www.bernama.com/en/news.php?id=24{day}500",
                "Bernama",
                "Bursa Malaysia opens higher",
                report,
                _at(day, 9, 10),
                source_id="bernama_en",
            ),
        )
        add(
            cluster,
            "template report: same day's copy",
            _item(
                f"https://www.thestar.com.my/business/2025/07/{day:02d}/bursa-opens-higher",
                "The Star",
                f"Bursa opens higher on July {day}",
                report.replace(f"KUALA LUMPUR, July {day} (Bernama) --", "KUALA LUMPUR:"),
                _at(day, 9, 40),
            ),
        )

    # Other languages, other stories.
    add(
        "mofa",
        "singleton: ministry release in Malay",
        _item(
            "https://www.kln.gov.my/web/guest/-/som-2025",
            "Wisma Putra",
            "Mesyuarat Pegawai Kanan ASEAN",
            _seed("001"),
            datetime(2025, 4, 29, 18, tzinfo=MYT),
            language="ms",
            wire=None,
        ),
    )
    add(
        "admm",
        "singleton: Chinese paper's page",
        _item(
            "https://www.uniteddaily.com.my/news/admm-2025",
            "United Daily",
            "东盟防长会议明起举行",
            _seed("003"),
            datetime(2025, 10, 29, 12, 6, tzinfo=MYT),
            language="zh",
            wire=None,
        ),
    )
    add(
        "ttxvn",
        "singleton: Vietnamese agency story",
        _item(
            "https://baotintuc.vn/thoi-su/amm-58-20250708",
            "TTXVN",
            "Tổng thư ký ASEAN gặp các bộ trưởng",
            _seed("004"),
            _at(8, 15, 0) - timedelta(hours=1),
            language="vi",
            wire=None,
        ),
    )
    return items


def demo_pages() -> list[tuple[dict, DedupItem]]:
    """The demo site's pages as their ground truth gives them (with cluster and story labels), each
    beside the dedup item made from it."""
    pages = expected_pages()
    return [
        (
            p,
            DedupItem(
                id=article_id(p["canonical_url"]),
                url=p["canonical_url"],
                outlet=p["outlet"],
                source_id=p["source_id"],
                language=p["language"],
                title=p["title"],
                body=p["body"],
                published=datetime.fromisoformat(p["published"]) if p["published"] else None,
                wire=p["wire"],
            ),
        )
        for p in pages
    ]
