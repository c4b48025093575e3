from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.signing import BadSignature
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from hub.follow import services
from hub.follow.forms import FollowForm, FrequencyForm
from hub.follow.models import Subscription
from hub.follow.tokens import manage_read, manage_token
from hub.lib.spam import RATE_LIMIT_MESSAGE, over_rate_limit


def _bad_link(request):
    return render(request, "follow/bad_link.html", status=400)


def _wanted_or_none(data):
    try:
        return services.follow_wanted(what=data.get("what", ""), key=data.get("key", ""))
    except (LookupError, ValueError):
        return None


@require_http_methods(["GET", "HEAD", "POST"])
def follow(request):
    """The Follow page of anything followable: its feeds to copy, and e-mail (members at once; anyone
    else by a confirmed address)."""
    data = request.POST if request.method == "POST" else request.GET
    wanted = _wanted_or_none(data)
    if wanted is None:
        return render(request, "follow/nothing.html", status=404)
    member = request.user.is_authenticated
    form = FollowForm(
        data if request.method == "POST" else None,
        initial={"what": wanted.followable.slug, "key": wanted.key},
        member=member,
        immediate=wanted.followable.immediate,
    )
    status = 200
    if request.method == "POST":
        if not member and over_rate_limit(request, "follow"):
            form.add_error(None, RATE_LIMIT_MESSAGE)
            status = 429
        elif form.is_valid():
            email = request.user.email if member else form.cleaned_data["email"]
            subscription = services.subscription_follow(
                wanted=wanted, email=email, frequency=form.cleaned_data["frequency"], user=request.user
            )
            if member:
                messages.success(request, _("You follow “%(label)s” by e-mail.") % {"label": wanted.label})
                return redirect(wanted.followable.page_url(wanted.key))
            return render(request, "follow/check_inbox.html", {"wanted": wanted, "email": subscription.email})
        else:
            status = 400
    context = {"wanted": wanted, "form": form, "feeds": _feeds(request, wanted)}
    return render(request, "follow/follow.html", context, status=status)


def _feeds(request, wanted):
    return {
        "rss": request.build_absolute_uri(wanted.followable.feed_url(wanted.key)),
        "atom": request.build_absolute_uri(wanted.followable.atom_url(wanted.key)),
    }


def confirm(request, token):
    try:
        subscription = services.subscription_confirm(token=token)
    except BadSignature:
        return _bad_link(request)
    if subscription is None:
        return _bad_link(request)
    return render(
        request,
        "follow/confirmed.html",
        {"subscription": subscription, "manage_url": reverse("follow:manage", args=[manage_token(subscription.email)])},
    )


# A mail client's one-click unsubscribe (RFC 8058) posts without a CSRF token; the signed token is the proof.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    """GET shows what the link stops and one button (mail scanners open links: a GET changes nothing);
    POST stops it, from that button or from the mail client."""
    try:
        subscriptions = list(services.subscriptions_of_token(token=token))
    except BadSignature:
        return _bad_link(request)
    if request.method == "POST":
        services.subscriptions_unsubscribe(token=token)
        return render(request, "follow/unsubscribed.html", {"subscriptions": subscriptions})
    return render(request, "follow/unsubscribe.html", {"subscriptions": subscriptions, "token": token})


def _back_to(request) -> str:
    """The page the Follow control's "stop" came from (ours only), or this list."""
    wanted = request.POST.get("next", "")
    if wanted and url_has_allowed_host_and_scheme(wanted, allowed_hosts={request.get_host()}, require_https=False):
        return wanted
    return request.path


def _subscription_list(request, subscriptions, *, template, context):
    """A list of subscriptions with a choice of frequency and a stop button each; POSTs act only on
    a subscription of this list."""
    if request.method == "POST":
        subscription = get_object_or_404(subscriptions, pk=request.POST.get("subscription", "").strip() or 0)
        if request.POST.get("action") == "stop":
            services.subscription_delete(subscription=subscription)
            messages.success(request, _("You no longer follow “%(label)s”.") % {"label": subscription.label})
            return redirect(_back_to(request))
        form = FrequencyForm(request.POST)
        if form.is_valid():
            try:
                services.subscription_set_frequency(subscription=subscription, frequency=form.cleaned_data["frequency"])
            except ValueError:
                form.add_error("frequency", _("This can only be followed by digest."))
            else:
                messages.success(request, _("Saved: “%(label)s”.") % {"label": subscription.label})
                return redirect(request.path)
        context["error"] = form.errors.get("frequency")
        status = 400
    else:
        status = 200
    context["subscriptions"] = subscriptions
    return render(request, template, context, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
def manage(request, token):
    """An address's subscriptions, through the signed link of every e-mail (no account needed)."""
    try:
        email = manage_read(token)
    except BadSignature:
        return _bad_link(request)
    subscriptions = Subscription.objects.of_address(email)
    return _subscription_list(request, subscriptions, template="follow/manage.html", context={"email": email})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def mine(request):
    subscriptions = Subscription.objects.filter(user=request.user) | Subscription.objects.of_address(request.user.email)
    return _subscription_list(request, subscriptions, template="follow/mine.html", context={})
