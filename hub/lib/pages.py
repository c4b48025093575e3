from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.utils.translation import gettext as _


def paginate(request, objects, per_page=settings.PRACTICES_PER_PAGE):
    """The page that ?page= asks for; a page that does not exist is a 404, not an error."""
    paginator = Paginator(objects, per_page)
    try:
        return paginator.page(request.GET.get("page") or 1)
    except InvalidPage:
        raise Http404(_("There is no such page.")) from None
