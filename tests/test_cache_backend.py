"""The production cache backend: Django's Redis cache, with one client reused per connection pool."""

import os
import uuid

import pytest

from core.cache import ReusedClientRedisCache

# make test points this at a live Redis, a throwaway one when none was running (scripts/test_services.py).
REDIS = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/13")


@pytest.fixture
def cache():
    backend = ReusedClientRedisCache(REDIS, {"KEY_PREFIX": f"test-{uuid.uuid4().hex[:8]}"})
    yield backend
    backend.clear()


def test_it_behaves_as_a_django_cache(cache):
    assert cache.get("missing") is None
    cache.set("figures", {"completed": 3, "labels": ["DC1"]}, 60)
    assert cache.get("figures") == {"completed": 3, "labels": ["DC1"]}
    assert cache.get_or_set("token", lambda: "abc", None) == "abc"
    assert cache.get_many(["figures", "token"]) == {"figures": {"completed": 3, "labels": ["DC1"]}, "token": "abc"}
    cache.delete("token")
    assert cache.get("token") is None
    assert cache.add("counter", 1) and cache.incr("counter") == 2


def test_one_client_serves_every_call(cache):
    client = cache._cache.get_client(write=True)
    cache.set("a", 1)
    assert cache._cache.get_client() is client and cache._cache.get_client(write=True) is client
