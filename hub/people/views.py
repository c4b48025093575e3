from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Exists, OuterRef, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from hub.lib.pages import paginate
from hub.lib.spam import RATE_LIMIT_MESSAGE, over_rate_limit
from hub.people import services
from hub.people.forms import DirectoryForm, MemberMessageForm, ProfileForm
from hub.people.models import Organisation, Profile
from hub.practices.models import Practice

MEMBERS_PER_PAGE = 30


def public_organisations():
    """Organisations that may have a page: those with a published practice or a member who shows them."""
    published = Practice.objects.published()
    return Organisation.objects.filter(
        Exists(published.filter(organisation=OuterRef("pk")))
        | Exists(published.filter(partners=OuterRef("pk")))
        | Exists(Profile.objects.listed().filter(show_organisation=True, organisation=OuterRef("pk")))
    )


def directory(request):
    form = DirectoryForm(request.GET or None)
    profiles = Profile.objects.listed()
    if form.is_bound and form.is_valid():
        profiles = form.filter(profiles)
    elif form.is_bound:
        profiles = profiles.none()
    page = paginate(request, profiles.for_cards().prefetch_related("expertise"), per_page=MEMBERS_PER_PAGE)
    published = Practice.objects.published()
    organisations = (
        public_organisations()
        .select_related("stakeholder_type")
        .annotate(
            practice_count=Count("practices", filter=Q(practices__in=published), distinct=True),
            member_count=Count(
                "profiles",
                filter=Q(profiles__listed=True, profiles__show_organisation=True, profiles__user__is_active=True),
                distinct=True,
            ),
        )
        .order_by("-practice_count", "name")[:30]
    )
    status = 400 if form.is_bound and form.errors else 200
    return render(
        request,
        "people/directory.html",
        {"form": form, "page": page, "organisations": organisations, "query": _query_without_page(request)},
        status=status,
    )


def _query_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def member_detail(request, username):
    user = get_object_or_404(get_user_model(), username=username, is_active=True)
    profile = Profile.objects.filter(user=user).select_related("organisation", "sector").first()
    if profile is None:
        profile = Profile(user=user)
    if not profile.is_visible_to(request.user):
        raise Http404(_("No member has a public page at this address."))
    practices = Practice.objects.published().filter(submitted_by=user).newest_first().for_cards()
    return render(
        request,
        "people/member_detail.html",
        {"member": user, "profile": profile, "public": profile.public(), "practices": practices},
    )


def organisation_detail(request, slug):
    organisation = get_object_or_404(public_organisations().select_related("stakeholder_type"), slug=slug)
    published = Practice.objects.published()
    practices = published.filter(organisation=organisation).newest_first().for_cards()
    partner_in = published.filter(partners=organisation).newest_first().only("slug", "title")
    members = Profile.objects.listed().of_organisation(organisation).for_cards()
    return render(
        request,
        "people/organisation_detail.html",
        {"organisation": organisation, "practices": practices, "partner_in": partner_in, "members": members},
    )


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request):
    profile = services.profile_get_or_create(user=request.user)
    form = ProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        services.profile_update(profile=profile, data=form.cleaned_data)
        messages.success(request, _("Your profile is saved."))
        return redirect("people:member", username=request.user.get_username())
    status = 400 if form.errors else 200
    return render(request, "people/profile_form.html", {"form": form, "profile": profile}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def member_contact(request, username):
    recipient = get_object_or_404(get_user_model(), username=username, is_active=True)
    profile = Profile.objects.filter(user=recipient).first()
    if profile is None or not profile.accepts_messages_from(request.user):
        raise Http404(_("This member cannot be written to through the site."))
    form = MemberMessageForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid() and over_rate_limit(request, "contact"):
            form.add_error(None, RATE_LIMIT_MESSAGE)
            status = 429
        elif form.is_valid():
            services.member_message_send(sender=request.user, recipient=recipient, message=form.cleaned_data["message"])
            messages.success(request, _("Your message was sent. Your address was not shown."))
            return redirect("people:member", username=recipient.username)
        else:
            status = 400
    return render(
        request,
        "people/member_contact.html",
        {"member": recipient, "public": profile.public(), "form": form},
        status=status,
    )
