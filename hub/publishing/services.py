"""The editorial workflow of every curated content type, written once: create (submit or import),
edit, publish, reject, feature, archive, restore a version, delete.

Each runs in one transaction and ends in `_changed()`, the one place that records the version in the
object's history, brings the search index up to date, tells the listings that public content changed
(only when it did) and sends the submitter's e-mail once the data is committed.
"""

from contextlib import contextmanager

from django.db import transaction
from django.db.models import ManyToManyField
from django.utils import timezone
from django.utils.translation import gettext as _

from hub.lib.mail import member_language, send_templated_mail
from hub.publishing.kinds import announce_change, kind_of
from hub.publishing.models import Publishable, Status
from hub.search.listing import listings_changed

# The workflow's own fields: a restored version brings back the content, never these.
WORKFLOW_FIELDS = frozenset(
    {
        "id",
        "slug",
        "status",
        "status_token",
        "submitted_by",
        "submitter_name",
        "submitter_email",
        "submitted_at",
        "rejection_reason",
        "published_at",
        "featured",
        "created_at",
        "updated_at",
    }
)


@contextmanager
def one_version(obj: Publishable):
    """Field and relation changes inside the block make one version in the history (written by
    `_changed()` after it), not one per relation."""
    obj.skip_history_when_saving = True
    try:
        yield
    finally:
        del obj.skip_history_when_saving


def _changed(obj: Publishable, *, by, reason: str, was_public: bool, mail: str | None = None) -> None:
    obj._history_user = by if by and by.is_authenticated else None
    obj._change_reason = reason
    obj.save()
    kind = kind_of(obj)
    if kind.index:
        kind.index([obj])
    if was_public or obj.is_published:
        listings_changed(obj._meta.label_lower, [obj.pk])
    if kind.after_change:
        kind.after_change(obj, by)
    announce_change(obj, by=by, was_public=was_public)
    if mail:
        template = kind.mail_template(mail)
        context = {kind.slug: obj, "object": obj, "kind": kind}
        # In the submitter's language: a member's choice, else the language they wrote in; "submitted"
        # goes out in the submitter's own request, so in the language they are reading.
        language = member_language(obj.submitted_by) or (
            None if mail == "submitted" else getattr(obj, "language", None)
        )
        transaction.on_commit(
            lambda: send_templated_mail(
                to=obj.submitter_contact_email, template=template, context=context, language=language
            )
        )


@transaction.atomic
def content_create(
    *,
    model: type[Publishable],
    data: dict,
    by,
    submitted_by=None,
    submitter_name: str = "",
    submitter_email: str = "",
    publish: bool = False,
    reason: str | None = None,
    notify: bool = True,
    **preset,
) -> Publishable:
    """The one constructor of every content type: a submission (to the moderation queue, the submitter
    told by e-mail), or with `publish` an object published at once (imports, demo content).

    `submitted_by` is the member it is credited to; without one, the name and address the submitter
    gave are kept and shown as not verified. `preset`: fields set before the data (dates of demo content).
    """
    now = timezone.now()
    obj = model(status=Status.SUBMITTED, submitted_at=now)
    if submitted_by is not None:
        obj.submitted_by = submitted_by
    else:
        obj.submitter_name, obj.submitter_email = submitter_name, submitter_email
    if publish:
        obj.status, obj.published_at = Status.PUBLISHED, now
    for name, value in preset.items():
        setattr(obj, name, value)
    with one_version(obj):
        kind_of(obj).write(obj, data)
    _changed(
        obj,
        by=by,
        reason=reason or _("Submitted"),
        was_public=False,
        mail="submitted" if notify and not publish else None,
    )
    return obj


@transaction.atomic
def content_update(*, obj: Publishable, data: dict, by, reason: str | None = None) -> Publishable:
    was_public = obj.is_published
    with one_version(obj):
        kind_of(obj).write(obj, data)
    _changed(obj, by=by, reason=reason or _("Edited"), was_public=was_public)
    return obj


def _stored_status(obj: Publishable) -> str:
    """The object's status as stored, its row locked until commit: two moderators deciding at the same
    moment take turns, and the second sees the first one's decision (SQLite's writers take turns anyway)."""
    return type(obj).objects.select_for_update().values_list("status", flat=True).get(pk=obj.pk)


@transaction.atomic
def content_publish(*, obj: Publishable, by) -> Publishable:
    """Publish, telling the submitter; publishing what is published already (a second moderator a moment
    later) changes nothing and sends nothing."""
    if _stored_status(obj) == Status.PUBLISHED:
        obj.refresh_from_db()
        return obj
    was_public = False
    obj.status = Status.PUBLISHED
    obj.published_at = obj.published_at or timezone.now()
    obj.rejection_reason = ""
    _changed(obj, by=by, reason=_("Published"), was_public=was_public, mail="published")
    return obj


@transaction.atomic
def content_reject(*, obj: Publishable, by, reason: str) -> Publishable:
    stored = _stored_status(obj)
    if stored == Status.REJECTED:
        obj.refresh_from_db()
        return obj
    was_public = stored == Status.PUBLISHED
    obj.status = Status.REJECTED
    obj.rejection_reason = reason
    obj.featured = False
    _changed(obj, by=by, reason=_("Rejected"), was_public=was_public, mail="rejected")
    return obj


@transaction.atomic
def content_set_featured(*, obj: Publishable, by, featured: bool) -> Publishable:
    obj.featured = featured and obj.is_published
    reason = _("Featured") if obj.featured else _("No longer featured")
    _changed(obj, by=by, reason=reason, was_public=obj.is_published)
    return obj


@transaction.atomic
def content_archive(*, obj: Publishable, by, reason: str | None = None) -> Publishable:
    stored = _stored_status(obj)
    if stored == Status.ARCHIVED:
        obj.refresh_from_db()
        return obj
    was_public = stored == Status.PUBLISHED
    obj.status = Status.ARCHIVED
    obj.featured = False
    _changed(obj, by=by, reason=reason or _("Archived"), was_public=was_public)
    return obj


def restorable_fields(obj: Publishable) -> list[str]:
    kind = kind_of(obj)
    return [
        field.attname
        for field in obj._meta.concrete_fields
        if field.name not in WORKFLOW_FIELDS and field.name not in kind.kept_on_restore
    ]


@transaction.atomic
def content_restore_version(*, obj: Publishable, history_id: int, by) -> Publishable:
    """Bring back the content of an earlier version; its workflow state stays as it is now."""
    record = obj.history.get(history_id=history_id)
    old = record.instance
    for name in restorable_fields(obj):
        setattr(obj, name, getattr(old, name))
    with one_version(obj):
        for name in kind_of(obj).restored_relations:
            field = obj._meta.get_field(name)
            assert isinstance(field, ManyToManyField)
            target = field.m2m_reverse_field_name()
            getattr(obj, name).set(getattr(record, name).values_list(target, flat=True))
    when = record.history_date.strftime("%Y-%m-%d %H:%M")
    _changed(obj, by=by, reason=_("Restored the version of %(date)s") % {"date": when}, was_public=obj.is_published)
    return obj


@transaction.atomic
def content_delete(*, obj: Publishable, by) -> None:
    """Delete for good (the admin's delete); the search index forgets it in the same transaction."""
    was_public = obj.is_published
    # The row first, then the search index's turn (search.services._take_turns), as every edit
    # takes them: in the other order, an edit of this object at the same time would deadlock.
    type(obj).objects.select_for_update().filter(pk=obj.pk).exists()
    obj.status = Status.ARCHIVED  # out of the index
    kind = kind_of(obj)
    if kind.index:
        kind.index([obj])
    obj._history_user = by if by and by.is_authenticated else None
    pk = obj.pk  # before the delete, which forgets it
    obj.delete()
    if was_public:
        listings_changed(obj._meta.label_lower, [pk])


@transaction.atomic
def content_set_fields(*, obj: Publishable, by, reason: str, **fields) -> Publishable:
    """Change a content type's own fields outside its form (a pledge's state, set by a progress
    update): one version in the history, then what every change brings."""
    was_public = obj.is_published
    for name, value in fields.items():
        if name in WORKFLOW_FIELDS:
            raise ValueError(f"{name} is the workflow's: change it through its service.")
        setattr(obj, name, value)
    _changed(obj, by=by, reason=reason, was_public=was_public)
    return obj


@transaction.atomic
def content_record_edit(*, obj: Publishable, by, reason: str | None = None) -> Publishable:
    """An edit made by a generic editor (the admin's change form, which saved the fields and relations
    with history turned off): one version in the history, then what every change brings."""
    _changed(obj, by=by, reason=reason or _("Edited in the back office"), was_public=obj.is_published)
    return obj


# Translations of content (hub.publishing.models.ContentTranslation): every change is one version in the
# translation's history, brings the object's search document up to date (its translations are searched
# with it) and, when the object is public, tells the listings (search matches, cached pages) it changed.


def _translation_changed(obj: Publishable, translation, *, by, reason: str) -> None:
    translation._history_user = by if by and by.is_authenticated else None
    translation._change_reason = reason
    translation.save()
    kind = kind_of(obj)
    if kind.index:
        kind.index([obj])
    if obj.is_published:
        listings_changed(obj._meta.label_lower, [obj.pk])


@transaction.atomic
def translation_save(
    *,
    obj: Publishable,
    language: str,
    fields: dict[str, str],
    translator_name: str,
    translated_on,
    by,
    translator=None,
    published: bool = True,
):
    """Add or change the translation of `obj` into `language`; `fields` holds its kind's translatable
    fields (the empty ones are left out: readers see the original's there)."""
    from hub.publishing.models import ContentTranslation

    kind = kind_of(obj)
    unknown = set(fields) - set(kind.translatable)
    if unknown:
        raise ValueError(f"{kind.slug} has no translatable field {', '.join(sorted(unknown))}.")
    translation = ContentTranslation.objects.filter(kind=kind.slug, object_id=obj.pk, language=language).first()
    created = translation is None
    if created:
        translation = ContentTranslation(kind=kind.slug, object_id=obj.pk, language=language)
    translation.fields = {name: text for name, text in fields.items() if text}
    translation.translator_name = translator_name
    translation.translator = translator
    translation.translated_on = translated_on
    translation.published = published
    _translation_changed(obj, translation, by=by, reason=_("Translation added") if created else _("Translation edited"))
    return translation


@transaction.atomic
def translation_restore_version(*, obj: Publishable, translation, history_id: int, by):
    """The translation as it was in that version (text, translator, date, shown or not)."""
    record = translation.history.get(history_id=history_id)
    for name in ("fields", "translator_name", "translator_id", "translated_on", "published"):
        setattr(translation, name, getattr(record, name))
    when = timezone.localtime(record.history_date).strftime("%Y-%m-%d %H:%M")
    _translation_changed(obj, translation, by=by, reason=_("Restored the version of %(date)s") % {"date": when})
    return translation


@transaction.atomic
def translation_delete(*, obj: Publishable, translation, by) -> None:
    """Delete for good (its history keeps the text); the search document of the object loses it."""
    translation._history_user = by if by and by.is_authenticated else None
    translation._change_reason = _("Translation deleted")
    translation.delete()
    kind = kind_of(obj)
    if kind.index:
        kind.index([obj])
    if obj.is_published:
        listings_changed(obj._meta.label_lower, [obj.pk])
