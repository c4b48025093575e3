from datetime import date, timedelta

import pytest
from django.utils import timezone

from hub.practices.models import Practice
from hub.publishing import services as publishing

pytestmark = pytest.mark.django_db


def test_home_shows_the_featured_practice_latest_practices_and_topics(client, practice_factory):
    practice_factory("Biais d'Entrée podcast", featured=True)
    practice_factory("Youth Work for All", place=("Mechelen", "BE"), topics=("youth",))
    practice_factory("Secret draft", status=Practice.Status.SUBMITTED)

    response = client.get("/")

    assert response.status_code == 200
    assert response.context["featured"].title == "Biais d'Entrée podcast"
    assert [p.title for p in response.context["latest"]] == ["Youth Work for All"]
    assert "Discrimination and Xenophobia" in response.text
    assert "Secret draft" not in response.text


def test_list_shows_twenty_published_practices_a_page_newest_first(client, practice_factory):
    start = timezone.now() - timedelta(days=100)
    for n in range(25):
        practice_factory(f"Practice {n:02}", published_at=start + timedelta(days=n))
    practice_factory("Waiting", status=Practice.Status.SUBMITTED)

    first = client.get("/practices/")
    second = client.get("/practices/?page=2")

    assert [p.title for p in first.context["page"]][:2] == ["Practice 24", "Practice 23"]
    assert len(first.context["page"]) == 20
    assert len(second.context["page"]) == 5
    assert first.context["page"].paginator.count == 25
    assert "Waiting" not in first.text + second.text


def test_list_sorts_a_to_z(client, practice_factory):
    for title in ["Zeta", "Alpha", "Mu"]:
        practice_factory(title)

    response = client.get("/practices/?sort=title")

    assert [p.title for p in response.context["page"]] == ["Alpha", "Mu", "Zeta"]


def test_a_page_beyond_the_last_is_404(client, practice_factory):
    practice_factory()

    assert client.get("/practices/?page=7").status_code == 404
    assert client.get("/practices/?page=abc").status_code == 404


def test_filters_combine_and_live_in_the_url(client, practice_factory):
    practice_factory("Terrassa teachers", place=("Terrassa", "ES"), topics=("education", "cultural"))
    practice_factory("Barranquilla families", place=("Barranquilla", "CO"), topics=("education",))
    practice_factory("Dallas ambassadors", place=("Dallas", "US"), topics=("community-building",))

    response = client.get("/practices/?theme=education&continent=EU")

    assert [p.title for p in response.context["page"]] == ["Terrassa teachers"]
    assert [(f.label, f.value) for f in response.context["active_filters"]] == [
        ("Theme", "Education"),
        ("Continent", "Europe"),
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("dimension=cultural", ["Terrassa teachers"]),
        ("gcm=gcm-objective-16", ["Barranquilla families"]),
        ("country=CO", ["Barranquilla families"]),
        ("year=2024", ["Barranquilla families"]),
        ("year=2019", ["Terrassa teachers"]),
        ("stakeholder=local-government", ["Terrassa teachers"]),
        ("target=refugees", ["Barranquilla families"]),
        ("implementation=ongoing", ["Barranquilla families"]),
        ("participation=migrant-led", ["Barranquilla families"]),
        ("evidence=independently-evaluated", ["Terrassa teachers"]),
    ],
)
def test_each_filter_narrows_the_list(client, practice_factory, query, expected):
    from hub.people.services import organisation_get_or_create
    from hub.vocabularies.models import StakeholderType, TargetGroup

    city = organisation_get_or_create(
        name="Ajuntament de Terrassa", stakeholder_type=StakeholderType.objects.get(slug="local-government")
    )
    practice_factory(
        "Terrassa teachers",
        place=("Terrassa", "ES"),
        topics=("education", "cultural"),
        organisation=city,
        start_date=date(2018, 9, 1),
        end_date=date(2020, 6, 1),
        evidence=Practice.Evidence.INDEPENDENTLY_EVALUATED,
    )
    families = practice_factory(
        "Barranquilla families",
        place=("Barranquilla", "CO"),
        topics=("education", "gcm-objective-16"),
        start_date=date(2023, 6, 1),
        end_date=None,
        implementation=Practice.Implementation.ONGOING,
        migrant_participation=Practice.Participation.MIGRANT_LED,
    )
    families.target_groups.set(TargetGroup.objects.filter(slug="refugees"))

    response = client.get(f"/practices/?{query}")

    assert response.status_code == 200
    assert [p.title for p in response.context["page"]] == expected


def test_facet_counts_count_published_practices_only(client, practice_factory):
    practice_factory("One", topics=("education",))
    practice_factory("Two", topics=("education", "health"))
    practice_factory("Hidden", topics=("education",), status=Practice.Status.REJECTED)

    response = client.get("/practices/")
    themes = next(g for g in response.context["facet_groups"] if g.name == "theme")

    assert {o.value: o.count for o in themes.options} == {"education": 2, "health": 1}
    assert "Education (2)" in response.text


def test_facet_counts_follow_the_filters(client, practice_factory):
    practice_factory("One", topics=("education",), place=("Terrassa", "ES"))
    practice_factory("Two", topics=("education", "health"), place=("Dallas", "US"))

    response = client.get("/practices/?country=US")
    themes = next(g for g in response.context["facet_groups"] if g.name == "theme")

    assert {o.value: o.count for o in themes.options} == {"education": 1, "health": 1}


def test_cached_counts_change_when_a_practice_is_published(
    client, practice_factory, maya, django_capture_on_commit_callbacks
):
    practice_factory("One", topics=("education",))
    waiting = practice_factory("Two", topics=("education",), status=Practice.Status.SUBMITTED)
    assert "Education (1)" in client.get("/practices/").text

    with django_capture_on_commit_callbacks(execute=True):
        publishing.content_publish(obj=waiting, by=maya)

    assert "Education (2)" in client.get("/practices/").text


def test_an_unknown_filter_value_is_a_400_with_a_clear_message(client, practice_factory):
    practice_factory()

    response = client.get("/practices/?theme=no-such-theme&country=XX&year=abc")

    assert response.status_code == 400
    assert "were not understood" in response.text
    assert "theme" in response.context["filterset"].errors


def test_practice_page_shows_every_part_of_the_form(client, practice_factory):
    practice = practice_factory(
        "PA'LANTE",
        activities="- job fairs\n- legal advice",
        outcomes="500 families supported",
        lessons_learned="Start with housing.",
        people_reached=500,
        people_reached_unit="families",
        migrant_participation=Practice.Participation.CO_DESIGNED,
        evidence=Practice.Evidence.MONITORED,
        contact="pa-lante@barranquilla.gov.co",
    )

    response = client.get(practice.get_absolute_url())

    assert response.status_code == 200
    text = response.text
    for expected in [
        "Background and objectives",
        "<li>job fairs</li>",
        "500 families supported",
        "Lessons learned",
        "500 families",
        "Co-designed with migrants",
        "Monitored",
        "City of Dallas",
        "Dallas, United States of America",
        "March 2021 – December 2023",
        "Completed",
        "Discrimination and Xenophobia",
    ]:
        assert expected in text, expected


def test_submitted_by_names_a_member_or_an_unverified_name(client, practice_factory, alice):
    mine = practice_factory("By Alice", submitted_by=alice)
    theirs = practice_factory("By a visitor", submitter_name="Juan Pérez")

    assert "Submitted by <bdi>Alice Martin</bdi> on" in client.get(mine.get_absolute_url()).text
    assert "Submitted by <bdi>Juan Pérez (not verified)</bdi> on" in client.get(theirs.get_absolute_url()).text


def test_markdown_is_rendered_and_sanitised(client, practice_factory):
    practice = practice_factory(
        "Markdown",
        background="**bold** <script>alert(1)</script> [link](javascript:alert(2)) <img src=x onerror=alert(3)>",
    )

    text = client.get(practice.get_absolute_url()).text

    assert "<strong>bold</strong>" in text
    assert "<script>alert(1)" not in text
    assert "javascript:alert" not in text
    assert "onerror" not in text


def test_previous_and_next_skip_unpublished_practices(client, practice_factory):
    now = timezone.now()
    older = practice_factory("Older", published_at=now - timedelta(days=3))
    practice_factory("Draft", status=Practice.Status.SUBMITTED)
    middle = practice_factory("Middle", published_at=now - timedelta(days=2))
    newer = practice_factory("Newer", published_at=now - timedelta(days=1))

    response = client.get(middle.get_absolute_url())

    assert response.context["older"] == older
    assert response.context["newer"] == newer
    assert "Draft" not in response.text


def test_adaptations_link_both_ways_between_published_practices(client, practice_factory):
    original = practice_factory("Dallas ambassadors")
    copy = practice_factory("Houston ambassadors", adapted_from=original)
    practice_factory("Unpublished copy", adapted_from=original, status=Practice.Status.SUBMITTED)

    original_page = client.get(original.get_absolute_url()).text
    copy_page = client.get(copy.get_absolute_url()).text

    assert "Houston ambassadors" in original_page
    assert "Unpublished copy" not in original_page
    assert "Dallas ambassadors" in copy_page


@pytest.mark.parametrize("status", ["draft", "submitted", "rejected", "archived"])
def test_unpublished_practice_is_404_for_visitors_and_other_members(client, practice_factory, alice, bob, status):
    practice = practice_factory("Not public", status=status, submitted_by=alice)

    assert client.get(practice.get_absolute_url()).status_code == 404
    client.force_login(bob)
    assert client.get(practice.get_absolute_url()).status_code == 404


def test_unpublished_practice_is_visible_to_its_submitter_and_moderators(client, practice_factory, alice, maya):
    practice = practice_factory("Not public", status=Practice.Status.SUBMITTED, submitted_by=alice)

    client.force_login(alice)
    assert "Not public: this practice" in client.get(practice.get_absolute_url()).text
    client.force_login(maya)
    assert client.get(practice.get_absolute_url()).status_code == 200


def test_unknown_practice_is_404(client, db):
    assert client.get("/practices/no-such-practice/").status_code == 404


def test_topic_page_lists_its_published_practices_and_links_its_feed(client, practice_factory):
    practice_factory("Voices of Venezuela", topics=("discrimination-and-xenophobia",))
    practice_factory("Musaned", topics=("connectivity-and-migration",))
    practice_factory("Rejected one", topics=("discrimination-and-xenophobia",), status=Practice.Status.REJECTED)

    response = client.get("/topics/discrimination-and-xenophobia/")

    assert response.status_code == 200
    assert "Voices of Venezuela" in response.text
    assert "Musaned" not in response.text
    assert "Rejected one" not in response.text
    assert "Follow Discrimination and Xenophobia" in response.text
    assert 'href="/feeds/topics/discrimination-and-xenophobia/"' in response.text


def test_every_dimension_and_gcm_objective_has_a_topic_page(client, db):
    assert client.get("/topics/socio-economic/").status_code == 200
    response = client.get("/topics/gcm-objective-17/")
    assert "Eliminate all forms of discrimination" in response.text
    assert client.get("/topics/no-such-topic/").status_code == 404


def test_topic_feed_holds_only_published_practices_of_the_topic(client, practice_factory):
    practice_factory("Voices of Venezuela", topics=("discrimination-and-xenophobia",))
    practice_factory("Still waiting", topics=("discrimination-and-xenophobia",), status=Practice.Status.SUBMITTED)

    response = client.get("/feeds/topics/discrimination-and-xenophobia/")

    assert response["Content-Type"].startswith("application/rss+xml")
    assert "<title>Voices of Venezuela</title>" in response.text
    assert "Still waiting" not in response.text


def test_practice_feed_takes_the_list_filters(client, practice_factory):
    practice_factory("In Spain", place=("Terrassa", "ES"))
    practice_factory("In Chile", place=("Maipú", "CL"))

    response = client.get("/feeds/practices/?country=CL")

    assert "In Chile" in response.text
    assert "In Spain" not in response.text


def test_sitemap_lists_published_practices_only(client, practice_factory):
    published = practice_factory("Public")
    hidden = practice_factory("Hidden", status=Practice.Status.ARCHIVED)

    text = client.get("/sitemap.xml").text

    assert published.get_absolute_url() in text
    assert hidden.get_absolute_url() not in text


def test_criteria_page_names_the_four_criteria(client, db):
    text = client.get("/practices/criteria/").text

    for criterion in ["Relevant to integration", "Implemented", "With results", "Replicable"]:
        assert criterion in text


def test_practice_page_carries_schema_org_data_that_no_title_can_break_out_of(client, practice_factory):
    practice = practice_factory("Ambassadors </script><script>alert(1)</script>")

    text = client.get(practice.get_absolute_url()).text

    assert '<script type="application/ld+json">' in text
    assert '"@type": "CreativeWork"' in text
    assert "<script>alert(1)" not in text
    assert "\\u003C/script\\u003E" in text


def test_words_in_the_list_go_through_the_search_engine(client, practice_factory):
    practice_factory("Gobernanza migratoria en Maipú", summary="Apoyo a familias de personas refugiadas.")
    practice_factory("Youth Work for All", place=("Mechelen", "BE"))

    accentless = client.get("/practices/?q=Maipu")
    other_form = client.get("/practices/?q=refugiada")

    assert [p.title for p in accentless.context["page"]] == ["Gobernanza migratoria en Maipú"]
    assert [p.title for p in other_form.context["page"]] == ["Gobernanza migratoria en Maipú"]


def test_a_filter_with_no_results_keeps_its_choices_with_labels(client, practice_factory):
    practice_factory("Barranquilla families", place=("Barranquilla", "CO"), topics=("education",))
    practice_factory("Terrassa teachers", place=("Terrassa", "ES"), topics=("youth",))

    response = client.get("/practices/?theme=youth&continent=SA")

    assert response.context["page"].paginator.count == 0
    groups = {group.name: group for group in response.context["facet_groups"]}
    assert groups["theme"].selected == "youth" and groups["continent"].selected == "LA"  # SA: an old code
    assert '<option value="LA" selected>Latin America and the Caribbean (0)</option>' in response.text
    chips = {chip.label: chip.value for chip in response.context["active_filters"]}
    assert chips == {"Theme": "Youth", "Continent": "Latin America and the Caribbean"}
    assert "0 published practices match your choice." in response.text


def test_the_count_of_the_list_is_a_proper_sentence_in_the_singular(client, practice_factory):
    practice_factory("Barranquilla families", place=("Barranquilla", "CO"), topics=("education",))

    filtered = client.get("/practices/?theme=education")
    everything = client.get("/practices/")

    assert "1 published practice matches your choice." in filtered.text
    assert "1 published practice." in everything.text
