import calendar
import html
from datetime import date
from typing import NamedTuple
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from hub.events import ical
from hub.events.filters import EventFilter, longest_published, month_bounds, next_month, parse_month
from hub.events.forms import EventForm
from hub.events.models import Event, days_between, is_time_zone, time_zone_names
from hub.events.services import event_create
from hub.events.timezones import COOKIE, reader_zone
from hub.lib.pages import paginate
from hub.lib.spam import RATE_LIMIT_MESSAGE, over_rate_limit
from hub.places.clusters import BadRequest, Bounds
from hub.publishing.translations import reading

MAP_LIMIT = 500


class DayEvent(NamedTuple):
    """An event as a day of the month view shows it (the `day_events` tag): its link as a list item,
    escaped once though it may show on several days."""

    url: str
    title: str
    item: str

    @classmethod
    def of(cls, url: str, title: str) -> "DayEvent":
        return cls(url, title, f'<li><a href="{html.escape(url)}">{html.escape(title)}</a></li>')


def _filtered(request):
    filterset = EventFilter(request.GET or None, queryset=Event.objects.published())
    status = 400 if filterset.is_bound and filterset.errors else 200
    return filterset, status


def _common(request, filterset) -> dict:
    return {
        "filterset": filterset,
        "query": filterset.query(),
        "reader_zone": reader_zone(request),
        "time_zones": time_zone_names(),
    }


def event_list(request, when="upcoming"):
    filterset, status = _filtered(request)
    events = filterset.qs.select_related("place")
    events = events.past() if when == "past" else events.upcoming()
    context = _common(request, filterset) | {"page": paginate(request, events), "when": when}
    return render(request, "events/event_list.html", context, status=status)


def event_month(request):
    """A month as a calendar table, each event on the days it takes place (in its own zone)."""
    filterset, status = _filtered(request)
    first = parse_month(request.GET.get("month", "")) or timezone.localdate().replace(day=1)
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    start, end = month_bounds(weeks[0][0], date.fromordinal(weeks[-1][-1].toordinal() + 1))
    events = filterset.qs.overlapping(start, end, longest=longest_published())
    # Only what the grid shows, as rows (no model instances): the title and address, and the
    # times that place it on its days.
    rows = events.order_by("start", "pk").values_list("slug", "title", "start", "end", "time_zone")[:2000]
    by_day: dict[date, list[DayEvent]] = {}
    # One reverse() for all: a slug is letters, digits, hyphens and underscores, nothing to quote.
    before, after = reverse("events:detail", args=["slug"]).rsplit("slug", 1)
    for slug, title, start, end, time_zone in rows:
        event = DayEvent.of(f"{before}{slug}{after}", title)  # once, though it shows on every day it lasts
        for day in days_between(start, end, ZoneInfo(time_zone)):
            by_day.setdefault(day, []).append(event)
    grid = [[(day, day.month == first.month, by_day.get(day, [])) for day in week] for week in weeks]
    previous = date(first.year - (first.month == 1), (first.month - 2) % 12 + 1, 1)
    filters = filterset.query(without=("month",))
    context = _common(request, filterset) | {
        "first": first,
        "weeks": grid,
        "weekdays": [weeks[0][n] for n in range(7)],
        "previous_query": f"month={previous:%Y-%m}" + (f"&{filters}" if filters else ""),
        "next_query": f"month={next_month(first):%Y-%m}" + (f"&{filters}" if filters else ""),
        "filters_query": filters,
        "today": timezone.localdate(),
    }
    return render(request, "events/event_month.html", context, status=status)


def _visible(request, slug) -> Event:
    event = get_object_or_404(Event.objects.select_related("place"), slug=slug)
    if not event.is_visible_to(request.user):
        raise Http404(_("No event is published at this address."))
    return event


def event_detail(request, slug):
    event = _visible(request, slug)
    context = {
        "event": event,
        # A translation into the reader's language replaces the text (on this instance, for display).
        "reading": reading(request, event),
        "reader_zone": reader_zone(request),
        "in_reader_zone": event.in_zone(reader_zone(request)),
        "themes": event.topics.all(),
        "resources": event.resources.published().only("slug", "title", "type"),
        "time_zones": time_zone_names(),
    }
    return render(request, "events/event_detail.html", context)


def _ics(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def event_ics(request, slug):
    event = _visible(request, slug)
    content = ical.calendar_of([event], name=event.title, host=request.get_host().split(":")[0])
    return _ics(content, f"{event.slug}.ics")


def events_ics(request):
    """Every published event, or those the list's filters select: a calendar apps can subscribe to."""
    filterset, status = _filtered(request)
    if status != 200:
        errors = "; ".join(f"{name}: {' '.join(errs)}" for name, errs in filterset.errors.items())
        return HttpResponse(errors, status=400, content_type="text/plain; charset=utf-8")
    # A year back and everything ahead: calendar apps keep what they have already seen.
    since = timezone.now() - timezone.timedelta(days=365)
    events = filterset.qs.filter(end__gte=since).select_related("place").order_by("start", "pk")[:2000]
    content = ical.calendar_of(events, name=_("IBIS Hub events"), host=request.get_host().split(":")[0])
    return _ics(content, "ibis-hub-events.ics")


def time_zone_choice(request):
    """Remember the reader's time zone (the form under event times; works without JavaScript)."""
    target = request.GET.get("next") or reverse("events:list")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = reverse("events:list")
    name = request.GET.get("tz", "")
    response = HttpResponseRedirect(target)
    if is_time_zone(name):
        response.set_cookie(COOKIE, name, max_age=365 * 24 * 3600, samesite="Lax")
    elif name:
        messages.error(request, _("“%(name)s” is not a time zone we know.") % {"name": name[:64]})
    return response


def map_json(request):
    """Upcoming published events with a place, in the map's view: the events layer of the maps."""
    try:
        bounds = Bounds.parse(request.GET.get("bbox", ""))
    except BadRequest as error:
        return JsonResponse({"error": str(error)}, status=400)
    events = (
        Event.objects.published()
        .upcoming()
        .filter(place__latitude__isnull=False)
        .select_related("place")
        .only("slug", "title", "start", "time_zone", "place__name", "place__latitude", "place__longitude")
    )
    markers = []
    for event in events[: MAP_LIMIT * 4]:
        if bounds.contains(event.place.latitude, event.place.longitude):
            markers.append(
                {
                    "lat": event.place.latitude,
                    "lng": event.place.longitude,
                    "title": event.title,
                    "url": event.get_absolute_url(),
                    "when": event.local_start.strftime("%Y-%m-%d %H:%M ") + event.time_zone,
                    "place": event.place.name,
                }
            )
            if len(markers) == MAP_LIMIT:
                break
    return JsonResponse({"events": markers})


@login_required
@require_http_methods(["GET", "POST"])
def event_submit(request):
    form = EventForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid() and over_rate_limit(request, "submit"):
            form.add_error(None, RATE_LIMIT_MESSAGE)
            status = 429
        elif form.is_valid():
            event = event_create(data=form.cleaned_data, by=request.user, submitted_by=request.user)
            messages.success(request, _("Thank you: your event was received and waits for a moderator."))
            return redirect(event)
        else:
            status = 400
    return render(request, "events/event_submit.html", {"form": form}, status=status)
