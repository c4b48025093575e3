import re

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from hub.events.models import Event, time_zone_names
from hub.events.timezones import NoSuchTime, aware
from hub.lib.forms import ModelMultipleChoiceField
from hub.resources.models import Resource
from hub.vocabularies.models import Topic

RESOURCE_ADDRESS = re.compile(r"(?:/resources/)?([-a-z0-9_]+)/?$")
LOCAL_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"]


class LocalTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self):
        super().__init__(format="%Y-%m-%dT%H:%M")


class EventForm(forms.ModelForm):
    """What a member fills in to announce an event; moderators edit with the same fields. Times are
    typed as the clocks show them where the event happens, in the zone chosen beside them."""

    local_start = forms.DateTimeField(label=_("Starts"), input_formats=LOCAL_FORMATS, widget=LocalTimeInput())
    local_end = forms.DateTimeField(label=_("Ends"), input_formats=LOCAL_FORMATS, widget=LocalTimeInput())
    time_zone = forms.ChoiceField(
        label=_("Time zone"),
        choices=lambda: [("UTC", "UTC"), *((name, name.replace("_", " ")) for name in time_zone_names())],
        initial="UTC",
        help_text=_("Where the event happens; for an online event, the zone you announce its times in."),
    )
    themes = ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Topic.objects.filter(kind=Topic.Kind.THEME),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    place_name = forms.CharField(label=_("City"), required=False, max_length=200)
    country = LazyTypedChoiceField(label=_("Country"), choices=[("", "—"), *countries], required=False)
    resource_addresses = forms.CharField(
        label=_("Recordings and reports"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("After the event: addresses of resources published on this site, one per line."),
    )

    class Meta:
        model = Event
        fields = ["title", "type", "description", "organiser", "language", "online_url", "venue", "registration_url"]
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}

    field_order = ["title", "type", "description", "local_start", "local_end", "time_zone", "online_url"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        event = self.instance
        if event.pk:
            self.initial.setdefault("local_start", event.local_start.replace(tzinfo=None))
            self.initial.setdefault("local_end", event.local_end.replace(tzinfo=None))
            self.initial.setdefault("time_zone", event.time_zone)
            self.initial.setdefault("themes", list(event.topics.all()))
            if event.place:
                self.initial.setdefault("place_name", "" if event.place.kind == "country" else event.place.name)
                self.initial.setdefault("country", event.place.country.code)
            self.initial.setdefault(
                "resource_addresses", "\n".join(r.get_absolute_url() for r in event.resources.all())
            )

    def clean_resource_addresses(self):
        slugs = []
        for line in self.cleaned_data["resource_addresses"].splitlines():
            if line.strip():
                match = RESOURCE_ADDRESS.search(line.strip().split("?")[0])
                slugs.append(match[1] if match else line.strip())
        found = {r.slug: r for r in Resource.objects.published().filter(slug__in=slugs)}
        unknown = [slug for slug in slugs if slug not in found]
        if unknown:
            raise forms.ValidationError(
                _("No published resource at: %(addresses)s") % {"addresses": ", ".join(unknown)}
            )
        return list(found.values())

    def clean(self):
        data = super().clean()
        zone = data.get("time_zone")
        for name in ("local_start", "local_end"):
            if data.get(name) and zone:
                try:
                    data[name.removeprefix("local_")] = aware(data[name].replace(tzinfo=None), zone)
                except NoSuchTime:
                    self.add_error(
                        name,
                        _("%(time)s does not exist in %(zone)s: the clocks skip that hour (daylight-saving time).")
                        % {"time": data[name].strftime("%Y-%m-%d %H:%M"), "zone": zone},
                    )
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("local_end", _("The event cannot end before it starts."))
        if not data.get("online_url") and not data.get("country"):
            self.add_error("country", _("Give the place of the event, or its online address."))
        if data.get("place_name") and not data.get("country"):
            self.add_error("country", _("Choose the country of this place."))
        return data
