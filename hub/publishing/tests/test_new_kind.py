"""A content type added in a test (a model, a kind registration, a form, a `write`) gets the whole
workflow from the publishing machinery, with no workflow code of its own: submission with e-mail,
the moderation queue, review and edit, publish with e-mail, reject with a reason, history and
restore, its feed, and the leak rules."""

import pytest
from django import forms
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, models
from simple_history.models import HistoricalRecords

from hub.publishing import services as publishing
from hub.publishing.kinds import ContentKind, register, unregister
from hub.publishing.models import Publishable, Status


class Toolkit(Publishable):
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True)
    attachment = models.FileField(upload_to="toolkits/", blank=True)

    history = HistoricalRecords()

    class Meta:
        app_label = "publishing"

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"/toolkits/{self.pk}/"


class ToolkitForm(forms.ModelForm):
    class Meta:
        model = Toolkit
        fields = ["title", "summary", "attachment"]


def toolkit_write(toolkit, data):
    toolkit.title, toolkit.summary = data["title"], data.get("summary", "")
    if data.get("attachment"):
        toolkit.attachment = data["attachment"]
    toolkit.save()


@pytest.fixture
def toolkits(transactional_db):
    with connection.schema_editor() as editor:
        editor.create_model(Toolkit)
        editor.create_model(Toolkit.history.model)
    kind = register(
        ContentKind(
            slug="toolkit",
            url_name="toolkits",
            model="publishing.Toolkit",
            label="Toolkit",
            label_plural="Toolkits",
            form=f"{__name__}.ToolkitForm",
            write=toolkit_write,
        )
    )
    yield kind
    unregister(kind.slug)
    with connection.schema_editor() as editor:
        editor.delete_model(Toolkit.history.model)
        editor.delete_model(Toolkit)


def submit(title="Anti-rumour toolkit", summary="How to train anti-rumour agents.", email="ana@example.org"):
    return publishing.content_create(
        model=Toolkit,
        data={"title": title, "summary": summary},
        by=AnonymousUser(),
        submitter_name="Ana",
        submitter_email=email,
    )


def test_a_submission_waits_in_the_queue_and_its_submitter_is_told(client, toolkits, maya):
    toolkit = submit()

    assert toolkit.status == Status.SUBMITTED and toolkit.submitter_display == "Ana (not verified)"
    assert mail.outbox[-1].to == ["ana@example.org"] and "Anti-rumour toolkit" in mail.outbox[-1].subject
    client.force_login(maya)
    queue = client.get("/moderation/", {"kind": "toolkits"})
    assert [str(t) for t in queue.context["page"]] == ["Anti-rumour toolkit"]
    assert ("Toolkits", 1) in [(str(kind.label_plural), n) for kind, n in queue.context["kinds"]]


def test_a_moderator_edits_publishes_and_restores_an_earlier_version(client, toolkits, maya):
    toolkit = submit()
    client.force_login(maya)

    assert client.get(f"/moderation/toolkits/{toolkit.pk}/").status_code == 200
    response = client.post(f"/moderation/toolkits/{toolkit.pk}/", {"title": "A toolkit against rumours"})
    assert response.status_code == 302
    client.post(f"/moderation/toolkits/{toolkit.pk}/publish/")

    toolkit.refresh_from_db()
    assert toolkit.status == Status.PUBLISHED and toolkit.published_at is not None
    assert "is published" in mail.outbox[-1].subject
    reasons = list(toolkit.history.order_by("history_date").values_list("history_change_reason", flat=True))
    assert reasons == ["Submitted", "Edited", "Published"]

    first = toolkit.history.earliest("history_date")
    client.post(f"/moderation/toolkits/{toolkit.pk}/restore/{first.history_id}/")
    toolkit.refresh_from_db()
    assert toolkit.title == "Anti-rumour toolkit" and toolkit.status == Status.PUBLISHED


def test_a_rejection_tells_the_submitter_why(client, toolkits, maya):
    toolkit = submit()
    client.force_login(maya)

    client.post(f"/moderation/toolkits/{toolkit.pk}/reject/", {"reason": "This is a news item, not a toolkit."})

    toolkit.refresh_from_db()
    assert toolkit.status == Status.REJECTED
    assert "This is a news item, not a toolkit." in mail.outbox[-1].body


def test_its_feed_has_the_published_objects_only(client, toolkits, maya):
    publishing.content_publish(obj=submit("Anti-rumour toolkit"), by=maya)
    submit("A draft nobody may see")

    feed = client.get("/feeds/toolkits/").content.decode()

    assert "Anti-rumour toolkit" in feed and "A draft nobody may see" not in feed


def test_members_cannot_moderate_it_and_visitors_see_only_what_is_published(client, toolkits, bob):
    toolkit = submit()
    client.force_login(bob)

    assert client.post(f"/moderation/toolkits/{toolkit.pk}/publish/").status_code == 403
    toolkit.refresh_from_db()
    assert toolkit.status == Status.SUBMITTED
    assert list(Toolkit.objects.visible_to(bob)) == []
    assert list(Toolkit.objects.visible_to(AnonymousUser())) == []


def test_an_unknown_kind_is_a_404(client, maya):
    client.force_login(maya)
    assert client.get("/moderation/nonsense/1/").status_code == 404
    assert client.get("/feeds/nonsense/").status_code == 404


def test_a_moderator_replaces_a_file_through_the_review_page(client, toolkits, maya, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    toolkit = submit()
    client.force_login(maya)

    review = client.get(f"/moderation/toolkits/{toolkit.pk}/").content.decode()
    assert 'enctype="multipart/form-data"' in review
    upload = SimpleUploadedFile("guide.txt", b"How to train anti-rumour agents.")
    client.post(f"/moderation/toolkits/{toolkit.pk}/", {"title": "Anti-rumour toolkit", "attachment": upload})

    toolkit.refresh_from_db()
    assert toolkit.attachment.name.startswith("toolkits/guide")
    assert toolkit.attachment.read() == b"How to train anti-rumour agents."
