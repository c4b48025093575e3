from django import forms
from django.utils.translation import gettext_lazy as _


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason, sent to the submitter"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class TranslationForm(forms.Form):
    """A moderator's translation of one object into one language: who translated it, when, whether
    readers see it yet, and a field per translatable field of its kind (an empty one leaves the
    original's text to readers)."""

    translator_name = forms.CharField(
        label=_("Translated by"),
        max_length=150,
        help_text=_("The person who translated the text, as readers will see it."),
    )
    translator_username = forms.CharField(
        label=_("Translator's user name"),
        max_length=150,
        required=False,
        help_text=_("If the translator is a member: their user name links the translation to them."),
    )
    translated_on = forms.DateField(label=_("Translated on"), help_text=_("For example 2026-11-30."))
    published = forms.BooleanField(
        label=_("Show it to readers"),
        required=False,
        help_text=_("Readers in this language see it in place of the original while the original is published."),
    )

    def __init__(self, *args, kind, obj, **kwargs):
        super().__init__(*args, **kwargs)
        self.translated_fields = []
        for name in kind.translatable:
            model_field = obj._meta.get_field(name)
            long = model_field.get_internal_type() == "TextField"
            self.fields[name] = forms.CharField(
                label=model_field.verbose_name,
                required=False,
                max_length=model_field.max_length or 20_000,
                widget=forms.Textarea(attrs={"rows": 6 if long else 2}),
            )
            self.translated_fields.append(name)

    def clean_translator_username(self):
        username = self.cleaned_data["translator_username"].strip()
        if not username:
            return None
        from django.contrib.auth import get_user_model

        member = get_user_model().objects.filter(username__iexact=username).first()
        if member is None:
            raise forms.ValidationError(_("No member has this user name."))
        return member

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(name) for name in self.translated_fields) and not self.errors:
            raise forms.ValidationError(_("Translate at least one field."))
        return cleaned

    def translated_text(self) -> dict[str, str]:
        return {name: self.cleaned_data[name].strip() for name in self.translated_fields}
