from django import forms
from django.utils.translation import gettext_lazy as _

from hub.follow.models import Frequency
from hub.lib.spam import HoneypotField


class FollowForm(forms.Form):
    what = forms.CharField(widget=forms.HiddenInput, max_length=30)
    key = forms.CharField(widget=forms.HiddenInput, max_length=500, required=False)
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("We send a link to this address: nothing more is sent until you open it."),
    )
    frequency = forms.ChoiceField(
        label=_("How often"), choices=Frequency.choices, initial=Frequency.DAILY, widget=forms.RadioSelect
    )
    website = HoneypotField()

    def __init__(self, *args, member=False, immediate=True, **kwargs):
        super().__init__(*args, **kwargs)
        if member:
            del self.fields["email"]
            del self.fields["website"]
        if not immediate:
            self.fields["frequency"].choices = [c for c in Frequency.choices if c[0] != Frequency.IMMEDIATELY]


class FrequencyForm(forms.Form):
    frequency = forms.ChoiceField(label=_("How often"), choices=Frequency.choices)
