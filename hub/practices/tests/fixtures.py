"""Named people and a practice factory.

- alice: a practitioner who submitted a practice
- bob: a plain member, unrelated to alice's practice
- maya: a moderator
- anonymous: a visitor who is not signed in (Django's test client without login)
"""

from datetime import date

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.utils import timezone

from hub.accounts.roles import MODERATORS_GROUP
from hub.lib.languages import url_in_language
from hub.people.services import organisation_get_or_create
from hub.places.services import place_get_or_create
from hub.practices.models import Practice
from hub.practices.services import practice_create
from hub.vocabularies.models import Topic

PASSWORD = "correct horse battery staple"


def with_verified_email(user):
    """Members have verified their address (allauth lets no one sign in before)."""
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@pytest.fixture
def alice(django_user_model):
    return with_verified_email(
        django_user_model.objects.create_user(
            "alice", "alice@example.org", PASSWORD, first_name="Alice", last_name="Martin"
        )
    )


@pytest.fixture
def bob(django_user_model):
    return with_verified_email(
        django_user_model.objects.create_user("bob", "bob@example.org", PASSWORD, first_name="Bob")
    )


@pytest.fixture
def maya(django_user_model):
    user = django_user_model.objects.create_user(
        "maya", "maya@example.org", PASSWORD, first_name="Maya", last_name="Okafor", is_staff=True
    )
    user.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    return with_verified_email(user)


def make_practice(
    title="Community ambassadors in Dallas",
    *,
    status=Practice.Status.PUBLISHED,
    topics=("discrimination-and-xenophobia",),
    place=("Dallas", "US"),
    published_at=None,
    **fields,
) -> Practice:
    """A practice made by the one constructor (practice_create), in any state of the workflow."""
    preset = {
        "summary": "Immigrant residents explain city services to their neighbours.",
        "background": "Rooted in the Welcoming Strategic Plan.",
        "organisation": organisation_get_or_create(name="City of Dallas"),
        "start_date": date(2021, 3, 1),
        "end_date": date(2023, 12, 1),
        "implementation": Practice.Implementation.COMPLETED,
        "submitted_at": timezone.now(),
        "status": status,
        "published_at": published_at or (timezone.now() if status == Practice.Status.PUBLISHED else None),
    }
    preset.update(fields)
    data = {
        "title": title,
        "topics": Topic.objects.filter(slug__in=topics),
        "places": [place_get_or_create(name=place[0], country=place[1])] if place else [],
    }
    return practice_create(data=data, by=None, reason="Created by a test", notify=False, **preset)


@pytest.fixture
def practice_factory(db):
    return make_practice


@pytest.fixture
def every_language(settings):
    """Every language the site is translated into offered, whatever the catalogues of this checkout."""
    settings.LANGUAGES = settings.TRANSLATED_LANGUAGES


class _ReadIn:
    """The client reading pages at their address in `language` (/fr/…), as the language choice links them."""

    def __init__(self, client, language):
        self.client, self.language = client, language

    def get(self, path, *args, **kwargs):
        return self.client.get(url_in_language(path, self.language), *args, **kwargs)


def read_in(client, language):
    return _ReadIn(client, language)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs a change as if committed: what moves after a commit (the listing and page versions) moves."""

    def run(change):
        with django_capture_on_commit_callbacks(execute=True):
            return change()

    return run
