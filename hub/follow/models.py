from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Frequency(models.TextChoices):
    IMMEDIATELY = "immediately", _("Immediately, one e-mail for each")
    DAILY = "daily", _("A daily digest")
    WEEKLY = "weekly", _("A weekly digest")


class SubscriptionQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def of_address(self, email: str):
        return self.filter(email=email.strip().lower())


class Subscription(models.Model):
    """An address that follows one followable thing (hub/follow/registry.py) by e-mail: a topic, a
    place, a tag, a saved search… `key` says which one (a slug, a place's address, a query string)."""

    Frequency = Frequency

    what = models.CharField(_("what"), max_length=30)
    key = models.CharField(_("which"), max_length=500, blank=True)
    label = models.CharField(_("label"), max_length=300)
    email = models.EmailField(_("e-mail address"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="subscriptions"
    )
    frequency = models.CharField(_("how often"), max_length=12, choices=Frequency.choices, default=Frequency.DAILY)
    # The language of its e-mails: the page's when the address last asked to follow (a member's choice
    # of language wins); empty for subscriptions older than the choice, which are written in English.
    language = models.CharField(_("language"), max_length=10, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    # Set by the link of the confirmation e-mail (double opt-in), or at once for a signed-in member.
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    # The digest that last covered it: the next one holds what was published since.
    last_digest_at = models.DateTimeField(_("last digest"), null=True, blank=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        ordering = ["label", "pk"]
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        constraints = [models.UniqueConstraint(fields=["email", "what", "key"], name="one_subscription_per_address")]
        indexes = [models.Index(fields=["frequency", "confirmed_at"]), models.Index(fields=["what", "key"])]

    def __str__(self):
        return f"{self.email}: {self.label}"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None


class Sending(models.Model):
    """One e-mail sent to an address and the items it held, so that nobody gets the same item twice
    (an alert, then a digest of another subscription that holds it too)."""

    email = models.EmailField()
    sent_at = models.DateTimeField(default=timezone.now, db_index=True)
    items = models.JSONField(default=list)  # "<app_label>.<model>:<pk>"

    class Meta:
        verbose_name = _("e-mail sent")
        verbose_name_plural = _("e-mails sent")

    def __str__(self):
        return f"{self.email} {self.sent_at:%Y-%m-%d %H:%M}"
