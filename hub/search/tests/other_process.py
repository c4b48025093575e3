"""A second (and third) Django process for test_two_processes.py, on the test's database and cache.

    python -m hub.search.tests.other_process reader   # builds its index, then GETs each URL read on stdin
    python -m hub.search.tests.other_process publish <practice pk> <moderator pk>
    python -m hub.search.tests.other_process rename <topic pk> <new name>

The reader answers each URL with one JSON line: the status, the facet counts of its index, and what
it did to its index so far (facet_index.STATS, the counter the test reads).
"""

import json
import os
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings")


def main(role: str, *args: str) -> None:
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client

    from hub.practices.models import Practice
    from hub.publishing.services import content_publish
    from hub.search.facet_index import STATS, facet_index
    from hub.vocabularies.models import Topic
    from hub.vocabularies.services import vocabulary_save

    if role == "publish":
        content_publish(obj=Practice.objects.get(pk=int(args[0])), by=get_user_model().objects.get(pk=int(args[1])))
    elif role == "rename":
        topic = Topic.objects.get(pk=int(args[0]))
        topic.name = args[1]
        vocabulary_save(term=topic)
    elif role == "reader":
        facet_index()  # before the first request, as gunicorn.conf.py has it
        print(json.dumps({"ready": True, "stats": dict(STATS)}), flush=True)
        client = Client()
        for line in sys.stdin:
            response = client.get(line.strip())
            index = facet_index()
            counts = {
                f"{facet}={option.value}": [str(option.label), option.count]
                for facet, options in index.counts(index.everything).items()
                for option in options
            }
            answer = {"status": response.status_code, "published": len(index.ids), "counts": counts}
            print(json.dumps({**answer, "stats": dict(STATS)}), flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
