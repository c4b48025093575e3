from django import forms
from django.utils.translation import gettext_lazy as _

from hub.lib.spam import HoneypotField


class RatingForm(forms.Form):
    score = forms.TypedChoiceField(
        label=_("How useful was this information?"),
        choices=[(n, str(n)) for n in range(1, 6)],
        coerce=int,
        widget=forms.RadioSelect,
    )


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": 5000}),
        help_text=_("Plain text, or Markdown: *emphasis*, lists with “- ”, links."),
    )
    website = HoneypotField()

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("Write something first."))
        return body


class RemovalForm(forms.Form):
    reason = forms.CharField(label=_("Reason, shown to the author"), max_length=500)
