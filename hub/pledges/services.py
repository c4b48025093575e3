"""Writes particular to pledges: their fields and relations, progress updates, representatives and
the reminders of updates due. The workflow itself is hub.publishing.services'."""

from datetime import date

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from hub.lib.mail import recipient_language, send_templated_mail
from hub.lib.slugs import unique_slug
from hub.people.models import Organisation
from hub.people.services import organisation_get_or_create
from hub.places.services import place_get_or_create
from hub.pledges.models import Figure, Initiative, Pledge, ProgressUpdate, Representative, Target
from hub.publishing.services import content_create, content_set_fields

SCALAR_FIELDS = ("title", "commitment", "body", "initiative", "start_date", "end_date", "state", "language", "renews")


def pledge_write(pledge: Pledge, data: dict) -> None:
    """Copy the cleaned fields of a PledgeForm (or an import's, or demo content's) onto the pledge,
    save it and set its relations: the pledge kind's `write`."""
    for name in SCALAR_FIELDS:
        if name in data:
            setattr(pledge, name, data[name])
    if "organisation" in data:
        pledge.organisation = data["organisation"]
    elif data.get("organisation_name"):
        pledge.organisation = organisation_get_or_create(
            name=data["organisation_name"], stakeholder_type=data.get("organisation_sector")
        )
        if data.get("organisation_sector") and not pledge.organisation.stakeholder_type_id:
            pledge.organisation.stakeholder_type = data["organisation_sector"]
            pledge.organisation.save(update_fields=["stakeholder_type"])
    if not pledge.slug:
        pledge.slug = unique_slug(Pledge, pledge.title, fallback="pledge")
    pledge.save()
    for name in ("topics", "practices", "places", "partners"):
        if name in data:
            getattr(pledge, name).set(data[name])
    if "places" not in data and data.get("country"):
        place = place_get_or_create(name=data.get("place_name", ""), country=data["country"])
        pledge.places.set([place])
    if "partners" not in data and "partner_names" in data:
        pledge.partners.set([organisation_get_or_create(name=name) for name in data["partner_names"]])
    if "targets" in data:
        _set_targets(pledge, data["targets"])


def _set_targets(pledge: Pledge, targets: list[tuple[int, str]]) -> None:
    """Targets kept by their unit, so that the figures reported against them stay theirs."""
    existing = {target.unit.casefold(): target for target in pledge.targets.all()}
    kept = []
    for position, (number, unit) in enumerate(targets):
        target = existing.pop(unit.casefold(), None) or Target(pledge=pledge, unit=unit)
        target.number, target.unit, target.position = number, unit, position
        target.save()
        kept.append(target.pk)
    pledge.targets.exclude(pk__in=kept).delete()


def pledge_create(*, data: dict, by, **options) -> Pledge:
    """The one constructor of a pledge: the submit form, imports, demo content and tests."""
    return content_create(model=Pledge, data=data, by=by, **options)


def progress_update_write(update: ProgressUpdate, data: dict) -> None:
    """The progress update kind's `write`: its fields, and its figure for each target."""
    for name in ("date", "text", "state", "evidence"):
        if name in data:
            setattr(update, name, data[name])
    update.save()
    if "figures" in data:
        targets = set(update.pledge.targets.values_list("pk", flat=True))
        update.figures.all().delete()
        Figure.objects.bulk_create(
            Figure(update=update, target_id=target_id, reached=reached)
            for target_id, reached in data["figures"].items()
            if target_id in targets
        )


def progress_update_changed(update: ProgressUpdate, by) -> None:
    """After any workflow change of an update: the pledge takes the state its newest published update gives."""
    pledge = Pledge.objects.get(pk=update.pledge_id)
    newest = pledge.updates.published().order_by("-date", "-pk").first()
    if newest is not None and newest.state != pledge.state:
        content_set_fields(
            obj=pledge,
            by=by,
            reason=_("State from the progress update of %(date)s") % {"date": newest.date.isoformat()},
            state=newest.state,
        )


@transaction.atomic
def initiative_create(*, data: dict) -> Initiative:
    """A pledging initiative (moderators define them in the back office; demo content and tests here):
    `data` holds the model's fields, the slug made from the name when it has none."""
    initiative = Initiative(**data)
    if not initiative.slug:
        initiative.slug = unique_slug(Initiative, initiative.name, max_length=100, fallback="initiative")
    initiative.full_clean()
    initiative.save()
    return initiative


def progress_update_create(*, pledge: Pledge, data: dict, by, publish: bool, **options) -> ProgressUpdate:
    """The one constructor of a progress update: a representative's post (progress_update_post), or an
    update recorded as published content (demo content). `options` go to content_create (the
    submitter, `notify`, the dates of demo content)."""
    return content_create(model=ProgressUpdate, data=data, by=by, publish=publish, pledge=pledge, **options)


def representative_of(user, organisation_id: int) -> Representative | None:
    if not user.is_authenticated:
        return None
    return Representative.objects.filter(user=user, organisation_id=organisation_id).first()


def progress_update_post(
    *, pledge: Pledge, data: dict, by, representative: Representative, **options
) -> ProgressUpdate:
    """A representative's update: published at once when they are trusted, to the moderators otherwise."""
    options.setdefault("reason", _("Posted by a representative"))
    return progress_update_create(
        pledge=pledge, data=data, by=by, submitted_by=by, publish=representative.trusted, **options
    )


@transaction.atomic
def representative_grant(*, user, organisation: Organisation, trusted: bool, by) -> Representative:
    representative, _created = Representative.objects.update_or_create(
        user=user, organisation=organisation, defaults={"trusted": trusted, "granted_by": by}
    )
    return representative


@transaction.atomic
def representative_revoke(*, user, organisation: Organisation) -> None:
    Representative.objects.filter(user=user, organisation=organisation).delete()


def _owners(pledge: Pledge) -> dict[str, str]:
    """The addresses of a pledge's owners (its organisation's representatives and its submitter), each
    with the language to write to them in: a member's own choice; a submitter who is no member (or chose
    none) gets the language they wrote the pledge in."""
    users = (
        get_user_model()
        .objects.filter(is_active=True, representing__organisation_id=pledge.organisation_id)
        .exclude(email="")
        .select_related("profile")
    )
    owners = {user.email.lower(): recipient_language(user) for user in users}
    if contact := pledge.submitter_contact_email:
        language = recipient_language(pledge.submitted_by, otherwise=getattr(pledge, "language", None))
        owners.setdefault(contact.lower(), language)
    return owners


def pledge_remind_due(*, today: date | None = None) -> int:
    """E-mail the owners (representatives and submitter) of each published pledge whose update is due,
    once per due date; returns how many pledges were reminded. Run daily from cron."""
    today = today or timezone.localdate()
    due = (
        Pledge.objects.published()
        .update_due(today)
        .exclude(reminded_for=F("end_date"))
        .select_related("submitted_by")
        .order_by("pk")
    )
    reminded = 0
    for pledge in due:
        with transaction.atomic():
            # Claimed first: two runs at once remind once.
            claimed = (
                Pledge.objects.filter(pk=pledge.pk)
                .exclude(reminded_for=pledge.end_date)
                .update(reminded_for=pledge.end_date)
            )
            if not claimed:
                continue
            for address, language in _owners(pledge).items():
                transaction.on_commit(
                    lambda address=address, pledge=pledge, language=language: send_templated_mail(
                        to=address, template="pledge_update_due", context={"pledge": pledge}, language=language
                    )
                )
            reminded += 1
    return reminded


__all__ = [
    "initiative_create",
    "pledge_create",
    "pledge_remind_due",
    "pledge_write",
    "progress_update_changed",
    "progress_update_create",
    "progress_update_post",
    "progress_update_write",
    "representative_grant",
    "representative_revoke",
]
