from django import forms
from django.utils.translation import gettext_lazy as _

MAX_FILE_BYTES = 20 * 1024 * 1024
EXTENSIONS = (".txt", ".csv", ".json")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ",".join(EXTENSIONS)}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class UploadForm(forms.Form):
    files = MultipleFileField(
        label=_("Files"),
        help_text=_(
            "Listing pages saved as text (.txt), spreadsheets saved as CSV, or JSON exports; up to 20 MB each."
        ),
    )
    mode = forms.ChoiceField(
        label=_("What to do"),
        choices=[
            ("dry_run", _("Try it first: show what would happen and write nothing")),
            ("queue", _("Import into the moderation queue: nothing is public until a moderator publishes it")),
            ("publish", _("Import and publish at once: you confirm how many practices go public first")),
        ],
        initial="dry_run",
        widget=forms.RadioSelect,
    )

    def clean_files(self):
        files = self.cleaned_data["files"]
        for upload in files:
            if not upload.name.lower().endswith(EXTENSIONS):
                raise forms.ValidationError(
                    _("“%(name)s” is not a .txt, .csv or .json file."), params={"name": upload.name}
                )
            if upload.size > MAX_FILE_BYTES:
                raise forms.ValidationError(_("“%(name)s” is larger than 20 MB."), params={"name": upload.name})
        return files


class MergeForm(forms.Form):
    keep = forms.IntegerField(
        label=_("Number of the practice to keep"),
        min_value=1,
        help_text=_("This practice’s address will redirect there; both histories are kept."),
    )


class _Numbers(forms.MultipleChoiceField):
    """Ids ticked in a list: any positive number a database key can hold (the list is filtered anyway)."""

    def valid_value(self, value):
        return str(value).isdigit() and 0 < int(value) < 2**31

    def clean(self, value):
        return [int(number) for number in super().clean(value)]


class PossibleDuplicatesForm(forms.Form):
    marks = _Numbers(label=_("Possible duplicates"))
    action = forms.ChoiceField(
        label=_("Decision"),
        choices=[("merge", _("Merge into the practice it looks like")), ("keep", _("Keep as a practice of its own"))],
    )


class PublishConfirmForm(forms.Form):
    """The second step of "publish at once": the moderator confirms the number they were shown."""

    expected = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
