"""The Redis cache, forgiving: when Redis is down the site works on, uncached.

Django's RedisCache raises when Redis cannot be reached, which would make every page that reads the
cache (and every rate limit) a 500. Here a read finds nothing, a write is dropped, `add` and `incr`
count as if the key were new (rate limits let people through rather than lock everyone out), and a
warning is logged at most once a minute. Short socket timeouts keep a page from waiting on a dead
server.
"""

import logging
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
_DOWN = (RedisConnectionError, RedisTimeoutError, OSError)
WARN_EVERY_SECONDS = 60


class ForgivingRedisCache(RedisCache):
    _warned_at = 0.0

    def __init__(self, server, params):
        options = params.setdefault("OPTIONS", {})
        options.setdefault("socket_connect_timeout", 0.5)
        options.setdefault("socket_timeout", 0.5)
        super().__init__(server, params)

    def _down(self, error: Exception, fallback):
        now = time.monotonic()
        if now - ForgivingRedisCache._warned_at > WARN_EVERY_SECONDS:
            ForgivingRedisCache._warned_at = now
            logger.warning("Redis cache unreachable, serving without it: %s", error)
        return fallback

    def _forgiving(name, fallback):  # noqa: N805  a helper that builds the methods below
        def method(self, *args, **kwargs):
            try:
                return getattr(super(), name)(*args, **kwargs)
            except _DOWN as error:
                value = fallback(*args, **kwargs) if callable(fallback) else fallback
                return self._down(error, value)

        method.__name__ = name
        return method

    get = _forgiving("get", lambda key, default=None, version=None: default)
    get_many = _forgiving("get_many", {})
    set = _forgiving("set", None)
    set_many = _forgiving("set_many", [])
    add = _forgiving("add", True)
    touch = _forgiving("touch", False)
    delete = _forgiving("delete", False)
    delete_many = _forgiving("delete_many", None)
    has_key = _forgiving("has_key", False)
    incr = _forgiving("incr", lambda key, delta=1, version=None: delta)
    clear = _forgiving("clear", None)
    del _forgiving
