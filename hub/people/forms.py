from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from hub.lib.forms import ModelMultipleChoiceField
from hub.lib.spam import HoneypotField
from hub.people.models import LANGUAGE_CHOICES, Profile
from hub.vocabularies.models import StakeholderType, Topic

MAX_LINKS = 5


class ProfileForm(forms.ModelForm):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    organisation_name = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    country = LazyTypedChoiceField(label=_("Country"), choices=[("", "—"), *countries], required=False)
    expertise = ModelMultipleChoiceField(
        label=_("Areas of expertise"),
        queryset=Topic.objects.filter(kind=Topic.Kind.THEME),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages you work in"),
        choices=LANGUAGE_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick every language you work in."),
    )
    link_list = forms.CharField(
        label=_("Links"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Your website or professional profiles: one address per line, at most five."),
    )

    class Meta:
        model = Profile
        fields = [
            "job_title",
            "sector",
            "city",
            "bio",
            "listed",
            "show_organisation",
            "show_sector",
            "show_location",
            "show_expertise",
            "show_languages",
            "show_bio",
            "show_links",
            "email_on_reply",
            "email_on_mention",
            "contactable",
        ]
        widgets = {"bio": forms.Textarea(attrs={"rows": 4, "maxlength": 1500})}
        help_texts = {"bio": _("A few plain sentences about your work on integration.")}

    field_groups = (
        (_("About you"), ("first_name", "last_name", "organisation_name", "job_title", "sector", "country", "city")),
        (_("Your work"), ("expertise", "languages", "bio", "link_list")),
        (
            _("What is public"),
            (
                "listed",
                "show_organisation",
                "show_sector",
                "show_location",
                "show_expertise",
                "show_languages",
                "show_bio",
                "show_links",
                "contactable",
            ),
        ),
        (_("E-mails from the forums"), ("email_on_reply", "email_on_mention")),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].queryset = StakeholderType.objects.all()
        profile, user = self.instance, self.instance.user
        self.initial.update(
            first_name=user.first_name,
            last_name=user.last_name,
            organisation_name=profile.organisation.name if profile.organisation_id else "",
            country=profile.country.code if profile.country else "",
            link_list="\n".join(profile.links),
        )
        if profile.pk:
            self.initial["expertise"] = list(profile.expertise.all())
            self.initial["languages"] = profile.languages

    def grouped_fields(self):
        for legend, names in self.field_groups:
            yield legend, [self[name] for name in names]

    def clean_first_name(self):
        return " ".join(self.cleaned_data["first_name"].split())

    def clean_link_list(self):
        validate = URLValidator(schemes=["http", "https"])
        links = list(dict.fromkeys(self.cleaned_data["link_list"].split()))
        for link in links:
            try:
                validate(link)
            except ValidationError:
                raise ValidationError(
                    _("“%(line)s” is not a web address (it should start with https://)."), params={"line": link[:100]}
                ) from None
        if len(links) > MAX_LINKS:
            raise ValidationError(_("Give at most five links."))
        return links


class DirectoryForm(forms.Form):
    q = forms.CharField(label=_("Name, organisation or words"), required=False, max_length=200)
    sector = forms.ModelChoiceField(
        label=_("Sector"), queryset=StakeholderType.objects.all(), required=False, to_field_name="slug"
    )
    country = LazyTypedChoiceField(label=_("Country"), choices=[("", _("Any country")), *countries], required=False)
    expertise = forms.ModelChoiceField(
        label=_("Expertise"),
        queryset=Topic.objects.filter(kind=Topic.Kind.THEME),
        required=False,
        to_field_name="slug",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].empty_label = _("Any sector")
        self.fields["expertise"].empty_label = _("Any theme")

    def filter(self, profiles):
        data = self.cleaned_data
        if data.get("q"):
            profiles = profiles.matching(data["q"])
        if data.get("sector"):
            profiles = profiles.in_sector(data["sector"])
        if data.get("country"):
            profiles = profiles.in_country(data["country"])
        if data.get("expertise"):
            profiles = profiles.with_expertise(data["expertise"])
        return profiles


class MemberMessageForm(forms.Form):
    """A message to a listed member, passed on by e-mail without showing either address."""

    message = forms.CharField(
        label=_("Your message"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 8, "maxlength": 4000}),
        help_text=_("They receive it by e-mail with your name and a link to write back through the site."),
    )
    website = HoneypotField()
