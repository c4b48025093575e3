"""Forms of the whole site: one layout for every form (each field in a row of its own,
templates/forms/field.html), and fields that refuse what the database cannot even be asked about."""

from django import forms
from django.core.exceptions import ValidationError
from django.forms.renderers import TemplatesSetting


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
