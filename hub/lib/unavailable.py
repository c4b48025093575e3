"""When the database is down (a restart, a fail-over), pages answer 503 "back in a moment", not 500.

Django turns an exception anywhere in a request (a view, the session or user lookup of a middleware)
into the handler500 response; this one tells a lost database from a bug. The page is rendered without
the request's context, so that it needs no database itself. Django drops a connection that failed at
the end of the request, so the next request opens a new one: the site recovers by itself.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader

RETRY_AFTER_SECONDS = 10


def database_is_unavailable(error: BaseException | None) -> bool:
    return isinstance(error, (OperationalError, InterfaceError))


def server_error(request, template_name: str = "500.html"):
    if database_is_unavailable(sys.exc_info()[1]):
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return HttpResponseServerError(loader.render_to_string(template_name))
