from django import forms
from django.utils.translation import gettext_lazy as _


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason, sent to the submitter"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
