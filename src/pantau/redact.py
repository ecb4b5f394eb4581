"""Secrets out of every message: URL credentials and key-like query parameters become "***".

Source URLs may carry `user:pass@` or `?apikey=`; errors, source health, the quality report and
alerts quote URLs, and all of them are read by more people than the registry is.
"""

from __future__ import annotations

import re

MASK = "***"

# user:password@ (or a lone token@) right after the scheme.
_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/?#@\s]*@")
# ?apikey=..., &token=..., ;sig=...: parameter names that carry a secret in the wild.
_SECRET_PARAMETER = re.compile(
    r"(?i)([?&;](?:[a-z0-9_.-]*(?:key|token|secret|passw(?:or)?d|pwd|auth|signature|session)[a-z0-9_.-]*"
    r"|sig|code|credentials?)=)[^&#;\s\"'<>]*"
)


def redacted(value):
    """The text (or the strings inside a JSON-like list/dict) with URL credentials masked."""
    if isinstance(value, str):
        return _SECRET_PARAMETER.sub(rf"\1{MASK}", _USERINFO.sub(rf"\1{MASK}@", value))
    if isinstance(value, dict):
        return {key: redacted(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(redacted(item) for item in value)
    return value
