"""Page bytes to text, for pages whose charset label may be wrong or missing."""

from __future__ import annotations

import codecs
import re
import unicodedata
from email.message import Message

import charset_normalizer
from bs4.dammit import EncodingDetector

# Labels sites declare, mapped to the codec that decodes what they actually send: pages
# labelled gb2312/gbk use the whole GBK range (GB18030 is its superset), and Hong Kong/Taiwan
# Big5 pages use HKSCS characters.
_CODEC_FOR_LABEL = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "big5hkscs"}
# Server defaults that decode any byte sequence, so they prove nothing about the page.
_PERMISSIVE_CODECS = {"iso8859_1", "cp1252"}
# Undecodable bytes tolerated in a page before its charset counts as wrong: at least this many,
# or one per this many bytes. A page in another charset fails on most of its non-ASCII bytes.
_STRAY_BYTES_MIN = 8
_STRAY_BYTES_PER = 1000


# To its first ">": lxml refuses a text that starts with a declaration naming an encoding, and a
# page cut short can leave one unclosed; decoded, the text needs it no more.
_XML_DECLARATION_RE = re.compile(r"^\s*<\?xml[^>]*>")


class Undecodable(ValueError):
    """No character set decodes the bytes into text."""


def decoded_html(body: bytes, content_type: str | None = None) -> str:
    """The text of an HTML page (NFC-normalised, so Windows-1258 Vietnamese is precomposed),
    without its XML declaration."""
    return _XML_DECLARATION_RE.sub("", _text_of(body, content_type), count=1)


def _text_of(body: bytes, content_type: str | None) -> str:
    """The page's bytes decoded.

    Valid UTF-8 wins (other multi-byte encodings almost never decode as UTF-8); then the
    document's own declaration, then the header's; then the same with a few stray bytes
    replaced; a Latin-1 header is usually a server default, so detection is tried before it.
    """
    bom_stripped, bom_encoding = EncodingDetector.strip_byte_order_mark(body)
    header = _codec(_header_message(content_type).get_param("charset"))
    declared = _codec(EncodingDetector.find_declared_encoding(body, is_html=True))
    labelled = [_codec(bom_encoding), declared] + ([header] if header not in _PERMISSIVE_CODECS else [])
    for codec in dict.fromkeys(c for c in labelled[:1] + ["utf_8"] + labelled[1:] if c):
        try:
            return unicodedata.normalize("NFC", bom_stripped.decode(codec))
        except UnicodeDecodeError:
            continue
    # A page labelled with its charset, with a few stray bytes (a truncated multi-byte character,
    # a pasted Latin-1 quote), keeps its text with a replacement character in their place.
    for codec in dict.fromkeys(c for c in labelled if c):
        text = bom_stripped.decode(codec, errors="replace")
        if text.count("\ufffd") <= max(_STRAY_BYTES_MIN, len(bom_stripped) // _STRAY_BYTES_PER):
            return unicodedata.normalize("NFC", text)
    best = charset_normalizer.from_bytes(bom_stripped).best()
    if best is None:
        raise Undecodable("no character set decodes this page")
    return unicodedata.normalize("NFC", str(best))


def _header_message(content_type: str | None) -> Message:
    message = Message()
    message["content-type"] = content_type or "text/html"
    return message


def _codec(label: object) -> str | None:
    """Python's codec name for a charset label, or None for a label no codec has."""
    if isinstance(label, bytes):
        label = label.decode("ascii", "ignore")
    if not isinstance(label, str) or not label.strip():
        return None
    label = label.strip().strip("\"'").lower()
    try:
        return codecs.lookup(_CODEC_FOR_LABEL.get(label, label)).name.replace("-", "_")
    except LookupError:
        return None
