"""Extraction on real pages: Pantau against plain trafilatura, on the tune set and the held-out set.

    .venv/bin/python benchmarks/bench_extract_real.py [--quick] [--set tune|score|both] [--pages] [--where]
        [--validation FUNDUS READABILITY] [--wcxb WCXB] [--dragnet DRAGNET] [--trafilatura-eval TRAFILATURA]

The tune set: tests/extract/fixtures/real (fundus' saved publisher pages with their expected parse;
see manifest.json for each page's origin and licence), where thresholds and rules are chosen. The
held-out sets, only ever scored here (--set score or both), never page by page: WCXB's test split,
read with --wcxb from a clone of the Web Content Extraction Benchmark, and fundus' history (pages
its newest tree replaced), read with --validation from a clone of fundus (see validation_pages.py).

For each set, both systems: mean body token F1 against fundus' text, the share of titles equal to
fundus' title, of publication times right to the minute (on pages whose expected parse has a time
of day), of bylines naming the same people, and the time per page, with Pantau's figures as ratios
of trafilatura's measured in the same run, and the difference in body F1 with its 95 % interval (a
paired bootstrap over the pages). With --validation, the same for the validation sets read from
clones of fundus and Mozilla Readability (see validation_pages.py): where a rule chosen on the
tune set was checked before it was kept; with --wcxb, WCXB's dev split as well; with --dragnet,
Dragnet's pages of 2012; with --trafilatura-eval, trafilatura's own evaluation set, by its own
measure (the passages each page's text must hold and must not: precision, recall, accuracy and F1
over all the passages). For each set, how many pages Pantau rejected and why; with --wcxb, how many
of WCXB's pages that are no article (listings, shops, forums, services, manuals) it rejects, by kind.
"""

from __future__ import annotations

import argparse
import logging
import math
import random
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TypeAlias

import trafilatura

from pantau.extract.article import extract_article
from pantau.extract.scoring import token_f1
from pantau.models import PageRejected

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "extract"))
from validation_pages import (  # noqa: E402
    OtherPage,
    SnippetPage,
    dragnet_pages,
    fundus_history_pages,
    trafilatura_eval_pages,
    validation_pages,
    wcxb_other_pages,
    wcxb_pages,
)

from conftest import RealPage, real_pages  # noqa: E402  (the fixtures' loader, shared with the tests)

HELD_OUT = ("wcxb-test", "fundus-history")
AnyPage: TypeAlias = RealPage | OtherPage | SnippetPage  # all a system reads of one is its HTML and its URL
BOOTSTRAP_RESAMPLES = 2000


@dataclass(frozen=True)
class Reading:
    title: str
    body: str
    published: datetime | None
    authors: tuple[str, ...]
    rejected: str = ""  # why Pantau rejected the page, if it did


def pantau(page: AnyPage) -> Reading:
    try:
        article = extract_article(page.html, page.url)
    except PageRejected as exc:
        return Reading("", "", None, (), rejected=exc.reason)
    return Reading(article.title, article.body, article.published, article.authors)


def plain_trafilatura(page: AnyPage) -> Reading:
    document = trafilatura.bare_extraction(page.html, url=page.url, with_metadata=True, include_comments=False)
    if document is None:
        return Reading("", "", None, ())
    date = document.date
    published = datetime.fromisoformat(date).replace(tzinfo=timezone.utc) if date else None
    authors = tuple(a.strip() for a in (document.author or "").split(";") if a.strip())
    return Reading(document.title or "", document.text or "", published, authors)


def trafilatura_text_only(page: AnyPage) -> str:
    """trafilatura's text without its metadata pass: what both systems spend reading the story."""
    document = trafilatura.bare_extraction(page.html, url=page.url, with_metadata=False, include_comments=False)
    return (document.text if document is not None else "") or ""


def _people(names) -> set[str]:
    return {" ".join(n.lower().split()) for n in names}


def _has_time_of_day(expected: datetime | None) -> bool:
    """fundus gives a page that prints a day alone as that day's midnight without an offset: such
    a page prints no time, and the goal is set on pages that print one."""
    return expected is not None and not (expected.tzinfo is None and (expected.hour, expected.minute) == (0, 0))


def _same_minute(got: datetime | None, expected: datetime) -> bool:
    """The same instant to the minute; fundus gives some times without an offset, and those are
    compared as the wall-clock time the page prints."""
    if got is None:
        return False
    if expected.tzinfo is None:
        return got.replace(tzinfo=None, second=0, microsecond=0) == expected.replace(second=0, microsecond=0)
    if got.tzinfo is None:
        return False
    return got.astimezone(timezone.utc).replace(second=0, microsecond=0) == expected.astimezone(timezone.utc).replace(
        second=0, microsecond=0
    )


@dataclass
class Score:
    body: list[float]
    title: list[bool]
    published: list[bool]
    byline: list[bool]
    rejected: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    def row(self) -> tuple[float, float, float, float]:
        def share(values: list[bool]) -> float:
            return sum(values) / len(values) if values else float("nan")

        return statistics.mean(self.body), share(self.title), share(self.published), share(self.byline)


def _rejected(reasons: Counter[str], pages: int) -> str:
    """How many pages were rejected and why: "2 of the 1,381 pages (too-short 1, index-page 1)"."""
    if not reasons:
        return f"none of the {pages:,} pages"
    why = ", ".join(f"{reason} {n}" for reason, n in reasons.most_common())
    return f"{sum(reasons.values())} of the {pages:,} pages ({why})"


def rejected_by_kind(pages: list[OtherPage]) -> str:
    """How many of the pages of each kind Pantau rejects: "collection 11 of 91, forum 7 of 112"."""
    kinds: Counter[str] = Counter(page.kind for page in pages)
    rejected: Counter[str] = Counter(page.kind for page in pages if pantau(page).rejected)
    return ", ".join(f"{kind} {rejected[kind]} of {n}" for kind, n in sorted(kinds.items()))


def _bootstrap(statistic: Callable[[list[int]], float], pages: int) -> tuple[float, float, float]:
    """The statistic over all the pages, and its 95 % interval by a bootstrap: the pages drawn again
    with replacement, seeded, so each run gives the same interval."""
    draw = random.Random(0)
    every_page = list(range(pages))
    values = sorted(statistic(draw.choices(every_page, k=pages)) for _ in range(BOOTSTRAP_RESAMPLES))
    return (
        statistic(every_page),
        values[int(0.025 * BOOTSTRAP_RESAMPLES)],
        values[int(0.975 * BOOTSTRAP_RESAMPLES)],
    )


def paired_difference(ours: list[float], theirs: list[float]) -> tuple[float, float, float]:
    """The mean of the pages' differences, ours less theirs, and its 95 % interval by a paired
    bootstrap: an interval that holds zero says the two systems are not told apart on these pages."""
    differences = [a - b for a, b in zip(ours, theirs, strict=True)]
    return _bootstrap(lambda drawn: statistics.fmean(differences[n] for n in drawn), len(differences))


Passages = tuple[int, int, int, int]  # wanted passages found, unwanted found, wanted missed, unwanted left out


def passages_found(text: str, page: SnippetPage) -> Passages:
    """trafilatura's own measure of a page's text: each passage looked for as a substring, with
    runs of whitespace made one space on both sides."""
    text = " ".join(text.split())
    wanted = sum(" ".join(passage.split()) in text for passage in page.wanted)
    unwanted = sum(" ".join(passage.split()) in text for passage in page.unwanted)
    return wanted, unwanted, len(page.wanted) - wanted, len(page.unwanted) - unwanted


def passage_scores(pages: list[Passages]) -> tuple[float, float, float, float]:
    """Precision, recall, accuracy and F1 over all the pages' passages together, as trafilatura
    computes them for its evaluation set."""
    found, unwanted_found, missed, left_out = (sum(column) for column in zip(*pages, strict=True))
    precision = found / (found + unwanted_found) if found + unwanted_found else 0.0
    recall = found / (found + missed) if found + missed else 0.0
    accuracy = (found + left_out) / (found + unwanted_found + missed + left_out)
    f1 = 2 * found / (2 * found + unwanted_found + missed) if found + unwanted_found + missed else 0.0
    return precision, recall, accuracy, f1


def paired_passage_difference(ours: list[Passages], theirs: list[Passages]) -> tuple[float, float, float]:
    """Passage F1, ours less theirs, and its 95 % interval by a paired bootstrap over the pages."""
    return _bootstrap(
        lambda drawn: passage_scores([ours[n] for n in drawn])[3] - passage_scores([theirs[n] for n in drawn])[3],
        len(ours),
    )


def _percent(share: float) -> str:
    """A share as a percentage, "–" for a set that gives nothing to score it on."""
    return "–" if math.isnan(share) else f"{share:.1%}"


def scored(read: Callable[[RealPage], Reading], corpus: list[RealPage], show: bool) -> Score:
    score = Score([], [], [], [])
    for page in corpus:
        got = read(page)
        expected_body = "\n".join(page.paragraphs)
        score.body.append(token_f1(got.body, expected_body))
        if got.rejected:
            score.rejected[got.rejected] += 1
        if page.title:
            score.title.append(" ".join(got.title.split()) == " ".join(page.title.split()))
        if _has_time_of_day(page.published):
            score.published.append(_same_minute(got.published, page.published))
        if page.authors:
            score.byline.append(_people(got.authors) == _people(page.authors))
        if show:
            print(
                f"  {read.__name__:17} {page.page[:40]:40} body {score.body[-1]:.3f}"
                f" title {score.title[-1]:d} date {got.published} byline {list(got.authors)}"
                f" (expected {page.published}, {list(page.authors)})"
            )
    return score


def time_per_page(
    systems: Sequence[Callable[[AnyPage], object]], corpus: Sequence[AnyPage], rounds: int
) -> list[float]:
    """Seconds per page of each system: for each page its fastest of `rounds` readings in CPU time
    of this process, the systems timed in turns page by page. Other jobs on the machine preempt
    and slow a reading; the fastest is the one they disturbed least, for both systems alike."""
    spent = [0.0] * len(systems)
    for page in corpus:
        fastest = [float("inf")] * len(systems)
        for _ in range(rounds):
            for n, read in enumerate(systems):
                start = time.process_time()
                read(page)
                fastest[n] = min(fastest[n], time.process_time() - start)
        spent = [total + best for total, best in zip(spent, fastest)]
    return [total / len(corpus) for total in spent]


def report_passages(corpus: list[SnippetPage], rounds: int) -> None:
    """trafilatura's evaluation set, scored by trafilatura's own measure, for both systems."""
    readings = [[read(page) for page in corpus] for read in (pantau, plain_trafilatura)]
    ours, theirs = ([passages_found(reading.body, page) for reading, page in zip(read, corpus)] for read in readings)
    seconds = time_per_page([pantau, plain_trafilatura], corpus, rounds)
    print(
        f"\ntrafilatura-eval set: {len(corpus)} pages, {sum(len(p.wanted) for p in corpus):,} passages their text"
        f" must hold, {sum(len(p.unwanted) for p in corpus):,} it must not (trafilatura's measure)"
    )
    print(f"{'':14} {'precision':>9} {'recall':>7} {'accuracy':>9} {'F1':>7} {'ms/page':>8}")
    for name, counts, spent in (("pantau", ours, seconds[0]), ("trafilatura", theirs, seconds[1])):
        precision, recall, accuracy, f1 = passage_scores(counts)
        print(f"{name:14} {precision:9.3f} {recall:7.3f} {accuracy:9.3f} {f1:7.3f} {spent * 1000:8.1f}")
    difference, low, high = paired_passage_difference(ours, theirs)
    print(
        f"passage F1, pantau less trafilatura: {difference:+.4f}"
        f" (95 % interval, paired bootstrap over the pages: {low:+.4f} to {high:+.4f}); time {seconds[0] / seconds[1]:.2f}x"
    )
    margin = [(a[0] - a[1]) - (b[0] - b[1]) for a, b in zip(ours, theirs)]
    print(
        f"pages pantau reads better (more wanted passages less unwanted ones found): {sum(m > 0 for m in margin)};"
        f" worse: {sum(m < 0 for m in margin)}"
    )
    rejected = Counter(reading.rejected for reading in readings[0] if reading.rejected)
    print(f"pantau rejected {_rejected(rejected, len(corpus))}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one timing round instead of five")
    parser.add_argument("--set", choices=("tune", "score", "both"), default="both")
    parser.add_argument("--pages", action="store_true", help="print every page's reading (not the held-out set's)")
    parser.add_argument(
        "--where",
        action="store_true",
        help="also time trafilatura without its metadata pass: where each system's time beyond the text goes",
    )
    parser.add_argument(
        "--validation",
        nargs=2,
        type=Path,
        metavar=("FUNDUS", "READABILITY"),
        help="also score the validation sets, read from these git clones of fundus and Mozilla Readability",
    )
    parser.add_argument(
        "--wcxb",
        type=Path,
        metavar="WCXB",
        help="also score WCXB's article pages (dev: validation; test: held out, with --set score or both)",
    )
    parser.add_argument(
        "--dragnet",
        type=Path,
        metavar="DRAGNET",
        help="also score Dragnet's pages (validation), from its archives unpacked into DRAGNET/HTML and DRAGNET/Corrected",
    )
    parser.add_argument(
        "--trafilatura-eval",
        type=Path,
        metavar="TRAFILATURA",
        help="also score trafilatura's own evaluation set (validation), by its measure, from a clone of trafilatura",
    )
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    rounds = 1 if args.quick else 5
    held_out = args.set in ("score", "both")
    if args.set == "score" and not (args.wcxb or args.validation):
        print(
            "bench_extract_real: the held-out sets are WCXB's test split and fundus' history:"
            " give --wcxb WCXB or --validation FUNDUS READABILITY",
            file=sys.stderr,
        )
        return 2
    pantau(real_pages()[0]), plain_trafilatura(real_pages()[0])  # load models outside the timed runs

    corpora = {"tune": real_pages("tune")} if args.set != "score" else {}
    not_articles: dict[str, list[OtherPage]] = {}
    try:
        if args.validation:
            corpora |= validation_pages(*args.validation)
            if held_out:
                corpora["fundus-history"] = fundus_history_pages(args.validation[0])
        if args.wcxb:
            wcxb_splits = ("dev", "test") if held_out else ("dev",)
            corpora |= wcxb_pages(args.wcxb, wcxb_splits)
            not_articles = wcxb_other_pages(args.wcxb, wcxb_splits)
        if args.dragnet:
            corpora["dragnet"] = dragnet_pages(args.dragnet)
        passage_pages = trafilatura_eval_pages(args.trafilatura_eval) if args.trafilatura_eval else []
    except (OSError, subprocess.CalledProcessError, KeyError, ValueError) as exc:
        # Missing files (KeyError) or unreadable JSON (ValueError) in a clone that is not whole.
        print(f"bench_extract_real: cannot read the validation pages: {exc!r}", file=sys.stderr)
        return 2
    if held_out and not args.wcxb:
        print("held-out set WCXB's test split not read: give --wcxb WCXB")
    if held_out and not args.validation:
        print("held-out set fundus' history not read: give --validation FUNDUS READABILITY")
    for split, corpus in corpora.items():
        # Per-page detail is for tuning, so never printed for the held-out set.
        show = args.pages and split not in HELD_OUT
        ours = scored(pantau, corpus, show)
        theirs = scored(plain_trafilatura, corpus, show)
        systems = [pantau, plain_trafilatura] + ([trafilatura_text_only] if args.where else [])
        ours.seconds, theirs.seconds, *text_only = time_per_page(systems, corpus, rounds)
        print(
            f"\n{split} set: {len(corpus)} pages ({len(ours.published)} with a time, {len(ours.byline)} with a byline)"
        )
        print(f"{'':14} {'body F1':>8} {'title':>7} {'published':>10} {'byline':>7} {'ms/page':>8}")
        for name, score in (("pantau", ours), ("trafilatura", theirs)):
            body, title, published, byline = score.row()
            print(
                f"{name:14} {body:8.3f} {_percent(title):>7} {_percent(published):>10} {_percent(byline):>7}"
                f" {score.seconds * 1000:8.1f}"
            )
        ratios = [a / b if b else float("nan") for a, b in zip(ours.row(), theirs.row())]
        print(
            f"{'ratio':14} {ratios[0]:8.2f} {ratios[1]:7.2f} {ratios[2]:10.2f} {ratios[3]:7.2f}"
            f" {ours.seconds / theirs.seconds:8.2f}  (pantau / trafilatura; time < 1 means pantau is faster)"
        )
        difference, low, high = paired_difference(ours.body, theirs.body)
        print(
            f"body F1, pantau less trafilatura: {difference:+.4f}"
            f" (95 % interval, paired bootstrap over the pages: {low:+.4f} to {high:+.4f})"
        )
        print(f"pantau rejected {_rejected(ours.rejected, len(corpus))}")
        if text_only:
            print(
                f"where the time goes: trafilatura's text without metadata {text_only[0] * 1000:.1f} ms/page;"
                f" beyond it, pantau {(ours.seconds - text_only[0]) * 1000:.1f} (our reading of the page, the retries),"
                f" trafilatura {(theirs.seconds - text_only[0]) * 1000:.1f} (its metadata pass)"
            )
    if passage_pages:
        report_passages(passage_pages, rounds)
    for split, others in not_articles.items():
        # The other side of "never lose an article": what Pantau does with pages that are none.
        print(f"\n{split}'s {len(others)} pages that are no article, rejected by pantau: {rejected_by_kind(others)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
