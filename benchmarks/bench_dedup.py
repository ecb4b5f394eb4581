"""Dedup at national scale: synthetic days of 10k, 100k and 1M articles against a plain datasketch baseline.

Each corpus is one day of news: ~400-word stories, 30% syndicated copies (dateline rewritten,
credit added, trimmed, briefs, copy-edits, aggregator pages inlining another story, longer
updates), 2% daily template reports whose figures change, 4% Malay translations. Each run
happens in a fresh process so its peak memory (ru_maxrss) is its own; the texts are generated
in chunks and dropped once signed, as a daily run reading the store would.

    .venv/bin/python benchmarks/bench_dedup.py [--quick] [--sizes 10000,100000]

The `command` rows run `pantau dedup FILE` on the same day written as JSON lines: time and the peak
RSS of that child process (os.wait4), which is what an operator running the command sees.

The baseline is datasketch used plainly: MinHash.update_batch over the same 4-word shingles and a
MinHashLSH(threshold=0.5) queried then filled article by article, clusters by union-find.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import zlib
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np

from pantau.dedup import signatures
from pantau.dedup.cluster import assign_signatures
from pantau.dedup.index import SignatureIndex

CHUNK = 5000
BASELINE_SIZES = (10_000, 100_000)  # a plain LSH needs ~16 KB a key: 1M would not fit in 4 GB
BOILERPLATE = "Hashtags\n\nTry Our AI Features\n\nComments\n\nNo comments yet...\n\nRelated Articles"


class SyntheticNews:
    """A deterministic day of news, produced in chunks of DedupItems with their true cluster and story."""

    def __init__(self, size: int, seed: int = 7):
        self.size = size
        self.rng = np.random.default_rng(seed)
        letters = np.array(list("abcdefghijklmnopqrstuvwxyz"))
        self.vocab = ["".join(self.rng.choice(letters, self.rng.integers(2, 10))) for _ in range(30_000)]
        self.malay = ["".join(self.rng.choice(letters, self.rng.integers(3, 11))) for _ in range(30_000)]
        self.names = [
            word.capitalize()
            for word in ("".join(self.rng.choice(letters, self.rng.integers(4, 9))) for _ in range(20_000))
        ]
        weights = 1.0 / (np.arange(len(self.vocab)) + 20.0)  # Zipf-like: news prose repeats its words
        self.stream = self.rng.choice(len(self.vocab), size=4_000_000, p=weights / weights.sum())
        self.recent: list[tuple[int, list[str], int]] = []  # (cluster, paragraphs, template) of recent stories
        self.templates = [self._paragraphs(4) for _ in range(5)]
        self.template_instances: list[tuple[int, int, list[str]]] = []
        self.next_cluster = 0
        self.translations: dict[int, int] = {}  # story -> cluster of its Malay translation

    def _words(self, count: int) -> list[str]:
        at = int(self.rng.integers(0, len(self.stream) - count))  # a random slice: no two texts repeat
        picked = self.stream[at : at + count]
        return [self.vocab[i] for i in picked.tolist()]

    def _paragraphs(self, count: int, names: list[str] | None = None) -> list[str]:
        paragraphs = []
        for _ in range(count):
            words = self._words(int(self.rng.integers(28, 48)))
            for slot in self.rng.integers(0, len(words), 4).tolist():
                words[slot] = names[int(self.rng.integers(len(names)))] if names else words[slot]
            words[int(self.rng.integers(len(words)))] = str(int(self.rng.integers(10, 99_999)))
            for stop in range(14, len(words), 15):
                words[stop] += "."
            paragraphs.append(" ".join(words) + ".")
        return paragraphs

    def _new_cluster(self) -> int:
        self.next_cluster += 1
        return self.next_cluster

    def _original(self) -> tuple[list[str], int]:
        names = [self.names[i] for i in self.rng.integers(0, len(self.names), 6).tolist()]
        paragraphs = self._paragraphs(int(self.rng.integers(8, 13)), names)
        if self.rng.random() < 0.4:
            quoted = self._words(14)
            paragraphs[2] = f'"{" ".join(quoted)}," {names[0]} said. ' + paragraphs[2]
        cluster = self._new_cluster()
        self.recent.append((cluster, paragraphs, -1))
        if len(self.recent) > 3000:
            self.recent = self.recent[-2000:]
        return paragraphs, cluster

    def _template(self) -> tuple[list[str], int]:
        if self.template_instances and self.rng.random() < 0.5:  # a copy of a recent report
            cluster, template, paragraphs = self.template_instances[
                -int(self.rng.integers(1, 20)) % len(self.template_instances)
            ]
            return paragraphs, cluster
        template = int(self.rng.integers(len(self.templates)))
        paragraphs = []
        for paragraph in self.templates[template]:  # same wording, new figures
            words = paragraph.split()
            for slot in range(3, len(words), 7):
                words[slot] = f"{self.rng.integers(100, 9999)}.{self.rng.integers(10, 99)}"
            paragraphs.append(" ".join(words))
        cluster = self._new_cluster()
        self.template_instances.append((cluster, template, paragraphs))
        self.template_instances = self.template_instances[-200:]
        return paragraphs, cluster

    def _copy(self) -> tuple[str, int, bool]:
        cluster, paragraphs, _ = self.recent[-int(self.rng.integers(1, min(len(self.recent), 400) + 1))]
        edit = self.rng.random()
        if edit < 0.3:
            return "KUALA LUMPUR: " + "\n\n".join(paragraphs) + "\n\n- BERNAMA", cluster, False
        if edit < 0.5:
            return "\n\n".join(paragraphs[: int(self.rng.integers(3, 6))]), cluster, False
        if edit < 0.62:
            return "\n\n".join(paragraphs[:2]), cluster, False
        if edit < 0.8:
            edited = [p.replace(" said", " says") for p in paragraphs[:-1]]
            words = " ".join(edited).split()
            for slot in self.rng.integers(0, len(words), len(words) // 30).tolist():
                words[slot] = self.vocab[int(self.rng.integers(len(self.vocab)))]
            return " ".join(words), cluster, False
        if edit < 0.92:
            _, inlined, _ = self.recent[int(self.rng.integers(len(self.recent)))]
            page = "\n\n".join(paragraphs) + "\n\n" + BOILERPLATE + "\n\nNew Straits Times\n\n" + "\n\n".join(inlined)
            return page, cluster, False
        longer = paragraphs[:5] + self._paragraphs(2) + paragraphs[5:] + self._paragraphs(1)
        return "KUALA LUMPUR, July 8 (Bernama) -- " + "\n\n".join(longer), cluster, True

    def _malay(self, paragraphs: list[str]) -> str:
        """A word-for-word stand-in for a translation: other words, the same names and numbers."""
        out = []
        for paragraph in paragraphs:
            out.append(
                " ".join(
                    word
                    if word[0].isupper() or word[0].isdigit()
                    else self.malay[zlib.crc32(word.encode()) % len(self.malay)]
                    for word in paragraph.split()
                )
            )
        return "\n\n".join(out)

    def chunks(self):
        start = datetime(2025, 7, 8, tzinfo=timezone.utc)
        step = 86_400 / self.size
        for first in range(0, self.size, CHUNK):
            items, clusters, stories = [], [], []
            for n in range(first, min(first + CHUNK, self.size)):
                roll = self.rng.random()
                language, outlet, wire_page = "en", f"outlet{n % 300}", False
                if roll < 0.3 and len(self.recent) > 10:
                    body, cluster, wire_page = self._copy()
                    story = cluster
                elif roll < 0.32:
                    paragraphs, cluster = self._template()
                    body, story = "\n\n".join(paragraphs), cluster
                elif roll < 0.36 and len(self.recent) > 10:
                    story, paragraphs, _ = self.recent[-int(self.rng.integers(1, 11))]
                    # A second Malay copy of the same story is a copy of the first translation.
                    cluster = self.translations.setdefault(story, self.next_cluster + 1)
                    self.next_cluster = max(self.next_cluster, cluster)
                    body, language = self._malay(paragraphs), "ms"
                else:
                    paragraphs, cluster = self._original()
                    body, story = "\n\n".join(paragraphs), cluster
                    wire_page = self.rng.random() < 0.3
                items.append(
                    signatures.DedupItem(
                        id=f"a{n:08d}",
                        url=f"https://news.test/{n}",
                        outlet="Bernama" if wire_page else outlet,
                        source_id=None,
                        language=language,
                        title=f"Story {n}",
                        body=body,
                        published=start + timedelta(seconds=n * step),
                        wire="bernama",
                    )
                )
                clusters.append(cluster)
                stories.append(story)
            yield items, clusters, stories


def pairwise(predicted: np.ndarray, expected: np.ndarray) -> tuple[float, float]:
    """Pairwise precision and recall from the contingency table (no pair enumeration)."""

    def pairs(counts: np.ndarray) -> float:
        counts = counts.astype(np.float64)
        return float((counts * (counts - 1) / 2).sum())

    _, joint = np.unique(np.stack([predicted, expected], axis=1), axis=0, return_counts=True)
    together = pairs(joint)
    predicted_pairs = pairs(np.unique(predicted, return_counts=True)[1])
    expected_pairs = pairs(np.unique(expected, return_counts=True)[1])
    return (
        together / predicted_pairs if predicted_pairs else 1.0,
        together / expected_pairs if expected_pairs else 1.0,
    )


def run_pantau(size: int) -> dict:
    corpus, signed, clusters, stories, seconds = SyntheticNews(size), [], [], [], 0.0
    for items, cluster_labels, story_labels in corpus.chunks():
        began = time.perf_counter()
        signed.append(signatures.sign(items))
        seconds += time.perf_counter() - began
        clusters += cluster_labels
        stories += story_labels
    began = time.perf_counter()
    joined = signatures.Signatures.concat(signed)
    del signed
    sign_seconds = seconds
    assignments = assign_signatures(joined, SignatureIndex())
    seconds += time.perf_counter() - began
    predicted_clusters = np.unique(np.array([a.cluster for a in assignments]), return_inverse=True)[1]
    predicted_stories = np.unique(np.array([a.story for a in assignments]), return_inverse=True)[1]
    del assignments
    cluster_p, cluster_r = pairwise(predicted_clusters, np.array(clusters))
    story_p, story_r = pairwise(predicted_stories, np.array(stories))
    return {
        "seconds": seconds,
        "sign_seconds": sign_seconds,
        "cluster_precision": cluster_p,
        "cluster_recall": cluster_r,
        "story_precision": story_p,
        "story_recall": story_r,
    }


def run_baseline(size: int) -> dict:
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=0.5, num_perm=signatures.NUM_PERM)
    parent: list[int] = []

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    corpus, clusters, seconds = SyntheticNews(size), [], 0.0
    for items, cluster_labels, _ in corpus.chunks():
        clusters += cluster_labels
        began = time.perf_counter()
        for item in items:
            words = item.body.lower().split()
            minhash = MinHash(num_perm=signatures.NUM_PERM)
            minhash.update_batch([" ".join(words[i : i + 4]).encode() for i in range(max(1, len(words) - 3))])
            me = len(parent)
            parent.append(me)
            for other in lsh.query(minhash):
                parent[root(me)] = root(other)
            lsh.insert(me, minhash)
        seconds += time.perf_counter() - began
    predicted = np.array([root(i) for i in range(len(parent))])
    precision, recall = pairwise(predicted, np.array(clusters))
    return {"seconds": seconds, "cluster_precision": precision, "cluster_recall": recall}


def write_corpus(size: int, path: Path) -> tuple[list[int], list[int]]:
    """The synthetic day as the JSON lines `pantau extract` prints; returns the true clusters and stories."""
    clusters: list[int] = []
    stories: list[int] = []
    with open(path, "w", encoding="utf-8") as out:
        for items, cluster_labels, story_labels in SyntheticNews(size).chunks():
            for item in items:
                record = {
                    "url": item.url,
                    "outlet": item.outlet,
                    "source_id": item.source_id,
                    "title": item.title,
                    "published": item.published.isoformat() if item.published else None,
                    "language": item.language,
                    "byline": None,
                    "body": item.body,
                    "wire": item.wire,
                }
                out.write(json.dumps(record) + "\n")
            clusters += cluster_labels
            stories += story_labels
    return clusters, stories


def run_command(articles: Path, output: Path, env: dict[str, str] | None = None) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of `pantau dedup ARTICLES > OUTPUT`, measured on the child process itself."""
    began = time.perf_counter()
    with open(output, "wb") as out:
        child = subprocess.Popen([sys.executable, "-m", "pantau.cli", "dedup", str(articles)], stdout=out, env=env)
        _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise RuntimeError(f"pantau dedup exited with {child.returncode}")
    return time.perf_counter() - began, usage.ru_maxrss / 1024  # ru_maxrss is in KB on Linux


def measure_command(size: int) -> dict:
    with tempfile.TemporaryDirectory() as scratch:
        articles, output = Path(scratch) / "articles.jsonl", Path(scratch) / "deduped.jsonl"
        clusters, stories = write_corpus(size, articles)
        seconds, peak_mb = run_command(articles, output)
        predicted_clusters, predicted_stories = [], []
        with open(output, encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                predicted_clusters.append(record["cluster"])
                predicted_stories.append(record["story"])
    cluster_p, cluster_r = pairwise(np.unique(predicted_clusters, return_inverse=True)[1], np.array(clusters))
    story_p, story_r = pairwise(np.unique(predicted_stories, return_inverse=True)[1], np.array(stories))
    return {
        "seconds": seconds,
        "peak_mb": peak_mb,
        "cluster_precision": cluster_p,
        "cluster_recall": cluster_r,
        "story_precision": story_p,
        "story_recall": story_r,
    }


def measure(engine: str, size: int) -> dict:
    """One engine on one size, in a fresh interpreter so ru_maxrss is this run's peak."""
    finished = subprocess.run(
        [sys.executable, __file__, "--child", engine, str(size)], capture_output=True, text=True, check=False
    )
    if finished.returncode:
        last = (finished.stderr.strip().splitlines() or [f"exit status {finished.returncode}"])[-1]
        raise SystemExit(f"bench_dedup: {engine} at {size}: {last}")
    return json.loads(finished.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10k articles only (< 60 s)")
    parser.add_argument("--sizes", help="comma-separated corpus sizes (default 10000,100000,1000000)")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        engine, size = args.child[0], int(args.child[1])
        result = (run_pantau if engine == "pantau" else run_baseline)(size)
        result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(result))
        return
    sizes = [10_000] if args.quick else [int(s) for s in (args.sizes or "10000,100000,1000000").split(",")]
    print(
        f"{'engine':9} {'articles':>9} {'seconds':>8} {'art/s':>8} {'peak MB':>8} {'cluster P/R':>13} {'story P/R':>13}"
    )
    ours = {}
    for size in sizes:
        ours[size] = result = measure("pantau", size)
        print(
            f"{'pantau':9} {size:9d} {result['seconds']:8.1f} {size / result['seconds']:8.0f} "
            f"{result['peak_mb']:8.0f} {result['cluster_precision']:6.3f}/{result['cluster_recall']:.3f} "
            f"{result['story_precision']:6.3f}/{result['story_recall']:.3f}   (signing {result['sign_seconds']:.1f} s)"
        )
        command = measure_command(size)
        print(
            f"{'command':9} {size:9d} {command['seconds']:8.1f} {size / command['seconds']:8.0f} "
            f"{command['peak_mb']:8.0f} {command['cluster_precision']:6.3f}/{command['cluster_recall']:.3f} "
            f"{command['story_precision']:6.3f}/{command['story_recall']:.3f}   (`pantau dedup FILE`, its own peak RSS)"
        )
        if size in BASELINE_SIZES:
            base = measure("baseline", size)
            print(
                f"{'datasketch':9} {size:9d} {base['seconds']:8.1f} {size / base['seconds']:8.0f} "
                f"{base['peak_mb']:8.0f} {base['cluster_precision']:6.3f}/{base['cluster_recall']:.3f}"
                f"   -> pantau is {base['seconds'] / result['seconds']:.1f}x faster"
            )
    if len(ours) > 1:
        small, large = min(ours), max(ours)
        growth = ours[large]["seconds"] / ours[small]["seconds"]
        print(f"time grows {growth:.1f}x for {large // small}x the articles ({growth / (large / small):.2f} of linear)")


if __name__ == "__main__":
    main()
