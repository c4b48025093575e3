"""Resource-only writes. The workflow (submit, publish, reject, history) is hub.publishing.services'."""

from django.utils.text import slugify

from hub.lib.slugs import unique_slug
from hub.places.services import place_get_or_create
from hub.publishing import services as publishing
from hub.resources.models import Language, Resource


def resource_write(resource: Resource, data: dict) -> None:
    """Copy a valid ResourceForm's cleaned_data onto the resource, save it and set its relations.

    `data["places"]` (a list of places) may stand for the form's place name and country (demo content).
    """
    for name in ("title", "type", "summary", "author", "issued", "url"):
        if name in data:
            setattr(resource, name, data[name] or ("" if name != "issued" else None))
    if not resource.slug:
        resource.slug = unique_slug(Resource, resource.title, fallback="resource")
    facts = data.get("file_facts")
    if facts is not None:
        # Stored under a name of ours: the uploader's name (and any path in it) is never used.
        name = f"{slugify(resource.title)[:80] or 'resource'}.{facts.extension}"
        resource.file.save(name, data["file"], save=False)
        resource.file_type, resource.file_size, resource.file_pages = facts.content_type, facts.size, facts.pages
    resource.save()
    if "language_codes" in data:
        codes = list(data["language_codes"])
        for code in codes:
            Language.objects.get_or_create(code=code)
        resource.languages.set(codes)
    if "themes" in data or "gcm_objectives" in data:
        resource.topics.set([*data.get("themes", []), *data.get("gcm_objectives", [])])
    if "places" in data:
        resource.places.set(data["places"])
    elif "country" in data:
        country = data.get("country") or ""
        resource.places.set(
            [place_get_or_create(name=data.get("place_name") or "", country=country)] if country else []
        )
    if "practice_addresses" in data:
        resource.practices.set(data["practice_addresses"])


def resource_create(*, data: dict, by, **options) -> Resource:
    """Through the one constructor of every content kind (options: submitted_by, publish, notify, …)."""
    return publishing.content_create(model=Resource, data=data, by=by, **options)
