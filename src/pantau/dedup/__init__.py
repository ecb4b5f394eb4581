"""Syndication dedup: one wire story, shown once, with everyone who carried it.

Modules: signatures (steps 1-3), candidates (4-5), cluster (6-7), stories (8), index (the persisted
window), stage (the DAG's daily run), records (`pantau dedup FILE`), explain (why grouped, in words).
See docs/dedup.md.

The pipeline, in the order the code runs it:

1. normalise  story paragraphs without dateline, credit and boilerplate; tokens (Chinese by character)
2. shingle    overlapping 4-token shingles, hashed once, in numpy for a few hundred articles at a
              time (each token's code points, then the windows)
3. signature  64 min-hashes of the whole text and of its lead, a 1-in-4 sample of the shingles with
              their positions, and the numbers, quotes and names the text states
4. candidates LSH banding of both min-hash sets, and exact quote matches, done by sorting band keys
              in numpy (a dict-backed LSH costs ~1 KB of Python objects per key and band: a week of a
              million articles a day would not fit in memory)
5. verify     containment on the shingle samples, anchored at the start of both texts, with the
              numbers as a guard against daily template reports; a rewrite crediting the wire by
              its quotes, names and numbers
6. join       each article joins the cluster of its best verified earlier match (one link, never a
              union of everything it touches: a page with an inlined story must not weld two stories);
              a new cluster stating nearly all the names and numbers of an earlier one of the same
              wire and language joins it (a paper retelling the wire's story in its own words)
7. canonical  the wire's own page (its latest version) when present, else the earliest published
8. stories    a cluster in another language joins the best-scoring story whose original it matches
              by the names and numbers they share (idf-weighted), when close in time and credited to
              the same wire; never through another translation, one cluster per language and wire
              in a story; a wire's report of a statement joins the statement's story

Articles are compared with the last `WINDOW_DAYS` days, whose signatures are persisted (in the store,
or in Redis when PANTAU_DEDUP_REDIS_URL is set) so a daily run never re-hashes the week.
"""
