"""The demo loader builds the same database, row for row, as the one recorded in demo_fingerprint.json.

The fingerprint was recorded from the demo content when it was still Python (before the data files):
it proves the move to data files changed nothing, and it keeps proving it when the loader is
rewritten. It was recorded again when the demo's pledges came (initiatives, pledges, their updates,
representatives, and the members and organisations they name, appended after the others).
After a deliberate change of the demo content, record it again with
`DEMO_FINGERPRINT=write .venv/bin/python -m pytest hub/practices/tests/test_demo_fingerprint.py`
and read the diff before committing it.
"""

import hashlib
import json
import os
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from taggit.models import Tag

from hub.people.models import Organisation
from hub.places.models import Place
from hub.pledges.models import Initiative, Pledge, Representative
from hub.practices.models import Practice
from hub.search.models import SearchDocument, SearchTerm

pytestmark = pytest.mark.django_db

RECORDED = Path(__file__).with_name("demo_fingerprint.json")

# Set by the clock or at random on every load, not by the demo content.
UNRECORDED_FIELDS = {"id", "status_token", "created_at", "updated_at"}


def _value(value):
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _practice(practice: Practice) -> dict:
    fields = {
        field.name: _value(getattr(practice, field.name))
        for field in Practice._meta.concrete_fields
        if not field.is_relation and field.name not in UNRECORDED_FIELDS
    }
    fields["organisation"] = practice.organisation.name if practice.organisation else None
    fields["submitted_by"] = practice.submitted_by.get_username() if practice.submitted_by else None
    fields["adapted_from"] = practice.adapted_from.slug if practice.adapted_from else None
    fields["merged_into"] = practice.merged_into.slug if practice.merged_into else None
    fields["partners"] = sorted(o.name for o in practice.partners.all())
    fields["places"] = sorted(p.slug for p in practice.places.all())
    fields["topics"] = sorted(t.slug for t in practice.topics.all())
    fields["target_groups"] = sorted(t.slug for t in practice.target_groups.all())
    fields["tags"] = sorted(t.name for t in practice.tags.all())
    fields["links"] = [[link.kind, link.title, link.url] for link in practice.links.order_by("pk")]
    fields["history"] = [
        [
            record.history_type,
            record.history_change_reason,
            record.history_user.get_username() if record.history_user else None,
            record.status,
            record.title,
            sorted(t.topic.slug for t in record.topics.all()),
            sorted(p.place.slug for p in record.places.all()),
            sorted(o.organisation.name for o in record.partners.all()),
            sorted(g.targetgroup.slug for g in record.target_groups.all()),
        ]
        for record in practice.history.order_by("history_id")
    ]
    document = SearchDocument.objects.filter(id=practice.pk).first()
    fields["search_pairs"] = (
        hashlib.sha256(" ".join(sorted(document.pairs.split())).encode()).hexdigest() if document else None
    )
    return fields


def _username(user) -> str | None:
    return user.get_username() if user else None


def _pledge(pledge: Pledge) -> dict:
    fields = {
        field.name: _value(getattr(pledge, field.name))
        for field in Pledge._meta.concrete_fields
        if not field.is_relation and field.name not in UNRECORDED_FIELDS
    }
    fields["organisation"] = pledge.organisation.name
    fields["submitted_by"] = _username(pledge.submitted_by)
    fields["initiative"] = pledge.initiative.slug if pledge.initiative else None
    fields["renews"] = pledge.renews.slug if pledge.renews else None
    fields["partners"] = sorted(o.name for o in pledge.partners.all())
    fields["places"] = sorted(p.slug for p in pledge.places.all())
    fields["topics"] = sorted(t.slug for t in pledge.topics.all())
    fields["practices"] = sorted(p.slug for p in pledge.practices.all())
    fields["targets"] = [[t.number, t.unit, t.position] for t in pledge.targets.all()]
    fields["history"] = [
        [record.history_type, record.history_change_reason, _username(record.history_user), record.status, record.state]
        for record in pledge.history.order_by("history_id")
    ]
    fields["updates"] = [
        [
            _value(update.date),
            update.status,
            update.state,
            update.text,
            update.evidence,
            _username(update.submitted_by),
            _value(update.submitted_at),
            _value(update.published_at),
            sorted([figure.target.unit, figure.reached] for figure in update.figures.all()),
            [record.history_change_reason for record in update.history.order_by("history_id")],
        ]
        for update in pledge.updates.order_by("pk")
    ]
    return fields


def demo_fingerprint() -> dict:
    User = get_user_model()
    # Only the models the migrations made: a test module may define a model of its own (the toy kind
    # of hub/publishing/tests/test_new_kind.py), whose table exists only during its tests.
    tables = set(connection.introspection.table_names())
    return {
        "counts": {
            model._meta.label: model._default_manager.count()
            for model in apps.get_models(include_auto_created=True)
            if model._meta.managed and model._meta.db_table in tables
        },
        # Lists in the order the rows were created (ids differ from one run to the next on PostgreSQL).
        "practices": [_practice(p) for p in Practice.objects.order_by("pk")],
        "organisations": [
            [o.name, o.slug, o.stakeholder_type.slug if o.stakeholder_type else None, o.website]
            for o in Organisation.objects.order_by("pk")
        ],
        "places": [
            [p.name, p.slug, p.kind, p.country.code, p.continent, p.region, p.latitude, p.longitude, p.gazetteer_key]
            + [p.needs_review]
            for p in Place.objects.order_by("pk")
        ],
        "members": [
            [
                u.username,
                u.first_name,
                u.last_name,
                u.email,
                u.is_staff,
                u.is_superuser,
                u.is_active,
                u.has_usable_password(),
                sorted(g.name for g in u.groups.all()),
            ]
            for u in User.objects.order_by("pk")
        ],
        "email_addresses": [
            [e.user.get_username(), e.email, e.verified, e.primary] for e in EmailAddress.objects.order_by("pk")
        ],
        "tags": [[t.name, t.slug] for t in Tag.objects.order_by("pk")],
        "initiatives": [
            [i.name, i.slug, i.description, i.host.name if i.host else None, _value(i.start_date), _value(i.end_date)]
            + [i.website]
            for i in Initiative.objects.order_by("pk")
        ],
        "pledges": [_pledge(p) for p in Pledge.objects.order_by("pk")],
        "representatives": [
            [r.user.get_username(), r.organisation.name, r.trusted, _username(r.granted_by)]
            for r in Representative.objects.order_by("pk")
        ],
        "search_terms": hashlib.sha256(
            json.dumps(
                list(SearchTerm.objects.order_by("word", "term").values_list("word", "term", "length", "documents"))
            ).encode()
        ).hexdigest(),
    }


def test_the_demo_loader_builds_the_recorded_database():
    call_command("load_demo", verbosity=0)
    loaded = demo_fingerprint()

    if os.environ.get("DEMO_FINGERPRINT") == "write":
        RECORDED.write_text(json.dumps(loaded, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    recorded = json.loads(RECORDED.read_text(encoding="utf-8"))

    assert loaded["counts"] == recorded["counts"]
    assert [p["title"] for p in loaded["practices"]] == [p["title"] for p in recorded["practices"]]
    for practice, expected in zip(loaded["practices"], recorded["practices"], strict=True):
        assert practice == expected, practice["title"]
    assert loaded == recorded
