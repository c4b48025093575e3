"""Roles: member, moderator (group "Moderators"), administrator (superuser), managed in the admin."""

import pytest
from django.contrib.auth.models import Group

from hub.accounts.roles import MODERATORS_GROUP

pytestmark = pytest.mark.django_db


def test_the_admin_lists_every_user_with_their_role_and_edits_their_profile(admin_client, alice, maya):
    page = admin_client.get("/admin/auth/user/").content.decode()
    assert "administrator" in page and "moderator" in page and "member" in page
    page = admin_client.get(f"/admin/auth/user/{alice.pk}/change/").content.decode()
    assert "Member profile" in page


def test_a_member_put_in_the_moderators_group_can_moderate_comments(client, bob):
    group = Group.objects.get(name=MODERATORS_GROUP)
    client.force_login(bob)
    assert client.get("/moderation/comments/").status_code == 403
    bob.groups.add(group)
    assert client.get("/moderation/comments/").status_code == 200


@pytest.mark.parametrize("person", ["alice", "maya"])
def test_members_and_moderators_cannot_open_the_user_admin(client, request, person):
    client.force_login(request.getfixturevalue(person))
    response = client.get("/admin/auth/user/")
    assert response.status_code in (302, 403)
