from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, URLValidator
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField
from taggit.models import Tag

from hub.lib.forms import ModelMultipleChoiceField
from hub.people.models import Organisation
from hub.places import gazetteer
from hub.places.services import EXISTING_PREFIX, KEEP_AS_TYPED
from hub.practices.models import ExternalLink, Practice
from hub.vocabularies.models import StakeholderType, TargetGroup, Topic

LONG_TEXT_LIMIT = 20_000
MONTH_FORMATS = ["%Y-%m", "%Y-%m-%d", "%m/%Y"]


class MonthInput(forms.DateInput):
    input_type = "month"

    def __init__(self, attrs=None):
        super().__init__(attrs={"placeholder": _("YYYY-MM"), **(attrs or {})}, format="%Y-%m")


# Where the place rows go among the form's fields; the first row's fields keep their old names
# (place_name, country, place_choice), the next ones are numbered (place_name_2, country_2…).
PLACES = "places"
MAX_PLACE_ROWS = 30
BLANK_PLACE_ROWS = 2


@dataclass
class PlaceRow:
    """One place of the practice in the form: its country, its name, and, for a name several places
    bear, the choice among them."""

    number: int
    country: object
    name: object
    choice: object | None
    is_place_row: bool = True


def place_field_names(number: int) -> tuple[str, str, str]:
    suffix = "" if number == 1 else f"_{number}"
    return f"place_name{suffix}", f"country{suffix}", f"place_choice{suffix}"


class TopicChoiceField(ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, kind, **kwargs):
        super().__init__(queryset=Topic.objects.filter(kind=kind), required=False, **kwargs)


class PracticeForm(forms.ModelForm):
    """The IBIS submission form; moderators edit with the same fields."""

    organisation_name = forms.CharField(label=_("Implementing organisation"), max_length=200)
    organisation_sector = forms.ModelChoiceField(
        label=_("Sector of the organisation"), queryset=StakeholderType.objects.all(), required=False
    )
    partner_names = forms.CharField(
        label=_("Partners"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One organisation per line."),
        max_length=4000,
    )
    place_name = forms.CharField(
        label=_("City, province or region"),
        required=False,
        max_length=200,
        help_text=_("Leave empty if the practice covers the whole country."),
    )
    country = LazyTypedChoiceField(label=_("Country"), choices=[("", "—"), *countries])
    # Offered only when the place's name is ambiguous ("Maipú" in Argentina): see clean_place().
    place_choice = forms.CharField(label=_("Which place do you mean?"), required=False, widget=forms.RadioSelect)
    themes = TopicChoiceField(Topic.Kind.THEME, label=_("Themes"))
    dimensions = TopicChoiceField(Topic.Kind.DIMENSION, label=_("Integration dimensions"))
    gcm_objectives = TopicChoiceField(
        Topic.Kind.GCM_OBJECTIVE, label=_("Objectives of the Global Compact for Migration")
    )
    target_groups = ModelMultipleChoiceField(
        label=_("Target groups"),
        queryset=TargetGroup.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    adapted_from_address = forms.CharField(
        label=_("Adapted from another practice"),
        required=False,
        max_length=500,
        help_text=_("The address of a practice published on this site that yours was adapted from."),
    )
    link_list = forms.CharField(
        label=_("Links"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Web pages, reports or videos about the practice: one address per line."),
    )

    class Meta:
        model = Practice
        fields = [
            "title",
            "summary",
            *Practice.LONG_FIELDS,
            "start_date",
            "end_date",
            "implementation",
            "people_reached",
            "people_reached_unit",
            "migrant_participation",
            "evidence",
            "language",
            "contact",
            "tags",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "start_date": MonthInput(),
            "end_date": MonthInput(),
            **{name: forms.Textarea(attrs={"rows": 5}) for name in Practice.LONG_FIELDS},
        }
        help_texts = {
            "title": _("The name of the practice, as its organisers call it."),
            "summary": _("Two or three sentences: what was done, where, for whom and with what result."),
            "background": _("Markdown is accepted: *emphasis*, lists with “- ”, links."),
            "tags": _("Free keywords, separated by commas."),
            "contact": _("Published: a person, an office or a public address to ask for more."),
        }

    field_groups = (
        (_("The practice"), ("title", "summary")),
        (
            _("Description"),
            Practice.LONG_FIELDS,
        ),
        (
            _("Who and where"),
            (
                "organisation_name",
                "organisation_sector",
                "partner_names",
                PLACES,
                "contact",
            ),
        ),
        (
            _("When and for whom"),
            (
                "start_date",
                "end_date",
                "implementation",
                "target_groups",
                "people_reached",
                "people_reached_unit",
                "migrant_participation",
                "evidence",
            ),
        ),
        (
            _("Classification"),
            ("themes", "dimensions", "gcm_objectives", "tags", "language", "adapted_from_address", "link_list"),
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in Practice.LONG_FIELDS:
            self.fields[name].validators.append(MaxLengthValidator(LONG_TEXT_LIMIT))
            self.fields[name].widget.attrs["maxlength"] = LONG_TEXT_LIMIT
        self.fields["summary"].required = True
        for name in ("start_date", "end_date"):
            self.fields[name].input_formats = MONTH_FORMATS
            self.fields[name].help_text = _("Month and year, e.g. 2023-06.")
        practice = self.instance
        if practice.pk:
            topics = list(practice.topics.all())
            self.initial.update(
                themes=[t for t in topics if t.kind == Topic.Kind.THEME],
                dimensions=[t for t in topics if t.kind == Topic.Kind.DIMENSION],
                gcm_objectives=[t for t in topics if t.kind == Topic.Kind.GCM_OBJECTIVE],
                target_groups=list(practice.target_groups.all()),
                partner_names="\n".join(o.name for o in practice.partners.all()),
                link_list="\n".join(link.url for link in practice.links.filter(kind="link")),
                adapted_from_address=practice.adapted_from.get_absolute_url() if practice.adapted_from else "",
            )
            if practice.organisation:
                self.initial.update(
                    organisation_name=practice.organisation.name,
                    organisation_sector=practice.organisation.stakeholder_type,
                )
            for number, place in enumerate(practice.places.all(), start=1):
                name, country, _choice = place_field_names(number)
                self.initial.update({name: "" if place.kind == "country" else place.name, country: place.country.code})
        self.place_row_count = self._count_place_rows()
        for number in range(2, self.place_row_count + 1):
            name, country, choice = place_field_names(number)
            self.fields[name] = forms.CharField(
                label=_("City, province or region (place %(number)s)") % {"number": number},
                required=False,
                max_length=200,
                help_text=self.fields["place_name"].help_text,
            )
            self.fields[country] = LazyTypedChoiceField(
                label=_("Country (place %(number)s)") % {"number": number},
                choices=[("", "—"), *countries],
                required=False,
            )
            self.fields[choice] = forms.CharField(
                label=self.fields["place_choice"].label, required=False, widget=forms.RadioSelect
            )
        for number in range(1, self.place_row_count + 1):
            name, country, _choice = place_field_names(number)
            # Suggestions from the gazetteer as one types (static/js/site.js): a plain text field without JavaScript.
            self.fields[name].widget.attrs.update(
                {
                    "list": f"{name}-suggestions",
                    "autocomplete": "off",
                    "data-suggest-country": f"id_{country}",
                    "data-suggest-url": reverse("places:suggest"),
                }
            )
        self.place_candidates = {}

    def _count_place_rows(self) -> int:
        if self.is_bound:
            numbers = [1]
            for key in self.data:
                head, _sep, tail = key.rpartition("_")
                if head in {"place_name", "country"} and tail.isdigit():
                    numbers.append(int(tail))
            return min(max(*numbers, 1 + BLANK_PLACE_ROWS), MAX_PLACE_ROWS)
        filled = sum(1 for key in self.initial if key == "country" or key.startswith("country_"))
        return min(max(filled, 1) + BLANK_PLACE_ROWS, MAX_PLACE_ROWS)

    def place_rows(self) -> list[PlaceRow]:
        rows = []
        for number in range(1, self.place_row_count + 1):
            name, country, choice = place_field_names(number)
            asked = self[choice] if choice in self.place_candidates else None
            rows.append(PlaceRow(number, self[country], self[name], asked))
        return rows

    def grouped_fields(self):
        for legend, names in self.field_groups:
            fields = []
            for name in names:
                if name == PLACES:
                    fields.extend(self.place_rows())
                else:
                    fields.append(self[name])
            yield legend, fields

    place_candidates: dict = {}

    def _resolve_places(self, data: dict) -> None:
        """Which place each row means: the likeliest unless the name is ambiguous, then the submitter says."""
        current = list(self.instance.places.all()) if self.instance.pk else []
        rows = []
        for number in range(1, self.place_row_count + 1):
            name_field, country_field, choice_field = place_field_names(number)
            name, country = (data.get(name_field) or "").strip(), data.get(country_field) or ""
            if name and not country and not self.has_error(country_field):
                self.add_error(country_field, _("Choose the country of “%(name)s”.") % {"name": name})
            if not country or self.has_error(name_field):
                continue
            choice = self._resolve_place(data, current, name, country, choice_field)
            if choice is not None:
                rows.append((name, country, choice))
        data["place_rows"] = rows

    def _resolve_place(self, data: dict, current: list, name: str, country: str, choice_field: str) -> str | None:
        same = next(
            (
                place
                for place in current
                if place.country.code == country
                and ((place.kind == "country" and not name) or gazetteer.fold(name) == gazetteer.fold(place.name))
            ),
            None,
        )
        if same is not None:
            data[choice_field] = f"{EXISTING_PREFIX}{same.pk}"  # keep the place, and a moderator's corrections
            return data[choice_field]
        matches = gazetteer.lookup(name, country)
        chosen = data.get(choice_field) or ""
        if chosen in {match.key for match in matches} or (chosen == KEEP_AS_TYPED and name):
            return chosen
        data[choice_field] = ""
        if not gazetteer.is_ambiguous(matches):
            return ""
        candidates = [(match.key, self._describe(match)) for match in matches[:8]]
        candidates.append(
            (KEEP_AS_TYPED, _("None of these: keep “%(name)s” as I typed it for a moderator to place") % {"name": name})
        )
        self.place_candidates[choice_field] = candidates
        self.fields[choice_field].widget.choices = candidates
        self.add_error(
            choice_field, _("Several places are called “%(name)s”: choose the one you mean.") % {"name": name}
        )
        return None

    @staticmethod
    def _describe(match) -> str:
        kinds = {"city": _("town or city"), "region": _("province or region"), "country": _("country")}
        text = f"{match.label} · {kinds.get(match.kind, match.kind)}"
        if match.population:
            text += " · " + _("%(people)s inhabitants") % {"people": f"{match.population:,}"}
        return text

    def clean_partner_names(self):
        lines = [" ".join(line.split()) for line in self.cleaned_data["partner_names"].splitlines()]
        partners = list(dict.fromkeys(line for line in lines if line))
        limit = Organisation._meta.get_field("name").max_length
        for name in partners:
            if len(name) > limit:
                raise ValidationError(
                    _("“%(name)s…” is longer than %(limit)s characters: give the organisation's usual name."),
                    params={"name": name[:60], "limit": limit},
                )
        return partners

    def clean_tags(self):
        tags = self.cleaned_data["tags"]
        limit = Tag._meta.get_field("name").max_length
        for tag in tags:
            if len(tag) > limit:
                raise ValidationError(
                    _("“%(tag)s…” is longer than %(limit)s characters: a keyword is a word or two."),
                    params={"tag": tag[:60], "limit": limit},
                )
        return tags

    def clean_link_list(self):
        links = []
        validate = URLValidator(schemes=["http", "https"])
        # A link is stored with its address as its title until a moderator gives it one.
        limit = ExternalLink._meta.get_field("title").max_length
        for line in self.cleaned_data["link_list"].split():
            try:
                validate(line)
            except ValidationError:
                raise ValidationError(
                    _("“%(line)s” is not a web address (it should start with https://)."), params={"line": line[:100]}
                ) from None
            if len(line) > limit:
                raise ValidationError(
                    _("“%(line)s…” is longer than %(limit)s characters: give a shorter address for the page."),
                    params={"line": line[:60], "limit": limit},
                )
            links.append(("", line))
        return links

    def clean_adapted_from_address(self):
        address = self.cleaned_data["adapted_from_address"].strip()
        if not address:
            return None
        slug = address.rstrip("/").rsplit("/", 1)[-1]
        practice = Practice.objects.published().filter(slug=slug).first()
        if practice is None or practice == self.instance:
            raise ValidationError(_("No published practice has that address."))
        return practice

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end comes before the start."))
        data["topics"] = [*data.get("themes", []), *data.get("dimensions", []), *data.get("gcm_objectives", [])]
        data["adapted_from"] = data.get("adapted_from_address")
        data["links"] = data.get("link_list", [])
        self._resolve_places(data)
        return data


class SubmitterForm(forms.Form):
    """Who is submitting, for visitors who are not signed in."""

    submitter_name = forms.CharField(label=_("Your name"), max_length=150)
    submitter_email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("Never published. We write to you when a moderator has reviewed your practice."),
    )
    # A field people never see; bots that fill every field give themselves away.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise ValidationError(_("This field must be left empty."))
        return ""
