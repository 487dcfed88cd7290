"""A limit on how often one address may use the public form, counted in Django's cache.

Each address (`core.lockout.client_ip`, which believes a reverse proxy only when Kurs is told it
stands behind one) gets `limit` attempts per fixed window of `window` seconds and scope. Every
attempt counts, accepted or not, so a bot cannot probe the form's rules at speed either. With
Redis (`REDIS_URL`) the count is shared by all workers; with the default per-process memory
cache each worker counts alone, which still bounds a flood to a few times the limit.

`allow_key` counts the same way by another key than the address: the password reset also counts
the mails to one e-mail address, wherever the requests for them come from.
"""

from __future__ import annotations

import time

from django.core.cache import cache
from django.utils.crypto import salted_hmac

from core.lockout import client_ip

# The limit of the public forms that share one (inquiries, forum, procurement): ten in ten
# minutes from one address is more than any business sends.
FORM_LIMIT = (10, 600)


def allow(request, *, scope: str, limit: int, window: int) -> bool:
    """Count one attempt from the request's address; whether it is within the limit."""
    return allow_key(client_ip(request) or "unknown", scope=scope, limit=limit, window=window)


def allow_key(subject: str, *, scope: str, limit: int, window: int) -> bool:
    """Count one attempt for `subject` (an address, an e-mail address); whether it is within
    the limit."""
    # The subject is personal data: the cache key holds a keyed hash of it, which (unlike a plain
    # hash of an IPv4 address or a guessable e-mail) cannot be undone by trying candidates.
    digest = salted_hmac("core.ratelimit", subject, algorithm="sha256").hexdigest()[:32]
    key = f"ratelimit:{scope}:{digest}:{int(time.time() // window)}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count <= limit
