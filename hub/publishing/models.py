"""What every curated content type shares: its place in the editorial workflow and who submitted it.

`draft → submitted → published | rejected (with a reason)`, then `published → archived`. Only
published objects appear anywhere public. A content type's own state (a pledge "in progress") is a
field of its own, never this status.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from hub.accounts.roles import is_moderator


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted, awaiting review")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")
    ARCHIVED = "archived", _("Archived")


class PublishableQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)

    def awaiting_moderation(self):
        return self.filter(status=Status.SUBMITTED).order_by("submitted_at", "pk")

    def visible_to(self, user):
        if is_moderator(user):
            return self.all()
        if user.is_authenticated:
            return self.filter(Q(status=Status.PUBLISHED) | Q(submitted_by=user))
        return self.published()

    def newest_first(self):
        return self.order_by("-published_at", "-pk")


class Publishable(models.Model):
    Status = Status

    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="submitted_%(class)ss",
    )
    submitter_name = models.CharField(_("submitter's name"), max_length=150, blank=True)
    submitter_email = models.EmailField(_("submitter's e-mail"), blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    status_token = models.CharField(max_length=43, unique=True, default=secrets.token_urlsafe, editable=False)

    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    featured = models.BooleanField(_("featured"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED

    def is_visible_to(self, user) -> bool:
        if self.is_published or is_moderator(user):
            return True
        return user.is_authenticated and self.submitted_by_id == user.pk

    @property
    def submitter_display(self) -> str:
        """The name shown in "Submitted by …"; unverified names say so."""
        if self.submitted_by_id:
            user = self.submitted_by
            if not user.is_active:  # a deleted account (hub.accounts.services.account_delete)
                return _("former member")
            return user.get_full_name() or user.get_username()
        return _("%(name)s (not verified)") % {"name": self.submitter_name or _("Anonymous")}

    @property
    def submitter_contact_email(self) -> str:
        return self.submitted_by.email if self.submitted_by_id else self.submitter_email

    @property
    def content_kind(self):
        from hub.publishing.kinds import kind_of

        return kind_of(self)

    def get_status_url(self) -> str:
        """Where an anonymous submitter follows their submission; a kind with such a page says where."""
        return ""

    def get_moderation_url(self) -> str:
        return self.content_kind.moderation_url(self.pk)


class ContentTranslation(models.Model):
    """A person's translation of one object's text into one language: the fields its kind declares
    translatable (`ContentKind.translatable`), field name -> text. Readers in that language see it in
    place of the original, with who translated it and a link to the original, only while the object is
    published and the translation is marked ready (`published`). One mechanism for every kind: the
    object is named by its kind's slug and primary key."""

    kind = models.CharField(_("kind of content"), max_length=40)  # hub.publishing.kinds.ContentKind.slug
    object_id = models.PositiveBigIntegerField(_("object"))
    language = models.CharField(_("language"), max_length=10, choices=settings.TRANSLATED_LANGUAGES)
    fields = models.JSONField(_("translated text"), default=dict)
    translator_name = models.CharField(
        _("translated by"), max_length=150, help_text=_("The person who translated the text, as readers see it.")
    )
    translator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("translator (member)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    translated_on = models.DateField(_("translated on"))
    published = models.BooleanField(
        _("shown to readers"), default=True, help_text=_("Readers see it while the original is published.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        ordering = ["kind", "object_id", "language"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id", "language"], name="one_translation_per_language")
        ]

    def __str__(self):
        return f"{self.kind} {self.object_id} ({self.language})"

    @property
    def language_name(self) -> str:
        return dict(settings.TRANSLATED_LANGUAGES).get(self.language, self.language)
