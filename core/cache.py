"""Django's Redis cache backend, keeping one client per connection pool, and surviving a Redis outage.

The stock backend builds a new `redis.Redis` object for every cache call, and each one copies redis-py's table
of about 170 response callbacks: a fraction of a millisecond per call, paid several times per request (session,
Wagtail's site root paths, fragment caches). A Redis client is thread-safe and holds no state of its own beyond
its pool, so one per pool is enough.
"""

import logging
from functools import wraps

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)


class ReusedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


def _as_miss(method, fallback):
    """Redis unreachable: the call behaves as a miss (or a write that did not happen), and says so in the log.

    Pages are computed from the database instead of failing; a version token that could not be dropped cannot
    serve stale data either, since nothing is read from the cache while it is down. Sessions do not depend on it
    (cached_db sessions fall back to the database)."""

    @wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except UNREACHABLE as error:
            logger.warning("Cache unreachable (%s): %s treated as a miss", type(error).__name__, method.__name__)
            return fallback(*args, **kwargs)

    return wrapper


def _default(key, default=None, *args, **kwargs):
    return default


def _incr_missing(key, *args, **kwargs):
    raise ValueError(f"Key '{key}' not found (cache unreachable)")


FALLBACKS = {
    "get": _default,
    "get_many": lambda *args, **kwargs: {},
    "has_key": lambda *args, **kwargs: False,
    "add": lambda *args, **kwargs: False,
    "set": lambda *args, **kwargs: None,
    "set_many": lambda data, *args, **kwargs: list(data),
    "touch": lambda *args, **kwargs: False,
    "delete": lambda *args, **kwargs: False,
    "delete_many": lambda *args, **kwargs: None,
    "incr": _incr_missing,
    "clear": lambda *args, **kwargs: False,
}


class ReusedClientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient


for _name, _fallback in FALLBACKS.items():
    setattr(ReusedClientRedisCache, _name, _as_miss(getattr(RedisCache, _name), _fallback))
