"""A demo-like store for the briefing: one Bernama story carried by six outlets in three languages."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from pantau.days import BRIEFING_ZONE
from pantau.models import article_id
from pantau.registry.sources import load_sources, load_watchlist
from pantau.store import ArticleRow, DedupAssignment, QualityRun, Quarantine, SourceRun

DAY = date(2026, 1, 5)
WIRE_TITLE = "Malaysia, China agree to keep South China Sea talks on track"
ZH_TITLE = "马中同意继续推进南海行为准则谈判"
MS_TITLE = "Malaysia, China sepakat teruskan rundingan Laut China Selatan"
VI_TITLE = "Việt Nam và Malaysia thảo luận về Biển Đông"
ID_TITLE = "Indonesia dukung ASEAN soal Laut China Selatan"
SCRIPT_TITLE = "<script>alert('x')</script> ASEAN ministers meet in Kuala Lumpur"

SOURCES_YAML = """
sources:
  - {id: bernama, outlet: Bernama, language: en, kind: rss, urls: ["https://bernama.example/en/rss"], wire: bernama}
  - {id: bernama_zh, outlet: Bernama, language: zh, kind: rss, urls: ["https://bernama.example/zh/rss"], wire: bernama}
  - {id: thestar, outlet: The Star, language: en, kind: rss, urls: ["https://thestar.example/rss"]}
  - {id: nst, outlet: New Straits Times, language: en, kind: rss, urls: ["https://nst.example/rss"]}
  - {id: malaysiakini, outlet: Malaysiakini, language: en, kind: rss, urls: ["https://mkini.example/rss"]}
  - {id: bharian, outlet: Berita Harian, language: ms, kind: rss, urls: ["https://bh.example/rss"]}
  - {id: sinchew, outlet: Sin Chew Daily, language: zh, kind: rss, urls: ["https://sinchew.example/rss"]}
  - {id: vnexpress, outlet: VnExpress, language: vi, kind: rss, urls: ["https://vnexpress.example/rss"], timezone: Asia/Ho_Chi_Minh}
  - {id: antara, outlet: Antara, language: id, kind: rss, urls: ["https://antara.example/rss"], timezone: Asia/Jakarta}
  - {id: kosmo, outlet: Kosmo, language: ms, kind: rss, urls: ["https://kosmo.example/rss"]}
  - {id: utusan, outlet: Utusan Malaysia, language: ms, kind: rss, urls: ["https://utusan.example/rss"], stale_after_hours: 48}
"""

WATCHLIST_YAML = """
topics:
  - id: south-china-sea
    name: South China Sea
    keywords: {en: [South China Sea], ms: [Laut China Selatan], zh: [南海], vi: [Biển Đông], id: [Laut China Selatan]}
  - id: asean
    name: ASEAN
    keywords: {en: [ASEAN], ms: [ASEAN], zh: [东盟], vi: [ASEAN], id: [ASEAN]}
  - id: myanmar
    name: Myanmar
    keywords: {en: [Myanmar], ms: [Myanmar], zh: [缅甸], vi: [Myanmar], id: [Myanmar]}
"""


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=BRIEFING_ZONE)


def article(
    source_id: str,
    outlet: str,
    language: str,
    title: str,
    published: datetime | None,
    day: date = DAY,
    body: str | None = None,
    wire: str | None = None,
    method: str = "profile:x",
) -> ArticleRow:
    url = f"https://{source_id}.example/{day.isoformat()}/{article_id(title)[:10]}"
    return ArticleRow(
        id=article_id(url),
        url=url,
        source_id=source_id,
        outlet=outlet,
        title=title,
        published_at=published,
        published_iso=published.isoformat() if published else None,
        language=language,
        byline=None,
        body=body or f"{title}. This is the second sentence of the story. A third sentence follows.",
        wire=wire,
        origin_outlet=None,
        method=method,
        raw_page_id=1,
        day=day,
        batch_day=day,
    )


def assign(
    row: ArticleRow,
    story: str,
    cluster: str,
    canonical: bool = False,
    method: str = "minhash+containment",
    score: float = 0.87,
) -> DedupAssignment:
    return DedupAssignment(
        article_id=row.id,
        day=row.day,
        cluster=cluster,
        story=story,
        canonical=canonical,
        method="seed" if canonical else method,
        score=1.0 if canonical else score,
        matched_with=None if canonical else "seed-article",
    )


def run(source_id: str, day: date, status: str = "ok", last_new: datetime | None = None, **fields) -> SourceRun:
    return SourceRun(
        source_id=source_id,
        day=day,
        status=status,
        items_seen=5,
        new_items=2,
        started_at=at(day + timedelta(days=1), 7),
        finished_at=at(day + timedelta(days=1), 7, 1),
        last_new_item_at=last_new if last_new is not None else at(day, 20),
        **fields,
    )


def demo_rows() -> list:
    wire_body = (
        "KUALA LUMPUR, Jan 5 (Bernama) -- Malaysia and China agreed on Monday to keep talks on a "
        "code of conduct in the South China Sea on track. Foreign Minister Datuk Seri Mohamad Hasan "
        "said both sides wanted an early conclusion. He spoke after meeting his counterpart."
    )
    wire = article("bernama", "Bernama", "en", WIRE_TITLE, at(DAY, 8), body=wire_body, wire="bernama")
    carriers = [
        (
            article(
                "bernama_zh",
                "Bernama",
                "zh",
                ZH_TITLE,
                at(DAY, 8, 25),
                wire="bernama",
                body="马来西亚和中国同意继续推进南海行为准则谈判。双方希望尽早达成协议。",
            ),
            "w-zh",
            True,
        ),
        (
            article(
                "thestar",
                "The Star",
                "en",
                WIRE_TITLE,
                at(DAY, 8, 40),
                wire="bernama",
                body=wire_body,
                method="generic-fallback:thestar",
            ),
            "w-en",
            False,
        ),
        (
            article("malaysiakini", "Malaysiakini", "en", WIRE_TITLE, at(DAY, 8, 55), wire="bernama", body=wire_body),
            "w-en",
            False,
        ),
        (
            article(
                "bharian",
                "Berita Harian",
                "ms",
                MS_TITLE,
                at(DAY, 9),
                wire="bernama",
                body="Malaysia dan China sepakat meneruskan rundingan Laut China Selatan. Kenyataan itu "
                "dikeluarkan hari ini.",
            ),
            "w-ms",
            True,
        ),
        (
            article(
                "sinchew",
                "Sin Chew Daily",
                "zh",
                ZH_TITLE,
                at(DAY, 10),
                wire="bernama",
                body="马来西亚和中国同意继续推进南海行为准则谈判。",
            ),
            "w-zh",
            False,
        ),
        (
            article("nst", "New Straits Times", "en", WIRE_TITLE, at(DAY, 11, 5), wire="bernama", body=wire_body),
            "w-en",
            False,
        ),
    ]
    rows: list = [wire, assign(wire, "story-w", "w-en", canonical=True)]
    for row, cluster, canonical in carriers:
        rows += [row, assign(row, "story-w", cluster, canonical=canonical)]
    second_wire = article(
        "bernama", "Bernama", "en", "Wisma Putra monitors Myanmar situation", at(DAY, 13), wire="bernama"
    )
    star_copy = article(
        "thestar", "The Star", "en", "Wisma Putra monitors Myanmar situation", at(DAY, 15, 10), wire="bernama"
    )
    rows += [second_wire, assign(second_wire, "story-m", "m-en", True), star_copy, assign(star_copy, "story-m", "m-en")]
    singles = [
        article(
            "vnexpress",
            "VnExpress",
            "vi",
            VI_TITLE,
            datetime(2026, 1, 5, 9, 30, tzinfo=BRIEFING_ZONE),
            body="Hai bên đã thảo luận về tình hình Biển Đông. Cuộc họp diễn ra tại Hà Nội.",
        ),
        article(
            "antara",
            "Antara",
            "id",
            ID_TITLE,
            at(DAY, 14),
            body="Indonesia mendukung sikap ASEAN. Menteri Luar Negeri menyampaikan hal itu.",
        ),
        article("thestar", "The Star", "en", SCRIPT_TITLE, at(DAY, 17)),
        article(
            "sinchew",
            "Sin Chew Daily",
            "zh",
            "东盟外长会议在吉隆坡举行",
            at(DAY, 19),
            body="东盟外长会议今天在吉隆坡举行。会议讨论了缅甸局势。",
        ),
        article("bharian", "Berita Harian", "ms", "Laut China Selatan: Malaysia pertahan kedaulatan", None),
    ]
    for row in singles:
        rows += [row, assign(row, f"story-{row.id}", f"c-{row.id}", canonical=True)]
    # History: a quiet South China Sea week before the day, and a steady article count.
    for offset in range(1, 8):
        past = DAY - timedelta(days=offset)
        rows.append(article("thestar", "The Star", "en", f"Trade figures for week {offset}", at(past, 10), day=past))
        for hour in (11, 12):
            rows.append(
                article(
                    "nst",
                    "New Straits Times",
                    "en",
                    f"ASEAN business outlook {offset}/{hour}",
                    at(past, hour),
                    day=past,
                )
            )
        if offset == 3:
            rows.append(article("nst", "New Straits Times", "en", "South China Sea patrols", at(past, 13), day=past))
    # Source runs: Kosmo failing for three days, Utusan quiet for four, the rest fine.
    for source_id in (
        "bernama",
        "bernama_zh",
        "thestar",
        "nst",
        "malaysiakini",
        "bharian",
        "sinchew",
        "vnexpress",
        "antara",
    ):
        rows.append(run(source_id, DAY))
    for offset in range(0, 3):
        rows.append(
            run(
                "kosmo",
                DAY - timedelta(days=offset),
                status="failed",
                reason="http-5xx",
                error="503 Service Unavailable\nretry later",
            )
        )
    rows.append(run("kosmo", DAY - timedelta(days=3)))
    rows.append(run("utusan", DAY, status="unchanged", last_new=at(DAY - timedelta(days=4), 9, 30)))
    rows.append(Quarantine(stage="parse", day=DAY, item="https://kosmo.example/x", reason="no-date", detail=""))
    rows.append(
        QualityRun(
            day=DAY,
            suite="articles",
            success=True,
            critical_failures=0,
            warnings=1,
            summary={
                "expectations": [
                    {"expectation": "title is not empty", "severity": "critical", "success": True, "detail": ""},
                    {
                        "expectation": "byline present",
                        "severity": "warning",
                        "success": False,
                        "detail": "3 of 14 missing",
                    },
                ],
                "report_path": "quality/index.html",
            },
        )
    )
    return rows


def config_from(folder: Path):
    sources_path, watchlist_path = folder / "sources.yaml", folder / "watchlist.yaml"
    sources_path.write_text(SOURCES_YAML, encoding="utf-8")
    watchlist_path.write_text(WATCHLIST_YAML, encoding="utf-8")
    return {source.id: source for source in load_sources(sources_path)}, load_watchlist(watchlist_path)
