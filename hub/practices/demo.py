"""Loads the demo content of the top-level demo/ folder (its format: demo/README.md) into an empty database.

Everything is read and checked before anything is written: a mistake in a file stops the load
with a message naming the file, and leaves the database as it was.
"""

import dataclasses
import re
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

import yaml
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from hub.accounts.roles import MODERATORS_GROUP
from hub.people.demo_members import demo_members_load
from hub.people.services import organisation_get_or_create
from hub.places.models import Place
from hub.places.services import place_get_or_create
from hub.practices.models import Practice
from hub.practices.services import practice_create
from hub.search.relevance.honest import load_honest
from hub.search.services import search_rebuild
from hub.vocabularies.models import StakeholderType, TargetGroup, Topic

DEMO_FOLDER = Path(settings.BASE_DIR) / "demo"

# The Markdown sections of a practice file, by heading, and the field each one fills.
SECTIONS = {
    "Summary": "summary",
    "Background and objectives": "background",
    "Activities": "activities",
    "Participants and beneficiaries": "participants",
    "Outcomes": "outcomes",
    "Evaluation": "evaluation",
    "Recommendations": "recommendations",
    "Lessons learned": "lessons_learned",
    "Challenges": "challenges",
}
STATUSES = {"published": Practice.Status.PUBLISHED, "submitted": Practice.Status.SUBMITTED}
REQUIRED_KEYS = {"title", "status", "submitted"}
# Each front-matter key with the type of its value.
FRONT_MATTER = {
    "title": str,
    "status": str,
    "featured": bool,
    "language": str,
    "submitted_by": str,
    "submitter_name": str,
    "submitted": (date, str),
    "organisation": str,
    "partners": list,
    "places": list,
    "start": (date, str),
    "end": (date, str),
    "implementation": str,
    "people_reached": int,
    "people_reached_unit": str,
    "migrant_participation": str,
    "evidence": str,
    "target_groups": list,
    "themes": list,
    "dimensions": list,
    "gcm_objectives": list,
    "tags": list,
    "links": list,
    "elsewhere": list,
    "adapted_from": str,
}
MEMBER_KEYS = {"username", "first_name", "last_name", "email", "password", "moderator", "represents"}
HEADING = re.compile(r"^## (.*?)\s*$")
MONTH = re.compile(r"^\d{4}-\d{2}$")


class DemoContentError(Exception):
    """A demo file that cannot be loaded as it is; the message names the file and what to fix."""


@dataclass
class DemoContent:
    practices: list[dict]  # in the order of their file names
    organisations: dict[str, str]  # name: stakeholder type slug
    members: dict[str, dict]  # username: entry of members.yaml
    initiatives: dict[str, dict] = dataclasses.field(default_factory=dict)  # name: entry of initiatives.yaml
    pledges: list[dict] = dataclasses.field(default_factory=list)  # in the order of their file names
    translations: list[dict] = dataclasses.field(default_factory=list)  # entries of translations.yaml


def _month(value: date | str | None) -> date | None:
    if not value:
        return None
    if isinstance(value, date):
        return date(value.year, value.month, 1)
    year, month = value.split("-")[:2]
    return date(int(year), int(month), 1)


def _moment(value: date | str) -> datetime:
    day = value if isinstance(value, date) else date.fromisoformat(value)
    return timezone.make_aware(datetime.combine(day, time(9, 0)))


# ---------------------------------------------------------------- reading the files


def _yaml(path: Path, text: str):
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise DemoContentError(f"{path}: not valid YAML ({error}).") from error


def _read_practice(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    parts = text.split("\n---\n", 1) if text.startswith("---\n") else []
    if len(parts) != 2:
        raise DemoContentError(f"{path}: a practice file starts with front matter between two lines of “---”.")
    front = _yaml(path, parts[0].removeprefix("---\n")) or {}
    if not isinstance(front, dict):
        raise DemoContentError(f"{path}: the front matter must be “key: value” lines.")
    if unknown := set(front) - set(FRONT_MATTER):
        raise DemoContentError(
            f"{path}: unknown key(s) {', '.join(sorted(unknown))}; known: {', '.join(FRONT_MATTER)}."
        )
    if missing := REQUIRED_KEYS - set(front):
        raise DemoContentError(f"{path}: {', '.join(sorted(missing))} missing.")
    for key, value in front.items():
        if value is not None and not isinstance(value, FRONT_MATTER[key]):
            hint = " (put the value in quotes)" if isinstance(value, bool | int | float | date) else ""
            raise DemoContentError(f"{path}: {key} has a value of the wrong kind: {value!r}{hint}.")
    entry = {key: value for key, value in front.items() if value is not None}
    entry.update(_read_sections(path, parts[1]))
    if not entry.get("summary"):
        raise DemoContentError(f"{path}: the “## Summary” section is missing or empty.")
    for field in ("title", "summary"):
        if len(entry[field]) > (limit := Practice._meta.get_field(field).max_length):
            raise DemoContentError(f"{path}: the {field} is longer than {limit} characters.")
    entry["file"] = path.stem
    return entry


def _read_sections(path: Path, body: str) -> dict:
    sections: dict[str, list[str]] = {}
    current = None
    for number, line in enumerate(body.split("\n"), start=1):
        if match := HEADING.match(line):
            heading = match.group(1)
            if heading not in SECTIONS:
                raise DemoContentError(
                    f"{path}: unknown section “## {heading}”; the sections are: {', '.join(SECTIONS)}."
                )
            current = SECTIONS[heading]
            if current in sections:
                raise DemoContentError(f"{path}: “## {heading}” appears twice.")
            sections[current] = []
        elif current is None:
            if line.strip():
                raise DemoContentError(f"{path}: text before the first “## ” heading (line {number} of the body).")
        else:
            sections[current].append(line)
    return {field: "\n".join(lines).strip() for field, lines in sections.items()}


def _check(path: str, entry: dict, content: DemoContent, earlier: set[str], vocabularies: dict) -> None:
    """Every value names something that exists: a mistake stops the load instead of being dropped."""

    def fail(message):
        raise DemoContentError(f"{path}: {message}")

    if entry["status"] not in STATUSES:
        fail(f"status “{entry['status']}” is not one of: {', '.join(STATUSES)}.")
    if "submitted_by" in entry and "submitter_name" in entry:
        fail("submitted_by (a member) or submitter_name (a visitor without an account), not both.")
    if "submitted_by" in entry and entry["submitted_by"] not in content.members:
        fail(f"submitted_by “{entry['submitted_by']}” is not a username of members.yaml.")
    for name in [entry.get("organisation"), *entry.get("partners", [])]:
        if name and name not in content.organisations:
            fail(f"the organisation “{name}” is not in organisations.yaml.")
    if (adapted_from := entry.get("adapted_from")) and adapted_from not in earlier:
        fail(f"adapted_from “{adapted_from}” must be the file name (without .md) of a practice that comes earlier.")
    for key in ("start", "end"):
        if isinstance(entry.get(key), str) and not MONTH.match(entry[key]):
            fail(f"{key} “{entry[key]}” is not a month written YYYY-MM.")
    if isinstance(entry["submitted"], str):
        try:
            date.fromisoformat(entry["submitted"])
        except ValueError:
            fail(f"submitted “{entry['submitted']}” is not a day written YYYY-MM-DD.")
    check_places(entry.get("places", []), fail)
    for key, kind in (("partners", str), ("tags", str), ("themes", str), ("dimensions", str), ("target_groups", str)):
        if not all(isinstance(value, kind) for value in entry.get(key, [])):
            fail(f"{key} is a list of names or slugs: {entry[key]!r}.")
    if not all(isinstance(value, int) for value in entry.get("gcm_objectives", [])):
        fail(f"gcm_objectives is a list of numbers: {entry['gcm_objectives']!r}.")
    for key, fields in (("links", {"title", "url"}), ("elsewhere", {"site", "url"})):
        for link in entry.get(key, []):
            if not isinstance(link, dict) or set(link) != fields:
                fail(f"each of {key} has exactly the keys {', '.join(sorted(fields))}, not {link!r}.")
    for key, choices in (
        ("implementation", Practice.Implementation.values),
        ("migrant_participation", Practice.Participation.values),
        ("evidence", Practice.Evidence.values),
        ("language", [code for code, _ in settings.TRANSLATED_LANGUAGES]),
    ):
        if entry.get(key, "") not in {"", *choices}:
            fail(f"{key} “{entry[key]}” is not one of: {', '.join(choices)}.")
    for key, known in vocabularies.items():
        values = entry.get(key, [])
        if unknown := [value for value in values if str(value) not in known]:
            fail(f"unknown {key}: {', '.join(map(str, unknown))}; known: {', '.join(sorted(known))}.")


def check_places(places: list, fail) -> None:
    """Each place of a demo file is {name: …, country: XX, kind: …}; `fail(message)` raises."""
    for place in places:
        if not isinstance(place, dict) or set(place) - {"name", "country", "kind"} or {"name", "country"} - set(place):
            fail(f"a place is written {{name: …, country: …, kind: …}} (kind optional), not {place!r}.")
        if not isinstance(place["country"], str) or len(place["country"]) != 2:
            fail(
                f"the country of {place['name']} is a two-letter code, in quotes if YAML "
                f"could read it otherwise (“NO”), not {place['country']!r}."
            )
        if place.get("kind", "") not in {"", *Place.Kind.values}:
            fail(f"the kind of {place['name']} is one of: {', '.join(Place.Kind.values)}.")


def _read_list(path: Path, keys: set[str], required: set[str]) -> list[dict]:
    rows = _yaml(path, path.read_text(encoding="utf-8")) or []
    if not isinstance(rows, list):
        raise DemoContentError(f"{path}: a list of entries, each starting with “- ”.")
    for row in rows:
        if not isinstance(row, dict) or set(row) - keys or required - set(row):
            raise DemoContentError(
                f"{path}: each entry has {', '.join(sorted(required))} "
                f"(and may have {', '.join(sorted(keys - required))}), not {row!r}."
            )
    return rows


def demo_read(*, folder: Path = DEMO_FOLDER) -> DemoContent:
    """The demo content of `folder`, checked against the vocabularies of the database."""
    for needed in ("organisations.yaml", "members.yaml", "practices"):
        if not (folder / needed).exists():
            raise DemoContentError(f"{folder}: {needed} is missing (see demo/README.md).")
    organisations: dict[str, str] = {}
    for row in _read_list(folder / "organisations.yaml", {"name", "sector"}, {"name", "sector"}):
        if row["name"] in organisations:
            raise DemoContentError(f"{folder / 'organisations.yaml'}: “{row['name']}” appears twice.")
        organisations[row["name"]] = row["sector"]
    members: dict[str, dict] = {}
    for row in _read_list(folder / "members.yaml", MEMBER_KEYS, {"username", "first_name", "last_name"}):
        if row["username"] in members:
            raise DemoContentError(f"{folder / 'members.yaml'}: “{row['username']}” appears twice.")
        members[row["username"]] = row
    content = DemoContent(practices=[], organisations=organisations, members=members)

    sectors = set(StakeholderType.objects.values_list("slug", flat=True))
    if unknown := set(organisations.values()) - sectors:
        raise DemoContentError(
            f"{folder / 'organisations.yaml'}: unknown sector(s) {', '.join(sorted(unknown))}; "
            f"known: {', '.join(sorted(sectors))}."
        )
    topics = dict.fromkeys(Topic.Kind.values, set())
    for kind, slug in Topic.objects.values_list("kind", "slug"):
        topics[kind] = topics[kind] | {slug}
    vocabularies = {
        "themes": topics[Topic.Kind.THEME],
        "dimensions": topics[Topic.Kind.DIMENSION],
        "gcm_objectives": {slug.removeprefix("gcm-objective-") for slug in topics[Topic.Kind.GCM_OBJECTIVE]},
        "target_groups": set(TargetGroup.objects.values_list("slug", flat=True)),
    }
    paths = sorted((folder / "practices").glob("*.md"))
    if not paths:
        raise DemoContentError(f"{folder / 'practices'}: no practice files (*.md).")
    for path in paths:
        entry = _read_practice(path)
        _check(str(path), entry, content, {p["file"] for p in content.practices}, vocabularies)
        content.practices.append(entry)
    # The demo spans apps: pledges (which implement practices) are read and checked here too, before
    # anything is written.
    from hub.pledges.demo import pledges_read

    pledges_read(folder=folder, content=content, vocabularies=vocabularies)
    content.translations = _read_translations(folder / "translations.yaml", content)
    return content


TRANSLATION_KEYS = {"practice", "pledge", "language", "translator", "translated", "fields"}
TRANSLATABLE = {
    "practice": {"title", "summary", *Practice.LONG_FIELDS},
    "pledge": {"title", "commitment", "body"},
}


def _read_translations(path: Path, content: DemoContent) -> list[dict]:
    """translations.yaml, each entry checked: the practice or pledge it translates exists, the language
    is one of the site's and not the original's, and only translatable fields are given."""
    if not path.exists():
        return []
    entries = _read_list(path, TRANSLATION_KEYS, {"language", "translator", "translated", "fields"})
    originals = {
        "practice": {entry["file"]: entry for entry in content.practices},
        "pledge": {entry["file"]: entry for entry in content.pledges},
    }
    languages = dict(settings.TRANSLATED_LANGUAGES)
    seen = set()
    for entry in entries:
        kinds = [kind for kind in ("practice", "pledge") if kind in entry]
        if len(kinds) != 1:
            raise DemoContentError(f"{path}: each translation names one practice or one pledge, not {entry!r}.")
        kind = kinds[0]
        original = originals[kind].get(entry[kind])
        if original is None:
            raise DemoContentError(f"{path}: there is no {kind} file “{entry[kind]}”.")
        if entry["language"] not in languages or entry["language"] == original.get("language", "en"):
            raise DemoContentError(
                f"{path}: {entry[kind]} cannot be translated into “{entry['language']}”: "
                f"a language of the site ({', '.join(languages)}) other than the original's."
            )
        if (kind, entry[kind], entry["language"]) in seen:
            raise DemoContentError(f"{path}: {entry[kind]} is translated into {entry['language']} twice.")
        seen.add((kind, entry[kind], entry["language"]))
        fields = entry["fields"]
        if not isinstance(fields, dict) or not fields or set(fields) - TRANSLATABLE[kind]:
            raise DemoContentError(
                f"{path}: the fields of the translation of {entry[kind]} are some of "
                f"{', '.join(sorted(TRANSLATABLE[kind]))}, not {fields!r}."
            )
        entry["kind"] = kind
        entry["fields"] = {name: str(text).strip() for name, text in fields.items()}
    return entries


def _translations_create(content: DemoContent, *, practices: dict[str, Practice]) -> int:
    from hub.pledges.models import Pledge
    from hub.publishing.services import translation_save

    moderator = next(
        (get_user_model().objects.get(username=name) for name, row in content.members.items() if row.get("moderator")),
        None,
    )
    pledge_titles = {entry["file"]: entry["title"] for entry in content.pledges}
    for entry in content.translations:
        if entry["kind"] == "practice":
            obj = practices[entry["practice"]]
        else:
            obj = Pledge.objects.filter(title=pledge_titles[entry["pledge"]]).order_by("pk").first()
        translation_save(
            obj=obj,
            language=entry["language"],
            fields=entry["fields"],
            translator_name=entry["translator"],
            translated_on=entry["translated"],
            by=moderator,
        )
    return len(content.translations)


# ---------------------------------------------------------------- writing the database


def _member(content: DemoContent, username: str):
    """The account of a member of members.yaml, made the first time the demo needs it."""
    User = get_user_model()
    row = content.members[username]
    user, created = User.objects.get_or_create(
        username=username,
        defaults={"first_name": row["first_name"], "last_name": row["last_name"], "email": row.get("email", "")},
    )
    if not created:
        return user
    if row.get("password"):
        user.set_password(row["password"])
    else:
        user.set_unusable_password()
    user.is_staff = bool(row.get("moderator"))
    user.save()
    if row.get("moderator"):
        user.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    if user.email:
        # allauth lets no one sign in before their address is verified.
        EmailAddress.objects.update_or_create(user=user, email=user.email, defaults={"verified": True, "primary": True})
    return user


def _create(entry: dict, *, content: DemoContent, by_file: dict) -> Practice:
    # The one place that makes a demo practice, through the one constructor of practices.
    sectors = {s.slug: s for s in StakeholderType.objects.all()}
    published = STATUSES[entry["status"]] == Practice.Status.PUBLISHED
    submitted_at = _moment(entry["submitted"])
    preset = {"submitted_at": submitted_at, "featured": entry.get("featured", False) and published}
    if published:
        preset["published_at"] = submitted_at + timezone.timedelta(days=3)
    # The organisation before its partners and the submitter after them, as the demo has always made them.
    if organisation := entry.get("organisation"):
        preset["organisation"] = organisation_get_or_create(
            name=organisation, stakeholder_type=sectors.get(content.organisations[organisation])
        )
    topic_slugs = [*entry.get("themes", []), *entry.get("dimensions", [])]
    topic_slugs += [f"gcm-objective-{n}" for n in entry.get("gcm_objectives", [])]
    data = {
        "title": entry["title"],
        "summary": entry["summary"],
        **{name: entry.get(name, "") for name in Practice.LONG_FIELDS},
        "start_date": _month(entry.get("start")),
        "end_date": _month(entry.get("end")),
        "implementation": entry.get("implementation", ""),
        "people_reached": entry.get("people_reached"),
        "people_reached_unit": entry.get("people_reached_unit", ""),
        "migrant_participation": entry.get("migrant_participation", ""),
        "evidence": entry.get("evidence", ""),
        "language": entry.get("language", "en"),
        "adapted_from": by_file.get(entry.get("adapted_from", "")),
        "partners": [
            organisation_get_or_create(name=name, stakeholder_type=sectors.get(content.organisations[name]))
            for name in entry.get("partners", [])
        ],
        "places": [
            place_get_or_create(name=p["name"], country=p["country"], kind=p.get("kind", ""))
            for p in entry.get("places", [])
        ],
        "topics": Topic.objects.filter(slug__in=topic_slugs),
        "target_groups": TargetGroup.objects.filter(slug__in=entry.get("target_groups", [])),
        "tags": entry.get("tags", []),
        "links": [(link["title"], link["url"]) for link in entry.get("links", [])],
        "elsewhere": [(link["site"], link["url"]) for link in entry.get("elsewhere", [])],
    }
    username = entry.get("submitted_by")
    return practice_create(
        data=data,
        by=None,
        submitted_by=_member(content, username) if username else None,
        submitter_name=entry.get("submitter_name", ""),
        publish=published,
        reason="Loaded with the demo content",
        notify=False,
        **preset,
    )


@transaction.atomic
def demo_load(*, folder: Path = DEMO_FOLDER) -> dict:
    content = demo_read(folder=folder)
    # The library and the calendar (their loaders live in their apps), checked before anything is written.
    from hub.events.demo import events_create, events_read
    from hub.resources.demo import resources_create, resources_read

    resources = resources_read(folder, error=DemoContentError, members=set(content.members))
    events = events_read(folder, error=DemoContentError, resource_keys={entry["key"] for entry in resources})
    by_file: dict[str, Practice] = {}
    for entry in content.practices:
        by_file[entry["file"]] = _create(entry, content=content, by_file=by_file)
    made = resources_create(
        resources, folder=folder, member=lambda username: _member(content, username), practices_by_file=by_file
    )
    events_create(events, resources_by_key=made)
    # Members who submitted nothing (the moderator) come after those the practices made.
    for username in content.members:
        _member(content, username)
    demo_members_load()
    from hub.pledges.demo import pledges_load

    pledges = pledges_load(content=content, practices=by_file)
    translations = _translations_create(content, practices=by_file)
    search_rebuild()
    statuses = [entry["status"] for entry in content.practices]
    return {
        "published": statuses.count("published"),
        "queued": statuses.count("submitted"),
        "resources": len(resources),
        "events": len(events),
        "translations": translations,
        **pledges,
        "moderators": [
            (row["username"], row.get("password", ""))
            for row in content.members.values()
            if row.get("moderator") and row.get("password")
        ],
    }


def honest_load(*, by) -> dict[int, str]:
    """Publish every practice of the honest relevance set (hub/search/relevance/honest.json), made by
    `by` (a moderator); {practice id: key}."""
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    keys = {}
    for entry in load_honest()["practices"]:
        data = {
            "title": entry["title"],
            "summary": entry["summary"],
            "background": entry["body"],
            "language": entry["language"],
            "topics": [topics[slug] for slug in entry["themes"] if slug in topics],
            "links": [("Source", entry["source"])],
        }
        if entry["country"]:
            data["country"] = entry["country"]
        practice = practice_create(data=data, by=by, submitted_by=by, publish=True, notify=False)
        keys[practice.pk] = entry["key"]
    return keys
