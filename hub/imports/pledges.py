"""Commitments in what is imported become pledges, each with the practice it implements.

Listing pages like the Call to Local Action's say "Barranquilla commits to implement PA'LANTE from
June 2023–December 2024 to support 500 migrant and refugee families" or "Montréal deepens its
commitment …, first pledged to the Call to Local Action in 2022": the practice is imported as
before (services.py), then each such entry gets its pledge here. CSV and JSON rows with a
`commitment` column do the same. A pledge already here for that practice and body is left as it is,
so importing the same files again changes nothing.
"""

import csv
import io
import json
import re
from dataclasses import dataclass

from hub.imports import extract
from hub.imports.parsers import Record, decode
from hub.people.services import organisation_get_or_create
from hub.places.services import place_get_or_create
from hub.pledges.models import Initiative, Pledge, State
from hub.pledges.services import pledge_create
from hub.practices.models import Practice
from hub.vocabularies.models import StakeholderType

_COMMITS = re.compile(
    r"^(?:The\s+)?(?P<body>[A-Z][^.;:]{1,120}?)\s+"
    r"(?P<verb>commits to|deepens its commitment to|renews its commitment to)\s",
)
_FIRST_PLEDGED = re.compile(
    r"first pledged to (?:the )?(?P<initiative>[A-Z][\w’' -]{2,80}?) in (?P<year>(?:19|20)\d\d)", re.IGNORECASE
)
_NAMED_INITIATIVE = re.compile(r"\b(Call to Local Action|Global Refugee Forum)\b")
_LOCAL_WORDS = re.compile(r"\b(?:City|Municipality|Municipal|Town|Mayor|Province|Provincial|Metropolitan)\b", re.I)
_ORG_WORDS = re.compile(r"\b(?:Government|Ministry|Council|Commission|Organi[sz]ation|Agency|Foundation|Bank)\b")


@dataclass
class Commitment:
    body: str
    sentence: str
    rest: str
    deepens: bool
    first_pledged_to: str
    first_pledged_in: int | None


def commitment_in(text: str) -> Commitment | None:
    """The commitment an entry's text states, or None for a plain practice."""
    text = " ".join(text.split())
    match = _COMMITS.match(text)
    if match is None:
        return None
    body = match.group("body").strip()
    if not (_LOCAL_WORDS.search(body) or _ORG_WORDS.search(body)):
        body = f"City of {body}"  # "Barranquilla commits to…": the city speaks for itself
    body = body[0].upper() + body[1:]
    sentence, _, rest = text.partition(". ")
    first = _FIRST_PLEDGED.search(text)
    return Commitment(
        body=body[:200],
        sentence=(sentence if sentence.endswith(".") else f"{sentence}.")[:1000],
        rest=rest.strip(),
        deepens=match.group("verb") != "commits to",
        first_pledged_to=first.group("initiative").strip() if first else "",
        first_pledged_in=int(first.group("year")) if first else None,
    )


def _initiative(name: str) -> Initiative | None:
    if not name:
        return None
    found = Initiative.objects.filter(name__iexact=name).first()
    if found is None:
        from hub.lib.slugs import unique_slug

        found = Initiative.objects.create(name=name, slug=unique_slug(Initiative, name, max_length=100))
    return found


def _local_government():
    return StakeholderType.objects.filter(slug="local-government").first()


def _practice_for(title: str) -> Practice | None:
    return Practice.objects.filter(title=title).order_by("pk").first()


def _write(report, *, title: str, where: str, data: dict, practice: Practice | None, by, publish: bool, submitter):
    organisation = data["organisation"]
    existing = Pledge.objects.filter(organisation=organisation, title=title)
    if practice is not None:
        existing = Pledge.objects.filter(organisation=organisation, practices=practice) | existing
    if found := existing.first():
        report.pledges.append({"title": title, "where": where, "id": found.pk, "action": "unchanged"})
        return
    pledge = pledge_create(
        data={**data, "title": title, "practices": [practice] if practice else []},
        by=by,
        publish=publish,
        notify=False,
        reason="Imported",
        submitter_name=submitter,
    )
    report.pledges.append({"title": title, "where": where, "id": pledge.pk, "action": "created"})


def _from_record(record: Record, report, *, by, publish: bool) -> None:
    commitment = commitment_in(record.summary)
    if commitment is None:
        return
    local = _LOCAL_WORDS.search(commitment.body) or commitment.body.startswith("City of")
    organisation = organisation_get_or_create(
        name=commitment.body, stakeholder_type=_local_government() if local else None
    )
    named = _NAMED_INITIATIVE.search(record.summary)
    initiative = _initiative(commitment.first_pledged_to or (named.group(1) if named else ""))
    renews = None
    if commitment.first_pledged_in:
        renews = (
            Pledge.objects.published()
            .filter(organisation=organisation, start_date__year__lte=commitment.first_pledged_in)
            .order_by("-start_date")
            .first()
        )
    number, unit = extract.target(record.summary)
    data = {
        "commitment": commitment.sentence,
        "body": commitment.rest,
        "organisation": organisation,
        "initiative": initiative,
        "start_date": record.start_date,
        "end_date": record.end_date,
        "state": State.IN_PROGRESS if commitment.deepens else State.PLEDGED,
        "language": record.language,
        "renews": renews,
        "targets": [(number, unit)] if number else [],
        "places": [place_get_or_create(name=name, country=code, kind=kind) for name, code, kind in record.places],
    }
    _write(
        report,
        title=record.title,
        where=record.where,
        data=data,
        practice=_practice_for(record.title),
        by=by,
        publish=publish,
        submitter=record.submitter_name,
    )


def _rows(name: str, raw: bytes) -> list[dict]:
    text = decode(raw)
    if name.lower().endswith(".csv"):
        return list(csv.DictReader(io.StringIO(text)))
    if name.lower().endswith(".json"):
        try:
            data = json.loads(text)
        except ValueError:
            return []
        return [row for row in (data if isinstance(data, list) else []) if isinstance(row, dict)]
    return []


def _targets(value: str) -> list[tuple[int, str]]:
    """ "500 families; 40 ambassadors" """
    targets = []
    for part in str(value or "").split(";"):
        if match := re.match(r"^\s*(\d[\d,]*)\s+(\S.{0,59})$", part):
            targets.append((int(match.group(1).replace(",", "")), match.group(2).strip()))
    return targets


def _from_row(source: str, line: int, row: dict, report, *, by, publish: bool) -> None:
    row = {str(k).strip().casefold(): ("" if v is None else str(v).strip()) for k, v in row.items() if k}
    if not row.get("commitment") or not row.get("title"):
        return
    body = row.get("pledging_body") or row.get("organisation")
    if not body:
        report.skipped.append({"where": f"{source}, line {line}", "message": "a pledge row names no pledging body"})
        return
    state = row.get("state") or State.PLEDGED
    if state not in State.values:
        message = f"state “{state}” is not one of {', '.join(State.values)}"
        report.skipped.append({"where": f"{source}, line {line}", "message": message})
        return
    places = []
    for place in (row.get("places") or "").split(";"):
        name, _, code = place.rpartition(",")
        if re.fullmatch(r"[A-Za-z]{2}", code.strip()):
            places.append(place_get_or_create(name=name.strip(), country=code.strip().upper()))
    start, end = extract.period(f"{row.get('start', '')}-{row.get('end', '')}") if row.get("start") else (None, None)
    data = {
        "commitment": row["commitment"][:1000],
        "body": row.get("commitment_in_full", ""),
        "organisation": organisation_get_or_create(name=body),
        "initiative": _initiative(row.get("initiative", "")),
        "start_date": start,
        "end_date": end,
        "state": state,
        "language": row.get("language") or "en",
        "targets": _targets(row.get("targets", "")),
        "places": places,
    }
    title = " ".join(row["title"].split())[:250]
    _write(
        report,
        title=title,
        where=f"{source}, line {line}",
        data=data,
        practice=_practice_for(title),
        by=by,
        publish=publish,
        submitter=row.get("submitter_name", ""),
    )


def import_pledges(*, files: list[tuple[str, bytes]], records: list[Record], report, by, publish: bool) -> None:
    """After the practices of an import are written: the pledges their entries and rows state."""
    for record in records:
        if not record.source.lower().endswith((".csv", ".json")):
            _from_record(record, report, by=by, publish=publish)
    for name, raw in files:
        for line, row in enumerate(_rows(name, raw), start=2 if name.lower().endswith(".csv") else 1):
            _from_row(name, line, row, report, by=by, publish=publish)
