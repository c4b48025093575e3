from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from hub.lib.pages import paginate
from hub.lib.spam import RATE_LIMIT_MESSAGE, over_rate_limit
from hub.publishing.translations import reading
from hub.resources.facets import resource_cards, resource_selection
from hub.resources.filters import ResourceFilter, facet_panel
from hub.resources.forms import ResourceForm
from hub.resources.models import Resource
from hub.resources.services import resource_create

# The uploaded file never runs as a page of this site: no sniffing, a sandbox without scripts or
# same-origin rights, nothing loaded from anywhere.
FILE_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Referrer-Policy": "no-referrer",
}


def resource_list(request):
    filterset = ResourceFilter(request.GET or None, queryset=Resource.objects.published())
    index, selected = resource_selection(filterset)
    page = paginate(request, resource_cards(index, selected))
    facet_groups, active_filters = facet_panel(filterset, index.counts(selected))
    status = 400 if filterset.is_bound and filterset.errors else 200
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "resources/resource_list.html",
        {
            "filterset": filterset,
            "page": page,
            "facet_groups": facet_groups,
            "active_filters": active_filters,
            "feed_query": query.urlencode(),
        },
        status=status,
    )


def _visible(request, slug) -> Resource:
    resource = get_object_or_404(Resource, slug=slug)
    if not resource.is_visible_to(request.user):
        raise Http404(_("No resource is published at this address."))
    return resource


def resource_detail(request, slug):
    resource = _visible(request, slug)
    topics = list(resource.topics.all())
    context = {
        "resource": resource,
        # A translation into the reader's language replaces the text (on this instance, for display).
        "reading": reading(request, resource),
        "themes": [t for t in topics if t.kind == t.Kind.THEME],
        "gcm_objectives": [t for t in topics if t.kind == t.Kind.GCM_OBJECTIVE],
        "practices": resource.practices.published().only("slug", "title"),
        "events": resource.events.published().only("slug", "title", "start", "time_zone"),
    }
    return render(request, "resources/resource_detail.html", context)


def resource_file(request, slug):
    """The uploaded file, as a download (a PDF may open in the browser's viewer), never as HTML."""
    resource = _visible(request, slug)
    if not resource.file:
        raise Http404(_("This resource has no file."))
    try:
        handle = resource.file.open("rb")
    except FileNotFoundError as error:
        raise Http404(_("The file of this resource is missing.")) from error
    response = FileResponse(
        handle,
        as_attachment=not resource.is_pdf,
        filename=resource.file.name.rsplit("/", 1)[-1],
        content_type=resource.file_type or "application/octet-stream",
    )
    for header, value in FILE_HEADERS.items():
        response[header] = value
    if not resource.is_published:
        response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def resource_submit(request):
    form = ResourceForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if form.is_valid() and over_rate_limit(request, "submit"):
            form.add_error(None, RATE_LIMIT_MESSAGE)
            status = 429
        elif form.is_valid():
            resource = resource_create(data=form.cleaned_data, by=request.user, submitted_by=request.user)
            messages.success(request, _("Thank you: your resource was received and waits for a moderator."))
            return redirect(resource)
        else:
            status = 400
    return render(request, "resources/resource_submit.html", {"form": form}, status=status)
