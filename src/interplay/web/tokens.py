"""One-time tokens (sign-in links, invitations): random, stored only as a SHA-256 hash.

A stolen database therefore holds no usable link; the person's email holds the only copy.
"""

from __future__ import annotations

import hashlib
import secrets


def new_token() -> tuple[str, str]:
    """A fresh token and the hash to store for it."""
    token = secrets.token_urlsafe(32)
    return token, hash_token(token)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
