"""The Redis cache, forgiving: when Redis is down the site works on, uncached.

Django's RedisCache raises when Redis cannot be reached, which would make every page that reads the
cache (and every rate limit) a 500. Here a read finds nothing, a write is dropped, `add` and `incr`
count as if the key were new (rate limits let people through rather than lock everyone out), and a
warning is logged at most once a minute. Short socket timeouts keep a page from waiting on a dead
server.

It is also quicker than Django's where the page cache needs it (hub/serving/middleware.py: a page
served from the cache is one `get_many`, one round trip to Redis). Measured in CPU time per call on
the 2-core machine, the round trip itself (the system's work on the socket) costs 20–30 µs, and
Django's RedisCache wrapped it in about 450 µs of Python:

- Django makes a new `redis.Redis` for every operation, whose constructor (its tables of reply
  callbacks) costs about 200 µs: here one is made per connection pool and kept (a `redis.Redis` is
  safe to share between threads; each command takes a connection from the pool).
- Django checks every key for memcached (a warning for spaces or keys over 250 characters, walking
  every character): Redis takes any key, so that check is skipped.
- `get_many` talks to Redis over a connection of the thread's own, without the pool and the client's
  retries and metrics around each command (about 130 µs less): the thread sends MGET and reads the
  answer, nothing else uses that connection, and any error closes it (the next call opens another)
  and counts as Redis being down.
"""

import logging
import os
import threading
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
_DOWN = (RedisConnectionError, RedisTimeoutError, OSError)
WARN_EVERY_SECONDS = 60


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django's client, keeping one `redis.Redis` per connection pool instead of one per operation."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))  # the pools are kept for the life of the process
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ForgivingRedisCache(RedisCache):
    _warned_at = 0.0

    def __init__(self, server, params):
        options = params.setdefault("OPTIONS", {})
        options.setdefault("socket_connect_timeout", 0.5)
        options.setdefault("socket_timeout", 0.5)
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient
        self._local = threading.local()

    def get_many(self, keys, version=None):
        key_map = {self.make_key(key, version=version): key for key in keys}
        if not key_map:
            return {}
        try:
            values = self._own_connection_command("MGET", *key_map)
        except _DOWN as error:
            return self._down(error, {})
        loads = self._cache._serializer.loads
        return {key_map[key]: loads(value) for key, value in zip(key_map, values, strict=True) if value is not None}

    def _own_connection_command(self, *args):
        local = self._local
        connection = getattr(local, "connection", None)
        if connection is None or local.pid != os.getpid():  # none yet, or one inherited from before a fork
            pool = self._cache._get_connection_pool(False)
            connection = local.connection = pool.connection_class(**pool.connection_kwargs)
            local.pid = os.getpid()
        try:
            connection.send_command(*args)
            return connection.read_response()
        except BaseException:
            # Half a command sent or half an answer read: that connection can't be trusted again.
            connection.disconnect()
            local.connection = None
            raise

    def validate_key(self, key):
        """Any key will do for Redis: Django's check, a warning for keys memcached would refuse, walks
        every character of every key on every read (the page cache reads four keys a request)."""

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
