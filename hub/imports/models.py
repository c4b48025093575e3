from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class ImportJob(models.Model):
    """One upload of files by a moderator, imported in the background; its progress and its report."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting for the worker")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("started by"), on_delete=models.SET_NULL, null=True, blank=True
    )
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    publish = models.BooleanField(_("publish at once"), default=False)
    dry_run = models.BooleanField(_("dry run"), default=False)
    total = models.PositiveIntegerField(_("practices to import"), default=0)
    done = models.PositiveIntegerField(_("practices imported"), default=0)
    report = models.JSONField(_("report"), default=dict, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self):
        return _("Import %(number)s") % {"number": self.pk}

    def get_absolute_url(self):
        return reverse("imports:detail", args=[self.pk])

    @property
    def is_finished(self) -> bool:
        return self.status in {self.Status.DONE, self.Status.FAILED}

    @property
    def percent(self) -> int:
        if self.is_finished:
            return 100
        return int(100 * self.done / self.total) if self.total else 0


class ImportFile(models.Model):
    """An uploaded file, kept in the database so that any worker on any machine can read it."""

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="files")
    name = models.CharField(_("name"), max_length=255)
    content = models.BinaryField(_("content"))

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.name


class PossibleDuplicateQuerySet(models.QuerySet):
    def unresolved(self):
        return self.filter(resolution="")


class PossibleDuplicate(models.Model):
    """An imported practice that looks like another one without surely being it: imported into the
    queue, and marked so that a moderator merges it into the other or keeps both.

    Kept here rather than on Practice: a mark made by an import, resolved from the import pages."""

    class Resolution(models.TextChoices):
        OPEN = "", _("To be decided")
        MERGED = "merged", _("Merged into the other")
        KEPT = "kept", _("Kept as a practice of its own")

    practice = models.ForeignKey(
        "practices.Practice", verbose_name=_("practice"), on_delete=models.CASCADE, related_name="+"
    )
    duplicate_of = models.ForeignKey(
        "practices.Practice", verbose_name=_("possible duplicate of"), on_delete=models.CASCADE, related_name="+"
    )
    score = models.FloatField(_("likeness (%)"))
    job = models.ForeignKey(
        ImportJob, verbose_name=_("import"), on_delete=models.SET_NULL, null=True, blank=True, related_name="marks"
    )
    where = models.CharField(_("in the files"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("found"), auto_now_add=True)
    resolution = models.CharField(
        _("decision"), max_length=10, choices=Resolution.choices, default=Resolution.OPEN, blank=True
    )
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("decided by"), on_delete=models.SET_NULL, null=True, blank=True
    )
    resolved_at = models.DateTimeField(_("decided"), null=True, blank=True)

    objects = PossibleDuplicateQuerySet.as_manager()

    class Meta:
        ordering = ["-score", "pk"]
        verbose_name = _("possible duplicate")
        verbose_name_plural = _("possible duplicates")
        constraints = [models.UniqueConstraint(fields=["practice", "duplicate_of"], name="one_mark_per_pair")]

    def __str__(self):
        return _("%(practice)s: possible duplicate of %(other)s (%(score)s%%)") % {
            "practice": self.practice_id,
            "other": self.duplicate_of_id,
            "score": round(self.score),
        }

    @property
    def resolved(self) -> bool:
        return bool(self.resolution)
