import zoneinfo

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hub.forum.models import TIME_ZONES, Board
from hub.lib.spam import HoneypotField

MARKDOWN_HELP = _(
    "Plain text, or Markdown: *emphasis*, lists with “- ”, links, “> ” to quote. Mention a member with @user-name."
)


def _text(value: str, message) -> str:
    value = (value or "").strip()
    if not value:
        raise forms.ValidationError(message)
    return value


class PostForm(forms.Form):
    body = forms.CharField(
        label=_("Your reply"),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 8, "maxlength": 20000}),
        help_text=MARKDOWN_HELP,
    )
    website = HoneypotField()

    def clean_body(self):
        return _text(self.cleaned_data["body"], _("Write something first."))


class TopicForm(PostForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    field_order = ["board", "title", "body", "website"]

    def __init__(self, *args, choose_board=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].label = _("Your first post")
        if choose_board:
            self.fields["board"] = forms.ModelChoiceField(
                label=_("Board"), queryset=Board.objects.all(), empty_label=None
            )
            self.order_fields(self.field_order)

    def clean_title(self):
        return " ".join(_text(self.cleaned_data["title"], _("Give the topic a title.")).split())


class MoveForm(forms.Form):
    board = forms.ModelChoiceField(label=_("Move to the board"), queryset=Board.objects.all(), empty_label=None)


class BanForm(forms.Form):
    reason = forms.CharField(label=_("Reason, shown to the member"), max_length=500)


class SummaryForm(forms.Form):
    summary = forms.CharField(
        label=_("Summary of the dialogue"),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 10, "maxlength": 20000}),
        help_text=_("Markdown. Shown at the top of the dialogue once it has closed."),
    )

    def clean_summary(self):
        return _text(self.cleaned_data["summary"], _("Write the summary first."))


class DialogueForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    introduction = forms.CharField(
        label=_("Introduction"), max_length=10000, widget=forms.Textarea(attrs={"rows": 6}), help_text=_("Markdown.")
    )
    opens_at = forms.DateTimeField(
        label=_("Opens"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
    )
    closes_at = forms.DateTimeField(
        label=_("Closes"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
    )
    time_zone = forms.ChoiceField(
        label=_("Time zone of these dates"), choices=[(zone, zone) for zone in TIME_ZONES], initial="UTC"
    )
    questions = forms.CharField(
        label=_("Discussion questions"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("One question per line; each becomes a topic of the dialogue."),
    )

    def clean_questions(self):
        questions = [" ".join(line.split()) for line in self.cleaned_data["questions"].splitlines() if line.strip()]
        if not questions:
            raise forms.ValidationError(_("Give at least one discussion question."))
        if any(len(question) > 200 for question in questions):
            raise forms.ValidationError(_("A question is at most 200 characters long."))
        return questions

    def clean(self):
        data = super().clean()
        zone_name = data.get("time_zone")
        if zone_name and data.get("opens_at") and data.get("closes_at"):
            zone = zoneinfo.ZoneInfo(zone_name)
            # The dates are read in the chosen time zone, whatever the server's.
            for name in ("opens_at", "closes_at"):
                data[name] = timezone.make_aware(timezone.make_naive(data[name]), zone)
            if data["closes_at"] <= data["opens_at"]:
                self.add_error("closes_at", _("A dialogue closes after it opens."))
        return data
