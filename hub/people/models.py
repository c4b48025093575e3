from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from hub.vocabularies.models import StakeholderType


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    stakeholder_type = models.ForeignKey(
        StakeholderType,
        verbose_name=_("sector"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
    )
    website = models.URLField(_("website"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("people:organisation", args=[self.slug])


class ProfileQuerySet(models.QuerySet):
    """Reads of the directory. Every filter looks only at what members chose to make public."""

    def listed(self):
        return self.filter(listed=True, user__is_active=True)

    def in_sector(self, sector: StakeholderType):
        return self.filter(show_sector=True, sector=sector)

    def in_country(self, code: str):
        return self.filter(show_location=True, country=code)

    def with_expertise(self, topic):
        return self.filter(
            show_expertise=True, pk__in=Profile.expertise.through.objects.filter(topic=topic).values("profile_id")
        )

    def of_organisation(self, organisation: Organisation):
        return self.filter(show_organisation=True, organisation=organisation)

    def matching(self, words: str):
        query = models.Q()
        for word in words.split()[:8]:
            query &= (
                models.Q(user__first_name__icontains=word)
                | models.Q(user__last_name__icontains=word)
                | models.Q(user__username__icontains=word)
                | models.Q(show_organisation=True, organisation__name__icontains=word)
                | models.Q(show_location=True, city__icontains=word)
                | models.Q(show_bio=True, bio__icontains=word)
            )
        return self.filter(query)

    def for_cards(self):
        return self.select_related("user", "organisation", "sector")


class Profile(models.Model):
    """A member's practitioner profile. Name and user name are always public (they sign practices and
    comments); each other part is public only when its `show_…` box is ticked."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    listed = models.BooleanField(
        _("list me in the Integration Community directory"),
        default=False,
        help_text=_("Your page and the public parts of your profile can then be found by everyone."),
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="profiles",
    )
    job_title = models.CharField(_("role or job title"), max_length=150, blank=True)
    sector = models.ForeignKey(
        StakeholderType,
        verbose_name=_("sector"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="profiles",
    )
    country = CountryField(_("country"), blank=True, db_index=True)
    city = models.CharField(_("city"), max_length=150, blank=True)
    expertise = models.ManyToManyField(
        "vocabularies.Topic",
        verbose_name=_("areas of expertise"),
        blank=True,
        related_name="experts",
        limit_choices_to={"kind": "theme"},
    )
    languages = models.JSONField(_("languages"), default=list, blank=True)
    # The language the site speaks to this member (pages after signing in, e-mails): the last one chosen
    # in the footer while signed in; empty until then (the browser's, then English).
    interface_language = models.CharField(_("language of the site"), max_length=10, blank=True)
    bio = models.TextField(_("short bio"), max_length=1500, blank=True)
    links = models.JSONField(_("links"), default=list, blank=True)

    show_organisation = models.BooleanField(_("organisation and role are public"), default=True)
    show_sector = models.BooleanField(_("sector is public"), default=True)
    show_location = models.BooleanField(_("country and city are public"), default=True)
    show_expertise = models.BooleanField(_("areas of expertise are public"), default=True)
    show_languages = models.BooleanField(_("languages are public"), default=True)
    show_bio = models.BooleanField(_("bio is public"), default=True)
    show_links = models.BooleanField(_("links are public"), default=True)
    # E-mails about the forums, each the member's choice (hub.forum.notify reads them).
    email_on_reply = models.BooleanField(_("e-mail me when someone replies to a topic I started"), default=True)
    email_on_mention = models.BooleanField(_("e-mail me when someone mentions me (@my-user-name)"), default=True)
    contactable = models.BooleanField(
        _("members can write to me through the site"),
        default=True,
        help_text=_("Only when you are listed. Your address stays hidden: messages reach you by e-mail."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("member profile")
        verbose_name_plural = _("member profiles")
        ordering = ["user__first_name", "user__last_name", "user__username"]

    def __str__(self):
        return self.display_name

    def get_absolute_url(self):
        return reverse("people:member", args=[self.user.get_username()])

    @property
    def display_name(self) -> str:
        return self.user.get_full_name() or self.user.get_username()

    def accepts_messages_from(self, user) -> bool:
        """Listed members who did not opt out can be written to through the site, by other members."""
        return self.listed and self.contactable and user.is_authenticated and user.pk != self.user_id

    def is_visible_to(self, user) -> bool:
        """The member page: listed members for everyone; an unlisted one only for themself and moderators."""
        if not self.user.is_active:
            return False
        if self.listed:
            return True
        from hub.accounts.roles import is_moderator

        return user.is_authenticated and (user.pk == self.user_id or is_moderator(user))

    def public(self) -> dict:
        """Only what the member chose to make public: the one thing pages, search and the directory read."""
        return {
            "name": self.display_name,
            "username": self.user.get_username(),
            "organisation": self.organisation if self.show_organisation else None,
            "job_title": self.job_title if self.show_organisation else "",
            "sector": self.sector if self.show_sector else None,
            "country": self.country if self.show_location and self.country else None,
            "city": self.city if self.show_location else "",
            # A member who never saved a profile (a moderator may look at their page) has no expertise yet.
            "expertise": list(self.expertise.all()) if self.show_expertise and self.pk else [],
            "languages": self.language_names() if self.show_languages else [],
            "bio": self.bio if self.show_bio else "",
            "links": self.links if self.show_links else [],
        }

    def language_names(self) -> list[str]:
        names = dict(LANGUAGE_CHOICES)
        return [str(_(names[code])) for code in self.languages if code in names]


def _language_choices():
    from django.conf.global_settings import LANGUAGES

    # Base languages only ("pt", not "pt-br"): a directory filter, not a locale.
    return sorted(((code, name) for code, name in LANGUAGES if "-" not in code), key=lambda item: str(item[1]))


LANGUAGE_CHOICES = _language_choices()
