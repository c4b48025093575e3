"""An id larger than any database holds is an invalid choice (400), not a server error (SQLite)."""

import pytest

from hub.practices.models import Practice
from hub.practices.tests.test_submit import valid_form

pytestmark = pytest.mark.django_db

HUGE = "9" * 30


@pytest.mark.parametrize("field", ["themes", "dimensions", "gcm_objectives", "target_groups", "organisation_sector"])
def test_a_huge_id_in_a_choice_of_the_submit_form_is_refused(client, field):
    response = client.post("/practices/submit/", valid_form(**{field: [HUGE, "-" + HUGE]}))
    assert response.status_code == 400
    assert not Practice.objects.exists()


def test_a_huge_id_in_the_expertise_of_a_profile_is_refused(client, alice):
    client.force_login(alice)
    response = client.post("/accounts/profile/", {"first_name": "A", "expertise": HUGE})
    assert response.status_code == 400
