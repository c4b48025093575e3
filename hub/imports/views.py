"""The import pages, for moderators: upload, progress and report, possible duplicates, merging two practices."""

import csv

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hub.imports import services
from hub.imports.dedupe import fingerprint, near_score, summary_fingerprint
from hub.imports.forms import MergeForm, PossibleDuplicatesForm, UploadForm
from hub.imports.models import ImportJob, PossibleDuplicate
from hub.imports.parsers import COLUMNS
from hub.practices.models import Practice
from hub.practices.services import practice_merge
from hub.publishing.views import moderator_required

TEMPLATE_EXAMPLE = {
    "title": "Community Ambassadors",
    "summary": "Immigrant residents explain city services to their neighbours in their own languages.",
    "organisation": "City of Dallas",
    "partners": "Dallas Public Library; Catholic Charities",
    "places": "Dallas, US",
    "themes": "Discrimination and Xenophobia",
    "start": "2021-03",
    "end": "2023-12",
    "people_reached": "1200",
    "people_reached_unit": "families",
    "submitter_name": "Anqi Zhang",
    "submitter_verified": "yes",
    "tags": "ambassadors; language access",
    "links": "https://example.org/ambassadors",
    "language": "en",
}


@moderator_required
def upload(request):
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            files = [(f.name, f.read()) for f in form.cleaned_data["files"]]
            mode = form.cleaned_data["mode"]
            # "Publish at once" first runs as a dry run: its report says how many practices would go
            # public, and only the moderator's confirmation there imports them.
            job = services.import_job_create(
                files=files, by=request.user, publish=mode == "publish", dry_run=mode != "queue"
            )
            return redirect(job)
        status = 400
    else:
        form, status = UploadForm(), 200
    jobs = ImportJob.objects.select_related("created_by")[:20]
    return render(request, "imports/upload.html", {"form": form, "jobs": jobs}, status=status)


def _known(report: dict) -> dict:
    """A stored report without what older versions of the import wrote in it."""
    return {key: value for key, value in report.items() if key in services.ImportReport.__dataclass_fields__}


@moderator_required
def detail(request, pk):
    job = get_object_or_404(ImportJob, pk=pk)
    report = job.report or {}
    return render(
        request,
        "imports/detail.html",
        {
            "job": job,
            "report": report,
            "counts": services.ImportReport(**_known(report)).counts() if report else {},
            "marks": job.marks.select_related("practice", "duplicate_of"),
        },
    )


@moderator_required
def possible_duplicates(request):
    """The practices imports marked as possibly another one, for a moderator to merge or keep, one or
    many at once; `?job=` narrows them to one import (the import's report posts here too)."""
    marks = PossibleDuplicate.objects.select_related("practice", "duplicate_of", "job")
    job = None
    if (job_id := request.GET.get("job", "")).isdigit():
        job = get_object_or_404(ImportJob, pk=int(job_id))
        marks = marks.filter(job=job)
    back = job.get_absolute_url() if job else reverse("imports:possible_duplicates")
    if request.method == "POST":
        form = PossibleDuplicatesForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose one or more practices, and merge or keep them."))
            return redirect(back)
        chosen = marks.filter(pk__in=form.cleaned_data["marks"])
        done = services.possible_duplicates_resolve(marks=chosen, action=form.cleaned_data["action"], by=request.user)
        if form.cleaned_data["action"] == "merge":
            message = ngettext("%(count)d practice was merged.", "%(count)d practices were merged.", done)
        else:
            message = ngettext(
                "%(count)d practice was kept as a practice of its own.",
                "%(count)d practices were kept as practices of their own.",
                done,
            )
        messages.success(request, message % {"count": done})
        return redirect(back)
    return render(
        request,
        "imports/possible_duplicates.html",
        {"marks": marks.unresolved()[:500], "open": marks.unresolved().count(), "job": job},
    )


def confirm(request, pk):
    trial = get_object_or_404(ImportJob, pk=pk)
    action = request.POST.get("action")
    if action not in {"publish", "queue"}:
        messages.error(request, _("Choose to publish the practices or to send them to the moderation queue."))
        return redirect(trial)
    try:
        job = services.import_job_confirm(trial=trial, by=request.user, publish=action == "publish")
    except ValueError as error:
        messages.error(request, str(error))
        return redirect(trial)
    return redirect(job)


def _similar(practice: Practice) -> list[tuple[Practice, float]]:
    """Practices that look like this one, best first, from those sharing one of its longest title words."""
    words = sorted(set(fingerprint(practice.title).split()), key=len, reverse=True)[:2]
    if not words:
        return []
    title, summary = fingerprint(practice.title), summary_fingerprint(practice.summary)
    scored = []
    for word in words:
        for other in Practice.objects.filter(title__icontains=word, merged_into=None).exclude(pk=practice.pk)[:200]:
            score = near_score(title, summary, fingerprint(other.title), summary_fingerprint(other.summary))
            if score >= 70 and other.pk not in {p.pk for p, _ in scored}:
                scored.append((other, round(min(score, 100), 1)))
    return sorted(scored, key=lambda pair: -pair[1])[:5]


@moderator_required
def compare(request, pk):
    """A possible duplicate beside the practice it looks like, field by field, with the decisions."""
    mark = get_object_or_404(PossibleDuplicate.objects.select_related("practice", "duplicate_of"), pk=pk)
    names = ["title", "summary", *Practice.LONG_FIELDS, "organisation", "start_date", "end_date", "status"]
    rows = []
    for name in names:
        field = Practice._meta.get_field(name)
        values = [
            getattr(practice, f"get_{name}_display", lambda n=name, p=practice: getattr(p, n))()
            for practice in (mark.practice, mark.duplicate_of)
        ]
        if any(values):
            rows.append((field.verbose_name, *values))
    return render(request, "imports/compare.html", {"mark": mark, "rows": rows})


@moderator_required
def merge(request, pk):
    duplicate = get_object_or_404(Practice, pk=pk)
    if duplicate.merged_into_id:
        messages.info(request, _("This practice is already merged into another."))
        return redirect(duplicate.merged_into.get_moderation_url())
    form = MergeForm(request.POST or None, initial={"keep": request.GET.get("keep")})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            keep = Practice.objects.filter(pk=form.cleaned_data["keep"]).first()
            if keep is None:
                form.add_error("keep", _("No practice has that number."))
            elif keep.pk == duplicate.pk:
                form.add_error("keep", _("Choose another practice: one cannot be merged into itself."))
            elif keep.merged_into_id:
                form.add_error("keep", _("That practice is itself merged into another; keep that one."))
            else:
                practice_merge(keep=keep, duplicate=duplicate, by=request.user)
                messages.success(
                    request,
                    _("“%(duplicate)s” is merged into “%(keep)s”; its address redirects there.")
                    % {"duplicate": duplicate.title, "keep": keep.title},
                )
                return redirect(keep.get_moderation_url())
        status = 400
    return render(
        request,
        "imports/merge.html",
        {"practice": duplicate, "form": form, "similar": _similar(duplicate)},
        status=status,
    )


@moderator_required
def template_csv(request):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="ibis-practices-template.csv"'
    writer = csv.writer(response)
    writer.writerow(COLUMNS)
    writer.writerow([TEMPLATE_EXAMPLE.get(column, "") for column in COLUMNS])
    return response
