"""The library: members share resources, moderators publish them through the shared workflow, and
everyone browses them with filters, counts and feeds; nothing unpublished leaks."""

from datetime import date

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from hub.publishing import services as publishing
from hub.publishing.kinds import kind_named
from hub.reactions.models import Bookmark, Rating
from hub.resources.models import Resource
from hub.resources.tests import documents
from hub.resources.tests.factories import make_resource

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_resources_are_a_registered_kind_with_the_shared_workflow(
    client, alice, maya, django_capture_on_commit_callbacks
):
    client.force_login(alice)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/resources/submit/",
            {
                "title": "Evaluation of the Welcome Walks",
                "type": "research",
                "summary": "What three years of welcome walks changed.",
                "author": "University of Lyon",
                "issued": "2024-05-02",
                "language_codes": ["fr", "en"],
                "country": "FR",
                "place_name": "Lyon",
                "file": SimpleUploadedFile("evaluation.pdf", documents.pdf(pages=12)),
            },
        )
    resource = Resource.objects.get()
    assert response.status_code == 302 and response["Location"] == resource.get_absolute_url()
    assert resource.status == Resource.Status.SUBMITTED and resource.submitted_by == alice
    assert "Evaluation of the Welcome Walks" in mail.outbox[-1].subject
    assert kind_named("resources").model_class is Resource

    client.force_login(maya)
    assert "Evaluation of the Welcome Walks" in client.get("/moderation/", {"kind": "resources"}).content.decode()
    client.post(f"/moderation/resources/{resource.pk}/publish/")

    resource.refresh_from_db()
    assert resource.is_published and [str(p) for p in resource.places.all()] == ["Lyon, France"]
    page = client.get(resource.get_absolute_url()).content.decode()
    assert "12 pages" in page and "Open the PDF" in page
    assert list(resource.history.values_list("history_change_reason", flat=True).order_by("history_date")) == [
        "Submitted",
        "Published",
    ]


def test_visitors_must_sign_in_to_submit(client):
    response = client.get("/resources/submit/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_resource_needs_a_link_or_a_file(client, alice):
    client.force_login(alice)
    response = client.post(
        "/resources/submit/", {"title": "A report", "type": "research", "summary": "…", "language_codes": ["en"]}
    )
    assert response.status_code == 400
    assert "Give a link to the resource, or upload its file." in response.content.decode()
    assert not Resource.objects.exists()


def test_the_list_filters_and_counts_published_resources_only(client):
    make_resource("Anti-rumour handbook", type="tool", languages=("en", "es"), issued=date(2022, 3, 1))
    make_resource(
        "Welcome walks podcast", type="podcast", languages=("fr",), place=("Lyon", "FR"), issued=date(2024, 1, 1)
    )
    make_resource("A draft report", type="research", status=Resource.Status.SUBMITTED)

    everything = client.get("/resources/")
    assert [r.title for r in everything.context["page"]] == ["Welcome walks podcast", "Anti-rumour handbook"]
    counts = {g.name: {o.value: o.count for o in g.options} for g in everything.context["facet_groups"]}
    assert counts["type"] == {"tool": 1, "podcast": 1}  # the draft is not counted
    assert counts["language"] == {"en": 1, "es": 1, "fr": 1}
    assert counts["country"] == {"ES": 1, "FR": 1} and counts["year"] == {"2024": 1, "2022": 1}

    spanish = client.get("/resources/", {"language": "es"})
    assert [r.title for r in spanish.context["page"]] == ["Anti-rumour handbook"]
    assert "Remove the filter Language" in spanish.content.decode()
    assert [r.title for r in client.get("/resources/?country=FR&type=podcast").context["page"]] == [
        "Welcome walks podcast"
    ]
    assert "A draft report" not in everything.content.decode()


def test_a_bad_filter_is_a_400_that_says_which(client):
    make_resource()
    response = client.get("/resources/", {"type": "nonsense", "year": "soon"})
    assert response.status_code == 400
    assert "Some filters in this address were not understood" in response.content.decode()


def test_the_list_takes_a_constant_number_of_queries(client, django_assert_max_num_queries):
    for n in range(12):
        make_resource(f"Resource {n}", languages=("en", "fr"))
    with django_assert_max_num_queries(16):
        client.get("/resources/", {"theme": "discrimination-and-xenophobia"})


def test_a_feed_follows_each_filter(client):
    make_resource("Anti-rumour handbook", type="tool")
    make_resource("Welcome walks podcast", type="podcast")
    make_resource("A draft report", type="podcast", status=Resource.Status.SUBMITTED)

    feed = client.get("/feeds/resources/", {"type": "podcast"}).content.decode()

    assert "Welcome walks podcast" in feed and "Anti-rumour handbook" not in feed and "A draft report" not in feed


def test_an_unpublished_resource_and_its_file_are_hidden_from_others(client, alice, bob, maya):
    resource = make_resource("A draft report", status=Resource.Status.SUBMITTED, submitted_by=alice, url="")
    resource.file.save("draft.pdf", SimpleUploadedFile("draft.pdf", documents.pdf()), save=True)
    resource.file_type = "application/pdf"
    resource.save()

    assert client.get(resource.get_absolute_url()).status_code == 404
    assert client.get(resource.get_file_url()).status_code == 404
    client.force_login(bob)
    assert client.get(resource.get_file_url()).status_code == 404
    client.force_login(alice)
    assert client.get(resource.get_file_url()).status_code == 200
    client.force_login(maya)
    response = client.get(resource.get_file_url())
    assert response.status_code == 200 and response["Cache-Control"] == "private, no-store"


def test_files_are_served_with_headers_that_never_let_them_run_as_a_page(client):
    pdf_resource = make_resource("Handbook", url="")
    pdf_resource.file.save("handbook.pdf", SimpleUploadedFile("x.pdf", documents.pdf()), save=False)
    pdf_resource.file_type = "application/pdf"
    pdf_resource.save()
    word = make_resource("Guide", url="")
    word.file.save("guide.docx", SimpleUploadedFile("x.docx", documents.docx()), save=False)
    word.file_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    word.save()

    pdf_response, word_response = client.get(pdf_resource.get_file_url()), client.get(word.get_file_url())

    assert pdf_response["Content-Type"] == "application/pdf"
    assert pdf_response["Content-Disposition"].startswith("inline")
    assert word_response["Content-Disposition"].startswith("attachment")
    for response in (pdf_response, word_response):
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Security-Policy"].startswith("sandbox;")
        assert "text/html" not in response["Content-Type"]


def test_resources_are_rated_commented_and_bookmarked_like_practices(client, bob):
    resource = make_resource()
    client.force_login(bob)

    page = client.get(resource.get_absolute_url()).content.decode()
    assert "How useful was this information?" in page
    client.post(f"/reactions/resource/{resource.pk}/rate/", {"score": "4"})
    client.post(f"/reactions/resource/{resource.pk}/bookmark/", {"action": "add"})

    assert Rating.objects.get().score == 4 and Bookmark.objects.filter(user=bob).count() == 1


def test_a_practice_lists_its_resources_and_a_resource_its_practices(client, practice_factory):
    practice = practice_factory("Community ambassadors in Dallas")
    resource = make_resource("Ambassadors' evaluation", practices=[practice])
    make_resource("A hidden draft", practices=[practice], status=Resource.Status.SUBMITTED)

    practice_page = client.get(practice.get_absolute_url()).content.decode()
    resource_page = client.get(resource.get_absolute_url()).content.decode()

    assert "Ambassadors&#x27; evaluation" in practice_page and "A hidden draft" not in practice_page
    assert "Community ambassadors in Dallas" in resource_page


def test_the_form_takes_practices_by_address_and_refuses_unknown_ones(client, alice, practice_factory):
    practice_factory("Community ambassadors in Dallas")
    client.force_login(alice)
    data = {
        "title": "Toolkit",
        "type": "tool",
        "summary": "…",
        "language_codes": ["en"],
        "url": "https://example.org/toolkit",
        "practice_addresses": "http://testserver/practices/community-ambassadors-in-dallas/\nno-such-practice",
    }
    response = client.post("/resources/submit/", data)
    assert response.status_code == 400 and "No published practice at: no-such-practice" in response.content.decode()

    data["practice_addresses"] = "/practices/community-ambassadors-in-dallas/"
    assert client.post("/resources/submit/", data).status_code == 302
    assert [p.title for p in Resource.objects.get().practices.all()] == ["Community ambassadors in Dallas"]


def test_home_topic_and_place_pages_show_their_resources(client):
    make_resource("Anti-rumour handbook", place=("Barcelona", "ES"))
    make_resource("A hidden draft", status=Resource.Status.SUBMITTED)

    home = client.get("/").content.decode()
    topic = client.get("/topics/discrimination-and-xenophobia/").content.decode()
    country = client.get("/places/spain/").content.decode()

    for page in (home, topic, country):
        assert "Anti-rumour handbook" in page and "A hidden draft" not in page


def test_counts_are_kept_until_public_content_changes(client, maya, django_capture_on_commit_callbacks):
    make_resource("Anti-rumour handbook", type="tool")
    draft = make_resource("Welcome walks podcast", type="podcast", status=Resource.Status.SUBMITTED)

    def type_counts():
        groups = client.get("/resources/").context["facet_groups"]
        return {o.value: o.count for g in groups if g.name == "type" for o in g.options}

    assert type_counts() == {"tool": 1}
    with django_capture_on_commit_callbacks(execute=True):
        publishing.content_publish(obj=draft, by=maya)
    assert type_counts() == {"tool": 1, "podcast": 1}
