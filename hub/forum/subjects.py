""" "Discuss this practice": a topic may be about a published object of any registered publishing kind
(hub/publishing/kinds.py). The kind's slug names it in URLs: /discuss/about/practice/12/."""

from hub.publishing.kinds import KINDS


def public_subject(kind: str, pk):
    """The published object of that kind, or None (unknown kind, no such object, or not public)."""
    content_kind = KINDS.get(kind)
    if content_kind is None or not str(pk).isdigit():
        return None
    return content_kind.model_class.objects.published().filter(pk=pk).first()


def kind_slug_of(obj) -> str | None:
    label = obj._meta.label
    return next((kind.slug for kind in KINDS.values() if kind.model == label), None)


def subject_of(topic):
    """The published object the topic is about, or None (none, or no longer public)."""
    if not topic.subject_type_id:
        return None
    model = topic.subject_type.model_class()
    slug = kind_slug_of(model) if model else None
    return public_subject(slug, topic.subject_id) if slug else None
