"""What members can react to. Each kind of content names, once, which reactions it takes and
which of its objects are public: a reaction is only ever accepted on, or shown for, a public object.

Resources, events and pledges join by adding a line here (and an include in their page)."""

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models


@dataclass(frozen=True)
class Target:
    kind: str  # the name in URLs: /reactions/practice/12/rate/
    model: str  # "app_label.ModelName"
    public: Callable[[], models.QuerySet]  # the objects anyone may see
    ratings: bool = False
    comments: bool = False
    bookmarks: bool = True

    @property
    def model_class(self):
        return apps.get_model(self.model)

    def content_type(self) -> ContentType:
        return ContentType.objects.get_for_model(self.model_class)


def _published_practices():
    return apps.get_model("practices.Practice").objects.published()


def _public_places():
    return apps.get_model("places.Place").objects.public()


def _published(model: str):
    return lambda: apps.get_model(model).objects.published()


def _all(model: str):
    return lambda: apps.get_model(model).objects.all()


TARGETS = {
    target.kind: target
    for target in (
        Target("practice", "practices.Practice", _published_practices, ratings=True, comments=True),
        Target("resource", "resources.Resource", _published("resources.Resource"), ratings=True, comments=True),
        Target("event", "events.Event", _published("events.Event"), comments=True),
        Target("topic", "vocabularies.Topic", _all("vocabularies.Topic")),
        Target("place", "places.Place", _public_places),
    )
}


def target_of(obj) -> Target | None:
    label = obj._meta.label
    return next((target for target in TARGETS.values() if target.model == label), None)


def public_object(kind: str, pk: int):
    """The public object of that kind, or None (unknown kind, no such object, or not public)."""
    target = TARGETS.get(kind)
    if target is None:
        return None, None
    return target, target.public().filter(pk=pk).first()
