from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from taggit.managers import TaggableManager

from hub.people.models import Organisation
from hub.places.models import Place
from hub.publishing.models import Publishable, PublishableQuerySet
from hub.vocabularies.models import TargetGroup, Topic


class PracticeQuerySet(PublishableQuerySet):
    def for_cards(self):
        """What a list of practice cards shows, in a fixed number of queries."""
        return self.select_related("organisation").prefetch_related(
            "places",
            models.Prefetch("topics", queryset=Topic.objects.filter(kind=Topic.Kind.THEME), to_attr="themes"),
        )

    def with_topic(self, topic):
        return self.filter(pk__in=Practice.topics.through.objects.filter(topic=topic).values("practice_id"))

    def in_country(self, code: str):
        return self.filter(pk__in=Practice.places.through.objects.filter(place__country=code).values("practice_id"))

    def in_continent(self, code: str):
        return self.filter(pk__in=Practice.places.through.objects.filter(place__continent=code).values("practice_id"))

    def for_target_group(self, group):
        return self.filter(
            pk__in=Practice.target_groups.through.objects.filter(targetgroup=group).values("practice_id")
        )

    def active_in_year(self, year: int):
        return self.filter(start_date__year__lte=year).filter(Q(end_date__isnull=True) | Q(end_date__year__gte=year))


class Practice(Publishable):
    class Implementation(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ONGOING = "ongoing", _("Ongoing")
        COMPLETED = "completed", _("Completed")
        DISCONTINUED = "discontinued", _("Discontinued")

    class Participation(models.TextChoices):
        NONE = "none", _("Not involved")
        CONSULTED = "consulted", _("Consulted")
        CO_DESIGNED = "co-designed", _("Co-designed with migrants")
        MIGRANT_LED = "migrant-led", _("Migrant-led")

    class Evidence(models.TextChoices):
        ANECDOTAL = "anecdotal", _("Anecdotal")
        MONITORED = "monitored", _("Monitored")
        INDEPENDENTLY_EVALUATED = "independently-evaluated", _("Independently evaluated")
        EXPERIMENTAL = "experimental", _("Experimental or quasi-experimental")

    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=250, unique=True)
    summary = models.TextField(_("summary"), max_length=1000)
    background = models.TextField(_("background and objectives"), blank=True)
    activities = models.TextField(_("activities"), blank=True)
    participants = models.TextField(_("participants and beneficiaries"), blank=True)
    outcomes = models.TextField(_("outcomes"), blank=True)
    evaluation = models.TextField(_("evaluation"), blank=True)
    recommendations = models.TextField(_("recommendations"), blank=True)
    lessons_learned = models.TextField(_("lessons learned"), blank=True)
    challenges = models.TextField(_("challenges"), blank=True)

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("implementing organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="practices",
    )
    partners = models.ManyToManyField(
        Organisation, verbose_name=_("partners"), blank=True, related_name="partner_in_practices"
    )
    places = models.ManyToManyField(Place, verbose_name=_("places"), blank=True, related_name="practices")
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True)
    implementation = models.CharField(
        _("implementation status"), max_length=20, choices=Implementation.choices, blank=True
    )
    target_groups = models.ManyToManyField(
        TargetGroup, verbose_name=_("target groups"), blank=True, related_name="practices"
    )
    people_reached = models.PositiveIntegerField(_("people reached"), null=True, blank=True)
    people_reached_unit = models.CharField(
        _("unit"), max_length=60, blank=True, help_text=_("e.g. families, students, people")
    )
    migrant_participation = models.CharField(
        _("migrant participation"), max_length=20, choices=Participation.choices, blank=True
    )
    evidence = models.CharField(_("strength of evidence"), max_length=30, choices=Evidence.choices, blank=True)
    topics = models.ManyToManyField(Topic, verbose_name=_("topics"), blank=True, related_name="practices")
    tags = TaggableManager(_("tags"), blank=True)
    adapted_from = models.ForeignKey(
        "self",
        verbose_name=_("adapted from"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="adaptations",
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.TRANSLATED_LANGUAGES, default="en")
    contact = models.CharField(_("contact"), max_length=250, blank=True)

    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="merged_from",
        help_text=_("A duplicate merged into another practice: its address redirects there."),
    )

    history = HistoricalRecords(m2m_fields=[topics, places, target_groups, partners], excluded_fields=["status_token"])
    objects = PracticeQuerySet.as_manager()

    LONG_FIELDS = (
        "background",
        "activities",
        "participants",
        "outcomes",
        "evaluation",
        "recommendations",
        "lessons_learned",
        "challenges",
    )

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("practice")
        verbose_name_plural = _("practices")
        indexes = [
            models.Index(fields=["status", "-published_at"], name="practice_published_idx"),
            models.Index(fields=["status", "title"], name="practice_title_idx"),
            models.Index(fields=["status", "start_date"], name="practice_start_idx"),
            models.Index(fields=["status", "featured"], name="practice_featured_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="practice_ends_after_start",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("practices:detail", args=[self.slug])

    def get_status_url(self):
        return reverse("practices:submission_status", args=[self.status_token])

    def sections(self) -> list[tuple[str, str, str]]:
        """The long fields that are filled in, with their headings and the language of their text (a
        translation shown in place of the original sets `text_languages`: hub/publishing/translations.py),
        in the order of the IBIS form."""
        languages = getattr(self, "text_languages", {})
        return [
            (self._meta.get_field(name).verbose_name, getattr(self, name), languages.get(name, self.language))
            for name in self.LONG_FIELDS
            if getattr(self, name)
        ]


class ExternalLink(models.Model):
    class Kind(models.TextChoices):
        LINK = "link", _("Link")
        ELSEWHERE = "elsewhere", _("The same practice on another site")

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="links")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.LINK)
    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("address"), max_length=500)

    class Meta:
        ordering = ["kind", "pk"]
        verbose_name = _("link")
        verbose_name_plural = _("links")

    def __str__(self):
        return self.title
