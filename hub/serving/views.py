from django.conf import settings
from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.utils.cache import patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from hub.lib.languages import url_in_language
from hub.people.services import interface_language_save
from hub.serving.language import set_language_cookie


@require_GET
def language_set(request):
    """The footer's language choice, as a GET: the pages that show it then hold no CSRF token and
    can be cached for every anonymous reader. A language is a preference, not a secret: a link that
    sets it can do no harm. It goes on to the same page in the chosen language; a signed-in member's
    choice is kept in their profile, and applied when they next sign in."""
    language = request.GET.get("language", "")
    if language not in dict(settings.LANGUAGES):
        return HttpResponseBadRequest(
            _("Choose one of the languages offered."), content_type="text/plain; charset=utf-8"
        )
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    response = HttpResponseRedirect(url_in_language(next_url, language))
    set_language_cookie(response, language)
    patch_cache_control(response, private=True)
    if request.user.is_authenticated:
        interface_language_save(user=request.user, language=language)
    return response
