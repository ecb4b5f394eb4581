"""URL identity: the one spelling of an article's address, so a page is fetched once.

courlan does the generic part (case, default ports, dot segments, tracking parameters);
this module adds what news sites vary on top: http/https, "www."/"m."/"amp." hosts,
AMP paths and query flags, fragments and trailing slashes.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from courlan import normalize_url
from tld import get_fld

_MIRROR_HOST_PREFIX = re.compile(r"^(?:www\d*|m|mobile|amp)\.(?=[^.]+\.)")
_AMP_PATH_SUFFIX = re.compile(r"/amp(?:\.html?)?/?$", re.IGNORECASE)


class BadUrl(ValueError):
    """Not an absolute http(s) URL."""


def normalise_url(url: str) -> str:
    """The identity of a page: equal for the desktop, mobile, AMP and tracked variants of one URL."""
    url = url.strip()
    if not re.match(r"^https?://[^/?#\s]+", url, re.IGNORECASE):
        raise BadUrl(f"not an absolute http(s) URL: {url[:200]!r}")
    try:
        cleaned = urlsplit(normalize_url(url, trailing_slash=False))
    except ValueError as exc:
        raise BadUrl(f"unusable URL {url[:200]!r}: {exc}") from None
    host = _MIRROR_HOST_PREFIX.sub("", cleaned.netloc)
    path = _AMP_PATH_SUFFIX.sub("", cleaned.path).rstrip("/") or "/"
    query = urlencode(
        [
            (key, value)
            for key, value in parse_qsl(cleaned.query, keep_blank_values=True)
            if not _is_amp_flag(key, value)
        ]
    )
    return urlunsplit(("https", host, path, query, ""))


def origin(url: str) -> str:
    """scheme://host[:port]: the unit robots.txt and politeness apply to."""
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def registrable_domain(url: str) -> str:
    """The domain a site owner registers (news.bbc.co.uk -> bbc.co.uk, by the public suffix list);
    the bare host for an IP address or a single-label name."""
    return get_fld(url, fail_silently=True) or (urlsplit(url).hostname or "")


def _is_amp_flag(key: str, value: str) -> bool:
    """?amp, ?amp=1, ?outputType=amp: the AMP rendering of the same article."""
    key = key.lower()
    return key == "amp" or (key == "outputtype" and value.lower() == "amp")
