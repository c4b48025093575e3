"""gunicorn's settings for IBIS Hub (`gunicorn hub.wsgi` reads this file from the working directory).

Why these (docs/operations.md has the measurements):
- Processes, one per core (WEB_CONCURRENCY to change it). A page that is not cached is Python work
  (templates, the facet index), which one process does on one core at a time: more processes than
  cores only queue for them. Each process also holds its own facet index of the published practices
  (tens of MB at 100 000), so extra processes cost memory and bring no speed.
- Threads (gthread), 4 a process: a cached page is mostly waiting on Redis and the socket, and a
  slow client or a keep-alive connection must not hold a whole process; threads share the process's
  facet index where more processes would each build their own.
- preload_app: Django, the search and the map code are imported once, before the fork, and shared
  copy-on-write by the processes.
- No max_requests: a restarted process rebuilds its facet index (seconds at 100 000 practices).
- Each process builds its facet index before it takes its first request (post_worker_init): no
  reader waits for it. Afterwards it is updated in place or rebuilt in a thread of the process
  (hub/search/facet_index.py, "Freshness"). The same goes for what the first search of a process
  needed (hub/search/warmup.py): the spelling word lists and the sentence model are read once, by
  the arbiter before the fork (when_ready), and shared by the processes; the practices' vectors and
  the model's first run are each process's own (post_worker_init).
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count()))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
preload_app = True
timeout = 30
graceful_timeout = 30
# Behind nginx, which keeps its own connections to the clients open.
keepalive = 5
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"


def when_ready(server):
    """Before the first fork, with the application loaded: what every process needs and nothing writes
    (the word lists, the model's weights), read once and shared copy-on-write by the processes."""
    if server.cfg.preload_app:
        from hub.search.warmup import before_fork

        before_fork()


def post_worker_init(worker):
    """Build the facet indexes and load what a search needs before the first request. In a thread,
    telling the arbiter all along that the worker is alive: a build longer than `timeout` (a big
    database on a busy machine) must not get the worker killed and started again, for ever."""
    import threading

    from django.db import connections

    from hub.search.warmup import in_process

    done = threading.Event()

    def build():
        try:
            in_process()
        finally:
            connections.close_all()  # this thread's; requests open their own
            done.set()

    threading.Thread(target=build, name="facet-index-first-build").start()
    while not done.wait(1):
        worker.notify()
