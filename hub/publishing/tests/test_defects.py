"""The three defects the review of issue 12 found, each with a test that failed before the
publishing machinery existed."""

import pytest
from django.core import mail
from django.core.cache import cache

from hub.practices.models import Practice
from hub.publishing import services as publishing
from hub.search.listing import listing_version
from hub.search.results import search_practices
from hub.vocabularies.models import Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def spanish_practice(practice_factory):
    return practice_factory(
        "Acogida en Maipú",
        summary="Clases de español para cada refugiado y su familia.",
        language="es",
        place=("Maipú", "CL"),
    )


@pytest.fixture
def other_practice(practice_factory):
    return practice_factory("Job fairs in Dallas", summary="Employers meet newcomers.", place=("Dallas", "US"))


# ?q= means one thing: the list, its feed, the map's markers and the map's list find the same practices.


def _list_titles(client, query):
    return {p.title for p in client.get("/practices/", query).context["page"]}


def test_the_list_and_its_feed_find_the_same_practices_for_a_word_form(client, spanish_practice, other_practice):
    query = {"q": "refugiados"}
    feed = client.get("/feeds/practices/", query).content.decode()

    assert _list_titles(client, query) == {"Acogida en Maipú"}
    assert "Acogida en Maipú" in feed and "Job fairs in Dallas" not in feed


def test_the_list_and_the_map_markers_count_the_same_practices(client, spanish_practice, other_practice):
    markers = client.get("/map/clusters/", {"q": "refugiados", "bbox": "-180,-85,180,85", "zoom": "2"}).json()

    assert len(_list_titles(client, {"q": "refugiados"})) == markers["total"] == 1


def test_the_list_and_the_maps_list_without_javascript_find_the_same_practices(
    client, spanish_practice, other_practice
):
    page = client.get("/map/", {"q": "refugiados"})

    assert page.context["total"] == len(_list_titles(client, {"q": "refugiados"})) == 1
    assert [row.name for row in page.context["countries"]] == ["Chile"]


# The admin goes through the workflow.


def test_publishing_in_the_admin_sets_the_date_indexes_and_tells_the_submitter(
    admin_client, practice_factory, django_capture_on_commit_callbacks
):
    waiting = practice_factory(
        "Moroccan dialect classes in Terrassa",
        status=Practice.Status.SUBMITTED,
        submitter_email="nuria@example.org",
    )

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            "/admin/practices/practice/", {"action": "publish", "_selected_action": [waiting.pk]}, follow=True
        )

    waiting.refresh_from_db()
    assert waiting.status == Practice.Status.PUBLISHED and waiting.published_at is not None
    assert search_practices("Terrassa").count == 1
    assert [m.to for m in mail.outbox] == [["nuria@example.org"]]
    assert waiting.history.first().history_change_reason == "Published"


def test_the_admin_cannot_change_the_status_directly(admin_client, practice_factory):
    waiting = practice_factory("Moroccan dialect classes in Terrassa", status=Practice.Status.SUBMITTED)

    page = admin_client.get(f"/admin/practices/practice/{waiting.pk}/change/").content.decode()

    assert 'name="status"' not in page


def test_an_edit_in_the_admin_is_indexed_and_recorded_once(admin_client, practice_factory):
    practice = practice_factory("Job fairs in Dallas")
    versions = practice.history.count()
    form = admin_client.get(f"/admin/practices/practice/{practice.pk}/change/").context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None and not isinstance(value, list)}
    data.update(
        {
            "title": "Career mentoring in Dallas",
            "topics": [t.pk for t in practice.topics.all()],
            "places": [p.pk for p in practice.places.all()],
            "links-TOTAL_FORMS": "0",
            "links-INITIAL_FORMS": "0",
        }
    )

    response = admin_client.post(f"/admin/practices/practice/{practice.pk}/change/", data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    assert search_practices("mentoring").count == 1
    assert practice.history.count() == versions + 1


def test_renaming_a_topic_in_the_admin_reindexes_its_practices_and_refreshes_the_labels(
    admin_client, practice_factory, django_capture_on_commit_callbacks
):
    practice_factory("Job fairs in Dallas", topics=("education",))
    topic = Topic.objects.get(slug="education")
    before = listing_version()

    with django_capture_on_commit_callbacks(execute=True):
        # The admin has a name per language (hub/vocabularies/translation.py); the English one is renamed.
        response = admin_client.post(
            f"/admin/vocabularies/topic/{topic.pk}/change/",
            {
                "kind": topic.kind,
                "name_en": "Schooling and vocational training",
                **{f"name_{code}": getattr(topic, f"name_{code}") for code in ("fr", "es", "ar")},
                "slug": topic.slug,
            },
        )
    assert response.status_code == 302

    assert search_practices("vocational").count == 1
    assert listing_version() != before
    labels = {o.label for o in admin_client.get("/practices/").context["facet_groups"][0].options}
    assert "Schooling and vocational training" in labels


# Only public changes change the listing version.


def test_rejecting_a_submission_that_was_never_published_leaves_the_listings_alone(
    practice_factory, maya, django_capture_on_commit_callbacks
):
    waiting = practice_factory("Moroccan dialect classes in Terrassa", status=Practice.Status.SUBMITTED)
    before = listing_version()

    with django_capture_on_commit_callbacks(execute=True):
        publishing.content_reject(obj=waiting, by=maya, reason="Not a practice")
        publishing.content_update(obj=waiting, data={"title": "Dialect classes"}, by=maya)

    assert listing_version() == before


def test_publishing_changes_the_listing_version(practice_factory, maya, django_capture_on_commit_callbacks):
    waiting = practice_factory("Moroccan dialect classes in Terrassa", status=Practice.Status.SUBMITTED)
    before = listing_version()

    with django_capture_on_commit_callbacks(execute=True):
        publishing.content_publish(obj=waiting, by=maya)

    assert listing_version() != before
    assert cache.get("practices:listing-version") == listing_version()
