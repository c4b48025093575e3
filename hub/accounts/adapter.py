from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.models import EmailAddress
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.urls import reverse
from django.utils import translation

from hub.lib.languages import url_in_language
from hub.lib.mail import deliver_mail, member_language
from hub.people.services import interface_language_save


class AccountAdapter(DefaultAccountAdapter):
    def get_signup_redirect_url(self, request) -> str:
        """A new member lands on their profile once their address is verified: that is where they
        choose to be listed in the community, and what of it is public."""
        return reverse("people:profile_edit")

    def save_user(self, request, user, form, commit=True):
        """A new member's language is the one they signed up in, until they choose another: the site
        speaks it to them after signing in, and every e-mail to them is written in it."""
        user = super().save_user(request, user, form, commit=commit)
        language = (translation.get_language() or "").split("-")[0]
        if commit and user.pk and language in dict(settings.LANGUAGES):
            interface_language_save(user=user, language=language)
        return user

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """allauth's messages (verification links, password resets) leave through the background queue,
        like every other e-mail of the site, rendered here where the request is at hand, in the
        recipient's language (a member's, whatever the language of the page that asked), links included."""
        request = allauth_context.request
        user = context.get("user") or _member_with(email)
        # Who has no account (a sign-up to an address already taken, a reset for an unknown one) is
        # answered in the language they are reading.
        language = member_language(user) or translation.get_language() or settings.LANGUAGE_CODE
        with translation.override(language):
            context = {"request": request, "email": email, "current_site": get_current_site(request), **context}
            for name, value in context.items():
                if name.endswith("_url") and isinstance(value, str):
                    context[name] = url_in_language(value, language)
            message = self.render_mail(template_prefix, email, context)
        deliver_mail.enqueue(to=email, subject=message.subject, body=message.body)


def _member_with(email: str):
    address = EmailAddress.objects.filter(email__iexact=email).select_related("user__profile").first()
    return address.user if address else None
