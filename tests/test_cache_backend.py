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


def test_an_unreachable_redis_behaves_as_an_empty_cache():
    """Redis down (issue 23): every call answers as a miss instead of raising, so pages are computed."""
    down = ReusedClientRedisCache("redis://127.0.0.1:1/0", {"OPTIONS": {"socket_connect_timeout": 0.2}})
    assert down.get("anything", "default") == "default"
    assert down.get_many(["a", "b"]) == {}
    assert down.set("a", 1) is None and down.add("a", 1) is False
    assert down.get_or_set("token", lambda: "computed") == "computed"
    assert down.set_many({"a": 1, "b": 2}) == ["a", "b"]
    down.delete("a")
    down.delete_many(["a"])
    with pytest.raises(ValueError):
        down.incr("counter")


def test_pages_render_for_visitors_and_learners_while_redis_is_down(client, settings, learner):
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.ReusedClientRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2},
        }
    }
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    assert client.get("/").status_code == 200
    assert client.get("/comptes/login/").status_code == 200
    client.force_login(learner)
    assert client.get("/mon-espace/").status_code == 200
