"""Issue 15: stories without chains, rewrites credited to the wire, statements, and why each link was made."""

from __future__ import annotations

import numpy as np
import pytest

from pantau.dedup import candidates, explain, stories
from pantau.dedup.cluster import Assignment, _processing_rank, assign_clusters
from pantau.dedup.index import SignatureIndex
from pantau.dedup.records import dedup_records
from pantau.dedup.signatures import RELEASE, REPORT, DedupItem, Signatures, sign
from pantau.models import article_id

from .labelled import demo_pages
from .scoring import pairwise_scores
from .summit_day import summit_day


@pytest.fixture(scope="module")
def day():
    return summit_day()


@pytest.fixture(scope="module")
def assigned(day) -> dict[str, Assignment]:
    """By "<cluster> <case>"."""
    return {f"{e.cluster} {e.case}": a for e, a in zip(day, assign_clusters([e.item for e in day]))}


def test_three_stories_of_one_wire_on_one_day_in_english_and_malay_stay_three(day, assigned):
    found = list(assigned.values())
    precision, recall = pairwise_scores([a.story for a in found], [e.story for e in day])
    assert (precision, recall) == (1.0, 1.0)
    assert len({a.story for a in found}) == 3
    for story in ("coc", "rubio", "border"):
        english, malay = assigned[f"{story}-en wire en"], assigned[f"{story}-ms wire ms"]
        assert english.method == "seed" and english.story == english.cluster, "the English report is the original"
        assert malay.method == "translation" and malay.matched_with == english.article_id
        assert malay.story == english.cluster != malay.cluster


def test_the_rewrite_credited_bernama_joins_its_wire_story(day, assigned):
    rewrite, wire = assigned["rubio-en rewrite credited — Bernama"], assigned["rubio-en wire en"]
    assert (rewrite.cluster, rewrite.method, rewrite.matched_with) == (wire.cluster, "rewrite", wire.article_id)
    # In its own words: far fewer shingles in common than any copy.
    items = {e.case: e.item for e in day if e.cluster == "rubio-en"}
    signed = sign([items["rewrite credited — Bernama"], items["wire en"]])
    shared = len(np.intersect1d(signed.sample[0], signed.sample[1]))
    assert shared / min(len(signed.sample[0]), len(signed.sample[1])) < candidates.CONTAINMENT


def test_a_rewrite_that_credits_no_wire_stays_apart(day):
    items = {f"{e.cluster} {e.case}": e.item for e in day}
    uncredited = items["rubio-en rewrite credited — Bernama"]
    uncredited = DedupItem(**{**vars(uncredited), "wire": None, "body": uncredited.body.replace("— Bernama", "")})
    found = assign_clusters([items["rubio-en wire en"], uncredited])
    assert found[1].method in {"seed", "quotes"}, "only the credit makes a rewrite"


def test_a_translation_that_could_join_two_stories_joins_only_the_best(day, assigned):
    items = [e.item for e in day]
    index = SignatureIndex()
    index.add(sign(items), [f"c-{item.id}" for item in items], [""] * len(items))
    rank = _processing_rank(index.signatures, 0)
    links = stories._fact_links(index.signatures, np.arange(len(items)), 0, rank, stories.TRANSLATION)
    malay = next(i for i, e in enumerate(day) if e.cluster == "border-ms")
    matched = {day[earlier].cluster: score for later, earlier, score in links if later == malay}
    assert set(matched) == {"border-en", "rubio-en"}, "its background paragraph fits the Rubio story too"
    assert matched["border-en"] > matched["rubio-en"]

    border_ms, rubio_en = assigned["border-ms wire ms"], assigned["rubio-en wire en"]
    assert border_ms.story == assigned["border-en wire en"].cluster
    in_rubio = {a.cluster for a in assigned.values() if a.story == rubio_en.cluster}
    assert in_rubio == {rubio_en.cluster, assigned["rubio-ms wire ms"].cluster}


def test_a_story_holds_one_cluster_per_language_and_wire(day):
    """A second Malay Bernama report matching the English story only stands alone: the better keeps the place."""
    by_case = {f"{e.cluster} {e.case}": e.item for e in day}
    english, malay = by_case["rubio-en wire en"], by_case["rubio-ms wire ms"]
    paragraphs = malay.body.split("\n\n")
    weaker = DedupItem(
        **{
            **vars(malay),
            "id": article_id("https://www.bernama.com/bm/news.php?id=2442099"),
            "url": "https://www.bernama.com/bm/news.php?id=2442099",
            "body": "\n\n".join([paragraphs[0], paragraphs[1], "-- BERNAMA"]),
            "published": malay.published.replace(hour=14, minute=30),
        }
    )
    found = assign_clusters([english, weaker, malay])
    assert found[2].story == found[0].cluster and found[2].method == "translation"
    if found[1].cluster != found[2].cluster:  # not a copy of the fuller report: then its own story
        assert found[1].story == found[1].cluster


def test_the_ministry_statement_and_the_wire_report_are_one_story_with_the_statement_as_original():
    pages = demo_pages()
    found = {p["cluster"]: a for (p, _), a in zip(pages, assign_clusters([item for _, item in pages]))}
    release, report = found["gaza-statement-ms"], found["gaza-statement-en"]
    assert release.method == "seed" and release.story == release.cluster
    assert (report.story, report.method, report.matched_with) == (release.cluster, "statement", release.article_id)
    assert found["som-kln-ms"].story != found["som-concludes-en"].story, "a release on another story stays apart"


def test_statement_kinds_are_signed_and_survive_packing():
    pages = {p["cluster"]: item for p, item in demo_pages()}
    signed = sign([pages["gaza-statement-ms"], pages["gaza-statement-en"], pages["penang-floods-en"]])
    assert signed.statements.tolist() == [RELEASE, REPORT, 0]
    restored, _, _ = Signatures.unpack([signed.pack(i, "c", "s") for i in range(len(signed))])
    assert restored.statements.tolist() == [RELEASE, REPORT, 0]
    assert restored.wire_pages.tolist() == signed.wire_pages.tolist()


def test_every_link_keeps_its_evidence_in_the_command_records(day):
    records = [
        {
            "url": e.item.url,
            "outlet": e.item.outlet,
            "title": e.item.title,
            "body": e.item.body,
            "language": e.item.language,
            "published": e.item.published.isoformat(),
            "wire": e.item.wire,
        }
        for e in day
    ]
    deduped = {(e.cluster, e.case): r for e, r in zip(day, dedup_records(records))}
    rewrite = deduped[("rubio-en", "rewrite credited — Bernama")]
    assert rewrite["dedup_method"] == "rewrite"
    evidence = rewrite["dedup_evidence"]
    assert {"anwar", "rubio", "25"} <= set(evidence["shared"]) and evidence["score"] == rewrite["dedup_score"]
    translation = deduped[("rubio-ms", "wire ms")]["dedup_evidence"]
    assert {"rubio", "putrajaya", "45"} <= set(translation["shared"])
    assert deduped[("rubio-en", "wire en")]["dedup_evidence"] is None


@pytest.mark.parametrize(
    ("method", "source", "phrase"),
    [
        ("near-duplicate", "Bernama", "same text as Bernama"),
        ("containment", "Bernama", "shortened copy of Bernama"),
        ("rewrite", "Bernama", "rewritten from Bernama"),
        ("translation", "Bernama", "translation of Bernama's story"),
        ("statement", "Wisma Putra", "reports Wisma Putra's statement"),
        ("translation", None, "translation"),
        ("seed", "Bernama", "first report"),
    ],
)
def test_why_grouped_in_plain_words(method, source, phrase):
    assert explain.why_grouped(method, source) == phrase
