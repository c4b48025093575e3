from allauth.account import forms as allauth_forms
from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from hub.lib.spam import HONEYPOT_FIELD, HoneypotField


class LoginForm(allauth_forms.LoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"].label = _("User name or e-mail address")
        self.fields["login"].widget.attrs["autocomplete"] = "username"
        # No user name or e-mail address is longer; a longer one is refused before any lookup.
        self.fields["login"].max_length = 254
        self.fields["login"].validators.append(MaxLengthValidator(254))
        self.fields["login"].widget.attrs["maxlength"] = 254
        self.fields["remember"].label = _("Keep me signed in on this device")


class SignupForm(allauth_forms.SignupForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("E-mail address")
        self.fields["email"].help_text = _("Never published. We send a link to it: open it to activate your account.")
        self.fields["username"].label = _("User name")
        self.fields["username"].help_text = _("Shown in the address of your page, e.g. /members/maria.g/.")
        self.fields[HONEYPOT_FIELD] = HoneypotField()


class AccountDeleteForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("To be sure that it is you."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That is not your password."))
        return password
