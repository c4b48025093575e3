from urllib.parse import urlencode

from django.shortcuts import render

from hub.lib.pages import paginate
from hub.practices.facets import facet_panel
from hub.practices.models import Practice
from hub.search.kinds import DEFAULT_KIND, SEARCH_KINDS
from hub.search.results import SearchFilter, search_practices
from hub.search.snippets import highlight, snippet


def search(request):
    filterset = SearchFilter(request.GET or None, queryset=Practice.objects.published())
    text = filterset.cleaned().get("q") or ""
    found = search_practices(text, filterset)
    page = paginate(request, found.results())
    for practice in page:
        practice.search_title = highlight(practice.title, practice.language, found.terms)
        practice.search_snippet = snippet(practice, found.terms)
    facets = found.index.counts(found.bits)
    facet_groups, active_filters = facet_panel(filterset, facets)
    params = request.GET.copy()
    params.pop("page", None)
    tabs = [
        {"slug": kind.slug, "label": kind.label, "count": found.count if kind.slug == DEFAULT_KIND else None}
        for kind in SEARCH_KINDS
    ]
    status = 400 if filterset.is_bound and filterset.errors else 200
    return render(
        request,
        "search/search.html",
        {
            "filterset": filterset,
            "search": found,
            "page": page,
            "facet_groups": facet_groups,
            "active_filters": active_filters,
            "tabs": tabs,
            "words": text,
            "clear_url": "?" + urlencode({"q": text}),
            "query_string": params.urlencode(),
            "sort": found.sort,
        },
        status=status,
    )
