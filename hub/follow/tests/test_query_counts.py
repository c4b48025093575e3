"""Building the digests costs the same SQL queries whatever the number of subscribers of a topic."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hub.follow.models import Frequency, Subscription
from hub.follow.services import digests_build
from hub.practices.tests.fixtures import make_practice

pytestmark = pytest.mark.django_db
FOLLOWED = [
    ("topic", "discrimination-and-xenophobia"),
    ("topic", "education"),
    ("place", "united-states-of-america"),
    ("practices", "theme=education"),
]


def subscribe(readers: int, start: int = 0):
    confirmed = timezone.now() - datetime.timedelta(days=2)
    Subscription.objects.bulk_create(
        Subscription(email=f"reader{n}@example.org", what=what, key=key, label=key, confirmed_at=confirmed)
        for n in range(start, start + readers)
        for what, key in FOLLOWED
    )


def queries_to_build() -> tuple[int, int]:
    with CaptureQueriesContext(connection) as captured:
        digests = digests_build(frequency=Frequency.DAILY, now=timezone.now())
    return len(captured), len(digests)


def test_building_the_digests_costs_the_same_queries_for_2_or_20_subscribers_per_topic(db):
    for n in range(6):
        practice = make_practice(f"Practice {n}", topics=("education", "discrimination-and-xenophobia"))
        practice.tags.add(f"tag {n}")
    subscribe(2)
    queries_to_build()  # the process's facet index (for the saved list) is built once, then kept
    few, digests = queries_to_build()
    assert digests == 2
    subscribe(18, start=2)
    many, digests = queries_to_build()
    assert digests == 20
    assert many == few
    assert few <= 7
