"""A content type added in a test (a model, a kind registration, a form, a `write`, a text builder)
gets the whole workflow from the publishing machinery, with no workflow or search code of its own:
submission with e-mail, the moderation queue, review and edit, publish with e-mail, reject with a
reason, history and restore, its feed, the leak rules, and search: indexed when published, found by
the site search with its count on the content-type facet, its facets counted, never found unpublished."""

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
from hub.search.kinds import SearchFacet, SearchKind, search_kind_named
from hub.search.models import SearchDocument
from hub.search.services import search_rebuild


class Toolkit(Publishable):
    class Audience(models.TextChoices):
        CITIES = "cities", "Cities"
        SCHOOLS = "schools", "Schools"

    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True)
    attachment = models.FileField(upload_to="toolkits/", blank=True)
    audience = models.CharField(max_length=10, choices=Audience.choices, default=Audience.CITIES)

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
    if "audience" in data:  # set by imports and tests; the form leaves it as it is
        toolkit.audience = data["audience"]
    toolkit.save()


def toolkit_texts(ids):
    """The toolkit kind's text builder: what of a toolkit search reads, by field."""
    rows = Toolkit.objects.filter(pk__in=ids).values_list("pk", "title", "summary")
    return [(pk, "en", {"title": title, "summary": summary, "body": "", "context": ""}) for pk, title, summary in rows]


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
            search=SearchKind(
                number=99,
                slug="toolkits",
                label="Toolkits",
                model="publishing.Toolkit",
                texts=toolkit_texts,
                facets=(SearchFacet("audience", "Audience", "audience"),),
            ),
        )
    )
    yield kind
    unregister(kind.slug)
    with connection.schema_editor() as editor:
        editor.delete_model(Toolkit.history.model)
        editor.delete_model(Toolkit)


def submit(
    title="Anti-rumour toolkit", summary="How to train anti-rumour agents.", email="ana@example.org", audience="cities"
):
    return publishing.content_create(
        model=Toolkit,
        data={"title": title, "summary": summary, "audience": audience},
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


def tabs(response) -> dict[str, int | None]:
    """The counts of the practices' and the toolkits' tabs (other registered kinds have tabs too)."""
    counts = {str(tab["label"]): tab["count"] for tab in response.context["tabs"]}
    return {label: counts[label] for label in ("Practices", "Toolkits")}


def test_a_published_toolkit_is_found_by_the_site_search_and_counted_on_its_tab(
    client, toolkits, maya, practice_factory
):
    practice_factory("Anti-rumour agents in Barcelona")
    publishing.content_publish(obj=submit("Anti-rumour toolkit"), by=maya)
    publishing.content_publish(obj=submit("Rumours in schools, a toolkit", audience="schools"), by=maya)
    submit("Anti-rumour toolkit, second draft")

    practices_page = client.get("/search/", {"q": "rumour"})
    assert {"Practices": 1, "Toolkits": 2}.items() <= tabs(practices_page).items()  # beside the registered kinds
    assert "Toolkits (2)" in practices_page.content.decode()

    page = client.get("/search/", {"q": "rumour", "kind": "toolkits"})
    assert page.status_code == 200
    assert [str(t) for t in page.context["page"]] == ["Anti-rumour toolkit", "Rumours in schools, a toolkit"]
    assert {"Practices": 1, "Toolkits": 2}.items() <= tabs(page).items()
    assert "second draft" not in page.content.decode()


def test_an_unpublished_toolkit_is_never_found_and_leaves_the_index_when_unpublished(client, toolkits, maya):
    draft = submit("Anti-rumour toolkit")
    assert client.get("/search/", {"q": "rumour", "kind": "toolkits"}).context["search"].count == 0
    assert not SearchDocument.objects.filter(id=toolkits.search.document_id(draft.pk)).exists()

    publishing.content_publish(obj=draft, by=maya)
    assert SearchDocument.objects.filter(id=toolkits.search.document_id(draft.pk)).exists()
    publishing.content_archive(obj=draft, by=maya)

    page = client.get("/search/", {"q": "rumour", "kind": "toolkits"})
    assert page.context["search"].count == 0 and list(page.context["page"]) == []
    assert not SearchDocument.objects.filter(id=toolkits.search.document_id(draft.pk)).exists()


def test_its_facets_count_the_matches_and_narrow_them(client, toolkits, maya):
    for title, audience in (("Rumour toolkit for cities", "cities"), ("Rumour toolkit for schools", "schools")):
        publishing.content_publish(obj=submit(title, audience=audience), by=maya)
    publishing.content_publish(obj=submit("Rumour kit for towns", audience="cities"), by=maya)

    page = client.get("/search/", {"q": "rumour", "kind": "toolkits"})
    (group,) = page.context["facet_groups"]
    assert [(o.label, o.count) for o in group.options] == [("Cities", 2), ("Schools", 1)]

    narrowed = client.get("/search/", {"q": "rumour", "kind": "toolkits", "audience": "schools"})
    assert [str(t) for t in narrowed.context["page"]] == ["Rumour toolkit for schools"]
    assert [(f.label, f.value) for f in narrowed.context["active_filters"]] == [("Audience", "Schools")]
    nonsense = client.get("/search/", {"q": "rumour", "kind": "toolkits", "audience": "<script>"})
    assert nonsense.status_code == 200 and nonsense.context["search"].count == 0


def test_a_rebuild_indexes_every_registered_kind(client, toolkits, maya):
    publishing.content_publish(obj=submit("Anti-rumour toolkit"), by=maya)
    SearchDocument.objects.all().delete()

    assert search_rebuild()["documents"] == 1
    assert search_kind_named("toolkits") is toolkits.search
    assert [str(t) for t in client.get("/search/", {"q": "rumour", "kind": "toolkits"}).context["page"]] == [
        "Anti-rumour toolkit"
    ]


def test_an_unknown_search_kind_is_a_404(client):
    assert client.get("/search/", {"q": "rumour", "kind": "nonsense"}).status_code == 404
