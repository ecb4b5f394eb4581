"""Token F1 between an extracted text and the expected one: how extraction is judged."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

# A CJK character is a token (Chinese is written without spaces); elsewhere a token is a word.
_TOKEN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\u3040-\u30ff]|\w+")


def tokens(text: str) -> list[str]:
    # NFC first: "für" and "fu\u0308r" are one word, whichever form a page or its expected text uses.
    return _TOKEN_RE.findall(unicodedata.normalize("NFC", text).lower())


def token_f1(predicted: str, expected: str) -> float:
    """Harmonic mean of token precision and recall (bags of tokens, as in the CleanEval tradition)."""
    got, want = Counter(tokens(predicted)), Counter(tokens(expected))
    common = sum((got & want).values())
    if not common:
        return float(not got and not want)
    precision, recall = common / sum(got.values()), common / sum(want.values())
    return 2 * precision * recall / (precision + recall)
