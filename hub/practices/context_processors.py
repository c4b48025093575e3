from django.conf import settings

from hub.accounts.roles import is_moderator


def site(request):
    return {
        "SITE_NAME": settings.SITE_NAME,
        "CONTACT_EMAIL": settings.CONTACT_EMAIL,
        "user_is_moderator": is_moderator(request.user) if hasattr(request, "user") else False,
    }
