"""Writes particular to practices: the constructor, their fields and relations, imports and merges.

The workflow itself (publish, reject, feature, archive, restore, delete) is the shared one of
hub.publishing.services; the practice kind is registered in hub/practices/apps.py.
"""

import dataclasses
from functools import reduce
from operator import or_

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.models import HistoricalRecords

from hub.lib.slugs import CLASHES_PER_QUERY, save_with_unique_slug, unique_slugs
from hub.people.models import Organisation
from hub.people.services import organisation_get_or_create
from hub.places.services import place_get_or_create
from hub.practices.models import ExternalLink, Practice
from hub.publishing.services import _changed, content_create, one_version
from hub.search.listing import PRACTICE, listings_changed
from hub.search.services import search_index_practices

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


def practice_write(practice: Practice, data: dict) -> None:
    """Copy the cleaned fields of a PracticeForm (or an import's, or demo content's) onto the practice,
    save it, and set its relations: the practice kind's `write`."""
    _apply(practice, data)
    if practice.slug:
        practice.save()
    else:  # a new practice: its slug is chosen as it is inserted, so that two of one title both get one
        save_with_unique_slug(practice, practice.title, fallback="practice")
    _apply_relations(practice, data)


def practice_create(
    *,
    data: dict,
    by,
    submitted_by=None,
    submitter_name: str = "",
    submitter_email: str = "",
    publish: bool = False,
    reason: str | None = None,
    notify: bool = True,
    **preset,
) -> Practice:
    """The one constructor of a practice: the submit form, an import, the demo content and the tests
    all make practices here (hub.publishing.services.content_create)."""
    return content_create(
        model=Practice,
        data=data,
        by=by,
        submitted_by=submitted_by,
        submitter_name=submitter_name,
        submitter_email=submitter_email,
        publish=publish,
        reason=reason,
        notify=notify,
        **preset,
    )


def _apply(practice: Practice, data: dict) -> None:
    """Copy the cleaned fields of a PracticeForm onto the practice and its relations."""
    for field in SCALAR_FIELDS:
        if field in data:
            setattr(practice, field, data[field])
    if organisation_name := data.get("organisation_name"):
        practice.organisation = organisation_get_or_create(
            name=organisation_name, stakeholder_type=data.get("organisation_sector")
        )


def _apply_relations(practice: Practice, data: dict) -> None:
    if "topics" in data:
        practice.topics.set(data["topics"])
    if "target_groups" in data:
        practice.target_groups.set(data["target_groups"])
    if "tags" in data:
        practice.tags.set(data["tags"], clear=True)
    if "partners" in data:
        practice.partners.set(data["partners"])
    elif "partner_names" in data:
        practice.partners.set([organisation_get_or_create(name=name) for name in data["partner_names"]])
    if "places" in data:
        practice.places.set(data["places"])
    elif "place_rows" in data:  # the form's places: (name, country, choice) each
        practice.places.set([place_get_or_create(name=n, country=c, choice=ch) for n, c, ch in data["place_rows"]])
    elif data.get("place_name") or data.get("country"):
        place = place_get_or_create(
            name=data.get("place_name", ""), country=data["country"], choice=data.get("place_choice", "")
        )
        practice.places.set([place])
    if "links" in data:
        practice.links.filter(kind=ExternalLink.Kind.LINK).delete()
        ExternalLink.objects.bulk_create(
            ExternalLink(practice=practice, kind=ExternalLink.Kind.LINK, title=title or url, url=url)
            for title, url in data["links"]
        )
    if "elsewhere" in data:
        practice.links.filter(kind=ExternalLink.Kind.ELSEWHERE).delete()
        ExternalLink.objects.bulk_create(
            ExternalLink(practice=practice, kind=ExternalLink.Kind.ELSEWHERE, title=title or url, url=url)
            for title, url in data["elsewhere"]
        )


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

    Unlike a submission, nobody is written to: the submitter did not ask for anything.
    An existing practice only gains topics and places; its text is left as it is.
    """
    if practice is None:
        return practice_create(
            data={**data, "places": list(places)},
            by=by,
            submitted_by=submitted_by,
            submitter_name=submitter_name,
            submitter_email=submitter_email,
            publish=publish,
            reason=reason,
            notify=False,
        )
    with one_version(practice):
        practice.topics.add(*data.get("topics", []))
        practice.places.add(*places)
    _changed(practice, by=by, reason=reason, was_public=practice.is_published)
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

    # One version each, as content_create writes it: a change ("~") made once the relations were
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
        listings_changed(PRACTICE, [practice.pk for practice in practices if practice.is_published])
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
    with one_version(keep):
        for field in ("summary", *Practice.LONG_FIELDS, "contact", "people_reached_unit", "implementation"):
            if not getattr(keep, field) and getattr(duplicate, field):
                setattr(keep, field, getattr(duplicate, field))
        for field in ("organisation", "start_date", "end_date", "people_reached"):
            if getattr(keep, field) is None and getattr(duplicate, field) is not None:
                setattr(keep, field, getattr(duplicate, field))
        if keep.start_date and keep.end_date and keep.end_date < keep.start_date:
            keep.end_date = None
        keep.save()
        keep.topics.add(*duplicate.topics.all())
        keep.places.add(*duplicate.places.all())
        keep.partners.add(*duplicate.partners.all())
        keep.target_groups.add(*duplicate.target_groups.all())
        keep.tags.add(*duplicate.tags.all())
    _changed(
        keep,
        by=by,
        reason=_("Merged “%(title)s” into it") % {"title": duplicate.title},
        was_public=keep.is_published,
    )
    was_published = duplicate.is_published
    duplicate.merged_into = keep
    duplicate.status = Practice.Status.ARCHIVED
    duplicate.featured = False
    _changed(duplicate, by=by, reason=_("Merged into “%(title)s”") % {"title": keep.title}, was_public=was_published)
    # Practices merged into the duplicate earlier follow it, so that no address redirects twice.
    Practice.objects.filter(merged_into=duplicate).update(merged_into=keep)
    return keep
