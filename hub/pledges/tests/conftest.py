"""Pledges of the seeds' cities, made by the one constructor, and carla, who represents Barranquilla."""

from datetime import date

import pytest

from hub.people.services import organisation_get_or_create
from hub.places.services import place_get_or_create
from hub.pledges.models import Initiative, Pledge
from hub.pledges.services import pledge_create, representative_grant
from hub.practices.tests.fixtures import PASSWORD, with_verified_email
from hub.vocabularies.models import StakeholderType, Topic


def make_pledge(
    title="PA'LANTE for migrant and refugee families",
    *,
    body="City of Barranquilla",
    body_type="local-government",
    place=("Barranquilla", "CO"),
    status=Pledge.Status.PUBLISHED,
    initiative=None,
    targets=((500, "families"),),
    topics=("discrimination-and-xenophobia",),
    start=date(2023, 6, 1),
    end=date(2024, 12, 1),
    **data,
) -> Pledge:
    stakeholder_type = StakeholderType.objects.filter(slug=body_type).first()
    organisation = organisation_get_or_create(name=body, stakeholder_type=stakeholder_type)
    return pledge_create(
        data={
            "title": title,
            "commitment": data.pop("commitment", f"{body} commits to implement {title}."),
            "organisation": organisation,
            "initiative": initiative,
            "start_date": start,
            "end_date": end,
            "targets": list(targets),
            "topics": list(Topic.objects.filter(slug__in=topics)),
            "places": [place_get_or_create(name=place[0], country=place[1])] if place else [],
            **data,
        },
        by=None,
        publish=status == Pledge.Status.PUBLISHED,
        notify=False,
        reason="Created by a test",
        **({} if status in (Pledge.Status.PUBLISHED, Pledge.Status.SUBMITTED) else {"status": status}),
    )


@pytest.fixture
def pledge_factory(db):
    return make_pledge


@pytest.fixture
def call_to_local_action(db):
    return Initiative.objects.create(
        name="Call to Local Action",
        slug="call-to-local-action",
        description="The GFMD mayors' call.",
        host=organisation_get_or_create(name="GFMD Mayors Mechanism"),
        start_date=date(2021, 1, 1),
    )


@pytest.fixture
def carla(django_user_model):
    """A member who represents the City of Barranquilla, trusted."""
    user = with_verified_email(
        django_user_model.objects.create_user("carla", "carla@example.org", PASSWORD, first_name="Carla")
    )
    representative_grant(
        user=user, organisation=organisation_get_or_create(name="City of Barranquilla"), trusted=True, by=None
    )
    return user


@pytest.fixture
def diego(django_user_model):
    """A member who represents the City of Barranquilla, not trusted: his updates are moderated."""
    user = with_verified_email(
        django_user_model.objects.create_user("diego", "diego@example.org", PASSWORD, first_name="Diego")
    )
    representative_grant(
        user=user, organisation=organisation_get_or_create(name="City of Barranquilla"), trusted=False, by=None
    )
    return user
