from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from hub.lib.pages import paginate
from hub.practices.models import Practice
from hub.search.facets import ActiveFilter, FacetGroup, facet_panel
from hub.search.kinds import DEFAULT_KIND, PRACTICES, SearchKind, search_kind_named, search_kinds
from hub.search.query import parse
from hub.search.results import kind_count, practice_filterset_class, search_kind, search_practices
from hub.search.snippets import highlight, snippet

AS_TYPED = "as-typed"  # ?spelling=as-typed: the words as typed, never corrected


def search(request):
    kind = search_kind_named(request.GET.get("kind") or DEFAULT_KIND)
    if kind is None:
        raise Http404(_("There is no such kind of content to search."))
    if kind.slug != PRACTICES:
        return _search_kind(request, kind)
    filterset = practice_filterset_class()(request.GET or None, queryset=Practice.objects.published())
    text = filterset.cleaned().get("q") or ""
    # "Search instead for …" (after a correction) asks for the words exactly as typed.
    found = search_practices(text, filterset, as_typed=request.GET.get("spelling") == AS_TYPED)
    page = paginate(request, found.results())
    if kind.for_display:
        page.object_list = kind.for_display(page.object_list)
    for practice in page:
        practice.search_title = highlight(practice.title, _language_of(practice, "title"), found.terms)
        practice.search_snippet = snippet(practice, found.terms)
    facets = found.index.counts(found.bits)
    facet_groups, active_filters = facet_panel(filterset, facets)
    params = request.GET.copy()
    params.pop("page", None)
    as_typed_params = params.copy()
    as_typed_params["spelling"] = AS_TYPED
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
            "tabs": _tabs(text, kind, found.count, params.urlencode()),
            "words": text,
            "clear_url": "?" + urlencode({"q": text}),
            "query_string": params.urlencode(),
            "as_typed_query": as_typed_params.urlencode(),
            "sort": found.sort,
        },
        status=status,
    )


def _language_of(obj, name: str) -> str:
    """The language of a field's text as shown: a translation's (hub.publishing.translations) or the
    object's own."""
    return (getattr(obj, "text_languages", None) or {}).get(name) or getattr(obj, "language", "") or ""


def _tabs(text: str, current: SearchKind, count: int, query_string: str) -> list[dict]:
    """The content-type facet: a tab per kind with its matches ("Practices (12) · Toolkits (3)"); the
    current one keeps the page's filters, the others take the words alone."""
    searched = not parse(text).is_empty
    tabs = []
    for kind in search_kinds():
        if kind == current:
            href, n = f"?{query_string}", count
        else:
            href = "?" + urlencode({"q": text} if kind.slug == DEFAULT_KIND else {"q": text, "kind": kind.slug})
            n = kind_count(kind, text) if searched else None
        tabs.append({"slug": kind.slug, "label": kind.label, "count": n, "href": href, "current": kind == current})
    return tabs


def _search_kind(request, kind: SearchKind):
    """The search page of a kind other than practices: its published matches, ranked by the engine, with
    its own facets."""
    text = (request.GET.get("q") or "")[:500]
    chosen = {facet.name: request.GET[facet.name] for facet in kind.facets if request.GET.get(facet.name)}
    found = search_kind(kind, text, chosen)
    page = paginate(request, found.results())
    if kind.for_display:
        page.object_list = kind.for_display(page.object_list)
    for obj in page:
        obj.search_title = highlight(str(obj), _language_of(obj, "title"), found.terms)
        obj.search_snippet = highlight(getattr(obj, "summary", ""), _language_of(obj, "summary"), found.terms)
    facets = found.facets() if found.executed else {}
    facet_groups = [
        FacetGroup(facet.name, str(facet.label), facets.get(facet.name, []), chosen.get(facet.name, ""))
        for facet in kind.facets
    ]
    active_filters = []
    for facet in kind.facets:
        if facet.name in chosen:
            label = next((o.label for o in facets.get(facet.name, []) if o.value == chosen[facet.name]), None)
            remaining = request.GET.copy()
            remaining.pop(facet.name, None)
            remaining.pop("page", None)
            value = label or chosen[facet.name]
            active_filters.append(ActiveFilter(str(facet.label), value, f"?{remaining.urlencode()}"))
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "search/search_kind.html",
        {
            "kind": kind,
            "search": found,
            "page": page,
            "facet_groups": facet_groups,
            "active_filters": active_filters,
            "tabs": _tabs(text, kind, found.count, params.urlencode()),
            "words": text,
            "clear_url": "?" + urlencode({"q": text, "kind": kind.slug}),
            "query_string": params.urlencode(),
        },
    )
