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
