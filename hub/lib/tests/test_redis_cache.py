"""The Redis cache on a real Redis (skipped where none listens on 127.0.0.1:6379): one client for every
operation, and keys Django would warn about for memcached work as they are."""

import uuid

import pytest
import redis

from hub.lib.cache import ForgivingRedisCache

URL = "redis://127.0.0.1:6379/12"


@pytest.fixture
def redis_cache():
    try:
        redis.Redis.from_url(URL).ping()
    except redis.ConnectionError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    prefix = f"test-{uuid.uuid4().hex}"
    cache = ForgivingRedisCache(URL, {"KEY_PREFIX": prefix})
    yield cache
    client = redis.Redis.from_url(URL)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


def test_every_operation_uses_the_same_client(redis_cache):
    redis_cache.set("a", 1)
    first = redis_cache._cache.get_client()
    assert redis_cache.get("a") == 1
    assert redis_cache._cache.get_client() is first
    assert redis_cache._cache.get_client(write=True) is first  # one server: one pool, one client


def test_many_keys_in_one_round_trip_with_values_of_every_kind(redis_cache):
    page = {"content": b"<html>" + b"x" * 50_000, "headers": [("ETag", '"1"')], "versions": [1, 2, 3]}
    redis_cache.set_many({"page:en:a b": page, "version": 7})
    assert redis_cache.get_many(["page:en:a b", "version", "missing"]) == {"page:en:a b": page, "version": 7}


def test_a_key_memcached_would_refuse_works_without_a_warning(redis_cache, recwarn):
    key = "page:fr:" + "é " * 200  # spaces, non-ASCII, longer than 250 characters
    redis_cache.set(key, "la page")
    assert redis_cache.get(key) == "la page"
    assert not [warning for warning in recwarn if "memcached" in str(warning.message).lower()]


def test_get_many_answers_again_after_redis_closed_its_connection(redis_cache):
    redis_cache.set("a", 1)
    assert redis_cache.get_many(["a", "b"]) == {"a": 1}
    own = redis_cache._own_connection_command("CLIENT", "ID")
    redis.Redis.from_url(URL).client_kill_filter(_id=own)
    first, second = redis_cache.get_many(["a"]), redis_cache.get_many(["a"])
    assert first in ({}, {"a": 1})  # found the connection closed: as if Redis were down, no error
    assert second == {"a": 1}
    assert redis_cache._own_connection_command("CLIENT", "ID") != own


def test_each_thread_reads_over_a_connection_of_its_own(redis_cache):
    import threading

    redis_cache.set("a", 1)
    ids = []

    def read():
        assert redis_cache.get_many(["a"]) == {"a": 1}
        ids.append(redis_cache._own_connection_command("CLIENT", "ID"))

    threads = [threading.Thread(target=read) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(ids)) == 3
