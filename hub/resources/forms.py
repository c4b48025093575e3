import re

from django import forms
from django.db.models.fields.files import FieldFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from hub.lib.forms import ModelMultipleChoiceField
from hub.practices.models import Practice
from hub.resources.files import check_upload, max_bytes
from hub.resources.models import LANGUAGE_CHOICES, Resource
from hub.vocabularies.models import Topic

PRACTICE_ADDRESS = re.compile(r"(?:/practices/)?([-a-z0-9_]+)/?$")


class TopicField(ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, kind, **kwargs):
        super().__init__(queryset=Topic.objects.filter(kind=kind), required=False, **kwargs)


class ResourceForm(forms.ModelForm):
    """What a member fills in to share a resource; moderators edit with the same fields."""

    language_codes = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=LANGUAGE_CHOICES,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("Hold Ctrl (or ⌘) to choose more than one."),
    )
    themes = TopicField(Topic.Kind.THEME, label=_("Themes"))
    gcm_objectives = TopicField(Topic.Kind.GCM_OBJECTIVE, label=_("Objectives of the Global Compact for Migration"))
    place_name = forms.CharField(
        label=_("City, province or region"),
        required=False,
        max_length=200,
        help_text=_("Leave empty if it covers a whole country, or no place in particular."),
    )
    country = LazyTypedChoiceField(label=_("Country"), choices=[("", "—"), *countries], required=False)
    practice_addresses = forms.CharField(
        label=_("Practices it is about"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Addresses of practices published on this site (an evaluation, a toolkit of theirs): one per line."
        ),
    )

    class Meta:
        model = Resource
        fields = ["title", "type", "summary", "author", "issued", "url", "file"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 4}),
            "issued": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "file": forms.FileInput(attrs={"accept": ".pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "PDF, Word, Excel, PowerPoint or OpenDocument, up to %(limit)s. Or give a link instead."
        ) % {"limit": filesizeformat(max_bytes())}
        self.fields["url"].help_text = _("The resource's own page: a report, a video, a podcast episode.")
        resource = self.instance
        if resource.pk:
            self.initial.setdefault("language_codes", [language.code for language in resource.languages.all()])
            topics = list(resource.topics.all())
            self.initial.setdefault("themes", [t for t in topics if t.kind == Topic.Kind.THEME])
            self.initial.setdefault("gcm_objectives", [t for t in topics if t.kind == Topic.Kind.GCM_OBJECTIVE])
            if place := resource.places.first():
                self.initial.setdefault("place_name", "" if place.kind == "country" else place.name)
                self.initial.setdefault("country", place.country.code)
            addresses = [p.get_absolute_url() for p in resource.practices.all()]
            self.initial.setdefault("practice_addresses", "\n".join(addresses))

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and not isinstance(upload, FieldFile):  # a new upload, not the file already stored
            self.file_facts = check_upload(upload)
        return upload

    def clean_practice_addresses(self):
        slugs, unknown = [], []
        for line in self.cleaned_data["practice_addresses"].splitlines():
            line = line.strip()
            if not line:
                continue
            match = PRACTICE_ADDRESS.search(line.split("?")[0])
            (slugs if match else unknown).append(match[1] if match else line)
        found = {p.slug: p for p in Practice.objects.published().filter(slug__in=slugs)}
        unknown += [slug for slug in slugs if slug not in found]
        if unknown:
            raise forms.ValidationError(
                _("No published practice at: %(addresses)s") % {"addresses": ", ".join(unknown)}
            )
        return list(found.values())

    def clean(self):
        data = super().clean()
        has_file = bool(data.get("file")) or bool(self.instance.file)
        if not data.get("url") and not has_file and not self.has_error("file"):
            self.add_error("url", _("Give a link to the resource, or upload its file."))
        if data.get("place_name") and not data.get("country"):
            self.add_error("country", _("Choose the country of this place."))
        data["file_facts"] = getattr(self, "file_facts", None)
        return data
