"""The pledges of the demo content: demo/initiatives.yaml, demo/pledges/NN-name.yaml and the
`represents` of demo/members.yaml (their format: demo/README.md).

Read and checked by hub.practices.demo.demo_read with the rest of the demo, before anything is
written; then created, after the practices and the members, through the pledge services: the
initiatives, the representatives, each pledge (content_create, as a visitor's or an import's) and its
progress updates (a representative's post, or an update recorded as published content).
"""

import re
from datetime import date, timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from hub.people.services import organisation_get_or_create
from hub.places.services import place_get_or_create
from hub.pledges.forms import MAX_TARGETS
from hub.pledges.models import Pledge, Representative, State
from hub.pledges.services import (
    initiative_create,
    pledge_create,
    progress_update_create,
    progress_update_post,
    representative_grant,
)
from hub.practices.demo import (
    MONTH,
    STATUSES,
    DemoContent,
    DemoContentError,
    _moment,
    _month,
    _read_list,
    _yaml,
    check_places,
)
from hub.practices.models import Practice
from hub.vocabularies.models import StakeholderType, Topic

REASON = "Loaded with the demo content"
INITIATIVE_KEYS = {"name", "slug", "description", "host", "start", "end", "website"}
# Each key of a pledge file with the type of its value.
PLEDGE_KEYS = {
    "title": str,
    "status": str,
    "submitted": (date, str),
    "submitted_by": str,
    "submitter_name": str,
    "initiative": str,
    "organisation": str,
    "partners": list,
    "places": list,
    "start": (date, str),
    "end": (date, str),
    "targets": list,
    "themes": list,
    "gcm_objectives": list,
    "practices": list,
    "renews": str,
    "language": str,
    "commitment": str,
    "body": str,
    "updates": list,
}
REQUIRED_PLEDGE_KEYS = {"title", "status", "submitted", "organisation", "commitment"}
UPDATE_KEYS = {"date": (date, str), "state": str, "text": str, "figures": dict, "evidence": list, "by": str}
REQUIRED_UPDATE_KEYS = {"date", "state", "text"}
# "500 families", "1,200 people": a number, then what it counts (as in the submission form).
TARGET = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d{1,10}) (\S.{0,59})$")


def _day(value) -> date | None:
    """A day written YYYY-MM-DD (YAML reads it as a date), or None."""
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def _first_day(value) -> date | None:
    """A month (YYYY-MM) as its first day, or a day (YYYY-MM-DD); None if neither."""
    if isinstance(value, str) and MONTH.match(value):
        return _month(value)
    return _day(value)


def _target(text: str) -> tuple[int, str] | None:
    match = TARGET.match(" ".join(text.split()))
    if match is None or int(match.group(1).replace(",", "")) > 2_000_000_000:
        return None
    return int(match.group(1).replace(",", "")), match.group(2)


def _is_url(value) -> bool:
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        return False
    return True


# ---------------------------------------------------------------- reading the files


def _read_initiatives(path: Path, organisations: dict[str, str]) -> dict[str, dict]:
    initiatives: dict[str, dict] = {}
    slugs = set()

    def fail(message):
        raise DemoContentError(f"{path}: {message}")

    for row in _read_list(path, INITIATIVE_KEYS, {"name", "description"}):
        name = row["name"]
        if not isinstance(name, str) or not isinstance(row["description"], str):
            fail(f"the name and the description are text, not {row!r}.")
        if name in initiatives:
            fail(f"“{name}” appears twice.")
        if (host := row.get("host")) is not None and host not in organisations:
            fail(f"the host of “{name}”, “{host}”, is not in organisations.yaml.")
        for key in ("start", "end"):
            if key in row and _first_day(row[key]) is None:
                fail(f"the {key} of “{name}” is a day written YYYY-MM-DD or a month YYYY-MM, not {row[key]!r}.")
        if "start" in row and "end" in row and _first_day(row["end"]) < _first_day(row["start"]):
            fail(f"“{name}” ends before it starts.")
        if "website" in row and not _is_url(row["website"]):
            fail(f"the website of “{name}” is not a web address starting with https://: {row['website']!r}.")
        if (slug := row.get("slug")) is not None:
            if not isinstance(slug, str) or not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug) or slug in slugs:
                fail(f"the slug of “{name}” is lower-case words joined by “-”, used once: {slug!r}.")
            slugs.add(slug)
        initiatives[name] = row
    return initiatives


def _check_representatives(path: Path, content: DemoContent) -> None:
    for username, row in content.members.items():
        represents = row.get("represents", [])
        for grant in represents if isinstance(represents, list) else [represents]:
            if (
                not isinstance(grant, dict)
                or set(grant) - {"organisation", "trusted"}
                or "organisation" not in grant
                or not isinstance(grant.get("trusted", False), bool)
            ):
                raise DemoContentError(
                    f"{path}: each of the represents of {username} is {{organisation: …, trusted: true}} "
                    f"(trusted optional, true or false), not {grant!r}."
                )
            if grant["organisation"] not in content.organisations:
                raise DemoContentError(
                    f"{path}: {username} represents “{grant['organisation']}”, which is not in organisations.yaml."
                )


def _represents(content: DemoContent, username: str, organisation: str) -> bool:
    return any(grant["organisation"] == organisation for grant in content.members[username].get("represents", []))


def _read_pledge(path: Path) -> dict:
    entry = _yaml(path, path.read_text(encoding="utf-8"))
    if not isinstance(entry, dict):
        raise DemoContentError(f"{path}: a pledge file is “key: value” lines (see demo/README.md).")
    if unknown := set(entry) - set(PLEDGE_KEYS):
        raise DemoContentError(
            f"{path}: unknown key(s) {', '.join(sorted(map(str, unknown)))}; known: {', '.join(PLEDGE_KEYS)}."
        )
    if missing := REQUIRED_PLEDGE_KEYS - {key for key, value in entry.items() if value not in (None, "")}:
        raise DemoContentError(f"{path}: {', '.join(sorted(missing))} missing.")
    for key, value in entry.items():
        if value is not None and not isinstance(value, PLEDGE_KEYS[key]):
            hint = " (put the value in quotes)" if isinstance(value, bool | int | float | date) else ""
            raise DemoContentError(f"{path}: {key} has a value of the wrong kind: {value!r}{hint}.")
    entry = {key: value for key, value in entry.items() if value is not None}
    for key in ("commitment", "body"):
        if key in entry:
            entry[key] = entry[key].strip()
    entry["file"] = path.stem
    return entry


def _check_pledge(path: Path, entry: dict, content: DemoContent, vocabularies: dict) -> None:
    """Every value names something that exists and fits what the pledge form accepts."""

    def fail(message):
        raise DemoContentError(f"{path}: {message}")

    if entry["status"] not in STATUSES:
        fail(f"status “{entry['status']}” is not one of: {', '.join(STATUSES)}.")
    if _day(entry["submitted"]) is None:
        fail(f"submitted “{entry['submitted']}” is not a day written YYYY-MM-DD.")
    for name, limit in (("title", Pledge._meta.get_field("title").max_length), ("commitment", 1000)):
        if len(entry[name]) > limit:
            fail(f"the {name} is longer than {limit} characters.")
    if "submitted_by" in entry and "submitter_name" in entry:
        fail("submitted_by (a member) or submitter_name (a visitor without an account), not both.")
    if "submitted_by" in entry and entry["submitted_by"] not in content.members:
        fail(f"submitted_by “{entry['submitted_by']}” is not a username of members.yaml.")
    for key in ("partners", "themes", "practices", "targets"):
        if not all(isinstance(value, str) for value in entry.get(key, [])):
            fail(f"{key} is a list of names: {entry[key]!r}.")
    if not all(isinstance(value, int) for value in entry.get("gcm_objectives", [])):
        fail(f"gcm_objectives is a list of numbers: {entry['gcm_objectives']!r}.")
    for name in [entry["organisation"], *entry.get("partners", [])]:
        if name not in content.organisations:
            fail(f"the organisation “{name}” is not in organisations.yaml.")
    if (initiative := entry.get("initiative")) and initiative not in content.initiatives:
        known = ", ".join(f"“{name}”" for name in content.initiatives) or "none (initiatives.yaml is missing)"
        fail(f"the initiative “{initiative}” is not in initiatives.yaml; known: {known}.")
    check_places(entry.get("places", []), fail)
    for key in ("start", "end"):
        if key in entry and not (isinstance(entry[key], str) and MONTH.match(entry[key])):
            fail(f"{key} “{entry[key]}” is not a month written YYYY-MM.")
    if "start" in entry and "end" in entry and _month(entry["end"]) < _month(entry["start"]):
        fail(f"the end ({entry['end']}) comes before the start ({entry['start']}).")
    languages = [code for code, _ in settings.TRANSLATED_LANGUAGES]
    if entry.get("language", "en") not in languages:
        fail(f"language “{entry['language']}” is not one of: {', '.join(languages)}.")
    for key in ("themes", "gcm_objectives"):
        if unknown := [value for value in entry.get(key, []) if str(value) not in vocabularies[key]]:
            fail(f"unknown {key}: {', '.join(map(str, unknown))}; known: {', '.join(sorted(vocabularies[key]))}.")
    practice_files = {practice["file"]: practice for practice in content.practices}
    for name in entry.get("practices", []):
        if name not in practice_files:
            fail(f"practices: “{name}” is not the file name (without .md) of a practice in practices/.")
    if renews := entry.get("renews"):
        earlier = {pledge["file"]: pledge for pledge in content.pledges}
        if renews not in earlier:
            fail(f"renews “{renews}” must be the file name (without .yaml) of a pledge that comes earlier.")
        if earlier[renews]["status"] != "published":
            fail(f"renews “{renews}”, which is not published: only a published pledge can be renewed.")
    units = {}
    for text in entry.get("targets", []):
        target = _target(text)
        if target is None:
            fail(f"the target “{text}” is not a number followed by what it counts, like “500 families”.")
        if target[1].casefold() in units:
            fail(f"two targets count {target[1]}: one target a unit.")
        units[target[1].casefold()] = target[1]
    if len(units) > MAX_TARGETS:
        fail(f"at most {MAX_TARGETS} targets.")
    _check_updates(entry, units, content, fail)


def _check_updates(entry: dict, units: dict[str, str], content: DemoContent, fail) -> None:
    updates = entry.get("updates", [])
    if updates and entry["status"] != "published":
        fail("only a published pledge has progress updates (a representative posts them on its page).")
    previous = None
    for number, update in enumerate(updates, start=1):
        where = f"update {number}"
        if not isinstance(update, dict):
            fail(f"{where} is “key: value” lines under “- ”, not {update!r}.")
        if unknown := set(update) - set(UPDATE_KEYS):
            fail(f"{where}: unknown key(s) {', '.join(sorted(map(str, unknown)))}; known: {', '.join(UPDATE_KEYS)}.")
        if missing := REQUIRED_UPDATE_KEYS - {key for key, value in update.items() if value not in (None, "")}:
            fail(f"{where}: {', '.join(sorted(missing))} missing.")
        for key, value in update.items():
            if not isinstance(value, UPDATE_KEYS[key]):
                fail(f"{where}: {key} has a value of the wrong kind: {value!r}.")
        day = _day(update["date"])
        if day is None:
            fail(f"{where}: the date “{update['date']}” is not a day written YYYY-MM-DD.")
        if previous and day < previous:
            fail(f"{where} ({day}) comes before the update above it: updates go oldest first.")
        previous = day
        if update["state"] not in State.values:
            fail(f"{where}: the state “{update['state']}” is not one of: {', '.join(State.values)}.")
        for unit, reached in update.get("figures", {}).items():
            if str(unit).casefold() not in units:
                targets = ", ".join(units.values())
                fail(f"{where}: a figure for “{unit}”, which is not a target of the pledge ({targets}).")
            if not isinstance(reached, int) or isinstance(reached, bool) or not 0 <= reached <= 2_000_000_000:
                fail(f"{where}: the figure for {unit} is a whole number of 0 or more, not {reached!r}.")
        for link in update.get("evidence", []):
            if not _is_url(link):
                fail(f"{where}: the evidence “{link}” is not a web address starting with https://.")
        if (by := update.get("by")) is not None:
            if by not in content.members:
                fail(f"{where}: by “{by}” is not a username of members.yaml.")
            if not _represents(content, by, entry["organisation"]):
                fail(
                    f"{where}: by “{by}”, who does not represent {entry['organisation']} "
                    f"(their represents in members.yaml): only its representatives post its progress."
                )


def pledges_read(*, folder: Path, content: DemoContent, vocabularies: dict) -> None:
    """Read and check initiatives.yaml and pledges/*.yaml into `content` (both optional: a demo
    without pledges loads without them)."""
    _check_representatives(folder / "members.yaml", content)
    if (folder / "initiatives.yaml").exists():
        content.initiatives = _read_initiatives(folder / "initiatives.yaml", content.organisations)
    for path in sorted((folder / "pledges").glob("*")) if (folder / "pledges").is_dir() else []:
        if path.suffix != ".yaml":
            raise DemoContentError(f"{path}: the pledges folder holds only pledge files named NN-name.yaml.")
        entry = _read_pledge(path)
        _check_pledge(path, entry, content, vocabularies)
        content.pledges.append(entry)


# ---------------------------------------------------------------- writing the database


def _organisation(content: DemoContent, name: str, sectors: dict):
    return organisation_get_or_create(name=name, stakeholder_type=sectors.get(content.organisations[name]))


def _create_pledge(
    entry: dict, *, content: DemoContent, sectors: dict, initiatives: dict, practices: dict, earlier: dict
) -> Pledge:
    published = entry["status"] == "published"
    submitted_at = _moment(_day(entry["submitted"]))
    preset = {"submitted_at": submitted_at}
    if published:
        preset["published_at"] = submitted_at + timedelta(days=3)  # as the demo's practices
    topic_slugs = [*entry.get("themes", []), *(f"gcm-objective-{n}" for n in entry.get("gcm_objectives", []))]
    data = {
        "title": entry["title"],
        "commitment": entry["commitment"],
        "body": entry.get("body", ""),
        "organisation": _organisation(content, entry["organisation"], sectors),
        "initiative": initiatives.get(entry.get("initiative")),
        "start_date": _month(entry.get("start")),
        "end_date": _month(entry.get("end")),
        "language": entry.get("language", "en"),
        "renews": earlier.get(entry.get("renews", "")),
        "partners": [_organisation(content, name, sectors) for name in entry.get("partners", [])],
        "places": [
            place_get_or_create(name=p["name"], country=p["country"], kind=p.get("kind", ""))
            for p in entry.get("places", [])
        ],
        "topics": list(Topic.objects.filter(slug__in=topic_slugs).order_by("pk")),
        "practices": [practices[name] for name in entry.get("practices", [])],
        "targets": [_target(text) for text in entry.get("targets", [])],
    }
    username = entry.get("submitted_by")
    return pledge_create(
        data=data,
        by=None,
        submitted_by=get_user_model().objects.get(username=username) if username else None,
        submitter_name=entry.get("submitter_name", ""),
        publish=published,
        reason=REASON,
        notify=False,
        **preset,
    )


def _create_update(pledge: Pledge, update: dict) -> None:
    targets = {target.unit.casefold(): target.pk for target in pledge.targets.all()}
    data = {
        "date": _day(update["date"]),
        "text": update["text"].strip(),
        "state": update["state"],
        "evidence": update.get("evidence", []),
        "figures": {targets[str(unit).casefold()]: reached for unit, reached in update.get("figures", {}).items()},
    }
    moment = _moment(data["date"])
    if username := update.get("by"):
        user = get_user_model().objects.get(username=username)
        representative = Representative.objects.get(user=user, organisation=pledge.organisation)
        dates = {"submitted_at": moment, **({"published_at": moment} if representative.trusted else {})}
        progress_update_post(pledge=pledge, data=data, by=user, representative=representative, notify=False, **dates)
    else:
        progress_update_create(
            pledge=pledge,
            data=data,
            by=None,
            publish=True,
            reason=REASON,
            notify=False,
            submitted_at=moment,
            published_at=moment,
        )


def pledges_load(*, content: DemoContent, practices: dict[str, Practice]) -> dict:
    """Create the initiatives, representatives, pledges and updates of `content` (the members and the
    practices exist already); returns what the load_demo command reports."""
    User = get_user_model()
    sectors = {s.slug: s for s in StakeholderType.objects.all()}
    moderator = next(
        (User.objects.get(username=name) for name, row in content.members.items() if row.get("moderator")), None
    )
    initiatives = {}
    for name, row in content.initiatives.items():
        initiatives[name] = initiative_create(
            data={
                "name": name,
                "slug": row.get("slug", ""),
                "description": row["description"].strip(),
                "host": _organisation(content, row["host"], sectors) if row.get("host") else None,
                "start_date": _first_day(row.get("start")),
                "end_date": _first_day(row.get("end")),
                "website": row.get("website", ""),
            }
        )
    representatives = []
    for username, row in content.members.items():
        for grant in row.get("represents", []):
            representative_grant(
                user=User.objects.get(username=username),
                organisation=_organisation(content, grant["organisation"], sectors),
                trusted=grant.get("trusted", False),
                by=moderator,
            )
            if row.get("password") and row.get("email"):
                representatives.append((username, row["password"], grant["organisation"]))
    earlier: dict[str, Pledge] = {}
    updates = 0
    for entry in content.pledges:
        pledge = _create_pledge(
            entry, content=content, sectors=sectors, initiatives=initiatives, practices=practices, earlier=earlier
        )
        earlier[entry["file"]] = pledge
        for update in entry.get("updates", []):
            _create_update(pledge, update)
            updates += 1
    return {"pledges": len(content.pledges), "updates": updates, "representatives": representatives}
