"""Text normalisation for comparing news copies: what stays the same when an outlet copies a story.

Copies differ in datelines ("KUALA LUMPUR, July 8 (Bernama) --" becomes "KUALA LUMPUR:"), wire
credits ("- BERNAMA" added or dropped), aggregator boilerplate, case and punctuation. All of that
is removed here; what is left is split into tokens (words, or single characters for Chinese).
Translations share almost no words, so `names` keeps what survives translation, names and places,
with a small gazetteer for the Chinese spellings of the names the beat repeats (numbers are among
the tokens).
"""

from __future__ import annotations

import re
import sys
import unicodedata
from functools import lru_cache

from pantau.registry.profiles import profile_book

WIRES = ("bernama", "reuters", "afp", "ap", "xinhua", "antara", "vna", "ttxvn")
_WIRE_ALTERNATION = "|".join(WIRES)

# "KUALA LUMPUR, July 8 (Bernama) --", "KUALA LUMPUR, 8 Julai (Bernama) --", "KUALA LUMPUR:",
# "RIO DE JANEIRO:": an upper-case place, an optional date and credit, then a dash or colon.
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z .'-]{1,40}(?:,\s*(?:[A-Za-z]{3,9}\.?\s+\d{1,2}|\d{1,2}\s+[A-Za-z]{3,9}))?"
    rf"\s*(?:\((?i:{_WIRE_ALTERNATION})\))?\s*(?:--|—|–|:)\s*"  # upper-case place: "He said:" is none
)
# Chinese datelines: "（吉隆坡8日讯）", "吉隆坡8日讯——".
_ZH_DATELINE = re.compile(r"^\s*[（(]?[\u4e00-\u9fff]{2,8}\d{1,2}日讯[）)]?\s*[—-]*\s*")
# Credits at the end of a paragraph ("... he said. - BERNAMA", "-- Bernama") or in brackets.
_TRAILING_CREDIT = re.compile(rf"[-–—]{{1,2}}\s*(?:{_WIRE_ALTERNATION})\s*$", re.IGNORECASE)
_BRACKETED_CREDIT = re.compile(rf"\(\s*(?:{_WIRE_ALTERNATION}|马新社讯?)\s*\)", re.IGNORECASE)  # after NFKC: "("
# A paragraph this short is a caption, a byline or a timestamp, not story text.
_MIN_PARAGRAPH_TOKENS = 4
_MIN_ZH_PARAGRAPH_CHARS = 8

# "1,534.56" and "1534.56" both become "153456". Starting with the class, not the lookbehind,
# lets the regex engine skip ahead: this runs on every article.
_THOUSANDS = re.compile(r"[,.](?<=\d[,.])(?=\d)")
# Numbers are compared as digits only: "58th", "ke-58" and "第58届" all state 58.
LETTERS = "abcdefghijklmnopqrstuvwxyz"
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_ZH_TOKEN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]|[^\s\u3400-\u9fff\uf900-\ufaff]+")
_QUOTE = re.compile(r"[\"“「『]([^\"”」』]{20,}?)(?:[\"”」』]|$)", re.MULTILINE)
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z-]+")
_SENTENCE_ENDS = '.!?:"”'
_WORD_EDGES = ".,;:!?\"'()[]“”‘’-"
_NAME_STOPWORDS = frozenset(
    "the a an he she it they we i in on at of and but for this that these those his her its our "
    "dia beliau ia mereka kami di pada dan tetapi untuk ini itu yang ông bà các những trong".split()
)

# Chinese spellings of names and places the ASEAN/foreign-affairs beat repeats, as the Latin-script
# words other languages use; without them a Chinese translation shares only numbers with its source.
ZH_GAZETTEER = {
    "东盟": "asean",
    "马来西亚": "malaysia",
    "大马": "malaysia",
    "吉隆坡": "kuala lumpur",
    "布城": "putrajaya",
    "安华": "anwar ibrahim",
    "莫哈末哈山": "mohamad hasan",
    "马新社": "bernama",
    "外交部": "foreign ministry wisma putra",
    "外长": "foreign minister",
    "首相": "prime minister",
    "泰国": "thailand",
    "柬埔寨": "cambodia",
    "越南": "vietnam",
    "印尼": "indonesia",
    "印度尼西亚": "indonesia",
    "菲律宾": "philippines",
    "新加坡": "singapore",
    "缅甸": "myanmar",
    "老挝": "laos",
    "汶莱": "brunei",
    "文莱": "brunei",
    "东帝汶": "timor leste",
    "中国": "china",
    "美国": "united states us",
    "俄罗斯": "russia",
    "日本": "japan",
    "韩国": "south korea",
    "印度": "india",
    "澳洲": "australia",
    "澳大利亚": "australia",
    "新西兰": "new zealand",
    "土耳其": "turkiye",
    "挪威": "norway",
    "瑞士": "switzerland",
    "巴西": "brazil",
    "加沙": "gaza",
    "以色列": "israel",
    "伊朗": "iran",
    "金砖": "brics",
    "阿米尔": "amir",
    "安兰": "amran",
    "洪玛奈": "hun manet",
    "鲁比奥": "rubio",
}
_ZH_GAZETTEER_PATTERN = re.compile("|".join(sorted(map(re.escape, ZH_GAZETTEER), key=len, reverse=True)))


# An issuer's own statement announces itself at the top ("KENYATAAN MEDIA", "PRESS RELEASE");
# a wire's report of one says so in its text ("said in a statement", "dalam satu kenyataan").
_RELEASE_MARK = re.compile(
    r"\b(?:kenyataan (?:media|akhbar)|siaran (?:media|akhbar)|press (?:release|statement)|media (?:release|statement)"
    r"|joint statement|kenyataan bersama)\b|新闻稿|文告|新闻公报",
    re.IGNORECASE,
)
_STATEMENT_MENTION = re.compile(r"\b(?:statement|kenyataan)\b|声明|文告", re.IGNORECASE)
_STATEMENT_PARTS = ("tatement", "TATEMENT", "enyataan", "ENYATAAN", "声明", "文告")


def is_release(title: str, body: str) -> bool:
    """Whether a page titles itself a statement or press release (in its title or first lines)."""
    return bool(_RELEASE_MARK.search(title) or _RELEASE_MARK.search(body[:300]))


def reports_statement(text: str) -> bool:
    """Whether a story says it reports a statement."""
    # Substring tests first: this runs on every wire story, and most never mention one.
    return any(part in text for part in _STATEMENT_PARTS) and bool(_STATEMENT_MENTION.search(text))


@lru_cache(maxsize=1)
def _furniture() -> re.Pattern[str]:
    """include/profiles.yaml's page furniture: bodies given to `pantau dedup` may never have been
    extracted, and aggregators wrap the copies in it."""
    return profile_book().furniture_re


@lru_cache(maxsize=1)
def _punctuation_to_space() -> dict[int, str]:
    """str.translate table mapping every Unicode punctuation or symbol to a space (fast, in C)."""
    return {code: " " for code in range(sys.maxunicode + 1) if unicodedata.category(chr(code))[0] in "PS"}


def story_paragraphs(body: str, language: str) -> list[str]:
    """The paragraphs that carry the story: dateline, credits, boilerplate and short lines removed.

    Also NFKC-normalised, with thousands separators dropped, as `tokens` and `names` expect.
    """
    kept = []
    body = _THOUSANDS.sub("", unicodedata.normalize("NFKC", body))
    seen = 0
    for paragraph in body.splitlines():
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        seen += 1
        if seen <= 3:  # datelines open the story; the title or a byline may come first
            paragraph = _ZH_DATELINE.sub("", _DATELINE.sub("", paragraph, count=1), count=1)
        credit = _TRAILING_CREDIT.search(paragraph, max(0, len(paragraph) - 24))
        if credit:
            paragraph = paragraph[: credit.start()]
        if "(" in paragraph:
            paragraph = _BRACKETED_CREDIT.sub("", paragraph)
        paragraph = paragraph.strip()
        if not paragraph or _furniture().match(paragraph) or _too_short(paragraph, language):
            continue
        kept.append(paragraph)
    return kept


def _too_short(paragraph: str, language: str) -> bool:
    if language == "zh" and _CJK.search(paragraph):
        return len(_CJK.findall(paragraph)) < _MIN_ZH_PARAGRAPH_CHARS
    return len(paragraph.split()) < _MIN_PARAGRAPH_TOKENS


def tokens(text: str, language: str) -> list[str]:
    """Lower-case tokens without punctuation; Chinese characters are tokens of their own."""
    flat = text.lower().translate(_punctuation_to_space())
    if language == "zh":
        return _ZH_TOKEN.findall(flat)
    return flat.split()


def quotes(paragraph: str, language: str) -> set[str]:
    """Quoted passages (normalised), which rewrites of a story keep word for word."""
    found = set()
    if '"' in paragraph or "“" in paragraph or "「" in paragraph or "『" in paragraph:
        for quoted in _QUOTE.findall(paragraph):
            words = tokens(quoted, language)
            if len(words) >= 5:
                found.add(" ".join(words))
    return found


def names(text: str, language: str) -> set[str]:
    """Names and places, which survive translation, as lower-case Latin-script words."""
    if language == "zh":
        found = set()
        for match in _ZH_GAZETTEER_PATTERN.findall(text):
            found.update(ZH_GAZETTEER[match].split())
        found.update(word.lower() for word in _LATIN_WORD.findall(text))
        return found
    words = text.split()
    found = set()
    # Capitalised words, except where a sentence opens (unless all capitals: acronyms).
    for at in [at for at, word in enumerate(words) if word[:1].isupper()]:
        word = words[at].strip(_WORD_EDGES)
        opens_sentence = at == 0 or words[at - 1][-1] in _SENTENCE_ENDS
        if word and (not opens_sentence or (word.isupper() and len(word) > 1)):
            found.add(word.lower().removesuffix("'s").removesuffix("’s"))
    return found - _NAME_STOPWORDS
