"""An account's own data: everything exported in one JSON document, and the account's deletion."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from hub.follow.services import subscriptions_forget_member
from hub.forum.services import forum_forget_member
from hub.people.models import Profile
from hub.practices.models import Practice
from hub.reactions.models import Bookmark, Comment, Rating
from hub.reactions.services import reactions_forget_member
from hub.serving.services import pages_changed


def _when(moment) -> str | None:
    return moment.isoformat() if moment else None


def _reaction(reaction) -> dict:
    return {"content": reaction.content_type.model, "id": reaction.object_id, "created": _when(reaction.created_at)}


def account_data(*, user, site_url: str) -> dict:
    """Everything the site holds about a member, as they would need it to move elsewhere."""
    profile = Profile.objects.filter(user=user).select_related("organisation", "sector").first()
    practices = Practice.objects.filter(submitted_by=user).order_by("submitted_at", "pk")
    return {
        "exported": _when(timezone.now()),
        "account": {
            "username": user.get_username(),
            "first_name": user.first_name,
            "last_name": user.last_name,
            "email": user.email,
            "date_joined": _when(user.date_joined),
            "last_login": _when(user.last_login),
            "email_addresses": [
                {"email": address.email, "verified": address.verified, "primary": address.primary}
                for address in EmailAddress.objects.filter(user=user)
            ],
        },
        "profile": None
        if profile is None
        else {
            "listed": profile.listed,
            "organisation": profile.organisation.name if profile.organisation_id else "",
            "job_title": profile.job_title,
            "sector": profile.sector.name if profile.sector_id else "",
            "country": profile.country.code if profile.country else "",
            "city": profile.city,
            "expertise": [topic.name for topic in profile.expertise.all()],
            "languages": profile.languages,
            "bio": profile.bio,
            "links": profile.links,
            "public": {name: getattr(profile, name) for name in vars(profile) if name.startswith("show_")},
        },
        "practices": [
            {
                "title": practice.title,
                "status": practice.status,
                "submitted": _when(practice.submitted_at),
                "published": _when(practice.published_at),
                "address": site_url + practice.get_absolute_url() if practice.is_published else None,
                "summary": practice.summary,
                **{name: getattr(practice, name) for name in Practice.LONG_FIELDS},
            }
            for practice in practices
        ],
        "comments": [
            {**_reaction(c), "body": c.body, "status": c.status, "edited": _when(c.edited_at)}
            for c in Comment.objects.filter(user=user).select_related("content_type")
        ],
        "ratings": [
            {**_reaction(r), "score": r.score} for r in Rating.objects.filter(user=user).select_related("content_type")
        ],
        "bookmarks": [_reaction(b) for b in Bookmark.objects.filter(user=user).select_related("content_type")],
    }


@transaction.atomic
def account_delete(*, user) -> None:
    """Erases the member's personal data and closes the account for good.

    The user row stays, emptied and inactive, so that their published practices and comments keep
    an author: they are shown as "former member", and so are their forum posts (a conversation stays
    whole, as forums do). Profile, e-mail addresses, subscriptions, what they read in the forums,
    ratings, bookmarks and sessions end (an inactive user with a new password hash is signed out
    everywhere)."""
    subscriptions_forget_member(user=user)
    forum_forget_member(user=user)
    Profile.objects.filter(user=user).delete()
    EmailAddress.objects.filter(user=user).delete()
    reactions_forget_member(user=user)
    User = get_user_model()
    user.username = f"former-member-{user.pk}"
    while User.objects.filter(username=user.username).exclude(pk=user.pk).exists():
        user.username += "-x"
    user.first_name = user.last_name = user.email = ""
    user.is_active = user.is_staff = user.is_superuser = False
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    # Their practices and comments now say "former member".
    pages_changed()
