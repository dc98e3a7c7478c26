"""Django's Redis cache backend, keeping one client per connection pool.

The stock backend builds a new `redis.Redis` object for every cache call, and each one copies redis-py's table
of about 170 response callbacks: a fraction of a millisecond per call, paid several times per request (session,
Wagtail's site root paths, fragment caches). A Redis client is thread-safe and holds no state of its own beyond
its pool, so one per pool is enough.
"""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


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


class ReusedClientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient
