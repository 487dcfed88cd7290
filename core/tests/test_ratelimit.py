"""The rate limiter's counts in the cache: per subject and window, and never readable back to
the address or e-mail address they count (personal data)."""

import hashlib

from django.core.cache import cache
from django.test import override_settings

from core.ratelimit import allow_key

ADDRESS = "192.0.2.77"


def test_a_subject_is_allowed_up_to_its_limit_and_others_still_are():
    assert [allow_key(ADDRESS, scope="t", limit=2, window=600) for _ in range(3)] == [
        True,
        True,
        False,
    ]
    assert allow_key("192.0.2.78", scope="t", limit=2, window=600)
    assert allow_key(ADDRESS, scope="another", limit=2, window=600)


def test_the_cache_key_is_a_keyed_hash_not_the_address_or_its_plain_hash():
    allow_key(ADDRESS, scope="t", limit=2, window=600)
    keys = list(cache._cache)  # the local-memory cache of the tests
    plain = hashlib.sha256(ADDRESS.encode()).hexdigest()[:32]
    assert keys and not [key for key in keys if ADDRESS in key or plain in key]


def test_the_key_depends_on_the_secret_key():
    allow_key(ADDRESS, scope="t", limit=2, window=600)
    before = set(cache._cache)
    cache.clear()
    with override_settings(SECRET_KEY="another-secret-key-of-sufficient-length-for-django-00"):
        allow_key(ADDRESS, scope="t", limit=2, window=600)
    assert set(cache._cache).isdisjoint(before)
