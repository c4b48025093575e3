"""Pledges: commitments that cities and other bodies make to a pledging initiative, and the progress
they report. Both the pledge and its progress updates are content kinds of the shared publishing
workflow (registered in apps.py); a pledge's own state (pledged, in progress…) is a field apart."""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from hub.people.models import Organisation
from hub.places.models import Place
from hub.practices.models import Practice
from hub.publishing.models import Publishable, PublishableQuerySet, Status
from hub.vocabularies.models import Topic


class Initiative(models.Model):
    """A campaign that pledges are made to (the Call to Local Action, a Global Refugee Forum round),
    defined by moderators in the back office."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown is accepted."))
    host = models.ForeignKey(
        Organisation,
        verbose_name=_("host"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hosted_initiatives",
    )
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("pledging initiative")
        verbose_name_plural = _("pledging initiatives")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("pledges:initiative", args=[self.slug])


class State(models.TextChoices):
    PLEDGED = "pledged", _("Pledged")
    IN_PROGRESS = "in-progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    NOT_PURSUED = "not-pursued", _("Not pursued")


FINAL_STATES = frozenset({State.COMPLETED, State.NOT_PURSUED})


def first_day_of_month(today: date | None = None) -> date:
    """A pledge's end is a month ("by December 2026", stored as its first day): its final update is due
    once that month is over, not on its first morning."""
    return (today or timezone.localdate()).replace(day=1)


class PledgeQuerySet(PublishableQuerySet):
    def for_cards(self):
        """What a list of pledge cards shows, in a fixed number of queries."""
        return self.select_related("organisation__stakeholder_type", "initiative").prefetch_related("places", "targets")

    def of_initiative(self, initiative):
        return self.filter(initiative=initiative)

    def with_topic(self, topic):
        return self.filter(pk__in=Pledge.topics.through.objects.filter(topic=topic).values("pledge_id"))

    def in_country(self, code: str):
        return self.filter(pk__in=Pledge.places.through.objects.filter(place__country=code).values("pledge_id"))

    def in_continent(self, code: str):
        return self.filter(pk__in=Pledge.places.through.objects.filter(place__continent=code).values("pledge_id"))

    def at_place(self, place):
        return self.filter(pk__in=Pledge.places.through.objects.filter(place=place).values("pledge_id"))

    def of_body_type(self, stakeholder_type):
        return self.filter(organisation__stakeholder_type=stakeholder_type)

    def active_in_year(self, year: int):
        return self.filter(start_date__year__lte=year).filter(Q(end_date__isnull=True) | Q(end_date__year__gte=year))

    def implementing(self, practice):
        return self.filter(pk__in=Pledge.practices.through.objects.filter(practice=practice).values("pledge_id"))

    def update_due(self, today: date | None = None):
        """Past their end without a published final update (one that closes the pledge)."""
        closed = ProgressUpdate.objects.published().filter(state__in=FINAL_STATES).values("pledge_id")
        ended = self.filter(end_date__lt=first_day_of_month(today))
        return ended.exclude(state__in=FINAL_STATES).exclude(pk__in=closed)


class Pledge(Publishable):
    State = State

    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=250, unique=True)
    commitment = models.TextField(
        _("the commitment in a sentence"),
        max_length=1000,
        help_text=_("“The City of Dallas commits to implement the Community Ambassadors Programme.”"),
    )
    body = models.TextField(_("the commitment in full"), blank=True, help_text=_("Markdown is accepted."))
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("pledging body"), on_delete=models.PROTECT, related_name="pledges"
    )
    places = models.ManyToManyField(Place, verbose_name=_("places"), blank=True, related_name="pledges")
    initiative = models.ForeignKey(
        Initiative,
        verbose_name=_("pledging initiative"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pledges",
    )
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True)
    partners = models.ManyToManyField(
        Organisation, verbose_name=_("partners"), blank=True, related_name="partner_in_pledges"
    )
    topics = models.ManyToManyField(
        Topic, verbose_name=_("themes and GCM objectives"), blank=True, related_name="pledges"
    )
    practices = models.ManyToManyField(
        Practice, verbose_name=_("practices it implements"), blank=True, related_name="pledges"
    )
    renews = models.ForeignKey(
        "self",
        verbose_name=_("renews or deepens"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="renewals",
    )
    state = models.CharField(_("state"), max_length=12, choices=State.choices, default=State.PLEDGED)
    language = models.CharField(_("language"), max_length=10, choices=settings.TRANSLATED_LANGUAGES, default="en")
    # The due date (end date) its owners were last reminded of: never twice for the same one.
    reminded_for = models.DateField(null=True, blank=True, editable=False)

    history = HistoricalRecords(
        m2m_fields=[topics, places, partners, practices], excluded_fields=["status_token", "reminded_for"]
    )
    objects = PledgeQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        indexes = [
            models.Index(fields=["status", "-published_at"], name="pledge_published_idx"),
            models.Index(fields=["status", "state"], name="pledge_state_idx"),
            models.Index(fields=["status", "end_date"], name="pledge_end_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="pledge_ends_after_start",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("pledges:detail", args=[self.slug])

    def get_status_url(self):
        return reverse("pledges:submission_status", args=[self.status_token])

    @property
    def summary(self) -> str:
        """What feeds and cards show of it."""
        return self.commitment

    def is_update_due(self, today: date | None = None) -> bool:
        if not self.end_date or self.end_date >= first_day_of_month(today) or self.state in FINAL_STATES:
            return False
        return not self.updates.published().filter(state__in=FINAL_STATES).exists()


class Target(models.Model):
    """What a pledge aims at: "500 families", "40 ambassadors"."""

    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="targets")
    number = models.PositiveIntegerField(_("number"))
    unit = models.CharField(_("unit"), max_length=60)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("target")
        verbose_name_plural = _("targets")

    def __str__(self):
        return f"{self.number:,} {self.unit}"


class ProgressUpdate(Publishable):
    """A dated report on a pledge by a representative of its pledging body: published at once for
    trusted representatives, moderated otherwise (the publishing workflow's "progress update" kind)."""

    pledge = models.ForeignKey(Pledge, verbose_name=_("pledge"), on_delete=models.CASCADE, related_name="updates")
    date = models.DateField(_("date"))
    text = models.TextField(_("what happened"), help_text=_("Markdown is accepted."))
    state = models.CharField(
        _("state of the pledge"),
        max_length=12,
        choices=State.choices,
        help_text=_("Completed or not pursued closes the pledge: the final update."),
    )
    evidence = models.JSONField(_("evidence links"), default=list, blank=True)

    history = HistoricalRecords(excluded_fields=["status_token"])
    objects = PublishableQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")

    def __str__(self):
        return _("%(pledge)s: update of %(date)s") % {"pledge": self.pledge.title, "date": self.date.isoformat()}

    def get_absolute_url(self):
        return f"{self.pledge.get_absolute_url()}#update-{self.pk}"

    @property
    def is_final(self) -> bool:
        return self.state in FINAL_STATES

    @property
    def summary(self) -> str:
        return self.text[:500]


class Figure(models.Model):
    """How far an update says a target has got: the number reached so far."""

    update = models.ForeignKey(ProgressUpdate, on_delete=models.CASCADE, related_name="figures")
    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="figures")
    reached = models.PositiveIntegerField(_("reached so far"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["update", "target"], name="one_figure_per_target")]

    def __str__(self):
        return f"{self.reached:,} {self.target.unit}"


class Representative(models.Model):
    """A member who speaks for an organisation: they post the progress of its pledges. Granted by a moderator."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="representing")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="representatives")
    trusted = models.BooleanField(
        _("trusted"), default=False, help_text=_("Their progress updates are published at once, without moderation.")
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("representative")
        verbose_name_plural = _("representatives")
        constraints = [models.UniqueConstraint(fields=["user", "organisation"], name="one_grant_per_organisation")]

    def __str__(self):
        return f"{self.user} – {self.organisation}"


__all__ = [
    "FINAL_STATES",
    "Figure",
    "Initiative",
    "Pledge",
    "ProgressUpdate",
    "Representative",
    "State",
    "Status",
    "Target",
]
