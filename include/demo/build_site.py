#!/usr/bin/env python3
"""Build Pantau's demo "replay of the web": a static copy of a dozen outlets on 7-8 July 2025.

The pages are RECONSTRUCTIONS built from the seed documents (/work/shared/seeds): real
stories, their facts adapted and their dates moved to 7-8 July 2025 (the 58th ASEAN Foreign
Ministers' Meeting in Kuala Lumpur), laid out the way each outlet lays out its pages. They
exist so that fetching, extraction, deduplication and the briefing can be demonstrated and
scored offline.

    python include/demo/build_site.py            # rewrites include/demo/{site/,expected.jsonl,sources.yaml}
    python include/demo/build_site.py --out DIR  # writes the same tree under DIR instead

Everything is derived from the ARTICLES table below, so expected.jsonl (the ground truth) can
never disagree with the pages. Output is deterministic: same input, same bytes.

Layout of this file: helpers -> outlets (SOURCES) -> stories (ARTICLES) -> one renderer per
outlet layout -> feeds -> build().
"""
from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import re
import shutil
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent

MYT = dt.timezone(dt.timedelta(hours=8))  # Asia/Kuala_Lumpur
WIB = dt.timezone(dt.timedelta(hours=7))  # Asia/Jakarta and Asia/Ho_Chi_Minh (+07:00)
UTC = dt.timezone.utc


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------

def when(text: str, tz: dt.timezone = MYT) -> dt.datetime:
    """'2025-07-08 11:42' in the outlet's zone."""
    return dt.datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=tz)


def paras(text: str) -> list[str]:
    """Paragraphs from a block of text: blank lines separate them, single newlines are spaces.

    Chinese paragraphs are written one per line, so no space is ever put between CJK characters.
    """
    out = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in block.strip().splitlines()]
        out.append(" ".join(line for line in lines if line))
    return out


def esc(text: str) -> str:
    """Escape text for an HTML text node (quotes stay as they are, as on the real sites)."""
    return html.escape(text, quote=False)


def attr(text: str) -> str:
    """Escape text for a double-quoted HTML attribute."""
    return html.escape(text, quote=False).replace('"', "&quot;")


def slugify(text: str, drop_stopwords: bool = False, max_words: int | None = None) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower().replace("'", "").replace("’", "")
    words = re.findall(r"[a-z0-9]+", text)
    if drop_stopwords:  # NSTP's CMS drops short words from its slugs
        stop = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "as", "and", "with", "by",
                "is", "be", "says", "dengan", "di", "ke", "dan", "yang", "untuk"}
        words = [w for w in words if w not in stop]
    if max_words:
        words = words[:max_words]
    return "-".join(words)


EN_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
MS_MONTHS = ["Januari", "Februari", "Mac", "April", "Mei", "Jun", "Julai", "Ogos", "September",
             "Oktober", "November", "Disember"]
ID_DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
ID_MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
             "September", "Oktober", "November", "Desember"]
VI_DAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]


def clock12(t: dt.datetime, space: bool = True, upper: bool = True) -> str:
    """11:42 AM / 8:15pm"""
    hour = t.hour % 12 or 12
    ampm = "AM" if t.hour < 12 else "PM"
    if not upper:
        ampm = ampm.lower()
    return f"{hour}:{t.minute:02d}{' ' if space else ''}{ampm}"


def rfc822(t: dt.datetime) -> str:
    off = t.utcoffset()
    minutes = int(off.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return (f"{EN_DAYS[t.weekday()][:3]}, {t.day:02d} {EN_MONTHS[t.month - 1][:3]} {t.year} "
            f"{t:%H:%M:%S} {sign}{minutes // 60:02d}{minutes % 60:02d}")


def iso(t: dt.datetime) -> str:
    return t.isoformat()


def iso_z(t: dt.datetime) -> str:
    return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def jsonld(data: dict) -> str:
    body = json.dumps(data, ensure_ascii=False, indent=2).replace("</", "<\\/")
    return f'<script type="application/ld+json">\n{body}\n</script>'


# --------------------------------------------------------------------------------------------
# Outlets
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Source:
    id: str
    outlet: str
    language: str
    timezone: str
    kind: str  # rss | atom | sitemap
    dir: str  # the outlet's folder on the demo site
    profile: str
    feed: str = "feed.xml"
    wire: str | None = None
    aggregator: bool = False
    home: str = ""  # the real outlet's home page
    note: str = ""  # a comment for sources.yaml


SOURCES = {s.id: s for s in [
    Source("bernama_en", "Bernama", "en", "Asia/Kuala_Lumpur", "rss", "bernama-en", "bernama",
           wire="bernama", home="https://www.bernama.com/en/",
           note="the national wire, English service: the original of most copies"),
    Source("bernama_ms", "Bernama", "ms", "Asia/Kuala_Lumpur", "rss", "bernama-ms", "bernama",
           wire="bernama", home="https://www.bernama.com/bm/", note="Bernama's Malay service"),
    Source("bernama_zh", "Bernama", "zh", "Asia/Kuala_Lumpur", "rss", "bernama-zh", "bernama",
           wire="bernama", home="https://www.bernama.com/zh/", note="Bernama's Chinese service"),
    Source("nst", "New Straits Times", "en", "Asia/Kuala_Lumpur", "rss", "nst", "nst",
           home="https://www.nst.com.my/"),
    Source("thestar", "The Star", "en", "Asia/Kuala_Lumpur", "atom", "thestar", "thestar",
           home="https://www.thestar.com.my/", note="served as an Atom feed in the demo"),
    Source("malaymail", "Malay Mail", "en", "Asia/Kuala_Lumpur", "rss", "malaymail", "malaymail",
           home="https://www.malaymail.com/"),
    Source("thesun", "The Sun", "en", "Asia/Kuala_Lumpur", "sitemap", "thesun", "thesun",
           feed="sitemap.xml", home="https://thesun.my/",
           note="a Google News sitemap (news:publication_date per URL)"),
    Source("beritaharian", "Berita Harian", "ms", "Asia/Kuala_Lumpur", "rss", "beritaharian",
           "beritaharian", home="https://www.bharian.com.my/"),
    Source("daily8", "Daily8", "en", "Asia/Kuala_Lumpur", "rss", "daily8", "daily8",
           aggregator=True, home="https://www.daily8.com/",
           note="an aggregator: republishes other outlets' stories, inlines 'Related Articles'"),
    Source("kln", "Ministry of Foreign Affairs Malaysia", "ms", "Asia/Kuala_Lumpur", "rss", "kln",
           "kln", home="https://www.kln.gov.my/",
           note="Wisma Putra press releases in Malay; pages give a date but no time"),
    Source("sinchew", "Sin Chew Daily", "zh", "Asia/Kuala_Lumpur", "rss", "sinchew", "sinchew",
           home="https://www.sinchew.com.my/", note="one page is served GBK-encoded"),
    Source("vietnamplus", "VietnamPlus", "vi", "Asia/Ho_Chi_Minh", "rss", "vietnamplus",
           "vietnamplus", home="https://www.vietnamplus.vn/",
           note="the Vietnam News Agency's (TTXVN) news site; times are +07:00"),
    Source("antara", "ANTARA", "id", "Asia/Jakarta", "rss", "antara", "antara",
           home="https://www.antaranews.com/", note="Indonesia's national agency; times are WIB (+07:00)"),
]}


# --------------------------------------------------------------------------------------------
# Articles: the ground truth. Every page on the site is one of these.
# --------------------------------------------------------------------------------------------

@dataclass
class Related:
    """An item an aggregator inlines after its own story (a whole other story, flattened)."""
    label: str  # the outlet name as the aggregator prints it (sic: "Barnama")
    ago: str
    title: str
    text: str = ""
    ref: str | None = None  # key of the site page it copies, if there is one


@dataclass
class Article:
    key: str
    source_id: str
    path: str  # on the demo site, without the leading slash
    canonical_url: str
    title: str
    published: dt.datetime | None  # None: the page gives a date but no time
    byline: str | None
    body: list[str]
    cluster: str
    story: str
    case: str
    canonical: bool
    wire: str | None = None
    origin_outlet: str | None = None
    section: str = ""
    summary: str | None = None  # standfirst / sapo / feed description
    caption: str | None = None
    image: str | None = None
    tags: list[str] = field(default_factory=list)
    related: list[Related] = field(default_factory=list)
    feed_time: dt.datetime | None = None  # when the feed says it was published, if not `published`
    extra: dict = field(default_factory=dict)

    @property
    def source(self) -> Source:
        return SOURCES[self.source_id]

    @property
    def language(self) -> str:
        return self.source.language

    @property
    def url_path(self) -> str:
        return "/" + self.path

    @property
    def when(self) -> dt.datetime:
        return self.published or self.feed_time

    @property
    def text(self) -> list[str]:
        """The story's paragraphs as the ground truth has them: a printed standfirst (VietnamPlus's
        sapo) leads the body; elsewhere `summary` is only the feed's description."""
        if self.summary and self.source.profile == "vietnamplus":
            return [self.summary] + self.body
        return self.body


ARTICLES: list[Article] = []


def add(**kwargs) -> Article:
    article = Article(**kwargs)
    ARTICLES.append(article)
    return article


def by_key(key: str) -> Article:
    for article in ARTICLES:
        if article.key == key:
            return article
    raise KeyError(key)


# ---- URL builders, one per outlet, following the real outlets' patterns ----------------------

def bernama(service, news_id, section=""):
    lang_dir = {"bernama_en": "en", "bernama_ms": "bm", "bernama_zh": "zh"}[service]
    sect = f"{section}/" if section else ""
    return dict(source_id=service, path=f"{SOURCES[service].dir}/news/{news_id}.html",
                canonical_url=f"https://www.bernama.com/{lang_dir}/{sect}news.php?id={news_id}")


def nstp(source_id, section, published, node, title):
    host = {"nst": "www.nst.com.my", "beritaharian": "www.bharian.com.my"}[source_id]
    ym = f"{published:%Y/%m}"
    slug = slugify(title, drop_stopwords=True)
    return dict(source_id=source_id, path=f"{source_id}/{section}/{ym}/{node}.html",
                canonical_url=f"https://{host}/{section}/{ym}/{node}/{slug}")


def thestar(section, published, title):
    slug = slugify(title)
    ymd = f"{published:%Y/%m/%d}"
    return dict(source_id="thestar", path=f"thestar/{section}/{ymd}/{slug}.html",
                canonical_url=f"https://www.thestar.com.my/{section}/{ymd}/{slug}")


def malaymail(section, published, title, node):
    slug = slugify(title)
    ymd = f"{published:%Y/%m/%d}"
    return dict(source_id="malaymail", path=f"malaymail/news/{section}/{ymd}/{slug}/{node}.html",
                canonical_url=f"https://www.malaymail.com/news/{section}/{ymd}/{slug}/{node}")


def thesun(section, title, code):
    slug = slugify(title)
    return dict(source_id="thesun", path=f"thesun/{section}/{slug}-{code}.html",
                canonical_url=f"https://thesun.my/{section}/{slug}-{code}")


def daily8(published, title, code):
    slug = slugify(title, max_words=12)
    ymd = f"{published:%Y/%m/%d}"
    return dict(source_id="daily8", path=f"daily8/news/my/{ymd}/{slug}-{code}.html",
                canonical_url=f"https://www.daily8.com/news/my/{ymd}/{slug}-{code}")


def kln(slug):
    return dict(source_id="kln", path=f"kln/web/guest/-/{slug}.html",
                canonical_url=f"https://www.kln.gov.my/web/guest/-/{slug}")


def sinchew(published, section, node):
    day = f"{published:%Y%m%d}"
    return dict(source_id="sinchew", path=f"sinchew/news/{day}/{section}/{node}.html",
                canonical_url=f"https://www.sinchew.com.my/news/{day}/{section}/{node}")


def vietnamplus(title, post):
    slug = slugify(title)
    return dict(source_id="vietnamplus", path=f"vietnamplus/{slug}-post{post}.html",
                canonical_url=f"https://www.vietnamplus.vn/{slug}-post{post}.vnp")


def antara(news_id, title):
    slug = slugify(title)
    return dict(source_id="antara", path=f"antara/berita/{news_id}/{slug}.html",
                canonical_url=f"https://www.antaranews.com/berita/{news_id}/{slug}")


# ============================================================================================
# Story 1 (8 July) -- TOP STORY: the 58th AMM opens. Bernama's original, its copies in English,
# an updated Bernama version (the canonical one), and translations: ms, zh, vi.
# ============================================================================================

AMM_BYLINE = "Nabilah Saleh & Muhammad Basir Roslan"

AMM_EN = paras("""
KUALA LUMPUR, July 8 (Bernama) -- The 58th ASEAN Foreign Ministers' Meeting (AMM) and related
meetings got under way here today, with Malaysia as Chair calling on the regional bloc to stay
united and central in the face of intensifying great-power rivalry and economic uncertainty.

Foreign Minister Datuk Seri Mohamad Hasan, who chaired the first sessions at the Kuala Lumpur
Convention Centre (KLCC), said the week-long series of meetings would set the direction for the
bloc ahead of the 47th ASEAN Summit in October.

"ASEAN must speak with one voice. The world around us is becoming more fragmented, but our
strength has always been our ability to sit together, talk frankly and find common ground," he
said in his opening remarks.

Today's programme began with the Commission on the Southeast Asia Nuclear Weapon-Free Zone
(SEANWFZ) Treaty, followed by the ASEAN foreign ministers' interface with representatives of the
ASEAN Intergovernmental Commission on Human Rights (AICHR).

Mohamad said ASEAN would continue to engage the five nuclear-weapon states on their accession to
the Protocol to the SEANWFZ Treaty, adding that the region's nuclear-free status remained 'a
cornerstone of our collective security'.

On Timor-Leste, he said the country's admission as ASEAN's 11th member was on track to be
formalised at the 47th ASEAN Summit in October, following the decision of ASEAN leaders at the
46th Summit in May.

"Timor-Leste has made steady progress on its roadmap. We want to welcome them as a full member,
with the support they need to participate meaningfully in all three community pillars," he said.

The ministers are also expected to discuss developments in the South China Sea, including the
negotiations on a Code of Conduct (COC), as well as the situation in Myanmar and the
implementation of the Five-Point Consensus.

Themed 'Inclusivity and Sustainability', the AMM will be officially opened by Prime Minister
Datuk Seri Anwar Ibrahim tomorrow, followed by the Post-Ministerial Conferences with ASEAN's
dialogue partners and the 32nd ASEAN Regional Forum (ARF) later this week.

Top diplomats from the United States, China, Russia, Japan, India and the European Union are
among those expected in Kuala Lumpur for the meetings, which run until Friday.
""")

AMM_UPDATE_NEW = paras("""
Speaking to reporters after the SEANWFZ Commission meeting this afternoon, Mohamad said there
had been "encouraging signals" from some of the nuclear-weapon states, although he declined to
name them.

"We are not asking for anything extraordinary. We are asking the nuclear powers to respect a
zone that Southeast Asians chose for themselves almost 30 years ago," he said.

On the South China Sea, Mohamad said ASEAN and China were working towards an effective and
substantive COC in accordance with international law, including the 1982 United Nations
Convention on the Law of the Sea (UNCLOS), and that Malaysia would push for progress on the
remaining readings of the draft text.

He also said Malaysia, as Chair, stood ready to facilitate dialogue between Thailand and
Cambodia, whose border dispute has strained relations since a deadly clash in May.

"Both are our family. The Chair's door is open, and we hope they will use the opportunity of
this week to talk to each other directly," he said.

Mohamad also held bilateral meetings today with his counterparts from the Philippines and
Timor-Leste, as well as with ASEAN Secretary-General Dr Kao Kim Hourn.
""")

# The updated version keeps the first seven paragraphs, inserts the afternoon's news, and keeps
# the rest.
AMM_EN_UPDATED = AMM_EN[:7] + AMM_UPDATE_NEW[:2] + [AMM_EN[7]] + AMM_UPDATE_NEW[2:] + AMM_EN[8:]


def _asean_house_style(text: str) -> str:
    """NST, The Star, Malay Mail and The Sun spell the bloc 'Asean'."""
    return text.replace("ASEAN", "Asean")


def _curly(text: str) -> str:
    """Malay Mail's CMS turns straight quotes into typographic ones."""
    text = re.sub(r'(^|[\s(])"', r"\1“", text)
    text = text.replace('"', "”")
    text = re.sub(r"(^|[\s(])'", r"\1‘", text)
    return text.replace("'", "’")


add(key="bn_amm", **bernama("bernama_en", 2442050),
    title="58th ASEAN Foreign Ministers' Meeting Opens In Kuala Lumpur",
    published=when("2025-07-08 11:42"), byline=AMM_BYLINE, body=AMM_EN,
    cluster="amm-opens-en", story="amm-opens", case="wire-original", canonical=False,
    wire="bernama", section="General",
    caption="Foreign Minister Datuk Seri Mohamad Hasan (centre) with ASEAN foreign ministers at the "
            "Commission on the SEANWFZ Treaty meeting at KLCC today.",
    tags=["ASEAN", "AMM", "Mohamad Hasan", "Timor-Leste", "SEANWFZ"])

add(key="bn_amm_updated", **bernama("bernama_en", 2442318),
    title="UPDATED: 58th ASEAN Foreign Ministers' Meeting Opens In Kuala Lumpur",
    published=when("2025-07-08 16:55"), byline=AMM_BYLINE, body=AMM_EN_UPDATED,
    cluster="amm-opens-en", story="amm-opens", case="updated-version", canonical=True,
    wire="bernama", section="General",
    caption="Foreign Minister Datuk Seri Mohamad Hasan speaks to reporters after the Commission on the "
            "SEANWFZ Treaty meeting at KLCC today.",
    tags=["ASEAN", "AMM", "Mohamad Hasan", "Timor-Leste", "SEANWFZ", "South China Sea"])

_nst_amm = [_asean_house_style(p) for p in AMM_EN]
_nst_amm[0] = _nst_amm[0].replace("KUALA LUMPUR, July 8 (Bernama) -- ", "KUALA LUMPUR: ")
add(key="nst_amm",
    **nstp("nst", "news/nation", when("2025-07-08 12:22"), 1241530,
           "Asean foreign ministers' meeting kicks off in KL amid call for unity"),
    title="Asean foreign ministers' meeting kicks off in KL amid call for unity",
    published=when("2025-07-08 12:22"), byline="Bernama", body=_nst_amm,
    cluster="amm-opens-en", story="amm-opens", case="retitled-copy", canonical=False,
    wire="bernama", section="Nation",
    caption="Foreign Minister Datuk Seri Mohamad Hasan (centre) with his Asean counterparts at the "
            "Kuala Lumpur Convention Centre. - BERNAMA PIC",
    tags=["Asean", "AMM", "Mohamad Hasan"],
    extra={"signoff": "- BERNAMA", "read_more_after": 3,
           "read_more": [("KL gears up for Asean ministerial week as SOM concludes",
                          "https://www.nst.com.my/news/nation/2025/07/1241166/kl-gears-asean-ministerial-week-som-concludes")]})

_star_amm = [_asean_house_style(p) for p in AMM_EN[:4]]
_star_amm[0] = _star_amm[0].replace("KUALA LUMPUR, July 8 (Bernama) -- ", "KUALA LUMPUR: ")
_star_amm[-1] += " — Bernama"
add(key="star_amm",
    **thestar("news/nation", when("2025-07-08 13:45"),
              "Asean must speak with one voice, says Mohamad as foreign ministers meet in KL"),
    title="Asean must speak with one voice, says Mohamad as foreign ministers meet in KL",
    published=when("2025-07-08 13:45"), byline=None, body=_star_amm,
    cluster="amm-opens-en", story="amm-opens", case="trimmed-copy", canonical=False,
    wire="bernama", section="Nation",
    caption="Datuk Seri Mohamad Hasan chairs the first session of the 58th Asean Foreign Ministers' "
            "Meeting in Kuala Lumpur. — Bernama",
    tags=["Asean", "Mohamad Hasan", "Foreign Ministers' Meeting"])

_mm_amm = [_curly(_asean_house_style(p)) for p in AMM_EN]
_mm_amm[0] = (_mm_amm[0].replace("KUALA LUMPUR, July 8 (Bernama) -- ", "KUALA LUMPUR, July 8 — ")
              .replace("got under way", "got underway").replace("as Chair", "as chair"))
_mm_amm[1] = (_mm_amm[1].replace(" (KLCC)", "")
              .replace("the week-long series of meetings", "this week’s series of meetings"))
_mm_amm[3] = _mm_amm[3].replace("began with the Commission", "began with a meeting of the Commission")
_mm_amm[5] = _mm_amm[5].replace("the decision of Asean leaders", "a decision by Asean leaders")
_mm_amm[7] = _mm_amm[7].replace("including the negotiations", "including negotiations")
_mm_amm[-1] += " — Bernama"
add(key="mm_amm",
    **malaymail("malaysia", when("2025-07-08 12:42"),
                "Asean foreign ministers' meeting opens in KL with call for unity", 182345),
    title="Asean foreign ministers’ meeting opens in KL with call for unity",
    published=when("2025-07-08 12:42"), byline=None, body=_mm_amm,
    cluster="amm-opens-en", story="amm-opens", case="copy-edit", canonical=False,
    wire="bernama", section="Malaysia",
    caption="Foreign Minister Datuk Seri Mohamad Hasan speaks at the Commission on the Southeast Asia "
            "Nuclear Weapon-Free Zone Treaty meeting in Kuala Lumpur July 8, 2025. — Bernama pic",
    tags=["asean", "mohamad hasan", "timor-leste"])

_sun_brief = [_asean_house_style(p) for p in AMM_EN[:2]]
_sun_brief[0] = _sun_brief[0].replace("KUALA LUMPUR, July 8 (Bernama) -- ", "KUALA LUMPUR: ")
add(key="sun_amm", **thesun("malaysia-news", "58th AMM kicks off in KL", "XJ13958247"),
    title="58th AMM kicks off in KL",
    published=when("2025-07-08 12:05"), byline="BERNAMA", body=_sun_brief,
    cluster="amm-opens-en", story="amm-opens", case="brief", canonical=False,
    wire="bernama", section="Malaysia News",
    caption="Foreign Minister Datuk Seri Mohamad Hasan at the Kuala Lumpur Convention Centre. – BERNAMApix",
    tags=["Asean", "AMM"])

add(key="d8_amm", **daily8(when("2025-07-08 14:45"),
                           "58th ASEAN Foreign Ministers' Meeting Opens In Kuala Lumpur", "a41c7e"),
    title="58th ASEAN Foreign Ministers' Meeting Opens In Kuala Lumpur",
    published=when("2025-07-08 14:45"), byline=AMM_BYLINE, body=list(AMM_EN),
    cluster="amm-opens-en", story="amm-opens", case="aggregator-copy", canonical=False,
    wire="bernama", origin_outlet="Bernama", section="Malaysia",
    related=[Related("New Straits Times", "7 hours ago", "", ref="nst_brics"),
             Related("Barnama", "5 hours ago", "", ref="bn_bursa8"),
             Related("Malay Mail", "19 hours ago", "", ref="mm_floods")])

AMM_MS = paras("""
KUALA LUMPUR, 8 Julai (Bernama) -- Mesyuarat Menteri Luar ASEAN Ke-58 (AMM) dan mesyuarat
berkaitan bermula di sini hari ini, dengan Malaysia selaku Pengerusi menyeru blok serantau itu
agar kekal bersatu dan memainkan peranan utama dalam mendepani persaingan kuasa besar serta
ketidaktentuan ekonomi yang semakin meruncing.

Menteri Luar Datuk Seri Mohamad Hasan, yang mempengerusikan sesi pertama di Pusat Konvensyen
Kuala Lumpur (KLCC), berkata siri mesyuarat sepanjang minggu ini akan menentukan hala tuju ASEAN
menjelang Sidang Kemuncak ASEAN Ke-47 pada Oktober.

"ASEAN mesti bercakap dengan satu suara. Dunia di sekeliling kita semakin berpecah, namun
kekuatan kita selama ini terletak pada keupayaan untuk duduk semeja, berbincang secara terus
terang dan mencari titik persamaan," katanya dalam ucapan pembukaan.

Program hari ini dimulakan dengan Mesyuarat Suruhanjaya Triti Zon Bebas Senjata Nuklear Asia
Tenggara (SEANWFZ), diikuti sesi interaksi menteri-menteri luar ASEAN bersama wakil Suruhanjaya
Antara Kerajaan ASEAN mengenai Hak Asasi Manusia (AICHR).

Mohamad berkata ASEAN akan terus berunding dengan lima negara pemilik senjata nuklear berhubung
penyertaan mereka dalam Protokol Triti SEANWFZ, sambil menegaskan status rantau ini yang bebas
senjata nuklear kekal sebagai 'tunjang keselamatan bersama kita'.

Mengenai Timor-Leste, beliau berkata kemasukan negara itu sebagai anggota ke-11 ASEAN dijangka
dimuktamadkan pada Sidang Kemuncak ASEAN Ke-47 pada Oktober ini, susulan keputusan pemimpin
ASEAN pada Sidang Kemuncak Ke-46 pada Mei lepas.

"Timor-Leste telah mencapai kemajuan yang konsisten dalam pelan hala tujunya. Kita mahu
menerima mereka sebagai anggota penuh, dengan sokongan yang diperlukan untuk mereka terlibat
secara bermakna dalam ketiga-tiga tonggak komuniti," katanya.

Menteri-menteri luar ASEAN juga dijangka membincangkan perkembangan di Laut China Selatan,
termasuk rundingan Kod Tatalaku (COC), serta situasi di Myanmar dan pelaksanaan Konsensus Lima
Perkara.

Bertemakan 'Keterangkuman dan Kemampanan', AMM akan dirasmikan oleh Perdana Menteri Datuk Seri
Anwar Ibrahim esok, diikuti Persidangan Pasca Menteri bersama rakan dialog ASEAN dan Forum
Serantau ASEAN (ARF) Ke-32 pada minggu ini.

Menteri-menteri luar dari Amerika Syarikat, China, Rusia, Jepun, India dan Kesatuan Eropah antara
yang dijangka hadir ke Kuala Lumpur bagi mesyuarat yang berlangsung sehingga Jumaat ini.
""")

add(key="bnm_amm", **bernama("bernama_ms", 2442101),
    title="Mesyuarat Menteri Luar ASEAN Ke-58 Bermula Di Kuala Lumpur",
    published=when("2025-07-08 12:48"), byline=None, body=AMM_MS,
    cluster="amm-opens-ms", story="amm-opens", case="translation", canonical=True,
    wire="bernama", section="Am",
    caption="Menteri Luar Datuk Seri Mohamad Hasan (tengah) bersama menteri-menteri luar ASEAN pada "
            "Mesyuarat Suruhanjaya Triti SEANWFZ di KLCC hari ini.",
    tags=["ASEAN", "AMM", "Mohamad Hasan"])

_bh_amm = list(AMM_MS)
_bh_amm[0] = _bh_amm[0].replace("KUALA LUMPUR, 8 Julai (Bernama) -- ", "KUALA LUMPUR: ")
add(key="bh_amm",
    **nstp("beritaharian", "berita/nasional", when("2025-07-08 13:30"), 1418422,
           "AMM ke-58: ASEAN mesti bercakap dengan satu suara - Mohamad"),
    title="AMM ke-58: ASEAN mesti bercakap dengan satu suara - Mohamad",
    published=when("2025-07-08 13:30"), byline="Bernama", body=_bh_amm,
    cluster="amm-opens-ms", story="amm-opens", case="retitled-copy", canonical=False,
    wire="bernama", section="Nasional",
    caption="Mohamad Hasan mempengerusikan sesi pertama Mesyuarat Menteri Luar ASEAN Ke-58 di KLCC. "
            "- Foto BERNAMA",
    tags=["ASEAN", "AMM", "Wisma Putra"],
    extra={"read_more_after": 4,
           "read_more": ["bh_tariff"]})

AMM_ZH = paras("""
（吉隆坡8日讯）第58届东盟外长会议（AMM）及相关会议今天在吉隆坡揭开序幕，东盟轮值主席国马来西亚呼吁区域集团在大国竞争加剧和经济不确定性之际保持团结，并维护东盟的中心地位。

外交部长拿督斯里莫哈末哈山在吉隆坡会展中心（KLCC）主持首场会议时指出，本周一系列会议将为东盟在10月召开的第47届东盟峰会之前确定方向。

他在开幕致词中说：“东盟必须用同一个声音说话。我们周遭的世界正变得越来越分裂，但我们的力量始终在于能够坐下来坦诚交流，寻找共同点。”

今天的议程首先是《东南亚无核武器区条约》（SEANWFZ）委员会会议，随后是东盟外长与东盟政府间人权委员会（AICHR）代表的对话。

莫哈末哈山表示，东盟将继续与五个拥核国家接触，争取它们加入《东南亚无核武器区条约》议定书，并强调本区域的无核地位仍是“我们集体安全的基石”。

谈到东帝汶时，他说，继东盟领导人在5月的第46届峰会作出决定后，东帝汶有望在10月的第47届东盟峰会上正式成为东盟第11个成员国。

他说：“东帝汶在落实入盟路线图方面取得稳定进展。我们希望欢迎东帝汶成为正式成员，并为其提供所需支持，使其能够有意义地参与东盟共同体三大支柱。”

东盟外长也预料将讨论南中国海局势，包括“南海行为准则”（COC）的谈判进展，以及缅甸局势和“五点共识”的落实情况。

本届外长会议以“包容与可持续”为主题，将由首相拿督斯里安华明天主持开幕，接下来将举行东盟与对话伙伴的后续外长会议，以及第32届东盟区域论坛（ARF）。

美国、中国、俄罗斯、日本、印度及欧盟等国家和组织的外长，预计将出席这一系列在本周五结束的会议。
""")

add(key="bnz_amm", **bernama("bernama_zh", 2442139),
    title="第58届东盟外长会议在吉隆坡开幕",
    published=when("2025-07-08 13:10"), byline=None, body=AMM_ZH,
    cluster="amm-opens-zh", story="amm-opens", case="translation", canonical=True,
    wire="bernama", section="国内",
    caption="外交部长拿督斯里莫哈末哈山（中）今天在吉隆坡会展中心出席《东南亚无核武器区条约》委员会会议。",
    tags=["东盟", "外长会议", "莫哈末哈山"])

SC_AMM = paras("""
（吉隆坡8日讯）第58届东盟外长会议今日在吉隆坡会展中心开跑，身为东盟轮值主席国的马来西亚呼吁东盟各国在大国角力与经济前景不明朗之际团结一致。

外交部长拿督斯里莫哈末哈山在首场会议上致词时说，本周的系列会议将为10月举行的第47届东盟峰会定调。

他说：“东盟必须以同一个声音发言。外部世界日益分化，但东盟的力量向来在于大家能坐下来坦率对话，并找到共识。”

今日首先登场的是东南亚无核武器区条约委员会会议，接着是东盟外长与东盟政府间人权委员会（AICHR）代表的交流会。

莫哈末哈山指出，东盟会继续与五个核武国家沟通，促请它们签署无核区条约议定书；他形容东南亚无核区是“我们共同安全的基石”。

他也说，东帝汶将在10月的第47届东盟峰会上正式成为东盟第11个成员国，相关进程按计划进行。

与会外长预计也将讨论南中国海课题，包括南海行为准则的磋商，以及缅甸局势和五点共识的执行进度。

首相拿督斯里安华将于明日为外长会议主持开幕，美国、中国、俄罗斯、日本、印度及欧盟的外长或代表预计将在本周内抵达吉隆坡出席相关会议。（马新社）
""")

add(key="sc_amm", **sinchew(when("2025-07-08 14:05"), "nation", 6741235),
    title="东盟外长会议开幕 莫哈末哈山：东盟须以同一声音发言",
    published=when("2025-07-08 14:05"), byline=None, body=SC_AMM,
    cluster="amm-opens-zh", story="amm-opens", case="translation", canonical=False,
    wire="bernama", section="国内",
    caption="莫哈末哈山（中）与东盟各国外长出席东南亚无核武器区条约委员会会议。（图：马新社）",
    tags=["东盟", "外长会议", "东帝汶", "南中国海"])

VP_AMM = paras("""
Theo hãng thông tấn Bernama, phát biểu tại phiên họp đầu tiên diễn ra tại Trung tâm Hội nghị
Kuala Lumpur (KLCC), Bộ trưởng Ngoại giao Malaysia Datuk Seri Mohamad Hasan cho biết chuỗi hội
nghị trong tuần này sẽ định hướng cho ASEAN trước thềm Hội nghị Cấp cao ASEAN lần thứ 47 vào
tháng 10 tới.

“ASEAN phải lên tiếng với một tiếng nói chung. Thế giới xung quanh chúng ta ngày càng chia rẽ,
nhưng sức mạnh của chúng ta luôn nằm ở khả năng ngồi lại với nhau, thẳng thắn trao đổi và tìm
ra điểm đồng”, ông Mohamad Hasan nhấn mạnh.

Các hoạt động trong ngày đầu tiên gồm Hội nghị Ủy ban Hiệp ước Khu vực Đông Nam Á không có vũ
khí hạt nhân (SEANWFZ) và cuộc đối thoại giữa các Bộ trưởng Ngoại giao ASEAN với Ủy ban liên
Chính phủ ASEAN về nhân quyền (AICHR).

Ngoại trưởng Malaysia cho biết ASEAN sẽ tiếp tục trao đổi với 5 quốc gia có vũ khí hạt nhân về
việc tham gia Nghị định thư của Hiệp ước SEANWFZ. Về Timor Leste, ông khẳng định tiến trình kết
nạp nước này làm thành viên thứ 11 của ASEAN đang đi đúng lộ trình và dự kiến được chính thức
hóa tại Hội nghị Cấp cao ASEAN lần thứ 47.

Các Bộ trưởng cũng dự kiến thảo luận về tình hình Biển Đông, trong đó có đàm phán về Bộ Quy tắc
ứng xử (COC), cũng như tình hình Myanmar và việc thực hiện Đồng thuận 5 điểm.

Thủ tướng Malaysia Anwar Ibrahim sẽ chính thức khai mạc AMM-58 vào ngày 9/7. Hội nghị với chủ
đề “Bao trùm và Bền vững” kéo dài đến ngày 11/7.
""")

add(key="vp_amm",
    **vietnamplus("Khai mạc Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 58 tại Kuala Lumpur", 1048811),
    title="Khai mạc Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 58 tại Kuala Lumpur",
    published=when("2025-07-08 13:05", WIB), byline="Vietnam+", body=VP_AMM,
    cluster="amm-opens-vi", story="amm-opens", case="translation", canonical=True,
    wire="bernama", section="Thế giới",
    summary="Ngày 8/7, Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 58 (AMM-58) và các hội nghị liên "
            "quan đã khai mạc tại Kuala Lumpur, Malaysia, với lời kêu gọi ASEAN đoàn kết trước những "
            "biến động của tình hình thế giới.",
    caption="Toàn cảnh Hội nghị Ủy ban Hiệp ước SEANWFZ tại Kuala Lumpur. (Ảnh: Bernama)",
    tags=["ASEAN", "AMM-58", "Malaysia", "Timor Leste"])


# ============================================================================================
# Story 2 (7 July) -- seed 000: the Senior Officials' Meeting concludes. Bernama's original, the
# aggregator's copy the next morning (with three New Straits Times stories inlined after it), and
# the ministry's own press release on the same meeting (a different story: seed 001).
# ============================================================================================

SOM_EN = paras("""
KUALA LUMPUR, July 7 (Bernama) -- The ASEAN Senior Officials' Meeting (SOM) has concluded today
in preparation for the 58th ASEAN Foreign Ministers' Meeting (AMM), which is scheduled to begin
on Tuesday.

Foreign Ministry secretary-general Datuk Seri Amran Mohamed Zin, who chaired the meeting, said
discussions at the senior officials' level went smoothly and that preparations for the Foreign
Ministers' Meeting are already underway.

"Hopefully, we have four more days, from Tuesday to Friday, to complete the full series of
meetings.

"This includes the ASEAN Foreign Ministers' Meeting, the ASEAN Foreign Ministers' Retreat, and
the ASEAN Plus One Post-Ministerial Conference with Dialogue Partners," he told reporters after
the SEANWFZ (Southeast Asia Nuclear Weapon-Free Zone Treaty) meeting, which was held immediately
after the SOM on Monday.

He said that Malaysia, as this year's ASEAN Chair, will also convene trilateral meetings
involving the ASEAN Secretariat and four countries – Norway, Switzerland, Brazil, and Turkiye.

Foreign Minister, Datuk Seri Mohamad Hasan, is scheduled to hold a series of bilateral meetings
with his counterparts from fellow ASEAN member states and dialogue partner countries.

Today's meeting was attended by secretaries-general and senior representatives from the foreign
ministries of ASEAN member states, who discussed preparations for the 58th AMM and related
meetings.

They also deliberated on key issues expected to be raised and highlighted during the upcoming
sessions.
""")

# The aggregator's copy, as seed 000 shows it: its CMS turned the double quotes into single ones
# and lost the closing quote of the first paragraph of the quotation.
D8_SOM = list(SOM_EN)
D8_SOM[2] = ("'Hopefully, we have four more days, from Tuesday to Friday, to complete the full series "
             "of meetings,")
D8_SOM[3] = D8_SOM[3].replace('"This includes', "'This includes").replace('Partners," he', "Partners,' he")

add(key="bn_som", **bernama("bernama_en", 2441712),
    title="KL Gears Up For ASEAN Ministerial Week As SOM Concludes Successfully",
    published=when("2025-07-07 18:18"),
    byline="Wan Muhammad Aslah Wan Razali & Nurunnasihah Ahmad Rashid", body=SOM_EN,
    cluster="som-concludes-en", story="som-concludes", case="wire-original", canonical=True,
    wire="bernama", section="General",
    caption="Foreign Ministry secretary-general Datuk Seri Amran Mohamed Zin speaks to reporters after "
            "the ASEAN Senior Officials' Meeting at KLCC today.",
    tags=["ASEAN", "SOM", "AMM", "Amran Mohamed Zin"])

NST_ANWAR_IRAN = paras("""
KUALA LUMPUR: Prime Minister Datuk Seri Anwar Ibrahim expressed his concern over the joint United
States-Israel bombing of Iran's main nuclear sites last month following the Gaza conflict, calling
it a wrong move that disregards diplomacy and the resilience of the Iranian people.

In an interview with France 24 published on the network's digital platforms today, the Prime
Minister emphasised that resolving the Gaza issue required multilateral and fair negotiations.

"I wasn't terribly pleased because I think the way forward is only through negotiations. They
(the US) have tried to destroy Iran too many times and you should never ignore the people's
resilience," Anwar said.

"It failed to account for the resilience, capacity and tenacity of the Iranian people. What we
welcome, of course, is a ceasefire," he added.

Commenting on Western nations' demands – including France's – for Iran to abandon its nuclear
programme, Anwar stressed that such calls must be fair and consistent.

"If they want non-proliferation with the understanding that nuclear technology shouldn't be
weaponised, that's fair. But it must be applied consistently. These contradictions and hypocrisy
have become too apparent, and people no longer accept them," he said.

"This isn't the imperialist or colonial era where you can dictate terms. There must be fairness
– why impose restrictions on Iran but not Israel? Why these double standards?" Anwar questioned.

On criticism that he has been more vocal on Gaza than the war in Ukraine, Anwar rejected claims
of double standards by saying that Malaysia has expressed its position clearly, including having
spoken with Russian President Vladimir Putin to pursue negotiations. - BERNAMA
""")

NST_PM_BRICS = paras("""
KUALA LUMPUR: Prime Minister Datuk Seri Anwar Ibrahim is leading efforts to strengthen strategic
investments and global economic cooperation through a series of bilateral meetings and active
participation in the 17th BRICS Summit.

He held meetings with leaders of nations including Indian Prime Minister Narendra Modi, South
African President Cyril Ramaphosa, and Vietnamese Prime Minister Pham Minh Chinh, as well as
World Trade Organisation (WTO) director-general Dr Ngozi Okonjo-Iweala.

The discussions focused on, among others, expanding cooperation in the areas of trade,
investment, digital technology, renewable energy, as well as the halal and aerospace industries.

Meanwhile, at the summit, Anwar stressed Malaysia's commitment to the principles of
multilateralism and economic justice, as well as supporting WTO reforms to be more inclusive and
responsive to future challenges such as AI and digital trade.

As Asean chair, he called for fair and ethical global cooperation and rejected divisive
geopolitics, emphasising the importance of artificial intelligence (AI) governance based on
universal values for sustainable development and shared prosperity.

Anwar arrived in Rio De Janeiro on Saturday to attend the 17th BRICS Leaders' Summit hosted by
Brazil. Malaysia is participating in the summit in its capacity as a BRICS partner country and
the Asean 2025 chair.
""")

add(key="d8_som", **daily8(when("2025-07-08 08:40"),
                           "KL Gears Up For ASEAN Ministerial Week As SOM Concludes Successfully",
                           "3f9a1c"),
    title="KL Gears Up For ASEAN Ministerial Week As SOM Concludes Successfully",
    published=when("2025-07-08 08:40"),
    byline="Wan Muhammad Aslah Wan Razali & Nurunnasihah Ahmad Rashid", body=D8_SOM,
    cluster="som-concludes-en", story="som-concludes", case="aggregator-copy", canonical=False,
    wire="bernama", origin_outlet="Bernama", section="Malaysia",
    related=[Related("New Straits Times", "15 minutes ago",
                     "Anwar slams US-Israel strike on Iran as 'wrong move'", " ".join(NST_ANWAR_IRAN)),
             Related("New Straits Times", "an hour ago",
                     "PM leads charge for inclusive global economy at BRICS", " ".join(NST_PM_BRICS)),
             Related("New Straits Times", "an hour ago", "", ref="nst_brics")])

KLN_SOM = paras("""
Kementerian Luar Negeri telah menganjurkan Mesyuarat Pegawai Kanan ASEAN (Senior Officials'
Meeting – SOM) pada hari Isnin, 7 Julai 2025 di Pusat Konvensyen Kuala Lumpur (KLCC) sebagai
persediaan bagi Mesyuarat Menteri-Menteri Luar ASEAN Ke-58 (58th AMM) dan Mesyuarat-Mesyuarat
Berkaitan yang akan berlangsung dari 8 hingga 11 Julai 2025. Sebagai sebahagian daripada siri
mesyuarat ini, dua (2) mesyuarat peringkat SOM telah diadakan, iaitu Mesyuarat Pegawai-Pegawai
Kanan ASEAN dan Mesyuarat Jawatankuasa Eksekutif Zon Bebas Senjata Nuklear Asia Tenggara (SEANWFZ
Excom). Mesyuarat-mesyuarat ini telah dipengerusikan oleh YBhg. Dato' Sri Amran Mohamed Zin,
Ketua Setiausaha Kementerian Luar Negeri selaku Pegawai Kanan ASEAN-Malaysia.

Mesyuarat-mesyuarat tersebut melibatkan penyertaan Pegawai-Pegawai Kanan dari Negara Anggota
ASEAN serta Setiausaha Agung ASEAN. Pegawai Kanan Timor-Leste juga telah menyertai
mesyuarat-mesyuarat tersebut sebagai Pemerhati.

Mesyuarat SOM telah memuktamadkan persiapan substantif bagi Mesyuarat AMM Ke-58, termasuk draf
Kenyataan Bersama Menteri-Menteri Luar ASEAN, serta agenda Retreat Menteri-Menteri Luar ASEAN dan
Persidangan Pasca Menteri (PMC) bersama Rakan Dialog. Mesyuarat ini turut membincangkan susulan
kepada Deklarasi Kuala Lumpur mengenai ASEAN 2045: Masa Depan Bersama Kita yang telah
diperakukan di Sidang Kemuncak ASEAN Ke-46 pada 26 Mei 2025, progres pelaksanaan Pelan Hala Tuju
Keanggotaan Penuh Timor-Leste, permohonan negara-negara luar ke dalam Triti Persahabatan dan
Kerjasama di Asia Tenggara (Treaty of Amity and Cooperation in Southeast Asia - TAC) dan hubungan
luar ASEAN.

Mesyuarat SEANWFZ Excom telah memberi fokus kepada persediaan Mesyuarat Suruhanjaya SEANWFZ
yang akan diadakan pada 8 Julai 2025, termasuk usaha berterusan ASEAN untuk memastikan
penyertaan Negara-Negara Pemilik Senjata Nuklear kepada Protokol SEANWFZ, sekali gus
memperkukuhkan kedudukan undang-undang Perjanjian ini serta kepimpinan ASEAN dalam
mempromosikan rantau yang bebas senjata nuklear.

Selain itu, Malaysia selaku Pengerusi ASEAN akan turut menganjurkan Mesyuarat Trilateral di
antara Malaysia, Sekretariat ASEAN dan empat (4) negara, iaitu Norway, Switzerland, Brazil dan
Turkiye sepanjang minggu mesyuarat ini. YB Dato' Seri Utama Haji Mohamad bin Haji Hasan, Menteri
Luar Negeri, juga dijadualkan mengadakan beberapa pertemuan dua hala dengan rakan sejawat dari
Negara Anggota ASEAN dan Rakan Dialog.

Sebagai sebuah blok yang perlu kekal relevan dan kukuh terutamanya dalam menghadapi pelbagai
cabaran mendatang, perbincangan pada Mesyuarat SOM ASEAN kali ini akan memastikan Mesyuarat AMM
Ke-58 dapat menghasilkan keputusan yang bersepadu, inklusif dan mampan yang berobjektifkan
memperkukuh keamanan, kestabilan dan kemakmuran serantau.
""")

add(key="kln_som", **kln("mesyuarat-pegawai-kanan-asean-kuala-lumpur-7-julai-2025"),
    title="MESYUARAT PEGAWAI KANAN ASEAN KUALA LUMPUR 7 JULAI 2025",
    published=None, feed_time=when("2025-07-07 19:45"), byline=None, body=KLN_SOM,
    cluster="som-kln-ms", story="som-kln", case="press-release", canonical=True,
    section="Kenyataan Media",
    extra={"heading": ["KENYATAAN MEDIA", "MESYUARAT PEGAWAI KANAN ASEAN", "KUALA LUMPUR",
                       "7 JULAI 2025"],
           "place": "PUTRAJAYA", "date_line": "7 Julai 2025"})

VP_SOM = paras("""
Ngày 7/7, tại Kuala Lumpur, Malaysia, đã diễn ra cuộc họp của các Quan chức cao cấp (SOM) ASEAN
trù bị cho Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 58 (AMM-58) và các Hội nghị liên quan.
Đại sứ Trần Đức Bình, Quyền Trưởng SOM ASEAN Việt Nam, đã dẫn đầu đoàn đại biểu dự họp.

Cuộc họp do Tổng Thư ký Bộ Ngoại giao Malaysia Amran Mohamed Zin chủ trì, với sự tham dự của
Trưởng SOM các nước thành viên ASEAN, Timor Leste với tư cách quan sát viên và đại diện Ban Thư
ký ASEAN.

Các đại biểu đã rà soát công tác chuẩn bị về nội dung và hậu cần cho AMM-58, Hội nghị Bộ trưởng
Ngoại giao ASEAN hẹp, các Hội nghị Bộ trưởng Ngoại giao ASEAN với các Đối tác, Hội nghị Bộ
trưởng Ngoại giao Cấp cao Đông Á (EAS) và Diễn đàn Khu vực ASEAN (ARF) lần thứ 32, đồng thời
thống nhất dự thảo Thông cáo chung của AMM-58.

Các Trưởng SOM cũng trao đổi về việc triển khai Tầm nhìn Cộng đồng ASEAN 2045, lộ trình kết nạp
Timor Leste làm thành viên đầy đủ, quan hệ đối ngoại của ASEAN cũng như các vấn đề quốc tế và
khu vực cùng quan tâm, trong đó có tình hình Myanmar và Biển Đông.

Phát biểu tại cuộc họp, Đại sứ Trần Đức Bình đánh giá cao sự chuẩn bị chu đáo của Malaysia trên
cương vị Chủ tịch ASEAN 2025, đồng thời khẳng định Việt Nam sẽ tiếp tục phối hợp chặt chẽ với
các nước thành viên để AMM-58 và các hội nghị liên quan đạt kết quả thực chất.

Phó Thủ tướng, Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn sẽ dẫn đầu đoàn Việt Nam tham dự AMM-58 và
các hội nghị liên quan từ ngày 8-11/7.
""")

add(key="vp_som", **vietnamplus("Họp Quan chức cao cấp ASEAN trù bị cho Hội nghị AMM-58", 1048597),
    title="Họp Quan chức cao cấp ASEAN trù bị cho Hội nghị AMM-58",
    published=when("2025-07-07 18:10", WIB), byline="Hằng Linh (TTXVN/Vietnam+)", body=VP_SOM,
    cluster="som-vietnam-vi", story="som-vietnam", case="distinct", canonical=True,
    section="Thế giới",
    summary="Các Quan chức cao cấp ASEAN đã rà soát công tác chuẩn bị cuối cùng cho Hội nghị Bộ trưởng "
            "Ngoại giao ASEAN lần thứ 58 và các hội nghị liên quan, diễn ra tại Kuala Lumpur từ ngày 8-11/7.",
    caption="Đại sứ Trần Đức Bình, Quyền Trưởng SOM ASEAN Việt Nam, dự cuộc họp. (Ảnh: TTXVN phát)",
    tags=["ASEAN", "SOM", "AMM-58"])


# ============================================================================================
# Story 3 (8 July) -- seed 002: the ASEAN-Turkiye trilateral. A New Straits Times original (its
# own reporter, not the wire) and the aggregator's copy, whose related items include two from
# "Barnama" (sic).
# ============================================================================================

TURKIYE_EN = paras("""
KUALA LUMPUR: As Asean navigates complex geo-economic challenges, Turkiye's expertise in areas
like e-governance and technological innovation is being positioned as a valuable asset to the
region, says Datuk Seri Mohamad Hasan.

The Foreign Minister highlighted Turkiye's experience in e-governance as a vital contribution to
advancing Asean's digital integration, diversifying supply chains, and strengthening collective
resilience.

"Turkiye's experience in the realm of e-governance can be a great source of expertise in
advancing digital integration, diversifying supply chains, and building collective resilience.

"This will help us navigate present-day geo-economic realities," Mohamad said during the
Trilateral Meeting between Malaysia, Turkiye, and the Asean Secretariat on Tuesday (July 8).

He added that Asean-Turkiye economic relations are set to deepen further, particularly through
collaborations under the Turkiye-Asean Business and Investment Forum, alongside support for MSME
development and innovation-driven partnerships.

"In further consolidating this partnership, Malaysia welcomes expanding our defence industry
cooperation, as well as technology transfers," he said.

Mohamad stressed that cooperation between Asean and Turkiye is already broad-based, spanning all
three Asean Community pillars, and is now guided by the Practical Cooperation Areas (PCA)
2024–2028.

"This forward-looking framework allows us to deepen collaboration in key areas, including
political-security cooperation, trade and digital economy, education, disaster management, and
sustainable development," he said.

He also pointed to growing socio-cultural ties, citing initiatives such as the Turkiye
Scholarships-Asean Joint Scholarship Programme, training of Asean diplomats, and proposed
cooperation in technical and vocational education and digital skills development.

"These efforts will reinforce our people-to-people links and nurture lasting cross-cultural
ties," he said.

Highlighting shared values between Asean and Turkiye, Mohamad said both are "natural partners"
in championing multilateralism, peace, justice, and equality on the global stage.

"As principled and responsible members of the international community, we should lend our
collective voices towards advocating a peaceful and just resolution to conflicts around the
world, including the dire situation in Gaza," he said.

He called for Israel to be held accountable for its "unrelenting violations of international
law," warning that impunity has emboldened further aggression.

"If left unchecked, it will continue to destabilise the region and beyond," he added.

The Asean–Turkiye Sectoral Dialogue Partnership was established in 2017, and Mohamad noted that
the relationship has since grown steadily, grounded in shared goals of peace, economic
resilience, and people-to-people connectivity.
""")

add(key="nst_turkiye",
    **nstp("nst", "news/nation", when("2025-07-08 17:10"), 1241651,
           "Asean-Turkiye partnership can drive regional resilience, says Mohamad Hasan"),
    title="Asean-Turkiye partnership can drive regional resilience, says Mohamad Hasan",
    published=when("2025-07-08 17:10"), byline="Ahmad Fairuz Othman", body=TURKIYE_EN,
    cluster="asean-turkiye-en", story="asean-turkiye", case="original", canonical=True,
    section="Nation",
    caption="Foreign Minister Datuk Seri Mohamad Hasan at the Trilateral Meeting between Malaysia, "
            "Turkiye and the Asean Secretariat in Kuala Lumpur. - NSTP/AZHAR RAMLI",
    tags=["Asean", "Turkiye", "Mohamad Hasan", "Gaza"],
    extra={"read_more_after": 6,
           "read_more": ["nst_amm"]})

NST_LETTER_HAZE = paras("""
LETTERS: As the dry season sets in across the region, the familiar haze is already creeping back
into our skies, and with it the familiar promises.

The Asean Agreement on Transboundary Haze Pollution has been in force for more than two decades.
Yet every few years, schools close, flights are delayed and hospitals fill up with children and
the elderly struggling to breathe.

The problem is not a lack of agreements but a lack of enforcement and transparency. Hotspot data,
concession maps and the names of companies linked to fires should be shared openly across
borders.

As Asean chair, Malaysia has a chance to put haze back at the top of the regional agenda, and to
push for a standing mechanism with real teeth rather than another declaration.

Our neighbours are not the enemy; the smoke is. Clean air is a right that should not depend on
which way the wind blows.

Environmental Health Advocates, Petaling Jaya
""")

BARNAMA_BRAZIL = paras("""
WORLD By Nur Ashikin Abdullah RIO DE JANEIRO, July 7 (Bernama) -- Malaysia and Brazil have agreed
to expand cooperation in the halal, aerospace and renewable energy sectors, Prime Minister Datuk
Seri Anwar Ibrahim said.

He said the matter was discussed during his meeting with Brazilian President Luiz Inacio Lula da
Silva on the sidelines of the 17th BRICS Leaders' Summit here.

"Brazil is our largest trading partner in Latin America, and there is much more we can do
together, especially in halal food and aircraft maintenance," he said.

Bilateral trade between Malaysia and Brazil was valued at about US$5.6 billion last year.
""")

add(key="d8_turkiye",
    **daily8(when("2025-07-08 21:10"),
             "Asean-Turkiye partnership can drive regional resilience, says Mohamad Hasan", "c0d2b8"),
    title="Asean-Turkiye partnership can drive regional resilience, says Mohamad Hasan",
    published=when("2025-07-08 21:10"), byline=None, body=list(TURKIYE_EN),
    cluster="asean-turkiye-en", story="asean-turkiye", case="aggregator-copy", canonical=False,
    origin_outlet="New Straits Times", section="Malaysia",
    related=[Related("New Straits Times", "2 hours ago", "Asean must lead on transboundary haze",
                     " ".join(NST_LETTER_HAZE)),
             Related("Barnama", "7 hours ago", "", ref="bn_gaza"),
             Related("Barnama", "8 hours ago",
                     "Malaysia, Brazil To Expand Cooperation In Halal, Aerospace – Anwar",
                     " ".join(BARNAMA_BRAZIL))])


# ============================================================================================
# Story 4 (8 July) -- seed 004: the ASEAN Secretary-General's bilateral meetings (VietnamPlus,
# TTXVN credit, photo caption laid out as a table).
# ============================================================================================

VP_SG = paras("""
Ngày 8/7, trong khuôn khổ Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 58 (AMM-58) đang diễn ra
tại Kuala Lumpur, Tổng thư ký ASEAN, Tiến sĩ Kao Kim Hourn đã tổ chức một số cuộc họp song phương
với các nhà lãnh đạo ASEAN, bắt đầu với Bộ trưởng Ngoại giao Malaysia Datuk Seri Mohamad Hasan,
Philippines và Timor Leste.

Theo tuyên bố của Ban thư ký ASEAN, cuộc họp với Bộ trưởng Ngoại giao Malaysia tập trung vào việc
thúc đẩy các nỗ lực xây dựng Cộng đồng ASEAN, phù hợp với các ưu tiên và mục tiêu chính của Chủ
tịch. Ông Kao tái khẳng định cam kết của Ban thư ký ASEAN trong việc hỗ trợ Chủ tịch và tất cả
các quốc gia thành viên ASEAN đạt được các mục tiêu và mục đích chung được nêu trong Tuyên bố
Kuala Lumpur về “ASEAN 2045: Tương lai chung của chúng ta” mới được thông qua và ký kết.

Trong cuộc gặp với Bộ trưởng Ngoại giao Philippines Ma. Theresa P. Lazaro, hai bên đã thảo luận
về những nỗ lực thúc đẩy xây dựng Cộng đồng ASEAN, bao gồm việc thực hiện Tầm nhìn Cộng đồng
ASEAN 2045 và các kế hoạch chiến lược của tầm nhìn này, cũng như công tác chuẩn bị cho chức Chủ
tịch ASEAN của Philippines vào năm 2026.

Ông Kao cũng gặp Bộ trưởng Bộ Ngoại giao và Hợp tác Timor Leste Bendito dos Santos Freitas để
thảo luận về tiến trình của đất nước hướng tới tư cách thành viên đầy đủ của ASEAN, sau quyết
định của các nhà lãnh đạo ASEAN tại Hội nghị Cấp cao ASEAN lần thứ 46 về việc kết nạp Timor
Leste là thành viên thứ 11 của ASEAN tại Hội nghị thượng đỉnh ASEAN lần thứ 47 sắp tới vào tháng
10 tới.

Mỗi cuộc gặp kéo dài khoảng 20 phút và đề cập đến nhiều vấn đề khu vực và song phương cùng quan
tâm.
""")

add(key="vp_sg",
    **vietnamplus("Tổng Thư ký ASEAN có các cuộc gặp song phương bên lề AMM-58", 1048902),
    title="Tổng Thư ký ASEAN có các cuộc gặp song phương bên lề AMM-58",
    published=when("2025-07-08 15:20", WIB), byline="TTXVN", body=VP_SG,
    cluster="sg-bilaterals-vi", story="sg-bilaterals", case="distinct", canonical=True,
    section="Thế giới",
    summary="Tổng Thư ký ASEAN Kao Kim Hourn đã lần lượt gặp Bộ trưởng Ngoại giao Malaysia, "
            "Philippines và Timor Leste bên lề Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 58 tại "
            "Kuala Lumpur.",
    caption="Tổng thư ký ASEAN, Tiến sĩ Kao Kim Hourn (bên trái) gặp Bộ trưởng Ngoại giao Malaysia "
            "Datuk Seri Mohamad Hasan. Ảnh: asean.org",
    tags=["ASEAN", "Kao Kim Hourn", "AMM-58", "Timor Leste"],
    extra={"caption_after": 2, "related_summaries": [
        ("Họp Quan chức cao cấp ASEAN trù bị cho Hội nghị AMM-58", "vp_som"),
        ("Khởi động Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 58",
         "Ngày 8/7, tại Trung tâm Hội nghị Kuala Lumpur, Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ "
         "58 đã khởi động với hai hoạt động quan trọng là Đối thoại với Ủy ban liên Chính phủ ASEAN về "
         "nhân quyền (AICHR) và Hội nghị Ủy ban Hiệp ước Khu vực Đông Nam Á không có vũ khí hạt nhân "
         "(SEANWFZ). Phó thủ tướng, Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn dẫn đầu đoàn Việt Nam tham "
         "dự các hoạt động.")]})


# ============================================================================================
# Story 5 -- Sin Chew's own Chinese stories (seed 003 style): Wang Yi's visit, and road closures
# for the meeting (that page is served GBK-encoded).
# ============================================================================================

SC_WANGYI = paras("""
（北京8日综合电）中国外交部发言人宣布，中共中央政治局委员、外交部长王毅将于7月10日至11日赴吉隆坡，出席中国－东盟（10+1）外长会、东盟与中日韩（10+3）外长会、东亚峰会外长会和东盟地区论坛外长会。

发言人在例行记者会上说，今年是中国－东盟关系深入发展的重要一年，中方愿同东盟国家一道，落实双方领导人达成的重要共识，推动中国－东盟自贸区3.0版升级议定书早日签署。

在南海问题上，发言人表示，中方愿与东盟国家继续全面有效落实《南海各方行为宣言》，积极推进“南海行为准则”磋商，共同维护南海和平稳定。

另一方面，我国外交部长拿督斯里莫哈末哈山较早前表示，马来西亚作为东盟轮值主席国，欢迎所有对话伙伴的外长出席本周的会议，并期待与王毅举行双边会谈，讨论两国贸易、投资与人文交流合作。

中国国家主席习近平今年4月对马来西亚进行国事访问期间，两国同意构建高水平战略性中马命运共同体。

据了解，美国国务卿鲁比奥及俄罗斯外长拉夫罗夫也预计将在本周稍后抵达吉隆坡。
""")

add(key="sc_wangyi", **sinchew(when("2025-07-08 17:40"), "international", 6741402),
    title="王毅10日起访马 出席东盟外长系列会议",
    published=when("2025-07-08 17:40"), byline=None, body=SC_WANGYI,
    cluster="wangyi-visit-zh", story="wangyi-visit", case="distinct", canonical=True,
    section="国际",
    caption="中国外交部长王毅。（档案照）",
    tags=["王毅", "东盟", "中马关系", "南海"])

SC_TRAFFIC = paras("""
（吉隆坡7日讯）为配合第58届东盟外长会议及相关会议于7月8日至11日在吉隆坡会展中心举行，吉隆坡警方宣布，市中心多条道路将在会议期间分阶段封闭或实施交通管制。

吉隆坡总警长拿督鲁斯迪莫哈末依沙在文告中说，受影响的路段包括安邦路、彼南路、P.南利路以及会展中心周边道路，封路时间将视各国代表团的行程而定。

他说，警方将出动约2500名警员维持会议期间的治安与交通秩序，并呼吁公众尽量使用公共交通工具，包括轻快铁和单轨火车，以避开拥堵路段。

此外，会展中心一带将划为安全区，会议期间禁止在该范围内放飞无人机，违例者将被依法对付。

本届东盟外长会议预计将吸引东盟各国及对话伙伴国的外长与代表团出席，与会人数超过1500人。
""")

add(key="sc_traffic", **sinchew(when("2025-07-07 16:30"), "nation", 6740118),
    title="东盟外长会议明起举行 吉隆坡市中心多条道路将封闭",
    published=when("2025-07-07 16:30"), byline="黄凯玲", body=SC_TRAFFIC,
    cluster="amm-traffic-zh", story="amm-traffic", case="distinct", canonical=True,
    section="国内",
    caption="警方在吉隆坡会展中心一带加强部署，确保东盟外长会议顺利进行。",
    tags=["东盟外长会议", "封路", "吉隆坡"],
    extra={"encoding": "gbk"})


# ============================================================================================
# Story 6 -- ANTARA (Indonesian): Sugiono at the AMM, the South China Sea code of conduct, and
# Prabowo at BRICS.
# ============================================================================================

AN_SUGIONO = paras("""
Kuala Lumpur (ANTARA) - Menteri Luar Negeri RI Sugiono menghadiri rangkaian Pertemuan Menteri
Luar Negeri ASEAN (AMM) ke-58 yang dimulai di Kuala Lumpur, Malaysia, pada Selasa (8/7).

Pada hari pertama, Menlu Sugiono mengikuti Pertemuan Komisi Traktat Kawasan Bebas Senjata Nuklir
Asia Tenggara (SEANWFZ) serta dialog para menteri luar negeri ASEAN dengan Komisi
Antar-Pemerintah ASEAN untuk Hak Asasi Manusia (AICHR).

"Indonesia mendorong agar ASEAN tetap solid dan relevan di tengah dinamika geopolitik yang
semakin kompleks. Sentralitas ASEAN bukan hanya slogan, tetapi harus dibuktikan lewat kerja
nyata," kata Sugiono sebagaimana dikutip dari keterangan tertulis Kementerian Luar Negeri RI di
Jakarta, Selasa.

Menurut Kemlu, Menlu Sugiono juga dijadwalkan melakukan sejumlah pertemuan bilateral dengan
mitranya dari negara-negara ASEAN maupun mitra wicara di sela-sela pertemuan, termasuk dengan
Menlu Malaysia Mohamad Hasan selaku Ketua ASEAN tahun ini.

Dalam pertemuan tersebut, Indonesia juga akan menyampaikan pandangannya mengenai isu Myanmar,
penyelesaian Kode Tata Berperilaku (Code of Conduct/COC) di Laut China Selatan, serta persiapan
keanggotaan penuh Timor-Leste di ASEAN.

AMM ke-58 dan pertemuan terkait akan berlangsung hingga Jumat (11/7), termasuk Pertemuan Menteri
Luar Negeri KTT Asia Timur (EAS FMM) dan Forum Regional ASEAN (ARF) yang akan dihadiri para
menlu dari negara-negara mitra wicara ASEAN.
""")

add(key="an_sugiono", **antara(4950123, "Menlu Sugiono hadiri rangkaian AMM ke-58 di Kuala Lumpur"),
    title="Menlu Sugiono hadiri rangkaian AMM ke-58 di Kuala Lumpur",
    published=when("2025-07-08 15:42", WIB), byline="Nabil Ihsan", body=AN_SUGIONO,
    cluster="sugiono-amm-id", story="sugiono-amm", case="distinct", canonical=True,
    section="Dunia",
    caption="Menteri Luar Negeri RI Sugiono (kanan) berbincang dengan Menteri Luar Negeri Malaysia "
            "Mohamad Hasan di Kuala Lumpur, Selasa (8/7/2025). ANTARA/HO-Kemlu RI/aa.",
    tags=["Sugiono", "AMM ke-58", "ASEAN", "Kemlu RI"],
    extra={"editor": "Anton Santoso", "baca_juga_after": 3,
           "baca_juga": [("Menlu Sugiono bertolak ke Kuala Lumpur untuk hadiri AMM ke-58",
                          "https://www.antaranews.com/berita/4949871/menlu-sugiono-bertolak-ke-kuala-lumpur-untuk-hadiri-amm-ke-58")]})

AN_COC = paras("""
Kuala Lumpur (ANTARA) - Pemerintah Indonesia mendorong agar perundingan Kode Tata Berperilaku
(Code of Conduct/COC) di Laut China Selatan antara ASEAN dan China dapat segera dituntaskan,
dengan isi yang efektif, substantif, dan sesuai dengan hukum internasional, termasuk Konvensi PBB
tentang Hukum Laut (UNCLOS) 1982.

Hal itu disampaikan Juru Bicara Kementerian Luar Negeri RI Rolliansyah Soemirat kepada wartawan
di sela-sela rangkaian Pertemuan Menteri Luar Negeri ASEAN (AMM) ke-58 di Kuala Lumpur,
Malaysia, Selasa.

"Indonesia berharap negosiasi COC bisa mencapai kemajuan berarti tahun ini. Kita ingin COC yang
bukan sekadar dokumen, melainkan instrumen yang benar-benar bisa mencegah insiden di lapangan,"
ujar Roy, sapaan akrabnya.

Ia mengatakan para pemimpin ASEAN dan China sebelumnya telah menyepakati target penyelesaian COC
pada 2026. Namun, masih terdapat sejumlah isu yang belum disepakati, antara lain cakupan
geografis dan status hukum dokumen tersebut.

Menurut Roy, Indonesia juga menaruh perhatian pada meningkatnya insiden di perairan yang
disengketakan, termasuk antara kapal-kapal Filipina dan China dalam beberapa bulan terakhir. Ia
menegaskan pentingnya semua pihak menahan diri dan menghindari tindakan yang dapat memperkeruh
situasi.

Indonesia bukan negara pengklaim di Laut China Selatan, namun Zona Ekonomi Eksklusif (ZEE)
Indonesia di Laut Natuna Utara bersinggungan dengan klaim sembilan garis putus-putus China yang
tidak diakui oleh Indonesia.

Isu Laut China Selatan diperkirakan menjadi salah satu pembahasan utama dalam Pertemuan Menlu
ASEAN-China serta Forum Regional ASEAN (ARF) yang akan digelar di Kuala Lumpur pada Kamis (10/7)
dan Jumat (11/7).
""")

add(key="an_coc", **antara(4950311, "RI dorong perundingan COC Laut China Selatan segera dituntaskan"),
    title="RI dorong perundingan COC Laut China Selatan segera dituntaskan",
    published=when("2025-07-08 19:05", WIB), byline="Nabil Ihsan", body=AN_COC,
    cluster="scs-coc-id", story="scs-coc", case="distinct", canonical=True,
    section="Dunia",
    caption="Juru Bicara Kementerian Luar Negeri RI Rolliansyah Soemirat. ANTARA/Aria Ananda/aa.",
    tags=["Laut China Selatan", "COC", "ASEAN", "Kemlu RI"],
    extra={"editor": "Anton Santoso", "baca_juga_after": 2,
           "baca_juga": ["an_sugiono"]})

AN_PRABOWO = paras("""
Rio de Janeiro (ANTARA) - Presiden RI Prabowo Subianto menyerukan reformasi tata kelola global
yang lebih adil bagi negara-negara berkembang saat berbicara pada sesi pleno Konferensi Tingkat
Tinggi (KTT) BRICS di Rio de Janeiro, Brasil, Minggu (6/7) waktu setempat.

Dalam KTT pertama yang dihadirinya sejak Indonesia resmi menjadi anggota penuh BRICS pada Januari
2025, Prabowo menegaskan komitmen Indonesia terhadap multilateralisme dan kerja sama
Selatan-Selatan.

"Indonesia percaya bahwa negara-negara Selatan Global harus memiliki suara yang lebih besar dalam
lembaga-lembaga keuangan dan perdagangan internasional," kata Prabowo sebagaimana disampaikan
Biro Pers, Media, dan Informasi Sekretariat Presiden dalam keterangan tertulisnya, Senin.

Prabowo juga menyoroti pentingnya ketahanan pangan dan energi, dua isu yang menjadi prioritas
pemerintahannya, serta mengajak sesama anggota BRICS memperkuat kerja sama di bidang hilirisasi
industri dan transisi energi.

Di sela-sela KTT, Presiden melakukan sejumlah pertemuan bilateral, di antaranya dengan Presiden
Brasil Luiz Inacio Lula da Silva selaku tuan rumah.

Usai menghadiri KTT BRICS, Prabowo dijadwalkan melanjutkan kunjungan kenegaraan ke Brasilia
sebelum bertolak ke Eropa.
""")

add(key="an_prabowo", **antara(4948467, "Prabowo serukan reformasi tata kelola global di KTT BRICS"),
    title="Prabowo serukan reformasi tata kelola global di KTT BRICS",
    published=when("2025-07-07 10:25", WIB), byline="Rangga Pandu Asmara Jingga", body=AN_PRABOWO,
    cluster="prabowo-brics-id", story="prabowo-brics", case="distinct", canonical=True,
    section="Politik",
    caption="Presiden RI Prabowo Subianto menyampaikan pidato pada sesi pleno KTT BRICS di Rio de "
            "Janeiro, Brasil, Minggu (6/7/2025). ANTARA/HO-Biro Pers Sekretariat Presiden/aa.",
    tags=["Prabowo", "BRICS", "KTT BRICS"],
    extra={"editor": "Sri Haryati", "baca_juga_after": 2,
           "baca_juga": [("Indonesia resmi jadi anggota penuh BRICS",
                          "https://www.antaranews.com/berita/4578201/indonesia-resmi-jadi-anggota-penuh-brics")]})


# ============================================================================================
# Story 7 -- Berita Harian's own Malay stories: the US tariff letter, and Anwar at BRICS.
# ============================================================================================

BH_TARIFF = paras("""
KUALA LUMPUR: Malaysia akan meneruskan rundingan dengan Amerika Syarikat (AS) bagi mencapai
perjanjian perdagangan yang seimbang, saling menguntungkan dan menyeluruh, selepas Washington
mengumumkan tarif 25 peratus ke atas barangan dari negara ini berkuat kuasa 1 Ogos ini.

Kementerian Pelaburan, Perdagangan dan Industri (MITI) dalam kenyataan hari ini berkata, kerajaan
menerima surat daripada Presiden AS, Donald Trump, yang memaklumkan kadar tarif baharu itu,
berbanding 24 peratus yang diumumkan pada April lalu.

Menurut MITI, rundingan antara kedua-dua negara masih berjalan dan Malaysia komited untuk
menyelesaikannya sebelum tarikh kuat kuasa berkenaan.

"Malaysia kekal komited untuk merundingkan perjanjian perdagangan yang seimbang dan saling
menguntungkan dengan AS, dengan mengambil kira kepentingan ekonomi negara serta kedaulatan dasar
kita," menurut kenyataan itu.

Selain Malaysia, surat sama turut dihantar kepada beberapa negara ASEAN lain, termasuk Indonesia
(32 peratus), Thailand dan Kemboja (36 peratus) serta Laos dan Myanmar (40 peratus).

Isu tarif AS dijangka turut dibangkitkan dalam Mesyuarat Menteri Luar ASEAN Ke-58 yang bermula di
ibu negara hari ini, dengan Wisma Putra sebelum ini menegaskan pendekatan bersama ASEAN penting
bagi melindungi kepentingan ekonomi serantau.
""")

add(key="bh_tariff",
    **nstp("beritaharian", "bisnes/ekonomi", when("2025-07-08 11:20"), 1418367,
           "Malaysia teruskan rundingan dengan AS selepas dikenakan tarif 25 peratus"),
    title="Malaysia teruskan rundingan dengan AS selepas dikenakan tarif 25 peratus",
    published=when("2025-07-08 11:20"), byline="Mohd Iskandar Ibrahim", body=BH_TARIFF,
    cluster="us-tariff-ms", story="us-tariff", case="distinct", canonical=True,
    section="Ekonomi",
    caption="Malaysia akan meneruskan rundingan dengan AS bagi mencapai perjanjian perdagangan yang "
            "seimbang. - Foto hiasan",
    tags=["Tarif", "MITI", "Amerika Syarikat", "ASEAN"])

BH_BRICS = paras("""
RIO DE JANEIRO: Perdana Menteri, Datuk Seri Anwar Ibrahim, menggesa reformasi Pertubuhan
Perdagangan Dunia (WTO) dan institusi kewangan antarabangsa supaya lebih inklusif serta responsif
terhadap keperluan negara membangun.

Beliau berkata, sistem sedia ada masih gagal memberikan suara yang adil kepada negara-negara
Selatan Global, walaupun mereka menyumbang sebahagian besar pertumbuhan ekonomi dunia.

"Kita tidak boleh terus bergantung kepada struktur yang dibina lebih 80 tahun lalu untuk
menangani cabaran hari ini, termasuk kecerdasan buatan (AI) dan perdagangan digital," katanya
ketika berucap pada sesi pleno Sidang Kemuncak BRICS Ke-17 di sini.

Anwar yang hadir atas kapasiti Malaysia sebagai negara rakan BRICS dan Pengerusi ASEAN 2025,
turut menolak geopolitik yang memecahbelahkan dan menyeru kerjasama global yang adil serta
beretika.

Di luar sidang kemuncak, Perdana Menteri turut mengadakan pertemuan dua hala dengan Perdana
Menteri India, Narendra Modi dan Presiden Afrika Selatan, Cyril Ramaphosa, selain bertemu Ketua
Pengarah WTO, Dr Ngozi Okonjo-Iweala.

Anwar tiba di Rio de Janeiro pada Sabtu bagi menghadiri sidang kemuncak yang dihoskan Brazil
atas undangan Presiden Luiz Inacio Lula da Silva.
""")

add(key="bh_brics",
    **nstp("beritaharian", "berita/nasional", when("2025-07-07 21:15"), 1418190,
           "Anwar gesa reformasi WTO, sistem kewangan global lebih adil"),
    title="Anwar gesa reformasi WTO, sistem kewangan global lebih adil",
    published=when("2025-07-07 21:15"), byline="Hazwan Faisal Mohamad", body=BH_BRICS,
    cluster="anwar-brics-wto-ms", story="anwar-brics-wto", case="distinct", canonical=True,
    section="Nasional",
    caption="Anwar Ibrahim ketika berucap pada sesi pleno Sidang Kemuncak BRICS Ke-17 di Rio de "
            "Janeiro. - Foto BERNAMA",
    tags=["Anwar Ibrahim", "BRICS", "WTO"])


# ============================================================================================
# Story 8 -- NEGATIVE cases for deduplication: pages that look alike but must not be merged.
# ============================================================================================

# (a) Two different stories about the same meeting that end with the same background paragraph.
AMM_BACKGROUND = (
    "The 58th AMM and related meetings run from July 8 to 11 at the Kuala Lumpur Convention Centre, "
    "with Malaysia holding the rotating Asean chairmanship this year under the theme \"Inclusivity "
    "and Sustainability\". Some 1,500 delegates, including foreign ministers from Asean's 11 dialogue "
    "partners, are expected to attend.")

STAR_THAI = paras("""
KUALA LUMPUR: The simmering border dispute between Thailand and Cambodia is expected to loom
large on the sidelines of the 58th Asean Foreign Ministers' Meeting, with Malaysia signalling it
is ready to help the two neighbours keep talking.

Tensions have run high since May 28, when a Cambodian soldier was killed in a brief exchange of
fire in a contested area along the border, prompting both sides to reinforce troops and impose
restrictions at several crossings.

Thailand's political turmoil has added to the uncertainty. Prime Minister Paetongtarn Shinawatra
was suspended by the Constitutional Court on July 1 pending a case over a leaked phone call with
former Cambodian leader Hun Sen, and Deputy Prime Minister Phumtham Wechayachai is now acting
premier.

A senior Wisma Putra official, speaking on condition of anonymity, said Malaysia as Asean chair
had been in contact with both capitals. "The chair's role is to keep the door open. Whether the
two sides walk through it is up to them," the official said.

Cambodia has said it will take its dispute over four border areas, including the ancient Ta Moan
Thom and Ta Krabey temples, to the International Court of Justice, a move Bangkok rejects,
insisting instead on bilateral mechanisms.

Thai Foreign Minister Maris Sangiampongsa and his Cambodian counterpart Prak Sokhonn are both in
Kuala Lumpur for the meetings.
""") + [AMM_BACKGROUND]

add(key="star_thai",
    **thestar("aseanplus/aseanplus-news", when("2025-07-08 15:30"),
              "Thai-Cambodian border row looms over Asean ministers' meeting"),
    title="Thai-Cambodian border row looms over Asean ministers' meeting",
    published=when("2025-07-08 15:30"), byline="Aaron Lee Kah Wai", body=STAR_THAI,
    cluster="thai-cambodia-en", story="thai-cambodia", case="shared-background", canonical=True,
    section="Aseanplus News",
    caption="Thai soldiers stand guard at a checkpoint near the Thailand-Cambodia border in Surin "
            "province. — Reuters",
    tags=["Thailand", "Cambodia", "Asean", "Border dispute"])

MM_MYANMAR = paras("""
KUALA LUMPUR, July 8 — Myanmar’s military government’s plan to hold a general election by the end
of the year is set to test Asean’s unity as foreign ministers gather in the capital this week,
analysts said.

The junta has announced polls for December, but large parts of the country remain mired in
conflict, and the March 28 earthquake that devastated Mandalay and Sagaing has deepened a
humanitarian crisis that aid agencies say is far from over.

Asean has barred Myanmar’s junta leaders from its summits and ministerial meetings since 2021,
allowing only a non-political representative to attend. The bloc’s Five-Point Consensus, agreed
in April 2021, remains its main reference for the crisis.

“Asean cannot be seen to legitimise an election that is neither free nor inclusive. But it also
cannot simply look away, because the refugees, the scam centres and the drugs do not stay inside
Myanmar’s borders,” said Dr Rohana Yusof, a senior lecturer in international relations at
Universiti Malaya.

Malaysia’s special envoy on Myanmar, former Wisma Putra secretary-general Tan Sri Othman Hashim,
has held talks with both the military authorities and opposition groups since his appointment
earlier this year.

Foreign Minister Datuk Seri Mohamad Hasan is expected to brief his counterparts on the envoy’s
engagements during the ministers’ meetings later this week.
""") + [AMM_BACKGROUND]

add(key="mm_myanmar",
    **malaymail("world", when("2025-07-08 16:10"),
                "Myanmar's planned polls cast shadow over Asean talks in KL", 182391),
    title="Myanmar’s planned polls cast shadow over Asean talks in KL",
    published=when("2025-07-08 16:10"), byline="Alyaa Azmi Rahman", body=MM_MYANMAR,
    cluster="myanmar-election-en", story="myanmar-election", case="shared-background", canonical=True,
    section="World",
    caption="A woman walks past a damaged building in Mandalay in this file picture taken on April 2, "
            "2025. — Reuters pic",
    tags=["myanmar", "asean", "election", "othman hashim"])

# (b) An opinion column that quotes one paragraph of the top story verbatim.
STAR_OPINION = paras("""
THERE is a familiar choreography to an Asean foreign ministers' meeting. The flags go up at the
convention centre, the motorcades snake through a city that has just closed half its roads, and
the communique is negotiated line by line long after the cameras have left.

This week's gathering in Kuala Lumpur, which began today, will follow the same script. But the
world it is meeting in has changed more in six months than in the previous six years.

On the very morning the ministers sat down, letters from Washington landed in a string of Asean
capitals setting out new tariff rates from Aug 1 – 25% for Malaysia, 32% for Indonesia, 36% for
Thailand and Cambodia, 40% for Laos and Myanmar. No amount of ministerial goodwill in Kuala Lumpur
can make that arithmetic disappear.

Foreign Minister Datuk Seri Mohamad Hasan's call for the bloc to "speak with one voice" is
therefore not a platitude; it is the only real leverage a grouping of mid-sized and small
economies has. Divided, each member negotiates alone with Washington and Beijing. Together, Asean
is a market of nearly 700 million people.

There are encouraging signs. Timor-Leste's long wait is almost over. Bernama's report from the
opening session put it plainly:
""") + [AMM_EN[5]] + paras("""
Getting the 11th member through the door is the easy part. Making sure Dili can actually sit at
more than a thousand meetings a year, and implement what is agreed at them, will take money and
patience from the older members.

Harder still are the files that never seem to close. The Code of Conduct for the South China Sea
has been under negotiation for more than two decades. Myanmar's junta is planning an election few
outside Naypyitaw believe will be credible. And Thailand and Cambodia are locked in a border row
that has already cost a soldier's life.

None of this will be solved by Friday. But the test for Malaysia's chairmanship is simpler than it
looks: whether, when the ministers leave Kuala Lumpur, Asean is more able to act as one than when
they arrived.
""")

add(key="star_opinion",
    **thestar("opinion/columnists/asean-watch", when("2025-07-08 20:05"),
              "Unity is Asean's only real leverage"),
    title="Unity is Asean's only real leverage",
    published=when("2025-07-08 20:05"), byline="Joanne Lim Pei Shan", body=STAR_OPINION,
    cluster="opinion-asean-unity-en", story="opinion-asean-unity", case="opinion-quote",
    canonical=True, section="Columnists",
    caption="Foreign ministers and delegates at the Kuala Lumpur Convention Centre on the first day of "
            "the 58th Asean Foreign Ministers' Meeting. — Bernama",
    tags=["Asean", "Opinion", "Timor-Leste", "Tariffs"],
    extra={"quote_index": 5, "column": "Asean Watch",
           "disclaimer": "The views expressed here are the writer's own.",
           "author_bio": "Joanne Lim Pei Shan is a former diplomat who writes on regional affairs."})

# (c) Bernama's daily market-open template, two days running: same wording, different numbers.
BURSA_7 = paras("""
KUALA LUMPUR, July 7 (Bernama) -- Bursa Malaysia opened higher this morning, tracking the
overnight gains on Wall Street, with the benchmark FTSE Bursa Malaysia KLCI (FBM KLCI) rising 4.12
points to 1,558.37 at 9.05 am from last Friday's close of 1,554.25.

The index opened 2.06 points higher at 1,556.31.

On the broader market, gainers outpaced losers 187 to 102, while 215 counters were unchanged,
1,923 untraded and 21 others suspended.

Turnover stood at 98.41 million units worth RM52.37 million.

A dealer said investors were likely to remain cautious ahead of the United States' July 9
deadline on reciprocal tariffs, with trading expected to be range-bound for the day.

Among heavyweights, Maybank rose one sen to RM9.92, Public Bank and CIMB added two sen each to
RM4.33 and RM7.04 respectively, Tenaga increased four sen to RM14.18, while IHH was flat at RM6.83.

Of the actives, Pharmaniaga gained half-a-sen to 26 sen, Velesto was flat at 19.5 sen, while
Tanco and NexG rose one sen each to RM1.05 and 34 sen respectively.

On the index board, the FBM Emas Index rose 31.40 points to 11,686.52, the FBMT 100 Index advanced
28.77 points to 11,455.90, the FBM Emas Shariah Index increased 29.18 points to 11,754.66, the FBM
70 Index gained 41.05 points to 16,871.33 and the FBM ACE Index added 16.22 points to 4,731.09.

By sector, the Financial Services Index edged up 22.47 points to 17,793.18, the Plantation Index
was 18.36 points higher at 7,326.77 and the Energy Index inched up 1.54 points to 749.25.
""")

BURSA_8 = paras("""
KUALA LUMPUR, July 8 (Bernama) -- Bursa Malaysia opened higher this morning on bargain hunting,
with the benchmark FTSE Bursa Malaysia KLCI (FBM KLCI) rising 2.35 points to 1,552.10 at 9.05 am
from yesterday's close of 1,549.75.

The index opened 0.87 of-a-point higher at 1,550.62.

On the broader market, gainers outpaced losers 164 to 121, while 198 counters were unchanged,
1,968 untraded and 22 others suspended.

Turnover stood at 87.26 million units worth RM47.91 million.

A dealer said investors were likely to remain cautious after the United States announced a 25
per cent tariff on Malaysian goods effective Aug 1, with trading expected to be range-bound for
the day.

Among heavyweights, Maybank rose two sen to RM9.90, Public Bank and CIMB added one sen each to
RM4.31 and RM7.01 respectively, Tenaga increased six sen to RM14.10, while IHH was flat at RM6.85.

Of the actives, Velesto gained half-a-sen to 20 sen, Pharmaniaga was flat at 26 sen, while
Tanco and Sapura Energy rose one sen each to RM1.07 and five sen respectively.

On the index board, the FBM Emas Index rose 17.55 points to 11,642.86, the FBMT 100 Index advanced
16.93 points to 11,414.25, the FBM Emas Shariah Index increased 12.40 points to 11,706.31, the FBM
70 Index gained 22.18 points to 16,813.02 and the FBM ACE Index added 9.74 points to 4,720.45.

By sector, the Financial Services Index edged up 15.20 points to 17,748.66, the Plantation Index
was 6.91 points higher at 7,311.40 and the Energy Index inched up 2.03 points to 746.88.
""")

add(key="bn_bursa7", **bernama("bernama_en", 2441398, section="business"),
    title="Bursa Malaysia Opens Higher", published=when("2025-07-07 09:20"), byline=None,
    body=BURSA_7, cluster="bursa-open-0707-en", story="bursa-open-0707", case="template-report",
    canonical=True, wire="bernama", section="Business",
    tags=["Bursa Malaysia", "FBM KLCI", "Stock market"])

add(key="bn_bursa8", **bernama("bernama_en", 2441951, section="business"),
    title="Bursa Malaysia Opens Higher", published=when("2025-07-08 09:18"), byline=None,
    body=BURSA_8, cluster="bursa-open-0708-en", story="bursa-open-0708", case="template-report",
    canonical=True, wire="bernama", section="Business",
    tags=["Bursa Malaysia", "FBM KLCI", "Stock market"])


# ============================================================================================
# Story 9 -- other foreign-affairs stories for volume, and one local story (floods).
# ============================================================================================

KLN_GAZA = paras("""
Malaysia mengecam sekeras-kerasnya serangan berterusan rejim Israel terhadap rakyat Palestin
yang tidak berdosa di Semenanjung Gaza, termasuk pembunuhan ke atas orang awam yang sedang
beratur untuk mendapatkan bantuan makanan di tapak-tapak pengagihan bantuan kemanusiaan.

Menurut laporan agensi-agensi Pertubuhan Bangsa-Bangsa Bersatu (PBB), lebih 600 orang telah
terbunuh berhampiran tapak pengagihan bantuan sejak akhir Mei 2025. Tindakan sedemikian
merupakan pelanggaran nyata undang-undang kemanusiaan antarabangsa dan tidak boleh dibiarkan
tanpa sebarang pertanggungjawaban.

Malaysia sekali lagi menggesa gencatan senjata segera, kekal dan tanpa syarat di Gaza, serta
akses kemanusiaan tanpa halangan ke seluruh Semenanjung Gaza melalui mekanisme PBB, termasuk
Agensi Bantuan dan Kerja PBB untuk Pelarian Palestin di Timur Dekat (UNRWA).

Malaysia turut menyeru masyarakat antarabangsa, khususnya Majlis Keselamatan PBB, untuk
mengambil tindakan tegas bagi memastikan Israel dipertanggungjawabkan atas pelanggaran
undang-undang antarabangsa yang berterusan.

Malaysia menegaskan semula pendirian teguhnya dalam menyokong hak rakyat Palestin untuk
menentukan nasib sendiri dan penubuhan Negara Palestin yang merdeka dan berdaulat berdasarkan
sempadan sebelum 1967, dengan Baitulmaqdis Timur sebagai ibu negaranya.
""")

add(key="kln_gaza",
    **kln("kenyataan-media-malaysia-mengecam-pembunuhan-rakyat-palestin-di-tapak-pengagihan-bantuan-di-gaza"),
    title="KENYATAAN MEDIA: MALAYSIA MENGECAM PEMBUNUHAN RAKYAT PALESTIN DI TAPAK PENGAGIHAN BANTUAN DI GAZA",
    published=None, feed_time=when("2025-07-08 11:05"), byline=None, body=KLN_GAZA,
    cluster="gaza-statement-ms", story="gaza-statement", case="press-release", canonical=True,
    section="Kenyataan Media",
    extra={"heading": ["KENYATAAN MEDIA", "MALAYSIA MENGECAM PEMBUNUHAN RAKYAT PALESTIN DI TAPAK "
                       "PENGAGIHAN BANTUAN DI GAZA"],
           "place": "KEMENTERIAN LUAR NEGERI\nPUTRAJAYA", "date_line": "8 Julai 2025"})

BN_GAZA = paras("""
PUTRAJAYA, July 8 (Bernama) -- Malaysia has strongly condemned the Israeli regime's continued
attacks on Palestinian civilians in the Gaza Strip, including the killing of people queuing for
food at humanitarian aid distribution sites.

In a statement today, Wisma Putra said more than 600 people had been killed near aid distribution
points since late May, according to United Nations agencies, describing the attacks as a clear
violation of international humanitarian law.

"Such actions cannot be allowed to go without accountability," the ministry said.

Malaysia reiterated its call for an immediate, permanent and unconditional ceasefire in Gaza, and
for unimpeded humanitarian access throughout the enclave through UN mechanisms, including the UN
Relief and Works Agency for Palestine Refugees in the Near East (UNRWA).

The ministry also urged the international community, particularly the UN Security Council, to
take decisive action to hold Israel accountable for its persistent violations of international
law.

Malaysia reaffirmed its steadfast support for the Palestinian people's right to
self-determination and the establishment of an independent and sovereign State of Palestine based
on the pre-1967 borders, with East Jerusalem as its capital.
""")

add(key="bn_gaza", **bernama("bernama_en", 2442187, section="world"),
    title="Malaysia Condemns Killing Of Aid Seekers In Gaza - Wisma Putra",
    published=when("2025-07-08 14:36"), byline=None, body=BN_GAZA,
    cluster="gaza-statement-en", story="gaza-statement", case="rewrite", canonical=True,
    wire="bernama", section="World",
    caption="Palestinians carry sacks of flour near an aid distribution point in the central Gaza "
            "Strip. -- fotoBERNAMA",
    tags=["Gaza", "Wisma Putra", "Palestine"])

NST_BRICS = paras("""
RIO DE JANEIRO: Malaysia believes that vaccine access, strong public health systems, and the
regulation of global medical supply chains are central to both national stability and
international security.

Prime Minister Datuk Seri Anwar Ibrahim stressed that when governments divert limited resources
from essential services such as healthcare and clean water to service historical debts, financial
systems designed to foster development instead hinder progress.

"Let us begin with a hard truth. In too much of the world, life expectancy remains shaped not by
biology, but by income.

"The fact that a child's chance of surviving past the age of five is still largely determined by
GDP per capita represents a failure for us all," he said during his intervention at the
"Environment, COP30 and Global Health" session of the 17th BRICS Leaders Summit here today.

Malaysia, he said, welcomes the launch of the BRICS Partnership for the Elimination of Socially
Determined Diseases.

"It reflects a clear understanding that disease cannot be meaningfully addressed without
tackling the conditions that entrench it," said Anwar.

The Prime Minister voiced Malaysia's support for deeper collaboration between BRICS and Asean to
strengthen surveillance, accelerate knowledge transfer, and build resilience across borders.

He also reaffirmed Malaysia's commitment to a credible and just low-carbon transition,
highlighting the country's pledge to reduce emissions intensity by 45 per cent by 2030 and to
achieve net-zero emissions by 2050.

"These targets are grounded in law and embedded across public policy," he said, noting that
Malaysia's approach is anchored in the National Energy Transition Roadmap and supported by
efforts to introduce a carbon pricing mechanism and regulatory reforms across key sectors.

However, he stressed that policy alone is not enough - transition requires capital.

"At present, international climate finance stands at roughly US$300 billion per year. This is far
short of the estimated US$3 trillion required by developing countries alone to meet mitigation
and adaptation needs by 2030," he said.

Ahead of COP30 in Belem, Brazil, this November, Anwar called for a shift "from aspiration to
execution".

"Climate justice is ultimately about allocation: of capital, of risk, and of responsibility," he
said.

Anwar arrived here on Saturday to attend the 17th BRICS Leaders' Summit hosted by Brazil at the
invitation of President Luiz Inacio Lula da Silva.
""")

add(key="nst_brics",
    **nstp("nst", "world/world", when("2025-07-08 07:35"), 1241402,
           "Malaysia stresses global health and climate equity at BRICS summit"),
    title="Malaysia stresses global health and climate equity at BRICS summit",
    published=when("2025-07-08 07:35"), byline="Zaaba Ramlan", body=NST_BRICS,
    cluster="brics-health-en", story="brics-health", case="distinct", canonical=True,
    section="World",
    caption="Prime Minister Datuk Seri Anwar Ibrahim speaks at the 'Environment, COP30 and Global "
            "Health' session of the 17th BRICS Leaders Summit in Rio de Janeiro. - BERNAMA PIC",
    tags=["BRICS", "Anwar Ibrahim", "Climate", "Global health"])

SUN_BRICS = paras("""
RIO DE JANEIRO: Prime Minister Datuk Seri Anwar Ibrahim held a series of bilateral meetings on
the sidelines of the 17th BRICS Leaders' Summit here, including with Indian Prime Minister Narendra
Modi and South African President Cyril Ramaphosa.

In a Facebook post, Anwar said his meeting with Modi touched on trade, investment and cooperation
in digital technology and the semiconductor industry, as well as the situation in the Middle East.

With Ramaphosa, he discussed expanding trade between Malaysia and South Africa, particularly in
halal products, renewable energy and aerospace, and the two leaders agreed to encourage more
business delegations between both countries.

Anwar also met Vietnamese Prime Minister Pham Minh Chinh, with whom he discussed preparations for
the Asean foreign ministers' meetings in Kuala Lumpur this week, as well as World Trade
Organisation (WTO) director-general Dr Ngozi Okonjo-Iweala.

Malaysia is attending the summit as a BRICS partner country and as this year's Asean chair.
""")

add(key="sun_brics",
    **thesun("world-news", "Anwar meets Modi, Ramaphosa on BRICS sidelines", "BL13951180"),
    title="Anwar meets Modi, Ramaphosa on BRICS sidelines",
    published=when("2025-07-07 10:30"), byline="BERNAMA", body=SUN_BRICS,
    cluster="anwar-brics-bilaterals-en", story="anwar-brics-bilaterals", case="distinct",
    canonical=True, wire="bernama", section="World News",
    caption="Prime Minister Datuk Seri Anwar Ibrahim with Indian Prime Minister Narendra Modi in Rio de "
            "Janeiro. – BERNAMApix",
    tags=["Anwar Ibrahim", "BRICS", "India", "South Africa"])

MM_FLOODS = paras("""
GEORGE TOWN, July 7 — Flash floods struck several low-lying areas in Penang this afternoon after a
three-hour downpour, forcing 87 people from 24 families to be evacuated to a temporary relief
centre.

A spokesman for the Penang Civil Defence Force (APM) said the affected areas included Jalan Dato
Keramat, Jalan Perak, Sungai Pinang and parts of Bayan Lepas.

The victims were placed at the relief centre at Dewan Serbaguna Sungai Pinang, which was opened at
5pm.

“Water levels rose to about half a metre in some housing areas within an hour. Most residents were
able to move their belongings upstairs, but several cars were trapped,” he said.

The Fire and Rescue Department said it received 11 distress calls between 2.30pm and 5pm,
including reports of fallen trees at Jalan Masjid Negeri and Lebuhraya Tun Dr Lim Chong Eu.

The Malaysian Meteorological Department (MetMalaysia) earlier issued a warning of thunderstorms,
heavy rain and strong winds for Penang, Kedah and Perak until 8pm today.

Penang Chief Minister Chow Kon Yeow said the state government would assess the drainage capacity
in the affected areas, some of which have flooded repeatedly this year.
""")

add(key="mm_floods",
    **malaymail("malaysia", when("2025-07-07 19:25"),
                "Flash floods hit Penang after three-hour downpour, 87 evacuated", 182208),
    title="Flash floods hit Penang after three-hour downpour, 87 evacuated",
    published=when("2025-07-07 19:25"), byline="Tan Sue Lin", body=MM_FLOODS,
    cluster="penang-floods-en", story="penang-floods", case="distinct", canonical=True,
    section="Malaysia",
    caption="Residents wade through floodwaters in Sungai Pinang, George Town July 7, 2025. — Picture by "
            "Sayuti Zainudin",
    tags=["penang", "flash floods", "apm"])


# ============================================================================================
# Renderers: one per outlet layout. Each keeps its outlet's layout identical across its pages.
# Links to other stories point at the real outlets' URLs, as they would on the real pages.
# ============================================================================================

def resolve_link(item) -> tuple[str, str]:
    """A (title, url) pair, or the key of a page on the site."""
    if isinstance(item, str):
        other = by_key(item)
        return other.title, other.canonical_url
    return item


def others_from(a: Article, n: int = 5, source_ids: tuple[str, ...] | None = None) -> list[Article]:
    """The outlet's other stories, newest first: its 'Latest' box."""
    ids = source_ids or (a.source_id,)
    pool = [o for o in ARTICLES if o.source_id in ids and o.key != a.key]
    pool.sort(key=lambda o: (o.when, o.key), reverse=True)
    return pool[:n]


def first_sentence(text: str, limit: int = 220) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + "..."


# Headlines the outlets' sidebars carry besides the demo's own stories (no pages behind them).
FILLER = {
    "bernama": [
        ("Ringgit Opens Higher Against US Dollar", "https://www.bernama.com/en/business/news.php?id=2441950"),
        ("Weather: Thunderstorms Expected In Several States This Evening - MetMalaysia",
         "https://www.bernama.com/en/general/news.php?id=2441990"),
        ("Harimau Malaya Named In Final Squad For Asian Cup Qualifier",
         "https://www.bernama.com/en/sports/news.php?id=2441873"),
        ("Fahmi: Govt To Table Online Safety Regulations Before Year End",
         "https://www.bernama.com/en/politics/news.php?id=2441930"),
    ],
    "nst": [
        ("Six nabbed over online investment scam involving RM3.2 million", "https://www.nst.com.my/news/crime-courts/2025/07/1241488/six-nabbed-over-online-investment-scam-involving-rm32-million"),
        ("Harimau Malaya coach names 25 for Asian Cup qualifier", "https://www.nst.com.my/sports/football/2025/07/1241463/harimau-malaya-coach-names-25-asian-cup-qualifier"),
        ("Ringgit opens higher against US dollar", "https://www.nst.com.my/business/economy/2025/07/1241447/ringgit-opens-higher-against-us-dollar"),
        ("Flash floods hit Penang after heavy downpour", "https://www.nst.com.my/news/nation/2025/07/1241351/flash-floods-hit-penang-after-heavy-downpour"),
    ],
    "thestar": [
        ("Ringgit opens higher against US dollar", "https://www.thestar.com.my/business/business-news/2025/07/08/ringgit-opens-higher-against-us-dollar"),
        ("Cops bust syndicate behind RM3.2mil investment scam", "https://www.thestar.com.my/news/nation/2025/07/08/cops-bust-syndicate-behind-rm32mil-investment-scam"),
        ("Penang flash floods: Over 80 evacuated after three-hour downpour", "https://www.thestar.com.my/metro/metro-news/2025/07/07/penang-flash-floods-over-80-evacuated-after-three-hour-downpour"),
        ("Harimau Malaya squad named for Asian Cup qualifier", "https://www.thestar.com.my/sport/football/2025/07/08/harimau-malaya-squad-named-for-asian-cup-qualifier"),
    ],
    "malaymail": [
        ("Ringgit opens higher against greenback as investors weigh US tariff letter", "https://www.malaymail.com/news/money/2025/07/08/ringgit-opens-higher-against-greenback-as-investors-weigh-us-tariff-letter/182301"),
        ("Cops nab six over RM3.2m online investment scam in Selangor", "https://www.malaymail.com/news/malaysia/2025/07/08/cops-nab-six-over-rm32m-online-investment-scam-in-selangor/182322"),
        ("Five new eateries to try in Bangsar this month", "https://www.malaymail.com/news/eat-drink/2025/07/08/five-new-eateries-to-try-in-bangsar-this-month/182288"),
    ],
    "thesun": [
        ("Ringgit opens higher against US dollar", "https://thesun.my/business-news/ringgit-opens-higher-against-us-dollar-QK13958101"),
        ("Harimau Malaya squad named for Asian Cup qualifier", "https://thesun.my/sports-news/harimau-malaya-squad-named-for-asian-cup-qualifier-ZP13957766"),
        ("Six held over RM3.2 million investment scam", "https://thesun.my/malaysia-news/six-held-over-rm3-2-million-investment-scam-TA13958022"),
    ],
    "beritaharian": [
        ("Ringgit dibuka tinggi berbanding dolar AS", "https://www.bharian.com.my/bisnes/pasaran/2025/07/1418351/ringgit-dibuka-tinggi-berbanding-dolar"),
        ("Enam ditahan terbabit sindiket pelaburan palsu RM3.2 juta", "https://www.bharian.com.my/berita/kes/2025/07/1418399/enam-ditahan-terbabit-sindiket-pelaburan-palsu-rm32-juta"),
        ("Banjir kilat landa beberapa kawasan di Pulau Pinang", "https://www.bharian.com.my/berita/nasional/2025/07/1418222/banjir-kilat-landa-beberapa-kawasan-pulau-pinang"),
        ("Harimau Malaya umum skuad akhir kelayakan Piala Asia", "https://www.bharian.com.my/sukan/bola/2025/07/1418408/harimau-malaya-umum-skuad-akhir-kelayakan-piala-asia"),
    ],
    "sinchew": [
        ("令吉兑美元开市走高", "https://www.sinchew.com.my/news/20250708/finance/6741120"),
        ("槟城闪电水灾 87人疏散", "https://www.sinchew.com.my/news/20250707/nation/6740377"),
        ("网络投资骗局 6人被捕 涉款320万", "https://www.sinchew.com.my/news/20250708/nation/6741188"),
        ("大马足球队公布亚洲杯外围赛25人名单", "https://www.sinchew.com.my/news/20250708/sports/6741066"),
    ],
    "vietnamplus": [
        ("Giá vàng hôm nay tiếp tục tăng nhẹ", "https://www.vietnamplus.vn/gia-vang-hom-nay-tiep-tuc-tang-nhe-post1048760.vnp"),
        ("Thủ tướng Phạm Minh Chính dự Hội nghị thượng đỉnh BRICS mở rộng", "https://www.vietnamplus.vn/thu-tuong-pham-minh-chinh-du-hoi-nghi-thuong-dinh-brics-mo-rong-post1048402.vnp"),
        ("Hà Nội: Mưa lớn gây ngập cục bộ nhiều tuyến phố", "https://www.vietnamplus.vn/ha-noi-mua-lon-gay-ngap-cuc-bo-nhieu-tuyen-pho-post1048733.vnp"),
    ],
    "antara": [
        ("Rupiah menguat di tengah kekhawatiran tarif AS", "https://www.antaranews.com/berita/4950077/rupiah-menguat-di-tengah-kekhawatiran-tarif-as"),
        ("Timnas Indonesia U-23 gelar pemusatan latihan di Bali", "https://www.antaranews.com/berita/4950201/timnas-indonesia-u-23-gelar-pemusatan-latihan-di-bali"),
        ("BMKG: Sebagian wilayah Indonesia berpotensi hujan lebat", "https://www.antaranews.com/berita/4949990/bmkg-sebagian-wilayah-indonesia-berpotensi-hujan-lebat"),
    ],
    "daily8": [
        ("Ringgit opens higher against US dollar", "https://www.daily8.com/news/my/2025/07/08/ringgit-opens-higher-against-us-dollar-77b1e0"),
        ("Harimau Malaya squad named for Asian Cup qualifier", "https://www.daily8.com/news/my/2025/07/08/harimau-malaya-squad-named-for-asian-cup-qualifier-9d3aa2"),
    ],
    "kln": [
        ("KENYATAAN MEDIA: LAWATAN RASMI MENTERI LUAR NEGERI KE REPUBLIK RAKYAT CHINA", "https://www.kln.gov.my/web/guest/-/kenyataan-media-lawatan-rasmi-menteri-luar-negeri-ke-republik-rakyat-china"),
        ("KENYATAAN MEDIA: NASIHAT PERJALANAN KE REPUBLIK ISLAM IRAN", "https://www.kln.gov.my/web/guest/-/kenyataan-media-nasihat-perjalanan-ke-republik-islam-iran"),
    ],
}


def filler_for(profile: str, n: int = 4) -> list[tuple[str, str]]:
    return FILLER.get(profile, [])[:n]


# ---- Bernama (en / ms / zh): Bootstrap, no JSON-LD, no article:published_time --------------

BERNAMA_L10N = {
    "en": dict(dir="en", home="Home", latest="Latest News", popular="Most Popular",
               related="Related News", by="By", signoff="-- BERNAMA", today="Tuesday, 08 July 2025",
               nav=["General", "Business", "Politics", "World", "Features", "Sports", "Videos",
                    "Infographics", "ASEAN 2025"],
               boilerplate=("BERNAMA provides up-to-date authentic and comprehensive news and "
                            "information which are disseminated via BERNAMA Wires; www.bernama.com; "
                            "BERNAMA TV on Astro 502, unifi TV 631 and MYTV 121 channels and BERNAMA "
                            "Radio on FM93.9 (Klang Valley), FM107.5 (Johor Bahru), FM107.9 (Kota "
                            "Kinabalu) and FM100.9 (Kuching) frequencies."),
               follow="Follow us on social media:",
               copyright="Copyright © 2025 BERNAMA. All rights reserved."),
    "ms": dict(dir="bm", home="Utama", latest="Berita Terkini", popular="Paling Popular",
               related="Berita Berkaitan", by="Oleh", signoff="-- BERNAMA", today="Selasa, 08 Julai 2025",
               nav=["Am", "Ekonomi", "Politik", "Dunia", "Rencana", "Sukan", "Video", "Infografik",
                    "ASEAN 2025"],
               boilerplate=("BERNAMA menyediakan informasi dan berita terbaharu yang sahih dan "
                            "komprehensif yang disebarkan melalui Perkhidmatan Berita Bernama; "
                            "www.bernama.com; BERNAMA TV di saluran Astro 502, unifi TV 631 dan MYTV "
                            "121 dan Radio BERNAMA di frekuensi FM93.9 (Lembah Klang), FM107.5 (Johor "
                            "Bahru), FM107.9 (Kota Kinabalu) dan FM100.9 (Kuching)."),
               follow="Ikuti kami di media sosial:",
               copyright="Hak Cipta © 2025 BERNAMA. Hak cipta terpelihara."),
    "zh": dict(dir="zh", home="首页", latest="最新新闻", popular="热门新闻", related="相关新闻",
               by="", signoff="--马新社", today="2025年7月8日 星期二",
               nav=["国内", "财经", "政治", "国际", "专题", "体育", "视频", "图表", "东盟2025"],
               boilerplate=("马新社通过马新社专线、www.bernama.com、Astro 502频道、unifi TV 631频道与"
                            "MYTV 121频道的马新社电视台，以及巴生谷FM93.9、新山FM107.5、亚庇FM107.9和"
                            "古晋FM100.9频率的马新社电台，提供最新、真实与全面的新闻和资讯。"),
               follow="关注我们的社交媒体：",
               copyright="版权所有 © 2025 马新社"),
}


BERNAMA_SECTIONS = ["general", "business", "politics", "world", "features", "sports", "videos",
                    "infographics", "asean2025"]


def bernama_date(t: dt.datetime) -> str:
    return f"{t:%d/%m/%Y} {t.hour % 12 or 12:02d}:{t.minute:02d} {'AM' if t.hour < 12 else 'PM'}"


def render_bernama(a: Article) -> str:
    L = BERNAMA_L10N[a.language]
    news_id = a.canonical_url.rsplit("=", 1)[1]
    desc = esc(first_sentence(a.body[0], 160))
    nav = "\n".join(f'          <li class="nav-item"><a class="nav-link" href="/{L["dir"]}/{slug}/">{esc(item)}</a></li>'
                    for item, slug in zip(L["nav"], BERNAMA_SECTIONS))
    figure = ""
    if a.caption:
        figure = f"""
          <div class="text-center mb-3">
            <img src="https://www.bernama.com/{L['dir']}/images/news/{news_id}_01.jpg" class="img-fluid rounded" alt="{attr(a.title)}">
            <p class="text-secondary small mt-1 text-left">{esc(a.caption)} -- fotoBERNAMA (2025) COPYRIGHT RESERVED</p>
          </div>"""
    body_html = []
    for i, p in enumerate(a.body):
        body_html.append(f"          <p>{esc(p)}</p>")
        if i == 2:
            body_html.append('          <div class="text-center my-3"><div id="div-gpt-ad-1587016834567-0" style="min-width:300px;min-height:250px"><script>googletag.cmd.push(function(){googletag.display("div-gpt-ad-1587016834567-0");});</script></div></div>')
    byline = (f'<div class="text-secondary"><span class="by">{esc(L["by"])} {esc(a.byline)}</span></div>'
              if a.byline else "")
    latest = "\n".join(
        f'            <li class="list-group-item"><a href="{attr(o.canonical_url)}">{esc(o.title)}</a><div class="small text-secondary">{bernama_date(o.when)}</div></li>'
        for o in others_from(a, 5))
    popular = "\n".join(f'            <li class="list-group-item"><a href="{attr(u)}">{esc(t)}</a></li>'
                        for t, u in filler_for("bernama"))
    related = "\n".join(
        f'          <div class="col-6 col-md-3 mb-3"><a href="{attr(o.canonical_url)}"><img class="img-fluid rounded" src="https://www.bernama.com/{L["dir"]}/images/news/{o.canonical_url.rsplit("=", 1)[1]}_s.jpg" alt=""><h6 class="mt-2">{esc(o.title)}</h6></a></div>'
        for o in others_from(a, 4))
    return f"""<!DOCTYPE html>
<html lang="{a.language}">
<head>
  <meta charset="utf-8">
  <meta http-equiv="X-UA-Compatible" content="IE=edge">
  <meta name="viewport" content="width=device-width, initial-scale=1, shrink-to-fit=no">
  <title>BERNAMA - {esc(a.title)}</title>
  <meta name="description" content="{desc}">
  <meta name="keywords" content="{attr(', '.join(a.tags))}">
  <meta property="og:site_name" content="BERNAMA">
  <meta property="og:title" content="{attr(a.title)}">
  <meta property="og:description" content="{desc}">
  <meta property="og:url" content="{attr(a.canonical_url)}">
  <meta property="og:image" content="https://www.bernama.com/{L['dir']}/images/news/{news_id}_01.jpg">
  <meta name="twitter:card" content="summary_large_image">
  <meta name="twitter:site" content="@bernamadotcom">
  <link rel="canonical" href="{attr(a.canonical_url)}">
  <link rel="icon" href="/{L['dir']}/images/favicon.ico">
  <link rel="stylesheet" href="/{L['dir']}/css/bootstrap.min.css">
  <link rel="stylesheet" href="/{L['dir']}/css/style.css?v=3.1.4">
  <script async src="https://www.googletagmanager.com/gtag/js?id=G-Q4VZPM1XC2"></script>
  <script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}} gtag('js', new Date()); gtag('config', 'G-Q4VZPM1XC2');</script>
  <script async src="https://securepubads.g.doubleclick.net/tag/js/gpt.js"></script>
  <script>window.googletag = window.googletag || {{cmd: []}};</script>
</head>
<body>
  <div class="container-fluid bg-dark d-none d-lg-block" id="topbar">
    <div class="container">
      <div class="row">
        <div class="col-6 small text-white py-1">{esc(L['today'])}</div>
        <div class="col-6 small py-1"><ul class="list-inline float-right mb-0">
          <li class="list-inline-item"><a class="text-white" href="/bm/">BM</a></li>
          <li class="list-inline-item"><a class="text-white" href="/en/">English</a></li>
          <li class="list-inline-item"><a class="text-white" href="/zh/">中文</a></li>
          <li class="list-inline-item"><a class="text-white" href="/ar/">عربي</a></li>
          <li class="list-inline-item"><a class="text-white" href="/es/">Español</a></li>
        </ul></div>
      </div>
    </div>
  </div>
  <nav class="navbar navbar-expand-lg navbar-light bg-white border-bottom sticky-top">
    <div class="container">
      <a class="navbar-brand" href="/{L['dir']}/"><img src="/{L['dir']}/images/logo_bernama.png" height="40" alt="BERNAMA"></a>
      <button class="navbar-toggler" type="button" data-toggle="collapse" data-target="#mainNav" aria-label="Menu"><span class="navbar-toggler-icon"></span></button>
      <div class="collapse navbar-collapse" id="mainNav">
        <ul class="navbar-nav mr-auto">
{nav}
        </ul>
        <form class="form-inline" action="/{L['dir']}/search.php"><input class="form-control form-control-sm" type="search" name="terms" aria-label="Search"></form>
      </div>
    </div>
  </nav>
  <div class="container mt-3">
    <div class="text-center mb-3"><div id="div-gpt-ad-1587016700001-0" style="min-height:90px"><script>googletag.cmd.push(function(){{googletag.display("div-gpt-ad-1587016700001-0");}});</script></div></div>
    <div class="row">
      <div class="col-12 col-sm-12 col-md-12 col-lg-8">
        <nav aria-label="breadcrumb"><ol class="breadcrumb bg-white px-0">
          <li class="breadcrumb-item"><a href="/{L['dir']}/">{esc(L['home'])}</a></li>
          <li class="breadcrumb-item active" aria-current="page">{esc(a.section)}</li>
        </ol></nav>
        <h1 class="h2">{esc(a.title)}</h1>
        <div class="row">
          <div class="col-6 mt-3 mb-3">
            {byline}
            <div class="share-buttons mt-2">
              <a class="btn btn-sm btn-facebook" href="https://www.facebook.com/sharer/sharer.php?u={esc(a.canonical_url)}" target="_blank" rel="noopener" aria-label="Facebook"><i class="fa fa-facebook"></i></a>
              <a class="btn btn-sm btn-twitter" href="https://twitter.com/intent/tweet?url={esc(a.canonical_url)}" target="_blank" rel="noopener" aria-label="X"><i class="fa fa-twitter"></i></a>
              <a class="btn btn-sm btn-whatsapp" href="https://api.whatsapp.com/send?text={esc(a.canonical_url)}" target="_blank" rel="noopener" aria-label="WhatsApp"><i class="fa fa-whatsapp"></i></a>
              <a class="btn btn-sm btn-telegram" href="https://t.me/share/url?url={esc(a.canonical_url)}" target="_blank" rel="noopener" aria-label="Telegram"><i class="fa fa-telegram"></i></a>
            </div>
          </div>
          <div class="col-6 mt-3 mb-3 text-right">{bernama_date(a.published)}</div>
        </div>
        <div class="col-12 mt-3 text-dark text-justify px-0" id="topstory">{figure}
{chr(10).join(body_html)}
          <p>{esc(L['signoff'])}</p>
          <p class="text-secondary small">{esc(L['boilerplate'])}</p>
          <p class="small">{esc(L['follow'])}<br>Facebook : @bernamaofficial, @bernamatv, @bernamaradio<br>X : @bernama.com, @BernamaTV, @bernamaradio<br>Instagram : @bernamaofficial, @bernamatvofficial, @bernamaradioofficial<br>TikTok : @bernamaofficial</p>
        </div>
        <div class="row mt-2">
          <div class="col-12"><span class="badge badge-light">{'</span> <span class="badge badge-light">'.join(esc(t) for t in a.tags)}</span></div>
        </div>
        <div class="mt-4">
          <h5 class="border-bottom pb-2">{esc(L['related'])}</h5>
          <div class="row">
{related}
          </div>
        </div>
      </div>
      <div class="col-12 col-lg-4">
        <div class="text-center mb-3"><div id="div-gpt-ad-1587016700002-0" style="min-height:250px"><script>googletag.cmd.push(function(){{googletag.display("div-gpt-ad-1587016700002-0");}});</script></div></div>
        <div class="card mb-3">
          <div class="card-header font-weight-bold">{esc(L['latest'])}</div>
          <ul class="list-group list-group-flush">
{latest}
          </ul>
        </div>
        <div class="card mb-3">
          <div class="card-header font-weight-bold">{esc(L['popular'])}</div>
          <ul class="list-group list-group-flush">
{popular}
          </ul>
        </div>
      </div>
    </div>
  </div>
  <footer class="bg-dark text-white mt-5 py-4">
    <div class="container">
      <div class="row">
        <div class="col-md-4"><img src="/{L['dir']}/images/logo_bernama_white.png" height="36" alt="BERNAMA"><p class="small mt-2">Wisma BERNAMA, No.28, Jalan BERNAMA, Off Jalan Tun Razak, 50400 Kuala Lumpur, Malaysia</p></div>
        <div class="col-md-4 small"><a class="text-white" href="/{L['dir']}/about_us.php">About Us</a> | <a class="text-white" href="/{L['dir']}/contact_us.php">Contact Us</a> | <a class="text-white" href="/{L['dir']}/privacy_policy.php">Privacy Policy</a> | <a class="text-white" href="/{L['dir']}/rssfeed.php">RSS</a></div>
        <div class="col-md-4 small">{esc(L['copyright'])}</div>
      </div>
    </div>
  </footer>
  <script src="/{L['dir']}/js/jquery-3.5.1.min.js"></script>
  <script src="/{L['dir']}/js/bootstrap.bundle.min.js"></script>
</body>
</html>
"""


# ---- NSTP (New Straits Times, Berita Harian): one CMS, two mastheads -----------------------

NSTP = {
    "nst": dict(name="New Straits Times", short="NST", lang="en", host="https://www.nst.com.my",
                months=EN_MONTHS, by="By", read_more="READ MORE:", tags="Tags",
                related="Related Articles", latest="Latest", most_read="Most Read",
                comments="Comments", newsletter_h="Get the latest news delivered to your inbox",
                newsletter_p="Sign up for our newsletter and never miss a story.",
                newsletter_btn="Subscribe",
                nav=[("News", "/news"), ("Business", "/business"), ("Sports", "/sports"),
                     ("World", "/world"), ("Lifestyle", "/lifestyle"), ("Opinion", "/opinion"),
                     ("Property", "/property"), ("Videos", "/videos"), ("Podcast", "/podcast")],
                home="Home", footer="© 2025 New Straits Times Press (M) Bhd. All rights reserved."),
    "beritaharian": dict(name="Berita Harian", short="BH", lang="ms", host="https://www.bharian.com.my",
                         months=MS_MONTHS, by="Oleh", read_more="BACA JUGA:", tags="Tag",
                         related="Artikel Berkaitan", latest="Terkini", most_read="Paling Popular",
                         comments="Komen", newsletter_h="Dapatkan berita terkini terus ke e-mel anda",
                         newsletter_p="Langgan surat berita BH secara percuma.",
                         newsletter_btn="Langgan",
                         nav=[("Berita", "/berita"), ("Bisnes", "/bisnes"), ("Sukan", "/sukan"),
                              ("Dunia", "/dunia"), ("Hiburan", "/hiburan"), ("Rencana", "/rencana"),
                              ("Wanita", "/wanita"), ("Hujung Minggu", "/hujung-minggu"),
                              ("Video", "/video")],
                         home="Utama",
                         footer="© 2025 The New Straits Times Press (M) Bhd. Hak cipta terpelihara."),
}


def nstp_date(t: dt.datetime, months: list[str]) -> str:
    return f"{months[t.month - 1]} {t.day}, {t.year} @ {clock12(t, space=False, upper=False)}"


def render_nstp(a: Article) -> str:
    S = NSTP[a.source_id]
    node = a.canonical_url.split("/")[-2]
    img = f"{S['host']}/_next/image?url=https%3A%2F%2Fassets.{S['host'][12:]}%2Fimages%2Farticles%2F{node}_1.jpg&w=1080&q=75"
    desc = first_sentence(a.body[0], 200)
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": a.canonical_url},
        "headline": a.title,
        "description": desc,
        "image": [img],
        "datePublished": iso(a.published),
        "dateModified": iso(a.published + dt.timedelta(minutes=7)),
        "author": [{"@type": "Person", "name": a.byline,
                    "url": f"{S['host']}/authors/{slugify(a.byline)}"}] if a.byline else [],
        "publisher": {"@type": "Organization", "name": S["name"],
                      "logo": {"@type": "ImageObject", "url": f"{S['host']}/images/logo-{S['short'].lower()}.png"}},
        "articleSection": a.section,
        "keywords": a.tags,
        "inLanguage": S["lang"],
    }
    crumbs = {
        "@context": "https://schema.org", "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": S["home"], "item": S["host"] + "/"},
            {"@type": "ListItem", "position": 2, "name": a.section,
             "item": S["host"] + "/" + "/".join(a.canonical_url.split("/")[3:5])},
        ],
    }
    read_more = a.extra.get("read_more", [])
    after = a.extra.get("read_more_after", -1)
    body = []
    for i, p in enumerate(a.body):
        body.append(f"          <p>{esc(p)}</p>")
        if i == 1:
            body.append(f'          <div class="inline-ad ads-inarticle"><div id="div-gpt-ad-{S["short"].lower()}-inarticle-1"><script>googletag.cmd.push(function(){{googletag.display("div-gpt-ad-{S["short"].lower()}-inarticle-1");}});</script></div></div>')
        if i == after:
            for item in read_more:
                title, url = resolve_link(item)
                body.append(f'          <p><strong>{esc(S["read_more"])} </strong><a href="{attr(url)}">{esc(title)}</a></p>')
    if a.extra.get("signoff"):
        body.append(f"          <p>{esc(a.extra['signoff'])}</p>")
    author = ""
    if a.byline:
        author = (f'<div class="author d-flex align-items-center"><img class="author-img rounded-circle" '
                  f'src="{S["host"]}/images/authors/{slugify(a.byline)}.png" width="32" height="32" alt="">'
                  f'<span>{S["by"]} <a href="/authors/{slugify(a.byline)}">{esc(a.byline)}</a></span></div>')
    nav = "".join(f'<li class="nav-item"><a class="nav-link" href="{u}">{esc(t)}</a></li>' for t, u in S["nav"])
    latest = "\n".join(
        f'            <li><a href="{attr(o.canonical_url)}">{esc(o.title)}</a></li>' for o in others_from(a, 4))
    most_read = "\n".join(
        f'            <li><a href="{attr(u)}">{esc(t)}</a></li>' for t, u in filler_for(a.source_id))
    related = "\n".join(
        f'          <div class="col-6 col-md-3"><a class="article-teaser" href="{attr(o.canonical_url)}"><img src="{S["host"]}/images/thumbs/{o.canonical_url.split("/")[-2]}.jpg" alt=""><h3 class="teaser-title">{esc(o.title)}</h3></a></div>'
        for o in others_from(a, 4))
    tags = " ".join(f'<a class="tag" href="/tags/{slugify(t)}">{esc(t)}</a>' for t in a.tags)
    caption = ""
    if a.caption:
        caption = f"""
        <figure class="article-image mb-3">
          <img class="img-fluid" src="{attr(img)}" alt="{attr(a.caption)}">
          <figcaption class="article-caption">{esc(a.caption)}</figcaption>
        </figure>"""
    return f"""<!DOCTYPE html>
<html lang="{S['lang']}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{esc(a.title)} | {S['name']}</title>
  <meta name="description" content="{attr(desc)}">
  <meta name="keywords" content="{attr(', '.join(a.tags))}">
  <link rel="canonical" href="{attr(a.canonical_url)}">
  <meta property="og:site_name" content="{S['name']}">
  <meta property="og:type" content="article">
  <meta property="og:title" content="{attr(a.title)}">
  <meta property="og:description" content="{attr(desc)}">
  <meta property="og:url" content="{attr(a.canonical_url)}">
  <meta property="og:image" content="{attr(img)}">
  <meta property="article:published_time" content="{iso(a.published)}">
  <meta property="article:modified_time" content="{iso(a.published + dt.timedelta(minutes=7))}">
  <meta property="article:section" content="{attr(a.section)}">
  <meta property="article:author" content="{attr(a.byline or S['name'])}">
  <meta name="twitter:card" content="summary_large_image">
  {jsonld(ld)}
  {jsonld(crumbs)}
  <link rel="stylesheet" href="/_next/static/css/3f1c0b8a9e2d.css">
  <script async src="https://securepubads.g.doubleclick.net/tag/js/gpt.js"></script>
  <script>window.googletag = window.googletag || {{cmd: []}};</script>
</head>
<body class="page-article">
  <div class="ads ads-leaderboard text-center"><div id="div-gpt-ad-{S['short'].lower()}-leaderboard"><script>googletag.cmd.push(function(){{googletag.display("div-gpt-ad-{S['short'].lower()}-leaderboard");}});</script></div></div>
  <header class="site-header">
    <div class="header-top container d-flex align-items-center">
      <a class="site-logo" href="/"><img src="/images/logo-{S['short'].lower()}.svg" alt="{S['name']}" height="40"></a>
      <div class="ml-auto header-actions"><a class="btn btn-sm btn-subscribe" href="https://subscribe.{S['host'][12:]}">Subscribe</a> <a class="btn btn-sm btn-outline" href="/login">Log in</a></div>
    </div>
    <nav class="main-nav"><div class="container"><ul class="nav">{nav}</ul></div></nav>
  </header>
  <main class="main-content">
    <div class="container">
      <div class="row">
        <div class="col-lg-8">
          <article class="article">
            <div class="article-category"><a href="/{'/'.join(a.canonical_url.split('/')[3:5])}">{esc(a.section)}</a></div>
            <h1 class="page-title mb-2">{esc(a.title)}</h1>
            <div class="article-meta mb-2 mb-lg-0 d-flex align-items-center">
              {author}
              <div class="ml-auto created text-nowrap">{nstp_date(a.published, S['months'])}</div>
            </div>
            <div class="article-share d-flex">
              <a class="share-facebook" href="https://www.facebook.com/sharer/sharer.php?u={esc(a.canonical_url)}" aria-label="Facebook"></a>
              <a class="share-x" href="https://x.com/intent/post?url={esc(a.canonical_url)}" aria-label="X"></a>
              <a class="share-whatsapp" href="https://wa.me/?text={esc(a.canonical_url)}" aria-label="WhatsApp"></a>
              <a class="share-telegram" href="https://t.me/share/url?url={esc(a.canonical_url)}" aria-label="Telegram"></a>
              <button class="share-copy" type="button" aria-label="Copy link"></button>
            </div>{caption}
            <div class="article-content">
              <div class="field field-body">
{chr(10).join(body)}
              </div>
            </div>
            <div class="article-tags"><span class="label">{S['tags']}:</span> {tags}</div>
            <div class="newsletter-signup">
              <h4>{esc(S['newsletter_h'])}</h4>
              <p>{esc(S['newsletter_p'])}</p>
              <form action="/newsletter" method="post"><input type="email" name="email" placeholder="Email"><button type="submit">{esc(S['newsletter_btn'])}</button></form>
            </div>
            <div class="article-comments">
              <h4>{S['comments']}</h4>
              <div class="fb-comments" data-href="{attr(a.canonical_url)}" data-numposts="5"></div>
            </div>
          </article>
          <section class="related-articles mt-4">
            <h2 class="section-title">{S['related']}</h2>
            <div class="row">
{related}
            </div>
          </section>
        </div>
        <aside class="col-lg-4 sidebar">
          <div class="ads ads-mrec"><div id="div-gpt-ad-{S['short'].lower()}-mrec"></div></div>
          <div class="widget widget-latest">
            <h3 class="widget-title">{S['latest']}</h3>
            <ul>
{latest}
            </ul>
          </div>
          <div class="widget widget-most-read">
            <h3 class="widget-title">{S['most_read']}</h3>
            <ol>
{most_read}
            </ol>
          </div>
        </aside>
      </div>
    </div>
  </main>
  <footer class="site-footer">
    <div class="container">
      <ul class="footer-links"><li><a href="/about-us">About Us</a></li><li><a href="/contact-us">Contact Us</a></li><li><a href="/privacy-policy">Privacy Policy</a></li><li><a href="/terms-of-use">Terms of Use</a></li><li><a href="/feed">RSS</a></li></ul>
      <p class="copyright">{esc(S['footer'])}</p>
    </div>
  </footer>
  <script src="/_next/static/chunks/main-6d1f2c.js" defer></script>
</body>
</html>
"""


# ---- The Star -----------------------------------------------------------------------------

def star_date(t: dt.datetime) -> tuple[str, str]:
    return f"{EN_DAYS[t.weekday()]}, {t:%d} {EN_MONTHS[t.month - 1][:3]} {t.year}", f"{clock12(t)} MYT"


def render_thestar(a: Article) -> str:
    day, clock = star_date(a.published)
    section_path = "/".join(a.canonical_url.split("/")[3:-4])
    img = f"https://apicms.thestar.com.my/uploads/images/2025/07/08/{abs(hash_key(a.key)) % 3000000 + 3400000}.jpg"
    desc = first_sentence(a.body[0], 200)
    ld = {
        "@context": "http://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": a.canonical_url},
        "headline": a.title,
        "description": desc,
        "image": {"@type": "ImageObject", "url": img, "width": 1200, "height": 630},
        "datePublished": iso(a.published),
        "dateModified": iso(a.published),
        "author": ({"@type": "Person", "name": a.byline} if a.byline
                   else {"@type": "Organization", "name": "The Star"}),
        "publisher": {"@type": "Organization", "name": "The Star",
                      "logo": {"@type": "ImageObject", "url": "https://www.thestar.com.my/Themes/img/logo.png"}},
        "isAccessibleForFree": True,
    }
    quote_index = a.extra.get("quote_index")
    body = []
    for i, p in enumerate(a.body):
        if i == quote_index:
            body.append(f"    <blockquote><p>{esc(p)}</p></blockquote>")
        else:
            body.append(f"    <p>{esc(p)}</p>")
        if i == 1 and len(a.body) > 3:
            rel = others_from(a, 2)
            items = "".join(f'<li><a href="{attr(o.canonical_url)}">{esc(o.title)}</a></li>' for o in rel)
            body.append(f'    <div class="plugin-related related-article-box"><h4>Related stories:</h4><ul>{items}</ul></div>')
        if i == 2:
            body.append('    <div class="inArticleAd ads-inread"><div id="div-gpt-ad-inread-1"><script>googletag.cmd.push(function(){googletag.display("div-gpt-ad-inread-1");});</script></div></div>')
    if a.extra.get("author_bio"):
        body.append(f"    <p><i>{esc(a.extra['author_bio'])}</i></p>")
    if a.extra.get("disclaimer"):
        body.append(f"    <p><i>{esc(a.extra['disclaimer'])}</i></p>")
    credit = ""
    if a.byline:
        credit = (f'<div class="credit"><a class="credit__authors" href="/authors?q={esc(a.byline.replace(" ", "+"))}">'
                  f'By {esc(a.byline)}</a></div>')
    column = ""
    if a.extra.get("column"):
        column = f'<div class="column-name"><a href="/opinion/columnists/{slugify(a.extra["column"])}">{esc(a.extra["column"])}</a></div>'
    tags = " , ".join(f'<a href="/tag/{slugify(t)}" class="tag">{esc(t)}</a>' for t in a.tags)
    trending = "\n".join(f'          <li><a href="{attr(u)}">{esc(t)}</a></li>' for t, u in filler_for("thestar"))
    tiles = "\n".join(
        f'        <div class="col-sm-3 story-tile"><a href="{attr(o.canonical_url)}"><img src="https://apicms.thestar.com.my/uploads/images/2025/07/08/thumb-{o.key}.jpg" alt=""><h3 class="f18">{esc(o.title)}</h3></a></div>'
        for o in others_from(a, 4, ("thestar", "bernama_en")))
    data_layer = json.dumps({"pageType": "article", "articleID": abs(hash_key(a.key)) % 900000 + 1300000,
                             "articleTitle": a.title, "articleCategory": a.section,
                             "articleAuthor": a.byline or "", "articlePublishDate": f"{a.published:%Y-%m-%d %H:%M:%S}"},
                            ensure_ascii=False)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{esc(a.title)} | The Star</title>
<meta name="description" content="{attr(desc)}">
<meta name="keywords" content="{attr(', '.join(a.tags))}">
<link rel="canonical" href="{attr(a.canonical_url)}">
<meta property="og:site_name" content="The Star">
<meta property="og:type" content="article">
<meta property="og:title" content="{attr(a.title)}">
<meta property="og:description" content="{attr(desc)}">
<meta property="og:url" content="{attr(a.canonical_url)}">
<meta property="og:image" content="{attr(img)}">
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:site" content="@staronline">
{jsonld(ld)}
<script>var dataLayer = [{data_layer}];</script>
<link rel="stylesheet" href="https://www.thestar.com.my/Themes/css/story.min.css?v=20250701">
<script async src="https://securepubads.g.doubleclick.net/tag/js/gpt.js"></script>
<script>window.googletag = window.googletag || {{cmd: []}};</script>
</head>
<body class="story-page">
<div id="siteHeader">
  <header class="header">
    <div class="container">
      <a class="brand" href="https://www.thestar.com.my/"><img src="https://www.thestar.com.my/Themes/img/logo.svg" alt="The Star" width="140"></a>
      <ul class="nav-main">
        <li><a href="/news">News</a></li><li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li><li><a href="/metro">Metro</a></li><li><a href="/lifestyle">Lifestyle</a></li><li><a href="/food">Food</a></li><li><a href="/tech">Tech</a></li><li><a href="/education">Education</a></li><li><a href="/opinion">Opinion</a></li><li><a href="/aseanplus">AseanPlus</a></li><li><a href="/videos">Videos</a></li>
      </ul>
      <div class="account"><a class="btn-subscribe" href="https://newsstand.thestar.com.my/">Subscribe</a> <a class="btn-login" href="https://login.thestar.com.my/">Log In</a></div>
    </div>
  </header>
</div>
<div class="leaderboard-ad text-center"><div id="div-gpt-ad-leaderboard"><script>googletag.cmd.push(function(){{googletag.display("div-gpt-ad-leaderboard");}});</script></div></div>
<main class="container">
  <div class="row">
    <div class="col-md-8 story-wrap">
      <div class="sub-section-list"><a href="/{section_path}">{esc(a.section)}</a></div>
      {column}
      <div class="headline story-pg"><h1>{esc(a.title)}</h1></div>
      <div class="story-info clearfix">
        {credit}
        <p class="date">{day}<time class="timestamp"> {clock}</time></p>
      </div>
      <div class="sharing-tools">
        <ul class="social-share">
          <li><a class="fb" href="https://www.facebook.com/sharer/sharer.php?u={esc(a.canonical_url)}" aria-label="Facebook"></a></li>
          <li><a class="x" href="https://x.com/intent/post?url={esc(a.canonical_url)}" aria-label="X"></a></li>
          <li><a class="wa" href="https://api.whatsapp.com/send?text={esc(a.canonical_url)}" aria-label="WhatsApp"></a></li>
          <li><a class="tg" href="https://t.me/share/url?url={esc(a.canonical_url)}" aria-label="Telegram"></a></li>
          <li><a class="gift" href="#gift" aria-label="Gift this article"></a></li>
        </ul>
      </div>
      <div class="story-image">
        <figure><img class="img-responsive" src="{attr(img)}" alt="{attr(a.caption or a.title)}"><figcaption class="inline-caption">{esc(a.caption or '')}</figcaption></figure>
      </div>
      <div id="story-body" class="story bot-15 relative">
{chr(10).join(body)}
      </div>
      <div class="story-footer">
        <div class="story-tags"><p><strong>Tags / Keywords:</strong> {tags}</p></div>
        <div class="story-report"><p>Found a mistake in this article? <a href="#report">Report it to us.</a></p></div>
        <div class="rating-feedback"><p>Did you find this article insightful?</p><button type="button">Yes</button><button type="button">No</button></div>
      </div>
      <div class="newsletter-box">
        <h3>Subscribe now to our Premium Plan for an ad-free and unlimited reading experience!</h3>
        <a class="btn-premium" href="https://newsstand.thestar.com.my/">Subscribe</a>
      </div>
      <div class="comments-section" id="comments"><h3>Comments</h3><div id="viafoura-comments" data-vf-container-id="{attr(a.canonical_url)}"></div></div>
      <section class="story-tiles">
        <h2>You May Also Like</h2>
        <div class="row">
{tiles}
        </div>
      </section>
    </div>
    <aside class="col-md-4 sidebar">
      <div class="ads-mrec"><div id="div-gpt-ad-mrec-1"></div></div>
      <div class="trending">
        <h3>Trending in News</h3>
        <ol>
{trending}
        </ol>
      </div>
    </aside>
  </div>
</main>
<footer class="footer">
  <div class="container">
    <p><a href="/aboutus">About Us</a> | <a href="/privacy-statement">Privacy Statement</a> | <a href="/terms-and-conditions">Terms of Use</a> | <a href="/rss">RSS</a></p>
    <p class="copyright">Copyright © 1995-2025 Star Media Group Berhad [197101000523 (10894-D)]</p>
  </div>
</footer>
</body>
</html>
"""


def hash_key(key: str) -> int:
    """A stable number from a key (Python's hash() is salted per process)."""
    value = 0
    for ch in key:
        value = (value * 131 + ord(ch)) % 2_147_483_647
    return value


# ---- Malay Mail (modelled on the real page in /work/shared/fixtures/real/my) ---------------

def malaymail_date(t: dt.datetime) -> str:
    return f"{EN_DAYS[t.weekday()]}, {t:%d} {EN_MONTHS[t.month - 1][:3]} {t.year} {clock12(t)} MYT"


def render_malaymail(a: Article) -> str:
    node = a.canonical_url.rsplit("/", 1)[1]
    img = f"https://www.malaymail.com/malaymail/uploads/images/2025/07/{a.published:%d}/{int(node) + 64000}.jpg"
    cdn = f"https://cdn4.premiumread.com/?url={img}&w=1000&q=100&f=jpg&t=6"
    desc = first_sentence(a.body[0] + " " + a.body[1], 200)
    ld = {
        "keywords": ",".join(a.tags),
        "headline": a.title,
        "description": desc,
        "articleSection": a.section,
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "inLanguage": "en",
        "mainEntityOfPage": {"@type": "WebPage", "@id": a.canonical_url},
        "image": {"@type": "ImageObject", "url": img, "width": 800, "height": 400},
        "datePublished": iso(a.published),
        "dateModified": iso(a.published - dt.timedelta(seconds=0)),
        "author": {"@type": "Person", "name": a.byline or "Malay Mail"},
        "publisher": {"@type": "Organization", "name": "Malay Mail",
                      "logo": {"@type": "ImageObject", "url": "https://www.malaymail.com/theme_malaymail/images/malaymail/logo-structured.png", "width": 238, "height": 60}},
    }
    body = []
    for i, p in enumerate(a.body):
        body.append(f"<p>{esc(p)}</p>")
        if i == 1:
            body.append('<div id="mm-story-outstream"><script data-cfasync="true">googletag.cmd.push(function() {googletag.display("mm-story-outstream");});</script></div>')
        if i == 4:
            body.append('<div id="mm-story-mreg-2" class="text-center"><div class="ad-label">Advertisement</div><script data-cfasync="true">googletag.cmd.push(function() {googletag.display("mm-story-mreg-2");});</script></div>')
    byline = f'<div class="article-byline">By {esc(a.byline)}</div>' if a.byline else ""
    most_read = [(o.title, o.canonical_url, o.section) for o in others_from(a, 2)]
    most_read += [(t, u, u.split("/")[4].capitalize()) for t, u in filler_for("malaymail", 3)]
    carousel = "\n".join(f"""            <div class="item article-item">
                <div class="news-details">
                    <div class="article-info"><a href="/news/{slugify(section)}" class="article-section">{esc(section)}</a> <span class="article-date">&nbsp;/&nbsp;{2 + i * 3} h ago</span></div>
                    <h2 class="article-title"><a href="{attr(url)}" title="{attr(title)}"> {esc(title)}</a></h2>
                </div>
            </div>""" for i, (title, url, section) in enumerate(most_read))
    related = "\n".join(
        f'<div class="col-md-4 article-item"><a href="{attr(u)}"><h2 class="article-title">{esc(t)}</h2></a></div>'
        for t, u in filler_for("malaymail", 3))
    data_layer = json.dumps({"type": "story", "articleId": int(node) + 2700000, "articleTitle": a.title,
                             "articleTimestamp": int(a.published.timestamp()),
                             "articleByline": a.byline or "", "channelTitle": a.section}, ensure_ascii=False)
    return f"""<!DOCTYPE html>
<html itemscope itemtype="http://schema.org/WebPage" lang="en" xml:lang="en">
<head>
    <title> {esc(a.title)} | Malay Mail </title>
<link rel="icon" type="image/png" href="/theme_malaymail/images/logo-32x32.png"/>
            <meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="robots" content="index, follow, max-image-preview:large">
<meta name="language" content="en">
<meta name="copyright" content="Malay Mail">
<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">
<meta http-equiv="refresh" content="480">
<meta name="description" content="{attr(desc)}" />
<meta name="keywords" content="{attr(','.join(a.tags))}" />
<meta name="pageType" content="article" />
<meta name="url" content="{attr(a.canonical_url)}" />
<meta name="datePublished" content="{iso(a.published)}" />
<meta name="dateModified" content="{iso(a.published)}" />
<meta name="author" content="{attr(a.byline or '')}" />
<meta name="inLanguage" content="en" />
<meta property="og:url" content="{attr(a.canonical_url)}" />
<meta property="og:title" content="{attr(a.title)}" />
<meta property="og:description" content="{attr(desc)}" />
<meta property="og:type" content="article" />
<meta property="og:locale" content="en" />
<meta property="og:site_name" content="Malay Mail " />
<meta property="article:published_time" content="{a.published:%Y-%m-%d %H:%M:%S}" />
<meta property="article:author" content="{attr(a.byline or '')}" />
<meta property="article:section" content="{attr(a.section)}" />
<meta name="twitter:card" content="summary_large_image" />
<meta name="twitter:title" content="{attr(a.title)}" />
<meta property="og:image" content="{attr(img)}" />
<link href="{attr(a.canonical_url)}" rel="canonical" >

<script data-cfasync="false" type="application/ld+json">
{json.dumps(ld, ensure_ascii=False, indent=4)}
</script>
<script data-cfasync="true" src="/theme_malaymail/js/jquery-3.3.1.min.js"></script>
<script data-cfasync="true" type="text/javascript" async="" src="https://widgets.outbrain.com/outbrain.js?v=1"></script>
<script data-cfasync="false">
        window.dataLayer = window.dataLayer || [];
        dataLayer.push({data_layer});
</script>
</head>
<body>
<header class="main-header">
    <div class="container">
        <div class="row">
            <div class="col-md-3"><a href="/" class="logo"><img src="/theme_malaymail/images/malaymail-logo.svg" alt="Malay Mail" width="200"></a></div>
            <div class="col-md-9">
                <nav class="main-menu">
                    <ul>
                        <li><a href="/news/malaysia">Malaysia</a></li>
                        <li><a href="/news/singapore">Singapore</a></li>
                        <li><a href="/news/world">World</a></li>
                        <li><a href="/news/money">Money</a></li>
                        <li><a href="/news/life">Life</a></li>
                        <li><a href="/news/showbiz">Showbiz</a></li>
                        <li><a href="/news/sports">Sports</a></li>
                        <li><a href="/news/opinion">Opinion</a></li>
                        <li><a href="/news/tech-gadgets">Tech</a></li>
                    </ul>
                </nav>
            </div>
        </div>
    </div>
</header>
<div class="latest-news" style="width: 100%;">
    <div class="most-read-title">Most Read</div>
    <div class="latest-news-carousel">
        <div class="owl-carousel owl-theme">
{carousel}
        </div>
    </div>
</div>
<div class="malaymail-horizontal-full-ad"><div class="horizontal-full-ad"><div id="mm-billboard"><script data-cfasync="true">googletag.cmd.push(function() {{googletag.display("mm-billboard");}}); </script></div></div></div>
<div class="container vertical-ad-con">
        <div class="container">
                <div class="row">
                        <div class="col-md-9 col-xs-12">
<div class="malaymail-article-details "  data-widget-id="738">    <div class="row">        <div class="col-md-12 pad-top-0">            <div class="article-section">                                <a href="/news/{a.canonical_url.split('/')[4]}">{esc(a.section)}</a>                                            </div>            <h1 class="article-title">{esc(a.title)}</h1>            <div class="social-sharing">                <div class="social-inner">                    <div class="social-item"><a class="sharing-icon-whatsapp" href="https://api.whatsapp.com/send?text={esc(a.title)} {esc(a.canonical_url)}" target="_blank" title="Share Article on Whatsapp"><img src="/theme_malaymail/images/wappIcon.png" width="30" height="30" alt="whatsapp"></a></div>                    <div class="social-item"><a class="sharing-icon-twitter" href="https://twitter.com/intent/tweet?text={esc(a.title)} {esc(a.canonical_url)}" target="_blank" title="Share Article on Twitter"><img src="/theme_malaymail/images/twXIcon.png" width="30" height="30" alt="twitter"></a></div>                    <div class="social-item"><a class="sharing-icon-facebook" href="https://www.facebook.com/sharer/sharer.php?u={esc(a.canonical_url)}" target="_blank" title="Share Article on Facebook"><img src="/theme_malaymail/images/fbIcon.png" width="30" height="30" alt="facebook"></a></div>                </div>            </div>            <div class="article-image-gallery">                <div class="layout-ratio">    <picture>        <img fetchpriority="high" class="figure-img img-fluid rounded" src="{attr(cdn)}" alt="{attr(a.caption or '')}" title="{attr(a.title)}">    </picture></div>                <div class="image-caption">{esc(a.caption or '')}</div>            </div>            <div class="telegram-subscribe">Join us on our <a href="https://whatsapp.com/channel/0029Va4r2QG9RZAZurce8h3Z" target="_blank" rel="nofollow" class="telegram-link">WhatsApp Channel</a>, follow us on <a href="https://instagram.com/themalaymail" target="_blank" rel="nofollow" class="telegram-link">Instagram</a>, and receive <span class="join-btn">browser alerts</span> for the latest news you need to know.</div>            <div class="article-info ">                                {byline}                                <div class="article-date">{malaymail_date(a.published)}</div>                            </div>            <div class="main-container-article-body">                <div class="article-body">                                        {''.join(body)}                                    </div>            </div>        </div>    </div></div>
<div class="malaymail-related-articles" data-widget-id="742">
    <div class="related-title">Related Articles</div>
    <div class="row">
{related}
    </div>
</div>
<div class="OUTBRAIN" data-src="{attr(a.canonical_url)}" data-widget-id="AR_1"></div>
                        </div>
                        <div class="col-md-3 col-xs-12"><div id="mm-story-mreg-1"></div></div>
                </div>
        </div>
</div>
<footer class="main-footer">
    <div class="container">
        <p><a href="/about-us">About Us</a> | <a href="/contact-us">Contact Us</a> | <a href="/privacy-policy">Privacy Policy</a> | <a href="/terms-and-conditions">Terms &amp; Conditions</a></p>
        <p class="copyright">Copyright © 2025 Malay Mail. All rights reserved.</p>
    </div>
</footer>
</body>
</html>
"""


# ---- The Sun (a Next.js site: hashed CSS-module class names, dates in UTC in the metadata) ---

def thesun_date(t: dt.datetime) -> str:
    return f"{t:%d-%m-%Y} {t.hour % 12 or 12:02d}:{t.minute:02d} {'AM' if t.hour < 12 else 'PM'}"


def render_thesun(a: Article) -> str:
    code = a.canonical_url.rsplit("-", 1)[1]
    img = f"https://thesun.my/binrepository/1200x800/0c0/0d0/none/11808/{code}/{slugify(a.title)}.jpg"
    desc = first_sentence(a.body[0], 180)
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": a.title,
        "description": desc,
        "url": a.canonical_url,
        "image": [img],
        "datePublished": iso_z(a.published),
        "dateModified": iso_z(a.published),
        "author": [{"@type": "Person", "name": a.byline}],
        "publisher": {"@type": "NewsMediaOrganization", "name": "The Sun", "url": "https://thesun.my/"},
        "articleSection": a.section,
    }
    next_data = {
        "props": {"pageProps": {"article": {
            "id": code, "title": a.title, "section": a.section, "author": a.byline,
            "publishedAt": iso_z(a.published), "tags": a.tags}}},
        "page": "/[section]/[slug]", "query": {"section": a.canonical_url.split("/")[3], "slug": a.canonical_url.rsplit("/", 1)[1]},
        "buildId": "kT3q9xV1mZ2b8", "isFallback": False,
    }
    body = []
    for i, p in enumerate(a.body):
        body.append(f'<p>{esc(p)}</p>')
        if i == 0:
            body.append('<div class="AdSlot_ad__qP4tL"><div id="div-gpt-ad-thesun-inarticle"></div></div>')
    latest = "".join(f'<li class="LatestNews_item__c9L2s"><a href="{attr(o.canonical_url)}">{esc(o.title)}</a></li>'
                     for o in others_from(a, 3))
    latest += "".join(f'<li class="LatestNews_item__c9L2s"><a href="{attr(u)}">{esc(t)}</a></li>'
                      for t, u in filler_for("thesun", 3))
    tags = "".join(f'<a class="ArticleTags_tag__R2v8d" href="/tags/{slugify(t)}">{esc(t)}</a>' for t in a.tags)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>'
        '<meta name="viewport" content="width=device-width, initial-scale=1"/>'
        f'<title>{esc(a.title)} - The Sun</title>'
        f'<meta name="description" content="{attr(desc)}"/>'
        f'<link rel="canonical" href="{attr(a.canonical_url)}"/>'
        '<meta property="og:site_name" content="The Sun"/><meta property="og:type" content="article"/>'
        f'<meta property="og:title" content="{attr(a.title)}"/>'
        f'<meta property="og:url" content="{attr(a.canonical_url)}"/>'
        f'<meta property="og:image" content="{attr(img)}"/>'
        f'<meta property="article:published_time" content="{iso_z(a.published)}"/>'
        f'<meta property="article:section" content="{attr(a.section)}"/>'
        '<meta name="twitter:card" content="summary_large_image"/>'
        f'{jsonld(ld)}'
        '<link rel="preload" href="/_next/static/css/a8c41f0d2b7e.css" as="style"/>'
        '<link rel="stylesheet" href="/_next/static/css/a8c41f0d2b7e.css"/>'
        '</head><body><div id="__next">'
        '<header class="Header_header__Jk2s8"><div class="Header_inner__p0vVw">'
        '<a class="Header_logo__Wm1zQ" href="/"><img src="/images/thesun-logo.svg" alt="The Sun" width="120" height="40"/></a>'
        '<nav class="Header_nav__Zr5tB"><a href="/malaysia-news">Malaysia</a><a href="/world-news">World</a>'
        '<a href="/business-news">Business</a><a href="/sports-news">Sports</a><a href="/style-life">Style &amp; Life</a>'
        '<a href="/opinion-news">Opinion</a><a href="/going-viral">Going Viral</a></nav>'
        '<a class="Header_epaper__u3YxB" href="https://epaper.thesun.my/">ePaper</a></div></header>'
        '<div class="AdSlot_leaderboard__x0Pq2"><div id="div-gpt-ad-thesun-leaderboard"></div></div>'
        '<main class="Layout_main__a1B2c"><div class="Layout_grid__Ty6n1">'
        '<article class="Article_article__Zq81r">'
        f'<nav class="Breadcrumb_breadcrumb__kk2Lp"><a href="/">Home</a><span>/</span><a href="/{a.canonical_url.split("/")[3]}">{esc(a.section)}</a></nav>'
        f'<h1 class="ArticleHeader_headline__3xK9p">{esc(a.title)}</h1>'
        '<div class="ArticleHeader_meta__p0Qe1">'
        f'<span class="ArticleHeader_author__Vb7Tn">{esc(a.byline or "")}</span>'
        f'<span class="ArticleHeader_date__Ls9wE">{thesun_date(a.published)}</span></div>'
        '<div class="ShareBar_share__n4Hk0">'
        f'<a href="https://www.facebook.com/sharer/sharer.php?u={esc(a.canonical_url)}" aria-label="Share on Facebook"></a>'
        f'<a href="https://x.com/intent/post?url={esc(a.canonical_url)}" aria-label="Share on X"></a>'
        f'<a href="https://wa.me/?text={esc(a.canonical_url)}" aria-label="Share on WhatsApp"></a></div>'
        f'<figure class="ArticleImage_figure__d2Jk7"><img src="{attr(img)}" alt="{attr(a.caption or "")}" width="1200" height="800"/>'
        f'<figcaption class="ArticleImage_caption__H8s1a">{esc(a.caption or "")}</figcaption></figure>'
        f'<div class="ArticleBody_body__Xy12Q">{"".join(body)}</div>'
        f'<div class="ArticleTags_tags__mQ2w9">{tags}</div>'
        '<div class="Newsletter_newsletter__B7d3e"><h3>Get the latest news straight to your inbox</h3>'
        '<form><input type="email" placeholder="Your email address"/><button type="submit">Sign up</button></form></div>'
        '</article>'
        f'<aside class="Sidebar_sidebar__o8Wc3"><h3 class="LatestNews_title__v3Zq1">Latest News</h3><ul class="LatestNews_list__f1Rp6">{latest}</ul>'
        '<div class="AdSlot_mrec__e7Lk2"><div id="div-gpt-ad-thesun-mrec"></div></div></aside>'
        '</div></main>'
        '<footer class="Footer_footer__s2Nf4"><p>© 2025 Sun Media Corporation Sdn Bhd. All rights reserved.</p>'
        '<p><a href="/privacy-policy">Privacy Policy</a> | <a href="/terms">Terms of Use</a> | <a href="/contact-us">Contact Us</a></p></footer>'
        '</div>'
        f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(next_data, ensure_ascii=False)}</script>'
        '<script src="/_next/static/chunks/main-4f2a1c9e.js" defer=""></script>'
        '</body></html>\n'
    )


# ---- Daily8 (aggregator): origin outlet over the story, boilerplate and whole related stories --

def related_text(item: Related) -> tuple[str, str]:
    """The related item's title and flattened text, as the aggregator inlines it."""
    if not item.ref:
        return item.title, item.text
    other = by_key(item.ref)
    parts = list(other.body)
    if item.label == "Barnama" and len(parts) > 2:
        parts.insert(2, "bootstrap slideshow")  # a widget's leftover text, as in seed 002
    return other.title, " ".join(parts)


def d8_date(t: dt.datetime) -> str:
    return f"{t:%d} {EN_MONTHS[t.month - 1][:3]} {t.year}, {t:%H:%M}"


def render_daily8(a: Article) -> str:
    code = a.canonical_url.rsplit("-", 1)[1]
    origin_home = next((s.home for s in SOURCES.values() if s.outlet == a.origin_outlet),
                       "https://www.nst.com.my/")
    desc = first_sentence(a.body[0], 180)
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": a.title,
        "description": desc,
        "url": a.canonical_url,
        "datePublished": iso_z(a.published),
        "dateModified": iso_z(a.published),
        "author": ([{"@type": "Person", "name": n.strip()} for n in a.byline.split("&")] if a.byline
                   else [{"@type": "Organization", "name": a.origin_outlet}]),
        "publisher": {"@type": "Organization", "name": "Daily8",
                      "logo": {"@type": "ImageObject", "url": "https://www.daily8.com/logo-512.png"}},
    }
    byline = f'<div class="byline">By {esc(a.byline)}</div>' if a.byline else ""
    body = "\n".join(f"          <p>{esc(p)}</p>" for p in a.body)
    cards = []
    for item in a.related:
        title, text = related_text(item)
        href = f"https://www.daily8.com/news/my/{a.published:%Y/%m/%d}/{slugify(title, max_words=12)}-{hash_key(title) % 0xFFFFFF:06x}"
        cards.append(f"""        <article class="related-card">
          <div class="related-card__source"><img src="https://www.daily8.com/logos/{slugify(item.label)}.png" alt="" width="20" height="20"><span>{esc(item.label)}</span></div>
          <div class="related-card__time">{esc(item.ago)}</div>
          <div class="related-card__publisher">- {esc(item.label)}</div>
          <h3 class="related-card__title"><a href="{attr(href)}">{esc(title)}</a></h3>
          <p class="related-card__text">{esc(text)}</p>
        </article>""")
    trending = "\n".join(f'          <li><a href="{attr(u)}">{esc(t)}</a></li>' for t, u in filler_for("daily8"))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{esc(a.title)} | Daily8</title>
  <meta name="description" content="{attr(desc)}">
  <link rel="canonical" href="{attr(a.canonical_url)}">
  <meta property="og:site_name" content="Daily8">
  <meta property="og:type" content="article">
  <meta property="og:title" content="{attr(a.title)}">
  <meta property="og:description" content="{attr(desc)}">
  <meta property="og:url" content="{attr(a.canonical_url)}">
  <meta property="og:image" content="https://www.daily8.com/og/{code}.jpg">
  {jsonld(ld)}
  <link rel="stylesheet" href="/assets/app.3e91c2.css">
  <script async src="https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js?client=ca-pub-5123378802313337" crossorigin="anonymous"></script>
</head>
<body>
  <header class="topbar">
    <a class="brand" href="/"><img src="/logo.svg" alt="Daily8" height="28"></a>
    <nav class="topnav"><a href="/news/my">Malaysia</a><a href="/news/world">World</a><a href="/news/business">Business</a><a href="/news/sports">Sports</a><a href="/news/tech">Tech</a><a href="/news/lifestyle">Lifestyle</a></nav>
    <a class="ai-cta" href="/ai">Try Daily8 AI</a>
  </header>
  <main class="page">
    <div class="page__main">
      <article class="article" data-id="{code}">
        <nav class="crumbs"><a href="/">Home</a> › <a href="/news/my">{esc(a.section)}</a></nav>
        <h1 class="article__title">{esc(a.title)}</h1>
        <div class="article__source">
          <a class="source" href="{attr(origin_home)}" rel="nofollow"><img class="source-logo" src="https://www.daily8.com/logos/{slugify(a.origin_outlet)}.png" alt="" width="24" height="24"><span class="source-name">{esc(a.origin_outlet)}</span></a>
          <span class="dot">·</span>
          <time datetime="{iso_z(a.published)}">{d8_date(a.published)}</time>
        </div>
        {byline}
        <div class="share-row"><button class="share-btn" aria-label="Share"></button><button class="bookmark-btn" aria-label="Save"></button></div>
        <div class="article-body">
{body}
        </div>
        <div class="hashtags"><h2>Hashtags</h2><div class="hashtags__list"></div></div>
        <section class="ai-features">
          <h2>Try Our AI Features</h2>
          <p>Explore what Daily8 AI can do for you:</p>
          <div class="ai-features__buttons"><button aria-label="Summarise this article"></button><button aria-label="Explain like I am five"></button><button aria-label="Translate"></button><button aria-label="Ask a question"></button></div>
        </section>
        <section class="comments">
          <h2>Comments</h2>
          <p class="comments__empty">No comments yet...</p>
          <form class="comments__form"><textarea placeholder="Write a comment"></textarea><button type="submit" aria-label="Post"></button></form>
        </section>
      </article>
      <section class="related-articles">
        <h2>Related Articles</h2>
{chr(10).join(cards)}
      </section>
    </div>
    <aside class="page__side">
      <ins class="adsbygoogle" style="display:block" data-ad-client="ca-pub-5123378802313337" data-ad-slot="8812036674"></ins>
      <div class="trending"><h3>Trending</h3><ol>
{trending}
      </ol></div>
    </aside>
  </main>
  <footer class="footer"><p>© 2025 Daily8. News from trusted sources, summarised by AI.</p><p><a href="/about">About</a> · <a href="/privacy">Privacy</a> · <a href="/terms">Terms</a></p></footer>
  <script src="/assets/app.3e91c2.js" defer></script>
</body>
</html>
"""


# ---- Wisma Putra (kln.gov.my): a Liferay portal; a press release, its date only in words -----

def render_kln(a: Article) -> str:
    headings = "\n".join(f'          <p style="text-align: center;"><strong>{esc(h)}</strong></p>'
                         for h in a.extra["heading"])
    body = "\n".join(f'          <p style="text-align: justify;">{esc(p)}</p>' for p in a.body)
    place = "<br />".join(esc(line) for line in a.extra["place"].split("\n"))
    others = "\n".join(f'            <li><a href="{attr(o.canonical_url)}">{esc(o.title)}</a></li>'
                       for o in others_from(a, 3))
    others += "\n" + "\n".join(f'            <li><a href="{attr(u)}">{esc(t)}</a></li>' for t, u in filler_for("kln"))
    asset_id = hash_key(a.key) % 900000 + 4100000
    return f"""<!DOCTYPE html>

<html class="ltr" dir="ltr" lang="ms-MY">

<head>
	<title>{esc(a.title)} - Kementerian Luar Negeri</title>

	<meta content="initial-scale=1.0, width=device-width" name="viewport" />
<meta content="text/html; charset=UTF-8" http-equiv="content-type" />
<link href="https://www.kln.gov.my/kln-theme/images/favicon.ico" rel="Shortcut Icon" />
<link href="{attr(a.canonical_url)}" rel="canonical" />
<link href="{attr(a.canonical_url)}?_82_languageId=en_US" hreflang="en-US" rel="alternate" />
<link href="/html/css/main.css?browserId=other&amp;themeId=klntheme_WAR_klntheme&amp;minifierType=css&amp;languageId=ms_MY&amp;b=6210&amp;t=1751960000000" rel="stylesheet" type="text/css" />
<script type="text/javascript">
	var themeDisplay = {{getLanguageId: function() {{return "ms_MY";}}, getPathMain: function() {{return "/c";}}, isSignedIn: function() {{return false;}}}};
</script>
</head>

<body class="yui3-skin-sam controls-visible guest-site signed-out public-page site">
<a href="#main-content" id="skip-to-content">Langkau ke Kandungan</a>

<div class="container-fluid" id="wrapper">
	<header id="banner" role="banner">
		<div id="heading">
			<h1 class="site-title">
				<a class="logo custom-logo" href="https://www.kln.gov.my/web/guest/home" title="Pergi ke Kementerian Luar Negeri">
					<img alt="Kementerian Luar Negeri Malaysia" height="90" src="/image/layout_set_logo?img_id=1209781&amp;t=1751960000000" width="420" />
				</a>
			</h1>
		</div>
		<div class="language-bar"><a href="{attr(a.canonical_url)}?_82_languageId=en_US">English</a> | <span class="selected">Bahasa Melayu</span></div>
		<nav class="sort-pages modify-pages" id="navigation" role="navigation">
			<ul aria-label="Halaman Laman" role="menubar">
				<li><a href="https://www.kln.gov.my/web/guest/home"><span>Utama</span></a></li>
				<li><a href="https://www.kln.gov.my/web/guest/profil"><span>Profil</span></a></li>
				<li class="selected"><a href="https://www.kln.gov.my/web/guest/press-release"><span>Kenyataan Media</span></a></li>
				<li><a href="https://www.kln.gov.my/web/guest/dasar-luar"><span>Dasar Luar</span></a></li>
				<li><a href="https://www.kln.gov.my/web/guest/perkhidmatan-konsular"><span>Perkhidmatan Konsular</span></a></li>
				<li><a href="https://www.kln.gov.my/web/guest/misi-malaysia"><span>Misi Malaysia</span></a></li>
				<li><a href="https://www.kln.gov.my/web/guest/hubungi-kami"><span>Hubungi Kami</span></a></li>
			</ul>
		</nav>
	</header>

	<div id="content">
		<nav class="site-breadcrumbs" id="breadcrumbs">
			<ul class="breadcrumb breadcrumb-horizontal">
				<li class="first"><a href="https://www.kln.gov.my/web/guest/home">Utama</a><span class="divider">/</span></li>
				<li><a href="https://www.kln.gov.my/web/guest/press-release">Kenyataan Media</a><span class="divider">/</span></li>
				<li class="active last">{esc(a.title)}</li>
			</ul>
		</nav>
		<div class="columns-2" id="main-content" role="main">
			<div class="portlet-layout row-fluid">
				<div class="portlet-column portlet-column-first span9" id="column-1">
					<div class="portlet-boundary portlet-boundary_101_ portlet-static portlet-static-end portlet-borderless portlet-asset-publisher" id="p_p_id_101_INSTANCE_kln2025pr_">
						<section class="portlet" id="portlet_101_INSTANCE_kln2025pr">
							<div class="portlet-content"><div class="portlet-body">
	<div class="taglib-header ">
		<span class="header-back-to">
			<a class="icon-circle-arrow-left previous-level" href="https://www.kln.gov.my/web/guest/press-release" id="_101_INSTANCE_kln2025pr_TabsBack" title="Back"><span class="helper-hidden-accessible">Back</span></a>
		</span>
		<h3 class="header-title"><span>{esc(a.title)}</span></h3>
	</div>
	<div class="asset-full-content default-asset-publisher no-title">
		<div class="asset-content" id="_101_INSTANCE_kln2025pr_{asset_id}">
			<div class="journal-content-article">
{headings}
          <p>&nbsp;</p>
{body}
          <p>&nbsp;</p>
          <p>{place}</p>
          <p>{esc(a.extra['date_line'])}</p>
			</div>
		</div>
		<div class="asset-links">
			<a class="taglib-icon" href="javascript:window.print();"><span class="taglib-text">Cetak</span></a>
			<span class="taglib-social-bookmarks"><a href="https://www.facebook.com/sharer.php?u={esc(a.canonical_url)}" title="Facebook">Facebook</a> <a href="https://twitter.com/intent/tweet?url={esc(a.canonical_url)}" title="X">X</a></span>
		</div>
	</div>
							</div></div>
						</section>
					</div>
				</div>
				<div class="portlet-column portlet-column-last span3" id="column-2">
					<div class="portlet-boundary portlet-asset-publisher">
						<h2 class="portlet-title"><span class="portlet-title-text">Kenyataan Media Terkini</span></h2>
						<ul class="asset-list">
{others}
						</ul>
					</div>
				</div>
			</div>
		</div>
	</div>

	<footer id="footer" role="contentinfo">
		<p class="powered-by">Hak Cipta Terpelihara © 2025 Kementerian Luar Negeri Malaysia</p>
		<p>Wisma Putra, No. 1, Jalan Wisma Putra, Presint 2, 62602 Putrajaya, Malaysia. Tel: +603-8887 4000</p>
		<p><a href="https://www.kln.gov.my/web/guest/dasar-privasi">Dasar Privasi</a> | <a href="https://www.kln.gov.my/web/guest/dasar-keselamatan">Dasar Keselamatan</a> | <a href="https://www.kln.gov.my/web/guest/penafian">Penafian</a></p>
		<p>Paparan terbaik menggunakan Google Chrome, Mozilla Firefox dan Microsoft Edge versi terkini dengan resolusi 1366 x 768.</p>
		<p class="last-update">Kemaskini Terakhir: 08/07/2025</p>
	</footer>
</div>
</body>

</html>
"""


# ---- Sin Chew Daily ------------------------------------------------------------------------

def render_sinchew(a: Article) -> str:
    encoding = a.extra.get("encoding", "utf-8")
    node = a.canonical_url.rsplit("/", 1)[1]
    img = f"https://cdn.sinchew.com.my/wp-content/uploads/2025/07/{a.published:%d}/{node}-1.jpg"
    desc = first_sentence(a.body[0], 120)
    body = []
    for i, p in enumerate(a.body):
        body.append(f"<p>{esc(p)}</p>")
        if i == 1:
            body.append('<div class="ads-inarticle"><span class="ads-label">广告</span><div id="div-gpt-ad-sinchew-inarticle"></div></div>')
    author = f'<span class="article-author">报道：{esc(a.byline)}</span>' if a.byline else ""
    related = "\n".join(f'<li><a href="{attr(o.canonical_url)}">{esc(o.title)}</a></li>' for o in others_from(a, 2))
    related += "\n" + "\n".join(f'<li><a href="{attr(u)}">{esc(t)}</a></li>' for t, u in filler_for("sinchew", 2))
    hot = "\n".join(f'<li><a href="{attr(u)}">{esc(t)}</a></li>' for t, u in filler_for("sinchew"))
    tags = " ".join(f'<a href="/tag/{esc(t)}">{esc(t)}</a>' for t in a.tags)
    section_slug = a.canonical_url.split("/")[-2]
    return f"""<!DOCTYPE html>
<html lang="zh-Hans">
<head>
<meta charset="{encoding}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(a.title)} | {esc(a.section)} | 星洲网 Sin Chew Daily</title>
<meta name="keywords" content="{attr(','.join(a.tags))}">
<meta name="description" content="{attr(desc)}">
<link rel="canonical" href="{attr(a.canonical_url)}">
<meta property="og:site_name" content="星洲网 Sin Chew Daily">
<meta property="og:type" content="article">
<meta property="og:title" content="{attr(a.title)}">
<meta property="og:url" content="{attr(a.canonical_url)}">
<meta property="og:image" content="{attr(img)}">
<meta property="article:published_time" content="{iso(a.published)}">
<meta property="article:section" content="{attr(a.section)}">
<link rel="stylesheet" href="https://www.sinchew.com.my/wp-content/themes/sinchew/css/style.min.css?ver=5.2.1">
<script async src="https://securepubads.g.doubleclick.net/tag/js/gpt.js"></script>
</head>
<body class="single single-post">
<div id="header">
  <div class="top-bar"><a href="https://www.sinchew.com.my/epaper/">电子报</a> | <a href="https://www.sinchew.com.my/subscribe/">订阅</a> | <a href="https://www.sinchew.com.my/login/">登录</a></div>
  <div class="logo"><a href="https://www.sinchew.com.my/"><img src="https://www.sinchew.com.my/wp-content/themes/sinchew/images/logo.png" alt="星洲网 Sin Chew Daily"></a></div>
  <ul id="nav">
    <li><a href="/">首页</a></li><li><a href="/category/即时">即时</a></li><li><a href="/category/全国/国内">国内</a></li><li><a href="/category/国际">国际</a></li><li><a href="/category/财经">财经</a></li><li><a href="/category/体育">体育</a></li><li><a href="/category/娱乐">娱乐</a></li><li><a href="/category/言路">言路</a></li><li><a href="/category/副刊">副刊</a></li><li><a href="/category/地方">地方</a></li>
  </ul>
</div>
<div class="ads-leaderboard"><div id="div-gpt-ad-sinchew-top"></div></div>
<div id="container">
 <div class="row">
  <div class="col-main">
   <div class="breadcrumb"><a href="/">首页</a> &gt; <a href="/category/{section_slug}">{esc(a.section)}</a></div>
   <div class="article-page">
    <h1 class="article-title">{esc(a.title)}</h1>
    <div class="article-meta"><span class="article-time">{a.published:%Y-%m-%d %H:%M}</span> {author}</div>
    <div class="share-bar">分享：<a class="share-fb" href="https://www.facebook.com/sharer.php?u={esc(a.canonical_url)}">脸书</a> <a class="share-wa" href="https://api.whatsapp.com/send?text={esc(a.canonical_url)}">WhatsApp</a></div>
    <div id="dirnum" class="article-page-content">
<figure class="wp-caption"><img src="{attr(img)}" alt=""><figcaption class="wp-caption-text">{esc(a.caption or '')}</figcaption></figure>
{chr(10).join(body)}
    </div>
    <div class="article-tags">标签：{tags}</div>
    <div class="related-news"><h3>相关新闻</h3><ul>
{related}
</ul></div>
    <div class="subscribe-box"><p>订阅星洲日报电子报，随时随地掌握最新资讯。</p><a href="https://www.sinchew.com.my/subscribe/">立即订阅</a></div>
    <div class="comment-box"><h3>评论</h3><p>请登录后留言。</p></div>
   </div>
  </div>
  <div class="col-side"><div class="hot-news"><h3>热门新闻</h3><ol>
{hot}
</ol></div></div>
 </div>
</div>
<div id="footer"><p>© 2025 Sin Chew Media Corporation Berhad 版权所有</p><p><a href="/about">关于我们</a> | <a href="/privacy">隐私政策</a> | <a href="/contact">联络我们</a></p></div>
</body>
</html>
"""


# ---- VietnamPlus (TTXVN): no JSON-LD; the time is only visible; captions in tables ----------

def render_vietnamplus(a: Article) -> str:
    post = a.canonical_url.rsplit("-post", 1)[1].split(".")[0]
    img = f"https://mediafile.vietnamplus.vn/images/2025/07/{a.published:%d}/{post}-1.jpg"
    caption_after = a.extra.get("caption_after", 0)
    table = (f'<table class="picture" align="center"><tbody><tr><td class="pic"><img src="{attr(img)}" alt="{attr(a.title)}"></td></tr>'
             f'<tr><td class="caption"><p>{esc(a.caption or "")}</p></td></tr></tbody></table>')
    body = []
    for i, p in enumerate(a.body):
        if i == caption_after:
            body.append(table)
        body.append(f"<p>{esc(p)}</p>")
    related = []
    for title, target in a.extra.get("related_summaries", []):
        if target in {o.key for o in ARTICLES}:
            other = by_key(target)
            related.append((other.title, other.canonical_url, other.body[0]))
        else:
            related.append((title, f"https://www.vietnamplus.vn/{slugify(title)}-post{int(post) - 57}.vnp", target))
    if not related:
        for other in others_from(a, 2):
            related.append((other.title, other.canonical_url, other.summary or other.body[0]))
    rel_html = "\n".join(
        f'<article class="story"><h3 class="story__title"><a href="{attr(u)}">{esc(t)}</a></h3><div class="story__summary">{esc(s)}</div></article>'
        for t, u, s in related)
    most_read = "\n".join(f'<li><a href="{attr(u)}">{esc(t)}</a></li>' for t, u in filler_for("vietnamplus"))
    tags = " ".join(f'<a href="/tag/{slugify(t)}-tag.vnp">{esc(t)}</a>' for t in a.tags)
    return f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(a.title)} | Vietnam+ (VietnamPlus)</title>
<meta name="description" content="{attr(a.summary or '')}">
<meta name="keywords" content="{attr(', '.join(a.tags))}">
<link rel="canonical" href="{attr(a.canonical_url)}">
<meta property="og:site_name" content="Vietnam+ (VietnamPlus)">
<meta property="og:type" content="article">
<meta property="og:title" content="{attr(a.title)}">
<meta property="og:description" content="{attr(a.summary or '')}">
<meta property="og:url" content="{attr(a.canonical_url)}">
<meta property="og:image" content="{attr(img)}">
<link rel="stylesheet" href="https://www.vietnamplus.vn/assets/web/styles/css/main.min.css?v=2025070801">
</head>
<body class="detail-page">
<header class="site-header">
  <div class="container">
    <a class="logo" href="https://www.vietnamplus.vn/"><img src="https://www.vietnamplus.vn/assets/web/styles/img/logo.png" alt="Vietnam+"></a>
    <nav class="main-menu"><ul>
      <li><a href="/chinhtri/">Chính trị</a></li><li><a href="/kinhte/">Kinh tế</a></li><li><a href="/xahoi/">Xã hội</a></li><li class="active"><a href="/thegioi/">Thế giới</a></li><li><a href="/doisong/">Đời sống</a></li><li><a href="/vanhoa/">Văn hóa</a></li><li><a href="/thethao/">Thể thao</a></li><li><a href="/khoahoc/">Khoa học</a></li><li><a href="/moitruong/">Môi trường</a></li><li><a href="/media/">Multimedia</a></li>
    </ul></nav>
    <div class="lang-list"><a href="https://en.vietnamplus.vn/">English</a> <a href="https://fr.vietnamplus.vn/">Français</a> <a href="https://es.vietnamplus.vn/">Español</a> <a href="https://zh.vietnamplus.vn/">中文</a></div>
  </div>
</header>
<div class="ads ads-top"><div id="ads-top-1"></div></div>
<main class="container">
  <div class="row">
    <div class="col-left">
      <div class="breadcrumbs"><a href="/thegioi/">Thế giới</a> <a href="/thegioi/asean/">ASEAN</a></div>
      <div class="article">
        <h1 class="article__title cms-title">{esc(a.title)}</h1>
        <div class="article__meta"><time class="time">{a.published:%d/%m/%Y %H:%M}</time></div>
        <div class="article__social"><a class="social-fb" href="https://www.facebook.com/sharer/sharer.php?u={esc(a.canonical_url)}" aria-label="Facebook"></a><a class="social-zalo" href="https://sp.zalo.me/share_inline?url={esc(a.canonical_url)}" aria-label="Zalo"></a><a class="social-copy" href="#" aria-label="Copy link"></a><a class="social-print" href="#" aria-label="In"></a></div>
        <h2 class="article__sapo cms-desc">{esc(a.summary or '')}</h2>
        <div class="article__body zce-content-body cms-body" itemprop="articleBody">
{chr(10).join(body)}
        </div>
        <div class="article__author"><span class="name">{esc(a.byline or '')}</span></div>
        <div class="article__notice"><p>* Mời bạn đọc vào chuyên mục <a href="/thegioi/">Quốc tế</a> xem các tin, bài liên quan.</p></div>
        <div class="article__tag"><span>Tags:</span> {tags}</div>
        <div class="box-related">
          <h3 class="box-heading">Tin liên quan</h3>
{rel_html}
        </div>
        <div class="comment-box"><h3>Bình luận</h3><p>Bạn đọc vui lòng gõ tiếng Việt có dấu.</p></div>
      </div>
    </div>
    <aside class="col-right">
      <div class="ads ads-right"><div id="ads-right-1"></div></div>
      <div class="box-most-read"><h3>Đọc nhiều</h3><ol>
{most_read}
      </ol></div>
    </aside>
  </div>
</main>
<footer class="site-footer">
  <p>Báo điện tử VietnamPlus, Cơ quan của Thông tấn xã Việt Nam (TTXVN)</p>
  <p>Tòa soạn: Số 5 Lý Thường Kiệt, Hoàn Kiếm, Hà Nội. Điện thoại: (024) 39411349</p>
  <p>© Bản quyền thuộc về VietnamPlus. Cấm sao chép dưới mọi hình thức nếu không có sự chấp thuận bằng văn bản.</p>
</footer>
</body>
</html>
"""


# ---- ANTARA: paragraphs separated by <br>, "Baca juga" inline, Pewarta/Editor at the end -----

def antara_date(t: dt.datetime) -> str:
    return f"{ID_DAYS[t.weekday()]}, {t.day} {ID_MONTHS[t.month - 1]} {t.year} {t:%H:%M} WIB"


def render_antara(a: Article) -> str:
    news_id = a.canonical_url.split("/")[4]
    img = f"https://img.antaranews.com/cache/1200x800/2025/07/{a.published:%d}/{news_id}.jpg"
    desc = first_sentence(a.body[0], 160)
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": a.canonical_url},
        "headline": a.title,
        "image": {"@type": "ImageObject", "url": img, "width": 1200, "height": 800},
        "datePublished": iso(a.published),
        "dateModified": iso(a.published + dt.timedelta(minutes=3)),
        "author": {"@type": "Person", "name": a.byline},
        "publisher": {"@type": "Organization", "name": "ANTARA News",
                      "logo": {"@type": "ImageObject", "url": "https://www.antaranews.com/img/antaranews.png"}},
        "description": desc,
    }
    after = a.extra.get("baca_juga_after", -1)
    chunks = []
    for i, p in enumerate(a.body):
        chunks.append(esc(p))
        if i == after:
            for item in a.extra.get("baca_juga", []):
                title, url = resolve_link(item)
                chunks.append(f'<span class="baca-juga"><b>Baca juga: </b><a href="{attr(url)}">{esc(title)}</a></span>')
        if i == 1:
            chunks.append('<div class="ads_antara_mobile_inarticle"><div id="div-gpt-ad-antara-inarticle"></div></div>')
    body = "<br /><br />".join(chunks)
    terkini = "\n".join(f'<li><a href="{attr(o.canonical_url)}">{esc(o.title)}</a></li>' for o in others_from(a, 3))
    terkini += "\n" + "\n".join(f'<li><a href="{attr(u)}">{esc(t)}</a></li>' for t, u in filler_for("antara"))
    tags = " ".join(f'<a class="tag" href="https://www.antaranews.com/tag/{slugify(t)}">{esc(t)}</a>' for t in a.tags)
    return f"""<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(a.title)} - ANTARA News</title>
<meta name="description" content="{attr(desc)}">
<meta name="keywords" content="{attr(', '.join(a.tags))}">
<link rel="canonical" href="{attr(a.canonical_url)}">
<meta property="og:site_name" content="Antara News">
<meta property="og:type" content="article">
<meta property="og:title" content="{attr(a.title)}">
<meta property="og:description" content="{attr(desc)}">
<meta property="og:url" content="{attr(a.canonical_url)}">
<meta property="og:image" content="{attr(img)}">
<meta property="article:published_time" content="{iso(a.published)}">
<meta property="article:section" content="{attr(a.section)}">
{jsonld(ld)}
<link rel="stylesheet" href="https://www.antaranews.com/assets/css/style.min.css?v=3.2.8">
</head>
<body>
<header class="bg-white">
  <div class="container">
    <div class="topbar"><a class="navbar-brand" href="https://www.antaranews.com/"><img src="https://www.antaranews.com/img/antaranews.png" alt="ANTARA News" height="40"></a>
    <div class="topbar-lang"><a href="https://en.antaranews.com/">English</a></div></div>
    <nav class="navbar navbar-expand-lg"><ul class="navbar-nav">
      <li class="nav-item"><a class="nav-link" href="/terkini">Terkini</a></li><li class="nav-item"><a class="nav-link" href="/politik">Politik</a></li><li class="nav-item"><a class="nav-link" href="/hukum">Hukum</a></li><li class="nav-item"><a class="nav-link" href="/ekonomi">Ekonomi</a></li><li class="nav-item"><a class="nav-link" href="/metro">Metro</a></li><li class="nav-item"><a class="nav-link" href="/sepakbola">Sepak Bola</a></li><li class="nav-item"><a class="nav-link" href="/olahraga">Olahraga</a></li><li class="nav-item"><a class="nav-link" href="/humaniora">Humaniora</a></li><li class="nav-item"><a class="nav-link" href="/dunia">Dunia</a></li><li class="nav-item"><a class="nav-link" href="/infografik">Infografik</a></li>
    </ul></nav>
  </div>
</header>
<div class="ads_antara_leaderboard text-center"><div id="div-gpt-ad-antara-leaderboard"></div></div>
<section class="container">
  <div class="row">
    <div class="col-md-8">
      <div class="wrap__article-detail">
        <ul class="breadcrumbs"><li><a href="https://www.antaranews.com/">Beranda</a></li><li><a href="https://www.antaranews.com/{slugify(a.section)}">{esc(a.section)}</a></li></ul>
        <div class="wrap__article-detail-title"><h1 class="post-title">{esc(a.title)}</h1></div>
        <div class="wrap__article-detail-info post-meta">
          <span class="text-secondary font-weight-normal"><i class="fa fa-clock-o"></i> {antara_date(a.published)}</span>
        </div>
        <div class="wrap__article-detail-image">
          <figure class="mb-0"><img src="{attr(img)}" alt="{attr(a.title)}" class="img-fluid"><figcaption class="wp-caption-text">{esc(a.caption or '')}</figcaption></figure>
        </div>
        <div class="social-share-article"><a href="https://www.facebook.com/sharer/sharer.php?u={esc(a.canonical_url)}" aria-label="Facebook"></a><a href="https://x.com/intent/post?url={esc(a.canonical_url)}" aria-label="X"></a><a href="https://wa.me/?text={esc(a.canonical_url)}" aria-label="WhatsApp"></a></div>
        <div class="wrap__article-detail-content post-content">{body}<br /><br /><p class="text-muted mt-2 small">Pewarta: {esc(a.byline or '')}<br />Editor: {esc(a.extra.get('editor', ''))}<br />Copyright © ANTARA 2025</p><p class="text-muted small">Dilarang keras mengambil konten, melakukan crawling atau pengindeksan otomatis untuk AI di situs web ini tanpa izin tertulis dari Kantor Berita ANTARA.</p></div>
        <div class="blog-tags"><ul class="list-inline"><li class="list-inline-item"><i class="fa fa-tags"></i></li><li class="list-inline-item">{tags}</li></ul></div>
        <div class="comments-area"><h3>Komentar</h3><div class="fb-comments" data-href="{attr(a.canonical_url)}"></div></div>
      </div>
    </div>
    <div class="col-md-4">
      <aside class="wrapper__list__article"><h4 class="border_section">Terpopuler</h4><ul>
{terkini}
      </ul></aside>
    </div>
  </div>
</section>
<footer class="bg-dark text-white"><div class="container"><p>Copyright © 2025 ANTARA</p><p>Kantor Berita ANTARA, Wisma Antara, Jl. Medan Merdeka Selatan No. 17, Jakarta 10110</p></div></footer>
</body>
</html>
"""


RENDERERS = {
    "bernama": render_bernama,
    "nst": render_nstp,
    "beritaharian": render_nstp,
    "thestar": render_thestar,
    "malaymail": render_malaymail,
    "thesun": render_thesun,
    "daily8": render_daily8,
    "kln": render_kln,
    "sinchew": render_sinchew,
    "vietnamplus": render_vietnamplus,
    "antara": render_antara,
}


# ============================================================================================
# Feeds: RSS 2.0 for most outlets, Atom for The Star, a Google News sitemap for The Sun.
# Every URL into the demo site is written as __BASE__/<path>; the demo server substitutes it.
# ============================================================================================

BASE = "__BASE__"


def xesc(text: str) -> str:
    return html.escape(text, quote=False)


def cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def feed_items(source: Source) -> list[Article]:
    items = [a for a in ARTICLES if a.source_id == source.id]
    items.sort(key=lambda a: (a.when, a.key), reverse=True)
    return items


RSS_CHANNEL = {
    "bernama_en": ("BERNAMA - Latest News", "BERNAMA - Malaysian National News Agency", "en-us"),
    "bernama_ms": ("BERNAMA - Berita Terkini", "BERNAMA - Agensi Berita Nasional Malaysia", "ms"),
    "bernama_zh": ("BERNAMA - 最新新闻", "马来西亚国家新闻社", "zh-cn"),
    "nst": ("New Straits Times", "Malaysia's oldest newspaper", "en"),
    "malaymail": ("Malay Mail - Malaysia", "Latest Malaysian news from Malay Mail", "en"),
    "beritaharian": ("Berita Harian", "Berita terkini Malaysia", "ms"),
    "daily8": ("Daily8 - Malaysia", "News from trusted sources, summarised by AI", "en"),
    "kln": ("Kenyataan Media - Kementerian Luar Negeri", "Kenyataan media Kementerian Luar Negeri Malaysia", "ms-MY"),
    "sinchew": ("星洲网 Sin Chew Daily", "马来西亚新闻", "zh-CN"),
    "vietnamplus": ("Vietnam+ (VietnamPlus) - Thế giới", "Tin tức thế giới cập nhật 24h", "vi-VN"),
    "antara": ("ANTARA News - Terkini", "Berita terkini Indonesia dan dunia", "id"),
}


def rss_item(a: Article) -> str:
    s = a.source
    link = f"{BASE}/{a.path}"
    # Bernama's real feeds put a desk label before every title ("World : ", "Sukan : ").
    title = f"{a.section} : {a.title}" if s.id.startswith("bernama_") and a.section else a.title
    lines = [f"    <title>{xesc(title)}</title>", f"    <link>{link}</link>"]
    if s.id in ("nst", "beritaharian"):
        node = a.canonical_url.split("/")[-2]
        lines.append(f'    <guid isPermaLink="false">{node} at {s.home.rstrip("/")}</guid>')
    elif s.id == "daily8":
        lines.append(f'    <guid isPermaLink="false">daily8-{a.canonical_url.rsplit("-", 1)[1]}</guid>')
    elif s.id == "sinchew":
        lines.append(f'    <guid isPermaLink="false">https://www.sinchew.com.my/?p={a.canonical_url.rsplit("/", 1)[1]}</guid>')
    else:
        lines.append(f"    <guid>{link}</guid>")
    lines.append(f"    <pubDate>{rfc822(a.when)}</pubDate>")
    if s.id in ("nst", "beritaharian", "sinchew"):
        html_desc = "<p>" + esc(first_sentence(a.body[0], 240)) + "</p>"
        lines.append(f"    <description>{cdata(html_desc)}</description>")
    elif s.id == "vietnamplus":
        post = a.canonical_url.rsplit("-post", 1)[1].split(".")[0]
        img = f"https://mediafile.vietnamplus.vn/images/2025/07/{a.published:%d}/{post}-1.jpg"
        html_desc = f'<a href="{link}"><img src="{img}" /></a>' + esc(a.summary or "")
        lines.append(f"    <description>{cdata(html_desc)}</description>")
    elif s.id == "antara":
        news_id = a.canonical_url.split("/")[4]
        img = f"https://img.antaranews.com/cache/1200x800/2025/07/{a.published:%d}/{news_id}.jpg"
        html_desc = f'<img src="{img}" align="left" border="0">' + esc(first_sentence(a.body[0], 240))
        lines.append(f"    <description>{cdata(html_desc)}</description>")
    else:
        lines.append(f"    <description>{xesc(first_sentence(a.body[0], 240))}</description>")
    if a.byline and s.id in ("nst", "malaymail", "beritaharian", "daily8", "antara"):
        lines.append(f"    <dc:creator>{xesc(a.byline)}</dc:creator>")
    if a.section:
        lines.append(f"    <category>{xesc(a.section)}</category>")
    return "  <item>\n" + "\n".join(lines) + "\n  </item>"


def rss_feed(source: Source) -> str:
    title, description, lang = RSS_CHANNEL[source.id]
    items = feed_items(source)
    body = "\n".join(rss_item(a) for a in items)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>{xesc(title)}</title>
  <link>{source.home}</link>
  <description>{xesc(description)}</description>
  <language>{lang}</language>
  <lastBuildDate>{rfc822(items[0].when)}</lastBuildDate>
  <atom:link href="{BASE}/{source.dir}/{source.feed}" rel="self" type="application/rss+xml"/>
  <ttl>15</ttl>
{body}
</channel>
</rss>
"""


def atom_feed(source: Source) -> str:
    items = feed_items(source)
    entries = []
    for a in items:
        author = f"\n    <author><name>{xesc(a.byline)}</name></author>" if a.byline else ""
        entries.append(f"""  <entry>
    <title>{xesc(a.title)}</title>
    <link rel="alternate" type="text/html" href="{BASE}/{a.path}"/>
    <id>{a.canonical_url}</id>
    <published>{iso(a.published)}</published>
    <updated>{iso(a.published)}</updated>{author}
    <category term="{attr(a.section)}"/>
    <summary type="text">{xesc(first_sentence(a.body[0], 240))}</summary>
  </entry>""")
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>The Star Online - News</title>
  <subtitle>Latest news from The Star</subtitle>
  <id>https://www.thestar.com.my/rss/News</id>
  <link rel="alternate" type="text/html" href="{source.home}"/>
  <link rel="self" type="application/atom+xml" href="{BASE}/{source.dir}/{source.feed}"/>
  <updated>{iso(items[0].published)}</updated>
  <rights>Copyright © 1995-2025 Star Media Group Berhad</rights>
{chr(10).join(entries)}
</feed>
"""


def sitemap_feed(source: Source) -> str:
    urls = []
    for a in feed_items(source):
        urls.append(f"""  <url>
    <loc>{BASE}/{a.path}</loc>
    <lastmod>{iso(a.published)}</lastmod>
    <news:news>
      <news:publication>
        <news:name>The Sun</news:name>
        <news:language>en</news:language>
      </news:publication>
      <news:publication_date>{iso(a.published)}</news:publication_date>
      <news:title>{xesc(a.title)}</news:title>
      <news:keywords>{xesc(', '.join(a.tags))}</news:keywords>
    </news:news>
  </url>""")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
{chr(10).join(urls)}
</urlset>
"""


FEED_WRITERS = {"rss": rss_feed, "atom": atom_feed, "sitemap": sitemap_feed}


# ============================================================================================
# The source list and the ground truth
# ============================================================================================

def sources_yaml() -> str:
    lines = [
        "# Demo sources: the same schema as include/sources.yaml, pointed at the local replay site.",
        "# Generated by include/demo/build_site.py. __BASE__ is replaced by the demo runner with the",
        "# replay server's origin (http://127.0.0.1:<port>); the server does the same inside .xml files.",
        "sources:",
    ]
    for s in SOURCES.values():
        comment = f"  # {s.note}" if s.note else ""
        lines.append(f"  - id: {s.id}{comment}")
        lines.append(f"    outlet: {s.outlet}")
        lines.append(f"    language: {s.language}")
        lines.append(f"    timezone: {s.timezone}")
        lines.append(f"    kind: {s.kind}")
        lines.append(f'    urls: ["{BASE}/{s.dir}/{s.feed}"]')
        lines.append(f"    profile: {s.profile}")
        if s.wire:
            lines.append(f"    wire: {s.wire}")
        if s.id.startswith("bernama_"):
            lines.append("    title_label: '^[^:]{1,30} : '  # the desk label of the real feeds")
        lines.append(f"    aggregator: {'true' if s.aggregator else 'false'}")
    return "\n".join(lines) + "\n"


def expected_record(a: Article) -> dict:
    return {
        "path": a.url_path,
        "source_id": a.source_id,
        "outlet": a.source.outlet,
        "canonical_url": a.canonical_url,
        "title": a.title,
        "published": iso(a.published) if a.published else None,
        "language": a.language,
        "byline": a.byline,
        "wire": a.wire,
        "origin_outlet": a.origin_outlet,
        "body": "\n\n".join(a.text),
        "cluster": a.cluster,
        "story": a.story,
        "case": a.case,
        "canonical": a.canonical,
    }


def check() -> None:
    """The invariants the ground truth promises; the build refuses to write a site breaking them."""
    paths = [a.path for a in ARTICLES]
    assert len(paths) == len(set(paths)), "duplicate paths"
    assert len({a.key for a in ARTICLES}) == len(ARTICLES), "duplicate keys"
    assert len({a.canonical_url for a in ARTICLES}) == len(ARTICLES), "duplicate canonical URLs"
    clusters: dict[str, list[Article]] = {}
    for a in ARTICLES:
        clusters.setdefault(a.cluster, []).append(a)
        assert a.when is not None, a.key
        assert a.body and all(p.strip() for p in a.body), a.key
        assert all("\n" not in p for p in a.body), a.key
        if a.source.aggregator:
            assert a.origin_outlet, a.key
    for name, members in clusters.items():
        assert sum(m.canonical for m in members) == 1, f"cluster {name}: exactly one canonical"
        assert len({m.story for m in members}) == 1, f"cluster {name}: one story"
        assert len({m.language for m in members}) == 1, f"cluster {name}: one language"
        wire_pages = [m for m in members if m.source.wire and m.wire]
        canonical = next(m for m in members if m.canonical)
        if not wire_pages:
            timed = [m for m in members if m.published]
            if len(members) > 1:
                assert canonical.published == min(m.published for m in timed), f"cluster {name}: earliest"
        else:
            assert canonical in wire_pages, f"cluster {name}: the wire's page is canonical"
    for source in SOURCES.values():
        assert any(a.source_id == source.id for a in ARTICLES), f"no pages for {source.id}"


# ============================================================================================
# Build
# ============================================================================================

def render(a: Article) -> bytes:
    page = RENDERERS[a.source.profile](a)
    encoding = a.extra.get("encoding", "utf-8")
    if encoding != "utf-8":
        "".join(a.body + [a.title]).encode(encoding)  # the story itself must encode exactly
        return page.encode(encoding, errors="xmlcharrefreplace")
    return page.encode("utf-8")


def build(out: Path) -> list[Path]:
    """Write site/, expected.jsonl and sources.yaml under `out`; returns the files written."""
    check()
    site = out / "site"
    if site.exists():
        shutil.rmtree(site)
    written = []

    def write(path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(path)

    write(site / "robots.txt", b"User-agent: *\nAllow: /\n")
    for a in ARTICLES:
        write(site / a.path, render(a))
    for source in SOURCES.values():
        write(site / source.dir / source.feed, FEED_WRITERS[source.kind](source).encode("utf-8"))
    records = sorted((expected_record(a) for a in ARTICLES), key=lambda r: r["path"])
    write(out / "expected.jsonl",
          "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8"))
    write(out / "sources.yaml", sources_yaml().encode("utf-8"))
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=HERE,
                        help="where to write site/, expected.jsonl and sources.yaml (default: beside this file)")
    args = parser.parse_args()
    files = build(args.out)
    size = sum(f.stat().st_size for f in files)
    print(f"wrote {len(files)} files ({size / 1024:.0f} KiB) under {args.out}")


if __name__ == "__main__":
    main()
