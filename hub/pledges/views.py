from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from hub.accounts.roles import is_moderator
from hub.lib.pages import paginate
from hub.lib.spam import RATE_LIMIT_MESSAGE, over_rate_limit
from hub.pledges import listing, services
from hub.pledges.filters import PledgeFilter
from hub.pledges.forms import PledgeForm, ProgressUpdateForm
from hub.pledges.models import Initiative, Pledge, ProgressUpdate
from hub.pledges.progress import progress_of
from hub.practices.forms import SubmitterForm
from hub.publishing.translations import reading

PREVIEWABLE_SESSION_KEY = "previewable_pledges"


def _list_context(request, filterset, *, fixed=()):
    if filterset.is_bound:
        filterset.form.is_valid()
    chosen = filterset.chosen()
    index = listing.pledge_index()
    selected = listing.select(index, chosen)
    facets, totals = listing.panel(index, selected, chosen)
    data = filterset.data if filterset.is_bound else {}
    active = []
    for name, value in chosen.items():
        if name in fixed:
            continue
        label = next((option.label for option in facets[name] if option.value == value), value)
        remaining = data.copy()
        remaining.pop(name, None)
        remaining.pop("page", None)
        active.append((str(filterset.form.fields[name].label), label, f"?{remaining.urlencode()}"))
    return {
        "filterset": filterset,
        "page": paginate(request, listing.cards(index, selected)),
        "facet_groups": listing.groups(filterset, facets),
        "active_filters": active,
        "totals": totals,
        "feed_query": request.GET.urlencode(),
    }


def pledge_list(request):
    filterset = PledgeFilter(request.GET or None, queryset=Pledge.objects.published())
    context = _list_context(request, filterset)
    status = 400 if filterset.is_bound and filterset.errors else 200
    return render(request, "pledges/pledge_list.html", context, status=status)


def initiative_list(request):
    initiatives = Initiative.objects.select_related("host").order_by("name")
    return render(request, "pledges/initiative_list.html", {"initiatives": initiatives})


def initiative_detail(request, slug):
    initiative = get_object_or_404(Initiative.objects.select_related("host"), slug=slug)
    data = request.GET.copy()
    data["initiative"] = initiative.slug
    filterset = PledgeFilter(data, queryset=Pledge.objects.published())
    context = _list_context(request, filterset, fixed=("initiative",))
    context["initiative"] = initiative
    context["feed_query"] = data.urlencode()
    return render(request, "pledges/initiative_detail.html", context)


def pledge_detail(request, slug):
    pledge = get_object_or_404(
        Pledge.objects.select_related("organisation__stakeholder_type", "initiative", "renews", "submitted_by"),
        slug=slug,
    )
    previewable = pledge.pk in request.session.get(PREVIEWABLE_SESSION_KEY, [])
    if not (pledge.is_visible_to(request.user) or previewable):
        raise Http404(_("No pledge is published at this address."))
    updates = list(
        pledge.updates.published().order_by("-date", "-pk").prefetch_related(Prefetch("figures", to_attr="figure_list"))
    )
    targets = list(pledge.targets.all())
    practices = [p for p in pledge.practices.only("slug", "title", "status") if p.is_published]
    renewals = [p for p in pledge.renewals.only("slug", "title", "status") if p.is_published]
    representative = services.representative_of(request.user, pledge.organisation_id)
    context = {
        "pledge": pledge,
        # A translation into the reader's language replaces the text (on this instance, for display).
        "reading": reading(request, pledge),
        "updates": updates,
        "progress": progress_of(targets, updates),
        "practices": practices,
        "renews": pledge.renews if pledge.renews and pledge.renews.is_published else None,
        "renewals": renewals,
        "topics": list(pledge.topics.all()),
        "update_due": pledge.is_published and pledge.is_update_due(),
        "may_post_update": pledge.is_published and (representative is not None or is_moderator(request.user)),
        "waiting_updates": pledge.updates.filter(status=Pledge.Status.SUBMITTED).count()
        if representative or is_moderator(request.user)
        else 0,
    }
    return render(request, "pledges/pledge_detail.html", context)


@require_http_methods(["GET", "POST"])
def pledge_submit(request):
    signed_in = request.user.is_authenticated
    form = PledgeForm(request.POST or None)
    submitter_form = None if signed_in else SubmitterForm(request.POST or None)
    status = 200
    if request.method == "POST":
        forms_valid = form.is_valid() & (submitter_form is None or submitter_form.is_valid())
        if forms_valid and over_rate_limit(request, "submit"):
            form.add_error(None, RATE_LIMIT_MESSAGE)
            status = 429
        elif forms_valid:
            submitter = submitter_form.cleaned_data if submitter_form else {}
            pledge = services.pledge_create(
                data=form.cleaned_data,
                by=request.user,
                submitted_by=request.user if signed_in else None,
                submitter_name=submitter.get("submitter_name", ""),
                submitter_email=submitter.get("submitter_email", ""),
            )
            messages.success(request, _("Thank you: your pledge was received and waits for a moderator."))
            return redirect(pledge.get_status_url())
        else:
            status = 400
    return render(
        request, "pledges/pledge_submit.html", {"form": form, "submitter_form": submitter_form}, status=status
    )


def submission_status(request, token):
    pledge = get_object_or_404(Pledge, status_token=token)
    previewable = request.session.get(PREVIEWABLE_SESSION_KEY, [])
    if pledge.pk not in previewable:
        request.session[PREVIEWABLE_SESSION_KEY] = [*previewable, pledge.pk][-50:]
    return render(request, "pledges/submission_status.html", {"pledge": pledge})


@require_http_methods(["GET", "POST"])
def update_post(request, slug):
    pledge = get_object_or_404(Pledge.objects.published(), slug=slug)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    representative = services.representative_of(request.user, pledge.organisation_id)
    if representative is None:
        raise PermissionDenied(
            _("Only the representatives of %(body)s post its progress.") % {"body": pledge.organisation}
        )
    form = ProgressUpdateForm(request.POST or None, instance=ProgressUpdate(pledge=pledge))
    if request.method == "POST" and form.is_valid():
        update = services.progress_update_post(
            pledge=pledge, data=form.cleaned_data, by=request.user, representative=representative
        )
        if update.is_published:
            messages.success(request, _("Your progress update is published."))
        else:
            messages.success(request, _("Thank you: your progress update waits for a moderator."))
        return redirect(pledge)
    status = 400 if form.errors else 200
    return render(request, "pledges/update_form.html", {"pledge": pledge, "form": form}, status=status)
