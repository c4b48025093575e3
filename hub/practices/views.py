from django.conf import settings
from django.contrib import messages
from django.core.paginator import InvalidPage, Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from hub.practices import services
from hub.practices.facets import facet_panel, facets_for, published_facets
from hub.practices.filters import PracticeFilter
from hub.practices.forms import PracticeForm, SubmitterForm
from hub.practices.models import Practice, Topic

# An anonymous submitter who opened their status link may preview their practice in this session.
PREVIEWABLE_SESSION_KEY = "previewable_practices"


def paginate(request, queryset, per_page=settings.PRACTICES_PER_PAGE):
    paginator = Paginator(queryset, per_page)
    try:
        return paginator.page(request.GET.get("page") or 1)
    except InvalidPage:
        raise Http404(_("There is no such page.")) from None


def home(request):
    published = Practice.objects.published()
    featured = published.filter(featured=True).newest_first().for_cards().first()
    latest = published.newest_first().for_cards().exclude(pk=featured.pk if featured else None)[:6]
    facets = published_facets()
    return render(
        request,
        "practices/home.html",
        {
            "featured": featured,
            "latest": latest,
            "themes": sorted(facets["theme"], key=lambda option: -option.count)[:12],
            "dimensions": facets["dimension"],
            "published_count": published.count(),
        },
    )


def practice_list(request):
    filterset = PracticeFilter(request.GET or None, queryset=Practice.objects.published())
    page = paginate(request, filterset.qs.for_cards())
    facet_groups, active_filters = facet_panel(filterset, facets_for(filterset))
    status = 400 if filterset.is_bound and filterset.errors else 200
    return render(
        request,
        "practices/practice_list.html",
        {
            "filterset": filterset,
            "page": page,
            "facet_groups": facet_groups,
            "active_filters": active_filters,
            "words": filterset.cleaned().get("q", ""),
            "feed_query": request.GET.urlencode(),
        },
        status=status,
    )


def practice_detail(request, slug):
    practice = get_object_or_404(
        Practice.objects.select_related(
            "organisation__stakeholder_type", "submitted_by", "adapted_from"
        ).prefetch_related("places", "topics", "target_groups", "partners__stakeholder_type", "tags", "links"),
        slug=slug,
    )
    previewable = practice.pk in request.session.get(PREVIEWABLE_SESSION_KEY, [])
    if not (practice.is_visible_to(request.user) or previewable):
        raise Http404(_("No practice is published at this address."))
    published = Practice.objects.published()
    context = {"practice": practice, "topics": practice.topics.all()}
    if practice.is_published:
        newer = published.filter(
            Q(published_at__gt=practice.published_at) | Q(published_at=practice.published_at, pk__gt=practice.pk)
        )
        older = published.filter(
            Q(published_at__lt=practice.published_at) | Q(published_at=practice.published_at, pk__lt=practice.pk)
        )
        context["newer"] = newer.order_by("published_at", "pk").only("slug", "title").first()
        context["older"] = older.order_by("-published_at", "-pk").only("slug", "title").first()
    context["adaptations"] = published.filter(adapted_from=practice).only("slug", "title")
    context["adapted_from"] = (
        practice.adapted_from if practice.adapted_from and practice.adapted_from.is_published else None
    )
    return render(request, "practices/practice_detail.html", context)


def topic_detail(request, slug):
    topic = get_object_or_404(Topic, slug=slug)
    practices = Practice.objects.published().with_topic(topic).newest_first().for_cards()
    return render(request, "practices/topic_detail.html", {"topic": topic, "page": paginate(request, practices)})


def topic_list(request):
    facets = published_facets()
    counts = {option.value: option.count for kind in ("theme", "dimension", "gcm") for option in facets[kind]}
    topics = list(Topic.objects.all())
    for topic in topics:
        topic.n = counts.get(topic.slug, 0)
    return render(
        request,
        "practices/topic_list.html",
        {"groups": [(label, [t for t in topics if t.kind == kind]) for kind, label in Topic.Kind.choices]},
    )


@require_http_methods(["GET", "POST"])
def practice_submit(request):
    signed_in = request.user.is_authenticated
    form = PracticeForm(request.POST or None)
    submitter_form = None if signed_in else SubmitterForm(request.POST or None)
    if request.method == "POST":
        forms_valid = form.is_valid() & (submitter_form is None or submitter_form.is_valid())
        if forms_valid:
            submitter = submitter_form.cleaned_data if submitter_form else {}
            practice = services.practice_submit(
                data=form.cleaned_data,
                by=request.user,
                submitter_name=submitter.get("submitter_name", ""),
                submitter_email=submitter.get("submitter_email", ""),
            )
            messages.success(request, _("Thank you: your practice was received and waits for a moderator."))
            return redirect(practice.get_status_url())
    status = 400 if form.errors or (submitter_form and submitter_form.errors) else 200
    return render(
        request, "practices/practice_submit.html", {"form": form, "submitter_form": submitter_form}, status=status
    )


def submission_status(request, token):
    practice = get_object_or_404(Practice, status_token=token)
    previewable = request.session.get(PREVIEWABLE_SESSION_KEY, [])
    if practice.pk not in previewable:
        request.session[PREVIEWABLE_SESSION_KEY] = [*previewable, practice.pk][-50:]
    return render(request, "practices/submission_status.html", {"practice": practice})


def criteria(request):
    return render(request, "practices/criteria.html")
