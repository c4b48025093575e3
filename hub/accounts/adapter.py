from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site
from django.urls import reverse

from hub.lib.mail import deliver_mail


class AccountAdapter(DefaultAccountAdapter):
    def get_signup_redirect_url(self, request) -> str:
        """A new member lands on their profile once their address is verified: that is where they
        choose to be listed in the community, and what of it is public."""
        return reverse("people:profile_edit")

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """allauth's messages (verification links, password resets) leave through the background queue,
        like every other e-mail of the site, rendered here where the request is at hand."""
        request = allauth_context.request
        context = {"request": request, "email": email, "current_site": get_current_site(request), **context}
        message = self.render_mail(template_prefix, email, context)
        deliver_mail.enqueue(to=email, subject=message.subject, body=message.body)
