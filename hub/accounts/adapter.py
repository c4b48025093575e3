from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site

from hub.lib.mail import deliver_mail


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """allauth's messages (verification links, password resets) leave through the background queue,
        like every other e-mail of the site, rendered here where the request is at hand."""
        request = allauth_context.request
        context = {"request": request, "email": email, "current_site": get_current_site(request), **context}
        message = self.render_mail(template_prefix, email, context)
        deliver_mail.enqueue(to=email, subject=message.subject, body=message.body)
