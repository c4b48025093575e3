import base64
import re
import secrets

from django.conf import settings
from django.contrib import messages
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import Resolver404, resolve, reverse
from django.utils.crypto import salted_hmac
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from taggit.models import Tag

from hub.imports.dedupe import submission_duplicates
from hub.imports.services import possible_duplicates_record
from hub.lib.language_guess import guess_language, start_loading
from hub.lib.pages import paginate
from hub.lib.spam import RATE_LIMIT_MESSAGE, over_rate_limit
from hub.people.services import profile_submission_defaults
from hub.practices import services
from hub.practices.filters import PracticeFilter
from hub.practices.forms import PracticeForm, SubmitterForm
from hub.practices.models import Practice
from hub.publishing.translations import reading
from hub.search.facet_index import PracticeSelection, facet_index
from hub.search.facets import facet_panel, published_facets, selection_for
from hub.search.results import published_cards
from hub.search.semantic import similar_practice_ids
from hub.vocabularies.models import Topic

# An anonymous submitter who opened their status link may preview their practice in this session.
PREVIEWABLE_SESSION_KEY = "previewable_practices"
SUBMISSION_TOKEN = re.compile(r"[A-Za-z0-9_-]{43}")
# Sent with the form once its submitter has seen the practices it looks like, and goes on all the same.
DUPLICATES_SEEN = "duplicates_seen"


def home(request):
    published = Practice.objects.published()
    featured = published.filter(featured=True).newest_first().for_cards().first()
    latest = published.newest_first().for_cards().exclude(pk=featured.pk if featured else None)[:6]
    index = facet_index()
    facets = index.counts(index.everything)
    return render(
        request,
        "practices/home.html",
        {
            "featured": featured,
            "latest": latest,
            "themes": sorted(facets["theme"], key=lambda option: -option.count)[:12],
            "dimensions": facets["dimension"],
            "published_count": len(index.ids),
        },
    )


def practice_list(request):
    filterset = PracticeFilter(request.GET or None, queryset=Practice.objects.published())
    index, selected = selection_for(filterset)
    by_title = filterset.cleaned().get("sort") == "title"
    page = paginate(request, PracticeSelection(index, selected, by_title=by_title))
    facet_groups, active_filters = facet_panel(filterset, index.counts(selected))
    status = 400 if filterset.is_bound and filterset.errors else 200
    return render(
        request,
        "practices/practice_list.html",
        {
            "filterset": filterset,
            "page": page,
            "facet_groups": facet_groups,
            "active_filters": active_filters,
            "words": filterset.cleaned().get("q", ""),
            "feed_query": request.GET.urlencode(),
        },
        status=status,
    )


def practice_detail(request, slug):
    practice = get_object_or_404(
        Practice.objects.select_related(
            "organisation__stakeholder_type", "submitted_by", "adapted_from"
        ).prefetch_related("places", "topics", "target_groups", "partners__stakeholder_type", "tags", "links"),
        slug=slug,
    )
    # A duplicate merged into another practice sends its readers (and search engines) there for good.
    if practice.merged_into_id and practice.merged_into.is_visible_to(request.user):
        return redirect(practice.merged_into, permanent=True)
    previewable = practice.pk in request.session.get(PREVIEWABLE_SESSION_KEY, [])
    if not (practice.is_visible_to(request.user) or previewable):
        raise Http404(_("No practice is published at this address."))
    # A translation into the reader's language replaces the text (on this instance, for display).
    context = {"practice": practice, "topics": practice.topics.all(), "reading": reading(request, practice)}
    newer, older = facet_index().neighbours(practice.pk) if practice.is_published else (None, None)
    neighbours = Practice.objects.published().filter(pk__in=[newer, older]).only("slug", "title").in_bulk()
    context["newer"], context["older"] = neighbours.get(newer), neighbours.get(older)
    # Filtered on status in Python: with it in SQL, SQLite prefers the status index and scans every practice.
    adaptations = Practice.objects.filter(adapted_from=practice).only("slug", "title", "status")
    context["adaptations"] = [other for other in adaptations if other.is_published]
    context["adapted_from"] = (
        practice.adapted_from if practice.adapted_from and practice.adapted_from.is_published else None
    )
    lineage = {practice.adapted_from_id, *(other.pk for other in context["adaptations"])}
    context["similar"] = similar_practices(practice, leave_out=lineage)
    return render(request, "practices/practice_detail.html", context)


def similar_practices(practice: Practice, *, leave_out=frozenset(), limit: int = 5) -> list[Practice]:
    """The published practices closest in meaning (hub/search/semantic.py), those it is adapted from or
    by left out (they have their own lines); none until the worker has computed the vectors."""
    if not practice.is_published:
        return []
    index = facet_index()
    ids = similar_practice_ids(practice.pk, index.pk_at, limit=limit + 3)
    ids = [pk for pk in ids if pk not in leave_out]
    return published_cards(ids)[:limit]


def topic_detail(request, slug):
    topic = get_object_or_404(Topic, slug=slug)
    index = facet_index()
    practices = PracticeSelection(index, index.select({topic.filter_param: topic.slug}))
    return render(request, "practices/topic_detail.html", {"topic": topic, "page": paginate(request, practices)})


def topic_list(request):
    facets = published_facets()
    counts = {option.value: option.count for kind in ("theme", "dimension", "gcm") for option in facets[kind]}
    topics = list(Topic.objects.all())
    for topic in topics:
        topic.n = counts.get(topic.slug, 0)
    return render(
        request,
        "practices/topic_list.html",
        {"groups": [(label, [t for t in topics if t.kind == kind]) for kind, label in Topic.Kind.choices]},
    )


@require_http_methods(["GET", "POST"])
def practice_submit(request):
    signed_in = request.user.is_authenticated
    # A member's form starts with their organisation and place, from their profile.
    start_loading()  # the language model, while the submitter writes (hub/lib/language_guess.py)
    initial = profile_submission_defaults(user=request.user) if signed_in else {}
    # Written, most probably, in the language the submitter reads the site in; checked on sending.
    initial = {"language": interface_language(), **initial}
    form = PracticeForm(request.POST or None, initial=initial)
    submitter_form = None if signed_in else SubmitterForm(request.POST or None)
    # The form's own token: the same form sent twice (a double click, a reload) makes one practice.
    token = request.POST.get("submission_token", "")
    token = token if SUBMISSION_TOKEN.fullmatch(token) else secrets.token_urlsafe()
    status_token = _status_token_for(token)
    if request.method == "POST" and (earlier := Practice.objects.filter(status_token=status_token).first()):
        return redirect(earlier.get_status_url())
    rate_limited, duplicates = False, []
    if request.method == "POST":
        forms_valid = form.is_valid() & (submitter_form is None or submitter_form.is_valid())
        if forms_valid and over_rate_limit(request, "submit"):
            rate_limited = True
            form.add_error(None, RATE_LIMIT_MESSAGE)
        elif forms_valid and (guessed := _language_to_confirm(request, form)):
            # The text reads as another language than the one chosen: the form comes back with the
            # guess chosen, for the submitter to confirm or change, and nothing is saved yet.
            form.data = form.data.copy()
            form.data["language"] = guessed
            return render(
                request,
                "practices/practice_submit.html",
                {
                    "form": form,
                    "submitter_form": submitter_form,
                    "submission_token": token,
                    "guessed_language": guessed,
                    "language_checked": True,
                },
            )
        elif (
            forms_valid
            and not request.POST.get(DUPLICATES_SEEN)
            and (duplicates := submission_duplicates(form.cleaned_data["title"], form.cleaned_data.get("summary", "")))
        ):
            # A second step before the practice is sent: the submitter sees what it looks like and goes on
            # (the same form sent again with DUPLICATES_SEEN) or changes it.
            pass
        elif forms_valid:
            submitter = submitter_form.cleaned_data if submitter_form else {}
            try:
                practice = services.practice_create(
                    data=form.cleaned_data,
                    by=request.user,
                    submitted_by=request.user if signed_in else None,
                    submitter_name=submitter.get("submitter_name", ""),
                    submitter_email=submitter.get("submitter_email", ""),
                    status_token=status_token,
                )
            except IntegrityError:
                # The same form, sent a moment earlier, was saved while this one was being saved.
                practice = Practice.objects.filter(status_token=status_token).first()
                if practice is None:
                    raise
                return redirect(practice.get_status_url())
            if request.POST.get(DUPLICATES_SEEN):
                # Sent although it looks like another: the moderators see it in the queue.
                matches = submission_duplicates(practice.title, practice.summary)
                possible_duplicates_record(
                    practice=practice, matches=[(o, n) for o, n in matches if o.pk != practice.pk]
                )
            messages.success(request, _("Thank you: your practice was received and waits for a moderator."))
            return redirect(practice.get_status_url())
    status = 400 if form.errors or (submitter_form and submitter_form.errors) else 200
    if rate_limited:
        status = 429
    return render(
        request,
        "practices/practice_submit.html",
        {
            "form": form,
            "submitter_form": submitter_form,
            "submission_token": token,
            "language_checked": bool(request.POST.get(LANGUAGE_CHECKED)),
            "duplicates": duplicates,
            "duplicates_seen_name": DUPLICATES_SEEN,
        },
        status=status,
    )


# Sent back by a form whose language the submitter was asked to check: their choice stands.
LANGUAGE_CHECKED = "language_checked"


def interface_language() -> str:
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return language if language in dict(settings.TRANSLATED_LANGUAGES) else settings.LANGUAGE_CODE


def _language_to_confirm(request, form) -> str | None:
    """The language the practice's text reads as, when it is not the one chosen and the submitter has
    not been asked yet."""
    if request.POST.get(LANGUAGE_CHECKED):
        return None
    data = form.cleaned_data
    text = "\n".join([data["title"], data["summary"], *(data.get(name) or "" for name in Practice.LONG_FIELDS)])
    guessed = guess_language(text)
    return guessed if guessed and guessed != data["language"] else None


def _status_token_for(submission_token: str) -> str:
    """The status link of the practice a form makes: derived, so that the form's token (in the page)
    does not itself open the status page; unique in the database, so a second insert of it fails."""
    digest = salted_hmac("practices.submission", submission_token, algorithm="sha256").digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def submission_status(request, token):
    practice = get_object_or_404(Practice, status_token=token)
    previewable = request.session.get(PREVIEWABLE_SESSION_KEY, [])
    if practice.pk not in previewable:
        request.session[PREVIEWABLE_SESSION_KEY] = [*previewable, practice.pk][-50:]
    return render(request, "practices/submission_status.html", {"practice": practice})


def criteria(request):
    return render(request, "practices/criteria.html")


def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    practices = Practice.objects.published().filter(tags=tag).newest_first().for_cards()
    return render(request, "practices/tag_detail.html", {"tag": tag, "page": paginate(request, practices)})


def feed_help(request):
    """What a feed is and how to follow one: the address to copy into a feed reader, for one of our feeds."""
    address = request.GET.get("feed", "")
    feed, name = None, ""
    try:
        match = resolve(address.split("?", 1)[0]) if address.startswith("/feeds/") else None
    except Resolver404:
        match = None
    if match is not None and match.url_name in {"feed_practices", "feed_topic"}:
        feed = request.build_absolute_uri(address)
        if match.url_name == "feed_topic":
            topic = Topic.objects.filter(slug=match.kwargs["slug"]).first()
            name = topic.name if topic else ""
    elif address:
        raise Http404(_("There is no such feed."))
    return render(
        request,
        "practices/feed_help.html",
        {"feed": feed, "name": name, "all_feed": request.build_absolute_uri(reverse("feed_practices"))},
    )
