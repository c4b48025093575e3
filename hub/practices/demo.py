"""Loads the demo content of hub/practices/demo_content.py into an empty database."""

from datetime import date, datetime, time

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from hub.lib.slugs import unique_slug
from hub.people.demo_members import demo_members_load
from hub.people.models import StakeholderType
from hub.people.services import organisation_get_or_create
from hub.places.services import place_get_or_create
from hub.practices.demo_content import PRACTICES, QUEUE
from hub.practices.models import MODERATORS_GROUP, ExternalLink, Practice, TargetGroup, Topic
from hub.practices.services import one_history_record
from hub.search.services import search_rebuild

DEMO_MODERATOR = ("moderator", "ibis-moderator-demo")


def _month(value: str | None) -> date | None:
    if not value:
        return None
    year, month = value.split("-")[:2]
    return date(int(year), int(month), 1)


def _moment(value: str) -> datetime:
    return timezone.make_aware(datetime.combine(date.fromisoformat(value), time(9, 0)))


def _submitter(name: str):
    User = get_user_model()
    username = name.lower().replace(" ", ".")
    first, _, last = name.partition(" ")
    user, created = User.objects.get_or_create(username=username, defaults={"first_name": first, "last_name": last})
    if created:
        user.set_unusable_password()
        user.save()
    return user


def _create(entry: dict, *, status: str, by_title: dict) -> Practice:
    sectors = {s.slug: s for s in StakeholderType.objects.all()}
    practice = Practice(
        title=entry["title"],
        slug=unique_slug(Practice, entry["title"], fallback="practice"),
        summary=entry["summary"],
        **{name: entry.get(name, "") for name in Practice.LONG_FIELDS},
        start_date=_month(entry.get("start")),
        end_date=_month(entry.get("end")),
        implementation=entry.get("implementation_status", ""),
        people_reached=entry.get("people_reached"),
        people_reached_unit=entry.get("people_reached_unit") or "",
        migrant_participation=entry.get("migrant_participation", ""),
        evidence=entry.get("evidence", ""),
        language=entry.get("language", "en"),
        status=status,
        submitted_at=_moment(entry["submitted"]),
        featured=bool(entry.get("featured")) and status == Practice.Status.PUBLISHED,
        adapted_from=by_title.get(entry.get("adapted_from") or ""),
    )
    if status == Practice.Status.PUBLISHED:
        practice.published_at = practice.submitted_at + timezone.timedelta(days=3)
    organisation = entry.get("organisation")
    if organisation:
        practice.organisation = organisation_get_or_create(
            name=organisation["name"], stakeholder_type=sectors.get(organisation.get("sector"))
        )
    submitter = entry.get("submitter") or {}
    if submitter.get("verified"):
        practice.submitted_by = _submitter(submitter["name"])
    else:
        practice.submitter_name = submitter.get("name", "")
    with one_history_record(practice, by=None, reason="Loaded with the demo content"):
        practice.save()
        _relate(practice, entry, sectors)
    return practice


def _relate(practice: Practice, entry: dict, sectors: dict) -> None:
    practice.partners.set(
        organisation_get_or_create(name=p["name"], stakeholder_type=sectors.get(p.get("sector")))
        for p in entry.get("partners", [])
    )
    practice.places.set(
        place_get_or_create(name=p["name"], country=p["country"], kind=p.get("kind", ""))
        for p in entry.get("places", [])
    )
    topic_slugs = [*entry.get("themes", []), *entry.get("dimensions", [])]
    topic_slugs += [f"gcm-objective-{n}" for n in entry.get("gcm_objectives", [])]
    practice.topics.set(Topic.objects.filter(slug__in=topic_slugs))
    practice.target_groups.set(TargetGroup.objects.filter(slug__in=entry.get("target_groups", [])))
    practice.tags.set(entry.get("tags", []))
    ExternalLink.objects.bulk_create(
        [
            ExternalLink(practice=practice, kind="link", title=link["title"], url=link["url"])
            for link in entry.get("links", [])
        ]
        + [
            ExternalLink(practice=practice, kind="elsewhere", title=link["site"], url=link["url"])
            for link in entry.get("elsewhere", [])
        ]
    )


@transaction.atomic
def demo_load() -> dict:
    by_title: dict[str, Practice] = {}
    # Entries that others were adapted from go first, so that the link can be made.
    ordered = sorted(PRACTICES, key=lambda entry: bool(entry.get("adapted_from")))
    for entry in ordered:
        by_title[entry["title"]] = _create(entry, status=Practice.Status.PUBLISHED, by_title=by_title)
    for entry in QUEUE:
        _create(entry, status=Practice.Status.SUBMITTED, by_title=by_title)

    User = get_user_model()
    username, password = DEMO_MODERATOR
    moderator, _ = User.objects.get_or_create(
        username=username, defaults={"first_name": "Demo", "last_name": "Moderator", "email": "moderator@example.org"}
    )
    moderator.is_staff = True
    moderator.set_password(password)
    moderator.save()
    moderator.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    # allauth lets no one sign in before their address is verified.
    EmailAddress.objects.update_or_create(
        user=moderator, email=moderator.email, defaults={"verified": True, "primary": True}
    )
    demo_members_load()
    search_rebuild()
    return {"published": len(PRACTICES), "queued": len(QUEUE), "moderator": DEMO_MODERATOR}
