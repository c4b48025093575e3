"""What an organisation's public page says changes only through moderation, never through a submission
or a member's private profile."""

import pytest

from hub.people.models import Organisation
from hub.practices.tests.test_submit import valid_form
from hub.vocabularies.models import StakeholderType

from .test_profiles import profile_data

pytestmark = pytest.mark.django_db


def test_an_anonymous_submission_does_not_set_the_sector_of_an_existing_organisation(client, practice_factory):
    practice_factory()  # published, by the "City of Dallas", which has no sector
    academia = StakeholderType.objects.get(slug="academia")

    client.post("/practices/submit/", valid_form(organisation_name="city of dallas", organisation_sector=academia.pk))

    assert Organisation.objects.get(name="City of Dallas").stakeholder_type is None


def test_a_new_organisation_takes_the_sector_given_with_the_submission(client):
    academia = StakeholderType.objects.get(slug="academia")
    client.post("/practices/submit/", valid_form(organisation_name="Uni of Nowhere", organisation_sector=academia.pk))
    assert Organisation.objects.get(name="Uni of Nowhere").stakeholder_type == academia


def test_a_members_private_sector_does_not_show_on_their_organisations_page(client, alice, practice_factory):
    practice_factory(organisation=Organisation.objects.create(name="Ville de Lyon", slug="ville-de-lyon"))
    client.force_login(alice)
    client.post("/accounts/profile/", profile_data(show_sector=None))

    page = client.get("/organisations/ville-de-lyon/").text
    assert "Local government" not in page
    assert Organisation.objects.get(slug="ville-de-lyon").stakeholder_type is None
