"""The language of an article (ISO 639-1), with Malay and Indonesian told apart."""

from __future__ import annotations

import re
from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

# Enough text to decide on; classifying whole long articles costs time and changes nothing.
_SAMPLE_CHARS = 1200

# Words whose spelling or choice differs between the two standards (Dewan Bahasa dan Pustaka's
# Malay, KBBI's Indonesian) and that news copy uses often: the same idea, spelled each way.
_MALAY_ONLY = frozenset(
    """kerana bahawa iaitu sahaja wang mahu kerajaan pejabat selepas boleh percuma antarabangsa
    syarikat tentera polis jabatan kenyataan berbanding semasa sebarang ogos julai disember mac
    beliau mesyuarat hala pengerusi memperkukuh serantau manakala dipengerusikan pelan
    setiausaha""".split()
)
_INDONESIAN_ONLY = frozenset(
    """karena bahwa yaitu saja uang mau pemerintah kantor setelah bisa gratis internasional
    perusahaan tentara polisi pernyataan dibandingkan agustus juli desember maret mengatakan
    ujarnya tuturnya menurutnya pihaknya sebesar memperkuat serikat saat senin kamis jumat
    sekretaris""".split()
)
_WORD_RE = re.compile(r"[a-z]+")


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    # Loading the model takes most of a second: once per process.
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def malay_or_indonesian(text: str) -> str | None:
    """'ms' or 'id' by which standard's distinctive words the text uses more, None on a tie."""
    words = _WORD_RE.findall(text.lower())
    malay = sum(word in _MALAY_ONLY for word in words)
    indonesian = sum(word in _INDONESIAN_ONLY for word in words)
    if malay == indonesian:
        return None
    return "ms" if malay > indonesian else "id"


def detect_language(text: str, hint: str | None = None) -> str:
    """ISO 639-1 code of `text`; `hint` (the page's or source's declared language) settles what
    the detector cannot: too little text, or a Malay/Indonesian tie."""
    sample = text[:_SAMPLE_CHARS]
    if len(sample.strip()) < 20:
        return hint or "und"
    detected, _ = _identifier().classify(sample)
    if detected in ("ms", "id"):
        detected = malay_or_indonesian(sample) or (hint if hint in ("ms", "id") else detected)
    if len(detected) != 2:
        return hint or detected
    return detected
