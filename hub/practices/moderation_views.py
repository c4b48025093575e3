"""The moderation queue as normal pages, for the Moderators group (the admin is the back office)."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hub.practices import services
from hub.practices.forms import PracticeForm, RejectForm
from hub.practices.models import Practice, is_moderator
from hub.practices.views import paginate


def moderator_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated and request.method == "GET":
            return redirect_to_login(request.get_full_path())
        if not is_moderator(request.user):
            raise PermissionDenied(_("Only moderators can do this."))
        return view(request, *args, **kwargs)

    return wrapper


@moderator_required
def queue(request):
    status = request.GET.get("status") or Practice.Status.SUBMITTED
    if status not in Practice.Status.values:
        status = Practice.Status.SUBMITTED
    practices = Practice.objects.filter(status=status).select_related("submitted_by").order_by("-submitted_at", "-pk")
    if status == Practice.Status.SUBMITTED:
        practices = practices.order_by("submitted_at", "pk")
    return render(
        request,
        "moderation/queue.html",
        {"page": paginate(request, practices), "status": status, "statuses": Practice.Status.choices},
    )


def _review_context(practice, form=None, reject_form=None):
    history = practice.history.select_related("history_user").order_by("-history_date")[:50]
    records = list(history)
    changes = []
    for newer, older in zip(records, [*records[1:], None], strict=True):
        changed = []
        if older is not None:
            delta = newer.diff_against(older, excluded_fields=["updated_at"])
            changed = [change.field for change in delta.changes]
        changes.append((newer, changed))
    return {
        "practice": practice,
        "form": form or PracticeForm(instance=practice),
        "reject_form": reject_form or RejectForm(),
        "history": changes,
    }


@moderator_required
def review(request, pk):
    practice = get_object_or_404(Practice, pk=pk)
    if request.method == "POST":
        form = PracticeForm(request.POST, instance=practice)
        if form.is_valid():
            services.practice_update(practice=practice, data=form.cleaned_data, by=request.user)
            messages.success(request, _("Your changes were saved."))
            return redirect("moderation:review", pk=practice.pk)
        practice.refresh_from_db()
        return render(request, "moderation/review.html", _review_context(practice, form=form), status=400)
    return render(request, "moderation/review.html", _review_context(practice))


@require_POST
@moderator_required
def publish(request, pk):
    practice = get_object_or_404(Practice, pk=pk)
    services.practice_publish(practice=practice, by=request.user)
    messages.success(request, _("“%(title)s” is published.") % {"title": practice.title})
    return redirect("moderation:queue")


@require_POST
@moderator_required
def reject(request, pk):
    practice = get_object_or_404(Practice, pk=pk)
    reject_form = RejectForm(request.POST)
    if not reject_form.is_valid():
        messages.error(request, _("Give the submitter a reason for the rejection."))
        return render(request, "moderation/review.html", _review_context(practice, reject_form=reject_form), status=400)
    services.practice_reject(practice=practice, by=request.user, reason=reject_form.cleaned_data["reason"])
    messages.success(request, _("“%(title)s” is rejected; the submitter was told why.") % {"title": practice.title})
    return redirect("moderation:queue")


@require_POST
@moderator_required
def feature(request, pk):
    practice = get_object_or_404(Practice, pk=pk)
    featured = request.POST.get("featured") == "1"
    if featured and not practice.is_published:
        messages.error(request, _("Only a published practice can be featured."))
    else:
        services.practice_set_featured(practice=practice, by=request.user, featured=featured)
        messages.success(request, _("Featured on the home page.") if featured else _("No longer featured."))
    return redirect("moderation:review", pk=practice.pk)


@require_POST
@moderator_required
def archive(request, pk):
    practice = get_object_or_404(Practice, pk=pk)
    services.practice_archive(practice=practice, by=request.user)
    messages.success(request, _("“%(title)s” is archived.") % {"title": practice.title})
    return redirect("moderation:review", pk=practice.pk)


@require_POST
@moderator_required
def restore(request, pk, history_id):
    practice = get_object_or_404(Practice, pk=pk)
    if not practice.history.filter(history_id=history_id).exists():
        messages.error(request, _("That version does not exist."))
        return redirect("moderation:review", pk=practice.pk)
    services.practice_restore_version(practice=practice, history_id=history_id, by=request.user)
    messages.success(request, _("The earlier version is restored."))
    return redirect("moderation:review", pk=practice.pk)
