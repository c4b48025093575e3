from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Avg, Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ReactionQuerySet(models.QuerySet):
    def on(self, obj):
        return self.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)

    def by(self, user):
        return self.filter(user=user) if user.is_authenticated else self.none()


class Reaction(models.Model):
    """Something a member attaches to any content: a practice today, a resource or an event later."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("member"), on_delete=models.CASCADE, related_name="%(class)ss"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    objects = ReactionQuerySet.as_manager()

    class Meta:
        abstract = True


class RatingQuerySet(ReactionQuerySet):
    def summary(self) -> dict:
        """{"average": 4.2 or None, "count": 5}"""
        return self.aggregate(average=Avg("score"), count=Count("pk"))


class Rating(Reaction):
    """ "How useful was this information?" One rating per member and object; rating again changes it."""

    score = models.PositiveSmallIntegerField(_("score"), validators=[MinValueValidator(1), MaxValueValidator(5)])
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = RatingQuerySet.as_manager()

    class Meta:
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id", "user"], name="one_rating_per_member"),
            models.CheckConstraint(condition=Q(score__gte=1, score__lte=5), name="rating_from_1_to_5"),
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="rating_object_idx")]

    def __str__(self):
        return f"{self.score}/5"


class Bookmark(Reaction):
    class Meta:
        verbose_name = _("bookmark")
        verbose_name_plural = _("bookmarks")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id", "user"], name="one_bookmark_per_member"),
        ]

    def __str__(self):
        return f"{self.content_type.model} {self.object_id}"


class ModeratedQuerySet(models.QuerySet):
    """Reads shared by every conversation moderated after posting (comments, forum posts)."""

    def published(self):
        return self.filter(status=Moderated.Status.PUBLISHED)

    def awaiting_moderation(self):
        return self.filter(status=Moderated.Status.PENDING).order_by("created_at", "pk")

    def visible_to(self, user):
        """Published ones for everyone; a member also sees their own waiting or removed ones."""
        from hub.accounts.roles import is_moderator

        if is_moderator(user):
            return self.all()
        if user.is_authenticated:
            return self.filter(Q(status=Moderated.Status.PUBLISHED) | Q(user=user))
        return self.published()


class Moderated(models.Model):
    """What members write in a conversation, moderated after posting: a comment under content, a post in
    a forum topic. The subclass gives `user` (the author), `created_at` and `body`; the shared services in
    hub/reactions/conversation.py decide its status (trust, spam) and moderate it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a moderator")
        PUBLISHED = "published", _("Published")
        REMOVED = "removed", _("Removed by a moderator")

    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("removed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    removal_reason = models.CharField(_("reason for removal"), max_length=500, blank=True)
    # hub.lib.spam.spam_score of the text when it was written: the queue shows the likeliest spam first.
    spam_score = models.PositiveSmallIntegerField(_("spam score"), default=0)

    # The setting holding how many minutes an author may edit after writing.
    edit_minutes_setting = "COMMENT_EDIT_MINUTES"

    class Meta:
        abstract = True

    @property
    def author_display(self) -> str:
        if not self.user.is_active:
            return str(_("former member"))
        return self.user.get_full_name() or self.user.get_username()

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def is_removed(self) -> bool:
        return self.status == self.Status.REMOVED

    def can_be_edited_by(self, user) -> bool:
        if not (user.is_authenticated and user.pk == self.user_id) or self.status == self.Status.REMOVED:
            return False
        minutes = getattr(settings, self.edit_minutes_setting)
        return timezone.now() - self.created_at <= timezone.timedelta(minutes=minutes)


class CommentQuerySet(ReactionQuerySet, ModeratedQuerySet):
    pass


class Comment(Reaction, Moderated):
    body = models.TextField(_("comment"), max_length=5000)

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "status"], name="comment_object_idx")]

    def __str__(self):
        return self.body[:60]

    def can_be_deleted_by(self, user) -> bool:
        return user.is_authenticated and user.pk == self.user_id
