import secrets

from django.conf import global_settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from hub.places.models import Place
from hub.practices.models import Practice
from hub.publishing.models import Publishable, PublishableQuerySet
from hub.vocabularies.models import Topic

# Django's own list of languages with translated names; the language of a document, not of the site.
LANGUAGE_CHOICES = sorted(
    ((code, name) for code, name in global_settings.LANGUAGES if "-" not in code), key=lambda pair: str(pair[1])
)
LANGUAGE_NAMES = dict(LANGUAGE_CHOICES)


class Language(models.Model):
    """A language a resource is in; rows are made as resources name them."""

    code = models.CharField(_("code"), max_length=10, primary_key=True, choices=LANGUAGE_CHOICES)

    class Meta:
        ordering = ["code"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    def __str__(self):
        return str(LANGUAGE_NAMES.get(self.code, self.code))


def _topic_descriptions() -> list[str]:
    """A topic's description column and its translations (django-modeltranslation's
    description_<language>, added once the apps are ready)."""
    return [f.attname for f in Topic._meta.concrete_fields if f.attname.startswith("description")]


class ResourceQuerySet(PublishableQuerySet):
    def for_cards(self):
        return self.prefetch_related(
            "languages",
            # A chip shows a theme's name and links to its slug: not its descriptions, in every language.
            models.Prefetch(
                "topics",
                queryset=Topic.objects.filter(kind=Topic.Kind.THEME).defer(*_topic_descriptions()),
                to_attr="themes",
            ),
        )

    def with_topic(self, topic):
        return self.filter(pk__in=Resource.topics.through.objects.filter(topic=topic).values("resource_id"))

    def in_language(self, code: str):
        return self.filter(pk__in=Resource.languages.through.objects.filter(language_id=code).values("resource_id"))

    def in_country(self, code: str):
        return self.filter(pk__in=Resource.places.through.objects.filter(place__country=code).values("resource_id"))

    def at_place(self, place):
        return self.filter(pk__in=Resource.places.through.objects.filter(place=place).values("resource_id"))

    def in_continent(self, code: str):
        return self.filter(pk__in=Resource.places.through.objects.filter(place__continent=code).values("resource_id"))

    def about_practice(self, practice):
        return self.filter(pk__in=Resource.practices.through.objects.filter(practice=practice).values("resource_id"))


def resource_file_path(resource, filename: str) -> str:
    """Never the uploader's name: a random folder (addresses cannot be guessed) and the slug."""
    return f"resources/{secrets.token_urlsafe(12)}/{filename}"


class Resource(Publishable):
    class Type(models.TextChoices):
        NEWS = "news", _("News")
        RESEARCH = "research", _("Research and reports")
        TOOL = "tool", _("Tools and guidelines")
        TRAINING = "training", _("Training courses")
        VIDEO = "video", _("Video")
        PODCAST = "podcast", _("Podcast")

    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=250, unique=True)
    type = models.CharField(_("type"), max_length=10, choices=Type.choices)
    summary = models.TextField(_("summary"), max_length=2000)
    author = models.CharField(_("author or publisher"), max_length=250, blank=True)
    issued = models.DateField(_("date"), null=True, blank=True, help_text=_("When it was published by its author."))
    languages = models.ManyToManyField(Language, verbose_name=_("languages"), blank=True, related_name="resources")
    topics = models.ManyToManyField(Topic, verbose_name=_("topics"), blank=True, related_name="resources")
    places = models.ManyToManyField(Place, verbose_name=_("places"), blank=True, related_name="resources")
    practices = models.ManyToManyField(Practice, verbose_name=_("practices"), blank=True, related_name="resources")
    url = models.URLField(_("link"), max_length=500, blank=True)
    file = models.FileField(_("file"), upload_to=resource_file_path, max_length=300, blank=True)
    file_type = models.CharField(_("file type"), max_length=120, blank=True, editable=False)
    file_size = models.PositiveBigIntegerField(_("file size"), null=True, blank=True, editable=False)
    file_pages = models.PositiveIntegerField(_("pages"), null=True, blank=True, editable=False)

    history = HistoricalRecords(m2m_fields=[languages, topics, places, practices], excluded_fields=["status_token"])
    objects = ResourceQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        indexes = [
            models.Index(fields=["status", "-published_at"], name="resource_published_idx"),
            models.Index(fields=["status", "type", "-published_at"], name="resource_type_idx"),
            models.Index(fields=["status", "issued"], name="resource_issued_idx"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("resources:detail", args=[self.slug])

    def get_file_url(self):
        return reverse("resources:file", args=[self.slug]) if self.file else ""

    @property
    def file_extension(self) -> str:
        return self.file.name.rsplit(".", 1)[-1].lower() if self.file else ""

    @property
    def is_pdf(self) -> bool:
        return self.file_type == "application/pdf"
