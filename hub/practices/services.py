"""Every write to a practice: submit, edit, publish, reject, feature, archive, restore.

Each runs in one transaction, records who did it in the practice's history, tells the
listings that their cached counts are stale, and sends its e-mail once the data is committed.
"""

import dataclasses
import time
from contextlib import contextmanager
from functools import reduce
from operator import or_

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.models import HistoricalRecords

from hub.lib.mail import send_templated_mail
from hub.lib.slugs import CLASHES_PER_QUERY, unique_slug, unique_slugs
from hub.people.models import Organisation
from hub.people.services import organisation_get_or_create
from hub.places.services import place_get_or_create
from hub.practices.models import ExternalLink, Practice
from hub.search.services import search_index_practice, search_index_practices, search_remove_practice

LISTING_VERSION_KEY = "practices:listing-version"

SCALAR_FIELDS = (
    "title",
    "summary",
    *Practice.LONG_FIELDS,
    "start_date",
    "end_date",
    "implementation",
    "people_reached",
    "people_reached_unit",
    "migrant_participation",
    "evidence",
    "language",
    "contact",
    "adapted_from",
)
M2M_FIELDS = ("topics", "places", "target_groups", "partners")


def listing_version() -> int:
    """Changes whenever something public changes: cached facet counts key on it."""
    # No expiry: a new version makes every process rebuild its facet index.
    return cache.get_or_set(LISTING_VERSION_KEY, time.time_ns, timeout=None)


def listings_changed() -> None:
    transaction.on_commit(lambda: cache.set(LISTING_VERSION_KEY, time.time_ns(), None))


def _save(practice: Practice, *, by, reason: str) -> None:
    practice._history_user = by if by and by.is_authenticated else None
    practice._change_reason = reason
    practice.save()


@contextmanager
def one_history_record(practice: Practice, *, by, reason: str):
    """Field and relation changes inside the block make one version in the history, not one per relation."""
    practice.skip_history_when_saving = True
    try:
        yield
    finally:
        del practice.skip_history_when_saving
    _save(practice, by=by, reason=reason)


def _apply(practice: Practice, data: dict) -> None:
    """Copy the cleaned fields of a PracticeForm onto the practice and its relations."""
    for field in SCALAR_FIELDS:
        if field in data:
            setattr(practice, field, data[field])
    if organisation_name := data.get("organisation_name"):
        practice.organisation = organisation_get_or_create(
            name=organisation_name, stakeholder_type=data.get("organisation_sector")
        )
    if not practice.slug:
        practice.slug = unique_slug(Practice, practice.title, fallback="practice")


def _apply_relations(practice: Practice, data: dict) -> None:
    if "topics" in data:
        practice.topics.set(data["topics"])
    if "target_groups" in data:
        practice.target_groups.set(data["target_groups"])
    if "tags" in data:
        practice.tags.set(data["tags"], clear=True)
    if "partner_names" in data:
        practice.partners.set([organisation_get_or_create(name=name) for name in data["partner_names"]])
    if "place_rows" in data:  # the form's places: (name, country, choice) each
        practice.places.set([place_get_or_create(name=n, country=c, choice=ch) for n, c, ch in data["place_rows"]])
    elif data.get("place_name") or data.get("country"):
        place = place_get_or_create(
            name=data.get("place_name", ""), country=data["country"], choice=data.get("place_choice", "")
        )
        practice.places.set([place])
    if "links" in data:
        practice.links.all().delete()
        ExternalLink.objects.bulk_create(
            ExternalLink(practice=practice, kind=ExternalLink.Kind.LINK, title=title or url, url=url)
            for title, url in data["links"]
        )


@transaction.atomic
def practice_submit(*, data: dict, by, submitter_name: str = "", submitter_email: str = "") -> Practice:
    practice = Practice(status=Practice.Status.SUBMITTED, submitted_at=timezone.now())
    if by and by.is_authenticated:
        practice.submitted_by = by
    else:
        practice.submitter_name, practice.submitter_email = submitter_name, submitter_email
    with one_history_record(practice, by=by, reason=_("Submitted")):
        _apply(practice, data)
        practice.save()
        _apply_relations(practice, data)
    transaction.on_commit(
        lambda: send_templated_mail(
            to=practice.submitter_contact_email, template="practice_submitted", context={"practice": practice}
        )
    )
    return practice


@transaction.atomic
def practice_update(*, practice: Practice, data: dict, by) -> Practice:
    with one_history_record(practice, by=by, reason=_("Edited")):
        _apply(practice, data)
        _apply_relations(practice, data)
    if practice.is_published:
        listings_changed()
    search_index_practice(practice=practice)
    return practice


@transaction.atomic
def practice_publish(*, practice: Practice, by) -> Practice:
    practice.status = Practice.Status.PUBLISHED
    practice.published_at = practice.published_at or timezone.now()
    practice.rejection_reason = ""
    _save(practice, by=by, reason=_("Published"))
    listings_changed()
    transaction.on_commit(
        lambda: send_templated_mail(
            to=practice.submitter_contact_email, template="practice_published", context={"practice": practice}
        )
    )
    search_index_practice(practice=practice)
    return practice


@transaction.atomic
def practice_reject(*, practice: Practice, by, reason: str) -> Practice:
    was_published = practice.is_published
    practice.status = Practice.Status.REJECTED
    practice.rejection_reason = reason
    practice.featured = False
    _save(practice, by=by, reason=_("Rejected"))
    if was_published:
        listings_changed()
    transaction.on_commit(
        lambda: send_templated_mail(
            to=practice.submitter_contact_email, template="practice_rejected", context={"practice": practice}
        )
    )
    search_index_practice(practice=practice)
    return practice


@transaction.atomic
def practice_set_featured(*, practice: Practice, by, featured: bool) -> Practice:
    practice.featured = featured and practice.is_published
    _save(practice, by=by, reason=_("Featured") if practice.featured else _("No longer featured"))
    listings_changed()
    return practice


@transaction.atomic
def practice_archive(*, practice: Practice, by) -> Practice:
    practice.status = Practice.Status.ARCHIVED
    practice.featured = False
    _save(practice, by=by, reason=_("Archived"))
    listings_changed()
    search_index_practice(practice=practice)
    return practice


@transaction.atomic
def practice_restore_version(*, practice: Practice, history_id: int, by) -> Practice:
    """Bring back the content of an earlier version; its workflow state stays as it is now."""
    record = practice.history.get(history_id=history_id)
    old = record.instance
    for field in SCALAR_FIELDS:
        setattr(practice, field, getattr(old, field))
    practice.organisation_id = old.organisation_id
    practice.topics.set(record.topics.values_list("topic", flat=True))
    practice.places.set(record.places.values_list("place", flat=True))
    practice.target_groups.set(record.target_groups.values_list("targetgroup", flat=True))
    practice.partners.set(record.partners.values_list("organisation", flat=True))
    _save(
        practice,
        by=by,
        reason=_("Restored the version of %(date)s") % {"date": record.history_date.strftime("%Y-%m-%d %H:%M")},
    )
    if practice.is_published:
        listings_changed()
    search_index_practice(practice=practice)
    return practice


@transaction.atomic
def practice_delete(*, practice: Practice, by) -> None:
    """Delete for good (the admin's delete); the search index forgets it in the same transaction."""
    was_published = practice.is_published
    # The row first, then the search index's turn (search.services._take_turns), as every edit
    # takes them: in the other order, an edit of this practice at the same time would deadlock.
    Practice.objects.select_for_update().filter(pk=practice.pk).exists()
    search_remove_practice(practice_id=practice.pk)
    practice._history_user = by if by and by.is_authenticated else None
    practice.delete()
    if was_published:
        listings_changed()


@transaction.atomic
def practice_import(
    *,
    data: dict,
    by,
    reason: str,
    practice: Practice | None = None,
    places=(),
    submitted_by=None,
    submitter_name: str = "",
    submitter_email: str = "",
    publish: bool = False,
) -> Practice:
    """A practice brought in from another site, or more topics and places for one already here.

    Unlike practice_submit, nobody is written to: the submitter did not ask for anything.
    An existing practice only gains topics and places; its text is left as it is.
    """
    if practice is None:
        practice = Practice(status=Practice.Status.SUBMITTED, submitted_at=timezone.now())
        practice.submitted_by = submitted_by
        if submitted_by is None:
            practice.submitter_name, practice.submitter_email = submitter_name, submitter_email
        if publish:
            practice.status, practice.published_at = Practice.Status.PUBLISHED, timezone.now()
        with one_history_record(practice, by=by, reason=reason):
            _apply(practice, data)
            practice.save()
            _apply_relations(practice, data)
            practice.places.set(places)
    else:
        with one_history_record(practice, by=by, reason=reason):
            practice.topics.add(*data.get("topics", []))
            practice.places.add(*places)
    if practice.is_published:
        listings_changed()
    search_index_practice(practice=practice)
    return practice


@dataclasses.dataclass
class ImportedPractice:
    """practice_import's arguments for one practice, for practice_import_many. Without `practice`, a new
    practice: `data` holds its fields, topics, target groups, tags and links, and its organisations come
    already found. With one, the relations it gains (practice_import adds topics and places)."""

    data: dict
    reason: str
    places: list = dataclasses.field(default_factory=list)
    practice: Practice | None = None
    organisation: Organisation | None = None
    partners: list[Organisation] = dataclasses.field(default_factory=list)
    submitted_by: object = None
    submitter_name: str = ""
    submitter_email: str = ""


def _tags_named(names: set[str]) -> dict:
    """Taggit's tag for each name, found as taggit finds it (TAGGIT_CASE_INSENSITIVE: the oldest tag of
    that name in any case) but in a query per hundred names; a name without one gets a new tag."""
    Tag = Practice.tags.through.tag_model()
    by_upper = {}
    ordered = sorted(names)
    for start in range(0, len(ordered), CLASHES_PER_QUERY):
        chunk = ordered[start : start + CLASHES_PER_QUERY]
        for tag in Tag.objects.filter(reduce(or_, (Q(name__iexact=name) for name in chunk))).order_by("-pk"):
            by_upper[tag.name.upper()] = tag  # the lowest pk last, so that it stays
    for name in ordered:
        if name.upper() not in by_upper:
            by_upper[name.upper()] = Tag.objects.create(name=name)
    return {name: by_upper[name.upper()] for name in ordered}


def _new_imported_practice(item: ImportedPractice, *, slug: str, now, publish: bool) -> Practice:
    practice = Practice(
        status=Practice.Status.SUBMITTED,
        submitted_at=now,
        submitted_by=item.submitted_by,
        organisation=item.organisation,
        slug=slug,
    )
    if item.submitted_by is None:
        practice.submitter_name, practice.submitter_email = item.submitter_name, item.submitter_email
    if publish:
        practice.status, practice.published_at = Practice.Status.PUBLISHED, now
    for name in SCALAR_FIELDS:
        if name in item.data:
            setattr(practice, name, item.data[name])
    return practice


def _relation_rows(name: str, practices: list[Practice], wanted: list[list], stored: list[Practice]) -> list:
    """The through rows of relation `name` of `practices` once each has gained `wanted`: those of the
    `stored` practices read, the missing ones inserted (as .add() and .set() on a new one do)."""
    m2m = Practice._meta.get_field(name)
    Through = m2m.remote_field.through
    own = Through._meta.get_field(m2m.m2m_field_name()).attname
    other = Through._meta.get_field(m2m.m2m_reverse_field_name()).attname
    rows = list(Through.objects.filter(**{f"{own}__in": [p.pk for p in stored]})) if stored else []
    linked = {(getattr(row, own), getattr(row, other)) for row in rows}
    missing = []
    for practice, objects in zip(practices, wanted, strict=True):
        for obj in objects:
            if (practice.pk, obj.pk) not in linked:
                linked.add((practice.pk, obj.pk))
                missing.append(Through(**{own: practice.pk, other: obj.pk}))
    return rows + Through.objects.bulk_create(missing)


@transaction.atomic
def practice_import_many(*, items: list[ImportedPractice], by, publish: bool = False) -> list[Practice]:
    """practice_import for many practices at once, with the same outcome (fields, relations, one history
    record each with its copy of the relations, the search index), in a few queries for them all rather
    than some thirty each. Returns the practices in the order of `items`.

    Needs a database that returns the ids of bulk-inserted rows (PostgreSQL, SQLite 3.35+).
    """
    now = timezone.now()
    history_user = by if by and by.is_authenticated else None
    slugs = iter(unique_slugs(Practice, [i.data["title"] for i in items if i.practice is None], fallback="practice"))
    practices, created, stored = [], [], []
    for item in items:
        if item.practice is None:
            practice = _new_imported_practice(item, slug=next(slugs), now=now, publish=publish)
            created.append(practice)
        else:
            practice = item.practice
            practice.updated_at = now
            stored.append(practice)
        practice._history_user, practice._change_reason = history_user, item.reason
        practices.append(practice)
    if len({p.pk for p in stored}) < len(stored):
        raise ValueError("Each stored practice may gain relations once per call: one history record each.")
    Practice.objects.bulk_create(created)
    # A stored practice only gains relations; its row changes as save() would change it.
    Practice.objects.filter(pk__in=[p.pk for p in stored]).update(updated_at=now)

    rows = {
        "topics": _relation_rows("topics", practices, [i.data.get("topics", []) for i in items], stored),
        "places": _relation_rows("places", practices, [i.places for i in items], stored),
        "partners": _relation_rows("partners", practices, [i.partners for i in items], stored),
        "target_groups": _relation_rows(
            "target_groups", practices, [i.data.get("target_groups", []) for i in items], stored
        ),
    }
    tags = _tags_named({name for item in items for name in item.data.get("tags", [])})
    content_type = ContentType.objects.get_for_model(Practice)
    Practice.tags.through.objects.bulk_create(
        Practice.tags.through(content_type=content_type, object_id=practice.pk, tag=tag)
        for practice, item in zip(practices, items, strict=True)
        for tag in dict.fromkeys(tags[name] for name in item.data.get("tags", []))
    )
    ExternalLink.objects.bulk_create(
        ExternalLink(practice=practice, kind=ExternalLink.Kind.LINK, title=title or url, url=url)
        for practice, item in zip(practices, items, strict=True)
        for title, url in item.data.get("links", [])
    )

    # One version each, as one_history_record writes it: a change ("~") made once the relations were
    # set, with a copy of the through rows of each relation the history follows.
    records = Practice.history.bulk_history_create(practices, update=True)
    record_of = {record.id: record.pk for record in records}
    for m2m in Practice.history.model._history_m2m_fields:
        Through = m2m.remote_field.through
        own = Through._meta.get_field(m2m.m2m_field_name()).attname
        copied = [f.attname for f in Through._meta.fields]
        Copy = HistoricalRecords.m2m_models[m2m]
        Copy.objects.bulk_create(
            Copy(history_id=record_of[getattr(row, own)], **{name: getattr(row, name) for name in copied})
            for row in rows[m2m.name]
        )

    if any(practice.is_published for practice in practices):
        listings_changed()
    # A new practice waiting for moderation was never in the index: there is nothing to remove.
    search_index_practices(
        practices=[p for p, item in zip(practices, items, strict=True) if p.is_published or item.practice is not None]
    )
    return practices


@transaction.atomic
def practice_merge(*, keep: Practice, duplicate: Practice, by) -> Practice:
    """One practice where there were two: `keep` gains what only `duplicate` had; the duplicate is
    archived, its address redirects to `keep`, and both histories stay (each records the merge)."""
    if keep.pk == duplicate.pk:
        raise ValueError("A practice cannot be merged into itself.")
    with one_history_record(keep, by=by, reason=_("Merged “%(title)s” into it") % {"title": duplicate.title}):
        for field in ("summary", *Practice.LONG_FIELDS, "contact", "people_reached_unit", "implementation"):
            if not getattr(keep, field) and getattr(duplicate, field):
                setattr(keep, field, getattr(duplicate, field))
        for field in ("organisation", "start_date", "end_date", "people_reached"):
            if getattr(keep, field) is None and getattr(duplicate, field) is not None:
                setattr(keep, field, getattr(duplicate, field))
        if keep.start_date and keep.end_date and keep.end_date < keep.start_date:
            keep.end_date = None
        keep.topics.add(*duplicate.topics.all())
        keep.places.add(*duplicate.places.all())
        keep.partners.add(*duplicate.partners.all())
        keep.target_groups.add(*duplicate.target_groups.all())
        keep.tags.add(*duplicate.tags.all())
    was_published = duplicate.is_published
    duplicate.merged_into = keep
    duplicate.status = Practice.Status.ARCHIVED
    duplicate.featured = False
    _save(duplicate, by=by, reason=_("Merged into “%(title)s”") % {"title": keep.title})
    # Practices merged into the duplicate earlier follow it, so that no address redirects twice.
    Practice.objects.filter(merged_into=duplicate).update(merged_into=keep)
    if was_published or keep.is_published:
        listings_changed()
    search_index_practices(practices=[keep, duplicate])
    return keep
