import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, URLValidator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from hub.pledges.models import Initiative, Pledge, ProgressUpdate
from hub.practices.forms import LONG_TEXT_LIMIT, MONTH_FORMATS, MonthInput, TopicChoiceField
from hub.practices.models import Practice
from hub.vocabularies.models import StakeholderType, Topic

MAX_TARGETS = 12
_TARGET_LINE = re.compile(r"^\s*(\d{1,3}(?:[,.\s]\d{3})+|\d{1,10})\s+(\S.{0,59})$")


def _slug_of(address: str) -> str:
    return address.strip().rstrip("/").rsplit("/", 1)[-1]


class PledgeForm(forms.ModelForm):
    """The pledge submission form; moderators edit with the same fields."""

    organisation_name = forms.CharField(
        label=_("Pledging body"), max_length=200, help_text=_("The city, government or organisation that commits.")
    )
    organisation_sector = forms.ModelChoiceField(
        label=_("Type of pledging body"), queryset=StakeholderType.objects.all(), required=False
    )
    place_name = forms.CharField(
        label=_("City, province or region"),
        required=False,
        max_length=200,
        help_text=_("Leave empty if the pledge covers the whole country."),
    )
    country = LazyTypedChoiceField(label=_("Country"), choices=[("", "—"), *countries], required=False)
    target_list = forms.CharField(
        label=_("Targets"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One a line, a number then what it counts: “500 families”, “40 ambassadors”."),
    )
    partner_names = forms.CharField(
        label=_("Partners"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One organisation per line."),
        max_length=4000,
    )
    themes = TopicChoiceField(Topic.Kind.THEME, label=_("Themes"))
    gcm_objectives = TopicChoiceField(
        Topic.Kind.GCM_OBJECTIVE, label=_("Objectives of the Global Compact for Migration")
    )
    practice_addresses = forms.CharField(
        label=_("Practices it implements"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Addresses of practices on this site, one a line."),
    )
    renews_address = forms.CharField(
        label=_("Renews or deepens an earlier pledge"),
        required=False,
        max_length=500,
        help_text=_("The address of the earlier pledge on this site."),
    )

    class Meta:
        model = Pledge
        fields = ["title", "commitment", "body", "initiative", "start_date", "end_date", "state", "language"]
        widgets = {
            "commitment": forms.Textarea(attrs={"rows": 2}),
            "body": forms.Textarea(attrs={"rows": 6}),
            "start_date": MonthInput(),
            "end_date": MonthInput(),
        }

    field_groups = (
        (_("The pledge"), ("title", "commitment", "body", "initiative")),
        (_("Who and where"), ("organisation_name", "organisation_sector", "partner_names", "place_name", "country")),
        (_("When and how much"), ("start_date", "end_date", "target_list", "state")),
        (_("Classification"), ("themes", "gcm_objectives", "practice_addresses", "renews_address", "language")),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].validators.append(MaxLengthValidator(LONG_TEXT_LIMIT))
        self.fields["body"].widget.attrs["maxlength"] = LONG_TEXT_LIMIT
        self.fields["initiative"].queryset = Initiative.objects.all()
        for name in ("start_date", "end_date"):
            self.fields[name].input_formats = MONTH_FORMATS
            self.fields[name].help_text = _("Month and year, e.g. 2023-06.")
        pledge = self.instance
        if pledge.pk:
            topics = list(pledge.topics.all())
            self.initial.update(
                organisation_name=pledge.organisation.name,
                organisation_sector=pledge.organisation.stakeholder_type,
                themes=[t for t in topics if t.kind == Topic.Kind.THEME],
                gcm_objectives=[t for t in topics if t.kind == Topic.Kind.GCM_OBJECTIVE],
                partner_names="\n".join(o.name for o in pledge.partners.all()),
                target_list="\n".join(f"{t.number} {t.unit}" for t in pledge.targets.all()),
                practice_addresses="\n".join(p.get_absolute_url() for p in pledge.practices.all()),
                renews_address=pledge.renews.get_absolute_url() if pledge.renews else "",
            )
            if place := pledge.places.first():
                self.initial.update(
                    place_name="" if place.kind == "country" else place.name, country=place.country.code
                )

    def grouped_fields(self):
        for legend, names in self.field_groups:
            yield legend, [self[name] for name in names]

    def clean_partner_names(self):
        lines = [" ".join(line.split()) for line in self.cleaned_data["partner_names"].splitlines()]
        return list(dict.fromkeys(line for line in lines if line))

    def clean_target_list(self):
        targets = []
        for line in self.cleaned_data["target_list"].splitlines():
            if not line.strip():
                continue
            match = _TARGET_LINE.match(line)
            if match is None:
                raise ValidationError(
                    _("“%(line)s” is not a number followed by what it counts, like “500 families”."),
                    params={"line": line.strip()[:100]},
                )
            number = int(re.sub(r"\D", "", match.group(1)))
            if number > 2_000_000_000:
                raise ValidationError(_("%(number)s is too large a target."), params={"number": match.group(1)})
            targets.append((number, " ".join(match.group(2).split())))
        if len(targets) > MAX_TARGETS:
            raise ValidationError(
                ngettext("Give at most %(n)s target.", "Give at most %(n)s targets.", MAX_TARGETS),
                params={"n": MAX_TARGETS},
            )
        return targets

    def clean_practice_addresses(self):
        slugs = [_slug_of(line) for line in self.cleaned_data["practice_addresses"].split()]
        found = {p.slug: p for p in Practice.objects.filter(slug__in=slugs)}
        missing = [slug for slug in slugs if slug not in found]
        if missing:
            raise ValidationError(_("No practice has the address “%(slug)s”."), params={"slug": missing[0][:100]})
        return [found[slug] for slug in dict.fromkeys(slugs)]

    def clean_renews_address(self):
        address = self.cleaned_data["renews_address"].strip()
        if not address:
            return None
        pledge = Pledge.objects.published().filter(slug=_slug_of(address)).first()
        if pledge is None or pledge == self.instance:
            raise ValidationError(_("No published pledge has that address."))
        return pledge

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end comes before the start."))
        if data.get("place_name", "").strip() and not data.get("country"):
            self.add_error("country", _("Say which country the place is in."))
        data["topics"] = [*data.get("themes", []), *data.get("gcm_objectives", [])]
        data["practices"] = data.get("practice_addresses", [])
        data["renews"] = data.get("renews_address")
        data["targets"] = data.get("target_list", [])
        return data


def _evidence_links(text: str) -> list[str]:
    validate = URLValidator(schemes=["http", "https"])
    links = []
    for line in text.split():
        try:
            validate(line)
        except ValidationError:
            raise ValidationError(
                _("“%(line)s” is not a web address (it should start with https://)."), params={"line": line[:100]}
            ) from None
        links.append(line)
    return links[:20]


class ProgressUpdateForm(forms.ModelForm):
    """A representative's report, with the number reached so far for each target of the pledge.
    Moderators review and edit updates with the same form."""

    evidence_list = forms.CharField(
        label=_("Evidence"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Reports, pages or videos that show the progress: one address a line."),
    )

    class Meta:
        model = ProgressUpdate
        fields = ["date", "text", "state"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}), "text": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].validators.append(MaxLengthValidator(LONG_TEXT_LIMIT))
        self.targets = list(self.instance.pledge.targets.all()) if self.instance.pledge_id else []
        figures = {f.target_id: f.reached for f in self.instance.figures.all()} if self.instance.pk else {}
        for target in self.targets:
            self.fields[f"target_{target.pk}"] = forms.IntegerField(
                label=_("%(unit)s reached so far (target %(number)s)") % {"unit": target.unit, "number": target.number},
                min_value=0,
                max_value=2_000_000_000,
                required=False,
                initial=figures.get(target.pk),
            )
        if self.instance.pk:
            self.initial["evidence_list"] = "\n".join(self.instance.evidence)

    def clean_evidence_list(self):
        return _evidence_links(self.cleaned_data["evidence_list"])

    def clean(self):
        data = super().clean()
        data["evidence"] = data.get("evidence_list", [])
        data["figures"] = {
            target.pk: data[f"target_{target.pk}"]
            for target in self.targets
            if data.get(f"target_{target.pk}") is not None
        }
        return data


class RepresentativeForm(forms.Form):
    username = forms.CharField(label=_("Member's user name"), max_length=150)
    trusted = forms.BooleanField(label=_("Trusted: publish their updates without moderation"), required=False)
