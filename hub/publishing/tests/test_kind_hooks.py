"""What a kind's objects depend on follows every workflow change (`after_change`), and a kind's own
fields change outside its form as one recorded version (`content_set_fields`)."""

import dataclasses

import pytest
from django.contrib.auth.models import AnonymousUser

from hub.publishing import services as publishing
from hub.publishing.kinds import KINDS, register
from hub.publishing.models import Status
from hub.publishing.tests.test_new_kind import Toolkit, submit, toolkits  # noqa: F401 - the fixture


@pytest.fixture
def calls(toolkits):  # noqa: F811 - the fixture imported above
    seen = []
    register(dataclasses.replace(KINDS["toolkit"], after_change=lambda obj, by: seen.append((obj.status, by))))
    return seen


def test_after_change_is_called_by_every_workflow_service_with_who_acted(calls, maya):
    toolkit = submit()
    publishing.content_publish(obj=toolkit, by=maya)
    publishing.content_archive(obj=toolkit, by=maya)

    assert [status for status, _ in calls] == [Status.SUBMITTED, Status.PUBLISHED, Status.ARCHIVED]
    assert isinstance(calls[0][1], AnonymousUser) and calls[1][1] == maya


def test_set_fields_records_one_version_with_its_reason(toolkits, maya):  # noqa: F811
    toolkit = submit()

    publishing.content_set_fields(obj=toolkit, by=maya, reason="Summary set by a test", summary="Shorter.")

    toolkit.refresh_from_db()
    assert toolkit.summary == "Shorter." and toolkit.status == Status.SUBMITTED
    latest = toolkit.history.latest("history_date")
    assert latest.history_change_reason == "Summary set by a test" and latest.history_user == maya


def test_set_fields_refuses_the_workflows_own_fields(toolkits, maya):  # noqa: F811
    toolkit = submit()

    with pytest.raises(ValueError, match="status"):
        publishing.content_set_fields(obj=toolkit, by=maya, reason="Sneaky", status=Status.PUBLISHED)

    assert Toolkit.objects.get(pk=toolkit.pk).status == Status.SUBMITTED
