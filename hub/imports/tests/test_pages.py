"""The upload page (moderators only), the background import with its report, and merging two practices."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from hub.imports.models import ImportJob, PossibleDuplicate
from hub.imports.services import import_practices
from hub.practices.models import Practice

pytestmark = pytest.mark.django_db

CSV = b"title,summary,themes\nSewing circle,Newcomers and neighbours sew together.,Discrimination and Xenophobia\n"


def upload(client, *files, **options):
    return client.post("/moderation/imports/", {"files": list(files), **options})


def test_only_moderators_reach_the_upload_page(client, bob):
    assert client.get("/moderation/imports/").status_code == 302
    client.force_login(bob)
    assert client.get("/moderation/imports/").status_code == 403
    assert upload(client, SimpleUploadedFile("a.csv", CSV)).status_code == 403
    assert Practice.objects.count() == 0


# Committed for real: the worker closes connections that sit inside a test's transaction (PostgreSQL).
@pytest.mark.django_db(transaction=True)
def test_an_upload_waits_for_the_worker_then_shows_its_report(client, maya, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    client.force_login(maya)
    response = upload(client, SimpleUploadedFile("old.csv", CSV), mode="queue")

    job = ImportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/moderation/imports/{job.pk}/"
    waiting = client.get(response["Location"])
    assert b"Waiting for the worker" in waiting.content and b'http-equiv="refresh"' in waiting.content
    assert Practice.objects.count() == 0

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    job.refresh_from_db()
    assert (job.status, job.done, job.total) == (ImportJob.Status.DONE, 1, 1)
    practice = Practice.objects.get()
    assert practice.status == Practice.Status.SUBMITTED
    assert practice.history.first().history_user == maya
    page = client.get(job.get_absolute_url()).content.decode()
    assert "Sewing circle" in page and 'http-equiv="refresh"' not in page


def test_a_wrong_file_is_refused_with_a_message_and_nothing_is_queued(client, maya):
    client.force_login(maya)
    response = upload(client, SimpleUploadedFile("photo.png", b"\x89PNG"), mode="publish")

    assert response.status_code == 400
    assert "“photo.png” is not a .txt, .csv or .json file." in response.content.decode()
    assert response.context["form"]["mode"].value() == "publish"
    assert ImportJob.objects.count() == 0


def test_the_import_form_starts_on_a_dry_run_and_wants_a_choice(client, maya):
    client.force_login(maya)
    page = client.get("/moderation/imports/").content.decode()
    response = upload(client, SimpleUploadedFile("old.csv", CSV))

    assert 'value="dry_run" required id="id_mode_0" checked' in page
    assert response.status_code == 400
    assert ImportJob.objects.count() == 0


def test_publish_at_once_first_says_how_many_practices_go_public_and_writes_nothing(
    client, maya, django_capture_on_commit_callbacks
):
    client.force_login(maya)
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, SimpleUploadedFile("old.csv", CSV), mode="publish")

    trial = ImportJob.objects.get()
    assert (trial.dry_run, trial.publish) == (True, True)
    assert Practice.objects.count() == 0
    page = client.get(response["Location"]).content.decode()
    assert "1 practice will go public at once, without review." in page
    assert "Publish 1 practice now" in page


def test_confirming_publishes_the_trials_practices_once(client, maya, django_capture_on_commit_callbacks):
    client.force_login(maya)
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, SimpleUploadedFile("old.csv", CSV), mode="publish")
    trial = ImportJob.objects.get()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/moderation/imports/{trial.pk}/confirm/", {"action": "publish"})
    again = client.post(f"/moderation/imports/{trial.pk}/confirm/", {"action": "publish"}, follow=True)

    job = ImportJob.objects.exclude(pk=trial.pk).get()
    assert response["Location"] == job.get_absolute_url()
    assert (job.dry_run, job.publish) == (False, True)
    assert Practice.objects.get().status == Practice.Status.PUBLISHED
    assert "This trial was already confirmed." in again.content.decode()
    assert ImportJob.objects.count() == 2


def test_a_trial_can_go_to_the_moderation_queue_instead(client, maya, django_capture_on_commit_callbacks):
    client.force_login(maya)
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, SimpleUploadedFile("old.csv", CSV), mode="publish")
    trial = ImportJob.objects.get()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/moderation/imports/{trial.pk}/confirm/", {"action": "queue"})

    assert Practice.objects.get().status == Practice.Status.SUBMITTED


def test_a_queue_import_or_a_plain_dry_run_cannot_be_confirmed(client, maya, django_capture_on_commit_callbacks):
    client.force_login(maya)
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, SimpleUploadedFile("old.csv", CSV), mode="dry_run")
    trial = ImportJob.objects.get()

    response = client.post(f"/moderation/imports/{trial.pk}/confirm/", {"action": "publish"}, follow=True)

    assert "Only a finished trial" in response.content.decode()
    assert Practice.objects.count() == 0


def test_the_csv_template_lists_the_documented_columns(client, maya):
    client.force_login(maya)
    response = client.get("/moderation/imports/template.csv")

    assert response["Content-Type"].startswith("text/csv")
    assert response.content.decode().splitlines()[0].startswith("title,summary,background")


def test_a_moderator_merges_a_possible_duplicate_from_the_import_report(
    client, maya, practice_factory, django_capture_on_commit_callbacks
):
    existing = practice_factory("Sewing circle for newcomers", topics=())
    client.force_login(maya)
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, SimpleUploadedFile("old.csv", CSV), mode="queue")
    job = ImportJob.objects.get()
    mark = PossibleDuplicate.objects.get(job=job)
    assert job.report["possible_duplicates"][0]["duplicate_of"] == existing.pk == mark.duplicate_of_id
    report = client.get(job.get_absolute_url())
    assert f'name="marks" value="{mark.pk}"' in report.content.decode()

    url = f"/moderation/imports/possible-duplicates/?job={job.pk}"
    response = client.post(url, {"marks": [mark.pk], "action": "merge"})

    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    mark.refresh_from_db()
    assert (mark.resolution, mark.resolved_by) == (PossibleDuplicate.Resolution.MERGED, maya)
    assert mark.practice.merged_into == existing
    assert [t.name for t in existing.topics.all()] == ["Discrimination and Xenophobia"]
    again = client.post("/moderation/imports/possible-duplicates/", {"marks": [mark.pk], "action": "keep"})
    assert again.status_code == 302
    mark.refresh_from_db()
    assert mark.resolution == PossibleDuplicate.Resolution.MERGED


def test_a_moderator_keeps_many_possible_duplicates_at_once_from_the_queue(client, maya, bob, practice_factory):
    existing = practice_factory("Sewing circle for newcomers", topics=())
    rows = "title,summary\n" + "".join(f"Sewing circle for newcomers #{n},Neighbours sew.\n" for n in range(3))
    import_practices(files=[("rows.csv", rows.encode())])
    marks = list(PossibleDuplicate.objects.order_by("pk"))
    assert len(marks) == 3
    client.force_login(bob)
    everything = {"marks": [m.pk for m in marks], "action": "keep"}
    refused = client.post("/moderation/imports/possible-duplicates/", everything)
    assert refused.status_code == 403
    client.force_login(maya)
    page = client.get("/moderation/imports/possible-duplicates/")
    assert page.status_code == 200 and page.content.decode().count('name="marks"') == 3

    client.post("/moderation/imports/possible-duplicates/", {"marks": [m.pk for m in marks[:2]], "action": "keep"})

    assert list(PossibleDuplicate.objects.unresolved()) == marks[2:]
    assert Practice.objects.filter(merged_into=None).count() == 4
    assert Practice.objects.get(pk=existing.pk).merged_into is None


def test_bad_choices_of_possible_duplicates_change_nothing(client, maya):
    client.force_login(maya)
    for data in ({"action": "merge"}, {"marks": ["x"], "action": "keep"}, {"marks": [2**40], "action": "keep"},
                 {"marks": [1], "action": "burn"}):  # fmt: skip
        response = client.post("/moderation/imports/possible-duplicates/", data)
        assert response.status_code == 302


def test_merging_a_duplicate_redirects_its_address_and_keeps_both_histories(client, maya, practice_factory):
    keep = practice_factory("Sewing circle for newcomers", topics=())
    duplicate = practice_factory("Sewing circle", topics=("discrimination-and-xenophobia",))
    client.force_login(maya)
    page = client.get(f"/moderation/imports/merge/{duplicate.pk}/")
    assert f"?keep={keep.pk}" in page.content.decode()

    response = client.post(f"/moderation/imports/merge/{duplicate.pk}/", {"keep": keep.pk})

    assert response.status_code == 302
    duplicate.refresh_from_db()
    assert (duplicate.merged_into, duplicate.status) == (keep, Practice.Status.ARCHIVED)
    assert [t.slug for t in keep.topics.all()] == ["discrimination-and-xenophobia"]
    assert duplicate.history.count() == 2 and keep.history.count() == 2
    client.logout()
    redirect = client.get(duplicate.get_absolute_url())
    assert (redirect.status_code, redirect["Location"]) == (301, keep.get_absolute_url())


def test_merging_into_itself_or_a_missing_practice_is_refused(client, maya, practice_factory):
    duplicate = practice_factory("Sewing circle")
    client.force_login(maya)

    assert client.post(f"/moderation/imports/merge/{duplicate.pk}/", {"keep": duplicate.pk}).status_code == 400
    assert client.post(f"/moderation/imports/merge/{duplicate.pk}/", {"keep": 999}).status_code == 400
    duplicate.refresh_from_db()
    assert duplicate.merged_into is None and duplicate.is_published


def test_a_duplicate_merged_into_an_unpublished_practice_does_not_reveal_it(client, practice_factory, maya):
    keep = practice_factory("Sewing circle for newcomers", status=Practice.Status.SUBMITTED)
    duplicate = practice_factory("Sewing circle")
    client.force_login(maya)
    client.post(f"/moderation/imports/merge/{duplicate.pk}/", {"keep": keep.pk})
    client.logout()

    assert client.get(duplicate.get_absolute_url()).status_code == 404
