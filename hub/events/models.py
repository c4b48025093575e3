from datetime import date, datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from django.db import models
from django.db.models import ExpressionWrapper, F, Max, Q
from django.templatetags.tz import do_timezone
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from hub.places.models import Place
from hub.publishing.models import Publishable, PublishableQuerySet
from hub.resources.models import LANGUAGE_CHOICES, Resource
from hub.vocabularies.models import Topic


@cache
def time_zone_names() -> list[str]:
    """IANA zone names people choose from ("Europe/Paris"), without the legacy aliases."""
    return sorted(name for name in available_timezones() if "/" in name and not name.startswith(("Etc/", "SystemV/")))


def is_time_zone(name: str) -> bool:
    return name == "UTC" or name in time_zone_names()


class EventQuerySet(PublishableQuerySet):
    def upcoming(self, now: datetime | None = None):
        """Not over yet (an event under way is still upcoming), soonest first."""
        return self.filter(end__gte=now or timezone.now()).order_by("start", "pk")

    def past(self, now: datetime | None = None):
        return self.filter(end__lt=now or timezone.now()).order_by("-start", "-pk")

    def overlapping(self, start: datetime, end: datetime, *, longest: timedelta | None = None):
        """Events that take place, at least in part, between start (included) and end (excluded).
        `longest`: none of them lasts longer, so that the database reads only the events that start
        near the period rather than every one before it."""
        events = self.filter(start__lt=end, end__gte=start)
        return events if longest is None else events.filter(start__gte=start - longest)

    def longest(self) -> timedelta:
        """How long the longest of these events lasts."""
        duration = ExpressionWrapper(F("end") - F("start"), output_field=models.DurationField())
        return self.aggregate(longest=Max(duration))["longest"] or timedelta(0)

    def with_topic(self, topic):
        return self.filter(pk__in=Event.topics.through.objects.filter(topic=topic).values("event_id"))

    def in_country(self, code: str):
        return self.filter(place__country=code)

    def in_continent(self, code: str):
        return self.filter(place__continent=code)


class Event(Publishable):
    class Type(models.TextChoices):
        CONFERENCE = "conference", _("Conference")
        WEBINAR = "webinar", _("Webinar")
        WORKSHOP = "workshop", _("Workshop")
        DIALOGUE = "dialogue", _("Dialogue")

    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=250, unique=True)
    description = models.TextField(_("description"), max_length=10_000)
    type = models.CharField(_("type"), max_length=12, choices=Type.choices)
    # Stored in UTC; time_zone is where the event happens (or, online, the zone its organiser announced).
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    time_zone = models.CharField(_("time zone"), max_length=64, default="UTC")
    online_url = models.URLField(_("online at"), max_length=500, blank=True)
    place = models.ForeignKey(
        Place, verbose_name=_("place"), on_delete=models.PROTECT, null=True, blank=True, related_name="events"
    )
    venue = models.CharField(_("venue"), max_length=250, blank=True, help_text=_("The building and address."))
    organiser = models.CharField(_("organiser"), max_length=250)
    language = models.CharField(_("language"), max_length=10, choices=LANGUAGE_CHOICES, default="en")
    registration_url = models.URLField(_("registration"), max_length=500, blank=True)
    topics = models.ManyToManyField(Topic, verbose_name=_("themes"), blank=True, related_name="events")
    resources = models.ManyToManyField(
        Resource, verbose_name=_("recordings and reports"), blank=True, related_name="events"
    )

    history = HistoricalRecords(m2m_fields=[topics, resources], excluded_fields=["status_token"])
    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["start", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [
            models.Index(fields=["status", "start"], name="event_start_idx"),
            models.Index(fields=["status", "end"], name="event_end_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(end__gte=models.F("start")), name="event_ends_after_start"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:detail", args=[self.slug])

    def get_ics_url(self):
        return reverse("events:ics", args=[self.slug])

    @property
    def summary(self) -> str:
        """The start of the description as plain text: the snippet of a search result."""
        from hub.search.documents import plain_text

        return Truncator(plain_text(self.description)).words(40)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    # Marked (by Django's own |timezone filter) so that templates show them in this zone, not the site's.
    @property
    def local_start(self) -> datetime:
        return do_timezone(self.start, self.zone)

    @property
    def local_end(self) -> datetime:
        return do_timezone(self.end, self.zone)

    def in_zone(self, name: str | None) -> tuple[datetime, datetime] | None:
        """Start and end in another zone (the reader's), or None when that zone tells the same time."""
        if not name or not is_time_zone(name):
            return None
        zone = ZoneInfo(name)
        start, end = do_timezone(self.start, zone), do_timezone(self.end, zone)
        if start.utcoffset() == self.local_start.utcoffset() and end.utcoffset() == self.local_end.utcoffset():
            return None
        return start, end

    @property
    def is_past(self) -> bool:
        return self.end < timezone.now()

    @property
    def is_online(self) -> bool:
        return bool(self.online_url) and self.place_id is None

    def days(self):
        """The days (in the event's zone) it takes place on."""
        return days_between(self.start, self.end, self.zone)


def days_between(start: datetime, end: datetime, zone: ZoneInfo) -> list[date]:
    """The days, in `zone`, from `start` to `end`: ending at midnight does not take the next day."""
    end = end.astimezone(zone)
    first, last = start.astimezone(zone).date(), end.date()
    if end.time() == datetime.min.time() and last > first:
        last = last.fromordinal(last.toordinal() - 1)
    return [first.fromordinal(n) for n in range(first.toordinal(), last.toordinal() + 1)]
