"""Large imports: new practices are written a batch at a time, and come out as complete as one by one."""

import csv
import io
import random

import pytest
from django.db import connection

from hub.imports.services import import_practices
from hub.practices.models import Practice
from hub.practices.services import practice_import

pytestmark = pytest.mark.django_db

COLUMNS = ["title", "summary", "places", "themes", "organisation", "partners", "tags", "links", "start"]
COUNTRIES = ["Dallas, US", "CO", "Lyon, FR"]
DISCRIMINATION, CONNECTIVITY = "Discrimination and Xenophobia", "Connectivity and Migration"
THEMES = [DISCRIMINATION, f"{CONNECTIVITY}; {DISCRIMINATION}"]
# Each row draws its title and summary from these apart from the others, so that none looks like another.
WORDS = [
    "amber", "basil", "cedar", "dahlia", "ember", "fennel", "garnet", "hazel", "indigo", "juniper", "kestrel",
    "lilac", "maple", "nutmeg", "olive", "pepper", "quartz", "rowan", "saffron", "thistle", "umber", "violet",
    "willow", "yarrow", "zinnia", "acorn", "birch", "clover", "daisy", "elder", "fern", "ginger", "heather",
    "iris", "jasmine", "kale", "laurel", "myrtle", "nettle", "orchid", "poppy", "quince", "reed", "sorrel",
    "tansy", "ulmus", "vetch", "wheat", "yew",
]  # fmt: skip


def csv_file(count: int, *, start: int = 0) -> bytes:
    """Rows with titles and summaries of words drawn apart, each with a word of its own ("dahlia3")."""
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for n in range(start, start + count):
        word = WORDS[n % len(WORDS)] + str(n)
        drawn = random.Random(n).sample(WORDS, 12)
        writer.writerow(
            [
                f"{word.title()} {drawn[0]} {drawn[1]}",
                f"Welcome: {' '.join(drawn[2:])}.",
                COUNTRIES[n % len(COUNTRIES)],
                THEMES[n % len(THEMES)],
                "City of Lyon" if n % 2 else "",
                "IOM; UNHCR" if n % 3 == 0 else "",
                f"{WORDS[n % 7]}; welcome",
                f"https://example.org/{word}",
                2020,
            ]
        )
    return out.getvalue().encode()


def test_fifty_rows_become_practices_with_their_relations_and_one_history_record_each(maya):
    report = import_practices(files=[("rows.csv", csv_file(50))], by=maya)

    assert len(report.created) == 50 and report.skipped == [] and report.possible_duplicates == []
    practice = Practice.objects.get(pk=report.created[3]["id"])
    assert practice.title.startswith("Dahlia3 ")
    assert practice.status == Practice.Status.SUBMITTED
    assert practice.organisation.name == "City of Lyon"
    assert sorted(o.name for o in practice.partners.all()) == ["IOM", "UNHCR"]
    assert sorted(t.name for t in practice.topics.all()) == [
        "Connectivity and Migration",
        "Discrimination and Xenophobia",
    ]
    assert [(p.name, p.country.code) for p in practice.places.all()] == [("Dallas", "US")]
    assert sorted(practice.tags.names()) == ["dahlia", "welcome"]
    assert [link.url for link in practice.links.all()] == ["https://example.org/dahlia3"]
    [record] = practice.history.all()
    assert record.history_change_reason == "Imported from rows.csv, line 5"
    assert record.history_user == maya
    assert record.title == practice.title and record.slug == practice.slug
    assert sorted(record.topics.values_list("topic__name", flat=True)) == [CONNECTIVITY, DISCRIMINATION]
    assert list(record.places.values_list("place", flat=True)) == [practice.places.get().pk]
    assert sorted(record.partners.values_list("organisation__name", flat=True)) == ["IOM", "UNHCR"]
    assert Practice.history.count() == 50


def test_a_practice_imported_in_a_batch_has_the_history_of_one_imported_alone(maya):
    """The one-by-one path imports one record alone through practice_import: both paths must agree."""
    report = import_practices(files=[("rows.csv", csv_file(3))], by=maya)
    batched = Practice.objects.get(pk=report.created[0]["id"])
    alone = practice_import(
        data={
            "title": batched.title,
            "summary": batched.summary,
            "start_date": batched.start_date,
            "organisation_name": "",
            "partner_names": ["IOM", "UNHCR"],
            "topics": list(batched.topics.all()),
            "tags": ["amber", "welcome"],
            "links": [("", "https://example.org/amber0")],
        },
        places=list(batched.places.all()),
        by=maya,
        reason="Imported from rows.csv, line 2",
    )

    ignored = {"id", "slug", "history_id", "history_date", "created_at", "updated_at", "submitted_at"}
    [mine], [theirs] = batched.history.all(), alone.history.all()
    fields = [f.attname for f in Practice.history.model._meta.fields if f.attname not in ignored]
    assert {f: getattr(mine, f) for f in fields} == {f: getattr(theirs, f) for f in fields}
    for relation, column in (("topics", "topic"), ("places", "place"), ("partners", "organisation")):
        assert sorted(getattr(mine, relation).values_list(column, flat=True)) == sorted(
            getattr(theirs, relation).values_list(column, flat=True)
        ), relation
    assert sorted(batched.tags.names()) == sorted(alone.tags.names())
    assert alone.slug == f"{batched.slug}-2"


def test_published_imports_are_found_by_the_search(client):
    import_practices(files=[("rows.csv", csv_file(50))], publish=True)

    response = client.get("/search/", {"q": "kestrel10"})

    assert [practice.title.split()[0] for practice in response.context["page"]] == ["Kestrel10"]
    response = client.get("/search/", {"q": "welcome"})
    assert response.context["search"].count == 50


def test_titles_that_make_the_same_address_get_numbered_addresses_in_one_batch(practice_factory):
    # Titles with no Latin letter have no slug of their own: each falls back to "practice".
    Practice.objects.filter(pk=practice_factory("Ярмарка вакансий").pk).update(slug="practice")
    rows = "title,summary\n" + "".join(
        f"{title},{summary}\n"
        for title, summary in [
            ("Школа языка для мигрантов", "Уроки языка по вечерам."),
            ("دروس اللغة للمهاجرين", "دروس مسائية في المكتبة."),
            ("Юридическая помощь беженцам", "Бесплатные консультации юристов."),
        ]
    )

    report = import_practices(files=[("rows.csv", rows.encode())])

    assert [Practice.objects.get(pk=entry["id"]).slug for entry in report.created] == [
        "practice-2",
        "practice-3",
        "practice-4",
    ]


def test_a_row_the_database_refuses_is_skipped_with_its_line_and_the_rest_of_its_batch_goes_in():
    # A trigger stands for anything the database may refuse that the files' checks cannot foresee.
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "CREATE TRIGGER refuse_one BEFORE INSERT ON practices_practice WHEN NEW.title LIKE 'Hazel7 %' "
                "BEGIN SELECT RAISE(ABORT, 'refused by the database'); END"
            )
        else:
            cursor.execute(
                "CREATE FUNCTION refuse_one() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                "IF NEW.title LIKE 'Hazel7 %' THEN RAISE EXCEPTION 'refused by the database'; END IF; "
                "RETURN NEW; END $$"
            )
            cursor.execute(
                "CREATE TRIGGER refuse_one BEFORE INSERT ON practices_practice "
                "FOR EACH ROW EXECUTE FUNCTION refuse_one()"
            )

    report = import_practices(files=[("rows.csv", csv_file(20))])

    assert len(report.created) == 19 and Practice.objects.count() == 19
    [skipped] = report.skipped
    assert skipped["where"] == "rows.csv, line 9"
    assert "refused by the database" in skipped["message"]
    assert not Practice.objects.filter(title__startswith="Hazel7 ").exists()
    assert Practice.history.count() == 19
    assert all(p.topics.exists() and p.history.count() == 1 for p in Practice.objects.all())


def test_a_dry_run_of_a_batch_writes_nothing():
    report = import_practices(files=[("rows.csv", csv_file(30))], dry_run=True)

    assert len(report.created) == 30
    assert Practice.objects.count() == 0 and Practice.history.count() == 0


def test_a_row_repeated_in_a_later_import_adds_its_theme_to_the_practice_already_here(maya):
    first = import_practices(files=[("rows.csv", csv_file(4))])
    practice = Practice.objects.get(pk=first.created[0]["id"])
    rows = f'title,summary,themes,places\n{practice.title},Another summary entirely.,{CONNECTIVITY},"Dallas, US"\n'

    again = import_practices(files=[("again.csv", rows.encode()), ("rows.csv", csv_file(4))], by=maya)

    assert [entry["id"] for entry in again.updated] == [practice.pk]
    assert len(again.unchanged) == 3 and again.created == []
    assert sorted(t.name for t in practice.topics.all()) == [CONNECTIVITY, DISCRIMINATION]
    latest, creation = practice.history.all()
    assert (latest.history_type, latest.history_user) == ("~", maya)
    assert latest.history_change_reason == "Imported from again.csv, line 2"
    assert latest.topics.count() == 2 and creation.topics.count() == 1


def test_a_row_with_the_title_of_a_practice_in_another_country_is_a_possible_duplicate_not_a_merge():
    first = import_practices(files=[("rows.csv", csv_file(1))])
    practice = Practice.objects.get(pk=first.created[0]["id"])
    rows = f"title,summary,themes,places\n{practice.title},Another summary entirely.,{CONNECTIVITY},PH\n"

    again = import_practices(files=[("again.csv", rows.encode())])

    assert again.updated == [] and len(again.created) == 1
    assert [p.country.code for p in practice.places.all()] == ["US"]
    [mark] = again.possible_duplicates
    assert mark["duplicate_of"] == practice.pk and mark["score"] == 99.0


def test_two_rows_adding_to_one_practice_in_a_batch_make_two_versions_of_it(practice_factory):
    practice = practice_factory(
        "Community ambassadors in Dallas",
        summary="Immigrant residents explain city services to their neighbours in their own languages.",
        topics=(),
        place=None,
    )
    # Told apart from each other by their places, the two rows are two records; each is the stored one,
    # which says nothing of its place.
    rows = (
        "title,summary,themes,places\n"
        f'{practice.title},Told another way.,{CONNECTIVITY},"Dallas, US"\n'
        f"Neighbourhood guides,{practice.summary},{DISCRIMINATION},\n"
        f'{practice.title},Told a third way.,{DISCRIMINATION},"Lyon, FR"\n'
    )

    report = import_practices(files=[("rows.csv", rows.encode())])

    assert [entry["id"] for entry in report.updated] == [practice.pk, practice.pk]
    assert sorted(t.name for t in practice.topics.all()) == [CONNECTIVITY, DISCRIMINATION]
    assert [record.topics.count() for record in practice.history.all()] == [2, 1, 0]


def count_import_queries(django_assert_max_num_queries, rows: bytes, most: int) -> int:
    with django_assert_max_num_queries(most) as queries:
        import_practices(files=[("rows.csv", rows)])
    return len(queries)


def test_importing_ten_times_more_rows_costs_only_a_few_more_queries(django_assert_max_num_queries):
    few = count_import_queries(django_assert_max_num_queries, csv_file(10), 100)
    many = count_import_queries(django_assert_max_num_queries, csv_file(100, start=10), 120)

    # One at a time, each new practice cost some thirty queries.
    assert many - few < 30
