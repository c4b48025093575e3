"""The controlled vocabularies every kind of content is described with: themes, integration
dimensions and GCM objectives (topics), target groups, and the sectors of organisations.
Edited by moderators in the admin; renaming one re-indexes what carries it (vocabulary_save)."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Topic(models.Model):
    """A theme, an integration dimension or a GCM objective: each has a page and a feed."""

    class Kind(models.TextChoices):
        THEME = "theme", _("Theme")
        DIMENSION = "dimension", _("Integration dimension")
        GCM_OBJECTIVE = "gcm", _("GCM objective")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, db_index=True)
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    number = models.PositiveSmallIntegerField(_("number"), null=True, blank=True, help_text=_("GCM objectives only"))
    description = models.TextField(_("description"), blank=True)

    class Meta:
        db_table = "practices_topic"  # made by the practices app, which held the vocabularies at first
        ordering = ["kind", "number", "name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        if self.kind == self.Kind.GCM_OBJECTIVE:
            return _("Objective %(number)s: %(name)s") % {"number": self.number, "name": self.name}
        return self.name

    def get_absolute_url(self):
        return reverse("practices:topic", args=[self.slug])

    @property
    def filter_param(self) -> str:
        return {"theme": "theme", "dimension": "dimension", "gcm": "gcm"}[self.kind]


class TargetGroup(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        db_table = "practices_targetgroup"
        ordering = ["position", "name"]
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")

    def __str__(self):
        return self.name


class StakeholderType(models.Model):
    """The sector of an organisation: local government, civil society, academia, …"""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        db_table = "people_stakeholdertype"
        ordering = ["position", "name"]
        verbose_name = _("stakeholder type")
        verbose_name_plural = _("stakeholder types")

    def __str__(self):
        return self.name
