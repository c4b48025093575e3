import zoneinfo

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hub.reactions.models import Moderated, ModeratedQuerySet

TIME_ZONES = sorted(zoneinfo.available_timezones() - {"localtime", "Factory"})


class Board(models.Model):
    """A forum: "Deconstructing perceptions", "Labour migration", "Cities"."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=140, unique=True)
    description = models.CharField(_("description"), max_length=500, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("board")
        verbose_name_plural = _("boards")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("forum:board", args=[self.slug])


class DialogueQuerySet(models.QuerySet):
    def open_at(self, moment):
        return self.filter(opens_at__lte=moment, closes_at__gt=moment)

    def upcoming_at(self, moment):
        return self.filter(opens_at__gt=moment)

    def closed_at(self, moment):
        return self.filter(closes_at__lte=moment)


class Dialogue(models.Model):
    """A time-boxed online dialogue (IOM's "Societies and Identities", 15 to 22 July): announced before it
    opens, open to members' posts between its dates, read-only with a moderator's summary after."""

    class Phase(models.TextChoices):
        ANNOUNCED = "announced", _("Announced")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    introduction = models.TextField(_("introduction"), max_length=10000)
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    time_zone = models.CharField(_("time zone"), max_length=64, default="UTC")
    summary = models.TextField(_("summary"), blank=True, max_length=20000)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    objects = DialogueQuerySet.as_manager()

    class Meta:
        ordering = ["-opens_at"]
        verbose_name = _("online dialogue")
        verbose_name_plural = _("online dialogues")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")), name="dialogue_closes_after_it_opens"
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("forum:dialogue", args=[self.slug])

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    def phase(self, moment=None) -> str:
        moment = moment or timezone.now()
        if moment < self.opens_at:
            return self.Phase.ANNOUNCED
        if moment < self.closes_at:
            return self.Phase.OPEN
        return self.Phase.CLOSED

    @property
    def is_open(self) -> bool:
        return self.phase() == self.Phase.OPEN


class TopicQuerySet(models.QuerySet):
    def listed(self):
        """Pinned first, then the latest conversation."""
        return self.order_by("-pinned", models.F("last_post_at").desc(nulls_last=True), "-pk")

    def about(self, obj):
        return self.filter(subject_type=ContentType.objects.get_for_model(obj), subject_id=obj.pk)

    def with_posts(self):
        return self.filter(post_count__gt=0)


class Topic(models.Model):
    """A thread in a board, or a discussion question of a dialogue."""

    board = models.ForeignKey(
        Board, verbose_name=_("board"), on_delete=models.PROTECT, null=True, blank=True, related_name="topics"
    )
    dialogue = models.ForeignKey(
        Dialogue,
        verbose_name=_("dialogue"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="questions",
    )
    title = models.CharField(_("title"), max_length=200)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("started by"), on_delete=models.CASCADE, related_name="forum_topics"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    pinned = models.BooleanField(_("pinned"), default=False)
    locked = models.BooleanField(_("locked"), default=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    views = models.PositiveIntegerField(_("views"), default=0)
    # Kept by hub.forum.services.topic_refresh from the published posts: lists never count posts.
    post_count = models.PositiveIntegerField(_("published posts"), default=0)
    last_post = models.ForeignKey(
        "Post", verbose_name=_("last post"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    last_post_at = models.DateTimeField(_("last post"), null=True, blank=True)
    # "Discuss this practice": the published object (of a registered publishing kind) the topic is about.
    subject_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    subject_id = models.PositiveBigIntegerField(null=True, blank=True)

    objects = TopicQuerySet.as_manager()

    class Meta:
        # A discussion thread, not a vocabulary topic (theme, dimension, GCM objective): the languages
        # name them differently (fr sujet / thématique, es hilo / temática).
        verbose_name = pgettext_lazy("forum", "topic")
        verbose_name_plural = pgettext_lazy("forum", "topics")
        indexes = [
            models.Index(fields=["board", "pinned", "last_post_at"], name="topic_board_idx"),
            models.Index(fields=["subject_type", "subject_id"], name="topic_subject_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(board__isnull=False, dialogue__isnull=True) | Q(board__isnull=True, dialogue__isnull=False),
                name="topic_in_a_board_or_a_dialogue",
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("forum:topic", args=[self.pk])

    @property
    def replies(self) -> int:
        return max(self.post_count - 1, 0)

    @property
    def place(self):
        return self.board or self.dialogue


class PostQuerySet(ModeratedQuerySet):
    def published(self):
        """Published posts (every board and dialogue is public), with their topic and author: a search result
        shows them."""
        return super().published().select_related("topic", "user")

    def in_thread_for(self, user):
        """The posts a topic page shows this person, in order: published and removed ones (removed ones
        as a line saying so) for everyone; their own waiting ones; every one for a moderator."""
        from hub.accounts.roles import is_moderator

        if is_moderator(user):
            shown = self.all()
        elif user.is_authenticated:
            shown = self.filter(Q(status__in=[Post.Status.PUBLISHED, Post.Status.REMOVED]) | Q(user=user))
        else:
            shown = self.filter(status__in=[Post.Status.PUBLISHED, Post.Status.REMOVED])
        return shown.order_by("created_at", "pk")


class Post(Moderated):
    topic = models.ForeignKey(
        Topic, verbose_name=pgettext_lazy("forum", "topic"), on_delete=models.CASCADE, related_name="posts"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.CASCADE, related_name="forum_posts"
    )
    body = models.TextField(_("post"), max_length=20000)
    # The body as sanitised HTML, rendered when it is written (hub.forum.services.post_html): a topic page
    # shows twenty posts, and rendering Markdown each time would cost most of the page's time.
    body_html = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(_("posted"), default=timezone.now)
    quote_of = models.ForeignKey(
        "self", verbose_name=_("quote of"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    edit_minutes_setting = "POST_EDIT_MINUTES"

    objects = PostQuerySet.as_manager()

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        ordering = ["created_at", "pk"]
        indexes = [
            # Status and author too: a page's slice and the count of a thread (which posts a reader sees
            # depends on them) are read from the index alone.
            models.Index(fields=["topic", "created_at", "id", "status", "user"], name="post_thread_idx"),
            models.Index(fields=["user", "status"], name="post_author_idx"),
            models.Index(fields=["status", "created_at"], name="post_status_idx"),
        ]

    def __str__(self):
        return self.body[:60]

    def get_absolute_url(self):
        return reverse("forum:post", args=[self.pk])

    @property
    def summary(self) -> str:
        """The start of the author's own words as plain text (quotes left out): a search result's snippet."""
        from hub.forum.notify import without_quotes
        from hub.search.documents import plain_text

        return Truncator(plain_text(without_quotes(self.body))).words(40)


class Ban(models.Model):
    """A member a moderator stopped from posting in the forums (they still read and comment elsewhere)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("member"), on_delete=models.CASCADE, related_name="forum_ban"
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("banned by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=500)
    created_at = models.DateTimeField(_("banned"), default=timezone.now)

    class Meta:
        verbose_name = _("ban from posting")
        verbose_name_plural = _("bans from posting")

    def __str__(self):
        return str(self.user)


class TopicVisit(models.Model):
    """When a member last read a topic: its posts after that are "new" for them."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="visits")
    seen_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "topic"], name="one_visit_per_member_and_topic")]

    def __str__(self):
        return f"{self.user_id} read {self.topic_id} at {self.seen_at:%Y-%m-%d %H:%M}"
