"""Forms of the whole site: one layout for every form (each field in a row of its own,
templates/forms/field.html), and fields that refuse what the database cannot even be asked about."""

from functools import lru_cache

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.forms.renderers import TemplatesSetting
from django.forms.utils import flatatt
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django_countries import countries


class SiteFormRenderer(TemplatesSetting):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"


# Integer keys are 64-bit on both engines; SQLite raises OverflowError for a larger one in a query.
LARGEST_ID = 2**63 - 1


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's, except that an id no database holds ("999…9") is an invalid choice, not a server error."""

    def _check_values(self, value):
        for pk in value if isinstance(value, list | tuple) else [value]:
            try:
                number = int(str(pk))
            except ValueError:
                continue  # Django's own check says it is not a valid value
            if abs(number) > LARGEST_ID:
                raise ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": str(pk)[:30]}
                )
        return super()._check_values(value)


@lru_cache(maxsize=8192)
def _escaped(text: str) -> str:
    return str(escape(text))


class QuickSelect(forms.Select):
    """Django's Select, its options written in Python: Django renders a template per option, which
    for the 250 countries of a filter form is most of a month view's time. Groups of options are
    left to Django."""

    def render(self, name, value, attrs=None, renderer=None):
        # Not list(): it asks a model choice field's iterator its length, a COUNT query of its own.
        choices = [choice for choice in self.choices]  # noqa: C416
        if any(isinstance(label, list | tuple) for _value, label in choices):
            return super().render(name, value, attrs, renderer)
        final_attrs = self.build_attrs(self.attrs, attrs)
        final_attrs["name"] = name
        wanted = set(self.format_value(value))
        parts = [f"<select{flatatt(final_attrs)}>"]
        for option_value, label in choices:
            option_value = "" if option_value is None else str(option_value)
            selected = option_value in wanted
            wanted = wanted if not selected else set()  # one option selected, as Django's does
            mark = " selected" if selected else ""
            parts.append(f'<option value="{_escaped(option_value)}"{mark}>{_escaped(str(label))}</option>')
        parts.append("</select>")
        return mark_safe("\n".join(parts))  # noqa: S308 - attributes by flatatt, values and labels escaped


@lru_cache(maxsize=16)
def _country_choices(language: str | None) -> tuple[tuple[str, str], ...]:
    return tuple((code, str(name)) for code, name in countries)


def country_choices() -> tuple[tuple[str, str], ...]:
    """The countries as choices, named and sorted in the reader's language: django-countries
    translates and sorts its 250 names on every iteration, a month view's largest cost; they change
    only with a deploy, so each process keeps them once per language. Pass the function itself as
    a field's choices, so the language is the request's."""
    return _country_choices(get_language())


class CountryField(django_filters.fields.ChoiceField):
    """A country filter's field: its value checked against the codes, where ChoiceField's check goes
    through the 250 names, each translated into the reader's language, to find it."""

    def valid_value(self, value):
        return str(value) in countries.countries


class CountryFilter(django_filters.ChoiceFilter):
    field_class = CountryField
