"""The demo library (demo/resources.yaml) and calendar (demo/events.yaml): read and checked before
anything is written, then created through the content kinds' one constructor."""

from datetime import date, datetime
from pathlib import Path

import yaml
from django.core.files import File
from django.utils import timezone

from hub.places.services import place_get_or_create
from hub.resources.files import check_upload
from hub.resources.models import LANGUAGE_NAMES, Resource
from hub.resources.services import resource_create
from hub.vocabularies.models import Topic

RESOURCE_KEYS = {"key", "title", "type", "status", "summary", "author", "issued", "languages", "themes"}
RESOURCE_KEYS |= {"gcm_objectives", "places", "url", "file", "practices", "submitted_by", "submitted"}


def _read(path: Path, error) -> list[dict]:
    if not path.exists():
        return []
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as problem:
        raise error(f"{path.name}: not valid YAML ({problem})") from problem
    if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
        raise error(f"{path.name}: a list of entries is expected")
    return entries


def resources_read(folder: Path, *, error, members: set[str]) -> list[dict]:
    entries = _read(folder / "resources.yaml", error)
    themes = set(Topic.objects.filter(kind=Topic.Kind.THEME).values_list("slug", flat=True))
    for entry in entries:

        def fail(message, entry=entry):
            raise error(f"resources.yaml, “{entry.get('title', entry.get('key', '?'))}”: {message}")

        if unknown := set(entry) - RESOURCE_KEYS:
            fail(f"unknown keys {sorted(unknown)}")
        for key in ("key", "title", "type", "summary", "submitted"):
            if not entry.get(key):
                fail(f"“{key}” is required")
        if entry["type"] not in Resource.Type.values:
            fail(f"type is one of {Resource.Type.values}")
        if bad := [code for code in entry.get("languages", []) if code not in LANGUAGE_NAMES]:
            fail(f"unknown language codes {bad}")
        if bad := [slug for slug in entry.get("themes", []) if slug not in themes]:
            fail(f"unknown themes {bad}; the themes are {sorted(themes)}")
        if bool(entry.get("url")) == bool(entry.get("file")) and not entry.get("url"):
            fail("give a url or a file")
        if entry.get("file"):
            path = folder / entry["file"]
            if not path.is_file():
                fail(f"no file at {entry['file']}")
            with path.open("rb") as handle:
                check_upload(File(handle, name=path.name))
        if entry.get("submitted_by") and entry["submitted_by"] not in members:
            fail(f"no member “{entry['submitted_by']}” in members.yaml")
    return entries


def _moment(value) -> datetime:
    day = value if isinstance(value, date) else date.fromisoformat(str(value))
    return timezone.make_aware(datetime.combine(day, datetime.min.time().replace(hour=9)))


def resources_create(entries: list[dict], *, folder: Path, member, practices_by_file: dict) -> dict:
    made = {}
    for entry in entries:
        published = entry.get("status", "published") == "published"
        submitted_at = _moment(entry["submitted"])
        preset = {"submitted_at": submitted_at}
        if published:
            preset["published_at"] = submitted_at + timezone.timedelta(days=2)
        topics = Topic.objects.filter(slug__in=entry.get("themes", []))
        gcm = Topic.objects.filter(kind=Topic.Kind.GCM_OBJECTIVE, number__in=entry.get("gcm_objectives", []))
        data = {
            "title": entry["title"],
            "type": entry["type"],
            "summary": entry["summary"],
            "author": entry.get("author", ""),
            "issued": entry.get("issued"),
            "url": entry.get("url", ""),
            "language_codes": entry.get("languages", []),
            "themes": list(topics),
            "gcm_objectives": list(gcm),
            "places": [
                place_get_or_create(name=p["name"], country=p["country"], kind=p.get("kind", ""))
                for p in entry.get("places", [])
            ],
            "practice_addresses": [
                practices_by_file[name] for name in entry.get("practices", []) if name in practices_by_file
            ],
        }
        handle = None
        if entry.get("file"):
            path = folder / entry["file"]
            handle = path.open("rb")
            upload = File(handle, name=path.name)
            data["file"], data["file_facts"] = upload, check_upload(upload)
        try:
            username = entry.get("submitted_by")
            made[entry["key"]] = resource_create(
                data=data,
                by=None,
                submitted_by=member(username) if username else None,
                submitter_name="" if username else entry.get("author", ""),
                publish=published,
                notify=False,
                reason="Loaded with the demo content",
                **preset,
            )
        finally:
            if handle:
                handle.close()
    return made
