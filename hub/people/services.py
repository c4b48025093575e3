from django.db import IntegrityError, transaction

from hub.lib.mail import recipient_language, send_templated_mail
from hub.lib.slugs import save_with_unique_slug
from hub.people.models import Organisation, Profile
from hub.serving.services import pages_changed
from hub.vocabularies.models import StakeholderType

PROFILE_FIELDS = (
    "listed",
    "job_title",
    "sector",
    "city",
    "bio",
    "show_organisation",
    "show_sector",
    "show_location",
    "show_expertise",
    "show_languages",
    "show_bio",
    "show_links",
    "email_on_reply",
    "email_on_mention",
    "contactable",
)


def organisation_get_or_create(*, name: str, stakeholder_type: StakeholderType | None = None) -> Organisation:
    """The organisation of that name, made with `stakeholder_type` if new. An existing organisation is
    never changed: a submission, which nobody has reviewed yet, must not alter what its page shows.
    Safe when two requests make the same new organisation at the same moment."""
    name = " ".join(name.split())
    if organisation := Organisation.objects.filter(name__iexact=name).first():
        return organisation
    try:
        return save_with_unique_slug(
            Organisation(name=name, stakeholder_type=stakeholder_type), name, fallback="organisation"
        )
    except IntegrityError:  # made by another request between our read and our insert
        return Organisation.objects.get(name__iexact=name)


@transaction.atomic
def profile_get_or_create(*, user) -> Profile:
    profile, _ = Profile.objects.get_or_create(user=user)
    return profile


def interface_language_save(*, user, language: str) -> None:
    """Remember the language a signed-in member chose in the footer; it is applied when they sign in."""
    profile = profile_get_or_create(user=user)
    if profile.interface_language != language:
        profile.interface_language = language
        profile.save(update_fields=["interface_language", "updated_at"])


@transaction.atomic
def profile_update(*, profile: Profile, data: dict) -> Profile:
    user = profile.user
    user.first_name, user.last_name = data["first_name"], data.get("last_name", "")
    user.save(update_fields=["first_name", "last_name"])
    for field in PROFILE_FIELDS:
        setattr(profile, field, data[field])
    name = data.get("organisation_name", "")
    # The member's sector is theirs (and maybe private): it says nothing public about the organisation.
    profile.organisation = organisation_get_or_create(name=name) if name else None
    profile.country = data.get("country") or ""
    profile.languages = list(data.get("languages", []))
    profile.links = list(data.get("link_list", []))
    profile.save()
    profile.expertise.set(data.get("expertise", []))
    # The member's name is on the pages of their practices and comments.
    pages_changed()
    return profile


def profile_submission_defaults(*, user) -> dict:
    """What the practice submission form starts with for a signed-in member: their organisation and place."""
    profile = Profile.objects.select_related("organisation", "sector").filter(user=user).first()
    if profile is None:
        return {}
    defaults = {"country": profile.country.code if profile.country else "", "place_name": profile.city}
    if profile.organisation_id:
        defaults["organisation_name"] = profile.organisation.name
        defaults["organisation_sector"] = profile.organisation.stakeholder_type or profile.sector
    return {name: value for name, value in defaults.items() if value}


def member_message_send(*, sender, recipient, message: str) -> None:
    """Pass a member's message on to another by e-mail; neither address is shown to the other."""
    send_templated_mail(
        to=recipient.email,
        template="member_message",
        context={"sender": sender, "recipient": recipient, "message": message},
        language=recipient_language(recipient),
    )
